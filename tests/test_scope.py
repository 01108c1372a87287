"""A design's scope: what it covers (declared with `scope:`, or inferred from its duties), what it leaves
out (`exclude:`), and how the gap rules and the report read it (docs/validation.md, "Scope")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from retailkg.cli import cli
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.errors import InputError
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import FN, RKG
from retailkg.report.formats import render
from retailkg.validation.findings import Finding, Ref, Report, Severity
from retailkg.validation.pipeline import validate_file

# A department store's visual, service and new-media teams: six posts, functions stated (no matcher).
# Planted: 客服专员 and 售后专员, peers under 客服经理, both handle complaints (one overlap), and nobody
# watches public opinion (舆情), which the baseline's new-media posts do (one gap).
SIX_POSTS = """\
organisation: {{id: six, name: 六岗百货{org}}}
departments:
  - {{id: visual, name: 视觉部}}
  - {{id: service, name: 客服部}}
  - {{id: media, name: 新媒体部}}
posts:
  - {{id: visual-head, name: 视觉主管, department: visual,
     duties: [{{text: 制定视觉规范并策划活动创意, functions: [visual-standards, campaign-creative]}}]}}
  - {{id: designer, name: 美工, department: visual, reports_to: visual-head,
     duties: [{{text: 负责线上页面设计, functions: [page-design]}}]}}
  - {{id: service-head, name: 客服经理, department: service,
     duties: [{{text: 管理客服团队，建设客服体系，检查服务质量,
               functions: [customer-service-management, service-system, service-quality]}}]}}
  - {{id: agent, name: 客服专员, department: service, reports_to: service-head,
     duties: [{{text: 受理并处理顾客投诉, functions: [complaint-handling]}}]}}
  - {{id: after-sales, name: 售后专员, department: service, reports_to: service-head,
     duties: [{{text: 处理售后投诉与退换货, functions: [complaint-handling]}}]}}
  - {{id: media-operator, name: 新媒体运营, department: media,
     duties: [{{text: 运营新媒体账号，策划内容并推广, functions: [new-media-accounts, new-media-content, new-media-promotion]}}]}}
