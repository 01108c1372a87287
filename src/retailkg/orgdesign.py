"""Organisation design files: a consultant's posts and duties, read, checked and turned into RDF.

A design comes as YAML, as a folder of CSV files or as an Excel workbook with one sheet per table
(organisation, departments, posts, duties, metrics). All three become the same typed
:class:`OrgDesign`; :func:`resolve` then links it to the knowledge graph (standard duties by
clause, functions by id or label, metrics by label) and writes it in the project's ontology under
``https://w3id.org/retailkg/org/<org-id>/``.

Bad input never reaches the validator: every mistake (invalid YAML, an unknown department or
clause, a duplicate id, a headcount of 0, a missing sheet or column, an empty, binary or
undecodable file) raises :class:`~retailkg.errors.InputError` naming the file, the line or row and
the field. CSV saved by Excel in China is GB18030/GBK or UTF-8 with a byte-order mark; both, and
UTF-16 ("Unicode text"), are read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef

from .catalog import DOCUMENTS, Document, document
from .errors import InputError
from .gcpause import paused_gc
from .kb import KnowledgeBase, StatementInfo, fold
from .ns import BASE, PREFIXES, PROV, RKG, RKGV

if TYPE_CHECKING:  # the matcher pulls in numpy and BM25: imported when a free-text duty needs it
    from .matcher import Match, Matcher

__all__ = [
    "DEFAULT_BASELINE",
    "RKGV",
    "TABLES",
    "DepartmentSpec",
    "DutySpec",
    "OrgDesign",
    "OrganisationSpec",
    "PostSpec",
    "ResolvedDesign",
    "ResolvedDuty",
    "Where",
    "parse_yaml",
    "read_design",
    "resolve",
    "write_template",
]

"""Terms of the validation report and of match provenance (not part of the ontology)."""

DEFAULT_BASELINE = "T/CCAGM 003-2021"
ORG_BASE = BASE + "org/"

_ID = re.compile(r"^[\w][\w.\-]*$")
_KINDS = {"department": "department", "store": "store", "region": "region",
          "部门": "department", "门店": "store", "店": "store", "区域": "region", "大区": "region"}
_ROLES = {"lead": "lead", "support": "support", "主责": "lead", "负责": "lead", "协助": "support", "配合": "support"}
_STD_REF = re.compile(r"^(?P<doc>.*?)\s*(?P<ref>\d+(?:\.\d+)+(?:\s*[a-zA-Z]\)?|\s*[(（]\d+[)）])?)\s*$")
_LIST_SPLIT = re.compile(r"[;；,，、\n]+")


# ---------------------------------------------------------------------------------------------
# The typed design
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """Where a value came from: ``acme.yaml`` line 12, or ``acme.xlsx`` sheet posts row 7."""

    file: str
    line: int | str | None = None
    field: str | None = None

    def at(self, field: str | None = None, line: int | str | None = None) -> Where:
        return Where(self.file, self.line if line is None else line, field or self.field)

    def error(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field or self.field)

    def cite(self) -> str:
        """``acme.yaml:12``: the citation used as the source of a free-text duty."""
        name = Path(self.file).name
        return f"{name}:{self.line}" if self.line is not None else name


@dataclass
class DutySpec:
    """A duty as written: a standard's clause (``T/CCAGM 003-2021 4.1.1 a``) or free text."""

    where: Where
    standard: str | None = None
    text: str | None = None
    role: str = "lead"
    role_given: bool = False
    functions: list[tuple[str, str]] = field(default_factory=list)  # (function id or label, role)


@dataclass
class PostSpec:
    where: Where
    id: str
    name: str
    department: str
    reports_to: str | None = None
    headcount: int | None = None
    name_en: str = ""
    duties: list[DutySpec] = field(default_factory=list)
    accountable_for: list[tuple[str, Where]] = field(default_factory=list)


@dataclass
class DepartmentSpec:
    where: Where
    id: str
    name: str
    kind: str = "department"
    parent: str | None = None
    name_en: str = ""


@dataclass
class OrganisationSpec:
    where: Where
    id: str
    name: str
    baseline: str | None = None
    name_en: str = ""
    exclude_functions: list[tuple[str, Where]] = field(default_factory=list)


