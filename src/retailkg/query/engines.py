"""Three ways to run a SPARQL query behind one :class:`Engine`: the only query stack of retailkg.

People's queries are answered as a :class:`ResultTable` of rdflib terms (:meth:`Engine.query`); the
rules and the report's own queries read the same engines as lexical values (:meth:`Engine.fetch`,
:meth:`Engine.table`), which at a million triples costs a fraction of building terms.

- :class:`OxigraphEngine` — pyoxigraph, in process (the default: see ``bench/RESULTS.md``).
- :class:`RdflibEngine`   — rdflib's pure-Python evaluator, in process.
- :class:`EndpointEngine` — any SPARQL 1.1 Protocol endpoint, over HTTP with :mod:`requests`
  (credentials go to the endpoint's origin only: :func:`retailkg.query.remote.http_session`).

Queries are written against the *union* of the named graphs. In process that is
``use_default_graph_as_union`` (Oxigraph) or a ``Dataset(default_union=True)`` (rdflib). A remote
store decides for itself what its default graph is (Oxigraph: an empty default graph; Virtuoso:
every graph including its system graphs; GraphDB and Neptune: everything), so the endpoint
engine sends one ``default-graph-uri`` and one ``named-graph-uri`` per retailkg named graph
(SPARQL 1.1 Protocol §2.1.4): every store then answers over the same dataset, whose default graph
is the union and whose ``GRAPH ?g`` sees exactly retailkg's graphs.

Parameters are bound, never pasted: rdflib gets ``initBindings``, pyoxigraph ``substitutions``
(SEP-0007), and the endpoint a VALUES block of N-Triples terms at the start of the WHERE group
(:func:`retailkg.query.sparqltext.inject_values`, which explains why that is equivalent and safe).

Remote stores may cap results silently (Virtuoso's ``ResultSetMaxRows``, 10 000 by default, told
only by an ``X-SPARQL-MaxRows`` header). A SELECT with ORDER BY and no LIMIT of its own is fetched
in pages (``LIMIT n OFFSET k``) that stop at the first short page and shrink to the store's cap; a
store that cannot sort past a window (Virtuoso's ``MaxSortedTopRows``) is asked for the whole
answer instead (:mod:`retailkg.query.stores` knows which). An answer the store cut off is an error
naming the query and the store's setting to raise, never a silently short result.
"""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from retailkg.errors import InputError
from retailkg.ns import graph_iri
from retailkg.query import sparqltext
from retailkg.query.remote import Credentials, check_url, http_error, http_session, network_error
from retailkg.query.results import LexicalTable, ResultTable, Row, from_rows, normalise, read_tsv_values
from retailkg.query.stores import Store, identify
from retailkg.rdf.terms import Term, from_oxigraph, to_oxigraph

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "FILE_GRAPH",
    "EndpointEngine",
    "Engine",
    "OxigraphEngine",
    "RdflibEngine",
    "connect",
    "graph_format",
    "load_oxigraph_store",
    "open_engine",
    "retailkg_graphs",
]

ENGINES = ("oxigraph", "rdflib")
# Chosen by bench/bench_engines.py: pyoxigraph answers the named queries faster (bench/RESULTS.md, "engines").
DEFAULT_ENGINE = "oxigraph"


class Engine(Protocol):
    """Where every SPARQL query of retailkg runs: the named queries, search, the rules and the report's
    own queries.

    :meth:`query` answers with rdflib terms and bound parameters (what people read). The rules and the
    report read lexical values, in two steps so that the threads of
    :func:`retailkg.validation.run.iter_parallel` only wait on the store: :meth:`fetch` (on a query
    thread) gets the answer as the store gives it, :meth:`table` (on the caller's thread) reads it.
    """

    name: str

    def query(self, text: str, bindings: Mapping[str, Term] | None = None, *, source: str = "query") -> ResultTable: ...

    def fetch(self, text: str, source: str = "validate") -> Any:
        """The answer to a SELECT as the store returns it (``source`` names the query in errors)."""
        ...

    def table(self, fetched: Any) -> LexicalTable:
        """A fetched answer, read as lexical values."""
        ...

    def select(self, text: str) -> Iterator[Row]:
        """``table(fetch(text)).dicts()``."""
        ...


