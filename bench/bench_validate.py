"""Benchmark `retailkg validate`: where the time goes, and what the two speed-ups are worth.

    python bench/bench_validate.py            # timings (about a minute)
    python bench/bench_validate.py --slow     # also without the parsed-query cache (over a minute more)
    python bench/bench_validate.py --matcher  # the matcher's accuracy on the curated mappings

Speed-ups measured:

1. the data graph: pySHACL is given only what the shapes read (validation.reference.rule_data), not the whole
   parsed knowledge graph;
2. the parsed-query cache (validation.reference.PreparedQueryGraph): pySHACL hands rdflib the SPARQL *text*
   for every focus and value node, and rdflib parses it every time (~50 ms for the overlap query).

Results go in bench/RESULTS.md, section "validate".
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import pyshacl
from rdflib import RDF, Graph

from retailkg.design.matching import Matcher, matcher_for
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG
from retailkg.validation.pipeline import validate_bundled, validate_file
from retailkg.validation.reference import rule_data, run_shacl
from retailkg.validation.shapes import load_shapes

REPO = Path(__file__).resolve().parents[1]


def timed(label: str, fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    best = min(runs)
    print(f"| {label} | {best:.2f} s | {statistics.median(runs):.2f} s | {repeat} |")
    return best


def plain_shacl(data: Graph) -> None:
    """pySHACL on a plain rdflib graph: every SPARQL text parsed on every call."""
    g = Graph()
    for t in data:
        g.add(t)
    pyshacl.validate(g, shacl_graph=load_shapes(), inference="none", inplace=True)


def timings(slow: bool) -> None:
    print(f"python {platform.python_version()}, pyshacl {pyshacl.__version__}, {platform.machine()}\n")
    print("| step | best | median | runs |\n|---|---|---|---|")
    t = time.perf_counter()
    kb = knowledge_base()
    print(f"| parse the sources (once per process) | {time.perf_counter() - t:.2f} s | | 1 |")
    t = time.perf_counter()
    matcher_for(kb)
    print(f"| build the matcher's indexes (once per process) | {time.perf_counter() - t:.2f} s | | 1 |")
    g = kb.graph
    orgs = sorted({o for c in (RKG.Organisation, RKG.ReferenceOrganisation) for o in g.subjects(RDF.type, c)}, key=str)
    data = rule_data(g, None, {}, orgs)
    print(f"| (data graph: {len(data)} triples; whole parsed graph: {len(g)}) | | | |")
    timed("select the data graph, bundled documents", lambda: rule_data(g, None, {}, orgs), 3)
    timed("pySHACL, small data graph, parsed-query cache", lambda: run_shacl(data), 3)
    whole = Graph()
    for tr in g:
        whole.add(tr)
    timed("pySHACL, whole parsed graph, parsed-query cache", lambda: run_shacl(whole), 1)
    if slow:
        timed("pySHACL, small data graph, no parsed-query cache", lambda: plain_shacl(data), 1)
    timed("validate the bundled documents (end to end)", validate_bundled, 3)
    for name in ("taobao-ops.yaml", "ecom-ops-centre.yaml", "acme-department-store.xlsx"):
        timed(f"validate examples/{name} (end to end)", lambda n=name: validate_file(REPO / "examples" / n), 3)


def matcher_accuracy() -> None:
    """Top-1 and set precision/recall of the matcher against the curated duty → function mappings.

    The standards' duties are matched with the ranking alone (their own text would otherwise be
    found verbatim); the e-commerce documents' duties (not in the matcher's corpus) as a design
    file's free text would be.
    """
    kb = knowledge_base()
    m = Matcher(kb)
    print("| corpus | duties | right function first | precision | recall | unmapped |\n|---|---|---|---|---|---|")
    for label, duties, verbatim in (
        ("standards (ranking only)", [d for d in kb.duties.values() if d.document.is_standard], False),
        ("e-commerce documents 002, 003", [d for d in kb.duties.values() if not d.document.is_standard], True),
    ):
        tp = fp = fn = top1 = n = unmapped = 0
        for d in duties:
            gold = set(d.lead) | set(d.support)
            if not gold:
                continue
            got = [f.function for f in m.match(d.zh, verbatim=verbatim).functions]
            n += 1
            unmapped += not got
            top1 += bool(got) and got[0] in gold
            tp += len(set(got) & gold)
            fp += len(set(got) - gold)
            fn += len(gold - set(got))
        print(f"| {label} | {n} | {top1 / n:.0%} | {tp / max(1, tp + fp):.0%} | {tp / (tp + fn):.0%} | {unmapped} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slow", action="store_true", help="also time pySHACL without the parsed-query cache")
    ap.add_argument("--matcher", action="store_true", help="measure the matcher's accuracy instead of timings")
    args = ap.parse_args()
    if args.matcher:
        matcher_accuracy()
    else:
        timings(args.slow)


if __name__ == "__main__":
    main()
