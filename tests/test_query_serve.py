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


def _request(url: str, *, data: bytes | None = None, method: str | None = None, headers: dict[str, str] | None = None,
             timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
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


def test_query_page_loads_only_from_this_server(server: SparqlServer) -> None:
    """The page is YASGUI from /static/: no inline script, nothing from elsewhere, and a CSP that says so."""
    status, headers, body = _request(server.url)
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'none'" and csp["script-src"] == "'self'" and csp["connect-src"] == "'self'"
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page)
    assert "static/yasgui/yasgui.min.js" in refs and "static/yasgui/yasgui.min.css" in refs
    assert all(r.startswith("static/") or r == "data:," for r in refs), refs
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "no inline script"
    for ref in (r for r in refs if r.startswith("static/")):
        status, headers, body = _request(server.url + ref)
        assert status == 200 and body, ref
        assert headers["Content-Type"].startswith("text/javascript" if ref.endswith(".js") else "text/css"), ref


def test_queries_json_lists_the_named_queries_from_their_headers(server: SparqlServer) -> None:
    from retailkg.ns import PREFIXES
    from retailkg.query.catalogue import catalogue

    status, headers, body = _request(server.url + "queries.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    doc = json.loads(body)
    assert doc["prefixes"] == PREFIXES
    assert [q["name"] for q in doc["queries"]] == list(catalogue())
    for q in doc["queries"]:
        named = catalogue()[q["name"]]
        assert (q["title_zh"], q["title_en"], q["description"]) == (named.title_zh, named.title_en, named.description)
        assert [(p["name"], p["type"], p["default"], p["required"]) for p in q["params"]] == \
            [(p.name, p.type, p.default, p.required) for p in named.params]
    duties = next(q for q in doc["queries"] if q["name"] == "post-duties")
    assert duties["params"][0]["example"] == "ccagm-003-2021/post/4.1.3"
    assert "VALUES (?post) { (<https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3>) }" in duties["query"]
    assert "#   ?post = <https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3>" in duties["query"]
    relation = next(q for q in doc["queries"] if q["name"] == "equivalent-posts")
    assert "# ?relation is open (any iri); to fix it, add after WHERE {:  VALUES ?relation" in relation["query"]


def test_every_named_query_tab_answers_as_the_library_does(server: SparqlServer) -> None:
    """A tab's text (parameters bound by VALUES, notes added) gives the rows of ``query run`` with the example's values."""
    from retailkg.query.catalogue import catalogue

    doc = json.loads(_request(server.url + "queries.json")[2])
    engine = OxigraphEngine(store=server.store)
    for q in doc["queries"]:
        named = catalogue()[q["name"]]
        expected = engine.query(named.text, named.bindings(named.example_params())).canonical()
        assert engine.query(q["query"]).canonical() == expected, q["name"]


def test_static_files_are_served_from_memory_with_etags(server: SparqlServer) -> None:
    from retailkg.query.webui import STATIC_DIR

    status, headers, body = _request(server.url + "static/yasgui/yasgui.min.js")
    assert status == 200 and body == (STATIC_DIR / "yasgui" / "yasgui.min.js").read_bytes()
    assert headers["Content-Type"].startswith("text/javascript") and headers["Cache-Control"] == "no-cache"
    status, headers2, body = _request(server.url + "static/yasgui/yasgui.min.js", headers={"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b"" and headers2["ETag"] == headers["ETag"]
    host = f"127.0.0.1:{server.server_address[1]}"
    for path in ("/static/../serve.py", "/static/%2e%2e/serve.py", "/static/yasgui/", "/static/yasgui/nope.js",
                 "/static//etc/passwd", "/static/retailkg/../../webui.py", "/serve_page.html"):
        reply = _raw(server, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 404"), (path, reply[:100])


def test_vendored_libraries_match_their_recorded_digests_and_load_nothing_remote() -> None:
    """tools/vendor_web.py recorded each file's sha256 with its version and source; a hand edit shows here."""
    from scripts import load_script

    from retailkg.query.webui import STATIC_DIR

    vendor = load_script("tools/vendor_web.py", "vendor_web")
    assert vendor.check() == []
    for pkg in vendor.PACKAGES:
        assert any(p.name.upper().startswith("LICENSE") for p in (STATIC_DIR / pkg.folder).iterdir()), pkg.npm
    for css in STATIC_DIR.rglob("*.css"):  # stylesheets fetch nothing: no @import, no url() but data:
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text and not re.search(r"url\(\s*['\"]?(?!data:)", text), css


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


# --- hardening: SERVICE, Host, time limit, streaming, errors, concurrency (issue 17) ----------------

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


def _small_store(n: int) -> ox.Store:
    store = ox.Store()
    g = ox.NamedNode("https://w3id.org/retailkg/graph/test")
    store.extend([ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), g) for i in range(n)])
    return store


def _raw(server: SparqlServer, request: bytes) -> bytes:
    """Send bytes as they are (no Host header added) and read the reply until the server closes."""
    import socket

    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


def test_service_is_refused_and_nothing_is_fetched(server: SparqlServer) -> None:
    with qs.stub_server(lambda h: h.reply(200, b'{"head":{"vars":["s"]},"results":{"bindings":[]}}',
                                          {"Content-Type": "application/sparql-results+json"})) as stub:
        for query in (f"SELECT * WHERE {{ SERVICE <{stub.base}/sparql> {{ ?s ?p ?o }} }}",
                      f"ASK {{ FILTER EXISTS {{ SERVICE SILENT <{stub.base}/x> {{ ?s ?p ?o }} }} }}",
                      f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ service <{stub.base}/y> {{ ?s ?p ?o }} }} }} }}"):
            status, headers, body = _get(server, query)
            assert status == 400 and headers["Content-Type"].startswith("text/plain"), body
            assert b"SERVICE" in body
        assert stub.requests == [], "the server fetched nothing"
    # the word alone is no reason to refuse
    status, _, _ = _get(server, "SELECT ?service WHERE { ?service a <urn:x:service> } LIMIT 1 # SERVICE <x:y> {}")
    assert status == 200


