"""The proposals section of the reports: what to change for each overlap and gap, why, and how sure.

One module for Markdown and HTML (and the Excel report's Proposals sheet), so they say the same thing;
each format's module calls it once, after its findings. JSON has ``proposals`` and
``post_alignments`` (docs/report-schema.json). A proposal of a finding repeated in many stores is
shown once with the count, like the finding.
"""

from __future__ import annotations

import html
import json
from typing import Any

from retailkg.report.common import MD_SCOPES, both_words, md_code, md_text, word
from retailkg.validation.findings import Change, PostAlignment, Proposal, Report
from retailkg.validation.proposals import live_proposals

__all__ = ["PROPOSAL_COLUMNS", "WORDS", "alignments_json", "change_line", "grouped_proposals", "html_proposals", "markdown_proposals",
           "proposal_rows"]

WORDS = {
    "proposals": ("改进提议", "Proposals"),
    "intro": ("每条交叉与空白结果的提议：改什么、为什么、有多确定。提议不是决定：顾客的编制、人员与战略本报告并不知道。"
              "`retailkg org propose` 写出应用这些提议的目标设计。",
              "A proposal for each overlap and gap finding: what to change, why, and how sure. A proposal is not a "
              "decision: the client's headcount, people and strategy are not known to this report. `retailkg org propose` "
              "writes the to-be design with them applied."),
    "alignment": ("岗位对标：与标准岗位最接近", "Post alignment: the closest standard posts"),
    "post": ("岗位", "post"),
    "closest": ("最接近的标准岗位（得分：名称 / 职能）", "closest standard posts (score: title / functions)"),
    "confidence": ("确定度", "confidence"),
    "why": ("理由", "why"),
    "standard": ("标准依据", "the standard"),
    "change": ("修改", "change"),
    "via": ("由其他提议解决", "resolved by other proposals"),
    "none": ("不提议", "no proposal"),
    "finding": ("结果", "finding"),
    "add-duty": ("增加职责", "add duty"),
    "add-support": ("增加配合职责", "add supporting duty"),
    "support": ("改为配合", "support instead of lead"),
    "drop-metric": ("不再对指标负责", "no longer accountable"),
    "times": ("处", "findings"),
    "restructures": ("拆分或合并岗位（仅为提议，默认不应用）", "Split or merge posts (proposed, not applied unless chosen)"),
    "restructure_intro": ("不解决任何结果，是否采纳取决于人员与工作量：`retailkg org propose --only S…` 才会应用。",
                          "These resolve no finding; whether to take them depends on people and workload: `retailkg org "
                          "propose --only S…` applies one."),
    "restructure": ("拆分/合并", "restructure"),
    "split-off": ("拆出到新岗位", "split off to a new post"),
    "merge": ("合并入", "merge into"),
}


def _w(key: str, lang: str) -> str:
    return word(key, lang, WORDS)


def _both(key: str, lang: str) -> str:
    return both_words(key, lang, WORDS)


def grouped_proposals(report: Report) -> list[list[Proposal]]:
    """The proposals of the report's findings (not of waived ones), in the findings' order, those saying the same
    thing about the same rule (a finding repeated in stores) as one group."""
    groups: dict[tuple[str, str, str], list[Proposal]] = {}
    for p in live_proposals(report):
        groups.setdefault((p.rule, p.status, p.summary_en), []).append(p)
    return list(groups.values())


def alignments_json(report: Report) -> list[dict[str, Any]]:
    """``post_alignments`` of the JSON report: the posts with the same closest standard posts (a post replicated in
    every store) as one entry listing them, so a chain's report does not repeat the same matches 30,000 times."""
    groups: dict[str, dict[str, Any]] = {}
    # the proposer hands the posts of one signature the same match objects: their JSON is written once
    # (the matches are alive throughout, so an object's id stands for it)
    keys: dict[tuple[str, str, tuple[int, ...]], str] = {}
    for a in report.alignments:
        same = (a.post.zh, a.post.en, tuple(map(id, a.matches)))
        key = keys.get(same)
        if key is None:
            matches = [m.to_json() for m in a.matches]
            key = keys[same] = json.dumps([a.post.zh, a.post.en, matches], ensure_ascii=False, sort_keys=True)
            entry = groups.setdefault(key, {"name": {"zh": a.post.zh, "en": a.post.en}, "posts": [], "matches": matches})
        else:
            entry = groups[key]
        entry["posts"].append({"iri": a.post.iri, "id": a.post.id})
    return list(groups.values())


