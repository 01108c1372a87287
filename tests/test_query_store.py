"""`retailkg load`: named graphs into a real Oxigraph server, idempotently; clear errors otherwise."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import query_support as qs
import requests
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.query.catalogue import get_query
from retailkg.query.engines import EndpointEngine, OxigraphEngine, load_oxigraph_store, retailkg_graphs
from retailkg.query.graphstore import graph_param, graph_store_url, load_graphs, read_graphs
from retailkg.query.remote import credentials_from_env

PASSWORD = "s3cret-Pa55"


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, kg: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
    monkeypatch.delenv("RETAILKG_USER", raising=False)
    monkeypatch.delenv("RETAILKG_PASSWORD", raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with qs.oxigraph_server() as base:
        yield base


def _counts(query_url: str) -> dict[str, int]:
    t = EndpointEngine(query_url, graphs=[]).query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    return {str(g): int(str(n)) for g, n in t.rows}


@pytest.mark.slow
def test_load_puts_every_named_graph_and_twice_changes_nothing(kg: Path, server: str) -> None:
    store = load_oxigraph_store(kg)
    local = {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}
    result = CliRunner().invoke(cli, ["load", "--endpoint", f"{server}/query"])
    assert result.exit_code == 0, result.output
    assert f"loaded into {server}/store" in result.output
    first = _counts(f"{server}/query")
    assert first == local
    assert set(first) == {str(g) for g in retailkg_graphs()}
    result = CliRunner().invoke(cli, ["load", "--endpoint", f"{server}/query", "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert _counts(f"{server}/query") == first, "PUT replaces: a second load leaves the same store"


@pytest.mark.slow
def test_queries_through_the_endpoint_match_the_embedded_store(kg: Path, server: str) -> None:
    load_graphs(kg, endpoint=f"{server}/query")
    runner = CliRunner()
    for name, params in [("post-duties", ["-p", "post=ccagm-003-2021/post/4.1.3"]), ("terms", [])]:
        remote = runner.invoke(cli, ["query", "run", name, *params, "--format", "json", "--endpoint", f"{server}/query"])
        local = runner.invoke(cli, ["query", "run", name, *params, "--format", "json"])
        assert remote.exit_code == 0, remote.output
        assert json.loads(remote.output) == json.loads(local.output)
        assert "会员" in remote.output or "企划" in remote.output  # Chinese intact, not \\u escapes
    q = get_query("post-duties")
    b = q.bindings({"post": "ccagm-003-2021/post/4.1.3"})
    assert EndpointEngine(f"{server}/query").query(q.text, b).canonical() == OxigraphEngine(kg).query(q.text, b).canonical()


def test_graph_store_url_is_derived_or_required() -> None:
    assert graph_store_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert graph_store_url("http://h/sparql", "http://h/sparql-graph-crud-auth") == "http://h/sparql-graph-crud-auth"
    with pytest.raises(InputError, match="give --graph-store"):
        graph_store_url("http://h:8890/sparql")
    assert graph_param("http://h:8890/sparql-graph-crud-auth") == "graph-uri"  # Virtuoso
    assert graph_param("http://h:7200/repositories/kg/rdf-graphs/service") == "graph"


# --- credentials and failures, against a stub server ---------------------------------------------


def _store_stub(status: int, headers: dict[str, str] | None = None, delay: float = 0.0) -> object:
    def respond(h: qs.StubHandler) -> None:
        if delay:
            time.sleep(delay)
        h.reply(status, b"nope\n", headers)

    return respond


@pytest.mark.parametrize(
    ("status", "expected"),
    [(401, "HTTP 401: the server refused the credentials; set RETAILKG_USER and RETAILKG_PASSWORD"),
     (403, "HTTP 403: the server refused the request for this user"),
     (404, "HTTP 404: no such service at this URL")],
)
def test_http_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, status: int, expected: str) -> None:
    monkeypatch.setenv("RETAILKG_USER", "dba")
    monkeypatch.setenv("RETAILKG_PASSWORD", PASSWORD)
    with qs.stub_server(_store_stub(status)) as stub:  # type: ignore[arg-type]
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/query", "--timeout", "5"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines
    assert PASSWORD not in result.output and PASSWORD not in result.stderr


def test_connection_refused_is_one_line() -> None:
    url = qs.closed_port_url()
    result = CliRunner().invoke(cli, ["load", "--endpoint", url])
    assert result.exit_code == 2
    store = url.replace("/query", "/store")
    assert result.stderr.strip().splitlines() == [f"retailkg: error: {store}: connection refused; is the server running?"]


def test_slow_store_times_out() -> None:
    with qs.stub_server(_store_stub(201, delay=3)) as stub:  # type: ignore[arg-type]
        t = time.monotonic()
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/query", "--timeout", "0.5"])
        assert time.monotonic() - t < 3
    assert result.exit_code == 2
    assert "no answer within 0.5 s (--timeout)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_basic_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETAILKG_USER", "loader")
    monkeypatch.setenv("RETAILKG_PASSWORD", PASSWORD)
    with qs.stub_server(_store_stub(204)) as stub:  # type: ignore[arg-type]
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/query", "--no-verify"])
        assert result.exit_code == 0, result.output
        puts = [r for r in stub.requests if r["method"] == "PUT"]
    assert len(puts) == len(retailkg_graphs())
    expected = "Basic " + base64.b64encode(f"loader:{PASSWORD}".encode()).decode()
    assert all(r["headers"]["Authorization"] == expected for r in puts)  # type: ignore[index]
    assert all(r["headers"]["Content-Type"].startswith("text/turtle") for r in puts)  # type: ignore[index]
    assert all(str(r["path"]).startswith("/store?graph=https%3A%2F%2Fw3id.org%2Fretailkg%2Fgraph%2F") for r in puts)
    assert PASSWORD not in result.output


def test_digest_authentication_answers_the_challenge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETAILKG_USER", "dba")
    monkeypatch.setenv("RETAILKG_PASSWORD", PASSWORD)

    def respond(h: qs.StubHandler) -> None:
        auth = h.headers.get("Authorization", "")
        if auth.startswith("Digest ") and 'username="dba"' in auth:
            h.reply(201)
        else:
            h.reply(401, b"", {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="abc123", qop="auth", algorithm=MD5'})

    with qs.stub_server(respond) as stub:
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/sparql", "--graph-store",
                                          f"{stub.base}/sparql-graph-crud-auth", "--auth", "digest", "--no-verify"])
        assert result.exit_code == 0, result.output
        done = [r for r in stub.requests if str(r["headers"].get("Authorization", "")).startswith("Digest")]  # type: ignore[union-attr]
    assert len(done) == len(retailkg_graphs())
    assert all("graph-uri=" in str(r["path"]) for r in done)  # Virtuoso names the graph graph-uri
    assert PASSWORD not in "".join(str(r["headers"]) for r in stub.requests)


def test_credentials_never_from_the_command_line() -> None:
    result = CliRunner().invoke(cli, ["load", "--endpoint", f"http://dba:{PASSWORD}@127.0.0.1:9/query"])
    assert result.exit_code == 2
    assert "RETAILKG_USER" in result.stderr and PASSWORD not in result.stderr
    result = CliRunner().invoke(cli, ["load", "--endpoint", "http://127.0.0.1:9/query", "--password", "x"])
    assert result.exit_code == 2 and "No such option" in result.stderr


def test_half_set_credentials_are_an_error() -> None:
    with pytest.raises(InputError, match="set both"):
        credentials_from_env("basic", {"RETAILKG_USER": "dba"})
    assert credentials_from_env("basic", {}) is None
    creds = credentials_from_env("digest", {"RETAILKG_USER": "dba", "RETAILKG_PASSWORD": PASSWORD})
    assert creds is not None and PASSWORD not in repr(creds)


def test_load_sends_the_builds_own_literals(kg: Path) -> None:
    """No round trip through a store: "5"^^xsd:positiveInteger goes out as written in the build."""
    with qs.stub_server(_store_stub(201)) as stub:  # type: ignore[arg-type]
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/query", "--no-verify"])
        assert result.exit_code == 0, result.output
        puts = [r for r in stub.requests if r["method"] == "PUT"]
    sent = {str(q.triple) for r in puts for q in ox.parse(r["body"], format=ox.RdfFormat.TURTLE)}  # type: ignore[arg-type]
    built = {str(q.triple) for q in ox.parse(path=str(kg), format=ox.RdfFormat.TRIG)
             if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert built <= sent
    assert any("XMLSchema#positiveInteger" in t for t in sent)


@pytest.mark.slow
def test_load_verifies_content_not_only_counts(kg: Path, server: str) -> None:
    """A store holding as many triples as were sent, one value changed, fails the load's check."""
    load_graphs(kg, endpoint=f"{server}/query")
    graph = "https://w3id.org/retailkg/graph/ecom-ops-centre"
    change = (f"PREFIX rkg: <https://w3id.org/retailkg/ontology#> DELETE {{ GRAPH <{graph}> {{ ?p rkg:headcount ?n }} }} "
              f"INSERT {{ GRAPH <{graph}> {{ ?p rkg:headcount 99 }} }} WHERE {{ GRAPH <{graph}> {{ ?p rkg:headcount ?n }} }}")
    assert requests.post(f"{server}/update", data={"update": change}, timeout=30).status_code in (200, 204)
    with (qs.stub_server(_store_stub(204)) as stub,  # type: ignore[arg-type]  # a Graph Store that keeps nothing
          pytest.raises(InputError, match=rf"graph <{graph}> is not what was sent after loading: \d+ triples sent")):
        load_graphs(kg, endpoint=f"{server}/query", graph_store=f"{stub.base}/store")  # type: ignore[arg-type]
    assert _counts(f"{server}/query")[graph] == len(read_graphs(kg)[graph]), "the count alone would have passed"


