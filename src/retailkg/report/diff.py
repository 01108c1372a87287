"""As-is against to-be: what a re-design changed (``retailkg diff OLD NEW``).

Each side is a design validated now (any input form :func:`~retailkg.validation.pipeline.validate_file`
reads) or a JSON report written earlier (its ``report_version`` one this retailkg reads: :data:`READ_VERSIONS`). Findings are
compared by their stable ids (:attr:`~retailkg.validation.findings.Finding.id`: the same rule on the
same posts, duties or functions gives the same id in every run and every input form), coverage by
organisation and taxonomy area, posts by id (changed: name, unit, superior or duties).

Two different organisations are still compared, and the diff says so: their finding ids cannot
match (an id is made of the organisation's own IRIs), so every finding is introduced or resolved,
while coverage by area and posts by id still say something.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retailkg.errors import InputError
from retailkg.report.common import SCHEMA_ID
from retailkg.report.json import REPORT_VERSION, expanded
from retailkg.validation.findings import DutyRecord, PostRecord, Report, area_coverage

READ_VERSIONS = (3, REPORT_VERSION)
"""The JSON report versions a diff reads: 3 differs from 4 only in writing each post and proposal on its own."""

__all__ = ["AreaChange", "Brief", "Diff", "PostChange", "RaciChange", "RaciGrid", "Side", "compare", "load_side", "side_from_json",
           "side_from_report"]


@dataclass(frozen=True)
class Brief:
    """A finding as a diff lists it (from a report in memory or a JSON report)."""

    id: str
    kind: str
    severity: str
    rule: str
    message_zh: str
    message_en: str
    subject_zh: str = ""
    subject_en: str = ""
    organisation: str = ""
    waived: bool = False

    def message(self, lang: str) -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def subject(self, lang: str) -> str:
        return (self.subject_zh or self.subject_en) if lang == "zh" else (self.subject_en or self.subject_zh)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "severity": self.severity, "rule": self.rule,
                "message": {"zh": self.message_zh, "en": self.message_en},
                "subject": {"zh": self.subject_zh, "en": self.subject_en}, "organisation": self.organisation, "waived": self.waived}


@dataclass(frozen=True)
class Area:
    """One area's coverage on one side: counts of its baseline functions, and each function's status."""

    id: str
    zh: str
    en: str
    functions: int
    lead: int
    support: int
    excluded: int
    status: tuple[tuple[str, str], ...] = ()  # (function id, lead | support | gap | excluded)

    @property
    def share(self) -> float:
        d = self.functions - self.excluded
        return (self.lead + self.support) / d if d > 0 else 0.0

    def name(self, lang: str) -> str:
        return (self.zh or self.en) if lang == "zh" else (self.en or self.zh)


@dataclass(frozen=True)
class RaciGrid:
    """One organisation's RACI matrix (report/raci.py) as a diff compares it: by function id and post id."""

    functions: tuple[tuple[str, str, str], ...]  # (function id, zh, en), baseline order
    posts: tuple[tuple[str, str, str], ...]  # (post id, zh, en), design order
    letters: dict[tuple[str, str], str]  # (function id, post id) -> "A", "R", "C" or "I"; absent: no letter


@dataclass
class Side:
    """One side of a diff: what it is, its organisations, findings, coverage by area and posts."""

    source: str
    generated_by: str
    organisations: dict[str, tuple[str, str, str]]  # IRI -> (id, zh, en)
    findings: dict[str, Brief]
    areas: dict[str, list[Area]]  # organisation IRI -> areas in taxonomy order
    posts: list[PostRecord] | None  # None: the input carried no design (RDF, bundled, an old report)
    function_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    raci: dict[str, RaciGrid] = field(default_factory=dict)  # organisation IRI -> its RACI matrix (empty: not known)

    def organisation_names(self, lang: str) -> str:
        return ", ".join((zh or en) if lang == "zh" else (en or zh) for _id, zh, en in self.organisations.values()) or "—"


@dataclass(frozen=True)
class AreaChange:
    organisation: str  # the NEW side's organisation IRI (or the old one's when it is gone)
    old: Area | None
    new: Area | None

    @property
    def area(self) -> Area:
        found = self.new or self.old
        assert found is not None
        return found

    @property
    def delta(self) -> float:
        return (self.new.share if self.new else 0.0) - (self.old.share if self.old else 0.0)

    def moved(self) -> list[tuple[str, str, str]]:
        """Functions whose status changed: (function id, old status, new status)."""
        old = dict(self.old.status) if self.old else {}
        new = dict(self.new.status) if self.new else {}
        return [(f, old.get(f, "—"), new.get(f, "—")) for f in sorted(set(old) | set(new), key=lambda f: (f not in new, f))
                if old.get(f) != new.get(f)]


