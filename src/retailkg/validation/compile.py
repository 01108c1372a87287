"""The shapes as whole-graph SPARQL: one query per rule, run once over all the data.

pySHACL evaluates a rule once per focus node, so its cost grows with (focus nodes × data): a
chain of thousands of stores is out of its reach (bench/RESULTS.md, "scale"). The shapes stay the
declarative source of truth; this module *derives* from them queries that find every focus node's
results in one pass, which Oxigraph (in process, or any SPARQL 1.1 store through
:class:`~retailkg.query.engines.EndpointEngine`) answers in time linear in the data:

- core constraints (``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
  ``sh:minInclusive``, ``sh:qualifiedValueShape`` with ``sh:languageIn``/``sh:minLength``) become a
  SELECT over the shape's targets. A "has no value" test is a FILTER NOT EXISTS anchored on
  ``?this`` (one index lookup per focus node, linear; MINUS would scan every value of the path
  first); "more than one value" is a self-join for a maximum of one, else
  GROUP BY. No negation here ever runs an unanchored pattern per row;
- a SPARQL constraint (``sh:sparql``) becomes its own SELECT with ``$this`` left unbound and
  joined with the shape's targets (``$PATH`` substituted for property shapes);
- a SPARQL constraint component (the overlap rule) declares a whole-graph validator of its own
  (``rkgsh:wholeGraphValidator``, shapes/vocabulary.ttl) that returns every overlapping *pair*;
  the shapes that share the component and path share one query, each keeping the rows whose
  parameters equal its own (the rows no shape keeps are filtered out in the query).

A constraint this module cannot translate raises :class:`UnsupportedShape` when the rules are
compiled, so a new shape cannot be silently skipped. ``tests/test_rules.py`` checks that the
results equal pySHACL's on every shape example, the bundled documents, the example designs and the
smallest synthetic chain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.ns import RKGSH, SH
from retailkg.rdf.paths import shacl_path
from retailkg.validation.shapes import load_shapes

BOOL_TRUE = {"true", "1"}

# Well-formed lexical forms of the datatypes a shape may require (XSD 1.1 Part 2); a value typed
# with one of these but spelled otherwise is ill-typed, which sh:datatype reports (SHACL 4.1.2).
_LEXICAL = {
    str(XSD.positiveInteger): r"^\\+?0*[1-9][0-9]*$",
    str(XSD.nonNegativeInteger): r"^(\\+?[0-9]+|-0+)$",
    str(XSD.integer): r"^[+-]?[0-9]+$",
    str(XSD.decimal): r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    str(XSD.boolean): r"^(true|false|1|0)$",
}


# Oxigraph stores every integer-derived literal as xsd:integer ("2"^^xsd:positiveInteger comes back
# as "2"^^xsd:integer), so for these datatypes xsd:integer is accepted as the stored form and the
# lexical pattern above carries the derived type's restriction (positive, non-negative). The one
# case this lets through that pySHACL reports: a value *written* as xsd:integer where
# xsd:positiveInteger is required; designs read by retailkg never write one.
_INTEGER_DERIVED = {str(XSD.positiveInteger), str(XSD.nonNegativeInteger)}


class UnsupportedShape(ValueError):
    """A shape uses a constraint this module does not translate (name and constraint in the message)."""


@dataclass(frozen=True)
class RuleResult:
    """One SHACL result: the shape, the focus node, the value (IRI or lexical form) and, for an
    overlap, the other post of the pair."""

    shape: str
    focus: str
    value: str | None = None
    other: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        """What pySHACL reports of a result (sh:sourceShape, sh:focusNode, sh:value)."""
        return (self.shape, self.focus, self.value)


@dataclass
class CompiledQuery:
    """One whole-graph SELECT and the shapes it answers for.

    Rows bind ``?this`` and ``?value`` (and ``?other`` for pairs). ``dispatch`` maps each shape to
    the parameter values a row must have for it (overlap component); empty for a one-shape query.
    """

    shapes: tuple[str, ...]
    text: str
    pairs: bool = False
    dispatch: dict[str, dict[str, bool]] = field(default_factory=dict)
    value_is_focus: bool = False  # node-shape SPARQL constraints without ?value report $this


# ---------------------------------------------------------------------------------------------
# SHACL paths and targets as SPARQL
# ---------------------------------------------------------------------------------------------


def _iri(node: Node) -> str:
    return f"<{node}>"


def path_sparql(g: Graph, node: Node | None) -> str:
    """A shape's sh:path as a SPARQL property path (:func:`retailkg.rdf.paths.shacl_path`); UnsupportedShape if it is none."""
    try:
        return shacl_path(g, node)
    except ValueError as e:
        raise UnsupportedShape(str(e)) from None


