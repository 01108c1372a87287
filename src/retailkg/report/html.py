"""The HTML report: one self-contained page (inline CSS, no script, no network) to read on screen or
print for the client; Chinese first with English beside it (``--lang en`` swaps them).

It opens with the executive summary (headline numbers, the five most important findings, the
coverage per area as an inline SVG bar chart). Every text of a design is escaped (``html.escape``)
wherever it goes, attributes and the SVG included; identifiers (``rkgsh:``, ``fn:``, finding ids)
stand on each finding's details line.
"""

from __future__ import annotations

import html

from retailkg.report.common import (
    HTML_PAGE,
    by_organisation,
    coverage_cell,
    group_findings,
    kind_name,
    matrix_columns,
    number,
    org_line,
    other_lang,
    percent,
    post_label,
    repeat_label,
    scope_name,
    separator,
    severity_name,
    status_name,
    word,
)
from retailkg.report.proposals import html_proposals
from retailkg.report.raci import html_raci
from retailkg.report.summary import ExecutiveSummary, OrgHeadline, executive_summary
from retailkg.report.waived import corrected_note, html_waived
from retailkg.validation.findings import AreaCoverage, CoverageMatrix, Finding, Kind, Ref, Report, Severity

# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_CSS = """
:root { --ink:#1d2327; --muted:#5f6b73; --line:#d9dee2; --viol:#b3261e; --warn:#9a6700; --info:#2f6f9f;
        --lead:#1f6f43; --sup:#8a6d1d; --gap:#b3261e; --bg:#f6f7f8; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",
       system-ui,-apple-system,"Segoe UI",sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px;
       padding: 24px; line-height: 1.55; font-size: 15px; }