class _TermEngine:
    """fetch/table/select for an engine whose only answer is a :class:`ResultTable`."""

    def query(self, text: str, bindings: Mapping[str, Term] | None = None, *, source: str = "query") -> ResultTable:
        raise NotImplementedError

    def fetch(self, text: str, source: str = "validate") -> ResultTable:
        return self.query(text, source=source)

    def table(self, fetched: ResultTable) -> LexicalTable:
        return LexicalTable.of(fetched)

    def select(self, text: str) -> Iterator[Row]:
        return self.table(self.fetch(text)).dicts()


# --- graph files ---------------------------------------------------------------------------------

_FORMATS = {
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}
FILE_GRAPH = graph_iri("file")  # where a triples-only file goes, so the union sees it


def graph_format(path: Path) -> tuple[str, ox.RdfFormat]:
    """The rdflib and pyoxigraph names of a graph file's format, from its suffix."""
    if not path.is_file():
        raise InputError("graph file not found", file=str(path), field="--graph-file")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown graph format {path.suffix!r}; use one of {', '.join(_FORMATS)}", file=str(path), field="--graph-file")
    return fmt


def load_oxigraph_store(path: Path) -> ox.Store:
    """An in-memory pyoxigraph store holding the graph file (quads keep their named graphs)."""
    _, fmt = graph_format(path)
    store = ox.Store()
    try:
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            store.bulk_load(path=str(path), format=fmt)
        else:
            store.bulk_load(path=str(path), format=fmt, to_graph=ox.NamedNode(str(FILE_GRAPH)))
    except SyntaxError as e:
        raise InputError(f"cannot parse graph file: {e}", file=str(path), field="--graph-file") from None
    return store