def _target(g: Graph, shape: URIRef) -> str:
    """The focus nodes as a group pattern binding ?this (sh:targetClass with rdfs:subClassOf*)."""
    classes = sorted(str(c) for c in g.objects(shape, SH.targetClass))
    if set(g.objects(shape, SH.targetNode)) or set(g.objects(shape, SH.targetSubjectsOf)) or set(g.objects(shape, SH.targetObjectsOf)):
        raise UnsupportedShape(f"{shape}: only sh:targetClass targets are translated")
    if not classes:
        raise UnsupportedShape(f"{shape}: no sh:targetClass")
    # classes first: the few (sub)classes, then their instances by index (rather than walking the
    # path from each instance, which visits every typed node)
    alts = [f"{{ ?targetClass <{RDFS.subClassOf}>* <{c}> }}" for c in classes]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(alts) + f" ?this <{RDF.type}> ?targetClass }} }}"


def _prefixes(g: Graph, node: Node) -> str:
    """PREFIX lines for a SPARQL constraint's sh:prefixes (the sh:declare of the named ontologies)."""
    lines = []
    for ont in g.objects(node, SH.prefixes):
        for decl in g.objects(ont, SH.declare):
            lines.append(f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>")
    return "\n".join(sorted(set(lines)))


def _split_prologue(text: str) -> str:
    """The query body from its SELECT on (shape queries carry no PREFIX of their own)."""
    return text.strip()


# ---------------------------------------------------------------------------------------------
# Compilation
# ---------------------------------------------------------------------------------------------


def _value_condition(g: Graph, qshape: Node) -> str:
    """A FILTER expression on ?v for a qualified value shape's constraints."""
    conds = []
    for p, o in g.predicate_objects(qshape):
        if p == SH.languageIn:
            langs = [str(x) for x in Collection(g, o)]
            conds.append("isLiteral(?v) && (" + " || ".join(f"langMatches(lang(?v), {json.dumps(x)})" for x in langs) + ")")
        elif p == SH.minLength:
            conds.append(f"(!isBlank(?v) && STRLEN(STR(?v)) >= {int(str(o))})")
        elif p == RDF.type:
            continue
        else:
            raise UnsupportedShape(f"qualified value shape uses {p}, which is not translated")
    return " && ".join(conds) or "true"


def _without(path: str, path_node: Node | None, condition: str) -> str:
    """"?this has no value on ``path`` (meeting ``condition``)", written the way that stays linear.

    For a predicate or its inverse, FILTER NOT EXISTS anchored on ?this is one index lookup per
    focus node (MINUS would first scan every value of the path). For a longer path Oxigraph may
    evaluate the inner pattern from its free end, once per focus node, which is quadratic in a
    chain's units, so MINUS, evaluated once.
    """
    # a predicate, its inverse, or alternatives of predicates: "(^<p>)", "(<p>|<q>)"
    simple = isinstance(path_node, URIRef) or bool(re.fullmatch(r"\(\^<[^<>]+>\)|\((<[^<>]+>\|)+<[^<>]+>\)", path))
    if simple:
        return f"FILTER NOT EXISTS {{ ?this {path} ?v . {condition} }}"
    return f"MINUS {{ ?this {path} ?v . {condition} }}"


def _core_queries(g: Graph, shape: URIRef, target: str, parameters: set[URIRef]) -> list[CompiledQuery]:
    s = str(shape)
    path_node = g.value(shape, SH.path)
    path = path_sparql(g, path_node) if path_node is not None else None
    out: list[CompiledQuery] = []

    def need_path(what: str) -> str:
        if path is None:
            raise UnsupportedShape(f"{shape}: {what} on a node shape is not translated")
        return path

    for p, o in sorted(g.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))):
        if p == SH.minCount:
            n = int(str(o))
            if n == 1:
                text = f"SELECT ?this WHERE {{ {target} {_without(need_path('minCount'), path_node, '')} }}"
            else:
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('minCount')} ?v }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            out.append(CompiledQuery((s,), text))
        elif p == SH.maxCount and int(str(o)) == 1:  # two different values: a self-join, cheaper than grouping all
            text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v . "
                    f"?this {need_path('maxCount')} ?w . FILTER (?v != ?w) }}")
            out.append(CompiledQuery((s,), text))
        elif p == SH.maxCount:
            text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(str(o))})")
            out.append(CompiledQuery((s,), text))
        elif p == SH["class"]:
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('class')} ?value . "
                    f"MINUS {{ ?value <{RDF.type}>/<{RDFS.subClassOf}>* <{o}> }} }}")
            out.append(CompiledQuery((s,), text))
        elif p == SH.datatype:
            regex = _LEXICAL.get(str(o))
            ill = f" || !REGEX(STR(?value), \"{regex}\")" if regex else ""
            types = f"<{o}>, <{XSD.integer}>" if str(o) in _INTEGER_DERIVED else f"<{o}>"
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('datatype')} ?value . "
                    f"FILTER (!isLiteral(?value) || datatype(?value) NOT IN ({types}){ill}) }}")
            out.append(CompiledQuery((s,), text))
        elif p == SH.minInclusive:
            lit = o.n3() if isinstance(o, Literal) else _iri(o)
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('minInclusive')} ?value . "
                    f"FILTER (!COALESCE(?value >= {lit}, false)) }}")
            out.append(CompiledQuery((s,), text))
        elif p == SH.qualifiedValueShape:
            cond = _value_condition(g, o)
            lo, hi = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
            if lo is not None and hi is not None and int(str(lo)) == int(str(hi)) == 1:
                # exactly one (a post's one Chinese name): one grouping evaluates the condition once
                # per value, where the self-join of "at most one" evaluated it for every pair
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) != 1)")
                out.append(CompiledQuery((s,), text))
                continue
            if lo is not None and int(str(lo)) == 1:
                text = f"SELECT ?this WHERE {{ {target} {_without(need_path('qualified'), path_node, f'FILTER ({cond})')} }}"
                out.append(CompiledQuery((s,), text))
            elif lo is not None:
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(str(lo))})")
                out.append(CompiledQuery((s,), text))
            if hi is not None and int(str(hi)) == 1:
                cond_w = cond.replace("?v", "?w")
                text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) "
                        f"?this {need_path('qualified')} ?w . FILTER (?v != ?w && {cond_w}) }}")
                out.append(CompiledQuery((s,), text))
            elif hi is not None:
                text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(str(hi))})")
                out.append(CompiledQuery((s,), text))
        elif p == SH.sparql:
            select = str(g.value(o, SH.select))
            body = _split_prologue(select).replace("$this", "?this")
            if path is not None:
                body = body.replace("$PATH", path)
            text = f"{_prefixes(g, o)}\nSELECT DISTINCT * WHERE {{ {target} {{ {body} }} }}"
            out.append(CompiledQuery((s,), text, value_is_focus=path is None))
        elif p in _NOT_CONSTRAINTS or p in parameters:
            continue
        elif str(p).startswith(str(SH)):
            raise UnsupportedShape(f"{shape}: {p} is not translated")
    return out


