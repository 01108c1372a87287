"""Bad design input, in every form (YAML, CSV folder, Excel template): refused with an InputError naming file, row
and field, never dropped silently, never a traceback, never an unbounded read; several errors reported at once."""

from __future__ import annotations

import io
import os
import re
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.design import fields
from retailkg.design.fields import read_input
from retailkg.design.model import MAX_ERRORS, InputErrors
from retailkg.design.readers import read_design
from retailkg.design.templates import xlsx_bytes
from retailkg.errors import InputError

TABLES = {
    "organisation": [["id", "name"], ["acme", "某百货"]],
    "departments": [["id", "name"], ["marketing", "营销部"], ["planning", "企划部"]],
    "posts": [["id", "name", "department"], ["planner", "营销策划专员", "marketing"]],
    "duties": [["post", "standard", "text"], ["planner", "", "负责会员活动的策划与执行"]],
}

YAML = """\
organisation: {id: acme, name: 某百货}
departments:
  - {id: marketing, name: 营销部}
posts:
  - id: planner
    name: 营销策划专员
    department: marketing
    duties: [负责会员活动的策划与执行]
"""


def _csv(tmp_path: Path, **texts: str) -> Path:
    """A CSV design folder: the tables above, with ``posts="..."`` (etc.) replacing a file's text."""
    folder = tmp_path / "design"
    folder.mkdir()
    for name, rows in TABLES.items():
        text = texts.pop(name, "\n".join(",".join(r) for r in rows) + "\n")
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as e:
        read_design(path)
    return e.value


