"""Validation of the bundled documents and of small designs: the rules as a consultant reads them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, URIRef

from retailkg.cli import cli
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG
from retailkg.validation.findings import Finding, Kind, Report, Severity
from retailkg.validation.pipeline import validate_bundled
from retailkg.validation.reads import rule_reads
from retailkg.validation.reference import rule_data
from retailkg.validation.shapes import load_shapes, rules, top_shapes

CCAGM = "https://w3id.org/retailkg/ccagm-003-2021/"
ECOM = "https://w3id.org/retailkg/ecom-ops-centre/"
MANUALS = "https://w3id.org/retailkg/ecom-ops-manuals/"


@cache
def bundled() -> Report:
    return validate_bundled()


def find(report: Report, rule: str, **kw: str) -> list[Finding]:
    out = [f for f in report.findings if f.rule == f"rkgsh:{rule}"]
    if "function" in kw:
        out = [f for f in out if f.function and f.function.id == f"fn:{kw['function']}"]
    if "org" in kw:
        out = [f for f in out if f.organisation and f.organisation.iri.startswith(kw["org"])]
    return out


# ------------------------------------------------------------------------------------ bundled documents


@pytest.mark.parametrize("function", ["user-growth", "user-activation"])
def test_overlap_inside_the_standard(function: str) -> None:
    """T/CCAGM 003-2021 4.1.2 新媒体运营 and 4.1.3 会员运营 both lead user growth and activation."""
    (f,) = find(bundled(), "OverlapLeadFunction", function=function, org=CCAGM)
    assert f.kind is Kind.OVERLAP and f.severity is Severity.VIOLATION
    assert {p.iri for p in f.posts} == {CCAGM + "post/4.1.2", CCAGM + "post/4.1.3"}
    assert {p.zh for p in f.posts} == {"新媒体运营", "会员运营"}
    sources = {e.source for e in f.evidence}
    assert {"T/CCAGM 003-2021 4.1.2 b", "T/CCAGM 003-2021 4.1.3 a"} <= sources
    assert all(e.text_zh and e.post.iri in {p.iri for p in f.posts} for e in f.evidence)
    assert function in f.message_en or "用户" in f.message_zh


def test_every_bundled_organisation_is_validated() -> None:
    orgs = {o.organisation.iri for o in bundled().organisations}
    assert orgs == {CCAGM + "org", "https://w3id.org/retailkg/ccfags-046-2023/org", ECOM + "org",
                    MANUALS + "org/taobao-ops", MANUALS + "org/shenzhen-ecommerce"}
    refs = {o.organisation.iri for o in bundled().organisations if o.reference}
    assert refs == {CCAGM + "org", "https://w3id.org/retailkg/ccfags-046-2023/org"}


def test_overlaps_inside_the_e_commerce_organisations() -> None:
    r = bundled()
    # 002: the pre-sales and after-sales agents both track shipments; neither supervises the other
    (f,) = find(r, "OverlapLeadFunction", function="shipment-tracking", org=ECOM)
    assert {p.zh for p in f.posts} == {"客服", "售后客服"}
    # 003: the director and the promotion specialist (two levels below) both answer for the sales target
    (m,) = find(r, "OverlapAccountableMetricInLine", org=MANUALS + "org/taobao-ops")
    assert m.metric is not None and m.metric.zh == "销售任务" and m.severity is Severity.WARNING
    assert {p.zh for p in m.posts} == {"运营总监", "运营推广专员"}


def test_team_functions_overlap_only_in_a_supervision_line() -> None:
    """Four supervisors of 002 each train their own team: no overlap; the design supervisor and the
    designer both plan the designer's work: an info."""
    r = bundled()
    assert not [f for f in r.findings if f.function and f.function.id == "fn:team-training" and f.kind is Kind.OVERLAP]
    (f,) = find(r, "OverlapTeamFunction", function="work-allocation", org=ECOM)
    assert f.severity is Severity.INFO and {"美工", "美工主管"} <= {p.zh for p in f.posts}


def test_gaps_in_the_e_commerce_organisations() -> None:
    r = bundled()
    empty = {f.department.zh for f in find(r, "GapDepartmentWithoutPost", org=ECOM) if f.department}
    assert empty == {"商品部", "物流部"}
    no_duty = {f.posts[0].zh for f in find(r, "GapPostWithoutDuty", org=MANUALS + "org/taobao-ops")}
    assert no_duty == {"运营主管", "客服主管", "售前客服", "售后客服"}
    assert not find(r, "GapSupportOnly"), "a function only supported is a gap only where a baseline leads it"