@dataclass
class OrgDesign:
    """A whole design, in file order."""

    path: Path
    organisation: OrganisationSpec
    departments: list[DepartmentSpec]
    posts: list[PostSpec]

    def check_references(self) -> None:
        """Unique ids and known departments, parents and superiors; raise on the first problem."""
        depts: dict[str, DepartmentSpec] = {}
        for d in self.departments:
            if d.id in depts:
                raise d.where.error(f"duplicate department id {d.id!r} (first at {depts[d.id].where.cite()})", "id")
            depts[d.id] = d
        for d in self.departments:
            if d.parent is not None and d.parent not in depts:
                raise d.where.error(f"unknown parent department {d.parent!r}", "parent")
        for d in self.departments:  # a unit above itself would make store replication meaningless
            seen, cur = {d.id}, d.parent
            while cur is not None:
                if cur in seen:
                    raise d.where.error(f"department {d.id!r} is its own parent through {cur!r}", "parent")
                seen.add(cur)
                cur = depts[cur].parent
        posts: dict[str, PostSpec] = {}
        for p in self.posts:
            if p.id in posts:
                raise p.where.error(f"duplicate post id {p.id!r} (first at {posts[p.id].where.cite()})", "id")
            posts[p.id] = p
        for p in self.posts:
            if p.department not in depts:
                raise p.where.error(f"unknown department {p.department!r}", "department")
            if p.reports_to is not None and p.reports_to not in posts:
                raise p.where.error(f"unknown post {p.reports_to!r}", "reports_to")


# ---------------------------------------------------------------------------------------------
# Field readers: one place for what a value may be
# ---------------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any, where: Where, fld: str, required: bool = False) -> str | None:
    if _blank(value):
        if required:
            raise where.error(f"missing {fld}", fld)
        return None
    if isinstance(value, (dict, list)):
        raise where.error(f"{fld} must be text, got a {'mapping' if isinstance(value, dict) else 'list'}", fld)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _ident(value: Any, where: Where, fld: str, required: bool = True) -> str | None:
    s = _text(value, where, fld, required)
    if s is not None and not _ID.match(s):
        raise where.error(f"{fld} {s!r} is not an id (letters, digits, '-', '_' and '.', no spaces or '/')", fld)
    return s


def _headcount(value: Any, where: Where) -> int | None:
    if _blank(value):
        return None
    n: int | None = None
    if isinstance(value, bool):
        n = None
    elif isinstance(value, int):
        n = value
    elif (isinstance(value, float) and value.is_integer()) or (isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value)):
        n = int(value)
    if n is None or n < 1:
        raise where.error(f"headcount must be a positive whole number, got {value!r}", "headcount")
    return n


def _kind(value: Any, where: Where) -> str:
    s = _text(value, where, "kind")
    if s is None:
        return "department"
    k = _KINDS.get(s.lower())
    if k is None:
        raise where.error(f"kind must be department, store or region, got {s!r}", "kind")
    return k


def _role(value: Any, where: Where) -> tuple[str, bool]:
    s = _text(value, where, "role")
    if s is None:
        return "lead", False
    r = _ROLES.get(s.lower())
    if r is None:
        raise where.error(f"role must be lead or support, got {s!r}", "role")
    return r, True


def _names(value: Any, where: Where, fld: str) -> list[str]:
    """A list of names: a YAML list, or one cell separated by ; ， 、 or new lines."""
    if _blank(value):
        return []
    if isinstance(value, list):
        out = []
        for v in value:
            s = _text(v, where, fld)
            if s:
                out.append(s)
        return out
    if isinstance(value, dict):
        raise where.error(f"{fld} must be a list, got a mapping", fld)
    return [s.strip() for s in _LIST_SPLIT.split(str(value)) if s.strip()]


def _functions(value: Any, where: Where, role: str) -> list[tuple[str, str]]:
    """``functions:`` of a free-text duty: a list (all with the duty's role) or {lead: [...], support: [...]}."""
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for key, names in value.items():
            r = _ROLES.get(str(key).lower())
            if r is None:
                raise where.error(f"functions keys must be lead or support, got {key!r}", "functions")
            out += [(n, r) for n in _names(names, where, "functions")]
        return out
    out = []
    for n in _names(value, where, "functions"):
        if ":" in n and n.split(":", 1)[0].lower() in _ROLES:  # "support:product-selection" in a cell
            r, name = n.split(":", 1)
            out.append((name.strip(), _ROLES[r.lower()]))
        else:
            out.append((n, role))
    return out


