"""Deterministic synthetic national-chain organisation designs, with a manifest of expected findings.

    python bench/generate.py --scale 10k --out bench/out/10k            # about 10,000 triples
    python bench/generate.py --scale 1m --out bench/out/1m --formats yaml,nt
    python bench/generate.py --scale 12 --out /tmp/chain                 # exactly 12 stores

Why: the validator and the query layer need designs far larger than the bundled examples to be
measured, and a benchmark is only worth something if its answers are known. This module writes a
national retail chain (head office laid out after T/CCAGM 003-2021, regions, and S stores that all
replicate one set of store posts) with deliberately planted overlaps (交叉) and gaps (空白), in
every design format :func:`retailkg.design.readers.read_design` reads (YAML, a folder of CSV tables, an
Excel workbook) plus the resolved design's N-Triples, and a ``manifest.json`` holding the expected
result of every SHACL rule.

The expected results come from an *independent oracle*: plain Python over this module's own
in-memory model, restating what each shape in ``shapes/`` says (the overlap component's replica
and supervision-line tests, team functions, metric accountability, the set differences of the gap
rules, ...). It never runs SPARQL, SHACL or :mod:`retailkg.validation.pipeline`; it only asks the knowledge
base which functions and metrics a standard's duty has, and the matcher what it makes of each
distinct free-text sentence (once per sentence): those are data, not rules. A disagreement between
the oracle and the validator therefore means one of them misreads the shapes
(tests/test_generate.py compares them).

Determinism: the same seed and scale give byte-identical files. Nothing depends on dict or set
iteration order, time or the process: the workbook's zip timestamps and document properties are
fixed, and the N-Triples are sorted with blank nodes named by their content.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import random
import re
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from retailkg.design.matching import Match, Matcher
from retailkg.kg.catalog import Document, document
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo, knowledge_base
from retailkg.ns import BASE, RKG

__all__ = [
    "FORMATS",
    "RULES",
    "SCALES",
    "Chain",
    "build_chain",
    "expected",
    "generate",
    "resolve_chain",
    "stores_for",
]

STD = "T/CCAGM 003-2021"
ORG_ID = "synth-chain"
ORG_NAME = "某全国连锁零售股份有限公司"
ORG_NAME_EN = "Synthetic National Retail Chain Co., Ltd."
ORG_BASE = f"{BASE}org/{ORG_ID}/"
RKGSH = "https://w3id.org/retailkg/shapes#"

SCALES: dict[str, int] = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
"""Named scales: the target number of triples in the design's N-Triples (hit within ±15 %)."""

FORMATS: tuple[str, ...] = ("yaml", "csv", "xlsx", "nt")
STORES_PER_REGION = 12
PERIOD = 7
"""Planted store findings recur every PERIOD-th store (fewer stores: every store has some)."""

RULES: tuple[str, ...] = (
    "rkgsh:OverlapLeadFunction", "rkgsh:OverlapInSupervisionLine", "rkgsh:OverlapTeamFunction",
    "rkgsh:OverlapAccountableMetric", "rkgsh:OverlapAccountableMetricInLine",
    "rkgsh:GapBaselineFunction", "rkgsh:GapSupportOnly", "rkgsh:GapDepartmentWithoutPost", "rkgsh:GapPostWithoutDuty",
    "rkgsh:GapAreaOutOfScope", "rkgsh:PostLabel", "rkgsh:PostDepartment", "rkgsh:DutyText", "rkgsh:HeadcountPositive",
    "rkgsh:ReportsToSameOrganisation", "rkgsh:NoReportingCycle", "rkgsh:MetricAccountablePost", "rkgsh:UnmappedDuty",
)
"""Every rule of shapes/*.ttl; the oracle computes each (tests check the list against the shapes)."""

OVERLAP_RULES = RULES[:5]


