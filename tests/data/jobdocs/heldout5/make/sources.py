"""The text of heldout5: what each public page says, and what each document of this set states.

Duties and qualifications are the pages' sentences as the stored search copy had them (half-width commas,
colons, semicolons and brackets, the pages' slips kept), with only the list numbers and bullets dropped.
Everything else a document carries (company names, departments and superiors where a page gives none, covers,
revision tables, sign-off rows, KPI rows, headers and footers) is written in build.py and named in README.md.
build.py renders the documents from this module and writes gold.yaml from DOCUMENTS below.
"""

from __future__ import annotations

from typing import Any

SOURCES: list[dict[str, str]] = [
    {
        "id": "v1",
        "url": "https://qunzou.com/ziliao/gangwei/248847.html",
        "note": "qunzou.com, 商场楼层岗位职责 (13篇): 篇1 only, 岗位职责 6 items and 任职要求 4 items; the page names no post title"
        " (楼层主管 is mine)",
    },
    {
        "id": "v2",
        "url": "http://m.creditsailing.com/GangWeiZhiZe/421244.html",
        "note": "creditsailing.com, 一、岗位职责: 20 items of a supermarket's cash-office supervisor"
        " (no title in the copy; 收银主管 is mine); items 1-11 end without punctuation, 12-20 with ';'",
    },
    {
        "id": "v3",
        "url": "https://futef.com/rencaizhaopin/8t7xsq6hbd.html",
        "note": "futef.com, 導購員崗位職責 (traditional script): 導購員崗位職責1 only, 15 items, most with the points deducted"
        " (扣n分) in the same item",
    },
    {
        "id": "v4",
        "url": "http://piaowu.jixiztb.com/jxfw/202505/188813.html",
        "note": "jixiztb.com, 采购员岗位说明书的标准范本: 岗位名称 采购员, 所属部门 采购部, 直接上级 采购经理/主管; 一、岗位职责 8 items,"
        " each a title line and a sentence; 二、任职资格 in 4 groups (9 requirements); 三、绩效考核指标 is cut short in the copy",
    },
    {
        "id": "v5",
        "url": "https://rc.dangtu.net.cn/article/78819.html",
        "note": "dangtu.net.cn, 新建门店岗位职责: 筹备期岗位职责, 门店店长(筹备负责人) with 核心职责 and 6 具体工作,"
        " 招聘培训主管 with 核心职责 and 2 complete 具体工作 (the copy is cut in the third)",
    },
    {
        "id": "v6",
        "url": "https://www.rcj99.com/shujy/202509/545215.html",
        "note": "rcj99.com, 24小时便利店有什么职位: 二、常见职位一览表 (序号 | 职位名称 | 主要职责说明), 7 posts, one sentence each",
    },
    {
        "id": "v7",
        "url": "https://wujiajia.com/fanwen/669775.html",
        "note": "wujiajia.com, 门店主要岗位工作职责: 店长 7, 店员 7, 收银员 6, 促销员 6 items ('-' bullets)",
    },
    {
        "id": "v8",
        "url": "https://www.tanzhi.cn/job-detail/26ec6699-4ec1-45ec-a435-243a084cc546",
        "note": "tanzhi.cn job posting 电商售后客服(电商公司), 西安市, 4-5千: 一、岗位职责 in 4 groups (9 items),"
        " 二、岗位要求 in 3 groups (6 items)",
    },
    {
        "id": "v9",
        "url": "http://news.cmen.cc/xsiwd/202509/664136.html",
        "note": "cmen.cc, 【淘宝美工需要做些什么】: 一、主要工作内容 7 items (a title line and a sentence each), 二、核心技能要求"
        " (技能类别 | 具体内容, 5 rows); 三、工作流程 is cut short in the copy and not used",
    },
]

# v1 qunzou.com, 商场楼层岗位职责1
V1_DUTIES = [
    "负责对卖场内的环境卫生、柜台纪律、顾客接待、商品陈列等进行巡视检查,做好巡场纪录。",
    "负责管区内商铺每日营业数据的统计汇总并及时上报。",
    "负责观察专柜日常销售情况,分析影响销售变动的因素,提出改进意见并及时向上级领导反馈信息。",
    "定期召开商铺座谈会,听取意见并采取相应的纠正措施。",
    "负责对商铺租赁费、物业费、水电费等的'收缴工作。",
    "负责处理卖场内顾客退换货及投诉等突发事件。",
]
V1_QUALIFICATIONS = [
    "性别不限,20—35岁,大专以上学历。",
    "可接受应届毕业生,工商管理、市场营销专业优先考虑。",
    "有良好的服务意识,有良好的组织、沟通、协调能力。",
    "有购物中心/商业广场相同岗位工作经验者优先考虑。",
]