def test_support_only_gaps_with_a_baseline() -> None:
    """With a baseline, 002's 筹划主管 only supports page design, which T/CCAGM 003-2021 leads (4.1.5) and nobody in
    运营中心 leads; 活动专人 and 直通车专人 only support product selection too, but nobody there leads any
    merchandise work, so it is part of that area's one Info (outside the scope inferred from the duties)."""
    r = validate_bundled("T/CCAGM 003-2021")
    (page,) = find(r, "GapSupportOnly", function="page-design", org=ECOM)
    assert {p.zh for p in page.posts} == {"筹划主管"}
    assert not find(r, "GapSupportOnly", function="product-selection", org=ECOM)
    (merch,) = [f for f in find(r, "GapAreaOutOfScope", org=ECOM) if f.area and f.area.id == "fn:merchandise"]
    assert "fn:product-selection" in {x.id for x in merch.functions} and merch.severity is Severity.INFO


def test_bundled_documents_have_no_baseline_gaps_unless_asked() -> None:
    assert not find(bundled(), "GapBaselineFunction")
    with_baseline = validate_bundled("T/CCAGM 003-2021")
    gaps = find(with_baseline, "GapBaselineFunction")
    assert gaps and not [f for f in gaps if f.organisation and f.organisation.iri.endswith("-2021/org")]
    # 运营中心 leads data analysis (shop data analysis) but no finance work: the one is a gap, the other out of scope
    assert find(with_baseline, "GapBaselineFunction", function="traffic-analytics", org=ECOM)
    assert not find(with_baseline, "GapBaselineFunction", function="reconciliation", org=ECOM)
    assert [f.area.id for f in find(with_baseline, "GapAreaOutOfScope", org=ECOM) if f.area and f.area.id == "fn:finance"]


def test_the_data_graph_holds_only_what_the_shapes_read() -> None:
    """The bundled documents' data graph is what the shapes read of them, as derived from the
    shapes: each statement's predicate (or, for a type, its class) is one a shape names."""
    kb = knowledge_base()
    orgs = [URIRef(o.organisation.iri) for o in bundled().organisations]
    data = rule_data(kb.graph, None, {}, orgs)
    shapes = load_shapes()
    reads = rule_reads(shapes, top_shapes(shapes))
    assert len(data) < len(kb.graph) / 2
    assert {str(p) for p in data.predicates() if p != RDF.type} <= reads.predicates | set(reads.joined)
    assert not list(data.subjects(RDF.type, RKG.Competency))
    assert not list(data.subjects(RDF.type, RKG.Clause))
    assert not list(data.subjects(RKG.baseline, None)), "no baseline unless the run sets one"
    assert len(set(data.subjects(RDF.type, RKG.Post))) == bundled().posts


def test_summary_counts_agree_with_findings() -> None:
    r = bundled()
    by_kind, by_sev = r.counts()
    assert sum(by_kind.values()) == sum(by_sev.values()) == len(r.findings)
    for o in r.organisations:
        mine = [f for f in r.findings if f.organisation and f.organisation.iri == o.organisation.iri]
        assert sum(o.by_kind.values()) == len(mine)
    ccagm = next(o for o in r.organisations if o.organisation.iri == CCAGM + "org")
    assert ccagm.share_covered == 1.0 and ccagm.posts == 23


# ------------------------------------------------------------------------------------ small designs

DESIGN = """\
organisation: {{id: t, name: 测试百货{exclude}}}
departments:
  - {{id: hq, name: 企划部}}
  - {{id: east, name: 华东大区, kind: region}}
  - {{id: s1, name: 一店, kind: store, parent: east}}
  - {{id: s2, name: 二店, kind: store, parent: east}}
posts:
  - {{id: head, name: 企划部经理, department: hq, duties: [{{text: 负责本部门员工业务技能培训与考核, functions: [team-training]}}]}}
  - {{id: rm, name: 大区经理, department: east, duties: [{{text: 组织区域团队培训, functions: [team-training]}}]}}
  - {{id: m1, name: 店长, department: s1, reports_to: rm, duties: [{{text: 策划门店促销, functions: [promotion-planning]}}]}}
  - {{id: m2, name: 店长, department: s2, reports_to: rm, duties: [{{text: 策划门店促销, functions: [promotion-planning]}}]}}
{extra}"""


