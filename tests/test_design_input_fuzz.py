"""Property: whatever a design file holds, in YAML, a CSV folder or the Excel template, reading it either gives a
design or raises InputError (one line, exit 2) — never another exception."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retailkg.design.readers import read_design
from retailkg.design.tables import TABLES
from retailkg.design.templates import xlsx_bytes
from retailkg.errors import InputError

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "organisation": [["id", "name", "baseline"], ["acme", "某百货", "T/CCAGM 003-2021"]],
    "departments": [["id", "name", "kind", "parent"], ["marketing", "营销部", "department", ""],
                    ["store-1", "一号店", "store", "marketing"]],
    "posts": [["id", "name", "department", "reports_to", "headcount"], ["planner", "营销策划专员", "marketing", "", "2"],
              ["boss", "经理", "marketing", "", "1"]],
    "duties": [["post", "standard", "text", "role", "functions"], ["planner", "", "负责会员活动的策划与执行", "support", ""],
               ["boss", "T/CCAGM 003-2021 4.1.1 a", "", "", ""]],
    "metrics": [["post", "metric"], ["planner", "会员活跃度"]],
}
FIELDS = sorted({c for t in TABLES for c in t.required + t.optional} | {"duties", "accountable_for", "organization", "x"})


def _read(write: Callable[[Path], Path]) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = write(Path(d))
        try:
            read_design(path)
        except InputError as e:
            assert str(e).strip()


def _csv_text(rows: list[list[Any]]) -> str:
    return "".join(",".join(str(c) for c in r) + "\n" for r in rows)


# --- values: what a cell or a YAML scalar may hold ---

scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**20), st.floats(allow_nan=True), st.text(max_size=12),
                    st.sampled_from(["marketing", "planner", "boss", "T/CCAGM 003-2021 4.1.1 a", "lead", "support", "门店",
                                     "a;b", "", " ", "0", "two", "support:x"]))
yaml_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                             st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)),
                           max_leaves=12)


def _mutate(text: str, data: st.DataObject) -> str:
    """Cut, repeat or insert a few characters of valid input (quotes, commas, colons, brackets, new lines)."""
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["insert", "delete", "repeat"]))
        if op == "insert":
            text = text[:i] + data.draw(st.text(alphabet=st.sampled_from(list('",:\'[]{}-#&*!|>\n\t \x00é岗%')), max_size=4)
                                        | st.text(max_size=4)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + data.draw(st.integers(1, 20)):]
        else:
            text = text[:i] + text[i:i + 30] * 2 + text[i + 30:]
    return text


# --- YAML ---


@FUZZ
@given(st.dictionaries(st.sampled_from(["organisation", "departments", "posts", "x"]), yaml_values, max_size=4))
def test_any_yaml_structure_is_read_or_refused(doc: dict[str, Any]) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True)
    _read(lambda d: _write(d / "d.yaml", text.encode()))


def _valid_yaml() -> str:
    return """\
organisation: {id: acme, name: 某百货, baseline: T/CCAGM 003-2021, exclude_functions: [a, b]}
departments:
  - {id: marketing, name: 营销部}
  - {id: store-1, name: 一号店, kind: store, parent: marketing}
posts:
  - id: planner
    name: 营销策划专员
    department: marketing
    reports_to: boss
    headcount: 2
    duties:
      - {standard: "T/CCAGM 003-2021 4.1.1 a"}
      - {text: 负责会员活动的策划与执行, role: support, functions: {lead: [x], support: y}}
      - 负责门店陈列
    accountable_for: [会员活跃度]
  - {id: boss, name: 经理, department: marketing}
