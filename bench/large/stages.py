"""`retailkg validate` with the CPU time of each stage: where a chain's design spends its time.

    python bench/large/stages.py validate bench/out/large/chain-5471/chain.yaml -o /tmp/r.json --quiet
    PYTHONPATH=bench/out/large/old-20448e7/src python bench/large/stages.py validate ...   # an earlier commit

The progress stages and the pipeline's main functions are wrapped with timers (wall, and CPU of the
whole process while in them, so a loader thread's work counts); the table goes to stderr at exit.
Used for the per-stage table of bench/RESULTS.md ("large"); the whole-process figures are run.py's.
"""
# ruff: noqa
import sys, time, os, atexit, functools, importlib
T0 = time.perf_counter()
rows = []
def timed(label, fn):
    @functools.wraps(fn)
    def w(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*a, **k)
        finally:
            rows.append((label, time.perf_counter() - t, time.process_time() - c))
    return w
from retailkg.text import progress
import contextlib
orig_stage, orig_task = progress.stage, progress.task
class Wrap:
    def __init__(self, label, inner): self.label, self.inner = label, inner
    def __enter__(self):
        self.t, self.c = time.perf_counter(), time.process_time(); return self.inner.__enter__()
    def __exit__(self, *e):
        r = self.inner.__exit__(*e); rows.append(("stage " + self.label, time.perf_counter() - self.t, time.process_time() - self.c)); return r
progress.stage = lambda label: Wrap(label, orig_stage(label))
progress.task = lambda label, total=None: Wrap(label, orig_task(label, total))
def patch(modname, attr, label=None):
    m = importlib.import_module(modname)
    setattr(m, attr, timed(label or f"{modname.rsplit('.',1)[-1]}.{attr}", getattr(m, attr)))
patch("retailkg.design.readers", "read_design")
import retailkg.cli.validate as cv
cv.read_design = timed("read_design(cli)", cv.read_design) if hasattr(cv, "read_design") else None
patch("retailkg.design.resolve", "resolve")
import retailkg.validation.pipeline as pl
pl.resolve = timed("resolve", pl.resolve); pl.read_design = timed("read_design", pl.read_design)
import retailkg.design.matching as mt
mt.Matcher.prepare = timed("matcher.prepare", mt.Matcher.prepare)
mt.matcher_for = timed("matcher_for", mt.matcher_for)
import retailkg.validation.proposals as pr
pr.propose = timed("proposals", pr.propose); pr.restructures = timed("proposals", pr.restructures)
if hasattr(pr, "propose_everything"): pr.propose_everything = timed("proposals", pr.propose_everything)
pl.post_records = timed("post_records", pl.post_records)
pl.validate_design = timed("validate_design", pl.validate_design)
pl.evaluate = timed("evaluate", pl.evaluate)
pl.merged_census = timed("merged_census", pl.merged_census)
import retailkg.validation.naming as nm
pl.name_findings = timed("naming (in rules stage)", nm.name_findings)
pl.sort_findings = timed("sort_findings", nm.sort_findings)
pl.coverage = timed("coverage", nm.coverage)
pl.design_store = timed("design_store", pl.design_store)
cv._write = timed("cli._write", cv._write)
def report():
    agg = {}
    for l, w, c in rows:
        a = agg.setdefault(l, [0, 0.0, 0.0]); a[0] += 1; a[1] += w; a[2] += c
    ru = __import__("resource").getrusage(__import__("resource").RUSAGE_SELF)
    print(f"total wall {time.perf_counter()-T0:.2f} cpu {ru.ru_utime+ru.ru_stime:.2f} peak {ru.ru_maxrss/1024:.0f} MiB", file=sys.stderr)
    for l, (n, w, c) in agg.items():
        print(f"{l:40s} n={n:4d} wall {w:7.2f} cpu(proc) {c:7.2f}", file=sys.stderr)
atexit.register(report)
from retailkg.cli import main
sys.argv = ["retailkg", *sys.argv[1:]]
main()
