"""``retailkg serve``: a local, read-only SPARQL endpoint with a query page for the browser.

A pyoxigraph store behind the standard library's threaded HTTP server. It speaks the SPARQL 1.1
Protocol for queries — GET ``/sparql?query=…``, POST form-encoded ``query=…`` or POST
``application/sparql-query`` — and honours ``default-graph-uri``/``named-graph-uri``; without
them the default graph is the union of all graphs, like the embedded engines. The result format
follows the ``Accept`` header (SPARQL JSON, XML, CSV or TSV for SELECT/ASK; Turtle, N-Triples or
RDF/XML for CONSTRUCT/DESCRIBE); a request that accepts none of them gets 406.

It is read-only by construction — nothing ever calls ``Store.update`` — and says so: an update
(``update=…``, ``application/sparql-update``, or update text sent as a query) gets 403, and any
method but GET and POST gets 405. It binds to 127.0.0.1 unless told otherwise, because there is
no authentication. ``/`` is one self-contained HTML page (no scripts or styles from elsewhere;
its Content-Security-Policy forbids them) with the named queries ready to run.

``max_rows`` caps SELECT results the way Virtuoso's ``ResultSetMaxRows`` does, announcing it in
an ``X-SPARQL-MaxRows`` header; the tests use it to check that clients page through caps.
"""

from __future__ import annotations

import html
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from retailkg import __version__
from retailkg.query.engines import oxigraph_result
from retailkg.query.results import ResultTable, write_csv, write_json, write_tsv
from retailkg.rdf.terms import Term

__all__ = ["SparqlServer", "make_server", "negotiate", "running_server", "write_xml"]

