"""The validation pipeline: the entry points that read a design, run the compiled rules and name
the findings into a :class:`~retailkg.validation.findings.Report`.

Three sources, one evaluation (:func:`evaluate`): a design file (YAML, tables or RDF), the bundled
documents as they stand (each standard's reference organisation; baseline gaps only with a
baseline), and the organisations already in a SPARQL endpoint (the rules run in the store).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from retailkg.design.model import DEFAULT_BASELINE
from retailkg.design.readers import read_design
from retailkg.design.resolve import ResolvedDesign, resolve
from retailkg.errors import InputError
from retailkg.kg.catalog import DOCUMENTS, Document, document
from retailkg.kg.knowledge import KnowledgeBase, knowledge_base
from retailkg.ns import RKG
from retailkg.query.engines import Engine, OxigraphEngine
from retailkg.text import progress
from retailkg.text.runtime import paused_gc
from retailkg.validation.compile import RuleResult, compile_rules, compiled_rules
from retailkg.validation.facts import kb_facts, subjects_of
from retailkg.validation.findings import CoverageMatrix, Finding, OrgSummary, Ref, Report
from retailkg.validation.loading import RDF_FORMATS, check_nodes, load_ntriples, load_rdf_file, load_resolved
from retailkg.validation.lookup import Aside, Lookup, StoreLookup
from retailkg.validation.naming import FACT_QUERIES, Context, count_findings, coverage, name_findings, sort_findings
from retailkg.validation.reference import assemble
from retailkg.validation.reportgraph import ValidationReportGraph
from retailkg.validation.run import iter_parallel, sort_results
from retailkg.validation.shapes import rules


@dataclass
class Evaluation:
    """Where the rules run and what the report covers."""

    rules_source: Engine
    lookup: Lookup
    organisations: list[URIRef]
    baselines: dict[URIRef, Document]
    reference_orgs: frozenset[URIRef] = frozenset()


def evaluate(ev: Evaluation, source_name: str, kb: KnowledgeBase, baseline: Document, design: ResolvedDesign | None,
             shapes: Graph | None = None) -> Report:
    """Run the compiled rules and the report's own queries (together, on two threads), then group,
    name and summarise the results into a :class:`Report`.

    Naming runs in this thread while the query threads still work: a shape's results are named
    as soon as every query of the shape is answered (findings never group results of two shapes),
    and once the posts' names have arrived (the first of the report's queries). The coverage
    matrices are built as soon as the report's queries are answered, also while rules still run.
    """
    from retailkg import __version__

    info = {str(r.iri): r for r in rules(shapes)}
    queries = compile_rules(shapes) if shapes is not None else list(compiled_rules())
    ctx = Context(ev.lookup, kb, design, ev.baselines, ev.reference_orgs)
    orgs = set(ev.organisations)
    pending = Counter(shape for q in queries for shape in q.shapes)
    answered: dict[str, set[RuleResult]] = defaultdict(set)
    findings: list[Finding] = []

    def name_ready() -> None:
        for shape in [s for s, n in pending.items() if n == 0]:
            del pending[shape]
            findings.extend(name_findings(sort_results(answered.get(shape, ())), ctx, info, orgs))

    covered: tuple[list[OrgSummary], list[CoverageMatrix]] | None = None
    with progress.task("running rules", total=len(queries)) as bar:
        for answer in iter_parallel(ev.rules_source, queries, FACT_QUERIES):
            if answer.query is None:
                ctx.facts[answer.select] = answer.table
                if ctx.post_rows is None and all(t in ctx.facts for t in FACT_QUERIES[:1]):
                    ctx.prefetch_posts(ev.rules_source, ev.organisations)
                if covered is None and all(t in ctx.facts for t in FACT_QUERIES):  # while the rules still run
                    covered = coverage(ev.rules_source, ctx, ev.organisations, baseline)
            else:
                bar.advance()
                for r in answer.results:
                    answered[r.shape].add(r)
                for shape in answer.query.shapes:
                    pending[shape] -= 1
            if ctx.post_rows is not None:
                name_ready()
    with progress.stage("naming findings"):
        if ctx.post_rows is None:
            ctx.prefetch_posts(ev.rules_source, ev.organisations)
        name_ready()
        findings = sort_findings(findings, ctx)
    results = sort_results(r for rs in answered.values() for r in rs)
    mine = {r for f in findings for r in f.results}
    ids = {r: ctx.result_id(r) for r in results}
    kept = [r for r in results if ids[r] in mine]
    with progress.stage("coverage"):
        summaries, matrices = covered or coverage(ev.rules_source, ctx, ev.organisations, baseline)
        count_findings(summaries, findings)
    return Report(
        source_name, Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation), summaries, findings, matrices,
        not kept, [r.ref for r in rules(shapes)], ValidationReportGraph(kept, info, ids), design.ntriples if design else None,
        f"retailkg {__version__}",
    )


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def _standard(name: str | None) -> Document:
    try:
        doc = document(name or DEFAULT_BASELINE)
    except KeyError:
        known = ", ".join(d.citation for d in DOCUMENTS if d.is_standard)
        raise InputError(f"unknown baseline {name!r} (standards: {known})", field="--baseline") from None
    if not doc.is_standard:
        raise InputError(f"{doc.citation} is not a standard and cannot be a baseline", field="--baseline")
    return doc



@paused_gc()
def validate_bundled(baseline: str | None = None, kb: KnowledgeBase | None = None, shapes: Graph | None = None) -> Report:
    """Validate the organisations of the bundled documents as they stand (module docstring)."""
    kb = kb or knowledge_base()
    std = _standard(baseline)
    g = kb.graph
    orgs = sorted({o for t in (RKG.Organisation, RKG.ReferenceOrganisation) for o in subjects_of(g, RDF.type, t)}, key=str)
    refs = frozenset(o for o in orgs if (o, RDF.type, RKG.ReferenceOrganisation) in g)
    baselines = {}
    if baseline is not None:
        baselines = {o: std for o in orgs if o not in refs}
    for o in orgs:  # a document may name its own baseline
        b = g.value(o, RKG.baseline)
        for d in DOCUMENTS:
            if d.iri == b and o not in refs:
                baselines.setdefault(o, d)
    asm = assemble(g, kb, orgs, baselines)
    # the rules see exactly the assembled graph (as pySHACL did); names come from everything
    store = ox.Store()
    load_ntriples(store, asm.graph.serialize(format="nt"), "urn:retailkg:assembled")
    load_ntriples(store, g.serialize(format="nt"), "urn:retailkg:kb")
    rules_source = OxigraphEngine(store=store, default_graph="urn:retailkg:assembled")
    ev = Evaluation(rules_source, StoreLookup(store), orgs, baselines, refs)
    return evaluate(ev, "bundled documents", kb, std, None, shapes)


def design_store(resolved: ResolvedDesign, kb: KnowledgeBase, aside: Aside | None = None, store: ox.Store | None = None) -> ox.Store:
    """An in-memory store with the design and what the rules need from the knowledge base (and
    the statements only naming reads in ``aside``, when given: :func:`load_lines`). ``store``: the
    store resolution already loaded the design's facts into (:func:`validate_file`)."""
    if store is None:
        store = ox.Store()
    load_ntriples(store, kb_facts(kb, resolved.baseline.id), "urn:retailkg:kb-facts")
    load_resolved(store, resolved.rdf, aside)
    return store