def test_service_is_refused_by_every_engine(kg: Path) -> None:
    from retailkg.errors import InputError
    from retailkg.query.engines import RdflibEngine

    query = f"SELECT * WHERE {{ SERVICE <{qs.closed_port_url()}> {{ ?s ?p ?o }} }}"
    for eng in (OxigraphEngine(store=_small_store(3)), RdflibEngine(kg), EndpointEngine(qs.closed_port_url())):
        with pytest.raises(InputError, match="SERVICE"):
            eng.query(query, source="q.rq")


@pytest.mark.parametrize(("host", "status"), [("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("[::1]:{port}", 200),
                                              ("LOCALHOST:{port}", 200), ("rebind.example:{port}", 403),
                                              ("127.0.0.1:{other}", 403), ("localhost", 403), ("127.0.0.1.nip.io:{port}", 403)])
def test_host_header_must_name_this_server(server: SparqlServer, host: str, status: int) -> None:
    port = server.server_address[1]
    value = host.format(port=port, other=port + 1)
    got = _request(server.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}), headers={"Host": value})
    assert got[0] == status, got
    if status == 403:
        assert b"Host" in got[2] and got[1]["Content-Type"].startswith("text/plain")
    got = _request(server.url, headers={"Host": value})  # the page too: a rebound page could read it
    assert got[0] == status


def test_a_request_without_host_is_refused(server: SparqlServer) -> None:
    reply = _raw(server, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400") and b"Host header is required" in reply


def test_allowed_hosts_on_all_interfaces() -> None:
    from retailkg.query.serve import allowed_hosts

    ok = allowed_hosts("0.0.0.0", 8080)
    assert ok("192.168.1.20:8080") and ok("[fe80::1]:8080") and ok("localhost:8080")
    assert not ok("intranet.example:8080") and not ok("192.168.1.20:8081")
    assert allowed_hosts("192.168.1.20", 80)("192.168.1.20")


def test_a_query_past_the_time_limit_is_stopped_with_503() -> None:
    # an aggregate over a join: nothing comes out of the worker until it is done
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d FILTER (STR(?b) < STR(?d)) }"
    with running_server(_small_store(2500), quiet=True, timeout=0.3) as s:
        import time

        t = time.monotonic()
        status, headers, body = _get(s, slow)
        assert time.monotonic() - t < 1.5
    assert status == 503 and headers["Content-Type"].startswith("text/plain")
    assert b"time limit of 0.3 s" in body


def _cpu_seconds_over(seconds: float) -> float:
    """CPU time this process (the in-thread server included) spends in the next ``seconds``."""
    import resource
    import time

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    before = used()
    time.sleep(seconds)
    return used() - before