_NOT_CONSTRAINTS = {
    RDF.type, RDFS.label, RDFS.comment, SH.path, SH.targetClass, SH.severity, SH.message, SH.name, SH.description,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.order, SH.group, SH.deactivated, RKGSH.findingKind,
}


def _components(g: Graph) -> dict[URIRef, tuple[list[URIRef], str, str]]:
    """Each constraint component with a whole-graph validator: its parameter paths, the PREFIX
    lines of its query and the query."""
    out = {}
    for comp in g.subjects(RDF.type, SH.ConstraintComponent):
        wg = g.value(comp, RKGSH.wholeGraphValidator)
        if wg is None or not isinstance(comp, URIRef):
            continue
        params = [p for par in g.objects(comp, SH.parameter) if isinstance(p := g.value(par, SH.path), URIRef)]
        out[comp] = (sorted(params, key=str), _prefixes(g, wg), str(g.value(wg, SH.select)))
    return out


def _true(var: str) -> str:
    """``?var`` is true as :func:`_truthy` reads it (unbound is false)."""
    return f'COALESCE(LCASE(STR(?{var})) IN ("true", "1"), false)'


def _dispatched(prologue: str, select: str, dispatch: dict[str, dict[str, bool]]) -> str:
    """The component's query keeping only the rows some shape takes (:func:`_query_results`).

    A validator returns every pair with its parameters' values, and each shape keeps the rows
    with its own; the rows no shape keeps are dropped in the store rather than written out and
    read back. In a chain most pairs are such: supervisors of different stores share their team
    functions, and no shape reports team functions outside one supervision line, so most rows
    would be dropped.
    """
    combos = sorted({tuple(sorted(params.items())) for params in dispatch.values()})
    alts = [" && ".join(_true(k) if v else f"!{_true(k)}" for k, v in combo) or "true" for combo in combos]
    keep = " || ".join(f"({a})" for a in alts)
    return f"{prologue}\nSELECT * WHERE {{\n{{\n{select.strip()}\n}}\nFILTER ({keep})\n}}\n"


