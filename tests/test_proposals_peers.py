"""Which of the design's posts does the work, read from what the posts already do (docs/proposals.md, "How a proposal
is chosen" and "When it proposes nothing"): the rules read from the findings where most of the blind hand sets
hand2-hand7 (four or more of six) name one owner and the program named another or none (h-propose9).

Each rule is shown on a small design written here, next to the same design without what triggers the rule, where the
engine gives the other answer: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, proposal, validate

SHOP_DATA = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021}}
departments:
  - {{id: ops, name: {ops}}}
  - {{id: promo, name: 推广部}}
posts:
  - id: head
    name: 总经理
    department: ops
    duties:
      - text: "制定店铺年度经营目标"
        functions: [business-planning]
  - id: ops-head
    name: 运营主管
    department: ops
    reports_to: head
    duties:
      - text: "控制运营成本，提升销售利润"
        functions: [profit-and-cost]
  - id: project
    name: 项目运营
    department: ops
    reports_to: ops-head
    duties:
      - text: "每日查看项目数据，并对数据进行总结反馈改善"
        functions: [shop-data-analysis]
  - id: promo-head
    name: 推广主管
    department: promo
    reports_to: head
    duties:
      - text: "定时全店数据分析处理，找出店铺问题，提交上级"
        functions: [shop-data-analysis]
      - text: "根据推广方案分配推广渠道流量百分比"
        functions: [promotion-channel-planning]
"""


def test_an_analysis_of_one_departments_work_is_led_by_that_departments_post(tmp_path: Path) -> None:
    """项目运营 (运营部) and 推广主管 (推广部) both analyse the shop's operating data (店铺运营数据分析, which no standard
    post leads) and neither is above the other: the operations department's post reads its own work's figures and
    leads; the promotion line, a level higher but in another line, supports. With the unit named for neither
    (项目部), only the places in the hierarchy tell them apart: the higher one, 推广主管."""
    named = validate(tmp_path, "named.yaml", SHOP_DATA.format(ops="运营部"))
    p = proposal(named, "OverlapLeadFunction", "fn:shop-data-analysis")
    assert owner(p) == "项目运营"
    assert [c.post.zh for c in p.changes if c.action == "support"] == ["推广主管"]
    assert any("analyses the work of" in r.en for r in p.reasons)
    unnamed = validate(tmp_path, "unnamed.yaml", SHOP_DATA.format(ops="项目部"))
    assert owner(proposal(unnamed, "OverlapLeadFunction", "fn:shop-data-analysis")) == "推广主管"


LIVE = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [营销推广]}}
departments:
  - {{id: promo, name: 推广部}}
  - {{id: mkt, name: 营销部}}
posts:
  - id: head
    name: 运营总监
    department: promo
    duties:
      - text: "制定店铺年度经营目标"
        functions: [business-planning]
  - id: promo-head
    name: 推广主管
    department: promo
    reports_to: head
    duties:
      - text: "根据推广方案分配推广渠道流量百分比"
        functions: [promotion-channel-planning]
  - id: enrol
    name: 活动专人
    department: promo
    reports_to: promo-head
    duties:
      - text: "淘宝后台活动报名"
        functions: [platform-campaign-enrolment]
  - id: planner
    name: 筹划主管
    department: mkt
    reports_to: head
    duties:
      - text: "{duty}"
        functions: [{function}]
"""


def test_a_new_means_of_the_owners_work_goes_to_the_post_already_planning_that_work(tmp_path: Path) -> None:
    """活动专人 is like 活动运营 (which leads livestreaming, 4.1.4 e 直播的策划、执行和管理) by its title alone; 筹划主管
    already plans and runs the online campaigns (线上活动策划与执行), 活动运营's own work of the area: it takes the
    livestreams, not 活动专人's superior. When 筹划主管 only writes copy (none of 活动运营's work), the superior
    推广主管 takes it as before (rule H)."""
    plans = validate(tmp_path, "plans.yaml", LIVE.format(duty="全方面负责项目推广定位和主题创意，制定活动计划及方案",
                                                         function="online-campaigns"))
    p = proposal(plans, "GapBaselineFunction", "fn:livestreaming")
    assert owner(p) == "筹划主管"
    assert any("already leads that standard post's other work" in r.en for r in p.reasons)
    writes = validate(tmp_path, "writes.yaml", LIVE.format(duty="负责店铺活动文字的撰写", function="copywriting"))
    assert owner(proposal(writes, "GapBaselineFunction", "fn:livestreaming")) == "推广主管"


COMMUNITY = """organisation: {{id: mall, name: 商场, baseline: T/CCAGM 003-2021, scope: [用户与会员运营]}}
departments:
  - {{id: plan, name: 企划部}}
