"""Every named query answers the same on pyoxigraph, rdflib and a live SPARQL endpoint.

Also: parameters are bound (a value cannot break out of its literal), the queries rely only on
triples the build materialised, endpoints are paged past silent row caps, and a bad query is
reported the same way by every engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import query_support as qs
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.kg.catalog import DOCUMENTS, INFERRED_GRAPH
from retailkg.query.catalogue import catalogue, get_query
from retailkg.query.engines import EndpointEngine, OxigraphEngine, RdflibEngine, load_oxigraph_store, oxigraph_result
from retailkg.query.graphstore import load_graphs
from retailkg.query.serve import running_server
from retailkg.query.sparqltext import inject_values

RKG = "https://w3id.org/retailkg/ontology#"
EVIL = '会员" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def oxi(kg: Path) -> OxigraphEngine:
    return OxigraphEngine(kg)


@pytest.fixture(scope="module")
def rdf(kg: Path) -> RdflibEngine:
    return RdflibEngine(kg)


@pytest.fixture(scope="module")
def endpoint(kg: Path) -> Iterator[str]:
    """A live Oxigraph server loaded with the graph; yields its query URL."""
    with qs.oxigraph_server() as base:
        load_graphs(kg, endpoint=f"{base}/query", timeout=30)
        yield f"{base}/query"


def _cases() -> list[tuple[str, dict[str, str]]]:
    """Each query with its example parameters, and unbound ('*') where a parameter allows it.

    Bound and unbound are the two ways a parameter can change a query's evaluation; rdflib is slow
    enough that trying every document on it would double the suite's time for no new path.
    """
    out = []
    for name, q in catalogue().items():
        example = q.example_params()
        out.append((name, example))
        for p in q.params:
            if p.default == "*" and example.get(p.name, "*") != "*":
                out.append((name, {**example, p.name: "*"}))
    return out


@pytest.mark.parametrize("doc", [d.id for d in DOCUMENTS])
def test_every_document_parameter_value_on_oxigraph_and_endpoint(oxi: OxigraphEngine, endpoint: str, doc: str) -> None:
    """Parameters bound by substitution (embedded) and by a VALUES block (endpoint) agree for every document."""
    remote = EndpointEngine(endpoint, timeout=30)
    for name, q in catalogue().items():
        if q.param("doc") is None:
            continue
        b = q.bindings({**q.example_params(), "doc": doc})
        assert remote.query(q.text, b, source=name).canonical() == oxi.query(q.text, b, source=name).canonical(), name


CASES = _cases()


@pytest.mark.parametrize(("name", "given"), CASES, ids=[f"{n}-{'-'.join(g.values()) or 'default'}" for n, g in CASES])
def test_oxigraph_and_rdflib_agree(oxi: OxigraphEngine, rdf: RdflibEngine, name: str, given: dict[str, str]) -> None:
    q = get_query(name)
    b = q.bindings(given)
    a, r = oxi.query(q.text, b, source=name), rdf.query(q.text, b, source=name)
    assert a.vars == r.vars
    assert a.canonical() == r.canonical()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(catalogue()))
def test_live_endpoint_agrees_with_the_embedded_store(oxi: OxigraphEngine, endpoint: str, name: str) -> None:
    """`retailkg query run NAME --endpoint URL --format json` (over HTTP) against the embedded engine."""
    q = get_query(name)
    params = [a for k, v in q.example_params().items() for a in ("--param", f"{k}={v}")]
    result = CliRunner().invoke(cli, ["query", "run", name, *params, "--endpoint", endpoint, "--format", "json"])
    assert result.exit_code == 0, result.output
    remote = oxigraph_result(ox.parse_query_results(result.stdout_bytes, ox.QueryResultsFormat.JSON))
    local = oxi.query(q.text, q.bindings(q.example_params()), source=name)
    assert remote.vars == local.vars
    assert remote.canonical() == local.canonical()
    assert local.rows, "every example returns rows"


def test_chinese_literals_survive_the_endpoint(endpoint: str) -> None:
    q = get_query("post-duties")
    t = EndpointEngine(endpoint).query(q.text, q.bindings({"post": "ccagm-003-2021/post/4.1.3"}))
    texts = [str(x) for x in t.column("text")]
    assert any("会员" in x for x in texts)
    assert all(x.language == "zh" for x in t.column("text"))  # type: ignore[union-attr]


# --- binding is not pasting ----------------------------------------------------------------------


def test_a_value_cannot_break_out_of_its_literal(oxi: OxigraphEngine, rdf: RdflibEngine, endpoint: str) -> None:
    q = get_query("keyword-mentions")
    b = q.bindings({"keyword": EVIL})
    before = int(str(EndpointEngine(endpoint).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]))
    for eng in (oxi, rdf, EndpointEngine(endpoint)):
        assert eng.query(q.text, b, source=q.name).rows == [], eng.name
        # the value comes back exactly as given: it stayed one literal
        echo = eng.query("SELECT ?k WHERE { }", {"k": Literal(EVIL)})
        assert echo.rows == [(Literal(EVIL),)], eng.name
    after = int(str(EndpointEngine(endpoint).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]))
    assert before == after > 10_000


def test_values_injection_keeps_the_query_whole() -> None:
    q = get_query("keyword-mentions")
    text = inject_values(q.text, q.bindings({"keyword": EVIL}))
    assert 'VALUES (?keyword) { ("会员\\" } ; DROP ALL ; #") }' in text
    assert "DROP ALL" not in text.replace('"会员\\" } ; DROP ALL ; #"', "")
    # the header comment and strings with braces do not confuse the injection point
    tricky = '# { not here\nPREFIX x: <http://e/>\nSELECT ?k ("}" AS ?b) WHERE { ?s ?p ?k } ORDER BY ?k'
    assert inject_values(tricky, {"k": Literal("v")}).endswith('WHERE { VALUES (?k) { ("v") }  ?s ?p ?k } ORDER BY ?k')


def test_a_parameter_must_be_selected(oxi: OxigraphEngine, rdf: RdflibEngine) -> None:
    text = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    messages = set()
    for eng in (oxi, rdf, EndpointEngine(qs.closed_port_url())):
        with pytest.raises(InputError) as e:
            eng.query(text, {"o": Literal("x")})
        messages.add(str(e.value))
    assert len(messages) == 1 and "?o is not in the SELECT clause" in messages.pop()


# --- inference is materialised, never computed at query time -------------------------------------


def _asserted_only(kg: Path) -> ox.Store:
    store = load_oxigraph_store(kg)
    store.remove_graph(ox.NamedNode(str(INFERRED_GRAPH)))
    return store


@pytest.mark.parametrize(
    ("materialised", "entailed_from"),
    [
        (f"?a <{RKG}reportingChain> ?b", f"?a <{RKG}reportsTo>+ ?b"),
        ("?a <http://www.w3.org/ns/org#postIn> ?b", f"?a <{RKG}inDepartment> ?b"),
        (f"?a <{RKG}accountablePost> ?b", f"?b <{RKG}accountableFor> ?a"),
        ("?a <http://www.w3.org/ns/org#reportsTo> ?b", f"?a <{RKG}reportsTo> ?b"),
        (f"?a <{RKG}hasDuty> ?b", f"?b <{RKG}dutyOf> ?a"),
    ],
)
def test_materialised_triples_equal_what_the_ontology_entails(kg: Path, oxi: OxigraphEngine, materialised: str,
                                                               entailed_from: str) -> None:
    """With no reasoner at query time, the stored closure is exactly what reasoning would give."""
    got = oxi.query(f"SELECT ?a ?b WHERE {{ {materialised} }}").canonical()
    expected = OxigraphEngine(store=_asserted_only(kg)).query(f"SELECT DISTINCT ?a ?b WHERE {{ {entailed_from} }}").canonical()
    assert got == expected and got


@pytest.mark.parametrize(("name", "given"), [("reporting-chain", {"post": "ecom-ops-centre/post/project-operator"}),
                                             ("metric-accountable-posts", {})])
def test_named_queries_answer_from_the_inferred_graph(kg: Path, oxi: OxigraphEngine, name: str, given: dict[str, str]) -> None:
    q = get_query(name)
    b = q.bindings(given)
    assert oxi.query(q.text, b).rows, "answers over the build"
    assert not OxigraphEngine(store=_asserted_only(kg)).query(q.text, b).rows, "and only because of the materialised triples"


def _predicates(algebra: object) -> set[URIRef]:
    found: set[URIRef] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "triples":
                    for t in v:
                        p = t[1]
                        if isinstance(p, URIRef):
                            found.add(p)
                        elif hasattr(p, "args"):
                            found.update(a for a in p.args if isinstance(a, URIRef))
                        elif hasattr(p, "path") and isinstance(p.path, URIRef):
                            found.add(p.path)
                walk(v)
        elif isinstance(node, list | tuple):
            for v in node:
                walk(v)

    walk(algebra)
    return found


def test_every_predicate_a_query_uses_is_in_the_store(oxi: OxigraphEngine) -> None:
    """No named query depends on a triple that only a reasoner could produce."""
    stored = {URIRef(r[0]) for r in oxi.query("SELECT DISTINCT ?p WHERE { ?s ?p ?o }").rows}
    for name, q in catalogue().items():
        used = _predicates(prepareQuery(q.text).algebra)
        assert used, name
        assert used <= stored, f"{name} uses {sorted(used - stored)}, which nothing stores"


def test_no_triple_is_in_two_graphs(oxi: OxigraphEngine) -> None:
    """So the union default graph is a set in every store (Oxigraph's union does not deduplicate)."""
    dup = oxi.query("SELECT * WHERE { GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER (STR(?g1) < STR(?g2)) } LIMIT 5")
    assert dup.rows == []


# --- endpoints: paging past row caps, errors -----------------------------------------------------


def test_endpoint_pages_past_a_silent_row_cap(kg: Path, oxi: OxigraphEngine) -> None:
    q = get_query("function-taxonomy")
    full = oxi.query(q.text)
    assert len(full) > 50
    with running_server(load_oxigraph_store(kg), max_rows=7, quiet=True) as server:
        eng = EndpointEngine(server.endpoint, page_size=20)
        assert eng.query(q.text).canonical() == full.canonical()
        assert eng.requests > len(full) // 7
        # a query that cannot be paged (no ORDER BY) fails loudly instead of returning 7 rows
        with pytest.raises(InputError, match="cut the result off at 7 rows"):
            eng.query("SELECT ?s WHERE { ?s a <https://w3id.org/retailkg/ontology#Duty> }")


def test_paging_on_a_real_store(oxi: OxigraphEngine, endpoint: str) -> None:
    q = get_query("function-coverage-matrix")
    eng = EndpointEngine(endpoint, page_size=40)
    assert eng.query(q.text, q.bindings({})).canonical() == oxi.query(q.text, q.bindings({})).canonical()
    assert eng.requests >= 4


MALFORMED = "PREFIX rkg: <https://w3id.org/retailkg/ontology#>\nSELECT ?p WHERE {\n  ?p a rkg:Post .\n  FILTER (?p = \n}\n"


def test_every_engine_reports_a_malformed_query_alike(oxi: OxigraphEngine, rdf: RdflibEngine) -> None:
    errors = []
    for eng in (oxi, rdf, EndpointEngine(qs.closed_port_url())):  # the endpoint engine checks before sending
        with pytest.raises(InputError) as e:
            eng.query(MALFORMED, source="q.rq")
        errors.append(e.value)
    assert len({str(e) for e in errors}) == 1
    assert str(errors[0]) == "q.rq:4:3: SPARQL syntax error near 'FILTER (?p ='"


@pytest.mark.parametrize("update", ["DROP ALL", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                    "PREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/x.ttl>"])
def test_updates_are_refused_before_anything_runs(oxi: OxigraphEngine, rdf: RdflibEngine, update: str) -> None:
    size = len(oxi.store)
    for eng in (oxi, rdf, EndpointEngine(qs.closed_port_url())):
        with pytest.raises(InputError, match="this is a SPARQL update"):
            eng.query(update)
    assert len(oxi.store) == size


def test_ask_and_construct_agree(oxi: OxigraphEngine, rdf: RdflibEngine, endpoint: str) -> None:
    ask = "ASK { ?p a <https://w3id.org/retailkg/ontology#Post> }"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    construct = f"CONSTRUCT {{ ?p {label} ?l }} WHERE {{ ?p a <https://w3id.org/retailkg/ontology#Post> ; {label} ?l }}"
    engines = (oxi, rdf, EndpointEngine(endpoint))
    assert {eng.query(ask).boolean for eng in engines} == {True}
    graphs = [eng.query(construct).canonical() for eng in engines]
    assert graphs[0] == graphs[1] == graphs[2] and len(graphs[0]) > 50
