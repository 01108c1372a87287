"""Resolution: a design linked to the knowledge graph and written in the retailkg ontology.

Standard duties are found by clause, functions by id or label, metrics by label, and free-text
duties by the matcher (:mod:`retailkg.design.matching`); the result is N-Triples written directly
(not through rdflib) because a chain's design is hundreds of thousands of statements.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef

from retailkg.design.model import DEFAULT_BASELINE, ORG_BASE, DutySpec, OrgDesign, Where
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


@dataclass(slots=True)
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

    @property
    def source(self) -> str:
        """How the duty is cited in evidence: the standard's clause, or file:line."""
        return self.standard.citation if self.standard else self.spec.where.cite()


class NTriples:
    """A resolved design's N-Triples in three streams, each as UTF-8 chunks of whole lines.

    ``facts`` is what the design states (posts, units, duties, functions, metrics); ``citations``
    how its statements are cited (``rkg:reference`` and the design as ``rkg:sourceDocument``: only
    the naming of findings reads them); ``provenance`` how the matcher decided (the ``rkgv:``
    match nodes, the only blank nodes, and duty item letters: nothing reads them but a person).
    Keeping them apart as they are written lets a store load the facts alone, without searching a
    chain's million lines for what to leave out; lines are encoded a chunk at a time, so the design
    is never held as a million Python strings nor as one text and its copy. With a sink (the facts
    handed to a store as they are written), the other two are kept compressed.
    """

    CHUNK_LINES = 65536

    def __init__(self, sink: Callable[[bytes], object] | None = None) -> None:
        self.facts: list[str] = []
        self.citations: list[str] = []
        self.provenance: list[str] = []
        self._chunks: dict[str, list[bytes]] = {"facts": [], "citations": [], "provenance": []}
        self._sink = sink
        self._facts_from: Callable[[], bytes] | None = None

    @property
    def facts_handed_on(self) -> bool:
        """The facts went to the sink as they were written (a store holds them), not kept here."""
        return self._sink is not None

    def facts_from(self, source: Callable[[], bytes]) -> None:
        """Where the facts handed to the sink can be had again (a dump of the store they went to)."""
        self._facts_from = source

    def flush(self, force: bool = False) -> None:
        """Encode the lines written so far (when a stream has grown past CHUNK_LINES, or ``force``);
        the facts go to the sink, when there is one, and are not kept."""
        for name in ("facts", "citations", "provenance"):
            lines: list[str] = getattr(self, name)
            if lines and (force or len(lines) >= self.CHUNK_LINES):
                chunk = "".join(lines).encode("utf-8")
                lines.clear()
                if name == "facts" and self._sink is not None:
                    self._sink(chunk)
                elif self._sink is not None:  # kept for the Turtle report only: a tenth of the size
                    self._chunks[name].append(zlib.compress(chunk, 1))
                else:
                    self._chunks[name].append(chunk)

    def chunks(self, stream: str) -> list[bytes]:
        """The encoded chunks of one stream (``facts``, ``citations`` or ``provenance``)."""
        self.flush(force=True)
        if stream == "facts" and self._sink is not None:
            if self._facts_from is None:
                raise RuntimeError("the facts were handed to a sink and cannot be had again")
            return [self._facts_from()]
        if self._sink is not None:
            return [zlib.decompress(c) for c in self._chunks[stream]]
        return self._chunks[stream]

    def data(self) -> bytes:
        """Every line: the facts, then the citations, then the provenance."""
        return b"".join(c for stream in ("facts", "citations", "provenance") for c in self.chunks(stream))


@dataclass
class ResolvedDesign:
    """The design linked to the knowledge graph, and its RDF (as N-Triples, :class:`NTriples`).

    The RDF is written as N-Triples text rather than into an rdflib graph: a chain of thousands of
    stores is a million triples, which rdflib takes minutes and gigabytes to hold, while a triple
    store bulk-loads the text directly (bench/RESULTS.md, "scale"). :attr:`graph` parses it into
    rdflib on demand, for small designs and tests.
    """

    design: OrgDesign
    baseline: Document
    base: str
    organisation: URIRef
    rdf: NTriples
    posts: dict[str, URIRef]
    departments: dict[str, URIRef]
    duties: dict[URIRef, ResolvedDuty]
    metric_sources: dict[tuple[URIRef, URIRef], str]  # (post, metric) → how the accountability arose
    prefix: str = "design"

    def ntriples(self) -> str:
        """The design's RDF as N-Triples (the form triple stores bulk-load fastest)."""
        return self.rdf.data().decode("utf-8")

    @cached_property
    def graph(self) -> Graph:
        """The design's RDF as an rdflib graph, with the project's prefixes bound."""
        g = Graph()
        for prefix, uri in PREFIXES.items():
            g.bind(prefix, uri)
        g.bind("rkgv", RKGV)
        g.bind(self.prefix, Namespace(self.base))
        g.parse(data=self.rdf.data(), format="nt")
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


