"""A reviewer's corrections of the duty matcher, carried in a report workbook.

``retailkg validate --format xlsx`` writes a workbook that is also a design: the design's own sheets
(organisation, departments, posts, duties, metrics: the Excel form :mod:`retailkg.design.tables` reads)
beside the report's sheets. Its *Mapping review* sheet lists every duty with the functions it was
given and an empty "correct function" column. A consultant, or the client, fills that column where
the matcher was wrong and hands the workbook back; given to ``validate`` as the design, each filled
cell becomes the duty's :class:`~retailkg.design.model.Correction`, which wins over the matcher and is
cited as the reviewer's in every report.

The sheet's layout is defined here, beside the reader, so the writer (:mod:`retailkg.report.xlsx`)
and the reader cannot drift apart. A review row names its duty by the row of the duties sheet it
reviews (``duties!7``): the same workbook holds both, and a whole standard post quoted on one row
is several duties of one row (those are curated and cannot be corrected here).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retailkg.design.fields import functions_field, is_blank, text_field
from retailkg.design.model import Correction, DutySpec, OrgDesign, Problems, Where, did_you_mean
from retailkg.design.tables import TABLES
from retailkg.errors import InputError

__all__ = [
    "NO_FUNCTION",
    "REVIEW_COLUMNS",
    "REVIEW_SHEET",
    "Column",
    "apply_review",
    "design_tables",
    "header_text",
    "is_report_workbook",
]

REVIEW_SHEET = "Mapping review"

NO_FUNCTION = frozenset({"none", "无", "-", "—"})
"""What a reviewer writes in "correct function" for a duty that is no function's work (a catch-all line)."""


@dataclass(frozen=True)
class Column:
    """A column of a sheet the report writes and may read back: its key and its header in zh and en."""

    key: str
    zh: str
    en: str

    def matches(self, header: str) -> bool:
        h = " ".join(header.split()).lower()
        return h in {self.zh, self.en.lower(), f"{self.zh} {self.en}".lower(), f"{self.en} {self.zh}".lower()}


def header_text(col: Column, lang: str) -> str:
    """The header cell: the report's language first, the other after it (read back in either order)."""
    return f"{col.zh} {col.en}" if lang == "zh" else f"{col.en} {col.zh}"


REVIEW_COLUMNS = (
    Column("duty", "职责编号", "duty"),
    Column("row", "设计表行", "design row"),
    Column("post", "岗位编号", "post"),
    Column("post_name", "岗位", "post name"),
    Column("text", "职责", "duty text"),
    Column("source", "出处", "source"),
    Column("how", "映射方式", "mapped by"),
    Column("functions", "职能编号", "function ids"),
    Column("function_names", "职能", "functions"),
    Column("probability", "匹配概率", "probability"),
    Column("to_review", "待复核", "to review"),
    Column("evidence", "依据", "evidence"),
    Column("correct", "正确职能", "correct function"),
)
_REQUIRED = ("row", "text", "correct")


def is_report_workbook(sheet_names: list[str]) -> bool:
    """Whether a workbook is one of retailkg's reports (by its sheets)."""
    names = {n.strip().lower() for n in sheet_names}
    return {"findings", REVIEW_SHEET.lower()} <= names


# ---------------------------------------------------------------------------------------------
# Writing the design as the tables of its Excel form
# ---------------------------------------------------------------------------------------------


def _functions_cell(functions: list[tuple[str, str]] | tuple[tuple[str, str], ...], role: str) -> str:
    return "; ".join(name if r == role else f"{r}:{name}" for name, r in functions)