def retailkg_graphs(store: ox.Store | None = None) -> list[URIRef]:
    """The named graphs retailkg publishes: one per source file, plus the inferred graph.

    With a store, the named graphs it actually holds (a ``--graph`` file may hold others).
    """
    if store is not None:
        return sorted(URIRef(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    from retailkg.kg.catalog import INFERRED_GRAPH, source_files

    return sorted({URIRef(sf.graph) for sf in source_files()} | {URIRef(INFERRED_GRAPH)})


# --- in-process engines --------------------------------------------------------------------------


def _projection_error(text: str, bindings: Mapping[str, Term], source: str) -> InputError:
    try:
        sparqltext.check_bindings(sparqltext.check(text, source), bindings, source)
    except InputError as e:
        return e
    return InputError("the query cannot take these parameters", file=source)


class OxigraphEngine:
    """pyoxigraph over an in-memory store; the union of its graphs is the dataset, unless
    ``default_graph`` names the one graph to query (the bundled documents' assembled data)."""

    name = "oxigraph"

    def __init__(self, graph: Path | None = None, *, store: ox.Store | None = None, default_graph: str | None = None) -> None:
        if store is None:
            if graph is None:
                raise ValueError("OxigraphEngine needs a graph file or a store")
            store = load_oxigraph_store(graph)
        self.store = store
        self.default_graph = default_graph

    def _run(self, text: str, substitutions: Any = None) -> Any:
        if self.default_graph is None:
            return self.store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
        return self.store.query(text, default_graph=ox.NamedNode(self.default_graph), substitutions=substitutions)

    def fetch(self, text: str, source: str = "validate") -> bytes:
        """The answer as SPARQL TSV, evaluated and written in Rust without the GIL. Iterating the
        solutions instead takes the GIL once per row, and while another thread runs Python (naming
        findings) each row then waits for the interpreter's switch interval (bench/RESULTS.md, "scale")."""
        res = self._run(text)
        return bytes(res.serialize(format=ox.QueryResultsFormat.TSV))

    def table(self, fetched: bytes) -> LexicalTable:
        return LexicalTable(*read_tsv_values(fetched))

    def select(self, text: str) -> Iterator[Row]:
        return self.table(self.fetch(text)).dicts()

    def query(self, text: str, bindings: Mapping[str, Term] | None = None, *, source: str = "query") -> ResultTable:
        sparqltext.refuse_service(text, source)
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            res = self._run(text, subs or None)
        except SyntaxError as e:
            raise sparqltext.syntax_error(text, source, e) from None
        except RuntimeError as e:
            if "projection" in str(e) and bindings:
                raise _projection_error(text, bindings, source) from None
            raise InputError(f"query failed: {e}", file=source) from None
        return oxigraph_result(res)


def oxigraph_result(res: Any) -> ResultTable:
    """A pyoxigraph query result as a :class:`ResultTable`."""
    if isinstance(res, ox.QueryBoolean):
        return ResultTable([], [], "ask", bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        # each distinct term is converted once: building an rdflib term (IRI checks, literal casts)
        # is most of a large answer's time, and its values repeat from row to row (a chain's
        # coverage matrix has tens of thousands of rows naming a few hundred functions and areas)
        seen: dict[Any, Term | None] = {}

        def term(t: Any) -> Term | None:
            if t is None:
                return None
            found = seen.get(t)
            if found is None:
                found = seen[t] = normalise(from_oxigraph(t))
            return found

        width = range(len(names))
        return ResultTable(names, [tuple(term(sol[i]) for i in width) for sol in res], "select")
    triples = [(from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)) for t in res]
    return from_rows(["subject", "predicate", "object"], sorted(triples, key=lambda t: tuple(map(str, t))), "graph")


class RdflibEngine(_TermEngine):
    """rdflib's SPARQL evaluator over a Dataset whose default graph is the union of its graphs."""

    name = "rdflib"

    def __init__(self, graph: Path | None = None, *, dataset: Dataset | None = None) -> None:
        if dataset is None:
            if graph is None:
                raise ValueError("RdflibEngine needs a graph file or a dataset")
            rdflib_fmt, _ = graph_format(graph)
            dataset = Dataset(default_union=True)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    if rdflib_fmt in ("trig", "nquads"):
                        dataset.parse(str(graph), format=rdflib_fmt)
                    else:
                        dataset.graph(FILE_GRAPH).parse(str(graph), format=rdflib_fmt)
            except Exception as e:  # rdflib raises parser-specific types
                raise InputError(f"cannot parse graph file: {e}", file=str(graph), field="--graph-file") from None
        else:
            dataset.default_union = True
        self.dataset = dataset

    def query(self, text: str, bindings: Mapping[str, Term] | None = None, *, source: str = "query") -> ResultTable:
        from pyparsing import ParseException

        sparqltext.refuse_service(text, source)
        if bindings:
            sparqltext.check_bindings(sparqltext.check(text, source), bindings, source)
        try:
            with warnings.catch_warnings():
                # rdflib 7 calls its own deprecated Dataset.default_context once per triple pattern match
                warnings.simplefilter("ignore", DeprecationWarning)
                res = self.dataset.query(text, initBindings=dict(bindings or {}))
                rows: list[Any] = list(res) if res.type == "SELECT" else []
        except ParseException as e:
            raise sparqltext.syntax_error(text, source, e) from None
        if res.type == "ASK":
            return ResultTable([], [], "ask", bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            g = res.graph or Graph()
            return from_rows(["subject", "predicate", "object"], sorted(g, key=lambda t: tuple(map(str, t))), "graph")
        names = [str(v) for v in (res.vars or [])]
        return from_rows(names, ([row[i] for i in range(len(names))] for row in rows))


# --- remote endpoint -----------------------------------------------------------------------------


def _json_term(b: Mapping[str, str]) -> Term:
    t = b.get("type")
    v = b.get("value", "")
    if t == "uri":
        return URIRef(v)
    if t == "bnode":
        return BNode(v)
    if t in ("literal", "typed-literal"):
        lang = b.get("xml:lang")
        if lang:
            return Literal(v, lang=lang.lower())
        dt = b.get("datatype")
        return Literal(v, datatype=URIRef(dt)) if dt and dt != str(XSD.string) else Literal(v)
    raise ValueError(f"unknown binding type {t!r}")


class EndpointEngine(_TermEngine):
    """A SPARQL 1.1 Protocol endpoint (Oxigraph, Virtuoso, GraphDB, Fuseki, Neptune, ``retailkg serve``)."""

    name = "endpoint"

    def __init__(self, url: str, *, graphs: Sequence[URIRef] | None = None, credentials: Credentials | None = None,
                 timeout: float = 60.0, page_size: int = 10_000, max_rows: int = 1_000_000) -> None:
        self.url = check_url(url)
        self.graphs = list(graphs) if graphs is not None else retailkg_graphs()
        self.credentials = credentials
        self.timeout = timeout
        self.page_size = page_size
        self.max_rows = max_rows
        self.requests = 0  # how many HTTP requests were made (tests and the benchmark read it)
        self.store: Store | None = None  # learned from the first answer's Server header
        self._local = threading.local()

    def query(self, text: str, bindings: Mapping[str, Term] | None = None, *, source: str = "query") -> ResultTable:
        info = sparqltext.check(text, source)
        sparqltext.refuse_service(text, source)
        if bindings:
            text = sparqltext.inject_values(text, bindings, source)
        if info.pageable and (self.store is None or self.store.sort_window is None):
            return self._paged(text, info, source)
        return self._whole(text, info.kind, source)

    def _whole(self, text: str, kind: str, source: str) -> ResultTable:
        """The answer in one request; an answer the store cut off at its row limit is an error."""
        table, cap = self._request(text, kind, source)
        if cap is not None and len(table.rows) >= cap:
            raise self._cut(cap, source)
        return table

    def _cut(self, rows: int, source: str) -> InputError:
        store = self.store or identify(None)
        return InputError(f"{self.url} ({store.label}): query {source}: the store cut the result off at {rows} rows "
                          f"(X-SPARQL-MaxRows); {store.cut_advice()}")

    def _paged(self, text: str, info: sparqltext.QueryInfo, source: str) -> ResultTable:
        """An ORDER BY query in pages of ``page_size`` rows, or of the store's cap where that is smaller.

        A page shorter than asked is the last, so most answers take one request. A store that
        cannot sort past a window (Virtuoso) is never asked for an offset beyond it: once the
        first answer shows such a store, the query is asked whole instead (:meth:`_whole`), and
        a result the store cuts off is an error rather than a silent 10 000 rows.
        """
        rows: list[tuple[Term | None, ...]] = []
        names: list[str] | None = None
        page = self.page_size
        while True:
            window = self.store.sort_window if self.store is not None else None
            if window is not None and len(rows) + page > window:
                if not rows:
                    page = window
                else:
                    return self._whole(text, info.kind, source)
            table, cap = self._request(sparqltext.with_page(text, page, len(rows)), info.kind, source)
            names = names or table.vars
            rows += table.rows
            if cap is not None and cap < page and len(table.rows) >= cap:
                page = cap  # the store's own limit is below the page: go on in pages of its size
            elif len(table.rows) < page:
                break
            if len(rows) >= self.max_rows:
                raise InputError(f"{self.url}: query {source}: more than {self.max_rows} rows; add a LIMIT")
        return ResultTable(names or [], rows)

    def _session(self) -> Any:
        """One HTTP session per thread (validate queries from two threads), bound to the endpoint's origin."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = http_session(self.url, self.credentials)
        return session

    def _request(self, text: str, kind: str, source: str = "query") -> tuple[ResultTable, int | None]:
        """One POST; the answer and the row cap the store announced (``X-SPARQL-MaxRows``), if any."""
        import requests

        # SPARQL 1.1 Protocol, query via POST with URL-encoded parameters (§2.1.2)
        form = [("query", text)]
        form += [("default-graph-uri", str(g)) for g in self.graphs]
        form += [("named-graph-uri", str(g)) for g in self.graphs]
        accept = _ACCEPT_SOLUTIONS if kind in ("select", "ask") else _ACCEPT_GRAPH
        self.requests += 1
        try:
            r = self._session().post(self.url, data=form, timeout=self.timeout,
                                     headers={"Accept": accept, "User-Agent": f"retailkg/{_version()}"})
            body = r.content
        except requests.RequestException as e:
            error = network_error(self.url, e, self.timeout)
            if "connection refused" in error.message or "unknown host" in error.message:
                raise error from None  # nothing to do with the query
            raise InputError(f"{error.message} (query {source})") from None
        self.store = store = identify(r.headers.get("Server"))
        if r.status_code != 200:
            text_body = body.decode("utf-8", "replace")
            advice = store.error_advice(text_body)
            first = next((line.strip() for line in text_body.splitlines() if line.strip()), "")
            if advice:
                raise InputError(f"{self.url} ({store.label}): query {source}: HTTP {r.status_code}: {first[:160]}; {advice}")
            reasons = {400: "Bad Request (the endpoint rejected the query)", 500: "Internal Server Error"}
            error = http_error(self.url, r.status_code, reasons.get(r.status_code, r.reason or ""), body)
            raise InputError(f"{error.message} (query {source})")
        if r.headers.get("X-SQL-State", "").upper() == "S1TAT":  # Virtuoso's "anytime" answer: partial by design
            raise InputError(f"{self.url} ({store.label}): query {source}: the store stopped at its time limit and "
                             "answered part of the result; raise MaxQueryExecutionTime in the [SPARQL] section of virtuoso.ini")
        cap_header = r.headers.get("X-SPARQL-MaxRows")
        cap = int(cap_header) if cap_header and cap_header.strip().isdigit() else None
        return self._parse(body, kind, r.headers.get("Content-Type", ""), source), cap

    def _parse(self, body: bytes, kind: str, content_type: str, source: str = "query") -> ResultTable:
        if "html" in content_type.lower() or body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            raise InputError(f"{self.url}: query {source}: the endpoint answered with an HTML page, not SPARQL results; "
                             "give the store's SPARQL endpoint as --endpoint (e.g. …/sparql or …/query)")
        try:
            if kind in ("select", "ask"):
                doc = json.loads(body.decode("utf-8"))
                if "boolean" in doc:
                    return ResultTable([], [], "ask", bool(doc["boolean"]))
                names = list(doc["head"].get("vars", []))
                bindings = doc["results"]["bindings"]
                return from_rows(names, ([_json_term(b[v]) if v in b else None for v in names] for b in bindings))
            g = Graph()
            fmt = "nt" if "n-triples" in content_type else "turtle"
            g.parse(data=body.decode("utf-8"), format=fmt)
            return from_rows(["subject", "predicate", "object"], sorted(g, key=lambda t: tuple(map(str, t))), "graph")
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            raise InputError(f"{self.url}: query {source}: the endpoint's answer is not valid SPARQL results "
                             f"({type(e).__name__}: {str(e)[:120]})") from None


_ACCEPT_SOLUTIONS = "application/sparql-results+json, application/json;q=0.9"
_ACCEPT_GRAPH = "text/turtle, application/n-triples;q=0.9"


def _version() -> str:
    from retailkg import __version__

    return __version__


def open_engine(kind: str, graph: Path) -> OxigraphEngine | RdflibEngine:
    """An in-process engine over a graph file."""
    if kind == "oxigraph":
        return OxigraphEngine(graph)
    if kind == "rdflib":
        return RdflibEngine(graph)
    raise InputError(f"unknown engine {kind!r}; one of {', '.join(ENGINES)}")


def connect(graph: Path | None = None, *, endpoint: str | None = None, kind: str = DEFAULT_ENGINE,
            credentials: Credentials | None = None, timeout: float = 60.0,
            on_build: Callable[[Path], None] | None = None) -> Engine:
    """Where a query runs: a remote endpoint, an embedded engine over a graph file, or (neither
    given) over the cached build of the bundled sources, built first if need be (``on_build`` is
    told where, since that takes seconds). The query commands and :func:`retailkg.api.open` both
    choose their engine here."""
    if endpoint is not None:
        if graph is not None:
            raise InputError("query a graph file or an endpoint, not both", field="--endpoint")
        return EndpointEngine(endpoint, credentials=credentials, timeout=timeout)
    if graph is None:
        from retailkg.kg.cache import ensure_graph

        graph = ensure_graph(on_build=on_build)
    return open_engine(kind, graph)
