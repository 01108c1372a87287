"""What a SHACL-SPARQL query may contain, what it reads, and whether it can run for every focus node at once.

SHACL evaluates a SPARQL constraint once per focus node with ``$this`` *pre-bound* (SHACL,
Appendix A): every occurrence is the focus node, in FILTERs, BINDs, UNION branches and sub-queries
alike. The compiled rules instead leave ``?this`` free and join the query with the shape's targets,
which gives the same answer only when the query binds ``?this`` before any expression reads it
(:func:`whole_graph_blocker`). A query for which that cannot be shown runs on the complete engine.

SHACL forbids MINUS, VALUES, SERVICE, ``AS ?this`` and sub-queries that drop a pre-bound variable
(SHACL 5.2.1 and Appendix A); a dataset clause (FROM) would make the engine load a graph from
wherever it names. :func:`check_query` refuses all of them before any engine sees the query, so no
shape can make the process send a request.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pyparsing import ParseResults
from rdflib import RDF, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

__all__ = ["QueryFacts", "SparqlRefused", "check_query", "whole_graph_blocker"]

THIS = Variable("this")


class SparqlRefused(ValueError):
    """A query SHACL forbids or retailkg will not run (the reason in the message)."""


@dataclass
class QueryFacts:
    """What a checked query reads, and its algebra (for :func:`whole_graph_blocker`).

    ``predicates``: every predicate it names (``any_predicate`` when it has a variable or negated
    one). ``classes``: the objects of its ``rdf:type`` patterns, a variable one counting as the
    IRIs a FILTER on the same pattern compares it with (``any_class`` when nothing limits it).
    ``joined``: a predicate whose every pattern shares its object variable with a pattern of
    another predicate in the same basic graph pattern, with those predicates: its statements are
    read only where their object is also the object of one of them (a statement whose object is
    not can match no pattern), which :mod:`retailkg.validation.reads` uses to keep the rest out of
    the rules' store.
    """

    algebra: Any
    predicates: set[str] = field(default_factory=set)
    any_predicate: bool = False
    classes: set[str] = field(default_factory=set)
    any_class: bool = False
    joined: dict[str, set[str]] = field(default_factory=dict)


def _children(node: Any) -> Iterator[Any]:
    if isinstance(node, CompValue):
        if node.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS") and isinstance(node.graph, CompValue):
            # rdflib sets the translated pattern as an attribute; the item keeps the parse tree
            yield node.graph
            return
        yield from node.values()
    elif isinstance(node, list | tuple | ParseResults):
        yield from node


def _walk(node: Any) -> Iterator[CompValue]:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, CompValue):
            yield n
        stack.extend(_children(n))


def _path_iris(p: Any, facts: QueryFacts, in_path: bool = False) -> None:
    if isinstance(p, URIRef):
        facts.predicates.add(str(p))
        if p == RDF.type and in_path:  # rdf:type/rdfs:subClassOf*: any class
            facts.any_class = True
    elif isinstance(p, SequencePath | AlternativePath):
        for x in p.args:
            _path_iris(x, facts, True)
    elif isinstance(p, InvPath | MulPath):
        _path_iris(p.arg if isinstance(p, InvPath) else p.path, facts, True)
    elif isinstance(p, NegatedPath | Variable | Path):
        facts.any_predicate = True


def check_query(text: str, pre_bound: Iterable[str] = ("this",), *, refuse: bool = True) -> QueryFacts:
    """Parse a SHACL-SPARQL query and refuse what SHACL forbids or could reach the network;
    SparqlRefused names the construct. ``refuse=False`` only reads the query (any SPARQL query:
    a SyntaxError-like SparqlRefused only when it does not parse)."""
    try:
        parsed = parseQuery(text)
        star = any(n.name == "SubSelect" and "projection" not in n for n in _walk(list(parsed)))
        algebra = translateQuery(parsed)
    except Exception as e:  # pyparsing's and rdflib's errors have no common base
        raise SparqlRefused(f"not a SPARQL query: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    facts = QueryFacts(algebra.algebra)
    if not refuse:
        facts.any_predicate = any(n.name == "Graph" for n in _walk(algebra.algebra))
        return _read_patterns(facts)
    if algebra.algebra.name not in ("SelectQuery", "AskQuery"):
        raise SparqlRefused("only SELECT and ASK queries are validators")
    if getattr(algebra.algebra, "datasetClause", None):
        raise SparqlRefused("FROM / FROM NAMED is not allowed: the data graph is the dataset (and nothing is loaded from elsewhere)")
    bound = {Variable(v) for v in pre_bound}
    for n in _walk(algebra.algebra):
        if n.name == "ServiceGraphPattern":
            raise SparqlRefused("SERVICE is not allowed in SHACL-SPARQL (SHACL 5.2.1); retailkg never sends a request")
        if n.name == "Minus":
            raise SparqlRefused("MINUS is not allowed in SHACL-SPARQL with pre-bound variables (SHACL Appendix A)")
        if n.name == "values":
            raise SparqlRefused("VALUES is not allowed in SHACL-SPARQL with pre-bound variables (SHACL Appendix A)")
        if n.name == "Extend" and n.var in bound and not (isinstance(n.expr, Variable) and str(n.expr).startswith("__agg")):
            raise SparqlRefused(f"AS ?{n.var} is not allowed: ?{n.var} is pre-bound (SHACL Appendix A)")
        if n.name == "ToMultiSet":  # a sub-query
            sub = n.p
            while isinstance(sub, CompValue) and sub.name in ("Distinct", "Reduced", "Slice", "OrderBy"):
                sub = sub.p
            if isinstance(sub, CompValue) and sub.name == "Project" and THIS in bound and (
                    THIS not in sub.PV or (star and THIS not in _in_scope(sub.p))):
                raise SparqlRefused("a sub-query must project the pre-bound $this, bound in its pattern (SHACL Appendix A)")
        if n.name == "Graph":
            facts.any_predicate = True  # reads named graphs: nothing may be left out of the data
    return _read_patterns(facts)


def _read_patterns(facts: QueryFacts) -> QueryFacts:
    free: set[str] = set()
    _pattern_reads(facts.algebra, {}, facts, free)
    facts.joined = {p: q for p, q in facts.joined.items() if p not in free}
    return facts


# ---------------------------------------------------------------------------------------------
# What the patterns read
# ---------------------------------------------------------------------------------------------


def _equalities(expr: Any) -> dict[Variable, set[URIRef]]:
    """The IRIs each variable must equal for ``expr`` to be true: its conjuncts ``?v = <iri>``,
    ``<iri> = ?v`` and ``?v IN (<iri>, …)`` (any other conjunct only narrows further)."""
    out: dict[Variable, set[URIRef]] = {}

    def add(var: Variable, iris: set[URIRef]) -> None:
        out[var] = out[var] & iris if var in out else iris

    todo = [expr]
    while todo:
        e = todo.pop()
        if not isinstance(e, CompValue):
            continue
        if e.name == "ConditionalAndExpression":
            todo.append(e.expr)
            todo.extend(e.other or [])
        elif e.name == "RelationalExpression":
            a, op, b = e.expr, e.op, e.other
            if op == "=" and isinstance(a, Variable) and isinstance(b, URIRef):
                add(a, {b})
            elif op == "=" and isinstance(b, Variable) and isinstance(a, URIRef):
                add(b, {a})
            elif op == "IN" and isinstance(a, Variable) and b and all(isinstance(x, URIRef) for x in b):
                add(a, set(b))
    return out


def _pattern_reads(node: Any, limits: dict[Variable, set[URIRef]], facts: QueryFacts, free: set[str]) -> None:
    """Collect the classes and joined predicates of every basic graph pattern under ``node``.

    ``limits``: what a FILTER directly over this pattern (or an OPTIONAL's condition) requires of
    its variables: a type pattern whose class variable must equal one of a few IRIs reads only
    those classes, since a statement of any other class gives only solutions the FILTER rejects.
    Anything nested deeper is read without limits.
    """
    if isinstance(node, list | tuple | ParseResults):
        for x in node:
            _pattern_reads(x, {}, facts, free)
        return
    if not isinstance(node, CompValue):
        return
    if node.name == "Filter":
        _pattern_reads(node.p, _equalities(node.expr), facts, free)
        _pattern_reads(node.expr, {}, facts, free)  # EXISTS { … } inside the expression
        return
    if node.name == "LeftJoin":
        _pattern_reads(node.p1, {}, facts, free)
        _pattern_reads(node.p2, _equalities(node.expr) if node.expr is not None else {}, facts, free)
        _pattern_reads(node.expr, {}, facts, free)
        return
    if node.name != "BGP":
        for child in _children(node):
            _pattern_reads(child, {}, facts, free)
        return
    triples = list(node.triples)
    for s, p, o in triples:
        _path_iris(p, facts)
        if not isinstance(p, URIRef):  # a property path reads each of its predicates anywhere
            inner = QueryFacts(None)
            _path_iris(p, inner)
            free.update(inner.predicates)
        if p == RDF.type:
            if isinstance(o, URIRef):
                facts.classes.add(str(o))
            elif isinstance(o, Variable) and o in limits:
                facts.classes.update(str(c) for c in limits[o])
            else:
                facts.any_class = True
        if not isinstance(p, URIRef) or p == RDF.type:
            continue
        partners = {str(q) for s2, q, o2 in triples
                    if isinstance(o, Variable) and o2 == o and isinstance(q, URIRef) and q != p and (s2, q) != (s, p)}
        if partners:
            facts.joined.setdefault(str(p), set()).update(partners)
        else:
            free.add(str(p))


# ---------------------------------------------------------------------------------------------
# Pre-binding as a join
# ---------------------------------------------------------------------------------------------


def _vars(expr: Any) -> set[Variable]:
    out: set[Variable] = set()
    stack = [expr]
    while stack:
        n = stack.pop()
        if isinstance(n, Variable):
            out.add(n)
        elif isinstance(n, CompValue | list | tuple):
            stack.extend(_children(n))
    return out


def _in_scope(p: Any) -> set[Variable]:
    """The variables a pattern binds somewhere (SPARQL 18.2.1), not those only its FILTERs read."""
    out: set[Variable] = set()
    for n in _walk(p):
        if n.name == "BGP":
            out |= {t for tr in n.triples for t in tr if isinstance(t, Variable)}
        elif n.name == "Extend":
            out.add(n.var)
        elif n.name == "Project":
            out |= set(n.PV)
        elif n.name == "Graph" and isinstance(n.term, Variable):
            out.add(n.term)
    return out


def _certain(p: Any) -> set[Variable]:
    """The variables every solution of pattern ``p`` binds."""
    if not isinstance(p, CompValue):
        return set()
    name = p.name
    if name == "BGP":
        return {t for tr in p.triples for t in (tr[0], tr[2]) if isinstance(t, Variable)} | {
            tr[1] for tr in p.triples if isinstance(tr[1], Variable)}
    if name == "Join":
        return _certain(p.p1) | _certain(p.p2)
    if name in ("LeftJoin", "Minus"):
        return _certain(p.p1)
    if name == "Union":
        return _certain(p.p1) & _certain(p.p2)
    if name == "Graph":
        return _certain(p.p) | ({p.term} if isinstance(p.term, Variable) else set())
    if name == "ToMultiSet":
        return _certain(p.p)
    if name == "Project":
        return _certain(p.p) & set(p.PV)
    if name in ("Filter", "Extend", "Distinct", "Reduced", "OrderBy", "Slice", "Group", "AggregateJoin"):
        return _certain(p.p)
    return set()


def _blocker(p: Any) -> str | None:
    """Why ``p`` would differ with ?this joined afterwards instead of pre-bound (None: it would not)."""
    if not isinstance(p, CompValue):
        return None
    name = p.name
    if name in ("Filter", "Extend"):
        if THIS in _vars(p.expr) and THIS not in _certain(p.p):
            return "$this is read in a FILTER or BIND before the pattern binds it"
        return _blocker(p.p)
    if name == "LeftJoin":
        if THIS in _vars(p.p2) and THIS not in _certain(p.p1):
            return "$this is in an OPTIONAL whose left side does not bind it"
        if p.expr is not None and THIS in _vars(p.expr) and THIS not in _certain(p.p1) | _certain(p.p2):
            return "$this is read in an OPTIONAL's FILTER before it is bound"
        return _blocker(p.p1) or _blocker(p.p2)
    if name in ("Join", "Union"):
        return _blocker(p.p1) or _blocker(p.p2)
    if name in ("Graph", "ToMultiSet"):
        return _blocker(p.p)
    if name == "Project":  # a sub-query: it must itself be answerable for every ?this at once
        if THIS not in _vars(p.p):
            return None
        return _select_blocker(p)
    return None


def _select_blocker(project: CompValue) -> str | None:
    p = project.p
    while isinstance(p, CompValue) and p.name in ("Distinct", "Reduced", "OrderBy"):
        p = p.p
    if isinstance(p, CompValue) and p.name == "Slice":
        return "LIMIT / OFFSET applies per focus node"
    if THIS not in set(project.PV):
        return "the query does not project $this"
    # HAVING and the aggregates' results: Filter/Extend over AggregateJoin(Group)
    while isinstance(p, CompValue) and p.name in ("Filter", "Extend"):
        if p.name == "Filter" and not isinstance(p.p, CompValue):
            break
        inner = p.p
        if isinstance(inner, CompValue) and inner.name in ("AggregateJoin", "Filter", "Extend"):
            p = inner
        else:
            break
    if isinstance(p, CompValue) and p.name == "AggregateJoin":
        group = p.p
        keys = list(group.expr or []) if isinstance(group, CompValue) else []
        if THIS not in keys:
            return "the query aggregates without grouping by $this"
        p = group.p
    if THIS not in _certain(p):
        return "not every solution binds $this (it is only in a FILTER, BIND, OPTIONAL or one UNION branch)"
    return _blocker(p)


def whole_graph_blocker(facts: QueryFacts) -> str | None:
    """None when joining the query's solutions with the focus nodes (``?this`` free) gives exactly
    the solutions of each focus node with ``$this`` pre-bound; else why not."""
    alg = facts.algebra
    if alg.name != "SelectQuery":
        return "an ASK validator is evaluated per value node"
    return _select_blocker(alg.p)