def _live_children(pid: int) -> list[int]:
    """Child processes of ``pid`` that are not zombies (a killed child the kernel has not reaped yet)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(") ", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_query_past_the_time_limit_is_killed_not_left_running() -> None:
    """ORDER BY over a cross product yields nothing until it is done: a thread cannot stop it, a process can."""
    import time

    slow = "SELECT * WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY ?x ?y ?z"
    with running_server(_small_store(400), quiet=True, timeout=0.5, workers=1) as s:
        assert s.zygote is not None
        status, _, _ = _get(s, slow)
        assert status == 503
        deadline = time.monotonic() + 5
        while _live_children(s.zygote.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _live_children(s.zygote.pid) == [], "the query's process still runs after the time limit"
        assert _cpu_seconds_over(1.0) < 0.25  # nothing of this process goes on evaluating it either (a thread would)
        status, _, body = _get(s, "ASK { ?s ?p ?o }")  # the one worker is free again
        assert status == 200 and b"true" in body


def test_max_rows_stops_the_query_while_streaming() -> None:
    # 4,000 triples: the cartesian product has 16 million rows, which the old server built in memory first
    with running_server(_small_store(4000), quiet=True, max_rows=5) as s:
        status, headers, body = _get(s, CARTESIAN, "text/csv")
        assert status == 200 and headers["X-SPARQL-MaxRows"] == "5"
        assert len(body.decode().splitlines()) == 6
        status, _, body = _get(s, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2")
        assert len(json.loads(body)["results"]["bindings"]) == 2


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_the_time_limit_while_streaming_ends_the_stream_cleanly(accept: str) -> None:
    # 5 s: the 16 million rows never finish in it, and the first rows come before it late in a full
    # test run too (the query's child process is forked from one forked from the test process, and a
    # test process grown large has made its first rows wait beyond 2 s)
    with running_server(_small_store(4000), quiet=True, timeout=5.0, workers=1) as s:
        status, headers, body = _get(s, CARTESIAN, accept)  # urllib raises IncompleteRead on a broken stream
        assert status == 200 and headers["Transfer-Encoding"] == "chunked"
        assert body.count(b"urn:s") > 100, "rows came before the limit"
        if accept.endswith("json"):
            doc = json.loads(body)
            assert "time limit" in doc["error"] and doc["results"]["bindings"]
        elif accept.endswith("xml"):
            assert b"<!-- error: stopped at the time limit" in body and body.rstrip().endswith(b"</sparql>")
            list(ox.parse_query_results(body, ox.QueryResultsFormat.XML))
        # the one worker stopped at the limit: the next query is answered at once
        status, _, body = _get(s, "ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True


def test_an_error_while_streaming_ends_the_stream_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    from retailkg.query import serve

    calls = []
    rows = serve._SolutionWriter.rows

    def failing(self: serve._SolutionWriter, batch: list[object]) -> str:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("boom")
        return rows(self, batch)

    monkeypatch.setattr(serve._SolutionWriter, "rows", failing)
    with running_server(_small_store(3000), quiet=True) as s:
        status, _, body = _get(s, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200
    doc = json.loads(body)
    assert doc["results"]["bindings"] and "internal error while streaming (RuntimeError)" in doc["error"]
    assert b"Traceback" not in body


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"GET /sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n", 400),
    (b"GARBAGE\r\n\r\n", 0),  # no HTTP version: the standard library answers as HTTP/0.9, a body without a status line
    (b"GET /" + b"x" * 70000 + b" HTTP/1.1\r\nHost: {host}\r\n\r\n", 414),
])
def test_errors_are_plain_text_never_empty_or_a_traceback(server: SparqlServer, request_bytes: bytes, status: int) -> None:
    host = f"127.0.0.1:{server.server_address[1]}".encode()
    reply = _raw(server, request_bytes.replace(b"{host}", host))
    assert reply.strip() and b"Traceback" not in reply and b"<html" not in reply.lower(), reply[:200]
    if status:
        assert reply.startswith(b"HTTP/1.1 %d" % status) and b"text/plain" in reply, reply[:200]


def test_graph_results_stream_in_every_format(server: SparqlServer) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/retailkg/ontology#Post> ; ?p ?o }"
    sizes = set()
    for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                        ("application/rdf+xml", ox.RdfFormat.RDF_XML)):
        status, headers, body = _get(server, query, accept)
        assert status == 200 and headers["Content-Type"].startswith(accept)
        sizes.add(len(list(ox.parse(body, format=fmt))))
    assert len(sizes) == 1 and sizes.pop() > 100


def test_200_concurrent_requests_are_all_answered(server: SparqlServer) -> None:
    """None is refused or reset. Not a speed test: each query runs in its own child process
    (bench/RESULTS.md, serve), so on a busy machine the last of 200 waits tens of seconds."""
    import threading

    barrier = threading.Barrier(200)
    statuses: list[int] = []

    def one() -> None:
        barrier.wait()
        try:
            query = urllib.parse.urlencode({"query": "ASK { ?s a <https://w3id.org/retailkg/ontology#Post> }"})
            statuses.append(_request(f"{server.endpoint}?{query}", timeout=240)[0])
        except Exception as e:  # a reset connection
            statuses.append(-1)
            print(e)

    threads = [threading.Thread(target=one) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert statuses.count(200) == 200, sorted(set(statuses))


@pytest.mark.slow
def test_ctrl_c_stops_the_server_while_a_step_runs(tmp_path: Path) -> None:
    """A step that cannot be interrupted runs on a daemon worker: it does not hold up the exit."""
    import signal
    import time

    graph = tmp_path / "g.nq"
    graph.write_text("".join(f'<urn:s{i}> <urn:p> "{i}" <urn:g> .\n' for i in range(6000)), encoding="utf-8")
    port = qs.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "retailkg", "serve", "--port", str(port), "--graph-file", str(graph), "-q",
                             "--timeout", "0.5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        qs.wait_until_ready(f"{base}/sparql?query=ASK%7B%7D", proc)  # type: ignore[arg-type]
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d FILTER (STR(?b) < STR(?d)) }"
        status, _, _ = _request(f"{base}/sparql?" + urllib.parse.urlencode({"query": slow}))
        assert status == 503
        t = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        assert time.monotonic() - t < 3, "the exit waited for the step"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
