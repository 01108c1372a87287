"""`validate --endpoint` inside Oxigraph and Virtuoso beside the embedded run, on one generated chain.

    python bench/bench_stores.py --scales 100k,1m            # writes the "stores" section of bench/RESULTS.md
    python bench/bench_stores.py --scales 100k --stores virtuoso --no-write

For each scale (bench/generate.py, the same seed as bench/run.py), the design's N-Triples
(``chain.nt``, what ``retailkg org rdf`` writes: the reporting chain and the units above each unit
included) are validated three ways, each once (the machine is shared; the load average is noted):

- *embedded*: ``validate_file(chain.nt)``, the rules on pyoxigraph in this process;
- *Oxigraph*: ``oxigraph serve`` (PyPI ``oxigraph``, the version of ``pyoxigraph``) with an on-disk
  location on 127.0.0.1, loaded with ``retailkg load`` (the knowledge graph, then the design as
  one more graph, in chunks), then ``validate_endpoint``;
- *Virtuoso*: ``virtuoso-t`` from Debian with a private ini (tests/virtuoso_support.py) and the
  settings docs/triple-stores.md gives, loaded the same way through its Graph Store endpoint, then
  ``validate_endpoint``.

Each store's finding ids are compared with the embedded run's; a run past ``--timeout`` is written
down as such, with what was seen. The load is timed without the content check (``--no-verify``),
which reads every triple back and is measured in docs/triple-stores.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO / "tests")]

from results_md import write_section  # noqa: E402

RESULTS = HERE / "RESULTS.md"
DOCUMENTED = {"SPARQL": {"ResultSetMaxRows": "1000000", "MaxQueryCostEstimationTime": "0", "MaxQueryExecutionTime": "600"}}


def _load_average() -> str:
    with contextlib.suppress(OSError):
        return f"{os.getloadavg()[0]:.1f}"
    return "?"


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _ids(report: Any) -> set[str]:
    return {f.id for f in report.findings}


@contextlib.contextmanager
def _oxigraph() -> Iterator[str]:
    import query_support as qs

    folder = Path(tempfile.mkdtemp(prefix="retailkg-bench-oxigraph-"))
    port = qs.free_port()
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    proc = subprocess.Popen([exe, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qs.wait_until_ready(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc, timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def measure_store(store: str, nt: Path, kg: Path, timeout: float, log: Callable[[str], None]) -> dict[str, Any]:
    """Load the knowledge graph and the design into a fresh ``store``, then one timed validate_endpoint."""
    from retailkg.errors import InputError
    from retailkg.query.engines import FILE_GRAPH
    from retailkg.query.graphstore import load_graphs
    from retailkg.query.remote import Credentials
    from retailkg.validation.pipeline import validate_endpoint

    out: dict[str, Any] = {}
    if store == "oxigraph":
        ctx: Any = _oxigraph()
    else:
        import virtuoso_support as vs  # type: ignore[import-not-found]

        ctx = vs.virtuoso_server(DOCUMENTED)
    with ctx as server:
        if store == "oxigraph":
            sparql, gsp, cred = f"{server}/query", f"{server}/store", None
        else:
            sparql, gsp, cred = server.sparql, server.graph_store, Credentials(server.user, server.password, "digest")
        out["load_kg_s"], _ = _timed(lambda: load_graphs(kg, endpoint=sparql, graph_store=gsp, credentials=cred,
                                                          timeout=timeout, verify=False))
        out["load_design_s"], _ = _timed(lambda: load_graphs(nt, endpoint=sparql, graph_store=gsp, credentials=cred,
                                                              timeout=timeout, verify=False))
        log(f"  {store}: loaded in {out['load_kg_s']:.1f} s + {out['load_design_s']:.1f} s (design); load {_load_average()}")
        out["load_avg_before"] = _load_average()
        try:
            out["validate_s"], report = _timed(lambda: validate_endpoint(sparql, graph=str(FILE_GRAPH), timeout=timeout))
            out["ids"] = _ids(report)
            out["status"] = "ok"
        except InputError as e:
            out["status"] = str(e)
            log(f"  {store}: {e}")
        out["load_avg_after"] = _load_average()
        if "validate_s" in out:
            log(f"  {store}: validate_endpoint {out['validate_s']:.1f} s, {len(out['ids'])} findings")
    return out


def bench(scales: Sequence[str], stores: Sequence[str], out: Path, timeout: float, log: Callable[[str], None]) -> list[dict[str, Any]]:
    from retailkg.kg import cache as kgcache
    from retailkg.validation.pipeline import validate_file

    kg = kgcache.cached_graph_path()
    if not kg.is_file():
        subprocess.run([sys.executable, "-m", "retailkg", "build", "-q", "-o", str(out / "kg")], check=True)
    rows = []
    for scale in scales:
        folder = out / scale
        nt = folder / "chain.nt"
        if not nt.is_file():
            log(f"generating {scale} into {folder}")
            subprocess.run([sys.executable, str(HERE / "generate.py"), "--scale", scale, "--out", str(folder),
                            "--formats", "yaml,nt"], check=True, stdout=subprocess.DEVNULL)
        with nt.open("rb") as f:
            triples = sum(1 for _ in f)
        log(f"{scale}: {triples} triples; embedded run (load {_load_average()})")
        row: dict[str, Any] = {"scale": scale, "triples": triples}
        row["embedded_s"], report = _timed(functools.partial(validate_file, nt))
        row["ids"] = _ids(report)
        log(f"  embedded: {row['embedded_s']:.1f} s, {len(row['ids'])} findings")
        for store in stores:
            row[store] = measure_store(store, nt, kg, timeout, log)
        rows.append(row)
    return rows


def _version(store: str) -> str:
    if store == "oxigraph":
        import pyoxigraph

        return f"Oxigraph server {pyoxigraph.__version__}"
    done = subprocess.run(["virtuoso-t", "-?"], capture_output=True, text=True, check=False)
    first = next((ln for ln in (done.stdout + done.stderr).splitlines() if "Version" in ln), "")
    return "Virtuoso Open Source " + (first.split()[1] if len(first.split()) > 1 else "7")


def section(rows: list[dict[str, Any]], stores: Sequence[str], seconds: float) -> str:
    head = "| scale | triples | embedded | " + " | ".join(
        f"{s}: load (KG + design) | {s}: validate | {s}: findings" for s in stores) + " |"
    lines = ["## stores: validate --endpoint inside Oxigraph and Virtuoso, beside the embedded run", "",
             f"`python bench/bench_stores.py --scales {','.join(r['scale'] for r in rows)} --stores {','.join(stores)}` "
             f"({platform.machine()}, {os.cpu_count()} CPUs shared with other work, Python {platform.python_version()}; "
             f"{', '.join(_version(s) for s in stores)}; every run once; {seconds / 60:.0f} min in all). The design is the "
             "generated chain's `chain.nt` (bench/generate.py, seed 7), with its reporting chain and units as "
             "`retailkg org rdf` writes them; *embedded* is `validate_file(chain.nt)` in process; each store is "
             "fresh, loaded by `retailkg load`'s code in chunks without the content check, then "
             "`validate_endpoint` (Virtuoso with the settings of docs/triple-stores.md). *findings* is the "
             "number of findings and whether their ids equal the embedded run's. 1-minute load average before and after "
             "each store's validation in brackets.", "", head,
             "| --- | ---: | ---: | " + " | ".join("---: | ---: | ---" for _ in stores) + " |"]
    for r in rows:
        cells = [r["scale"], f"{r['triples']:,}", f"{r['embedded_s']:.1f} s ({len(r['ids'])} findings)"]
        for s in stores:
            m = r[s]
            cells.append(f"{m['load_kg_s']:.1f} s + {m['load_design_s']:.1f} s")
            if m.get("status") == "ok":
                cells.append(f"{m['validate_s']:.1f} s [{m['load_avg_before']} → {m['load_avg_after']}]")
                cells.append(f"{len(m['ids'])}, {'equal' if m['ids'] == r['ids'] else 'DIFFERENT'}")
            else:
                cells.append(f"not done: {m['status'][:200]}")
                cells.append("–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="100k,1m")
    ap.add_argument("--stores", default="oxigraph,virtuoso")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds for each request to a store")
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing bench/RESULTS.md")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    stores = [s for s in args.stores.split(",") if s]

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t:7.1f} s] {msg}", flush=True)

    rows = bench([s for s in args.scales.split(",") if s], stores, args.out, args.timeout, log)
    text = section(rows, stores, time.perf_counter() - t)
    if args.no_write:
        print(text)
    else:
        write_section(RESULTS, text, "## stores")
    ok = all(r[s].get("status") == "ok" and r[s]["ids"] == r["ids"] for r in rows for s in stores)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