# ---------------------------------------------------------------------------------------------
# The design as this module models it
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A free-text duty of the pool: its text, pinned functions (empty: the matcher decides), role.

    ``meant`` is the function ids the sentence is written to lead: what the planted findings rely
    on, checked against the matcher by tests/test_generate.py (empty: meant to stay unmapped).
    """

    text: str
    meant: tuple[str, ...]
    pinned: tuple[tuple[str, str], ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class DutyRow:
    """One duty as written in the design: a clause of the standard or a sentence."""

    standard: str | None = None
    sentence: Sentence | None = None
    role: str | None = None

    @property
    def text(self) -> str | None:
        return self.sentence.text if self.sentence else None

    @property
    def effective_role(self) -> str | None:
        return self.role or (self.sentence.role if self.sentence else None)


@dataclass
class Unit:
    id: str
    name: str
    name_en: str
    kind: str
    parent: str | None = None


@dataclass
class Post:
    id: str
    name: str
    name_en: str
    unit: str
    reports_to: str | None
    headcount: int
    duties: list[DutyRow] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)


@dataclass
class Planted:
    """A finding put in on purpose: what and where in words, and the results it must produce.

    ``absent`` lists results that must *not* appear (replicas, team functions, exclusions).
    """

    kind: str
    where: str
    what: str
    expect: list[dict[str, str | None]] = field(default_factory=list)
    absent: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class Chain:
    """The whole design in file order, and what was planted in it."""

    seed: int
    stores: int
    regions: int
    units: list[Unit]
    posts: list[Post]
    exclude_functions: list[str]
    planted: list[Planted]


def iri(kind: str, ident: str) -> str:
    """The IRI :func:`retailkg.design.resolve.resolve` gives a unit, post, duty or own metric."""
    return f"{ORG_BASE}{kind}/{ident}"


ORG_IRI = f"{ORG_BASE}org"


def fn(ident: str) -> str:
    return f"{BASE}function/{ident}"


def result(rule: str, focus: str, value: str | None = None) -> dict[str, str | None]:
    return {"rule": rule, "focus": focus, "value": value}


# ---------------------------------------------------------------------------------------------
# Head office, regions and the store template
# ---------------------------------------------------------------------------------------------

def _s(text: str, meant: Iterable[str], pinned: Iterable[tuple[str, str]] = (), role: str | None = None) -> Sentence:
    return Sentence(text, tuple(meant), tuple(pinned), role)


# Head office and region sentences (one wording each).
GM_RULES = _s("审定公司各部门管理制度与岗位设置", ["department-rules"])
HEAD_TRAINING = _s("组织本部门团队的业务培训", ["team-training"])
HEAD_APPRAISAL = _s("负责本部门员工的绩效考核", ["performance-appraisal"])
REGION_COST = _s("负责区域内各门店的经营成本控制与利润管理", ["profit-and-cost"])
REGION_APPRAISAL = _s("负责区域团队的绩效考核", ["performance-appraisal"])
REGION_RECRUITMENT = _s("负责区域内门店员工的招聘与选拔", ["recruitment"])

# The store pool: per slot, wordings of one duty; each store picks one by the seed. Some have
# their functions pinned (``functions:`` in the design), the rest are left to the matcher.
POOL: dict[str, tuple[Sentence, ...]] = {
    "sales": (_s("完成门店销售目标，负责门店业绩管理", ["sales-performance"], [("sales-performance", "lead")]),
              _s("负责门店销售指标的分解与业绩跟进", ["sales-performance"])),
    "training": (_s("组织门店团队的业务培训", ["team-training"]),),
    "allocation": (_s("制定门店员工排班与每日工作安排", ["work-allocation"], [("work-allocation", "lead")]),
                   _s("安排门店员工排班，调配各岗位人员", ["work-allocation"])),
    "reporting": (_s("向上级汇报门店经营情况并组织每日例会", ["work-reporting"]),
                  _s("主持门店每日例会，向店长汇报经营情况", ["work-reporting"])),
    "purchasing": (_s("负责门店商品的订货与到货跟进", ["purchasing"]),
                   _s("制定门店商品采购计划，下单订货并跟进到货", ["purchasing"], [("purchasing", "lead")])),
    "shop-data": (_s("每日查看并分析门店销售数据，发现问题及时反馈", ["shop-data-analysis"]),
                  _s("统计与分析门店每日销售数据并反馈问题", ["shop-data-analysis"], [("shop-data-analysis", "lead")])),
    "after-sales": (_s("处理顾客退货、换货与退款等售后问题", ["after-sales-service"]),
                    _s("处理顾客的退换货与退款", ["after-sales-service"], [("after-sales-service", "lead")])),
    "feedback": (_s("登记顾客意见并及时反馈给相关部门", ["customer-feedback"]),
                 _s("收集顾客意见并反馈给店长", ["customer-feedback"])),
    "pre-sales": (_s("接待顾客咨询，介绍与推荐商品", ["pre-sales-service"]),
                  _s("为进店顾客提供商品咨询与推荐", ["pre-sales-service"])),
    "advisor": (_s("利用企业微信等数字化工具服务顾客并促成成交", ["advisor-selling"]),
                _s("通过企业微信社群服务老顾客，促成线上成交", ["advisor-selling"], [("advisor-selling", "lead")])),
    "clienteling": (_s("定期回访VIP顾客，维护老顾客关系", ["clienteling"], [("clienteling", "lead"), ("user-activation", "support")]),
                    _s("维护VIP顾客关系，节假日回访与关怀", ["clienteling"])),
    # support: the matcher finds reconciliation, the role demotes it (head office leads it)
    "cash-check": (_s("配合财务部门完成每日收银对账", [], role="support"),),
    # planted only
    "promotion": (_s("负责门店促销活动的策划与实施", ["promotion-planning"]),),
    "cashier": (_s("完成店长交办的其他临时工作", []),),  # a catch-all line: the matcher's overrides map it to nothing
}

HQ_UNITS: tuple[tuple[str, str, str], ...] = (
    ("gm-office", "总经理办公室", "general manager's office"),
    ("marketing", "营销中心", "marketing centre"),
    ("operations", "运营中心", "operations centre"),
    ("technology", "技术中心", "technology centre"),
    ("finance", "财务中心", "finance centre"),
    ("data-centre", "数据中心", "data centre"),  # planned, no post yet: a unit without posts
)


def _std(ref: str, role: str | None = None) -> DutyRow:
    return DutyRow(standard=f"{STD} {ref}", role=role)


def _txt(s: Sentence) -> DutyRow:
    return DutyRow(sentence=s)


HEAD = [_txt(HEAD_TRAINING), _txt(HEAD_APPRAISAL)]

# id, name, name_en, unit, reports_to, headcount, duties, metrics
HQ_POSTS: tuple[tuple[str, str, str, str, str | None, int, list[DutyRow], list[str]], ...] = (
    ("gm", "总经理", "general manager", "gm-office", None, 1, [_txt(GM_RULES)], []),
    ("marketing-head", "营销中心总监", "head of marketing", "marketing", "gm", 1, HEAD, []),
    ("marketing-planner", "营销策划专员", "marketing planner", "marketing", "marketing-head", 2, [_std("4.1.1")], ["会员活跃度"]),
    ("new-media-operator", "新媒体运营专员", "new-media operator", "marketing", "marketing-head", 2, [_std("4.1.2")], []),
    ("member-operator", "会员运营专员", "membership operator", "marketing", "marketing-head", 3, [_std("4.1.3")], ["会员活跃度"]),
    ("campaign-operator", "活动运营专员", "campaign operator", "marketing", "marketing-head", 2,
     [_std("4.1.4 a"), _std("4.1.4 b"), _std("4.1.4 c"), _std("4.1.4 d")], []),
    ("visual-designer", "线上视觉设计师", "online visual designer", "marketing", "marketing-head", 3, [_std("4.1.5")], []),
    ("operations-head", "运营中心总监", "head of operations", "operations", "gm", 1, [*HEAD, _std("4.2.1 a")], []),
    ("category-manager", "品类经理", "category manager", "operations", "operations-head", 4, [_std("4.2.1")], []),
    ("brand-operator", "品牌运营专员", "brand operator", "operations", "operations-head", 4, [_std("4.2.2")], []),
    ("service-manager", "服务管理专员", "service manager", "operations", "operations-head", 2, [_std("4.2.3")], []),
    ("digital-operator", "数字化运营专员", "digital operations specialist", "operations", "operations-head", 2, [_std("4.2.4")], []),
    ("data-operator", "数据运营专员", "data operations specialist", "operations", "operations-head", 2,
     [*(_std(f"4.2.5 {c}") for c in "abcdefg"), _std("4.2.5 h", role="support")], []),
    ("community-operator", "社群营销专员", "community marketer", "operations", "operations-head", 2, [_std("4.2.6")], []),
    ("mall-operator", "线上商城运营专员", "online mall operator", "operations", "operations-head", 2, [_std("4.2.7")], []),
    ("technology-head", "技术中心总监", "head of technology", "technology", "gm", 1, HEAD, []),
    ("architect", "系统架构师", "systems architect", "technology", "technology-head", 1, [_std("4.3.1")], []),
    ("frontend-developer", "前端开发工程师", "frontend developer", "technology", "technology-head", 3, [_std("4.3.2")], []),
    ("backend-developer", "后端开发工程师", "backend developer", "technology", "technology-head", 4, [_std("4.3.3")], []),
    ("test-engineer", "测试工程师", "test engineer", "technology", "technology-head", 2, [_std("4.3.4")], []),
    ("data-analyst", "数据分析师", "data analyst", "technology", "technology-head", 2, [_std("4.3.5")], []),
    ("platform-ops", "平台运维工程师", "platform operations engineer", "technology", "technology-head", 2, [_std("4.3.7")], []),
    ("it-support", "硬件支持工程师", "hardware support engineer", "technology", "technology-head", 2, [_std("4.3.8")], []),
    ("finance-head", "财务中心总监", "head of finance", "finance", "gm", 1, HEAD, []),
    ("settlement-accountant", "结算会计", "settlement accountant", "finance", "finance-head", 3, [_std("4.4.1")], []),
    ("finance-manager", "财务经理", "finance manager", "finance", "finance-head", 1, [_std("4.4.2")], []),
)
EXCLUDE_FUNCTIONS = ["to-home-operations"]  # 4.2.8 到家业务 is not set up (clause 5, dynamic setting)

# The store template: slot, name, name_en, reports_to (a slot; None: the region's manager),
# headcount range, duty slots, metrics.
STORE_POSTS: tuple[tuple[str, str, str, str | None, tuple[int, int], tuple[str, ...], tuple[str, ...]], ...] = (
    ("manager", "店长", "store manager", None, (1, 1), ("sales", "training"), ("门店销售额",)),
    ("deputy", "副店长", "deputy store manager", "manager", (1, 2), ("allocation", "reporting"), ()),
    ("merchandiser", "商品主管", "merchandise supervisor", "deputy", (1, 3), ("purchasing", "shop-data"), ()),
    ("service-lead", "客服主管", "customer service supervisor", "deputy", (1, 2), ("after-sales", "feedback"), ()),
    ("advisor", "导购", "sales advisor", "merchandiser", (4, 24), ("pre-sales", "advisor"), ()),
    ("member-specialist", "会员专员", "membership specialist", "deputy", (1, 3), ("clienteling",), ()),
    ("cashier-lead", "收银主管", "cashier supervisor", "deputy", (1, 2), ("cash-check",), ()),
)

REGION_AREAS = (("华东", "East China", ("上海", "南京", "杭州", "苏州", "宁波")),
                ("华南", "South China", ("广州", "深圳", "厦门", "南宁", "福州")),
                ("华北", "North China", ("北京", "天津", "石家庄", "太原", "济南")),
                ("华中", "Central China", ("武汉", "长沙", "郑州", "南昌", "合肥")),
                ("西南", "Southwest", ("成都", "重庆", "昆明", "贵阳", "拉萨")),
                ("西北", "Northwest", ("西安", "兰州", "银川", "西宁", "乌鲁木齐")),
                ("东北", "Northeast", ("沈阳", "大连", "长春", "哈尔滨", "吉林")))
STREETS = ("人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "南京路", "长江路", "黄河路", "文化路",
           "东风路", "胜利路", "青年路", "光明路", "友谊路", "花园路", "朝阳路", "滨江路", "湖滨路", "世纪大道")

# Planted store findings: kind, what, in which posts (slots).
STORE_PLANTS: tuple[tuple[str, str], ...] = (
    ("store-overlap", "the customer service supervisor also does clienteling, which the membership specialist leads; "
                      "both report to the deputy, so they are not in one line: 交叉 inside one store"),
    ("store-hq-overlap", "the merchandise supervisor also plans the store's promotions (fn:promotion-planning), which the "
                         "head-office marketing planner leads through T/CCAGM 003-2021 4.1.1 a: store post vs head office"),
    ("store-line-overlap", "the deputy also takes the store's sales target (fn:sales-performance), which the store manager "
                           "leads; the deputy reports to the manager: an overlap in a supervision line (Warning)"),
    ("store-team-line", "the deputy also trains the store team (fn:team-training, a team function), as the store manager "
                        "does: a team function twice in one line (Info)"),
    ("store-metric-line", "the deputy is also accountable for 门店销售额, as the store manager is (in line: Warning)"),
    ("store-hq-metric", "the customer service supervisor is accountable for 顾客满意度 (the standard's customer "
                        "satisfaction), as the head-office service manager is through 4.2.3 b: a metric overlap"),
    ("post-without-duty", "a management trainee post (储备干部) with no duty"),
    ("unmapped", "the cashier supervisor also has 完成店长交办的其他临时工作, which the matcher maps to no function"),
)


def stores_for(scale: str | int, seed: int = 7, kb: KnowledgeBase | None = None, matcher: Matcher | None = None) -> int:
    """The store count for a named scale (the one whose predicted triple count is nearest) or an explicit count.

    The prediction (:func:`predict_triples`) counts what :func:`retailkg.design.resolve.resolve` will
    write, so the named scales land close to their target without resolving anything.
    """
    if isinstance(scale, int) or (isinstance(scale, str) and scale.isdigit()):
        n = int(scale)
        if n < 1:
            raise ValueError("the store count must be at least 1")
        return n
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (named scales: {', '.join(SCALES)}; or a store count)")
    target = SCALES[scale]
    kb = kb or knowledge_base()
    m = matcher or Matcher(kb)

    def triples(n: int) -> int:
        return predict_triples(resolve_chain(build_chain(n, seed), kb, m))

    lo, hi = triples(10), triples(40)
    per_store = (hi - lo) / 30
    n = max(1, round(10 + (target - lo) / per_store))
    for _ in range(3):  # the slope is not quite constant (regions, planted posts): settle on the nearest
        t = triples(n)
        step = round((target - t) / per_store)
        if step == 0:
            break
        n = max(1, n + step)
    return n


def build_chain(stores: int, seed: int = 7) -> Chain:
    """The design for ``stores`` stores; ``seed`` picks headcounts, wordings, names and where findings are planted."""
    rng = random.Random(seed)
    regions = max(2, math.ceil(stores / STORES_PER_REGION))
    sw, rw = max(4, len(str(stores + 1))), max(2, len(str(regions)))
    units = [Unit(uid, name, en, "department") for uid, name, en in HQ_UNITS]
    posts = [Post(pid, name, en, unit, rep, hc, list(duties), list(metrics)) for pid, name, en, unit, rep, hc, duties, metrics in HQ_POSTS]
    planted = _hq_plants()

    region_ids = []
    for r in range(regions):
        area, area_en, _cities = REGION_AREAS[r % len(REGION_AREAS)]
        rid = f"r{r + 1:0{rw}d}"
        region_ids.append(rid)
        nth = r // len(REGION_AREAS) + 1
        units.append(Unit(rid, f"{area}第{nth}大区", f"{area_en} region {nth}", "region"))
        posts.append(Post(f"{rid}-manager", "大区经理", "regional manager", rid, "gm", 1,
                          [_txt(REGION_COST), _txt(REGION_APPRAISAL)], ["区域销售额"]))
        posts.append(Post(f"{rid}-hr", "区域人事专员", "regional HR specialist", rid, f"{rid}-manager", rng.randint(1, 2),
                          [_txt(REGION_RECRUITMENT)]))

    k = min(PERIOD, stores)
    residues = {kind: (j + seed) % k for j, (kind, _what) in enumerate(STORE_PLANTS)}
    plant_text = dict(STORE_PLANTS)
    for i in range(stores):
        r = i * regions // stores
        rid = region_ids[r]
        cities = REGION_AREAS[r % len(REGION_AREAS)][2]
        sid = f"s{i + 1:0{sw}d}"
        city = rng.choice(cities)
        street = rng.choice(STREETS)
        units.append(Unit(sid, f"{city}{street}{i + 1}号店", f"store {i + 1}, {street}", "store", rid))
        slots: dict[str, Post] = {}
        for slot, name, en, rep, (h0, h1), duty_slots, metrics in STORE_POSTS:
            boss = f"{rid}-manager" if rep is None else slots[rep].id
            p = Post(f"{sid}-{slot}", name, en, sid, boss, rng.randint(h0, h1),
                     [_txt(rng.choice(POOL[d])) for d in duty_slots], list(metrics))
            slots[slot] = p
            posts.append(p)
        kinds = [kind for kind, res in residues.items() if i % k == res]
        for kind in kinds:
            planted.append(_plant_store(kind, plant_text[kind], sid, slots, posts, rng))
    planned = f"s{stores + 1:0{sw}d}"
    last = region_ids[-1]
    units.append(Unit(planned, f"{REGION_AREAS[(regions - 1) % len(REGION_AREAS)][2][0]}新店（筹备中）",
                      "new store (in preparation)", "store", last))
    planted.append(Planted("unit-without-posts", planned, "a store in preparation: the unit is set up, no post yet",
                           [result("rkgsh:GapDepartmentWithoutPost", iri("dept", planned))]))
    planted.append(Planted("replicas", "every store", "every store manager leads fn:sales-performance and answers for 门店销售额: "
                           "stores replicate posts, so store managers of different stores do not overlap",
                           absent=[result(rule, iri("post", f"s{1:0{sw}d}-manager"), v)
                                   for rule, v in (("rkgsh:OverlapLeadFunction", fn("sales-performance")),
                                                   ("rkgsh:OverlapAccountableMetric", iri("metric", "门店销售额")))]))
    return Chain(seed, stores, regions, units, posts, list(EXCLUDE_FUNCTIONS), planted)


def _plant_store(kind: str, what: str, sid: str, slots: dict[str, Post], posts: list[Post], rng: random.Random) -> Planted:
    """Change one store so that it carries the finding ``kind`` (see STORE_PLANTS)."""
    p = {slot: iri("post", post.id) for slot, post in slots.items()}
    if kind == "store-overlap":
        slots["service-lead"].duties.append(_txt(rng.choice(POOL["clienteling"])))
        exp = [result("rkgsh:OverlapLeadFunction", p[s], fn("clienteling")) for s in ("service-lead", "member-specialist")]
    elif kind == "store-hq-overlap":
        slots["merchandiser"].duties.append(_txt(POOL["promotion"][0]))
        exp = [result("rkgsh:OverlapLeadFunction", x, fn("promotion-planning"))
               for x in (p["merchandiser"], iri("post", "marketing-planner"))]
    elif kind == "store-line-overlap":
        slots["deputy"].duties.append(_txt(rng.choice(POOL["sales"])))
        exp = [result("rkgsh:OverlapInSupervisionLine", p[s], fn("sales-performance")) for s in ("deputy", "manager")]
    elif kind == "store-team-line":
        slots["deputy"].duties.append(_txt(POOL["training"][0]))
        exp = [result("rkgsh:OverlapTeamFunction", p[s], fn("team-training")) for s in ("deputy", "manager")]
    elif kind == "store-metric-line":
        slots["deputy"].metrics.append("门店销售额")
        exp = [result("rkgsh:OverlapAccountableMetricInLine", p[s], iri("metric", "门店销售额")) for s in ("deputy", "manager")]
    elif kind == "store-hq-metric":
        slots["service-lead"].metrics.append("顾客满意度")
        m = f"{BASE}ccagm-003-2021/metric/customer-satisfaction"
        exp = [result("rkgsh:OverlapAccountableMetric", x, m) for x in (p["service-lead"], iri("post", "service-manager"))]
    elif kind == "post-without-duty":
        trainee = Post(f"{sid}-trainee", "储备干部", "management trainee", sid, slots["manager"].id, rng.randint(1, 2))
        posts.append(trainee)
        exp = [result("rkgsh:GapPostWithoutDuty", iri("post", trainee.id))]
    elif kind == "unmapped":
        post = slots["cashier-lead"]
        post.duties.append(_txt(POOL["cashier"][0]))
        exp = [result("rkgsh:UnmappedDuty", iri("duty", f"{post.id}-{len(post.duties)}"))]  # one sentence, one duty
    else:  # pragma: no cover - STORE_PLANTS and this function are edited together
        raise ValueError(kind)
    return Planted(kind, sid, what, exp)


def _hq_plants() -> list[Planted]:
    """What head office carries on purpose, with the results each must (or must not) give."""
    post, org = (lambda x: iri("post", x)), ORG_IRI
    m = f"{BASE}ccagm-003-2021/metric/"
    return [
        Planted("hq-overlap", "marketing", "the marketing planner (4.1.1 whole) and the membership operator (4.1.3 whole) both "
                "run member campaigns (4.1.1 b, 4.1.3 c): the standard's own 交叉, taken over post by post",
                [result("rkgsh:OverlapLeadFunction", post(x), fn("member-campaigns")) for x in ("marketing-planner", "member-operator")]),
        Planted("hq-line-overlap", "operations", "the head of operations also takes 4.2.1 a, which the category manager (4.2.1 "
                "whole) reporting to them leads, and its metric: overlaps in a supervision line",
                [*(result("rkgsh:OverlapInSupervisionLine", post(x), fn("category-management"))
                   for x in ("operations-head", "category-manager")),
                 *(result("rkgsh:OverlapAccountableMetricInLine", post(x), m + "category-targets")
                   for x in ("operations-head", "category-manager"))]),
        Planted("hq-metric-overlap", "marketing", "the marketing planner and the membership operator are both accountable for "
                "会员活跃度 (a standard's metric, found by label)",
                [result("rkgsh:OverlapAccountableMetric", post(x), f"{BASE}ccfags-046-2023/metric/member-activity")
                 for x in ("marketing-planner", "member-operator")]),
        Planted("hq-team-functions", "head office", "every head of a centre trains and appraises their own team (team "
                "functions); none is in another's reporting line, so none of them overlaps",
                absent=[result(r, post(x), fn(f)) for r in ("rkgsh:OverlapLeadFunction", "rkgsh:OverlapTeamFunction")
                        for x in ("marketing-head", "finance-head") for f in ("team-training", "performance-appraisal")]),
        Planted("baseline-gap", "technology", "no post takes 4.3.6 信息安全: incident response and security training are "
                "nobody's (policy and operations are still led by 4.3.7 a and 4.3.8 d)",
                [result("rkgsh:GapBaselineFunction", org, fn(f)) for f in ("security-incident-response", "security-awareness")],
                [result("rkgsh:GapBaselineFunction", org, fn(f)) for f in ("security-policy", "security-operations")]),
        Planted("excluded", "organisation", "4.2.8 到家业务运营 is not set up and fn:to-home-operations is excluded (clause 5): "
                "no gap for it, but 4.2.8 e was the only duty leading fn:customer-experience",
                [result("rkgsh:GapBaselineFunction", org, fn("customer-experience"))],
                [result("rkgsh:GapBaselineFunction", org, fn("to-home-operations"))]),
        Planted("support-only", "operations", "the data operations specialist takes 4.2.5 h as support only: incentive "
                "analytics is supported and led by nobody, though the baseline leads it; the brand operator's 4.2.2 d only "
                "supports pricing, and so does the standard (it leads it nowhere): no gap",
                [result("rkgsh:GapSupportOnly", org, fn("incentive-analytics"))],
                [result("rkgsh:GapBaselineFunction", org, fn("incentive-analytics")), result("rkgsh:GapSupportOnly", org, fn("pricing"))]),
        Planted("unit-without-posts", "data-centre", "the 数据中心 is planned but has no post",
                [result("rkgsh:GapDepartmentWithoutPost", iri("dept", "data-centre"))]),
        Planted("metric-without-post", "operations", "4.2.5 b names metrics (new customers, daily active users, order "
                "conversion) that its standard post is not accountable for, and no post of the chain is",
                [result("rkgsh:MetricAccountablePost", m + x, org)
                 for x in ("new-customers", "daily-active-users", "order-conversion-rate")],
                # repurchase and retention are named too, but the service manager answers for them (4.2.3 b)
                [result("rkgsh:MetricAccountablePost", m + x, org) for x in ("repurchase-rate", "retention-rate")]),
    ]


# ---------------------------------------------------------------------------------------------
# Writing the design: YAML, CSV tables, Excel, and the rows they share
# ---------------------------------------------------------------------------------------------


def _functions_cell(s: Sentence) -> str:
    return "; ".join(f if role == "lead" else f"{role}:{f}" for f, role in s.pinned)


def tables(chain: Chain) -> dict[str, list[list[Any]]]:
    """The five tables of the CSV and Excel forms, header first (the columns of orgdesign.TABLES)."""
    rows: dict[str, list[list[Any]]] = {
        "organisation": [["id", "name", "name_en", "baseline", "exclude_functions"],
                         [ORG_ID, ORG_NAME, ORG_NAME_EN, STD, "; ".join(chain.exclude_functions)]],
        "departments": [["id", "name", "name_en", "kind", "parent"]],
        "posts": [["id", "name", "department", "name_en", "reports_to", "headcount"]],
        "duties": [["post", "standard", "text", "role", "functions"]],
        "metrics": [["post", "metric"]],
    }
    for u in chain.units:
        rows["departments"].append([u.id, u.name, u.name_en, u.kind, u.parent or ""])
    for p in chain.posts:
        rows["posts"].append([p.id, p.name, p.unit, p.name_en, p.reports_to or "", p.headcount])
        for d in p.duties:
            s = d.sentence
            rows["duties"].append([p.id, d.standard or "", d.text or "", d.effective_role or "", _functions_cell(s) if s else ""])
        for m in p.metrics:
            rows["metrics"].append([p.id, m])
    return rows


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def yaml_text(chain: Chain) -> str:
    """The design as YAML, one flow mapping per unit and duty: compact, and fast to write at 1M triples."""
    out = [f"# Synthetic national retail chain: bench/generate.py, seed {chain.seed}, {chain.stores} stores. Generated; do not edit.",
           "organisation:", f"  id: {ORG_ID}", f"  name: {_q(ORG_NAME)}", f"  name_en: {_q(ORG_NAME_EN)}",
           f"  baseline: {_q(STD)}", f"  exclude_functions: [{', '.join(chain.exclude_functions)}]", "departments:"]
    for u in chain.units:
        parent = f", parent: {u.parent}" if u.parent else ""
        out.append(f"  - {{id: {u.id}, name: {_q(u.name)}, name_en: {_q(u.name_en)}, kind: {u.kind}{parent}}}")
    out.append("posts:")
    for p in chain.posts:
        out += [f"  - id: {p.id}", f"    name: {_q(p.name)}", f"    name_en: {_q(p.name_en)}", f"    department: {p.unit}"]
        if p.reports_to:
            out.append(f"    reports_to: {p.reports_to}")
        out.append(f"    headcount: {p.headcount}")
        if p.duties:
            out.append("    duties:")
            for d in p.duties:
                parts = [f"standard: {_q(d.standard)}"] if d.standard else [f"text: {_q(d.text or '')}"]
                if d.effective_role:
                    parts.append(f"role: {d.effective_role}")
                if d.sentence and d.sentence.pinned:
                    by_role = {r: [f for f, rr in d.sentence.pinned if rr == r] for r in ("lead", "support")}
                    parts.append("functions: {" + ", ".join(f"{r}: [{', '.join(fs)}]" for r, fs in by_role.items() if fs) + "}")
                out.append(f"      - {{{', '.join(parts)}}}")
        if p.metrics:
            out.append(f"    accountable_for: [{', '.join(_q(m) for m in p.metrics)}]")
    return "\n".join(out) + "\n"


def csv_files(chain: Chain) -> dict[str, bytes]:
    """``<table>.csv`` → bytes: UTF-8 with a byte-order mark and CRLF, as the template writes them."""
    files = {}
    for name, rows in tables(chain).items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerows(rows)
        files[f"{name}.csv"] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    return files


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = "2021-01-01T00:00:00Z"


def xlsx_bytes(chain: Chain) -> bytes:
    """The workbook, written in openpyxl's write-only mode (rows streamed: it must work at 1M triples).

    openpyxl stamps the zip entries and docProps/core.xml with the current time; both are
    rewritten to fixed values so the same design gives the same bytes.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in tables(chain).items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = rb"\g<1>" + FIXED_DOC_TIME.encode() + rb"\g<3>"
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", stamp, data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return out.getvalue()


