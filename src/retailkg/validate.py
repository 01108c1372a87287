"""Validate organisation designs against the shapes: assemble a small data graph, run pySHACL,
and turn the ``sh:ValidationReport`` into typed findings.

Why a separate, small data graph: pySHACL walks every focus node of every shape, and the bundled
knowledge graph is mostly provenance, clauses, competencies and alignments that no shape reads.
:func:`assemble` copies only what the shapes need (organisations, units, posts, duties, metrics,
the taxonomy's types, a standard's coverage when it is a baseline, two subclass axioms), which
keeps a run of every bundled document around a second (bench/RESULTS.md, "validate").

Two modes:

- :func:`validate_bundled` checks the organisations of the bundled documents as they stand: the
  standards' reference organisations (overlaps inside a standard, such as 4.1.2 and 4.1.3 both
  leading user growth) and the e-commerce documents' organisations. Baseline gaps are only
  reported when a baseline is asked for (``--baseline``), and never for a reference organisation.
- :func:`validate_design` checks a consultant's design (:mod:`retailkg.orgdesign`) against its
  baseline standard.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from . import progress
from .catalog import DOCUMENTS, Document, document
from .errors import InputError
from .evidence import FACT_QUERIES, Context, _result_id, count_findings, coverage, name_findings, sort_findings
from .findings import CoverageMatrix, Finding, Kind, OrgSummary, Ref, Report, Severity
from .gcpause import paused_gc
from .kb import KnowledgeBase, knowledge_base
from .lookup import Aside, Lookup, StoreLookup
from .ns import PREFIXES, RKG, RKGV
from .orgdesign import DEFAULT_BASELINE, ORG_BASE, ResolvedDesign, read_design, resolve
from .resources import shapes_dir

if TYPE_CHECKING:
    from .matcher import Matcher
from .rdfio import located_syntax_error, split_statements
from .rules import OxigraphSource, RuleResult, Source, compile_rules, compiled_rules, iter_parallel, sort_results

__all__ = [
    "RKGSH",
    "SH",
    "RuleInfo",
    "assemble",
    "load_shapes",
    "matcher_for",
    "rules",
    "run_shacl",
    "validate_bundled",
    "validate_design",
    "validate_file",
    "validate_instance_graph",
]

SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = Namespace("https://w3id.org/retailkg/shapes#")
_STRUCTURE_PREDICATES = (RKG.inDepartment, RKG.reportsTo, RKG.headcount, RKG.accountableFor)
_DUTY_PREDICATES = (RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction)


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


@cache
def _shapes(folder: str) -> Graph:
    g = Graph()
    for p in sorted(Path(folder).glob("*.ttl")):
        from .rdfio import parse_turtle

        for t in parse_turtle(p):
            g.add(t)
    return g


def load_shapes(folder: Path | None = None) -> Graph:
    """Every ``shapes/*.ttl`` in one graph (the examples below ``shapes/examples`` are data, not shapes)."""
    return _shapes(str(folder or shapes_dir()))


@dataclass(frozen=True)
class RuleInfo:
    """A shape as the report names it: id, kind, severity, label and message in zh and en."""

    iri: URIRef
    curie: str
    kind: Kind
    severity: Severity
    label_zh: str
    label_en: str
    message_zh: str
    message_en: str
    path: str = ""  # the shape's sh:path as a SPARQL path with CURIEs (empty for a node shape)

    @property
    def ref(self) -> Ref:
        return Ref(str(self.iri), self.curie, self.label_zh, self.label_en)


def _lang(g: Graph, s: Any, p: URIRef, lang: str) -> str:
    for o in g.objects(s, p):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return ""


def rules(shapes: Graph | None = None) -> list[RuleInfo]:
    """Every rule (a shape with rkgsh:findingKind), ordered overlap, gap, structure, unmapped."""
    g = shapes if shapes is not None else load_shapes()
    out = []
    for s in g.subjects(RKGSH.findingKind, None):
        assert isinstance(s, URIRef)
        out.append(RuleInfo(
            s, "rkgsh:" + str(s)[len(str(RKGSH)):], Kind(str(g.value(s, RKGSH.findingKind))),
            Severity.from_iri(str(g.value(s, SH.severity) or SH.Violation)),
            _lang(g, s, RDFS.label, "zh"), _lang(g, s, RDFS.label, "en"),
            _lang(g, s, SH.message, "zh"), _lang(g, s, SH.message, "en"),
            _path_text(g, g.value(s, SH.path)) if g.value(s, SH.path) is not None else "",
        ))
    kinds = [k.value for k in Kind]
    return sorted(out, key=lambda r: (kinds.index(r.kind.value), -r.severity.rank, r.curie))


# ---------------------------------------------------------------------------------------------
# The data graph
# ---------------------------------------------------------------------------------------------


@dataclass
class Assembly:
    """The data graph and, for every node in it that belongs to an organisation, that organisation."""

    graph: Graph
    owner: dict[URIRef, URIRef]
    organisations: list[URIRef]
    baselines: dict[URIRef, Document]


def _subjects(g: Graph, p: URIRef, o: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(p, o) if isinstance(s, URIRef))



def _add_function_types(d: Graph, kb: KnowledgeBase) -> None:
    """The few ontology facts the shapes rely on: function types and the subclass links they test."""
    d.add((RKG.ReferenceOrganisation, RDFS.subClassOf, RKG.Organisation))
    d.add((RKG.TeamFunction, RDFS.subClassOf, RKG.Function))
    for f, info in kb.functions.items():
        d.add((f, RDF.type, RKG.Function))
        if info.team:
            d.add((f, RDF.type, RKG.TeamFunction))

def _add_baseline_coverage(d: Graph, kb: KnowledgeBase, std: Document) -> None:
    """What a baseline covers, as the gap rule reads it: each of its duties' document and the
    functions it leads (untyped, so that no shape targets the standard's duties)."""
    d.add((std.iri, RDF.type, RKG.Standard))
    for duty in kb.duties.values():
        if duty.document == std:
            for f in duty.lead:
                d.add((duty.iri, RKG.sourceDocument, std.iri))
                d.add((duty.iri, RKG.addressesFunction, f))


def assemble(context: Graph, kb: KnowledgeBase, organisations: Iterable[URIRef],
             baselines: dict[URIRef, Document] | None = None) -> Assembly:
    """Copy from ``context`` what the shapes read about ``organisations`` (see module docstring)."""
    baselines = baselines or {}
    d = Graph()
    for prefix, ns in PREFIXES.items():
        d.bind(prefix, ns)
    _add_function_types(d, kb)
    owner: dict[URIRef, URIRef] = {}
    orgs = list(organisations)
    for org in orgs:
        owner[org] = org
        for t in context.objects(org, RDF.type):
            if t in (RKG.Organisation, RKG.ReferenceOrganisation):
                d.add((org, RDF.type, t))
        for f in context.objects(org, RKG.excludesFunction):
            d.add((org, RKG.excludesFunction, f))
        std = baselines.get(org)
        if std is not None:
            d.add((org, RKG.baseline, std.iri))
            _add_baseline_coverage(d, kb, std)
        units = set(_subjects(context, RKG.unitOf, org))
        for u in sorted(units):
            owner[u] = org
            d.add((u, RDF.type, RKG.Department))
            d.add((u, RKG.unitOf, org))
            for o in context.objects(u, RKG.subUnitOf):
                d.add((u, RKG.subUnitOf, o))
            for o in context.objects(u, RKG.unitKind):  # "department" is the default: only the
                if str(o) in ("store", "region"):        # replicating kinds matter, and without the
                    d.add((u, RKG.unitKind, o))           # others the replica test stays cheap
        posts = set(_subjects(context, RKG.inOrganisation, org))
        posts = {p for p in posts if (p, RDF.type, RKG.Post) in context}
        posts |= {p for u in units for p in _subjects(context, RKG.inDepartment, u) if (p, RDF.type, RKG.Post) in context}
        statements: list[URIRef] = []
        for p in sorted(posts):
            owner[p] = org
            d.add((p, RDF.type, RKG.Post))
            d.add((p, RKG.inOrganisation, org))
            for lbl in context.objects(p, RDFS.label):
                d.add((p, RDFS.label, lbl))
            for pred in _STRUCTURE_PREDICATES:
                for o in context.objects(p, pred):
                    d.add((p, pred, o))
            for duty in _subjects(context, RKG.dutyOf, p):
                if (duty, RDF.type, RKG.Duty) not in context:
                    continue
                owner[duty] = org
                statements.append(duty)
                d.add((duty, RDF.type, RKG.Duty))
                for lbl in context.objects(duty, RDFS.label):
                    d.add((duty, RDFS.label, lbl))
                for pred in _DUTY_PREDICATES:
                    for o in context.objects(duty, pred):
                        d.add((duty, pred, o))
            for m in context.objects(p, RKG.accountableFor):
                if isinstance(m, URIRef):
                    owner.setdefault(m, org)
                    d.add((m, RDF.type, RKG.Metric))
        # metrics the organisation's own statements name: a metric nobody answers for is a finding
        statements += [s for u in units for s in context.objects(u, RKG.hasUnitFunction) if isinstance(s, URIRef)]
        statements += _subjects(context, RKG.routineOf, org)
        for stage in _subjects(context, RKG.stageOf, org):
            statements += [s for s in context.objects(stage, RKG.hasTask) if isinstance(s, URIRef)]
        for u in units:  # how a statement belongs to the organisation (the metric rule asks)
            for s in context.objects(u, RKG.hasUnitFunction):
                d.add((u, RKG.hasUnitFunction, s))
        for s in _subjects(context, RKG.routineOf, org):
            d.add((s, RKG.routineOf, org))
        for stage in _subjects(context, RKG.stageOf, org):
            d.add((stage, RKG.stageOf, org))
            for s in context.objects(stage, RKG.hasTask):
                d.add((stage, RKG.hasTask, s))
        for s in statements:
            owner.setdefault(s, org)
            for m in context.objects(s, RKG.concernsMetric):
                if isinstance(m, URIRef):
                    owner.setdefault(m, org)
                    d.add((m, RDF.type, RKG.Metric))
                    d.add((s, RKG.concernsMetric, m))
    return Assembly(d, owner, orgs, baselines)


_PREPARED: dict[tuple[str, tuple[tuple[str, str], ...]], Query] = {}


class PreparedQueryGraph(Graph):
    """An rdflib graph that parses each SPARQL text once.

    pySHACL hands rdflib the query *text* for every focus node (and, for a constraint component,
    every value node); rdflib parses it again each time. Parsing the overlap query takes about
    50 ms and evaluating it for one post 1 to 20 ms, so without this a run of the bundled documents
    took over a minute (bench/RESULTS.md, "validate").
    """

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql", initNs: Any = None,
              initBindings: Any = None, use_store_provided: bool = True, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            key = (query_object, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            prepared = _PREPARED.get(key)
            if prepared is None:
                prepared = _PREPARED[key] = prepareQuery(query_object, initNs=dict(initNs or {}))
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def run_shacl(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph]:
    """pySHACL over ``data``: conforms (no result of any severity) and the results graph."""
    graph = PreparedQueryGraph()
    for prefix, ns in data.namespaces():
        graph.bind(prefix, ns)
    for t in data:
        graph.add(t)
    import pyshacl  # the reference engine: only the equality tests and the benchmark's baseline run it

    conforms, results, _text = pyshacl.validate(
        graph, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
        advanced=False, allow_warnings=False, allow_infos=False, abort_on_first=False, inplace=True,
    )
    return bool(conforms), results  # type: ignore[return-value]


def validate_instance_graph(instance: Graph, kb: KnowledgeBase | None = None) -> tuple[bool, Graph]:
    """Validate a small hand-written graph (the shape examples) as the validator would.

    The taxonomy's types and the two subclass axioms are added, like :func:`assemble` does; the
    instance data is taken as it is, so a malformed example stays malformed.
    """
    kb = kb or knowledge_base()
    d = Graph()
    for t in instance:
        d.add(t)
    _add_function_types(d, kb)
    return run_shacl(d)



def _path_text(g: Graph, node: Any) -> str:
    """A SHACL path as SPARQL with CURIEs: ``^rkg:dutyOf/rkg:addressesFunction``."""
    if isinstance(node, URIRef):
        s = str(node)
        for prefix, ns in (("rkg", str(RKG)), ("rdfs", str(RDFS))):
            if s.startswith(ns):
                return f"{prefix}:{s[len(ns):]}"
        return f"<{s}>"
    if not isinstance(node, BNode):
        return ""
    if (node, RDF.first, None) in g:
        return "/".join(_path_text(g, x) for x in Collection(g, node))
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "({})*"), (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = g.value(node, pred)
        if inner is not None:
            return fmt.format(_path_text(g, inner))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(_path_text(g, x) for x in Collection(g, alt)) + ")"
    return ""



# ---------------------------------------------------------------------------------------------
# The fast path: whole-graph rules on a store, findings named from it
# ---------------------------------------------------------------------------------------------


@contextmanager
def _stage(label: str, *, quiet: bool = False) -> Iterator[None]:
    """A progress line for a long step (stderr, terminals only: retailkg.progress)."""
    if quiet:
        yield
        return
    with progress.stage(label):
        yield


@cache
def _kb_facts(baseline_id: str | None) -> bytes:
    """N-Triples of what the rules read from the knowledge base (not the design): function types,
    the two subclass axioms and, for a baseline, the functions its duties lead (assemble's job)."""
    kb = knowledge_base()
    d = Graph()
    _add_function_types(d, kb)
    if baseline_id is not None:
        _add_baseline_coverage(d, kb, document(baseline_id))
    text = d.serialize(format="nt")
    return text.encode("utf-8") if isinstance(text, str) else text


def _load(store: ox.Store, data: bytes | str, graph: str) -> None:
    """Load N-Triples retailkg wrote itself (lenient: its IRIs are known good, 25 % faster)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    store.load(raw, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph), lenient=True)


class ValidationReportGraph:
    """The sh:ValidationReport of the results: N-Triples text at once, an rdflib graph on demand.

    A chain's report holds thousands of results; adding them to rdflib costs more than running the
    rules, and only callers that inspect the graph need it (the Turtle report is written from the
    text). Attribute access is forwarded to the rdflib graph, so it reads like one.
    """

    def __init__(self, results: list[RuleResult], info: dict[str, RuleInfo], ids: dict[RuleResult, str] | None = None) -> None:
        self.results = results
        self.info = info
        self.ids = ids if ids is not None else {r: _result_id(r) for r in results}  # each a SHA-1: computed once

    def ntriples(self) -> str:
        sh, rdf_type = str(SH), str(RDF.type)
        rep = "_:report"
        conforms = "true" if not self.results else "false"
        lines = [f"{rep} <{rdf_type}> <{sh}ValidationReport> .\n",
                 f'{rep} <{sh}conforms> "{conforms}"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n']
        for r in self.results:
            node = "_:" + self.ids[r]
            lines.append(f"{rep} <{sh}result> {node} .\n")
            lines.append(f"{node} <{rdf_type}> <{sh}ValidationResult> .\n")
            lines.append(f"{node} <{sh}sourceShape> <{r.shape}> .\n")
            lines.append(f"{node} <{sh}focusNode> <{r.focus}> .\n")
            if r.value is not None:
                value = f"<{r.value}>" if _looks_like_iri(r.value) else Literal(r.value).n3()
                lines.append(f"{node} <{sh}value> {value} .\n")
            rule = self.info.get(r.shape)
            if rule is not None:
                lines.append(f"{node} <{sh}resultSeverity> <{rule.severity.iri}> .\n")
        return "".join(lines)

    @cached_property
    def graph(self) -> Graph:
        g = Graph()
        g.bind("sh", SH)
        g.bind("rkgsh", RKGSH)
        rep = BNode("report")
        g.add((rep, RDF.type, SH.ValidationReport))
        g.add((rep, SH.conforms, Literal(not self.results)))
        for r in self.results:
            rule = self.info.get(r.shape)
            node = BNode(self.ids[r])
            g.add((rep, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.sourceShape, URIRef(r.shape)))
            g.add((node, SH.focusNode, URIRef(r.focus)))
            if r.value is not None:
                g.add((node, SH.value, URIRef(r.value) if _looks_like_iri(r.value) else Literal(r.value)))
            if rule is not None:
                g.add((node, SH.resultSeverity, URIRef(rule.severity.iri)))
        return g

    def __getattr__(self, name: str) -> Any:
        return getattr(self.graph, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def __contains__(self, triple: Any) -> bool:
        return triple in self.graph


def _looks_like_iri(value: str) -> bool:
    return ":" in value and not any(c in value for c in " \n\"<>")


@dataclass
class Evaluation:
    """Where the rules run and what the report covers."""

    rules_source: Source
    lookup: Lookup
    organisations: list[URIRef]
    baselines: dict[URIRef, Document]
    reference_orgs: frozenset[URIRef] = frozenset()


def evaluate(ev: Evaluation, source_name: str, kb: KnowledgeBase, baseline: Document, design: ResolvedDesign | None,
             shapes: Graph | None = None, *, quiet: bool = False) -> Report:
    """Run the compiled rules and the report's own queries (together, on two threads), then group,
    name and summarise the results into a :class:`Report`.

    Naming runs in this thread while the query threads still work: a shape's results are named
    as soon as every query of the shape is answered (findings never group results of two shapes),
    and once the posts' names have arrived (the first of the report's queries). The coverage
    matrices are built as soon as the report's queries are answered, also while rules still run.
    """
    from . import __version__

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
    with progress.task("running rules", total=len(queries), quiet=quiet) as bar:
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
    with _stage("naming findings", quiet=quiet):
        if ctx.post_rows is None:
            ctx.prefetch_posts(ev.rules_source, ev.organisations)
        name_ready()
        findings = sort_findings(findings, ctx)
    results = sort_results(r for rs in answered.values() for r in rs)
    mine = {r for f in findings for r in f.results}
    ids = {r: ctx.result_id(r) for r in results}
    kept = [r for r in results if ids[r] in mine]
    with _stage("coverage", quiet=quiet):
        summaries, matrices = covered or coverage(ev.rules_source, ctx, ev.organisations, baseline)
        count_findings(summaries, findings)
    return Report(
        source_name, Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation), summaries, findings, matrices,
        not kept, [r.ref for r in rules(shapes)], ValidationReportGraph(kept, info, ids), design.ntriples() if design else None,
        f"retailkg {__version__}",
    )


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


@cache
def _matcher(kb_id: int) -> Matcher:
    from .matcher import Matcher

    return Matcher(_KB_BY_ID[kb_id])


_KB_BY_ID: dict[int, KnowledgeBase] = {}


def matcher_for(kb: KnowledgeBase) -> Matcher:
    """One matcher per knowledge base and process (building its indexes takes a second)."""
    _KB_BY_ID[id(kb)] = kb
    return _matcher(id(kb))


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
    orgs = sorted({o for t in (RKG.Organisation, RKG.ReferenceOrganisation) for o in _subjects(g, RDF.type, t)}, key=str)
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
    _load(store, asm.graph.serialize(format="nt"), "urn:retailkg:assembled")
    _load(store, g.serialize(format="nt"), "urn:retailkg:kb")
    rules_source = OxigraphSource(store, default_graph="urn:retailkg:assembled")
    ev = Evaluation(rules_source, StoreLookup(store), orgs, baselines, refs)
    return evaluate(ev, "bundled documents", kb, std, None, shapes)


def design_store(resolved: ResolvedDesign, aside: Aside | None = None) -> ox.Store:
    """An in-memory store with the design and what the rules need from the knowledge base (and
    the statements only naming reads in ``aside``, when given: :func:`load_lines`)."""
    store = ox.Store()
    _load(store, _kb_facts(resolved.baseline.id), "urn:retailkg:kb-facts")
    load_lines(store, resolved.ntriples().encode("utf-8"), ox.RdfFormat.N_TRIPLES, aside=aside)
    return store


@paused_gc()
def validate_design(resolved: ResolvedDesign, kb: KnowledgeBase | None = None, shapes: Graph | None = None,
                    *, quiet: bool = False) -> Report:
    """Validate one resolved design against its baseline."""
    kb = kb or knowledge_base()
    aside = Aside()
    with _stage("loading", quiet=quiet):
        store = design_store(resolved, aside)
    source = OxigraphSource(store)
    ev = Evaluation(source, StoreLookup(store, aside), [resolved.organisation], {resolved.organisation: resolved.baseline})
    return evaluate(ev, str(resolved.design.path), kb, resolved.baseline, resolved, shapes, quiet=quiet)


@paused_gc()
def validate_file(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None, *, quiet: bool = False) -> Report:
    """Read, resolve and validate a design file (YAML, CSV folder, Excel workbook, or RDF:
    .nt/.ttl/.nq/.trig); InputError on bad input."""
    if path.suffix.lower() in RDF_FORMATS and not path.is_dir():
        return validate_rdf(path, baseline, kb, quiet=quiet)
    kb = kb or knowledge_base()
    with _stage("reading", quiet=quiet):
        design = read_design(path)
    with _stage("matching duties", quiet=quiet):
        resolved = resolve(design, kb, matcher_for(kb), baseline)
    return validate_design(resolved, kb, quiet=quiet)


# ---------------------------------------------------------------------------------------------
# Designs already in RDF: a file, or a SPARQL endpoint
# ---------------------------------------------------------------------------------------------

RDF_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
               ".trig": ox.RdfFormat.TRIG}

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


# What no rule, name or count reads from a design, dropped from line-based files before loading:
# the matcher's provenance (rkgv:match nodes with their type, function, score and evidence) and
# duty item letters. In a resolved chain that is a quarter of the triples and a third of the time
# Oxigraph takes to load them (docs/validation.md, "Performance"); tests/test_validate_scale.py checks that
# no compiled rule or report query names them.
UNREAD_PREDICATES = (f"<{RKGV}".encode(), f"<{RKG.item}>".encode(), f"<{RDF.type}> <{RKGV}".encode())

# What only the naming of findings reads (a statement's citation: its clause reference and, for a
# design's own statements, the design as its source document), kept beside the store the rules run
# on (lookup.Aside). Oxigraph keeps a list of statements per subject and walks it for every lookup
# of a bound subject, so each duty's reference and source document lengthened the walks of every
# rule; a chain's store is 24 % smaller without them (docs/validation.md, "Performance"). No rule
# reads rkg:reference; rkg:sourceDocument is read by the baseline-gap rule only for an
# organisation's baseline, which is a standard, never a design (:func:`aside_predicates` keeps the
# design's source documents with the rules when the data says otherwise).
_ASIDE = ((RKG.reference, ""), (RKG.sourceDocument, ORG_BASE))  # predicate, start of the object
ASIDE_PREDICATES = tuple(f"<{p}>{f' <{o}' if o else ''}".encode() for p, o in _ASIDE)


def aside_predicates(data: bytes) -> tuple[bytes, ...]:
    """The ASIDE_PREDICATES that may be set aside from ``data`` without changing any rule's answer."""
    if f"<{RKG.baseline}> <{ORG_BASE}".encode() in data:  # a design named as a baseline: its sources count
        return tuple(p for p in ASIDE_PREDICATES if not p.startswith(f"<{RKG.sourceDocument}>".encode()))
    return ASIDE_PREDICATES


_CHUNK = 32 << 20
"""Bytes of N-Triples handed to Oxigraph at a time, so the next piece is filtered meanwhile."""


def load_lines(store: ox.Store, data: bytes, fmt: ox.RdfFormat, meanwhile: Callable[[], object] | None = None,
               aside: Aside | None = None) -> None:
    """Load N-Triples or N-Quads without the statements nobody reads (UNREAD_PREDICATES), in pieces
    of whole lines: this thread filters a piece while a loader thread stores the one before (Oxigraph
    releases the GIL), then runs ``meanwhile``. With an ``aside`` index, the statements only naming
    reads (ASIDE_PREDICATES) are kept there instead (a second store would cost the loader's core
    more than it saves). Blank node labels are scoped to one load, so from the first piece that
    holds a blank node on, the rest is loaded as one document (the pieces before had none to
    share; statements set aside never hold one). A syntax error is raised as pyoxigraph's
    SyntaxError, its line counted in the piece (:func:`load_rdf_file` locates it in the file).

    Triples go to the default graph (the rules read the union of all graphs): Oxigraph stores them
    there 15-25 % faster than in a named graph (a chain's 756k triples: 1.27-1.45 s against
    1.54-1.70 s).
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix="retailkg-load")
    loads: list[Future[None]] = []
    set_aside: list[bytes] = []
    to_aside = aside_predicates(data) if aside is not None else ()
    try:
        start = 0
        while start < len(data):
            end = data.find(b"\n", start + _CHUNK) + 1 or len(data)
            piece, moved = split_statements(data[start:end], UNREAD_PREDICATES, to_aside)
            if b"_:" in piece:  # a blank node: the rest is one document
                rest, rest_moved = split_statements(data[end:], UNREAD_PREDICATES, to_aside)
                piece, moved, end = piece + rest, moved + rest_moved, len(data)
            set_aside.append(moved)
            loads.append(pool.submit(store.load, piece, format=fmt, lenient=True))
            start = end
        if aside is not None:
            aside.add(b"".join(set_aside), fmt, [str(p) for p, _o in _ASIDE])
        if meanwhile is not None:
            meanwhile()
        for f in loads:
            f.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_rdf_file(store: ox.Store, path: Path, meanwhile: Callable[[], object] | None = None,
                  aside: Aside | None = None) -> None:
    """Load a design file; ``meanwhile`` runs in this thread while Oxigraph loads.

    Syntax is checked (an error names the line); IRIs are not validated (Oxigraph's lenient mode,
    25 % faster on a million triples): a malformed IRI is just a node the rules never match.
    N-Triples and N-Quads go through :func:`load_lines` (which sets statements ``aside``); Turtle
    and TriG are loaded whole into ``store``.
    """
    fmt = RDF_FORMATS[path.suffix.lower()]
    try:
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            try:
                load_lines(store, path.read_bytes(), fmt, meanwhile, aside)
            except SyntaxError:
                # the line numbers are those of a shortened piece: parse the file as written for the place
                for _ in ox.parse(path=str(path), format=fmt, lenient=True):
                    pass
                raise
        else:
            store.load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(), lenient=True)
            if meanwhile is not None:
                meanwhile()
    except SyntaxError as e:
        raise located_syntax_error(e, path, "RDF") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", file=str(path)) from None


def validate_rdf(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None, *, quiet: bool = False) -> Report:
    """Validate the organisations of an RDF file (N-Triples, Turtle, N-Quads, TriG), e.g. a design
    written by ``retailkg org rdf`` or exported from another system in the retailkg ontology."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    found: list[KnowledgeBase] = []

    def read_kb() -> None:
        found.append(kb or knowledge_base())
        _kb_facts(_standard(baseline).id)

    store, aside = ox.Store(), Aside()
    with _stage("loading", quiet=quiet):
        load_rdf_file(store, path, meanwhile=read_kb, aside=aside)
    source = OxigraphSource(store)
    orgs, baselines = _organisations(source.select(_ORGS), baseline, str(path))
    for doc_id in sorted({d.id for d in baselines.values()}):
        _load(store, _kb_facts(doc_id), f"urn:retailkg:kb-facts:{doc_id}")
    ev = Evaluation(source, StoreLookup(store, aside), orgs, baselines)
    return evaluate(ev, str(path), found[0], baselines[orgs[0]], None, quiet=quiet)


# The predicates findings are named from, fetched once from an endpoint (IndexLookup).
_LOOKUP_PREDICATES = (RKG.inDepartment, RKG.inOrganisation, RKG.unitOf, RKG.subUnitOf, RKG.unitKind,
                      RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction, RKG.reference, RKG.accountableFor,
                      RKG.concernsMetric, RKG.hasUnitFunction, RKG.hasTask, RKG.routineOf, RKG.stageOf, RKG.baseline,
                      RKG.excludesFunction)


def _lookup_query() -> str:
    preds = ", ".join(f"<{p}>" for p in _LOOKUP_PREDICATES)
    docs = ", ".join(f"<{d.iri}>" for d in DOCUMENTS)
    return (f"SELECT ?s ?p ?o WHERE {{ {{ ?s ?p ?o . FILTER (?p IN ({preds})) }} UNION "
            f"{{ ?s <{RKG.sourceDocument}> ?o . FILTER (?o IN ({docs})) BIND (<{RKG.sourceDocument}> AS ?p) }} }}")


@paused_gc()
def validate_endpoint(url: str, graph: str | None = None, baseline: str | None = None, kb: KnowledgeBase | None = None,
                      *, credentials: Any = None, quiet: bool = False, timeout: float = 600.0) -> Report:
    """Validate the organisations stored in a SPARQL 1.1 endpoint, running the rules inside the store.

    The dataset is retailkg's named graphs (load them with ``retailkg load``) plus ``graph``, the
    graph holding the design; only organisations typed in ``graph`` are reported (every one when it
    is not given). The rules are the same whole-graph queries as in process; the names and evidence
    of findings come from one query over the predicates they need.
    """
    from .engine import EndpointEngine, retailkg_graphs
    from .lookup import IndexLookup
    from .rules import EndpointSource

    kb = kb or knowledge_base()
    graphs = retailkg_graphs() + ([URIRef(graph)] if graph else [])
    engine = EndpointEngine(url, graphs=graphs, credentials=credentials, timeout=timeout, max_rows=50_000_000)
    source = EndpointSource(engine)
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
    with _stage("fetching names", quiet=quiet):
        triples = []
        for row in source.select(_lookup_query()):
            s, p, o = row["s"], row["p"], row["o"]
            if s is None or p is None or o is None:
                continue
            obj: Any = Literal(o) if p in (str(RKG.reference), str(RKG.unitKind)) else URIRef(o)
            triples.append((URIRef(s), URIRef(p), obj))
        triples += _labels(source)
    ev = Evaluation(source, IndexLookup(triples), orgs, baselines)
    return evaluate(ev, url + (f" <{graph}>" if graph else ""), kb, baselines[orgs[0]], None, quiet=quiet)


def _labels(source: Source) -> list[tuple[URIRef, URIRef, Literal]]:
    """Labels with their language (a plain select loses it)."""
    out = []
    for row in source.select(f"SELECT ?s ?l ?lang WHERE {{ ?s <{RDFS.label}> ?l . BIND (LANG(?l) AS ?lang) }}"):
        if row["s"] is None or row["l"] is None:
            continue
        out.append((URIRef(row["s"]), RDFS.label, Literal(row["l"], lang=row["lang"] or None)))
    return out