def _design(tmp_path: Path, extra: str = "", exclude: str = "") -> Report:
    from retailkg.validation.pipeline import validate_file

    p = tmp_path / "t.yaml"
    p.write_text(DESIGN.format(extra=extra, exclude=exclude), encoding="utf-8")
    return validate_file(p)


def _overlaps(r: Report) -> set[tuple[str, frozenset[str]]]:
    return {(f.rule, frozenset(p.id for p in f.posts)) for f in r.findings if f.kind is Kind.OVERLAP}


def test_stores_replicate_posts(tmp_path: Path) -> None:
    """Two store managers plan promotions: no overlap; two supervisors train their teams: no overlap."""
    assert _overlaps(_design(tmp_path)) == set()


def test_head_office_and_stores_overlap_once_per_store(tmp_path: Path) -> None:
    """The head office's planner overlaps with each store's manager: one finding per store, and the
    two findings share a pattern (the same finding repeated), each scoped to its store."""
    extra = "  - {id: planner, name: 营销策划, department: hq, duties: [{standard: T/CCAGM 003-2021 4.1.1 a}]}\n"
    r = _design(tmp_path, extra)
    assert _overlaps(r) == {("rkgsh:OverlapLeadFunction", frozenset({"post/planner", "post/m1"})),
                            ("rkgsh:OverlapLeadFunction", frozenset({"post/planner", "post/m2"}))}
    found = find(r, "OverlapLeadFunction")
    assert {f.scope.id for f in found if f.scope} == {"dept/s1", "dept/s2"}
    assert len({f.pattern for f in found}) == 1 and found[0].pattern


def test_head_office_posts_overlap_as_one_finding(tmp_path: Path) -> None:
    extra = ("  - {id: planner, name: 营销策划, department: hq, duties: [{standard: T/CCAGM 003-2021 4.1.1 a}]}\n"
             "  - {id: planner2, name: 活动策划, department: hq, duties: [{standard: T/CCAGM 003-2021 4.1.1 a}]}\n")
    r = _design(tmp_path, extra)
    (hq,) = [f for f in find(r, "OverlapLeadFunction") if {p.id for p in f.posts} == {"post/planner", "post/planner2"}]
    assert hq.scope is None and not hq.pattern  # organisation level: nothing repeats


def test_a_unit_and_the_unit_above_it_overlap(tmp_path: Path) -> None:
    extra = ("  - {id: rm2, name: 区域促销专员, department: east, reports_to: rm,\n"
             "     duties: [{text: 策划区域促销, functions: [promotion-planning]}]}\n")
    assert _overlaps(_design(tmp_path, extra)) == {("rkgsh:OverlapLeadFunction", frozenset({"post/rm2", "post/m1"})),
                                                   ("rkgsh:OverlapLeadFunction", frozenset({"post/rm2", "post/m2"}))}


def test_supervision_line_is_a_warning(tmp_path: Path) -> None:
    extra = ("  - {id: t1, name: 培训专员, department: east, reports_to: rm,\n"
             "     duties: [{text: 组织区域团队培训, functions: [team-training]}]}\n")
    r = _design(tmp_path, extra)
    assert _overlaps(r) == {("rkgsh:OverlapTeamFunction", frozenset({"post/rm", "post/t1"}))}
    extra = ("  - {id: p1, name: 促销专员, department: s1, reports_to: m1,\n"
             "     duties: [{text: 策划门店促销, functions: [promotion-planning]}]}\n")
    r = _design(tmp_path, extra)
    assert _overlaps(r) == {("rkgsh:OverlapInSupervisionLine", frozenset({"post/m1", "post/p1"}))}
    assert find(r, "OverlapInSupervisionLine")[0].severity is Severity.WARNING


def test_excluded_functions_are_no_gap(tmp_path: Path) -> None:
    r1 = _design(tmp_path, exclude=", scope: [all]")
    assert find(r1, "GapBaselineFunction", function="reconciliation")
    r2 = _design(tmp_path, exclude=", scope: [all], exclude: [reconciliation, 对账与稽核]")
    assert not find(r2, "GapBaselineFunction", function="reconciliation")
    o = r2.organisations[0]
    assert o.excluded == 1 and o.baseline_functions == r1.organisations[0].baseline_functions