_BNODE = re.compile(r"_:[A-Za-z0-9]+")


def canonical_ntriples(text: str) -> str:
    """N-Triples sorted and without repeats, with each blank node named by a hash of its own triples.

    The serialiser's blank-node labels (the matcher's ``rkgv:match`` nodes) and its line order are
    its own business; sorting and content-derived labels make the file depend only on the graph,
    and dropping repeated lines makes one line one triple (a graph is a set; resolve() may write a
    triple twice when a post answers for a metric both directly and through a standard's duty).
    Blank nodes with identical triples are interchangeable, so numbering ties keeps it stable.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    touching: dict[str, list[str]] = defaultdict(list)
    for ln in lines:
        if "_:" not in ln:
            continue
        subj = ln.split(" ", 1)[0]
        obj = ln[:-2].rstrip().rsplit(" ", 1)[-1] if ln.endswith(" .") else ""
        for b in {x for x in (subj, obj) if x.startswith("_:")}:
            touching[b].append(ln)
    labels: dict[str, str] = {}
    seen: dict[str, int] = defaultdict(int)
    signatures = {b: hashlib.sha1("\n".join(sorted(_BNODE.sub("_:", ln) for ln in ls)).encode()).hexdigest()[:16]
                  for b, ls in touching.items()}
    for b in sorted(touching, key=lambda x: signatures[x]):
        sig = signatures[b]
        labels[b] = f"_:m{sig}" + (f"x{seen[sig]}" if seen[sig] else "")
        seen[sig] += 1

    def relabel(ln: str) -> str:
        if "_:" not in ln:
            return ln
        parts = ln.split(" ", 1)
        if parts[0] in labels:
            ln = labels[parts[0]] + " " + parts[1]
        if ln.endswith(" ."):
            head, obj = ln[:-2].rstrip().rsplit(" ", 1)
            if obj in labels:
                ln = f"{head} {labels[obj]} ."
        return ln

    return "\n".join(sorted({relabel(ln) for ln in lines})) + "\n"


# ---------------------------------------------------------------------------------------------
# Resolution, as the oracle sees it: each duty's functions and metrics, from the KB and the matcher
# ---------------------------------------------------------------------------------------------


@dataclass
class RDuty:
    """A duty as resolve() will write it: its IRI, functions, metrics and what its RDF holds."""

    iri: str
    zh: str
    en: str
    lead: frozenset[str]
    support: frozenset[str]
    concerns: tuple[str, ...] = ()  # metrics the standard's duty names (rkg:concernsMetric)
    accountable: tuple[str, ...] = ()  # those the standard's post answers for: the design's post does too
    standard: bool = False
    match_nodes: int = 0  # rkgv:match nodes, and how many carry evidence
    match_evidence: int = 0
    match_review: int = 0  # and how many say rkgv:toReview


@dataclass
class RPost:
    iri: str
    post: Post
    unit: str
    superior: str | None
    duties: list[RDuty]
    metrics: frozenset[str]  # accountableFor: stated, or through a standard's duty


@dataclass
class Resolved:
    """The chain with every duty resolved: what the oracle and the triple count work from."""

    chain: Chain
    posts: list[RPost]
    units: dict[str, Unit]
    own_metrics: dict[str, str]  # IRI → label
    covered: frozenset[str]  # the baseline's functions (its duties lead them)
    team: frozenset[str]  # rkg:TeamFunction
    excluded: frozenset[str]
    baseline: Document
    area_of: dict[str, str] = field(default_factory=dict)  # function → its area of the taxonomy


def _standard(kb: KnowledgeBase, doc: Document, ref: str) -> list[StatementInfo]:
    """The standard's duties a clause reference names: one duty, or a whole post's (KB lookups)."""
    assert ref.startswith(doc.citation + " "), ref
    clause = ref[len(doc.citation) + 1:]
    duty = kb.standard_duty(doc, clause)
    if duty is not None:
        return [kb.duties[duty]]
    post = kb.standard_post(doc, clause)
    found = kb.duties_of(post) if post is not None else []
    if not found:
        raise ValueError(f"no duty {clause!r} in {doc.citation}")
    return found


def resolve_chain(chain: Chain, kb: KnowledgeBase, matcher: Matcher) -> Resolved:
    """Each duty's functions (standard duties from the KB, sentences from the matcher, once each)."""
    baseline = document(STD)
    matches: dict[tuple[str, str], Match] = {}
    std_cache: dict[str, list[StatementInfo]] = {}
    own: dict[str, str] = {}
    metric_cache: dict[str, str] = {}

    def metric(label: str) -> str:
        if label not in metric_cache:
            m = kb.standard_metric(label, prefer=baseline)
            if m is None:
                assert re.fullmatch(r"[^\s/#?%\"<>\\^`{|}]+", label), label  # resolve() would slug it
                own[iri("metric", label)] = label
                metric_cache[label] = iri("metric", label)
            else:
                metric_cache[label] = str(m)
        return metric_cache[label]

    def function(name: str) -> str:
        f = kb.function(name)
        if f is None:
            raise ValueError(f"unknown function {name!r}")
        return str(f)

    # resolve() matches a design's free-text duties in one batch, each read with its post's others: so here
    matcher.prepare([(row.sentence.text, p.name) for p in chain.posts for row in p.duties
                     if row.standard is None and row.sentence is not None and not row.sentence.pinned])
    posts = []
    for p in chain.posts:
        duties: list[RDuty] = []
        accountable: set[str] = set()
        for row in p.duties:
            if row.standard is not None:
                if row.standard not in std_cache:
                    std_cache[row.standard] = _standard(kb, baseline, row.standard)
                for s in std_cache[row.standard]:
                    lead, support = {str(f) for f in s.lead}, {str(f) for f in s.support}
                    if row.role == "support":
                        lead, support = set(), lead | support
                    acc = tuple(str(m) for m in s.metrics if s.post is not None and (s.post, RKG.accountableFor, m) in kb.graph)
                    accountable.update(acc)
                    duties.append(RDuty(iri("duty", f"{p.id}-{len(duties) + 1}"), s.zh, s.en, frozenset(lead), frozenset(support),
                                        tuple(str(m) for m in s.metrics), acc, standard=True))
                continue
            s = row.sentence
            assert s is not None
            role = row.effective_role
            rd = RDuty(iri("duty", f"{p.id}-{len(duties) + 1}"), s.text, "", frozenset(), frozenset())
            if s.pinned:
                rd.lead = frozenset(function(f) for f, r in s.pinned if r == "lead")
                rd.support = frozenset(function(f) for f, r in s.pinned if r != "lead")
            else:
                if (s.text, p.name) not in matches:  # the matcher reads the post's name too, as resolve() passes it
                    matches[s.text, p.name] = matcher.match(s.text, p.name)
                m = matches[s.text, p.name]
                lead = {str(fm.function) for fm in m.functions if fm.role == "lead"}
                support = {str(fm.function) for fm in m.functions if fm.role == "support"}
                if role == "support":
                    lead, support = set(), lead | support
                rd.lead, rd.support = frozenset(lead), frozenset(support)
                rd.match_nodes = len(m.functions)
                rd.match_evidence = sum(fm.evidence is not None for fm in m.functions)
                rd.match_review = len(m.functions) if m.to_review else 0
            duties.append(rd)
        accountable.update(metric(label) for label in p.metrics)
        superior = iri("post", p.reports_to) if p.reports_to else None
        posts.append(RPost(iri("post", p.id), p, p.unit, superior, duties, frozenset(accountable)))
    return Resolved(chain, posts, {u.id: u for u in chain.units}, own,
                    frozenset(str(f) for f in kb.covered_functions(baseline)),
                    frozenset(str(f) for f, info in kb.functions.items() if info.team),
                    frozenset(function(f) for f in chain.exclude_functions), baseline,
                    {str(f): str(a) for f, a in kb.area_of.items()})