class _Writer(NTriples):
    """N-Triples lines for terms given as IRIs (str) or ready-made literals: facts unless said otherwise."""

    def __init__(self, sink: Callable[[bytes], object] | None = None) -> None:
        super().__init__(sink)
        self.bnodes = 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.facts.append(f"<{s}> <{p}> <{o}> .\n")

    def lit(self, s: str, p: str, o: str) -> None:
        self.facts.append(f"<{s}> <{p}> {o} .\n")

    def cite(self, s: str, p: str, o: str) -> None:
        """A citation (``o`` an IRI or a ready-made literal)."""
        self.citations.append(f"<{s}> <{p}> {o} .\n")


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
_PLAIN = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]+")  # ASCII that _safe keeps: most ids, at once


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
    if _PLAIN.fullmatch(label):
        return label
    return "".join(c if _safe(c) else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in label)


@paused_gc()
def resolve(design: OrgDesign, kb: KnowledgeBase, matcher: Matcher | None = None, baseline: str | None = None,
            sink: Callable[[bytes], object] | None = None) -> ResolvedDesign:
    """Link ``design`` to the knowledge graph and write its RDF; unknown references raise InputError.

    ``baseline`` (a citation or id) overrides the design's own; the default is T/CCAGM 003-2021.
    A chain repeats the same free-text duties in every store, so each distinct text is matched once.
    ``sink``, when given, receives the facts (:class:`NTriples`) chunk by chunk as they are written
    (validation loads them into its store meanwhile), and they are not kept.
    """
    o = design.organisation
    base_doc = _baseline(baseline or o.baseline or DEFAULT_BASELINE, None if baseline else o.where.at("baseline"))
    base = f"{ORG_BASE}{iri_segment(o.id)}/"
    org = base + "org"
    prefix = o.id.replace(".", "-")
    prefix = prefix if re.match(r"^[A-Za-z][\w-]*$", prefix) and prefix not in PREFIXES and prefix != "rkgv" else "design"
    w = _Writer(sink)
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
    w.cite(org, R + "sourceDocument", f"<{design_doc}>")
    for name, where in o.exclude_functions:
        f = kb.function(name)
        if f is None:
            raise where.error(f"unknown function {name!r} (an id such as 'information-security' or a label)", "exclude_functions")
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
        w.cite(iri, R + "sourceDocument", f"<{design_doc}>")
    for d in design.departments:
        if d.parent:
            w.iri(str(depts[d.id]), R + "subUnitOf", str(depts[d.parent]))

    posts = {p.id: URIRef(base + f"post/{iri_segment(p.id)}") for p in design.posts}
    duties: dict[URIRef, ResolvedDuty] = {}
    metric_sources: dict[tuple[URIRef, URIRef], str] = {}
    own_metrics: dict[str, URIRef] = {}
    typed_metrics: set[URIRef] = set()
    cache: dict[tuple[Any, ...], list[tuple[ResolvedDuty, _DutyLines]]] = {}

    def get_matcher() -> Matcher:  # loaded only when a duty is free text without functions given
        nonlocal matcher
        if matcher is None:
            from retailkg.design.matching import matcher_for

            matcher = matcher_for(kb)
        return matcher

    def metric_type(m: URIRef) -> None:  # the design says what it refers to: the rules need no KB lookup
        if m not in typed_metrics:
            typed_metrics.add(m)
            w.iri(str(m), TYPE, R + "Metric")

    seg = {p.id: iri_segment(p.id) for p in design.posts}
    free = [(spec.text or "", p.name) for p in design.posts for spec in p.duties if spec.standard is None and not spec.functions]
    if free:  # each distinct free-text duty matched once, all in one batch
        get_matcher().prepare(free)
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
        w.cite(ps, R + "reference", _lit(p.id))
        w.cite(ps, R + "sourceDocument", f"<{design_doc}>")
        n = 0
        duty_base = f"{base}duty/{seg[p.id]}-"
        for spec in p.duties:
            # the post's name is part of a free-text duty's key: the matcher reads it (数据统计 of a 出纳 is not an analyst's)
            key = (spec.standard, spec.text, spec.role, spec.role_given, tuple(spec.functions), p.name)
            proto = cache.get(key)
            if proto is None:
                proto = cache[key] = [(r0, _DutyLines(r0)) for r0 in _resolve_duty(spec, kb, get_matcher, base_doc, p.name)]
            for r0, lines in proto:
                n += 1
                r = ResolvedDuty(URIRef(duty_base + str(n)), post, spec, r0.zh, r0.en, r0.lead, r0.support,
                                 r0.standard, r0.match, r0.given)
                duties[r.iri] = r
                lines.write(w, str(r.iri), ps, n, r.source, design_doc)
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
                    w.cite(str(metric), R + "sourceDocument", f"<{design_doc}>")
            metric_type(metric)
            if (post, metric) not in metric_sources:
                w.iri(ps, R + "accountableFor", str(metric))
            metric_sources[(post, metric)] = where.cite()
        w.flush()
    w.flush(force=True)
    return ResolvedDesign(design, base_doc, base, URIRef(org), w, posts, depts, duties, metric_sources, prefix)