# v2 creditsailing.com, 一、岗位职责
V2_DUTIES = [
    "确保所有人员为顾客提供良好的顾客服务,树立本店的良好形象",
    "合理控制人事成本和营运成本",
    "解决好每一单的顾客投诉事件,保持较高的顾客满意度",
    "执行所有公司有关收银程序,保证资金的安全收回",
    "控制现金差异,做好本部门的损耗防止工作",
    "负责收银台的商品计划、陈列与促销",
    "负责所有人员的培训、评估、升迁、业绩考核等",
    "负责本部门自用品的申购",
    "负责收银区域的清洁卫生,配合防损员做好安全防卫工作",
    "熟悉收银设备的基本动作,能解决简单的故障",
    "负责与其他部门保持沟通和协调",
    "清账(收银台当天销售额);",
    "清点收银员的备用金;",
    "银行账、现金账的登记作账;",
    "营业外收入的收取、登记、管理;",
    "存款以及银行其他业务往来工作;",
    "收银员每天兑换零钞;",
    "水电费、电话费、地税、国税的交纳;",
    "购物券的售出,团购、单位登记及信息反馈;",
    "纸盒的称计及报账付款;",
]

# v3 futef.com, 導購員崗位職責1 (traditional script, as the page has it)
V3_DUTIES = [
    "遵守公司規章制度,完成分配的目標任務。",
    "按規定及要求參加公司或部門例會、晨會。無故不參加每次扣1分。",
    "堅守工作崗位,不遲到,不早退,不曠工,有事請假。遲到、早退累計3次扣1分,曠工每次扣1分。",
    "按規定著裝,規範儀容、工作牌。未按規定著裝或儀容、工作牌不規範。發現壹次扣1分。",
    "負責管理區域的衛生整潔,達到幹凈整潔無汙漬。衛生整潔達不到要求每次扣2分",
    "保證管理區域樣品、飾品完整,無丟失、損壞。樣品飾品丟失、損壞未及時發現或責任不清每次扣2分。",
    "按規範禮儀要求迎賓送客。未能達到要求扣1分。",
    "熟悉商品價格,掌握商品材質、性能、構造等特點,業務不熟扣2分。",
    "耐心解答客戶問題,服務到位。出現失誤扣1分。",
    "客戶訂單項目填寫清楚,準確無誤。出現失誤每次2分。",
    "配合前臺做好訂單錄入及訂金、貨款清收工作。出現失誤每次扣2分",
    "做好客戶記錄。無客戶記錄扣2分",
    "及時反饋暢銷、滯銷及缺貨信息,未及時反映的扣1分",
    "積極參加公司舉辦的宣傳推廣促銷活動。無故不參加每次扣2分。",
    "完成上級交辦的臨時工作。",
]

# v4 jixiztb.com, 采购员岗位说明书: each duty is a title line followed by its sentence
V4_DUTY_ITEMS = [
    ("需求分析与计划制定", "根据公司各部门的需求,进行市场调研,制定采购计划,确保物资的及时供应。"),
    ("供应商管理", "负责寻找潜在供应商,评估其资质及服务能力,建立并维护长期合作关系。"),
    ("价格谈判与合同签订", "与供应商就价格、质量、交货期等条款进行谈判,并签订正式合同。"),
    ("订单执行与跟踪", "下达采购订单,跟踪订单执行情况,确保货物按时交付。"),
    ("库存管理", "协助仓库管理员做好库存盘点工作,避免过度积压或短缺现象的发生。"),
    ("数据分析与报告撰写", "定期收集整理采购数据,撰写相关分析报告,为管理层决策提供依据。"),
    ("风险防控", "关注市场动态,识别可能影响采购活动的风险因素,并采取相应措施加以规避。"),
    ("团队协作", "积极配合其他部门的工作,共同推进项目的顺利开展。"),
]
V4_QUALIFICATION_GROUPS = [
    ("教育背景", ["大专及以上学历,物流管理、工商管理等相关专业优先考虑。"]),
    ("工作经验", ["至少两年以上采购相关工作经验,有大型企业从业经历者更佳。"]),
    (
        "技能要求",
        [
            "熟悉采购流程及相关法律法规;",
            "具备良好的沟通协调能力和谈判技巧;",
            "熟练使用办公软件(如Excel、Word)及ERP系统;",
            "英语听说读写能力强者优先。",
        ],
    ),
    ("个人素质", ["工作认真细致,责任心强;", "思维敏捷,具备较强的抗压能力;", "团队意识浓厚,乐于分享经验。"]),
]
V4_HEADER = {"岗位名称": "采购员", "所属部门": "采购部", "直接上级": "采购经理/主管", "工作地点": "公司总部/指定仓库"}

