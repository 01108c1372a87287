"""Resolution: a design linked to the knowledge graph and written in the retailkg ontology.

Standard duties are found by clause, functions by id or label, metrics by label, and free-text
duties by the matcher (:mod:`retailkg.design.matching`); the result is N-Triples written directly
(not through rdflib) because a chain's design is hundreds of thousands of statements.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef

from retailkg.design.model import DEFAULT_BASELINE, ORG_BASE, DutySpec, OrgDesign, Problems, Where
from retailkg.errors import InputError
from retailkg.kg.catalog import DOCUMENTS, Document, document
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo, fold
from retailkg.ns import BASE, PREFIXES, PROV, RKG, RKGV
from retailkg.text.runtime import paused_gc

if TYPE_CHECKING:  # the matcher pulls in numpy and BM25: imported when a free-text duty needs it
    from retailkg.design.matching import Match, Matcher

_STD_REF = re.compile(r"^(?P<doc>.*?)\s*(?P<ref>\d+(?:\.\d+)+(?:\s*[a-zA-Z]\)?|\s*[(（]\d+[)）])?)\s*$")
# ---------------------------------------------------------------------------------------------
# Resolution against the knowledge graph, and RDF
# ---------------------------------------------------------------------------------------------


@dataclass
class ResolvedDuty:
    """A duty of the design with its functions decided, and why."""

    iri: URIRef
    post: URIRef
    spec: DutySpec
    zh: str
    en: str
    lead: list[URIRef]
    support: list[URIRef]
    standard: StatementInfo | None = None  # a standard's duty taken by reference
    match: Match | None = None  # a free-text duty matched by text
    given: bool = False  # functions stated in the design
    corrected: str = ""  # functions set by a reviewer: the cell that says so (``report.xlsx:Mapping review!7``)

    @property
    def source(self) -> str:
        """How the duty is cited in evidence: the standard's clause, or file:line."""
        return self.standard.citation if self.standard else self.spec.where.cite()