def test_a_large_graph_goes_in_chunks_its_blank_nodes_in_one(kg: Path) -> None:
    with qs.stub_server(_store_stub(201)) as stub:  # type: ignore[arg-type]
        load_graphs(kg, endpoint=f"{stub.base}/query", verify=False, chunk=1000)
        requests_ = list(stub.requests)
    graphs = read_graphs(kg)
    assert [r["method"] for r in requests_].count("PUT") == len(graphs), "the first request of each graph replaces it"
    assert [r["method"] for r in requests_].count("POST") == sum(-(-len(t) // 1000) - 1 for t in graphs.values())
    for r in requests_:
        doc = list(ox.parse(r["body"], format=ox.RdfFormat.TURTLE))  # type: ignore[arg-type]
        blank = any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in doc)
        assert len(doc) <= 1000 or r["method"] == "PUT"
        assert not blank or r["method"] == "PUT", "a blank node's triples are all in the graph's one PUT"


@pytest.mark.slow
def test_a_chunked_load_holds_the_same_content(kg: Path, server: str) -> None:
    done = load_graphs(kg, endpoint=f"{server}/query", chunk=700)  # verified by content
    assert all(d.stored is not None for d in done)
    assert _counts(f"{server}/query") == {g: len(set(map(str, t))) for g, t in read_graphs(kg).items()}


def test_a_load_stopped_part_way_says_which_graphs_are_new(kg: Path) -> None:
    puts: list[str] = []

    def respond(h: qs.StubHandler) -> None:
        puts.append(h.path)
        h.reply(201 if len(puts) <= 3 else 500, b"store full\n")

    with qs.stub_server(respond) as stub:
        result = CliRunner().invoke(cli, ["load", "--endpoint", f"{stub.base}/query", "--no-verify"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    graphs = sorted(read_graphs(kg))
    short = [g.rsplit("/", 1)[-1] for g in graphs]
    assert f"load stopped at graph {short[3]}" in lines[0]
    assert f"new: {', '.join(short[:3])}; as before: {', '.join(short[4:])}" in lines[0]
    assert "run the load again" in lines[0] and "HTTP 500" in lines[0]
