"""The validation pipeline: the entry points that read a design, run the compiled rules and name
the findings into a :class:`~retailkg.validation.findings.Report`.

Three sources, one evaluation (:func:`evaluate`): a design file (YAML, tables or RDF), the bundled
documents as they stand (each standard's reference organisation; baseline gaps only with a
baseline), and the organisations already in a SPARQL endpoint (the rules run in the store).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from retailkg.design.model import DEFAULT_BASELINE, OrgDesign
from retailkg.design.readers import read_design
from retailkg.design.resolve import ASIDE, DROP, ResolvedDesign, resolve
from retailkg.errors import InputError
from retailkg.kg.catalog import DOCUMENTS, Document, document
from retailkg.kg.knowledge import KnowledgeBase, knowledge_base
from retailkg.ns import RKG
from retailkg.query.engines import Engine, OxigraphEngine
from retailkg.text import progress
from retailkg.text.runtime import paused_gc
from retailkg.validation.census import LiteralCensus, census_of_ntriples, merged_census
from retailkg.validation.compile import BOOL_TRUE, Plan, RuleResult, plan_rules
from retailkg.validation.facts import SUBCLASS_AXIOMS, kb_facts, subjects_of, with_reporting_chain
from retailkg.validation.findings import CoverageMatrix, DutyRecord, Finding, OrgSummary, PostRecord, Ref, Report
from retailkg.validation.loading import (
    RDF_FORMATS,
    Router,
    add_reporting_chain,
    check_nodes,
    load_lines,
    load_ntriples,
    load_rdf_file,
    load_resolved,
)
from retailkg.validation.lookup import Aside, Lookup, StoreLookup
from retailkg.validation.naming import (
    FACT_QUERIES,
    Context,
    complete_area_findings,
    count_findings,
    coverage,
    name_findings,
    needs_of,
    sort_findings,
)
from retailkg.validation.reads import Needs
from retailkg.validation.reference import rule_data
from retailkg.validation.reportgraph import ValidationReportGraph
from retailkg.validation.ruleset import RuleSet, bundled_rule_set
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
    census: LiteralCensus | None = None  # how the store keeps the data's literals (None: faithful, see census.py)
    complete_data: Callable[[], Graph] | None = None  # the same data as an rdflib graph, for the complete engine


def evaluate(ev: Evaluation, source_name: str, kb: KnowledgeBase, baseline: Document, design: ResolvedDesign | None,
             shapes: Graph | RuleSet | None = None) -> Report:
    """Run the compiled rules and the report's own queries (together, on two threads), then group,
    name and summarise the results into a :class:`Report`.

    Naming runs in this thread while the query threads still work: a shape's results are named
    as soon as every query of the shape is answered (findings never group results of two shapes),
    and once the posts' names have arrived (the first of the report's queries). The coverage
    matrices are built as soon as the report's queries are answered, also while rules still run.
    """
    from retailkg import __version__

    rule_set = rule_set_of(shapes)
    info = rule_set.info
    plan = plan_for(rule_set, ev.census)
    queries = plan.queries
    complete_results: list[RuleResult] = []
    if plan.complete:  # the shapes the compiler does not translate exactly, on the same data
        if ev.complete_data is None:
            names = ", ".join(sorted(info[k].curie if k in info else k for k in plan.reasons))
            raise InputError(f"the rules {names} need the complete SHACL engine, which runs on a file, not in a store "
                             f"({next(iter(plan.reasons.values()))})", field="--shapes")
        from retailkg.validation.complete import as_rule_results, run_complete

        with progress.stage("running rules (complete SHACL engine)"):
            complete_results = as_rule_results(run_complete(ev.complete_data(), rule_set.graph, plan.complete),
                                               rule_set.graph, rule_set.rules)
    ctx = Context(ev.lookup, kb, design, ev.baselines, ev.reference_orgs)
    orgs = set(ev.organisations)
    pending = Counter(shape for q in queries for shape in q.shapes)
    answered: dict[str, set[RuleResult]] = defaultdict(set)
    for res in complete_results:  # named with the compiled rules' results, once their queries are answered
        answered[res.shape].add(res)
        pending[res.shape] += 0
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
        complete_area_findings(findings, summaries, matrices, kb)
        count_findings(summaries, findings)
    return Report(
        source_name, Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation), summaries, findings, matrices,
        not kept, [r.ref for r in rule_set.rules], ValidationReportGraph(kept, info, ids), design.ntriples if design else None,
        f"retailkg {__version__}",
    )


def rule_set_of(shapes: Graph | RuleSet | None) -> RuleSet:
    """The rules a run uses: the bundled ones, a checked rule set, or every rule of a shapes graph."""
    if isinstance(shapes, RuleSet):
        return shapes
    return bundled_rule_set() if shapes is None else RuleSet(shapes, tuple(rules(shapes)))


_PLANS: dict[tuple[object, ...], tuple[Graph, Plan]] = {}


def plan_for(rule_set: RuleSet, census: LiteralCensus | None) -> Plan:
    """The rule set split between the compiler and the complete engine for data with this census
    (once per shapes graph, profile and census in a process: planning parses every SPARQL query)."""
    census = census if census is not None else LiteralCensus()
    key = (id(rule_set.graph), rule_set.off, census.known, tuple(sorted(census.altered)),
           tuple(sorted((p, tuple(sorted(t))) for p, t in census.integers.items())))
    found = _PLANS.get(key)
    if found is None or found[0] is not rule_set.graph:
        found = _PLANS[key] = (rule_set.graph, plan_rules(rule_set.graph, census, skip=rule_set.off))
    return found[1]


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
def validate_bundled(baseline: str | None = None, kb: KnowledgeBase | None = None, shapes: Graph | RuleSet | None = None) -> Report:
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
    rule_set = rule_set_of(shapes)
    data = rule_data(g, needs_of(rule_set).store, baselines, orgs)
    # the rules (and the report's whole-graph queries) see exactly what they read of the documents, as
    # pySHACL does; names come from everything
    store = ox.Store()
    assembled = data.serialize(format="nt").encode("utf-8")
    load_ntriples(store, assembled, "urn:retailkg:assembled")
    load_ntriples(store, g.serialize(format="nt"), "urn:retailkg:kb")
    rules_source = OxigraphEngine(store=store, default_graph="urn:retailkg:assembled")
    ev = Evaluation(rules_source, StoreLookup(store), orgs, baselines, refs, census_of_ntriples(assembled), lambda: data)
    return evaluate(ev, "bundled documents", kb, std, None, rule_set)


def design_store(resolved: ResolvedDesign, kb: KnowledgeBase, aside: Aside | None = None,
                 needs: Needs | None = None, store: ox.Store | None = None, router: Router | None = None) -> ox.Store:
    """An in-memory store with the design and what the rules need from the knowledge base, without
    what the run does not read (``needs``: by default the bundled rules'), and with the statements
    only naming reads in ``aside``, when given (:func:`load_lines`). ``router``: the routes
    ``resolved`` was written with (derived from the same ``needs``), whose streams are then loaded
    as they are (:func:`load_resolved`); ``store``: the store resolution already handed the
    design's stored stream to (:func:`validate_file`)."""
    if store is None:
        store = ox.Store()
    load_ntriples(store, kb_facts(kb, resolved.baseline.id), "urn:retailkg:kb-facts")
    if router is not None:
        load_resolved(store, resolved.rdf, router, aside)
        return store
    load_lines(store, resolved.ntriples().encode("utf-8"), ox.RdfFormat.N_TRIPLES, aside=aside, needs=needs,
               subclass_pairs=_SUBCLASSES)
    if aside is not None:
        aside.settle(store)
    return store


_SUBCLASSES = tuple((str(sub), str(sup)) for sub, sup in SUBCLASS_AXIOMS)


@paused_gc()
def validate_design(resolved: ResolvedDesign, kb: KnowledgeBase | None = None, shapes: Graph | RuleSet | None = None,
                    store: ox.Store | None = None, router: Router | None = None,
                    census: LiteralCensus | None = None) -> Report:
    """Validate one resolved design against its baseline (``store``, ``router``, ``census``: see
    :func:`validate_file`, which resolves the design into the store as it validates it)."""
    kb = kb or knowledge_base()
    rule_set = rule_set_of(shapes)
    aside = Aside()
    with progress.stage("loading"):
        store = design_store(resolved, kb, aside, needs_of(rule_set), store, router)
    source = OxigraphEngine(store=store)
    if census is None:
        census = census_of_ntriples(resolved.rdf.data())

    def complete_data() -> Graph:
        return _rdflib_graph(resolved.rdf.data() + kb_facts(kb, resolved.baseline.id), "nt")

    ev = Evaluation(source, StoreLookup(store, aside), [resolved.organisation], {resolved.organisation: resolved.baseline},
                    census=census, complete_data=complete_data)
    report = evaluate(ev, str(resolved.design.path), kb, resolved.baseline, resolved, rule_set)
    # a doubtful match can make no finding at all (it may even close a gap): the consultant is told how many there are
    report.duties_to_review = sum(1 for d in resolved.duties.values() if d.match is not None and d.match.to_review)
    report.resolved = resolved
    report.posts_detail = post_records(resolved, kb)
    from retailkg.validation.proposals import propose_everything  # a to-be proposal for every overlap and gap (docs/proposals.md)

    # and the proposals to split or merge posts: never applied unless chosen
    report.proposals, report.alignments, report.restructures = propose_everything(report, kb)
    return report


def post_records(resolved: ResolvedDesign, kb: KnowledgeBase) -> list[PostRecord]:
    """The design's posts as a diff compares them: by id, with unit, superior and each duty's words and functions."""
    by_post: dict[URIRef, list[DutyRecord]] = defaultdict(list)
    # a duty repeated in stores shares its function lists with its other copies (resolution writes it once): one record
    records: dict[tuple[str, int, int], DutyRecord] = {}
    for d in resolved.duties.values():
        same = (d.zh, id(d.lead), id(d.support))
        record = records.get(same)
        if record is None:
            record = records[same] = DutyRecord(d.zh, tuple(kb.short(f) for f in d.lead), tuple(kb.short(f) for f in d.support))
        by_post[d.post].append(record)
    org = str(resolved.organisation)
    metrics: dict[URIRef, set[str]] = defaultdict(set)  # what a post answers for, by name (a to-be design drops some)
    for post, metric in resolved.metric_sources:
        metrics[post].add(kb.label(metric, "zh") or unquote(str(metric).rsplit("/", 1)[-1]))
    return [PostRecord(p.id, p.name, p.department, p.reports_to or "", tuple(by_post.get(resolved.posts[p.id], ())), org,
                       tuple(sorted(metrics.get(resolved.posts[p.id], ()))))
            for p in resolved.design.posts]


@paused_gc()
def validate_file(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None,
                  shapes: RuleSet | None = None, design: OrgDesign | None = None) -> Report:
    """Read, resolve and validate a design file (YAML, CSV folder, Excel workbook, or RDF:
    .nt/.ttl/.nq/.trig); InputError on bad input. ``design``: the file already read (a chain's
    YAML takes seconds to read; the CLI reads it once for its ``shapes:`` entry)."""
    if path.suffix.lower() in RDF_FORMATS and not path.is_dir():
        return validate_rdf(path, baseline, kb, shapes)
    kb = kb or knowledge_base()
    with progress.stage("reading"):
        design = read_design(path) if design is None else design
    rule_set = rule_set_of(shapes)
    router = Router(needs_of(rule_set), _SUBCLASSES)  # what goes into the store, aside or nowhere: from the rules' reads
    store = ox.Store()
    censuses: list[LiteralCensus] = []
    with progress.stage("matching duties"), ThreadPoolExecutor(1, thread_name_prefix="retailkg-load") as pool:
        # the stored statements go into the store as they are written (Oxigraph loads a chunk on the pool's
        # thread while resolution writes the next); the matcher is loaded only if a duty is free text to match
        loads: list[Future[None]] = []

        def sink(chunk: bytes) -> None:
            loads.append(pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True))
            censuses.append(census_of_ntriples(chunk))

        resolved = resolve(design, kb, None, baseline, sink=sink, route=router.route, pool=pool)
        for f in loads:
            f.result()
    census = merged_census([*censuses, *(census_of_ntriples(c) for s in (ASIDE, DROP) for c in resolved.rdf.chunks(s))])
    return validate_design(resolved, kb, rule_set, store, router, census)


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