def _duty(raw: dict[str, Any], where: Where) -> DutySpec:
    standard = _text(raw.get("standard"), where, "standard")
    text = _text(raw.get("text"), where, "text")
    if (standard is None) == (text is None):
        raise where.error("a duty has either standard (a clause, e.g. 'T/CCAGM 003-2021 4.1.1 a') or text, not both or neither",
                          "standard" if standard else "text")
    role, given = _role(raw.get("role"), where.at(where.field))
    fns = _functions(raw.get("functions"), where, role)
    if fns and standard is not None:
        raise where.error("functions can only be given for a free-text duty (a standard's duty has its own)", "functions")
    return DutySpec(where, standard, text, role, given, fns)


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (a superset of GBK and GB2312)."""
    if not raw.strip():
        raise InputError("empty file", file=str(path))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"cannot decode UTF-16 text ({e.reason})", file=str(path)) from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file, expected text (UTF-8 or GB18030/GBK)", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_at = e.start
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as e:
        # the encoding that read further is the one the file is mostly in: cite where it broke
        at = max(utf8_at, e.start)
        line = raw[:at].count(b"\n") + 1
        raise InputError("cannot decode: neither UTF-8 nor GB18030/GBK text", file=str(path), line=line) from None


@paused_gc()
def read_design(path: Path) -> OrgDesign:
    """Read a design from YAML, a folder of CSV files or an Excel workbook (by what ``path`` is)."""
    if path.is_dir():
        design = _from_tables(_read_csv_dir(path), path)
    elif not path.exists():
        raise InputError("file not found", file=str(path))
    else:
        raw = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
            design = _from_tables(_read_xlsx(path, raw), path)
        elif suffix == ".csv":
            raise InputError("a CSV design is a folder of CSV files (organisation.csv, departments.csv, posts.csv, "
                             "duties.csv, metrics.csv): give the folder", file=str(path))
        elif suffix == ".xls":
            raise InputError("old Excel format (.xls): save the workbook as .xlsx", file=str(path))
        else:
            design = parse_yaml(_decode(raw, path), path)
    design.check_references()
    return design


# --- YAML ---


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict[str, int]


class _Seq(list):  # type: ignore[type-arg]
    line: int = 0
    lines: list[int]


# libyaml's parser (CSafeLoader) when PyYAML has it: a chain's design is ten megabytes of YAML,
# which the pure-Python scanner takes tens of seconds to read. Both keep node marks (lines).
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    path = ""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    m = _Map()
    m.line = node.start_mark.line + 1
    m.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in m:
            raise InputError(f"duplicate key {key!r}", file=loader.path, line=key_node.start_mark.line + 1, field=key)
        m[key] = loader.construct_object(value_node, deep=True)
        m.lines[key] = value_node.start_mark.line + 1
    return m


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    s = _Seq(loader.construct_object(n, deep=True) for n in node.value)
    s.line = node.start_mark.line + 1
    s.lines = [n.start_mark.line + 1 for n in node.value]
    return s


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)  # type: ignore[arg-type]
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)  # type: ignore[arg-type]

_KEYS = {
    "top": {"organisation", "organization", "departments", "posts"},
    "organisation": {"id", "name", "name_en", "baseline", "exclude_functions"},
    "department": {"id", "name", "name_en", "kind", "parent"},
    "post": {"id", "name", "name_en", "department", "reports_to", "headcount", "duties", "accountable_for"},
    "duty": {"standard", "text", "role", "functions"},
}


def _mapping(value: Any, where: Where, what: str) -> _Map:
    if not isinstance(value, dict):
        raise where.error(f"{what} must be a mapping (key: value)")
    unknown = sorted(set(value) - _KEYS[what])
    if unknown:
        line = value.lines.get(unknown[0], where.line) if isinstance(value, _Map) else where.line
        raise where.at(line=line).error(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(_KEYS[what]))})", unknown[0])
    return value  # type: ignore[return-value]


def _seq(value: Any, where: Where, fld: str) -> list[tuple[Any, Where]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.error(f"{fld} must be a list", fld)
    lines = value.lines if isinstance(value, _Seq) else [where.line] * len(value)
    return [(v, where.at(fld, line)) for v, line in zip(value, lines, strict=True)]


def parse_yaml(text: str, path: Path) -> OrgDesign:
    """Parse YAML text (see the module docstring); ``path`` is only used in messages."""
    loader = _LineLoader(text)
    loader.path = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"invalid YAML: {e.problem or e.context}", file=str(path), line=line) from None
    except yaml.YAMLError as e:
        raise InputError(f"invalid YAML: {e}", file=str(path)) from None
    finally:
        loader.dispose()
    top = Where(str(path), 1)
    if data is None:
        raise top.error("empty file")
    top_map = _mapping(data, top, "top")
    line = top_map.lines.get  # type: ignore[attr-defined]
    org_key = "organisation" if "organisation" in top_map else "organization"
    if org_key not in top_map:
        raise top.error("missing organisation", "organisation")
    ow = top.at("organisation", line(org_key))
    o = _mapping(top_map[org_key], ow, "organisation")
    org = OrganisationSpec(
        ow, _ident(o.get("id"), ow.at("id", o.lines.get("id")), "id") or "",
        _text(o.get("name"), ow.at("name", o.lines.get("name")), "name", required=True) or "",
        _text(o.get("baseline"), ow, "baseline"), _text(o.get("name_en"), ow, "name_en") or "",
    )
    ew = ow.at("exclude_functions", o.lines.get("exclude_functions"))
    org.exclude_functions = [(n, ew) for n in _names(o.get("exclude_functions"), ew, "exclude_functions")]
    depts = []
    for raw, w in _seq(top_map.get("departments"), top.at("departments", line("departments")), "departments"):
        d = _mapping(raw, w, "department")
        w = w.at(line=d.line)
        depts.append(DepartmentSpec(
            w, _ident(d.get("id"), w.at("id", d.lines.get("id")), "id") or "",
            _text(d.get("name"), w.at("name", d.lines.get("name")), "name", required=True) or "",
            _kind(d.get("kind"), w.at("kind", d.lines.get("kind"))),
            _ident(d.get("parent"), w.at("parent", d.lines.get("parent")), "parent", required=False),
            _text(d.get("name_en"), w, "name_en") or "",
        ))
    posts = []
    for raw, w in _seq(top_map.get("posts"), top.at("posts", line("posts")), "posts"):
        p = _mapping(raw, w, "post")
        w = w.at(line=p.line)
        pl = p.lines.get
        post = PostSpec(
            w, _ident(p.get("id"), w.at("id", pl("id")), "id") or "",
            _text(p.get("name"), w.at("name", pl("name")), "name", required=True) or "",
            _ident(p.get("department"), w.at("department", pl("department")), "department") or "",
            _ident(p.get("reports_to"), w.at("reports_to", pl("reports_to")), "reports_to", required=False),
            _headcount(p.get("headcount"), w.at("headcount", pl("headcount"))),
            _text(p.get("name_en"), w, "name_en") or "",
        )
        for rd, dw in _seq(p.get("duties"), w.at("duties", pl("duties")), "duties"):
            if isinstance(rd, str):  # a bare string is free text
                post.duties.append(_duty({"text": rd}, dw))
                continue
            dm = _mapping(rd, dw, "duty")
            post.duties.append(_duty(dm, dw.at(line=dm.line)))
        aw = w.at("accountable_for", pl("accountable_for"))
        post.accountable_for = [(n, aw) for n in _names(p.get("accountable_for"), aw, "accountable_for")]
        posts.append(post)
    if not depts:
        raise top.error("no departments", "departments")
    return OrgDesign(path, org, depts, posts)


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
        if any(not _blank(c) for c in rec):
            header = [_ALIASES.get(str(c).strip(), str(c).strip().lower()) if not _blank(c) else "" for c in rec]
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
        if all(_blank(c) for c in rec):
            continue
        values = {h: (rec[i] if i < len(rec) else None) for i, h in enumerate(header) if h}
        rows.append((Where(where_file, loc(n)), values))
    return rows


def _read_csv_dir(folder: Path) -> dict[str, list[Row]]:
    tables: dict[str, list[Row]] = {}
    files = {p.stem.lower(): p for p in folder.iterdir() if p.suffix.lower() == ".csv"}
    for t in TABLES:
        p = files.get(t.name)
        if p is None:
            if t.name in _REQUIRED_TABLES:
                raise InputError(f"missing table {t.name}.csv", file=str(folder), field=t.name)
            continue
        text = _decode(p.read_bytes(), p)
        first = text.splitlines()[0] if text.splitlines() else ""
        delimiter = "\t" if "\t" in first and "," not in first else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            records = [(reader.line_num, rec) for rec in reader]
        except csv.Error as e:
            raise InputError(f"malformed CSV: {e}", file=str(p), line=reader.line_num) from None
        tables[t.name] = _rows(t.name, str(p), records, None)
    return tables


def _read_xlsx(path: Path, raw: bytes) -> dict[str, list[Row]]:
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


def _from_tables(tables: dict[str, list[Row]], path: Path) -> OrgDesign:
    org_rows = tables["organisation"]
    if not org_rows:
        raise InputError("table organisation has no row", file=str(path), field="organisation")
    if len(org_rows) > 1:
        raise org_rows[1][0].error("table organisation has more than one row: one design is one organisation")
    ow, o = org_rows[0]
    org = OrganisationSpec(ow, _ident(o.get("id"), ow, "id") or "", _text(o.get("name"), ow, "name", True) or "",
                           _text(o.get("baseline"), ow, "baseline"), _text(o.get("name_en"), ow, "name_en") or "")
    org.exclude_functions = [(n, ow.at("exclude_functions")) for n in _names(o.get("exclude_functions"), ow, "exclude_functions")]
    depts = [DepartmentSpec(w, _ident(r.get("id"), w, "id") or "", _text(r.get("name"), w, "name", True) or "",
                            _kind(r.get("kind"), w), _ident(r.get("parent"), w, "parent", required=False),
                            _text(r.get("name_en"), w, "name_en") or "")
             for w, r in tables["departments"]]
    if not depts:
        raise InputError("table departments has no row", file=str(path), field="departments")
    posts: dict[str, PostSpec] = {}
    order: list[PostSpec] = []
    for w, r in tables["posts"]:
        p = PostSpec(w, _ident(r.get("id"), w, "id") or "", _text(r.get("name"), w, "name", True) or "",
                     _ident(r.get("department"), w, "department") or "",
                     _ident(r.get("reports_to"), w, "reports_to", required=False), _headcount(r.get("headcount"), w.at("headcount")),
                     _text(r.get("name_en"), w, "name_en") or "")
        order.append(p)
        posts.setdefault(p.id, p)
    for w, r in tables["duties"]:
        pid = _ident(r.get("post"), w, "post") or ""
        if pid not in posts:
            raise w.error(f"unknown post {pid!r}", "post")
        posts[pid].duties.append(_duty(r, w))
    for w, r in tables.get("metrics", []):
        pid = _ident(r.get("post"), w, "post") or ""
        if pid not in posts:
            raise w.error(f"unknown post {pid!r}", "post")
        name = _text(r.get("metric"), w, "metric", True) or ""
        posts[pid].accountable_for.append((name, w.at("metric")))
    return OrgDesign(path, org, depts, order)


# ---------------------------------------------------------------------------------------------
# Resolution against the knowledge graph, and RDF
# ---------------------------------------------------------------------------------------------


@dataclass
class ResolvedDuty:
    """A duty of the design with its functions decided, and why."""

    iri: URIRef
    post: URIRef
    spec: DutySpec
    zh: str
    en: str
    lead: list[URIRef]
    support: list[URIRef]
    standard: StatementInfo | None = None  # a standard's duty taken by reference
    match: Match | None = None  # a free-text duty matched by text
    given: bool = False  # functions stated in the design

    @property
    def source(self) -> str:
        """How the duty is cited in evidence: the standard's clause, or file:line."""
        return self.standard.citation if self.standard else self.spec.where.cite()


