"""Who analyses the customers when the design has no data post (docs/proposals.md, "How a proposal is chosen"): the
rule read from the findings where most of the hand sets hand2-hand10 (eight of nine) name one owner and the program
named none (h-propose11).

The rule is shown on a small design written here, next to the same design without what triggers it, where the engine
gives no proposal: the rule, not something else, is what makes the answer.
"""

from __future__ import annotations

from pathlib import Path

from small_designs import owner, proposal, validate

SHOP = """organisation: {{id: shop, name: 网店, baseline: T/CCAGM 003-2021, scope: [经营管理, 营销推广, 数据分析]}}
departments:
  - {{id: ops, name: 运营部}}
  - {{id: promo, name: 推广部}}
posts:
  - id: head
    name: 运营总监
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
      - text: "制定并实施项目年、季、月执行方案"
        functions: [business-planning]
{project}
  - id: promo-head
    name: 推广主管
    department: promo
    reports_to: head
    duties:
      - text: "根据推广方案分配推广渠道流量百分比"
        functions: [promotion-channel-planning]
{promo}
"""

PROJECT_READS = """      - text: "每日查看项目数据，并对数据进行总结反馈改善"
        functions: [shop-data-analysis]"""
PROMO_READS = """      - text: "定时全店数据分析处理，找出店铺问题，提交上级"
        functions: [shop-data-analysis]"""


def test_with_no_data_post_the_post_reading_the_shops_data_analyses_its_customers(tmp_path: Path) -> None:
    """No post analyses data for a living, and none runs customer work: 项目运营, which reviews the shop's data daily,
    takes the analysis of the customers (新客, 转化, 复购 are the shop's own figures). Merchants' analysis names no
    customers (a web shop may have no merchants): no proposal. Without the daily review, nothing points to anyone."""
    reads = validate(tmp_path, "reads.yaml", SHOP.format(project=PROJECT_READS, promo=""))
    p = proposal(reads, "GapBaselineFunction", "fn:user-analytics")
    assert owner(p) == "项目运营"
    assert any("customers' figures" in r.en for r in p.reasons)
    assert owner(proposal(reads, "GapBaselineFunction", "fn:merchant-analytics")) is None
    blind = validate(tmp_path, "blind.yaml", SHOP.format(project="", promo=""))
    assert owner(proposal(blind, "GapBaselineFunction", "fn:user-analytics")) is None


def test_where_two_posts_read_the_shops_data_the_one_its_overlap_keeps_analyses_the_customers(tmp_path: Path) -> None:
    """项目运营 and 推广主管 both analyse the shop's data: the overlap keeps 项目运营 (the operations department reads
    its own work's figures), so it analyses the customers too, not the promotion side that supports."""
    both = validate(tmp_path, "both.yaml", SHOP.format(project=PROJECT_READS, promo=PROMO_READS))
    assert owner(proposal(both, "OverlapLeadFunction", "fn:shop-data-analysis")) == "项目运营"
    assert owner(proposal(both, "GapBaselineFunction", "fn:user-analytics")) == "项目运营"
    promo = validate(tmp_path, "promo.yaml", SHOP.format(project="", promo=PROMO_READS))
    assert owner(proposal(promo, "GapBaselineFunction", "fn:user-analytics")) == "推广主管"
