"""A design as tables: a folder of CSV files or an Excel workbook with one sheet per table.

Both become rows of (where, values) keyed by the canonical column names (Chinese headers are
aliases), then one :class:`~retailkg.design.model.OrgDesign`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retailkg.design.fields import decode_text, duty_field, headcount_field, ident_field, is_blank, kind_field, names_field, text_field
from retailkg.design.model import DepartmentSpec, OrganisationSpec, OrgDesign, PostSpec, Where
from retailkg.errors import InputError

# --- tables (CSV and Excel) ---


@dataclass(frozen=True)
class _Table:
    """Required and optional columns of one table; ``aliases`` are the Chinese headers also accepted."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    example: tuple[str, ...]


TABLES: tuple[_Table, ...] = (
    _Table("organisation", ("id", "name"), ("name_en", "baseline", "exclude_functions"),
           ("acme", "某百货股份有限公司", "Acme Department Stores", "T/CCAGM 003-2021", "")),
    _Table("departments", ("id", "name"), ("name_en", "kind", "parent"),
           ("planning", "企划部", "planning department", "department", "")),
    _Table("posts", ("id", "name", "department"), ("name_en", "reports_to", "headcount"),
           ("marketing-planner", "营销策划专员", "planning", "marketing planner", "", "2")),
    _Table("duties", ("post", "standard", "text"), ("role", "functions"),
           ("marketing-planner", "T/CCAGM 003-2021 4.1.1 a", "", "", "")),
    _Table("metrics", ("post", "metric"), (),
           ("marketing-planner", "会员活跃度")),
)
_REQUIRED_TABLES = ("organisation", "departments", "posts", "duties")
_ALIASES = {
    "编号": "id", "标识": "id", "名称": "name", "英文名称": "name_en", "对标标准": "baseline", "不设置职能": "exclude_functions",
    "类型": "kind", "上级部门": "parent", "部门": "department", "直接上级": "reports_to", "编制": "headcount",
    "编制人数": "headcount", "岗位": "post", "标准条款": "standard", "职责": "text", "角色": "role", "职能": "functions",
    "指标": "metric",
}

Row = tuple[Where, dict[str, Any]]


def _rows(name: str, where_file: str, records: Iterable[tuple[int, list[Any]]], sheet: str | None) -> list[Row]:
    """Header + records → rows keyed by column; checks the required columns."""
    table = next(t for t in TABLES if t.name == name)
    it = iter(records)
    header: list[str] | None = None
    header_line = 1
    for n, rec in it:
        if any(not is_blank(c) for c in rec):
            header = [_ALIASES.get(str(c).strip(), str(c).strip().lower()) if not is_blank(c) else "" for c in rec]
            header_line = n
            break
    loc = (lambda n: f"{sheet}!{n}") if sheet else (lambda n: n)
    if header is None:
        raise InputError(f"table {name} is empty (no header row)", file=where_file, line=loc(1))
    for col in table.required:
        if col not in header:
            raise InputError(f"table {name} has no column {col!r} (columns: {', '.join(h for h in header if h)})",
                             file=where_file, line=loc(header_line), field=col)
    known = set(table.required) | set(table.optional)
    for h in header:
        if h and h not in known:
            raise InputError(f"table {name}: unknown column {h!r} (known: {', '.join(sorted(known))})",
                             file=where_file, line=loc(header_line), field=h)
    rows = []
    for n, rec in it:
        if all(is_blank(c) for c in rec):
            continue
        values = {h: (rec[i] if i < len(rec) else None) for i, h in enumerate(header) if h}
        rows.append((Where(where_file, loc(n)), values))
    return rows