def design_tables(design: OrgDesign) -> tuple[dict[str, list[list[Any]]], dict[int, str]]:
    """The design as the sheets of its Excel form (header row first), so a report workbook is a design too;
    and, for each duty (by ``id()`` of its spec), the cell reference of its row (``duties!7``).

    Values are written as read (ids, names, clause references, texts, stated functions), never resolved: the
    workbook read back is the same design, and so gives the same finding ids. A reviewer's correction is not
    written here but in the Mapping review sheet, where it stays the reviewer's.
    """
    columns = {t.name: [*t.required, *t.optional] for t in TABLES}
    o = design.organisation
    tables: dict[str, list[list[Any]]] = {name: [list(cols)] for name, cols in columns.items()}

    def add(name: str, values: dict[str, Any]) -> None:
        tables[name].append([values.get(c, "") for c in columns[name]])

    add("organisation", {"id": o.id, "name": o.name, "name_en": o.name_en, "baseline": o.baseline or "",
                         "scope": "; ".join(n for n, _ in o.scope), "exclude": "; ".join(n for n, _ in o.exclude)})
    for d in design.departments:
        add("departments", {"id": d.id, "name": d.name, "name_en": d.name_en, "kind": d.kind, "parent": d.parent or ""})
    rows: dict[int, str] = {}
    for p in design.posts:
        add("posts", {"id": p.id, "name": p.name, "department": p.department, "name_en": p.name_en,
                      "reports_to": p.reports_to or "", "headcount": "" if p.headcount is None else p.headcount})
        for spec in p.duties:
            add("duties", {"post": p.id, "standard": spec.standard or "", "text": spec.text or "",
                           "role": spec.role if spec.role_given or spec.role != "lead" else "",
                           "functions": _functions_cell(spec.functions, spec.role)})
            rows[id(spec)] = f"duties!{len(tables['duties'])}"
        for name, _where in p.accountable_for:
            add("metrics", {"post": p.id, "metric": name})
    return tables, rows


# ---------------------------------------------------------------------------------------------
# Reading the corrections back
# ---------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def apply_review(design: OrgDesign, path: Path, raw: bytes, problems: Problems, opened: Any = None) -> int:
    """Read the Mapping review sheet of the workbook ``raw`` (if it has one) and set each filled "correct
    function" cell as its duty's correction. Returns how many duties were corrected; mistakes go to
    ``problems`` located at the review cell. ``opened``: the same workbook already open (the caller closes it)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True) if opened is None else opened
    try:
        ws = next((w for w in wb.worksheets if w.title.strip().lower() == REVIEW_SHEET.lower()), None)
        if ws is None:
            return 0
        ws.reset_dimensions()
        records = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r]
        title = ws.title
    finally:
        if opened is None:
            wb.close()
    by_row: dict[str, DutySpec] = {}
    for p in design.posts:
        for duty in p.duties:
            by_row[str(duty.where.line).lower()] = duty
    records = [(n, r) for n, r in records if any(not is_blank(c) for c in r)]
    if not records:
        return 0
    header_n, header = records[0]
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        col = next((c for c in REVIEW_COLUMNS if not is_blank(h) and c.matches(str(h))), None)
        if col is not None and col.key not in index:
            index[col.key] = i
    hw = Where(str(path), f"{title}!{header_n}")
    for key in _REQUIRED:
        if key not in index:
            col = next(c for c in REVIEW_COLUMNS if c.key == key)
            problems.add(hw.error(f"sheet {title!r} has no column {col.en!r} ({col.zh}): the review cannot be read", col.en))
            return 0
    seen: dict[int, str] = {}
    corrected = 0
    for n, rec in records[1:]:
        def get(key: str, rec: list[Any] = rec) -> Any:
            i = index[key]
            return rec[i] if i < len(rec) else None

        value = get("correct")
        if is_blank(value):
            continue
        w = Where(str(path), f"{title}!{n}", "correct function")
        ref = _cell(get("row"))
        spec = by_row.get(ref.lower())
        if spec is None:
            problems.add(w.error(f"no duty at {ref or '(empty design row)'!r}{did_you_mean(ref, by_row)}: "
                                 "the design row names the duties sheet's row this review is for", "design row"))
            continue
        if spec.standard is not None:
            problems.add(w.error(f"{ref} quotes {spec.standard}: a standard's duties have curated functions; "
                                 "write the duty as text to give it other functions"))
            continue
        text = _cell(get("text"))
        if text and text != (spec.text or ""):
            problems.add(w.error(f"{ref} holds {spec.text!r}, not {text!r} that this row reviews: "
                                 "correct the design row or the review", "duty text"))
            continue
        if id(spec) in seen:
            problems.add(w.error(f"{ref} is reviewed twice (first at {seen[id(spec)]})"))
            continue
        seen[id(spec)] = w.cite()
        try:
            s = text_field(value, w, "correct function") or ""
            fns = () if s.lower() in NO_FUNCTION else tuple(functions_field(s, w, spec.role))
        except InputError as e:
            problems.add(e)
            continue
        spec.correction = Correction(fns, w)
        corrected += 1
    return corrected
