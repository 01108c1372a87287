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

from retailkg.cli.options import (
    auth_option,
    format_of,
    output_option,
    quiet_option,
    refuse_overwriting_client_file,
    timeout_option,
)
from retailkg.errors import EXIT_FINDINGS, EXIT_OK, InputError
from retailkg.rdf.io import refuse_input_as_output
from retailkg.report.formats import BINARY, EXTENSIONS, FORMATS

if TYPE_CHECKING:
    from retailkg.design.documents import ImportResult
    from retailkg.design.model import OrgDesign


def _write(pieces: Iterable[str | bytes], out: Path | None) -> None:
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
              help="Report format. Given, it wins over the -o extension; else the -o extension decides (an "
                   "extension that names no format is refused), and md goes to stdout.")
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
                   "`units` (each unit's id, scope, focus and posts); likewise the design's posts and the proposals.")
@click.option("--shapes", "shapes_files", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="A SHACL shapes file (Turtle) of your own rules, run with the bundled ones; repeatable. "
                   "A rule is a shape with a target; its findings carry its sh:message (zh and en) and sh:severity.")
@click.option("--profile", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="A TSV profile (header rule<TAB>level) re-levelling rules, bundled or yours: "
                   "violation, warning, info or off.")
@click.option("--waivers", "waivers_file", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Findings the client accepts, by finding id (YAML, or the Waived sheet of a report workbook): listed "
                   "apart, never counted for --fail-on; a waiver whose finding is gone is reported as stale.")
