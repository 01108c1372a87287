"""The TSV report: ROBOT's report table (level, rule, subject, property, value) plus scope and pattern,
for diffs and grep.
"""

from __future__ import annotations

from retailkg.report.waived import tsv_waived
from retailkg.validation.findings import Report

# ---------------------------------------------------------------------------------------------
# TSV (ROBOT report)
# ---------------------------------------------------------------------------------------------


def _cell(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ")


def render_tsv(report: Report, lang: str = "zh") -> str:
    """ROBOT's report columns (level, rule, subject, property, value), then scope, pattern and review; one row
    per focus node, never grouped: the TSV is for diffs and grep, where every store's row must show.

    ``scope`` is the id of the store or region unit (empty at organisation level), ``pattern`` the
    finding's pattern key (empty when unique), so ``cut -f7 | sort | uniq -c`` counts repeats;
    ``review`` is ``to review`` when the finding rests on a match a consultant should confirm.
    Waived findings follow, with level ``WAIVED`` and the waiver in the review column.
    """
    rows = [("level", "rule", "subject", "property", "value", "scope", "pattern", "review")]
    short = {}
    for f in [*report.findings, *(w.finding for w in report.waived)]:
        for p in f.posts:
            short[p.iri] = p.id
        for r in (f.function, f.metric, f.department, f.organisation):
            if r is not None:
                short[r.iri] = r.id
    body = []
    for f in report.findings:
        value = short.get(f.value, f.value)
        scope = f.scope.id if f.scope else ""
        for focus in f.focus:
            review = "to review" if f.to_review else ""
            body.append((f.severity.robot_level, f.rule, short.get(focus, focus), f.path, value, scope, f.pattern, review))
    order = {"ERROR": 0, "WARN": 1, "INFO": 2}
    body.sort(key=lambda r: (order[r[0]], r[1], r[2], r[4]))
    rows += body
    rows += [(lvl, rule, short.get(s, s), path, short.get(v, v), scope, pattern, review)
             for lvl, rule, s, path, v, scope, pattern, review in tsv_waived(report)]
    return "".join("\t".join(_cell(c) for c in r) + "\n" for r in rows)


