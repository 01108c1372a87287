"""Who takes a gap no post of the design is like the standard's owner for (docs/proposals.md, "How a proposal is
chosen"): the rules read from the findings where at least three of the blind hand sets hand2-hand5 name one owner and
the program abstained (h-propose7).

Each rule is shown on a small design written here, next to the same design without what triggers the rule, where the
engine proposes nothing: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, proposal, validate

ANALYSIS = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [营销推广, 数据分析]}}
departments:
  - {{id: promo, name: 推广部}}
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
      - text: "{duty}"
        functions: [{function}]
  - id: writer
    name: 文案
    department: promo
    reports_to: promo-head
    duties:
      - text: "撰写宝贝描述与活动文案"
        functions: [copywriting]
"""


def test_an_analysis_without_an_analyst_goes_to_the_post_running_the_work_it_analyses(tmp_path: Path) -> None:
    """No post analyses data; 推广主管 allocates the channels' traffic (推广计划与渠道流量分配), the work 流量来源分析
    analyses, so it takes the traffic analysis, with the standard's own duty. Without that work (it runs promotions,
    促销计划与实施, which no analysis function names) nothing in the design says who analyses traffic: no proposal."""
    runs = validate(tmp_path, "runs.yaml", ANALYSIS.format(duty="根据推广方案分配推广渠道流量百分比",
                                                           function="promotion-channel-planning"))
    p = proposal(runs, "GapBaselineFunction", "fn:traffic-analytics")
    assert owner(p) == "推广主管"
    assert p.changes[0].action == "add-duty" and p.changes[0].source.startswith("T/CCAGM 003-2021 ")
    assert any("work analysed" in r.en for r in p.reasons)
    assert proposal(runs, "GapBaselineFunction", "fn:predictive-modelling").status == "none"  # names no work it analyses
    other = validate(tmp_path, "other.yaml", ANALYSIS.format(duty="制定年度促销计划并组织实施", function="promotion-planning"))
    assert proposal(other, "GapBaselineFunction", "fn:traffic-analytics").status == "none"


def test_an_analysis_whose_work_two_kinds_of_post_run_is_a_decision(tmp_path: Path) -> None:
    """When 文案 also leads work with traffic in its name, the analysis's object does not pick one post: no change."""
    text = ANALYSIS.format(duty="根据推广方案分配推广渠道流量百分比", function="promotion-channel-planning").replace(
        "functions: [copywriting]", "functions: [copywriting]\n      - text: \"运营私域流量\"\n        functions: [private-traffic]")
    r = validate(tmp_path, "both.yaml", text)
    assert proposal(r, "GapBaselineFunction", "fn:traffic-analytics").status == "none"


AREA = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [线上渠道运营, 营销推广]{exclude}}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: head
    name: 运营总监
    department: ops
    duties:
      - text: "制定店铺年度经营目标"
        functions: [business-planning]
  - id: shop
    name: 网店运营
    department: ops
    reports_to: head
    duties:
      - text: "标题SEO、主图优化、宝贝属性优化"
        functions: [listing-optimisation]
  - id: promo
    name: 推广专员
    department: ops
    reports_to: head
    duties:
      - text: "{promo_duty}"
        functions: [{promo_function}]
"""


def test_a_gap_whose_owners_business_is_excluded_goes_to_the_only_post_doing_its_areas_work(tmp_path: Path) -> None:
    """The standard's owner of the online shopping path is 到家业务运营, whose business the design leaves out
    (exclude: 到家业务运营); the path itself is still the shop's, and only 网店运营 does online channel work
    (商品搜索优化), so it takes it, as a consultant gives an excluded post's remaining work to the area's standing post.
    When 推广专员 does channel work too (店铺页面与商品信息巡检), which of the two is the organisation's choice; and
    without the exclusion the design may simply lack the owner's post: no proposal either way."""
    excluded = ", exclude: [到家业务运营]"
    one = validate(tmp_path, "one.yaml", AREA.format(exclude=excluded, promo_duty="负责直通车推广",
                                                     promo_function="search-advertising"))
    p = proposal(one, "GapBaselineFunction", "fn:customer-experience")
    assert owner(p) == "网店运营"
    assert p.changes[0].action == "add-duty" and p.changes[0].source.startswith("T/CCAGM 003-2021 ")
    assert any("excludes the business" in r.en and "does work of its area" in r.en for r in p.reasons)
    two = validate(tmp_path, "two.yaml", AREA.format(exclude=excluded, promo_duty="每日巡检店铺页面与商品信息",
                                                     promo_function="store-page-check"))
    assert proposal(two, "GapBaselineFunction", "fn:customer-experience").status == "none"
    kept = validate(tmp_path, "kept.yaml", AREA.format(exclude="", promo_duty="负责直通车推广",
                                                       promo_function="search-advertising"))
    assert proposal(kept, "GapBaselineFunction", "fn:customer-experience").status == "none"


