"""The whole-graph rules (retailkg.validation.compile) find exactly what pySHACL finds with the same shapes.

The shapes are the source of truth; the compiled queries are an execution strategy. So every
comparison here is against pySHACL's own report on the same data graph, (shape, focus, value) by
(shape, focus, value): every shape example, the bundled documents and the example designs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from retailkg.design.matching import matcher_for
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.errors import InputError
from retailkg.kg.catalog import document
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG, SH
from retailkg.query.engines import OxigraphEngine
from retailkg.query.results import LexicalTable
from retailkg.resources import shapes_dir
from retailkg.validation.compile import RuleResult, UnsupportedShape, compile_rules
from retailkg.validation.facts import add_function_types, kb_facts, subjects_of, with_reporting_chain
from retailkg.validation.reference import rule_data, run_shacl
from retailkg.validation.run import result_keys, run_rules
from retailkg.validation.shapes import load_shapes, rules

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = sorted(shapes_dir().glob("examples/*/*/*.ttl"))
DESIGNS = ["ecom-ops-centre.yaml", "taobao-ops.yaml", "acme-department-store.xlsx"]


def pyshacl_keys(data: Graph) -> set[tuple[str, str, str | None]]:
    _conforms, report = run_shacl(data)
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        v = report.value(r, SH.value)
        out.add((str(report.value(r, SH.sourceShape)), str(report.value(r, SH.focusNode)), None if v is None else str(v)))
    return out


def rules_keys(data: Graph) -> set[tuple[str, str, str | None]]:
    store = ox.Store()
    store.load(data.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return result_keys(run_rules(OxigraphEngine(store=store)))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: "/".join(p.parts[-3:]))
def test_rules_equal_pyshacl_on_every_shape_example(path: Path) -> None:
    data = Graph().parse(path)
    add_function_types(data, knowledge_base())
    with_reporting_chain(data)  # as validate derives them for a design's RDF
    expected = pyshacl_keys(data)
    assert rules_keys(data) == expected
    if path.parts[-2] == "invalid":  # the comparison is not vacuous: the invalid ones do fire
        assert expected


def test_rules_equal_pyshacl_on_the_bundled_documents() -> None:
    kb = knowledge_base()
    g = kb.graph
    orgs = sorted({o for t in (RKG.Organisation, RKG.ReferenceOrganisation) for o in subjects_of(g, RDF.type, t)}, key=str)
    std = document("T/CCAGM 003-2021")
    data = rule_data(g, None, {o: std for o in orgs if (o, RDF.type, RKG.ReferenceOrganisation) not in g}, orgs)
    expected = pyshacl_keys(data)
    assert len(expected) > 100
    assert rules_keys(data) == expected


@pytest.mark.parametrize("name", DESIGNS)
def test_rules_equal_pyshacl_on_the_example_designs(name: str) -> None:
    kb = knowledge_base()
    r = resolve(read_design(REPO / "examples" / name), kb, matcher_for(kb))
    context = Graph().parse(data=r.ntriples() + kb_facts(kb, r.baseline.id).decode("utf-8"), format="nt")
    data = rule_data(context, None, {r.organisation: r.baseline}, [r.organisation])
    expected = pyshacl_keys(data)
    assert expected
    assert rules_keys(data) == expected


def test_every_rule_shape_is_compiled() -> None:
    compiled = {s for q in compile_rules(load_shapes()) for s in q.shapes}
    assert compiled == {str(r.iri) for r in rules()}


def test_overlap_shapes_share_one_query_per_path() -> None:
    pair_queries = [q for q in compile_rules(load_shapes()) if q.pairs]
    assert len(pair_queries) == 2  # functions led, metrics accountable
    assert sum(len(q.shapes) for q in pair_queries) == 5


def test_an_overlap_shape_with_narrower_targets_reports_its_focus_nodes_only_as_pyshacl_does() -> None:
    """The pair query finds the pairs of every post and keeps the ends that are focus nodes: here the
    store manager of one store, whose overlap with head office is found from head office's end (its
    key, the organisation, holds the store). Joining the targets into the pair query lost it."""
    data = Graph().parse(shapes_dir() / "examples/OverlapLeadFunction/invalid/head-office-and-store.ttl")
    add_function_types(data, knowledge_base())
    with_reporting_chain(data)
    shapes = Graph()
    for t in load_shapes():
        shapes.add(t)
    shapes.parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rkg: <https://w3id.org/retailkg/ontology#> .
        @prefix rkgsh: <https://w3id.org/retailkg/shapes#> .
        <https://example.org/shapes/StoreOneOverlap> a sh:PropertyShape ;
            sh:targetNode <https://example.org/acme/m1> ;
            sh:path ( [ sh:inversePath rkg:dutyOf ] rkg:addressesFunction ) ;
            rkgsh:supervisionLine false ; rkgsh:teamFunctions false ; sh:severity sh:Violation .""")
    mine = "https://example.org/shapes/StoreOneOverlap"
    _conforms, report = run_shacl(data, shapes)
    expected = {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.value)))
                for r in report.subjects(RDF.type, SH.ValidationResult) if str(report.value(r, SH.sourceShape)) == mine}
    assert expected == {("https://example.org/acme/m1", "https://w3id.org/retailkg/function/promotion-planning")}
    store = ox.Store()
    store.load(data.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    found = {(r.focus, r.value) for r in run_rules(OxigraphEngine(store=store), compile_rules(shapes)) if r.shape == mine}
    assert found == expected


def _pair_rows(table: LexicalTable) -> list[tuple[str | None, ...]]:
    """A pair query's rows, each once, sorted, its parameters as the rules read them."""
    flags = {i for i, n in enumerate(table.names) if n in ("supervisionLine", "teamFunctions")}
    order = sorted(range(len(table.names)), key=lambda i: table.names[i])
    return sorted({tuple(("true" if (row[i] or "").lower() in ("true", "1") else "false") if i in flags else row[i]
                         for i in order) for row in table.rows}, key=repr)


def _pair_case(case: str, tmp_path: Path) -> ox.Store:
    kb = knowledge_base()
    from retailkg.validation.pipeline import design_store

    if case.endswith((".yaml", ".xlsx")):
        return design_store(resolve(read_design(REPO / "examples" / case), kb, matcher_for(kb)), kb)
    if case == "chain":
        from scripts import load_script

        load_script("bench/generate.py", "bench_generate").generate(9, tmp_path, seed=11)
        return design_store(resolve(read_design(tmp_path / "chain.yaml"), kb, matcher_for(kb)), kb)
    if case == "documents":
        orgs = sorted({o for t in (RKG.Organisation, RKG.ReferenceOrganisation) for o in subjects_of(kb.graph, RDF.type, t)}, key=str)
        std = document("T/CCAGM 003-2021")
        data = rule_data(kb.graph, None, {o: std for o in orgs if (o, RDF.type, RKG.ReferenceOrganisation) not in kb.graph}, orgs)
    else:  # every overlap shape example in one graph
        data = Graph()
        for path in EXAMPLE_FILES:
            if path.parts[-3].startswith("Overlap"):
                data.parse(path)
        add_function_types(data, kb)
        with_reporting_chain(data)
    store = ox.Store()
    store.load(data.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


@pytest.mark.parametrize("case", [*DESIGNS, "documents", "shape examples", "chain"])
def test_pairs_joined_by_the_client_are_the_whole_graph_validators_rows(case: str, tmp_path: Path) -> None:
    """rkgsh:pairSides, joined here, gives the rows the whole-graph validator gives in the store: the
    client join a store like Virtuoso 7.2 needs is the same rule, not a second one."""
    from retailkg.validation.run import pairs_joined_here

    source = OxigraphEngine(store=_pair_case(case, tmp_path))
    pair_queries = [q for q in compile_rules(load_shapes()) if q.pairs]
    assert pair_queries and all(q.sides for q in pair_queries)
    compared = 0
    for q in pair_queries:
        expected = _pair_rows(source.table(source.fetch(q.unfiltered)))
        assert _pair_rows(pairs_joined_here(source, q)) == expected, q.shapes
        compared += len(expected)
    assert compared > 0, "the case has overlap pairs to compare"


def test_an_untranslatable_constraint_is_refused() -> None:
    shapes = Graph()
    for t in load_shapes():
        shapes.add(t)
    shapes.add((URIRef("https://w3id.org/retailkg/shapes#PostLabel"), SH.pattern, Literal("^x")))
    with pytest.raises(UnsupportedShape, match="pattern"):
        compile_rules(shapes)


def _acme_store() -> ox.Store:
    kb = knowledge_base()
    from retailkg.validation.pipeline import design_store

    return design_store(resolve(read_design(REPO / "examples" / "acme-department-store.xlsx"), kb, matcher_for(kb)), kb)


def _run_on_threads(source: Any, workers: int) -> list[RuleResult]:
    """The rules' results as the pipeline gets them (iter_parallel), in one order."""
    from retailkg.validation.run import iter_parallel, sort_results

    return sort_results({r for answer in iter_parallel(source, None, (), workers=workers) for r in answer.results})


def test_two_threads_find_what_one_finds() -> None:
    """Running the queries on two threads over one store changes how fast the rules run, not what they find."""
    source = OxigraphEngine(store=_acme_store())
    one = _run_on_threads(source, workers=1)
    two = _run_on_threads(source, workers=2)
    assert one and any(r.other for r in two), "the example has overlap pairs"
    assert two == one
    assert two == run_rules(source)


class _FailingSource:
    """Answers like the store, except that the pair queries fail (as a timed-out endpoint would)."""

    def __init__(self, source: OxigraphEngine) -> None:
        self.source = source

    def select(self, text: str) -> Iterator[dict[str, str | None]]:
        return self.table(self.fetch(text)).dicts()

    def fetch(self, text: str, source: str = "validate") -> bytes:
        if "?other" in text:
            raise InputError("endpoint timed out", file="http://127.0.0.1:1/sparql")
        return self.source.fetch(text)

    def table(self, fetched: bytes) -> LexicalTable:
        return self.source.table(fetched)


def test_an_error_in_a_rule_thread_reaches_the_caller() -> None:
    with pytest.raises(InputError, match="timed out"):
        _run_on_threads(_FailingSource(OxigraphEngine(store=_acme_store())), workers=2)


_TRICKY = r'''
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p "tab\there", "line\nbreak", "cr\rreturn", "quote \" inside", "ends with quote\"", "back\\slash \\t",
          "中文", "店长"@zh, "store manager"@en-GB, "", "01"^^xsd:integer, 42, 1.5, 1.5e3, true,
          "<not an iri>", "_:notablank", "\u00e9\U0001F600", ex:中文, [ ex:q "in a blank node" ] .
ex:b ex:p ex:a .
'''


@pytest.mark.parametrize("query", [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?x OPTIONAL { ?x <http://example.org/q> ?o } }",
    "SELECT ?o WHERE { ?s <http://example.org/p> ?x OPTIONAL { ?x <http://example.org/q> ?o } }",
    "SELECT ?x WHERE { ?x <http://example.org/nothing> ?y }",
])
def test_store_rows_are_what_pyoxigraph_answers(query: str) -> None:
    """OxigraphEngine reads results as TSV written in Rust (no GIL per row); each value must be what
    pyoxigraph's own terms give: IRI, lexical form (escapes undone), blank node label, None if unbound."""
    store = ox.Store()
    store.load(_TRICKY.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    res = store.query(query)
    names = [v.value for v in res.variables]
    expected = sorted((tuple(None if t is None else t.value for t in sol) for sol in res), key=str)
    got = sorted((tuple(row[n] for n in names) for row in OxigraphEngine(store=store).select(query)), key=str)
    assert got == expected
    if "?s ?p ?o" in query:
        assert len(got) == 22 and ("http://example.org/a", "http://example.org/p", 'quote " inside') in got