@dataclass(frozen=True)
class PostChange:
    """A post in both designs that changed: each changed field (old, new), and duties added and removed."""

    old: PostRecord
    new: PostRecord
    fields: tuple[tuple[str, str, str], ...]  # (field, old, new): name, department, reports_to
    duties_added: tuple[DutyRecord, ...]
    duties_removed: tuple[DutyRecord, ...]


@dataclass(frozen=True)
class RaciChange:
    """One organisation's RACI matrix on both sides: the rows and columns of either, each cell's two letters."""

    organisation: str
    functions: tuple[tuple[str, str, str], ...]
    posts: tuple[tuple[str, str, str], ...]
    old: RaciGrid | None
    new: RaciGrid | None

    def letter(self, side: str, fid: str, pid: str) -> str:
        grid = self.old if side == "old" else self.new
        return grid.letters.get((fid, pid), "") if grid is not None else ""

    def changed(self) -> list[tuple[str, str, str, str]]:
        """The cells whose letter changed: (function id, post id, old letter, new letter), by row then column."""
        return [(f, p, a, b) for f, *_ in self.functions for p, *_ in self.posts
                if (a := self.letter("old", f, p)) != (b := self.letter("new", f, p))]

    def post_name(self, pid: str, lang: str) -> str:
        zh, en = next(((z, e) for i, z, e in self.posts if i == pid), (pid, pid))
        return (zh or en) if lang == "zh" else (en or zh)


@dataclass
class Diff:
    old: Side
    new: Side
    introduced: list[Brief]
    resolved: list[Brief]
    unchanged: list[Brief]
    coverage: list[AreaChange]
    posts_known: bool
    posts_added: list[PostRecord]
    posts_removed: list[PostRecord]
    posts_changed: list[PostChange]
    raci: list[RaciChange] = field(default_factory=list)

    @property
    def same_organisation(self) -> bool:
        return set(self.old.organisations) == set(self.new.organisations)

    def function_name(self, fid: str, lang: str) -> str:
        zh, en = self.new.function_names.get(fid) or self.old.function_names.get(fid) or (fid, fid)
        return (zh or en) if lang == "zh" else (en or zh)


# ---------------------------------------------------------------------------------------------
# Sides
# ---------------------------------------------------------------------------------------------


def side_from_report(report: Report) -> Side:
    """A side from a report in memory (a design validated now); waived findings are findings too."""
    findings: dict[str, Brief] = {}
    for f, waived in [*((f, False) for f in report.findings), *((w.finding, True) for w in report.waived)]:
        s = f.subject
        findings[f.id] = Brief(f.id, f.kind.value, f.severity.value, f.rule, f.message_zh, f.message_en,
                               s.zh if s else "", s.en if s else "", f.organisation.iri if f.organisation else "", waived)
    areas: dict[str, list[Area]] = {}
    names: dict[str, tuple[str, str]] = {}
    for m in report.coverage:
        status: dict[str, list[tuple[str, str]]] = {}
        for r in m.rows:
            status.setdefault(r.area.iri if r.area else "", []).append((r.function.id, r.status))
            names[r.function.id] = (r.function.zh, r.function.en)
        areas[m.organisation.iri] = [Area(a.area.id, a.area.zh, a.area.en, a.functions, a.lead, a.support, a.excluded,
                                          tuple(status.get(a.area.iri, ())))
                                     for a in area_coverage(m)]
    orgs = {o.organisation.iri: (o.organisation.id, o.organisation.zh, o.organisation.en) for o in report.organisations}
    return Side(report.source, report.generated_by, orgs, findings, areas, report.posts_detail, names, _raci_of_report(report))


def _raci_of_report(report: Report) -> dict[str, RaciGrid]:
    """The RACI matrices of a report in memory; none when it carries no design (no reporting lines to read)."""
    from retailkg.report.raci import raci_tables

    if report.posts_detail is None:
        return {}
    out = {}
    for t in raci_tables(report):
        posts = tuple((p.id, p.zh, p.en) for p in t.matrix.posts)
        letters = {(r.function.id, posts[j][0]): c for i, r in enumerate(t.matrix.rows) for j, c in enumerate(t.letters[i]) if c}
        out[t.organisation.iri] = RaciGrid(tuple((r.function.id, r.function.zh, r.function.en) for r in t.matrix.rows), posts, letters)
    return out


