"""Which literals the store keeps other than as written, per predicate.

Oxigraph stores a literal by its value: ``"2"^^xsd:positiveInteger`` comes back as
``"2"^^xsd:integer``, ``"02"^^xsd:integer`` as ``"2"``, ``"1"^^xsd:boolean`` as ``"true"``, ``@EN``
as ``@en``. SHACL compares terms as written (``sh:datatype`` is the datatype IRI; ``sh:maxCount``
counts distinct terms), so a compiled rule is exact on a predicate only where the store is
faithful to what was written. The census is taken from the data as written (N-Triples, before
loading) by asking Oxigraph itself how it would keep each distinct literal, and the compiler hands
a rule reading an unfaithful predicate to the complete engine (:mod:`retailkg.validation.compile`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["INTEGER_TYPES", "LiteralCensus", "census_of_ntriples", "merged_census"]

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = frozenset(XSD + t for t in (
    "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger"))
"""xsd:integer and the types derived from it, all stored as xsd:integer."""

_TYPED = b'"^^<'
_UPPER_LANG = re.compile(rb'"@[a-z0-9-]*[A-Z]')


@dataclass
class LiteralCensus:
    """Per predicate IRI: the integer datatypes its literals are written with (``integers``) and
    whether any of its literals is kept otherwise than written, beyond an integer type stored as
    xsd:integer (``altered``). ``known`` is False when no census was taken (every literal suspect)."""

    integers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    altered: set[str] = field(default_factory=set)
    known: bool = True

    def faithful(self, predicate: str) -> bool:
        """The store answers for ``predicate`` what was written, except that its one integer type
        (if any) reads as xsd:integer."""
        return self.known and predicate not in self.altered and len(self.integers.get(predicate, ())) <= 1

    def integer_type(self, predicate: str) -> str | None:
        """The one integer datatype written on ``predicate`` (its stored xsd:integer means this)."""
        types = self.integers.get(predicate, ())
        return next(iter(types)) if len(types) == 1 else None

    @classmethod
    def unknown(cls) -> LiteralCensus:
        return cls(known=False)


def _line_at(data: bytes, i: int) -> bytes:
    start = data.rfind(b"\n", 0, i) + 1
    end = data.find(b"\n", i)
    return data[start:end if end >= 0 else len(data)]


def _without_subject(line: bytes) -> bytes:
    """The line with a stand-in subject: what the census reads is the predicate and the literal, and a
    chain repeats those in every store (hundreds of thousands of lines, a few hundred distinct)."""
    if line[:1] == b"<":
        j = line.find(b"> ")
        return b"<urn:x:s>" + line[j + 1:] if j >= 0 else line
    if line[:2] == b"_:":
        j = line.find(b" ")
        return b"<urn:x:s>" + line[j:] if j >= 0 else line
    return line


def census_of_ntriples(data: bytes) -> LiteralCensus:
    """The census of N-Triples (or N-Quads) ``data``: every typed or language-tagged literal, kept
    as Oxigraph would keep it. Finds the literals with ``bytes.find`` (a chain's data has few typed
    literals) and loads each distinct one once into a scratch store to compare."""
    lines: set[bytes] = set()
    i = data.find(_TYPED)
    while i >= 0:
        lines.add(_without_subject(_line_at(data, i)))
        nl = data.find(b"\n", i)
        if nl < 0:
            break
        i = data.find(_TYPED, nl)
    census = LiteralCensus()
    # Oxigraph lower-cases language tags (rdflib does not): a tag with a capital letter is altered
    tagged = {_line_at(data, m.start()) for m in _UPPER_LANG.finditer(data)}
    if tagged:
        for quad in ox.parse(b"\n".join(sorted(tagged)) + b"\n", format=ox.RdfFormat.N_QUADS, lenient=True):
            census.altered.add(quad.predicate.value)
    if not lines:
        return census
    written: list[tuple[str, ox.Literal]] = []
    for quad in ox.parse(b"\n".join(sorted(lines)) + b"\n", format=ox.RdfFormat.N_QUADS, lenient=True):
        if isinstance(quad.object, ox.Literal):
            written.append((quad.predicate.value, quad.object))
    scratch = ox.Store()
    distinct = sorted({lit for _p, lit in written}, key=str)
    index = {lit: n for n, lit in enumerate(distinct)}
    scratch.extend([ox.Quad(ox.NamedNode(f"urn:x:{n}"), ox.NamedNode("urn:x:v"), lit) for n, lit in enumerate(distinct)])
    kept = {q.subject.value: q.object for q in scratch.quads_for_pattern(None, None, None)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)}
    for pred, lit in written:
        stored = kept.get(f"urn:x:{index[lit]}")
        dt = lit.datatype.value if lit.datatype is not None else ""
        if dt in INTEGER_TYPES:
            census.integers[pred].add(dt)
        same = isinstance(stored, ox.Literal) and stored.value == lit.value and stored.language == lit.language
        if not same or (isinstance(stored, ox.Literal) and stored.datatype != lit.datatype and dt not in INTEGER_TYPES):
            census.altered.add(pred)
    return census


def merged_census(parts: Iterable[LiteralCensus]) -> LiteralCensus:
    """The census of data taken in pieces (a resolved design's chunks, as they are written): the
    union of each piece's integer types and altered predicates."""
    out = LiteralCensus()
    for c in parts:
        out.known = out.known and c.known
        out.altered |= c.altered
        for p, types in c.integers.items():
            out.integers[p] |= types
    return out
