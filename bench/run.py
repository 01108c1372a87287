"""The scale benchmark: every step a user waits for, at 10k, 100k and 1m triples, checked as it runs.

    python bench/run.py                                   # 10k,100k,1m; median of 3; pySHACL baseline
    python bench/run.py --scales 10k --repeat 1 --no-baseline
    python bench/run.py --scales 10k,100k,1m --repeat 3 --endpoint   # the published table

Why: a claim that the validator handles a national chain is only worth the measurement behind it,
next to the two numbers that give it meaning: the *baseline* (pySHACL, the validator we replaced,
with the same shapes on a plain rdflib Graph) and the *floor* (pyoxigraph merely parsing the same
N-Triples, which no validator can beat). Timing without checking would be cheap, so the same run
checks that the answers are right: the whole report's SHACL results equal the generator's
manifest (an independent oracle, bench/generate.py), pySHACL's results equal ours wherever it
finishes, and the SPARQL endpoint finds what the in-process run finds. A mismatch exits 1.

Each measurement runs in a fresh process (``run.py --measure STEP --dir D``), so no step
profits from another's caches or warm imports and ``ru_maxrss`` is that step's own peak memory. The
child times only the step, after its imports (the imports and start-up are recorded beside it), and
prints one JSON line; the parent takes the median of ``--repeat`` runs. The whole report and the
floor run in alternation (report, floor, report, ...), and their ratio is the median of the ratios
within those pairs: the machine's speed drifts over a run, and two medians taken minutes apart
drifted with it. Steps per scale:

- ``read-yaml`` / ``read-csv`` / ``read-xlsx``: :func:`retailkg.design.readers.read_design` only;
- ``resolve``: read chain.yaml, resolve it (knowledge base, matcher) and write N-Triples;
- ``validate-nt``: the whole report from chain.nt, i.e. ``validate_file`` and rendering all five
  formats (the headline); ``validate-yaml``: the same from chain.yaml;
- ``queries``: every named query on one store holding the knowledge graph and the design, with its
  ``doc`` / ``post`` parameters pointed at the design (so the queries grow with it);
- ``floor``: ``pyoxigraph.parse`` of chain.nt, counting triples;
- ``baseline``: rdflib parses chain.nt plus the knowledge-base facts, then ``pyshacl.validate``,
  killed after ``--baseline-timeout`` seconds (larger scales are then skipped);
- ``endpoint`` (``--endpoint``): an ``oxigraph serve`` on 127.0.0.1 with a temporary location is
  loaded with ``retailkg load`` and the design's graph, and ``validate_endpoint`` is timed.

Writes the ``## scale`` section of bench/RESULTS.md (the other sections are kept) and the same
data as JSON (bench/results-scale.json).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/results_md.py, shared by the benchmarks
import results_md

REPO = Path(__file__).resolve().parents[1]
GENERATE = REPO / "bench" / "generate.py"
RKGSH = "https://w3id.org/retailkg/shapes#"
FORMATS = ("md", "html", "json", "ttl", "tsv")
READS = {"read-yaml": "chain.yaml", "read-csv": "chain-csv", "read-xlsx": "chain.xlsx"}
STEPS = ("read-yaml", "read-csv", "read-xlsx", "resolve", "validate-nt", "validate-yaml", "queries", "floor",
         "baseline", "endpoint")
HEADLINE = "validate-nt"
NEEDED = ("chain.yaml", "chain-csv", "chain.xlsx", "chain.nt", "manifest.json")
MARK = "RUN-JSON "
"""Prefix of the one stdout line a measuring child writes (anything else it prints is ignored)."""

Key = tuple[str, str, str | None]


# ---------------------------------------------------------------------------------------------
# Results as comparable sets
# ---------------------------------------------------------------------------------------------


def manifest_results(manifest: dict[str, Any]) -> set[Key]:
    """The manifest's expected (sh:sourceShape, sh:focusNode, sh:value), shapes as full IRIs."""
    return {(r["rule"].replace("rkgsh:", RKGSH, 1), r["focus"], r["value"]) for r in manifest["results"]}


def graph_results(graph: Any) -> set[Key]:
    """(sh:sourceShape, sh:focusNode, sh:value) of every result of an sh:ValidationReport graph.

    The same reading for our report_graph and pySHACL's results graph, so the two compare as sets.
    """
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    out: set[Key] = set()
    for node in graph.subjects(sh.sourceShape, None):
        value = graph.value(node, sh.value)
        out.add((str(graph.value(node, sh.sourceShape)), str(graph.value(node, sh.focusNode)),
                 None if value is None else str(value)))
    return out


def _as_keys(rows: Sequence[Sequence[str | None]]) -> set[Key]:
    return {(str(a), str(b), None if c is None else str(c)) for a, b, c in rows}


