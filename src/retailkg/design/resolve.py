"""Resolution: a design linked to the knowledge graph and written in the retailkg ontology.

Standard duties are found by clause, functions by id or label, metrics by label, and free-text
duties by the matcher (:mod:`retailkg.design.matching`); the result is N-Triples written directly
(not through rdflib) because a chain's design is hundreds of thousands of statements.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef

from retailkg.design.model import DEFAULT_BASELINE, ORG_BASE, DutySpec, OrgDesign, Problems, Where
from retailkg.errors import InputError
from retailkg.kg.catalog import DOCUMENTS, Document, document
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo, fold
from retailkg.ns import BASE, ORG, PREFIXES, PROV, RKG, RKGV
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
    corrected: str = ""  # functions set by a reviewer: the cell that says so (``report.xlsx:Mapping review!7``)

    @property
    def source(self) -> str:
        """How the duty is cited in evidence: the standard's clause, or file:line."""
        return self.standard.citation if self.standard else self.spec.where.cite()


STORE, ASIDE, DROP = "store", "aside", "drop"
"""The streams of a resolved design's N-Triples (:class:`NTriples`): what goes into the rules'
store, what is kept beside it (read by the naming of findings, or by a rule only where a join
holds), and what nobody reads."""

Route = Callable[[str, str, bool, bool], str]
"""Where a kind of statement goes: (predicate, class of an ``rdf:type``, IRI subject, IRI object) -> a stream."""


def _everything_stored(p: str, cls: str, iri_subject: bool, iri_object: bool) -> str:
    return STORE


class NTriples:
    """A resolved design's N-Triples in three streams (:data:`STORE`, :data:`ASIDE`, :data:`DROP`),
    each as UTF-8 chunks of whole lines.

    Which stream a statement goes to is the ``route`` the caller gives (validation derives it from
    what the run's shapes read: :class:`retailkg.validation.loading.Router`; without one, every
    statement is in :data:`STORE`), decided once per kind of statement and applied as each line is
    written. Keeping the streams apart as they are written lets a store load its part alone,
    without searching a chain's million lines for what to leave out; lines are encoded a chunk at a
    time, so the design is never held as a million Python strings nor as one text and its copy.
    With a sink (the store's part handed to a store as it is written), every stream is kept
    compressed (a tenth of the size), for the Turtle report and naming: the store keeps literals
    by value, so a dump of it would not be the design as written.
    """

    CHUNK_LINES = 65536

    def __init__(self, sink: Callable[[bytes], object] | None = None, route: Route | None = None,
                 pool: Executor | None = None) -> None:
        self.lines: dict[str, list[str]] = {STORE: [], ASIDE: [], DROP: []}
        self._chunks: dict[str, list[bytes | Future[bytes]]] = {STORE: [], ASIDE: [], DROP: []}
        self._sink = sink
        self._pool = pool
        self._route = route or _everything_stored
        self._routes: dict[tuple[str, str, bool, bool], list[str]] = {}

    def stream(self, p: str, cls: str = "", iri_subject: bool = True, iri_object: bool = True) -> list[str]:
        """The lines of the stream a statement of this kind goes to."""
        key = (p, cls, iri_subject, iri_object)
        found = self._routes.get(key)
        if found is None:
            found = self._routes[key] = self.lines[self._route(*key)]
        return found

    def stream_name(self, p: str, cls: str = "", iri_subject: bool = True, iri_object: bool = True) -> str:
        """The name of the stream a statement of this kind goes to."""
        return self._route(p, cls, iri_subject, iri_object)

    @property
    def handed_on(self) -> bool:
        """The store's stream went to the sink as it was written (a store holds it), not kept here."""
        return self._sink is not None

    def flush(self, force: bool = False) -> None:
        """Encode the lines written so far (when a stream has grown past CHUNK_LINES, or ``force``);
        the store's stream goes to the sink, when there is one, and every stream is then kept compressed."""
        for name, lines in self.lines.items():
            if lines and (force or len(lines) >= self.CHUNK_LINES):
                chunk = "".join(lines).encode("utf-8")
                lines.clear()
                if name == STORE and self._sink is not None:
                    self._sink(chunk)
                if self._sink is not None:  # kept for the Turtle report and naming: a tenth of the size
                    self._chunks[name].append(self._compressed(chunk))
                else:
                    self._chunks[name].append(chunk)

    def _compressed(self, chunk: bytes) -> bytes | Future[bytes]:
        """The chunk compressed on the pool's thread when there is one (zlib lets go of the GIL, so
        it runs beside resolution), else here (also once the pool is shut down)."""
        if self._pool is not None:
            try:
                return self._pool.submit(zlib.compress, chunk, 1)
            except RuntimeError:
                self._pool = None
        return zlib.compress(chunk, 1)

    def chunks(self, stream: str) -> list[bytes]:
        """The encoded chunks of one stream (:data:`STORE`, :data:`ASIDE` or :data:`DROP`)."""
        self.flush(force=True)
        found = [c if isinstance(c, bytes) else c.result() for c in self._chunks[stream]]
        if self._sink is not None:
            return [zlib.decompress(c) for c in found]
        return found

    def data(self) -> bytes:
        """Every line: the store's, then those set aside, then those nobody reads."""
        return b"".join(c for stream in (STORE, ASIDE, DROP) for c in self.chunks(stream))


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
    """N-Triples lines for terms given as IRIs (str) or ready-made literals, each to its stream."""

    def __init__(self, sink: Callable[[bytes], object] | None = None, route: Route | None = None,
                 pool: Executor | None = None) -> None:
        super().__init__(sink, route, pool)
        self.bnodes = 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.stream(p, o if p == _TYPE else "").append(f"<{s}> <{p}> <{o}> .\n")

    def lit(self, s: str, p: str, o: str) -> None:
        self.stream(p, "", True, False).append(f"<{s}> <{p}> {o} .\n")