def test_exclude_functions_is_still_read(tmp_path: Path) -> None:
    """The name before `exclude` keeps working for the designs that use it."""
    r = _design(tmp_path, exclude=", scope: [all], exclude_functions: [reconciliation]")
    assert not find(r, "GapBaselineFunction", function="reconciliation") and r.organisations[0].excluded == 1


def test_an_excluded_area_excludes_every_function_of_it(tmp_path: Path) -> None:
    r = _design(tmp_path, exclude=", scope: [all], exclude: [finance]")
    assert not [f for f in find(r, "GapBaselineFunction") if f.function and f.function.id in {
        "fn:reconciliation", "fn:settlement", "fn:invoice-tax", "fn:budgeting"}]
    finance = next(a for a in r.organisations[0].areas if a.area.id == "fn:finance")
    assert finance.excluded == finance.baseline == 7 and finance.gap == 0


def test_gap_evidence_names_the_standard_posts(tmp_path: Path) -> None:
    (f,) = find(_design(tmp_path, exclude=", scope: [all]"), "GapBaselineFunction", function="security-incident-response")
    assert [p.zh for p in f.standard_posts] == ["信息安全"]
    assert [e.source for e in f.evidence] and all(e.source.startswith("T/CCAGM 003-2021 4.3.6") for e in f.evidence)


# ------------------------------------------------------------------------------------ exit codes


def _cli(args: list[str]) -> int:
    return CliRunner().invoke(cli, args).exit_code


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    warn_only = tmp_path / "w.yaml"
    # a design whose only finding is a warning: a post without duties (every baseline function excluded)
    kb = knowledge_base()
    from retailkg.kg.catalog import document

    fns = sorted(kb.functions[f].id for f in kb.covered_functions(document("ccagm-003-2021")))
    warn_only.write_text(
        "organisation: {id: w, name: 警告百货, exclude_functions: [" + ", ".join(fns) + "]}\n"
        "departments: [{id: hq, name: 总部}]\n"
        "posts: [{id: a, name: 岗位甲, department: hq, duties: [{text: 制定年度促销计划, functions: [promotion-planning]}]},"
        " {id: b, name: 岗位乙, department: hq}]\n", encoding="utf-8")
    assert _cli(["validate", str(warn_only), "--format", "tsv"]) == 0
    assert _cli(["validate", str(warn_only), "--format", "tsv", "--fail-on", "warning"]) == 1
    assert _cli(["validate", str(warn_only), "--format", "tsv", "--fail-on", "info"]) == 1
    clean = tmp_path / "c.yaml"
    clean.write_text(warn_only.read_text(encoding="utf-8").replace(", {id: b, name: 岗位乙, department: hq}", ""), encoding="utf-8")
    assert _cli(["validate", str(clean), "--format", "tsv", "--fail-on", "info"]) == 0
    out = tmp_path / "r.md"
    assert _cli(["validate", str(warn_only), "-o", str(out), "--fail-on", "warning"]) == 1
    assert out.is_file(), "the report is written even when the exit code is 1"


def test_bundled_validation_exits_1_on_violations(tmp_path: Path) -> None:
    out = tmp_path / "bundled.json"
    assert _cli(["validate", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8").startswith("{")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _cli(["validate", "--format", "pdf"]) == 2
    assert _cli(["validate", "--fail-on", "error"]) == 2
    assert _cli(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert _cli(["validate", "--baseline", "电子商务运营部门架构"]) == 2  # not a standard


def test_help_has_examples() -> None:
    commands = (["validate"], ["org"], ["org", "template"], ["org", "rdf"], ["org", "match"])
    for args in ([*c, "--help"] for c in commands):
        res = CliRunner().invoke(cli, args)
        assert res.exit_code == 0 and "Examples:" in res.output, args


def test_naming_knows_no_rule_by_its_name() -> None:
    """What a finding shows is declared in its rule's shape (rkgsh:evidence and the rest): the code
    that names findings and loads data names no bundled rule, so a new rule needs no code."""
    src = Path(__file__).resolve().parents[1] / "src" / "retailkg" / "validation"
    code = "".join((src / name).read_text(encoding="utf-8") for name in ("naming.py", "pipeline.py", "loading.py", "reads.py"))
    named = [r.curie for r in rules() if r.curie.split(":", 1)[1] in code]
    assert named == []
