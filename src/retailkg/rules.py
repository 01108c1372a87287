"""The shapes as whole-graph SPARQL: one query per rule, run once over all the data.

pySHACL evaluates a rule once per focus node, so its cost grows with (focus nodes × data): a
chain of thousands of stores takes minutes to hours (bench/RESULTS.md, "scale"). The shapes stay the
declarative source of truth; this module *derives* from them queries that find every focus node's
results in one pass, which Oxigraph (in process, or any SPARQL 1.1 store through
:class:`EndpointSource`) answers in time linear in the data:

- core constraints (``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
  ``sh:minInclusive``, ``sh:qualifiedValueShape`` with ``sh:languageIn``/``sh:minLength``) become a
  SELECT over the shape's targets. A "has no value" test is a FILTER NOT EXISTS anchored on
  ``?this`` (one index lookup per focus node, linear; measured 3× faster than MINUS, which scans
  every value of the path first); "more than one value" is a self-join for a maximum of one, else
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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from .results import read_tsv_values

__all__ = [
    "CompiledQuery",
    "EndpointSource",
    "OxigraphSource",
    "RuleResult",
    "Source",
    "Table",
    "UnsupportedShape",
    "compile_rules",
    "compiled_rules",
    "path_sparql",
    "run_rules",
]

SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = Namespace("https://w3id.org/retailkg/shapes#")
_BOOL_TRUE = {"true", "1"}

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


def _iri(node: Any) -> str:
    return f"<{node}>"


def path_sparql(g: Graph, node: Any) -> str:
    """A SHACL property path (SHACL 2.3.1) as a SPARQL 1.1 property path with full IRIs."""
    if isinstance(node, URIRef):
        return _iri(node)
    if not isinstance(node, BNode):
        raise UnsupportedShape(f"not a SHACL path: {node!r}")
    if (node, RDF.first, None) in g:
        return "(" + "/".join(path_sparql(g, x) for x in Collection(g, node)) + ")"
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = g.value(node, pred)
        if inner is not None:
            return "(" + fmt.format(path_sparql(g, inner)) + ")"
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(path_sparql(g, x) for x in Collection(g, alt)) + ")"
    raise UnsupportedShape(f"unknown SHACL path node {node!r}")


def _target(g: Graph, shape: URIRef) -> str:
    """The focus nodes as a group pattern binding ?this (sh:targetClass with rdfs:subClassOf*)."""
    classes = sorted(str(c) for c in g.objects(shape, SH.targetClass))
    if set(g.objects(shape, SH.targetNode)) or set(g.objects(shape, SH.targetSubjectsOf)) or set(g.objects(shape, SH.targetObjectsOf)):
        raise UnsupportedShape(f"{shape}: only sh:targetClass targets are translated")
    if not classes:
        raise UnsupportedShape(f"{shape}: no sh:targetClass")
    # classes first: the few (sub)classes, then their instances by index (twice as fast as the
    # path from the instance side on a million triples)
    alts = [f"{{ ?targetClass <{RDFS.subClassOf}>* <{c}> }}" for c in classes]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(alts) + f" ?this <{RDF.type}> ?targetClass }} }}"


def _prefixes(g: Graph, node: Any) -> str:
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


def _value_condition(g: Graph, qshape: Any) -> str:
    """A FILTER expression on ?v for a qualified value shape's constraints."""
    conds = []
    for p, o in g.predicate_objects(qshape):
        if p == SH.languageIn:
            langs = [str(x) for x in Collection(g, o)]
            conds.append("isLiteral(?v) && (" + " || ".join(f"langMatches(lang(?v), {json.dumps(x)})" for x in langs) + ")")
        elif p == SH.minLength:
            conds.append(f"(!isBlank(?v) && STRLEN(STR(?v)) >= {int(o)})")
        elif p == RDF.type:
            continue
        else:
            raise UnsupportedShape(f"qualified value shape uses {p}, which is not translated")
    return " && ".join(conds) or "true"


