"""The Markdown report: for pasting into an issue, an e-mail or a consultant's notes.

Every name and text of a design is the client's text, never markup: it goes through
:func:`~retailkg.report.common.md_text` (a post called ``<script>`` or ``a|b`` stays text in every
renderer, and a line break in a name cannot end a table row). Identifiers (``rkgsh:``, ``fn:``,
finding ids) stand on a finding's details line, apart from the text a client reads.
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
    md_code,
    md_text,
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
from retailkg.report.proposals import markdown_proposals
from retailkg.report.summary import ExecutiveSummary, OrgHeadline, executive_summary
from retailkg.report.waived import corrected_note, markdown_waived
from retailkg.validation.findings import AreaCoverage, Finding, Kind, Ref, Report, Severity

# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def render_markdown(report: Report, lang: str = "zh") -> str:
    """Markdown for pasting: the executive summary, the organisations' numbers, the findings by organisation
    and severity (most important first), and the coverage tables."""
    out = [f"# {both_words('title', lang)}", ""]
    base = report.baseline.name(lang) if report.baseline else "—"
    out.append(f"{word('source', lang)}: {md_code(report.source)} · {word('baseline', lang)}: {md_text(base)} · "
               f"{md_text(report.generated_by)}")
    out += ["", f"## {both_words('executive', lang)}", ""]
    out += _md_executive(executive_summary(report), report, lang)
    out += [f"## {both_words('organisations', lang)}", ""]
    kinds = [k for k in Kind]
    sevs = [s for s in Severity]
    header = [word("organisation", lang), word("posts", lang), word("duties", lang), word("covered", lang)]
    header += [kind_name(k, lang) for k in kinds] + [severity_name(s, lang) for s in sevs]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for o in report.organisations:
        share = f"{o.covered_lead + o.covered_support_only}/{o.baseline_functions - o.excluded} ({percent(o.share_covered)})"
        name = md_text(o.organisation.name(lang)) + (f" *({word('reference', lang)})*" if o.reference else "")
        row = [name, str(o.posts), str(o.duties), share]
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
        out += [f"### {md_text(o.organisation.name(lang))}", "", org_line(fs, groups, lang), ""]
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
    out += markdown_proposals(report, lang)
    out += markdown_waived(report, lang)
    for o, _fs, cov in by_organisation(report):
        if cov is None or not cov.posts:
            continue
        out += [f"## {both_words('coverage', lang)}: {md_text(o.organisation.name(lang))}", "", word("legend", lang), ""]
        columns = matrix_columns(cov)
        head = [word("function", lang), word("status", lang)] + [md_text(c.label(lang)) for c in columns]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for r in cov.rows:
            cells = [coverage_cell(cell) or ("—" if r.excluded else "") for cell, _k in (c.cell(r.cells) for c in columns)]
            out.append("| " + " | ".join([f"{r.notation} {md_text(r.function.name(lang))}", status_name(r.status, lang), *cells]) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# The executive summary
# ---------------------------------------------------------------------------------------------


def area_bar(a: AreaCoverage) -> str:
    """One character per baseline function of the area: █ led, ▒ only supported, ░ gap, · outside the
    scope, - excluded (a picture that survives plain text, e-mail and a terminal)."""
    return "█" * a.lead + "▒" * a.support + "░" * a.gap + "·" * a.outside + "-" * a.excluded


def _names(refs: list[Ref], lang: str) -> str:
    return separator(lang).join(md_text(r.name(lang)) for r in refs) or "—"


def _md_headline(h: OrgHeadline, lang: str) -> list[str]:
    o = h.summary
    if lang == "zh":
        size = f"{number(o.posts)} 个岗位 · {number(o.duties)} 条职责"
    else:
        size = f"{number(o.posts)} posts · {number(o.duties)} duties"
    covered = f"{word('in_scope_covered', lang)} {o.covered_in_scope}/{o.in_scope} ({percent(o.share_in_scope)})"
    counts = " · ".join(f"{severity_name(s, lang)} {n}" for s, n in
                        ((Severity.VIOLATION, h.violations), (Severity.WARNING, h.warnings), (Severity.INFO, h.infos)))
    ref = f" *({word('reference', lang)})*" if o.reference else ""
    lines = [f"**{md_text(h.organisation.name(lang))}**{ref} — {size} · {covered} · {counts}", ""]
    lines.append(f"- {word('scope_declared' if h.scope_declared else 'scope_inferred', lang)}: {_names(h.scope_areas, lang)}")
    if h.excluded_areas:
        lines.append(f"- {word('excluded_areas', lang)}: {_names(h.excluded_areas, lang)}")
    if h.outside_areas:
        lines.append(f"- {word('outside_areas', lang)}: {_names(h.outside_areas, lang)}")
    return [*lines, ""]


def _md_executive(summary: ExecutiveSummary, report: Report, lang: str) -> list[str]:
    out: list[str] = []
    for h in summary.organisations:
        out += _md_headline(h, lang)
    out += [f"### {both_words('top', lang)}", ""]
    if not summary.top:
        out += [word("none", lang), ""]
    several = len(report.organisations) > 1
    for i, k in enumerate(summary.top, start=1):
        org = f"{md_text(k.finding.organisation.name(lang))}: " if several and k.finding.organisation else ""
        review = f" ⚑ {word('to_review', lang)}" if k.finding.to_review else ""
        out.append(f"{i}. {org}{md_text(k.line(lang))}{review}")
    out.append("")
    for h in summary.organisations:
        if not h.chart:
            continue
        title = both_words("area_coverage", lang) + (f": {md_text(h.organisation.name(lang))}" if several else "")
        out += [f"### {title}", "", word("area_legend", lang), ""]
        head = [word("area", lang), "", word("lead", lang), word("support", lang), word("gap", lang), word("outside", lang),
                word("excluded", lang)]
        out.append("| " + " | ".join(head) + " |")
        out.append("|---|---|--:|--:|--:|--:|--:|")
        for a in h.chart:
            name = f"{a.notation} {md_text(a.area.name(lang))}"
            if a.in_scope == "none":
                name += f" *({word('outside', lang)})*"
            bar = md_code(area_bar(a)) if a.baseline else ""
            out.append(f"| {name} | {bar} | {a.lead} | {a.support} | {a.gap} | {a.outside} | {a.excluded} |")
        out.append("")
    return out


# ---------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------


def _md_finding(i: int, f: Finding, lang: str, group: list[Finding] | None = None) -> list[str]:
    """One numbered finding; for a group (``f`` is its first member) the count and the stores follow."""
    members = group if group is not None and len(group) > 1 else []
    count = f" {repeat_label(len(members), lang)}" if members else ""
    review = f" ⚑ **{word('to_review', lang)}**" if f.to_review else ""
    lines = [f"{i}. **[{kind_name(f.kind, lang)}] {md_text(f.message(lang))}**{review}{count}"]
    if members:
        # Each listed store with its finding's id, so an id from the JSON or TSV can be found here.
        shown = separator(lang).join(f"{md_text(scope_name(m, lang))} {md_code(m.id)}" for m in members[:MD_SCOPES])
        rest = len(members) - MD_SCOPES
        if rest > 0:
            shown += f" … 及另外 {number(rest)} 个" if lang == "zh" else f" … and {number(rest)} more"
        lines.append(f"   - {word('scopes', lang)}: {shown}")
    if f.posts:
        lines.append(f"   - {word('posts', lang)}: " + separator(lang).join(md_text(post_label(p, lang)) for p in f.posts))
    ids = [f.rule]
    for label, ref in (("function", f.function), ("metric", f.metric), ("unit", f.department), ("area", f.area)):
        if ref is not None:
            lines.append(f"   - {word(label, lang)}: {md_text(ref.name(lang))}")
            ids.append(ref.id)
    if f.functions:
        lines.append(f"   - {word('functions_outside', lang)}: " + separator(lang).join(md_text(r.name(lang)) for r in f.functions))
    own = [e for e in f.evidence if e.role != "baseline"]
    if own:
        lines.append(f"   - {word('evidence', lang)}:")
        for e in own:
            text = md_text(e.text(lang)) or "—"
            extra = ""
            if e.score is not None:
                extra = f"; {word('score', lang)} {e.score:.2f}" + (f" ({word('to_review', lang)})" if e.to_review else "")
                if e.matched_source:
                    extra += f", {word('via', lang)} {md_text(e.matched_source)}"
                if e.examples:
                    extra += f", {word('example', lang)} 「{md_text(e.examples[0][0])}」"
            if e.corrected:
                extra += f"; {md_text(corrected_note(e.corrected, lang))}"
            lines.append(f"     - {md_text(e.post.name(lang))}: 「{text}」 — {md_text(e.source)}{extra}")
    if f.standard_posts:
        names = separator(lang).join(md_text(p.name(lang)) for p in f.standard_posts)
        lines.append(f"   - {word('standard_posts', lang)}: {names}")
        for e in (e for e in f.evidence if e.role == "baseline"):
            lines.append(f"     - {md_text(e.source)}: 「{md_text(e.text(lang))}」")
    if f.candidates:
        candidates = separator(lang).join(f"{md_text(r.name(lang))} ({s:.2f})" for r, s in f.candidates)
        lines.append(f"   - {word('candidates', lang)}: {candidates}")
    ids.append(f.id)
    lines.append(f"   - {word('details', lang)}: " + " · ".join(md_code(x) for x in ids))
    return [*lines, ""]