def _digest(keys: set[Key]) -> str:
    text = "\n".join(sorted("\t".join(x or "" for x in k) for k in keys))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def compare(name: str, ours: set[Key], theirs: set[Key], what: str = "results") -> dict[str, Any]:
    """One correctness line: equal or not, with a few differences to start looking from."""
    missing, extra = sorted(theirs - ours, key=str), sorted(ours - theirs, key=str)
    return {"name": name, "ok": not missing and not extra, "what": what, "count": len(theirs),
            "missing": [list(k) for k in missing[:5]], "extra": [list(k) for k in extra[:5]],
            "n_missing": len(missing), "n_extra": len(extra)}


# ---------------------------------------------------------------------------------------------
# The steps (each runs in a fresh process; heavy imports happen before the timer)
# ---------------------------------------------------------------------------------------------


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def step_read(folder: Path, name: str) -> dict[str, Any]:
    from retailkg.design.readers import read_design

    t = time.perf_counter()
    design = read_design(folder / READS[name])
    wall = time.perf_counter() - t
    return {"wall_s": wall, "posts": len(design.posts)}


def step_resolve(folder: Path) -> dict[str, Any]:
    from retailkg.design.matching import matcher_for
    from retailkg.design.readers import read_design
    from retailkg.design.resolve import resolve
    from retailkg.kg.knowledge import knowledge_base

    t = time.perf_counter()
    kb = knowledge_base()
    matcher = matcher_for(kb)
    t_kb = time.perf_counter()
    nt = resolve(read_design(folder / "chain.yaml"), kb, matcher).ntriples()
    wall = time.perf_counter() - t
    return {"wall_s": wall, "kb_s": t_kb - t, "triples": nt.count("\n")}


def step_validate(folder: Path, name: str) -> dict[str, Any]:
    """The whole report: validate_file, then every format rendered (what ``retailkg validate`` does)."""
    from retailkg.report.formats import render
    from retailkg.validation.pipeline import validate_file

    t = time.perf_counter()
    report = validate_file(folder / name)
    t_val = time.perf_counter()
    sizes = {}
    render_s = {}
    for fmt in FORMATS:
        t_fmt = time.perf_counter()
        sizes[fmt] = len(render(report, fmt))
        render_s[fmt] = time.perf_counter() - t_fmt
    wall = time.perf_counter() - t
    return {"wall_s": wall, "validate_s": t_val - t, "render_s": render_s, "bytes": sizes,
            "results": sorted(graph_results(report.report_graph), key=str),
            "findings": sorted(f.id for f in report.findings)}


DESIGN_BLIND = frozenset({"business-processes", "post-competencies", "reporting-chain", "terms"})
"""Queries that keep their example: a design has no processes, competencies or terms, and
``reporting-chain`` keeps its example so that its timings compare with earlier runs (a design's
``rkg:reportingChain`` is written by resolution since issue 16)."""


def query_params(name: str, example: dict[str, str], params: Sequence[str], design_doc: str, design_post: str) -> dict[str, str]:
    """The example's parameters with ``doc`` and ``post`` pointed at the design, so the query reads it."""
    out = dict(example)
    if name in DESIGN_BLIND:
        return out
    if "doc" in params:
        out["doc"] = design_doc
    if "post" in params:
        out["post"] = design_post
    if name == "posts-without-counterpart":
        out["other"] = "ccagm-003-2021"
    return out


def design_names(manifest: dict[str, Any]) -> tuple[str, str, str]:
    """The design's source document (also its graph's name), and a deep store post (the last store's advisor)."""
    base = manifest["organisation"].rsplit("/", 1)[0] + "/"
    return base + "design", base + "design", f"{base}post/s{int(manifest['counts']['stores']):04d}-advisor"


QUERY_TIMEOUT = 30.0
"""Seconds one named query may take before the benchmark stops waiting for it (recorded as at least that)."""


