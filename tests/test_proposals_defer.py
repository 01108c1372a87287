"""Who leads where the duties' own words say it (docs/proposals.md, "How a proposal is chosen" and "When it proposes
nothing"): the rules read from the blind hand sets hand2.yaml, hand3.yaml and hand4.yaml agreeing with each other and
not with the program (h-propose6).

Each rule is shown on a small design written here, next to the same design without what triggers the rule, where the
engine answers otherwise: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from hand_proposals import Hand, verdict
from small_designs import owner, proposal, validate

from retailkg.validation.findings import Kind, Proposal


def demoted(p: Proposal) -> set[str]:
    return {c.post.zh for c in p.changes if c.action == "support"}


PEERS = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [客户服务, 物流与履约]}}
departments:
  - {{id: sales, name: 销售部}}
posts:
  - id: agent
    name: 客服
    department: sales
    duties:
      - text: "{track}"
        functions: [shipment-tracking]
      - text: "{register}"
        functions: [{register_functions}]
      - text: "接待售前咨询，推荐商品"
        functions: [pre-sales-service]
  - id: after-sales
    name: 售后客服
    department: sales
    duties:
      - text: "顾客退换货登记表，维护顾客和信息的及时反馈"
        functions: [after-sales-service, customer-feedback]
      - text: "根据顾客回访情况整顿向上一级进行反馈，跟踪物流查单"
        functions: [customer-feedback, shipment-tracking]
"""


def test_a_post_doing_the_work_only_while_another_is_off_duty_covers_for_it_and_does_not_lead_it(tmp_path: Path) -> None:
    """客服 tracks parcels only when after-sales is off (跟踪物流查单（售后下班时间）): cover, so 售后客服, which tracks
    them on its return calls, leads and 客服 supports. Without the words, 客服's duty does more of the work (all of
    one duty against half of one) but not with more duties: nothing tells the peers apart, a decision."""
    register = "客服顾客问题登记表，维护顾客和信息的及时反馈"
    cover = validate(tmp_path, "cover.yaml", PEERS.format(track="跟踪物流查单（售后下班时间）", register=register,
                                                          register_functions="customer-feedback"))
    p = proposal(cover, "OverlapLeadFunction", "fn:shipment-tracking")
    assert owner(p) == "售后客服" and demoted(p) == {"客服"}
    assert any("cover" in r.en for r in p.reasons)
    plain = validate(tmp_path, "plain.yaml", PEERS.format(track="跟踪物流查单", register=register,
                                                          register_functions="customer-feedback"))
    p = proposal(plain, "OverlapLeadFunction", "fn:shipment-tracking")
    assert p.status == "none" and "a decision" in p.summary_en


def test_of_two_peers_doing_as_much_of_the_work_the_one_with_a_duty_that_is_only_this_work_leads(tmp_path: Path) -> None:
    """客服 keeps the customer-problem register, a duty that is that work and nothing else; 售后客服's two duties each
    record feedback alongside returns or parcels (half each: as much in all). The dedicated duty leads. Where
    客服's register duty does something else besides, 售后客服 does more of the work with more duties, and leads."""
    register = validate(tmp_path, "register.yaml", PEERS.format(
        track="跟踪物流查单", register="客服顾客问题登记表，维护顾客和信息的及时反馈", register_functions="customer-feedback"))
    p = proposal(register, "OverlapLeadFunction", "fn:customer-feedback")
    assert owner(p) == "客服" and demoted(p) == {"售后客服"}
    assert any("dedicated" in r.en for r in p.reasons)
    shared = validate(tmp_path, "shared.yaml", PEERS.format(
        track="跟踪物流查单", register="客服顾客问题登记表，维护顾客和信息的及时反馈，接待售前咨询",
        register_functions="customer-feedback, pre-sales-service"))
    p = proposal(shared, "OverlapLeadFunction", "fn:customer-feedback")
    assert owner(p) == "售后客服" and not any("dedicated" in r.en for r in p.reasons)


ARCHIVE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [视觉设计]}}
departments:
  - {{id: design, name: 美工部}}
posts:
  - id: head
    name: 美工主管
    department: design
    duties:
      - text: "{head}"
        functions: [design-archive]
  - id: designer
    name: 美工
    department: design
    reports_to: head
    duties:
      - text: "完毕作品建档"
        functions: [design-archive]