_TYPE = str(RDF.type)


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
    # plane 14 only from E1000: its first 4096 (tags, variation selectors 17-256) are no ucschar
    if not (0xA0 <= n <= 0xD7FF or 0xF900 <= n <= 0xFDCF or 0xFDF0 <= n <= 0xFFEF
            or (0x10000 <= n <= 0xEFFFD and (n & 0xFFFF) < 0xFFFE and not 0xE0000 <= n < 0xE1000)):
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
def resolve(design: OrgDesign, kb: KnowledgeBase, matcher: Matcher | None = None, baseline: str | None = None,
            sink: Callable[[bytes], object] | None = None, route: Route | None = None,
            pool: Executor | None = None) -> ResolvedDesign:
    """Link ``design`` to the knowledge graph and write its RDF; unknown references raise InputError.

    ``baseline`` (a citation or id) overrides the design's own; the default is T/CCAGM 003-2021.
    A chain repeats the same free-text duties in every store, so each distinct text is matched once.
    ``route`` sends each kind of statement to its stream (:class:`NTriples`; by default all to
    :data:`STORE`); ``sink``, when given, receives the :data:`STORE` stream chunk by chunk as it is
    written (validation loads it into its store meanwhile), and it is kept only compressed; ``pool``,
    when given with a sink, compresses the chunks on its thread while resolution writes the next.
    """
    o = design.organisation
    base_doc = _baseline(baseline or o.baseline or DEFAULT_BASELINE, None if baseline else o.where.at("baseline"))
    base = f"{ORG_BASE}{iri_segment(o.id)}/"
    org = base + "org"
    prefix = o.id.replace(".", "-")
    prefix = prefix if re.match(r"^[A-Za-z][\w-]*$", prefix) and prefix not in PREFIXES and prefix != "rkgv" else "design"
    w = _Writer(sink, route, pool)
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
    parents = {d.id: d.parent for d in design.departments if d.parent}
    within = str(ORG.transitiveSubOrganizationOf)
    for d in design.departments:
        if d.parent:
            w.iri(str(depts[d.id]), R + "subUnitOf", str(depts[d.parent]))
        for above in chain_above(d.id, parents):  # the units above, then the organisation: rkg:subUnitOf+ / rkg:unitOf
            w.iri(str(depts[d.id]), within, str(depts[above]))
        w.iri(str(depts[d.id]), within, org)

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
    superiors = {p.id: p.reports_to for p in design.posts if p.reports_to}
    free = [(spec.text or "", p.name) for p in design.posts for spec in p.duties
            if spec.standard is None and not spec.functions and spec.correction is None]
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
        for superior in chain_above(p.id, superiors):
            w.iri(ps, R + "reportingChain", str(posts[superior]))
        if p.headcount is not None:
            w.lit(ps, R + "headcount", _lit(str(p.headcount), datatype=str(XSD.positiveInteger)))
        w.lit(ps, R + "order", _lit(str(i), datatype=_INT))
        w.lit(ps, R + "reference", _lit(p.id))
        w.iri(ps, R + "sourceDocument", design_doc)
        n = 0
        duty_base = f"{base}duty/{seg[p.id]}-"
        for spec in p.duties:
            # the post's name is part of a free-text duty's key: the matcher reads it (数据统计 of a 出纳 is not an analyst's)
            key = (spec.standard, spec.text, spec.role, spec.role_given, tuple(spec.functions), spec.correction, p.name)
            proto = cache.get(key)
            if proto is None:
                proto = cache[key] = [(r0, _DutyLines(w, r0)) for r0 in _resolve_duty(spec, kb, get_matcher, base_doc, p.name)]
            for r0, lines in proto:
                n += 1
                r = ResolvedDuty(URIRef(duty_base + str(n)), post, spec, r0.zh, r0.en, r0.lead, r0.support,
                                 r0.standard, r0.match, r0.given, r0.corrected)
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
                    w.iri(str(metric), R + "sourceDocument", design_doc)
            metric_type(metric)
            if (post, metric) not in metric_sources:
                w.iri(ps, R + "accountableFor", str(metric))
            metric_sources[(post, metric)] = where.cite()
        w.flush()
    w.flush(force=True)
    return ResolvedDesign(design, base_doc, base, URIRef(org), w, posts, depts, duties, metric_sources, prefix)