TITLED = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [营销推广]}}
departments:
  - {{id: promo, name: 推广部}}
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
  - id: campaigns
    name: 活动专人
    department: promo
    reports_to: {superior}
    duties:
      - text: "淘宝、拍拍后台活动报名，跟进活动"
        functions: [platform-campaign-enrolment]
"""


def test_a_specialist_like_the_owner_by_title_alone_leaves_steering_work_to_its_superior(tmp_path: Path) -> None:
    """活动专人 is like 活动运营 by its title, doing one narrow task of it (platform enrolment); livestreaming's
    standard duty steers the work (4.1.4 e: 策划、执行和管理), and its superior 推广主管 runs the promotion area's
    work: the superior takes it and may delegate it. Configuring campaigns online (4.1.4 c) does the work, and stays
    the specialist's. Reporting to the head of the whole design instead, the specialist takes livestreaming too."""
    under = validate(tmp_path, "under.yaml", TITLED.format(superior="promo-head"))
    p = proposal(under, "GapBaselineFunction", "fn:livestreaming")
    assert owner(p) == "推广主管"
    assert any("by its title alone" in r.en for r in p.reasons)
    assert owner(proposal(under, "GapBaselineFunction", "fn:campaign-setup")) == "活动专人"
    direct = validate(tmp_path, "direct.yaml", TITLED.format(superior="head"))
    assert owner(proposal(direct, "GapBaselineFunction", "fn:livestreaming")) == "活动专人"


SLIVER_FIRST = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [经营管理, 营销推广, 数据分析]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: promo
    name: 推广主管
    department: ops
    duties:
      - text: "根据推广方案分配推广渠道流量百分比"
        functions: [promotion-channel-planning]
      - text: "定时全店数据分析处理，找出店铺问题，提交上级"
        functions: [shop-data-analysis]
  - id: lead
    name: 运营主管
    department: ops
    duties:
      - text: "{text}"
        functions: [{function}]
      - text: "控制运营成本，提升销售利润"
        functions: [profit-and-cost]
      - text: "传达上级指示，协调各部门"
        functions: [coordination]
