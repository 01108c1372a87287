"""The options every command spells the same way, one decorator each, and the exit codes.

One vocabulary across commands: ``-o/--output`` for where a result goes, ``--graph-file`` for a
local RDF file, ``--graph`` for a graph IRI (only where a store holds named graphs), ``-q/--quiet``.
The spellings of release 0.1.0 (``--out``; ``--graph FILE``) stay accepted as hidden aliases that
print a one-line deprecation note, so scripts keep working.

Exit codes, the same for every command (docs/cli.md): 0 done and clean; 1 findings at or above
``--fail-on`` (validate) or a failed check; 2 bad input or usage; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from retailkg.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError

EXIT_INTERRUPTED = 130
EXIT_CODES = {EXIT_OK: "done, nothing at or above the threshold",
              EXIT_FINDINGS: "findings at or above --fail-on (validate), or a check failed",
              EXIT_USAGE: "bad input or usage (one line on stderr naming file, row and field; nothing written)",
              EXIT_INTERRUPTED: "interrupted (Ctrl-C)"}

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def format_of(output: Path | None, fmt: str | None, extensions: dict[str, str], default: str, what: str = "report") -> str:
    """The output format: ``--format`` when given (it wins: ``--format md -o notes.txt``); else from the
    ``-o`` extension; else ``default`` (stdout). An extension that names no format is refused with one
    line listing the known ones, rather than written in a format its name does not say (a Markdown
    ``report.pdf``)."""
    if fmt is not None:
        return fmt
    if output is None:
        return default
    found = extensions.get(output.suffix.lower())
    if found is None:
        known = " ".join(sorted(extensions))
        said = f"the extension {output.suffix!r} names no {what} format" if output.suffix else f"no extension names the {what} format"
        raise InputError(f"{said} (known: {known}): rename the file, or give --format", file=str(output), field="-o")
    return found


def refuse_overwriting_client_file(output: Path | None, field: str = "-o") -> None:
    """A command's output never replaces a client's design or job description, even one that is not its
    input (``org rdf a.yaml -o b.yaml``, ``ingest std.txt -o design.yaml``): one line, exit 2, nothing written."""
    if output is None:
        return
    from retailkg.design.readers import client_file

    what = client_file(output)
    if what is not None:
        raise InputError(f"{field} would overwrite {what}: write the output elsewhere", file=str(output), field=field)


def deprecated_alias(old: str, dest: str, new: str, **kwargs: Any) -> Decorator:
    """A hidden option ``old`` that fills ``dest`` (the current option ``new``) and says so on stderr.

    Its value is kept in ``ctx.meta`` and taken by :func:`_take_alias` when ``new`` itself was not
    given (click processes the options given on the command line first, so the alias is seen first).
    """

    def remember(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value is not None:
            click.echo(f"retailkg: {old} is deprecated; use {new}", err=True)
            ctx.meta[f"retailkg.alias.{dest}"] = value

    return click.option(old, f"_alias_{dest}", hidden=True, expose_value=False, callback=remember, default=None, **kwargs)


def _take_alias(dest: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def take(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        return value if value is not None else ctx.meta.get(f"retailkg.alias.{dest}")

    return take


def output_option(help: str, *, dest: str = "output", folder: bool | None = False, default: Path | None = None,
                  show_default: bool = False) -> Decorator:
    """``-o/--output`` (with the hidden ``--out`` of 0.1.0): a file, a folder (``folder=True``) or either (``None``)."""
    if folder is None:
        kind = click.Path(path_type=Path)
    else:
        kind = click.Path(file_okay=False, path_type=Path) if folder else click.Path(dir_okay=False, path_type=Path)

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option("-o", "--output", dest, type=kind, default=None, callback=_take_alias(dest), help=help,
                         show_default=str(default) if show_default and default is not None else False)(f)
        f = deprecated_alias("--out", dest, "-o/--output", type=kind)(f)
        if default is not None:
            f = _with_default(f, dest, default)
        return f

    return decorate


def _with_default(f: Callable[..., Any], dest: str, default: Any) -> Callable[..., Any]:
    """``default`` for ``dest`` when neither the option nor its alias was given."""
    import functools

    @functools.wraps(f)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get(dest) is None:
            kwargs[dest] = default
        return f(*args, **kwargs)

    return wrapped


def graph_file_option(help: str) -> Decorator:
    """``--graph-file`` (with the hidden ``--graph FILE`` of 0.1.0, where ``--graph`` meant a file)."""
    kind = click.Path(dir_okay=False, path_type=Path)

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option("--graph-file", "graph_file", type=kind, default=None, callback=_take_alias("graph_file"), help=help)(f)
        return deprecated_alias("--graph", "graph_file", "--graph-file", type=kind)(f)

    return decorate


def quiet_option(help: str) -> Decorator:
    return click.option("-q", "--quiet", is_flag=True, help=help)


def auth_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic", show_default=True,
                        help="HTTP authentication for the endpoint; user and password come only from "
                             "RETAILKG_USER and RETAILKG_PASSWORD.")(f)


def timeout_option(default: float, help: str = "Seconds to wait for each request.") -> Decorator:
    return click.option("--timeout", type=click.FloatRange(min=0.1), default=default, show_default=True, help=help)


def parse_params(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    """``-p NAME=VALUE`` options as a dict (a name given twice is a usage error)."""
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"expected NAME=VALUE, got {v!r}", ctx=ctx, param=param)
        k, val = v.split("=", 1)
        k = k.strip().lstrip("?")
        if not k:
            raise click.BadParameter(f"expected NAME=VALUE, got {v!r}", ctx=ctx, param=param)
        if k in out:
            raise click.BadParameter(f"{k} given twice", ctx=ctx, param=param)
        out[k] = val
    return out


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--engine, --graph-file, --endpoint, --auth, --timeout: where a query runs."""
    from retailkg.query.engines import ENGINES

    f = timeout_option(60.0, "Seconds to wait for a remote endpoint.")(f)
    f = auth_option(f)
    f = click.option("--endpoint", metavar="URL", default=None,
                     help="Query a SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead of the embedded store.")(f)
    f = graph_file_option("Query this build (retailkg.trig, .nq, .ttl, .nt) instead of the cached bundled graph.")(f)
    f = click.option("--engine", type=click.Choice(ENGINES), default=None,
                     help="Embedded engine [default: oxigraph, the faster; see bench/RESULTS.md].")(f)
    return f


def results_options(formats: tuple[str, ...] | None = None) -> Decorator:
    """--format, -o/--output, --max-width: how results are written (choices from :data:`retailkg.query.results.FORMATS`)."""
    from retailkg.query.results import FORMATS

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True,
                         help="Clip table cells to this many columns (0: never).")(f)
        f = output_option("Write the results to this file instead of stdout.")(f)
        return click.option("--format", "fmt", type=click.Choice(formats or FORMATS), default="table", show_default=True,
                            help="table for people; csv, tsv, json as the W3C SPARQL 1.1 result formats.")(f)

    return decorate
