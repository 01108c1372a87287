"""Where users wait: ``retailkg build``, the first query after it, and a search, against the owlrl path.

``python bench/startup/run.py`` runs two source trees side by side, each command in a fresh process
as a user runs it (``python -m retailkg …``, interpreter start, imports and exit included):

- **owlrl**: the tree of ``--baseline`` (default: the last commit before the SPARQL
  materialisation, whose data is this checkout's; release 0.1.0's tree, 3046b31, has older
  data), extracted with ``git archive``: owlrl's reasoner in the build, a build that
  leaves the query cache empty (so the first query reasons again), jieba's dictionary loaded by
  every search;
- **now**: this checkout.

Each round, for each tree in turn (the order alternates from round to round), the tree's own cache
folder (``XDG_CACHE_HOME``) is emptied of builds and search indexes (jieba's lexicon stays, as on
any machine that searched before), then it runs ``build``, ``query run documents`` twice and
``search 会员`` twice. Reported: the median wall time and the median CPU time (user + system, of the
process) of each step. The two trees must print the same query and search results and write the
same N-Triples, or the benchmark stops. Writes bench/startup/results.json and the "startup" section
of bench/RESULTS.md.

The machine may be shared: the load average at the start and the end is recorded; CPU time is the
figure a busy machine inflates least.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/results_md.py, shared by the benchmarks
import results_md

REPO = Path(__file__).resolve().parents[2]
BASELINE = "3626d31"  # the last commit whose build ran owlrl (same data as the merge that replaced it)
STEPS = {
    "build": ["build", "-o", "{out}", "-q"],
    "first query after build": ["query", "run", "documents", "--format", "csv"],
    "query, cache warm": ["query", "run", "documents", "--format", "csv"],
    "first search after build": ["search", "会员", "--format", "json"],
    "search, warm": ["search", "会员", "--format", "json"],
}
VARIANTS = ("owlrl", "now")
TARGETS = {"build": 2.0, "first query after build": 0.5, "search, warm": 0.3}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO, check=True).stdout.strip()


def extract(rev: str, into: Path) -> Path:
    """The source tree of ``rev`` (src/, ontology/, data/, …) under ``into``."""
    archive = into / "baseline.tar"
    with archive.open("wb") as f:
        subprocess.run(["git", "archive", rev], stdout=f, cwd=REPO, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    archive.unlink()
    return into / "tree"


def run(tree: Path, xdg: Path, argv: list[str]) -> tuple[float, float, bytes]:
    """One command in a fresh process: (wall seconds, CPU seconds, stdout)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), XDG_CACHE_HOME=str(xdg), PYTHONHASHSEED="0")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "retailkg", *argv], env=env, capture_output=True, cwd=tree)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed in {tree}:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def clean(xdg: Path) -> None:
    """Remove the builds and search indexes of a cache folder (not jieba's lexicon)."""
    folder = xdg / "retailkg"
    for pattern in ("retailkg-*.trig", "search-*.json"):
        for f in folder.glob(pattern):
            f.unlink()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def render(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        "## startup: build, first query and search, against the owlrl path",
        "",
        "`bench/startup/run.py` runs the owlrl path (the tree of commit "
        f"`{result['baseline']}`, the last before the SPARQL materialisation, as 0.1.0 worked: owlrl in the build, "
        "a build that leaves the query cache empty, jieba's dictionary "
        "loaded by every search) and this checkout side by side, each command a fresh `python -m retailkg` "
        "process, the two trees alternating round by round; the two must print the same query and search "
        "results and write the same N-Triples.",
        "",
        "```sh",
        "python bench/startup/run.py                 # 5 rounds",
        "python bench/startup/run.py --rounds 9",
        "```",
        "",
        f"### Result ({m['cpus']} × {m['cpu']}, Python {m['python']})",
        "",
        f"Commit `{result['commit']}`, {result['date']}, median of {result['rounds']} rounds. The machine was shared: load "
        f"average {m['load_start']:.1f} at the start and {m['load_end']:.1f} at the end on {m['cpus']} CPUs, so wall "
        "times carry the wait for a CPU; CPU time (user + system of the process) is the steadier figure.",
        "",
        "| step | owlrl wall | now wall | owlrl CPU | now CPU | CPU, owlrl / now | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for step in STEPS:
        old, new = result["steps"][step][VARIANTS[0]], result["steps"][step][VARIANTS[1]]
        ratio = old["cpu_s"] / new["cpu_s"] if new["cpu_s"] else float("inf")
        target = f"≤ {TARGETS[step]} s" if step in TARGETS else ""
        lines.append(f"| {step} | {old['wall_s']:.2f} s | {new['wall_s']:.2f} s | {old['cpu_s']:.2f} s | {new['cpu_s']:.2f} s "
                     f"| {ratio:.1f}× | {target} |")
    lines += [
        "",
        "What changed: the build materialises the ontology's entailments with OWL 2 RL rules run as SPARQL "
        "updates on pyoxigraph (`kg/reasoning.py`; tests/test_reasoning.py compares them with owlrl), parses "
        "with pyoxigraph and writes TriG with it; the build leaves its TriG in the query cache; search saves its "
        "index and reads a query's words from an SQLite copy of jieba's dictionary instead of loading it; "
        "the CLI imports only the command it runs and freezes the garbage collector before the interpreter exits.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build, first query and search: the owlrl path against this checkout")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (each runs every step of both trees once)")
    parser.add_argument("--baseline", default=BASELINE, help=f"the commit of the old path [default: {BASELINE}]")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.json")
    parser.add_argument("--results-md", type=Path, default=REPO / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 50:
        parser.error("--rounds must be 1..50")
    try:
        import owlrl  # noqa: F401  (the old path's reasoner, a test dependency now)
    except ImportError:
        parser.error("the old path needs owlrl: pip install '.[test]'")
    load_start = os.getloadavg()[0]
    samples: dict[str, dict[str, list[tuple[float, float]]]] = {s: {v: [] for v in VARIANTS} for s in STEPS}
    with tempfile.TemporaryDirectory(prefix="retailkg-bench-startup-") as tmp:
        root = Path(tmp)
        trees = {VARIANTS[0]: extract(args.baseline, root), VARIANTS[1]: REPO}
        xdgs = {v: root / f"xdg-{i}" for i, v in enumerate(VARIANTS)}
        for r in range(args.rounds):
            outputs: dict[str, dict[str, bytes]] = {}
            for variant in VARIANTS if r % 2 == 0 else tuple(reversed(VARIANTS)):
                clean(xdgs[variant])
                out = root / f"kg-{VARIANTS.index(variant)}"
                shutil.rmtree(out, ignore_errors=True)
                outputs[variant] = {}
                for step, template in STEPS.items():
                    wall, cpu, stdout = run(trees[variant], xdgs[variant], [a.replace("{out}", str(out)) for a in template])
                    samples[step][variant].append((wall, cpu))
                    outputs[variant][step] = stdout
                    print(f"round {r + 1} {variant:14} {step:26} wall {wall:6.2f} s  cpu {cpu:6.2f} s", flush=True)
                outputs[variant]["nt"] = (out / "retailkg.nt").read_bytes()
            for key in ("first query after build", "search, warm", "nt"):
                if outputs[VARIANTS[0]][key] != outputs[VARIANTS[1]][key]:
                    raise SystemExit(f"the two trees differ on {key!r}: stopping")
    steps = {s: {v: {"wall_s": round(statistics.median(w for w, _ in xs), 3), "cpu_s": round(statistics.median(c for _, c in xs), 3),
                     "samples": [[round(w, 3), round(c, 3)] for w, c in xs]} for v, xs in per.items()} for s, per in samples.items()}
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    result = {
        "date": datetime.date.today().isoformat(), "commit": git("rev-parse", "--short", "HEAD") + ("+dirty" if dirty else ""),
        "baseline": args.baseline, "rounds": args.rounds,
        "machine": {"cpu": cpu_model(), "cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_start": round(load_start, 2), "load_end": round(os.getloadavg()[0], 2)},
        "steps": steps,
    }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    results_md.write_section(args.results_md, render(result), "## startup")
    print(render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
