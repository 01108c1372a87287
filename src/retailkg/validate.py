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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyshacl
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from .catalog import DOCUMENTS, Document, document
from .errors import InputError
from .findings import CoverageMatrix, CoverageRow, Evidence, Finding, Kind, OrgSummary, PostRef, Ref, Report, Severity
from .kb import KnowledgeBase, knowledge_base
from .matcher import Matcher
from .ns import PREFIXES, RKG
from .orgdesign import DEFAULT_BASELINE, ResolvedDesign, read_design, resolve
from .resources import shapes_dir

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
            d.add((std.iri, RDF.type, RKG.Standard))
            for duty in kb.duties.values():
                if duty.document == std:
                    for f in duty.lead:
                        d.add((duty.iri, RKG.sourceDocument, std.iri))
                        d.add((duty.iri, RKG.addressesFunction, f))
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
        for s in statements:
            owner.setdefault(s, org)
            for m in context.objects(s, RKG.concernsMetric):
                if isinstance(m, URIRef):
                    owner.setdefault(m, org)
                    d.add((m, RDF.type, RKG.Metric))
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


# ---------------------------------------------------------------------------------------------
# From the report to findings
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Result:
    node: str
    shape: URIRef
    focus: URIRef
    value: Any
    severity: Severity
    path: str


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


def _results(report: Graph) -> list[_Result]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(r, SH.sourceShape)
        focus = report.value(r, SH.focusNode)
        if not isinstance(shape, URIRef) or not isinstance(focus, URIRef):
            continue
        out.append(_Result(str(r), shape, focus, report.value(r, SH.value),
                           Severity.from_iri(str(report.value(r, SH.resultSeverity))),
                           _path_text(report, report.value(r, SH.resultPath))))
    return sorted(out, key=lambda x: (str(x.shape), str(x.focus), str(x.value)))


class _Namer:
    """Names, post references and citations from the context graph, memoised."""

    def __init__(self, context: Graph, kb: KnowledgeBase, design: ResolvedDesign | None) -> None:
        self.g, self.kb, self.design = context, kb, design
        self._posts: dict[URIRef, PostRef] = {}

    def short(self, node: URIRef) -> str:
        s = str(node)
        if self.design is not None and s.startswith(self.design.base):
            return s[len(self.design.base):]
        return self.kb.short(node)

    def ref(self, node: URIRef) -> Ref:
        zh = _lang(self.g, node, RDFS.label, "zh") or self.kb.label(node, "zh")
        en = _lang(self.g, node, RDFS.label, "en") or self.kb.label(node, "en")
        return Ref(str(node), self.short(node), zh, en)

    def post(self, node: URIRef) -> PostRef:
        if node not in self._posts:
            r = self.ref(node)
            dept = self.g.value(node, RKG.inDepartment)
            self._posts[node] = PostRef(r.iri, r.id, r.zh, r.en, self.ref(dept) if isinstance(dept, URIRef) else None)
        return self._posts[node]

    def citation(self, statement: URIRef) -> str:
        if self.design is not None and statement in self.design.duties:
            return self.design.duties[statement].source
        doc_iri = self.g.value(statement, RKG.sourceDocument)
        ref = str(self.g.value(statement, RKG.reference) or "")
        for doc in DOCUMENTS:
            if doc.iri == doc_iri:
                return f"{doc.citation} {ref}".strip()
        return ref or self.short(statement)

    def duty_evidence(self, duty: URIRef, role: str) -> Evidence:
        post = self.g.value(duty, RKG.dutyOf)
        ev = Evidence(
            self.post(post) if isinstance(post, URIRef) else PostRef("", "", ""), role,
            _lang(self.g, duty, RDFS.label, "zh"), _lang(self.g, duty, RDFS.label, "en"),
            self.citation(duty), str(duty),
        )
        if self.design is not None and duty in self.design.duties:
            rd = self.design.duties[duty]
            if rd.match is not None:
                fm = next(iter(rd.match.functions), None)
                if fm is not None:
                    best = fm.evidence
                    ev = Evidence(ev.post, role, ev.text_zh, ev.text_en, ev.source, ev.statement, fm.score,
                                  self.ref(best.iri) if best else None, best.citation if best else "")
        return ev


def _duties_of(g: Graph, post: URIRef, pred: URIRef, value: Any) -> list[URIRef]:
    return sorted(d for d in g.subjects(RKG.dutyOf, post) if (d, pred, value) in g and isinstance(d, URIRef))


