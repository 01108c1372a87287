"""The JSON report, for programs; its schema is docs/report-schema.json (tests/test_report.py checks it).
"""

from __future__ import annotations

import json
from typing import Any

from retailkg.report.common import SCHEMA_ID
from retailkg.report.proposals import alignments_json
from retailkg.validation.findings import Report

# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------

REPORT_VERSION = 2
"""The version of the JSON report format (``report_version``): raised when a field is removed or changes
meaning, so a program (``retailkg diff``) can refuse a report it would misread. 1: before the field existed."""


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON document as a dict (docs/report-schema.json)."""
    by_kind, by_sev = report.counts()
    worst = report.worst()
    return {
        "$schema": SCHEMA_ID,
        "report_version": REPORT_VERSION,
        "generated_by": report.generated_by,
        "source": report.source,
        "baseline": report.baseline.to_json() if report.baseline else None,
        "summary": {
            "organisations": len(report.organisations),
            "posts": report.posts,
            "duties": report.duties,
            "findings": len(report.findings),
            "to_review": report.to_review,
            "duties_to_review": report.duties_to_review,
            "by_kind": by_kind,
            "by_severity": by_sev,
            "worst_severity": worst.value if worst else None,
            "shacl_conforms": report.shacl_conforms,
            "per_organisation": [o.to_json() for o in report.organisations],
        },
        "rules": [r.to_json() for r in report.rules],
        "findings": [f.to_json() for f in report.findings],
        "coverage": [c.to_json() for c in report.coverage],
        "waived": [w.to_json() for w in report.waived],
        "stale_waivers": [s.to_json() for s in report.stale_waivers],
        "design_posts": None if report.posts_detail is None else [p.to_json() for p in report.posts_detail],
        "proposals": [p.to_json() for p in report.proposals],
        "post_alignments": alignments_json(report),
    }


def render_json(report: Report, lang: str = "zh") -> str:
    """JSON (both languages are always present; ``lang`` is accepted for a uniform signature).

    One line per top-level key and one per finding, coverage row or summary: still readable and
    diffable, and written by json's C encoder (an indented dump goes through the pure-Python one,
    3 s for a chain's 5,000 findings).
    """
    doc = report_dict(report)
    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(key)}: [\n  {items}\n ]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


