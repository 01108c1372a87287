"""The pages' text for tests/data/jobdocs/heldout26, as the stored search copy had it.

Duties and qualifications are the pages' sentences, verbatim (list numbers and bullets dropped); build.py lays them
out in the documents and writes gold.yaml from here. Everything else the documents say (company, departments,
superiors, codes, covers, notes) is ours and is listed in ../README.md.
"""

COMPANY = "润佳生活超市连锁有限公司"
SHORT = "润佳超市"

SOURCES = [
    {
        "id": "b1",
        "url": "https://top.drbdp.com/2-582864.html",
        "note": "drbdp.com, 沃尔玛超市管理职位有哪些 (店长, 助理店长, 部门经理, 区域经理 each with 主要职责包括 lines; 采购经理 cut)",
    },
    {
        "id": "b2",
        "url": "https://m.fenbi.com/page/position-detail/27231046",
        "note": "fenbi.com, an 电商售后 job advert (岗位职责 1、团队管理与运营 1.1-1.4, 2、客户体验提升 2.1-2.3; 3、 cut)",
    },
    {
        "id": "b3",
        "url": "http://www.tianchen1.com/jobdetail/CCL1494961780J40730030601.htm",
        "note": "tianchen1.com, a cashier job advert in traditional characters with pinyin glosses (崗位職責 1.-6., 任職資格 1.-4.)",
    },
    {
        "id": "b4",
        "url": "https://wendangwuyou.com/fw/20537.html",
        "note": "wendangwuyou.com, 店员岗位职责和要求(共8篇) (第1篇 工作内容及步骤 1、-12、; 第2篇 营业员的岗位职责 (1)-(4) as stored)",
    },
    {
        "id": "b5",
        "url": "http://m.tielingcn.com/zxuwd/202509/454307.html",
        "note": "tielingcn.com, 沃尔玛主管职责是什么 (a 职责类别 | 具体内容 table of seven rows)",
    },
    {
        "id": "b6",
        "url": "http://sxksjs.cn/article/46980.html",
        "note": "sxksjs.cn, 品类经理 岗位职责 in traditional characters with pinyin glosses (崗位職責要求 1.-7.)",
    },
    {
        "id": "b7",
        "url": "https://www.10100.com/article/470033",
        "note": "10100.com, 直播团队组建与岗位职责详解 (基础 and 标准 team: six posts, one '- post:sentence' line each)",
    },
]

# b1: the page's four posts in its order; each list is the page's "主要职责包括:" lines.
B1_POSTS = [
    {
        "name": "店长",
        "department": "门店营运部",
        "reports_to": "区域经理",
        "code": "RJ-MD-01",
        "summary": "店长是门店的最高管理者,负责整个店铺的运营。",
        "duties": [
            "制定和执行店铺的运营策略;",
            "管理和激励员工,确保服务质量;",
            "监控库存水平,确保商品供应充足;",
            "管理店铺财务,控制成本;",
            "与供应商协调,确保商品质量和价格;",
            "确保店铺安全,包括预防盗窃和应对紧急情况。",
        ],
    },
    {
        "name": "助理店长",
        "department": "门店营运部",
        "reports_to": "店长",
        "code": "RJ-MD-02",
        "summary": "助理店长是店长的助手,协助店长管理店铺。",
        "duties": [
            "协助店长执行运营策略;",
            "管理特定部门或区域;",
            "监督员工,确保工作质量和效率;",
            "协助处理顾客投诉;",
            "参与制定预算和库存管理。",
        ],
    },
    {
        "name": "部门经理",
        "department": "门店营运部",
        "reports_to": "店长",
        "code": "RJ-MD-03",
        "summary": "部门经理负责管理超市的特定部门,如食品、家居用品、电子产品等。",
        "duties": [
            "管理部门员工,确保部门运营顺畅;",
            "监控部门销售和库存水平;",
            "确保部门商品质量和服务质量;",
            "与供应商协调,维护良好合作关系;",
            "参与制定部门预算和目标。",
        ],
    },
    {
        "name": "区域经理",
        "department": "门店营运部",
        "reports_to": "营运总监",
        "code": "RJ-MD-04",
        "summary": "区域经理负责管理多个超市的运营。",
        "duties": [
            "监督和评估区域内店铺的绩效;",
            "制定和实施区域运营策略;",
            "协调区域内的资源分配;",
            "与店铺管理层沟通,确保一致性和效率;",
            "监控区域财务状况。",
        ],
    },
]