def _render(template: str, this: str, value: str) -> str:
    return template.replace("{$this}", this).replace("{?this}", this).replace("{?value}", value).replace("{$value}", value)


def findings_from_report(report: Graph, asm: Assembly, context: Graph, kb: KnowledgeBase,
                         design: ResolvedDesign | None = None, shapes: Graph | None = None) -> list[Finding]:
    """Group the SHACL results into findings and fill in names and evidence (see findings.py)."""
    info = {r.iri: r for r in rules(shapes)}
    namer = _Namer(context, kb, design)
    groups: dict[tuple[Any, ...], list[_Result]] = defaultdict(list)
    for res in _results(report):
        rule = info.get(res.shape)
        if rule is None:
            continue
        org = asm.owner.get(res.focus)
        if rule.kind is Kind.OVERLAP:
            key: tuple[Any, ...] = (res.shape, org, str(res.value))
        elif res.shape == RKGSH.NoReportingCycle:
            key = (res.shape, org)
        else:
            key = (res.shape, str(res.focus), str(res.value))
        groups[key].append(res)
    out = [_finding(info[rs[0].shape], rs, asm, namer, design) for rs in groups.values()]
    by_iri = {str(f): info2.sort_key for f, info2 in kb.functions.items()}

    def key(f: Finding) -> tuple[Any, ...]:
        k = f.sort_key()
        taxonomy = by_iri.get(f.function.iri, (999,)) if f.function else (999,)
        return (*k[:4], taxonomy, *k[4:])

    return sorted(out, key=key)


def _finding(rule: RuleInfo, rs: list[_Result], asm: Assembly, namer: _Namer, design: ResolvedDesign | None) -> Finding:
    g, kb = namer.g, namer.kb
    first = rs[0]
    org = asm.owner.get(first.focus)
    value = first.value
    focus = sorted({r.focus for r in rs}, key=str)
    f = Finding(
        rule.kind, max((r.severity for r in rs), key=lambda s: s.rank), rule.curie, str(rule.iri), "", "",
        namer.ref(org) if org is not None else None, [str(x) for x in focus],
        value=str(value) if value is not None else "", path=first.path, results=[r.node for r in rs],
    )
    if isinstance(value, URIRef) and value in kb.functions:
        f.function = namer.ref(value)
    elif isinstance(value, URIRef) and (value, RDF.type, RKG.Metric) in asm.graph:
        f.metric = namer.ref(value)
    name = rule.curie
    if name in ("rkgsh:OverlapLeadFunction", "rkgsh:OverlapInSupervisionLine", "rkgsh:OverlapTeamFunction"):
        f.posts = [namer.post(p) for p in focus]
        f.evidence = [namer.duty_evidence(d, "lead") for p in focus for d in _duties_of(g, p, RKG.addressesFunction, value)]
    elif name in ("rkgsh:OverlapAccountableMetric", "rkgsh:OverlapAccountableMetricInLine"):
        f.posts = [namer.post(p) for p in focus]
        f.evidence = [_accountability(namer, design, p, value) for p in focus]
    elif name == "rkgsh:GapBaselineFunction":
        f.function = namer.ref(value)
        std = asm.baselines.get(first.focus)
        if std is not None:
            f.standard_posts, f.evidence = _standard_cover(namer, std, value)
    elif name == "rkgsh:GapSupportOnly":
        f.function = namer.ref(value)
        posts = [p for p in _subjects(asm.graph, RKG.inOrganisation, first.focus)]
        sup = [(p, d) for p in posts for d in _duties_of(g, p, RKG.supportsFunction, value)]
        f.posts = [namer.post(p) for p in dict.fromkeys(p for p, _ in sup)]
        f.evidence = [namer.duty_evidence(d, "support") for _, d in sup]
        std = asm.baselines.get(first.focus)
        if std is not None:
            f.standard_posts, extra = _standard_cover(namer, std, value)
            f.evidence += extra
    elif name == "rkgsh:GapDepartmentWithoutPost":
        f.department = namer.ref(first.focus)
    elif name == "rkgsh:UnmappedDuty":
        post = g.value(first.focus, RKG.dutyOf)
        if isinstance(post, URIRef):
            f.posts = [namer.post(post)]
        f.evidence = [namer.duty_evidence(first.focus, "unmapped")]
        if design is not None and first.focus in design.duties and design.duties[first.focus].match is not None:
            m = design.duties[first.focus].match
            f.candidates = [(namer.ref(c.function), round(c.score, 3)) for c in m.candidates]  # type: ignore[union-attr]
    elif name == "rkgsh:MetricAccountablePost":
        f.metric = namer.ref(first.focus)
        owner = asm.owner.get(first.focus)
        stmts = sorted(s for s in g.subjects(RKG.concernsMetric, first.focus) if isinstance(s, URIRef) and owner is not None
                       and asm.owner.get(s) == owner)
        f.evidence = [namer.duty_evidence(s, "concerns") for s in stmts]
    elif (first.focus, RDF.type, RKG.Post) in asm.graph:
        f.posts = [namer.post(p) for p in focus]
    elif (first.focus, RDF.type, RKG.Duty) in asm.graph:
        post = g.value(first.focus, RKG.dutyOf)
        if isinstance(post, URIRef):
            f.posts = [namer.post(post)]
        f.evidence = [namer.duty_evidence(first.focus, "statement")]
    this_ref = namer.ref(first.focus)
    if isinstance(value, URIRef):
        vref = namer.ref(value)
        vzh, ven = vref.name("zh"), vref.name("en")
    else:
        vzh = ven = str(value or "")
    f.message_zh = _render(rule.message_zh, this_ref.name("zh"), vzh)
    f.message_en = _render(rule.message_en, this_ref.name("en"), ven)
    return f