def step_queries(folder: Path, kg: Path | None = None, query_timeout: float = QUERY_TIMEOUT) -> dict[str, Any]:
    import pyoxigraph as ox

    from retailkg.kg.cache import ensure_graph
    from retailkg.query.catalogue import catalogue
    from retailkg.query.engines import OxigraphEngine, load_oxigraph_store

    graph_file = kg or ensure_graph()
    doc, graph, post = design_names(_manifest(folder))
    t = time.perf_counter()
    store = load_oxigraph_store(graph_file)
    store.bulk_load(path=str(folder / "chain.nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    load_s = time.perf_counter() - t
    engine = OxigraphEngine(store=store)
    per: dict[str, Any] = {}
    for name, q in catalogue().items():
        params = query_params(name, q.example_params(), [p.name for p in q.params], doc, post)
        bindings = q.bindings(params)
        answer: list[int] = []
        # pyoxigraph releases the GIL while it evaluates, so a query that outgrows its budget can
        # be left behind in its thread (the process ends with os._exit, see _child)
        worker = threading.Thread(target=lambda q=q, b=bindings, n=name, a=answer: a.append(len(engine.query(q.text, b, source=n))),
                                  daemon=True)
        t_q = time.perf_counter()
        worker.start()
        worker.join(query_timeout)
        wall = time.perf_counter() - t_q
        if answer:
            per[name] = {"wall_s": wall, "rows": answer[0], "params": params}
        else:  # still running (or failed): its time is a lower bound
            per[name] = {"wall_s": wall, "rows": None, "params": params, "timed_out": worker.is_alive()}
    return {"wall_s": sum(v["wall_s"] for v in per.values()), "load_s": load_s, "quads": len(store), "queries": per,
            "timed_out": sorted(n for n, v in per.items() if v["rows"] is None)}


def step_floor(folder: Path) -> dict[str, Any]:
    import pyoxigraph

    t = time.perf_counter()
    n = sum(1 for _ in pyoxigraph.parse(path=str(folder / "chain.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES))
    return {"wall_s": time.perf_counter() - t, "triples": n}


def step_baseline(folder: Path) -> dict[str, Any]:
    """pySHACL as it comes: the same shapes, a plain rdflib Graph, no cache, no assembling."""
    import pyshacl
    from rdflib import Graph

    from retailkg.kg.catalog import document
    from retailkg.kg.knowledge import knowledge_base
    from retailkg.validation.facts import kb_facts
    from retailkg.validation.shapes import load_shapes

    baseline = document(_manifest(folder)["baseline"]).id
    shapes = load_shapes()
    t = time.perf_counter()
    g = Graph()
    g.parse(str(folder / "chain.nt"), format="nt")
    g.parse(data=kb_facts(knowledge_base(), baseline), format="nt")
    t_parse = time.perf_counter()
    _conforms, results, _text = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=False)
    wall = time.perf_counter() - t
    return {"wall_s": wall, "parse_s": t_parse - t, "shacl_s": wall - (t_parse - t), "triples": len(g),
            "results": sorted(graph_results(results), key=str)}


def step_endpoint(folder: Path, url: str, graph: str) -> dict[str, Any]:
    from retailkg.validation.pipeline import validate_endpoint

    t = time.perf_counter()
    report = validate_endpoint(url, graph=graph)
    wall = time.perf_counter() - t
    return {"wall_s": wall, "results": sorted(graph_results(report.report_graph), key=str),
            "findings": sorted(f.id for f in report.findings)}


def run_step(step: str, folder: Path, *, kg: Path | None = None, url: str | None = None, graph: str | None = None,
             query_timeout: float = QUERY_TIMEOUT) -> dict[str, Any]:
    """Run one step in this process; ``setup_s`` is what came before its timer (imports, loading)."""
    t = time.perf_counter()
    if step in READS:
        out = step_read(folder, step)
    elif step == "resolve":
        out = step_resolve(folder)
    elif step == "validate-nt":
        out = step_validate(folder, "chain.nt")
    elif step == "validate-yaml":
        out = step_validate(folder, "chain.yaml")
    elif step == "queries":
        out = step_queries(folder, kg, query_timeout)
    elif step == "floor":
        out = step_floor(folder)
    elif step == "baseline":
        out = step_baseline(folder)
    elif step == "endpoint":
        if not url or not graph:
            raise ValueError("the endpoint step needs --url and --graph")
        out = step_endpoint(folder, url, graph)
    else:
        raise ValueError(f"unknown step {step!r} (steps: {', '.join(STEPS)})")
    out["setup_s"] = time.perf_counter() - t - out["wall_s"]
    return out


def _child(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    out = run_step(args.measure, args.dir, kg=args.kg, url=args.url, graph=args.graph, query_timeout=args.query_timeout)
    out["step"] = args.measure
    out["process_s"] = time.perf_counter() - started
    # a step that starts processes of its own (none does today: the validator uses threads) would
    # have their peak added, as a bound
    out["peak_rss_mib"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                           + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024  # KiB on Linux
    print(MARK + json.dumps(out, ensure_ascii=False), flush=True)
    sys.stderr.flush()
    os._exit(0)  # not sys.exit: a query thread that outgrew its budget would keep the process alive


# ---------------------------------------------------------------------------------------------
# The parent: fresh processes, medians, checks
# ---------------------------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["RETAILKG_PROGRESS"] = "never"
    return env


def measure_once(step: str, folder: Path, timeout: float | None = None, **kw: Any) -> dict[str, Any]:
    """One fresh ``run.py --measure`` process: its JSON, or ``{"status": "timeout"}`` when it was killed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", step, "--dir", str(folder)]
    for k in ("kg", "url", "graph"):
        if kw.get(k) is not None:
            cmd += [f"--{k}", str(kw[k])]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_child_env(), check=False)
    except subprocess.TimeoutExpired:  # subprocess.run kills the child before raising
        return {"status": "timeout", "timeout_s": timeout}
    wall = time.perf_counter() - t
    line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith(MARK)), None)
    if proc.returncode != 0 or line is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
        return {"status": "error", "returncode": proc.returncode, "error": "\n".join(tail)}
    out: dict[str, Any] = json.loads(line[len(MARK):])
    out["status"] = "ok"
    out["child_s"] = wall
    return out


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def measure(step: str, folder: Path, repeat: int, timeout: float | None = None, log: Callable[[str], None] = print,
            **kw: Any) -> dict[str, Any]:
    """``repeat`` fresh runs of a step; medians of wall time and peak memory, every run kept.

    The bulky parts (result sets) of the first run are kept under ``_results`` / ``_findings`` for the
    checks and left out of the JSON file; every later run must give the same digest.
    """
    runs: list[dict[str, Any]] = []
    for i in range(repeat):
        r = measure_once(step, folder, timeout, **kw)
        if r["status"] != "ok":
            log(f"  {step}: {r['status']}" + (f" after {timeout:.0f} s" if r["status"] == "timeout" else f"\n{r.get('error', '')}"))
            return {**r, "runs": runs}
        log(f"  {step} run {i + 1}/{repeat}: {r['wall_s']:.3f} s, {r['peak_rss_mib']:.0f} MiB")
        runs.append(r)
    return summarise(runs)


def measure_pair(first: str, second: str, folder: Path, repeat: int,
                 log: Callable[[str], None] = print) -> tuple[dict[str, Any], dict[str, Any]]:
    """``repeat`` runs of each of two steps, alternating (first, second, first, ...), so that both
    see the same state of the machine: the ratio of the whole report to the floor is then measured
    within each pair of neighbouring runs, instead of between runs minutes apart (this machine's
    speed drifts by 10-30 % over a benchmark). The first step's summary gets ``pair_ratios``."""
    runs: dict[str, list[dict[str, Any]]] = {first: [], second: []}
    for i in range(repeat):
        for step in (first, second):
            r = measure_once(step, folder)
            if r["status"] != "ok":
                log(f"  {step}: {r['status']}\n{r.get('error', '')}")
                done = {s: summarise(rs) if len(rs) == repeat else {**r, "runs": rs} for s, rs in runs.items()}
                done[step] = {**r, "runs": runs[step]}
                return done[first], done[second]
            log(f"  {step} run {i + 1}/{repeat}: {r['wall_s']:.3f} s, {r['peak_rss_mib']:.0f} MiB")
            runs[step].append(r)
    out = summarise(runs[first])
    out["pair_ratios"] = [a["wall_s"] / b["wall_s"] for a, b in zip(runs[first], runs[second], strict=True)]
    out["paired_with"] = second
    return out, summarise(runs[second])


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of a step's runs (all of them successful), and the checks' result sets."""
    out: dict[str, Any] = {"status": "ok", "wall_s": _median(runs, "wall_s"), "peak_rss_mib": _median(runs, "peak_rss_mib"),
                           "setup_s": _median(runs, "setup_s"), "child_s": _median(runs, "child_s"), "repeat": len(runs)}
    for extra in ("validate_s", "parse_s", "shacl_s", "load_s", "kb_s"):
        if extra in runs[0]:
            out[extra] = _median(runs, extra)
    for same in ("triples", "posts", "quads", "bytes"):
        if same in runs[0]:
            out[same] = runs[0][same]
    if "render_s" in runs[0]:
        out["render_s"] = {f: statistics.median(r["render_s"][f] for r in runs) for f in FORMATS}
    if "queries" in runs[0]:
        out["queries"] = {n: {"wall_s": statistics.median(r["queries"][n]["wall_s"] for r in runs),
                              "rows": q["rows"], "params": q["params"]} for n, q in runs[0]["queries"].items()}
    if "results" in runs[0]:
        keys = [_as_keys(r["results"]) for r in runs]
        out["_results"] = keys[0]
        out["results"] = len(keys[0])
        out["results_digest"] = _digest(keys[0])
        out["stable"] = all(k == keys[0] for k in keys)
    if "findings" in runs[0]:
        out["_findings"] = set(runs[0]["findings"])
        out["findings"] = len(runs[0]["findings"])
        out["stable"] = out.get("stable", True) and all(r["findings"] == runs[0]["findings"] for r in runs)
    out["runs"] = [{k: r[k] for k in ("wall_s", "peak_rss_mib", "setup_s", "child_s")} for r in runs]
    return out


# --- the endpoint ------------------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The ``oxigraph`` server of PyPI ``oxigraph``: beside this Python, else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is missing: pip install oxigraph")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(location: Path | None = None, timeout: float = 30.0) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``oxigraph serve`` on 127.0.0.1 (on disk at ``location``, else in memory); yields (base URL, process).

    Stopped by its own pid on the way out, however the block ends.
    """
    port = _free_port()
    cmd = [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        cmd += ["--location", str(location)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with code {proc.returncode}")
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"oxigraph serve at {base} not ready after {timeout} s")
            time.sleep(0.05)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def load_endpoint(base: str, nt: Path, graph: str, kg: Path | None = None) -> dict[str, Any]:
    """Load the knowledge graph with ``retailkg load`` and PUT the design into ``graph``; return timings.

    The count of the design's graph is checked through the SPARQL endpoint, as ``retailkg load``
    does for its own graphs.
    """
    import requests

    from retailkg.query.engines import EndpointEngine
    from retailkg.query.graphstore import count_remote

    cmd = [sys.executable, "-m", "retailkg", "load", "--endpoint", f"{base}/query", "-q"]
    if kg is not None:
        cmd += ["--graph", str(kg)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=_child_env())
    kg_s = time.perf_counter() - t
    t = time.perf_counter()
    with nt.open("rb") as body:
        r = requests.put(f"{base}/store?graph={quote(graph, safe='')}", data=body, timeout=3600,
                         headers={"Content-Type": "application/n-triples"})
    r.raise_for_status()
    design_s = time.perf_counter() - t
    stored = count_remote(EndpointEngine(f"{base}/query", graphs=[]), graph)
    return {"load_kg_s": kg_s, "load_design_s": design_s, "design_triples": stored}


def _server_peak_mib(proc: subprocess.Popen[bytes]) -> float | None:
    try:
        status = Path(f"/proc/{proc.pid}/status").read_text()
    except OSError:
        return None
    m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(m.group(1)) / 1024 if m else None


def measure_endpoint(folder: Path, repeat: int, log: Callable[[str], None] = print, kg: Path | None = None) -> dict[str, Any]:
    """A fresh on-disk server per scale: load, ``repeat`` timed validate_endpoint runs, stop."""
    _doc, graph, _post = design_names(_manifest(folder))
    with tempfile.TemporaryDirectory(prefix="retailkg-bench-oxigraph-") as tmp, \
            oxigraph_server(Path(tmp) / "db") as (base, proc):
        loaded = load_endpoint(base, folder / "chain.nt", graph, kg)
        log(f"  endpoint: loaded the knowledge graph in {loaded['load_kg_s']:.1f} s, "
            f"the design ({loaded['design_triples']} triples) in {loaded['load_design_s']:.1f} s")
        out = measure("endpoint", folder, repeat, log=log, url=f"{base}/query", graph=graph)
        out.update(loaded)
        out["server_peak_rss_mib"] = _server_peak_mib(proc)
    return out


# --- one scale -----------------------------------------------------------------------------------


def ensure_scale(out: Path, scale: str, regenerate: bool = False, log: Callable[[str], None] = print) -> Path:
    """The scale's folder, generated with bench/generate.py when a file is missing (or asked to)."""
    folder = out / scale
    if regenerate or not all((folder / n).exists() for n in NEEDED):
        log(f"generating {scale} into {folder}")
        subprocess.run([sys.executable, str(GENERATE), "--scale", scale, "--out", str(folder)], check=True,
                       env=_child_env(), stdout=subprocess.DEVNULL)
    return folder


def bench_scale(folder: Path, *, repeat: int = 3, baseline: bool = True, baseline_timeout: float = 600.0,
                endpoint: bool = False, kg: Path | None = None, log: Callable[[str], None] = print,
                baseline_repeat: int | None = None) -> dict[str, Any]:
    """Every step of one generated scale, then the checks; results sets stay in memory (``_results``)."""
    manifest = _manifest(folder)
    c = manifest["counts"]
    steps: dict[str, dict[str, Any]] = {}
    for step in ("read-yaml", "read-csv", "read-xlsx", "resolve", "validate-yaml", "queries"):
        steps[step] = measure(step, folder, repeat, log=log, **({"kg": kg} if step == "queries" and kg else {}))
    steps[HEADLINE], steps["floor"] = measure_pair(HEADLINE, "floor", folder, repeat, log=log)
    if baseline:
        steps["baseline"] = measure("baseline", folder, baseline_repeat or repeat, timeout=baseline_timeout, log=log)
    else:
        steps["baseline"] = {"status": "skipped", "reason": "--no-baseline"}
    if endpoint:
        steps["endpoint"] = measure_endpoint(folder, repeat, log=log, kg=kg)
    data: dict[str, Any] = {
        "scale": manifest["scale"], "dir": str(folder), "seed": manifest["seed"], "triples": c["triples"], "posts": c["posts"],
        "stores": c["stores"], "duties": c["duties"], "expected_results": len(manifest["results"]),
        "expected_findings": len(manifest["findings"]), "steps": steps,
    }
    data["checks"] = checks(manifest, steps)
    data["ratios"] = ratios(steps)
    return data


def checks(manifest: dict[str, Any], steps: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every correctness line of one scale; a step that did not run gives no line (its status says why)."""
    out: list[dict[str, Any]] = []
    expected = manifest_results(manifest)
    head = steps.get(HEADLINE, {})
    for name in ("validate-nt", "validate-yaml"):
        s = steps.get(name, {})
        if s.get("status") == "ok":
            out.append(compare(f"{name} = manifest", s["_results"], expected))
        elif s:
            out.append({"name": f"{name} = manifest", "ok": False, "what": "results", "error": s.get("status")})
    floor = steps.get("floor", {})
    if floor.get("status") == "ok":
        out.append({"name": "floor parses the manifest's triples", "ok": floor["triples"] == manifest["counts"]["triples"],
                    "what": "triples", "count": floor["triples"]})
    base = steps.get("baseline", {})
    if base.get("status") == "ok" and head.get("status") == "ok":
        out.append(compare("pySHACL = validate-nt", head["_results"], base["_results"]))
    ep = steps.get("endpoint", {})
    if ep.get("status") == "ok" and head.get("status") == "ok":
        out.append(compare("endpoint = in process", ep["_results"], head["_results"]))
        fe, fh = ep["_findings"], head["_findings"]
        out.append({"name": "endpoint findings = in process", "ok": fe == fh, "what": "finding ids", "count": len(fh),
                    "n_missing": len(fh - fe), "n_extra": len(fe - fh)})
    elif ep and ep.get("status") != "ok":
        out.append({"name": "endpoint = in process", "ok": False, "what": "results", "error": ep.get("status")})
    for name, s in steps.items():
        if s.get("status") == "ok" and s.get("stable") is False:
            out.append({"name": f"{name}: every run gives the same results", "ok": False, "what": "results"})
    return out


def ratios(steps: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    head, floor, base = steps.get(HEADLINE, {}), steps.get("floor", {}), steps.get("baseline", {})
    ok = head.get("status") == "ok"
    return {
        # the median of the ratios within pairs of neighbouring runs (measure_pair); the ratio of the
        # medians when the runs were not paired
        "headline_over_floor": (statistics.median(head["pair_ratios"]) if head.get("pair_ratios") else head["wall_s"] / floor["wall_s"])
        if ok and floor.get("status") == "ok" else None,
        "baseline_over_headline": base["wall_s"] / head["wall_s"] if ok and base.get("status") == "ok" else None,
    }


# ---------------------------------------------------------------------------------------------
# Machine, versions, the report
# ---------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        m = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = m.group(1).strip() if m else cpu
    ram = None
    with contextlib.suppress(OSError, AttributeError):
        m2 = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        ram = round(int(m2.group(1)) / 1024 / 1024, 1) if m2 else None
    osname = platform.system()
    with contextlib.suppress(OSError):
        m3 = re.search(r'^PRETTY_NAME="?([^"\n]+)', Path("/etc/os-release").read_text(), re.M)
        osname = m3.group(1) if m3 else osname
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": ram, "os": f"{osname}, {platform.system()} {platform.release()}",
            "arch": platform.machine()}


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("retailkg", "pyoxigraph", "oxigraph", "rdflib", "pyshacl"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True)
        out["git"] = rev.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    return out


def public(data: Any) -> Any:
    """The data without the in-memory result sets (keys starting with ``_``), for the JSON file."""
    if isinstance(data, dict):
        return {k: public(v) for k, v in data.items() if not k.startswith("_")}
    if isinstance(data, list):
        return [public(v) for v in data]
    return data


COLUMNS = (("read-yaml", "read YAML"), ("read-csv", "read CSV"), ("read-xlsx", "read Excel"), ("resolve", "resolve"),
           ("validate-nt", "**whole report** (nt)"), ("validate-yaml", "whole report (YAML)"), ("queries", "19 queries"),
           ("floor", "floor: parse"), ("baseline", "baseline: pySHACL"), ("endpoint", "endpoint"))


def _cell(s: dict[str, Any] | None) -> str:
    if not s:
        return "–"
    if s.get("status") == "timeout":
        return f"did not finish in {s['timeout_s']:.0f} s"
    if s.get("status") == "skipped":
        return "not attempted" if "smaller scale" in s.get("reason", "") else "not run"
    if s.get("status") != "ok":
        return str(s.get("status"))
    late = [n for n, q in s.get("queries", {}).items() if q["rows"] is None]
    return f"{'≥ ' if late else ''}{s['wall_s']:.2f} / {s['peak_rss_mib']:.0f}"


def _x(v: float | None) -> str:
    return "–" if v is None else (f"{v:.1f}×" if v < 100 else f"{v:.0f}×")


def render_section(data: dict[str, Any]) -> str:
    """The ``## scale`` section of bench/RESULTS.md."""
    m, v = data["machine"], data["versions"]
    scales = data["scales"]
    cols = [(k, t) for k, t in COLUMNS if any(k in s["steps"] for s in scales)]
    lines = [
        "## scale: reading, validating and querying a national chain at 10k, 100k and 1m triples",
        "",
        "`bench/run.py` generates the chain (`bench/generate.py`), then measures each step a user waits for in a fresh "
        "process, and checks the answers in the same run (see `bench/README.md`, run.py). Each cell is the median wall "
        f"time in seconds / peak resident memory in MiB of {data['repeat']} runs; the time covers the step only, after "
        "imports (start-up and imports are in the JSON as `setup_s` and `child_s`).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']} ({m['arch']}). "
        f"Python {v['python']}; retailkg {v['retailkg']}, pyoxigraph {v['pyoxigraph']}, oxigraph server {v['oxigraph']}, "
        f"rdflib {v['rdflib']}, pyshacl {v['pyshacl']}; commit {v.get('git', '?')}. Run on {data['date']} "
        f"(total {data['total_s'] / 60:.0f} min).",
        "",
        "| scale | triples | posts | " + " | ".join(t for _, t in cols) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in cols) + " |",
    ]
    for s in scales:
        lines.append(f"| {s['scale']} | {s['triples']:,} | {s['posts']:,} | "
                     + " | ".join(_cell(s["steps"].get(k)) for k, _ in cols) + " |")
    lines += ["", "- *whole report*: `validate_file(chain.nt)` and the report rendered in md, html, json, ttl and tsv; "
              "*resolve*: read chain.yaml, match its duties and write N-Triples; *19 queries*: the sum over the named "
              "queries on one store holding the knowledge graph and the design (per query in the JSON); *floor*: "
              "`pyoxigraph.parse` of chain.nt; *baseline*: rdflib parses chain.nt, then `pyshacl.validate` with the same "
              "shapes on that plain Graph; *endpoint*: `validate_endpoint` against `oxigraph serve` on 127.0.0.1 "
              "(client's memory; the server's peak is in the JSON).", "",
              "**Ratios** (to the floor: the median of the ratios within pairs of neighbouring runs, the whole report and "
              "the floor run in alternation; to pySHACL: median times):", ""]
    for s in scales:
        r = s["ratios"]
        base = s["steps"].get("baseline", {})
        bl = (f"pySHACL takes {_x(r['baseline_over_headline'])} as long as the whole report"
              if r["baseline_over_headline"] is not None else f"pySHACL: {_cell(base)}")
        lines.append(f"- {s['scale']}: the whole report takes {_x(r['headline_over_floor'])} the floor's time; {bl}.")
    for s in scales:
        q = s["steps"].get("queries", {})
        late = [n for n, x in q.get("queries", {}).items() if x["rows"] is None]
        if late:
            lines.append(f"- {s['scale']}: the queries' total is a lower bound: {', '.join(late)} did not finish in "
                         f"{QUERY_TIMEOUT:.0f} s (the other queries ran on while it went on).")
        if q.get("queries"):
            slow = max(q["queries"].items(), key=lambda x: x[1]["wall_s"])
            lines.append(f"- {s['scale']}: slowest query {slow[0]}: {'≥ ' if slow[1]['rows'] is None else ''}"
                         f"{slow[1]['wall_s']:.2f} s of the queries' {q['wall_s']:.2f} s.")
    largest = data.get("baseline_largest_finished")
    lines += ["", f"Largest scale the baseline finished: **{largest or 'none'}** "
              f"(time limit {data['baseline_timeout_s']:.0f} s; larger scales are not attempted once one fails).", "",
              "**Correctness** (in the same run):", ""]
    for s in scales:
        for c in s["checks"]:
            detail = f"{c.get('count', '')} {c.get('what', '')}".strip()
            if not c["ok"]:
                detail += f"; {c.get('n_missing', '?')} missing, {c.get('n_extra', '?')} extra" if "error" not in c else f"; {c['error']}"
            lines.append(f"- {s['scale']}: {c['name']}: {'pass' if c['ok'] else '**FAIL**'} ({detail})")
    lines += ["", "Reproduce (generated data goes to the git-ignored `bench/out/`):", "", "```sh",
              f"python bench/run.py --scales {','.join(s['scale'] for s in scales)} --repeat {data['repeat']}"
              + (" --endpoint" if any("endpoint" in s["steps"] for s in scales) else ""),
              "```", "", "Everything above, with per-run and per-query times, is in `bench/results-scale.json`.", ""]
    return "\n".join(lines)


def replace_section(text: str, section: str, heading: str = "## scale") -> str:
    """``text`` with its ``## scale`` section replaced, or appended (bench/results_md.py)."""
    return results_md.replace_section(text, section, heading)


def write_results(data: dict[str, Any], md: Path, js: Path) -> None:
    """Write the JSON and replace the ``## scale`` section of the Markdown file (created if missing)."""
    js.parent.mkdir(parents=True, exist_ok=True)
    js.write_text(json.dumps(public(data), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    old = md.read_text(encoding="utf-8") if md.is_file() else ""
    md.parent.mkdir(parents=True, exist_ok=True)
    md.write_text(replace_section(old, render_section(data)), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def header(repeat: int, baseline_timeout: float) -> dict[str, Any]:
    """What every results file starts with: when, where, with what."""
    return {"generated_by": "bench/run.py", "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(), "versions": versions(), "repeat": repeat, "baseline_timeout_s": baseline_timeout,
            "scales": []}


def finish(data: dict[str, Any], started: float) -> dict[str, Any]:
    """The summary fields: the largest scale pySHACL finished, whether every check passed, the total time."""
    done = [s["scale"] for s in data["scales"] if s["steps"].get("baseline", {}).get("status") == "ok"]
    data["baseline_largest_finished"] = done[-1] if done else None
    data["ok"] = all(c["ok"] for s in data["scales"] for c in s["checks"])
    data["total_s"] = time.perf_counter() - started
    return data


def run(scales: Sequence[str], *, out: Path, repeat: int = 3, baseline: bool = True, baseline_timeout: float = 600.0,
        endpoint: bool = False, regenerate: bool = False, kg: Path | None = None,
        log: Callable[[str], None] = print, baseline_repeat: int | None = None) -> dict[str, Any]:
    """Every scale in order; once the baseline fails to finish, larger scales skip it."""
    started = time.perf_counter()
    if kg is None:  # build it once here, not in a measured child
        from retailkg.kg.cache import ensure_graph

        kg = ensure_graph(on_build=lambda p: log(f"building the knowledge graph once into {p}"))
    data = header(repeat, baseline_timeout)
    run_baseline = baseline
    for scale in scales:
        folder = ensure_scale(out, scale, regenerate, log)
        log(f"{scale}: {folder}")
        s = bench_scale(folder, repeat=repeat, baseline=run_baseline, baseline_timeout=baseline_timeout,
                        endpoint=endpoint, kg=kg, log=log, baseline_repeat=baseline_repeat)
        b = s["steps"]["baseline"]
        if baseline and not run_baseline:
            b["reason"] = "the baseline did not finish at a smaller scale"
        elif b["status"] != "ok":
            run_baseline = False
        for c in s["checks"]:
            log(f"  check {c['name']}: {'pass' if c['ok'] else 'FAIL'}")
        data["scales"].append(s)
    return finish(data, started)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--scales", default="10k,100k,1m", help="comma-separated scales (10k, 100k, 1m or a store count)")
    ap.add_argument("--repeat", type=int, default=3, help="fresh runs per step; the median is reported")
    ap.add_argument("--baseline-timeout", type=float, default=600.0, help="seconds before pySHACL is killed")
    ap.add_argument("--no-baseline", action="store_true", help="do not run pySHACL")
    ap.add_argument("--baseline-repeat", type=int, default=None,
                    help="runs of pySHACL (minutes each at 10k); default: --repeat")
    ap.add_argument("--endpoint", action="store_true", help="also validate through oxigraph serve on 127.0.0.1")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="where the generated scales are (git-ignored)")
    ap.add_argument("--regenerate", action="store_true", help="generate the scales again even if their files exist")
    ap.add_argument("--results", type=Path, default=REPO / "bench" / "RESULTS.md", help="Markdown file; its '## scale' is replaced")
    ap.add_argument("--json", type=Path, default=REPO / "bench" / "results-scale.json", help="JSON file to write")
    ap.add_argument("--kg", type=Path, default=None, help="knowledge graph for the queries and endpoint [default: the cached build]")
    # a measuring child (internal)
    ap.add_argument("--measure", choices=STEPS, help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    ap.add_argument("--graph", help=argparse.SUPPRESS)
    ap.add_argument("--query-timeout", type=float, default=QUERY_TIMEOUT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        _child(args)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    data = run(scales, out=args.out, repeat=args.repeat, baseline=not args.no_baseline, baseline_timeout=args.baseline_timeout,
               endpoint=args.endpoint, regenerate=args.regenerate, kg=args.kg, log=log, baseline_repeat=args.baseline_repeat)
    write_results(data, args.results, args.json)
    print(render_section(data))
    if not data["ok"]:
        print("run.py: a correctness check failed (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
