"""A design as tables: a folder of CSV files or an Excel workbook with one sheet per table.

Both become rows of (where, values) keyed by the canonical column names (Chinese headers are
aliases), then one :class:`~retailkg.design.model.OrgDesign`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retailkg.design.fields import (
    decode_text,
    duty_field,
    headcount_field,
    ident_field,
    is_blank,
    kind_field,
    names_field,
    not_a_workbook,
    read_input,
    text_field,
)
from retailkg.design.model import DepartmentSpec, InputErrors, OrganisationSpec, OrgDesign, PostSpec, Problems, Where, did_you_mean
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
    _Table("organisation", ("id", "name"), ("name_en", "baseline", "scope", "exclude"),
           ("acme", "某百货股份有限公司", "Acme Department Stores", "T/CCAGM 003-2021", "", "")),
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
    "编号": "id", "标识": "id", "名称": "name", "英文名称": "name_en", "对标标准": "baseline", "范围": "scope", "覆盖范围": "scope",
    "不设置": "exclude", "不设置职能": "exclude", "exclude_functions": "exclude",
    "类型": "kind", "上级部门": "parent", "部门": "department", "直接上级": "reports_to", "编制": "headcount",
    "编制人数": "headcount", "岗位": "post", "标准条款": "standard", "职责": "text", "角色": "role", "职能": "functions",
    "指标": "metric",
}

Row = tuple[Where, dict[str, Any]]

MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
"""A workbook whose parts unpack to more than this (500 MB) is refused before reading: a zip bomb, not a design."""


def _cell_text(value: Any) -> str:
    s = str(value).strip()
    return s if len(s) <= 40 else s[:37] + "..."


def _rows(name: str, where_file: str, records: Iterable[tuple[int, list[Any]]], sheet: str | None,
          problems: Problems) -> list[Row]:
    """Header + records → rows keyed by column. A missing column is fatal for the table; an unknown or repeated
    column, and a value in no column (beyond the header, or under an empty header cell), are errors of their own
    row: nothing is dropped silently."""
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
    hw = Where(where_file, loc(header_line))
    missing = [col for col in table.required if col not in header]
    if missing:
        raise hw.error(f"table {name} has no column {missing[0]!r} (columns: {', '.join(h for h in header if h)})", missing[0])
    known = set(table.required) | set(table.optional)
    seen: set[str] = set()
    for h in header:
        if not h:
            continue
        if h in seen:
            problems.add(hw.error(f"table {name}: column {h!r} appears twice (one of them would be ignored)", h))
        elif h not in known:
            problems.add(hw.error(f"table {name}: unknown column {h!r}{did_you_mean(h, known)} (known: {', '.join(sorted(known))})", h))
        seen.add(h)
    rows = []
    for n, rec in it:
        if all(is_blank(c) for c in rec):
            continue
        w = Where(where_file, loc(n))
        for i in range(len(rec)):
            if not is_blank(rec[i]) and (i >= len(header) or not header[i]):
                what = f"beyond the {len(header)} columns of the header" if i >= len(header) else "under an empty header cell"
                hint = "a stray cell" if sheet else "a stray cell, or a comma that should be quoted"
                problems.add(w.error(f"a value in column {i + 1} {what}: {_cell_text(rec[i])!r} ({hint})", f"column {i + 1}"))
                break
        if all(is_blank(c) for c, h in zip(rec, header, strict=False) if h):
            continue  # nothing but the stray value, reported above
        values: dict[str, Any] = {}
        for i, h in enumerate(header):
            if h and h not in values:
                values[h] = rec[i] if i < len(rec) else None
        rows.append((w, values))
    return rows


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    text = decode_text(read_input(path), path)
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = "\t" if "\t" in first and "," not in first else ","
    # strict: an unterminated quote is an error, not a field that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for rec in reader:
            records.append((start, rec))
            start = reader.line_num + 1
    except csv.Error as e:
        if "end of data" in str(e) or "EOF" in str(e):
            raise InputError(f"unterminated quote: the quoted field begun on line {start} is never closed",
                             file=str(path), line=start) from None
        raise InputError(f"malformed CSV: {e}", file=str(path), line=reader.line_num) from None
    return records


def read_csv_folder(folder: Path, problems: Problems | None = None) -> dict[str, list[Row]]:
    found = Problems() if problems is None else problems
    tables: dict[str, list[Row]] = {}
    files: dict[str, Path] = {}
    unreadable = False
    try:
        names = sorted(folder.iterdir())
    except OSError as e:
        raise InputError(f"cannot read the folder: {e.strerror or e.__class__.__name__}", file=str(folder)) from None
    for f in names:
        if f.suffix.lower() != ".csv":
            continue
        key = f.stem.lower()
        if key in files:  # posts.csv beside POSTS.csv: neither is taken over the other
            found.add(InputError(f"two files for table {key}: {files[key].name} and {f.name} (keep one)", file=str(folder),
                                 field=key))
            unreadable = True
            continue
        files[key] = f
    for t in TABLES:
        p = files.get(t.name)
        if p is None:
            if t.name in _REQUIRED_TABLES:
                raise InputError(f"missing table {t.name}.csv", file=str(folder), field=t.name)
            continue
        try:
            tables[t.name] = _rows(t.name, str(p), _read_csv(p), None, found)
        except InputErrors:
            raise
        except InputError as e:  # this table cannot be read: the others are still checked, then the reading stops
            found.add(e)
            unreadable = True
    if problems is None or unreadable:
        found.raise_if_any()
    return tables


def _check_unpacked_size(path: Path, raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            total = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise not_a_workbook(str(path), e) from None
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(f"workbook unpacks to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB: not read",
                         file=str(path))


def _sheet_records(ws: Any) -> Iterator[tuple[int, list[Any]]]:
    """The rows actually stored in a read-only sheet, numbered as in Excel. The stored dimension is not trusted
    (one stray cell at XFD1048576 makes it a billion cells): rows are as wide as their last stored cell."""
    ws.reset_dimensions()
    for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if row:
            yield i, list(row)


_ESCAPED = re.compile(rb"_x[0-9A-Fa-f]{4}_")


def _plain_parts(raw: bytes) -> bool:
    """Whether every value of the workbook reads the same in calamine as in openpyxl (read-only, values only):
    no cell is a date to openpyxl (a date format, or a cell typed ``d``), none is an error value, and no text
    holds an ``_xHHHH_`` escape (calamine decodes it, openpyxl keeps it as written)."""
    from xml.etree import ElementTree

    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in z.namelist():
            if name == "xl/styles.xml":
                ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
                root = ElementTree.fromstring(z.read(name))
                fmts = root.find(f"{ns}numFmts")  # the cells' own formats (a dxf's, for conditional formats, are not)
                custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in fmts.iter(f"{ns}numFmt")} \
                    if fmts is not None else {}
                xfs = root.find(f"{ns}cellXfs")
                for xf in xfs.iter(f"{ns}xf") if xfs is not None else ():
                    i = int(xf.get("numFmtId", "0"))
                    code = custom.get(i, BUILTIN_FORMATS.get(i, ""))
                    if is_date_format(code):
                        return False
            elif name == "xl/sharedStrings.xml" or (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                part = z.read(name)
                if _ESCAPED.search(part) or b't="d"' in part or b't="e"' in part:
                    return False
                if name != "xl/sharedStrings.xml" and _extent(part) > MAX_PLAIN_CELLS:
                    return False
    return True


MAX_PLAIN_CELLS = 20_000_000
"""calamine holds a sheet as a dense rectangle from A1 to its last cell (a stray cell at XFD1048576 would be
seventeen billion cells, which aborts the process): larger sheets are read by openpyxl, cell by stored cell."""
_CELL_REF = re.compile(rb'<c r="([A-Z]+)([0-9]+)"')


def _extent(sheet: bytes) -> int:
    """The cells of the rectangle from A1 to the sheet's last row and column, from its cells' references; a
    sheet written otherwise (a namespace prefix, a cell without its reference) counts as too large."""
    if b"<sheetData" not in sheet or sheet.count(b"<c ") + sheet.count(b"<c>") != sheet.count(b'<c r="'):
        return MAX_PLAIN_CELLS + 1
    cols = 0
    for letters in set(re.findall(rb'<c r="([A-Z]+)', sheet)):
        n = 0
        for ch in letters:
            n = n * 26 + ch - 64
        cols = max(cols, n)
    if not cols:
        return 0
    # only rows with as many digits as the largest row allowed can pass it (the others are not converted)
    digits = len(str(MAX_PLAIN_CELLS // cols))
    rows = max((int(r) for r in re.findall(rb'<c r="[A-Z]+([0-9]{%d,})"' % digits, sheet)), default=0)
    return max(rows, int(10 ** (digits - 1))) * cols


def read_workbook_plain(path: Path, raw: bytes) -> dict[str, list[Row]] | None:
    """The design's tables of a template workbook read with calamine (a Rust reader, much faster on a chain's
    workbook: bench/RESULTS.md, "large"), or None whenever the result could differ from :func:`read_workbook`'s in
    any way: the workbook has a review sheet, a date or error cell, an escaped character, a number too
    large for a float, a value of any other kind, two sheets for a table, or a problem of any kind. Then
    the caller reads it with openpyxl, which stays the reference (and says what is wrong, as always)."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    try:
        _check_unpacked_size(path, raw)
        if not _plain_parts(raw):
            return None
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        try:
            keys = [n.strip().lower() for n in wb.sheet_names]
            if len(set(keys)) != len(keys) or REVIEW_SHEET_KEY in keys or not set(keys) & _TEMPLATE_KEYS:
                return None
            found = Problems()
            tables: dict[str, list[Row]] = {}
            for t in TABLES:
                if t.name not in keys:
                    if t.name in _REQUIRED_TABLES:
                        return None
                    continue
                title = wb.sheet_names[keys.index(t.name)]
                records = _plain_records(wb.get_sheet_by_name(title).to_python(skip_empty_area=False))
                if records is None:
                    return None
                tables[t.name] = _rows(t.name, str(path), records, title, found)
        finally:
            wb.close()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # whatever it is (a panic in calamine's Rust is a BaseException), openpyxl's reading meets it
        return None  # again and says it as it always did
    return None if found.errors else tables


