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
no authentication. ``/`` is YASGUI with the named queries as a library
(:mod:`retailkg.query.webui`): every file it loads is in the package and served from
``/static/``, the catalogue from ``/queries.json``; its Content-Security-Policy lets it load from
and connect to this server only.

Hardened for a browser and a network it does not trust:

- ``SERVICE`` is refused (400, :func:`retailkg.query.sparqltext.refuse_service`): pyoxigraph would
  fetch any URL a query names, which would make the server a proxy into its own network.
- The ``Host`` header must name the address the server is bound to (``127.0.0.1:PORT``,
  ``localhost:PORT``, ``[::1]:PORT``, the ``--host`` given; any IP address when bound to all
  interfaces): a page on another site that re-points its DNS name at 127.0.0.1 (DNS rebinding)
  gets 403 and never a result.
- Each query runs on a bounded pool of worker threads (``workers``) and has a time limit
  (``timeout``, 30 s by default) counted from the request's arrival, waiting in the pool
  included. At the limit the client gets 503 (or, once results flow, the end of the stream with
  the error noted) and the query is stopped: each query is evaluated in a child process
  (:mod:`retailkg.query.isolate`: forked from a zygote holding the store, copy-on-write), which is
  killed at the limit or when the client goes away — pyoxigraph offers no way to interrupt an
  evaluation from Python, so a step that yields nothing until it is done (ORDER BY, GROUP BY, an
  aggregate over a cross product) could not be stopped by a thread. Where fork is not available
  (or with ``isolate=False``) queries run in the worker threads, which stop at the next solution.
- Results are streamed (chunked) as the worker yields them, in batches through a small queue,
  so memory stays bounded whatever the answer's size; ``max_rows`` stops the worker at that many
  solutions. It caps SELECT results the way Virtuoso's ``ResultSetMaxRows`` does and is announced
  in an ``X-SPARQL-MaxRows`` header on every SELECT answer (headers go before the rows, so a
  client that gets exactly that many rows must assume it was cut; the tests use it to check that
  clients page through caps).
- Every error is a SPARQL Protocol error: a status and a ``text/plain`` line saying why, never an
  empty reply or a stack trace. An error after the rows have begun (the time limit, a failure in
  evaluation) ends the stream cleanly, noted in the body where the format has room (an
  ``"error"`` member in JSON, a comment in XML; CSV and TSV have none) and in an
  ``X-SPARQL-Error`` trailer.
