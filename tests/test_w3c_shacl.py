"""The W3C SHACL test suite (core and SHACL-SPARQL, tests/w3c-shacl/) on the path a user's shapes take.

Each test's shapes go through :func:`retailkg.validation.shacl.validate_graph`, which checks them as
``retailkg validate --shapes`` does and splits them between the compiler and the complete engine.
A test passes when the report equals the manifest's: conforms, and the set of results compared on
focus node, path, value, severity, source shape and constraint component (blank nodes by their
content). A test whose expected outcome is a failure passes when the shapes are refused with an
InputError. The only other outcome allowed is a refusal with an InputError (counted, and listed in
docs/validation.md); a different answer fails.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, Namespace
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.errors import InputError
from retailkg.validation.compile import plan_rules
from retailkg.validation.complete import as_written
from retailkg.validation.shacl import validate_graph

ROOT = Path(__file__).parent / "w3c-shacl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# Tests the path refuses, with the reason it gives (anything else refused fails the test).
REFUSED = {
    # SHACL allows any IRI as a severity; a report's findings have three (and --fail-on, profiles
    # level them), so a shapes file naming another is refused as a user's mistake
    "core/misc/severity-002": "unknown severity",
    # optional in SHACL, and pySHACL does not implement it
    "sparql/pre-binding/shapesGraph-001": "$shapesGraph",
    # the shapes import DASH from the web: nothing is fetched
    "sparql/component/validator-001": "owl:imports",
    # a path node that is both a list and an inverse path: shacl-shacl says it is no path
    "core/path/path-strange-002": "not a well-formed SHACL shape",
}


@dataclass(frozen=True)
class Case:
    name: str
    data: Path
    shapes: Path
    failure: bool
    conforms: bool | None
    expected: frozenset[tuple[str | None, ...]]


def parse(p: Path) -> Graph:
    """A test file with its literals as written (SHACL compares terms; rdflib would rewrite "1"^^xsd:boolean)."""
    g = Graph()
    with as_written():
        g.parse(p, format="turtle", publicID=p.resolve().as_uri())
    return g


def node_key(g: Graph, n: Node | None, depth: int = 0) -> str | None:
    """A term as text; a blank node by its content (lists as lists), so two graphs compare."""
    if n is None:
        return None
    if not isinstance(n, BNode):
        return n.n3()
    if depth > 6:
        return "[…]"
    if (n, RDF.first, None) in g:
        return "(" + " ".join(str(node_key(g, x, depth + 1)) for x in Collection(g, n)) + ")"
    return "[" + ";".join(sorted(f"{p.n3()} {node_key(g, o, depth + 1)}" for p, o in g.predicate_objects(n))) + "]"


def expected_results(g: Graph, report: Node, data: Graph, shapes: Graph) -> frozenset[tuple[str | None, ...]]:
    out = set()
    for r in g.objects(report, SH.result):
        def k(p: Node, where: Graph, r: Node = r) -> str | None:
            v = g.value(r, p)
            return node_key(where if isinstance(v, BNode) and (v, None, None) in where else g, v)

        out.add((k(SH.focusNode, data), k(SH.resultPath, shapes), k(SH.value, data), k(SH.resultSeverity, g),
                 k(SH.sourceShape, shapes), k(SH.sourceConstraintComponent, g)))
    return frozenset(out)


def cases(manifest: Path) -> list[Case]:
    out = []
    g = parse(manifest)
    for inc in g.objects(None, MF.include):
        out += cases(Path(str(inc).removeprefix("file://")))
    for entries in g.objects(None, MF.entries):
        for e in Collection(g, entries):
            action = g.value(e, MF.action)
            data = Path(str(g.value(action, SHT.dataGraph)).removeprefix("file://"))
            shapes = Path(str(g.value(action, SHT.shapesGraph)).removeprefix("file://"))
            result = g.value(e, MF.result)
            name = str(e).rsplit("/w3c-shacl/", 1)[-1]
            if result == SHT.Failure:
                out.append(Case(name, data, shapes, True, None, frozenset()))
                continue
            conforms = g.value(result, SH.conforms)
            dg = parse(data) if data != manifest else g
            sg = parse(shapes) if shapes != manifest else g
            out.append(Case(name, data, shapes, False, bool(conforms.toPython()) if conforms is not None else None,
                            expected_results(g, result, dg, sg)))
    return out


CASES = cases(ROOT / "manifest.ttl")


def run(case: Case) -> str:
    """'pass', 'refused: <message>', or an AssertionError for a different answer."""
    data, shapes = parse(case.data), parse(case.shapes)
    try:
        conforms, results = validate_graph(data, shapes, where=case.name)
    except InputError as e:
        return "pass" if case.failure else f"refused: {e}"
    assert not case.failure, f"{case.name}: the shapes should have been refused, got a report"
    got = frozenset((node_key(data, r.focus), node_key(shapes, r.path), node_key(data, r.value), node_key(shapes, r.severity),
                     node_key(shapes, r.shape), node_key(shapes, r.component)) for r in results)
    assert conforms == case.conforms, f"{case.name}: conforms {conforms}, expected {case.conforms}"
    missing, extra = sorted(map(str, case.expected - got)), sorted(map(str, got - case.expected))
    assert got == case.expected, f"{case.name}: missing {missing}, extra {extra}"
    return "pass"


def test_the_suite_is_complete() -> None:
    """Every test of the manifests is found: 98 core and 22 SHACL-SPARQL tests."""
    kinds = Counter(c.name.split("/")[0] for c in CASES)
    assert kinds == {"core": 98, "sparql": 22}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_w3c_shacl(case: Case) -> None:
    outcome = run(case)
    if case.name in REFUSED:
        assert outcome.startswith("refused") and REFUSED[case.name] in outcome, outcome
    else:
        assert outcome == "pass", outcome


def test_the_compiler_takes_some_tests_and_they_pass() -> None:
    """The compiled path is exercised by the suite, not only the complete engine."""
    compiled = []
    for case in CASES:
        if case.failure:
            continue
        shapes = parse(case.shapes)
        try:
            plan = plan_rules(shapes, trusted=Graph())
        except InputError:
            continue
        if plan.queries:
            compiled.append(case.name)
    assert len(compiled) >= 3, compiled
