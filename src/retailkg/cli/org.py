"""The ``retailkg org`` group: organisation design files (templates, RDF) and the duty matcher.

``org match`` is a thin layer over :class:`retailkg.design.matching.Matcher`: it gathers the duty
texts (arguments, a file of lines, or a design's free-text duties), matches them in one batch
(``match_many``) and writes what the matcher answered as a table for a person, or as TSV or JSON
for a program. Matching ran means exit 0, whatever the matches are (a duty to review is an
answer, not a failure); bad input is exit 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from retailkg.cli.options import format_of, output_option, quiet_option, refuse_overwriting_client_file
from retailkg.errors import InputError
from retailkg.rdf.io import refuse_input_as_output

if TYPE_CHECKING:  # the matcher pulls in numpy and scikit-learn: imported when a command runs
    from retailkg.design.matching import FunctionMatch, Match
    from retailkg.kg.knowledge import KnowledgeBase, StatementInfo


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
      retailkg org import 岗位说明书/ -o design.yaml
      retailkg org rdf examples/taobao-ops.yaml -o taobao-ops.ttl
      retailkg org match "负责会员活动的策划与执行"
      retailkg org match --design examples/taobao-ops.yaml --format tsv -o matches.tsv
    """


@org_group.command("template")
@click.option("--format", "fmt", type=click.Choice(("yaml", "csv", "xlsx")), default="yaml", show_default=True,
              help="yaml: one file; csv: a folder of five CSV files (UTF-8 with BOM); xlsx: one workbook, a sheet per table.")
@output_option("Where to write (a folder for csv). YAML goes to stdout without -o.", dest="out", folder=None)
@click.option("--force", is_flag=True, help="Replace an existing file at -o (without it, an existing file, or a folder "
                                            "holding CSV files, is refused: it may be a design filled in).")
def template_cmd(fmt: str, out: Path | None, force: bool) -> None:
    """Write an empty organisation design with one example row per table.

    An existing -o is never replaced without --force: it may be a client's design already filled in.

    \b
    Examples:
      retailkg org template > design.yaml
      retailkg org template --format csv -o design/
      retailkg org template --format xlsx -o design.xlsx
    """
    from retailkg.design.templates import write_template

    if out is not None and not force:
        existing = out.is_file() or (out.is_dir() and any(p.suffix.lower() == ".csv" for p in out.iterdir()))
        if existing or out.is_symlink():
            raise InputError("-o exists: `org template` writes an empty design and never replaces one "
                             "(another path, or --force to replace it)", file=str(out), field="-o")

    text = write_template(fmt, out)
    if out is None and isinstance(text, str):
        click.echo(text, nl=False)
    elif out is not None:
        click.echo(f"{fmt} template written to {out}", err=True)


@org_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Write the design YAML here (atomically) instead of stdout; never one of the inputs.")
@click.option("--skip-unreadable", is_flag=True,
              help="In a folder, list the files that cannot be read and import the rest (else they are exit 2).")