"""


@FUZZ
@given(st.data())
def test_mutated_yaml_is_read_or_refused(data: st.DataObject) -> None:
    text = _mutate(_valid_yaml(), data)
    _read(lambda d: _write(d / "d.yaml", text.encode("utf-8", "surrogatepass")))


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_are_read_or_refused(raw: bytes) -> None:
    _read(lambda d: _write(d / "d.yaml", raw))
    _read(lambda d: _write(d / "d.xlsx", b"PK\x03\x04" + raw))


# --- CSV folders ---


def _write(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


def _folder(d: Path, texts: dict[str, str]) -> Path:
    folder = d / "design"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    return folder


@FUZZ
@given(st.data())
def test_mutated_csv_folders_are_read_or_refused(data: st.DataObject) -> None:
    texts = {f"{k}.csv": _csv_text(v) for k, v in VALID.items()}
    for name in data.draw(st.lists(st.sampled_from(sorted(texts)), min_size=1, max_size=3, unique=True)):
        texts[name] = _mutate(texts[name], data)
    if data.draw(st.booleans()):
        texts[data.draw(st.sampled_from(["POSTS.csv", "Duties.CSV", "extra.csv"]))] = "id,name\n"
    _read(lambda d: _folder(d, texts))


@FUZZ
@given(st.data())
def test_csv_cells_of_any_value_are_read_or_refused(data: st.DataObject) -> None:
    tables = {k: [list(r) for r in v] for k, v in VALID.items()}
    for _ in range(data.draw(st.integers(1, 6))):
        name = data.draw(st.sampled_from(sorted(tables)))
        rows = tables[name]
        r = data.draw(st.integers(0, len(rows) - 1))
        c = data.draw(st.integers(0, len(rows[r])))
        value = data.draw(scalars)
        if c < len(rows[r]):
            rows[r][c] = "" if value is None else value
        else:
            rows[r].append("" if value is None else value)
    buffers = {}
    for name, rows in tables.items():
        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        buffers[f"{name}.csv"] = buf.getvalue()
    _read(lambda d: _folder(d, buffers))


# --- Excel template ---


@FUZZ
@given(st.data())
def test_template_workbooks_with_any_cells_are_read_or_refused(data: st.DataObject) -> None:
    tables = {k: [list(r) for r in v] for k, v in VALID.items()}
    for _ in range(data.draw(st.integers(1, 6))):
        name = data.draw(st.sampled_from(sorted(tables)))
        rows = tables[name]
        r = data.draw(st.integers(0, len(rows)))
        if r == len(rows):
            rows.append([])
        c = data.draw(st.integers(0, len(rows[r]) + 2))
        value = data.draw(st.one_of(st.none(), st.booleans(), st.integers(-3, 10**12), st.floats(allow_nan=False,
                                    allow_infinity=False), st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]),
                                                                   max_size=10)))
        while len(rows[r]) <= c:
            rows[r].append(None)
        rows[r][c] = value
    raw = xlsx_bytes(tables)
    _read(lambda d: _write(d / "d.xlsx", raw))


_TEMPLATE = xlsx_bytes({k: [list(r) for r in v] for k, v in VALID.items()})


@FUZZ
@given(st.data())
def test_damaged_template_workbooks_are_read_or_refused(data: st.DataObject) -> None:
    src = zipfile.ZipFile(io.BytesIO(_TEMPLATE))
    names = src.namelist()
    target = data.draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            part = src.read(n)
            if n == target:
                how = data.draw(st.sampled_from(["cut", "drop", "flip", "text"]))
                if how == "drop":
                    continue
                if how == "cut":
                    part = part[: data.draw(st.integers(0, len(part)))]
                elif how == "flip":
                    i = data.draw(st.integers(0, max(0, len(part) - 1)))
                    part = part[:i] + bytes([data.draw(st.integers(0, 255))]) + part[i + 1:]
                else:
                    part = _mutate(part.decode("utf-8"), data).encode("utf-8", "surrogatepass")
            z.writestr(n, part)
    raw = out.getvalue()
    if data.draw(st.booleans()):  # a damaged archive too
        i = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:i] + bytes([data.draw(st.integers(0, 255))]) + raw[i + 1:]
    _read(lambda d: _write(d / "d.xlsx", raw))