"""

# T/CCAGM 003-2021's 23 posts, each taken whole (clause 4): a design that mirrors its baseline.
MIRROR_POSTS = {
    "4.1": ("营销中心", ["4.1.1 营销策划", "4.1.2 新媒体运营", "4.1.3 会员运营", "4.1.4 活动运营", "4.1.5 线上视觉美陈"]),
    "4.2": ("运营中心", ["4.2.1 品类管理", "4.2.2 品牌运营", "4.2.3 服务管理", "4.2.4 数字化运营", "4.2.5 数据运营",
                     "4.2.6 社群营销", "4.2.7 线上商城运营", "4.2.8 到家业务运营"]),
    "4.3": ("技术中心", ["4.3.1 技术架构", "4.3.2 前端开发", "4.3.3 后端开发", "4.3.4 技术测试", "4.3.5 数据开发、分析",
                     "4.3.6 信息安全", "4.3.7 平台系统运维", "4.3.8 硬件支持维护"]),
    "4.4": ("财务中心", ["4.4.1 财务对账结算", "4.4.2 财务管理"]),
}


def _mirror_yaml() -> str:
    lines = ["organisation: {id: mirror, name: 对标百货, baseline: T/CCAGM 003-2021}", "departments:"]
    lines += [f"  - {{id: d{k.replace('.', '-')}, name: {name}}}" for k, (name, _posts) in MIRROR_POSTS.items()]
    lines.append("posts:")
    for k, (_name, posts) in MIRROR_POSTS.items():
        for p in posts:
            clause, title = p.split(" ", 1)
            lines.append(f"  - {{id: p{clause.replace('.', '-')}, name: {title}, department: d{k.replace('.', '-')}, "
                         f"duties: [{{standard: \"T/CCAGM 003-2021 {clause}\"}}]}}")
    return "\n".join(lines) + "\n"


def _validate(tmp_path: Path, text: str, name: str = "d.yaml") -> Report:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return validate_file(p)


def rule(r: Report, name: str) -> list[Finding]:
    return [f for f in r.findings if f.rule == f"rkgsh:{name}"]


def ids(refs: Sequence[Ref | None]) -> set[str]:
    return {x.id.removeprefix("fn:") for x in refs if x is not None}


@cache
def _six(tmp: str, org: str = "") -> Report:
    return _validate(Path(tmp), SIX_POSTS.format(org=org))


# ------------------------------------------------------------------------------------------ priorities


def test_six_posts_with_one_planted_overlap_and_one_planted_gap(tmp_path: Path) -> None:
    """The issue's case: a six-post department-store design gets its two planted findings as its only
    violations, not 79; the areas it does not touch are one Info each."""
    r = _six(str(tmp_path))
    violations = [f for f in r.findings if f.severity is Severity.VIOLATION]
    assert {(f.rule, f.function.id if f.function else "") for f in violations} == {
        ("rkgsh:OverlapLeadFunction", "fn:complaint-handling"), ("rkgsh:GapBaselineFunction", "fn:public-opinion")}
    overlap = rule(r, "OverlapLeadFunction")[0]
    assert {p.id for p in overlap.posts} == {"post/agent", "post/after-sales"}
    assert not [f for f in r.findings if f.severity is Severity.WARNING]
    # the areas led: visual design, customer service, new media; every other area of the baseline is one Info
    o = r.organisations[0]
    assert o.scope == "inferred" and ids([a.area for a in o.scope_areas]) == {"visual", "service", "new-media"}
    areas = rule(r, "GapAreaOutOfScope")
    assert all(f.severity is Severity.INFO for f in areas)
    assert ids([f.area for f in areas if f.area]) == {"management", "marketing", "user-ops", "merchandise", "merchants",
                                                       "channels", "analytics", "technology", "finance", "people"}
    assert len(areas) == 10 and len(r.findings) == 12


def test_the_planted_findings_lead_the_report(tmp_path: Path) -> None:
    """Severity first, then how much of the organisation a finding touches: the overlap (two posts, one
    department) before the gap (no post), and both in the summary's five."""
    from retailkg.report.summary import executive_summary

    r = _six(str(tmp_path))
    assert [f.rule for f in r.findings[:2]] == ["rkgsh:OverlapLeadFunction", "rkgsh:GapBaselineFunction"]
    top = executive_summary(r).top
    assert [k.finding.rule for k in top[:2]] == ["rkgsh:OverlapLeadFunction", "rkgsh:GapBaselineFunction"]
    assert [k.breadth for k in top[:2]] == [3, 0]


def test_a_declared_scope_makes_an_area_s_gaps_violations(tmp_path: Path) -> None:
    """Declaring marketing in the scope turns its baseline functions nobody owns into gaps, and its Info goes."""
    r = _validate(tmp_path, SIX_POSTS.format(org=", scope: [视觉设计, 客户服务, 新媒体, marketing]"))
    assert r.organisations[0].scope == "declared"
    gaps = ids([f.function for f in rule(r, "GapBaselineFunction") if f.function])
    assert gaps == {"public-opinion", "promotion-planning", "online-campaigns", "campaign-setup", "marketing-partnerships",
                    "livestreaming", "promotion-channel-planning", "brand-publicity", "promo-material-review",
                    "promo-material-production", "ground-promotion"}
    assert "marketing" not in ids([f.area for f in rule(r, "GapAreaOutOfScope") if f.area])


def test_an_out_of_scope_area_is_one_info_line_with_its_counts(tmp_path: Path) -> None:
    r = _six(str(tmp_path))
    (it,) = [f for f in rule(r, "GapAreaOutOfScope") if f.area and f.area.id == "fn:technology"]
    assert it.message_zh == "范围外？职能领域「信息技术」：对标标准的 18 项职能中本组织主责 0 项——是否不在本设计的范围内？"
    assert it.message_en.startswith("Out of scope? area information technology: the organisation leads 0 of the baseline's 18")
    assert len(it.functions) == 18 and "security-policy" in ids(it.functions)
    assert not [f for f in rule(r, "GapBaselineFunction") if f.function and f.function.id == "fn:security-policy"]


