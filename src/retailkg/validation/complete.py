"""The complete SHACL engine: pySHACL, for the shapes the compiler does not translate exactly.

pySHACL passes 118 of the W3C SHACL test suite's 120 tests (core and SHACL-SPARQL); pyrudof 95,
with no SHACL-SPARQL (docs/validation.md, "Custom rules"). It runs on an rdflib graph of the same
data the compiled rules see, and only the shapes it is given (the others' targets are removed from
its copy of the shapes graph), so each shape's results come from one engine.

It never reaches the network: the shapes are checked first (no SERVICE, no FROM, no
owl:imports of anything not given: :mod:`retailkg.validation.ruleset`), the data and shapes are
handed over as graphs (pySHACL reads a string as a file or an address), owl:imports are not
followed, and rdflib is told not to load a graph a query names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from retailkg.ns import SH
from retailkg.validation.compile import RuleResult
from retailkg.validation.shapes import TARGETS, RuleInfo, rule_key, top_shapes

__all__ = ["ShaclResult", "as_written", "lexical", "run_complete"]


@contextmanager
def as_written() -> Iterator[None]:
    """rdflib keeps literals as written while this is open (by default it rewrites "01"^^xsd:integer
    as "1" and "1"^^xsd:boolean as "true" when parsing, which SHACL, comparing terms, does not)."""
    import rdflib

    before = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = before


@dataclass(frozen=True)
class ShaclResult:
    """One sh:ValidationResult as terms (the W3C suite compares these)."""

    focus: Node
    path: Node | None
    value: Node | None
    severity: URIRef
    shape: Node
    component: URIRef | None
    messages: tuple[Literal, ...] = ()


def lexical(node: Node) -> str:
    """A term as the compiled rules' rows carry it: an IRI, a literal's lexical form, ``_:label``."""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


_BOOLEAN_PARAMETERS = (SH.uniqueLang, SH.closed, SH.qualifiedValueShapesDisjoint)


def _is_true(o: Node) -> bool:
    return isinstance(o, Literal) and o.datatype == XSD.boolean and str(o) == "true"


def _only(shapes: Graph, keep: Iterable[Node]) -> Graph:
    """A copy of ``shapes`` in which only the shapes ``keep`` have targets."""
    wanted = set(keep)
    g = Graph()
    for prefix, ns in shapes.namespaces():
        g.bind(prefix, ns)
    drop = {s for s in top_shapes(shapes) if s not in wanted}
    for t in shapes:
        if t[0] in drop and t[1] in TARGETS:
            continue
        if t[1] in _BOOLEAN_PARAMETERS and not _is_true(t[2]):
            continue  # only the literal true activates these (SHACL 4.4.1, 4.8.1); pySHACL reads "1" too
        g.add(t)
    return g


def run_complete(data: Graph, shapes: Graph, keep: Iterable[Node]) -> list[ShaclResult]:
    """pySHACL's results for the shapes ``keep`` (top-level shapes of ``shapes``) over ``data``."""
    import pyshacl
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # a FROM would load a graph from its address
    sg = _only(shapes, keep)
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=sg, inference="none", advanced=False, do_owl_imports=False, abort_on_first=False,
        allow_warnings=False, allow_infos=False, inplace=False,
    )
    out = []
    for root in report.subjects(None, SH.ValidationReport):
        for r in report.objects(root, SH.result):
            out.append(ShaclResult(
                report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.value),
                report.value(r, SH.resultSeverity), report.value(r, SH.sourceShape),
                report.value(r, SH.sourceConstraintComponent),
                tuple(m for m in report.objects(r, SH.resultMessage) if isinstance(m, Literal)),
            ))
    return out


def as_rule_results(results: Iterable[ShaclResult], shapes: Graph, rules: Iterable[RuleInfo]) -> list[RuleResult]:
    """The complete engine's results as the compiled rules give them (rule key, focus, value)."""
    key_of: dict[Node, str] = {r.node: r.iri for r in rules if r.node is not None}
    out = []
    for r in results:
        key = key_of.get(r.shape) or rule_key(shapes, r.shape)
        value = r.value if r.value is not None else None
        out.append(RuleResult(key, lexical(r.focus), None if value is None else lexical(value), None,
                              None if r.component is None else str(r.component),
                              tuple(("message@" + (m.language or ""), str(m)) for m in r.messages)))
    return out
