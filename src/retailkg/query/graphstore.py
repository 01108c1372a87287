"""``retailkg load``: put the knowledge graph into a triple store, one named graph at a time.

Each named graph of the build is sent with the SPARQL 1.1 Graph Store HTTP Protocol as
``PUT <graph-store>?graph=<IRI>`` with a Turtle body. PUT *replaces* the graph, so loading twice
leaves the store exactly as loading once, and a reload after a data fix needs no clean-up; graphs
the store holds besides retailkg's are never touched. Afterwards the triples of every graph are
counted through the SPARQL endpoint and compared with what was sent, so a store that silently
dropped or rewrote data is caught at load time, not at query time.

Where the Graph Store endpoint is: Oxigraph ``…/store`` (derived from a ``…/query`` endpoint),
Virtuoso ``…/sparql-graph-crud-auth`` (which names the graph with ``graph-uri``, detected from the
path), GraphDB ``…/repositories/<id>/rdf-graphs/service``, Fuseki ``…/<dataset>/data``, Neptune
``…/sparql/gsp/``. ``docs/triple-stores.md`` has the details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from retailkg.errors import InputError
from retailkg.query.engines import EndpointEngine, load_oxigraph_store
from retailkg.query.remote import Credentials, check_url, http_error, http_session, network_error

__all__ = ["GraphLoad", "count_remote", "graph_param", "graph_store_url", "load_graphs"]


@dataclass(frozen=True)
class GraphLoad:
    """One graph sent to the store: how many triples went, the HTTP status, how many the store holds."""

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


def load_graphs(graph_file: Path, *, endpoint: str, graph_store: str | None = None, credentials: Credentials | None = None,
                timeout: float = 60.0, verify: bool = True, progress: Callable[[GraphLoad], None] | None = None) -> list[GraphLoad]:
    """PUT every named graph of ``graph_file`` into the store; return what was loaded (and verified)."""
    import requests

    check_url(endpoint)
    gsp = graph_store_url(endpoint, graph_store)
    store = load_oxigraph_store(graph_file)
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    if not graphs:
        raise InputError("the graph file has no named graphs to load (give a TriG or N-Quads build)", file=str(graph_file))
    checker = EndpointEngine(endpoint, graphs=[], credentials=credentials, timeout=timeout) if verify else None
    done: list[GraphLoad] = []
    with http_session(gsp, credentials) as session:
        for g in graphs:
            name = ox.NamedNode(g)
            triples = sum(1 for _ in store.quads_for_pattern(None, None, None, name))
            body = store.dump(format=ox.RdfFormat.TURTLE, from_graph=name)
            url = _put_url(gsp, g)
            try:
                r = session.put(url, data=body, timeout=timeout,
                                headers={"Content-Type": "text/turtle; charset=utf-8"})
            except requests.RequestException as e:
                raise network_error(gsp, e, timeout) from None
            if r.status_code not in (200, 201, 204):
                raise http_error(gsp, r.status_code, r.reason or "", r.content)
            stored = count_remote(checker, g) if checker else None
            item = GraphLoad(g, triples, r.status_code, stored)
            if stored is not None and stored != triples:
                raise InputError(f"{endpoint}: graph <{g}> holds {stored} triples after loading, {triples} were sent")
            done.append(item)
            if progress:
                progress(item)
    return done
