"""Write examples/acme-department-store.xlsx: a department-store chain with deliberate findings.

    python examples/make_acme.py            # rewrites the workbook beside this script
    python examples/make_acme.py -o x.xlsx  # or somewhere else

某百货股份有限公司 (Acme) runs head-office departments, two regions and three stores. Its design is
made to show each rule at work; tests/test_examples.py asserts the findings:

- overlaps (交叉): membership ops and new-media ops both take their T/CCAGM posts whole, so both
  lead user growth and activation; the marketing planner and the membership operator both run
  member campaigns and answer for 会员活跃度; head-office planning and every store manager plan
  promotions; the planning head and the marketing planner both plan promotions (a supervision
  line: a warning); a region manager and the store managers under it both manage sales targets;
- not overlaps: the three store managers have the same duties (stores replicate posts), so do the
  two region managers; every supervisor trains their own team (team functions);
- gaps (空白): no data analytics (the 数据中心 is planned but has no post), no information-security
  awareness or incident response, no reconciliation; settlement is only supported (品牌运营
  配合…结算对账); the 会员中心主任 has no duty; one duty (食堂与宿舍) is no retail work at all;
- dynamic setting (clause 5): software development is outsourced and on-demand delivery not yet
  offered, so those functions are excluded, by id and by label;
- scope: the design is the whole company (全部), so the data analytics nobody does is a gap, not an
  area outside the scope.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from retailkg.design.tables import TABLES
from retailkg.design.templates import xlsx_bytes
from retailkg.rdf.io import atomic_write

STD = "T/CCAGM 003-2021"

ORGANISATION = [
    # id, name, name_en, baseline, scope, exclude
    ["acme", "某百货股份有限公司", "Acme Department Stores", STD, "全部",
     "it-architecture; technical-design; technology-selection; engineering-team; frontend-development; backend-development; "
     "source-code-management; release-management; 软件测试; 到家业务运营"],
]

DEPARTMENTS = [
    # id, name, name_en, kind, parent
    ["gm-office", "总经理办公室", "general manager's office", "department", ""],
    ["planning", "企划部", "planning department", "department", ""],
    ["operations", "运营部", "operations department", "department", ""],
    ["technology", "技术部", "technology department", "department", ""],
    ["finance", "财务部", "finance department", "department", ""],
    ["data-centre", "数据中心", "data centre", "department", ""],
    ["region-east", "华东大区", "East China region", "region", ""],
    ["store-001", "南京西路店", "Nanjing Road West store", "store", "region-east"],
    ["store-002", "淮海路店", "Huaihai Road store", "store", "region-east"],
    ["region-south", "华南大区", "South China region", "region", ""],
    ["store-101", "天河路店", "Tianhe Road store", "store", "region-south"],
]

POSTS = [
    # id, name, department, name_en, reports_to, headcount
    ["gm", "总经理", "gm-office", "general manager", "", 1],
    ["admin-officer", "行政专员", "gm-office", "administration officer", "gm", 1],
    ["planning-head", "企划部经理", "planning", "head of planning", "gm", 1],
    ["marketing-planner", "营销策划专员", "planning", "marketing planner", "planning-head", 2],
    ["new-media-operator", "新媒体运营专员", "planning", "new-media operator", "planning-head", 1],
    ["member-operator", "会员运营专员", "planning", "membership operator", "planning-head", 2],
    ["member-centre-head", "会员中心主任", "planning", "head of the member centre", "planning-head", 1],
    ["campaign-operator", "活动运营专员", "planning", "campaign operator", "planning-head", 1],
    ["visual-designer", "线上视觉设计师", "planning", "online visual designer", "planning-head", 2],
    ["ops-head", "运营部经理", "operations", "head of operations", "gm", 1],
    ["category-manager", "品类经理", "operations", "category manager", "ops-head", 3],
    ["brand-operator", "品牌运营专员", "operations", "brand operator", "ops-head", 4],
    ["service-manager", "服务管理专员", "operations", "service manager", "ops-head", 1],
    ["mall-operator", "线上商城运营专员", "operations", "online mall operator", "ops-head", 2],
    ["it-ops", "平台运维工程师", "technology", "platform operations engineer", "gm", 2],
    ["it-support", "硬件支持工程师", "technology", "hardware support engineer", "it-ops", 1],
    ["finance-manager", "财务经理", "finance", "finance manager", "gm", 1],
    ["region-east-manager", "大区经理", "region-east", "regional manager", "gm", 1],
    ["store-001-manager", "店长", "store-001", "store manager", "region-east-manager", 1],
    ["store-002-manager", "店长", "store-002", "store manager", "region-east-manager", 1],
    ["region-south-manager", "大区经理", "region-south", "regional manager", "gm", 1],
    ["store-101-manager", "店长", "store-101", "store manager", "region-south-manager", 1],
]

REGION_DUTIES = ["负责区域内各门店的销售目标分解与业绩管理", "组织区域团队的业务培训与经验交流"]
STORE_DUTIES = ["完成门店销售目标，负责门店业绩管理", "策划并组织实施门店促销活动", "负责门店的顾客投诉处理", "组织门店团队的业务培训"]

DUTIES = [
    # post, standard, text, role, functions
    ["gm", "", "制定公司年度经营目标与计划并组织落实", "", ""],
    ["gm", "", "控制运营成本，提升销售利润", "", ""],
    ["admin-officer", "", "负责员工食堂与宿舍管理", "", ""],
    ["planning-head", f"{STD} 4.1.1 a", "", "", ""],
    ["planning-head", f"{STD} 4.1.1 d", "", "", ""],
    ["planning-head", "", "负责本部门员工业务技能培训与考核", "", ""],
    ["marketing-planner", f"{STD} 4.1.1 a", "", "", ""],
    ["marketing-planner", f"{STD} 4.1.1 b", "", "", ""],
    ["marketing-planner", f"{STD} 4.1.1 c", "", "", ""],
    ["marketing-planner", f"{STD} 4.1.1 e", "", "", ""],
    ["marketing-planner", "", "负责会员活动的策划与执行", "support", ""],
    ["new-media-operator", f"{STD} 4.1.2", "", "", ""],
    ["member-operator", f"{STD} 4.1.3", "", "", ""],
    ["campaign-operator", f"{STD} 4.1.4", "", "", ""],
    ["visual-designer", f"{STD} 4.1.5", "", "", ""],
    ["ops-head", "", "负责本部门员工业务技能培训与考核", "", ""],
    ["category-manager", f"{STD} 4.2.1", "", "", ""],
    ["brand-operator", f"{STD} 4.2.2", "", "", ""],
    ["brand-operator", "", "配合财务部门完成品牌商户的结算对账", "support", ""],
    ["service-manager", f"{STD} 4.2.3", "", "", ""],
    ["mall-operator", f"{STD} 4.2.7", "", "", ""],
    ["it-ops", f"{STD} 4.3.7", "", "", ""],
    ["it-support", f"{STD} 4.3.8", "", "", ""],
    ["finance-manager", f"{STD} 4.4.2", "", "", ""],
    *[[p, "", t, "", ""] for p in ("region-east-manager", "region-south-manager") for t in REGION_DUTIES],
    *[[p, "", t, "", ""] for p in ("store-001-manager", "store-002-manager", "store-101-manager") for t in STORE_DUTIES],
]

METRICS = [
    ["marketing-planner", "会员活跃度"],
    ["member-operator", "会员活跃度"],
    ["region-east-manager", "区域销售额"],
    ["region-south-manager", "区域销售额"],
    ["store-001-manager", "门店销售额"],
    ["store-002-manager", "门店销售额"],
    ["store-101-manager", "门店销售额"],
    ["gm", "运营成本"],
]


def tables() -> dict[str, list[list[object]]]:
    """The workbook's sheets: a header row (the template's columns) and the rows above."""
    rows = {"organisation": ORGANISATION, "departments": DEPARTMENTS, "posts": POSTS, "duties": DUTIES, "metrics": METRICS}
    return {t.name: [[*t.required, *t.optional], *rows[t.name]] for t in TABLES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", type=Path, default=Path(__file__).with_name("acme-department-store.xlsx"))
    args = ap.parse_args()
    atomic_write(args.out, xlsx_bytes(tables()))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