@dataclass
class ResolvedDesign:
    """The design linked to the knowledge graph, and its RDF (as N-Triples lines).

    The RDF is written as N-Triples text rather than into an rdflib graph: a chain of thousands of
    stores is a million triples, which rdflib takes minutes and gigabytes to hold, while a triple
    store bulk-loads the text directly (bench/RESULTS.md, "scale"). :attr:`graph` parses it into
    rdflib on demand, for small designs and tests.
    """

    design: OrgDesign
    baseline: Document
    base: str
    organisation: URIRef
    lines: list[str]
    posts: dict[str, URIRef]
    departments: dict[str, URIRef]
    duties: dict[URIRef, ResolvedDuty]
    metric_sources: dict[tuple[URIRef, URIRef], str]  # (post, metric) → how the accountability arose
    prefix: str = "design"

    def ntriples(self) -> str:
        """The design's RDF as N-Triples (the form triple stores bulk-load fastest)."""
        return "".join(self.lines)

    @cached_property
    def graph(self) -> Graph:
        """The design's RDF as an rdflib graph, with the project's prefixes bound."""
        g = Graph()
        for prefix, uri in PREFIXES.items():
            g.bind(prefix, uri)
        g.bind("rkgv", RKGV)
        g.bind(self.prefix, Namespace(self.base))
        g.parse(data=self.ntriples(), format="nt")
        return g


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """An N-Triples literal."""
    body = '"' + text.translate(_NT_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^<{datatype}>"
    return body


_INT = str(XSD.integer)


class _Writer:
    """N-Triples lines for terms given as IRIs (str) or ready-made literals."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.bnodes = 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> <{o}> .\n")

    def lit(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> {o} .\n")


def _baseline(name: str, where: Where | None) -> Document:
    """The baseline standard; ``where`` is the design's field, or None for the --baseline option."""

    def error(message: str) -> InputError:
        return where.error(message, "baseline") if where is not None else InputError(message, field="--baseline")

    try:
        doc = document(name)
    except KeyError:
        known = ", ".join(d.citation for d in DOCUMENTS if d.is_standard)
        raise error(f"unknown baseline {name!r} (standards: {known})") from None
    if not doc.is_standard:
        raise error(f"{doc.citation} is not a standard and cannot be a baseline")
    return doc


def _standard_duties(ref: str, where: Where, kb: KnowledgeBase, baseline: Document) -> list[StatementInfo]:
    m = _STD_REF.match(ref)
    if not m:
        raise where.error(f"not a clause reference: {ref!r} (e.g. 'T/CCAGM 003-2021 4.1.1 a')", "standard")
    doc_name, clause = m.group("doc").strip(), re.sub(r"\s+", " ", m.group("ref").replace("（", "(").replace("）", ")"))
    if doc_name:
        try:
            doc = document(doc_name)
        except KeyError:
            raise where.error(f"unknown standard {doc_name!r} in {ref!r}", "standard") from None
        if not doc.is_standard:
            raise where.error(f"{doc.citation} is not a standard: give its duties as text", "standard")
    else:
        doc = baseline
    duty = kb.standard_duty(doc, clause)
    if duty is not None:
        return [kb.duties[duty]]
    post = kb.standard_post(doc, clause)
    if post is not None:  # a whole post: all its duties
        found = kb.duties_of(post)
        if found:
            return found
    raise where.error(f"no duty {clause!r} in {doc.citation}", "standard")


def _slug(name: str) -> str:
    s = re.sub(r"[\s/#?%\"<>\\^`{|}]+", "-", name.strip()).strip("-")
    return s or "metric"


@paused_gc()
def resolve(design: OrgDesign, kb: KnowledgeBase, matcher: Matcher | None = None, baseline: str | None = None) -> ResolvedDesign:
    """Link ``design`` to the knowledge graph and write its RDF; unknown references raise InputError.

    ``baseline`` (a citation or id) overrides the design's own; the default is T/CCAGM 003-2021.
    A chain repeats the same free-text duties in every store, so each distinct text is matched once.
    """
    o = design.organisation
    base_doc = _baseline(baseline or o.baseline or DEFAULT_BASELINE, None if baseline else o.where.at("baseline"))
    base = f"{ORG_BASE}{o.id}/"
    org = base + "org"
    prefix = o.id.replace(".", "-")
    prefix = prefix if re.match(r"^[A-Za-z][\w-]*$", prefix) and prefix not in PREFIXES and prefix != "rkgv" else "design"
    w = _Writer()
    TYPE, LABEL = str(RDF.type), str(RDFS.label)
    R = str(RKG)
    design_doc = base + "design"
    w.iri(design_doc, TYPE, R + "SourceDocument")
    w.lit(design_doc, LABEL, _lit(design.path.name))
    w.iri(org, TYPE, R + "Organisation")
    w.lit(org, LABEL, _lit(o.name, "zh"))
    if o.name_en:
        w.lit(org, LABEL, _lit(o.name_en, "en"))
    w.iri(org, R + "baseline", str(base_doc.iri))
    w.iri(org, R + "sourceDocument", design_doc)
    for name, where in o.exclude_functions:
        f = kb.function(name)
        if f is None:
            raise where.error(f"unknown function {name!r} (an id such as 'information-security' or a label)", "exclude_functions")
        w.iri(org, R + "excludesFunction", str(f))

    depts: dict[str, URIRef] = {}
    for i, d in enumerate(design.departments, start=1):
        iri = base + f"dept/{d.id}"
        depts[d.id] = URIRef(iri)
        w.iri(iri, TYPE, R + "Department")
        w.lit(iri, LABEL, _lit(d.name, "zh"))
        if d.name_en:
            w.lit(iri, LABEL, _lit(d.name_en, "en"))
        w.lit(iri, R + "unitKind", _lit(d.kind))
        w.iri(iri, R + "unitOf", org)
        w.lit(iri, R + "order", _lit(str(i), datatype=_INT))
        w.iri(iri, R + "sourceDocument", design_doc)
    for d in design.departments:
        if d.parent:
            w.iri(str(depts[d.id]), R + "subUnitOf", str(depts[d.parent]))

    posts = {p.id: URIRef(base + f"post/{p.id}") for p in design.posts}
    duties: dict[URIRef, ResolvedDuty] = {}
    metric_sources: dict[tuple[URIRef, URIRef], str] = {}
    own_metrics: dict[str, URIRef] = {}
    typed_metrics: set[URIRef] = set()
    cache: dict[tuple[Any, ...], list[ResolvedDuty]] = {}

    def metric_type(m: URIRef) -> None:  # the design says what it refers to: the rules need no KB lookup
        if m not in typed_metrics:
            typed_metrics.add(m)
            w.iri(str(m), TYPE, R + "Metric")

    for i, p in enumerate(design.posts, start=1):
        post = posts[p.id]
        ps = str(post)
        w.iri(ps, TYPE, R + "Post")
        w.lit(ps, LABEL, _lit(p.name, "zh"))
        if p.name_en:
            w.lit(ps, LABEL, _lit(p.name_en, "en"))
        w.iri(ps, R + "inDepartment", str(depts[p.department]))
        w.iri(ps, R + "inOrganisation", org)
        if p.reports_to:
            w.iri(ps, R + "reportsTo", str(posts[p.reports_to]))
        if p.headcount is not None:
            w.lit(ps, R + "headcount", _lit(str(p.headcount), datatype=str(XSD.positiveInteger)))
        w.lit(ps, R + "order", _lit(str(i), datatype=_INT))
        w.lit(ps, R + "reference", _lit(p.id))
        w.iri(ps, R + "sourceDocument", design_doc)
        n = 0
        for spec in p.duties:
            key = (spec.standard, spec.text, spec.role, spec.role_given, tuple(spec.functions))
            proto = cache.get(key)
            if proto is None:
                proto = cache[key] = list(_resolve_duty(spec, kb, matcher, base_doc))
            for r0 in proto:
                n += 1
                r = ResolvedDuty(URIRef(base + f"duty/{p.id}-{n}"), post, spec, r0.zh, r0.en, r0.lead, r0.support,
                                 r0.standard, r0.match, r0.given)
                duties[r.iri] = r
                _duty_triples(w, r, n, design_doc)
                if r.standard is not None:  # the accountability rule travels with the duty
                    std_post = r.standard.post
                    for m in r.standard.metrics:
                        metric_type(m)
                        if std_post is not None and (std_post, RKG.accountableFor, m) in kb.graph:
                            if (post, m) not in metric_sources:  # one triple, however many duties say so
                                w.iri(ps, R + "accountableFor", str(m))
                            metric_sources.setdefault((post, m), r.standard.citation)
        for name, where in p.accountable_for:
            m = kb.standard_metric(name, prefer=base_doc)
            if m is None:
                m = own_metrics.get(fold(name))
                if m is None:
                    m = URIRef(base + f"metric/{_slug(name)}")
                    own_metrics[fold(name)] = m
                    w.lit(str(m), LABEL, _lit(name, "zh"))
                    w.iri(str(m), R + "sourceDocument", design_doc)
            metric_type(m)
            if (post, m) not in metric_sources:
                w.iri(ps, R + "accountableFor", str(m))
            metric_sources[(post, m)] = where.cite()
    return ResolvedDesign(design, base_doc, base, URIRef(org), w.lines, posts, depts, duties, metric_sources, prefix)


def _resolve_duty(spec: DutySpec, kb: KnowledgeBase, matcher: Matcher | None, baseline: Document) -> Iterator[ResolvedDuty]:
    placeholder = URIRef(BASE)
    if spec.standard is not None:
        for s in _standard_duties(spec.standard, spec.where.at("standard"), kb, baseline):
            lead, support = list(s.lead), list(s.support)
            if spec.role_given and spec.role == "support":
                lead, support = [], sorted(set(lead) | set(support))
            yield ResolvedDuty(placeholder, placeholder, spec, s.zh, s.en, lead, support, standard=s)
        return
    text = spec.text or ""
    if spec.functions:
        lead, support = [], []
        for name, role in spec.functions:
            f = kb.function(name)
            if f is None:
                raise spec.where.error(f"unknown function {name!r}", "functions")
            (lead if role == "lead" else support).append(f)
        yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, given=True)
        return
    if matcher is None:
        from .matcher import Matcher

        matcher = Matcher(kb)
    m = matcher.match(text)
    lead = [fm.function for fm in m.functions if fm.role == "lead"]
    support = [fm.function for fm in m.functions if fm.role == "support"]
    if spec.role == "support":
        lead, support = [], lead + support
    yield ResolvedDuty(placeholder, placeholder, spec, text, "", lead, support, match=m)


