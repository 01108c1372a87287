"""What a client reads: the executive summary at the top of Markdown and HTML, names as text (never
markup), identifiers apart, and the report written in the format its file name says."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.report.common import group_findings, md_text
from retailkg.report.formats import EXTENSIONS, render
from retailkg.report.summary import executive_summary
from retailkg.validation.findings import Report, Severity, breadth
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]


@cache
def acme() -> Report:
    return validate_file(REPO / "examples" / "acme-department-store.xlsx")


@cache
def taobao() -> Report:
    return validate_file(REPO / "examples" / "taobao-ops.yaml")


# ------------------------------------------------------------------------------------------ the executive summary


def test_the_summary_s_numbers_are_the_report_s() -> None:
    r = acme()
    s = executive_summary(r)
    (h,) = s.organisations
    by_sev = r.counts()[1]
    assert (h.violations, h.warnings, h.infos) == (by_sev["violation"], by_sev["warning"], by_sev["info"])
    o = r.organisations[0]
    assert sum(a.scoped for a in h.areas) == o.in_scope == 80  # the baseline's 90 functions, 10 of them excluded
    assert o.covered_in_scope == o.in_scope - sum(a.gap for a in h.areas)
    assert sum(a.gap for a in h.areas) == len([f for f in r.findings if f.rule == "rkgsh:GapBaselineFunction"])


def test_the_top_five_are_the_most_severe_then_the_widest() -> None:
    """The five are distinct findings (a finding repeated in three stores is one), no other is more severe,
    and none of the same severity outside them touches more of the organisation."""
    r = acme()
    top = executive_summary(r).top
    assert len(top) == 5
    groups = group_findings(r.findings)
    chosen = {k.finding.id for k in top}
    rest = [g for g in groups if g[0].id not in chosen]
    for k in top:
        for g in rest:
            assert (k.finding.severity.rank, k.breadth) >= (g[0].severity.rank, breadth(g))
    promo = top[0]
    assert promo.count == 3 and promo.finding.function is not None and promo.finding.function.id == "fn:promotion-planning"
    assert promo.breadth == 9  # planning head, marketing planner, three store managers; planning and three stores
    line = promo.line("zh")
    assert line.startswith("违规 · 交叉：") and "× 3 个门店/区域" in line and "等 5 个岗位" in line
    assert "rkgsh:" not in line and "fn:" not in line and promo.finding.id not in line


def test_markdown_opens_with_the_summary() -> None:
    md = render(taobao(), "md")
    head = md[: md.index("## 各组织 Organisations")]
    assert "## 执行摘要 Executive summary" in head
    assert "**淘宝运营部** — 8 个岗位 · 13 条职责 · 范围内的对标职能有岗位承担 4/14 (29%) · 违规 10 · 警告 6 · 提示 9" in head
    assert "- 范围（设计声明）: 营销推广、线上渠道运营、客户服务、销售" in head
    for i, k in enumerate(executive_summary(taobao()).top, start=1):
        assert f"{i}. {md_text(k.line('zh'))}" in head
    # the picture: one character per baseline function of the area
    assert "| 9 客户服务 | `░░░░` | 0 | 0 | 4 | 0 | 0 |" in head
    assert "| 2 营销推广 | `███░░░░---` | 3 | 0 | 4 | 0 | 3 |" in head
    assert "| 13 信息技术 *(范围外)* | `··················` | 0 | 0 | 0 | 18 | 0 |" in head


def test_html_opens_with_the_summary_and_an_inline_svg_chart() -> None:
    page = render(acme(), "html")
    body = page[page.index("<body>"):]
    assert body.index('id="executive"') < body.index('id="summary"') < body.index('id="findings"')
    section = body[body.index('<section class="exec">'):body.index("</section>")]
    assert section.count("<svg ") == 1 and 'xmlns="http://www.w3.org/2000/svg"' in section
    bars = executive_summary(acme()).organisations[0].chart
    assert section.count('<text x="0"') == len(bars) == 13  # every area with baseline functions (not 销售, 物流, 门店运营)
    for k in executive_summary(acme()).top:
        assert f'<a href="#{k.finding.id}">' in section
    assert "<b>60/80</b> (75%)" in section  # 20 of the 80 are gaps


def test_identifiers_stand_on_a_details_line() -> None:
    """What the client reads (a finding's title and its rows) has names, never rkgsh:, fn: or finding ids."""
    md = render(acme(), "md")
    findings = md[md.index("## 结果 Findings"):md.index("## 覆盖矩阵")]
    for line in findings.splitlines():
        if "rkgsh:" in line or "`fn:" in line:
            assert line.startswith("   - 详情: `rkgsh:"), line
    titles = [line for line in findings.splitlines() if re.match(r"\d+\. \*\*", line)]
    assert titles and not [t for t in titles if "rkgsh:" in t or re.search(r"F[0-9a-f]{10}", t)]
    page = render(acme(), "html")
    for f in (g[0] for g in group_findings(acme().findings)[:5]):  # each card is its group's first finding
        card = page[page.rindex("<div", 0, page.index(f'id="{f.id}"')):]
        card = card[:card.index("</div>")]
        assert f'<p class="details">详情: {f.rule}' in card
        text = re.sub(r"<[^>]*>", " ", card)  # what a reader sees: attributes (data-rule, for programs) aside
        assert text.count(f.rule) == 1 and text.count(f.id) == 1


# ------------------------------------------------------------------------------------------ names are text


HOSTILE = """\
organisation: {id: x, name: "百货<script>alert(1)</script>", scope: [all]}
departments: [{id: d, name: "企划|部"}]
posts:
  - {id: p1, name: "<script>alert('p')</script>", department: d, duties: [{text: 策划促销, functions: [promotion-planning]}]}
  - {id: p2, name: "店长|副店长", department: d, duties: [{text: 策划门店促销, functions: [promotion-planning]}]}
  - {id: p3, name: "第一行\\n## 第二行", department: d, duties: [{text: "<img src=x onerror=alert(1)>", functions: [promotion-planning]}]}
"""


@cache
def hostile(tmp: str) -> Report:
    p = Path(tmp) / "hostile.yaml"
    p.write_text(HOSTILE, encoding="utf-8")
    return validate_file(p)


def test_markdown_escapes_every_name(tmp_path: Path) -> None:
    r = hostile(str(tmp_path))
    assert {p.zh for f in r.findings for p in f.posts} >= {"<script>alert('p')</script>", "店长|副店长", "第一行\n## 第二行"}
    md = render(r, "md")
    assert "<script" not in md and "<img" not in md and "&lt;script&gt;alert('p')&lt;/script&gt;" in md
    assert "\n## 第二行" not in md, "a line break in a name starts no heading"
    columns = 0
    for line in md.splitlines():  # every table row keeps its header's columns: no bare | inside a cell
        if not line.startswith("|"):
            columns = 0
            continue
        n = len(re.split(r"(?<!\\)\|", line))
        columns = columns or n
        assert n == columns, line
    assert "店长\\|副店长" in md


def test_html_escapes_every_name(tmp_path: Path) -> None:
    page = render(hostile(str(tmp_path)), "html")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;p&#x27;)&lt;/script&gt;" in page


def test_markdown_escape_keeps_text_and_breaks_markup() -> None:
    assert md_text("a|b") == "a\\|b" and md_text("x\ny\r\nz") == "x y z"
    assert md_text("<b>&") == "&lt;b&gt;&amp;"
    assert md_text("[click](javascript:x) *em* `code`") == "\\[click\\](javascript:x) \\*em\\* \\`code\\`"
    assert md_text("销售任务") == "销售任务"


# ------------------------------------------------------------------------------------------ the format follows -o


def test_an_unknown_extension_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    res = CliRunner().invoke(cli, ["validate", str(REPO / "examples" / "taobao-ops.yaml"), "-o", str(out)])
    assert res.exit_code == 2 and not out.exists()
    (line,) = res.output.strip().splitlines()
    assert "'.pdf' names no report format" in line and all(ext in line for ext in EXTENSIONS)


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    res = CliRunner().invoke(cli, ["validate", str(REPO / "examples" / "taobao-ops.yaml"), "--format", "md", "-o", str(out)])
    assert res.exit_code == 1 and out.read_text(encoding="utf-8") == render(taobao(), "md")


@pytest.mark.parametrize("name", ["report", "report.MD.bak"])
def test_no_extension_names_no_format(tmp_path: Path, name: str) -> None:
    res = CliRunner().invoke(cli, ["validate", str(REPO / "examples" / "taobao-ops.yaml"), "-o", str(tmp_path / name)])
    assert res.exit_code == 2 and not (tmp_path / name).exists()


def test_a_severity_is_never_behind_a_lower_one() -> None:
    ranks = [f.severity.rank for f in acme().findings]
    assert ranks == sorted(ranks, reverse=True)
    assert acme().findings[0].severity is Severity.VIOLATION