def chain_above(node: str, above: Mapping[str, str]) -> Iterator[str]:
    """Every node above ``node`` (``above``: each one's superior or parent), nearest first: the
    transitive closure that resolution writes as triples, ``rkg:reportingChain`` for posts
    (``rkg:reportsTo+``) and ``org:transitiveSubOrganizationOf`` for units (``rkg:subUnitOf+``,
    then the organisation), as the knowledge graph's build materialises them for the documents.
    The rules then need no transitive path inside ``EXISTS`` or ``MINUS``, which Virtuoso 7.2
    misjudges (issue 16). ``node`` itself comes last when it is in a cycle, as ``+`` has it."""
    seen: set[str] = set()
    nxt = above.get(node)
    while nxt is not None and nxt not in seen:
        seen.add(nxt)
        yield nxt
        nxt = above.get(nxt)


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
    m = get_matcher().match(text, post_name)
    lead = [fm.function for fm in m.functions if fm.role == "lead"]
    support = [fm.function for fm in m.functions if fm.role == "support"]
    if spec.role == "support":
        lead, support = [], lead + support
    yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, match=m)


class _DutyLines:
    """The lines of one resolved duty that are the same wherever it stands: a chain repeats each
    duty in thousands of stores, so they are written once (each in its stream, :class:`NTriples`)
    and joined with each duty's IRI."""

    def __init__(self, w: _Writer, r: ResolvedDuty) -> None:
        R = str(RKG)
        self.same: dict[str, list[str]] = {STORE: [], ASIDE: [], DROP: []}

        def add(p: str, o: str, cls: str = "", iri_object: bool = True) -> None:
            self.same[w.stream_name(p, cls, True, iri_object)].append(f"<{p}> {o} .")

        add(_TYPE, f"<{R}Duty>", f"{R}Duty")
        add(str(RDFS.label), _lit(r.zh, "zh"), iri_object=False)
        if r.en:
            add(str(RDFS.label), _lit(r.en, "en"), iri_object=False)
        for f in r.lead:
            add(R + "addressesFunction", f"<{f}>")
        for f in r.support:
            add(R + "supportsFunction", f"<{f}>")
        if r.standard is not None:
            add(str(PROV.wasDerivedFrom), f"<{r.standard.iri}>")
            for m in r.standard.metrics:
                add(R + "concernsMetric", f"<{m}>")
        if r.corrected:
            add(f"{RKGV}correctedBy", _lit(r.corrected), iri_object=False)
        self.reference = _lit(r.standard.citation) if r.standard is not None else None
        # where each duty's own statements go
        self.to = {name: w.stream_name(R + name, "", True, iri_object)
                   for name, iri_object in (("dutyOf", True), ("order", False), ("reference", False),
                                            ("sourceDocument", True), ("item", False))}
        # each match node's lines (function, score, evidence, to review) by stream, the node's link first
        self.matches: list[tuple[str, dict[str, list[str]]]] = []
        if r.match is not None:
            for fm in r.match.functions:
                node: dict[str, list[str]] = {STORE: [], ASIDE: [], DROP: []}

                def node_add(p: str, o: str, cls: str = "", iri_object: bool = True, into: dict[str, list[str]] = node) -> None:
                    into[w.stream_name(p, cls, False, iri_object)].append(f"<{p}> {o} .")

                node_add(_TYPE, f"<{RKGV}FunctionMatch>", f"{RKGV}FunctionMatch")
                node_add(f"{RKGV}function", f"<{fm.function}>")
                node_add(f"{RKGV}score", _lit(str(round(fm.score, 3)), datatype=str(XSD.decimal)), iri_object=False)
                if fm.evidence is not None:
                    node_add(f"{RKGV}evidence", f"<{fm.evidence.iri}>")
                if r.match.to_review:
                    node_add(f"{RKGV}toReview", _lit("true", datatype=str(XSD.boolean)), iri_object=False)
                self.matches.append((w.stream_name(f"{RKGV}match", "", True, False), node))

    def write(self, w: _Writer, d: str, post: str, n: int, source: str, design_doc: str) -> None:
        R = str(RKG)
        head = f"<{d}> "
        sep = f"\n{head}"
        parts = {name: list(lines) for name, lines in self.same.items()}
        to = self.to
        parts[to["dutyOf"]].append(f"<{R}dutyOf> <{post}> .")
        parts[to["order"]].append(f"<{R}order> \"{n}\"^^<{_INT}> .")
        parts[to["reference"]].append(f"<{R}reference> {self.reference if self.reference is not None else _lit(source)} .")
        parts[to["sourceDocument"]].append(f"<{R}sourceDocument> <{design_doc}> .")
        parts[to["item"]].append(f"<{R}item> \"{n}\" .")
        for name, lines in parts.items():
            if lines:
                w.lines[name].append(head + sep.join(lines) + "\n")
        for link, node_lines in self.matches:
            w.bnodes += 1
            node = f"_:m{w.bnodes}"
            for name, lines in node_lines.items():  # a node's lines of one stream in one piece: one chunk, one load
                text = f"{node} " + f"\n{node} ".join(lines) + "\n" if lines else ""
                if name == link:
                    text = f"{head}<{RKGV}match> {node} .\n" + text
                if text:
                    w.lines[name].append(text)