MAX_BODY = 1 << 20  # 1 MiB of query text is more than any real query needs

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_CONTENT_TYPE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The best of ``offers`` (first = server's preference) for an ``Accept`` header; ``None`` if none fits.

    As RFC 9110 says: an offer's quality is that of the most specific media range matching it
    (``text/csv`` over ``text/*`` over ``*/*``); ``q=0`` refuses it; the highest quality wins and
    ties go to the server's order.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    best: tuple[float, int] | None = None
    choice = None
    for oi, offer in enumerate(offers):
        matches = [(2 if m == offer else 1 if m == offer.split("/")[0] + "/*" else 0, q) for m, q in ranges
                   if m in (offer, offer.split("/")[0] + "/*", "*/*")]
        if not matches:
            continue
        q = max(matches)[1]
        if q > 0 and (best is None or (q, -oi) > best):
            best, choice = (q, -oi), offer
    return choice


def write_xml(table: ResultTable) -> str:
    """SPARQL Query Results XML Format (``application/sparql-results+xml``)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if table.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if table.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f'<variable name="{xml_escape(v)}"/>' for v in table.vars) + "</head>")
    out.append("<results>")
    for row in table.rows:
        cells = []
        for v, t in zip(table.vars, row, strict=True):
            if t is not None:
                cells.append(f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>')
        out.append("<result>" + "".join(cells) + "</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _xml_term(t: Term) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{xml_escape(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{xml_escape(str(t))}</bnode>"
    assert isinstance(t, Literal)
    if t.language:
        return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(str(t))}</literal>'
    if t.datatype:
        return f'<literal datatype="{xml_escape(str(t.datatype))}">{xml_escape(str(t))}</literal>'
    return f"<literal>{xml_escape(str(t))}</literal>"


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SparqlServer(ThreadingHTTPServer):
    """A threaded HTTP server answering SPARQL queries over one pyoxigraph store."""

    daemon_threads = True

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, max_rows: int | None = None,
                 quiet: bool = False) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)
        self.store = store
        self.max_rows = max_rows
        self.quiet = quiet
        self.page = query_page()

    @property
    def url(self) -> str:
        address, port = self.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else str(address)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, max_rows: int | None = None,
                quiet: bool = False) -> SparqlServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever()`` to run it."""
    return SparqlServer(store, host, port, max_rows=max_rows, quiet=quiet)


@contextmanager
def running_server(store: ox.Store, host: str = "127.0.0.1", port: int = 0, **kw: Any) -> Iterator[SparqlServer]:
    """A server answering in a background thread for the duration of the ``with`` block."""
    server = make_server(store, host, port, **kw)
    thread = threading.Thread(target=server.serve_forever, name="retailkg-serve", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = f"retailkg/{__version__}"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    # --- routing ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page.encode("utf-8"), "text/html; charset=utf-8", page=True)
            return
        if parts.path not in ("/sparql", "/query"):
            self._error(HTTPStatus.NOT_FOUND, "not found; the SPARQL endpoint is /sparql")
            return
        self._dispatch(parse_qs(parts.query, keep_blank_values=True))

    def do_HEAD(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST")

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if parts.path not in ("/sparql", "/query"):
            self._error(HTTPStatus.NOT_FOUND, "not found; the SPARQL endpoint is /sparql")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body must be at most {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send application/x-www-form-urlencoded or application/sparql-query")
            return
        self._dispatch(params)

    def _refuse_method(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        msg = b"this endpoint is read-only: only GET and POST queries are answered\n"
        self.send_header("Allow", "GET, POST")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(msg)))
        self.end_headers()
        self.wfile.write(msg)

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    # --- queries ---------------------------------------------------------------------------------

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
            return
        try:
            body, ctype, capped = self._run(queries[0], params)
        except _Refused as e:
            self._error(e.status, e.message)
            return
        headers = {"X-SPARQL-MaxRows": str(self.server.max_rows)} if capped else {}
        self._send(HTTPStatus.OK, body, ctype, headers=headers)

    def _run(self, text: str, params: dict[str, list[str]]) -> tuple[bytes, str, bool]:
        from retailkg.query.sparqltext import is_update

        kw: dict[str, Any] = {}
        defaults = params.get("default-graph-uri", [])
        named = params.get("named-graph-uri", [])
        if defaults or named:
            kw["default_graph"] = [ox.NamedNode(g) for g in defaults] or ox.DefaultGraph()
            if named:
                kw["named_graphs"] = [ox.NamedNode(g) for g in named]
            elif defaults:
                kw["named_graphs"] = []
        else:
            kw["use_default_graph_as_union"] = True
        try:
            res = self.server.store.query(text, **kw)
        except SyntaxError as e:
            if is_update(text):
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused") from None
            raise _Refused(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {e}") from None
        except (ValueError, RuntimeError, OSError) as e:
            raise _Refused(HTTPStatus.BAD_REQUEST, f"query failed: {e}") from None
        accept = self.headers.get("Accept")
        if isinstance(res, ox.QueryTriples):
            offer = negotiate(accept, list(GRAPH_TYPES))
            if offer is None:
                raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"graph results are available as {', '.join(GRAPH_TYPES)}")
            data = ox.serialize(list(res), format=GRAPH_TYPES[offer])
            return bytes(data or b""), f"{offer}; charset=utf-8", False
        offer = negotiate(accept, list(SOLUTION_TYPES))
        if offer is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"results are available as {', '.join(SOLUTION_TYPES)}")
        table = oxigraph_result(res)
        capped = False
        cap = self.server.max_rows
        if cap is not None and table.kind == "select" and len(table.rows) > cap:
            table.rows = table.rows[:cap]
            capped = True
        fmt = SOLUTION_TYPES[offer]
        writer = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}[fmt]
        return writer(table).encode("utf-8"), f"{_CONTENT_TYPE[fmt]}; charset=utf-8", capped

    # --- responses -------------------------------------------------------------------------------

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, *, headers: dict[str, str] | None = None,
              page: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if page:
            self.send_header("Content-Security-Policy",
                             "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                             "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")


def query_page() -> str:
    """The browser page: a query box, the named queries (parameters bound by VALUES), a results table."""
    from retailkg.query.catalogue import catalogue
    from retailkg.query.sparqltext import inject_values

    examples = []
    for q in catalogue().values():
        try:
            text = inject_values(q.text, q.bindings(q.example_params()), q.name)
        except Exception:
            text = q.text
        examples.append({"name": q.name, "title": f"{q.title_zh} — {q.title_en}", "query": text})
    data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
    first = html.escape(examples[0]["query"]) if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
    page = (Path(__file__).resolve().parent / "serve_page.html").read_text(encoding="utf-8")
    return page.replace("@@EXAMPLES@@", data).replace("@@FIRST@@", first).replace("@@VERSION@@", __version__)
