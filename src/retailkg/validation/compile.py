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
from decimal import Decimal
from functools import cache

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.errors import InputError
from retailkg.ns import RKGSH, SH
from retailkg.rdf.paths import shacl_path
from retailkg.validation.census import INTEGER_TYPES, LiteralCensus
from retailkg.validation.shapes import curie_of, is_deactivated, load_shapes, rule_key, top_shapes

BOOL_TRUE = {"true", "1"}

# Well-formed lexical forms of the datatypes a compiled sh:datatype checks (XSD 1.1 Part 2); a value
# typed with one of these but spelled otherwise is ill-typed, which sh:datatype reports (SHACL 4.1.2).
# A datatype not here (nor xsd:string, rdf:langString, which have no ill-typed form) is not
# compiled: the store cannot tell an ill-typed value of it, so the complete engine checks it.
_LEXICAL = {
    str(XSD.positiveInteger): r"^\\+?0*[1-9][0-9]*$",
    str(XSD.nonNegativeInteger): r"^(\\+?[0-9]+|-0+)$",
    str(XSD.negativeInteger): r"^-0*[1-9][0-9]*$",
    str(XSD.nonPositiveInteger): r"^(-[0-9]+|\\+?0+)$",
    str(XSD.integer): r"^[+-]?[0-9]+$",
    str(XSD.decimal): r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    str(XSD.boolean): r"^(true|false|1|0)$",
}
_NO_ILL_TYPED = {str(XSD.string), str(RDF.langString)}


class UnsupportedShape(InputError):
    """A shape this module does not translate exactly (the shape and the construct in the message):
    :func:`plan_rules` hands it to the complete engine; :func:`compile_rules` raises it."""


@dataclass(frozen=True)
class RuleResult:
    """One SHACL result: the shape, the focus node, the value (IRI or lexical form) and, for an
    overlap, the other post of the pair.

    ``component`` (sh:sourceConstraintComponent), ``path`` (sh:resultPath as a SPARQL path) and
    ``bindings`` (a SPARQL constraint's solution, for its message) describe the result without
    being part of its identity: pySHACL reports a post with neither one nor two departments once
    per constraint, the report once per (shape, focus, value).
    """

    shape: str
    focus: str
    value: str | None = None
    other: str | None = None
    component: str | None = field(default=None, compare=False)
    bindings: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple[str, str, str | None]:
        """What pySHACL reports of a result (sh:sourceShape, sh:focusNode, sh:value)."""
        return (self.shape, self.focus, self.value)


@dataclass(frozen=True)
class PairTest:
    """One parameter of a pair query, as a set the client looks a pair up in (``rkgsh:pairTest``):
    true when the answer of ``text``, over the variables it selects of this, other and value,
    holds the pair's values (``either``: or holds them with this and other swapped)."""

    parameter: str  # the parameter's local name, as the pair query's column
    text: str
    either: bool = False


@dataclass(frozen=True)
class PairSides:
    """A pair query as its two sides and its parameters' tests, for the client to join
    (``rkgsh:pairSides``: for a store that joins the sides by running one again per row)."""

    focus: str  # ?this ?org ?key ?value
    other: str  # ?other ?org ?key ?value
    tests: tuple[PairTest, ...] = ()


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
    component: str | None = None
    unfiltered: str = ""  # pairs: the text without the store-side dispatch filter, for a store that cannot run it
    targets: str = ""  # pairs: the query for the shape's focus nodes; an end of a pair is a result only if it is one
    sides: PairSides | None = None  # pairs: the same rows, for the client to join (run.pairs_joined_here)


@dataclass
class Plan:
    """The rules split between the two engines: ``queries`` compiled (exact, whole-graph), and
    ``complete`` the shapes (top-level nodes in the shapes graph) the complete engine runs, each
    with the reason it was not compiled (``reasons``, by rule key)."""

    queries: list[CompiledQuery]
    complete: list[Node]
    reasons: dict[str, str] = field(default_factory=dict)


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


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return _iri(node)
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"a blank node target {node} is not translated")


