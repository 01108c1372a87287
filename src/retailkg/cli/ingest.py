"""CLI command for drafting a source document's encoding: ``retailkg ingest``.

A thin layer over :func:`retailkg.kg.ingest.ingest_file`: the draft goes to stdout, or is written
atomically with ``-o`` (a half-written draft would be read as a finished one).
"""

from __future__ import annotations

from pathlib import Path

import click

from retailkg.cli.options import output_option, refuse_overwriting_client_file

__all__ = ["register"]


@click.command()
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
    from retailkg.rdf.io import atomic_write, refuse_input_as_output

    refuse_input_as_output(out, [file])
    refuse_overwriting_client_file(out)
    g = ingest_file(file, doc_id)
    text = g.serialize(format="turtle")
    if out is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)
        click.echo(f"{len(g)} triples written to {out}", err=True)


def register(group: click.Group) -> None:
    """Add this module's command to the ``retailkg`` group."""
    group.add_command(ingest)