# v5 dangtu.net.cn, 新建门店岗位职责: the page's own prose, kept as the handbook's foreword (not duties)
V5_INTRO = (
    "新建门店的岗位职责设置是确保门店顺利开业、高效运营及持续发展的核心基础,需结合门店定位、规模、业务流程及组织架构进行明确划分,"
    "覆盖从筹备期到日常运营的全流程关键环节,以下从筹备期、运营期及管理层三个维度,详细阐述新建门店的核心岗位职责。"
)
V5_PHASE_TITLE = "筹备期岗位职责(开业前1-3个月)"
V5_PHASE_TEXT = "筹备期是门店从0到1的关键阶段,岗位职责聚焦于资源整合、流程搭建及开业准备,确保门店具备合规运营的基础条件。"
V5_MANAGER_CORE = "全面统筹门店筹备工作,制定筹备计划并监督执行,确保门店按时开业。"
V5_MANAGER_DUTIES = [
    "对接总部各部门(如人力、行政、采购、市场、运营),协调资源需求(如人员招聘、物资采购、证照办理);",
    "参与门店选址评估,确认门店布局图、装修方案及设备安装进度;",
    "制定门店开业前人员培训计划,组织员工学习产品知识、服务流程及安全规范;",
    "建立门店基础管理制度框架,包括考勤、排班、卫生、陈列等标准;",
    "负责开业前物料盘点与验收,确保商品、耗材、设备等到位且符合标准;",
    "组织试运营演练,模拟开业流程,优化人员分工及应急预案。",
]
V5_RECRUITER_CORE = "完成门店团队组建及岗前培训,确保员工具备上岗能力。"
V5_RECRUITER_DUTIES = [
    "根据门店编制需求,制定招聘计划,通过线上招聘平台、线下渠道(如社区招聘、校园招聘)筛选候选人;",
    "组织面试与背景调查,重点考察候选人的服务意识、沟通能力及岗位匹配度;",
]

# v6 rcj99.com, 24小时便利店常见职位一览表
V6_ROWS = [
    ("店长", "负责门店整体运营管理,包括人员安排、库存控制、销售目标达成、客户关系维护等。"),
    ("店员", "协助店长完成日常运营工作,如商品上架、补货、整理货架、接待顾客等。"),
    ("收银员", "负责顾客结账、处理支付、提供收据,并解答顾客简单问题。"),
    ("理货员", "负责商品陈列、检查库存、保持货架整洁,及时补充缺货商品。"),
    ("清洁工", "负责店内卫生清洁工作,包括地面、柜台、卫生间等区域的打扫与维护。"),
    ("安全员", "负责门店安全监控、防火防盗、突发事件处理及员工安全培训等。"),
    ("配送员", "根据需求负责商品配送或协助线上订单的打包与发货(部分连锁便利店设有此岗位)。"),
]

