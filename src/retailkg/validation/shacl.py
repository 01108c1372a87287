"""SHACL validation of any data graph with any shapes graph, on the path a user's shapes take.

This is what ``retailkg validate --shapes`` does to a shape, without the design around it: the
shapes are checked (:func:`~retailkg.validation.ruleset.rule_set_of_graph`), split between the
compiler and the complete engine (:func:`~retailkg.validation.compile.plan_rules`, given how the
store keeps the data's literals), and run on the same data. The W3C SHACL test suite runs through
:func:`validate_graph` (tests/test_w3c_shacl.py): each test passes or is refused with an
:class:`~retailkg.errors.InputError`; none answers differently.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from retailkg.ns import SH
from retailkg.rdf.terms import to_oxigraph
from retailkg.validation.census import census_of_ntriples
from retailkg.validation.compile import plan_rules
from retailkg.validation.complete import ShaclResult, run_complete
from retailkg.validation.ruleset import RuleSet, rule_set_of_graph
from retailkg.validation.shapes import rule_key, top_shapes

__all__ = ["ShaclResult", "validate_graph"]


def _term(t: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == str(XSD.string):
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def validate_graph(data: Graph, shapes: Graph | RuleSet, where: str = "shapes") -> tuple[bool, list[ShaclResult]]:
    """Conforms, and every result of ``shapes`` on ``data``; InputError for shapes that are
    malformed, forbidden or that neither engine runs exactly."""
    rule_set = shapes if isinstance(shapes, RuleSet) else rule_set_of_graph(shapes, where)
    g = rule_set.graph
    text = data.serialize(format="nt")
    nt = text.encode("utf-8") if isinstance(text, str) else text
    plan = plan_rules(g, census_of_ntriples(nt), skip=rule_set.off, trusted=Graph())
    store = ox.Store()
    store.extend([ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in data])  # type: ignore[arg-type]
    by_key = {rule_key(g, s): s for s in top_shapes(g)}
    info = rule_set.info
    results: list[ShaclResult] = []
    for q in plan.queries:
        shape = by_key[q.shapes[0]]
        rule = info.get(q.shapes[0])
        severity = URIRef(rule.severity.iri) if rule is not None else SH.Violation
        shape_path = g.value(shape, SH.path)
        solutions = store.query(q.text)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            path = _term(row["path"]) if "path" in names and q.component == str(SH.SPARQLConstraintComponent) else None
            path = path if path is not None else shape_path
            focus = _term(row["this"])
            if focus is None:
                continue
            value = _term(row["value"]) if "value" in [v.value for v in solutions.variables] else None
            if value is None and q.value_is_focus:
                value = focus
            comp = q.component
            if "component" in [v.value for v in solutions.variables] and row["component"] is not None:
                comp = row["component"].value
            results.append(ShaclResult(focus, path, value, severity, shape, URIRef(comp) if comp else None))
    if plan.complete:
        results += run_complete(data, g, plan.complete)
    return not results, results