def change_line(c: Change, lang: str) -> str:
    post = c.post.name(lang)
    if c.action in ("add-duty", "add-support"):
        fn = c.function.name(lang) if c.function else ""
        return f"{_w(c.action, lang)} → {post} ({fn}): {c.text_zh if lang == 'zh' else (c.text_en or c.text_zh)} [{c.source}]"
    if c.action == "support":
        fn = c.function.name(lang) if c.function else ""
        return f"{post}: {_w('support', lang)} {fn} — {c.text_zh if lang == 'zh' else (c.text_en or c.text_zh)} [{c.source}]"
    if c.action == "split-off":
        fn = c.function.name(lang) if c.function else ""
        return f"{post}: {fn} — {_w('split-off', lang)} {c.text_zh if lang == 'zh' else (c.text_en or c.text_zh)} [{c.source}]"
    if c.action == "merge":
        return f"{_w('merge', lang)}: {post} [{c.source}]"
    metric = c.metric.name(lang) if c.metric else ""
    return f"{post}: {_w('drop-metric', lang)} {metric}" + (f" [{c.source}]" if c.source else "")


def _alignment_line(a: PostAlignment, lang: str) -> str:
    return "; ".join(f"{m.post.name(lang)} {m.score:.2f} ({m.title:.2f} / {m.functions:.2f})" for m in a.matches) or "—"


def markdown_proposals(report: Report, lang: str) -> list[str]:
    """The Markdown section (nothing when there is no proposal): names as text, ids on a details line."""
    groups = grouped_proposals(report)
    if not groups and not report.alignments and not report.restructures:
        return []
    out = [f"## {_both('proposals', lang)}", "", md_text(_w("intro", lang)), ""]
    for i, g in enumerate(groups, start=1):
        p = g[0]
        count = f" (×{len(g)} {_w('times', lang)})" if len(g) > 1 else ""
        conf = f" — {_w('confidence', lang)} {p.confidence:.2f}" if p.status == "change" else ""
        out.append(f"{i}. **{md_text(p.summary(lang))}**{count}{conf}")
        for c in p.changes:
            out.append(f"   - {_w('change', lang)}: {md_text(change_line(c, lang))}")
        for r in p.reasons:
            out.append(f"   - {_w('why', lang)}: {md_text(r.text(lang))}")
        for e in p.standard[:3]:
            out.append(f"   - {_w('standard', lang)}: {md_text(e.post.name(lang))} — {md_text(e.text(lang))} [{md_text(e.source)}]")
        if p.confidence_reasons:
            out.append(f"   - {_w('confidence', lang)}: " + "; ".join(md_text(r.text(lang)) for r in p.confidence_reasons))
        ids = [q.finding for q in g[:MD_SCOPES]] + (["…"] if len(g) > MD_SCOPES else [])
        via = [f"{_w('via', lang)}: " + ", ".join(p.via)] if p.via else []
        out.append(f"   - {word('details', lang)}: {_w(p.status, lang)} · " + " · ".join(md_code(x) for x in [*ids, *via]))
    out.append("")
    if report.restructures:
        out += [f"### {_both('restructures', lang)}", "", md_text(_w("restructure_intro", lang)), ""]
        for p in report.restructures:
            out.append(f"- **{md_text(p.summary(lang))}** — {_w('confidence', lang)} {p.confidence:.2f} {md_code(p.finding)}")
            out += [f"   - {_w('change', lang)}: {md_text(change_line(c, lang))}" for c in p.changes]
            out += [f"   - {_w('why', lang)}: {md_text(r.text(lang))}" for r in [*p.reasons, *p.confidence_reasons]]
        out.append("")
    if report.alignments:
        out += [f"### {_both('alignment', lang)}", "", f"| {_w('post', lang)} | {_w('closest', lang)} |", "|---|---|"]
        seen: set[tuple[str, str]] = set()
        for a in report.alignments:
            line = _alignment_line(a, lang)
            if (a.post.name(lang), line) in seen:  # a chain's stores repeat their posts
                continue
            seen.add((a.post.name(lang), line))
            out.append(f"| {md_text(a.post.name(lang))} | {md_text(line)} |")
        out.append("")
    return out


