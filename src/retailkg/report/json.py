"""The JSON report, for programs; its schema is docs/report-schema.json (tests/test_report.py checks it).

A finding repeated in many stores or regions (same organisation, severity and ``pattern``) is one
entry with the list of its ``units``, as Markdown and HTML show it once with the stores listed: a
chain of 10,000 stores otherwise repeats each of a few patterns 10,000 times, hundreds of megabytes
of the same text. Each unit keeps its own finding id, scope, focus nodes and posts, so nothing is
lost; ``expand_units`` (``retailkg validate --expand-units``) lists every finding on its own instead.
The design's posts (``design_posts``) and the proposals are grouped the same way: a post or a
proposal repeated in every store is one entry with its ``units`` (what differs: a post's id,
department and superior; a proposal's finding, posts, changes and ``via``), so a chain's report is
not its posts' duties and its proposals' reasons written thirty thousand times.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from retailkg.report.common import SCHEMA_ID, group_findings
from retailkg.report.proposals import alignments_json
from retailkg.validation.findings import Finding, PostRecord, Report
from retailkg.validation.proposals import live_proposals

# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------

REPORT_VERSION = 4
"""The version of the JSON report format (``report_version``): raised when a field is removed or changes
meaning, so a program (``retailkg diff``) can refuse a report it would misread. 1: before the field existed;
3: an entry of ``findings`` may stand for several findings (its ``units``); 4: so may an entry of
``design_posts`` and of ``proposals``."""

POST_UNIT = ("id", "department", "reports_to")
"""What differs between the posts one ``design_posts`` entry stands for: each unit has these keys."""

PROPOSAL_UNIT = ("finding", "owner", "others", "changes", "via")
"""What differs between the proposals one ``proposals`` entry stands for: each unit has these keys."""


def grouped(items: Iterable[dict[str, Any]], unit_keys: tuple[str, ...], expand_units: bool = False) -> Iterator[dict[str, Any]]:
    """JSON objects that are equal but for ``unit_keys`` as one (the first, in the order first met) with
    ``units``, the list of each one's ``unit_keys`` in order; ``units`` is null for an object met once,
    and for every object with ``expand_units``. :func:`expanded` gives the objects back."""
    if expand_units:
        for d in items:
            yield {**d, "units": None}
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for d in items:
        key = json.dumps([(k, v) for k, v in d.items() if k not in unit_keys], ensure_ascii=False)  # to_json: one key order
        groups.setdefault(key, []).append(d)
    for g in groups.values():
        yield {**g[0], "units": [{k: d[k] for k in unit_keys} for d in g] if len(g) > 1 else None}


def grouped_posts(posts: Iterable[PostRecord], expand_units: bool = False) -> Iterator[dict[str, Any]]:
    """:func:`grouped` for the design's posts, keyed on the records themselves (a chain's tens of thousands of
    posts are not each written out as JSON to be compared): the same entries."""
    if expand_units:
        for p in posts:
            yield {**p.to_json(), "units": None}
        return
    groups: dict[tuple[Any, ...], list[PostRecord]] = {}
    for p in posts:
        groups.setdefault((p.organisation, p.name, p.duties, p.accountable), []).append(p)
    for g in groups.values():
        units = [{"id": p.id, "department": p.department, "reports_to": p.reports_to or None} for p in g]
        yield {**g[0].to_json(), "units": units if len(g) > 1 else None}


def expanded(entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The objects a list of :func:`grouped` entries stands for, one per unit (an entry without units: itself),
    without ``units``."""
    for e in entries:
        base = {k: v for k, v in e.items() if k != "units"}
        for u in e.get("units") or [{}]:
            yield {**base, **u}


def _unit(f: Finding) -> dict[str, Any]:
    """One member of a repeated finding: what differs from store to store."""
    return {"id": f.id, "scope": f.scope.to_json() if f.scope else None, "focus": list(f.focus),
            "posts": [p.iri for p in f.posts], "to_review": f.to_review}


def finding_entries(report: Report, expand_units: bool = False) -> Iterator[dict[str, Any]]:
    """The JSON objects of the findings: one per group of repeats (its first member's fields and
    ``units``), or one per finding with ``expand_units``."""
    groups = [[f] for f in report.findings] if expand_units else group_findings(report.findings)
    for g in groups:
        d = g[0].to_json()
        d["units"] = [_unit(f) for f in g] if len(g) > 1 else None
        yield d


def report_dict(report: Report, expand_units: bool = False) -> dict[str, Any]:
    """The JSON document as a dict (docs/report-schema.json)."""
    return _document(report, list(finding_entries(report, expand_units)), expand_units)


def _document(report: Report, findings: Any, expand_units: bool) -> dict[str, Any]:
    by_kind, by_sev = report.counts()
    worst = report.worst()
    distinct = len(report.findings) if expand_units else len(group_findings(report.findings))
    return {
        "$schema": SCHEMA_ID,
        "report_version": REPORT_VERSION,
        "generated_by": report.generated_by,
        "source": report.source,
        "baseline": report.baseline.to_json() if report.baseline else None,
        "units_expanded": expand_units,
        "summary": {
            "organisations": len(report.organisations),
            "posts": report.posts,
            "duties": report.duties,
            "findings": len(report.findings),
            "entries": distinct,
            "to_review": report.to_review,
            "duties_to_review": report.duties_to_review,
            "by_kind": by_kind,
            "by_severity": by_sev,
            "worst_severity": worst.value if worst else None,
            "shacl_conforms": report.shacl_conforms,
            "per_organisation": [o.to_json() for o in report.organisations],
        },
        "rules": [r.to_json() for r in report.rules],
        "findings": findings,
        "coverage": [c.to_json() for c in report.coverage],
        "waived": [w.to_json() for w in report.waived],
        "stale_waivers": [s.to_json() for s in report.stale_waivers],
        "design_posts": None if report.posts_detail is None else list(grouped_posts(report.posts_detail, expand_units)),
        # none of a waived finding
        "proposals": list(grouped((p.to_json() for p in live_proposals(report)), PROPOSAL_UNIT, expand_units)),
        "restructures": [p.to_json() for p in report.restructures],
        "post_alignments": alignments_json(report),
    }


def iter_json(report: Report, lang: str = "zh", expand_units: bool = False) -> Iterator[str]:
    """The JSON text in pieces, a finding at a time (``retailkg validate`` writes them as they come).

    One line per top-level key and one per finding, coverage row or summary: still readable and
    diffable, and written by json's C encoder (an indented dump goes through the pure-Python one).
    """
    doc = _document(report, None, expand_units)
    yield "{\n "
    for n, (key, value) in enumerate(doc.items()):
        if n:
            yield ",\n "
        items = finding_entries(report, expand_units) if key == "findings" else value
        if key == "findings" or (isinstance(value, list) and value):
            yield f"{json.dumps(key)}: ["
            empty = True
            for i, v in enumerate(items):
                yield ("\n  " if i == 0 else ",\n  ") + json.dumps(v, ensure_ascii=False)
                empty = False
            yield "]" if empty else "\n ]"
        else:
            yield f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
    yield "\n}\n"


def render_json(report: Report, lang: str = "zh", expand_units: bool = False) -> str:
    """JSON (both languages are always present; ``lang`` is accepted for a uniform signature)."""
    return "".join(iter_json(report, lang, expand_units))
