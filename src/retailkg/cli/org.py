"""The ``retailkg org`` group: organisation design files (templates, RDF) and the duty matcher."""

from __future__ import annotations

from pathlib import Path

import click

from retailkg.cli.options import output_option
from retailkg.errors import InputError


def _write(text: str, out: Path | None) -> None:
    from retailkg.rdf.io import atomic_write

    if out is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)


@click.group("org")
def org_group() -> None:
    """Organisation design files: templates, RDF, and the duty matcher.

    \b
    Examples:
      retailkg org template --format xlsx -o design.xlsx
      retailkg org rdf examples/taobao-ops.yaml -o taobao-ops.ttl
      retailkg org match "负责会员活动的策划与执行"
    """


@org_group.command("template")
@click.option("--format", "fmt", type=click.Choice(("yaml", "csv", "xlsx")), default="yaml", show_default=True,
              help="yaml: one file; csv: a folder of five CSV files (UTF-8 with BOM); xlsx: one workbook, a sheet per table.")
@output_option("Where to write (a folder for csv). YAML goes to stdout without -o.", dest="out", folder=None)
def template_cmd(fmt: str, out: Path | None) -> None:
    """Write an empty organisation design with one example row per table.

    \b
    Examples:
      retailkg org template > design.yaml
      retailkg org template --format csv -o design/
      retailkg org template --format xlsx -o design.xlsx
    """
    from retailkg.design.templates import write_template

    text = write_template(fmt, out)
    if out is None and isinstance(text, str):
        click.echo(text, nl=False)
    elif out is not None:
        click.echo(f"{fmt} template written to {out}", err=True)


@org_group.command("rdf")
@click.argument("org_file", type=click.Path(path_type=Path))
@click.option("--baseline", default=None, metavar="ID", help="Override the design's baseline standard.")
@click.option("--format", "fmt", type=click.Choice(("ttl", "nt")), default=None,
              help="Turtle, or N-Triples (what triple stores bulk-load fastest); default: from the -o extension, else ttl.")
@output_option("Write the RDF here instead of stdout.", dest="out")
def rdf_cmd(org_file: Path, baseline: str | None, fmt: str | None, out: Path | None) -> None:
    """Write an organisation design as RDF (Turtle) in the retailkg ontology.

    IRIs are https://w3id.org/retailkg/org/<org-id>/…; free-text duties carry the functions they
    were matched to, with the score and the standard duty that is the evidence (rkgv:match).

    \b
    Examples:
      retailkg org rdf examples/taobao-ops.yaml
      retailkg org rdf examples/acme-department-store.xlsx -o acme.ttl
      retailkg org rdf chain.yaml -o chain.nt                   # N-Triples, for a triple store's bulk loader
    """
    import pyoxigraph as ox

    from retailkg.design.matching import matcher_for
    from retailkg.design.readers import read_design
    from retailkg.design.resolve import resolve
    from retailkg.kg.knowledge import knowledge_base
    from retailkg.ns import PREFIXES, RKGV

    kb = knowledge_base()
    resolved = resolve(read_design(org_file), kb, matcher_for(kb), baseline)
    nt = resolved.ntriples()
    if fmt is None:  # as `validate` does: the -o extension says which
        fmt = "nt" if out is not None and out.suffix.lower() == ".nt" else "ttl"
    if fmt == "nt":
        _write(nt, out)
        return
    prefixes = {**{k: str(v) for k, v in PREFIXES.items()}, "rkgv": str(RKGV), resolved.prefix: resolved.base}
    text = ox.serialize(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    _write(text.decode("utf-8") if isinstance(text, bytes) else str(text), out)


@org_group.command("match")
@click.argument("text", nargs=-1, required=True)
def match_cmd(text: tuple[str, ...]) -> None:
    """Show which functions a free-text duty is matched to, with scores and evidence.

    \b
    Examples:
      retailkg org match "负责会员活动的策划与执行"
      retailkg org match 跟踪物流查单
    """
    from retailkg.design.matching import matcher_for
    from retailkg.kg.knowledge import knowledge_base

    kb = knowledge_base()
    joined = " ".join(text).strip()
    if not joined:
        raise InputError("empty text", field="TEXT")
    m = matcher_for(kb).match(joined)
    if m.verbatim is not None:
        click.echo(f"verbatim: {m.verbatim.citation} 「{m.verbatim.zh}」")
    if m.unmapped:
        click.echo("unmapped: no function scores high enough")
    for label, items in (("match", m.functions), ("near", m.candidates)):
        for fm in items:
            info = kb.functions[fm.function]
            ev = f"  evidence: {fm.evidence.citation} 「{fm.evidence.zh}」" if fm.evidence else ""
            click.echo(f"{label}\t{fm.score:6.2f}\t{fm.role}\tfn:{info.id}\t{info.zh} / {info.en}{ev}")


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(org_group)
