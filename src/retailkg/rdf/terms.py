"""RDF terms between the libraries and in N-Triples.

rdflib is the library's term model (what results, bindings and the knowledge base hold); pyoxigraph
is where queries run; N-Triples is what retailkg writes by hand when rdflib would be too slow (a
chain's design and report) and how a parameter is bound into a query sent to an endpoint. These are
the only conversions between them, so every term crosses the same way.
"""

from __future__ import annotations

import re
from typing import Any, overload

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Term = URIRef | Literal | BNode


def to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


@overload
def from_oxigraph(term: None) -> None: ...


@overload
def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term: ...


@overload
def from_oxigraph(term: Any) -> Term | None: ...


def from_oxigraph(term: Any) -> Term | None:
    """A pyoxigraph term as a normalised rdflib term (``None`` stays unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language.lower())
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def oxigraph_triple(s: Any, p: Any, o: Any) -> ox.Triple:
    """An rdflib triple as a pyoxigraph triple (a literal subject or a non-IRI predicate is refused)."""
    subject, predicate, obj = to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")
    return ox.Triple(subject, predicate, obj)


def rdflib_triple(t: ox.Triple | ox.Quad) -> tuple[Term, Term, Term]:
    """A pyoxigraph triple (or a quad's triple) as rdflib terms."""
    s, p, o = from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)
    assert s is not None and o is not None  # from_oxigraph raises on an RDF-star triple term
    return s, p, o


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")


def _escape_string(s: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), s)


def ntriples_string(text: str, lang: str | None = None) -> str:
    """A plain or language-tagged string literal in N-Triples, without building an rdflib Literal
    (a chain's Turtle report writes tens of thousands, and a Literal's checks cost more than this)."""
    if lang is not None and not _LANG.match(lang):
        raise ValueError(f"not a valid language tag: {lang!r}")
    body = f'"{_escape_string(text)}"'
    return f"{body}@{lang}" if lang else body


def ntriples_term(term: Term) -> str:
    """The term in N-Triples syntax, which is also valid SPARQL and Turtle.

    Used for TSV output and for binding parameters into query text (a VALUES block): quotes,
    backslashes and line breaks in a literal are escaped, so a value can never end its literal
    and become query syntax; an IRI containing a character IRIs may not hold is refused.
    """
    if isinstance(term, URIRef):
        if _IRI_BAD.search(str(term)):
            raise ValueError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language:
            return ntriples_string(str(term), term.language)
        body = ntriples_string(str(term))
        if term.datatype and term.datatype != XSD.string:
            return f"{body}^^{ntriples_term(URIRef(term.datatype))}"
        return body
    raise TypeError(f"not an RDF term: {term!r}")
