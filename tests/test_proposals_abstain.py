"""Where a consultant would not change the design, the proposal says it is a decision (docs/proposals.md).

Each rule is shown on a small design written here, next to the same design without what triggers the rule, where
the engine does propose a change: the rule, not something else, is what holds the change back.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import proposal, validate

from retailkg.kg.knowledge import knowledge_base
from retailkg.validation.pipeline import validate_file
from retailkg.validation.proposals import select_proposals, to_be_yaml

HEAD = """organisation: {{id: head, name: 总部, baseline: T/CCAGM 003-2021, scope: [经营管理, 数据分析]}}
departments:
  - {{id: hq, name: 总经办}}
  - {{id: admin, name: 行政部}}
posts:
  - id: gm
    name: {head}
    department: hq
    duties: [{{standard: 4.2.4 b}}]
  - id: clerk
    name: 行政专员
    department: admin
{line}    duties: [{{standard: 4.4.2 a}}]
"""


def test_a_gap_is_not_given_to_the_head_of_the_whole_design_unless_its_title_names_the_work(tmp_path: Path) -> None:
    """总经理 leads business planning (4.2.4 b), so it is the post most like 4.2.4 数字化运营, which also leads data
    monitoring (4.2.4 d, data analysis) and external relations (4.2.4 f). As the head of the design, with a title naming
    nothing of that work (every head plans), it is handed neither, not even the management work of its own area: which
    department takes it is a decision (since h-propose5). A head titled for the work (数字化运营总监) keeps the gaps of
    its own area, not the data work; a 总经理 heading nothing is an ordinary post and is given both."""
    headed = validate(tmp_path, "headed.yaml", HEAD.format(head="总经理", line="    reports_to: gm\n"))
    for fn, clause in (("fn:data-monitoring", "4.2.4 d"), ("fn:external-relations", "4.2.4 f")):
        p = proposal(headed, "GapBaselineFunction", fn)
        assert p.status == "none" and not p.changes, fn
        assert "head of the whole design" in p.summary_en and "a decision" in p.summary_en
        assert p.standard and p.standard[0].source == f"T/CCAGM 003-2021 {clause}"
    titled = validate(tmp_path, "titled.yaml", HEAD.format(head="数字化运营总监", line="    reports_to: gm\n"))
    relations = proposal(titled, "GapBaselineFunction", "fn:external-relations")
    assert relations.status == "change" and relations.owner is not None and relations.owner.zh == "数字化运营总监"
    data = proposal(titled, "GapBaselineFunction", "fn:data-monitoring")
    assert data.status == "none" and "head of the whole design" in data.summary_en
    alone = validate(tmp_path, "alone.yaml", HEAD.format(head="总经理", line=""))
    data = proposal(alone, "GapBaselineFunction", "fn:data-monitoring")
    assert data.status == "change" and data.owner is not None and data.owner.zh == "总经理"


UNIT = """organisation: {{id: unit, name: 百货, baseline: T/CCAGM 003-2021, scope: [all]}}
departments:
  - {{id: ops, name: 运营部}}
{unit}posts:
  - id: brand
    name: 品牌运营专员
    department: ops
    duties: [{{standard: 4.2.2}}]
"""


WIDE_HEAD = """organisation: {{id: wide, name: 网店, baseline: T/CCAGM 003-2021, scope: [经营管理, 线上渠道运营]}}
departments:
  - {{id: hq, name: 运营中心}}
posts:
  - id: director
    name: {head}
    department: hq
    duties:
      - {{standard: 4.2.4 b}}
      - {{standard: 4.2.4 e}}
      - text: "负责网站运营"
        functions: [online-mall-operations]
  - id: operator
    name: 项目运营
    department: hq
    reports_to: director
    duties: [{{standard: 4.4.2 a}}]
