"""Where the design's evidence names several owners, the choice is the client's (docs/proposals.md, "When it proposes
nothing"): the rule read in h-propose12 from the findings where the sets written blind split evenly and the engine's
answer was called wrong by half of them (hand2-hand13: six name the supervisor consolidating its agents' feedback,
six the agent keeping the shared register).

The rule is shown on a small design written here, next to the same design with one report doing the work, where the
engine proposes a change as before: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, proposal, validate

from retailkg.validation.findings import Proposal

SERVICE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [客户服务]}}
departments:
  - {{id: sales, name: 销售部}}
posts:
  - id: supervisor
    name: 销售主管
    department: sales
    duties:
      - text: "整顿客服反馈问题，第一时间进行上级反馈"
        functions: [customer-feedback]
  - id: agent
    name: 客服
    department: sales
    reports_to: supervisor
    duties:
      - text: "客服顾客问题登记表，维护顾客和信息的及时反馈"
        functions: [customer-feedback]
      - text: "接待售前咨询，推荐商品"
        functions: [pre-sales-service]
  - id: after-sales
    name: 售后客服
    department: sales
    reports_to: supervisor
    duties:
      - text: "顾客退换货登记表{logs}"
        functions: [after-sales-service{feedback}]
      - text: "{after}"
        functions: [{after_functions}]
"""


def demoted(p: Proposal) -> set[str]:
    return {c.post.zh for c in p.changes if c.action == "support"}


def test_a_superior_gathering_the_same_work_from_several_reports_doing_it_is_a_decision_naming_the_candidates(
        tmp_path: Path) -> None:
    """销售主管 sorts out the agents' feedback and reports it up (整顿客服反馈问题); 客服 keeps the problem register and
    售后客服 logs feedback with the returns and from its return calls (half of two duties): both reports do the
    work the supervisor gathers. Whether the supervisor closes the loop or the agent with the register leads, the
    design does not say: no change, the summary naming the three candidates. With 售后客服 doing no feedback work,
    the supervisor gathers one report's work and that report leads (the h-propose6 rule, unchanged)."""
    several = validate(tmp_path, "several.yaml", SERVICE.format(
        logs="，维护顾客和信息的及时反馈", feedback=", customer-feedback",
        after="根据顾客回访情况整顿向上一级进行反馈，跟踪物流查单", after_functions="customer-feedback, shipment-tracking"))
    p = proposal(several, "OverlapInSupervisionLine", "fn:customer-feedback")
    assert p.status == "none" and owner(p) is None and not p.changes
    assert "a decision" in p.summary_en and "gathers its reports' work" in p.summary_en
    assert all(name in p.summary_zh for name in ("销售主管", "客服", "售后客服"))
    one = validate(tmp_path, "one.yaml", SERVICE.format(logs="", feedback="", after="跟踪物流查单",
                                                       after_functions="shipment-tracking"))
    p = proposal(one, "OverlapInSupervisionLine", "fn:customer-feedback")
    assert owner(p) == "客服" and demoted(p) == {"销售主管"}
    assert any("names its report" in r.en for r in p.reasons)


def test_the_peers_overlap_beside_the_gathering_supervisor_still_gets_its_owner(tmp_path: Path) -> None:
    """The rule leaves the agents' own overlap alone: of the two peers, the one with a duty that is the feedback work
    alone (客服's register) leads it, as the consensus of the sets says; only who owns it against the supervisor is
    left to the client."""
    several = validate(tmp_path, "peers.yaml", SERVICE.format(
        logs="，维护顾客和信息的及时反馈", feedback=", customer-feedback",
        after="根据顾客回访情况整顿向上一级进行反馈，跟踪物流查单", after_functions="customer-feedback, shipment-tracking"))
    p = proposal(several, "OverlapLeadFunction", "fn:customer-feedback")
    assert owner(p) == "客服" and demoted(p) == {"售后客服"}