posts:
  - id: head
    name: 企划部经理
    department: plan
    duties:
      - text: "制定企划部年度经营目标"
        functions: [business-planning]
  - id: member
    name: 会员运营专员
    department: plan
    reports_to: head
    duties:
      - text: "负责会员常态运营，拉新、留存及促活"
        functions: [user-growth, user-activation]
  - id: media
    name: 新媒体运营专员
    department: plan
    reports_to: head
    duties:
      - text: "{duty}"
        functions: [{function}]
"""


def test_a_title_naming_only_the_area_does_not_pick_one_of_the_areas_posts(tmp_path: Path) -> None:
    """No post does 4.2.6 社群营销's work; 会员运营专员 is a candidate for community operations only because its title
    names the area (用户与会员运营), and 新媒体运营专员 runs private traffic, work of the same area: which of them takes
    the communities is the organisation's decision (the consultants split: private traffic, or member engagement).
    When 新媒体运营专员 does no work of the area (it runs the new-media accounts), the titled post takes it."""
    both = validate(tmp_path, "both.yaml", COMMUNITY.format(duty="针对私域流量的策略规划、内容更新管理",
                                                            function="private-traffic"))
    p = proposal(both, "GapBaselineFunction", "fn:community-operations")
    assert p.status == "none" and not p.changes
    assert "only because its title names the area" in p.summary_en and "新媒体运营专员" in p.summary_zh
    alone = validate(tmp_path, "alone.yaml", COMMUNITY.format(duty="管理公司新媒体账号，建立新媒体矩阵",
                                                              function="new-media-accounts"))
    assert owner(proposal(alone, "GapBaselineFunction", "fn:community-operations")) == "会员运营专员"


RESEARCH = """organisation: {{id: mall, name: 商场, baseline: T/CCAGM 003-2021, scope: [经营管理]}}
departments:
  - {{id: gm, name: 总经理办公室}}
  - {{id: plan, name: 企划部}}
posts:
  - id: head
    name: 总经理
    department: gm
    duties:
      - text: "制定公司年度经营目标与计划并组织落实"
        functions: [business-planning]
      - text: "控制运营成本，提升销售利润"
        functions: [profit-and-cost]
  - id: plan-head
    name: 企划部经理
    department: plan
    reports_to: head
    duties:
      - text: "制定年度、月度促销计划并策划、实施促销活动"
        functions: [promotion-planning]
      - text: "{duty}"
        functions: [{function}]
"""


def test_work_of_the_same_kind_goes_to_the_post_doing_it_not_to_the_head(tmp_path: Path) -> None:
    """No post does 4.2.4 数字化运营's work but the head, 总经理, closest by the planning every head does; 企划部经理
    already researches the competitors (竞争对手研究), research of the same area (经营管理) as market and trend research
    (市场与行业趋势研究): it takes that, not the head. When it does nothing of that kind (it trains its staff), the
    head is still not given the gap: a decision, as before."""
    kin = validate(tmp_path, "kin.yaml", RESEARCH.format(duty="负责竞争对手的研究与分析工作", function="competitor-research"))
    p = proposal(kin, "GapBaselineFunction", "fn:market-research")
    assert owner(p) == "企划部经理"
    assert any("work of the same kind" in r.en for r in p.reasons)
    other = validate(tmp_path, "other.yaml", RESEARCH.format(duty="负责本部门员工业务技能培训与考核", function="team-training"))
    q = proposal(other, "GapBaselineFunction", "fn:market-research")
    assert q.status == "none" and "head of the whole design" in q.summary_en
