"""What the rules read, derived from the shapes: the one answer to "which data does a rule need?".

A rule's data is what its shape names: the predicates of its ``sh:path`` (sequences, inverses,
alternatives and repetitions alike), its targets (``sh:targetClass`` reads ``rdf:type`` and
``rdfs:subClassOf``, ``sh:targetSubjectsOf`` its predicate), ``sh:class``, the shapes it refers to
(``sh:node``, ``sh:property``, ``sh:qualifiedValueShape``, ``sh:and``/``or``/``xone``/``not``),
the property-pair constraints, and the triple patterns of its SPARQL constraints and of the
constraint components it uses (their validators, ``$PATH`` replaced by its path), read from the
query algebra (:func:`retailkg.validation.prebinding.check_query`). Evidence declarations
(``rkgsh:evidence``) are read by naming, through lookups, and are counted apart.

Everything that leaves statements out for speed decides from a :class:`Reads`: the bundled
documents' data graph (:func:`select`), and the loader that keeps a design's unread statements out
of the rules' store (:mod:`retailkg.validation.loading`). So a rule a user adds reads what its shape
says, with no list to update.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.ns import RKGSH, SH

__all__ = ["Needs", "Reads", "evidence_reads", "query_reads", "rule_reads", "select", "subclasses"]

_TYPE = str(RDF.type)
_SUBCLASS = str(RDFS.subClassOf)


@dataclass(frozen=True)
class Reads:
    """Predicates and classes read.

    ``predicates``: read wherever they occur. ``joined``: a predicate read only where its object
    is also the object of one of the given predicates (a pattern joins them on that object; see
    :class:`~retailkg.validation.prebinding.QueryFacts`). ``classes``: the objects of ``rdf:type``
    statements read (``rdf:type`` itself is never in ``predicates`` unless ``any_class``).
    ``any_predicate`` / ``any_class``: a query or constraint that may read any of them.
    """

    predicates: frozenset[str] = frozenset()
    joined: Mapping[str, frozenset[str]] = field(default_factory=dict)
    classes: frozenset[str] = frozenset()
    any_predicate: bool = False
    any_class: bool = False

    def __or__(self, other: Reads) -> Reads:
        predicates = self.predicates | other.predicates
        joined: dict[str, frozenset[str]] = {}
        for side in (self.joined, other.joined):
            for p, q in side.items():
                if p not in predicates:
                    joined[p] = joined.get(p, frozenset()) | q
        return Reads(predicates, joined, self.classes | other.classes, self.any_predicate or other.any_predicate,
                     self.any_class or other.any_class)

    def reads(self, predicate: str) -> bool:
        """Some statement of ``predicate`` is read (rdf:type: some class is)."""
        if self.any_predicate:
            return True
        if predicate == _TYPE:
            return self.any_class or bool(self.classes)
        return predicate in self.predicates or predicate in self.joined

    def reads_all(self, predicate: str) -> bool:
        """Every statement of ``predicate`` may be read (not only those a join keeps)."""
        if self.any_predicate:
            return True
        if predicate == _TYPE:
            return self.any_class
        return predicate in self.predicates

    def reads_class(self, cls: str, subclasses_of: Mapping[str, frozenset[str]] | None = None) -> bool:
        """``x rdf:type cls`` is read: ``cls`` or a class it is a subclass of is (``subclasses_of``:
        each class with the classes below it, :func:`subclasses`)."""
        if self.any_class or self.any_predicate:
            return True
        if cls in self.classes:
            return True
        return any(cls in (subclasses_of or {}).get(c, ()) for c in self.classes)

    def iris(self) -> frozenset[str]:
        """Every predicate and class named (for prefix tests: an IRI that starts like one of them)."""
        return self.predicates | frozenset(self.joined) | frozenset(q for qs in self.joined.values() for q in qs) | self.classes


@dataclass(frozen=True)
class Needs:
    """What a run reads of its data: the rules and the report's whole-graph queries read the
    store; naming's lookups (names, citations, evidence) read the store or what was set aside."""

    rules: Reads
    queries: Reads
    lookups: Reads

    @property
    def store(self) -> Reads:
        """What must be in the store the rules and the report's queries run on."""
        return self.rules | self.queries

    @property
    def any(self) -> Reads:
        return self.rules | self.queries | self.lookups


