"""The renderings of a :class:`~retailkg.report.diff.Diff`: Markdown, HTML, JSON and Excel.

What a consultant shows after a re-design: how many findings the to-be design resolves and
introduces, how each area's coverage moved, and which posts were added, removed or changed.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from retailkg.report.common import both_words, word
from retailkg.report.diff import AreaChange, Brief, Diff, PostChange, RaciChange
from retailkg.report.raci import LETTER_COLOURS
from retailkg.validation.findings import DutyRecord, PostRecord

__all__ = ["DIFF_FORMATS", "diff_dict", "render_diff"]

_W = {
    "title": ("岗位设计对比（现状 → 目标）", "Post design comparison (as-is → to-be)"),
    "old": ("现状", "As-is"),
    "new": ("目标", "To-be"),
    "different": ("注意：两份设计属于不同的组织（{old} / {new}）。仍逐项对比，"
                  "但结果编号包含组织自身的标识，因此所有结果都显示为新增或消除。",
                  "Note: the two designs are different organisations ({old} / {new}). They are compared all the same, but "
                  "finding ids contain the organisation's own IRIs, so every finding shows as introduced or resolved."),
    "findings": ("结果", "Findings"),
    "introduced": ("新增", "Introduced"),
    "resolved": ("消除", "Resolved"),
    "unchanged": ("未变", "Unchanged"),
    "coverage": ("各职能领域覆盖变化", "Coverage change by area"),
    "area": ("职能领域", "Area"),
    "delta": ("变化", "Change"),
    "moved": ("职能状态变化", "Functions that moved"),
    "posts": ("岗位", "Posts"),
    "added": ("新增岗位", "Posts added"),
    "removed": ("撤销岗位", "Posts removed"),
    "changed": ("调整岗位", "Posts changed"),
    "no_posts": ("未比较岗位：至少一方不是设计文件（RDF、内置文件或旧报告）。",
                 "Posts not compared: one side is not a design file (RDF, the bundled documents or an older report)."),
    "none": ("无", "none"),
    "duties_added": ("新增职责", "duties added"),
    "duties_removed": ("删除职责", "duties removed"),
    "name": ("名称", "name"), "department": ("部门", "department"), "reports_to": ("直接上级", "reports to"),
    "accountable_for": ("负责指标", "accountable for"),
    "id": ("编号", "id"), "severity": ("级别", "severity"), "kind": ("类型", "kind"), "rule": ("规则", "rule"),
    "subject": ("对象", "subject"), "message": ("说明", "message"), "status": ("变化", "change"),
    "waived": ("已豁免", "waived"), "source": ("来源", "source"), "organisation": ("组织", "organisation"),
    "share": ("覆盖率", "covered"), "gap": ("空白", "gaps"), "what": ("调整", "what changed"),
    "duty_count": ("职责数", "duties"),
    "raci": ("权责矩阵（RACI）：现状与目标", "RACI matrix: as-is and to-be"),
    "raci_legend": ("A 负责 · R 执行 · C 配合 · I 知会（见校验报告）。变化的单元格写作「现状→目标」并加框标出，· 表示无字母。"
                    "两侧均无字母的职能与岗位不列出。",
                    "A accountable · R responsible · C consulted · I informed (as in the report). A cell that changed is "
                    "written as-is→to-be and outlined; · is no letter. Functions and posts without a letter on either "
                    "side are left out."),
    "raci_none": ("未比较权责矩阵：至少一方不是设计文件（没有汇报关系）。",
                  "RACI not compared: one side is not a design file (no reporting lines)."),
    "raci_changed": ("变化的单元格", "cells changed"),
    "function": ("职能", "function"),
}
_STATUS = {"lead": ("主责", "lead"), "support": ("协助", "support"), "gap": ("空白", "gap"), "excluded": ("不设置", "excluded"),
           "—": ("—", "—")}
_SEVERITY = {"violation": ("违规", "violation"), "warning": ("警告", "warning"), "info": ("提示", "info")}
_KIND = {"overlap": ("交叉", "overlap"), "gap": ("空白", "gap"), "structure": ("结构", "structure"), "unmapped": ("未映射", "unmapped")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def _w(key: str, lang: str) -> str:
    return word(key, lang, _W)


def _both(key: str, lang: str) -> str:
    return both_words(key, lang, _W)


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _signed(x: float) -> str:
    return f"{x * 100:+.0f} pt" if round(x * 100) else "±0"


def _status(s: str, lang: str) -> str:
    return _pick(_STATUS.get(s, (s, s)), lang)


def _counts(d: Diff) -> dict[str, int]:
    return {"introduced": len(d.introduced), "resolved": len(d.resolved), "unchanged": len(d.unchanged)}


def _post_change_text(c: PostChange, lang: str) -> str:
    parts = [f"{_w(f, lang)}: {a or '—'} → {b or '—'}" for f, a, b in c.fields]
    if c.duties_added:
        parts.append(f"{_w('duties_added', lang)}: " + "；".join(d.text for d in c.duties_added))
    if c.duties_removed:
        parts.append(f"{_w('duties_removed', lang)}: " + "；".join(d.text for d in c.duties_removed))
    return "; ".join(parts)


def _raci_columns(rc: RaciChange) -> list[str]:
    """The posts with a letter on either side (a post with none says nothing in the matrix)."""
    return [p for p, *_ in rc.posts if any(rc.letter(s, f, p) for s in ("old", "new") for f, *_ in rc.functions)]


def _raci_rows(rc: RaciChange) -> list[tuple[str, str, str]]:
    """The functions with a letter on either side (a row of none is the coverage section's gap, said there)."""
    return [f for f in rc.functions if any(rc.letter(s, f[0], p) for s in ("old", "new") for p, *_ in rc.posts)]


def _fn_name(f: tuple[str, str, str], lang: str) -> str:
    return (f[1] or f[2]) if lang == "zh" else (f[2] or f[1])


def _raci_cell(rc: RaciChange, fid: str, pid: str) -> tuple[str, bool]:
    """A cell's text (the letter, or as-is→to-be when it changed) and whether it changed."""
    a, b = rc.letter("old", fid, pid), rc.letter("new", fid, pid)
    return (a, False) if a == b else (f"{a or '·'}→{b or '·'}", True)


def _moved_text(d: Diff, c: AreaChange, lang: str) -> str:
    return "; ".join(f"{d.function_name(f, lang)} {_status(a, lang)}→{_status(b, lang)}" for f, a, b in c.moved())


# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------


def _area_json(c: AreaChange) -> dict[str, Any]:
    def side(a: Any) -> Any:
        return None if a is None else {"functions": a.functions, "lead": a.lead, "support": a.support, "excluded": a.excluded,
                                       "share_covered": round(a.share, 4)}
    return {"organisation": c.organisation, "area": {"id": c.area.id, "name": {"zh": c.area.zh, "en": c.area.en}},
            "old": side(c.old), "new": side(c.new), "change": round(c.delta, 4),
            "moved": [{"function": f, "old": a, "new": b} for f, a, b in c.moved()]}


def _post_json(p: PostRecord) -> dict[str, Any]:
    return p.to_json()


def _duty_json(d: DutyRecord) -> dict[str, Any]:
    return d.to_json()


def diff_dict(d: Diff) -> dict[str, Any]:
    """The diff as a JSON document (docs/validation.md, "As-is against to-be")."""
    from retailkg import __version__

    def side(s: Any) -> dict[str, Any]:
        return {"source": s.source, "generated_by": s.generated_by,
                "organisations": [{"iri": k, "id": v[0], "name": {"zh": v[1], "en": v[2]}} for k, v in s.organisations.items()]}

    return {
        "generated_by": f"retailkg {__version__}",
        "old": side(d.old), "new": side(d.new), "same_organisation": d.same_organisation,
        "counts": _counts(d),
        "findings": {"introduced": [b.to_json() for b in d.introduced], "resolved": [b.to_json() for b in d.resolved],
                     "unchanged": [b.to_json() for b in d.unchanged]},
        "coverage": [_area_json(c) for c in d.coverage],
        "posts": None if not d.posts_known else {
            "added": [_post_json(p) for p in d.posts_added], "removed": [_post_json(p) for p in d.posts_removed],
            "changed": [{"id": c.new.id, "name": c.new.name,
                         "fields": [{"field": f, "old": a, "new": b} for f, a, b in c.fields],
                         "duties_added": [_duty_json(x) for x in c.duties_added],
                         "duties_removed": [_duty_json(x) for x in c.duties_removed]} for c in d.posts_changed]},
        "raci": [_raci_json(rc) for rc in d.raci],
    }


def _raci_json(rc: RaciChange) -> dict[str, Any]:
    def side(grid: Any) -> Any:
        if grid is None:
            return None
        out: dict[str, dict[str, str]] = {}
        for (f, p), c in grid.letters.items():
            out.setdefault(f, {})[p] = c
        return out
    return {"organisation": rc.organisation,
            "functions": [{"id": f, "name": {"zh": zh, "en": en}} for f, zh, en in rc.functions],
            "posts": [{"id": p, "name": {"zh": zh, "en": en}} for p, zh, en in rc.posts],
            "old": side(rc.old), "new": side(rc.new),
            "changed": [{"function": f, "post": p, "old": a or None, "new": b or None} for f, p, a, b in rc.changed()]}


def render_diff_json(d: Diff, lang: str = "zh") -> str:
    return json.dumps(diff_dict(d), ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _md_brief(b: Brief, lang: str) -> str:
    waived = f" ({_w('waived', lang)})" if b.waived else ""
    return (f"- **{_pick(_SEVERITY.get(b.severity, (b.severity,) * 2), lang)}** [{_pick(_KIND.get(b.kind, (b.kind,) * 2), lang)}] "
            f"{_md(b.message(lang))}{waived} `{b.rule}` `{b.id}`")


def render_diff_markdown(d: Diff, lang: str = "zh") -> str:
    out = [f"# {_both('title', lang)}", ""]
    out.append(f"- {_w('old', lang)}: `{d.old.source}` ({_md(d.old.organisation_names(lang))})")
    out.append(f"- {_w('new', lang)}: `{d.new.source}` ({_md(d.new.organisation_names(lang))})")
    out.append("")
    if not d.same_organisation:
        out += ["> " + _w("different", lang).format(old=d.old.organisation_names(lang), new=d.new.organisation_names(lang)), ""]
    c = _counts(d)
    out += [f"## {_both('findings', lang)}", "",
            " · ".join(f"{_w(k, lang)} {c[k]}" for k in ("introduced", "resolved", "unchanged")), ""]
    for key, items in (("introduced", d.introduced), ("resolved", d.resolved)):
        out += [f"### {_w(key, lang)} ({len(items)})", ""]
        out += [_md_brief(b, lang) for b in items] or [_w("none", lang)]
        out.append("")
    out += [f"## {_both('coverage', lang)}", ""]
    out.append(f"| {_w('area', lang)} | {_w('old', lang)} | {_w('new', lang)} | {_w('delta', lang)} | {_w('moved', lang)} |")
    out.append("|---|---|---|---|---|")
    for ch in d.coverage:
        old = _pct(ch.old.share) if ch.old else "—"
        new = _pct(ch.new.share) if ch.new else "—"
        out.append(f"| {_md(ch.area.name(lang))} | {old} | {new} | {_signed(ch.delta)} | {_md(_moved_text(d, ch, lang))} |")
    out += ["", f"## {_both('posts', lang)}", ""]
    if not d.posts_known:
        out += [_w("no_posts", lang), ""]
    else:
        for key, posts in (("added", d.posts_added), ("removed", d.posts_removed)):
            out.append(f"### {_w(key, lang)} ({len(posts)})")
            out.append("")
            lines = [f"- `{p.id}` {_md(p.name)} ({p.department}, {len(p.duties)} {_w('duty_count', lang)})" for p in posts]
            out += lines or [_w("none", lang)]
            out.append("")
        out += [f"### {_w('changed', lang)} ({len(d.posts_changed)})", ""]
        out += [f"- `{pc.new.id}` {_md(pc.new.name)}: {_md(_post_change_text(pc, lang))}" for pc in d.posts_changed] or [_w("none", lang)]
        out.append("")
    out += _raci_markdown(d, lang)
    return "\n".join(out).rstrip() + "\n"


def _raci_markdown(d: Diff, lang: str) -> list[str]:
    out = [f"## {_both('raci', lang)}", ""]
    if not d.raci or any(rc.old is None or rc.new is None for rc in d.raci):
        return [*out, _w("raci_none", lang), ""]
    out += [_w("raci_legend", lang), ""]
    for rc in d.raci:
        if len(d.raci) > 1:
            _oid, zh, en = d.new.organisations.get(rc.organisation, ("", rc.organisation, rc.organisation))
            out += [f"### {_md((zh or en) if lang == 'zh' else (en or zh))}", ""]
        cols = _raci_columns(rc)
        out.append(f"| {_w('function', lang)} | " + " | ".join(_md(rc.post_name(p, lang)) for p in cols) + " |")
        out.append("|---|" + "---|" * len(cols))
        for f in _raci_rows(rc):
            cells = []
            for p in cols:
                text, moved = _raci_cell(rc, f[0], p)
                cells.append(f"**{text}**" if moved else text)
            out.append(f"| {_md(_fn_name(f, lang))} | " + " | ".join(cells) + " |")
        changed = rc.changed()
        names = {f[0]: f for f in rc.functions}
        out += ["", f"{_w('raci_changed', lang)} ({len(changed)}):", ""]
        out += [f"- {_md(_fn_name(names[f], lang))} / {_md(rc.post_name(p, lang))}: {a or '·'} → {b or '·'}" for f, p, a, b in changed]
        out += [_w("none", lang)] if not changed else []
        out.append("")
    return out


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_CSS = """body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 1100px; margin: 2em auto;
padding: 0 1em; color: #222; line-height: 1.5; } table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; } th { background: #eef1f8; }
.up { color: #1a7f37; font-weight: bold; } .down { color: #b42318; font-weight: bold; } .note { background: #fff4d6; padding: .6em 1em; }
.cards { display: flex; gap: 12px; } .card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 16px; }
.card b { font-size: 1.5em; display: block; }
code { font-size: .9em; } .meta { color: #666; }
.raci { display: flex; gap: 16px; overflow-x: auto; } .raci table { width: auto; } .raci td { text-align: center; }
.raci td.changed { outline: 3px solid #b42318; outline-offset: -3px; font-weight: bold; }"""


def render_diff_html(d: Diff, lang: str = "zh") -> str:
    h = html.escape
    c = _counts(d)
    parts = ["<!DOCTYPE html>", f"<html lang=\"{'zh-CN' if lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">",
             f"<title>{h(_w('title', lang))}</title><style>{_CSS}</style></head><body>",
             f"<h1>{h(_both('title', lang))}</h1>",
             f"<p class=\"meta\">{h(_w('old', lang))}: <code>{h(d.old.source)}</code> ({h(d.old.organisation_names(lang))}) → "
             f"{h(_w('new', lang))}: <code>{h(d.new.source)}</code> ({h(d.new.organisation_names(lang))})</p>"]
    if not d.same_organisation:
        note = _w("different", lang).format(old=d.old.organisation_names(lang), new=d.new.organisation_names(lang))
        parts.append(f"<p class=\"note\">{h(note)}</p>")
    parts.append(f"<h2>{h(_both('findings', lang))}</h2><div class=\"cards\">"
                 + "".join(f"<div class=\"card\"><b>{c[k]}</b>{h(_w(k, lang))}</div>" for k in ("introduced", "resolved", "unchanged"))
                 + "</div>")
    for key, briefs in (("introduced", d.introduced), ("resolved", d.resolved)):
        parts.append(f"<h3>{h(_w(key, lang))} ({len(briefs)})</h3>")
        if not briefs:
            parts.append(f"<p>{h(_w('none', lang))}</p>")
            continue
        rows = "".join(f"<tr><td><code>{h(b.id)}</code></td><td>{h(_pick(_SEVERITY.get(b.severity, (b.severity,) * 2), lang))}</td>"
                       f"<td>{h(_pick(_KIND.get(b.kind, (b.kind,) * 2), lang))}</td><td>{h(b.subject(lang))}</td>"
                       f"<td>{h(b.message(lang))}{' (' + h(_w('waived', lang)) + ')' if b.waived else ''}</td></tr>" for b in briefs)
        parts.append("<table><thead><tr>" + "".join(f"<th>{h(_w(k, lang))}</th>" for k in ("id", "severity", "kind", "subject", "message"))
                     + f"</tr></thead><tbody>{rows}</tbody></table>")
    parts.append(f"<h2>{h(_both('coverage', lang))}</h2><table><thead><tr>"
                 + "".join(f"<th>{h(_w(k, lang))}</th>" for k in ("area", "old", "new", "delta", "moved")) + "</tr></thead><tbody>")
    for ch in d.coverage:
        cls = "up" if round(ch.delta * 100) > 0 else "down" if round(ch.delta * 100) < 0 else ""
        parts.append(f"<tr><td>{h(ch.area.name(lang))}</td><td>{_pct(ch.old.share) if ch.old else '—'}</td>"
                     f"<td>{_pct(ch.new.share) if ch.new else '—'}</td><td class=\"{cls}\">{h(_signed(ch.delta))}</td>"
                     f"<td>{h(_moved_text(d, ch, lang))}</td></tr>")
    parts.append("</tbody></table>")
    parts.append(f"<h2>{h(_both('posts', lang))}</h2>")
    if not d.posts_known:
        parts.append(f"<p>{h(_w('no_posts', lang))}</p>")
    else:
        none = f"<p>{h(_w('none', lang))}</p>"
        for key, posts in (("added", d.posts_added), ("removed", d.posts_removed)):
            items = "".join(f"<li><code>{h(p.id)}</code> {h(p.name)} ({h(p.department)})</li>" for p in posts)
            parts.append(f"<h3>{h(_w(key, lang))} ({len(posts)})</h3>" + (f"<ul>{items}</ul>" if posts else none))
        items = "".join(f"<li><code>{h(pc.new.id)}</code> {h(pc.new.name)}: {h(_post_change_text(pc, lang))}</li>"
                        for pc in d.posts_changed)
        parts.append(f"<h3>{h(_w('changed', lang))} ({len(d.posts_changed)})</h3>"
                     + (f"<ul>{items}</ul>" if d.posts_changed else f"<p>{h(_w('none', lang))}</p>"))
    parts.append(_raci_html(d, lang))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _raci_html(d: Diff, lang: str) -> str:
    """The two matrices side by side, each letter in its colour, a changed cell outlined in both (its title says both letters)."""
    h = html.escape
    parts = [f"<h2 id=\"raci\">{h(_both('raci', lang))}</h2>"]
    if not d.raci or any(rc.old is None or rc.new is None for rc in d.raci):
        return parts[0] + f"<p>{h(_w('raci_none', lang))}</p>"
    parts.append(f"<p class=\"meta\">{h(_w('raci_legend', lang))}</p>")
    for rc in d.raci:
        cols = _raci_columns(rc)
        tables = []
        for side in ("old", "new"):
            head = "".join(f"<th>{h(rc.post_name(p, lang))}</th>" for p in cols)
            rows = []
            for f in _raci_rows(rc):
                tds = []
                for p in cols:
                    c = rc.letter(side, f[0], p)
                    text, moved = _raci_cell(rc, f[0], p)
                    style = f"background:{LETTER_COLOURS[c]};{'color:#fff;' if c == 'A' else ''}" if c else ""
                    attrs = (f" class=\"changed\" title=\"{h(text)}\"" if moved else "") + (f" style=\"{style}\"" if style else "")
                    tds.append(f"<td{attrs}>{h(c)}</td>")
                rows.append(f"<tr><td>{h(_fn_name(f, lang))}</td>{''.join(tds)}</tr>")
            tables.append(f"<div><h3>{h(_w(side, lang))}</h3><table class=\"matrix\"><thead><tr><th>{h(_w('function', lang))}</th>"
                          f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
        names = {f[0]: f for f in rc.functions}
        items = "".join(f"<li>{h(_fn_name(names[f], lang))} / {h(rc.post_name(p, lang))}: {h(a or '·')} → {h(b or '·')}</li>"
                        for f, p, a, b in rc.changed())
        parts.append(f"<div class=\"raci\">{''.join(tables)}</div><h3>{h(_w('raci_changed', lang))} ({len(rc.changed())})</h3>"
                     + (f"<ul>{items}</ul>" if items else f"<p>{h(_w('none', lang))}</p>"))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------------


def render_diff_xlsx(d: Diff, lang: str = "zh") -> bytes:
    """Sheets Summary, Findings (every finding of either side with its change, filters on), Coverage (per area,
    the change coloured), Posts (added, removed, changed)."""
    from openpyxl import Workbook

    from retailkg.report.xlsx import Cell, Sheet, save_workbook

    wb = Workbook(write_only=True)
    c = _counts(d)
    sh = Sheet(wb, "Summary", widths={1: 24, 2: 60})
    sh.row([Cell(_both("title", lang), bold=True)])
    sh.row([_w("old", lang), d.old.source, d.old.organisation_names(lang)])
    sh.row([_w("new", lang), d.new.source, d.new.organisation_names(lang)])
    if not d.same_organisation:
        sh.row([Cell(_w("different", lang).format(old=d.old.organisation_names(lang), new=d.new.organisation_names(lang)),
                     fill="warning")])
    sh.row()
    for key in ("introduced", "resolved", "unchanged"):
        sh.row([_w(key, lang), c[key]])
    if d.posts_known:
        for key, n in (("added", len(d.posts_added)), ("removed", len(d.posts_removed)), ("changed", len(d.posts_changed))):
            sh.row([_w(key, lang), n])
    sh.close()

    sh = Sheet(wb, "Findings", freeze="B2", widths={6: 60}, autofilter=True)
    sh.header([_w(k, lang) for k in ("id", "status", "severity", "kind", "rule", "message", "subject", "waived")])
    fills = {"introduced": "gap", "resolved": "lead", "unchanged": ""}
    for key, items in (("introduced", d.introduced), ("resolved", d.resolved), ("unchanged", d.unchanged)):
        for b in items:
            sh.row([b.id, Cell(_w(key, lang), fill=fills[key]), _pick(_SEVERITY.get(b.severity, (b.severity,) * 2), lang),
                    _pick(_KIND.get(b.kind, (b.kind,) * 2), lang), b.rule, Cell(b.message(lang), wrap=True), b.subject(lang),
                    _w("waived", lang) if b.waived else ""])
    sh.close()

    sh = Sheet(wb, "Coverage", freeze="B2", widths={5: 60}, autofilter=True)
    sh.header([_w(k, lang) for k in ("area", "old", "new", "delta", "moved")])
    for ch in d.coverage:
        fill = "lead" if round(ch.delta * 100) > 0 else "gap" if round(ch.delta * 100) < 0 else ""
        sh.row([ch.area.name(lang), Cell(round(ch.old.share, 4), fmt="0%") if ch.old else "—",
                Cell(round(ch.new.share, 4), fmt="0%") if ch.new else "—", Cell(round(ch.delta, 4), fmt="+0%;-0%;0%", fill=fill),
                Cell(_moved_text(d, ch, lang), wrap=True)])
    sh.close()

    sh = Sheet(wb, "Posts", freeze="B2", widths={5: 70}, autofilter=True)
    sh.header([_w(k, lang) for k in ("id", "status", "name", "department", "what")])
    if not d.posts_known:
        sh.row([_w("no_posts", lang)])
    else:
        for p in d.posts_added:
            sh.row([p.id, Cell(_w("added", lang), fill="lead"), p.name, p.department, ""])
        for p in d.posts_removed:
            sh.row([p.id, Cell(_w("removed", lang), fill="gap"), p.name, p.department, ""])
        for pc in d.posts_changed:
            sh.row([pc.new.id, Cell(_w("changed", lang), fill="warning"), pc.new.name, pc.new.department,
                    Cell(_post_change_text(pc, lang), wrap=True)])
    sh.close()
    _raci_sheet(wb, d, lang)
    return save_workbook(wb, _w("title", lang))


def _raci_sheet(wb: Any, d: Diff, lang: str) -> None:
    """Sheet RACI: per organisation the as-is matrix, an empty column, the to-be matrix; a changed cell is outlined
    by its fill (the warning colour) on both sides, with the other side's letter as its comment."""
    from retailkg.report.xlsx import Cell, Sheet

    sh = Sheet(wb, "RACI", freeze="C3", widths={1: 24, 2: 30})
    if not d.raci or any(rc.old is None or rc.new is None for rc in d.raci):
        sh.row([_w("raci_none", lang)])
        sh.close()
        return
    for rc in d.raci:
        cols = _raci_columns(rc)
        sh.row(["", "", Cell(_w("old", lang), bold=True), *([""] * (len(cols) - 1)), "", Cell(_w("new", lang), bold=True)])
        names = [rc.post_name(p, lang) for p in cols]
        sh.header([_w("id", lang), _w("function", lang), *names, "", *names])
        for f in _raci_rows(rc):
            row: list[Any] = [f[0], _fn_name(f, lang)]
            for side, other in (("old", "new"), ("new", "old")):
                for p in cols:
                    c, o = rc.letter(side, f[0], p), rc.letter(other, f[0], p)
                    if c != o:
                        row.append(Cell(c, fill="warning", comment=f"{_w(other, lang)}: {o or '·'}"))
                    else:
                        row.append(Cell(c, fill=LETTER_COLOURS[c].lstrip("#").upper()) if c else "")
                if side == "old":
                    row.append("")
            sh.row(row)
        sh.row()
    sh.close()


DIFF_FORMATS: dict[str, Callable[[Diff, str], str | bytes]] = {
    "md": render_diff_markdown,
    "html": render_diff_html,
    "json": render_diff_json,
    "xlsx": render_diff_xlsx,
}


def render_diff(d: Diff, fmt: str = "md", lang: str = "zh") -> str | bytes:
    """Render ``d`` as ``fmt`` (md, html, json: text; xlsx: bytes) in ``lang``."""
    return DIFF_FORMATS[fmt](d, lang)
