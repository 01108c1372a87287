"""`retailkg serve`: a read-only SPARQL 1.1 Protocol endpoint with a self-contained query page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import query_support as qs

from retailkg.query.catalogue import get_query
from retailkg.query.engines import EndpointEngine, OxigraphEngine, load_oxigraph_store
from retailkg.query.serve import SparqlServer, negotiate, running_server
from retailkg.query.sparqltext import inject_values

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(kg: Path) -> Iterator[SparqlServer]:
    with running_server(load_oxigraph_store(kg), quiet=True) as s:
        yield s


def _request(url: str, *, data: bytes | None = None, method: str | None = None, headers: dict[str, str] | None = None
             ) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _get(server: SparqlServer, query: str, accept: str | None = None, **extra: str) -> tuple[int, dict[str, str], bytes]:
    params = urllib.parse.urlencode({"query": query, **extra})
    return _request(f"{server.endpoint}?{params}", headers={"Accept": accept} if accept else {})


def test_binds_to_loopback_by_default(server: SparqlServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


def test_get_post_and_direct_post_agree(server: SparqlServer) -> None:
    status, headers, body = _get(server, COUNT)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    n = json.loads(body)["results"]["bindings"][0]["n"]["value"]
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    _, _, body2 = _request(server.endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    _, _, body3 = _request(server.endpoint, data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert json.loads(body2)["results"]["bindings"][0]["n"]["value"] == n == json.loads(body3)["results"]["bindings"][0]["n"]["value"]
    assert int(n) > 10_000  # the default graph is the union of the named graphs


@pytest.mark.parametrize(
    ("accept", "ctype", "fmt"),
    [("text/csv", "text/csv", None), ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
     ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
     ("text/html;q=0.9, application/sparql-results+json", "application/sparql-results+json", ox.QueryResultsFormat.JSON)],
)
def test_result_format_follows_accept(server: SparqlServer, accept: str, ctype: str, fmt: object) -> None:
    q = get_query("post-duties")
    query = inject_values(q.text, q.bindings({"post": "ccagm-003-2021/post/4.1.3"}))
    status, headers, body = _get(server, query, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    assert "会员".encode() in body
    if fmt is not None:
        rows = list(ox.parse_query_results(body, fmt))  # type: ignore[arg-type]
        assert len(rows) == 8


def test_construct_and_ask(server: SparqlServer) -> None:
    status, headers, body = _get(server, "CONSTRUCT WHERE { <https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3> ?p ?o }",
                                 "application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) > 5
    status, _, body = _get(server, "ASK { ?s a <https://w3id.org/retailkg/ontology#Post> }")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_protocol_dataset_parameters_are_honoured(server: SparqlServer) -> None:
    onto = "https://w3id.org/retailkg/graph/ontology"
    _, _, body = _get(server, COUNT, **{"default-graph-uri": onto})
    n_onto = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    _, _, body = _get(server, COUNT)
    assert 0 < n_onto < int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("how", "status"),
    [("update-param", 403), ("update-body", 403), ("update-as-query", 403), ("put", 405), ("delete", 405),
     ("bad-query", 400), ("no-query", 400), ("unknown-path", 404), ("not-acceptable", 406)],
)
def test_refusals(server: SparqlServer, how: str, status: int) -> None:
    size = len(server.store)
    if how == "update-param":
        got = _request(server.endpoint, data=b"update=DROP%20ALL", headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update-body":
        got = _request(server.endpoint, data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    elif how == "update-as-query":
        got = _get(server, "DROP ALL")
    elif how in ("put", "delete"):
        got = _request(server.endpoint, data=b"", method=how.upper())
    elif how == "bad-query":
        got = _get(server, "SELECT * WHERE { ?s ?p }")
    elif how == "no-query":
        got = _request(server.endpoint)
    elif how == "unknown-path":
        got = _request(server.url + "store?default")
    else:
        got = _get(server, COUNT, "image/png")
    assert got[0] == status, got
    assert got[2].strip(), "a message says why"
    assert len(server.store) == size
    if status == 403:
        assert b"read-only" in got[2]


def test_query_page_is_self_contained(server: SparqlServer) -> None:
    status, headers, body = _request(server.url)
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "no resources from the network"
    assert "<link" not in page and "<script src" not in page and "@import" not in page
    for name in ("post-duties", "function-coverage-matrix", "reporting-chain"):
        assert name in page
    # named queries are shown with their example parameters bound by VALUES
    assert "VALUES (?post) { (<https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3>) }" in page


def test_endpoint_engine_talks_to_the_server(server: SparqlServer, kg: Path) -> None:
    q = get_query("reporting-chain")
    b = q.bindings(q.example_params())
    assert EndpointEngine(server.endpoint).query(q.text, b).canonical() == OxigraphEngine(kg).query(q.text, b).canonical()


def test_negotiation() -> None:
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate(None, offers) == offers[0]
    assert negotiate("*/*", offers) == offers[0]
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("text/csv;q=0.5, application/sparql-results+json;q=0.4", offers) == "text/csv"
    assert negotiate("application/sparql-results+json;q=0, text/csv", offers) == "text/csv"
    assert negotiate("image/png", offers) is None


@pytest.mark.slow
def test_serve_command_runs_and_stops(kg: Path) -> None:
    port = qs.free_port()
    env = dict(os.environ, XDG_CACHE_HOME=str(qs.cache_root()))
    proc = subprocess.Popen([sys.executable, "-m", "retailkg", "serve", "--port", str(port), "-q"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        qs.wait_until_ready(f"{base}/sparql?query=ASK%7B%7D", proc)  # type: ignore[arg-type]
        status, _, body = _request(f"{base}/sparql?" + urllib.parse.urlencode({"query": COUNT}))
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10_000
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert b"read-only at http://127.0.0.1:" in err
