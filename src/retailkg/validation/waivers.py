"""Waivers: findings a client has decided to live with, by their stable finding id.

A consultant reports 交叉 and 空白; the client accepts some of them (two posts share promotion
planning on purpose while a new team forms). A waiver names the finding's id
(:attr:`~retailkg.validation.findings.Finding.id`, stable across runs and input forms), why, who
decided and when, and optionally until when. Waived findings are listed apart in every format and
never make ``--fail-on`` fail; a waiver that accepts nothing in this run is *stale* and is listed too
(its finding is gone, or it has expired), so a waiver file does not silently outlive the design it
was written for. Decisions (docs/validation.md, "Waivers"):

- a well-formed id that is not among this run's findings is a stale waiver, reported with the
  closest ids of this run, never an error: a resolved finding is the normal fate of a waiver;
- an id that is not a finding id at all (``F`` and ten hex digits) is a mistake: exit 2, one line
  per waiver, with the closest ids of this run;
- an expired waiver does not apply: its finding counts again, and the waiver is listed as stale.

The file is YAML (``waivers:`` a list of ``{id, reason, by, date, expires}``) or a workbook whose
*Waived* sheet has those columns: the report workbook's own Waived sheet can be handed back.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from pathlib import Path

import yaml

from retailkg.design.fields import decode_text, is_blank, not_a_workbook, read_input
from retailkg.design.model import Problems, Where, did_you_mean
from retailkg.design.review import Column
from retailkg.errors import InputError
from retailkg.validation.findings import FINDING_ID, Finding, Report, StaleWaiver, WaivedFinding, Waiver

__all__ = ["WAIVED_SHEET", "WAIVER_COLUMNS", "apply_waivers", "read_waivers"]

WAIVED_SHEET = "Waived"
WAIVER_COLUMNS = (
    Column("id", "结果编号", "finding id"),
    Column("reason", "原因", "reason"),
    Column("by", "决定人", "by"),
    Column("date", "日期", "date"),
    Column("expires", "有效期至", "expires"),
)
"""The columns of a waiver in the workbook's Waived sheet (the report writes more: status, the finding's words)."""

_KEYS = {"id", "reason", "by", "date", "expires"}
_REQUIRED = ("id", "reason", "by", "date")


def _date(value: str, where: Where, fld: str) -> str:
    s = value.strip()
    if len(s) > 10 and s[10] in " T":  # a date and time (a workbook's date cell): the date
        s = s[:10]
    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        raise where.error(f"{fld} must be a date (YYYY-MM-DD), got {value!r}", fld) from None


def _waiver(values: dict[str, str], where: Where, problems: Problems) -> Waiver | None:
    for key in _REQUIRED:
        if not values.get(key, "").strip():
            problems.add(where.error(f"a waiver needs {', '.join(_REQUIRED)}: {key} is missing", key))
            return None
    try:
        date = _date(values["date"], where, "date")
        expires = _date(values["expires"], where, "expires") if values.get("expires", "").strip() else ""
    except InputError as e:
        problems.add(e)
        return None
    return Waiver(values["id"].strip(), values["reason"].strip(), values["by"].strip(), date, expires, where.cite())


def _scalar(node: yaml.Node) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def _from_yaml(path: Path, raw: bytes, problems: Problems) -> list[Waiver]:
    text = decode_text(raw, path)
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        what = getattr(e, "problem", None) or e.__class__.__name__
        raise InputError(f"not a YAML waiver file: {what}", file=str(path), line=mark.line + 1 if mark else None) from None
    file = str(path)
    if root is None:
        raise InputError("empty waiver file (expected `waivers:` and a list of {id, reason, by, date})", file=file)
    items = root
    if isinstance(root, yaml.MappingNode):
        keys = {_scalar(k): v for k, v in root.value}
        if set(keys) != {"waivers"}:
            other = sorted(str(k) for k in keys if k != "waivers")
            raise InputError(f"a waiver file has one key, waivers: (found {', '.join(other) or 'none'})", file=file,
                             line=root.start_mark.line + 1, field=other[0] if other else "waivers")
        items = keys["waivers"]
    if not isinstance(items, yaml.SequenceNode):
        raise InputError("waivers must be a list of {id, reason, by, date}", file=file, line=items.start_mark.line + 1,
                         field="waivers")
    out = []
    for item in items.value:
        where = Where(file, item.start_mark.line + 1)
        if not isinstance(item, yaml.MappingNode):
            problems.add(where.error("a waiver must be a mapping: {id, reason, by, date}"))
            continue
        values: dict[str, str] = {}
        bad = False
        for k, v in item.value:
            key, value = _scalar(k) or "", _scalar(v)
            w = where.at(key, k.start_mark.line + 1)
            if key not in _KEYS:
                problems.add(w.error(f"unknown field {key!r}{did_you_mean(key, _KEYS)} (known: {', '.join(sorted(_KEYS))})", key))
                bad = True
            elif value is None:
                problems.add(w.error(f"{key} must be text, not a list or mapping", key))
                bad = True
            else:
                values[key] = value
        if not bad:
            found = _waiver(values, where, problems)
            if found is not None:
                out.append(found)
    return out


def _from_workbook(path: Path, raw: bytes, problems: Problems) -> list[Waiver]:
    import zipfile
    import zlib

    from openpyxl import load_workbook

    file = str(path)
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, zlib.error, EOFError) as e:
        raise not_a_workbook(file, e) from None
    try:
        ws = next((w for w in wb.worksheets if w.title.strip().lower() == WAIVED_SHEET.lower()), None)
        if ws is None:
            raise InputError(f"no sheet {WAIVED_SHEET!r} (sheets: {', '.join(w.title for w in wb.worksheets)})", file=file)
        ws.reset_dimensions()
        records = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)
                   if r and any(not is_blank(c) for c in r)]
        title = ws.title
    finally:
        wb.close()
    if not records:
        return []
    header_n, header = records[0]
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        col = next((c for c in WAIVER_COLUMNS if not is_blank(h) and c.matches(str(h))), None)
        if col is not None:
            index.setdefault(col.key, i)
    missing = [c for c in WAIVER_COLUMNS if c.key in _REQUIRED and c.key not in index]
    if missing:
        raise InputError(f"sheet {title!r} has no column {missing[0].en!r} ({missing[0].zh})", file=file,
                         line=f"{title}!{header_n}", field=missing[0].en)
    out = []
    for n, rec in records[1:]:
        values = {}
        for key, i in index.items():
            v = rec[i] if i < len(rec) else None
            if isinstance(v, dt.datetime):
                v = v.date().isoformat()
            elif isinstance(v, dt.date):
                v = v.isoformat()
            values[key] = "" if v is None else str(v).strip()
        if not values.get("id"):
            continue  # a row without a finding id is no waiver (the sheet may have notes)
        found = _waiver(values, Where(file, f"{title}!{n}"), problems)
        if found is not None:
            out.append(found)
    return out


def read_waivers(path: Path) -> list[Waiver]:
    """The waivers of a YAML file or of a workbook's Waived sheet; InputError (one line each) on bad input.

    Ids are checked against the run's findings by :func:`apply_waivers` (only then are the closest known)."""
    raw = read_input(path)
    problems = Problems()
    if path.suffix.lower() in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
        waivers = _from_workbook(path, raw, problems)
    else:
        waivers = _from_yaml(path, raw, problems)
    first: dict[str, Waiver] = {}
    for w in waivers:
        if w.finding in first:
            problems.add(InputError(f"finding {w.finding} is waived twice (first at {first[w.finding].source})",
                                    file=str(path), line=w.source.rsplit(":", 1)[-1], field="id"))
        first.setdefault(w.finding, w)
    problems.raise_if_any()
    return waivers