def _without(path: str, path_node: Any, condition: str) -> str:
    """"?this has no value on ``path`` (meeting ``condition``)", written the way that stays linear.

    For a predicate or its inverse, FILTER NOT EXISTS anchored on ?this is one index lookup per
    focus node (measured 3× faster than MINUS, which first scans every value of the path). For a
    longer path Oxigraph may evaluate the inner pattern from its free end, once per focus node,
    which is quadratic (34 s instead of 0.1 s for a chain's units), so MINUS, evaluated once.
    """
    # a predicate, its inverse, or alternatives of predicates: "(^<p>)", "(<p>|<q>)"
    simple = isinstance(path_node, URIRef) or bool(re.fullmatch(r"\(\^<[^<>]+>\)|\((<[^<>]+>\|)+<[^<>]+>\)", path))
    if simple:
        return f"FILTER NOT EXISTS {{ ?this {path} ?v . {condition} }}"
    return f"MINUS {{ ?this {path} ?v . {condition} }}"


def _core_queries(g: Graph, shape: URIRef, target: str) -> list[CompiledQuery]:
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
            n = int(o)
            if n == 1:
                text = f"SELECT ?this WHERE {{ {target} {_without(need_path('minCount'), path_node, '')} }}"
            else:
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('minCount')} ?v }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            out.append(CompiledQuery((s,), text))
        elif p == SH.maxCount and int(o) == 1:  # two different values: a self-join, cheaper than grouping all
            text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v . "
                    f"?this {need_path('maxCount')} ?w . FILTER (?v != ?w) }}")
            out.append(CompiledQuery((s,), text))
        elif p == SH.maxCount:
            text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('maxCount')} ?v }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(o)})")
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
            if lo is not None and hi is not None and int(lo) == int(hi) == 1:
                # exactly one (a post's one Chinese name): one grouping evaluates the condition once
                # per value, where the self-join of "at most one" evaluated it for every pair
                # (0.25 s -> 0.13 s for 31,690 posts)
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) != 1)")
                out.append(CompiledQuery((s,), text))
                continue
            if lo is not None and int(lo) == 1:
                text = f"SELECT ?this WHERE {{ {target} {_without(need_path('qualified'), path_node, f'FILTER ({cond})')} }}"
                out.append(CompiledQuery((s,), text))
            elif lo is not None:
                text = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {need_path('qualified')} ?v . FILTER ({cond}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(lo)})")
                out.append(CompiledQuery((s,), text))
            if hi is not None and int(hi) == 1:
                cond_w = cond.replace("?v", "?w")
                text = (f"SELECT DISTINCT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) "
                        f"?this {need_path('qualified')} ?w . FILTER (?v != ?w && {cond_w}) }}")
                out.append(CompiledQuery((s,), text))
            elif hi is not None:
                text = (f"SELECT ?this WHERE {{ {target} ?this {need_path('qualified')} ?v . FILTER ({cond}) }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(hi)})")
                out.append(CompiledQuery((s,), text))
        elif p == SH.sparql:
            select = str(g.value(o, SH.select))
            body = _split_prologue(select).replace("$this", "?this")
            if path is not None:
                body = body.replace("$PATH", path)
            text = f"{_prefixes(g, o)}\nSELECT DISTINCT * WHERE {{ {target} {{ {body} }} }}"
            out.append(CompiledQuery((s,), text, value_is_focus=path is None))
        elif p in _NOT_CONSTRAINTS or p in _PARAMETER_PREDICATES:
            continue
        elif str(p).startswith(str(SH)):
            raise UnsupportedShape(f"{shape}: {p} is not translated")
    return out


