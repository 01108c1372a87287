"""Queries in processes that can be killed (retailkg.query.isolate): the same answers as in-process, and a
query stuck in a step that yields nothing until done (ORDER BY over a cross product) is stopped for real."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import pytest

from retailkg.query.isolate import Request, Zygote, answer, available

pytestmark = pytest.mark.skipif(not available(), reason="needs fork and descriptor passing (POSIX)")

EX = "http://example.org/"


def _store(n: int) -> ox.Store:
    store = ox.Store()
    g = ox.NamedNode(EX + "g")
    store.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#positiveInteger")), g) for i in range(1, n + 1))
    return store


@pytest.fixture
def zygote() -> Iterator[Zygote]:
    z = Zygote(_store(300))
    try:
        yield z
    finally:
        z.close()


def _in_process(store: ox.Store, request: Request) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    answer(store, request, out.append)
    return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purpose: it holds no CPU and no memory
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def _flatten(messages: list[tuple[str, Any]]) -> tuple[Any, list[Any], str]:
    head = messages[0]
    rows = [r for kind, batch in messages if kind == "rows" for r in batch]
    return head, rows, messages[-1][0]


@pytest.mark.parametrize("text", [
    "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s",
    "ASK { ?s <http://example.org/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#positiveInteger> }",
    "CONSTRUCT { ?s <http://example.org/q> ?o } WHERE { ?s <http://example.org/p> ?o }",
])
def test_a_child_answers_exactly_what_the_store_answers_in_process(zygote: Zygote, text: str) -> None:
    request = Request(text)
    child = zygote.start(request)
    got = list(child.messages(time.monotonic() + 30))
    child.kill()
    want = _in_process(_store(300), request)
    assert _flatten(got)[0] == _flatten(want)[0]
    assert sorted(map(str, _flatten(got)[1])) == sorted(map(str, _flatten(want)[1]))
    assert _flatten(got)[2] == _flatten(want)[2]
    assert len(_flatten(got)[1]) == (0 if text.startswith("ASK") else 300)


def test_the_row_cap_and_the_dataset_are_the_child_s(zygote: Zygote) -> None:
    child = zygote.start(Request("SELECT ?s WHERE { ?s ?p ?o }", cap=10))
    _, rows, end = _flatten(list(child.messages(time.monotonic() + 30)))
    assert len(rows) == 10 and end == "end"
    child = zygote.start(Request("SELECT ?s WHERE { ?s ?p ?o }", default_graphs=(EX + "other",)))
    _, rows, _ = _flatten(list(child.messages(time.monotonic() + 30)))
    assert rows == []  # the default graph named is empty: not the union


def test_syntax_and_evaluation_errors_are_messages_not_exceptions(zygote: Zygote) -> None:
    [(kind, text)] = list(zygote.start(Request("SELEC * WHERE {}")).messages(time.monotonic() + 30))
    assert kind == "syntax" and text


def test_a_query_stuck_in_a_blocking_step_is_killed_at_the_deadline(zygote: Zygote) -> None:
    # 300^3 = 27 million solutions sorted before the first comes out: far longer than the deadline
    slow = Request("SELECT * WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY ?x ?y ?z")
    child = zygote.start(slow)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        list(child.messages(started + 1.0))
    assert _alive(child.pid)  # still evaluating: a thread could not have stopped it here
    child.kill()
    gone = time.monotonic() + 5
    while _alive(child.pid) and time.monotonic() < gone:
        time.sleep(0.05)
    assert not _alive(child.pid), "the child still runs after kill()"
    # the zygote keeps serving
    assert _flatten(list(zygote.start(Request("ASK {}")).messages(time.monotonic() + 30)))[0] == ("ask", True)