def _cli(path: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "report.md"
    res = CliRunner().invoke(cli, ["validate", str(path), "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert not out.exists()
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert all(x.startswith("retailkg: error: ") for x in lines), res.output
    return lines


def test_the_fixtures_read(tmp_path: Path) -> None:
    assert [p.id for p in read_design(_csv(tmp_path)).posts] == ["planner"]
    (tmp_path / "d.yaml").write_text(YAML, encoding="utf-8")
    assert [p.id for p in read_design(tmp_path / "d.yaml").posts] == ["planner"]


# --- CSV data is never dropped silently ---


def test_csv_extra_non_empty_cell_is_an_error(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department\nplanner,营销策划专员,marketing,EXTRA\n"))
    assert e.file is not None and e.file.endswith("posts.csv") and e.line == 2 and e.field == "column 4"
    assert "'EXTRA'" in str(e) and "beyond the 3 columns" in str(e)


def test_csv_trailing_empty_cells_are_fine(tmp_path: Path) -> None:
    assert read_design(_csv(tmp_path, posts="id,name,department\nplanner,营销策划专员,marketing,,\n")).posts


def test_csv_value_under_an_empty_header_cell_is_an_error(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,,department\nplanner,营销策划专员,lost,marketing\n"))
    assert e.line == 2 and "'lost'" in str(e) and "empty header" in str(e)


def test_csv_unterminated_quote_is_an_error_not_a_swallowed_rest(tmp_path: Path) -> None:
    text = 'id,name,department\nplanner,"营销策划专员,marketing\nboss,经理,marketing\n'
    e = _error(_csv(tmp_path, posts=text))
    assert e.file is not None and e.file.endswith("posts.csv") and e.line == 2
    assert "unterminated quote" in str(e)


def test_csv_quoted_multiline_cell_still_reads(tmp_path: Path) -> None:
    d = read_design(_csv(tmp_path, duties='post,standard,text\nplanner,,"负责会员活动\n的策划与执行"\n'))
    assert d.posts[0].duties[0].text == "负责会员活动\n的策划与执行"


def test_csv_duplicate_header_is_an_error(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department,name\nplanner,营销策划专员,marketing,别名\n"))
    assert e.line == 1 and e.field == "name" and "appears twice" in str(e)


def test_csv_alias_and_canonical_header_are_a_duplicate(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department,名称\nplanner,营销策划专员,marketing,别名\n"))
    assert e.field == "name" and "appears twice" in str(e)


def test_csv_two_files_for_one_table_is_an_error(tmp_path: Path) -> None:
    folder = _csv(tmp_path, **{"POSTS.csv": "id,name,department\nother,其他,marketing\n"})
    if len({p.name for p in folder.iterdir()}) < 5:
        pytest.skip("a case-insensitive file system")
    e = _error(folder)
    assert e.field == "posts" and "POSTS.csv" in str(e) and "posts.csv" in str(e)
    assert not isinstance(e, InputErrors), "the table is not read, so nothing cascades from it"


def test_unknown_columns_are_all_reported_with_a_suggestion(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department,headcont,colour\nplanner,营销策划专员,marketing,2,red\n"))
    assert isinstance(e, InputErrors)
    text = str(e)
    assert "unknown column 'headcont' (did you mean 'headcount'?)" in text and "unknown column 'colour'" in text


# --- tracebacks and unbounded reads on bad input ---


def test_a_table_that_is_a_folder(tmp_path: Path) -> None:
    folder = _csv(tmp_path)
    (folder / "posts.csv").unlink()
    (folder / "posts.csv").mkdir()
    e = _error(folder)
    assert e.file is not None and e.file.endswith("posts.csv") and "folder" in e.message


def test_a_dangling_symlink(tmp_path: Path) -> None:
    folder = _csv(tmp_path)
    (folder / "posts.csv").unlink()
    (folder / "posts.csv").symlink_to(tmp_path / "gone.csv")
    e = _error(folder)
    assert "dangling symbolic link" in e.message
    (tmp_path / "d.yaml").symlink_to(tmp_path / "gone.yaml")
    assert "dangling" in _error(tmp_path / "d.yaml").message


def test_an_unreadable_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _csv(tmp_path)
    target = folder / "posts.csv"
    if os.geteuid() == 0:  # root reads a file of mode 000: make the open fail as it does for anyone else
        real_open = os.open

        def fake_open(path: object, *args: object, **kwargs: object) -> int:
            if Path(str(path)) == target:
                raise PermissionError(13, "Permission denied")
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(fields.os, "open", fake_open)
    else:
        target.chmod(0)
    e = _error(folder)
    assert e.file == str(target) and "Permission denied" in e.message


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "d.yaml"
    os.mkfifo(fifo)
    result: list[BaseException | None] = []

    def run() -> None:
        try:
            read_design(fifo)
            result.append(None)
        except BaseException as e:  # handed to the test thread
            result.append(e)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # unblock the reader so the test process can end
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("reading a FIFO hangs")
    assert isinstance(result[0], InputError) and "FIFO" in str(result[0])


def test_dev_zero_is_refused_not_read_until_memory_runs_out() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    e = _error(Path("/dev/zero"))
    assert "device" in e.message


def test_reads_are_capped(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:  # sparse: 51 MB on paper, nothing on disk
        f.truncate(fields.MAX_INPUT_BYTES + 1024 * 1024)
    t0 = time.monotonic()
    e = _error(big)
    assert "too large" in e.message and "50 MB" in e.message
    assert time.monotonic() - t0 < 10
    small = tmp_path / "small.yaml"
    small.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="too large"):
        read_input(small, limit=10)
    assert read_input(small, limit=11) == b"x" * 11


def _template() -> bytes:
    return xlsx_bytes({k: [list(r) for r in v] for k, v in TABLES.items()})


def _rezip(raw: bytes, change: dict[str, bytes | None]) -> bytes:
    """The workbook with some parts replaced (None: removed); a key ending in a sheet's title picks its part."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            data: bytes | None = src.read(n)
            if n in change:
                data = change[n]
            if data is not None:
                z.writestr(n, data)
    return out.getvalue()


POSTS_PART = "xl/worksheets/sheet3.xml"  # the posts sheet: the third table written


def test_an_xlsx_that_is_a_zip_of_junk(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "junk")
        z.writestr("[Content_Types].xml", b"\x00\xff not xml")
    p = tmp_path / "junk.xlsx"
    p.write_bytes(buf.getvalue())
    assert "not an Excel workbook" in _error(p).message
    p.write_bytes(_rezip(_template(), {"xl/workbook.xml": b"<workbook"}))
    assert "not an Excel workbook" in _error(p).message


def test_a_file_that_is_not_a_workbook_is_told_in_the_user_s_terms_not_by_an_exception_class(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "a zip of something else")
    cases = {
        "other.xlsx": (buf.getvalue(), "a zip of something else"),
        "renamed.xlsx": (b"%PDF-1.4 this is a PDF renamed", "not a zip archive"),
        "cut.xlsx": (_template()[:4000], "not a zip archive"),
        "broken.xlsx": (_rezip(_template(), {"xl/workbook.xml": b"<workbook"}), "not well-formed XML"),
    }
    for name, (data, why) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        message = _error(p).message
        assert message.startswith("not an Excel workbook (.xlsx): "), (name, message)
        assert why in message, (name, message)
        assert "Error" not in message, (name, message)  # no KeyError, BadZipFile, ParseError ...
        assert "save it as .xlsx" in message


def test_an_xlsx_with_half_a_sheet(tmp_path: Path) -> None:
    raw = _template()
    part = POSTS_PART
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read(part)
    assert b"planner" in sheet  # the posts sheet indeed
    p = tmp_path / "half.xlsx"
    p.write_bytes(_rezip(raw, {part: sheet[: len(sheet) // 2]}))
    e = _error(p)
    assert "damaged" in e.message and e.field == "posts"
    p.write_bytes(_rezip(raw, {part: b"\x00\xffgarbage"}))
    assert isinstance(_error(p), InputError)


def test_an_xlsx_with_a_stray_cell_at_xfd1048576_is_read_at_once(tmp_path: Path) -> None:
    raw = _template()
    part = POSTS_PART
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read(part)
    sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    stray = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                                           b"</sheetData>")
    p = tmp_path / "stray.xlsx"
    p.write_bytes(_rezip(raw, {part: stray}))
    t0 = time.monotonic()
    e = _error(p)
    assert time.monotonic() - t0 < 20
    assert e.line == "posts!1048576" and e.field == "column 16384" and "'x'" in e.message
    # a stray cell with no value (only formatting) is nothing
    empty = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')
    p.write_bytes(_rezip(raw, {part: empty}))
    t0 = time.monotonic()
    assert [x.id for x in read_design(p).posts] == ["planner"]
    assert time.monotonic() - t0 < 20


def test_an_xlsx_stray_cell_beyond_the_header_is_an_error(tmp_path: Path) -> None:
    tables = {k: [list(r) for r in v] for k, v in TABLES.items()}
    tables["posts"][1] += ["", "", "lost"]
    p = tmp_path / "d.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    e = _error(p)
    assert e.line == "posts!2" and e.field == "column 6" and "'lost'" in e.message


def test_an_xlsx_with_two_sheets_for_one_table(tmp_path: Path) -> None:
    tables = {k: [list(r) for r in v] for k, v in TABLES.items()}
    tables["posts "] = [["id", "name", "department"], ["other", "其他", "marketing"]]
    p = tmp_path / "d.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    e = _error(p)
    assert e.field == "posts" and "two sheets" in e.message


# --- several errors at once, and the closest id ---


def test_unknown_department_suggests_the_closest_id(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department\nplanner,营销策划专员,marketng\n"))
    assert str(e).endswith("unknown department 'marketng' (did you mean 'marketing'?)")
    assert e.line == 2 and e.field == "department"
    (tmp_path / "d.yaml").write_text(YAML.replace("department: marketing", "department: marketng"), encoding="utf-8")
    assert "(did you mean 'marketing'?)" in str(_error(tmp_path / "d.yaml"))
    (tmp_path / "e.yaml").write_text(YAML.replace("department: marketing", "department: finance"), encoding="utf-8")
    assert "did you mean" not in str(_error(tmp_path / "e.yaml"))


def test_unknown_yaml_field_suggests_the_closest(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(YAML.replace("    department: marketing\n", "    department: marketing\n    headcont: 2\n"),
                                     encoding="utf-8")
    assert "unknown field 'headcont' (did you mean 'headcount'?)" in str(_error(tmp_path / "d.yaml"))


def test_several_yaml_errors_are_reported_at_once(tmp_path: Path) -> None:
    text = YAML.replace("    department: marketing\n", "    department: marketng\n    headcount: 0\n    colour: red\n")
    p = tmp_path / "d.yaml"
    p.write_text(text, encoding="utf-8")
    e = _error(p)
    assert isinstance(e, InputErrors) and len(e.errors) == 3
    lines = _cli(p, tmp_path)
    assert len(lines) == 3
    assert any("[headcount]" in x for x in lines) and any("[colour] unknown field" in x for x in lines)
    assert any("[department] unknown department 'marketng' (did you mean 'marketing'?)" in x for x in lines)
    assert all(re.match(r"retailkg: error: .*d\.yaml:\d+: \[", x) for x in lines), lines


def test_several_csv_errors_across_tables_are_reported_at_once(tmp_path: Path) -> None:
    folder = _csv(tmp_path, posts="id,name,department,headcount\nplanner,营销策划专员,marketng,two\n",
                  duties="post,standard,text\nplaner,,负责会员活动\nplanner,,负责,extra\n")
    lines = _cli(folder, tmp_path)
    text = "\n".join(lines)
    assert len(lines) == 4, text
    assert "posts.csv:2: [headcount]" in text and "posts.csv:2: [department] unknown department 'marketng'" in text
    assert "duties.csv:2: [post] unknown post 'planer' (did you mean 'planner'?)" in text
    assert "duties.csv:3: [column 4]" in text


def test_at_most_twenty_errors_are_reported(tmp_path: Path) -> None:
    rows = "".join(f"p{i},岗位{i},nowhere\n" for i in range(30))
    folder = _csv(tmp_path, posts="id,name,department\n" + rows)
    e = _error(folder)
    assert isinstance(e, InputErrors) and len(e.errors) == MAX_ERRORS and e.more
    lines = _cli(folder, tmp_path)
    assert len(lines) == MAX_ERRORS + 1 and "only the first 20" in lines[-1]


def test_one_error_stays_one_plain_line(tmp_path: Path) -> None:
    e = _error(_csv(tmp_path, posts="id,name,department\nplanner,营销策划专员,nowhere\n"))
    assert type(e) is InputError and "\n" not in str(e)
