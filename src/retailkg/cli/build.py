"""CLI command of the knowledge graph's release: ``retailkg build``.

A thin layer over :func:`retailkg.kg.build.build`: it picks the source files (bundled, or a
curator's checkout with ``--source-dir``), leaves the TriG in the query commands' cache
(:func:`retailkg.kg.cache.store_build`) and prints the table of counts the build returns. The
library does not print, so the table lives here.
"""

from __future__ import annotations

from pathlib import Path

import click

from retailkg.cli.options import output_option, quiet_option
from retailkg.errors import InputError
from retailkg.rdf.io import refuse_input_as_output

__all__ = ["register"]


@click.command()
@output_option("Folder for the release artefacts.", dest="out_dir", folder=True, default=Path("build/kg"), show_default=True)
@click.option("--source-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="A folder with ontology/ and data/ to build from (a curator's checkout); default: the bundled ones.")
@quiet_option("Do not print the table of counts.")
def build(out_dir: Path, source_dir: Path | None, quiet: bool) -> None:
    """Build the knowledge graph: TriG, Turtle, N-Triples and JSON-LD.

    Loads the ontology and every data file into its own named graph, materialises the inferences
    the queries rely on, and writes retailkg.trig (named graphs) plus the union as retailkg.ttl,
    retailkg.nt and retailkg.jsonld (with context.jsonld). The same input gives byte-identical
    files. A build of the bundled sources also fills the cache the query commands read, so the
    first query after it starts at once. A malformed data file stops the build with file, line and parser message; nothing in
    the output folder changes then.

    \b
    Examples:
      retailkg build
      retailkg build -o /tmp/kg -q
      retailkg build --source-dir . -o build/kg     # from an edited checkout
    """
    from retailkg.kg.build import build as do_build
    from retailkg.kg.cache import store_build
    from retailkg.kg.catalog import source_files

    if source_dir is not None and not (source_dir / "ontology" / "retailkg.ttl").is_file():
        raise InputError("no ontology/retailkg.ttl in this folder", file=str(source_dir), field="--source-dir")
    if source_dir is not None:
        refuse_input_as_output(out_dir, [source_dir / "ontology", source_dir / "data"])
    files = source_files(source_dir) if source_dir else source_files()
    result = do_build(out_dir, files)
    store_build(out_dir / "retailkg.trig", files)  # the query commands read this build: nothing left to build
    for construct in result.unsupported:
        click.echo(f"retailkg: warning: the ontology uses {construct}, whose consequences the build does not "
                   "materialise (see docs/ontology.md, inference at build time)", err=True)
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


def register(group: click.Group) -> None:
    """Add this module's command to the ``retailkg`` group."""
    group.add_command(build)