def _accountability(namer: _Namer, design: ResolvedDesign | None, post: URIRef, metric: Any) -> Evidence:
    """Why ``post`` answers for ``metric``: the duty that says so, or the design row."""
    g = namer.g
    if design is not None and (post, metric) in design.metric_sources:
        src = design.metric_sources[(post, metric)]
        duties = [d for d in _duties_of(g, post, RKG.concernsMetric, metric)]
        if duties:
            ev = namer.duty_evidence(duties[0], "accountable")
            return Evidence(ev.post, "accountable", ev.text_zh, ev.text_en, ev.source, ev.statement)
        m = namer.ref(metric)
        return Evidence(namer.post(post), "accountable", f"对「{m.name('zh')}」负责", f"accountable for {m.name('en')}", src)
    duties = _duties_of(g, post, RKG.concernsMetric, metric)
    if duties:
        return namer.duty_evidence(duties[0], "accountable")
    return Evidence(namer.post(post), "accountable", "", "", namer.citation(post))


def _standard_cover(namer: _Namer, std: Document, function: Any) -> tuple[list[PostRef], list[Evidence]]:
    """The baseline's posts whose duties lead ``function``, and those duties."""
    duties = sorted((d for d in namer.kb.duties.values() if d.document == std and function in d.lead), key=lambda d: str(d.iri))
    posts: dict[URIRef, PostRef] = {}
    evidence = []
    for d in duties:
        if d.post is None:
            continue
        pref = posts.setdefault(d.post, namer.post(d.post))
        evidence.append(Evidence(pref, "baseline", d.zh, d.en, d.citation, str(d.iri)))
    return list(posts.values()), evidence


# ---------------------------------------------------------------------------------------------
# Summaries and coverage
# ---------------------------------------------------------------------------------------------


def _posts_in_order(g: Graph, posts: list[URIRef]) -> list[URIRef]:
    def key(p: URIRef) -> tuple[int, str]:
        dept = g.value(p, RKG.inDepartment)
        dept_order = int(g.value(dept, RKG.order) or 0) if dept is not None else 0  # type: ignore[arg-type]
        return (dept_order * 1000 + int(g.value(p, RKG.order) or 0), str(p))  # type: ignore[arg-type]

    return sorted(posts, key=key)


