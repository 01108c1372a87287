"""The waived findings and stale waivers, as the text formats list them apart from the findings.

One module for Markdown, HTML and TSV, so the three say the same thing; each format's module calls
it once, after its findings (the Excel report has its own Waived sheet, JSON its ``waived`` and
``stale_waivers`` fields, Turtle gives a waived finding its ``rkgv:waiver``).
"""

from __future__ import annotations

import html

from retailkg.report.common import both_words, word
from retailkg.validation.findings import Report, StaleWaiver

__all__ = ["WORDS", "corrected_note", "html_waived", "markdown_waived", "stale_note", "tsv_waived"]

WORDS = {
    "waived": ("已豁免的结果", "Waived findings"),
    "waived_intro": ("客户已决定接受以下结果：不计入摘要，也不影响 --fail-on 的退出码。",
                     "The client has decided to accept these findings: they are not counted in the summary and never fail --fail-on."),
    "stale": ("失效的豁免", "Stale waivers"),
    "absent": ("结果已不存在", "the finding no longer exists"),
    "expired": ("已过期，结果重新计入", "expired: the finding counts again"),
    "closest": ("最接近", "closest"),
    "reason": ("原因", "reason"),
    "by": ("决定人", "by"),
    "until": ("有效期至", "until"),
    "corrected": ("复核更正", "corrected by reviewer"),
}


def _w(key: str, lang: str) -> str:
    return word(key, lang, WORDS)


def _both(key: str, lang: str) -> str:
    return both_words(key, lang, WORDS)


def corrected_note(cell: str, lang: str) -> str:
    """The note on a duty whose functions a reviewer set: ``复核更正 (report.xlsx:Mapping review!7)``."""
    return f"{_w('corrected', lang)} ({cell})" if cell else ""


def stale_note(s: StaleWaiver, lang: str) -> str:
    note = _w(s.why, lang)
    if s.closest:
        note += f" ({_w('closest', lang)}: {', '.join(s.closest)})"
    return note


def _waiver_line(w_reason: str, w_by: str, w_date: str, w_expires: str, lang: str) -> str:
    until = f", {_w('until', lang)} {w_expires}" if w_expires else ""
    return f"{_w('reason', lang)}: {w_reason} — {_w('by', lang)} {w_by}, {w_date}{until}"


def markdown_waived(report: Report, lang: str) -> list[str]:
    """The Markdown sections (nothing when no waiver was given)."""
    out: list[str] = []
    if report.waived:
        out += [f"## {_both('waived', lang)}", "", _w("waived_intro", lang), ""]
        for i, wf in enumerate(report.waived, start=1):
            f, w = wf.finding, wf.waiver
            msg = f.message(lang).replace("|", "\\|").replace("\n", " ")
            out.append(f"{i}. {msg} `{f.rule}` `{f.id}`")
            out.append(f"   - {_waiver_line(w.reason, w.by, w.date, w.expires, lang)} ({w.source})")
        out.append("")
    if report.stale_waivers:
        out += [f"## {_both('stale', lang)}", ""]
        for s in report.stale_waivers:
            out.append(f"- `{s.waiver.finding}`: {stale_note(s, lang)} — {s.waiver.reason} ({s.waiver.source})")
        out.append("")
    return out


def html_waived(report: Report, lang: str) -> str:
    """The HTML sections (empty when no waiver was given)."""
    h = html.escape
    parts = []
    if report.waived:
        parts.append(f"<h2 id=\"waived\">{h(_both('waived', lang))}</h2><p class=\"meta\">{h(_w('waived_intro', lang))}</p><ol>")
        for wf in report.waived:
            f, w = wf.finding, wf.waiver
            parts.append(f"<li id=\"{h(f.id)}\">{h(f.message(lang))} <span class=\"rule\">{h(f.rule)} {h(f.id)}</span><br>"
                         f"<span class=\"meta\">{h(_waiver_line(w.reason, w.by, w.date, w.expires, lang))} ({h(w.source)})</span></li>")
        parts.append("</ol>")
    if report.stale_waivers:
        parts.append(f"<h2 id=\"stale-waivers\">{h(_both('stale', lang))}</h2><ul>")
        for s in report.stale_waivers:
            parts.append(f"<li><code>{h(s.waiver.finding)}</code>: {h(stale_note(s, lang))} — {h(s.waiver.reason)} "
                         f"<span class=\"meta\">({h(s.waiver.source)})</span></li>")
        parts.append("</ul>")
    return "\n".join(parts)


def tsv_waived(report: Report) -> list[tuple[str, str, str, str, str, str, str, str]]:
    """TSV rows for the waived findings: level ``WAIVED``, one row per focus node as for findings, the
    waiver's reason in the review column; they follow the findings' rows."""
    rows = []
    for wf in report.waived:
        f = wf.finding
        for focus in f.focus:
            rows.append(("WAIVED", f.rule, focus, f.path, f.value, f.scope.id if f.scope else "", f.pattern,
                         f"waived: {wf.waiver.reason} ({wf.waiver.by}, {wf.waiver.date})"))
    return rows