def test_a_design_that_mirrors_its_baseline_has_no_gap(tmp_path: Path) -> None:
    """All 23 posts of T/CCAGM 003-2021, each taken whole: nothing is missing. The standard only supports
    商品定价 (pricing), and so does the design: that is no support-only gap (there was one before)."""
    r = _validate(tmp_path, _mirror_yaml())
    assert r.posts == 23
    assert [f.message_en for f in r.findings if f.kind.value == "gap"] == []
    o = r.organisations[0]
    assert o.in_scope == o.covered_in_scope == o.baseline_functions == 90
    cov = r.coverage[0]
    pricing = [row for row in cov.rows if row.function.id == "fn:pricing"]
    assert pricing == [], "the standard does not lead pricing: it is no baseline function"


# ------------------------------------------------------------------------------------------ SHACL and the report agree


@pytest.mark.parametrize("name", ["ecom-ops-centre.yaml", "taobao-ops.yaml", "acme-department-store.xlsx"])
def test_the_gap_rules_and_the_coverage_read_the_same_scope(name: str) -> None:
    """The gaps come from the shapes (SPARQL), the coverage matrix and the area bars from the report's own
    reading of the scope: they must name the same functions and areas."""
    r = validate_file(Path(__file__).resolve().parents[1] / "examples" / name)
    cov = r.coverage[0]
    assert {row.function.id for row in cov.rows if row.status == "gap"} == {
        f.function.id for f in rule(r, "GapBaselineFunction") if f.function}
    assert {row.function.id for row in cov.rows if row.status == "support" and row.in_scope} == {
        f.function.id for f in rule(r, "GapSupportOnly") if f.function}
    assert {a.area.id for a in r.organisations[0].areas if a.outside} == {f.area.id for f in rule(r, "GapAreaOutOfScope") if f.area}


# ------------------------------------------------------------------------------------------ reading the scope


SCOPED = """\
organisation: {{id: s, name: 范围百货, scope: {scope}, exclude: {exclude}}}
departments: [{{id: d, name: 部}}]
posts: [{{id: p, name: 岗, department: d, duties: [{{text: 策划促销, functions: [promotion-planning]}}]}}]
"""


def _resolved(tmp_path: Path, scope: str, exclude: str = "[]") -> tuple[set[URIRef], set[URIRef]]:
    p = tmp_path / "s.yaml"
    p.write_text(SCOPED.format(scope=scope, exclude=exclude), encoding="utf-8")
    r = resolve(read_design(p), knowledge_base())
    g = r.graph
    scope = {o for o in g.objects(r.organisation, RKG.scopeFunction) if isinstance(o, URIRef)}
    return scope, {o for o in g.objects(r.organisation, RKG.excludesFunction) if isinstance(o, URIRef)}


def test_scope_takes_ids_labels_and_areas(tmp_path: Path) -> None:
    kb = knowledge_base()
    finance = set(kb.areas[FN.finance].functions)
    assert len(finance) == 10
    scope, _ = _resolved(tmp_path, "[finance]")
    assert scope == finance
    assert _resolved(tmp_path, "[财务]")[0] == finance == _resolved(tmp_path, "[fn:finance]")[0]
    assert _resolved(tmp_path, "[finance, pricing, 投诉处理, complaint handling]")[0] == finance | {
        FN.pricing, FN["complaint-handling"]}
    assert _resolved(tmp_path, "[全部]")[0] == set(kb.functions) == _resolved(tmp_path, "[all]")[0]


def test_exclude_takes_areas_and_functions(tmp_path: Path) -> None:
    _scope, excluded = _resolved(tmp_path, "[]", "[information technology, 到家业务运营]")
    assert excluded == set(knowledge_base().areas[FN.technology].functions) | {FN["to-home-operations"]}


def test_a_label_of_both_an_area_and_a_function_names_the_function(tmp_path: Path) -> None:
    """品牌商户运营 is the area `merchants` and the function `merchant-operations`: the label names the
    function (as `exclude_functions` always read it); the area's id names the area."""
    assert _resolved(tmp_path, "[品牌商户运营]")[0] == {FN["merchant-operations"]}
    assert len(_resolved(tmp_path, "[merchants]")[0]) == 5