def _target(g: Graph, shape: Node) -> str:
    """The focus nodes as a group pattern binding ?this (SHACL 2.1.3: sh:targetClass with
    rdfs:subClassOf*, an implicit class target, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf)."""
    if set(g.objects(shape, SH.target)):
        raise UnsupportedShape(f"{shape}: SHACL-AF sh:target is not translated")
    classes = sorted(str(c) for c in g.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in g and isinstance(shape, URIRef):
        classes.append(str(shape))
    alts = []
    if classes:
        # classes first: the few (sub)classes, then their instances by index (rather than walking
        # the path from each instance, which visits every typed node)
        # C itself apart from its subclasses (subClassOf+), not subClassOf*: Virtuoso 7.2 evaluates the
        # zero-length step of a * path wrongly once joined (rules joined with it keep one row)
        alts += [f"{{ ?this <{RDF.type}> <{c}> }} UNION {{ ?targetClass <{RDFS.subClassOf}>+ <{c}> . "
                 f"?this <{RDF.type}> ?targetClass }}" for c in sorted(set(classes))]
    nodes = sorted(_term(n) for n in g.objects(shape, SH.targetNode))
    if nodes:
        alts.append("{ VALUES ?this { " + " ".join(nodes) + " } }")
    for p in sorted(str(p) for p in g.objects(shape, SH.targetSubjectsOf)):
        alts.append(f"{{ ?this <{p}> ?targetObject }}")
    for p in sorted(str(p) for p in g.objects(shape, SH.targetObjectsOf)):
        alts.append(f"{{ ?targetSubject <{p}> ?this }}")
    if not alts:
        raise UnsupportedShape(f"{shape}: no target")
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(alts) + " } }"


def prefixes_of(g: Graph, node: Node) -> str:
    """PREFIX lines for a SPARQL query's sh:prefixes: the sh:declare of the named ontologies and of
    those they owl:imports, within the shapes graph (nothing is fetched; a missing import is
    refused when the shapes are loaded, :mod:`retailkg.validation.ruleset`)."""
    lines = []
    todo = list(g.objects(node, SH.prefixes))
    seen: set[Node] = set()
    while todo:
        ont = todo.pop()
        if ont in seen:
            continue
        seen.add(ont)
        for decl in g.objects(ont, SH.declare):
            prefix, ns = g.value(decl, SH.prefix), g.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>")
        todo.extend(g.objects(ont, OWL.imports))
    return "\n".join(sorted(set(lines)))


_prefixes = prefixes_of


# ---------------------------------------------------------------------------------------------
# Compilation
# ---------------------------------------------------------------------------------------------


_PROLOGUE = re.compile(r"\A(?:\s+|#[^\n]*\n|(?i:PREFIX)\s+[^\s:]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")


def _split_prologue(text: str) -> tuple[str, str]:
    """A query's own PREFIX and BASE lines, and the rest (which is nested in the compiled query)."""
    m = _PROLOGUE.match(text)
    end = m.end() if m else 0
    return text[:end].strip(), text[end:]


def _value_condition(g: Graph, qshape: Node) -> str:
    """A FILTER expression on ?v for a qualified value shape's constraints."""
    conds = []
    for p, o in g.predicate_objects(qshape):
        if p == SH.languageIn:
            langs = [str(x) for x in Collection(g, o)]
            conds.append("isLiteral(?v) && (" + " || ".join(f"langMatches(lang(?v), {json.dumps(x)})" for x in langs) + ")")
        elif p == SH.minLength:
            conds.append(f"(!isBlank(?v) && STRLEN(STR(?v)) >= {int(str(o))})")
        elif p == RDF.type and o in (SH.NodeShape, SH.Shape):
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


def _path_predicates(path: str) -> set[str]:
    return set(re.findall(r"<([^<>]+)>", path))


def _int_value(shape: Node, p: Node, o: Node) -> int:
    if not isinstance(o, Literal) or not isinstance(o.value, int) or isinstance(o.value, bool):
        raise UnsupportedShape(f"{shape}: {p} {o} is not an integer")
    return int(o.value)


def _datatype_types(shape: Node, datatype: Node, predicates: set[str], census: LiteralCensus) -> list[str]:
    """The datatypes a stored value may have to be of ``datatype`` as written (see census)."""
    d = str(datatype)
    if d not in _LEXICAL and d not in _NO_ILL_TYPED:
        raise UnsupportedShape(f"{shape}: sh:datatype {d} (the store cannot tell its ill-typed values)")
    if d not in INTEGER_TYPES:
        return [d]
    written: set[str] = set()
    for p in predicates:
        written |= census.integers.get(p, set())
    # every stored xsd:integer on these predicates was written as the one type ``written`` holds; a
    # store that keeps what it is sent (Virtuoso) holds the type itself
    return sorted({str(XSD.integer), d}) if written <= {d} else []


def _sparql_query(g: Graph, shape: Node, constraint: Node, path: str | None, target: str,
                  census: LiteralCensus) -> CompiledQuery:
    from retailkg.validation.prebinding import SparqlRefused, check_query, whole_graph_blocker

    select = g.value(constraint, SH.select)
    if select is None:
        raise UnsupportedShape(f"{shape}: a SPARQL constraint without sh:select")
    body = str(select)
    if path is not None:
        body = body.replace("$PATH", path)
    if "$shapesGraph" in body or "$currentShape" in body or "?shapesGraph" in body or "?currentShape" in body:
        raise UnsupportedShape(f"{shape}: $shapesGraph / $currentShape are not translated")
    prologue = prefixes_of(g, constraint)
    try:
        facts = check_query(prologue + "\n" + body)
    except SparqlRefused as e:
        raise UnsupportedShape(f"{shape}: {e}") from None
    blocker = whole_graph_blocker(facts)
    if blocker:
        raise UnsupportedShape(f"{shape}: {blocker}")
    mixed = any(len(v) > 1 or v - {str(XSD.integer)} for v in census.integers.values())
    if facts.any_predicate and (not census.known or census.altered or mixed):
        raise UnsupportedShape(f"{shape}: the query reads any predicate and some literals are stored otherwise than written")
    for p in facts.predicates:
        if not census.faithful(p) or census.integers.get(p, {str(XSD.integer)}) - {str(XSD.integer)}:
            raise UnsupportedShape(f"{shape}: <{p}> has literals the store keeps otherwise than written")
    body = body.replace("$this", "?this")
    own, body = _split_prologue(body)
    # the targets joined outside the rule's own query, not at the start of its WHERE: joined inside,
    # Virtuoso 7.2 lost rows of the UNION a gap rule aggregates on a large design (17 results for 3
    # at 100k triples, COUNT(?covered) 0 for functions the chain leads); it needed the inside join
    # only while a target was written with rdfs:subClassOf* (_target)
    text = f"{prologue}\n{own}\nSELECT DISTINCT * WHERE {{ {target} {{ {body} }} }}"
    return CompiledQuery((rule_key(g, shape),), text, value_is_focus=path is None, component=str(SH.SPARQLConstraintComponent))


def _core_queries(g: Graph, shape: Node, target: str, parameters: set[URIRef],
                  census: LiteralCensus | None = None) -> list[CompiledQuery]:
    census = census if census is not None else LiteralCensus()
    s = rule_key(g, shape)
    path_node = g.value(shape, SH.path)
    path = path_sparql(g, path_node) if path_node is not None else None
    out: list[CompiledQuery] = []
    if path is not None and not census.known:
        pass  # core constraints compare IRIs or go through the checks below
    read = _path_predicates(path) if path is not None else set()

    def need_path(what: str) -> str:
        if path is None:
            raise UnsupportedShape(f"{shape}: {what} on a node shape is not translated")
        return path

    def literal_exact(what: str) -> None:
        """Counting distinct values, or reading them, is exact only where the store keeps them as written."""
        for p in read:
            if not census.faithful(p):
                raise UnsupportedShape(f"{shape}: {what} on <{p}>, whose literals the store keeps otherwise than written")

    if len(set(g.objects(shape, SH.path))) > 1:
        raise UnsupportedShape(f"{shape}: several sh:path values")
    for p, o in sorted(g.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))):
        if p == SH.minCount:
            n = _int_value(shape, p, o)
            if n == 0:
                continue
            if n > 1:
                literal_exact("sh:minCount")
            if n == 1:
                text = f"SELECT ?this WHERE {{ {target} {_without(need_path('minCount'), path_node, '')} }}"
            else:
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('minCount')} ?v }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            out.append(CompiledQuery((s,), text, component=str(SH.MinCountConstraintComponent)))
        elif p == SH.maxCount:
            n = _int_value(shape, p, o)
            literal_exact("sh:maxCount")
            if n == 1:  # two different values: a self-join, cheaper than grouping all; sameTerm, not
                # !=, which compares values (1 and 1.0 are equal values, but two terms: SHACL counts terms)
                text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v . "
                        f"?this {need_path('maxCount')} ?w . FILTER (!sameTerm(?v, ?w)) }}")
            else:
                text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})")
            out.append(CompiledQuery((s,), text, component=str(SH.MaxCountConstraintComponent)))
        elif p == SH["class"]:
            if not isinstance(o, URIRef):
                raise UnsupportedShape(f"{shape}: sh:class {o} is not an IRI")
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('class')} ?value . "
                    # the class apart from its subclasses (subClassOf+), not MINUS { ?value rdf:type/rdfs:subClassOf* C }:
                    # Virtuoso 7.2 evaluates the zero-length step wrongly and the MINUS removes nothing
                    f"FILTER NOT EXISTS {{ {{ ?value <{RDF.type}> <{o}> }} UNION {{ ?value <{RDF.type}> ?valueClass . "
                    f"?valueClass <{RDFS.subClassOf}>+ <{o}> }} }} }}")
            out.append(CompiledQuery((s,), text, component=str(SH.ClassConstraintComponent)))
        elif p == SH.datatype:
            literal_exact("sh:datatype")
            types = _datatype_types(shape, o, read, census)
            regex = _LEXICAL.get(str(o))
            ill = f" || !REGEX(STR(?value), \"{regex}\")" if regex else ""
            allowed = f"datatype(?value) NOT IN ({', '.join(f'<{t}>' for t in types)})" if types else "true"
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('datatype')} ?value . "
                    f"FILTER (!isLiteral(?value) || {allowed}{ill}) }}")
            out.append(CompiledQuery((s,), text, component=str(SH.DatatypeConstraintComponent)))
        elif p == SH.minInclusive:
            if not isinstance(o, Literal) or not isinstance(o.value, int | Decimal) or isinstance(o.value, bool):
                raise UnsupportedShape(f"{shape}: sh:minInclusive {o} is not an integer or decimal")
            literal_exact("sh:minInclusive")
            lit = o.n3()
            text = (f"SELECT ?this ?value WHERE {{ {target} ?this {need_path('minInclusive')} ?value . "
                    f"FILTER (!COALESCE(isNumeric(?value) && ?value >= {lit}, false)) }}")
            out.append(CompiledQuery((s,), text, component=str(SH.MinInclusiveConstraintComponent)))
        elif p == SH.qualifiedValueShape:
            if (shape, SH.qualifiedValueShapesDisjoint, None) in g or isinstance(o, URIRef):
                raise UnsupportedShape(f"{shape}: sh:qualifiedValueShapesDisjoint or a named qualified value shape")
            literal_exact("sh:qualifiedValueShape")
            cond = _value_condition(g, o)
            comp_lo, comp_hi = str(SH.QualifiedMinCountConstraintComponent), str(SH.QualifiedMaxCountConstraintComponent)
            lo_node, hi_node = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
            lo = _int_value(shape, SH.qualifiedMinCount, lo_node) if lo_node is not None else None
            hi = _int_value(shape, SH.qualifiedMaxCount, hi_node) if hi_node is not None else None
            if lo == hi == 1:
                # exactly one (a post's one Chinese name): one grouping evaluates the condition once
                # per value, where the self-join of "at most one" evaluated it for every pair
                text = (f"SELECT ?this (IF(COUNT(DISTINCT ?v) = 0, <{comp_lo}>, <{comp_hi}>) AS ?component) WHERE {{ {target} "
                        f"OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) != 1)")
                out.append(CompiledQuery((s,), text))
                continue
            if lo is not None and lo >= 1:
                if lo == 1:
                    text = f"SELECT ?this WHERE {{ {target} {_without(need_path('qualified'), path_node, f'FILTER ({cond})')} }}"
                else:
                    text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {lo})")
                out.append(CompiledQuery((s,), text, component=comp_lo))
            if hi is not None:
                if hi == 1:
                    cond_w = cond.replace("?v", "?w")
                    text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) "
                            f"?this {need_path('qualified')} ?w . FILTER (!sameTerm(?v, ?w) && {cond_w}) }}")
                else:
                    text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) }} "
                            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {hi})")
                out.append(CompiledQuery((s,), text, component=comp_hi))
        elif p == SH.sparql:
            if is_deactivated(g, o):
                continue
            out.append(_sparql_query(g, shape, o, path, target, census))
        elif p in _NOT_CONSTRAINTS or p in parameters:
            continue
        elif str(p).startswith(str(SH)):
            raise UnsupportedShape(f"{shape}: {curie_of(g, str(p))} is not translated")
    return out