def predict_triples(r: Resolved) -> int:
    """How many triples resolve() writes for the chain: what it adds, counted (sets where it could repeat)."""
    n = 2 + 4 + 1 + len(r.excluded)  # design document; organisation (type, zh, en, baseline, source)
    parent = {u.id: u.parent for u in r.chain.units}
    superior = {p.iri: p.superior for p in r.posts}
    for u in r.chain.units:
        n += 6 + bool(u.name_en) + bool(u.parent)  # type, zh, [en], unitKind, unitOf, order, sourceDocument, [subUnitOf]
        n += len(_chain_above(u.parent, parent)) + 1  # org:transitiveSubOrganizationOf: the units above, the organisation
    for p in r.posts:
        # type, zh, [en], inDepartment, inOrganisation, [reportsTo], [headcount], order, reference, sourceDocument
        n += 7 + bool(p.post.name_en) + bool(p.superior) + 1 + len(p.metrics)
        n += len(_chain_above(p.superior, superior))  # rkg:reportingChain
        for d in p.duties:
            n += 7 + bool(d.en) + len(d.lead) + len(d.support)  # type, zh, [en], dutyOf, item, order, reference, source
            if d.standard:
                n += 1 + len(d.concerns)  # prov:wasDerivedFrom, rkg:concernsMetric
            n += 4 * d.match_nodes + d.match_evidence + d.match_review  # link, type, function, score, [evidence], [toReview]
    # every metric the design names is typed rkg:Metric once; its own metrics also get a label and a source
    named = {m for p in r.posts for m in p.metrics} | {m for p in r.posts for d in p.duties for m in d.concerns}
    return n + len(named) + 2 * len(r.own_metrics)