def compile_rules(shapes: Graph) -> list[CompiledQuery]:
    """Every rule shape (``rkgsh:findingKind``) as whole-graph queries; raise on what cannot be."""
    comps = _components(shapes)
    parameters = {p for params, _prologue, _select in comps.values() for p in params}  # a component's, not a constraint
    queries: list[CompiledQuery] = []
    shared: dict[tuple[str, str], tuple[CompiledQuery, str]] = {}  # a query and its PREFIX lines
    for shape in sorted((s for s in shapes.subjects(RKGSH.findingKind, None) if isinstance(s, URIRef)), key=str):
        target = _target(shapes, shape)
        used = False
        for comp, (params, prologue, select) in sorted(comps.items()):
            if not all((shape, p, None) in shapes for p in params):
                continue
            used = True
            path = path_sparql(shapes, shapes.value(shape, SH.path))
            key = (str(comp), path + target)
            if key not in shared:
                # the text is final once every shape has said which rows it takes
                shared[key] = (CompiledQuery((), select.replace("$PATH", path).replace("$TARGET", target), pairs=True), prologue)
                queries.append(shared[key][0])
            q = shared[key][0]
            q.shapes = (*q.shapes, str(shape))
            q.dispatch[str(shape)] = {str(p).rsplit("#", 1)[-1]: str(shapes.value(shape, p)).lower() in BOOL_TRUE for p in params}
        core = _core_queries(shapes, shape, target, parameters)
        if not core and not used:
            raise UnsupportedShape(f"{shape}: no constraint translated")
        queries += core
    for q, prologue in shared.values():
        q.text = _dispatched(prologue, q.text, q.dispatch)
    return queries


@cache
def compiled_rules() -> tuple[CompiledQuery, ...]:
    """The bundled shapes, compiled once per process."""
    return tuple(compile_rules(load_shapes()))