def _closest(fid: str, ids: list[str]) -> tuple[str, ...]:
    """This run's ids nearest ``fid``, compared without case (FE4A… typed for Fe4a…)."""
    by_folded = {i.lower(): i for i in ids}
    return tuple(by_folded[m] for m in difflib.get_close_matches(fid.lower(), list(by_folded), n=3, cutoff=0.5))


def apply_waivers(report: Report, waivers: list[Waiver], today: dt.date | None = None) -> None:
    """Move the waived findings of ``report`` to ``report.waived`` and list the stale waivers; the summaries
    are counted again without the waived findings. InputError for an id that is no finding id at all."""
    from retailkg.validation.naming import count_findings

    ids = [f.id for f in report.findings]
    problems = Problems()
    for w in waivers:
        if not FINDING_ID.fullmatch(w.finding):
            close = _closest(w.finding, ids)
            hint = f" (closest: {', '.join(close)})" if close else ""
            file, _, line = w.source.rpartition(":")
            problems.add(InputError(f"{w.finding!r} is not a finding id (F and ten hex digits, as in the report){hint}",
                                    file=file or w.source, line=line or None, field="id"))
    problems.raise_if_any()
    today = today or dt.date.today()
    by_id = {w.finding: w for w in waivers}
    kept: list[Finding] = []
    waived: list[WaivedFinding] = []
    live: dict[str, Waiver] = {}
    for w in waivers:
        if w.expires and dt.date.fromisoformat(w.expires) < today:
            report.stale_waivers.append(StaleWaiver(w, "expired"))
        else:
            live[w.finding] = w
    for f in report.findings:
        accepted = live.get(f.id)
        if accepted is None:
            kept.append(f)
        else:
            waived.append(WaivedFinding(f, accepted))
    present = {f.id for f in report.findings}
    for fid, w in by_id.items():
        if fid in live and fid not in present:
            report.stale_waivers.append(StaleWaiver(w, "absent", _closest(fid, ids)))
    report.findings = kept
    report.waived.extend(waived)
    count_findings(report.organisations, kept)
