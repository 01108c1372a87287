"""retailkg's rules beside other SHACL validators, each on the rules it supports, on the same data.

    python bench/peers/run.py                                   # 10k, 100k, 1m; 300 s per run at most
    python bench/peers/run.py --scales 10k --timeout 120 --results /tmp/R.md --json /tmp/p.json

Peers: pySHACL (pure Python, rdflib), pyrudof (rudof, Rust), the ``shacl`` package of PyPI (Rust)
and Jena SHACL (Java, Debian's ``libapache-jena-java``) when its command starts.

**Which rules a peer supports** is measured, not assumed: every shape example
(``shapes/examples/<rule>/{valid,invalid}/*.ttl``, with the knowledge-base facts the rules read) is
validated by the peer with all the shapes, and a rule counts as supported when, on every example of
that rule, the peer's (sh:sourceShape, sh:focusNode, sh:value) results for it equal those of the
reference (pySHACL, which tests/test_shapes.py holds to the examples). A peer that does not run
SHACL-SPARQL reports nothing on the invalid examples of such rules, so they drop out.

**Timing**: the chain of bench/generate.py at each scale (``chain.nt`` plus the knowledge-base
facts, one N-Triples file), the shapes with every rule the peer does not support deactivated
(``sh:deactivated true``). Each peer runs in a fresh process, parse included (what a user of it
waits for); retailkg beside it on the same rules is its compiled SPARQL on Oxigraph, loading
included. Each run's results are compared with retailkg's on the same rules: the counts in the
table are the proof that the same work was done. Wall time and the process's peak memory.
Results: the ``## peers`` section of bench/RESULTS.md and ``bench/peers/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "bench"))

from results_md import write_section  # noqa: E402

Key = tuple[str, str, str | None]
SH = "http://www.w3.org/ns/shacl#"
ENGINES = ("retailkg", "pyshacl", "pyrudof", "shacl", "jena")
JENA_PACKAGES = ("libapache-jena-java", "libcommons-cli-java", "libcommons-codec-java", "libcommons-compress-java",
                 "libcommons-csv-java", "libcommons-io-java", "libcommons-lang3-java", "libdexx-java", "libgoogle-gson-java",
                 "libguava-java", "libhttpclient-java", "libhttpcore-java", "libjackson2-core-java", "libjackson2-databind-java",
                 "libjackson2-annotations-java", "libjsonld-java", "libjsonp2-java", "libprotobuf-java", "libslf4j-java",
                 "libthrift-java", "libtitanium-json-ld-java", "libfailureaccess-java")


# ---------------------------------------------------------------------------------------------
# In the child process: one engine, one data file, one shapes file
# ---------------------------------------------------------------------------------------------


def graph_keys(g: Any) -> set[Key]:
    from rdflib import URIRef

    out: set[Key] = set()
    for node in g.subjects(URIRef(SH + "sourceShape"), None):
        value = g.value(node, URIRef(SH + "value"))
        out.add((str(g.value(node, URIRef(SH + "sourceShape"))), str(g.value(node, URIRef(SH + "focusNode"))),
                 None if value is None else str(value)))
    return out


def _plain(term: str | None) -> str | None:
    if term is None:
        return None
    return term[1:-1] if term.startswith("<") and term.endswith(">") else term


def run_engine(engine: str, data: Path, shapes: Path, rules: set[str]) -> set[Key]:
    if engine == "retailkg":
        import pyoxigraph as ox

        from retailkg.query.engines import OxigraphEngine
        from retailkg.validation.compile import compiled_rules
        from retailkg.validation.run import run_rules

        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        queries = [q for q in compiled_rules() if set(q.shapes) & rules]
        return {(r.shape, r.focus, r.value) for r in run_rules(OxigraphEngine(store=store), queries) if r.shape in rules}
    if engine == "pyshacl":
        import pyshacl
        from rdflib import Graph

        g = Graph().parse(str(data), format="nt")
        _conforms, results, _text = pyshacl.validate(g, shacl_graph=Graph().parse(str(shapes), format="turtle"), inference="none")
        return graph_keys(results)
    if engine == "pyrudof":
        import pyrudof

        r = pyrudof.Rudof(pyrudof.RudofConfig())
        r.read_data(str(data), format=pyrudof.RDFFormat.NTriples)
        r.read_shacl(str(shapes), format=pyrudof.ShaclFormat.Turtle)
        return {(e.source_shape, e.focus_node, e.value) for e in r.validate_shacl()}
    if engine == "shacl":
        import shacl

        report = shacl.validate(str(data), str(shapes))
        return {(_plain(x.source_shape) or "", _plain(x.focus_node) or "", None if x.value is None else x.value_plain)
                for x in report.results}
    if engine == "jena":
        from rdflib import Graph

        proc = subprocess.run(["java", "-cp", jena_classpath(), "shacl.shacl", "validate", "--shapes", str(shapes),
                               "--data", str(data)], capture_output=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip().splitlines()[:3])
        return graph_keys(Graph().parse(data=proc.stdout, format="turtle"))
    raise ValueError(engine)


def jena_classpath() -> str:
    """Debian's Jena jars and their dependencies' (``/usr/share/java/*`` whole has clashing logging bindings)."""
    jars: set[str] = set()
    for pkg in JENA_PACKAGES:
        listing = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True, check=False).stdout.split()
        jars.update(j for j in listing if j.startswith("/usr/share/java/") and j.endswith(".jar") and j.count("/") == 4)
    keep = sorted(j for j in jars if not any(bad in j for bad in ("log4j", "slf4j-jcl", "slf4j-jdk14", "slf4j-simple",
                                                                    "slf4j-migrator", "slf4j-ext", "jcl-over", "jul-to")))
    return ":".join(keep)


def child(args: argparse.Namespace) -> None:
    t = time.perf_counter()
    status, keys, error = "ok", set[Key](), ""
    try:
        keys = run_engine(args.engine, args.data, args.shapes, set(args.rules.split(",")) if args.rules else set())
    except Exception as e:  # a peer's failure is a result to report
        status, error = "error", f"{type(e).__name__}: {e}"[:300]
    wall = time.perf_counter() - t
    args.result.write_text(json.dumps({"status": status, "error": error, "wall_s": wall,
                                       "results": sorted([list(k) for k in keys], key=str)}), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# In the parent
# ---------------------------------------------------------------------------------------------


def measure(engine: str, data: Path, shapes: Path, rules: set[str], work: Path, timeout: float) -> dict[str, Any]:
    out = work / f"result-{engine}.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__)), "--child", "--engine", engine, "--data", str(data), "--shapes", str(shapes),
           "--rules", ",".join(sorted(rules)), "--result", str(out)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, 9)
            os.wait4(proc.pid, 0)
            return {"status": "timeout", "wall_s": timeout}
        time.sleep(0.05)
    wall = time.perf_counter() - t
    # a Java child is a grandchild: its memory is in RUSAGE_CHILDREN's maximum, not in this usage
    peak = max(usage.ru_maxrss, _children_peak() if engine == "jena" else 0) / 1024
    if not out.is_file():
        return {"status": "crashed", "wall_s": wall, "exit": status}
    d: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    d["process_s"], d["peak_mib"] = round(wall, 3), round(peak, 1)
    d["keys"] = {tuple(k) for k in d.pop("results")}
    return d


def _children_peak() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def all_rules() -> list[str]:
    from retailkg.validation.shapes import rules

    return [str(r.iri) for r in rules()]


def shapes_file(rules: set[str], folder: Path) -> Path:
    """The shapes with every rule outside ``rules`` deactivated (``sh:deactivated true``)."""
    import hashlib

    from rdflib import Literal, URIRef

    from retailkg.validation.shapes import load_shapes

    g = load_shapes()
    for r in set(all_rules()) - rules:
        g.add((URIRef(r), URIRef(SH + "deactivated"), Literal(True)))
    path = folder / f"shapes-{hashlib.sha1(','.join(sorted(rules)).encode()).hexdigest()[:10]}.ttl"
    if not path.is_file():
        g.serialize(str(path), format="turtle")
    return path


def example_files(work: Path) -> list[tuple[str, Path]]:
    """Each shape example with the knowledge-base facts (the function types) as one N-Triples file."""
    from rdflib import Graph

    from retailkg.kg.knowledge import knowledge_base
    from retailkg.resources import shapes_dir
    from retailkg.validation.facts import kb_facts

    facts = kb_facts(knowledge_base(), None)
    out = []
    for p in sorted(shapes_dir().glob("examples/*/*/*.ttl")):
        g = Graph().parse(p)
        g.parse(data=facts, format="nt")
        target = work / "examples" / f"{p.parts[-3]}-{p.parts[-2]}-{p.stem}.nt"
        target.parent.mkdir(parents=True, exist_ok=True)
        g.serialize(str(target), format="nt", encoding="utf-8")
        out.append((p.parts[-3], target))
    return out


def supported_rules(engine: str, examples: list[tuple[str, Path]], reference: dict[Path, set[Key]], shapes: Path,
                    work: Path, timeout: float, log: Any) -> tuple[set[str], str]:
    """The rules on whose every example ``engine`` gives the reference's results for that rule."""
    base = "https://w3id.org/retailkg/shapes#"
    ok = {base + name for name, _ in examples}
    for name, path in examples:
        rule = base + name
        m = measure(engine, path, shapes, set(all_rules()), work, timeout)
        if m["status"] != "ok":
            return set(), f"{m['status']}: {m.get('error', '')}"
        mine = {k for k in m["keys"] if k[0] == rule}
        want = {k for k in reference[path] if k[0] == rule}
        if mine != want:
            ok.discard(rule)
    log(f"  {engine}: {len(ok)} of {len({n for n, _ in examples})} rules")
    return ok, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--engine")
    ap.add_argument("--data", type=Path)
    ap.add_argument("--shapes", type=Path)
    ap.add_argument("--rules", default="")
    ap.add_argument("--result", type=Path)
    ap.add_argument("--scales", default="10k,100k,1m")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    ap.add_argument("--results", type=Path, default=REPO / "bench" / "RESULTS.md")
    ap.add_argument("--json", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    started = time.time()
    work = args.out / "peers"
    work.mkdir(parents=True, exist_ok=True)
    engines = args.engines.split(",")
    every = set(all_rules())
    full = shapes_file(every, work)

    # which rules each engine supports, on the shape examples
    examples = example_files(work)
    reference = {}
    for _name, path in examples:
        m = measure("pyshacl", path, full, every, work, args.timeout)
        reference[path] = m["keys"]
    support: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    print("rules each engine supports (shape examples):")
    for e in engines:
        got, note = supported_rules(e, examples, reference, full, work, args.timeout, print)
        support[e], notes[e] = sorted(got), note
    common = set.intersection(*(set(v) for v in support.values() if v)) if any(support.values()) else set()

    # the chain at each scale
    scales: dict[str, Any] = {}
    timed_out: set[tuple[str, str]] = set()
    for scale in args.scales.split(","):
        folder = args.out / scale
        if not (folder / "chain.nt").is_file():
            subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--scale", scale, "--out", str(folder),
                            "--formats", "nt"], check=True)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        data = work / f"{scale}.nt"
        if not data.is_file():
            from retailkg.kg.catalog import document
            from retailkg.kg.knowledge import knowledge_base
            from retailkg.validation.facts import kb_facts

            with data.open("wb") as f:
                f.write((folder / "chain.nt").read_bytes())
                f.write(kb_facts(knowledge_base(), document(manifest["baseline"]).id))
        rows: dict[str, Any] = {"triples": manifest["counts"]["triples"], "runs": {}}
        for label, rules in (("common", common), *((f"{e}-own", set(support[e])) for e in engines)):
            if not rules or (label.endswith("-own") and set(support[label[:-4]]) == common):
                continue
            shp = shapes_file(rules, work)
            ours = measure("retailkg", data, shp, rules, work, args.timeout)
            for e in [e for e in engines if support[e]] if label == "common" else [label[:-4]]:
                if e == "retailkg" and label != "common":
                    continue
                if (e, label) in timed_out:  # not tried again at a larger scale
                    rows["runs"][f"{label}:{e}"] = {"status": "not attempted", "rules": len(rules)}
                    continue
                m = ours if e == "retailkg" else measure(e, data, shp, rules, work, args.timeout)
                if m["status"] == "timeout":
                    timed_out.add((e, label))
                entry = {k: v for k, v in m.items() if k != "keys"}
                if "keys" in m:
                    entry["results"] = len(m["keys"])
                    entry["same_as_retailkg"] = m["keys"] == ours.get("keys")
                entry["retailkg_s"] = ours.get("process_s")
                entry["retailkg_results"] = len(ours.get("keys", ()))
                entry["rules"] = len(rules)
                rows["runs"][f"{label}:{e}"] = entry
                print(f"{scale} {label} {e}: {entry.get('status')} {entry.get('process_s', entry.get('wall_s', 0)):.1f} s, "
                      f"{entry.get('results', '-')} results (retailkg {entry['retailkg_results']}), "
                      f"{entry.get('peak_mib', '-')} MiB", flush=True)
        scales[scale] = rows
    versions = _versions()
    d = {"support": support, "notes": notes, "common": sorted(common), "scales": scales, "versions": versions,
         "timeout_s": args.timeout, "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
         "minutes": round((time.time() - started) / 60, 1),
         "commit": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(d, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(args.results, section(d), "## peers")
    bad = [k for s in scales.values() for k, r in s["runs"].items() if r.get("status") == "ok" and not r.get("same_as_retailkg")]
    for k in bad:
        print(f"FAIL: {k} differs from retailkg")
    return 1 if bad else 0


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("retailkg", "pyoxigraph", "pyshacl", "pyrudof", "shacl", "rdflib"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    jena = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libapache-jena-java"], capture_output=True, text=True,
                          check=False) if shutil.which("dpkg-query") else None
    out["jena"] = jena.stdout.strip() if jena is not None and jena.returncode == 0 else "not installed"
    return out


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}"


def section(d: dict[str, Any]) -> str:
    short = lambda iri: iri.rsplit("#", 1)[-1]  # noqa: E731
    v = d["versions"]
    lines = [
        "## peers: other SHACL validators on the same shapes and data",
        "",
        f"`python bench/peers/run.py` at {d['commit']} ({d['minutes']} min; {d['machine']}): retailkg {v['retailkg']} "
        f"(pyoxigraph {v['pyoxigraph']}), pySHACL {v['pyshacl']}, pyrudof {v['pyrudof']}, shacl {v['shacl']}, "
        f"Jena {v['jena']} (Debian). Each engine in a fresh process, parsing included, at most {d['timeout_s']:.0f} s a run; "
        "retailkg beside each is its compiled rules on Oxigraph, loading included, over the same rules. "
        "Peak memory is the child process's `ru_maxrss`, which starts at the parent's size when it forks: "
        "figures near the parent's (about 64 MiB) mean \"no more than that\".",
        "",
        "**Rules supported** (every shape example of the rule gives pySHACL's results for it):",
        "",
    ]
    for e, rs in d["support"].items():
        note = f" — {d['notes'][e][:160]}" if d["notes"].get(e) else ""
        missing = sorted({short(r) for rs2 in d["support"].values() for r in rs2} - {short(r) for r in rs})
        lines.append(f"- {e}: {len(rs)} of 17{note}" + (f" (not: {', '.join(missing)})" if missing and rs else ""))
    lines += ["", f"Rules every engine that runs supports: {len(d['common'])} ({', '.join(short(r) for r in d['common'])}).", "",
              "| scale | triples | rules | engine | wall s | peak MiB | results | retailkg s (same rules) | retailkg results "
              "| same results |",
              "| --- | --: | --- | --- | --: | --: | --: | --: | --: | :-: |"]
    for scale, s in d["scales"].items():
        for key, r in s["runs"].items():
            label, engine = key.split(":")
            rules = "common" if label == "common" else "its own"
            wall = f"{r['process_s']:.2f}" if r.get("status") == "ok" else r.get("status", "?")
            if r.get("status") == "timeout":
                wall = f"> {d['timeout_s']:.0f}"
            if r.get("status") == "not attempted":
                wall = "not attempted (timed out at a smaller scale)"
            lines.append(f"| {scale} | {s['triples']:,} | {rules} ({r['rules']}) | {engine} | {wall} | {r.get('peak_mib', '')} | "
                         f"{r.get('results', '')} | {_num(r.get('retailkg_s'))} | {r.get('retailkg_results', '')} | "
                         f"{'yes' if r.get('same_as_retailkg') else ('—' if r.get('status') != 'ok' else 'no')} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
