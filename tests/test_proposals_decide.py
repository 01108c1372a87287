"""Where the design does not settle who should own the work, the proposal says it is the organisation's decision
(docs/proposals.md, "When it proposes nothing"): the rules read from the third hand set's disagreements (h-propose5),
as narrowed by the rules read from the three blind sets agreeing (h-propose6, tests/test_proposals_defer.py).

Each rule is shown on a small design written here, next to the same design without what triggers the rule, where the
engine does propose a change: the rule, not something else, is what holds the change back.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, proposal, validate

SLIVER = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [经营管理, 营销推广, 数据分析]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: lead
    name: 运营主管
    department: ops
    duties:
      - text: "{text}"
        functions: [{function}]
"""


def test_a_sliver_of_a_broad_standard_posts_side_line_work_does_not_make_a_post_its_owner_for_another_area(
        tmp_path: Path) -> None:
    """4.2.4 数字化运营 is mostly management (planning, roll-out, relations, research) and also allocates promotion
    traffic (4.2.4 c, marketing) and monitors data (4.2.4 d, data analysis). A post whose only work of it is the
    traffic allocation is not thereby its data monitor: a decision. A post doing its main work (business planning,
    4.2.4 b) is given the data monitoring."""
    side = validate(tmp_path, "side.yaml", SLIVER.format(text="分配各推广渠道的流量", function="promotion-channel-planning"))
    p = proposal(side, "GapBaselineFunction", "fn:data-monitoring")
    assert p.status == "none" and not p.changes
    assert "a sliver" in p.summary_en and "a decision" in p.summary_en and "运营主管" in p.summary_zh
    main = validate(tmp_path, "main.yaml", SLIVER.format(text="制定年度经营目标与计划", function="business-planning"))
    p = proposal(main, "GapBaselineFunction", "fn:data-monitoring")
    assert owner(p) == "运营主管" and [c.source for c in p.changes] == ["T/CCAGM 003-2021 4.2.4 d"]


VISUAL = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [视觉设计]}}
departments:
  - {{id: design, name: 设计部}}
posts:
  - id: design-lead
    name: 美工主管
    department: design
    duties:
      - text: "{lead}"
        functions: [design-archive]
  - id: designer
    name: 美工
    department: design
    reports_to: design-lead
    duties:
      - text: "完毕作品建档"
        functions: [design-archive]
{helps}"""


def test_a_manager_and_its_report_of_one_trade_split_the_steering_and_the_doing_duties(tmp_path: Path) -> None:
    """美工主管 and its 美工 are as like 4.1.5 线上视觉美陈 as each other (the title, the visual work). Its duty setting
    the VI/UI norms (4.1.5 a: 制定…规范) and managing the campaigns' design style (4.1.5 c: 风格管理) steer the work: the
    manager takes them. Designing the pages (4.1.5 b) is doing it, and both are titled for the trade: the designer
    does it (h-propose6; a decision before, tests/test_proposals_defer.py shows the rule)."""
    r = validate(tmp_path, "visual.yaml", VISUAL.format(lead="美工作品建档", helps=""))
    pages = proposal(r, "GapBaselineFunction", "fn:page-design")
    assert owner(pages) == "美工" and [c.source for c in pages.changes] == ["T/CCAGM 003-2021 4.1.5 b"]
    for fn, clause in (("fn:visual-standards", "4.1.5 a"), ("fn:campaign-creative", "4.1.5 c")):
        p = proposal(r, "GapBaselineFunction", fn)
        assert owner(p) == "美工主管", fn
        assert [c.source for c in p.changes] == [f"T/CCAGM 003-2021 {clause}"]


def test_a_report_doing_as_much_of_work_the_baseline_gives_no_owner_as_its_superior_is_a_decision(tmp_path: Path) -> None:
    """No post of the baseline leads the design archive: the line would decide. 美工主管 archives the team's work and
    each 美工 files his own, one duty each: whether the supervisor checks the designers' filing or keeps an archive of
    its own, the line does not say: a decision. A supervisor whose duty manages the archive (管理) steers it and
    leads, and so does one whose designer helps it keep the archive (a duty supporting it): the designer supports.
    (A supervisor's duty naming the designers' work, 美工作品建档, gathers it: tests/test_proposals_defer.py.)"""
    r = validate(tmp_path, "archive.yaml", VISUAL.format(lead="作品建档", helps=""))
    p = proposal(r, "OverlapInSupervisionLine", "fn:design-archive")
    assert p.status == "none" and not p.changes and "a decision" in p.summary_en and "美工" in p.summary_zh
    steered = validate(tmp_path, "steered.yaml", VISUAL.format(lead="管理美工作品建档", helps=""))
    helped = validate(tmp_path, "helped.yaml", VISUAL.format(lead="美工作品建档", helps=(
        '      - text: "协助主管整理设计档案"\n        role: support\n        functions: [design-archive]\n')))
    for r in (steered, helped):
        p = proposal(r, "OverlapInSupervisionLine", "fn:design-archive")
        assert owner(p) == "美工主管"
        assert [(c.action, c.post.zh) for c in p.changes] == [("support", "美工")]


PEERS = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [客户服务]}}
departments:
  - {{id: service, name: 客服部}}
posts:
  - id: agent
    name: 客服
    department: service
    duties:
      - text: "客服顾客问题登记表，维护顾客和信息的及时反馈"
        functions: [customer-feedback]
  - id: after-sales
    name: 售后客服
    department: service
    duties:
      - text: "顾客退换货登记表，维护顾客和信息的及时反馈"
        functions: [customer-feedback, after-sales-service]
      - text: "{second}"
        functions: {functions}
"""