"""


def test_the_head_of_the_whole_design_keeps_only_gaps_of_the_area_most_of_its_work_is_in(tmp_path: Path) -> None:
    """数字化运营总监 leads planning and new channels (management: 4.2.4 b, e) and runs the website (online channels): the
    channel work 4.2.4 and 4.2.8 到家业务运营 share makes it the closest post to on-demand delivery (4.2.8 a), but
    online channels are not the area most of its work is in: a decision, not a duty for the head. External relations
    (management, its main area, and its title names 4.2.4) it keeps; as 运营总监, a title naming none of it, it does
    not (since h-propose5)."""
    r = validate(tmp_path, "wide.yaml", WIDE_HEAD.format(head="数字化运营总监"))
    p = proposal(r, "GapBaselineFunction", "fn:to-home-operations")
    assert p.status == "none" and not p.changes and "head of the whole design" in p.summary_en
    relations = proposal(r, "GapBaselineFunction", "fn:external-relations")  # management: its main area
    assert relations.status == "change" and relations.owner is not None and relations.owner.zh == "数字化运营总监"
    plain = validate(tmp_path, "plain.yaml", WIDE_HEAD.format(head="运营总监"))
    relations = proposal(plain, "GapBaselineFunction", "fn:external-relations")
    assert relations.status == "none" and "head of the whole design" in relations.summary_en


def test_a_gap_of_the_work_a_unit_without_posts_was_set_up_for_is_left_to_staff_it(tmp_path: Path) -> None:
    """The design has a 数据中心 with no post: the analysis of merchants (4.2.5 d, 数据运营's) is not handed to the
    brand operator, who grades merchants (4.2.2 a); staffing the unit is the decision. Without that unit, the brand
    operator is given it."""
    staffed_later = validate(tmp_path, "unit.yaml", UNIT.format(unit="  - {id: data, name: 数据中心}\n"))
    p = proposal(staffed_later, "GapBaselineFunction", "fn:merchant-analytics")
    assert p.status == "none" and not p.changes
    assert "数据中心" in p.summary_zh and "gave it no post" in p.summary_en
    assert [e.source for e in p.standard] == ["T/CCAGM 003-2021 4.2.5 d"]
    without = validate(tmp_path, "no-unit.yaml", UNIT.format(unit=""))
    p = proposal(without, "GapBaselineFunction", "fn:merchant-analytics")
    assert p.status == "change" and p.owner is not None and p.owner.zh == "品牌运营专员"


AREA_TITLE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [营销推广]}}
departments:
  - {{id: ops, name: 门店运营部}}
posts:
  - id: promoter
    name: {title}
    department: ops
    duties:
      - text: "负责店铺推广、提高店铺点击率和浏览量"
        functions: [listing-optimisation, promotion-channel-planning]
"""


def test_a_title_naming_only_the_area_does_not_make_a_post_unlike_the_standards_owner_credible(tmp_path: Path) -> None:
    """运营推广专员 is titled for promotion (营销推广, the area of brand publicity) but does nothing of 4.1.2 新媒体运营,
    which leads brand publicity (4.1.2 d): no proposal; nor of 4.2.6 社群营销's ground promotion, whose name has 推广
    only as the area's word. A title naming the function's standard post as well (新媒体推广专员) is close enough to
    that post, and is given it. (The unit names stores, so ground promotion is not left aside as store-floor work.)"""
    unlike = validate(tmp_path, "unlike.yaml", AREA_TITLE.format(title="运营推广专员"))
    p = proposal(unlike, "GapBaselineFunction", "fn:brand-publicity")
    assert p.status == "none" and not p.changes and "no post of this design does work of this area" in p.summary_en
    # 推广 is in 地面推广与线下广告 too, but as the area's word (营销推广): it does not name 4.2.6 社群营销's work
    p = proposal(unlike, "GapBaselineFunction", "fn:ground-promotion")
    assert p.status == "none" and not p.changes and "no post of this design does work of this area" in p.summary_en
    like = validate(tmp_path, "like.yaml", AREA_TITLE.format(title="新媒体推广专员"))
    p = proposal(like, "GapBaselineFunction", "fn:brand-publicity")
    assert p.status == "change" and p.owner is not None and p.owner.zh == "新媒体推广专员"


CASCADE = """organisation: {{id: chain, name: 连锁, baseline: T/CCAGM 003-2021, scope: [销售]}}
departments:
  - {{id: region, name: 华东大区}}
  - {{id: store-1, name: 一号店}}
posts:
  - id: region-manager
    name: 大区经理
    department: region
    duties:
      - text: "分解大区销售目标，管理各门店的业绩"
        functions: [sales-performance]
      - text: "组织大区团队的业务培训"
        functions: [team-training]
  - id: store-manager
    name: 店长
    department: {store}
    reports_to: region-manager
    duties:
      - text: "完成门店销售目标，负责门店业绩管理"
        functions: [sales-performance]
      - text: "组织门店团队的业务培训"
        functions: [team-training]
"""


def test_a_report_heading_its_own_unit_keeps_work_the_line_breaks_down(tmp_path: Path) -> None:
    """No post of the baseline leads sales performance, and team training is every head's: the line decides. A store
    manager heading its own store under the regional manager does both for its store while the regional manager
    breaks them down: a cascade, no change. A report in the regional manager's own unit supports instead."""
    chain = validate(tmp_path, "chain.yaml", CASCADE.format(store="store-1"))
    for rule, fn in (("OverlapInSupervisionLine", "fn:sales-performance"), ("OverlapTeamFunction", "fn:team-training")):
        p = proposal(chain, rule, fn)
        assert p.status == "none" and not p.changes, fn
        assert "a cascade" in p.summary_en and "大区经理" in p.summary_zh and "店长" in p.summary_zh
    flat = validate(tmp_path, "flat.yaml", CASCADE.format(store="region"))
    for rule, fn in (("OverlapInSupervisionLine", "fn:sales-performance"), ("OverlapTeamFunction", "fn:team-training")):
        p = proposal(flat, rule, fn)
        assert p.status == "change" and p.owner is not None and p.owner.zh == "大区经理", fn
        assert [(c.action, c.post.zh) for c in p.changes] == [("support", "店长")]


def test_after_a_merge_no_comment_of_the_to_be_design_names_the_post_merged_away_as_if_it_were_there() -> None:
    """tests/data/proposals/merge-commented.yaml with every proposal and the merge of 会员维护专员 into 会员运营专员
    applied: the merge's comment on the post kept names the post merged away and why (the standard post both do the
    work of); the comments of the other proposals that named 会员维护专员 (an owner) name the post kept, and say it
    was merged; only the merge's own comments name the post merged away."""
    r = validate_file(Path(__file__).parent / "data" / "proposals" / "merge-commented.yaml")
    (merge,) = [p for p in r.restructures if p.rule == "rkg:MergePosts" and p.owner is not None
                and {p.owner.zh, *(q.zh for q in p.others)} == {"会员运营专员", "会员维护专员"}]
    gone = merge.others[0].zh
    kept = merge.owner.zh if merge.owner is not None else ""
    chosen = select_proposals([*r.proposals, *r.restructures],
                              only=[p.finding for p in r.proposals if p.status == "change"] + [merge.finding])
    text = to_be_yaml(r, chosen, knowledge_base())
    own = [line for line in text.splitlines() if f"proposed ({merge.finding}" in line and "merged into this post —" in line]
    assert len(own) == 1 and gone in own[0] and "the standard gives both posts' work to 会员运营 (T/CCAGM 003-2021 4.1.3)" in own[0]
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line and gone in line]
    others = [c for c in comments if merge.finding not in c.split(":", 1)[0]]
    assert others, "the design has other proposals naming the post merged away"
    for c in others:
        assert f"{kept} (was {gone}, merged by {merge.finding})" in c, c
        assert c.replace(f"(was {gone},", "") .count(gone) == 0, c