def _raci_of_json(coverage: list[dict[str, Any]], posts: list[PostRecord] | None,
                  names: dict[str, tuple[str, str]]) -> dict[str, RaciGrid]:
    """The RACI matrices of a JSON report, read as report/raci.py reads a report in memory: the coverage cells
    and the reporting lines of ``design_posts`` (none without them)."""
    from retailkg.report.raci import row_letters

    if posts is None:
        return {}
    superior = {f"post/{p.id}": f"post/{p.reports_to}" for p in posts if p.reports_to}
    by_id = {f"post/{p.id}": p.name for p in posts}
    out = {}
    for m in coverage:
        ids = [str(i) for i in m["posts"]]
        letters: dict[tuple[str, str], str] = {}
        for r in m["rows"]:
            cells = [r["cells"].get(i, "") for i in ids]
            letters.update({(r["function"], ids[j]): c for j, c in enumerate(row_letters(cells, ids, superior)) if c})
        functions = tuple((r["function"], *names.get(r["function"], (r["function"], r["function"]))) for r in m["rows"])
        out[m["organisation"]] = RaciGrid(functions, tuple((i, by_id.get(i, i), by_id.get(i, i)) for i in ids), letters)
    return out


def _text(d: Any) -> tuple[str, str]:
    return (d.get("zh", ""), d.get("en", "")) if isinstance(d, dict) else ("", "")


def side_from_json(path: Path, doc: dict[str, Any]) -> Side:
    """A side from a JSON report (docs/report-schema.json) of a version this retailkg reads; InputError for another."""
    file = str(path)
    version = doc.get("report_version", 1)
    if version not in READ_VERSIONS:
        raise InputError(f"a report of format version {version} ({doc.get('generated_by') or 'unknown program'}); this "
                         f"retailkg reads versions {' and '.join(map(str, READ_VERSIONS))}: validate the design again, or diff the designs",
                         file=file, field="report_version")
    try:
        findings: dict[str, Brief] = {}
        entries = [(f, False) for f in doc["findings"]] + [(w["finding"], True) for w in doc.get("waived", [])]
        for f, waived in entries:
            subject = f.get("function") or f.get("metric") or f.get("department") or (f["posts"][0] if f.get("posts") else None)
            szh, sen = _text(subject["name"]) if subject else ("", "")
            mzh, men = _text(f["message"])
            org = f["organisation"]["iri"] if f.get("organisation") else ""
            for fid in [u["id"] for u in f.get("units") or ()] or [f["id"]]:  # a repeated finding: each of its units
                findings[fid] = Brief(fid, f["kind"], f["severity"], f["rule"], mzh, men, szh, sen, org, waived)
        areas: dict[str, list[Area]] = {}
        for m in doc["coverage"]:
            status: dict[str, list[tuple[str, str]]] = {}
            for r in m["rows"]:
                status.setdefault(r.get("area") or "-", []).append((r["function"], r["status"]))
            areas[m["organisation"]] = [
                Area(a["area"]["id"], *_text(a["area"]["name"]), a["functions"], a["lead"], a["support"], a["excluded"],
                     tuple(status.get(a["area"]["id"], ())))
                for a in m["areas"]]
        orgs = {}
        for o in doc["summary"]["per_organisation"]:
            ref = o["organisation"]
            orgs[ref["iri"]] = (ref["id"], *_text(ref["name"]))
        posts = None
        if doc.get("design_posts") is not None:
            posts = [PostRecord(p["id"], p["name"], p["department"], p["reports_to"] or "",
                                tuple(DutyRecord(d["text"], tuple(d["lead"]), tuple(d["support"])) for d in p["duties"]),
                                p["organisation"], tuple(p["accountable_for"]) if "accountable_for" in p else None)
                     for p in expanded(doc["design_posts"])]  # a post repeated in stores: each of its units
        raci = _raci_of_json(doc["coverage"], posts, {})
    except (KeyError, TypeError, IndexError, AttributeError) as e:
        raise InputError(f"not a complete retailkg report: {e.__class__.__name__} {e}", file=file) from None
    return Side(str(doc.get("source", path)), str(doc.get("generated_by", "")), orgs, findings, areas, posts, raci=raci)


def _json_report(path: Path) -> dict[str, Any] | None:
    """The parsed JSON report at ``path``, or None when it is not a report (a design written as JSON)."""
    from retailkg.design.fields import decode_text, read_input

    text = decode_text(read_input(path), path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg}", file=str(path), line=e.lineno, column=e.colno) from None
    if isinstance(doc, dict) and (doc.get("$schema") == SCHEMA_ID or "findings" in doc):
        return doc
    return None