# b2: (group title, [(number, duty)]) as the advert numbers them; the 考核标准 and 权重 cells are ours.
B2_POST = {"name": "电商售后主管", "department": "电商部", "reports_to": "电商运营经理", "code": "RJ-DS-07"}
B2_GROUPS = [
    (
        "团队管理与运营",
        [
            (
                "1.1",
                "全面负责电商售后团队(包括但不限于退换货、退款、投诉处理、在线/电话客服等)的日常管理工作,包括任务分配、工作指导与监督。",
                "团队排班与任务按时下达,月度质检抽查≥200单",
                "20%",
            ),
            ("1.2", "制定并优化售后服务的标准作业流程(SOP),确保服务流程高效、规范。", "SOP每季度复盘更新一次", "15%"),
            ("1.3", "监控各电商平台(如天猫、京东、拼多多等)的售后工单,确保响应及时、处理合规。", "工单超时率≤2%,平台违规0次", "15%"),
            (
                "1.4",
                "管理售后相关的各项关键绩效指标(KPIs),如响应时长、解决时长、满意度、退货率、纠纷率等,并推动持续改善。",
                "月度KPI报表按时提交,满意度≥95%",
                "15%",
            ),
        ],
    ),
    (
        "客户体验提升",
        [
            ("2.1", "处理复杂或升级的客户投诉与纠纷,提供令客户满意的解决方案,维护品牌形象。", "升级投诉48小时内结案率≥90%", "15%"),
            (
                "2.2",
                "定期分析售后数据(退货原因、客户反馈等),洞察服务短板与产品问题,协同产品、运营等部门推动改进,从根源上减少售后问题。",
                "每月输出售后分析报告1份",
                "10%",
            ),
            ("2.3", "建立和维护客户关怀体系,提升客户忠诚度和复购率。", "老客复购率较上年提升", "10%"),
        ],
    ),
]

# b3: the advert's text as stored, traditional characters and the mirror's pinyin glosses included.
B3_POST = {"name": "收银员", "department": "门店营运部", "reports_to": "收银主管", "code": "RJ-MD-11"}
B3_DUTIES = [
    "熟練操作收銀系統(tǒng),完成現金/刷卡/掃碼等支付工作;",
    "核準(zhǔn)商品金額,規范開局發票或小票,備足日常現金,大額及時存放;",
    "每日營業結束后做好現金/系統(tǒng)賬目工作,確保賬實(shí)相符;",
    "妥善保管收銀單據(jù)/優惠券/退款憑證等,便于后續核查;",
    "禮貌接待,能及時處理客戶退換貨等工作;",
    "做好其他要求的臨時性工作等。",
]
B3_QUALS = [
    "高中及以上學(xué)歷,數(shù)學(xué)基礎(chǔ)良好,反應(yīng)敏捷;",
    "具備電腦基本操作能力,能使用收銀系統(tǒng);",
    "誠實(shí)守信,責(zé)任心強(qiáng),能承受重復(fù)性工作;",
    "需要1年以上相關(guān)工作經(jīng)驗(yàn)。",
]