def test_the_organisation_table_carries_scope_and_exclude(tmp_path: Path) -> None:
    """CSV and Excel say the same as YAML, under English or Chinese headers (范围, 不设置)."""
    folder = tmp_path / "design"
    folder.mkdir()
    (folder / "organisation.csv").write_text("编号,名称,范围,不设置\ns,范围百货,财务;销售,settlement\n", encoding="utf-8")
    (folder / "departments.csv").write_text("id,name\nd,部\n", encoding="utf-8")
    (folder / "posts.csv").write_text("id,name,department\np,岗,d\n", encoding="utf-8")
    (folder / "duties.csv").write_text("post,standard,text,role,functions\np,,策划促销,,promotion-planning\n", encoding="utf-8")
    d = read_design(folder)
    assert [n for n, _ in d.organisation.scope] == ["财务", "销售"] and [n for n, _ in d.organisation.exclude] == ["settlement"]
    r = resolve(d, knowledge_base())
    assert FN.settlement in set(r.graph.objects(r.organisation, RKG.excludesFunction))
    assert FN["sales-performance"] in set(r.graph.objects(r.organisation, RKG.scopeFunction))


# ------------------------------------------------------------------------------------------ bad input


def test_unknown_scope_ids_are_one_line_each_with_the_closest_ids(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(SCOPED.format(scope="[marketng, 客户服, finance]", exclude="[information-security]"), encoding="utf-8")
    out = tmp_path / "report.html"
    res = CliRunner().invoke(cli, ["validate", str(p), "-o", str(out)])
    assert res.exit_code == 2 and not out.exists()
    lines = res.output.strip().splitlines()
    assert len(lines) == 3, res.output
    assert lines[0].endswith("[scope] unknown area or function 'marketng' (closest: 'marketing' 营销推广)")
    assert "'客服' " not in lines[1] and "(closest: 'service' 客户服务" in lines[1]
    # the id the old message suggested does not exist; the closest ones that do are named
    assert "[exclude] unknown area or function 'information-security' (closest: 'security-policy'" in lines[2]
    for line in lines:
        for suggested in line.split("(closest: ", 1)[1].split(", "):
            sid = suggested.split("'")[1]
            kb = knowledge_base()
            assert kb.function(sid) is not None or kb.area(sid) is not None, sid


def test_a_scope_name_that_matches_nothing_says_where_to_look(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(SCOPED.format(scope="[zzzzzz]", exclude="[]"), encoding="utf-8")
    with pytest.raises(InputError, match=r"no close match: `retailkg query run function-taxonomy`"):
        resolve(read_design(p), knowledge_base())


def test_all_is_a_scope_not_an_exclusion(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(SCOPED.format(scope="[]", exclude="[all]"), encoding="utf-8")
    with pytest.raises(InputError, match=r"\[exclude\] unknown area or function 'all'"):
        resolve(read_design(p), knowledge_base())


# ------------------------------------------------------------------------------------------ the report states the scope


def test_the_report_says_which_areas_it_inferred(tmp_path: Path) -> None:
    r = _six(str(tmp_path))
    md = render(r, "md")
    assert "- 范围（由职责推断：有岗位主责职责的职能领域）: 新媒体、视觉设计、客户服务" in md
    assert "Scope (inferred: the areas in which a post leads a duty): new media, visual design, customer service" in render(r, "md", "en")
    page = render(r, "html")
    assert 'data-scope="scope_inferred"' in page and "新媒体、视觉设计、客户服务" in page


def test_the_report_says_a_declared_scope_and_the_areas_outside_it(tmp_path: Path) -> None:
    r = _validate(tmp_path, SIX_POSTS.format(org=", scope: [视觉设计, 客户服务, 新媒体], exclude: [finance]"))
    md = render(r, "md")
    assert "- 范围（设计声明）: 新媒体、视觉设计、客户服务" in md
    assert "- 不设置: 财务" in md
    outside = next(line for line in md.splitlines() if line.startswith("- 范围外"))
    assert "信息技术" in outside and "财务" not in outside