def subclasses(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each class with every class below it (``rdfs:subClassOf*``), from (subclass, class) pairs."""
    below: dict[str, set[str]] = {}
    for sub, sup in pairs:
        below.setdefault(sup, set()).add(sub)
    out: dict[str, frozenset[str]] = {}
    for c in below:
        seen: set[str] = set()
        todo = [c]
        while todo:
            for sub in below.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        out[c] = frozenset(seen)
    return out


# ---------------------------------------------------------------------------------------------
# SPARQL
# ---------------------------------------------------------------------------------------------


_PATH = "urn:retailkg:path"
"""What a validator's ``$PATH`` reads as while its query is parsed; the path's own reads replace it."""

_CODE = ("validation/prebinding.py", "validation/reads.py")
"""The code whose answer the cache of :func:`query_reads` keeps (its hash is in the file's name)."""


@cache
def _cache_file() -> Path:
    from retailkg import __version__
    from retailkg.kg.cache import cache_dir

    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parents[1]
    for name in _CODE:
        h.update((here / name).read_bytes())
    return cache_dir() / f"reads-{h.hexdigest()[:16]}.json"


_KNOWN: dict[str, dict[str, Any]] | None = None


def _known() -> dict[str, dict[str, Any]]:
    """What earlier runs derived: rdflib's SPARQL parser is slow, and every run asks the same dozen queries."""
    global _KNOWN
    if _KNOWN is None:
        try:
            found = json.loads(_cache_file().read_text(encoding="utf-8"))
            _KNOWN = found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            _KNOWN = {}
    return _KNOWN


def _remember(key: str, reads: Reads) -> None:
    from retailkg.rdf.io import atomic_write

    known = _known()
    known[key] = {"predicates": sorted(reads.predicates), "joined": {p: sorted(q) for p, q in reads.joined.items()},
                  "classes": sorted(reads.classes), "any_predicate": reads.any_predicate, "any_class": reads.any_class}
    with contextlib.suppress(OSError):  # a read-only cache folder: derived again next time
        _cache_file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_cache_file(), json.dumps(known, sort_keys=True).encode("utf-8"))


def _parsed(text: str) -> Reads:
    from retailkg.validation.prebinding import SparqlRefused, check_query

    try:
        facts = check_query(text, pre_bound=(), refuse=False)
    except SparqlRefused:
        return Reads(any_predicate=True, any_class=True)
    predicates = frozenset(p for p in facts.predicates if p != _TYPE and p not in facts.joined)
    return Reads(predicates, {p: frozenset(q) for p, q in facts.joined.items()}, frozenset(facts.classes),
                 facts.any_predicate, facts.any_class or facts.any_predicate)


@cache
def query_reads(text: str) -> Reads:
    """What a SPARQL query reads (its triple patterns, from the algebra: a query retailkg cannot
    parse reads anything). Kept in the user's cache folder by the query's hash, since parsing is
    slow and the same shapes are read by every run."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = _known().get(key)
    if found is not None:
        return Reads(frozenset(found["predicates"]), {p: frozenset(q) for p, q in found["joined"].items()},
                     frozenset(found["classes"]), bool(found["any_predicate"]), bool(found["any_class"]))
    reads = _parsed(text)
    _remember(key, reads)
    return reads


def _sparql_reads(g: Graph, node: Node, text: str, path_node: Node | None) -> Reads:
    """A SPARQL constraint's or validator's reads, its ``$PATH`` being the shape's path: the query
    is read once with a stand-in for the path, which the path's own predicates then replace (a
    pattern of the path joins nothing, since the path need not be one predicate)."""
    from retailkg.validation.compile import prefixes_of

    raw = query_reads(prefixes_of(g, node) + "\n" + text.replace("$PATH", f"<{_PATH}>").replace("$TARGET", ""))
    if _PATH not in raw.iris():
        return raw
    joined: dict[str, frozenset[str]] = {}
    free = set(raw.predicates - {_PATH})
    for p, qs in raw.joined.items():
        if p == _PATH:
            continue
        if qs - {_PATH}:
            joined[p] = qs - {_PATH}
        else:
            free.add(p)
    out = Reads(frozenset(free), joined, raw.classes, raw.any_predicate, raw.any_class)
    return out | (_path_reads(g, path_node) if path_node is not None else Reads())


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------

_SHAPE_REFS = (SH.node, SH.property, SH.qualifiedValueShape, SH["not"])
_SHAPE_LISTS = (SH["and"], SH["or"], SH.xone)
_PAIRS = (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)
_VALIDATORS = (SH.validator, SH.nodeValidator, SH.propertyValidator, RKGSH.wholeGraphValidator)


def _path_reads(g: Graph, node: Node) -> Reads:
    """The predicates of a SHACL path (every IRI in it; ``rdf:type`` in a path reads any class)."""
    out: set[str] = set()
    any_class = False
    todo = [node]
    seen: set[Node] = set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        if isinstance(n, URIRef):
            any_class |= n == RDF.type
            out.add(str(n))
        elif isinstance(n, BNode):
            if (n, RDF.first, None) in g:
                todo.extend(Collection(g, n))
            for p in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath, SH.alternativePath):
                todo.extend(g.objects(n, p))
    return Reads(frozenset(out - {_TYPE}) | (frozenset({_TYPE}) if any_class else frozenset()), any_class=any_class)


def _components(g: Graph) -> list[tuple[Node, list[URIRef], list[Node]]]:
    """Each constraint component: its mandatory parameters and its validators."""
    out = []
    for comp in set(g.subjects(RDF.type, SH.ConstraintComponent)):
        params = []
        for par in g.objects(comp, SH.parameter):
            path = g.value(par, SH.path)
            if isinstance(path, URIRef) and g.value(par, SH.optional) is None:
                params.append(path)
        out.append((comp, params, [v for p in _VALIDATORS for v in g.objects(comp, p)]))
    return out


def _shape_reads(g: Graph, shape: Node, components: list[tuple[Node, list[URIRef], list[Node]]]) -> Reads:
    out = Reads()
    todo = [shape]
    seen: set[Node] = set()
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        path_node = g.value(s, SH.path)
        if path_node is not None:
            out |= _path_reads(g, path_node)
        classes = {str(c) for c in g.objects(s, SH.targetClass)} | {str(c) for c in g.objects(s, SH["class"])}
        if (s, RDF.type, RDFS.Class) in g:
            classes.add(str(s))
        if classes:
            out |= Reads(frozenset({_SUBCLASS}), classes=frozenset(classes))
        for p in (SH.targetSubjectsOf, SH.targetObjectsOf, *_PAIRS):
            out |= Reads(frozenset(str(o) for o in g.objects(s, p)))
        if any(True for _ in g.objects(s, SH.target)) or any(str(o) == "true" for o in g.objects(s, SH.closed)):
            out |= Reads(any_predicate=True, any_class=True)  # SHACL-AF targets, sh:closed: any statement
        for p in _SHAPE_REFS:
            todo.extend(g.objects(s, p))
        for p in _SHAPE_LISTS:
            for lst in g.objects(s, p):
                todo.extend(Collection(g, lst))
        for q in g.objects(s, SH.sparql):
            for kind in (SH.select, SH.ask):
                for text in g.objects(q, kind):
                    out |= _sparql_reads(g, q, str(text), path_node)
        for _comp, params, validators in components:
            if params and all((s, p, None) in g for p in params):
                for v in validators:
                    for kind in (SH.select, SH.ask):
                        for text in g.objects(v, kind):
                            out |= _sparql_reads(g, v, str(text), path_node)
    return out


def rule_reads(g: Graph, shapes: Iterable[Node]) -> Reads:
    """What the rules of ``shapes`` (top-level shapes of ``g``) read from the data."""
    components = _components(g)
    out = Reads()
    for s in shapes:
        out |= _shape_reads(g, s, components)
    return out


def evidence_reads(g: Graph, shapes: Iterable[Node]) -> Reads:
    """What naming reads to cite the evidence the shapes declare (``rkgsh:evidence``)."""
    out = Reads()
    for s in shapes:
        for ev in g.objects(s, RKGSH.evidence):
            for p in (RKGSH.path, RKGSH.stating):
                for node in g.objects(ev, p):
                    out |= _path_reads(g, node)
    return out


# ---------------------------------------------------------------------------------------------
# A data graph of what is read
# ---------------------------------------------------------------------------------------------


def select(data: Graph, reads: Reads) -> Graph:
    """The statements of ``data`` that ``reads`` reads: its predicates, its joined predicates where
    the join can hold (in ``data``), and the types of its classes and of their subclasses (as
    ``data`` states them)."""
    if reads.any_predicate:
        out = Graph()
        for t in data:
            out.add(t)
        return out
    below = subclasses((str(s), str(o)) for s, o in data.subject_objects(RDFS.subClassOf))
    partners = {q for qs in reads.joined.values() for q in qs}
    objects = {q: {o for o in data.objects(None, URIRef(q))} for q in partners}
    out = Graph()
    for prefix, ns in data.namespaces():
        out.bind(prefix, ns)
    for s, p, o in data:
        ps = str(p)
        if p == RDF.type:
            keep = reads.reads_class(str(o), below)
        elif ps in reads.predicates:
            keep = True
        elif ps in reads.joined:
            keep = any(o in objects[q] for q in reads.joined[ps])
        else:
            keep = False
        if keep:
            out.add((s, p, o))
    return out