@dataclass
class ResolvedDesign:
    """The design linked to the knowledge graph, and its RDF (as N-Triples lines).

    The RDF is written as N-Triples text rather than into an rdflib graph: a chain of thousands of
    stores is a million triples, which rdflib takes minutes and gigabytes to hold, while a triple
    store bulk-loads the text directly (bench/RESULTS.md, "scale"). :attr:`graph` parses it into
    rdflib on demand, for small designs and tests.
    """

    design: OrgDesign
    baseline: Document
    base: str
    organisation: URIRef
    lines: list[str]
    posts: dict[str, URIRef]
    departments: dict[str, URIRef]
    duties: dict[URIRef, ResolvedDuty]
    metric_sources: dict[tuple[URIRef, URIRef], str]  # (post, metric) → how the accountability arose
    prefix: str = "design"

    def ntriples(self) -> str:
        """The design's RDF as N-Triples (the form triple stores bulk-load fastest)."""
        return "".join(self.lines)

    @cached_property
    def graph(self) -> Graph:
        """The design's RDF as an rdflib graph, with the project's prefixes bound."""
        g = Graph()
        for prefix, uri in PREFIXES.items():
            g.bind(prefix, uri)
        g.bind("rkgv", RKGV)
        g.bind(self.prefix, Namespace(self.base))
        g.parse(data=self.ntriples(), format="nt")
        return g


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """An N-Triples literal."""
    body = '"' + text.translate(_NT_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^<{datatype}>"
    return body


_INT = str(XSD.integer)


class _Writer:
    """N-Triples lines for terms given as IRIs (str) or ready-made literals."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.bnodes = 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> <{o}> .\n")

    def lit(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> {o} .\n")


def _baseline(name: str, where: Where | None) -> Document:
    """The baseline standard; ``where`` is the design's field, or None for the --baseline option."""

    def error(message: str) -> InputError:
        return where.error(message, "baseline") if where is not None else InputError(message, field="--baseline")

    try:
        doc = document(name)
    except KeyError:
        known = ", ".join(d.citation for d in DOCUMENTS if d.is_standard)
        raise error(f"unknown baseline {name!r} (standards: {known})") from None
    if not doc.is_standard:
        raise error(f"{doc.citation} is not a standard and cannot be a baseline")
    return doc


def _standard_duties(ref: str, where: Where, kb: KnowledgeBase, baseline: Document) -> list[StatementInfo]:
    m = _STD_REF.match(ref)
    if not m:
        raise where.error(f"not a clause reference: {ref!r} (e.g. 'T/CCAGM 003-2021 4.1.1 a')", "standard")
    doc_name, clause = m.group("doc").strip(), re.sub(r"\s+", " ", m.group("ref").replace("（", "(").replace("）", ")"))
    if doc_name:
        try:
            doc = document(doc_name)
        except KeyError:
            raise where.error(f"unknown standard {doc_name!r} in {ref!r}", "standard") from None
        if not doc.is_standard:
            raise where.error(f"{doc.citation} is not a standard: give its duties as text", "standard")
    else:
        doc = baseline
    duty = kb.standard_duty(doc, clause)
    if duty is not None:
        return [kb.duties[duty]]
    post = kb.standard_post(doc, clause)
    if post is not None:  # a whole post: all its duties
        found = kb.duties_of(post)
        if found:
            return found
    raise where.error(f"no duty {clause!r} in {doc.citation}", "standard")


# What may stand unescaped in a segment of a minted IRI: RFC 3987's ipchar without "%" (which
# starts an escape) and without "/" (which would end the segment). Letters, digits and marks of any
# script stay as written; spaces, controls, format and private-use characters and everything
# outside ipchar are percent-encoded.
_SUB_DELIMS_AND_MORE = frozenset("-._~!$&'()*+,;=:@")


def _ucschar(c: str) -> bool:
    """RFC 3987 ucschar, less spaces, controls, format, private-use and unassigned characters."""
    n = ord(c)
    if not (0xA0 <= n <= 0xD7FF or 0xF900 <= n <= 0xFDCF or 0xFDF0 <= n <= 0xFFEF
            or (0x10000 <= n <= 0xEFFFD and (n & 0xFFFF) < 0xFFFE)):
        return False
    return unicodedata.category(c)[0] not in "CZ"


def _safe(c: str) -> bool:
    return (c.isascii() and (c.isalnum() or c in _SUB_DELIMS_AND_MORE)) or _ucschar(c)


def iri_segment(label: str) -> str:
    """One segment of an IRI minted from ``label`` (a metric's name, an id): valid and one to one.

    A label made only of characters that are safe in an IRI is its own segment (``销售任务``,
    ``PPC``, ``ops-director``: the IRIs published before stay as they were); every other character,
    ``%`` included, is percent-encoded as UTF-8 (``退货率<5%`` → ``退货率%3C5%25``), so two
    different labels never share a segment, and a label of dots alone (``.``, ``..``, which an IRI
    resolver would remove) are encoded too.
    """
    if label.strip(".") == "":
        return "%2E" * len(label)
    return "".join(c if _safe(c) else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in label)


SCOPE_ALL = frozenset({"all", "全部"})
"""What a ``scope:`` says to take every area of the taxonomy (a design of a whole company)."""


def scope_functions(names: list[tuple[str, Where]], kb: KnowledgeBase, fld: str) -> list[URIRef]:
    """The leaf functions a design's ``scope`` or ``exclude`` names, in taxonomy order: a function by id or
    label, an area by id or label (all its functions), and for a scope ``all`` (全部): every function. A label
    that is both a function's and an area's (品牌商户运营) names the function, as ``exclude_functions`` always
    read it; the area's id names the area. Every unknown name is reported, one line each with the closest
    ids that exist."""
    found: dict[URIRef, None] = {}
    problems = Problems()
    for name, where in names:
        if fld == "scope" and fold(name) in SCOPE_ALL:  # a design of the whole company
            found.update(dict.fromkeys(kb.functions))
            continue
        f = kb.function(name)
        if f is not None:
            found[f] = None
            continue
        area = kb.area(name)
        if area is not None:
            found.update(dict.fromkeys(kb.areas[area].functions))
            continue
        problems.add(where.error(f"unknown area or function {name!r}{closest_ids(name, kb)}", fld))
    problems.raise_if_any()
    return sorted(found, key=lambda x: kb.functions[x].sort_key)


def closest_ids(name: str, kb: KnowledgeBase, n: int = 3, areas: bool = True) -> str:
    """`` (closest: 'marketing' 营销推广, 'market-research' 市场调研)``: ids that exist (of areas and functions, or
    of functions only), found by id or label."""
    names = kb.scope_names()
    if not areas:
        area_ids = {a.id for a in kb.areas.values()}
        names = {k: v for k, v in names.items() if v not in area_ids}
    ids: list[str] = []
    for close in difflib.get_close_matches(fold(name), list(names), n=12, cutoff=0.6):
        if names[close] not in ids:
            ids.append(names[close])
    if not ids:
        return " (no close match: `retailkg query run function-taxonomy` lists the areas and functions)"
    labels = {a.id: a.zh for a in kb.areas.values()} | {f.id: f.zh for f in kb.functions.values()}
    return " (closest: " + ", ".join(f"{i!r} {labels.get(i, '')}".rstrip() for i in ids[:n]) + ")"


@paused_gc()
def resolve(design: OrgDesign, kb: KnowledgeBase, matcher: Matcher | None = None, baseline: str | None = None) -> ResolvedDesign:
    """Link ``design`` to the knowledge graph and write its RDF; unknown references raise InputError.

    ``baseline`` (a citation or id) overrides the design's own; the default is T/CCAGM 003-2021.
    A chain repeats the same free-text duties in every store, so each distinct text is matched once.
    """
    o = design.organisation
    base_doc = _baseline(baseline or o.baseline or DEFAULT_BASELINE, None if baseline else o.where.at("baseline"))
    base = f"{ORG_BASE}{iri_segment(o.id)}/"
    org = base + "org"
    prefix = o.id.replace(".", "-")
    prefix = prefix if re.match(r"^[A-Za-z][\w-]*$", prefix) and prefix not in PREFIXES and prefix != "rkgv" else "design"
    w = _Writer()
    TYPE, LABEL = str(RDF.type), str(RDFS.label)
    R = str(RKG)
    design_doc = base + "design"
    w.iri(design_doc, TYPE, R + "SourceDocument")
    w.lit(design_doc, LABEL, _lit(design.path.name))
    w.iri(org, TYPE, R + "Organisation")
    w.lit(org, LABEL, _lit(o.name, "zh"))
    if o.name_en:
        w.lit(org, LABEL, _lit(o.name_en, "en"))
    w.iri(org, R + "baseline", str(base_doc.iri))
    w.iri(org, R + "sourceDocument", design_doc)
    problems = Problems()
    scope = problems.attempt(list[URIRef](), scope_functions, o.scope, kb, "scope")
    exclude = problems.attempt(list[URIRef](), scope_functions, o.exclude, kb, "exclude")
    problems.raise_if_any()
    for f in scope:
        w.iri(org, R + "scopeFunction", str(f))
    for f in exclude:
        w.iri(org, R + "excludesFunction", str(f))

    depts: dict[str, URIRef] = {}
    for i, d in enumerate(design.departments, start=1):
        iri = base + f"dept/{iri_segment(d.id)}"
        depts[d.id] = URIRef(iri)
        w.iri(iri, TYPE, R + "Department")
        w.lit(iri, LABEL, _lit(d.name, "zh"))
        if d.name_en:
            w.lit(iri, LABEL, _lit(d.name_en, "en"))
        w.lit(iri, R + "unitKind", _lit(d.kind))
        w.iri(iri, R + "unitOf", org)
        w.lit(iri, R + "order", _lit(str(i), datatype=_INT))
        w.iri(iri, R + "sourceDocument", design_doc)
    for d in design.departments:
        if d.parent:
            w.iri(str(depts[d.id]), R + "subUnitOf", str(depts[d.parent]))

    posts = {p.id: URIRef(base + f"post/{iri_segment(p.id)}") for p in design.posts}
    duties: dict[URIRef, ResolvedDuty] = {}
    metric_sources: dict[tuple[URIRef, URIRef], str] = {}
    own_metrics: dict[str, URIRef] = {}
    typed_metrics: set[URIRef] = set()
    cache: dict[tuple[Any, ...], list[ResolvedDuty]] = {}

    def metric_type(m: URIRef) -> None:  # the design says what it refers to: the rules need no KB lookup
        if m not in typed_metrics:
            typed_metrics.add(m)
            w.iri(str(m), TYPE, R + "Metric")

    for i, p in enumerate(design.posts, start=1):
        post = posts[p.id]
        ps = str(post)
        w.iri(ps, TYPE, R + "Post")
        w.lit(ps, LABEL, _lit(p.name, "zh"))
        if p.name_en:
            w.lit(ps, LABEL, _lit(p.name_en, "en"))
        w.iri(ps, R + "inDepartment", str(depts[p.department]))
        w.iri(ps, R + "inOrganisation", org)
        if p.reports_to:
            w.iri(ps, R + "reportsTo", str(posts[p.reports_to]))
        if p.headcount is not None:
            w.lit(ps, R + "headcount", _lit(str(p.headcount), datatype=str(XSD.positiveInteger)))
        w.lit(ps, R + "order", _lit(str(i), datatype=_INT))
        w.lit(ps, R + "reference", _lit(p.id))
        w.iri(ps, R + "sourceDocument", design_doc)
        n = 0
        for spec in p.duties:
            # the post's name is part of a free-text duty's key: the matcher reads it (数据统计 of a 出纳 is not an analyst's)
            key = (spec.standard, spec.text, spec.role, spec.role_given, tuple(spec.functions), spec.correction, p.name)
            proto = cache.get(key)
            if proto is None:
                proto = cache[key] = list(_resolve_duty(spec, kb, matcher, base_doc, p.name))
            for r0 in proto:
                n += 1
                r = ResolvedDuty(URIRef(base + f"duty/{iri_segment(p.id)}-{n}"), post, spec, r0.zh, r0.en, r0.lead, r0.support,
                                 r0.standard, r0.match, r0.given, r0.corrected)
                duties[r.iri] = r
                _duty_triples(w, r, n, design_doc)
                if r.standard is not None:  # the accountability rule travels with the duty
                    std_post = r.standard.post
                    for m in r.standard.metrics:
                        metric_type(m)
                        if std_post is not None and (std_post, RKG.accountableFor, m) in kb.graph:
                            if (post, m) not in metric_sources:  # one triple, however many duties say so
                                w.iri(ps, R + "accountableFor", str(m))
                            metric_sources.setdefault((post, m), r.standard.citation)
        for name, where in p.accountable_for:
            metric = kb.standard_metric(name, prefer=base_doc)
            if metric is None:
                metric = own_metrics.get(fold(name))
                if metric is None:
                    metric = URIRef(base + f"metric/{iri_segment(name)}")
                    own_metrics[fold(name)] = metric
                    w.lit(str(metric), LABEL, _lit(name, "zh"))
                    w.iri(str(metric), R + "sourceDocument", design_doc)
            metric_type(metric)
            if (post, metric) not in metric_sources:
                w.iri(ps, R + "accountableFor", str(metric))
            metric_sources[(post, metric)] = where.cite()
    return ResolvedDesign(design, base_doc, base, URIRef(org), w.lines, posts, depts, duties, metric_sources, prefix)


def _resolve_duty(spec: DutySpec, kb: KnowledgeBase, matcher: Matcher | None, baseline: Document,
                  post_name: str = "") -> Iterator[ResolvedDuty]:
    placeholder = URIRef(BASE)
    if spec.standard is not None:
        for s in _standard_duties(spec.standard, spec.where.at("standard"), kb, baseline):
            lead, support = list(s.lead), list(s.support)
            if spec.role_given and spec.role == "support":
                lead, support = [], sorted(set(lead) | set(support))
            yield ResolvedDuty(placeholder, placeholder, spec, s.zh, s.en, lead, support, standard=s)
        return
    text = spec.text or ""
    if spec.correction is not None or spec.functions:  # a reviewer's correction wins over functions stated in the design
        stated, where = (spec.correction.functions, spec.correction.where) if spec.correction else (spec.functions, spec.where)
        lead, support = [], []
        for name, role in stated:
            f = kb.function(name)
            if f is None:
                raise where.error(f"unknown function {name!r}{closest_ids(name, kb, areas=False)}", where.field or "functions")
            (lead if role == "lead" else support).append(f)
        yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, given=True,
                           corrected=spec.correction.where.cite() if spec.correction else "")
        return
    if matcher is None:
        from retailkg.design.matching import Matcher

        matcher = Matcher(kb)
    m = matcher.match(text, post_name)
    lead = [fm.function for fm in m.functions if fm.role == "lead"]
    support = [fm.function for fm in m.functions if fm.role == "support"]
    if spec.role == "support":
        lead, support = [], lead + support
    yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, match=m)