h1 { font-size: 1.6em; margin: 0 0 .2em; } h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1em; margin-top: 1.4em; } .alt { color: var(--muted); font-weight: normal; font-size: .85em; margin-left: .4em; }
.meta { color: var(--muted); font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .92em; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 4px; padding: 10px 14px;
           margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.finding.violation { border-left-color: var(--viol); } .finding.warning { border-left-color: var(--warn); }
.finding.info { border-left-color: var(--info); }
.finding h4 { margin: 0 0 .3em; font-size: 1em; } .finding .msg-alt { color: var(--muted); font-size: .88em; margin: 0 0 .4em; }
.badge { display: inline-block; font-size: .78em; padding: 1px 7px; border-radius: 10px; margin-right: 6px; color: #fff;
         vertical-align: 1px; } .badge.violation { background: var(--viol); } .badge.warning { background: var(--warn); }
.badge.info { background: var(--info); } .badge.kind { background: #56616a; }
.rule { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size: .8em; color: var(--muted); }
dl { margin: .2em 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
dt { color: var(--muted); } dd { margin: 0; }
ul.ev { margin: .2em 0; padding-left: 1.2em; } ul.ev li { margin: .15em 0; } .src { color: var(--muted); font-size: .88em; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; } .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px;
         min-width: 140px; } .card b { display: block; font-size: 1.5em; }
table.matrix td, table.matrix th { padding: 2px 4px; font-size: .85em; text-align: center; }
table.matrix td.fn, table.matrix th.fn { text-align: left; white-space: nowrap; }
table.matrix th.post { writing-mode: vertical-rl; text-orientation: mixed; white-space: nowrap; max-height: 12em; }
td.lead { color: var(--lead); font-weight: bold; } td.support { color: var(--sup); }
tr.gap td.fn { color: var(--gap); } tr.gap td.st { color: var(--gap); font-weight: bold; } tr.excluded td { color: var(--muted); }
tr.outside td.fn, tr.outside td.st { color: var(--muted); }
.badge.count { background: #3d4a8a; } .badge.review { background: #b8860b; } .orgline { margin-top: 0; }
details.more { margin: 10px 0; } details.more > summary, details.scopes > summary { cursor: pointer; color: var(--muted); }
ul.scopes { columns: 11em; margin: .3em 0; padding-left: 1.2em; font-size: .88em; } .wide { overflow-x: auto; }
section.exec { border: 1px solid var(--line); border-radius: 6px; padding: 4px 18px 12px; margin: 1em 0; background: #fcfcfd; }
.headline { font-size: 1.05em; margin: .6em 0 .2em; } .scope { margin: .2em 0; color: var(--muted); font-size: .92em; }
ol.top li { margin: .25em 0; } ol.top a { color: inherit; } svg.areas { max-width: 100%; height: auto; }
svg.areas text { font-size: 12px; fill: var(--ink); } svg.areas text.out { fill: var(--muted); }
.details { color: var(--muted); font-size: .8em; margin: .3em 0 0; font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.key { display: inline-block; width: .9em; height: .9em; vertical-align: -1px; margin: 0 4px 0 10px; border-radius: 2px; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } h2 { break-after: avoid; }
  .finding { border-left-width: 4px; } a { color: inherit; text-decoration: none; } }
"""


def _h(s: str) -> str:
    return html.escape(s, quote=True)


def _pair(primary: str, secondary: str) -> str:
    """Primary text, and the other language in muted type when it differs."""
    if secondary and secondary != primary:
        return f"{_h(primary)}<span class=\"alt\">{_h(secondary)}</span>"
    return _h(primary)


def _ref_html(r: Ref, lang: str) -> str:
    return _pair(r.name(lang), r.name(other_lang(lang)))


def render_html(report: Report, lang: str = "zh") -> str:
    """One self-contained, printable HTML page (no script, no external resources)."""
    o2 = other_lang(lang)
    by_kind, by_sev = report.counts()
    parts = [
        "<!DOCTYPE html>",
        f"<html lang=\"{'zh-CN' if lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>{_h(word('title', lang))} — {_h(report.source)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_pair(word('title', lang), word('title', o2))}</h1>",
        f"<p class=\"meta\">{_h(word('source', lang))}: <code>{_h(report.source)}</code> · {_h(word('baseline', lang))}: "
        f"{_h(report.baseline.name(lang) if report.baseline else '—')} · {_h(report.generated_by)}</p>",
        *_html_executive(executive_summary(report), report, lang),
        f"<h2 id=\"summary\">{_pair(word('organisations', lang), word('organisations', o2))}</h2>",
        "<div class=\"cards\">",
        f"<div class=\"card\"><b>{report.posts}</b>{_h(word('posts', lang))}</div>",
        f"<div class=\"card\"><b>{report.duties}</b>{_h(word('duties', lang))}</div>",
    ]
    for s in Severity:
        badge = f"<span class=\"badge {s.value}\">{_h(severity_name(s, lang))}</span>"
        parts.append(f"<div class=\"card\"><b>{by_sev[s.value]}</b>{badge}</div>")
    for k in Kind:
        parts.append(f"<div class=\"card\"><b>{by_kind[k.value]}</b>{_pair(kind_name(k, lang), kind_name(k, o2))}</div>")
    if report.to_review:
        parts.append(f"<div class=\"card review\"><b>{report.to_review}</b>{_pair(word('to_review', lang), word('to_review', o2))}</div>")
    if report.duties_to_review:
        parts.append(f"<div class=\"card review\"><b>{report.duties_to_review}</b>"
                     f"{_pair(word('duties_to_review', lang), word('duties_to_review', o2))}</div>")
    parts.append("</div>")
    head = [word("organisation", lang), word("posts", lang), word("duties", lang), word("covered", lang)]
    head += [kind_name(k, lang) for k in Kind] + [severity_name(s, lang) for s in Severity]
    parts.append("<table class=\"summary\"><thead><tr>" + "".join(f"<th>{_h(x)}</th>" for x in head) + "</tr></thead><tbody>")
    for o in report.organisations:
        share = f"{o.covered_lead + o.covered_support_only}/{o.baseline_functions - o.excluded} ({percent(o.share_covered)})"
        ref = f" <span class=\"alt\">{_h(word('reference', lang))}</span>" if o.reference else ""
        cells = [str(o.posts), str(o.duties), share]
        cells += [str(o.by_kind.get(k.value, 0)) for k in Kind] + [str(o.by_severity.get(s.value, 0)) for s in Severity]
        tds = "".join(f"<td class=\"n\">{_h(c)}</td>" for c in cells)
        parts.append(f"<tr><td>{_ref_html(o.organisation, lang)}{ref}</td>{tds}</tr>")
    parts.append("</tbody></table>")
    parts.append(f"<h2 id=\"findings\">{_pair(word('findings', lang), word('findings', o2))}</h2>")
    if not report.findings:
        parts.append(f"<p>{_pair(word('none', lang), word('none', o2))}</p>")
    for o, fs, _cov in by_organisation(report):
        if not fs:
            continue
        groups = group_findings(fs)
        parts.append(f"<h3>{_ref_html(o.organisation, lang)}</h3>")
        parts.append(f"<p class=\"meta orgline\">{_h(org_line(fs, groups, lang))}</p>")
        parts += _html_paged([_html_finding(g[0], lang, g) for g in groups], lang)
    parts.append(html_proposals(report, lang))
    if report.waived or report.stale_waivers:
        parts.append(html_waived(report, lang))
    for o, _fs, cov in by_organisation(report):
        if cov is None or not cov.posts:
            continue
        parts.append(f"<h2>{_pair(word('coverage', lang), word('coverage', o2))}: {_ref_html(o.organisation, lang)}</h2>")
        parts.append(f"<p class=\"meta\">{_h(word('legend', lang))}</p>")
        parts.append(_html_matrix(cov, lang))
    parts.append(html_raci(report, lang))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_paged(items: list[str], lang: str) -> list[str]:
    """The first :data:`HTML_PAGE` items open, the rest in collapsed blocks of that size.

    ``<details>`` rather than a paging script: the page stays script-free and self-contained, a
    browser skips layout of closed blocks, and following a finding's ``#id`` link opens its block.
    """
    out = items[:HTML_PAGE]
    total = len(items)
    for start in range(HTML_PAGE, total, HTML_PAGE):
        chunk = items[start:start + HTML_PAGE]
        lo, hi = start + 1, start + len(chunk)
        zh, en = f"第 {number(lo)}–{number(hi)} 条（共 {number(total)} 条）", f"{number(lo)}–{number(hi)} of {number(total)}"
        label = zh if lang == "zh" else en
        out.append(f"<details class=\"more\"><summary>{_h(label)}</summary>{''.join(chunk)}</details>")
    return out


def _html_scopes(members: list[Finding], lang: str) -> str:
    """The stores of a group, collapsed; each store carries its finding's id so links to it still work
    (the first member's id is the card's own)."""
    items = "".join(
        f"<li>{_h(scope_name(m, lang))}</li>" if k == 0 else f"<li id=\"{m.id}\">{_h(scope_name(m, lang))}</li>"
        for k, m in enumerate(members)
    )
    first = separator(lang).join(_h(scope_name(m, lang)) for m in members[:3])
    every = f"全部 {number(len(members))} 个" if lang == "zh" else f"all {number(len(members))}"
    return (f"<details class=\"scopes\"><summary>{first} … {every}</summary>"
            f"<ul class=\"scopes\">{items}</ul></details>")


def _html_finding(f: Finding, lang: str, group: list[Finding] | None = None) -> str:
    """One finding card; for a group (``f`` is its first member) the count badge and the store list."""
    o2 = other_lang(lang)
    members = group if group is not None and len(group) > 1 else []
    rows = []
    if members:
        rows.append((word("scopes", lang), _html_scopes(members, lang)))
    if f.posts:
        rows.append((word("posts", lang), separator(lang).join(_h(post_label(p, lang)) for p in f.posts)))
    ids = [f.rule]
    for label, ref in (("function", f.function), ("metric", f.metric), ("unit", f.department), ("area", f.area)):
        if ref is not None:
            rows.append((word(label, lang), _ref_html(ref, lang)))
            ids.append(ref.id)
    if f.functions:
        rows.append((word("functions_outside", lang), separator(lang).join(_h(r.name(lang)) for r in f.functions)))
    own = [e for e in f.evidence if e.role != "baseline"]
    if own:
        items = []
        for e in own:
            extra = ""
            if e.score is not None:
                extra = f"; {_h(word('score', lang))} {e.score:.2f}" + (f" ({_h(word('to_review', lang))})" if e.to_review else "")
                if e.matched_source:
                    extra += f", {_h(word('via', lang))} {_h(e.matched_source)}"
                if e.examples:
                    extra += f", {_h(word('example', lang))} 「{_h(e.examples[0][0])}」"  # no link: the page loads nothing
            if e.corrected:
                extra += f"; {_h(corrected_note(e.corrected, lang))}"
            alt = e.text(o2)
            alt_html = f"<br><span class=\"alt\">{_h(alt)}</span>" if alt and alt != e.text(lang) else ""
            items.append(f"<li><b>{_h(e.post.name(lang))}</b>: 「{_h(e.text(lang) or '—')}」 "
                         f"<span class=\"src\">{_h(e.source)}{extra}</span>{alt_html}</li>")
        rows.append((word("evidence", lang), "<ul class=\"ev\">" + "".join(items) + "</ul>"))
    if f.standard_posts:
        items = [f"<li><span class=\"src\">{_h(e.source)}</span> 「{_h(e.text(lang))}」</li>" for e in f.evidence if e.role == "baseline"]
        names = separator(lang).join(_h(p.name(lang)) for p in f.standard_posts)
        rows.append((word("standard_posts", lang), names + "<ul class=\"ev\">" + "".join(items) + "</ul>"))
    if f.candidates:
        rows.append((word("candidates", lang), separator(lang).join(f"{_h(r.name(lang))} ({s:.2f})" for r, s in f.candidates)))
    dl = "".join(f"<dt>{_h(k)}</dt><dd>{v}</dd>" for k, v in rows)
    classes, extra, count = f"finding {f.severity.value}", "", ""
    if members:
        classes += " repeated"
        extra = f" data-pattern=\"{_h(f.pattern)}\" data-count=\"{len(members)}\""
        count = f"<span class=\"badge count\">{_h(repeat_label(len(members), lang))}</span>"
    review = f"<span class=\"badge review\">⚑ {_h(word('to_review', lang))}</span>" if f.to_review else ""
    if f.to_review:
        extra += " data-review=\"1\""
    return (
        f"<div class=\"{classes}\" id=\"{f.id}\" data-rule=\"{_h(f.rule)}\" data-kind=\"{f.kind.value}\"{extra}>"
        f"<h4><span class=\"badge {f.severity.value}\">{_h(severity_name(f.severity, lang))}</span>"
        f"<span class=\"badge kind\">{_h(kind_name(f.kind, lang))}</span>{count}{review}{_h(f.message(lang))}</h4>"
        f"<p class=\"msg-alt\">{_h(f.message(o2))}</p>"
        f"<dl>{dl}</dl><p class=\"details\">{_h(word('details', lang))}: {' · '.join(_h(x) for x in [*ids, f.id])}</p></div>"
    )


# ---------------------------------------------------------------------------------------------
# The executive summary
# ---------------------------------------------------------------------------------------------

_BAR_COLOURS = (("lead", "#1f6f43"), ("support", "#d4a72c"), ("gap", "#b3261e"), ("outside", "#c3c9ce"), ("excluded", "#eceff1"))


def _html_executive(summary: ExecutiveSummary, report: Report, lang: str) -> list[str]:
    o2 = other_lang(lang)
    parts = ["<section class=\"exec\">", f"<h2 id=\"executive\">{_pair(word('executive', lang), word('executive', o2))}</h2>"]
    several = len(summary.organisations) > 1
    for h in summary.organisations:
        parts += _html_headline(h, lang)
    parts.append(f"<h3>{_pair(word('top', lang), word('top', o2))}</h3>")
    if not summary.top:
        parts.append(f"<p>{_pair(word('none', lang), word('none', o2))}</p>")
    else:
        items = []
        for k in summary.top:
            f = k.finding
            org = f"{_h(f.organisation.name(lang))}: " if several and f.organisation else ""
            review = f" <span class=\"badge review\">⚑ {_h(word('to_review', lang))}</span>" if f.to_review else ""
            items.append(f"<li class=\"{f.severity.value}\"><a href=\"#{f.id}\">{org}{_h(k.line(lang))}</a>{review}</li>")
        parts.append("<ol class=\"top\">" + "".join(items) + "</ol>")
    for h in summary.organisations:
        if not h.chart:
            continue
        name = f": {_ref_html(h.organisation, lang)}" if several else ""
        parts.append(f"<h3>{_pair(word('area_coverage', lang), word('area_coverage', o2))}{name}</h3>")
        parts.append(_area_legend(lang))
        parts.append(area_chart(h.chart, lang))
    parts.append("</section>")
    return parts


def _html_headline(h: OrgHeadline, lang: str) -> list[str]:
    o = h.summary
    o2 = other_lang(lang)
    size = (f"{number(o.posts)} 个岗位 · {number(o.duties)} 条职责" if lang == "zh"
            else f"{number(o.posts)} posts · {number(o.duties)} duties")
    covered = f"{_h(word('in_scope_covered', lang))} <b>{o.covered_in_scope}/{o.in_scope}</b> ({percent(o.share_in_scope)})"
    badges = "".join(f" <span class=\"badge {s.value}\">{_h(severity_name(s, lang))} {n}</span>" for s, n in
                     ((Severity.VIOLATION, h.violations), (Severity.WARNING, h.warnings), (Severity.INFO, h.infos)))
    ref = f" <span class=\"alt\">{_h(word('reference', lang))}</span>" if o.reference else ""
    parts = [f"<p class=\"headline\"><b>{_ref_html(h.organisation, lang)}</b>{ref} — {_h(size)} · {covered}{badges}</p>"]
    scope_key = "scope_declared" if h.scope_declared else "scope_inferred"
    rows = [(scope_key, h.scope_areas)]
    if h.excluded_areas:
        rows.append(("excluded_areas", h.excluded_areas))
    if h.outside_areas:
        rows.append(("outside_areas", h.outside_areas))
    for key, refs in rows:
        names = separator(lang).join(_h(r.name(lang)) for r in refs) or "—"
        parts.append(f"<p class=\"scope\" data-scope=\"{key}\">{_pair(word(key, lang), word(key, o2))}: {names}</p>")
    return parts


def _area_legend(lang: str) -> str:
    keys = "".join(f"<span class=\"key\" style=\"background:{colour}\"></span>{_h(status_name(status, lang))}"
                   for status, colour in _BAR_COLOURS)
    return f"<p class=\"meta\">{keys}</p>"


def area_chart(areas: list[AreaCoverage], lang: str) -> str:
    """Coverage per area as an inline SVG: one bar per area, one segment per status (led, only supported,
    gap, outside the scope, excluded), a unit per baseline function, so longer bars are larger areas.
    Each segment's hover text says what it counts; every label is escaped."""
    row, label_w, bar_w, gap = 22, 200, 380, 6
    most = max((a.baseline for a in areas), default=0) or 1
    unit = bar_w / most
    height = row * len(areas) + 4
    width = label_w + bar_w + 70
    title = "各职能领域的覆盖" if lang == "zh" else "Coverage per area"
    out = [f"<svg class=\"areas\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" "
           f"viewBox=\"0 0 {width} {height}\"><title>{_h(title)}</title>"]
    for i, a in enumerate(areas):
        y = i * row + 2
        out_of_scope = a.in_scope == "none"
        name = f"{a.notation} {a.area.name(lang)}" + (f"（{word('outside', lang)}）" if out_of_scope and lang == "zh"
                                                      else (f" ({word('outside', lang)})" if out_of_scope else ""))
        cls = " class=\"out\"" if out_of_scope else ""
        out.append(f"<text x=\"0\" y=\"{y + 14}\"{cls}>{_h(name)}</text>")
        x = float(label_w)
        for status, colour in _BAR_COLOURS:
            n = getattr(a, status)
            if not n:
                continue
            w = n * unit
            tip = f"{a.area.name(lang)}: {status_name(status, lang)} {n}"
            out.append(f"<rect x=\"{x:.1f}\" y=\"{y + 2}\" width=\"{max(w - 1, 1):.1f}\" height=\"{row - gap}\" fill=\"{colour}\">"
                       f"<title>{_h(tip)}</title></rect>")
            x += w
        if a.baseline:
            led = a.lead + a.support
            out.append(f"<text x=\"{x + 6:.1f}\" y=\"{y + 14}\">{led}/{a.baseline - a.excluded}</text>")
    out.append("</svg>")
    return "".join(out)


def _html_matrix(cov: CoverageMatrix, lang: str) -> str:
    """The matrix, with grouped columns for a large organisation (:func:`matrix_columns`); a grouped
    cell's hover text says how many of the column's posts lead or support the function."""
    columns = matrix_columns(cov)
    head = (f"<tr><th class=\"fn\">{_h(word('function', lang))}</th><th>{_h(word('status', lang))}</th>"
            + "".join(f"<th class=\"post\" data-posts=\"{len(c.posts)}\" title=\"{_h(c.title(lang))}\">{_h(c.label(lang))}</th>"
                      for c in columns) + "</tr>")
    body = []
    for r in cov.rows:
        tds = []
        for col in columns:
            c, k = col.cell(r.cells)
            if not c:
                tds.append("<td>—</td>" if r.excluded else "<td></td>")
            elif len(col.posts) > 1:
                tds.append(f"<td class=\"{c}\" title=\"{number(k)}/{number(len(col.posts))}\">{coverage_cell(c)}</td>")
            else:
                tds.append(f"<td class=\"{c}\">{coverage_cell(c)}</td>")
        body.append(f"<tr class=\"{r.status}\"><td class=\"fn\">{_h(r.notation)} {_ref_html(r.function, lang)}</td>"
                    f"<td class=\"st\">{_h(status_name(r.status, lang))}</td>{''.join(tds)}</tr>")
    return f"<div class=\"wide\"><table class=\"matrix\"><thead>{head}</thead><tbody>{''.join(body)}</tbody></table></div>"


