"""The one converter from a SHACL property path (SHACL 2.3.1) to a SPARQL 1.1 property path.

The compiled rules need a path they can paste anywhere in a query (full IRIs, every compound in
parentheses); the report shows the same path to a reader (CURIEs, no redundant parentheses). Both
come from :func:`shacl_path`, so the path a finding cites is the path its rule ran.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.ns import RKG, SH

# (SHACL predicate, display form, query form) of the unary path operators
_UNARY = ((SH.inversePath, "^{}", "(^{})"), (SH.zeroOrMorePath, "({})*", "({}*)"), (SH.oneOrMorePath, "({})+", "({}+)"),
          (SH.zeroOrOnePath, "({})?", "({}?)"))


def full_iri(iri: str) -> str:
    """An IRI as SPARQL writes it in full."""
    return f"<{iri}>"


def curie(iri: str) -> str:
    """An IRI with the rkg: or rdfs: prefix when it has one (the only ones shapes' paths use), else in full."""
    for prefix, ns in (("rkg", str(RKG)), ("rdfs", str(RDFS))):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return full_iri(iri)


def shacl_path(g: Graph, node: Node | None, *, display: bool = False) -> str:
    """``node`` (a path in ``g``) as a SPARQL property path; ValueError when it is not a SHACL path.

    ``display``: CURIEs and no parentheses a reader does not need (``^rkg:dutyOf/rkg:addressesFunction``);
    otherwise full IRIs and every compound parenthesised, safe to substitute into any query.
    """
    iri: Callable[[str], str] = curie if display else full_iri
    if isinstance(node, URIRef):
        return iri(str(node))
    if not isinstance(node, BNode):
        raise ValueError(f"not a SHACL path: {node!r}")
    if (node, RDF.first, None) in g:
        steps = "/".join(shacl_path(g, x, display=display) for x in Collection(g, node))
        return steps if display else f"({steps})"
    for pred, shown, queried in _UNARY:
        inner = g.value(node, pred)
        if inner is not None:
            return (shown if display else queried).format(shacl_path(g, inner, display=display))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(shacl_path(g, x, display=display) for x in Collection(g, alt)) + ")"
    raise ValueError(f"unknown SHACL path node {node!r}")