def _summaries(asm: Assembly, context: Graph, kb: KnowledgeBase, namer: _Namer, findings: list[Finding],
               baseline: Document) -> tuple[list[OrgSummary], list[CoverageMatrix]]:
    summaries, matrices = [], []
    base_fns = sorted(kb.covered_functions(baseline), key=lambda f: kb.functions[f].sort_key)
    base_ref = Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation)
    for org in asm.organisations:
        posts = _posts_in_order(context, [p for p in _subjects(asm.graph, RKG.inOrganisation, org)
                                          if (p, RDF.type, RKG.Post) in asm.graph])
        duties = [d for p in posts for d in _subjects(asm.graph, RKG.dutyOf, p) if (d, RDF.type, RKG.Duty) in asm.graph]
        excluded = set(asm.graph.objects(org, RKG.excludesFunction))
        rows = []
        lead_n = support_n = excl_n = 0
        for fn in base_fns:
            cells = []
            for p in posts:
                ds = list(asm.graph.subjects(RKG.dutyOf, p))
                if any((d, RKG.addressesFunction, fn) in asm.graph for d in ds):
                    cells.append("lead")
                elif any((d, RKG.supportsFunction, fn) in asm.graph for d in ds):
                    cells.append("support")
                else:
                    cells.append("")
            row = CoverageRow(namer.ref(fn), kb.functions[fn].notation, cells, fn in excluded)
            rows.append(row)
            status = row.status
            lead_n += status == "lead"
            support_n += status == "support"
            excl_n += status == "excluded"
        mine = [f for f in findings if f.organisation is not None and f.organisation.iri == str(org)]
        by_kind = {k.value: sum(f.kind is k for f in mine) for k in Kind}
        by_sev = {s.value: sum(f.severity is s for f in mine) for s in Severity}
        is_ref = (org, RDF.type, RKG.ReferenceOrganisation) in asm.graph
        bl = asm.baselines.get(org)
        summaries.append(OrgSummary(
            namer.ref(org), is_ref, len(posts), len(duties),
            Ref(str(bl.iri), bl.id, bl.citation, bl.citation) if bl else None,
            len(base_fns), lead_n, support_n, excl_n, by_kind, by_sev,
        ))
        matrices.append(CoverageMatrix(namer.ref(org), base_ref, [namer.post(p) for p in posts], rows))
    return summaries, matrices


def _report(source: str, asm: Assembly, context: Graph, kb: KnowledgeBase, baseline: Document,
            design: ResolvedDesign | None, shapes: Graph | None) -> Report:
    conforms, report_graph = run_shacl(asm.graph, shapes)
    findings = findings_from_report(report_graph, asm, context, kb, design, shapes)
    namer = _Namer(context, kb, design)
    summaries, matrices = _summaries(asm, context, kb, namer, findings, baseline)
    from . import __version__

    return Report(
        source, Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation), summaries, findings, matrices,
        conforms, [r.ref for r in rules(shapes)], report_graph, design.graph if design else None,
        f"retailkg {__version__}",
    )


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


@cache
def _matcher(kb_id: int) -> Matcher:
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


def validate_bundled(baseline: str | None = None, kb: KnowledgeBase | None = None, shapes: Graph | None = None) -> Report:
    """Validate the organisations of the bundled documents as they stand (module docstring)."""
    kb = kb or knowledge_base()
    std = _standard(baseline)
    g = kb.graph
    orgs = sorted({o for t in (RKG.Organisation, RKG.ReferenceOrganisation) for o in _subjects(g, RDF.type, t)}, key=str)
    baselines = {}
    if baseline is not None:
        baselines = {o: std for o in orgs if (o, RDF.type, RKG.ReferenceOrganisation) not in g}
    for o in orgs:  # a document may name its own baseline
        b = g.value(o, RKG.baseline)
        for d in DOCUMENTS:
            if d.iri == b and (o, RDF.type, RKG.ReferenceOrganisation) not in g:
                baselines.setdefault(o, d)
    asm = assemble(g, kb, orgs, baselines)
    return _report("bundled documents", asm, g, kb, std, None, shapes)


def validate_design(resolved: ResolvedDesign, kb: KnowledgeBase | None = None, shapes: Graph | None = None) -> Report:
    """Validate one resolved design against its baseline."""
    kb = kb or knowledge_base()
    context = Graph()
    for t in kb.graph:
        context.add(t)
    for t in resolved.graph:
        context.add(t)
    asm = assemble(context, kb, [resolved.organisation], {resolved.organisation: resolved.baseline})
    return _report(str(resolved.design.path), asm, context, kb, resolved.baseline, resolved, shapes)


def validate_file(path: Path, baseline: str | None = None, kb: KnowledgeBase | None = None) -> Report:
    """Read, resolve and validate a design file (YAML, CSV folder or Excel); InputError on bad input."""
    kb = kb or knowledge_base()
    design = read_design(path)
    resolved = resolve(design, kb, matcher_for(kb), baseline)
    return validate_design(resolved, kb)