def _duty_triples(w: _Writer, r: ResolvedDuty, n: int, design_doc: str) -> None:
    d = str(r.iri)
    R = str(RKG)
    w.iri(d, str(RDF.type), R + "Duty")
    w.lit(d, str(RDFS.label), _lit(r.zh, "zh"))
    if r.en:
        w.lit(d, str(RDFS.label), _lit(r.en, "en"))
    w.iri(d, R + "dutyOf", str(r.post))
    w.lit(d, R + "item", _lit(str(n)))
    w.lit(d, R + "order", _lit(str(n), datatype=_INT))
    w.lit(d, R + "reference", _lit(r.source))
    w.iri(d, R + "sourceDocument", design_doc)
    for f in r.lead:
        w.iri(d, R + "addressesFunction", str(f))
    for f in r.support:
        w.iri(d, R + "supportsFunction", str(f))
    if r.standard is not None:
        w.iri(d, str(PROV.wasDerivedFrom), str(r.standard.iri))
        for m in r.standard.metrics:
            w.iri(d, R + "concernsMetric", str(m))
    if r.match is not None:
        for fm in r.match.functions:
            w.bnodes += 1
            node = f"_:m{w.bnodes}"
            w.lines.append(f"<{d}> <{RKGV}match> {node} .\n")
            w.lines.append(f"{node} <{RDF.type}> <{RKGV}FunctionMatch> .\n")
            w.lines.append(f"{node} <{RKGV}function> <{fm.function}> .\n")
            w.lines.append(f"{node} <{RKGV}score> {_lit(str(round(fm.score, 3)), datatype=str(XSD.decimal))} .\n")
            if fm.evidence is not None:
                w.lines.append(f"{node} <{RKGV}evidence> <{fm.evidence.iri}> .\n")


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

