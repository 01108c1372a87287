"""The CLI command of as-is against to-be: ``retailkg diff OLD NEW`` (library: :mod:`retailkg.report.diff`).

Exit codes: 0 the diff was written (whatever it shows: a comparison is not a check); 2 bad input or
usage (one line on stderr, nothing written).
"""

from __future__ import annotations

from pathlib import Path

import click

from retailkg.cli.options import output_option, quiet_option
from retailkg.errors import EXIT_OK, InputError
from retailkg.rdf.io import refuse_input_as_output


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--baseline", default=None, metavar="ID",
              help="Standard both designs are checked against (default: each design's own, else T/CCAGM 003-2021). "
                   "Not used for a JSON report, which is read as it was written.")
@click.option("--format", "fmt", type=click.Choice(("md", "html", "json", "xlsx")), default=None,
              help="Output format; default: from the -o extension, else md. xlsx needs -o.")
@output_option("Write the diff here (atomically) instead of stdout; never one of the inputs.", dest="out")
@click.option("--lang", type=click.Choice(("zh", "en")), default="zh", show_default=True, help="Language of the diff.")
@quiet_option("No progress bars (they are only drawn on a terminal anyway).")
def diff_cmd(old: Path, new: Path, baseline: str | None, fmt: str | None, out: Path | None, lang: str, quiet: bool) -> None:
    """Compare an as-is design with a to-be design: findings introduced, resolved and unchanged,
    coverage change per area, posts added, removed and changed.

    OLD and NEW are designs in any form `retailkg validate` reads (YAML, a CSV folder, an Excel
    workbook or report workbook, job descriptions, RDF), validated now with the same baseline, or
    JSON reports written by `retailkg validate --format json` (read as they are; a report of
    another report version is refused). Findings are matched by their ids, which are stable
    across runs and input forms. Two different organisations are still compared, and the diff
    says so (their finding ids cannot match).

    Exit code: 0 the diff was written; 2 bad input or usage (nothing written).

    \b
    Examples:
      retailkg diff as-is.yaml to-be.yaml                      # Markdown on stdout
      retailkg diff as-is.yaml to-be.xlsx -o diff.html
      retailkg diff report-2024.json report-2025.json --format json -o diff.json
      retailkg diff as-is.yaml to-be.yaml -o diff.xlsx --lang en
    """
    from retailkg.rdf.io import atomic_write
    from retailkg.report.diff import compare, load_side
    from retailkg.report.diff_render import render_diff
    from retailkg.report.formats import BINARY, EXTENSIONS
    from retailkg.text import progress

    progress.set_quiet(quiet)
    refuse_input_as_output(out, [old, new])
    if fmt is None:
        fmt = EXTENSIONS.get(out.suffix.lower(), "md") if out is not None else "md"
        if fmt not in ("md", "html", "json", "xlsx"):
            raise InputError(f"diff writes md, html, json or xlsx, not {fmt}: give --format", file=str(out), field="--format")
    if fmt in BINARY and out is None:
        raise InputError(f"--format {fmt} writes a workbook: give -o FILE.{fmt}", field="-o")
    with progress.stage("old"):
        before = load_side(old, baseline)
    with progress.stage("new"):
        after = load_side(new, baseline)
    d = compare(before, after)
    if not d.same_organisation:
        click.echo(f"retailkg: note: {old} and {new} are different organisations "
                   f"({before.organisation_names('en')} / {after.organisation_names('en')}): compared all the same", err=True)
    text = render_diff(d, fmt, lang)
    if out is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)
        click.echo(f"{len(d.introduced)} introduced, {len(d.resolved)} resolved, {len(d.unchanged)} unchanged: written to {out}",
                   err=True)
    raise SystemExit(EXIT_OK)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(diff_cmd)