def validate_rdf(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None,
                 shapes: RuleSet | None = None) -> Report:
    """Validate the organisations of an RDF file (N-Triples, Turtle, N-Quads, TriG), e.g. a design
    written by ``retailkg org rdf`` or exported from another system in the retailkg ontology."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    found: list[KnowledgeBase] = []

    def read_kb() -> None:
        found.append(kb or knowledge_base())
        kb_facts(found[0], _standard(baseline).id)

    rule_set = rule_set_of(shapes)
    store, aside = ox.Store(), Aside()
    with progress.stage("loading"):
        load_rdf_file(store, path, meanwhile=read_kb, aside=aside, needs=needs_of(rule_set, (_ORGS,)),
                      subclass_pairs=_SUBCLASSES)
    add_reporting_chain(store)  # data written elsewhere may state rkg:reportsTo only
    source = OxigraphEngine(store=store)
    try:
        orgs, baselines = _organisations(source.select(_ORGS), baseline, str(path))
        for doc_id in sorted({d.id for d in baselines.values()}):
            load_ntriples(store, kb_facts(found[0], doc_id), f"urn:retailkg:kb-facts:{doc_id}")
        aside.settle(store)
        fmt = RDF_FORMATS[path.suffix.lower()]
        raw = path.read_bytes()
        if fmt not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):  # the census reads lines
            raw = ox.serialize(ox.parse(raw, format=fmt, base_iri=path.resolve().as_uri(), lenient=True),
                               format=ox.RdfFormat.N_QUADS) or b""

        def complete_data() -> Graph:
            g = _rdflib_graph(raw, "nquads")
            for doc_id in sorted({d.id for d in baselines.values()}):
                g += _rdflib_graph(kb_facts(found[0], doc_id), "nt")
            return with_reporting_chain(g)  # as add_reporting_chain gave the store

        ev = Evaluation(source, StoreLookup(store, aside), orgs, baselines, census=census_of_ntriples(raw),
                        complete_data=complete_data)
        return evaluate(ev, str(path), found[0], baselines[orgs[0]], None, rule_set)
    except (ValueError, TypeError, KeyError, AttributeError):
        # the data, not the code, is the likely cause: name what in it the rules cannot read (checked
        # only now: on a chain the check costs as much as loading it)
        check_nodes(store, path)
        raise


def _lookup_query(predicates: Iterable[str]) -> str:
    """The statements naming reads (``predicates``, from the run's needs), with each object's kind;
    source documents only where they are a catalogued document (a design's own would repeat the
    design for every statement, and naming cites a design's statements from their references)."""
    preds = ", ".join(f"<{p}>" for p in sorted(set(predicates) - {str(RKG.sourceDocument), str(RDFS.label)}))
    docs = ", ".join(f"<{d.iri}>" for d in DOCUMENTS)
    return (f"SELECT ?s ?p ?o ?literal WHERE {{ {{ ?s ?p ?o . FILTER (?p IN ({preds})) }} UNION "
            f"{{ ?s <{RKG.sourceDocument}> ?o . FILTER (?o IN ({docs})) BIND (<{RKG.sourceDocument}> AS ?p) }} "
            f"BIND (isLiteral(?o) AS ?literal) }}")


@paused_gc()
def validate_endpoint(url: str, graph: str | None = None, baseline: str | None = None, kb: KnowledgeBase | None = None,
                      *, credentials: Any = None, timeout: float = 600.0, shapes: RuleSet | None = None) -> Report:
    """Validate the organisations stored in a SPARQL 1.1 endpoint, running the rules inside the store.

    The dataset is retailkg's named graphs (load them with ``retailkg load``) plus ``graph``, the
    graph holding the design; only organisations typed in ``graph`` are reported (every one when it
    is not given). The rules are the same whole-graph queries as in process; the names and evidence
    of findings come from one query over the predicates they need.
    """
    from retailkg.query.engines import EndpointEngine, retailkg_graphs
    from retailkg.validation.lookup import IndexLookup

    kb = kb or knowledge_base()
    rule_set = rule_set_of(shapes)
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
    _check_reporting_chain(engine, url + (f" <{graph}>" if graph else ""))
    if not graph:  # the knowledge graph's own organisations are validated as documents, not designs
        refs = {str(r["org"]) for r in source.select(
            "PREFIX rkg: <https://w3id.org/retailkg/ontology#> SELECT ?org WHERE { ?org a rkg:ReferenceOrganisation }")}
        orgs = [o for o in orgs if str(o) not in refs]
    with progress.stage("fetching names"):
        triples = []
        for row in source.select(_lookup_query(needs_of(rule_set).lookups.predicates)):
            s, p, o = row["s"], row["p"], row["o"]
            if s is None or p is None or o is None:
                continue
            obj: Any = Literal(o) if (row["literal"] or "") in BOOL_TRUE else URIRef(o)  # Virtuoso 7.2 answers 1
            triples.append((URIRef(s), URIRef(p), obj))
        triples += _labels(source)
    ev = Evaluation(source, IndexLookup(triples), orgs, baselines)
    return evaluate(ev, url + (f" <{graph}>" if graph else ""), kb, baselines[orgs[0]], None, rule_set)


_CHAIN_GAP = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT ?node ?above ?chain WHERE {
  {
    { ?node rkg:reportsTo ?above } UNION { ?node rkg:reportingChain ?step . ?step rkg:reportsTo ?above }
    FILTER NOT EXISTS { ?node rkg:reportingChain ?above }
    BIND ("rkg:reportingChain" AS ?chain)
  } UNION {
    { ?node rkg:subUnitOf|rkg:unitOf ?above }
    UNION { ?node org:transitiveSubOrganizationOf ?step . ?step rkg:subUnitOf|rkg:unitOf ?above }
    FILTER NOT EXISTS { ?node org:transitiveSubOrganizationOf ?above }
    BIND ("org:transitiveSubOrganizationOf" AS ?chain)
  }
} LIMIT 1"""


def _check_reporting_chain(engine: Engine, where: str) -> None:
    """The rules read the reporting chain and the units above a unit as triples
    (``rkg:reportingChain``, ``org:transitiveSubOrganizationOf``): a transitive path inside
    ``EXISTS`` or ``MINUS`` is what Virtuoso 7.2 misjudges. A store holding a design without them
    would answer wrongly, so it is refused in one line instead."""
    for row in engine.select(_CHAIN_GAP):
        raise InputError(f"<{row['node']}> is below <{row['above']}> without {row['chain']}: the store holds a design "
                         "without its chains; load the design as `retailkg org rdf` writes it (with rkg:reportingChain "
                         "and org:transitiveSubOrganizationOf)", file=where)


def _rdflib_graph(data: bytes, fmt: str) -> Graph:
    """Data as an rdflib graph with its literals as written, for the complete engine."""
    from retailkg.validation.complete import as_written

    g = Graph()
    with as_written():
        if fmt == "nquads":
            ds = Dataset()
            ds.parse(data=data, format="nquads")
            for s, p, o, _g in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(data=data, format=fmt)
    return g


def _labels(source: Engine) -> list[tuple[URIRef, URIRef, Literal]]:
    """Labels with their language (a plain select loses it)."""
    out = []
    for row in source.select(f"SELECT ?s ?l ?lang WHERE {{ ?s <{RDFS.label}> ?l . BIND (LANG(?l) AS ?lang) }}"):
        if row["s"] is None or row["l"] is None:
            continue
        out.append((URIRef(row["s"]), RDFS.label, Literal(row["l"], lang=row["lang"] or None)))
    return out


def validate(design: Path | None = None, baseline: str | None = None, *, endpoint: str | None = None, graph: str | None = None,
             credentials: Any = None, timeout: float = 600.0, shapes: RuleSet | None = None,
             read: OrgDesign | None = None) -> Report:
    """One entry point for what ``retailkg validate`` and :meth:`retailkg.api.KnowledgeGraph.validate`
    check: a design file (any form :func:`validate_file` reads), the organisations in a SPARQL
    endpoint (only those of ``graph``, an IRI as an ``iri`` parameter takes it, when given), or,
    with neither, the bundled documents. ``read``: the design file already read."""
    if endpoint is not None and design is not None:
        raise InputError("give ORG_FILE or --endpoint, not both", field="--endpoint")
    if graph is not None and endpoint is None:
        raise InputError("--graph needs --endpoint", field="--graph")
    if endpoint is not None:
        from retailkg.query.catalogue import resolve_iri

        iri = str(resolve_iri(graph, "--graph")) if graph else None
        return validate_endpoint(endpoint, iri, baseline, credentials=credentials, timeout=timeout, shapes=shapes)
    if design is None:
        return validate_bundled(baseline, shapes=shapes)
    return validate_file(design, baseline, shapes=shapes, design=read)