def test_peers_doing_as_much_once_a_duty_doing_several_things_counts_in_part_lead_by_a_dedicated_duty_or_by_doing_more(
        tmp_path: Path) -> None:
    """No post of the baseline leads customer feedback, and the two agents are peers. 客服 keeps the problem register
    (a duty doing that alone); 售后客服 has two duties recording feedback, each also doing something else (a returns
    register; a return call that also handles the refund): two duties, but as much of the work; 客服's duty is that work
    alone, so 客服 leads (h-propose6; a decision before). When 售后客服's second duty is feedback alone, it does more
    and leads."""
    split = validate(tmp_path, "split.yaml", PEERS.format(second="根据顾客回访情况整顿向上一级进行反馈，处理退款",
                                                          functions="[customer-feedback, after-sales-service]"))
    p = proposal(split, "OverlapLeadFunction", "fn:customer-feedback")
    assert owner(p) == "客服" and [(c.action, c.post.zh) for c in p.changes] == [("support", "售后客服"), ("support", "售后客服")]
    whole = validate(tmp_path, "whole.yaml", PEERS.format(second="根据顾客回访情况整顿向上一级进行反馈",
                                                          functions="[customer-feedback]"))
    p = proposal(whole, "OverlapLeadFunction", "fn:customer-feedback")
    assert owner(p) == "售后客服" and [(c.action, c.post.zh) for c in p.changes] == [("support", "客服")]
    assert "1/n" in " ".join(r.en for r in p.reasons)


METRIC = """organisation: {{id: store, name: 百货, baseline: T/CCAGM 003-2021, scope: [客户服务, 经营管理]}}
departments:
  - {{id: hq, name: 总经办}}
  - {{id: ops, name: 运营部}}
posts:
{top}  - id: manager
    name: 运营经理
    department: ops
{manager_line}    duties: [{{standard: 4.2.4 b}}]
    accountable_for: [运营成本]
  - id: service
    name: 服务管理专员
    department: ops
    reports_to: manager
    duties: [{{standard: 4.2.3 a}}]
    accountable_for: [运营成本]
"""


def test_a_metric_the_head_of_the_whole_design_answers_for_is_not_taken_from_it(tmp_path: Path) -> None:
    """服务管理专员 is the post like 4.2.3 服务管理, which the standard makes accountable for operating cost. When its
    superior heads the whole design, that head answers for the whole organisation's operating cost and the specialist
    contributes its part: the head keeps it and the specialist no longer answers for it (h-propose6, as the three
    blind sets say; no change before). Under a department manager who heads nothing above the department, the
    specialist keeps it and the manager no longer answers for it."""
    headed = validate(tmp_path, "headed.yaml", METRIC.format(top="", manager_line=""))
    p = proposal(headed, "OverlapAccountableMetricInLine", "ccagm-003-2021/metric/operating-cost")
    assert owner(p) == "运营经理"
    assert [(c.action, c.post.zh) for c in p.changes] == [("drop-metric", "服务管理专员")]
    assert any("heads the whole design" in r.en for r in p.reasons) and p.confidence <= 0.5
    under = validate(tmp_path, "under.yaml", METRIC.format(
        top="  - {id: gm, name: 总经理, department: hq, duties: [{text: 负责公司全面工作, functions: [business-planning]}]}\n",
        manager_line="    reports_to: gm\n"))
    p = proposal(under, "OverlapAccountableMetricInLine", "ccagm-003-2021/metric/operating-cost")
    assert owner(p) == "服务管理专员"
    assert [(c.action, c.post.zh) for c in p.changes] == [("drop-metric", "运营经理")]
