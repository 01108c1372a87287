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

from retailkg.design.documents.docx import OLE_MAGIC, is_encrypted_ole
from retailkg.design.documents.parse import Block, Cell, Line, Table
from retailkg.design.model import Where
from retailkg.errors import InputError

__all__ = ["TEMPLATE_SHEETS", "is_template", "read_xlsx"]

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
        raise InputError(f"not an Excel workbook (.xlsx): {e.__class__.__name__}", file=file) from None


def is_template(path: Path, raw: bytes) -> bool:
    """Whether the workbook has a sheet of retailkg's design template (organisation, departments, posts, duties);
    else it is a client's free-form 岗位职责表."""
    wb = _open(path, raw, read_only=True)
    try:
        return bool({ws.title.strip().lower() for ws in wb.worksheets} & TEMPLATE_SHEETS)
    finally:
        wb.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path, raw: bytes | None = None) -> list[Block]:
    """Every sheet as a table (hidden sheets too: a client's workbook hides what it still means)."""
    data = path.read_bytes() if raw is None else raw
    wb = _open(path, data, read_only=False)
    file = str(path)
    blocks: list[Block] = []
    try:
        for ws in wb.worksheets:
            merged: dict[tuple[int, int], Cell] = {}
            grid: dict[tuple[int, int], Cell] = {}
            for rng in ws.merged_cells.ranges:
                top = ws.cell(rng.min_row, rng.min_col)
                w = Where(file, f"{ws.title}!{top.coordinate}")
                cell = Cell([Line(t, w) for t in _text(top.value).split("\n")], w)
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        merged[(r, c)] = cell
            rows: list[list[Cell]] = []
            for row in ws.iter_rows():
                out = []
                for xc in row:
                    key = (xc.row, xc.column)
                    found = merged.get(key) or grid.get(key)
                    if found is None:
                        w = Where(file, f"{ws.title}!{xc.coordinate}")
                        found = grid[key] = Cell([Line(t, w) for t in _text(xc.value).split("\n")], w)
                    out.append(found)
                while out and not out[-1].text and out[-1] not in out[:-1]:
                    out.pop()
                rows.append(out)
            if any(any(c.text for c in r) for r in rows):
                blocks.append(Table(rows, Where(file, ws.title)))
    finally:
        wb.close()
    return blocks
