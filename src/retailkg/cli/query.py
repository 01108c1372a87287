"""CLI commands of the semantic query layer: query, sparql, load, serve, search.

A thin layer over :mod:`retailkg.query.catalogue`, :mod:`retailkg.query.engines`, :mod:`retailkg.query.results`,
:mod:`retailkg.query.graphstore`, :mod:`retailkg.query.serve` and :mod:`retailkg.query.search`. The engine and output
options are one decorator each, shared by every command that runs a query. Results go to stdout
unless ``-o`` is given (then written atomically); a user's mistake is an
:class:`~retailkg.errors.InputError` that the ``retailkg`` group prints as one line, exit code 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from retailkg.cli.options import (
    engine_options,
    graph_file_option,
    output_option,
    parse_params,
    results_options,
    timeout_option,
)
from retailkg.errors import EXIT_FINDINGS, InputError
from retailkg.rdf.io import refuse_input_as_output

__all__ = ["register"]


def _search_formats() -> list[str]:
    from retailkg.query.results import FORMATS

    return list(FORMATS)


def _graph_formats() -> tuple[str, ...]:
    """The result formats, and ttl for the graph a CONSTRUCT or DESCRIBE answers."""
    from retailkg.query.results import FORMATS

    return (*FORMATS, "ttl")


def _build_notice(path: Path) -> None:
    click.echo(f"retailkg: building the knowledge graph once (reasoning takes a few seconds); cached in {path}", err=True)


def make_engine(engine: str | None, graph_file: Path | None, endpoint: str | None, auth: str, timeout: float) -> Any:
    """The engine the options ask for: a remote endpoint, or an embedded engine over a graph file."""
    from retailkg.query.engines import DEFAULT_ENGINE, connect
    from retailkg.query.remote import credentials_from_env

    if endpoint:
        if engine or graph_file:
            raise click.UsageError("--endpoint queries a remote store: do not combine it with --engine or --graph")
        return connect(endpoint=endpoint, credentials=credentials_from_env(auth), timeout=timeout)
    return connect(graph_file, kind=engine or DEFAULT_ENGINE, on_build=_build_notice)


def graph_path(graph_file: Path | None) -> Path:
    """The given graph file, or the cached build of the bundled sources."""
    if graph_file is not None:
        return graph_file
    from retailkg.kg.cache import ensure_graph

    return ensure_graph(on_build=_build_notice)


def emit(text: str, output: Path | None, what: str = "") -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        click.echo(text, nl=False)
        return
    from retailkg.rdf.io import atomic_write

    atomic_write(output, text)
    if what:
        click.echo(f"{what} written to {output}", err=True)


def _rows_note(table: Any) -> str:
    if table.kind == "ask":
        return "answer"
    n = len(table.rows)
    return f"{n} row{'s' if n != 1 else ''}"


# --- retailkg query ------------------------------------------------------------------------------


@click.group("query")
def query_group() -> None:
    """Named queries: list, show and run them; regenerate their docs.

    \b
    Examples:
      retailkg query list
      retailkg query show post-duties
      retailkg query run post-duties --param post=ccagm-003-2021/post/4.1.3
      retailkg query run function-coverage-matrix --param doc=ecom-ops-centre --format csv -o matrix.csv
      retailkg query run documents --endpoint http://127.0.0.1:7878/query
    """


@query_group.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def query_list(fmt: str) -> None:
    """List the named queries with their titles and parameters.

    \b
    Examples:
      retailkg query list
      retailkg query list --format json | jq '.[].name'
    """
    import json

    from rdflib import Literal

    from retailkg.query.catalogue import catalogue
    from retailkg.query.results import ResultTable, write_table

    cat = catalogue()
    if fmt == "json":
        doc = [{"name": q.name, "title_zh": q.title_zh, "title_en": q.title_en, "description": q.description,
                "params": [{"name": p.name, "type": p.type, "default": p.default, "description": p.description} for p in q.params],
                "examples": list(q.examples)} for q in cat.values()]
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1))
        return

    def params(q: Any) -> str:
        return " ".join(p.name if p.default is not None else f"{p.name}!" for p in q.params)

    table = ResultTable(["name", "title", "title_en", "params"],
                        [(Literal(q.name), Literal(q.title_zh), Literal(q.title_en), Literal(params(q))) for q in cat.values()])
    click.echo(write_table(table, 0), nl=False)
    click.echo("(a parameter marked ! is required)")


@query_group.command("show")
@click.argument("name")
def query_show(name: str) -> None:
    """Print a named query: its header (what it answers, parameters, example) and SPARQL text.

    \b
    Examples:
      retailkg query show reporting-chain
      retailkg query show terms > terms.rq
    """
    from retailkg.query.catalogue import get_query

    click.echo(get_query(name).text, nl=False)


@query_group.command("run")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", callback=parse_params,
              help="Bind a parameter (repeatable). IRIs: full, prefix:name or relative to https://w3id.org/retailkg/.")
@engine_options
@results_options()
def query_run(name: str, params: dict[str, str], engine: str | None, graph_file: Path | None, endpoint: str | None,
              auth: str, timeout: float, fmt: str, output: Path | None, max_width: int) -> None:
    """Run a named query on the embedded store or on a SPARQL endpoint.

    Parameters are bound to query variables, never pasted into the query text, so any value is
    safe. The embedded store is built once and cached (XDG_CACHE_HOME); --graph queries a given
    build; --endpoint asks a remote store that `retailkg load` filled.

    \b
    Examples:
      retailkg query run posts-by-department --param doc=ccagm-003-2021
      retailkg query run post-duties -p post=ccagm-003-2021/post/4.1.3 --format json
      retailkg query run keyword-mentions -p keyword=会员 --format csv -o mentions.csv
      retailkg query run reporting-chain -p post=ecom-ops-centre/post/project-operator --engine rdflib
      retailkg query run documents --endpoint http://127.0.0.1:7878/query
    """
    from retailkg.query.catalogue import get_query
    from retailkg.query.results import render

    q = get_query(name)
    q.bindings(params)  # a bad parameter fails before the graph is built or the endpoint asked
    refuse_input_as_output(output, [graph_file])
    eng = make_engine(engine, graph_file, endpoint, auth, timeout)
    table = q.run(eng, params)
    emit(render(table, fmt, max_width=max_width), output, _rows_note(table))


@query_group.command("docs")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the page here (e.g. docs/queries.md) instead of stdout.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Do not write; exit 1 if this file differs from what would be generated.")
def query_docs(output: Path | None, check_file: Path | None) -> None:
    """Generate docs/queries.md from the headers of the named queries.

    \b
    Examples:
      retailkg query docs -o docs/queries.md
      retailkg query docs --check docs/queries.md     # in CI: fails when stale
    """
    from retailkg.query.catalogue import render_docs

    text = render_docs()
    if check_file is not None:
        current = check_file.read_text(encoding="utf-8") if check_file.is_file() else ""
        if current != text:
            click.echo(f"retailkg: {check_file} is stale; run: retailkg query docs -o {check_file}", err=True)
            sys.exit(EXIT_FINDINGS)
        click.echo(f"{check_file} is up to date", err=True)
        return
    emit(text, output, "query docs")


# --- retailkg sparql -----------------------------------------------------------------------------


@click.command("sparql")
@click.argument("query", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read the query from this file ('-' for stdin).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", callback=parse_params,
              help='Bind a selected variable: <iri>, prefix:name, "text"@zh, 42, or plain text.')
@engine_options
@results_options(_graph_formats())
def sparql_cmd(query: str | None, query_file: Path | None, params: dict[str, str], engine: str | None,
               graph_file: Path | None, endpoint: str | None, auth: str, timeout: float, fmt: str, output: Path | None,
               max_width: int) -> None:
    """Run an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); updates are refused.

    The default graph is the union of all named graphs, inferences included. A malformed query is
    reported with its line and column.

    \b
    Examples:
      retailkg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      retailkg sparql -f my-query.rq --format csv -o out.csv
      retailkg sparql 'PREFIX rkg: <https://w3id.org/retailkg/ontology#>
        SELECT ?post WHERE { ?post rkg:inOrganisation ?org }' -p org=ccagm-003-2021/org
      echo 'ASK { ?s ?p ?o }' | retailkg sparql -f -
      retailkg sparql 'CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/retailkg/ontology#Standard> ; ?p ?o }' --format ttl
    """
    from retailkg.query.catalogue import parse_term
    from retailkg.query.results import render

    if (query is None) == (query_file is None):
        raise click.UsageError("give the query as an argument or with -f/--file (not both)")
    if query_file is not None:
        if str(query_file) == "-":
            text, source = sys.stdin.read(), "<stdin>"
        else:
            if not query_file.is_file():
                raise InputError("file not found", file=str(query_file))
            text, source = query_file.read_text(encoding="utf-8"), str(query_file)
    else:
        text, source = query or "", "query"
    bindings = {k: parse_term(v) for k, v in params.items()}
    refuse_input_as_output(output, [graph_file, query_file])
    eng = make_engine(engine, graph_file, endpoint, auth, timeout)
    table = eng.query(text, bindings, source=source)
    if fmt == "ttl":
        from retailkg.query.results import write_turtle

        emit(write_turtle(table, source), output, _rows_note(table))
        return
    emit(render(table, fmt, max_width=max_width), output, _rows_note(table))


# --- retailkg load -------------------------------------------------------------------------------


@click.command("load")
@click.option("--endpoint", required=True, metavar="URL", help="The store's SPARQL query endpoint (used to verify the load).")
@click.option("--graph-store", metavar="URL", default=None,
              help="The store's Graph Store Protocol endpoint [default: …/store for an Oxigraph …/query endpoint].")
@graph_file_option("Load this build (retailkg.trig) instead of the cached bundled graph.")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic", show_default=True,
              help="HTTP authentication; user and password come only from RETAILKG_USER and RETAILKG_PASSWORD.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help="Seconds to wait for each request.")
@click.option("--no-verify", is_flag=True, help="Do not read the graphs back through the SPARQL endpoint to compare them.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def load_cmd(endpoint: str, graph_store: str | None, graph_file: Path | None, auth: str, timeout: float, no_verify: bool,
             quiet: bool) -> None:
    """Load every named graph into a triple store (SPARQL 1.1 Graph Store Protocol, PUT).

    PUT replaces each graph, so loading twice leaves the store as loading once; a graph of more
    than 50 000 triples goes as a PUT and POSTs. The build's own triples are sent, as written.
    Afterwards every graph is read back through --endpoint and compared with what was sent,
    triple by triple. A load that fails part-way says which graphs are new and which as before;
    running it again repairs the store. Credentials are read from RETAILKG_USER and
    RETAILKG_PASSWORD, never from the command line.

    \b
    Examples:
      oxigraph serve --bind 127.0.0.1:7878 &
      retailkg load --endpoint http://127.0.0.1:7878/query
      RETAILKG_USER=dba RETAILKG_PASSWORD=… retailkg load --endpoint http://127.0.0.1:8890/sparql \\
          --graph-store http://127.0.0.1:8890/sparql-graph-crud-auth --auth digest
      retailkg load --endpoint http://127.0.0.1:7200/repositories/kg \\
          --graph-store http://127.0.0.1:7200/repositories/kg/rdf-graphs/service --graph-file build/kg/retailkg.trig
    """
    from retailkg.query.graphstore import graph_store_url, load_graphs
    from retailkg.query.remote import check_url, credentials_from_env

    check_url(endpoint)
    graph_store_url(endpoint, graph_store)  # fail on a missing --graph-store before building anything
    creds = credentials_from_env(auth)
    path = graph_path(graph_file)

    def progress(item: Any) -> None:
        if not quiet:
            stored = "" if item.stored is None else f", {item.stored} in store, same content"
            click.echo(f"{item.graph}  {item.triples} triples (HTTP {item.status}{stored})")

    done = load_graphs(path, endpoint=endpoint, graph_store=graph_store, credentials=creds, timeout=timeout,
                       verify=not no_verify, progress=progress)
    if not quiet:
        total = sum(d.triples for d in done)
        click.echo(f"{total} triples in {len(done)} named graphs loaded into {graph_store_url(endpoint, graph_store)}")


# --- retailkg serve ------------------------------------------------------------------------------


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; there is no authentication.")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True, help="Port (0 picks a free one).")
@graph_file_option("Serve this build instead of the cached bundled graph.")
@click.option("--max-rows", type=click.IntRange(min=1), default=None,
              help="Cap SELECT results, stopping the query there (announced in X-SPARQL-MaxRows).")
@timeout_option(30.0, "Seconds a query may take (waiting for a worker included); then it is stopped and answered 503.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Queries evaluated at once; more wait their turn [default: two per CPU, at least 8].")
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
def serve_cmd(host: str, port: int, graph_file: Path | None, max_rows: int | None, timeout: float, workers: int | None,
              quiet: bool) -> None:
    """Serve the graph as a local read-only SPARQL endpoint with a query page.

    Open the printed URL in a browser for YASGUI, the SPARQL editor, with the named queries
    ready in tabs and table, pivot and chart views (served from the package: it works with no
    internet); point any SPARQL client at …/sparql. Updates and SERVICE (federated queries) are refused; a request
    whose Host header does not name this server is refused (DNS rebinding); results are
    streamed. Stop with Ctrl-C.

    \b
    Examples:
      retailkg serve
      retailkg serve --port 8080 --graph-file build/kg/retailkg.trig
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7879/sparql
    """
    from retailkg.query.engines import load_oxigraph_store
    from retailkg.query.serve import make_server

    store = load_oxigraph_store(graph_path(graph_file))
    try:
        server = make_server(store, host, port, max_rows=max_rows, timeout=timeout, workers=workers, quiet=quiet)
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"retailkg: warning: listening on {host}, reachable from other machines, with no authentication", err=True)
    click.echo(f"retailkg: serving {len(store)} triples read-only at {server.url} (SPARQL endpoint {server.endpoint}); "
               "Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# --- retailkg search -----------------------------------------------------------------------------


@click.command("search")
@click.argument("terms", nargs=-1, required=True)
@click.option("--type", "-t", "kinds", multiple=True, type=click.Choice(["post", "duty", "competency", "metric", "term"]),
              help="Only hits of this type (repeatable).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=10, show_default=True, help="How many hits.")
@click.option("--format", "fmt", type=click.Choice(_search_formats()), default="table", show_default=True,
              help="table for people; csv and tsv with one row per hit; json with every field of a hit.")
@graph_file_option("Search this build instead of the cached bundled graph.")
@output_option("Write to this file instead of stdout.")
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True, help="Clip table cells (0: never).")
def search_cmd(terms: tuple[str, ...], kinds: tuple[str, ...], limit: int, fmt: str, graph_file: Path | None,
               output: Path | None, max_width: int) -> None:
    """Ranked full-text search (Chinese and English) over posts, duties, competencies, metrics, terms.

    Chinese is segmented into words (jieba), so 会员拉新 finds 会员 and 拉新 wherever they occur;
    hits are ranked by BM25 and show their post, document and clause. The first search of a graph
    builds its index and keeps it in the cache folder; later searches start at once.

    \b
    Examples:
      retailkg search 会员 拉新
      retailkg search livestream --type duty -n 5
      retailkg search 复购率 --format json
      retailkg search 会员 --format csv -o hits.csv
    """
    import json

    from retailkg.kg.cache import cache_folders
    from retailkg.query.results import render, write_table
    from retailkg.query.search import SearchIndex, hits_table

    query = " ".join(terms)
    refuse_input_as_output(output, [graph_file])
    index = SearchIndex.for_graph(graph_path(graph_file), cache_folders())
    hits = index.search(query, limit=limit, kinds=kinds or None)
    if fmt == "json":
        emit(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1) + "\n", output)
        return
    table = hits_table(hits)
    if fmt != "table":
        emit(render(table, fmt), output)
        return
    text = write_table(table, max_width) if hits else f"no hits for {query!r}\n"
    emit(text, output)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(query_group)
    group.add_command(sparql_cmd)
    group.add_command(load_cmd)
    group.add_command(serve_cmd)
    group.add_command(search_cmd)