def _resolve_duty(spec: DutySpec, kb: KnowledgeBase, get_matcher: Callable[[], Matcher], baseline: Document,
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
    if spec.functions:
        lead, support = [], []
        for name, role in spec.functions:
            f = kb.function(name)
            if f is None:
                raise spec.where.error(f"unknown function {name!r}", "functions")
            (lead if role == "lead" else support).append(f)
        yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, given=True)
        return
    m = get_matcher().match(text, post_name)
    lead = [fm.function for fm in m.functions if fm.role == "lead"]
    support = [fm.function for fm in m.functions if fm.role == "support"]
    if spec.role == "support":
        lead, support = [], lead + support
    yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, match=m)


class _DutyLines:
    """The lines of one resolved duty that are the same wherever it stands: a chain repeats each
    duty in thousands of stores, so they are written once and joined with each duty's IRI."""

    def __init__(self, r: ResolvedDuty) -> None:
        R = str(RKG)
        facts = [f"<{RDF.type}> <{R}Duty> .", f"<{RDFS.label}> {_lit(r.zh, 'zh')} ."]
        if r.en:
            facts.append(f"<{RDFS.label}> {_lit(r.en, 'en')} .")
        facts += [f"<{R}addressesFunction> <{f}> ." for f in r.lead]
        facts += [f"<{R}supportsFunction> <{f}> ." for f in r.support]
        if r.standard is not None:
            facts.append(f"<{PROV.wasDerivedFrom}> <{r.standard.iri}> .")
            facts += [f"<{R}concernsMetric> <{m}> ." for m in r.standard.metrics]
        self.facts = facts
        self.reference = _lit(r.standard.citation) if r.standard is not None else None
        # each match node's lines but its own: (function, score, evidence, to review)
        self.matches: list[list[str]] = []
        if r.match is not None:
            for fm in r.match.functions:
                node_lines = [f"<{RDF.type}> <{RKGV}FunctionMatch> .", f"<{RKGV}function> <{fm.function}> .",
                              f"<{RKGV}score> {_lit(str(round(fm.score, 3)), datatype=str(XSD.decimal))} ."]
                if fm.evidence is not None:
                    node_lines.append(f"<{RKGV}evidence> <{fm.evidence.iri}> .")
                if r.match.to_review:
                    node_lines.append(f"<{RKGV}toReview> {_lit('true', datatype=str(XSD.boolean))} .")
                self.matches.append(node_lines)

    def write(self, w: _Writer, d: str, post: str, n: int, source: str, design_doc: str) -> None:
        R = str(RKG)
        head = f"<{d}> "
        sep = f"\n{head}"
        w.facts.append(head + sep.join([*self.facts, f"<{R}dutyOf> <{post}> .", f"<{R}order> \"{n}\"^^<{_INT}> ."]) + "\n")
        reference = self.reference if self.reference is not None else _lit(source)
        w.citations.append(f"{head}<{R}reference> {reference} .{sep}<{R}sourceDocument> <{design_doc}> .\n")
        w.provenance.append(f"{head}<{R}item> \"{n}\" .\n")
        for node_lines in self.matches:
            w.bnodes += 1
            node = f"_:m{w.bnodes}"
            w.provenance.append(f"{head}<{RKGV}match> {node} .\n{node} " + f"\n{node} ".join(node_lines) + "\n")
