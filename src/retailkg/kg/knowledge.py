"""The knowledge graph as validation reads it: parsed sources plus the lookups it needs.

Validation, matching and reading design files all ask the same questions of the graph: what is
function ``fn:user-growth`` called, which duty is ``T/CCAGM 003-2021 4.1.3 c``, which functions
does a standard cover, what is metric ``会员活跃度``. They are answered here, once, from the parsed
source files. The materialisation of :func:`retailkg.kg.build.load_dataset` is not needed for
that: the few entailments the shapes rely on (a post's organisation, the reporting chain) are
asserted in the data or evaluated by SPARQL property paths.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from retailkg.kg.catalog import DOCUMENTS, Document, source_files
from retailkg.ns import BASE, FN, RKG
from retailkg.rdf.io import check_turtle_syntax

__all__ = ["AreaInfo", "FunctionInfo", "KnowledgeBase", "StatementInfo", "fold", "knowledge_base"]


def fold(text: str) -> str:
    """Compare names loosely: width, case, spaces and dashes folded (T/CCAGM 003—2021 = t/ccagm003-2021)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("—", "-").replace("–", "-")
    return re.sub(r"[\s\u3000]+", "", text)


def _lit(g: Graph, s: URIRef, p: URIRef, lang: str) -> str:
    for o in sorted(g.objects(s, p), key=str):
        if isinstance(o, Literal) and (o.language or "") == lang:
            return str(o)
    return ""


def _iris(g: Graph, s: URIRef, p: URIRef) -> tuple[URIRef, ...]:
    """The IRI objects of ``s p``, sorted: posts, functions and metrics are IRIs, anything else is not one."""
    return tuple(sorted(o for o in g.objects(s, p) if isinstance(o, URIRef)))


@dataclass(frozen=True)
class FunctionInfo:
    """A leaf function of the taxonomy."""

    iri: URIRef
    id: str
    zh: str
    en: str
    definition_zh: str
    definition_en: str
    notation: str
    team: bool

    @property
    def sort_key(self) -> tuple[int, ...]:
        return tuple(int(x) for x in self.notation.split(".") if x.isdigit()) or (999,)


@dataclass(frozen=True)
class AreaInfo:
    """An area of the taxonomy (a top concept): what a design's scope and exclusions name besides functions."""

    iri: URIRef
    id: str
    zh: str
    en: str
    notation: str
    functions: tuple[URIRef, ...]  # its leaf functions, in taxonomy order

    @property
    def sort_key(self) -> tuple[int, ...]:
        return tuple(int(x) for x in self.notation.split(".") if x.isdigit()) or (999,)


@dataclass(frozen=True)
class StatementInfo:
    """A duty of a source document, with the functions it leads and supports."""

    iri: URIRef
    document: Document
    reference: str
    zh: str
    en: str
    post: URIRef | None
    lead: tuple[URIRef, ...]
    support: tuple[URIRef, ...]
    metrics: tuple[URIRef, ...]

    @property
    def citation(self) -> str:
        """``T/CCAGM 003-2021 4.1.3 c``: how a consultant cites it."""
        return f"{self.document.citation} {self.reference}".strip()