"""


def test_a_sliver_is_set_aside_and_the_next_candidate_doing_the_owners_main_work_takes_the_gap(tmp_path: Path) -> None:
    """推广主管 ranks first for data monitoring (4.2.4 d) by analysing the shop's data, but its only work of 4.2.4
    数字化运营 is a sliver of its side line (allocating promotion traffic, 4.2.4 c): set aside. 运营主管 does 4.2.4's
    main work (business planning, 4.2.4 b) and takes it. When 运营主管 does none of 4.2.4's work either (it
    allocates work), nothing is left: a decision, as before."""
    main = validate(tmp_path, "main.yaml", SLIVER_FIRST.format(text="制定并实施企业年、季、月战略目的和执行方案",
                                                               function="business-planning"))
    p = proposal(main, "GapBaselineFunction", "fn:data-monitoring")
    assert owner(p) == "运营主管" and [c.source for c in p.changes] == ["T/CCAGM 003-2021 4.2.4 d"]
    none = validate(tmp_path, "none.yaml", SLIVER_FIRST.format(text="制定部门工作计划，安排任务",
                                                               function="work-allocation"))
    p = proposal(none, "GapBaselineFunction", "fn:data-monitoring")
    assert p.status == "none" and "a sliver" in p.summary_en and "推广主管" in p.summary_zh


def test_a_specialist_like_the_owner_by_title_alone_leaves_winning_outside_resources_to_its_superior(tmp_path: Path) -> None:
    """Bringing in outside marketing resources and partners (4.1.4 b/d: 争取活动资源, 外部营销资源合作引入) takes
    negotiation and a budget: 活动专人, like 活动运营 by its title but doing only platform enrolment, leaves it to its
    superior 推广主管, who runs the promotion area's work (h-propose8: hand2-hand6 name the promotion head). The
    standard duty does not steer (no 制定, 管理, …): the outside it reaches for is what moves it. Reporting to the head
    of the whole design instead, the specialist takes it."""
    under = validate(tmp_path, "under.yaml", TITLED.format(superior="promo-head"))
    p = proposal(under, "GapBaselineFunction", "fn:marketing-partnerships")
    assert owner(p) == "推广主管"
    assert any("by its title alone" in r.en for r in p.reasons)
    direct = validate(tmp_path, "direct.yaml", TITLED.format(superior="head"))
    assert owner(proposal(direct, "GapBaselineFunction", "fn:marketing-partnerships")) == "活动专人"


SUPPLY = """organisation: {{id: store, name: 百货, baseline: T/CCAGM 003-2021, scope: [商品与供应链]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: head
    name: 运营部经理
    department: ops
    duties:
      - text: "组织部门培训"
        functions: [team-training]
  - id: category
    name: 品类经理
    department: ops
    reports_to: head
    duties:
      - text: "{text}"
        functions: [{function}]
      - text: "负责品类规划与经营"
        functions: [category-management]
  - id: mall
    name: 线上商城运营专员
    department: ops
    reports_to: head
    duties:
      - text: "线上商城的选品与上新规划"
        functions: [product-selection]
      - text: "商品上架与信息维护"
        functions: [product-listing]
      - text: "线上商城库存管理"
        functions: [inventory-management]
"""


def test_a_gap_goes_to_the_candidate_already_leading_the_areas_function_named_for_the_same_work(tmp_path: Path) -> None:
    """Online supply (线上商品供应管理) shares 供应 with supplier management (供应商管理) alone of its area: the category
    manager managing the suppliers takes it, though the online-mall operator does more of the area's work (h-propose8:
    hand3-hand6 name the category manager for acme's online supply). Buying (采购订货) instead of managing suppliers,
    the category manager is not named alike, and the mall operator, doing more of the area, takes it."""
    alike = validate(tmp_path, "alike.yaml", SUPPLY.format(function="supplier-management", text="负责供应商的开发与管理"))
    p = proposal(alike, "GapBaselineFunction", "fn:online-supply")
    assert owner(p) == "品类经理"
    assert any("named for the same part of the work" in r.en for r in p.reasons)
    other = validate(tmp_path, "other.yaml", SUPPLY.format(function="purchasing", text="负责采购订货"))
    assert owner(proposal(other, "GapBaselineFunction", "fn:online-supply")) == "线上商城运营专员"


PUBLICITY = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [营销推广]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: head
    name: 运营总监
    department: ops
    duties:
      - text: "制定店铺年度经营目标"
        functions: [business-planning]
  - id: writer
    name: 文案策划专员
    department: ops
    reports_to: head
    duties:
      - text: "{text}"
        functions: [copywriting]
  - id: campaign
    name: 活动策划专员
    department: ops
    reports_to: head
    duties:
      - text: "策划店铺线上活动并跟进执行"
        functions: [online-campaigns]
"""


def test_a_gap_no_post_is_like_the_owner_for_goes_to_the_one_post_of_its_area_whose_duty_writes_the_work(
        tmp_path: Path) -> None:
    """No post is like 新媒体运营, which leads brand publicity (4.1.2 d); two posts do marketing work, and only the
    copywriter's duty writes publicity (宣传 of 品牌宣传 in 宣传推广文案): it takes it (h-propose8: all of hand2-hand6
    name taobao's 文案策划专员). Writing product descriptions instead, no duty writes the work: no proposal."""
    writes = validate(tmp_path, "writes.yaml", PUBLICITY.format(text="负责所有推广途径的宣传推广文案的撰写"))
    p = proposal(writes, "GapBaselineFunction", "fn:brand-publicity")
    assert owner(p) == "文案策划专员"
    assert any("its own duty writes this work (宣传)" in r.en for r in p.reasons)
    other = validate(tmp_path, "other.yaml", PUBLICITY.format(text="负责宝贝描述文案的撰写"))
    assert owner(proposal(other, "GapBaselineFunction", "fn:brand-publicity")) is None


OUTWARD = """organisation: {{id: centre, name: 运营中心, baseline: T/CCAGM 003-2021, scope: [经营管理]}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: director
    name: 运营总监
    department: ops
    duties:
      - text: "{head}"
        functions: [{head_functions}]
  - id: supervisor
    name: 运营主管
    department: ops
    reports_to: director
    duties:
      - text: "制定并实施企业年、季、月战略目的和执行方案"
        functions: [business-planning]
      - text: "分析行业发展趋势"
        functions: [market-research]
  - id: operator
    name: 项目运营
    department: ops
    reports_to: supervisor
    duties:
      - text: "对项目进行市场规划及定位"
        functions: [market-research]
      - text: "制定并实施项目年、季、月战略目的和执行方案"
        functions: [business-planning]
"""


def test_outward_work_a_manager_and_its_report_tie_on_goes_to_their_superior_running_the_areas_work(
        tmp_path: Path) -> None:
    """运营主管 and its report 项目运营 are as close to 数字化运营, and 4.2.4 f (与政府、行业等外部资源沟通…获得外部支持)
    does the work rather than steers it, which alone would leave the choice to the organisation; but the work wins
    support from outside, and their superior 运营总监 runs business development (网络商务拓展) of the same area: it
    faces outward and takes it, though it heads the whole design (h-propose8: all of hand2-hand6 name ecom's
    运营总监). A director running only the web shop and brand marketing leads no work of the area: a decision."""
    runs = validate(tmp_path, "runs.yaml", OUTWARD.format(head="负责企业的网络商务拓展、品牌营销",
                                                          head_functions="channel-development, brand-publicity"))
    p = proposal(runs, "GapBaselineFunction", "fn:external-relations")
    assert owner(p) == "运营总监"
    assert any("faces outward" in r.en for r in p.reasons)
    other = validate(tmp_path, "other.yaml", OUTWARD.format(head="负责网站运营、品牌营销",
                                                            head_functions="online-mall-operations, brand-publicity"))
    q = proposal(other, "GapBaselineFunction", "fn:external-relations")
    assert owner(q) is None and "a decision" in q.summary_en
