"""The ``retailkg`` command: a thin layer over the library.

Every command has ``--help`` with examples. Output goes to stdout unless ``-o`` is given; a user's
mistake is one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from retailkg import __version__
from retailkg.cli.options import EXIT_INTERRUPTED, output_option, quiet_option
from retailkg.errors import EXIT_USAGE, InputError


class RetailkgGroup(click.Group):
    """A click group that turns :class:`InputError` into one line and exit code 2, and Ctrl-C into exit code 130."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as e:
            click.echo(f"retailkg: error: {e}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:  # click would print "Aborted!" and exit 1
            click.echo("retailkg: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=RetailkgGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="retailkg")
def cli() -> None:
    """retailkg: the knowledge graph of retail and e-commerce job-post standards.

    \b
    Examples:
      retailkg build -o build/kg
      retailkg query list
      retailkg query run functions-shared --param doc=ccagm-003-2021
      retailkg search 会员 拉新
      retailkg validate examples/taobao-ops.yaml -o report.html
      retailkg load --endpoint http://127.0.0.1:7878
      retailkg serve --port 7879
      retailkg ingest standard.txt --id ccagm-003-2021 -o draft.ttl
    """


@cli.command()
@output_option("Folder for the release artefacts.", dest="out_dir", folder=True, default=Path("build/kg"), show_default=True)
@click.option("--source-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="A folder with ontology/ and data/ to build from (a curator's checkout); default: the bundled ones.")
@quiet_option("Do not print the table of counts.")
def build(out_dir: Path, source_dir: Path | None, quiet: bool) -> None:
    """Build the knowledge graph: TriG, Turtle, N-Triples and JSON-LD.

    Loads the ontology and every data file into its own named graph, materialises the inferences
    the queries rely on, and writes retailkg.trig (named graphs) plus the union as retailkg.ttl,
    retailkg.nt and retailkg.jsonld (with context.jsonld). The same input gives byte-identical
    files. A malformed data file stops the build with file, line and parser message; nothing in
    the output folder changes then.

    \b
    Examples:
      retailkg build
      retailkg build -o /tmp/kg -q
      retailkg build --source-dir . -o build/kg     # from an edited checkout
    """
    from retailkg.kg.build import build as do_build
    from retailkg.kg.catalog import source_files

    if source_dir is not None and not (source_dir / "ontology" / "retailkg.ttl").is_file():
        raise InputError("no ontology/retailkg.ttl in this folder", file=str(source_dir), field="--source-dir")
    result = do_build(out_dir, source_files(source_dir) if source_dir else None)
    if quiet:
        return
    header = ("document", "posts", "duties", "competencies", "metrics", "functions")
    rows: list[tuple[object, ...]] = [(c.document, c.posts, c.duties, c.competencies, c.metrics, c.functions) for c in result.counts]
    totals = [sum(getattr(c, name) for c in result.counts) for name in ("posts", "duties", "competencies", "metrics")]
    rows.append(("total", *totals, "-"))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, tuple("-" * w for w in widths), *rows]:
        click.echo("  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths, strict=True))))
    click.echo(f"{result.triples} triples written to {out_dir}/ ({', '.join(p.name for p in result.files)})")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--id", "doc_id", required=True, help="Document id for the IRIs, e.g. ccagm-003-2021.")
@output_option("Write the draft here instead of stdout.", dest="out")
def ingest(file: Path, doc_id: str, out: Path | None) -> None:
    """Draft an RDF encoding of a GB/T 1.1-structured standard.

    Reads the standard's text (terms 3.x, clause headings, list items a) b) …) and writes Turtle in
    the project's IRI scheme: clauses, terms, post families, posts, duties and competencies with
    their Chinese text. A curator then adds English labels and maps duties to functions.

    \b
    Examples:
      retailkg ingest data/sources/000_59d1e9ac0e1c4846.txt --id ccagm-003-2021 -o draft.ttl
      retailkg ingest new-standard.txt --id ccfa-999-2026 | less
    """
    from retailkg.kg.ingest import ingest_file
    from retailkg.rdf.io import atomic_write

    g = ingest_file(file, doc_id)
    text = g.serialize(format="turtle")
    if out is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)
        click.echo(f"{len(g)} triples written to {out}", err=True)


def _register_commands() -> None:
    """Commands of the other layers live in their own modules; this keeps cli.py the group only."""
    from retailkg.cli import query as cli_query
    from retailkg.cli import validate as cli_validate

    cli_query.register(cli)
    cli_validate.register(cli)


_register_commands()


def main() -> None:  # pragma: no cover - console-script entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