def load_side(path: Path, baseline: str | None = None) -> Side:
    """A side of a diff: a JSON report as it is, or a design (any form ``validate`` reads) validated now."""
    if path.suffix.lower() == ".json" and path.is_file():
        doc = _json_report(path)
        if doc is not None:
            return side_from_json(path, doc)
    from retailkg.validation.pipeline import validate_file

    return side_from_report(validate_file(path, baseline))


# ---------------------------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------------------------

_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}


def _order(b: Brief) -> tuple[Any, ...]:
    return (_SEVERITY_ORDER.get(b.severity, 3), b.kind, b.rule, b.subject_zh, b.id)


def _pairs(old: Side, new: Side) -> list[tuple[str | None, str | None]]:
    """Organisations paired by IRI; one on each side is a pair whatever its IRI (two designs of one client
    may name it differently; the diff says they differ)."""
    if len(old.areas) == 1 and len(new.areas) == 1:
        return [(next(iter(old.areas)), next(iter(new.areas)))]
    keys = list(dict.fromkeys([*old.areas, *new.areas]))
    return [(k if k in old.areas else None, k if k in new.areas else None) for k in keys]


def _duties(p: PostRecord) -> Counter[DutyRecord]:
    return Counter(p.duties)


def compare(old: Side, new: Side) -> Diff:
    """What changed from ``old`` to ``new``: findings by id, coverage by area, posts by id."""
    introduced = sorted((b for i, b in new.findings.items() if i not in old.findings), key=_order)
    resolved = sorted((b for i, b in old.findings.items() if i not in new.findings), key=_order)
    unchanged = sorted((b for i, b in new.findings.items() if i in old.findings), key=_order)
    coverage: list[AreaChange] = []
    for o_org, n_org in _pairs(old, new):
        o_areas = {a.id: a for a in old.areas.get(o_org or "", [])}
        n_areas = {a.id: a for a in new.areas.get(n_org or "", [])}
        for aid in dict.fromkeys([*n_areas, *o_areas]):
            coverage.append(AreaChange(n_org or o_org or "", o_areas.get(aid), n_areas.get(aid)))
    known = old.posts is not None and new.posts is not None
    added: list[PostRecord] = []
    removed: list[PostRecord] = []
    changed: list[PostChange] = []
    if known:
        o_posts = {p.id: p for p in old.posts or []}
        n_posts = {p.id: p for p in new.posts or []}
        added = [p for i, p in n_posts.items() if i not in o_posts]
        removed = [p for i, p in o_posts.items() if i not in n_posts]
        for i, n in n_posts.items():
            o = o_posts.get(i)
            if o is None:
                continue
            fields = tuple((name, a, b) for name, a, b in (("name", o.name, n.name), ("department", o.department, n.department),
                                                            ("reports_to", o.reports_to, n.reports_to)) if a != b)
            if o.accountable is not None and n.accountable is not None and o.accountable != n.accountable:
                fields += (("accountable_for", "; ".join(o.accountable), "; ".join(n.accountable)),)
            plus = _duties(n) - _duties(o)
            minus = _duties(o) - _duties(n)
            if fields or plus or minus:
                changed.append(PostChange(o, n, fields, tuple(plus.elements()), tuple(minus.elements())))
    return Diff(old, new, introduced, resolved, unchanged, coverage, known, added, removed, changed, _raci_changes(old, new))


def _raci_changes(old: Side, new: Side) -> list[RaciChange]:
    """Each organisation's two matrices, paired as the coverage is; rows and columns of both, the new side's order first."""
    out = []
    for o_org, n_org in _pairs(old, new):
        a, b = old.raci.get(o_org or ""), new.raci.get(n_org or "")
        if a is None and b is None:
            continue
        rows = list(dict.fromkeys([f[0] for f in (b.functions if b else ())] + [f[0] for f in (a.functions if a else ())]))
        by_fid = {f[0]: f for f in [*(a.functions if a else ()), *(b.functions if b else ())]}
        cols = list(dict.fromkeys([p[0] for p in (b.posts if b else ())] + [p[0] for p in (a.posts if a else ())]))
        by_pid = {p[0]: p for p in [*(a.posts if a else ()), *(b.posts if b else ())]}
        out.append(RaciChange(n_org or o_org or "", tuple(by_fid[f] for f in rows), tuple(by_pid[p] for p in cols), a, b))
    return out