@paused_gc()
def validate_design(resolved: ResolvedDesign, kb: KnowledgeBase | None = None, shapes: Graph | None = None,
                    store: ox.Store | None = None) -> Report:
    """Validate one resolved design against its baseline (``store``: the one its facts were resolved into)."""
    kb = kb or knowledge_base()
    aside = Aside()
    with progress.stage("loading"):
        store = design_store(resolved, kb, aside, store)
    source = OxigraphEngine(store=store)
    ev = Evaluation(source, StoreLookup(store, aside), [resolved.organisation], {resolved.organisation: resolved.baseline})
    report = evaluate(ev, str(resolved.design.path), kb, resolved.baseline, resolved, shapes)
    # a doubtful match can make no finding at all (it may even close a gap): the consultant is told how many there are
    report.duties_to_review = sum(1 for d in resolved.duties.values() if d.match is not None and d.match.to_review)
    return report


@paused_gc()
def validate_file(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None) -> Report:
    """Read, resolve and validate a design file (YAML, CSV folder, Excel workbook, or RDF:
    .nt/.ttl/.nq/.trig); InputError on bad input."""
    if path.suffix.lower() in RDF_FORMATS and not path.is_dir():
        return validate_rdf(path, baseline, kb)
    kb = kb or knowledge_base()
    with progress.stage("reading"):
        design = read_design(path)
    store = ox.Store()
    with progress.stage("matching duties"), ThreadPoolExecutor(1, thread_name_prefix="retailkg-load") as pool:
        # the facts go into the store as they are written (Oxigraph loads a chunk on the pool's thread
        # while resolution writes the next); the matcher is loaded only if a duty is free text to match
        loads: list[Future[None]] = []
        resolved = resolve(design, kb, None, baseline,
                           sink=lambda chunk: loads.append(pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES,
                                                                       lenient=True)))
        for f in loads:
            f.result()
    resolved.rdf.facts_from(lambda: store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b"")
    return validate_design(resolved, kb, store=store)