GUIDANCE = """organisation: {{id: store, name: 百货, baseline: T/CCAGM 003-2021, scope: [营销推广, 经营管理]}}
departments:
  - {{id: plan, name: 企划部}}
posts:
  - id: head
    name: 企划部经理
    department: plan
    duties:
      - text: "组织部门培训"
        functions: [team-training]
  - id: planner
    name: {title}
    department: plan
    reports_to: head
    duties:
      - text: "统筹推进门店的数字化工作"
        functions: [digital-rollout]
      - text: "制定促销计划并组织实施"
        functions: [promotion-planning]
      - text: "策划并执行线上活动"
        functions: [online-campaigns]
"""


def test_a_duty_guiding_several_areas_is_not_given_to_a_post_only_for_doing_other_work_of_its_owner(
        tmp_path: Path) -> None:
    """4.2.4 c (流量管理和供应链管理的执行方法、年度线上运营大纲) is the only standard duty for promotion channel
    planning and guides work of three areas; a marketing planner is a candidate only because it also rolls out the
    stores' digital work (4.2.4 a): that says nothing of who should guide traffic, supply and the online outline, so
    it is the organisation's decision (h-propose8: no blind set names acme's 营销策划专员; they split three ways). A
    post whose title names the channel work is a candidate by that, and takes it."""
    path = tmp_path / "planner.yaml"
    path.write_text(GUIDANCE.format(title="营销策划专员"), encoding="utf-8")
    p = proposal(validate_file(path), "GapBaselineFunction", "fn:promotion-channel-planning")
    assert p.status == "none" and "guides work of several areas" in p.summary_en
    path = tmp_path / "titled.yaml"
    path.write_text(GUIDANCE.format(title="推广渠道专员"), encoding="utf-8")
    q = proposal(validate_file(path), "GapBaselineFunction", "fn:promotion-channel-planning")
    assert q.status == "change" and q.owner is not None and q.owner.zh == "推广渠道专员"