_NOT_CONSTRAINTS = {
    RDF.type, RDFS.label, RDFS.comment, SH.path, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.severity, SH.message, SH.name, SH.description, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.order, SH.group,
    SH.deactivated, SH.defaultValue, RKGSH.findingKind,
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


def _pair_sides(g: Graph) -> dict[URIRef, tuple[str, PairSides]]:
    """Each constraint component's ``rkgsh:pairSides``, ``$PATH`` still in it: PREFIX lines and sides."""
    out = {}
    for comp, sides in g.subject_objects(RKGSH.pairSides):
        if not isinstance(comp, URIRef):
            continue
        focus, other = g.value(sides, RKGSH.focusSide), g.value(sides, RKGSH.otherSide)
        if focus is None or other is None:
            continue
        tests = []
        for t in g.objects(sides, RKGSH.pairTest):
            param, text = g.value(t, RKGSH.parameter), g.value(t, SH.select)
            if isinstance(param, URIRef) and text is not None:
                tests.append(PairTest(str(param).rsplit("#", 1)[-1], str(text),
                                      str(g.value(t, RKGSH.either, default=Literal(False))).lower() in BOOL_TRUE))
        out[comp] = (_prefixes(g, sides), PairSides(str(focus), str(other), tuple(sorted(tests, key=lambda t: t.parameter))))
    return out


def _true(var: str) -> str:
    """``?var`` is true as :func:`_truthy` reads it (unbound is false)."""
    return f'COALESCE(LCASE(STR(?{var})) IN ("true", "1"), false)'


def _dispatched(prologue: str, select: str, dispatch: dict[str, dict[str, bool]]) -> str:
    """The component's query keeping only the rows some shape takes (:func:`retailkg.validation.run.run_rules`).

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


def plan_rules(shapes: Graph, census: LiteralCensus | None = None, *, skip: frozenset[str] = frozenset(),
               trusted: Graph | None = None, strict: bool = False) -> Plan:
    """Split the rules of ``shapes`` between compiled queries and the complete engine.

    A shape is compiled when every constraint it has is translated exactly, given how the store
    keeps the data's literals (``census``; None: the data is not known yet, as for the bundled
    shapes compiled once per process, and assumed faithful); otherwise the whole shape goes to the
    complete engine, so one shape's results never come from two engines. ``skip``: rule keys a
    profile turned off. Only the whole-graph validators of ``trusted`` (the bundled shapes) are
    used: a user's shapes could declare one that answers differently from its SHACL validator.
    ``strict``: raise UnsupportedShape instead of handing a shape over.
    """
    census = census if census is not None else LiteralCensus()
    comps = _components(trusted if trusted is not None else load_shapes())
    comps = {c: v for c, v in comps.items() if (c, RDF.type, SH.ConstraintComponent) in shapes}
    sides = _pair_sides(trusted if trusted is not None else load_shapes())
    plan = Plan([], [])
    shared: dict[tuple[str, str], tuple[CompiledQuery, str]] = {}  # a query and its PREFIX lines
    for shape in top_shapes(shapes):
        key = rule_key(shapes, shape)
        if key in skip:
            continue
        try:
            if (shape, SH.property, None) in shapes:
                raise UnsupportedShape(f"{shape}: sh:property (nested shapes) is not translated")
            target = _target(shapes, shape)
            uses = []
            for comp, (params, prologue, select) in sorted(comps.items()):
                if all((shape, p, None) in shapes for p in params):
                    uses.append((comp, params, prologue, select))
            core = _core_queries(shapes, shape, target, {p for _c, ps, _pr, _s in uses for p in ps}, census)
            if not core and not uses:
                raise UnsupportedShape(f"{shape}: no constraint translated")
        except UnsupportedShape as e:
            if strict:
                raise
            plan.complete.append(shape)
            plan.reasons[key] = e.message
            continue
        for comp, params, prologue, select in uses:
            path = path_sparql(shapes, shapes.value(shape, SH.path))
            qkey = (str(comp), path + target)
            if qkey not in shared:
                # the text is final once every shape has said which rows it takes
                # the targets asked apart and joined by the client (run.py): joined inside the pair
                # query, Virtuoso 7.2 lost a third of the pairs once its database had seen other loads
                shared[qkey] = (CompiledQuery((), select.replace("$PATH", path).replace("$TARGET", ""), pairs=True,
                                              component=str(comp), targets=f"SELECT ?this WHERE {target}"), prologue)
                if comp in sides:
                    pre, ps = sides[comp]
                    shared[qkey][0].sides = PairSides(
                        f"{pre}\n{ps.focus.replace('$PATH', path).strip()}\n", f"{pre}\n{ps.other.replace('$PATH', path).strip()}\n",
                        tuple(PairTest(t.parameter, f"{pre}\n{t.text.strip()}\n", t.either) for t in ps.tests))
                plan.queries.append(shared[qkey][0])
            q = shared[qkey][0]
            q.shapes = (*q.shapes, key)
            q.dispatch[key] = {str(p).rsplit("#", 1)[-1]: str(shapes.value(shape, p)).lower() in BOOL_TRUE for p in params}
        plan.queries += core
    for q, prologue in shared.values():
        q.unfiltered = f"{prologue}\n{q.text.strip()}\n"
        q.text = _dispatched(prologue, q.text, q.dispatch)
    return plan


def compile_rules(shapes: Graph) -> list[CompiledQuery]:
    """Every rule of ``shapes`` as whole-graph queries; UnsupportedShape for one that cannot be."""
    return plan_rules(shapes, strict=True).queries


@cache
def compiled_rules() -> tuple[CompiledQuery, ...]:
    """The bundled shapes, compiled once per process."""
    return tuple(compile_rules(load_shapes()))
