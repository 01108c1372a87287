"""Free-form workbooks (.xlsx): each sheet a table, merged cells one cell over the range they cover.

A 岗位职责表 (部门 | 岗位 | 序号 | 职责描述 | 考核标准 | 权重, department and post merged down
over their duties) and a 岗位说明书 laid out as a form on a sheet are both tables to
:mod:`retailkg.design.documents.parse`; a workbook with the sheets of retailkg's own template is
read by :mod:`retailkg.design.tables` instead (see :func:`is_template`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from retailkg.design.documents.blocks import Block, Cell, Line, Table
from retailkg.design.documents.docx import OLE_MAGIC, is_encrypted_ole
from retailkg.design.fields import not_a_workbook
from retailkg.design.model import Where
from retailkg.errors import InputError

__all__ = ["TEMPLATE_SHEETS", "is_template", "open_workbook", "read_xlsx", "sheet_names"]

TEMPLATE_SHEETS = frozenset({"organisation", "departments", "posts", "duties"})
"""The sheets of retailkg's design template (`retailkg org template --format xlsx`)."""


def _open(path: Path, raw: bytes, read_only: bool) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = str(path)
    if not raw.strip():
        raise InputError("empty file", file=file)
    if is_encrypted_ole(raw):
        raise InputError("password-protected (encrypted) workbook: remove the password and import again", file=file)
    if raw.startswith(OLE_MAGIC):
        raise InputError("old Excel format (.xls): save the workbook as .xlsx", file=file)
    try:
        return load_workbook(io.BytesIO(raw), read_only=read_only, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as e:
        raise not_a_workbook(file, e) from None


def open_workbook(path: Path, raw: bytes) -> Any:
    """The workbook opened read-only, values only, for the readers to share: opening one parses its shared
    strings and scans every sheet for its size (a chain's workbook: seconds each time)."""
    return _open(path, raw, read_only=True)


def sheet_names(path: Path, raw: bytes, wb: Any = None) -> list[str]:
    """The workbook's sheet names, in order (of ``wb`` when it is already open)."""
    if wb is not None:
        return [ws.title for ws in wb.worksheets]
    wb = _open(path, raw, read_only=True)
    try:
        return [ws.title for ws in wb.worksheets]
    finally:
        wb.close()


def is_template(path: Path, raw: bytes, wb: Any = None) -> bool:
    """Whether the workbook has a sheet of retailkg's design template (organisation, departments, posts, duties);
    else it is a client's free-form 岗位职责表."""
    return bool({name.strip().lower() for name in sheet_names(path, raw, wb)} & TEMPLATE_SHEETS)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


GAP = 50
"""A run of more empty rows (or columns) than this is read as one: a stray cell far away (XFD1048576 in a
7 KB workbook) must not make a sheet of a billion cells, and nothing a person lays out needs a wider gap."""


def _stored_cells(raw: bytes, path: Path) -> dict[str, dict[tuple[int, int], Any]]:
    """Each sheet's non-empty values by (row, column), read in read-only mode with the stored dimension
    ignored: only the cells the file holds are visited."""
    wb = _open(path, raw, read_only=True)
    out: dict[str, dict[tuple[int, int], Any]] = {}
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()
            cells: dict[tuple[int, int], Any] = {}
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                for c, value in enumerate(row, start=1):
                    if _text(value).strip():
                        cells[(r, c)] = value
            out[ws.title] = cells
    finally:
        wb.close()
    return out


def _positions(used: set[int]) -> list[int]:
    """The rows (or columns) to lay out, in order, with every gap wider than :data:`GAP` shortened to one."""
    out: list[int] = []
    for i in sorted(used):
        if out and i - out[-1] > 1:
            gap = list(range(out[-1] + 1, i))
            out.extend(gap if len(gap) <= GAP else gap[:1])
        out.append(i)
    return out


def read_xlsx(path: Path, raw: bytes | None = None) -> list[Block]:
    """Every sheet as a table (hidden sheets too: a client's workbook hides what it still means)."""
    from openpyxl.utils import get_column_letter

    data = path.read_bytes() if raw is None else raw
    stored = _stored_cells(data, path)
    wb = _open(path, data, read_only=False)  # merged ranges are only known to a full workbook
    file = str(path)
    blocks: list[Block] = []
    try:
        for ws in wb.worksheets:
            values = stored.get(ws.title, {})
            merged: dict[tuple[int, int], Cell] = {}
            for rng in ws.merged_cells.ranges:
                top = (rng.min_row, rng.min_col)
                if top not in values:
                    continue  # an empty merged range is no cell of the layout
                w = Where(file, f"{ws.title}!{get_column_letter(top[1])}{top[0]}")
                cell = Cell([Line(t, w) for t in _text(values[top]).split("\n")], w)
                for r in range(rng.min_row, min(rng.max_row, rng.min_row + 10_000) + 1):
                    for c in range(rng.min_col, min(rng.max_col, rng.min_col + 1_000) + 1):
                        merged[(r, c)] = cell
            used = set(values) | set(merged)
            rows_at = _positions({r for r, _ in used})
            cols_at = _positions({c for _, c in used})
            rows: list[list[Cell]] = []
            for r in rows_at:
                out: list[Cell] = []
                for c in cols_at:
                    found = merged.get((r, c))
                    if found is None:
                        w = Where(file, f"{ws.title}!{get_column_letter(c)}{r}")  # ws.cell() would create the cell
                        found = Cell([Line(t, w) for t in _text(values.get((r, c))).split("\n")], w)
                    out.append(found)
                while out and not out[-1].text and out[-1] not in out[:-1]:
                    out.pop()
                rows.append(out)
            if any(any(c.text for c in r) for r in rows):
                blocks.append(Table(rows, Where(file, ws.title)))
    finally:
        wb.close()
    return blocks