# v7 wujiajia.com, 门店主要岗位工作职责
V7_INTRO = "门店主要岗位工作职责分为多个方面,主要包括店长、店员、收银员、促销员等。以下是对每个岗位的具体职责的描述:"
V7_POSTS = [
    (
        "店长",
        [
            "管理整个门店的日常运营,包括销售、库存、员工管理等。",
            "制定销售目标和计划,并确保团队达成或超越目标。",
            "监督员工的工作表现,提供必要的培训和发展机会。",
            "管理门店的库存,确保货架满足需求,并及时补充货源。",
            "处理顾客的投诉和问题,确保提供良好的客户服务。",
            "负责门店的财务管理,包括销售报表、日常收支等。",
            "和总部进行沟通和协调,及时反馈门店的运营情况和问题。",
        ],
    ),
    (
        "店员",
        [
            "协助店长完成门店的日常运营工作,包括开店、关店、陈列等。",
            "接待顾客,提供产品咨询和销售服务。",
            "维护店内的整洁和有序,确保商品陈列的美观和吸引力。",
            "监督货架的库存情况,及时补充商品并进行整理。",
            "负责商品的清点和入库,确保不发生失误和遗漏。",
            "处理顾客的退货和换货请求,确保顾客满意度。",
            "协助店长进行库存管理和销售数据的统计分析。",
        ],
    ),
    (
        "收银员",
        [
            "负责收银台的日常运营,包括开机、结账、退款等。",
            "收取顾客的款项并开具发票,确保准确和高效。",
            "维护收银台的整洁和有序,确保现金和刷卡设备的安全。",
            "处理顾客的退款和退货请求,确保按规定进行操作。",
            "协助店员进行商品陈列和库存管理,确保商品的可供性。",
            "统计和记录销售数据,定期向店长和总部汇报。",
        ],
    ),
    (
        "促销员",
        [
            "负责开展促销活动,吸引顾客和提升销售额。",
            "协助店员和收银员进行商品推广和销售。",
            "提供产品咨询和解答顾客的问题,促使购买决策。",
            "维护促销区域的整洁和有序,确保商品的展示效果。",
            "积极开展顾客挖掘和维护,建立良好的顾客关系。",
            "参与制定和执行促销计划,达成销售目标。",
        ],
    ),
]

# v8 tanzhi.cn, 电商售后客服 (the page's '***' is its own masking, kept)
V8_DUTY_GROUPS = [
    (
        "客户问题处理与投诉管理",
        [
            "处理客户退换货、退款申请及物流异常问题(如快递丢件、延迟等),需实时跟踪订单状态并协调仓库/物流解决。",
            "处理中差评、投诉维权,通过电话或在线沟通安抚客户情绪,降低差评率及平台纠纷率。",
            "处理特殊场景(如大促期间订单积压、产品售后质量问题),需快速制定解决方案(如补发、补偿)。",
        ],
    ),
    (
        "订单管理与数据反馈",
        [
            "审核退款订单,确保退款的准确性和时效性,统计每日退货数据并生成《售后问题汇总表》。",
            "监控客户评价,针对***及时解释或回访,维护店铺评分(如天猫DSR、京东好评率,抖音售后处理时长)。",
        ],
    ),
    (
        "客户维护与二次营销",
        [
            "对已购客户进行回访,提升复购率;通过售后沟通挖掘潜在需求,推送关联产品或活动信息。",
            "收集客户痛点(如产品缺陷、服务漏洞),定期反馈至运营或产品部门以优化体验。",
        ],
    ),
    (
        "跨部门协作与流程优化",
        [
            "与仓库、物流团队对接退换货流程,确保48小时内处理完成。",
            "参与制定售后SOP(如退换货规则、补偿标准),降低人工干预成本。",
        ],
    ),
]
V8_QUALIFICATION_GROUPS = [
    ("学历与基础技能", ["大专及以上学历。", "打字速度≥50字/分钟,熟练使用Office及电商后台系统。"]),
    ("核心能力", ["沟通能力:灵活应对客户情绪,避免冲突升级。", "数据分析:能通过退款率、客户满意度等指标定位问题,并提出优化建议。"]),
    ("经验与行业认知", ["1年以上电商客服经验,熟悉平台规则(如天猫售后流程、拼多多仅退款政策)。", "垂直行业知识(食品需掌握保质期管理)。"]),
]

