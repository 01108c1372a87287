"""Large designs side by side: `retailkg validate` of a chain's YAML and Excel forms, today's code
against an earlier commit's, alternating in fresh processes in one run.

    python bench/large/run.py                                    # 10,000 stores, old = 3046b31, 3 repeats
    python bench/large/run.py --stores 200 --repeat 1 --results /tmp/R.md --json /tmp/r.json
    python bench/large/run.py --stores 5471 --nt 1m               # also the 1M-triple .nt against the parse floor

Why: issue 18 asks for the 10,000-store chain's YAML in 12 s and 1.5 GiB and its Excel form in 15 s,
measured beside the code before the change on the same machine, in one run (this machine's speed
drifts by tens of per cent within an hour, so the two are run in alternation, the order swapped on
each repeat). Each run is the whole command a user types, from interpreter start to exit, writing
the JSON report: wall time, CPU time (user + system) and peak resident memory of the process.

Checks, in the same run: every finding id the earlier code reports is reported now, no more and no
fewer (the new JSON's entries expanded by their ``units``, and ``--expand-units`` once, finding for
finding), and the count equals the generator's manifest.

The earlier commit is taken from this repository with ``git archive`` into ``--out`` and imported
through PYTHONPATH with the same interpreter and libraries. Results: the ``## large`` section of
bench/RESULTS.md (bench/results_md.py) and ``bench/large/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "bench"))

from results_md import write_section  # noqa: E402


def old_source(commit: str, out: Path) -> Path:
    """The ``src`` folder of ``commit``, extracted once into ``out`` with the data beside it (a checkout's layout)."""
    dest = out / f"old-{commit}"
    if not (dest / "src" / "retailkg").is_dir():
        data = subprocess.run(["git", "-C", str(REPO), "archive", commit, "src", "ontology", "data", "shapes", "queries"],
                              check=True, capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return dest / "src"


def generate(stores: int, out: Path, formats: str) -> dict[str, Any]:
    folder = out / f"chain-{stores}"
    if not (folder / "manifest.json").is_file():
        subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--scale", str(stores), "--out", str(folder),
                        "--formats", formats], check=True)
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["folder"] = str(folder)
    return manifest


def run_once(design: Path, report: Path, old_src: Path | None, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """One ``retailkg validate`` in a fresh process: wall, CPU and peak memory (of that process alone)."""
    env = dict(os.environ)
    if old_src is not None:
        env["PYTHONPATH"] = str(old_src)
    else:
        env.pop("PYTHONPATH", None)
    cmd = [sys.executable, "-m", "retailkg", "validate", str(design), "-o", str(report), "--quiet", *extra]
    started = time.time() - 1
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree = TreePeak(proc.pid)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    tree.stop()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or not report.is_file() or report.stat().st_mtime < started:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mib": round(usage.ru_maxrss / 1024, 1), "exit": code, "report_bytes": report.stat().st_size,
            "peak_tree_mib": round(tree.peak / 1024, 1)}