# ---------------------------------------------------------------------------------------------
# The oracle: every rule of shapes/*.ttl, restated in Python over the resolved model
# ---------------------------------------------------------------------------------------------


def _chain_above(start: str | None, parent: dict[str, str | None]) -> list[str]:
    """``start`` and what is above it (rkg:subUnitOf* or rkg:reportsTo*), stopping at a cycle."""
    out: list[str] = []
    cur = start
    while cur is not None and cur not in out:
        out.append(cur)
        cur = parent.get(cur)
    return out


def expected(r: Resolved) -> dict[str, Any]:
    """The results every rule must give (``results``) and the findings they group into (``findings``).

    The shapes, restated:

    - overlap (rkgsh:OverlapComponent): a post and another post of the organisation both own a
      value (lead a function through a duty, or are accountable for a metric). Team functions go
      only to OverlapTeamFunction and only in a supervision line; other values go to the
      supervisionLine=true/false rule by whether one post is in the other's rkg:reportsTo+ chain.
      The pair is dropped when the posts are replicas: some store/region at or above one post's
      unit is not above the other's, and vice versa. One result per (rule, post, value).
    - scope: the chain declares none, so it is the areas (skos:broader) of the functions its duties lead.
    - GapBaselineFunction: functions the baseline's duties lead, minus those the organisation's
      duties lead or support, minus the excluded ones, in the scope. GapSupportOnly: supported, minus
      led, minus excluded, that the baseline leads, in the scope. GapAreaOutOfScope: the areas of the
      baseline's functions nobody leads, not excluded, outside the scope (?value the area).
      GapDepartmentWithoutPost: a unit with no post in it or below it.
      GapPostWithoutDuty: a post with no duty.
    - structure: one Chinese post name, one department, a Chinese duty text, one positive headcount,
      superiors in the same organisation, no reporting cycle, a metric (one a post answers for or a
      duty of the organisation names) with an accountable post; UnmappedDuty: a duty with no function.
    """
    units = r.units
    unit_parent = {u.id: u.parent for u in units.values()}
    replicating = {uid: [a for a in _chain_above(uid, unit_parent) if units[a].kind in ("store", "region")] for uid in units}
    depth = {uid: len(_chain_above(uid, unit_parent)) for uid in units}
    superior = {p.iri: p.superior for p in r.posts}
    above = {p.iri: set(_chain_above(p.superior, superior)) for p in r.posts}
    post_unit = {p.iri: p.unit for p in r.posts}

    def innermost(post: str) -> str | None:
        chain = replicating[post_unit[post]]
        return chain[0] if chain else None

    results: set[tuple[str, str, str | None]] = set()
    groups: dict[tuple[str, str, frozenset[str]], set[str]] = defaultdict(set)

    def overlaps(owners: dict[str, list[str]], metrics: bool) -> None:
        for value in sorted(owners):
            holders = sorted(set(owners[value]))
            team = not metrics and value in r.team
            by_unit: dict[str | None, list[str]] = defaultdict(list)
            for p in holders:
                by_unit[innermost(p)].append(p)
            pairs: list[tuple[str, str]] = []
            for u, ps in sorted(by_unit.items(), key=lambda x: x[0] or ""):
                pairs += combinations(ps, 2)  # one unit: never replicas
                if u is None:  # head office: not in any store or region, so no replica of anything
                    pairs += [(a, b) for a in ps for v, qs in by_unit.items() if v is not None for b in qs]
                else:  # a store and the region above it: the region's set is inside the store's
                    pairs += [(a, b) for a in ps for v in replicating[u][1:] for b in by_unit.get(v, [])]
            for a, b in pairs:
                line = a in above[b] or b in above[a]
                if team and not line:
                    continue  # every supervisor leads their own team
                if metrics:
                    rule = "rkgsh:OverlapAccountableMetricInLine" if line else "rkgsh:OverlapAccountableMetric"
                elif team:
                    rule = "rkgsh:OverlapTeamFunction"
                else:
                    rule = "rkgsh:OverlapInSupervisionLine" if line else "rkgsh:OverlapLeadFunction"
                results.add((rule, a, value))
                results.add((rule, b, value))
                key_units = frozenset(u for u in (innermost(a), innermost(b)) if u is not None)
                groups[(rule, value, key_units)].update((a, b))

    lead_owners: dict[str, list[str]] = defaultdict(list)
    metric_owners: dict[str, list[str]] = defaultdict(list)
    for p in r.posts:
        for f in {f for d in p.duties for f in d.lead}:
            lead_owners[f].append(p.iri)
        for m in p.metrics:
            metric_owners[m].append(p.iri)
    overlaps(lead_owners, metrics=False)
    overlaps(metric_owners, metrics=True)

    led = {f for p in r.posts for d in p.duties for f in d.lead}
    supported = {f for p in r.posts for d in p.duties for f in d.support}
    scope_areas = {r.area_of[f] for f in led if f in r.area_of}
    in_scope = {f for f, a in r.area_of.items() if a in scope_areas}
    results |= {("rkgsh:GapBaselineFunction", ORG_IRI, f) for f in (r.covered - led - supported - r.excluded) & in_scope}
    results |= {("rkgsh:GapSupportOnly", ORG_IRI, f) for f in (supported - led - r.excluded) & r.covered & in_scope}
    results |= {("rkgsh:GapAreaOutOfScope", ORG_IRI, r.area_of[f]) for f in r.covered - led - r.excluded - in_scope}
    staffed = {a for p in r.posts for a in _chain_above(p.unit, unit_parent)}
    results |= {("rkgsh:GapDepartmentWithoutPost", iri("dept", u), None) for u in units if u not in staffed}
    for p in r.posts:
        if not p.duties:
            results.add(("rkgsh:GapPostWithoutDuty", p.iri, None))
        if not p.post.name:
            results.add(("rkgsh:PostLabel", p.iri, None))
        if p.unit not in units:
            results.add(("rkgsh:PostDepartment", p.iri, None))
        if p.post.headcount is not None and p.post.headcount < 1:
            results.add(("rkgsh:HeadcountPositive", p.iri, None))
        if p.superior is not None and p.superior not in superior:
            results.add(("rkgsh:ReportsToSameOrganisation", p.iri, p.superior))
        if p.iri in above[p.iri]:
            results.add(("rkgsh:NoReportingCycle", p.iri, None))
        for d in p.duties:
            if not d.zh:
                results.add(("rkgsh:DutyText", d.iri, None))
            if not d.lead and not d.support:
                results.add(("rkgsh:UnmappedDuty", d.iri, None))
    named = {m for p in r.posts for d in p.duties for m in d.concerns}
    answered = {m for p in r.posts for m in p.metrics}
    # per organisation: ?value is the organisation whose statements name the metric (shapes/structure.ttl)
    results |= {("rkgsh:MetricAccountablePost", m, ORG_BASE + "org") for m in named - answered}

    def deepest(us: frozenset[str]) -> str | None:
        return iri("dept", max(us, key=lambda u: (depth[u], u))) if us else None

    findings = [{"rule": rule, "value": value, "store": deepest(us), "posts": sorted(ps)} for (rule, value, us), ps in groups.items()]
    findings += [{"rule": rule, "focus": focus, "value": value} for rule, focus, value in results if rule not in OVERLAP_RULES]
    findings.sort(key=lambda f: (RULES.index(f["rule"]), f.get("value") or "", f.get("store") or "", f.get("focus") or "",
                                 f.get("posts", [])))
    ordered = sorted(results, key=lambda x: (RULES.index(x[0]), x[1], x[2] or ""))
    return {"results": [result(*x) for x in ordered], "findings": findings}


