"""The crossing and blank queries answer what a count over the triples says they should.

functions-shared, functions-single-owner and function-coverage-matrix are written for scale (a
group count joined back to the posts, joins distributed into each branch of a UNION: at 100k
triples 11 s, 1.7 s and 47 s became 0.2 s, 0.05 s and 0.4 s, bench/RESULTS.md "scale"). Their
answers are checked here against the same definitions computed in Python from the store's
triples, on the built knowledge graph (every document) and on a synthetic chain (stores that
replicate posts: the case the old self-joins were quadratic on).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from scripts import load_script

from retailkg.kg.catalog import document
from retailkg.query.catalogue import get_query
from retailkg.query.engines import OxigraphEngine

RKG = "https://w3id.org/retailkg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
Row = tuple[str, ...]


class Facts:
    """The triples the three queries read, as Python sets and maps (the union of all graphs)."""

    def __init__(self, store: ox.Store) -> None:
        def pairs(p: str) -> set[tuple[str, str]]:
            return {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(p), None)}

        def zh(p: str) -> dict[str, set[str]]:
            out: dict[str, set[str]] = defaultdict(set)
            for q in store.quads_for_pattern(None, ox.NamedNode(p), None):
                if isinstance(q.object, ox.Literal) and q.object.language == "zh":
                    out[q.subject.value].add(q.object.value)
            return out

        self.lead = pairs(RKG + "addressesFunction")
        self.support = pairs(RKG + "supportsFunction")
        self.duty_of = pairs(RKG + "dutyOf")
        self.org = pairs(RKG + "inOrganisation")
        self.doc = pairs(RKG + "sourceDocument")
        self.broader = pairs(SKOS + "broader")
        self.notation = pairs(SKOS + "notation")
        self.name = zh(LABEL)
        self.function_name = zh(SKOS + "prefLabel")
        types = pairs(RDF_TYPE)
        self.functions = {s for s, o in types if o == RKG + "Function"}
        self.team = {s for s, o in types if o == RKG + "TeamFunction"}

    def post_functions(self, role: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        """(post, function) -> its duties that say it."""
        posts_of: dict[str, set[str]] = defaultdict(set)
        for d, p in self.duty_of:
            posts_of[d].add(p)
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for d, fn in role:
            for p in posts_of[d]:
                out[(p, fn)].add(d)
        return out


def _rows(engine: OxigraphEngine, name: str, doc: str | None) -> set[Row]:
    q = get_query(name)
    table = engine.query(q.text, q.bindings({"doc": doc} if doc else {}))
    return {tuple("" if t is None else str(t) for t in row) for row in table.rows}


def _shared_or_single(f: Facts, doc: str | None, shared: bool) -> set[Row]:
    """functions-shared (two or more posts of an organisation lead the function; team functions
    left out) or functions-single-owner (exactly one post does)."""
    lead = f.post_functions(f.lead)
    posts: dict[tuple[str, str], set[str]] = defaultdict(set)  # (org, function) -> posts leading it
    for (p, fn) in lead:
        for p2, org in f.org:
            if p2 == p:
                posts[(org, fn)].add(p)
    out = set()
    for (org, fn), ps in posts.items():
        if (len(ps) > 1) != shared or (shared and fn in f.team):
            continue
        for p in ps:
            for p2, d in f.doc:
                if p2 != p or (doc and d != doc):
                    continue
                for name in f.name.get(p, ()):
                    for function in f.function_name.get(fn, ()):
                        n = str(len(lead[(p, fn)]))
                        out.add((d, org, fn, function, str(len(ps)), p, name, n) if shared else (d, org, fn, function, p, name, n))
    return out


def _matrix(f: Facts, doc: str) -> set[Row]:
    """function-coverage-matrix: each function with the posts of ``doc`` that lead or support it
    (number of duties each way), or once with no post."""
    lead, support = f.post_functions(f.lead), f.post_functions(f.support)
    posts_of_doc = {p for p, d in f.doc if d == doc and f.name.get(p)}
    out = set()
    for fn in f.functions:
        for area in {o for s, o in f.broader if s == fn}:
            for function in f.function_name.get(fn, ()):
                notation = next((o for s, o in f.notation if s == fn), "")
                touched = {p for p in posts_of_doc if (p, fn) in lead or (p, fn) in support}
                if not touched:
                    out.add((doc, area, fn, notation, function, "", "", "0", "0"))
                for p in touched:
                    for name in f.name[p]:
                        out.add((doc, area, fn, notation, function, p, name,
                                 str(len(lead.get((p, fn), ()))), str(len(support.get((p, fn), ())))))
    return out


@pytest.fixture(scope="module")
def kg_engine(kg: Path) -> OxigraphEngine:
    return OxigraphEngine(kg)


@pytest.fixture(scope="module")
def chain_engine(kg: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphEngine]:
    out = tmp_path_factory.mktemp("chain")
    load_script("bench/generate.py", "bench_generate").generate(5, out, seed=3, formats=["nt"])
    engine = OxigraphEngine(kg)
    engine.store.load(path=str(out / "chain.nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:chain"))
    yield engine


CHAIN_DOC = "https://w3id.org/retailkg/org/synth-chain/design"
DOC = str(document("ccagm-003-2021").iri)


def _engine(which: str, request: Any) -> OxigraphEngine:
    return request.getfixturevalue("kg_engine" if which == "kg" else "chain_engine")


@pytest.mark.parametrize(("which", "doc"), [("kg", None), ("kg", DOC), ("chain", CHAIN_DOC)])
@pytest.mark.parametrize("shared", [True, False], ids=["functions-shared", "functions-single-owner"])
def test_shared_and_single_owner_functions_are_counted_right(which: str, doc: str | None, shared: bool, request: Any) -> None:
    engine = _engine(which, request)
    expected = _shared_or_single(Facts(engine.store), doc, shared)
    assert expected, "the data has such functions"
    assert _rows(engine, "functions-shared" if shared else "functions-single-owner", doc) == expected


@pytest.mark.parametrize(("which", "doc"), [("kg", DOC), ("chain", CHAIN_DOC)])
def test_the_coverage_matrix_is_every_function_by_every_post(which: str, doc: str, request: Any) -> None:
    engine = _engine(which, request)
    expected = _matrix(Facts(engine.store), doc)
    assert any(row[5] == "" for row in expected) and any(row[5] for row in expected), "blanks and posts"
    assert _rows(engine, "function-coverage-matrix", doc) == expected