REVIEW_SHEET_KEY = "mapping review"
_TEMPLATE_KEYS = frozenset(t for t in _REQUIRED_TABLES)
_MAX_EXACT = 2.0 ** 53


def _plain_records(rows: list[list[Any]]) -> list[tuple[int, list[Any]]] | None:
    """calamine's rows (from A1) as openpyxl gives them: an empty cell None, a whole number an int (as a
    number stored without a decimal point reads there); None for a value of any other kind."""
    out: list[tuple[int, list[Any]]] = []
    for n, row in enumerate(rows, start=1):
        rec: list[Any] = []
        for v in row:
            kind = type(v)
            if kind is str:
                rec.append(v if v else None)
            elif kind is float:
                if v.is_integer():
                    if abs(v) >= _MAX_EXACT:
                        return None
                    rec.append(int(v))
                else:
                    rec.append(v)
            elif kind is int or kind is bool:
                rec.append(v)
            else:
                return None
        if any(v is not None for v in rec):
            out.append((n, rec))
    return out


def read_workbook(path: Path, raw: bytes, problems: Problems | None = None, opened: Any = None) -> dict[str, list[Row]]:
    """The design's tables of the workbook ``raw`` (``opened``: the same workbook already open, read-only,
    values only; the caller closes it)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not raw.strip():
        raise InputError("empty file", file=str(path))
    _check_unpacked_size(path, raw)
    found = Problems() if problems is None else problems
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True) if opened is None else opened
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, AttributeError,
            SyntaxError, EOFError, zlib.error) as e:
        raise not_a_workbook(str(path), e) from None
    try:
        sheets: dict[str, Any] = {}
        unreadable = False
        for ws in wb.worksheets:
            key = ws.title.strip().lower()
            if key in sheets:
                found.add(InputError(f"two sheets for table {key}: {sheets[key].title!r} and {ws.title!r} (keep one)",
                                     file=str(path), field=key))
                unreadable = True
                continue
            sheets[key] = ws
        tables: dict[str, list[Row]] = {}
        for t in TABLES:
            ws = sheets.get(t.name)
            if ws is None:
                if t.name in _REQUIRED_TABLES:
                    raise InputError(f"missing sheet {t.name!r} (sheets: {', '.join(ws.title for ws in wb.worksheets)})",
                                     file=str(path), field=t.name)
                continue
            try:
                tables[t.name] = _rows(t.name, str(path), _sheet_records(ws), ws.title, found)
            except InputError:
                raise
            except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError, SyntaxError, EOFError,
                    zlib.error) as e:  # a sheet cut short or not XML: ElementTree's ParseError is a SyntaxError
                raise InputError(f"sheet {ws.title!r} cannot be read ({e.__class__.__name__}): the workbook is damaged",
                                 file=str(path), field=t.name) from None
        if problems is None or unreadable:
            found.raise_if_any()
        return tables
    finally:
        if opened is None:
            wb.close()


def _raw(value: Any) -> str:
    """A value as text, the stand-in for a field refused (so references to it are not reported twice)."""
    return "" if is_blank(value) or isinstance(value, (dict, list)) else str(value).strip()


def design_from_tables(tables: dict[str, list[Row]], path: Path, problems: Problems | None = None) -> OrgDesign:
    """Rows → design; every field's error is collected (up to the limit) rather than only the first. A refused id
    stands as written, so what refers to it is not reported again."""
    found = Problems() if problems is None else problems
    c = found.attempt
    org_rows = tables["organisation"]
    if not org_rows:
        found.add(InputError("table organisation has no row", file=str(path), field="organisation"))
        found.raise_if_any()
    if len(org_rows) > 1:
        found.add(org_rows[1][0].error("table organisation has more than one row: one design is one organisation"))
    ow, o = org_rows[0]
    org = OrganisationSpec(ow, c(None, ident_field, o.get("id"), ow, "id") or _raw(o.get("id")),
                           c(None, text_field, o.get("name"), ow, "name", True) or "",
                           c(None, text_field, o.get("baseline"), ow, "baseline"),
                           c(None, text_field, o.get("name_en"), ow, "name_en") or "")
    org.scope = [(n, ow.at("scope")) for n in c(list[str](), names_field, o.get("scope"), ow, "scope")]
    org.exclude = [(n, ow.at("exclude")) for n in c(list[str](), names_field, o.get("exclude"), ow, "exclude")]
    depts = []
    for w, r in tables["departments"]:
        depts.append(DepartmentSpec(
            w, c(None, ident_field, r.get("id"), w, "id") or _raw(r.get("id")),
            c(None, text_field, r.get("name"), w, "name", True) or "",
            c("department", kind_field, r.get("kind"), w),
            c(None, ident_field, r.get("parent"), w, "parent", required=False) or _raw(r.get("parent")) or None,
            c(None, text_field, r.get("name_en"), w, "name_en") or ""))
    if not depts:
        found.add(InputError("table departments has no row", file=str(path), field="departments"))
    posts: dict[str, PostSpec] = {}
    order: list[PostSpec] = []
    for w, r in tables["posts"]:
        p = PostSpec(w, c(None, ident_field, r.get("id"), w, "id") or _raw(r.get("id")),
                     c(None, text_field, r.get("name"), w, "name", True) or "",
                     c(None, ident_field, r.get("department"), w, "department") or _raw(r.get("department")),
                     c(None, ident_field, r.get("reports_to"), w, "reports_to", required=False) or _raw(r.get("reports_to")) or None,
                     c(None, headcount_field, r.get("headcount"), w.at("headcount")),
                     c(None, text_field, r.get("name_en"), w, "name_en") or "")
        order.append(p)
        posts.setdefault(p.id, p)
    for w, r in tables["duties"]:
        pid = c(None, ident_field, r.get("post"), w, "post") or _raw(r.get("post"))
        duty = c(None, duty_field, r, w)
        if pid not in posts:
            if pid:
                found.add(w.error(f"unknown post {pid!r}{did_you_mean(pid, posts)}", "post"))
        elif duty is not None:
            posts[pid].duties.append(duty)
    for w, r in tables.get("metrics", []):
        pid = c(None, ident_field, r.get("post"), w, "post") or _raw(r.get("post"))
        name = c(None, text_field, r.get("metric"), w, "metric", True) or ""
        if pid not in posts:
            if pid:
                found.add(w.error(f"unknown post {pid!r}{did_you_mean(pid, posts)}", "post"))
        else:
            posts[pid].accountable_for.append((name, w.at("metric")))
    if problems is None:
        found.raise_if_any()
    return OrgDesign(path, org, depts, order)