def read_csv_folder(folder: Path) -> dict[str, list[Row]]:
    tables: dict[str, list[Row]] = {}
    files = {p.stem.lower(): p for p in folder.iterdir() if p.suffix.lower() == ".csv"}
    for t in TABLES:
        p = files.get(t.name)
        if p is None:
            if t.name in _REQUIRED_TABLES:
                raise InputError(f"missing table {t.name}.csv", file=str(folder), field=t.name)
            continue
        text = decode_text(p.read_bytes(), p)
        first = text.splitlines()[0] if text.splitlines() else ""
        delimiter = "\t" if "\t" in first and "," not in first else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            records = [(reader.line_num, rec) for rec in reader]
        except csv.Error as e:
            raise InputError(f"malformed CSV: {e}", file=str(p), line=reader.line_num) from None
        tables[t.name] = _rows(t.name, str(p), records, None)
    return tables


def read_workbook(path: Path, raw: bytes) -> dict[str, list[Row]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not raw.strip():
        raise InputError("empty file", file=str(path))
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as e:
        raise InputError(f"not an Excel workbook (.xlsx): {e.__class__.__name__}", file=str(path)) from None
    try:
        sheets = {ws.title.strip().lower(): ws for ws in wb.worksheets}
        tables: dict[str, list[Row]] = {}
        for t in TABLES:
            ws = sheets.get(t.name)
            if ws is None:
                if t.name in _REQUIRED_TABLES:
                    raise InputError(f"missing sheet {t.name!r} (sheets: {', '.join(ws.title for ws in wb.worksheets)})",
                                     file=str(path), field=t.name)
                continue
            records = ((i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1))
            tables[t.name] = _rows(t.name, str(path), records, ws.title)
        return tables
    finally:
        wb.close()


def design_from_tables(tables: dict[str, list[Row]], path: Path) -> OrgDesign:
    org_rows = tables["organisation"]
    if not org_rows:
        raise InputError("table organisation has no row", file=str(path), field="organisation")
    if len(org_rows) > 1:
        raise org_rows[1][0].error("table organisation has more than one row: one design is one organisation")
    ow, o = org_rows[0]
    org = OrganisationSpec(ow, ident_field(o.get("id"), ow, "id") or "", text_field(o.get("name"), ow, "name", True) or "",
                           text_field(o.get("baseline"), ow, "baseline"), text_field(o.get("name_en"), ow, "name_en") or "")
    org.exclude_functions = [(n, ow.at("exclude_functions")) for n in names_field(o.get("exclude_functions"), ow, "exclude_functions")]
    depts = [DepartmentSpec(w, ident_field(r.get("id"), w, "id") or "", text_field(r.get("name"), w, "name", True) or "",
                            kind_field(r.get("kind"), w), ident_field(r.get("parent"), w, "parent", required=False),
                            text_field(r.get("name_en"), w, "name_en") or "")
             for w, r in tables["departments"]]
    if not depts:
        raise InputError("table departments has no row", file=str(path), field="departments")
    posts: dict[str, PostSpec] = {}
    order: list[PostSpec] = []
    for w, r in tables["posts"]:
        p = PostSpec(w, ident_field(r.get("id"), w, "id") or "", text_field(r.get("name"), w, "name", True) or "",
                     ident_field(r.get("department"), w, "department") or "",
                     ident_field(r.get("reports_to"), w, "reports_to", required=False),
                     headcount_field(r.get("headcount"), w.at("headcount")),
                     text_field(r.get("name_en"), w, "name_en") or "")
        order.append(p)
        posts.setdefault(p.id, p)
    for w, r in tables["duties"]:
        pid = ident_field(r.get("post"), w, "post") or ""
        if pid not in posts:
            raise w.error(f"unknown post {pid!r}", "post")
        posts[pid].duties.append(duty_field(r, w))
    for w, r in tables.get("metrics", []):
        pid = ident_field(r.get("post"), w, "post") or ""
        if pid not in posts:
            raise w.error(f"unknown post {pid!r}", "post")
        name = text_field(r.get("metric"), w, "metric", True) or ""
        posts[pid].accountable_for.append((name, w.at("metric")))
    return OrgDesign(path, org, depts, order)