@click.option("--no-match", is_flag=True, help="Do not propose functions for the duties (faster; no knowledge base loaded).")
@quiet_option("No progress bar (it is only drawn on a terminal anyway).")
def import_cmd(paths: tuple[Path, ...], output: Path | None, skip_unreadable: bool, no_match: bool, quiet: bool) -> None:
    """Read a client's job descriptions (岗位说明书) into a design YAML to review.

    PATH is a file or a folder (read recursively): Word (.docx; a legacy .doc through LibreOffice
    when `soffice` is installed), PDF with a text layer, free-form Excel (岗位职责表) and .txt/.md.
    Posts, departments, superiors, headcounts and duties (verbatim, in order) are read from label
    cells and lines in any layout; qualifications (任职资格) are kept apart from duties. Each post
    and duty says where it was read as a comment, whatever could not be placed is listed at the
    top, and each duty's proposed functions follow it as a `# functions: [...]` comment: uncomment
    or correct it, then run `retailkg validate` on the YAML. One summary line goes to stderr.
    How to review: docs/importing.md.

    Exit code: 0 when imported; 2 for bad input (one line per unreadable file naming it; nothing
    written).

    \b
    Examples:
      retailkg org import 岗位说明书-店长.docx
      retailkg org import 岗位说明书/ -o design.yaml
      retailkg org import 岗位说明书/ 岗位职责表.xlsx --skip-unreadable -o design.yaml
      retailkg validate 岗位说明书/                       # imported in memory, then validated
    """
    from retailkg.design.documents import document_files, import_documents
    from retailkg.text import progress

    progress.set_quiet(quiet)
    refuse_input_as_output(output, [*paths, *(path for path, _ in document_files(list(paths)))])
    result = import_documents(list(paths), skip_unreadable=True)
    found_in_folders = list(result.unreadable)  # a file named on its own was read, or raised above
    if found_in_folders and not skip_unreadable:
        for e in found_in_folders:
            click.echo(f"retailkg: error: {e}", err=True)
        raise InputError(f"{len(found_in_folders)} unreadable {'file' if len(found_in_folders) == 1 else 'files'} "
                         "(listed above): fix them, or import the rest with --skip-unreadable")
    for e in result.unreadable:
        click.echo(f"retailkg: skipped: {e}", err=True)
    matcher = None
    if not no_match:
        from retailkg.design.matching import matcher_for
        from retailkg.kg.knowledge import knowledge_base

        with progress.stage("matching duties"):
            matcher = matcher_for(knowledge_base())
            text = result.to_yaml(matcher)
    else:
        text = result.to_yaml()
    _write(text, output)
    click.echo(f"{result.summary()}" + (f"; written to {output}" if output is not None else ""), err=True)


@org_group.command("rdf")
@click.argument("org_file", type=click.Path(path_type=Path))
@click.option("--baseline", default=None, metavar="ID", help="Override the design's baseline standard.")
@click.option("--format", "fmt", type=click.Choice(("ttl", "nt")), default=None,
              help="Turtle, or N-Triples (what triple stores bulk-load fastest). Given, it wins; else the -o extension "
                   "decides (.ttl or .nt; another is refused), and ttl goes to stdout.")