"""


def test_a_superior_whose_duty_names_its_reports_work_gathers_it_and_the_report_leads(tmp_path: Path) -> None:
    """美工主管 files the designers' works (美工作品建档), each 美工 files its finished work: the supervisor's duty is
    about its report's work, so the report leads and the supervisor supports. Without the report's title in the
    duty (作品建档) the line does not say who does the work: a decision."""
    named = validate(tmp_path, "named.yaml", ARCHIVE.format(head="美工作品建档"))
    p = proposal(named, "OverlapInSupervisionLine", "fn:design-archive")
    assert owner(p) == "美工" and demoted(p) == {"美工主管"}
    assert any("names its report" in r.en for r in p.reasons)
    unnamed = validate(tmp_path, "unnamed.yaml", ARCHIVE.format(head="作品建档"))
    p = proposal(unnamed, "OverlapInSupervisionLine", "fn:design-archive")
    assert p.status == "none" and "a decision" in p.summary_en


ROLLOUT = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [经营管理, 营销推广]}}
departments:
  - {{id: ops, name: {unit}}}
posts:
  - id: lead
    name: 运营主管
    department: ops
    duties:
      - text: "制定年度经营目标与计划"
        functions: [business-planning]
"""


def test_store_work_is_a_decision_in_a_design_that_names_no_store_or_offline_place(tmp_path: Path) -> None:
    """数字化落地统筹 rolls digital projects out to departments and stores (4.1.1 c 推进门店的数字化工作). A web shop's
    design naming no store is not given it: whether it applies is the client's decision; nor is the making and
    setting out of campaign materials (物料, 4.1.4 c / 4.2.6 d). The same design with a stores unit (门店运营部) is
    given the roll-out, by the planning its post already does (4.2.4 b)."""
    web = validate(tmp_path, "web.yaml", ROLLOUT.format(unit="运营部"))
    p = proposal(web, "GapBaselineFunction", "fn:digital-rollout")
    assert p.status == "none" and not p.changes
    assert "names no physical store" in p.summary_en and "a decision" in p.summary_en
    materials = proposal(web, "GapBaselineFunction", "fn:promo-material-production")  # 物料: printed materials
    assert materials.status == "none" and "names no physical store" in materials.summary_en
    stores = validate(tmp_path, "stores.yaml", ROLLOUT.format(unit="门店运营部"))
    assert owner(proposal(stores, "GapBaselineFunction", "fn:digital-rollout")) == "运营主管"


TRADE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [视觉设计]}}
departments:
  - {{id: design, name: 设计部}}
posts:
  - id: design-lead
    name: 美工主管
    department: design
    duties:
      - text: "美工作品建档"
        functions: [design-archive]
  - id: designer
    name: {report}
    department: design
    reports_to: design-lead
    duties:
      - text: "完毕作品建档"
        functions: [design-archive]
"""


def test_of_a_manager_and_its_report_titled_for_one_trade_the_report_does_the_trades_work(tmp_path: Path) -> None:
    """美工主管 and its 美工 are as like 4.1.5 线上视觉美陈, and designing the pages (4.1.5 b) does the work rather than
    steers it: the designer, who practises the trade, is given it and the supervisor manages it. The same report
    titled 项目专员 is not of the trade, nor as like 4.1.5: the supervisor takes it, and may delegate it."""
    trade = validate(tmp_path, "trade.yaml", TRADE.format(report="美工"))
    p = proposal(trade, "GapBaselineFunction", "fn:page-design")
    assert owner(p) == "美工" and [c.source for c in p.changes] == ["T/CCAGM 003-2021 4.1.5 b"]
    assert any("practises the trade" in r.en for r in p.reasons)
    other = validate(tmp_path, "other.yaml", TRADE.format(report="项目专员"))
    assert owner(proposal(other, "GapBaselineFunction", "fn:page-design")) == "美工主管"


def test_no_change_agrees_with_a_hand_answer_keeping_every_post_of_an_overlap_and_not_with_alternatives() -> None:
    """A consultant who names 大区经理 the owner and keeps 店长 leading (a cascade) changes nothing: the program's no
    change is that answer. Two owners named without keeping them are alternatives (either should lead): no change is
    not that answer, and neither is it for a gap's post without duties, whose answer is to give it work."""
    none = Proposal("F1", "rkgsh:OverlapInSupervisionLine", Kind.OVERLAP, None, "none", "", "", None)
    posts = frozenset({"大区经理", "店长"})
    cascade = Hand("k", frozenset({"大区经理"}), False, frozenset({"店长"}), False, "")
    both = Hand("k", frozenset({"大区经理", "店长"}), False, frozenset({"大区经理", "店长"}), False, "")
    either = Hand("k", frozenset({"大区经理", "店长"}), False, frozenset(), False, "")
    assert verdict(none, cascade, posts) == verdict(none, both, posts) == "agree"
    assert verdict(none, either, posts) == "none"
    assert verdict(none, cascade) == "none"  # the finding's posts unknown: nothing to keep
    gap = Proposal("F2", "rkgsh:GapPostWithoutDuty", Kind.GAP, None, "none", "", "", None)
    assert verdict(gap, Hand("k", frozenset({"售后客服"}), False, frozenset(), False, ""), frozenset({"售后客服"})) == "none"