_NOT_CONSTRAINTS = {
    RDF.type, RDFS.label, RDFS.comment, SH.path, SH.targetClass, SH.severity, SH.message, SH.name, SH.description,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.order, SH.group, SH.deactivated, RKGSH.findingKind,
}
_PARAMETER_PREDICATES: set[Any] = set()


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
    functions, and no shape reports team functions outside one supervision line (25,651 rows,
    4,379 kept at 1M triples).
    """
    combos = sorted({tuple(sorted(params.items())) for params in dispatch.values()})
    alts = [" && ".join(_true(k) if v else f"!{_true(k)}" for k, v in combo) or "true" for combo in combos]
    keep = " || ".join(f"({a})" for a in alts)
    return f"{prologue}\nSELECT * WHERE {{\n{{\n{select.strip()}\n}}\nFILTER ({keep})\n}}\n"


def compile_rules(shapes: Graph) -> list[CompiledQuery]:
    """Every rule shape (``rkgsh:findingKind``) as whole-graph queries; raise on what cannot be."""
    comps = _components(shapes)
    for params, _prologue, _select in comps.values():
        _PARAMETER_PREDICATES.update(params)
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
            q.dispatch[str(shape)] = {str(p).rsplit("#", 1)[-1]: str(shapes.value(shape, p)).lower() in _BOOL_TRUE for p in params}
        core = _core_queries(shapes, shape, target)
        if not core and not used:
            raise UnsupportedShape(f"{shape}: no constraint translated")
        queries += core
    for q, prologue in shared.values():
        q.text = _dispatched(prologue, q.text, q.dispatch)
    return queries


@cache
def compiled_rules() -> tuple[CompiledQuery, ...]:
    """The bundled shapes, compiled once per process."""
    from .validate import load_shapes

    return tuple(compile_rules(load_shapes()))


# ---------------------------------------------------------------------------------------------
# Where the queries run
# ---------------------------------------------------------------------------------------------


Row = dict[str, str | None]


@dataclass(frozen=True)
class Table:
    """A SELECT answer as the variables and one list of values per row (IRIs and lexical forms,
    None when unbound). The report's queries answer tens of thousands of rows; reading them by
    column index costs a third of building a dict per row."""

    names: list[str]
    rows: list[list[str | None]]

    def column(self, name: str) -> int:
        """The index of variable ``name`` (ValueError when the query does not select it)."""
        return self.names.index(name)

    def dicts(self) -> Iterator[Row]:
        """Each row as a dict of variable to value."""
        names = self.names
        for row in self.rows:
            yield dict(zip(names, row, strict=True))


class Source(Protocol):
    """Something that answers a SPARQL SELECT with rows of IRIs/lexical forms (None when unbound).

    An answer comes in two steps so that the query threads of :func:`iter_parallel` only wait on
    the store: :meth:`fetch` (on a query thread) gets the answer as the store gives it, :meth:`table`
    (on the caller's thread) reads it.
    """

    def select(self, text: str) -> Iterator[Row]:
        """``table(fetch(text)).dicts()``."""
        ...

    def fetch(self, text: str) -> Any:
        """The answer to ``text`` as the store returns it."""
        ...

    def table(self, fetched: Any) -> Table:
        """A fetched answer, read."""
        ...


class OxigraphSource:
    """A pyoxigraph store in this process."""

    def __init__(self, store: ox.Store, default_graph: str | None = None) -> None:
        self.store = store
        self.default_graph = default_graph

    def select(self, text: str) -> Iterator[Row]:
        return self.table(self.fetch(text)).dicts()

    def fetch(self, text: str) -> bytes:
        """The answer as SPARQL TSV, evaluated and written in Rust without the GIL. Iterating the
        solutions instead takes the GIL once per row, and while another thread runs Python (naming
        findings) each row then waits for the interpreter's switch interval (a 0.4 s query took
        minutes, bench/RESULTS.md "scale")."""
        if self.default_graph is None:
            res = self.store.query(text, use_default_graph_as_union=True)
        else:
            res = self.store.query(text, default_graph=ox.NamedNode(self.default_graph))
        return res.serialize(format=ox.QueryResultsFormat.TSV)  # type: ignore[union-attr, no-any-return]

    def table(self, fetched: bytes) -> Table:
        return Table(*read_tsv_values(fetched))


class EndpointSource:
    """A SPARQL 1.1 endpoint (the store the data already lives in), through :mod:`retailkg.engine`."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def select(self, text: str) -> Iterator[Row]:
        return self.table(self.fetch(text)).dicts()

    def fetch(self, text: str) -> Any:
        return self.engine.query(text, source="validate")

    def table(self, fetched: Any) -> Table:
        return Table([str(v) for v in fetched.vars],
                     [[None if t is None else str(t) for t in row] for row in fetched.rows])


def run_rules(source: Source, queries: Sequence[CompiledQuery] | None = None,
              on_query: Any = None) -> list[RuleResult]:
    """Run every compiled query over ``source`` and return the SHACL results, sorted.

    Overlap pairs come back in one orientation; both posts of a pair are focus nodes, so each
    pair gives a result for each end (the component's pySHACL form reports both).
    """
    out: set[RuleResult] = set()
    for q in queries if queries is not None else compiled_rules():
        out.update(_query_results(source, q))
        if on_query is not None:
            on_query(q)
    return sort_results(out)


def sort_results(results: Iterable[RuleResult]) -> list[RuleResult]:
    """Results in one stable order (shape, focus, value, other), whatever order the queries answered in."""
    return sorted(results, key=lambda r: (r.shape, r.focus, r.value or "", r.other or ""))


def _query_results(source: Source, q: CompiledQuery) -> list[RuleResult]:
    """The results of one compiled query."""
    return _results_of(q, source.table(source.fetch(q.text)))