YAML_TEMPLATE = """\
# retailkg organisation design. Validate with: retailkg validate THIS_FILE
# Ids: letters, digits, '-', '_' and '.'. Names in Chinese (name_en optional).
organisation:
  id: acme                          # becomes https://w3id.org/retailkg/org/acme/…
  name: 某百货股份有限公司
  baseline: T/CCAGM 003-2021        # optional, the default
  exclude_functions: []             # functions deliberately not set up (clause 5 动态设置): ids or labels
departments:
  - {id: planning, name: 企划部}                                   # kind: department (default)
  - {id: region-east, name: 华东大区, kind: region}
  - {id: store-001, name: 南京西路店, kind: store, parent: region-east}
posts:
  - id: marketing-planner
    name: 营销策划专员
    department: planning
    reports_to:                      # optional: the id of the direct superior's post
    headcount: 2                     # optional: a positive whole number
    duties:
      - standard: T/CCAGM 003-2021 4.1.1 a       # a standard's duty, by clause (or a whole post: 4.1.1)
      - text: 负责会员活动的策划与执行             # free text: matched to functions by similarity
        role: support                            # lead (default) or support
    accountable_for: [会员活跃度]                  # metrics by label or id; unknown ones become the organisation's own
"""


def write_template(fmt: str, out: Path | None) -> bytes | str | None:
    """An empty design with one example row: YAML text, a folder of CSV files, or an Excel workbook.

    YAML is returned (and written when ``out`` is given); CSV and Excel need ``out``.
    """
    from .rdfio import atomic_write

    if fmt == "yaml":
        if out is not None:
            atomic_write(out, YAML_TEMPLATE)
        return YAML_TEMPLATE
    if out is None:
        raise InputError(f"--format {fmt} needs -o PATH (a {'folder' if fmt == 'csv' else 'file'})", field="-o")
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise InputError("the CSV template is a folder of CSV files; this path is a file", file=str(out), field="-o")
        out.mkdir(parents=True, exist_ok=True)
        for t in TABLES:
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow([*t.required, *t.optional])
            w.writerow(t.example)
            atomic_write(out / f"{t.name}.csv", "\ufeff" + buf.getvalue())  # BOM: Excel opens it as UTF-8
        return None
    if fmt == "xlsx":
        atomic_write(out, xlsx_bytes({t.name: [[*t.required, *t.optional], list(t.example)] for t in TABLES}))
        return None
    raise InputError(f"unknown template format {fmt!r}", field="--format")


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook with one sheet per table (header row bold, frozen) plus a README sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for col in ws.columns:
            width = max(len(str(c.value or "")) for c in col)
            ws.column_dimensions[col[0].column_letter].width = min(60, max(12, width * 2))
    readme = wb.create_sheet("README")
    for line in README_ROWS:
        readme.append([line])
    readme.column_dimensions["A"].width = 110
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


README_ROWS = [
    "retailkg 岗位设计模板 / organisation design template — validate with: retailkg validate THIS_FILE",
    "organisation: id, name, baseline (default T/CCAGM 003-2021), exclude_functions (不设置的职能, separated by ;)",
    "departments: id, name, kind (department / store / region), parent (the id of the unit above)",
    "posts: id, name, department (a department id), reports_to (a post id), headcount (a positive whole number)",
    "duties: post, and either standard (e.g. T/CCAGM 003-2021 4.1.1 a) or text (free text, matched to functions); "
    "role: lead (default) or support; functions: optional function ids for a text duty",
    "metrics: post, metric (a label or id; metrics the standards lack become the organisation's own)",
]
