"""Running the compiled rules on an engine, on two threads, and reading their answers as results.

:func:`iter_parallel` is what the pipeline runs: the rules and the report's own queries
(:data:`retailkg.validation.naming.FACT_QUERIES`) share the threads, so naming can start on the
first answers while the store computes the rest; the engines' ``fetch``/``table`` split keeps each
thread waiting on the store only (:class:`retailkg.query.engines.Engine`). :func:`run_rules` runs
the same queries one after the other and :func:`result_keys` reduces results to what pySHACL
reports: the equality tests compare the two engines with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from retailkg.ns import SH
from retailkg.query.engines import Engine
from retailkg.query.results import LexicalTable
from retailkg.query.stores import Store
from retailkg.validation.compile import BOOL_TRUE, CompiledQuery, RuleResult, compiled_rules

SPARQL_COMPONENT = str(SH.SPARQLConstraintComponent)

__all__ = ["Answer", "focus_sets", "iter_parallel", "joined_here", "pairs_joined_here", "result_keys", "rule_name", "run_rules",
           "sort_results", "text_for"]


def run_rules(source: Engine, queries: Sequence[CompiledQuery] | None = None) -> list[RuleResult]:
    """Run every compiled query over ``source`` and return the SHACL results, sorted.

    Overlap pairs come back in one orientation; both posts of a pair are focus nodes, so each
    pair gives a result for each end (the component's pySHACL form reports both).
    """
    out: set[RuleResult] = set()
    qs = list(queries if queries is not None else compiled_rules())
    focus = focus_sets(source, qs)
    for q in qs:
        out.update(_results_of(q, _table(source, _fetch(source, q)), focus.get(q.targets)))
    return sort_results(out)


def _fetch(source: Engine, q: CompiledQuery) -> Any:
    """The store's answer to ``q`` (read with :func:`_table`), or its pairs joined here where the store
    joins them badly: the waiting part, done on a query thread by :func:`iter_parallel`."""
    if joined_here(source, q):
        return _Joined(pairs_joined_here(source, q))
    return source.fetch(text_for(source, q), rule_name(q))


def _table(source: Engine, fetched: Any) -> LexicalTable:
    """What :func:`_fetch` got, as a table."""
    return fetched.table if isinstance(fetched, _Joined) else source.table(fetched)


def joined_here(source: Engine, q: CompiledQuery) -> bool:
    """Whether ``q``'s pairs are joined by the client (:func:`pairs_joined_here`) on ``source``: a
    store that joins two sub-selects by running one again for each row of the other (Virtuoso 7.2:
    :class:`retailkg.query.stores.Store`) takes minutes at 100k triples where each side takes a second."""
    store = getattr(source, "store", None)
    return bool(q.pairs and q.sides and isinstance(store, Store) and not store.joins_sides)


def pairs_joined_here(source: Engine, q: CompiledQuery) -> LexicalTable:
    """The rows of pair query ``q``, unfiltered, from its two sides joined here on (org, key, value),
    other != this, each parameter set from its test (``rkgsh:pairSides``): the whole-graph validator's
    rows, one each (tests/test_rules.py compares them)."""
    sides = q.sides
    if sides is None:
        raise ValueError(f"{rule_name(q)} has no sides to join")
    name = rule_name(q)
    focus = source.table(source.fetch(sides.focus, f"{name} (focus side)"))
    other = source.table(source.fetch(sides.other, f"{name} (other side)"))
    index: dict[tuple[str | None, ...], list[str]] = defaultdict(list)
    o_other, o_keys = other.column("other"), [other.column(v) for v in ("org", "key", "value")]
    for row in other.rows:
        if (other_end := row[o_other]) is not None:
            index[tuple(row[i] for i in o_keys)].append(other_end)
    tests: list[tuple[str, list[str], frozenset[tuple[str | None, ...]], bool]] = []
    for t in sides.tests:
        table = source.table(source.fetch(t.text, f"{name} ({t.parameter})"))
        names: list[str] = [n for n in ("this", "other", "value") if n in table.names]
        cols = [table.column(n) for n in names]
        tests.append((t.parameter, names, frozenset(tuple(r[i] for i in cols) for r in table.rows), t.either))
    f_this, f_keys = focus.column("this"), [focus.column(v) for v in ("org", "key", "value")]
    rows: set[tuple[str | None, ...]] = set()
    for row in focus.rows:
        if (this_end := row[f_this]) is None:
            continue
        key = tuple(row[i] for i in f_keys)
        for other_end in index.get(key, ()):
            if other_end != this_end:
                rows.add((this_end, other_end, key[2]))
    out: list[list[str | None]] = []
    for this, other_post, value in sorted(rows, key=repr):
        pair: dict[str, str | None] = {"this": this, "other": other_post, "value": value}
        flags: list[str | None] = []
        for _param, names, found, either in tests:
            hit = tuple(pair[n] for n in names) in found
            if not hit and either:
                swapped = {**pair, "this": other_post, "other": this}
                hit = tuple(swapped[n] for n in names) in found
            flags.append("true" if hit else "false")
        out.append([this, other_post, value, *flags])
    return LexicalTable(["this", "other", "value", *(t.parameter for t in sides.tests)], out)


def focus_sets(source: Engine, queries: Iterable[CompiledQuery]) -> dict[str, frozenset[str]]:
    """The focus nodes of the pair queries' shapes, by target query, one request per distinct target.

    A pair query finds the pairs of every node and the client keeps the ends that are focus nodes,
    rather than the store joining the targets into the pair query: so joined, Virtuoso 7.2 lost a
    third of the pairs once its database had seen other loads (docs/triple-stores.md).
    """
    out: dict[str, frozenset[str]] = {}
    for q in queries:
        if q.pairs and q.targets and q.targets not in out:
            table = source.table(source.fetch(q.targets, rule_name(q) + " (focus nodes)"))
            i = table.column("this")
            out[q.targets] = frozenset(v for row in table.rows if (v := row[i]) is not None)
    return out


def sort_results(results: Iterable[RuleResult]) -> list[RuleResult]:
    """Results in one stable order (shape, focus, value, other), whatever order the queries answered in."""
    return sorted(results, key=lambda r: (r.shape, r.focus, r.value or "", r.other or ""))


def text_for(source: Engine, q: CompiledQuery) -> str:
    """The text of ``q`` to send to ``source``: without the dispatch filter where the store cannot
    filter on the pair query's computed parameters (Virtuoso 7.2: :class:`retailkg.query.stores.Store`);
    :func:`_results_of` dispatches every row by them anyway."""
    store = getattr(source, "store", None)  # an endpoint's: what it said it is (a pyoxigraph Store in process)
    if q.pairs and q.unfiltered and isinstance(store, Store) and not store.filters_computed:
        return q.unfiltered
    return q.text


def rule_name(q: CompiledQuery) -> str:
    """What an error calls a compiled query: its shapes' local names."""
    return "rule " + ", ".join(s.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for s in q.shapes)


def _results_of(q: CompiledQuery, table: LexicalTable, focus: frozenset[str] | None = None) -> list[RuleResult]:
    """The results in the rows of a compiled query; for pairs, ``focus`` holds the shapes' focus nodes
    (:func:`focus_sets`; None: every node the pair query finds is one)."""
    names = table.names

    def col(name: str) -> int | None:
        return names.index(name) if name in names else None

    i_this, i_value, i_other, i_comp = col("this"), col("value"), col("other"), col("component")
    params = {k: col(k) for shape_params in q.dispatch.values() for k in shape_params}
    # a SPARQL constraint's solution, for the {?var} of its message (SHACL 5.3.2)
    shown = [(n, i) for i, n in enumerate(names) if not q.pairs and q.component == SPARQL_COMPONENT
             and n not in ("this", "value") and not n.startswith("target")]
    out: list[RuleResult] = []
    for row in table.rows:
        this = row[i_this] if i_this is not None else None
        if this is None:
            continue
        value = row[i_value] if i_value is not None else None
        if q.pairs:
            other = row[i_other] if i_other is not None else None
            truth = {k: _truthy(row[i] if i is not None else None) for k, i in params.items()}
            this_focus = focus is None or this in focus
            other_focus = focus is None or other in focus
            for shape, shape_params in q.dispatch.items():
                if all(truth[k] == v for k, v in shape_params.items()):
                    if this_focus:
                        out.append(RuleResult(shape, this, value, other, q.component))
                    if other_focus and other is not None:
                        out.append(RuleResult(shape, other, value, this, q.component))
            continue
        if value is None and q.value_is_focus:
            value = this
        component = row[i_comp] if i_comp is not None else q.component
        bindings = tuple((n, v) for n, i in shown if (v := row[i]) is not None)
        out.append(RuleResult(q.shapes[0], this, value, None, component, bindings))
    return out


def _truthy(v: str | None) -> bool:
    return v is not None and v.lower() in BOOL_TRUE


def result_keys(results: Iterable[RuleResult]) -> set[tuple[str, str, str | None]]:
    """(shape, focus, value) of each result: what pySHACL would report."""
    return {r.key for r in results}


@dataclass(frozen=True)
class _Joined:
    """A pair query's rows already joined by the client (a table, not a store's answer to read)."""

    table: LexicalTable


@dataclass(frozen=True)
class Answer:
    """One answered query of :func:`iter_parallel`: a rule query and its results, or a select and its table."""

    query: CompiledQuery | None
    results: list[RuleResult] = field(default_factory=list)
    select: str = ""
    table: LexicalTable = field(default_factory=lambda: LexicalTable([], []))


def iter_parallel(source: Engine, queries: Sequence[CompiledQuery] | None, selects: Sequence[str],
                  *, workers: int | None = None) -> Iterator[Answer]:
    """Answer the rule queries and ``selects`` (the queries the report is named and summarised
    from) on several threads sharing one source, yielding each as it is answered, so the caller
    can work on the first answers while the threads compute the rest.

    pyoxigraph releases the GIL while it evaluates a query, so two threads over one in-memory
    store use two cores without the second copy of the store a process would need; an endpoint answers the
    threads' requests concurrently. The queries are handed out roughly costliest first, so
    that no thread is left with a long query at the end: the pair queries, the selects, then the
    single-shape rules. The threads only fetch (Engine.fetch); answers are read (Engine.table) in the
    caller's thread, which has time to spare between namings, so the threads go straight on to
    the next query instead of holding the GIL for the reading.
    """
    import os
    from concurrent.futures import Future, ThreadPoolExecutor, as_completed

    qs = list(queries if queries is not None else compiled_rules())
    focus = focus_sets(source, qs)  # one small query per distinct target, before the threads start
    ordered: list[CompiledQuery | str] = [q for q in qs if q.pairs] + list(selects) + [q for q in qs if not q.pairs]
    n = workers if workers is not None else min(2, os.cpu_count() or 1)

    def fetch(item: CompiledQuery | str) -> tuple[CompiledQuery | str, Any]:  # on a query thread
        if isinstance(item, str):
            return item, source.fetch(item)
        return item, _fetch(source, item)

    def answer(item: CompiledQuery | str, fetched: Any) -> Answer:  # on the caller's thread
        if isinstance(item, str):
            return Answer(None, select=item, table=source.table(fetched))
        return Answer(item, _results_of(item, _table(source, fetched), focus.get(item.targets)))

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