# ---------------------------------------------------------------------------------------------
# Designs already in RDF: a file, or a SPARQL endpoint
# ---------------------------------------------------------------------------------------------

_ORGS = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT DISTINCT ?org ?baseline WHERE {
  ?org a rkg:Organisation .
  OPTIONAL { ?org rkg:baseline ?baseline }
} ORDER BY ?org ?baseline"""

_ORGS_IN_GRAPH = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT DISTINCT ?g ?org ?baseline WHERE {
  GRAPH ?g { ?org a rkg:Organisation }
  OPTIONAL { ?org rkg:baseline ?baseline }
} ORDER BY ?org ?baseline"""


def _organisations(rows: Iterable[dict[str, str | None]], baseline: str | None, where: str) -> tuple[list[URIRef], dict[URIRef, Document]]:
    """The organisations to validate and each one's baseline (--baseline wins over the data's own)."""
    override = _standard(baseline) if baseline is not None else None
    orgs: dict[URIRef, Document] = {}
    for row in rows:
        org = URIRef(str(row["org"]))
        doc = override
        if doc is None and row.get("baseline"):
            doc = next((d for d in DOCUMENTS if str(d.iri) == row["baseline"] and d.is_standard), None)
        orgs.setdefault(org, doc or _standard(None))
    if not orgs:
        raise InputError("no organisation (rkg:Organisation) in the data: nothing to validate", file=where)
    return sorted(orgs, key=str), orgs


