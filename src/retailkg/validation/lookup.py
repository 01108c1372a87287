"""Triple lookups for naming findings, over an Oxigraph store or over rows fetched from an endpoint.

Findings need names, departments, duty texts and citations for the few thousand nodes they cite,
out of a graph that may hold a million triples. Copying that graph into rdflib costs more than the
whole validation (bench/RESULTS.md, "scale"), so the report code asks a :class:`Lookup` instead:
:class:`StoreLookup` answers from pyoxigraph's indexes one pattern at a time, :class:`IndexLookup`
from the triples of the predicates it needs, fetched once from a remote store. Both hand back
rdflib terms, so the report code reads like rdflib code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Protocol

import pyoxigraph as ox
from rdflib import RDFS, BNode, Literal, URIRef
from rdflib.term import Node

from retailkg.rdf.terms import from_oxigraph, to_oxigraph

__all__ = ["Aside", "IndexLookup", "Lookup", "StoreLookup"]

_LABEL = RDFS.label

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


class Lookup(Protocol):
    """The four questions the report code asks of the data."""

    def objects(self, s: Node, p: URIRef) -> list[Node]: ...

    def subjects(self, p: URIRef, o: Node) -> list[Node]: ...

    def value(self, s: Node, p: URIRef) -> Node | None: ...

    def __contains__(self, triple: tuple[Node, URIRef, Node | None]) -> bool: ...

    def names(self, s: Node) -> tuple[str, str]:
        """The zh and en ``rdfs:label`` of ``s`` ("" when it has none)."""
        ...

    def text(self, s: Node, p: URIRef) -> str:
        """The lexical form of one object of ``s p`` ("" when there is none), without building a term."""
        ...

    def iri(self, value: str) -> URIRef:
        """The one URIRef for ``value`` the lookups also hand back (interned).

        rdflib compares terms in Python, so dictionaries keyed by terms are only fast when the
        keys are the same objects; a chain's report asks about the same few thousand nodes
        hundreds of thousands of times.
        """
        ...


class _Interned:
    """One URIRef per IRI, handed out by :meth:`iri` (see :meth:`Lookup.iri`)."""

    def __init__(self) -> None:
        self._iris: dict[str, URIRef] = {}

    def iri(self, value: str) -> URIRef:
        iri = self._iris.get(value)
        if iri is None:
            iri = self._iris[value] = URIRef(value)
        return iri


class Aside:
    """Statements set aside while loading (retailkg.validation.loading.plan_split: those only naming
    reads, and those a rule reads only where a join holds), kept as their N-Triples text with the
    place of each subject's lines: a second store would cost the loading thread's core more than the
    rules' store saves, and a parsed quad per statement (two per duty of a chain) held hundreds of
    megabytes for the few thousand subjects naming asks about, which are parsed when asked. The
    statements of joined predicates are parsed as they are added (:meth:`settle` reads them all)."""

    _SUBJECT = re.compile(rb"^<([^>]*)> ", re.M)

    def __init__(self) -> None:
        self._texts: list[tuple[bytes, ox.RdfFormat]] = []
        self._spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # subject -> (text, start, end)
        self._parsed: dict[str, list[ox.Quad]] = {}
        self._count = 0
        self._moved: set[ox.Quad] = set()
        self.predicates: set[ox.NamedNode] = set()
        self.joined: dict[str, frozenset[str]] = {}
        self._joined_by_object: dict[tuple[str, OxTerm | ox.Triple], list[ox.Quad]] = defaultdict(list)

    def add(self, data: bytes, fmt: ox.RdfFormat, predicates: Iterable[str],
            joined: Mapping[str, frozenset[str]] | None = None) -> None:
        """Index the statements of ``data`` (N-Triples or N-Quads whose subjects are IRIs and
        predicates among ``predicates``); SyntaxError as pyoxigraph raises it, so that a broken
        line set aside fails the load as any other broken line does. ``joined``: the predicates a
        rule reads where their object is an object of one of the given ones (:meth:`settle`)."""
        self.predicates.update(ox.NamedNode(p) for p in predicates)
        self.joined.update(joined or {})
        by_object = self._joined_by_object
        joined_predicates = {ox.NamedNode(p) for p in self.joined}
        n = 0
        for q in ox.parse(data, format=fmt, lenient=True):  # checked as the rest of the file
            n += 1
            if q.predicate in joined_predicates:
                by_object[(q.predicate.value, q.object)].append(q)
        if not n:
            return
        self._count += n
        if b"\\" in data or fmt not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            # an escape in an IRI would make the text's subject differ from the term's: index terms
            for q in ox.parse(data, format=fmt, lenient=True):
                self._parsed.setdefault(q.subject.value, []).append(q)
            return
        i = len(self._texts)
        self._texts.append((data, fmt))
        spans = self._spans
        starts = [(m.start(), m.group(1)) for m in self._SUBJECT.finditer(data)]
        for k, (start, subject) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(data)
            where = spans[subject.decode("utf-8")]
            if where and where[-1][0] == i and where[-1][2] == start:  # the subject's lines go on
                where[-1] = (i, where[-1][1], end)
            else:
                where.append((i, start, end))

    def settle(self, store: ox.Store, graph: ox.NamedNode | None = None) -> int:
        """Move into ``store`` the statements a rule reads through a join (the baseline's duties'
        source document, say), now that the store holds everything else: those whose object is an
        object of a partner predicate, in the store or set aside (two predicates may each be the
        other's partner); how many moved. ``graph``: the graph they go to (by default the one they
        were read in), so that a caller can tell them from the rest of the store."""
        partners = {q for qs in self.joined.values() for q in qs}
        objects: dict[str, set[OxTerm | ox.Triple]] = {}
        for q in partners:
            pred = ox.NamedNode(q)
            found = {x.object for x in store.quads_for_pattern(None, pred, None)}
            objects[q] = found | {o for p, o in self._joined_by_object if p == q}  # a partner set aside is joined too
        moved: list[ox.Quad] = []
        for p, qs in self.joined.items():
            for obj in set().union(*(objects[q] for q in qs)):
                moved += self._joined_by_object.pop((p, obj), [])
        if moved:
            self._moved.update(moved)
            self._count -= len(moved)
            for subject in {str(q.subject.value) for q in moved if not isinstance(q.subject, ox.Triple)}:
                if subject in self._parsed:
                    self._parsed[subject] = [q for q in self._parsed[subject] if q not in self._moved]
            if graph is not None:
                moved = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in moved]
            store.extend(moved)
        return len(moved)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[ox.Quad]:
        """Every statement still set aside (those :meth:`settle` moved are in the store), by subject."""
        for subject in sorted(set(self._spans) | set(self._parsed)):
            yield from self._of(subject)

    def _of(self, subject: str) -> list[ox.Quad]:
        found = self._parsed.get(subject)
        if found is None:
            found = []
            for i, start, end in self._spans.get(subject, ()):
                data, fmt = self._texts[i]
                found += ox.parse(data[start:end], format=fmt, lenient=True)
            if self._moved:
                found = [q for q in found if q not in self._moved]
            self._parsed[subject] = found
        return found

    def quads_for_pattern(self, s: OxTerm | None, p: ox.NamedNode, o: OxTerm | None) -> list[ox.Quad]:
        if s is None:  # naming never asks for the subjects of these predicates; answered all the same
            subjects = set(self._spans) | set(self._parsed)
            return [q for subject in sorted(subjects) for q in self._of(subject) if q.predicate == p and (o is None or q.object == o)]
        if not isinstance(s, ox.NamedNode):
            return []
        return [q for q in self._of(s.value) if q.predicate == p and (o is None or q.object == o)]


class StoreLookup(_Interned):
    """Lookups on a pyoxigraph store, over all its graphs, and on the statements set ``aside``
    while loading it."""

    def __init__(self, store: ox.Store, aside: Aside | None = None) -> None:
        super().__init__()
        self.store = store
        self.aside = aside if aside is not None and len(aside) else None
        # the same few thousand nodes are looked up again and again: convert each once
        self._ox: dict[Node, OxTerm] = {}

    def _term(self, node: Node) -> OxTerm:
        t = self._ox.get(node)
        if t is None:
            if not isinstance(node, URIRef | BNode | Literal):  # a Variable or a graph: not data
                raise TypeError(f"not an RDF term: {node!r}")
            t = self._ox[node] = to_oxigraph(node)
        return t

    def _back(self, term: OxTerm | ox.Triple) -> Node:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.Triple):
            raise TypeError(f"an RDF-star triple where a term was expected: {term}")
        return from_oxigraph(term)

    def _quads(self, s: Node | None, p: URIRef, o: Node | None) -> Iterator[ox.Quad]:
        subject = None if s is None else self._term(s)
        predicate = self._term(p)
        obj = None if o is None else self._term(o)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            return iter(())  # a literal is never a subject
        found = self.store.quads_for_pattern(subject, predicate, obj)
        if self.aside is None or predicate not in self.aside.predicates:
            return found
        return chain(found, self.aside.quads_for_pattern(subject, predicate, obj))

    def objects(self, s: Node, p: URIRef) -> list[Node]:
        return list(dict.fromkeys(self._back(q.object) for q in self._quads(s, p, None)))

    def subjects(self, p: URIRef, o: Node) -> list[Node]:
        return list(dict.fromkeys(self._back(q.subject) for q in self._quads(None, p, o)))

    def value(self, s: Node, p: URIRef) -> Node | None:
        for q in self._quads(s, p, None):
            return self._back(q.object)
        return None

    def __contains__(self, triple: tuple[Node, URIRef, Node | None]) -> bool:
        s, p, o = triple
        return next(iter(self._quads(s, p, o)), None) is not None

    def text(self, s: Node, p: URIRef) -> str:
        for q in self._quads(s, p, None):
            if not isinstance(q.object, ox.Triple):
                return q.object.value
        return ""

    def names(self, s: Node) -> tuple[str, str]:
        # read as strings: an rdflib Literal per label costs more than the lookup (60,000 in a chain's report)
        return _zh_en((q.object.value, q.object.language) for q in self._quads(s, _LABEL, None)
                      if isinstance(q.object, ox.Literal))


class IndexLookup(_Interned):
    """Lookups on triples held in memory (those of a few predicates, fetched from an endpoint)."""

    def __init__(self, triples: Iterable[tuple[Node, URIRef, Node]]) -> None:
        super().__init__()
        self._sp: dict[tuple[Node, URIRef], list[Node]] = defaultdict(list)
        self._po: dict[tuple[URIRef, Node], list[Node]] = defaultdict(list)
        for s, p, o in triples:
            s, p, o = self._intern(s), self.iri(str(p)), self._intern(o)
            self._sp[(s, p)].append(o)
            self._po[(p, o)].append(s)

    def objects(self, s: Node, p: URIRef) -> list[Node]:
        return list(dict.fromkeys(self._sp.get((s, p), [])))

    def subjects(self, p: URIRef, o: Node) -> list[Node]:
        return list(dict.fromkeys(self._po.get((p, o), [])))

    def value(self, s: Node, p: URIRef) -> Node | None:
        found = self._sp.get((s, p))
        return found[0] if found else None

    def __contains__(self, triple: tuple[Node, URIRef, Node | None]) -> bool:
        s, p, o = triple
        return o in self._sp.get((s, p), ())

    def text(self, s: Node, p: URIRef) -> str:
        found = self._sp.get((s, p))
        return str(found[0]) if found else ""

    def names(self, s: Node) -> tuple[str, str]:
        return _zh_en((str(o), o.language) for o in self._sp.get((s, _LABEL), ()) if isinstance(o, Literal))

    def _intern(self, node: Node) -> Node:
        return self.iri(str(node)) if type(node) is URIRef else node


def _zh_en(labels: Iterable[tuple[str, str | None]]) -> tuple[str, str]:
    """The first label tagged zh and the first tagged en."""
    zh = en = ""
    for text, lang in labels:
        if lang == "zh" and not zh:
            zh = text
        elif lang == "en" and not en:
            en = text
    return zh, en
