"""The RACI matrix (权责矩阵): the baseline's functions × the posts, each cell R, A, C or I.

Derived from what the design says, not asked of it: a post whose duty leads a function is
**R**esponsible; of the posts leading it, each with no other of them above it in its reporting line
is **A**ccountable (it does the work or has it done); a post whose duty supports it is
**C**onsulted; the direct superior of an A that has no letter of its own is **I**nformed. One A
per function is the overlap rule read another way: two As are two posts leading the function that
do not answer to each other (`rkgsh:OverlapLeadFunction`, or replicas in different stores). A
function with no A is a gap (or only supported).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from retailkg.report.common import matrix_columns
from retailkg.validation.findings import CoverageMatrix, CoverageRow, Ref, Report

__all__ = ["LETTER_COLOURS", "RaciTable", "html_raci", "raci_tables", "render_raci_tsv", "row_letters"]


@dataclass
class RaciTable:
    """One organisation's matrix: ``letters[i][j]`` is row ``i``'s letter for post ``j`` of ``matrix.posts``."""

    matrix: CoverageMatrix
    letters: list[list[str]] = field(default_factory=list)

    @property
    def organisation(self) -> Ref:
        return self.matrix.organisation

    def accountable(self, i: int) -> int:
        return sum(1 for c in self.letters[i] if c == "A")


def _superiors(report: Report) -> dict[str, str]:
    """Each post's direct superior (IRIs), from the design validated; empty for RDF or the bundled documents."""
    resolved = report.resolved
    if resolved is None:
        return {}
    return {str(resolved.posts[p.id]): str(resolved.posts[p.reports_to]) for p in resolved.design.posts
            if p.reports_to and p.reports_to in resolved.posts}


def _row_letters(row: CoverageRow, posts: list[str], superior: dict[str, str]) -> list[str]:
    return row_letters(row.cells, posts, superior)


def row_letters(cells: Sequence[str], posts: list[str], superior: dict[str, str]) -> list[str]:
    """One function's letters, post by post, from its coverage cells ("lead", "support" or "") and each
    post's direct superior (keys and values as in ``posts``): shared with the diff, which reads a JSON
    report's cells and reporting lines the same way."""
    def above(iri: str) -> set[str]:
        seen: set[str] = set()
        cur = superior.get(iri)
        while cur is not None and cur not in seen:
            seen.add(cur)
            cur = superior.get(cur)
        return seen

    letters = ["" for _ in posts]
    leaders = [i for i, c in enumerate(cells) if c == "lead"]
    leading = {posts[i] for i in leaders}
    for i in leaders:
        letters[i] = "R" if above(posts[i]) & leading else "A"
    for i, c in enumerate(cells):
        if c == "support":
            letters[i] = "C"
    index = {iri: i for i, iri in enumerate(posts)}
    for i in leaders:
        if letters[i] == "A":
            boss = superior.get(posts[i])
            if boss in index and not letters[index[boss]]:
                letters[index[boss]] = "I"
    return letters


def raci_tables(report: Report) -> list[RaciTable]:
    """One table per coverage matrix of the report (organisations with a baseline)."""
    superior = _superiors(report)
    out = []
    for m in report.coverage:
        posts = [p.iri for p in m.posts]
        out.append(RaciTable(m, [_row_letters(r, posts, superior) for r in m.rows]))
    return out


def _cell(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ")


def render_raci_tsv(report: Report, lang: str = "zh") -> str:
    """The matrix as TSV: per organisation, one row per baseline function (organisation, function id and name,
    status, how many As), then one column per post (grouped as the coverage matrix beyond 60: a column's
    letters are those of its posts, joined by ``/``)."""
    lines = []
    for t in raci_tables(report):
        columns = matrix_columns(t.matrix)
        head = ["organisation", "function", "name", "status", "accountable"] + [f"{c.label(lang)} ({c.posts[0].id})"
                                                                              if len(c.posts) == 1 else c.label(lang) for c in columns]
        lines.append(head)
        for i, r in enumerate(t.matrix.rows):
            cells = []
            for c in columns:
                found = sorted({t.letters[i][j] for j in c.index if t.letters[i][j]}, key="ARCI".index)
                cells.append("/".join(found))
            lines.append([t.organisation.id, r.function.id, r.function.name(lang), r.status, str(t.accountable(i)), *cells])
    return "".join("\t".join(_cell(c) for c in row) + "\n" for row in lines)


LETTER_COLOURS = {"A": "#1b7f3b", "R": "#8fd19e", "C": "#ffe08a", "I": "#d9d9d9"}
"""The HTML matrix's colour of each letter (A dark: one per function)."""

_WORDS = {
    "title": ("权责矩阵（RACI）", "RACI matrix"),
    "legend": ("A 负责（主责且其汇报线上无其他主责岗位）· R 执行（主责，其上级也主责）· C 配合 · I 知会（A 的直接上级）。"
               "一项职能应只有一个 A：两个 A 即交叉（团队职能与不同门店的同一岗位除外）；没有 A 即空白。",
               "A accountable (leads it, no other leader above it) · R responsible (leads it under a leader) · C consulted "
               "(supports it) · I informed (an A's direct superior). One A per function: two are an overlap (team "
               "functions and replicas in different stores aside); none is a gap."),
    "function": ("职能", "function"),
}


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def html_raci(report: Report, lang: str) -> str:
    """The HTML section: per organisation, the matrix coloured by letter; a row with two As is marked."""
    h = html.escape
    tables = [t for t in raci_tables(report) if t.matrix.posts]
    if not tables:
        return ""
    parts = [f"<h2 id=\"raci\">{h(_word('title', lang))}</h2><p class=\"meta\">{h(_word('legend', lang))}</p>"]
    for t in tables:
        columns = matrix_columns(t.matrix)
        head = "".join(f"<th class=\"post\" title=\"{h(c.title(lang))}\">{h(c.label(lang))}</th>" for c in columns)
        rows = []
        for i, r in enumerate(t.matrix.rows):
            tds = []
            for c in columns:
                letters = sorted({t.letters[i][j] for j in c.index if t.letters[i][j]}, key="ARCI".index)
                text = "/".join(letters)
                colour = LETTER_COLOURS.get(letters[0], "") if letters else ""
                style = f" style=\"background:{colour};{'color:#fff;' if letters and letters[0] == 'A' else ''}\"" if colour else ""
                tds.append(f"<td{style}>{h(text)}</td>")
            flag = " ⚠" if t.accountable(i) > 1 else ""
            rows.append(f"<tr class=\"{h(r.status)}\"><td class=\"fn\">{h(r.notation)} {h(r.function.name(lang))}{flag}</td>"
                        f"{''.join(tds)}</tr>")
        parts.append(f"<h3>{h(t.organisation.name(lang))}</h3><div class=\"wide\"><table class=\"matrix raci\"><thead><tr>"
                     f"<th class=\"fn\">{h(_word('function', lang))}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    return "\n".join(parts)
