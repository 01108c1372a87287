"""Benchmark the embedded SPARQL engines (rdflib, pyoxigraph) on every named query.

Loads the built graph (the cached TriG, or ``--graph``) into each engine, runs every named query
with its example parameters once to warm up and then ``--repeat`` times, and prints a Markdown
table of median times and the rdflib/pyoxigraph ratio. Both engines must return the same rows;
the run stops if they do not. The numbers and the chosen default are recorded in
``bench/RESULTS.md``.

    python bench/bench_engines.py                 # print the table
    python bench/bench_engines.py --repeat 10 --out bench/out/latest.md
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import rdflib

from retailkg import __version__
from retailkg.kg.cache import ensure_graph
from retailkg.query.catalogue import catalogue
from retailkg.query.engines import OxigraphEngine, RdflibEngine


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=None, help="graph file (default: the cached build)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per query (median reported)")
    ap.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = ap.parse_args(argv)

    graph = args.graph or ensure_graph(on_build=lambda p: print(f"building the graph once into {p}", file=sys.stderr))
    load_ox = _median_ms(lambda: OxigraphEngine(graph), 3)
    load_rl = _median_ms(lambda: RdflibEngine(graph), 3)
    ox, rl = OxigraphEngine(graph), RdflibEngine(graph)

    lines = [
        f"retailkg {__version__}; pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}; "
        f"Python {platform.python_version()} on {platform.machine()}; {len(ox.store)} quads; median of {args.repeat} runs.",
        "",
        "| query | rows | pyoxigraph ms | rdflib ms | rdflib / pyoxigraph |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| *(load the TriG)* | | {load_ox:.1f} | {load_rl:.1f} | {load_rl / load_ox:.0f}× |",
    ]
    total_ox = total_rl = 0.0
    for name, q in catalogue().items():
        b = q.bindings(q.example_params())
        a, r = ox.query(q.text, b, source=name), rl.query(q.text, b, source=name)
        if a.canonical() != r.canonical():
            print(f"{name}: the engines disagree ({len(a)} vs {len(r)} rows)", file=sys.stderr)
            return 1
        t_ox = _median_ms(lambda q=q, b=b: ox.query(q.text, b), args.repeat)
        t_rl = _median_ms(lambda q=q, b=b: rl.query(q.text, b), args.repeat)
        total_ox += t_ox
        total_rl += t_rl
        lines.append(f"| {name} | {len(a)} | {t_ox:.1f} | {t_rl:.1f} | {t_rl / t_ox:.0f}× |")
    lines.append(f"| **all {len(catalogue())} queries** | | **{total_ox:.1f}** | **{total_rl:.1f}** | **{total_rl / total_ox:.0f}×** |")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