def validate_rdf(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None) -> Report:
    """Validate the organisations of an RDF file (N-Triples, Turtle, N-Quads, TriG), e.g. a design
    written by ``retailkg org rdf`` or exported from another system in the retailkg ontology."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    found: list[KnowledgeBase] = []

    def read_kb() -> None:
        found.append(kb or knowledge_base())
        kb_facts(found[0], _standard(baseline).id)

    store, aside = ox.Store(), Aside()
    with progress.stage("loading"):
        load_rdf_file(store, path, meanwhile=read_kb, aside=aside)
    source = OxigraphEngine(store=store)
    try:
        orgs, baselines = _organisations(source.select(_ORGS), baseline, str(path))
        for doc_id in sorted({d.id for d in baselines.values()}):
            load_ntriples(store, kb_facts(found[0], doc_id), f"urn:retailkg:kb-facts:{doc_id}")
        ev = Evaluation(source, StoreLookup(store, aside), orgs, baselines)
        return evaluate(ev, str(path), found[0], baselines[orgs[0]], None)
    except (ValueError, TypeError, KeyError, AttributeError):
        # the data, not the code, is the likely cause: name what in it the rules cannot read (checked
        # only now: on a chain the check costs as much as loading it)
        check_nodes(store, path)
        raise


# The predicates findings are named from, fetched once from an endpoint (IndexLookup).
LOOKUP_PREDICATES = (RKG.inDepartment, RKG.inOrganisation, RKG.unitOf, RKG.subUnitOf, RKG.unitKind,
                      RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction, RKG.reference, RKG.accountableFor,
                      RKG.concernsMetric, RKG.hasUnitFunction, RKG.hasTask, RKG.routineOf, RKG.stageOf, RKG.baseline,
                      RKG.excludesFunction)


def _lookup_query() -> str:
    preds = ", ".join(f"<{p}>" for p in LOOKUP_PREDICATES)
    docs = ", ".join(f"<{d.iri}>" for d in DOCUMENTS)
    return (f"SELECT ?s ?p ?o WHERE {{ {{ ?s ?p ?o . FILTER (?p IN ({preds})) }} UNION "
            f"{{ ?s <{RKG.sourceDocument}> ?o . FILTER (?o IN ({docs})) BIND (<{RKG.sourceDocument}> AS ?p) }} }}")


@paused_gc()
def validate_endpoint(url: str, graph: str | None = None, baseline: str | None = None, kb: KnowledgeBase | None = None,
                      *, credentials: Any = None, timeout: float = 600.0) -> Report:
    """Validate the organisations stored in a SPARQL 1.1 endpoint, running the rules inside the store.

    The dataset is retailkg's named graphs (load them with ``retailkg load``) plus ``graph``, the
    graph holding the design; only organisations typed in ``graph`` are reported (every one when it
    is not given). The rules are the same whole-graph queries as in process; the names and evidence
    of findings come from one query over the predicates they need.
    """
    from retailkg.query.engines import EndpointEngine, retailkg_graphs
    from retailkg.validation.lookup import IndexLookup

    kb = kb or knowledge_base()
    graphs = retailkg_graphs() + ([URIRef(graph)] if graph else [])
    engine = EndpointEngine(url, graphs=graphs, credentials=credentials, timeout=timeout, max_rows=50_000_000)
    source = engine
    if graph:
        table = engine.query(_ORGS_IN_GRAPH, {"g": URIRef(graph)}, source="validate")
        names = [str(v) for v in table.vars]
        rows: Iterable[dict[str, str | None]] = [
            {n: (None if t is None else str(t)) for n, t in zip(names, r, strict=True)} for r in table.rows]
    else:
        rows = list(source.select(_ORGS))
    orgs, baselines = _organisations(rows, baseline, url)
    if not graph:  # the knowledge graph's own organisations are validated as documents, not designs
        refs = {str(r["org"]) for r in source.select(
            "PREFIX rkg: <https://w3id.org/retailkg/ontology#> SELECT ?org WHERE { ?org a rkg:ReferenceOrganisation }")}
        orgs = [o for o in orgs if str(o) not in refs]
    with progress.stage("fetching names"):
        triples = []
        for row in source.select(_lookup_query()):
            s, p, o = row["s"], row["p"], row["o"]
            if s is None or p is None or o is None:
                continue
            obj: Any = Literal(o) if p in (str(RKG.reference), str(RKG.unitKind)) else URIRef(o)
            triples.append((URIRef(s), URIRef(p), obj))
        triples += _labels(source)
    ev = Evaluation(source, IndexLookup(triples), orgs, baselines)
    return evaluate(ev, url + (f" <{graph}>" if graph else ""), kb, baselines[orgs[0]], None)


def _labels(source: Engine) -> list[tuple[URIRef, URIRef, Literal]]:
    """Labels with their language (a plain select loses it)."""
    out = []
    for row in source.select(f"SELECT ?s ?l ?lang WHERE {{ ?s <{RDFS.label}> ?l . BIND (LANG(?l) AS ?lang) }}"):
        if row["s"] is None or row["l"] is None:
            continue
        out.append((URIRef(row["s"]), RDFS.label, Literal(row["l"], lang=row["lang"] or None)))
    return out