def html_proposals(report: Report, lang: str) -> str:
    """The HTML section (empty when there is no proposal)."""
    h = html.escape
    groups = grouped_proposals(report)
    if not groups and not report.alignments and not report.restructures:
        return ""
    parts = [f"<h2 id=\"proposals\">{h(_both('proposals', lang))}</h2><p class=\"meta\">{h(_w('intro', lang))}</p><ol class=\"proposals\">"]
    for g in groups:
        p = g[0]
        count = f" (×{len(g)} {_w('times', lang)})" if len(g) > 1 else ""
        conf = f" <span class=\"conf\">{h(_w('confidence', lang))} {p.confidence:.2f}</span>" if p.status == "change" else ""
        ids = " ".join(f"<a href=\"#{h(q.finding)}\">{h(q.finding)}</a>" for q in g[:5]) + (" …" if len(g) > 5 else "")
        items = [f"<li class=\"change\">{h(change_line(c, lang))}</li>" for c in p.changes]
        if p.via:
            items.append(f"<li>{h(_w('via', lang))}: {' '.join(h(v) for v in p.via)}</li>")
        items += [f"<li class=\"why\">{h(r.text(lang))}</li>" for r in p.reasons]
        items += [f"<li class=\"std\">{h(_w('standard', lang))}: {h(e.post.name(lang))} — {h(e.text(lang))} "
                  f"<span class=\"meta\">[{h(e.source)}]</span></li>" for e in p.standard[:3]]
        if p.confidence_reasons:
            items.append(f"<li class=\"meta\">{h(_w('confidence', lang))}: {h('; '.join(r.text(lang) for r in p.confidence_reasons))}</li>")
        parts.append(f"<li class=\"proposal {h(p.status)}\"><strong>{h(p.summary(lang))}</strong>{h(count)}{conf} "
                     f"<span class=\"rule\">{h(_w(p.status, lang))} · {ids}</span><ul>{''.join(items)}</ul></li>")
    parts.append("</ol>")
    if report.restructures:
        parts.append(f"<h3 id=\"restructures\">{h(_both('restructures', lang))}</h3>"
                     f"<p class=\"meta\">{h(_w('restructure_intro', lang))}</p><ul class=\"proposals\">")
        for p in report.restructures:
            items = [f"<li class=\"change\">{h(change_line(c, lang))}</li>" for c in p.changes]
            items += [f"<li class=\"why\">{h(r.text(lang))}</li>" for r in [*p.reasons, *p.confidence_reasons]]
            parts.append(f"<li class=\"proposal restructure\"><strong>{h(p.summary(lang))}</strong> <span class=\"conf\">"
                         f"{h(_w('confidence', lang))} {p.confidence:.2f}</span> <span class=\"rule\">{h(p.finding)}</span>"
                         f"<ul>{''.join(items)}</ul></li>")
        parts.append("</ul>")
    if report.alignments:
        parts.append(f"<h3>{h(_both('alignment', lang))}</h3><table><thead><tr><th>{h(_w('post', lang))}</th>"
                     f"<th>{h(_w('closest', lang))}</th></tr></thead><tbody>")
        seen: set[tuple[str, str]] = set()
        for a in report.alignments:
            line = _alignment_line(a, lang)
            if (a.post.name(lang), line) in seen:
                continue
            seen.add((a.post.name(lang), line))
            parts.append(f"<tr><td>{h(a.post.name(lang))}</td><td>{h(line)}</td></tr>")
        parts.append("</tbody></table>")
    return "\n".join(parts)


PROPOSAL_COLUMNS = (("结果", "finding id"), ("规则", "rule"), ("状态", "status"), ("提议", "proposal"), ("主责岗位", "owner"),
                    ("改为配合/不再负责", "gives up"), ("修改", "changes"), ("理由", "why"), ("标准依据", "the standard"),
                    ("确定度", "confidence"), ("由其他提议解决", "via"))
"""The Excel report's Proposals sheet: (zh, en) header of each column of :func:`proposal_rows`."""


def proposal_rows(report: Report, lang: str) -> list[list[str | float]]:
    """The Excel report's Proposals sheet: one row per proposal, in the findings' order, then the split and merge
    proposals (status restructure: applied only when chosen)."""
    rows: list[list[str | float]] = []
    for p in [*live_proposals(report), *report.restructures]:
        rows.append([p.finding, p.rule, _w(p.status, lang), p.summary(lang), p.owner.name(lang) if p.owner else "",
                     "; ".join(q.name(lang) for q in p.others), "\n".join(change_line(c, lang) for c in p.changes),
                     "\n".join(r.text(lang) for r in p.reasons), "\n".join(f"{e.source} {e.text(lang)}" for e in p.standard[:3]),
                     round(p.confidence, 3), ", ".join(p.via)])
    return rows