@auth_option
@timeout_option(600.0, "Seconds to wait for each request to --endpoint.")
@quiet_option("No progress bars (they are only drawn on a terminal anyway).")
def validate_cmd(org_file: Path | None, baseline: str | None, fmt: str | None, out: Path | None, fail_on: str, lang: str,
                 endpoint: str | None, graph_iri: str | None, expand_units: bool, shapes_files: tuple[Path, ...],
                 profile: Path | None, waivers_file: Path | None, auth: str, timeout: float, quiet: bool) -> None:
    """Find overlapping duties (交叉) and unowned work (空白) in post designs.

    With ORG_FILE (YAML, a folder of CSV files, an Excel workbook, see `retailkg org template`; a
    client's job descriptions: .docx, .pdf, .txt, .md, a free-form workbook or a folder of them,
    imported in memory as `retailkg org import` reads them; or RDF in the retailkg ontology: .nt,
    .ttl, .nq, .trig), validates that organisation against its baseline standard. With --endpoint,
    validates the organisations already in a triple store, running the rules there. Without either,
    validates the bundled documents as they stand: each standard's reference organisation and the
    e-commerce documents' organisations.

    A design's `scope:` (taxonomy areas or functions; without it, the areas in which its posts lead
    a duty) decides which baseline functions nobody owns are gaps; each area outside it is one Info
    ("out of scope?"); `exclude:` leaves functions or areas out (docs/validation.md, "Scope").
    Findings come by severity, then by how much of the organisation they touch; Markdown and HTML
    open with an executive summary.

    The format follows -o's extension (.md .html .json .ttl .tsv); another extension is refused
    unless --format is given, which wins. No output replaces the input or another design.

    The shapes (SHACL) are compiled into whole-graph SPARQL queries run once each on Oxigraph, so a
    national chain's design (a million triples) is checked in seconds (bench/RESULTS.md, "scale").

    The Excel report (--format xlsx, or -o report.xlsx) is also a design: its Mapping review sheet
    has an empty "correct function" column; validating the workbook again applies what a reviewer
    wrote there (a human's correction wins over the matcher), and --waivers report.xlsx reads the
    findings the client accepted from its Waived sheet.

    Exit code: 0 no finding at or above --fail-on (waived findings do not count); 1 there is one
    (the report is still written); 2 bad input or usage (nothing written).

    \b
    Examples:
      retailkg validate                                     # the bundled documents, Markdown
      retailkg validate examples/taobao-ops.yaml -o report.html
      retailkg validate examples/acme-department-store.xlsx --format json --fail-on warning
      retailkg validate examples/taobao-ops.yaml --format md -o notes.txt     # --format wins over the extension
      retailkg validate design/ --baseline "T/CCAGM 003-2021" --lang en   # a folder of CSV files
      retailkg validate 岗位说明书/ -o report.html              # a folder of job descriptions (Word, PDF …)
      retailkg validate chain.nt --format json -o report.json --quiet       # a design already in RDF
      retailkg validate acme.yaml -o acme-report.xlsx                       # the workbook for the client
      retailkg validate acme-report.xlsx --waivers acme-report.xlsx -o acme-2.xlsx   # with their answers
      retailkg validate acme.yaml --waivers waivers.yaml --fail-on warning
      retailkg validate --endpoint http://127.0.0.1:7878/query --graph https://example.org/designs/acme
      retailkg validate design.yaml --shapes my-rules.ttl --profile profile.tsv   # your own rules, re-levelled
    """
    from retailkg.design.readers import on_import
    from retailkg.query.remote import credentials_from_env
    from retailkg.report.formats import render_pieces
    from retailkg.text import progress
    from retailkg.text.runtime import collector_off_until_exit
    from retailkg.validation.findings import Severity
    from retailkg.validation.pipeline import validate
    from retailkg.validation.ruleset import load_rule_set

    collector_off_until_exit()  # a chain's design, its resolution and its report are kept to the end (runtime.py)
    progress.set_quiet(quiet)
    refuse_input_as_output(out, [org_file, *shapes_files, *([profile] if profile else []), waivers_file])
    refuse_overwriting_client_file(out)
    design_shapes, design = _design_shapes(org_file) if org_file is not None else ([], None)
    rule_set = load_rule_set([*design_shapes, *shapes_files], profile)
    fmt = format_of(out, fmt, EXTENSIONS, "md")
    if fmt in BINARY and out is None:
        raise InputError(f"--format {fmt} writes a workbook: give -o FILE.{fmt}", field="-o")
    waivers = None
    if waivers_file is not None:
        from retailkg.validation.waivers import read_waivers

        waivers = read_waivers(waivers_file)  # a file that is not a waiver file stops before the validation runs
    credentials = credentials_from_env(auth) if endpoint is not None else None
    with on_import(echo_import_summary):
        report = validate(org_file, baseline, endpoint=endpoint, graph=graph_iri, credentials=credentials, timeout=timeout,
                          shapes=rule_set, read=design)
    if waivers is not None:
        from retailkg.report.waived import stale_note
        from retailkg.validation.waivers import apply_waivers

        apply_waivers(report, waivers)
        for stale in report.stale_waivers:
            click.echo(f"{stale.waiver.source}: stale waiver {stale.waiver.finding}: {stale_note(stale, 'en')}", err=True)
    with progress.stage(f"writing {fmt}"):
        _write(render_pieces(report, fmt, lang, expand_units=expand_units), out)
    if out is not None:
        _by_kind, by_sev = report.counts()
        waived = f", {len(report.waived)} waived" if waivers is not None else ""
        click.echo(f"{len(report.findings)} findings ({', '.join(f'{v} {k}' for k, v in by_sev.items())}){waived} written to {out}",
                   err=True)
    sys.exit(EXIT_FINDINGS if report.fails(Severity(fail_on)) else EXIT_OK)


def _design_shapes(org_file: Path) -> tuple[list[Path], OrgDesign | None]:
    """The ``shapes:`` entry of a YAML design (shapes files, relative to the design), and the design
    read once for it and for the validation (a chain's design is megabytes of YAML)."""
    if org_file.suffix.lower() not in (".yaml", ".yml") or not org_file.is_file():
        return [], None
    from retailkg.design.readers import read_design
    from retailkg.text import progress

    try:
        with progress.stage("reading"):
            design = read_design(org_file)
    except InputError:
        return [], None  # the validation reads it again and reports it, after the options' own errors
    entry = design.shapes
    if entry is None:
        return [], design
    items = [entry] if isinstance(entry, str) else entry
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise InputError("shapes: a file name or a list of them", file=str(org_file), field="shapes")
    return [org_file.parent / x for x in items], design


def echo_import_summary(result: ImportResult) -> None:
    """The summary line of job descriptions imported in memory, as `org import` prints it."""
    click.echo(f"{result.summary()} (imported in memory: `retailkg org import` lists what was not placed)", err=True)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(validate_cmd)
