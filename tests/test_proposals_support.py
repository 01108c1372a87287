"""A post without duties under a supervisor the proposals give work (docs/proposals.md, "How a proposal is chosen"):
the rule read in h-propose10 from the findings where the blind hand sets hand2-hand8 agree (seven of seven for
taobao's 售后客服, six for its 售前客服): "the post's name and its place under 客服主管 settle its work".

The rule is shown on a small design written here, next to the same design where the post's title does not name its
supervisor's trade, where the engine proposes nothing: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, validate

from retailkg.kg.knowledge import knowledge_base
from retailkg.validation.findings import Kind, Proposal, Report
from retailkg.validation.proposals import select_proposals, to_be_yaml

SERVICE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [客户服务]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: head
    name: 运营总监
    department: ops
    duties:
      - text: "制定店铺年度经营目标"
        functions: [business-planning]
  - id: service-head
    name: 客服主管
    department: ops
    reports_to: head
    duties: []
  - id: agent
    name: {agent}
    department: ops
    reports_to: service-head
    duties: []
"""


def without_duty(r: Report, post: str) -> Proposal:
    found = [p for p in r.proposals if p.rule == "rkgsh:GapPostWithoutDuty" and p.subject is not None
             and p.subject.id == f"post/{post}"]
    assert len(found) == 1
    return found[0]


def test_a_post_without_duties_titled_for_its_supervisors_trade_supports_the_work_the_supervisor_takes(
        tmp_path: Path) -> None:
    """售后客服 has no duties and reports to 客服主管, which the gaps' proposals make lead the customer-service work: the
    agent is given the same standard duties as support (its title names the supervisor's trade, 客服), so the
    to-be design gives it work without a second post leading anything. Titled 售后专员 (no 客服), nothing tells
    what it does: no proposal, as before."""
    r = validate(tmp_path, "agent.yaml", SERVICE.format(agent="售后客服"))
    boss = {c.function.id for p in r.proposals if p.status == "change" and p.owner is not None and p.owner.zh == "客服主管"
            for c in p.changes if c.action == "add-duty" and c.function is not None}
    assert boss
    p = without_duty(r, "agent")
    assert owner(p) == "售后客服"
    assert {c.action for c in p.changes} == {"add-support"}
    assert {c.function.id for c in p.changes if c.function is not None} == boss
    assert all(c.source.startswith("T/CCAGM 003-2021 ") for c in p.changes)
    assert 0 < p.confidence <= 0.5 and p.confidence_reasons  # a title and a line say which work, not which part
    out = tmp_path / "to-be.yaml"
    out.write_text(to_be_yaml(r, select_proposals(r.proposals), knowledge_base()), encoding="utf-8")
    after = validate(tmp_path, "to-be.yaml", out.read_text(encoding="utf-8"))
    assert p.finding not in {f.id for f in after.findings}
    before = {f.id for f in r.findings}
    assert [f for f in after.findings if f.id not in before and f.kind in (Kind.OVERLAP, Kind.GAP)] == []
    other = validate(tmp_path, "other.yaml", SERVICE.format(agent="售后专员"))
    assert owner(without_duty(other, "agent")) is None


def test_a_post_titled_like_its_supervisor_alone_is_not_given_the_supervisors_work(tmp_path: Path) -> None:
    """A second 客服主管 under the first says nothing the first does not: it is not a helper by its title, so nothing
    is proposed for it."""
    r = validate(tmp_path, "same.yaml", SERVICE.format(agent="客服主管"))
    assert owner(without_duty(r, "agent")) is None