@dataclass(eq=False)
class KnowledgeBase:
    """Parsed source files and indexes over them; build it with :func:`knowledge_base`.

    Equal only to itself (``eq=False``), so it can key caches of what is derived from it
    (:func:`retailkg.design.matching.matcher_for`, :func:`retailkg.validation.facts.kb_facts`).
    """

    graph: Graph
    functions: dict[URIRef, FunctionInfo] = field(default_factory=dict)
    areas: dict[URIRef, AreaInfo] = field(default_factory=dict)  # in taxonomy order
    area_of: dict[URIRef, URIRef] = field(default_factory=dict)  # leaf function -> its area
    duties: dict[URIRef, StatementInfo] = field(default_factory=dict)
    _function_names: dict[str, URIRef] = field(default_factory=dict)
    _area_names: dict[str, URIRef] = field(default_factory=dict)
    _duty_refs: dict[tuple[str, str], URIRef] = field(default_factory=dict)
    _post_refs: dict[tuple[str, str], URIRef] = field(default_factory=dict)
    _metric_names: dict[str, list[URIRef]] = field(default_factory=dict)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_graph(cls, g: Graph) -> KnowledgeBase:
        kb = cls(graph=g)
        for f in g.subjects(RDF.type, RKG.Function):
            if not isinstance(f, URIRef) or (f, SKOS.topConceptOf, None) in g:
                continue
            info = FunctionInfo(
                f, str(f)[len(str(FN)):], _lit(g, f, SKOS.prefLabel, "zh"), _lit(g, f, SKOS.prefLabel, "en"),
                _lit(g, f, SKOS.definition, "zh"), _lit(g, f, SKOS.definition, "en"),
                str(g.value(f, SKOS.notation) or ""), (f, RDF.type, RKG.TeamFunction) in g,
            )
            kb.functions[f] = info
            for name in (info.id, info.zh, info.en, f"fn:{info.id}", str(f)):
                if name:
                    kb._function_names.setdefault(fold(name), f)
            area = g.value(f, SKOS.broader)
            if isinstance(area, URIRef):
                kb.area_of[f] = area
        members: dict[URIRef, list[URIRef]] = defaultdict(list)
        for f, a in kb.area_of.items():
            members[a].append(f)
        tops = [a for a in g.subjects(SKOS.topConceptOf, None) if isinstance(a, URIRef) and (a, RDF.type, RKG.Function) in g]
        for a in tops:
            fs = sorted(members.get(a, []), key=lambda x: kb.functions[x].sort_key)
            area_info = AreaInfo(a, str(a)[len(str(FN)):], _lit(g, a, SKOS.prefLabel, "zh"), _lit(g, a, SKOS.prefLabel, "en"),
                                 str(g.value(a, SKOS.notation) or ""), tuple(fs))
            kb.areas[a] = area_info
        kb.areas = dict(sorted(kb.areas.items(), key=lambda kv: kv[1].sort_key))
        for a, area_info in kb.areas.items():
            for name in (area_info.id, area_info.zh, area_info.en, f"fn:{area_info.id}", str(a)):
                if name:
                    kb._area_names.setdefault(fold(name), a)
        by_iri = {d.iri: d for d in DOCUMENTS}
        for d in g.subjects(RDF.type, RKG.Duty):
            doc = by_iri.get(URIRef(str(g.value(d, RKG.sourceDocument))))
            if doc is None or not isinstance(d, URIRef):
                continue
            ref = str(g.value(d, RKG.reference) or "")
            info2 = StatementInfo(
                d, doc, ref, _lit(g, d, RDFS.label, "zh"), _lit(g, d, RDFS.label, "en"),
                next(iter(_iris(g, d, RKG.dutyOf)), None),
                _iris(g, d, RKG.addressesFunction), _iris(g, d, RKG.supportsFunction), _iris(g, d, RKG.concernsMetric),
            )
            kb.duties[d] = info2
            if ref:
                kb._duty_refs[(doc.id, fold(ref))] = d
        for p in g.subjects(RDF.type, RKG.Post):
            doc = by_iri.get(URIRef(str(g.value(p, RKG.sourceDocument))))
            ref = str(g.value(p, RKG.reference) or "")
            if doc is not None and ref and isinstance(p, URIRef):
                kb._post_refs[(doc.id, fold(ref))] = p
        metric_names: dict[str, list[URIRef]] = defaultdict(list)
        for m in sorted(g.subjects(RDF.type, RKG.Metric), key=str):
            if not isinstance(m, URIRef):
                continue
            names = {str(m).rsplit("/", 1)[-1]}
            names |= {str(o) for o in g.objects(m, RDFS.label)} | {str(o) for o in g.objects(m, SKOS.altLabel)}
            for n in names:
                metric_names[fold(n)].append(m)
        kb._metric_names = dict(metric_names)
        return kb

    # ------------------------------------------------------------------ lookups

    def function(self, name: str) -> URIRef | None:
        """A leaf function by id (``user-growth``, ``fn:user-growth``), IRI, or zh/en label."""
        return self._function_names.get(fold(name))

    def area(self, name: str) -> URIRef | None:
        """An area of the taxonomy by id (``marketing``, ``fn:marketing``), IRI, or zh/en label."""
        return self._area_names.get(fold(name))

    def scope_names(self) -> dict[str, str]:
        """Every name a scope or an exclusion may use (ids, ``fn:`` ids, zh/en labels of areas and functions),
        folded, with the id it stands for: what an unknown name is compared with to suggest one that exists."""
        out: dict[str, str] = {}
        for a in self.areas.values():
            for name in (a.id, a.zh, a.en):
                if name:
                    out.setdefault(fold(name), a.id)
        for f in self.functions.values():
            for name in (f.id, f.zh, f.en):
                if name:
                    out.setdefault(fold(name), f.id)
        return out

    def label(self, node: URIRef, lang: str = "zh") -> str:
        """rdfs:label or skos:prefLabel in ``lang`` ("" when there is none)."""
        return _lit(self.graph, node, RDFS.label, lang) or _lit(self.graph, node, SKOS.prefLabel, lang)

    def standard_duty(self, doc: Document, reference: str) -> URIRef | None:
        """The duty ``reference`` (``4.1.1 a``) of ``doc``, or None."""
        return self._duty_refs.get((doc.id, fold(reference)))

    def standard_post(self, doc: Document, reference: str) -> URIRef | None:
        """The post ``reference`` (``4.1.1``) of ``doc``, or None."""
        return self._post_refs.get((doc.id, fold(reference)))

    def duties_of(self, post: URIRef) -> list[StatementInfo]:
        """The duties of a source document's post, in document order."""
        out = [d for d in self.duties.values() if d.post == post]
        return sorted(out, key=lambda d: (int(str(self.graph.value(d.iri, RKG.order) or 0)), str(d.iri)))

    def standard_metric(self, name: str, prefer: Document | None = None) -> URIRef | None:
        """A standard's metric by slug or zh/en label; the ``prefer``red document wins a tie."""
        hits = [m for m in self._metric_names.get(fold(name), []) if self._is_standard(m)]
        if prefer is not None:
            preferred = [m for m in hits if str(m).startswith(str(prefer.iri) + "/")]
            hits = preferred or hits
        return hits[0] if hits else None

    def _is_standard(self, node: URIRef) -> bool:
        return any(d.is_standard and str(node).startswith(str(d.iri) + "/") for d in DOCUMENTS)

    def covered_functions(self, doc: Document) -> set[URIRef]:
        """The functions a document's duties lead: what it "covers" as a baseline."""
        return {f for d in self.duties.values() if d.document == doc for f in d.lead}

    def standard_duties(self) -> list[StatementInfo]:
        """Every duty of every standard, in IRI order (the matcher's corpus)."""
        return sorted((d for d in self.duties.values() if d.document.is_standard), key=lambda d: str(d.iri))

    def short(self, node: URIRef | str) -> str:
        """A short id for tables: ``fn:user-growth``, ``ccagm-003-2021/post/4.1.3``."""
        s = str(node)
        for prefix, short in _SHORT:
            if s.startswith(prefix):
                return short + s[len(prefix):]
        return s


