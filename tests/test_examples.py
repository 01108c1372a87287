"""The example designs in examples/ and what a consultant must read in their reports."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.design.matching import Match, matcher_for
from retailkg.design.readers import read_design
from retailkg.kg.knowledge import knowledge_base
from retailkg.validation.findings import Finding, Kind, Report, Severity
from retailkg.validation.pipeline import validate_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = ["ecom-ops-centre.yaml", "taobao-ops.yaml", "acme-department-store.xlsx"]
SECURITY = {"security-policy", "security-operations", "security-awareness", "security-incident-response"}


@cache
def match_of(name: str, text: str) -> Match:
    """How the matcher read one free-text duty of an example, with its post's name, as validation does."""
    design = read_design(EXAMPLES / name)
    post = next(p for p in design.posts if any(d.text == text for d in p.duties))
    return matcher_for(knowledge_base()).match(text, post.name)


def report(name: str) -> Report:
    return validate_file(EXAMPLES / name)


def rule(r: Report, name: str) -> list[Finding]:
    return [f for f in r.findings if f.rule == f"rkgsh:{name}"]


def fns(findings: list[Finding]) -> set[str]:
    return {f.function.id.removeprefix("fn:") for f in findings if f.function}


def posts(f: Finding) -> set[str]:
    return {p.id.removeprefix("post/") for p in f.posts}


def by_function(r: Report, name: str, function: str) -> Finding:
    (f,) = all_by_function(r, name, function)
    return f


def all_by_function(r: Report, name: str, function: str) -> list[Finding]:
    return [f for f in rule(r, name) if f.function and f.function.id == f"fn:{function}"]


def union(findings: list[Finding]) -> set[str]:
    return {p for f in findings for p in posts(f)}