class TreePeak:
    """The largest resident memory of a process and its children together, sampled every 20 ms from
    /proc (Linux; 0 elsewhere). A forked helper shares pages with its parent: the sum counts them
    twice, so it is an upper bound of what the two take together. The CPU time above already
    counts a helper (``wait4`` includes the children the process waited for); its peak memory is
    only the larger of the two's."""

    def __init__(self, pid: int) -> None:
        import threading

        self.pid, self.peak = pid, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _rss_kib(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def _run(self) -> None:
        while not self._done.wait(0.02):
            try:
                kids = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
            except OSError:
                kids = []
            self.peak = max(self.peak, self._rss_kib(self.pid) + sum(self._rss_kib(int(k)) for k in kids))

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


FLOOR = """
import sys, pyoxigraph as ox
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES)
print(len(store))
"""


def run_floor(nt: Path) -> dict[str, Any]:
    """The parse floor in a fresh process: pyoxigraph parsing the .nt into an in-memory store, nothing else."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", FLOOR, str(nt)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    out = proc.stdout.read().decode() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"floor failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mib": round(usage.ru_maxrss / 1024, 1), "triples": int(out.strip() or 0)}


def finding_ids(report: Path) -> list[str]:
    """Every finding id of a JSON report, grouped entries expanded by their units."""
    doc = json.loads(report.read_text(encoding="utf-8"))
    return [u["id"] for f in doc["findings"] for u in (f.get("units") or [f])]


def machine(load_start: float | None = None) -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    start = load[0] if load_start is None else load_start
    return f"{cpu}, {os.cpu_count()} CPUs; Python {platform.python_version()}; load average at the start {start:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stores", type=int, default=10_000)
    ap.add_argument("--old", default="3046b31", help="the commit to compare with")
    ap.add_argument("--new", default="", help="a commit to measure as new, taken like --old (default: this checkout as it is)")
    ap.add_argument("--forms", default="yaml,xlsx")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "large")
    ap.add_argument("--results", type=Path, default=REPO / "bench" / "RESULTS.md")
    ap.add_argument("--json", type=Path, default=HERE / "results.json")
    ap.add_argument("--note", action="append", default=[], help="a paragraph for the section (what the run is for)")
    ap.add_argument("--nt", default="", help="also the design as N-Triples at this scale (e.g. 1m): old, new and the "
                    "parse floor alternating")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    head = args.new or subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                      text=True).stdout.strip()
    old_src = old_source(args.old, args.out)
    new_src = old_source(args.new, args.out) if args.new else None
    forms = args.forms.split(",")
    manifest = generate(args.stores, args.out, ",".join(forms))
    folder = Path(manifest["folder"])
    expected = len(manifest["findings"])
    files = {"yaml": folder / "chain.yaml", "xlsx": folder / "chain.xlsx", "csv": folder / "chain-csv"}
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {f: {"old": [], "new": []} for f in forms}
    checks: list[tuple[str, bool, str]] = []
    for form in forms:
        design = files[form]
        for r in range(args.repeat):
            order = ("old", "new") if r % 2 == 0 else ("new", "old")
            for side in order:
                report = args.out / f"{form}-{side}.json"
                m = run_once(design, report, old_src if side == "old" else new_src)
                runs[form][side].append(m)
                print(f"{form} {side} #{r + 1}: {m['wall_s']:.1f} s wall, {m['cpu_s']:.1f} s CPU, {m['peak_mib']:.0f} MiB, "
                      f"{m['report_bytes'] / 1e6:.1f} MB", flush=True)
        old_ids, new_ids = finding_ids(args.out / f"{form}-old.json"), finding_ids(args.out / f"{form}-new.json")
        checks.append((f"{form}: new finding ids = old finding ids", sorted(old_ids) == sorted(new_ids),
                       f"{len(new_ids)} ids, {len(old_ids)} before"))
        checks.append((f"{form}: findings = manifest", len(new_ids) == expected, f"{len(new_ids)} of {expected}"))
        same_bytes = (args.out / f"{form}-old.json").read_bytes() == (args.out / f"{form}-new.json").read_bytes()
        checks.append((f"{form}: the new JSON report is byte for byte the old one", same_bytes, f"{form}-old.json, {form}-new.json"))
        expanded = args.out / f"{form}-new-expanded.json"
        run_once(design, expanded, new_src, ("--expand-units",))
        ex = json.loads(expanded.read_text(encoding="utf-8"))
        same = [f["id"] for f in ex["findings"]] == old_ids  # the earlier list, its grouped entries (if any) expanded in place
        checks.append((f"{form}: --expand-units lists the old findings in the old order", same, f"{len(ex['findings'])} entries"))
    nt_runs: dict[str, list[dict[str, Any]]] = {}
    nt_info: dict[str, Any] = {}
    if args.nt:
        nt_folder = args.out / f"nt-{args.nt}"
        if not (nt_folder / "manifest.json").is_file():
            subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--scale", args.nt, "--out", str(nt_folder),
                            "--formats", "nt"], check=True)
        nt_manifest = json.loads((nt_folder / "manifest.json").read_text(encoding="utf-8"))
        nt = nt_folder / "chain.nt"
        nt_info = {"scale": args.nt, "triples": nt_manifest["counts"]["triples"], "findings": len(nt_manifest["findings"])}
        nt_runs = {"old": [], "new": [], "floor": []}
        for r in range(args.repeat):
            order = ("old", "floor", "new") if r % 2 == 0 else ("new", "floor", "old")
            for side in order:
                m = run_floor(nt) if side == "floor" else run_once(nt, args.out / f"nt-{side}.json", old_src if side == "old" else new_src)
                nt_runs[side].append(m)
                print(f"nt {side} #{r + 1}: {m['wall_s']:.1f} s wall, {m['cpu_s']:.1f} s CPU, {m['peak_mib']:.0f} MiB", flush=True)
        old_ids, new_ids = finding_ids(args.out / "nt-old.json"), finding_ids(args.out / "nt-new.json")
        checks.append(("nt: new finding ids = old finding ids", sorted(old_ids) == sorted(new_ids),
                       f"{len(new_ids)} ids, {len(old_ids)} before"))
        checks.append(("nt: findings = manifest", len(new_ids) == nt_info["findings"], f"{len(new_ids)} of {nt_info['findings']}"))
        checks.append(("nt: the floor parses the manifest's triples", all(m["triples"] == nt_info["triples"] for m in nt_runs["floor"]),
                       f"{nt_runs['floor'][0]['triples']} triples"))
    data = {"stores": args.stores, "posts": manifest["counts"]["posts"], "triples": manifest["counts"]["triples"],
            "findings": expected, "old": args.old, "new": head, "machine": machine(load_start), "repeat": args.repeat,
            "json": args.json.resolve().relative_to(REPO).as_posix() if args.json.resolve().is_relative_to(REPO) else str(args.json),
            "runs": runs, "checks": [{"check": c, "pass": ok, "detail": d} for c, ok, d in checks],
            "minutes": round((time.time() - started) / 60, 1), "notes": args.note, "nt": nt_info, "nt_runs": nt_runs,
            "load_end": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(args.results, section(data), "## large")
    for c, ok, d in checks:
        print(f"{'pass' if ok else 'FAIL'}: {c} ({d})")
    return 0 if all(ok for _c, ok, _d in checks) else 1


def _med(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def section(d: dict[str, Any]) -> str:
    names = {"yaml": "YAML", "xlsx": "Excel", "csv": "CSV folder"}
    lines = [
        f"## large: a chain's design, today's code beside {d['old']}",
        "",
        f"`python bench/large/run.py --stores {d['stores']} --repeat {d['repeat']}` at {d['new']} against {d['old']}: "
        f"`retailkg validate chain.<form> -o report.json --quiet` of the generated chain ({d['stores']:,} stores, "
        f"{d['posts']:,} posts, {d['triples']:,} triples, {d['findings']:,} findings), the whole process from start to exit, "
        f"old and new alternating in fresh processes (order swapped each repeat); medians of {d['repeat']}. "
        f"Machine: {d['machine']}, at the end {d.get('load_end')}; {d['minutes']} min. Every run is in "
        f"{d.get('json', 'bench/large/results.json')}. The machine is shared: CPU time is the steady figure, wall time follows the load.",
        "",
        "| form | code | wall s | CPU s | peak MiB | peak MiB with a helper, RSS summed | report MB |",
        "| --- | --- | --: | --: | --: | --: | --: |",
    ]
    for form, sides in d["runs"].items():
        for side in ("old", "new"):
            rs = sides[side]
            tree = f"{_med(rs, 'peak_tree_mib'):.0f}" if all("peak_tree_mib" in r for r in rs) else "-"
            lines.append(f"| {names.get(form, form)} | {side} ({d[side]}) | {_med(rs, 'wall_s'):.1f} | {_med(rs, 'cpu_s'):.1f} | "
                         f"{_med(rs, 'peak_mib'):.0f} | {tree} | {_med(rs, 'report_bytes') / 1e6:.1f} |")
    lines.append("")
    for form, sides in d["runs"].items():
        o, n = sides["old"], sides["new"]
        lines.append(f"- {names.get(form, form)}: new/old wall {_med(n, 'wall_s') / _med(o, 'wall_s'):.2f}, CPU "
                     f"{_med(n, 'cpu_s') / _med(o, 'cpu_s'):.2f}, peak memory {_med(n, 'peak_mib') / _med(o, 'peak_mib'):.2f}.")
    if d.get("nt_runs"):
        nt, rs = d["nt"], d["nt_runs"]
        lines += ["", f"The design as N-Triples (`--nt {nt['scale']}`: {nt['triples']:,} triples, {nt['findings']:,} findings), "
                  "`retailkg validate chain.nt -o report.json --quiet` against the parse floor (a fresh process that only "
                  "loads the file into a pyoxigraph store), the three alternating:", "",
                  "| run | wall s | CPU s | peak MiB |", "| --- | --: | --: | --: |"]
        for side, label in (("old", f"old ({d['old']})"), ("new", f"new ({d['new']})"), ("floor", "parse floor")):
            lines.append(f"| {label} | {_med(rs[side], 'wall_s'):.1f} | {_med(rs[side], 'cpu_s'):.1f} | {_med(rs[side], 'peak_mib'):.0f} |")
        lines += ["", f"- new / floor: wall {_med(rs['new'], 'wall_s') / _med(rs['floor'], 'wall_s'):.2f}x, CPU "
                  f"{_med(rs['new'], 'cpu_s') / _med(rs['floor'], 'cpu_s'):.2f}x (old / floor: CPU "
                  f"{_med(rs['old'], 'cpu_s') / _med(rs['floor'], 'cpu_s'):.2f}x); whole processes, interpreter start and "
                  "imports included on both sides."]
    for note in d.get("notes", []):
        lines += ["", note]
    lines += ["", "**Checks** (same run):", ""]
    lines += [f"- {c['check']}: {'pass' if c['pass'] else 'FAIL'} ({c['detail']})" for c in d["checks"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
