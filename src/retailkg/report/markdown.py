"""The Markdown report: for pasting into an issue, an e-mail or a consultant's notes.
"""

from __future__ import annotations

from retailkg.report.common import (
    MD_SCOPES,
    both_words,
    by_organisation,
    coverage_cell,
    group_findings,
    kind_name,
    matrix_columns,
    number,
    org_line,
    percent,
    post_label,
    repeat_label,
    scope_name,
    separator,
    severity_name,
    status_name,
    word,
)
from retailkg.report.waived import corrected_note, markdown_waived
from retailkg.validation.findings import Finding, Kind, Report, Severity

# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, lang: str = "zh") -> str:
    """Markdown for pasting: summary table, findings by organisation and severity, coverage tables."""
    out = [f"# {both_words('title', lang)}", ""]
    base = report.baseline.name(lang) if report.baseline else "—"
    out.append(f"{word('source', lang)}: `{report.source}` · {word('baseline', lang)}: {base} · {report.generated_by}")
    out += ["", f"## {both_words('summary', lang)}", ""]
    kinds = [k for k in Kind]
    sevs = [s for s in Severity]
    header = [word("organisation", lang), word("posts", lang), word("duties", lang), word("covered", lang)]
    header += [kind_name(k, lang) for k in kinds] + [severity_name(s, lang) for s in sevs]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for o in report.organisations:
        share = f"{o.covered_lead + o.covered_support_only}/{o.baseline_functions - o.excluded} ({percent(o.share_covered)})"
        name = o.organisation.name(lang) + (f" *({word('reference', lang)})*" if o.reference else "")
        row = [_md_escape(name), str(o.posts), str(o.duties), share]
        row += [str(o.by_kind.get(k.value, 0)) for k in kinds] + [str(o.by_severity.get(s.value, 0)) for s in sevs]
        out.append("| " + " | ".join(row) + " |")
    by_kind, by_sev = report.counts()
    out += ["", " · ".join(f"{kind_name(k, lang)} {by_kind[k.value]}" for k in kinds) + " — "
            + " · ".join(f"{severity_name(s, lang)} {by_sev[s.value]}" for s in sevs)
            + (f" — ⚑ {word('to_review', lang)} {report.to_review}" if report.to_review else "")
            + (f" · {word('duties_to_review', lang)} {report.duties_to_review}" if report.duties_to_review else ""), ""]
    out += [f"## {both_words('findings', lang)}", ""]
    if not report.findings:
        out += [word("none", lang), ""]
    for o, fs, _cov in by_organisation(report):
        if not fs:
            continue
        groups = group_findings(fs)
        out += [f"### {o.organisation.name(lang)}", "", org_line(fs, groups, lang), ""]
        for sev in Severity:
            items = [g for g in groups if g[0].severity is sev]
            if not items:
                continue
            n = sum(len(g) for g in items)
            count = number(n)
            if n != len(items):
                count += f"，合并后 {number(len(items))}" if lang == "zh" else f"; {number(len(items))} distinct"
            out += [f"#### {severity_name(sev, lang)} ({count})", ""]
            for i, g in enumerate(items, start=1):
                out += _md_finding(i, g[0], lang, g)
    out += markdown_waived(report, lang)
    for o, _fs, cov in by_organisation(report):
        if cov is None or not cov.posts:
            continue
        out += [f"## {both_words('coverage', lang)}: {o.organisation.name(lang)}", "", word("legend", lang), ""]
        columns = matrix_columns(cov)
        head = [word("function", lang), word("status", lang)] + [_md_escape(c.label(lang)) for c in columns]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for r in cov.rows:
            cells = [coverage_cell(cell) or ("—" if r.excluded else "") for cell, _k in (c.cell(r.cells) for c in columns)]
            out.append("| " + " | ".join([f"{r.notation} {_md_escape(r.function.name(lang))}", status_name(r.status, lang), *cells]) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_finding(i: int, f: Finding, lang: str, group: list[Finding] | None = None) -> list[str]:
    """One numbered finding; for a group (``f`` is its first member) the count and the stores follow."""
    members = group if group is not None and len(group) > 1 else []
    count = f" {repeat_label(len(members), lang)}" if members else ""
    review = f" ⚑ **{word('to_review', lang)}**" if f.to_review else ""
    lines = [f"{i}. **[{kind_name(f.kind, lang)}] {_md_escape(f.message(lang))}**{review}{count} `{f.rule}` `{f.id}`"]
    if members:
        # Each listed store with its finding's id, so an id from the JSON or TSV can be found here.
        shown = separator(lang).join(f"{_md_escape(scope_name(m, lang))} `{m.id}`" for m in members[:MD_SCOPES])
        rest = len(members) - MD_SCOPES
        if rest > 0:
            shown += f" … 及另外 {number(rest)} 个" if lang == "zh" else f" … and {number(rest)} more"
        lines.append(f"   - {word('scopes', lang)}: {shown}")
    if f.posts:
        lines.append(f"   - {word('posts', lang)}: " + separator(lang).join(_md_escape(post_label(p, lang)) for p in f.posts))
    if f.function:
        lines.append(f"   - {word('function', lang)}: {_md_escape(f.function.name(lang))} (`{f.function.id}`)")
    if f.metric:
        lines.append(f"   - {word('metric', lang)}: {_md_escape(f.metric.name(lang))} (`{f.metric.id}`)")
    if f.department:
        lines.append(f"   - {word('unit', lang)}: {_md_escape(f.department.name(lang))} (`{f.department.id}`)")
    own = [e for e in f.evidence if e.role != "baseline"]
    if own:
        lines.append(f"   - {word('evidence', lang)}:")
        for e in own:
            text = _md_escape(e.text(lang)) or "—"
            extra = ""
            if e.score is not None:
                extra = f"; {word('score', lang)} {e.score:.2f}" + (f" ({word('to_review', lang)})" if e.to_review else "")
                if e.matched_source:
                    extra += f", {word('via', lang)} {e.matched_source}"
                if e.examples:
                    extra += f", {word('example', lang)} 「{_md_escape(e.examples[0][0])}」"
            if e.corrected:
                extra += f"; {corrected_note(e.corrected, lang)}"
            lines.append(f"     - {_md_escape(e.post.name(lang))}: 「{text}」 — {e.source}{extra}")
    if f.standard_posts:
        names = separator(lang).join(_md_escape(p.name(lang)) for p in f.standard_posts)
        lines.append(f"   - {word('standard_posts', lang)}: {names}")
        for e in (e for e in f.evidence if e.role == "baseline"):
            lines.append(f"     - {e.source}: 「{_md_escape(e.text(lang))}」")
    if f.candidates:
        candidates = separator(lang).join(f"{_md_escape(r.name(lang))} ({s:.2f})" for r, s in f.candidates)
        lines.append(f"   - {word('candidates', lang)}: {candidates}")
    return [*lines, ""]