- The listen backlog is 1024 connections (the standard library's default is 5) and each
  connection has its own thread, so 200 clients at once are all answered; an idle connection is
  closed after ``IDLE_TIMEOUT`` seconds.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import os
import queue
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO, Any, cast
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from retailkg import __version__
from retailkg.errors import InputError
from retailkg.ns import PREFIXES
from retailkg.query.isolate import Child, Request, Zygote, available
from retailkg.query.results import ResultTable, write_csv, write_json, write_tsv
from retailkg.query.sparqltext import is_update, refuse_service
from retailkg.query.webui import PAGE_CSP, Asset, catalogue_json, page_html, static_assets
from retailkg.rdf.terms import Term

__all__ = ["DEFAULT_TIMEOUT", "SparqlServer", "allowed_hosts", "make_server", "negotiate", "running_server", "write_xml"]

MAX_BODY = 1 << 20  # 1 MiB of query text is more than any real query needs
DEFAULT_TIMEOUT = 30.0  # seconds a query may take, waiting for a worker included
BACKLOG = 1024  # connections the kernel queues before accept (capped by net.core.somaxconn)
IDLE_TIMEOUT = 60  # seconds a connection may be idle (or a client slow to read) before it is closed
BATCH = 256  # solutions a worker hands over at once
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

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


def default_workers() -> int:
    """Query worker threads: two per CPU, at least eight (a runaway step holds one until it ends)."""
    return max(8, 2 * (os.cpu_count() or 1))


def allowed_hosts(host: str, port: int) -> Callable[[str], bool]:
    """Whether a ``Host`` header names this server: loopback names and the bound address, with its port.

    Bound to all interfaces (``0.0.0.0``, ``::``), any IP address is accepted as well: a client
    that types an address needs no DNS, and DNS rebinding needs a name.
    """
    names = {"127.0.0.1", "localhost", "[::1]", host.lower() if ":" not in host else f"[{host.lower()}]"}
    wildcard = host in ("0.0.0.0", "::", "")

    def ok(header: str) -> bool:
        value = header.strip().lower()
        if value.startswith("["):
            name, _, rest = value.partition("]")
            name += "]"
            port_text = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
        else:
            name, _, port_text = value.partition(":")
        if (port_text or "80") != str(port):
            return False
        if name in names:
            return True
        if wildcard:
            try:
                ipaddress.ip_address(name.strip("[]"))
            except ValueError:
                return False
            return True
        return False

    return ok


class _Workers:
    """A fixed pool of daemon threads that evaluate queries.

    Not a ThreadPoolExecutor: its threads are joined when the interpreter exits, so a step that
    cannot be interrupted would keep Ctrl-C waiting until it is done.
    """

    def __init__(self, n: int) -> None:
        self.tasks: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self.threads = [threading.Thread(target=self._work, name=f"retailkg-query-{i}", daemon=True) for i in range(n)]
        for t in self.threads:
            t.start()

    def _work(self) -> None:
        while (task := self.tasks.get()) is not None:
            task()

    def submit(self, fn: Callable[..., None], *args: Any) -> None:
        self.tasks.put(lambda: fn(*args))

    def shutdown(self) -> None:
        for _ in self.threads:
            self.tasks.put(None)


class SparqlServer(ThreadingHTTPServer):
    """A threaded HTTP server answering SPARQL queries over one pyoxigraph store (see the module docstring)."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, max_rows: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT, workers: int | None = None, quiet: bool = False,
                 isolate: bool = True) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)
        self.store = store
        self.max_rows = max_rows
        self.timeout_s = timeout
        self.quiet = quiet
        self.page = page_html().encode("utf-8")
        self.catalogue = catalogue_json(timeout=timeout, max_rows=max_rows)
        self.assets = static_assets()
        self.host_ok = allowed_hosts(host, int(self.server_address[1]))
        # the zygote first, while this server has started no thread of its own (see retailkg.query.isolate)
        self.zygote = Zygote(store) if isolate and available() else None
        self.pool = _Workers(workers or default_workers())

    @property
    def url(self) -> str:
        address, port = self.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else str(address)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line on stderr, never a traceback (the client has had its 500 already)."""
        if not self.quiet:
            e = sys.exc_info()[1]
            print(f"retailkg serve: error answering {client_address[0]}: {type(e).__name__}: {e}", file=sys.stderr)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown()
        if self.zygote is not None:
            self.zygote.close()


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, max_rows: int | None = None,
                timeout: float = DEFAULT_TIMEOUT, workers: int | None = None, quiet: bool = False,
                isolate: bool = True) -> SparqlServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever()`` to run it."""
    return SparqlServer(store, host, port, max_rows=max_rows, timeout=timeout, workers=workers, quiet=quiet,
                        isolate=isolate)


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


# --- running a query on a worker -----------------------------------------------------------------


class _Deadline(Exception):
    pass


class _Run:
    """One query on a worker thread; what it yields comes through a small queue, in batches.

    The queue holds a few batches, so a worker never runs far ahead of a slow client; ``cancel``
    makes the worker stop at its next solution (or its next hand-over).
    """

    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=8)
        self.cancelled = threading.Event()
        self.child: Child | None = None  # the process evaluating the query, when queries run in processes

    def put(self, item: tuple[str, Any]) -> bool:
        while not self.cancelled.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def get(self, deadline: float) -> tuple[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Deadline
        try:
            return self.queue.get(timeout=remaining)
        except queue.Empty:
            raise _Deadline from None

    def cancel(self) -> None:
        self.cancelled.set()
        child = self.child
        if child is not None:
            child.kill()  # stops an evaluation no thread could: ORDER BY over a cross product, say


def _produce(run: _Run, store: ox.Store, text: str, kw: dict[str, Any], cap: int | None) -> None:
    """The worker: evaluate, then hand the solutions (or triples) over until done, capped or cancelled."""
    try:
        if run.cancelled.is_set():
            return  # the client gave up while this waited for a worker
        res = store.query(text, **kw)
        if isinstance(res, ox.QueryBoolean):
            run.put(("ask", bool(res)))
            return
        select = isinstance(res, ox.QuerySolutions)
        head = ("select", [v.value for v in res.variables]) if isinstance(res, ox.QuerySolutions) else ("graph", None)
        if not run.put(head):
            return
        batch: list[Any] = []
        flushed = time.monotonic()
        for n, item in enumerate(res, 1):
            if run.cancelled.is_set():
                return
            batch.append(item)
            if select and cap is not None and n >= cap:
                break
            if len(batch) >= BATCH or time.monotonic() - flushed > 0.05:
                if not run.put(("rows", batch)):
                    return
                batch, flushed = [], time.monotonic()
        if batch and not run.put(("rows", batch)):
            return
        run.put(("end", None))
    except SyntaxError as e:
        run.put(("syntax", e))
    except Exception as e:
        run.put(("error", e))


def _produce_in_child(run: _Run, zygote: Zygote, request: Request) -> None:
    """The worker when queries run in processes: fork a child for the query, relay its messages, and
    let ``run.cancel()`` kill it at the time limit or when the client goes away."""
    if run.cancelled.is_set():
        return
    try:
        child = zygote.start(request)
    except (OSError, RuntimeError) as e:
        run.put(("error", f"could not start the query process: {e}"))
        return
    run.child = child
    if run.cancelled.is_set():
        child.kill()
        return
    try:
        for message in child.messages(time.monotonic() + 365 * 86400):  # the handler keeps the time limit
            if not run.put(message):
                return
    except EOFError:
        if not run.cancelled.is_set():
            run.put(("error", "the query process ended before its answer (out of memory?)"))
    except OSError:
        pass  # the socket closed under us: cancelled
    finally:
        child.kill()


# --- streaming writers ---------------------------------------------------------------------------


def _literal_nt(t: ox.Literal) -> str:
    value = t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if t.language:
        return f'"{value}"@{t.language}'
    if t.datatype.value != _XSD_STRING:
        return f'"{value}"^^<{t.datatype.value}>'
    return f'"{value}"'


def _tsv_cell(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        return _literal_nt(t)
    return str(t)  # an RDF-star triple term


def _csv_cell(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.NamedNode | ox.Literal):
        return str(t.value)
    return str(t)


def _json_cell(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": {k: _json_cell(getattr(t, k)) for k in ("subject", "predicate", "object")}}


def _xml_cell(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
        if t.datatype.value != _XSD_STRING:
            return f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
        return f"<literal>{xml_escape(t.value)}</literal>"
    return "<triple>" + "".join(f"<{k}>{_xml_cell(getattr(t, k))}</{k}>" for k in ("subject", "predicate", "object")) + "</triple>"


class _SolutionWriter:
    """Writes SELECT results as they come: ``head()``, ``rows(batch)`` any number of times, ``tail(error)``."""

    def __init__(self, fmt: str, names: list[str]) -> None:
        self.fmt = fmt
        self.names = names
        self.width = range(len(names))
        self.first = True

    def head(self) -> str:
        if self.fmt == "json":
            return '{"head":{"vars":' + json.dumps(self.names, ensure_ascii=False) + '},"results":{"bindings":[\n'
        if self.fmt == "xml":
            return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>'
                    + "".join(f'<variable name="{xml_escape(v)}"/>' for v in self.names) + "</head>\n<results>\n")
        if self.fmt == "csv":
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\r\n").writerow(self.names)
            return buf.getvalue()
        return "\t".join(f"?{v}" for v in self.names) + "\n"

    def rows(self, batch: list[Any]) -> str:
        width, names = self.width, self.names
        if self.fmt == "json":
            parts = []
            for sol in batch:
                cells = {names[i]: _json_cell(sol[i]) for i in width if sol[i] is not None}
                parts.append(("" if self.first else ",\n") + json.dumps(cells, ensure_ascii=False))
                self.first = False
            return "".join(parts)
        if self.fmt == "xml":
            return "".join("<result>" + "".join(f'<binding name="{xml_escape(names[i])}">{_xml_cell(sol[i])}</binding>'
                                                for i in width if sol[i] is not None) + "</result>\n" for sol in batch)
        if self.fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            for sol in batch:
                w.writerow([_csv_cell(sol[i]) for i in width])
            return buf.getvalue()
        return "".join("\t".join(_tsv_cell(sol[i]) for i in width) + "\n" for sol in batch)

    def tail(self, error: str | None) -> str:
        if self.fmt == "json":
            return "\n]}" + (f',"error":{json.dumps(error, ensure_ascii=False)}' if error else "") + "}\n"
        if self.fmt == "xml":
            note = f"<!-- error: {error.replace('--', '- -')} -->\n" if error else ""
            return f"{note}</results>\n</sparql>\n"
        return ""


class _Body:
    """The response body: chunked for HTTP/1.1 (with an ``X-SPARQL-Error`` trailer when it failed), raw for 1.0."""

    LIMIT = 1 << 15

    def __init__(self, wfile: Any, chunked: bool) -> None:
        self.wfile = wfile
        self.chunked = chunked
        self.buf: list[bytes] = []
        self.size = 0

    def write(self, data: bytes | str) -> int:
        b = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if b:
            self.buf.append(b)
            self.size += len(b)
            if self.size >= self.LIMIT:
                self.flush()
        return len(b)

    def flush(self) -> None:
        if not self.size:
            return
        data = b"".join(self.buf)
        self.buf, self.size = [], 0
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if self.chunked else data)
        self.wfile.flush()

    def finish(self, error: str | None) -> None:
        self.flush()
        if self.chunked:
            trailer = f"X-SPARQL-Error: {' '.join(error.split())}\r\n".encode() if error else b""
            self.wfile.write(b"0\r\n" + trailer + b"\r\n")
        self.wfile.flush()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = f"retailkg/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    # --- routing ---------------------------------------------------------------------------------

    def _guarded(self, answer: Callable[[], None]) -> None:
        """Check the Host header, then answer; any failure becomes a protocol error, never a traceback."""
        self._started = False
        try:
            host = self.headers.get("Host")
            if host is None:
                self._error(HTTPStatus.BAD_REQUEST, "a Host header is required")
            elif not self.server.host_ok(host):
                self._error(HTTPStatus.FORBIDDEN, f"unknown Host {host!r}: this server answers requests for "
                            f"127.0.0.1:{self.server.server_address[1]} or localhost:{self.server.server_address[1]} only")
            else:
                answer()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True  # the client went away
        except Exception as e:
            self.close_connection = True
            self.log_error("internal error: %s: %s", type(e).__name__, e)
            if not self._started:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error ({type(e).__name__}); see the server's log")

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def do_HEAD(self) -> None:
        self._guarded(lambda: self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST"))

    def _get(self) -> None:
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page, "text/html; charset=utf-8", page=True)
            return
        if parts.path == "/queries.json":
            self._send(HTTPStatus.OK, self.server.catalogue, "application/json; charset=utf-8", headers={"Cache-Control": "no-cache"})
            return
        asset = self.server.assets.get(parts.path)
        if asset is not None:
            self._static(asset)
            return
        if parts.path not in ("/sparql", "/query"):
            self._error(HTTPStatus.NOT_FOUND, "not found; the SPARQL endpoint is /sparql")
            return
        self._dispatch(parse_qs(parts.query, keep_blank_values=True))

    def _static(self, asset: Asset) -> None:
        """A file of the page, revalidated by ETag (``no-cache``: a new version is never shown stale)."""
        cache = {"ETag": asset.etag, "Cache-Control": "no-cache"}
        if asset.etag in [t.strip() for t in (self.headers.get("If-None-Match") or "").split(",")]:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for k, v in cache.items():
                self.send_header(k, v)
            self.end_headers()
            self._started = True
            return
        self._send(HTTPStatus.OK, asset.body, asset.content_type, headers=cache)

    def _post(self) -> None:
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
        def refuse() -> None:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: only GET and POST queries are answered",
                        headers={"Allow": "GET, POST"})

        self._guarded(refuse)

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
            self._run(queries[0], params)
        except _Refused as e:
            self._error(e.status, e.message)

    def _dataset(self, params: dict[str, list[str]]) -> dict[str, Any]:
        defaults = params.get("default-graph-uri", [])
        named = params.get("named-graph-uri", [])
        if not defaults and not named:
            return {"use_default_graph_as_union": True}
        kw: dict[str, Any] = {}
        try:
            kw["default_graph"] = [ox.NamedNode(g) for g in defaults] or ox.DefaultGraph()
            kw["named_graphs"] = [ox.NamedNode(g) for g in named]
        except ValueError as e:
            raise _Refused(HTTPStatus.BAD_REQUEST, f"default-graph-uri and named-graph-uri must be IRIs: {e}") from None
        return kw

    def _run(self, text: str, params: dict[str, list[str]]) -> None:
        try:
            refuse_service(text, "query")
        except InputError as e:
            if is_update(text):
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused") from None
            raise _Refused(HTTPStatus.BAD_REQUEST, e.message) from None
        kw = self._dataset(params)
        server = self.server
        deadline = time.monotonic() + server.timeout_s
        run = _Run()
        if server.zygote is not None:
            request = Request(text, tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])),
                              server.max_rows)
            server.pool.submit(_produce_in_child, run, server.zygote, request)
        else:
            server.pool.submit(_produce, run, server.store, text, kw, server.max_rows)
        try:
            kind, value = run.get(deadline)
            if kind == "syntax":
                if is_update(text):
                    raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
                raise _Refused(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {value}")
            if kind == "error":
                why = value if isinstance(value, str) else f"{type(value).__name__}: {value}"
                raise _Refused(HTTPStatus.BAD_REQUEST, f"query failed: {why}")
            accept = self.headers.get("Accept")
            if kind == "ask":
                offer = negotiate(accept, list(SOLUTION_TYPES))
                if offer is None:
                    raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"results are available as {', '.join(SOLUTION_TYPES)}")
                fmt = SOLUTION_TYPES[offer]
                writer = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}[fmt]
                body = writer(ResultTable([], [], "ask", bool(value))).encode("utf-8")
                self._send(HTTPStatus.OK, body, f"{_CONTENT_TYPE[fmt]}; charset=utf-8")
            elif kind == "select":
                self._stream_solutions(run, deadline, value, accept)
            else:
                self._stream_graph(run, deadline, accept)
        except _Deadline:
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                           f"the query ran longer than the time limit of {server.timeout_s:g} s (--timeout) and was stopped") from None
        finally:
            run.cancel()

    def _start_stream(self, ctype: str, headers: dict[str, str] | None = None) -> _Body:
        chunked = self.request_version != "HTTP/1.0"
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("X-Content-Type-Options", "nosniff")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Trailer", "X-SPARQL-Error")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self._started = True
        return _Body(self.wfile, chunked)

    def _stream_solutions(self, run: _Run, deadline: float, names: list[str], accept: str | None) -> None:
        offer = negotiate(accept, list(SOLUTION_TYPES))
        if offer is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"results are available as {', '.join(SOLUTION_TYPES)}")
        fmt = SOLUTION_TYPES[offer]
        cap = self.server.max_rows
        out = _SolutionWriter(fmt, names)
        body = self._start_stream(f"{_CONTENT_TYPE[fmt]}; charset=utf-8", {"X-SPARQL-MaxRows": str(cap)} if cap else None)
        body.write(out.head())
        outcome: list[str] = []
        try:
            for batch in self._batches(run, deadline, outcome):
                body.write(out.rows(batch))
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            raise
        except Exception as e:
            outcome.append(self._internal(e))
        error = outcome[0] if outcome else None
        body.write(out.tail(error))
        body.finish(error)

    def _stream_graph(self, run: _Run, deadline: float, accept: str | None) -> None:
        offer = negotiate(accept, list(GRAPH_TYPES))
        if offer is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"graph results are available as {', '.join(GRAPH_TYPES)}")
        body = self._start_stream(f"{offer}; charset=utf-8")
        outcome: list[str] = []
        triples = (t for batch in self._batches(run, deadline, outcome) for t in batch)
        prefixes = dict(PREFIXES) if GRAPH_TYPES[offer] is ox.RdfFormat.TURTLE else None
        try:
            ox.serialize(triples, cast("IO[bytes]", body), GRAPH_TYPES[offer], prefixes=prefixes)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            raise
        except Exception as e:
            outcome.append(self._internal(e))
        body.finish(outcome[0] if outcome else None)

    def _internal(self, e: Exception) -> str:
        """Log an unexpected failure in one line; the message the client gets instead of a stack trace."""
        self.log_error("internal error while streaming: %s: %s", type(e).__name__, e)
        return f"internal error while streaming ({type(e).__name__}); the result is incomplete"

    def _batches(self, run: _Run, deadline: float, outcome: list[str]) -> Iterator[list[Any]]:
        """The worker's batches until the end; on an error (or the time limit) its message goes into ``outcome``."""
        while True:
            try:
                kind, value = run.get(deadline)
            except _Deadline:
                run.cancel()
                outcome.append(f"stopped at the time limit of {self.server.timeout_s:g} s (--timeout); the result is incomplete")
                return
            if kind == "end":
                return
            if kind != "rows":
                run.cancel()
                outcome.append(f"query failed while streaming: {type(value).__name__}: {value}; the result is incomplete")
                return
            yield value

    # --- responses -------------------------------------------------------------------------------

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, *, headers: dict[str, str] | None = None,
              page: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if page:
            self.send_header("Content-Security-Policy", PAGE_CSP)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self._started = True
        self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str, *, headers: dict[str, str] | None = None) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers=headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's own errors (a malformed request line, a URL too long): plain text too."""
        try:
            status = HTTPStatus(code)
        except ValueError:
            status = HTTPStatus.BAD_REQUEST
        self.close_connection = True
        self._send(status, (f"{message or status.phrase}\n").encode("utf-8", "replace"), "text/plain; charset=utf-8",
                   headers={"Connection": "close"})