# b4: 第1篇 and the start of 第2篇 as the stored copy had them.
B4_CLERK = [
    "清理店内卫生",
    "清点展柜摆设、样机开启",
    "以淘宝店子账号登陆千牛工作台运营淘宝店。",
    "记录昨天所有员工出勤、开消、收入。",
    "记录仓库所有设备进、出数量",
    "掌握所有产品零售价格、了解产品性能及参数",
    "网络宣传,汇总记录网络发贴前的注册信息(账户及密码)",
    "掌握并跟进产品进货、退货、返修等时间及结果",
    "配合税务人员做好每个月报税,不犯错。",
    "管理店里人、物的安全。",
    "节约用电,电脑长时间不用及时关机;下班时间关闭样机。",
    "重要文档及时备份。",
]
B4_CLERK_RESULTS = [
    "独立经营实体店铺、淘宝店铺。",
    "掌握其他人员工作品质、去向、工作内容及进展。",
    "能独立对产品进行口头报价、书面报价、方案制作。",
    "掌握一切税务。",
    "宣传业务、拓展业务。",
]
B4_CLERK_REMINDERS = [
    "按时就位",
    "任何问题(包括个人建议、不满)及时反馈、询问。任何结果、进展及时汇报",
    "换位思考,应对任何人把自己放在客户角度找想法、找应对办法",
]
B4_SALES = [
    "向店长负责,服从店长合理的日常工作安排;",
    "严格遵守公司及商场的规章制度;",
    "热情主动地销售商品,积极完成销售任务,提高专柜的销售业绩;",
    "主动配合店长做好专柜卫生清洁、摆设及保养工作;",
]

# b5: the page's table, (职责类别, 具体内容).
B5_ROWS = [
    ("门店运营", "监督门店日常运营,确保各项流程正常运行;制定并执行门店经营计划。"),
    ("团队管理", "招聘、培训、考核员工;激励团队士气,提升员工工作效率。"),
    ("销售与业绩", "制定销售目标,分析销售数据,推动销售增长;协调促销活动。"),
    ("库存管理", "确保商品库存充足且合理,避免缺货或积压;监督收货、盘点等工作。"),
    ("客户服务", "处理顾客投诉与建议,提升客户满意度;确保服务标准一致。"),
    ("安全管理", "维护门店安全环境,包括员工安全、顾客安全及财产安全。"),
    ("预算与成本控制", "合理分配资源,控制运营成本,提高门店盈利能力。"),
]
B5_LEAD = (
    "在零售行业,沃尔玛作为全球知名的大型连锁超市,其内部岗位分工明确、职责清晰。其中,“主管”是一个关键的管理角色,"
    "负责门店日常运营、团队管理及顾客服务等重要工作。"
)
B5_SUMMARY = "沃尔玛主管是连接公司总部与门店一线的重要桥梁,承担着承上启下的作用。"

# b6: the page's lead sentence (our 职位概要) and its 崗位職責要求 list, glosses included.
B6_POST = {"name": "品类经理", "department": "商品部", "reports_to": "商品部经理", "code": "RJ-SP-03"}
B6_SUMMARY = "品類經(jīng)理是企業(yè)中負(fù)責(zé)某一特定產(chǎn)品類別或商品組合管理的關(guān)鍵角色。"
B6_DUTIES = [
    "深入了解市場需求,對所負(fù)責(zé)的品類進(jìn)行市場分析和消費者研究。",
    "精準(zhǔn)定位目標(biāo)消費者,制定相應(yīng)的產(chǎn)品開發(fā)和引進(jìn)計劃。",
    "協(xié)調(diào)供應(yīng)鏈,確保商品的庫存管理和物流順暢。",
    "制定并執(zhí)行定價策略,平衡成本與利潤。",
    "與銷售團(tuán)隊緊密合作,制定銷售預(yù)測和促銷活動。",
    "分析銷售數(shù)據(jù),定期評估品類表現(xiàn),及時調(diào)整策略。",
    "關(guān)注競爭對手動態(tài),確保品類競爭力。",
]

# b7: (post, superior (ours), duty) in the page's order: the basic team, then the standard team's additions.
B7_DEPARTMENT = "直播运营部"
B7_POSTS = [
    ("主播", "运营", "负责讲解产品,互动粉丝并促单。"),
    ("中控", "运营", "管理商品链接,控制库存,并维护直播间评论。"),
    ("运营", "直播运营部经理", "负责广告投放、数据监控以及节奏把控。"),
    ("助播", "主播", "补充讲解,引导关注和演示购买。"),
    ("投手", "运营", "负责引流的广告投放。"),
    ("场控", "运营", "提供售后服务并协助主播促进成交。"),
]