@pytest.mark.parametrize("name", FILES)
def test_every_example_validates_and_fails_on_violations(name: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    res = CliRunner().invoke(cli, ["validate", str(EXAMPLES / name), "-o", str(out)])
    assert res.exit_code == 1, res.output
    assert out.stat().st_size > 10_000
    r = report(name)
    assert len(r.organisations) == 1 and r.baseline is not None and r.baseline.id == "ccagm-003-2021"
    assert not rule(r, "PostLabel") and not rule(r, "PostDepartment") and not rule(r, "NoReportingCycle")


# ---------------------------------------------------------------------------------- seed 002


def test_ecom_ops_centre_units_without_posts() -> None:
    empty = {f.department.zh for f in rule(report("ecom-ops-centre.yaml"), "GapDepartmentWithoutPost") if f.department}
    assert empty == {"商品部", "物流部"}


def test_ecom_ops_centre_nobody_owns_security_or_reconciliation() -> None:
    gaps = fns(rule(report("ecom-ops-centre.yaml"), "GapBaselineFunction"))
    assert SECURITY | {"reconciliation", "settlement", "invoice-tax"} <= gaps


def test_ecom_ops_centre_designers_do_no_design_work() -> None:
    """美工 (five of them) and 美工主管: no duty leads visual work; page design is only supported."""
    r = report("ecom-ops-centre.yaml")
    assert {"visual-standards", "campaign-creative"} <= fns(rule(r, "GapBaselineFunction"))
    page = by_function(r, "GapSupportOnly", "page-design")
    assert posts(page) == {"planning-supervisor"}
    assert [p.zh for p in page.standard_posts] == ["线上视觉美陈"]
    cov = r.coverage[0]
    designers = [i for i, p in enumerate(cov.posts) if p.id in ("post/designer", "post/design-supervisor")]
    visual = [row for row in cov.rows if row.notation.startswith("8.")]
    assert visual and all(row.cells[i] != "lead" for row in visual for i in designers)


def test_ecom_ops_centre_overlaps() -> None:
    r = report("ecom-ops-centre.yaml")
    assert posts(by_function(r, "OverlapLeadFunction", "shipment-tracking")) == {"pre-sales-agent", "after-sales-agent"}
    assert posts(by_function(r, "OverlapLeadFunction", "shop-data-analysis")) == {"project-operator", "promotion-supervisor"}
    line = by_function(r, "OverlapInSupervisionLine", "business-planning")
    assert {"ops-director", "ops-supervisor", "project-operator"} <= posts(line)
    # four supervisors train their own teams: not an overlap
    assert "team-training" not in fns([f for f in r.findings if f.kind is Kind.OVERLAP])


def test_ecom_ops_centre_free_text_is_matched_with_evidence() -> None:
    r = report("ecom-ops-centre.yaml")
    f = by_function(r, "OverlapLeadFunction", "shipment-tracking")
    scored = [e for e in f.evidence if e.score is not None]
    assert scored and all(0 < e.score <= 1 for e in scored)
    assert all(f.severity is Severity.WARNING and f.kind is Kind.UNMAPPED for f in rule(r, "UnmappedDuty"))
    # the design quotes the document's own duties, which keep their curated functions (data/ecom-ops-centre.ttl)
    for text in ("接受部门主管安排工作事宜并拟定完毕时间", "全方面负责组织开展筹划中心的各项工作"):
        own = match_of("ecom-ops-centre.yaml", text)
        assert own.verbatim is not None, text
        assert [f.function for f in own.functions] == [*own.verbatim.lead, *own.verbatim.support]


# ---------------------------------------------------------------------------------- seed 003


def test_taobao_ops_posts_without_duties() -> None:
    no_duty = {f.posts[0].zh for f in rule(report("taobao-ops.yaml"), "GapPostWithoutDuty")}
    assert no_duty == {"运营主管", "客服主管", "售前客服", "售后客服"}


def test_taobao_ops_nobody_owns_security_reconciliation_or_service() -> None:
    gaps = fns(rule(report("taobao-ops.yaml"), "GapBaselineFunction"))
    assert SECURITY | {"reconciliation", "complaint-handling", "service-system"} <= gaps


def test_taobao_ops_sales_target_is_owned_twice_in_one_line() -> None:
    r = report("taobao-ops.yaml")
    (m,) = rule(r, "OverlapAccountableMetricInLine")
    assert m.metric is not None and m.metric.zh == "销售任务" and posts(m) == {"ops-director", "promotion-specialist"}
    assert posts(by_function(r, "OverlapInSupervisionLine", "sales-performance")) == {"ops-director", "promotion-specialist"}
    assert not rule(r, "OverlapLeadFunction")


# ---------------------------------------------------------------------------------- acme (Excel)


def test_acme_deliberate_overlaps() -> None:
    r = report("acme-department-store.xlsx")
    for fn in ("user-growth", "user-activation"):
        assert posts(by_function(r, "OverlapLeadFunction", fn)) == {"new-media-operator", "member-operator"}
    assert posts(by_function(r, "OverlapLeadFunction", "member-campaigns")) == {"marketing-planner", "member-operator"}
    (metric,) = [f for f in rule(r, "OverlapAccountableMetric") if f.metric and f.metric.zh == "会员活跃度"]
    assert posts(metric) == {"marketing-planner", "member-operator"}
    # head office against each store: one finding per store, the same pattern in each
    promo = all_by_function(r, "OverlapLeadFunction", "promotion-planning")
    assert union(promo) == {"planning-head", "marketing-planner", "store-001-manager", "store-002-manager", "store-101-manager"}
    assert sorted(f.scope.id for f in promo if f.scope) == ["dept/store-001", "dept/store-002", "dept/store-101"]
    assert all({"planning-head", "marketing-planner"} <= posts(f) for f in promo) and len({f.pattern for f in promo}) == 1
    assert posts(by_function(r, "OverlapInSupervisionLine", "promotion-planning")) == {"planning-head", "marketing-planner"}
    sales = all_by_function(r, "OverlapInSupervisionLine", "sales-performance")
    assert union(sales) == {"region-east-manager", "region-south-manager", "store-001-manager", "store-002-manager", "store-101-manager"}
    assert len(sales) == 3 and all(len(posts(f)) == 2 for f in sales)  # each store manager with their region's manager


def test_acme_stores_and_regions_replicate_posts() -> None:
    """No overlap is between store managers only, or between the two region managers only."""
    r = report("acme-department-store.xlsx")
    stores = {"store-001-manager", "store-002-manager", "store-101-manager"}
    regions = {"region-east-manager", "region-south-manager"}
    for f in (f for f in r.findings if f.kind is Kind.OVERLAP):
        assert not posts(f) <= stores and not posts(f) <= regions, f.message_en
    # the store metric 门店销售额 has three accountable store managers: no overlap
    assert not [f for f in r.findings if f.metric and f.metric.zh in ("门店销售额", "区域销售额")]


def test_acme_team_functions() -> None:
    r = report("acme-department-store.xlsx")
    team = all_by_function(r, "OverlapTeamFunction", "team-training")
    assert team and all(f.severity is Severity.INFO for f in team)
    assert "planning-head" not in union(team) and "ops-head" not in union(team)
    assert not [f for f in r.findings if f.function and f.function.id == "fn:performance-appraisal"]


def test_acme_deliberate_gaps_and_exclusions() -> None:
    r = report("acme-department-store.xlsx")
    gaps = fns(rule(r, "GapBaselineFunction"))
    assert {"security-awareness", "security-incident-response", "traffic-analytics", "sales-analytics"} <= gaps
    assert not {"testing", "frontend-development", "to-home-operations", "it-architecture"} & gaps, "excluded (clause 5)"
    assert {"settlement", "reconciliation", "user-analytics"} <= fns(rule(r, "GapSupportOnly"))
    assert [f.department.zh for f in rule(r, "GapDepartmentWithoutPost") if f.department] == ["数据中心"]
    assert [f.posts[0].zh for f in rule(r, "GapPostWithoutDuty")] == ["会员中心主任"]
    canteen = match_of("acme-department-store.xlsx", "负责员工食堂与宿舍管理")  # no retail function owns a canteen
    assert (canteen.unmapped or canteen.to_review) and canteen.candidates
    o = r.organisations[0]
    assert o.excluded == 10 and 0.6 < o.share_covered < 0.9