# ---------------------------------------------------------------------------------------------
# Generating
# ---------------------------------------------------------------------------------------------


def _write(path: Path, data: bytes | str) -> int:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return len(raw)


def _files(out: Path, chain: Chain, formats: Sequence[str]) -> Iterator[tuple[str, int]]:
    if "yaml" in formats or "nt" in formats:
        yield "chain.yaml", _write(out / "chain.yaml", yaml_text(chain))
    if "csv" in formats:
        folder = out / "chain-csv"
        for name, raw in csv_files(chain).items():
            yield f"chain-csv/{name}", _write(folder / name, raw)
    if "xlsx" in formats:
        yield "chain.xlsx", _write(out / "chain.xlsx", xlsx_bytes(chain))


def generate(scale: str | int, out: Path, seed: int = 7, formats: Sequence[str] = FORMATS,
             kb: KnowledgeBase | None = None, log: Any = None) -> dict[str, Any]:
    """Write the chain for ``scale`` (a named scale or a store count) into ``out``; return the manifest.

    ``nt`` needs the YAML (chain.nt is the YAML resolved by :func:`retailkg.design.resolve.resolve`),
    so asking for it writes chain.yaml too. ``log`` (a file) gets progress lines with timings.
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)} (known: {', '.join(FORMATS)})")
    from retailkg.design.matching import matcher_for

    started = time.perf_counter()

    def say(msg: str) -> None:
        if log is not None:
            print(f"[{time.perf_counter() - started:7.1f} s] {msg}", file=log, flush=True)

    kb = kb or knowledge_base()
    matcher = matcher_for(kb)
    stores = stores_for(scale, seed, kb, matcher)
    chain = build_chain(stores, seed)
    resolved = resolve_chain(chain, kb, matcher)
    predicted = predict_triples(resolved)
    say(f"{stores} stores, {chain.regions} regions, {len(chain.posts)} posts; {predicted} triples predicted")
    oracle = expected(resolved)
    say("oracle done")
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, size in _files(out, chain, formats):
        sizes[name] = size
        say(f"wrote {name} ({size} bytes)")
    triples: int | None = None
    if "nt" in formats:
        from retailkg.design.readers import read_design
        from retailkg.design.resolve import resolve

        rd = resolve(read_design(out / "chain.yaml"), kb, matcher)
        say("resolved chain.yaml")
        nt = canonical_ntriples(rd.ntriples())
        triples = nt.count("\n")
        sizes["chain.nt"] = _write(out / "chain.nt", nt)
        say(f"wrote chain.nt ({triples} triples)")
    by_rule = {rule: {"results": 0, "findings": 0} for rule in RULES}
    for x in oracle["results"]:
        by_rule[x["rule"]]["results"] += 1
    for f in oracle["findings"]:
        by_rule[f["rule"]]["findings"] += 1
    manifest = {
        "generator": "bench/generate.py",
        "scale": str(scale),  # a named scale, or the store count asked for
        "target_triples": SCALES.get(scale) if isinstance(scale, str) else None,
        "seed": seed,
        "baseline": STD,
        "organisation": ORG_IRI,
        "counts": {
            "stores": stores,
            "planned_stores": 1,
            "regions": chain.regions,
            "units": len(chain.units),
            "posts": len(chain.posts),
            "duty_rows": sum(len(p.duties) for p in chain.posts),
            "duties": sum(len(p.duties) for p in resolved.posts),
            "free_text_duties": sum(1 for p in chain.posts for d in p.duties if d.sentence),
            "triples": triples if triples is not None else predicted,
            "triples_predicted": predicted,
        },
        "files": dict(sorted(sizes.items())),
        "rules": by_rule,
        "planted": [{"kind": p.kind, "where": p.where, "what": p.what, "expect": p.expect, "absent": p.absent} for p in chain.planted],
        "results": oracle["results"],
        "findings": oracle["findings"],
    }
    _write(out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    say("wrote manifest.json")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", required=True, help="10k, 100k, 1m (target triples) or a store count")
    ap.add_argument("--out", type=Path, required=True, help="output folder (bench/out/... is git-ignored)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated subset of {','.join(FORMATS)}")
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    t = time.perf_counter()
    try:
        m = generate(args.scale, args.out, args.seed, formats, log=sys.stderr)
    except ValueError as e:
        print(f"generate.py: {e}", file=sys.stderr)
        return 2
    c = m["counts"]
    print(f"{args.out}: {c['stores']} stores, {c['regions']} regions, {c['posts']} posts, {c['duties']} duties, "
          f"{c['triples']} triples, {len(m['results'])} expected results in {len(m['findings'])} findings "
          f"({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