def _duty_triples(w: _Writer, r: ResolvedDuty, n: int, design_doc: str) -> None:
    d = str(r.iri)
    R = str(RKG)
    w.iri(d, str(RDF.type), R + "Duty")
    w.lit(d, str(RDFS.label), _lit(r.zh, "zh"))
    if r.en:
        w.lit(d, str(RDFS.label), _lit(r.en, "en"))
    w.iri(d, R + "dutyOf", str(r.post))
    w.lit(d, R + "item", _lit(str(n)))
    w.lit(d, R + "order", _lit(str(n), datatype=_INT))
    w.lit(d, R + "reference", _lit(r.source))
    w.iri(d, R + "sourceDocument", design_doc)
    for f in r.lead:
        w.iri(d, R + "addressesFunction", str(f))
    for f in r.support:
        w.iri(d, R + "supportsFunction", str(f))
    if r.standard is not None:
        w.iri(d, str(PROV.wasDerivedFrom), str(r.standard.iri))
        for m in r.standard.metrics:
            w.iri(d, R + "concernsMetric", str(m))
    if r.corrected:
        w.lit(d, f"{RKGV}correctedBy", _lit(r.corrected))
    if r.match is not None:
        for fm in r.match.functions:
            w.bnodes += 1
            node = f"_:m{w.bnodes}"
            w.lines.append(f"<{d}> <{RKGV}match> {node} .\n")
            w.lines.append(f"{node} <{RDF.type}> <{RKGV}FunctionMatch> .\n")
            w.lines.append(f"{node} <{RKGV}function> <{fm.function}> .\n")
            w.lines.append(f"{node} <{RKGV}score> {_lit(str(round(fm.score, 3)), datatype=str(XSD.decimal))} .\n")
            if fm.evidence is not None:
                w.lines.append(f"{node} <{RKGV}evidence> <{fm.evidence.iri}> .\n")
            if r.match.to_review:
                w.lines.append(f"{node} <{RKGV}toReview> {_lit('true', datatype=str(XSD.boolean))} .\n")


