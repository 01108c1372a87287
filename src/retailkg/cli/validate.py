"""The CLI command of overlap/gap validation: ``retailkg validate`` (design files: ``retailkg org``, cli/org.py).

Exit codes follow pySHACL and ROBOT's ``--fail-on``: 0 when no finding is at or above the
threshold, 1 when one is (the report is still written), 2 for bad input or usage (one line on
stderr, nothing written).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from retailkg.cli.options import auth_option, output_option, quiet_option, timeout_option
from retailkg.errors import EXIT_FINDINGS, EXIT_OK, InputError
from retailkg.rdf.io import refuse_input_as_output
from retailkg.report.formats import EXTENSIONS, FORMATS

if TYPE_CHECKING:
    from retailkg.design.documents import ImportResult


def _write(pieces: Iterable[str], out: Path | None) -> None:
    from retailkg.rdf.io import atomic_write

    if out is None:
        for piece in pieces:
            click.echo(piece, nl=False)
    else:
        atomic_write(out, pieces)


@click.command("validate")
@click.argument("org_file", required=False, type=click.Path(path_type=Path))
@click.option("--baseline", default=None, metavar="ID",
              help="Standard to check against (T/CCAGM 003-2021, the default for a design; ccfags-046-2023 …). "
                   "Without ORG_FILE it also reports baseline gaps for the documents' own organisations.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="Report format; default: from the -o extension, else md.")
@output_option("Write the report here (atomically) instead of stdout.", dest="out")
@click.option("--fail-on", type=click.Choice(("violation", "warning", "info")), default="violation", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--lang", type=click.Choice(("zh", "en")), default="zh", show_default=True,
              help="Language of the report (the other one is shown beside it in HTML).")
@click.option("--endpoint", metavar="URL", default=None,
              help="Validate the organisations stored in this SPARQL 1.1 endpoint (the rules run inside the store) "
                   "instead of ORG_FILE.")
@click.option("--graph", "graph_iri", metavar="IRI", default=None,
              help="With --endpoint: the named graph holding the design (the store must also hold the knowledge graph: "
                   "`retailkg load`). Only its organisations are reported.")
@click.option("--expand-units", is_flag=True,
              help="JSON: list a finding repeated in many stores or regions once per store, instead of once with its "
                   "`units` (each unit's id, scope, focus and posts).")
@auth_option
@timeout_option(600.0, "Seconds to wait for each request to --endpoint.")
@quiet_option("No progress bars (they are only drawn on a terminal anyway).")
def validate_cmd(org_file: Path | None, baseline: str | None, fmt: str | None, out: Path | None, fail_on: str, lang: str,
                 endpoint: str | None, graph_iri: str | None, expand_units: bool, auth: str, timeout: float, quiet: bool) -> None:
    """Find overlapping duties (交叉) and unowned work (空白) in post designs.

    With ORG_FILE (YAML, a folder of CSV files, an Excel workbook, see `retailkg org template`; a
    client's job descriptions: .docx, .pdf, .txt, .md, a free-form workbook or a folder of them,
    imported in memory as `retailkg org import` reads them; or RDF in the retailkg ontology: .nt,
    .ttl, .nq, .trig), validates that organisation against its baseline standard. With --endpoint,
    validates the organisations already in a triple store, running the rules there. Without either,
    validates the bundled documents as they stand: each standard's reference organisation and the
    e-commerce documents' organisations.

    The shapes (SHACL) are compiled into whole-graph SPARQL queries run once each on Oxigraph, so a
    national chain's design (a million triples) is checked in seconds (bench/RESULTS.md, "scale").

    Exit code: 0 no finding at or above --fail-on; 1 there is one (the report is still written);
    2 bad input or usage (nothing written).

    \b
    Examples:
      retailkg validate                                     # the bundled documents, Markdown
      retailkg validate examples/taobao-ops.yaml -o report.html
      retailkg validate examples/acme-department-store.xlsx --format json --fail-on warning
      retailkg validate design/ --baseline "T/CCAGM 003-2021" --lang en   # a folder of CSV files
      retailkg validate 岗位说明书/ -o report.html              # a folder of job descriptions (Word, PDF …)
      retailkg validate chain.nt --format json -o report.json --quiet       # a design already in RDF
      retailkg validate --endpoint http://127.0.0.1:7878/query --graph https://example.org/designs/acme
    """
    from retailkg.report.formats import render_pieces
    from retailkg.text import progress
    from retailkg.validation.findings import Severity
    from retailkg.validation.pipeline import validate_bundled, validate_endpoint, validate_file

    progress.set_quiet(quiet)
    refuse_input_as_output(out, [org_file])
    if fmt is None:
        fmt = EXTENSIONS.get(out.suffix.lower(), "md") if out is not None else "md"
    if endpoint is not None and org_file is not None:
        raise InputError("give ORG_FILE or --endpoint, not both", field="--endpoint")
    if graph_iri is not None and endpoint is None:
        raise InputError("--graph needs --endpoint", field="--graph")
    if endpoint is not None:
        from retailkg.query.catalogue import resolve_iri
        from retailkg.query.remote import credentials_from_env

        graph = str(resolve_iri(graph_iri, "--graph")) if graph_iri else None
        report = validate_endpoint(endpoint, graph, baseline, credentials=credentials_from_env(auth), timeout=timeout)
    elif org_file is None:
        report = validate_bundled(baseline)
    else:
        from retailkg.design.readers import on_import

        with on_import(echo_import_summary):
            report = validate_file(org_file, baseline)
    with progress.stage(f"writing {fmt}"):
        _write(render_pieces(report, fmt, lang, expand_units=expand_units), out)
    if out is not None:
        _by_kind, by_sev = report.counts()
        click.echo(f"{len(report.findings)} findings ({', '.join(f'{v} {k}' for k, v in by_sev.items())}) written to {out}", err=True)
    sys.exit(EXIT_FINDINGS if report.fails(Severity(fail_on)) else EXIT_OK)


def echo_import_summary(result: ImportResult) -> None:
    """The summary line of job descriptions imported in memory, as `org import` prints it."""
    click.echo(f"{result.summary()} (imported in memory: `retailkg org import` lists what was not placed)", err=True)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(validate_cmd)