_SHORT = ((str(FN), "fn:"), (str(RKG), "rkg:"), (BASE, ""))  # KnowledgeBase.short, in this order


@cache
def _load(root: str | None) -> KnowledgeBase:
    """Parse the sources with pyoxigraph (which also reports syntax errors with their position) and
    hand rdflib the triples: faster than rdflib's Turtle parser, and every command pays for this."""
    import pyoxigraph as ox

    from retailkg.rdf.terms import from_oxigraph as to_rdflib

    g = Graph()
    for i, sf in enumerate(source_files(Path(root) if root else None)):
        data = sf.path.read_bytes() if sf.path.is_file() else b""
        check_turtle_syntax(sf.path, data)
        for t in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=sf.path.resolve().as_uri()):
            s, p, o = to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)
            if isinstance(s, BNode):  # blank node labels are per file
                s = BNode(f"f{i}{s}")
            if isinstance(o, BNode):
                o = BNode(f"f{i}{o}")
            assert s is not None and p is not None and o is not None  # a parsed triple has all three
            g.add((s, p, o))
    return KnowledgeBase.from_graph(g)


def knowledge_base(root: Path | None = None) -> KnowledgeBase:
    """The parsed sources (bundled, or ``root`` with ontology/ and data/), cached per process."""
    return _load(str(root) if root else None)