@output_option("Write the RDF here instead of stdout.", dest="out")
def rdf_cmd(org_file: Path, baseline: str | None, fmt: str | None, out: Path | None) -> None:
    """Write an organisation design as RDF (Turtle) in the retailkg ontology.

    ORG_FILE is a design (YAML, an Excel workbook from `org template`, a folder of CSV files) or a
    client's job descriptions (Word, PDF, a free-form workbook, text, or a folder of them), which
    are imported in memory as `org import` reads them.

    IRIs are https://w3id.org/retailkg/org/<org-id>/…; free-text duties carry the functions they
    were matched to, with the score and the standard duty that is the evidence (rkgv:match).

    \b
    Examples:
      retailkg org rdf examples/taobao-ops.yaml
      retailkg org rdf examples/acme-department-store.xlsx -o acme.ttl
      retailkg org rdf 岗位说明书/ -o client.ttl                # job descriptions, imported in memory
      retailkg org rdf chain.yaml -o chain.nt                   # N-Triples, for a triple store's bulk loader
    """
    import pyoxigraph as ox

    from retailkg.cli.validate import echo_import_summary
    from retailkg.design.matching import matcher_for
    from retailkg.design.readers import on_import, read_design
    from retailkg.design.resolve import resolve
    from retailkg.kg.knowledge import knowledge_base
    from retailkg.ns import PREFIXES, RKGV

    refuse_input_as_output(out, [org_file])
    refuse_overwriting_client_file(out)
    fmt = format_of(out, fmt, {".ttl": "ttl", ".nt": "nt"}, "ttl", "RDF")
    kb = knowledge_base()
    with on_import(echo_import_summary):
        design = read_design(org_file)
    resolved = resolve(design, kb, matcher_for(kb), baseline)
    nt = resolved.ntriples()
    if fmt == "nt":
        _write(nt, out)
        return
    prefixes = {**{k: str(v) for k, v in PREFIXES.items()}, "rkgv": str(RKGV), resolved.prefix: resolved.base}
    text = ox.serialize(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    _write(text.decode("utf-8") if isinstance(text, bytes) else str(text), out)


# ---------------------------------------------------------------------------------------------- org match

MATCH_FORMATS = ("table", "tsv", "json")

TSV_COLUMNS = ("duty_no", "text", "post", "where", "outcome", "to_review", "area", "rank", "function", "label_zh",
               "probability", "role", "kept", "evidence_citation", "evidence_text", "example", "example_source")
"""The columns of ``org match --format tsv``: one row per (duty, function shown), kept functions first."""

TABLE_TEXT_WIDTH = 160
"""A duty longer than this many terminal columns is clipped in the table (never in TSV or JSON)."""


@dataclass(frozen=True)
class Duty:
    """One text to match: its words, its post's title, and where it was read (``file:line``, or "")."""

    text: str
    post: str = ""
    where: str = ""


def duties_from_file(path: Path) -> list[Duty]:
    """One duty per non-blank line of ``path`` (``-``: standard input), in UTF-8 or GB18030."""
    from retailkg.design.fields import decode_text

    if str(path) == "-":
        raw, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            raw, name = path.read_bytes(), str(path)
        except FileNotFoundError:
            raise InputError("file not found", file=str(path), field="--file") from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", file=str(path), field="--file") from None
    text = decode_text(raw, Path(name))  # an empty file is an InputError here
    out = [Duty(line.strip(), where=f"{Path(name).name}:{n}")
           for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not out:
        raise InputError("no duty: every line is blank", file=name, field="--file")
    return out


def duties_from_design(path: Path) -> list[Duty]:
    """Every free-text duty of a design with its post's name; duties that cite a standard or pin
    their functions are not matched (`validate` does not match them either)."""
    from retailkg.design.readers import read_design

    design = read_design(path)
    out = [Duty(d.text.strip(), p.name, d.where.cite())
           for p in design.posts for d in p.duties
           if d.standard is None and not d.functions and d.text and d.text.strip()]
    if not out:
        raise InputError("no free-text duty to match (every duty cites a standard or gives its functions)",
                         file=str(path), field="--design")
    return out


def run_matcher(kb: KnowledgeBase, duties: list[Duty]) -> list[Match]:
    """The matcher's answer for each duty, in order; each distinct (text, post) is matched once."""
    from retailkg.design.matching import matcher_for

    distinct = list(dict.fromkeys((d.text, d.post) for d in duties))
    found = matcher_for(kb).match_many([t for t, _ in distinct], [p for _, p in distinct])
    by_key = dict(zip(distinct, found, strict=True))
    return [by_key[(d.text, d.post)] for d in duties]


# The three renderings share one reading of a Match: the functions kept, then the candidates.

def _shown(m: Match) -> Iterator[tuple[int, FunctionMatch, bool]]:
    """(rank, function, kept) for the kept functions, then the candidates."""
    for rank, (fm, kept) in enumerate([*((f, True) for f in m.functions), *((f, False) for f in m.candidates)], start=1):
        yield rank, fm, kept


def _outcome(m: Match) -> str:
    return "functions" if m.functions else f"none: {m.none}" if m.none else "none"


def _area_id(area: Any) -> str:
    return str(area).rstrip("/").rsplit("/", 1)[-1]


def _statement(s: StatementInfo | None) -> dict[str, str] | None:
    return None if s is None else {"citation": s.citation, "zh": s.zh, "en": s.en}


def _function_json(kb: KnowledgeBase, fm: FunctionMatch) -> dict[str, Any]:
    info = kb.functions[fm.function]
    return {"function": str(fm.function), "id": info.id, "zh": info.zh, "en": info.en,
            "probability": round(fm.score, 4), "role": fm.role, "evidence": _statement(fm.evidence),
            "examples": [{"text": e.text, "post": e.post, "source": e.source, "url": e.url} for e in fm.examples]}


def render_json(kb: KnowledgeBase, duties: list[Duty], matches: list[Match]) -> str:
    out = []
    for n, (d, m) in enumerate(zip(duties, matches, strict=True), start=1):
        lab = m.labelled
        out.append({
            "duty_no": n, "text": d.text, "post": d.post, "where": d.where,
            "outcome": "functions" if m.functions else "none",
            "none": None if m.functions else (m.none or None),
            "probability": round(m.probability, 4), "to_review": m.to_review, "review_below": round(m.review_below, 4),
            "area": None if m.area is None else {"area": str(m.area), "id": _area_id(m.area),
                                                 "zh": kb.label(m.area, "zh"), "en": kb.label(m.area, "en")},
            "verbatim": _statement(m.verbatim),
            "labelled": None if lab is None else {"text": lab.text, "post": lab.post, "source": lab.source, "url": lab.url},
            "functions": [_function_json(kb, f) for f in m.functions],
            "candidates": [_function_json(kb, f) for f in m.candidates],
        })
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    return " ".join(str(value).split())  # no tab or newline inside a cell


def render_tsv(kb: KnowledgeBase, duties: list[Duty], matches: list[Match]) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for n, (d, m) in enumerate(zip(duties, matches, strict=True), start=1):
        head = [n, d.text, d.post, d.where, _outcome(m), "yes" if m.to_review else "no",
                "" if m.area is None else _area_id(m.area)]
        rows = [[rank, kb.functions[fm.function].id, kb.functions[fm.function].zh, f"{fm.score:.4f}", fm.role,
                 "yes" if kept else "no",
                 fm.evidence.citation if fm.evidence else "", fm.evidence.zh if fm.evidence else "",
                 fm.examples[0].text if fm.examples else "", fm.examples[0].source if fm.examples else ""]
                for rank, fm, kept in _shown(m)]
        for row in rows or [[""] * 10]:
            lines.append("\t".join(_cell(c) for c in [*head, *row]))
    return "\n".join(lines) + "\n"


def render_table(kb: KnowledgeBase, duties: list[Duty], matches: list[Match]) -> str:
    from retailkg.text.normalise import clip

    lines: list[str] = []
    for n, (d, m) in enumerate(zip(duties, matches, strict=True), start=1):
        lines.append(f"[{n}] {clip(d.text, TABLE_TEXT_WIDTH)}")
        if d.post:
            lines.append(f"    post: {d.post}" + (f" ({d.where})" if d.where else ""))
        elif d.where:
            lines.append(f"    at: {d.where}")
        if m.verbatim is not None:
            lines.append(f"    = the words of {m.verbatim.citation}")
        elif m.labelled is not None:
            lines.append(f"    = a labelled sentence ({m.labelled.source})")
        if not m.functions:
            lines.append(f"    → none ({m.none})" if m.none else "    → none")
        for fm in m.functions:
            info = kb.functions[fm.function]
            lines.append(f"    → {info.id}  {info.zh}  {fm.role}  {fm.score:.2f}")
            if fm.evidence is not None:
                lines.append(f"        standard: {fm.evidence.citation} 「{fm.evidence.zh}」")
            lines.extend(f"        labelled: 「{clip(e.text, 80)}」 ({e.source})" for e in fm.examples)
        if m.to_review:
            area = f"; area: {kb.label(m.area, 'zh')} ({_area_id(m.area)})" if m.area is not None else ""
            lines.append(f"    待复核 to review: probability {m.probability:.2f} < {m.review_below:.2f}{area}")
        if m.candidates:
            lines.append("    candidates:")
            for fm in m.candidates:
                info = kb.functions[fm.function]
                ev = f"  ({fm.evidence.citation})" if fm.evidence else ""
                lines.append(f"        {info.id}  {info.zh}  {fm.score:.2f}{ev}")
        lines.append("")
    matched = sum(1 for m in matches if m.functions)
    review = sum(1 for m in matches if m.to_review)
    duties_word = "duty" if len(matches) == 1 else "duties"
    lines.append(f"{len(matches)} {duties_word}: {matched} matched, {len(matches) - matched} none, {review} to review (待复核)")
    return "\n".join(lines) + "\n"


RENDERERS = {"table": render_table, "tsv": render_tsv, "json": render_json}


@org_group.command("match")
@click.argument("text", nargs=-1)
@click.option("--file", "file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="Match each non-blank line of FILE (UTF-8 or GB18030; - is standard input).")
@click.option("--design", type=click.Path(path_type=Path), default=None,
              help="Match every free-text duty of this design (.yaml/.yml, .xlsx, or a folder of CSV files), "
                   "with its post's name; duties that cite a standard or give their functions are skipped.")
@click.option("--post", default="", metavar="NAME",
              help="The post's title for TEXT or --file duties (the same words are different work under different posts).")
@click.option("--format", "fmt", type=click.Choice(MATCH_FORMATS), default="table", show_default=True,
              help="table for a person; tsv or json for a program (columns and keys above).")
@output_option("Write the matches here (atomically) instead of stdout; never the --file or --design input.")
def match_cmd(text: tuple[str, ...], file: Path | None, design: Path | None, post: str, fmt: str,
              output: Path | None) -> None:
    """Show which functions free-text duties are matched to, with probabilities and evidence.

    Give the duties as TEXT arguments (each argument is one duty), as --file (one duty per line;
    a lone TEXT "-" reads standard input the same way), or as --design (every free-text duty of a
    design file). For each duty: the functions kept
    with their role (lead/support) and probability, or none and why (empty; catch-all: …, a
    curated pattern; model; labelled); whether it is to review (待复核: the probability is below
    the model's review threshold) and, when the matcher is sure of the area but not the function,
    the area; the other candidates with their probabilities; and the evidence for each function:
    the standard's duty (citation and text) and the nearest labelled sentences of real job posts.

    \b
    --format json: a list, one object per duty, in input order, with the keys
      duty_no, text, post, where (file:line, or ""), outcome ("functions" or "none"),
      none (why nothing, or null), probability (of the first outcome), to_review, review_below,
      area ({area, id, zh, en} or null), verbatim ({citation, zh, en}: the text is that curated
      duty's words, or null), labelled ({text, post, source, url}, or null),
      functions and candidates (lists of {function (IRI), id, zh, en, probability, role,
      evidence ({citation, zh, en} or null), examples ([{text, post, source, url}])}).
    --format tsv: a header, then one row per (duty, function shown): the kept functions
      (kept=yes) then the candidates (kept=no), ranked; a duty with neither has one row with
      the function columns empty. Columns: duty_no, text, post, where, outcome
      ("functions" or "none: <why>"), to_review (yes/no), area (id), rank, function (id),
      label_zh, probability, role, kept (yes/no), evidence_citation, evidence_text, example
      (the nearest labelled sentence), example_source.

    Exit code: 0 when matching ran (a duty to review is not a failure); 2 for bad input (no
    text, an unreadable or empty file, an invalid design).

    \b
    Examples:
      retailkg org match "负责会员活动的策划与执行"
      retailkg org match 跟踪物流查单 负责门店收银 完成领导交办的其他工作
      retailkg org match --post 出纳 "每日盘点现金"
      retailkg org match --file duties.txt --format tsv -o matches.tsv
      cat duties.txt | retailkg org match --file - --format json
      retailkg org match --design examples/taobao-ops.yaml
    """
    from retailkg.kg.knowledge import knowledge_base

    if text == ("-",) and file is None:  # the usual spelling of standard input, as --file -
        text, file = (), Path("-")
    given = [name for name, on in (("TEXT", bool(text)), ("--file", file is not None), ("--design", design is not None)) if on]
    if not given:
        raise InputError("no duty to match: give TEXT, --file FILE or --design PATH", field="TEXT")
    if len(given) > 1:
        raise InputError(f"give one of TEXT, --file, --design (got {' and '.join(given)})", field=given[1])
    if design is not None and post:
        raise InputError("--post is for TEXT and --file: a design's duties take their post's name", field="--post")
    refuse_input_as_output(output, [file, design])
    if text:
        if not any(t.strip() for t in text):
            raise InputError("no duty to match: every TEXT is blank", field="TEXT")
        duties = [Duty(t.strip(), post.strip()) for t in text]
        for t in text:  # a file's name given as a duty: matched as asked, and the user told how to read the file
            if _looks_like_a_file(t):
                click.echo(f"retailkg: note: TEXT {t!r} is matched as a duty; to read duties from that file, give "
                           f"--file {t} (or --design for a design)", err=True)
    elif file is not None:
        duties = [Duty(d.text, post.strip(), d.where) for d in duties_from_file(file)]
    else:
        assert design is not None
        duties = duties_from_design(design)
    kb = knowledge_base()
    matches = run_matcher(kb, duties)
    _write(RENDERERS[fmt](kb, duties, matches), output)
    if output is not None:
        click.echo(f"{len(duties)} {'duty' if len(duties) == 1 else 'duties'} written to {output}", err=True)


def _looks_like_a_file(text: str) -> bool:
    """Whether a TEXT argument is a file's name rather than a duty: an existing file, or a name with no Chinese
    ending in a suffix duties are kept in."""
    t = text.strip()
    if not t or "\n" in t or len(t) > 255:
        return False
    try:
        exists = Path(t).is_file()
    except (OSError, ValueError):  # not a name the file system takes
        return False
    if exists or any("\u4e00" <= ch <= "\u9fff" for ch in t):
        return exists
    return Path(t).suffix.lower() in {".txt", ".tsv", ".csv", ".md", ".yaml", ".yml", ".xlsx", ".docx", ".pdf"}


def _ids(values: tuple[str, ...]) -> list[str]:
    """Finding ids given as repeated options, or several in one separated by commas or spaces."""
    return [i for v in values for i in v.replace(",", " ").split() if i]


@org_group.command("propose")
@click.argument("design", type=click.Path(path_type=Path))
@output_option("Write the to-be design YAML here (atomically) instead of stdout; never the input.")
@click.option("--only", multiple=True, metavar="ID", help="Apply only the proposals of these findings (ids; repeatable, or "
                                                          "several separated by commas).")
@click.option("--skip", multiple=True, metavar="ID", help="Apply every proposal but these findings' (ids; repeatable).")
@click.option("--baseline", default=None, metavar="ID", help="Override the design's baseline standard.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A JSON report of this design (validate --format json) the ids were taken from: refused when the "
                   "design's findings have changed since.")
@click.option("--waivers", "waivers_file", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Findings the client accepts (YAML, or a report workbook's Waived sheet, as validate --waivers): no "
                   "proposal is applied for a waived finding; a stale waiver is noted on stderr.")
@quiet_option("No progress bar (it is only drawn on a terminal anyway).")
def propose_cmd(design: Path, output: Path | None, only: tuple[str, ...], skip: tuple[str, ...], baseline: str | None,
                report_file: Path | None, waivers_file: Path | None, quiet: bool) -> None:
    """Write the to-be design: DESIGN with a proposal applied for each overlap and gap finding.

    DESIGN is any design file validate reads (YAML, a CSV folder, an Excel workbook, job
    descriptions). For a function nobody owns, the post closest to the standard's post that leads
    it (by title and by the functions its duties lead), or doing other work of its area, is given
    the standard's duty, cited; for two posts leading one function, the one closer to the
    standard's owner keeps it and the other supports it; for a metric two posts answer for, one
    keeps it. Each change is a comment-marked edit (`# proposed (F…, rule, confidence)`, with the
    reason and how to undo it); nothing else changes. The proposals, their reasons and scores are
    in every report format (`retailkg validate`). How a proposal is chosen: docs/proposals.md.

    With --waivers, a waived finding's proposal is not applied (the client has decided to live with
    it), and --only naming it is refused. A report also lists proposals to split or merge posts
    (ids S…): they are applied only when named with --only.

    Exit code: 0 when written; 2 for bad input (an id naming no finding, with the closest ids; a
    waived id given to --only; a design whose findings changed since --report; -o naming the
    input; a bad waiver file): one line, nothing written.

    \b
    Examples:
      retailkg org propose examples/taobao-ops.yaml -o to-be.yaml
      retailkg validate to-be.yaml                               # the proposed findings are gone
      retailkg diff examples/taobao-ops.yaml to-be.yaml           # exactly the proposed changes
      retailkg org propose design.xlsx --only F3f50f6d861,Fe4aebeeeb2 -o to-be.yaml
      retailkg org propose design.yaml --skip F6bfa0561fe --report as-is.json -o to-be.yaml
      retailkg org propose design.yaml --waivers waivers.yaml -o to-be.yaml
      retailkg org propose examples/taobao-ops.yaml --only S62dfa3f9a7 -o split.yaml   # a split, chosen
    """
    from retailkg.kg.knowledge import knowledge_base
    from retailkg.text import progress
    from retailkg.validation.loading import RDF_FORMATS
    from retailkg.validation.pipeline import validate_file
    from retailkg.validation.proposals import select_proposals, to_be_yaml

    progress.set_quiet(quiet)
    refuse_input_as_output(output, [design, report_file, waivers_file])
    if design.suffix.lower() in RDF_FORMATS and not design.is_dir():
        raise InputError("an RDF design cannot be written back as a design file: give the YAML, CSV or Excel design",
                         file=str(design))
    only_ids, skip_ids = _ids(only), _ids(skip)
    waivers = None
    if waivers_file is not None:
        from retailkg.validation.waivers import read_waivers

        waivers = read_waivers(waivers_file)  # a file that is not a waiver file stops before the validation runs
    kb = knowledge_base()
    report = validate_file(design, baseline, kb=kb)
    if report_file is not None:
        _check_report(report_file, {f.id for f in report.findings})
    waived: dict[str, str] = {}
    if waivers is not None:
        from retailkg.report.waived import stale_note
        from retailkg.validation.waivers import apply_waivers

        apply_waivers(report, waivers)
        for stale in report.stale_waivers:
            click.echo(f"{stale.waiver.source}: stale waiver {stale.waiver.finding}: {stale_note(stale, 'en')}", err=True)
        waived = {w.finding.id: w.waiver.source for w in report.waived}
    chosen = select_proposals([*report.proposals, *report.restructures], only_ids, skip_ids, where=str(design), waived=waived)
    shapes = _design_shapes_for(design, output)
    _write(to_be_yaml(report, chosen, kb, shapes), output)
    n = sum(1 for p in report.proposals if p.status in ("change", "via"))
    n_waived = sum(1 for p in report.proposals if p.status in ("change", "via") and p.finding in waived)
    restructured = sum(1 for p in chosen if p.status == "restructure")
    click.echo(f"{len(chosen) - restructured} of {n} proposals applied ({len(report.proposals)} overlap and gap findings"
               + (f", {n_waived} waived" if waivers is not None else "") + ")"
               + (f", and {restructured} split or merge of {len(report.restructures)}" if restructured else "")
               + (f"; written to {output}" if output is not None else ""), err=True)


def _check_report(path: Path, ids: set[str]) -> None:
    """A JSON report whose findings are not this run's: the ids the user picked may mean something else now."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        then = {f["id"] for f in doc["findings"]} | {w["finding"]["id"] for w in doc.get("waived", [])}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"not a JSON report of retailkg validate ({e.__class__.__name__})", file=str(path)) from None
    if then != ids:
        raise InputError(f"the design's findings changed since this report ({len(ids - then)} new, {len(then - ids)} gone): "
                         "validate the design again and take the ids from the new report", file=str(path), field="findings")


def _design_shapes_for(design: Path, output: Path | None) -> list[str]:
    """A YAML design's own ``shapes:`` files, as paths from where the to-be design is written."""
    import os

    import yaml

    if design.is_dir() or design.suffix.lower() not in (".yaml", ".yml"):
        return []
    try:
        doc = yaml.safe_load(design.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    entry = doc.get("shapes") if isinstance(doc, dict) else None
    names = [entry] if isinstance(entry, str) else [e for e in entry if isinstance(e, str)] if isinstance(entry, list) else []
    base = (output.resolve().parent if output is not None else Path.cwd())
    return [os.path.relpath((design.resolve().parent / n).resolve(), base) for n in names]


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
    group.add_command(org_group)