def _results_of(q: CompiledQuery, table: Table) -> list[RuleResult]:
    """The results in the rows of a compiled query."""
    names = table.names

    def col(name: str) -> int | None:
        return names.index(name) if name in names else None

    i_this, i_value, i_other = col("this"), col("value"), col("other")
    params = {k: col(k) for shape_params in q.dispatch.values() for k in shape_params}
    out: list[RuleResult] = []
    for row in table.rows:
        this = row[i_this] if i_this is not None else None
        if this is None:
            continue
        value = row[i_value] if i_value is not None else None
        if q.pairs:
            other = row[i_other] if i_other is not None else None
            truth = {k: _truthy(row[i] if i is not None else None) for k, i in params.items()}
            for shape, shape_params in q.dispatch.items():
                if all(truth[k] == v for k, v in shape_params.items()):
                    out.append(RuleResult(shape, this, value, other))
                    if other is not None:
                        out.append(RuleResult(shape, other, value, this))
            continue
        if value is None and q.value_is_focus:
            value = this
        out.append(RuleResult(q.shapes[0], this, value))
    return out


def _truthy(v: str | None) -> bool:
    return v is not None and v.lower() in _BOOL_TRUE


def result_keys(results: Iterable[RuleResult]) -> set[tuple[str, str, str | None]]:
    """(shape, focus, value) of each result: what pySHACL would report."""
    return {r.key for r in results}


def run_rules_parallel(source: Source, queries: Sequence[CompiledQuery] | None = None,
                       *, workers: int | None = None) -> list[RuleResult]:
    """:func:`run_rules` on several threads sharing one source (:func:`iter_parallel`): the same results."""
    return sort_results({r for answer in iter_parallel(source, queries, (), workers=workers) for r in answer.results})


@dataclass(frozen=True)
class Answer:
    """One answered query of :func:`iter_parallel`: a rule query and its results, or a select and its table."""

    query: CompiledQuery | None
    results: list[RuleResult] = field(default_factory=list)
    select: str = ""
    table: Table = field(default_factory=lambda: Table([], []))


def iter_parallel(source: Source, queries: Sequence[CompiledQuery] | None, selects: Sequence[str],
                  *, workers: int | None = None) -> Iterator[Answer]:
    """Answer the rule queries and ``selects`` (the queries the report is named and summarised
    from) on several threads sharing one source, yielding each as it is answered, so the caller
    can work on the first answers while the threads compute the rest.

    pyoxigraph releases the GIL while it evaluates a query, so two threads over one in-memory
    store use two cores (at a million triples: 3.3 s of queries in 1.65 s, bench/RESULTS.md, "scale")
    without the second copy of the store a process would need; an endpoint answers the
    threads' requests concurrently. The queries are handed out roughly costliest first, so
    that no thread is left with a long query at the end: the pair queries, the selects, then the
    single-shape rules. The threads only fetch (Source.fetch); answers are read (Source.table) in the
    caller's thread, which has time to spare between namings, so the threads go straight on to
    the next query instead of holding the GIL for the reading.
    """
    import os
    from concurrent.futures import Future, ThreadPoolExecutor, as_completed

    qs = list(queries if queries is not None else compiled_rules())
    ordered: list[CompiledQuery | str] = [q for q in qs if q.pairs] + list(selects) + [q for q in qs if not q.pairs]
    n = workers if workers is not None else min(2, os.cpu_count() or 1)

    def fetch(item: CompiledQuery | str) -> tuple[CompiledQuery | str, Any]:  # on a query thread
        return item, source.fetch(item if isinstance(item, str) else item.text)

    def answer(item: CompiledQuery | str, fetched: Any) -> Answer:  # on the caller's thread
        if isinstance(item, str):
            return Answer(None, select=item, table=source.table(fetched))
        return Answer(item, _results_of(item, source.table(fetched)))

    if n < 2 or len(ordered) < 2:
        for item in ordered:
            yield answer(*fetch(item))
        return
    pool = ThreadPoolExecutor(n, thread_name_prefix="retailkg-rules")
    try:
        futures: list[Future[tuple[CompiledQuery | str, Any]]] = [pool.submit(fetch, item) for item in ordered]
        for fut in as_completed(futures):
            yield answer(*fut.result())
    finally:  # also when the caller stops early or fails: nothing left running
        pool.shutdown(wait=True, cancel_futures=True)
