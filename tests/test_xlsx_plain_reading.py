"""A template workbook is read by calamine when that gives exactly what openpyxl gives, else by openpyxl.

The fast way (``read_workbook_plain``) must never change a design nor a message: each test reads the
same workbook both ways (the reference way by turning the fast way off) and compares the designs whole.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import retailkg.design.readers as readers
from retailkg.design.review import REVIEW_SHEET
from retailkg.design.tables import REVIEW_SHEET_KEY, TABLES, read_workbook_plain
from retailkg.design.templates import xlsx_bytes
from retailkg.errors import InputError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "acme-department-store.xlsx"


def _tables() -> dict[str, list[list[Any]]]:
    return {t.name: [list(t.required + t.optional), list(t.example)] for t in TABLES}


def _reference(path: Path) -> Any:
    """The design as openpyxl reads it (the fast way off), or the error it raises."""
    saved = readers._plain_workbook
    readers._plain_workbook = lambda *_a: None
    try:
        return readers.read_design(path)
    except InputError as e:
        return ("error", e.message, e.line, e.field)
    finally:
        readers._plain_workbook = saved


def _read(path: Path) -> Any:
    try:
        return readers.read_design(path)
    except InputError as e:
        return ("error", e.message, e.line, e.field)


def test_the_example_workbook_is_read_the_fast_way_and_gives_the_same_design() -> None:
    assert read_workbook_plain(EXAMPLE, EXAMPLE.read_bytes()) is not None
    assert repr(_read(EXAMPLE)) == repr(_reference(EXAMPLE))


def test_numbers_blank_rows_and_leading_empty_columns_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    tables = _tables()
    tables["posts"] = [["", "id", "name", "department", "headcount", "name_en"],
                       [],
                       ["", "marketing-planner", "策划专员", "planning", 2, 2.5],
                       ["", 1234, "数字编号", "planning", 3.0, "  padded  "]]
    tables["duties"].append(["1234", "", "负责会员活动的策划与执行", "", ""])
    p = tmp_path / "d.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    assert read_workbook_plain(p, p.read_bytes()) is not None
    got = _read(p)
    assert repr(got) == repr(_reference(p))
    assert [(x.id, x.headcount, x.name_en) for x in got.posts] == [("marketing-planner", 2, "2.5"), ("1234", 3, "padded")]
    assert [x.where.line for x in got.posts] == ["posts!3", "posts!4"]


def _rezip(raw: bytes, part: str, change: Any) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            data = src.read(n)
            z.writestr(n, change(data) if n == part else data)
    return out.getvalue()


def _workbook(fill: Any) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in _tables().items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        fill(name, ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("case", ["date", "date-format", "escape", "error", "review", "huge"])
def test_what_calamine_reads_otherwise_goes_the_reference_way(tmp_path: Path, case: str) -> None:
    def fill(name: str, ws: Any) -> None:
        if name != "posts":
            return
        if case == "date":  # openpyxl gives a datetime, calamine a date
            ws["B2"] = datetime.datetime(2024, 1, 2)
        elif case == "date-format":  # a number shown as a date: openpyxl reads a datetime
            ws["B2"] = 45000
            ws["B2"].number_format = "yyyy-mm-dd"
        elif case == "escape":  # openpyxl keeps _x000D_ as written, calamine decodes it
            ws["B2"] = "策划_x000D_专员"
        elif case == "error":
            ws["F2"] = "#N/A"
            ws["F2"].data_type = "e"

    raw = _workbook(fill)
    if case == "review":
        tables = _tables()
        tables[REVIEW_SHEET] = [["duty", "correct function"]]
        raw = xlsx_bytes(tables)
    if case == "huge":  # a stray empty-valued cell far away: calamine would hold a dense rectangle to it
        raw = _rezip(raw, "xl/worksheets/sheet3.xml", lambda d: d.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t></t></is></c></row></sheetData>'))
    p = tmp_path / "d.xlsx"
    p.write_bytes(raw)
    assert read_workbook_plain(p, raw) is None
    assert repr(_read(p)) == repr(_reference(p))
    if case == "escape":
        assert _read(p).posts[0].name == "策划_x000D_专员"


def test_a_workbook_with_a_mistake_is_worded_as_before(tmp_path: Path) -> None:
    tables = _tables()
    tables["posts"][1][tables["posts"][0].index("headcount")] = 0
    p = tmp_path / "d.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    got = _read(p)
    assert got == _reference(p)
    assert got[0] == "error" and "headcount must be a positive whole number, got 0" in got[1] and got[2] == "posts!2"


def test_the_review_sheet_key_is_the_review_sheet() -> None:
    assert REVIEW_SHEET.strip().lower() == REVIEW_SHEET_KEY