# v9 cmen.cc, 淘宝美工需要做些什么: each duty is a title line followed by its sentence
V9_DUTY_ITEMS = [
    ("商品详情页设计", "根据产品特点和品牌风格,设计具有吸引力的商品详情页面,包括主图、卖点图、场景图等,帮助提高转化率。"),
    ("店铺首页与分类页设计", "负责店铺首页的整体布局、导航栏、活动区等页面的设计,使用户能快速找到所需商品。"),
    ("促销活动页面设计", "在大促期间(如双11、618)设计专题活动页面、优惠券图、倒计时海报等,提升促销效果。"),
    ("LOGO与品牌视觉设计", "设计店铺LOGO、品牌VI系统,塑造统一的品牌形象,增强消费者对店铺的认知度。"),
    ("图片处理与优化", "对商品图片进行修图、调色、抠图等处理,确保图片清晰、美观,符合平台规范。"),
    ("配合运营进行视觉优化", "根据运营提供的数据反馈,不断优化页面设计,提升用户体验和点击率。"),
    ("学习并应用平台规则", "熟悉淘宝平台的视觉规范和审核标准,避免因设计问题导致违规或下架。"),
]
V9_SKILLS = [
    ("设计软件", "精通PS、AI、ID等设计工具,熟悉Figma、Canva等辅助工具"),
    ("视觉审美", "具备良好的色彩搭配、构图能力和审美意识"),
    ("沟通能力", "能与运营、客服等部门有效沟通,理解需求并落地执行"),
    ("学习能力", "快速掌握新设计趋势和平台规则变化"),
    ("时间管理", "能在规定时间内完成高质量设计任务"),
]


def _post(name: str, department: str | None, reports_to: str | None, duties: list[str], qualifications: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "department": department,
        "reports_to": reports_to,
        "duties": list(duties),
        "qualifications": list(qualifications),
    }


def _flatten(groups: list[tuple[str, list[str]]]) -> list[str]:
    return [item for _, items in groups for item in items]


# What each document states: the gold. department and reports_to are the values the document writes next to its labels
# (mine where the page gives none, see README.md), or None where the document leaves them empty or has no such label.
V6_SUPERIORS = {"店长": "区域督导"}
V7_SUPERIORS = {"店长": "区域经理", "店员": "店长", "收银员": "店长", "促销员": "店长"}

DOCUMENTS: list[dict[str, Any]] = [
    {
        "file": "楼层主管岗位说明书.docx",
        "source": "v1",
        "layout": "word-table-vertical-labels",
        "posts": [_post("楼层主管", "营运部", "营运经理", V1_DUTIES, V1_QUALIFICATIONS)],
    },
    {
        "file": "收银主管岗位说明书.pdf",
        "source": "v2",
        "layout": "pdf-from-word-table-across-pages",
        "posts": [_post("收银主管", "前台部", "店长", V2_DUTIES, [])],
    },
    {
        "file": "導購員崗位職責.txt",
        "source": "v3",
        "layout": "txt-big5",
        "posts": [_post("導購員", "門市部", "店長", V3_DUTIES, [])],
    },
    {
        "file": "采购员岗位说明书.docx",
        "source": "v4",
        "layout": "word-content-controls",
        "posts": [
            _post(
                V4_HEADER["岗位名称"],
                V4_HEADER["所属部门"],
                V4_HEADER["直接上级"],
                [sentence for _, sentence in V4_DUTY_ITEMS],
                _flatten(V4_QUALIFICATION_GROUPS),
            )
        ],
    },
    {
        "file": "新店筹备期岗位职责手册.docx",
        "source": "v5",
        "layout": "word-handbook-toc-field",
        "posts": [
            _post("门店店长", "新店筹备组", "营运总监", V5_MANAGER_DUTIES, []),
            _post("招聘培训主管", "新店筹备组", "门店店长", V5_RECRUITER_DUTIES, []),
        ],
    },
    {
        "file": "便利店岗位职责一览表.xlsx",
        "source": "v6",
        "layout": "xlsx-table-object",
        "posts": [_post(name, None, V6_SUPERIORS.get(name, "店长"), [duty], []) for name, duty in V6_ROWS],
    },
    {
        "file": "门店岗位职责对照表.docx",
        "source": "v7",
        "layout": "word-posts-as-columns",
        "posts": [_post(name, "门店营运部", V7_SUPERIORS[name], duties, []) for name, duties in V7_POSTS],
    },
    {
        "file": "电商售后客服岗位说明.md",
        "source": "v8",
        "layout": "markdown-nested-lists",
        "posts": [_post("电商售后客服", "客服部", None, _flatten(V8_DUTY_GROUPS), _flatten(V8_QUALIFICATION_GROUPS))],
    },
    {
        "file": "电商部岗位职责表.xlsx",
        "source": "v9",
        "layout": "xlsx-merged",
        "posts": [
            _post(
                "淘宝美工",
                "电商部",
                "运营主管",
                [sentence for _, sentence in V9_DUTY_ITEMS],
                [content for _, content in V9_SKILLS],
            )
        ],
    },
]
