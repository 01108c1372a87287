"""``retailkg load``: put the knowledge graph into a triple store, one named graph at a time.

Each named graph of the build is sent with the SPARQL 1.1 Graph Store HTTP Protocol as
``PUT <graph-store>?graph=<IRI>`` with a Turtle body. PUT *replaces* the graph, so loading twice
leaves the store exactly as loading once, and a reload after a data fix needs no clean-up; graphs
the store holds besides retailkg's are never touched.

The body is the build's own triples: the file is read by a streaming parser and each graph written
out again as it was read, never through a store, which would keep values in its own canonical form
(pyoxigraph turns ``"5"^^xsd:positiveInteger`` into ``xsd:integer``) and so load data that differs
from ``retailkg.trig``. Afterwards every graph is read back through the SPARQL endpoint and compared
with what was sent, triple by triple (blank nodes by canonical labels, values by
:func:`retailkg.query.results.normalise`, the client's one place for what stores keep differently),
so a store that dropped, added or changed data is caught at load time, not at query time; a
count would not see a changed value.

Where the Graph Store endpoint is: Oxigraph ``…/store`` (derived from a ``…/query`` endpoint),
Virtuoso ``…/sparql-graph-crud-auth`` (which names the graph with ``graph-uri``, detected from the
path), GraphDB ``…/repositories/<id>/rdf-graphs/service``, Fuseki ``…/<dataset>/data``, Neptune
``…/sparql/gsp/``. ``docs/triple-stores.md`` has the details.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import BNode, URIRef

from retailkg.errors import InputError
from retailkg.ns import PREFIXES
from retailkg.query.engines import FILE_GRAPH, EndpointEngine, graph_format
from retailkg.query.remote import Credentials, check_url, http_error, http_session, network_error
from retailkg.query.results import normalise
from retailkg.rdf.terms import Term, from_oxigraph, ntriples_term, to_oxigraph

__all__ = ["CHUNK", "GraphLoad", "count_remote", "differences", "graph_param", "graph_store_url", "load_graphs", "read_graphs",
           "remote_triples"]


@dataclass(frozen=True)
class GraphLoad:
    """One graph sent to the store: how many triples went, the HTTP status, how many the store holds
    (``None`` unverified) once its content was found equal to what was sent."""

    graph: str
    triples: int
    status: int
    stored: int | None = None


def graph_store_url(endpoint: str, graph_store: str | None = None) -> str:
    """The Graph Store Protocol URL: given, or derived from an Oxigraph-style ``…/query`` endpoint."""
    if graph_store:
        return check_url(graph_store, "--graph-store")
    parts = urlsplit(endpoint)
    if parts.path.endswith("/query"):
        return urlunsplit(parts._replace(path=parts.path[: -len("/query")] + "/store", query=""))
    raise InputError("give --graph-store: the SPARQL 1.1 Graph Store endpoint (Oxigraph …/store, Virtuoso "
                     "…/sparql-graph-crud-auth, GraphDB …/repositories/ID/rdf-graphs/service, Fuseki …/DATASET/data, "
                     "Neptune …/sparql/gsp/)")


def graph_param(graph_store: str) -> str:
    """The query parameter that names the graph: ``graph`` (the standard), ``graph-uri`` for Virtuoso."""
    return "graph-uri" if "sparql-graph-crud" in urlsplit(graph_store).path else "graph"


def _put_url(graph_store: str, graph: str) -> str:
    sep = "&" if urlsplit(graph_store).query else "?"
    return f"{graph_store}{sep}{graph_param(graph_store)}={quote(graph, safe='')}"


def count_remote(engine: EndpointEngine, graph: str) -> int:
    """Triples in one named graph of the store, counted by its SPARQL endpoint."""
    from rdflib import URIRef

    from retailkg.rdf.terms import ntriples_term

    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ntriples_term(URIRef(graph))} {{ ?s ?p ?o }} }}"
    table = engine.query(text, source="load")
    value = table.rows[0][0] if table.rows else None
    return int(str(value)) if value is not None else 0


def read_graphs(graph_file: Path) -> dict[str, list[ox.Triple]]:
    """The triples of each named graph of the file, as written in it (a file without graphs: one graph)."""
    _, fmt = graph_format(graph_file)
    graphs: dict[str, list[ox.Triple]] = {}
    try:
        for q in ox.parse(path=str(graph_file), format=fmt):
            g = q.graph_name
            if isinstance(g, ox.NamedNode):
                graphs.setdefault(g.value, []).append(q.triple)
            elif fmt not in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
                graphs.setdefault(str(FILE_GRAPH), []).append(q.triple)
    except SyntaxError as e:
        raise InputError(f"cannot parse graph file: {e}", file=str(graph_file), field="--graph-file") from None
    return graphs


def remote_triples(engine: EndpointEngine, graph: str) -> list[tuple[Term, Term, Term]]:
    """Every triple of one named graph of the store, read through its SPARQL endpoint (paged)."""
    g = ntriples_term(URIRef(graph))
    table = engine.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o",
                         source=f"load check of {graph}")
    return [(s, p, o) for s, p, o in table.rows if s is not None and p is not None and o is not None]


def _rdflib_triple(t: ox.Triple) -> tuple[Term, Term, Term]:
    s, p, o = from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)
    if s is None or o is None:
        raise TypeError(f"not an RDF triple: {t}")
    return s, p, o


def _split(triples: Iterable[tuple[Term, Term, Term]]) -> tuple[set[tuple[str, str, str]], ox.Dataset]:
    ground: set[tuple[str, str, str]] = set()
    blank = ox.Dataset()
    labels: dict[str, ox.BlankNode] = {}  # a store's labels (Virtuoso: nodeID://b1) need not be valid here

    def term(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        return labels.setdefault(str(t), ox.BlankNode()) if isinstance(t, BNode) else to_oxigraph(t)

    for s, p, o in triples:
        o = normalise(o) or o
        if isinstance(s, BNode) or isinstance(o, BNode):
            subject, predicate = term(s), term(p)
            if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
                raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")
            blank.add(ox.Quad(subject, predicate, term(o)))
        else:
            ground.add((ntriples_term(s), ntriples_term(p), ntriples_term(o)))
    return ground, blank


def differences(sent: Sequence[tuple[Term, Term, Term]], stored: Sequence[tuple[Term, Term, Term]]) -> str | None:
    """``None`` if the store holds what was sent (values compared as :func:`normalise` spells them,
    blank nodes by canonical labels), else what differs, in a few words."""
    want, want_blank = _split(sent)
    have, have_blank = _split(stored)
    missing, extra = sorted(want - have), sorted(have - want)
    if missing or extra:
        example = " ".join((missing or extra)[0])
        return f"{len(missing)} triples sent are not in the store, {len(extra)} in it were not sent (e.g. {example[:200]})"
    # blank nodes by canonical labels (RDF Dataset Canonicalization; rdflib's isomorphism takes
    # minutes on a chain's thousands of blank nodes)
    want_blank.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    have_blank.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    if want_blank != have_blank:
        return f"the {len(want_blank)} triples with blank nodes differ ({len(have_blank)} in the store)"
    return None


CHUNK = 50_000  # triples per request: each request stays small enough for --timeout and the store's transaction


def _chunks(triples: Sequence[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """The requests for one graph: every triple with a blank node in the first (a blank node's label
    means the same node only within one document), the others after it, ``size`` at a time."""
    blank = [t for t in triples if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)]
    ground = [t for t in triples if not (isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode))]
    room = max(0, size - len(blank))
    out = [blank + ground[:room]]
    out += [ground[i:i + size] for i in range(room, len(ground), size)]
    return out


def _short(graph: str) -> str:
    return graph.rstrip("/").rsplit("/", 1)[-1]


def _interrupted(error: InputError, graph: str, done: list[GraphLoad], todo: list[str]) -> InputError:
    """``error``, saying where the load stopped: which graphs are new, which still as before."""
    def names(gs: list[str]) -> str:
        shown = ", ".join(_short(g) for g in gs[:8])
        return shown + (f" and {len(gs) - 8} more" if len(gs) > 8 else "") if gs else "none"

    return InputError(f"{error}; load stopped at graph {_short(graph)} (it may hold part of its new triples); "
                      f"new: {names([d.graph for d in done])}; as before: {names(todo)}; "
                      "run the load again to finish (each graph is replaced)")


def load_graphs(graph_file: Path, *, endpoint: str, graph_store: str | None = None, credentials: Credentials | None = None,
                timeout: float = 60.0, verify: bool = True, progress: Callable[[GraphLoad], None] | None = None,
                chunk: int = CHUNK) -> list[GraphLoad]:
    """PUT every named graph of ``graph_file`` into the store; return what was loaded (and verified).

    A graph larger than ``chunk`` triples goes as a PUT of the first ``chunk`` and POSTs (which add)
    of the rest. A load that fails part-way says which graphs are new and which as before; running
    it again repairs the store, since the first request of every graph replaces it.
    """
    check_url(endpoint)
    gsp = graph_store_url(endpoint, graph_store)
    graphs = read_graphs(graph_file)
    if not graphs:
        raise InputError("the graph file has no named graphs to load (give a TriG or N-Quads build)", file=str(graph_file))
    checker = EndpointEngine(endpoint, graphs=[], credentials=credentials, timeout=timeout) if verify else None
    done: list[GraphLoad] = []
    order = sorted(graphs)
    with http_session(gsp, credentials) as session:
        for i, g in enumerate(order):
            sent: list[int] = []  # the requests the store took for this graph
            try:
                item = _load_graph(session, gsp, endpoint, g, graphs[g], checker, timeout, chunk, sent)
            except InputError as e:
                if not done and not sent:
                    raise  # nothing changed in the store
                raise _interrupted(e, g, done, order[i + 1:]) from None
            done.append(item)
            if progress:
                progress(item)
    return done


def _load_graph(session: Any, gsp: str, endpoint: str, g: str, triples: list[ox.Triple], checker: EndpointEngine | None,
                timeout: float, chunk: int, sent: list[int]) -> GraphLoad:
    import requests

    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "rkgg"} | {"xsd": "http://www.w3.org/2001/XMLSchema#"}
    url = _put_url(gsp, g)
    status = 0
    for n, part in enumerate(_chunks(triples, chunk)):
        body = ox.serialize(part, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        try:
            r = session.request("PUT" if n == 0 else "POST", url, data=body, timeout=timeout,
                                headers={"Content-Type": "text/turtle; charset=utf-8"})
        except requests.RequestException as e:
            raise network_error(gsp, e, timeout) from None
        if r.status_code not in (200, 201, 204):
            raise http_error(gsp, r.status_code, r.reason or "", r.content)
        sent.append(len(part))
        status = status or r.status_code
    stored: int | None = None
    if checker is not None:
        held = remote_triples(checker, g)
        problem = differences([_rdflib_triple(t) for t in triples], held)
        if problem:
            raise InputError(f"{endpoint}: graph <{g}> is not what was sent after loading: {problem}")
        stored = len(held)
    return GraphLoad(g, len(triples), status, stored)
