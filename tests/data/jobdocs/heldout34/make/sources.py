"""The text of heldout34: the sources' sentences verbatim, and what is ours (company, departments, superiors).

Every duty and qualification string below is copied from the stored copy of its source (see ../README.md);
only list numbers and bullets were dropped. build.py writes the documents and gold.yaml from this file.
"""

from __future__ import annotations

COMPANY = "永嘉荟商业集团有限公司"
SHORT = "永嘉荟"

SOURCES = [
    {
        "id": "p1",
        "url": "https://github.com/xprocessing/gongziyu.com/blob/bb83b6a3b658b531216ecdc470a6c1dd0e382931/join.php",
        "note": "repository xprocessing/gongziyu.com, join.php: 杭州公子鱼科技's 加入我们 page (淘宝京东 shop); "
        "购物体验视觉设计师, 在线客服+销售, 电商运营助理, each 岗位职责 and 必备条件/优先条件",
    },
    {
        "id": "p2",
        "url": "https://github.com/zenmin/HGJS/blob/42061cc358672e300b8e50ad9edd77b1f96a1b40/WebRoot/rczp.jsp",
        "note": "repository zenmin/HGJS, rczp.jsp: a 定制衣柜 maker's 人才招聘 page, one 职位描述与要求 paragraph per post "
        "(duties then requirements, in sentences); 定制衣柜设计师 left out",
    },
    {
        "id": "p3",
        "url": "https://laiwuzhaopin.com/wap/index.php?a=comapply&c=job&id=2300",
        "note": "laiwuzhaopin.com, a shopping centre's floor-management job ad (items 1-7, no post name in the stored copy)",
    },
    {
        "id": "p4",
        "url": "https://chongwu78.com/240829/3496814.html",
        "note": "chongwu78.com, 什么是宠物美容师? (items 1-8: five duties, then three requirements)",
    },
    {
        "id": "p5",
        "url": "https://www.yqhsj.cn/81823.html",
        "note": "yqhsj.cn, 宠物店员工配置及职责详解 (一、核心成员: 1. 店长/经理, 2. 宠物医生/兽医 with duties joined by ';'; "
        "3. 宠物美容师 cut)",
    },
    {
        "id": "p6",
        "url": "https://www.skdv.cn/all/jie-mi-shang-ye-zhong-xin-yun-ying-gang-wei-zhi-ze-quan-jie-xi-zhang-wo-he-xin-yao-wu-ti-sheng-guan.html",
        "note": "skdv.cn, 揭秘商业中心运营岗位职责全解析 (1. 管理层: 1.1 总经理, 1.2 副总经理, three bullets each; "
        "the departments after them left out)",
    },
    {
        "id": "p7",
        "url": "https://github.com/chinazxy/hafeisi/blob/267450437d65b4bddeb1f339774dd35583c9f51f/temp/compiled/jihui.dwt.php",
        "note": "repository chinazxy/hafeisi, jihui.dwt.php: 韩菲诗-工作机会 (16 posts, each item under 任职要求 mixing "
        "a requirement and a duty); 3、天猫店长, 7、京东运营, 11、接单客服 taken",
    },
]

# p1: 电商部 handbook (Word, headings).
P1_POSTS = [
    {
        "name": "购物体验视觉设计师",
        "department": "电商部",
        "reports_to": "电商部经理",
        "duties": ["淘宝京东网页视觉设计", "主题活动页面设计", "产品详情策划设计", "其他购物体验设计"],
        "must": [
            "有责任心",
            "诚信踏实，稳重细致，关注细节；",
            "有较强的审美设计能力，熟悉网页制作流程，有良好的创意理念和页面版式规划能力，能很好的把握色彩与网页布局，熟悉用户体验；",
            "富有创造力和激情，对web前沿设计有灵敏的触觉和领悟能力，期望在设计方面取得更高造诣，并为提高项目组设计发挥推动作用。",
            "精通Photoshop、Dreamweaver等网页设计工具",
            "具有良好的沟通能力和团队精神；",
            "熟练使用办公软件。",
        ],
        "plus": ["喜欢数码及摄影", "有手绘能力"],
    },
    {
        "name": "在线客服+销售",
        "department": "电商部",
        "reports_to": "客服主管",
        "duties": [
            "淘宝京东客户售前沟通咨询回复",
            "淘宝京东订单全程跟进处理",
            "淘宝京东订单售后跟进",
            "维护产品评价",
            "负责售后存货的核算及管理；",
            "其他财务相关及临时性工作。",
        ],
        "must": ["有责任心", "诚信踏实，稳重细致，关注细节；", "具有良好的沟通能力和团队精神；", "熟练使用办公软件。"],
        "plus": ["喜欢数码及摄影", "有客服工作经验"],
    },
    {
        "name": "电商运营助理",
        "department": "电商部",
        "reports_to": "电商运营主管",
        "duties": [
            "淘宝京东平台管理",
            "商品管理，购物体验优化",
            "数据分析，策划市场营销方案",
            "活动策划，促销安排",
            "微博微信等新媒体营销",
            "收集产品客户反馈，改善购物体验",
        ],
        "must": ["有责任心", "诚信踏实，稳重细致，关注细节；", "具有良好的沟通能力和团队精神；", "熟练使用办公软件。"],
        "plus": ["喜欢数码及摄影", "电子商务专业"],
    },
]

# p2: 定制家居事业部 岗位职责表 (xlsx, one row per duty). Sentences split where the page ends them (。 or ；).
P2_DEPARTMENT = "定制家居事业部"
P2_POSTS = [
    {
        "name": "衣柜安装师",
        "reports_to": "安装主管",
        "headcount": "2",
        "duties": ["主要从事衣柜安装工作；"],
        "qualifications": ["任职条件吃苦耐劳，有责任心、服务意识强。", "家具、建材等有所了解。", "有较强的人际沟通能力和随机应便能力。"],
    },
    {
        "name": "小区业务员",
        "reports_to": "市场主管",
        "headcount": "5",
        "duties": ["负责小区进驻的现场布置、顾客接待负责小区业务的的拓展和跟进。"],
        "qualifications": ["30岁以下，具有一定的语言表达能力，具有团队合作意识，能吃苦耐劳，爱岗敬业。", "形象气质佳、沟通能力强。"],
    },
    {
        "name": "渠道销售人员",
        "reports_to": "渠道经理",
        "headcount": "2",
        "duties": [
            "约见、拜访、发展设计师会员，并建立良好的客情关系。",
            "根据公司提供的信息，及时的向设计师提供最新的产品动向，一级家居及相关领域的最新资讯。",
            "协助设计师完成客户销售工作。",
            "及时的进行会员维护，跟进其现金返还和积分情况，使会员不断升级。",
            "协助店面完成销售任务。",
        ],
        "qualifications": [
            "25周岁以上，全日制大专以上学历，女性优先；",
            "两年以上销售经验，具备商务类或家装、建材相关行业工作经验；",
            "个人素质、谈吐及形象良好。",
            "熟练运用办公设计类软件。",
        ],
    },
    {
        "name": "电话销售人员",
        "reports_to": "销售主管",
        "headcount": "3",
        "duties": [
            "根据公司提供的客户资源，通过电话销售方式向客户介绍相关产品及活动信息。",
            "对客户进行回访、调查，争取客户的初步合作意向；",
            "通过多次回访客户，解答客户问题，最终与客户达成合作并成交。",
            "为客户提供优质服务，维护客户关系及市场拓展，并且不断挖掘新的用户需求和销售增长点。",
        ],
        "qualifications": ["良好的倾听能力和语言表达能力；", "踏实、努力、具备良好的抗压性和处理问题的应变性。"],
    },
    {
        "name": "网络专员",
        "reports_to": "市场主管",
        "headcount": "1",
        "duties": [
            "参与制定公司互联网产品平台的规划、设计、推广以及运营；",
            "参与并协助制定公司商务拓展战略和部门工作计划，并负责具体的实施负责公司互联网渠道业务的商务合作，跟踪执行，及活动的策划及质量保证；",
            "负责根据公司业务发展需求，独立开拓合作伙伴；",
            "负责直接管理联盟体系的建设与拓展；",
            "负责协调公司内部相关部门资源，根据内外部需求完善业务工作；",
        ],
        "qualifications": [],
    },
    {
        "name": "店面店长",
        "reports_to": "事业部经理",
        "headcount": "1",
        "duties": [
            "负责专卖店的销售工作（包括接待顾客、定单跟进等工作）；",
            "协助小区推广同事开展各类型品牌推广工作；",
            "专卖店导购员的管理及培训；",
        ],
        "qualifications": [
            "学历：中专或以上学历，25-35岁，整体衣柜销售相关经验优先，有一定的手绘基础；",
            "积极进取，责任心强，具有良好的理解能力，良好的人际沟通能力及团队合作精神。",
        ],
    },
]

# p3: label|value 岗位说明书 (Word). The post name is ours: the stored copy has none.
P3_POST = {
    "name": "楼层主管",
    "department": "购物中心营运部",
    "reports_to": "营运经理",
    "duties": [
        "负责完成所管理楼层各项租费的收缴,现场营运环境管理,掌握购物中心总体及所管楼层各铺位的经营状况和趋势,提出调整计划和方案,提升购物中心整体形象、经营坪效及租金水平。",
        "落实执行装修管理制度,优化提升装修管理规范",
        "传达商场各项指令、通知和规定,并贯彻执行",
        "负责分管楼层各商铺营业人员的各项基础培训",
        "负责楼层工作的协调及楼层经营品类营运工作",
        "熟知购物中心品类规划、品牌组合知识,了解行业信息流行趋势,并根据公司招商方案进行规划,报批后引进目标品牌,提升广场业绩及档次",
    ],
    "qualifications": ["熟悉常用电脑办公软件的使用"],
}

# p4: 序号|职责描述|考核标准|权重 (Word). 考核标准 and 权重 are ours.
P4_POST = {
    "name": "宠物美容师",
    "department": "宠物生活馆",
    "reports_to": "店长",
    "duties": [
        "负责所规定宠物的美容工作以及对美容师基本知识的讲解及日常安排。",
        "认真学习和上级主管安排学习相关美容技术。",
        "对所属的美容器械等相关物品进行定期清洁,对所负责区域内环境卫生负责。",
        "按照规范,向顾客提供宠物美容、美发、护理服务。",
        "协助顾客挑选繁育品种的咨询、介绍及销售工作。",
    ],
    "qualifications": [
        "热爱宠物行业,喜欢与宠物打交道;语言表达清晰,头脑灵活、具有亲和力和较强的沟通能力。",
        "能够接受现场技师的培训及考核。",
        "工作态度认真,能适应轮班工作。",
    ],
    "kpi": [
        ("美容服务按预约时间完成，顾客投诉每月不超过1次", "30%"),
        ("每月参加技术培训不少于2次，考核合格", "15%"),
        ("器械每日清洁消毒，区域卫生检查合格", "15%"),
        ("服务操作符合门店规范，返工率低于2%", "25%"),
        ("协助完成门店活体及用品销售目标", "15%"),
    ],
}

# p5: PDF from a Word file, two posts of the 宠物生活馆. 岗位概述 sentences are the page's, not duties.
P5_POSTS = [
    {
        "name": "店长",
        "department": "宠物生活馆",
        "reports_to": "宠物事业部经理",
        "summary": "作为宠物店的领导者,店长/经理承担着店铺的整体运营和管理责任。",
        "duties": [
            "制定店铺的经营策略和发展规划;",
            "负责财务管理,包括成本控制、营收分析和利润分配;",
            "招聘、培训和管理员工;",
            "维护与供应商、客户及相关机构的关系;",
            "处理突发事件和解决顾客投诉;",
            "监督店铺的日常运营,确保各项工作顺利进行。",
        ],
        "qualifications": [
            "一个优秀的店长需要具备良好的领导能力、沟通能力、管理能力和商业头脑,并对宠物行业有一定的了解。",
            "此外,拥有相关管理经验和专业知识将会更具优势。",
        ],
    },
    {
        "name": "宠物医生",
        "department": "宠物生活馆",
        "reports_to": "店长",
        "summary": "对于规模较大或提供医疗服务的宠物店来说,宠物医生是不可或缺的成员。",
        "duties": [
            "他们负责宠物的健康检查、疾病诊断、治疗和预防接种;",
            "进行手术操作;",
            "开具处方;",
            "为顾客提供专业的宠物医疗咨询;",
            "并维护医疗记录。",
        ],
        "qualifications": [
            "宠物医生需要具备兽医执业资格证书,拥有扎实的兽医学知识和丰富的临床经验。",
            "良好的沟通能力,能够清晰地向宠物主人解释病情和治疗方案,也是必备素质。",
        ],
    },
]

# p6: Markdown web copy (an excerpt of the article).
P6_TITLE = "揭秘商业中心运营岗位职责全解析:掌握核心要务,提升管理效率"
P6_LEAD = "商业中心作为现代城市的重要组成部分,其运营效率直接影响着周边商业环境的发展。本文将深入解析商业中心运营中的岗位职责,帮助管理者掌握核心要务,提升管理效率。"  # noqa: E501 (verbatim source text)
P6_OVERVIEW = (
    "商业中心是指在一定区域内,集中了购物、餐饮、娱乐、休闲等多种商业形态的综合性商业设施。"
    "其运营涉及多个部门和岗位,共同确保商业中心的正常运作。"
)
P6_POSTS = [
    {
        "name": "总经理",
        "duties": [
            "负责商业中心的整体战略规划和运营管理;",
            "协调各部门之间的关系,确保运营目标的实现;",
            "定期向上级汇报运营情况,提出改进建议。",
        ],
    },
    {
        "name": "副总经理",
        "duties": [
            "协助总经理进行商业中心的运营管理;",
            "负责分管部门的工作,如市场部、运营部、财务部等;",
            "监督下属的工作,确保各项任务按时完成。",
        ],
    },
]

# p7: a job page pasted into Notepad (GBK). Each item: (text, kind) in the page's order; kind "d" duty, "q" qualification.
P7_POSTS = [
    {
        "heading": "3、天猫店长（急招）",
        "name": "天猫店长",
        "edu": "大专以上",
        "exp": "一年以上工作经验",
        "items": [
            ("负责公司在天猫旗舰店的整体规划、营销推广等系统经营性工作，完成各项运营指标；", "d"),
            ("负责天猫网店日常销售、推广等经营与管理工作；较强的团队协调管理能力和团体合作精神，能主动承担工作，服从公司安排；", "d"),
            (
                "分析追踪平台运营的相关数据收集与整理，为公司提供统计分析报告与决策依据；有较强的数据分析能力，"
                "熟练操作平台产品上传规则、技巧、交易流程及扩大交易量的方法和技巧；",
                "d",
            ),
            ("报名各平台相关活动等。", "d"),
        ],
    },
    {
        "heading": "7、京东运营",
        "name": "京东运营",
        "edu": "大专以上",
        "exp": "不限",
        "items": [
            (
                "1年以上京东策划和网推方面相关工作经验，负责京东店铺整体运营和日常管理，京东营销工具研究，"
                "提出应用方案,提高入店流量,增大点击率和浏览量,转化率；",
                "d",
            ),
            (
                "熟悉网络店铺的运营模式和推广方式，制定月度销量任务和服务水平提升目标，定期针对推广效果进行跟踪、评估,"
                "并提交推广效果的统计分析报表,及时提出营销改进措施,并给出切实可行的改进方案；",
                "d",
            ),
            ("优化产品关键词、库存和产品线,并根据实际情况微调店铺的经营方向；", "d"),
            ("工作认真、细心、积极主动，具备优秀的团队协作精神，有责任心。", "q"),
        ],
    },
    {
        "heading": "11、接单客服",
        "name": "接单客服",
        "edu": "高中以上",
        "exp": "一年以上工作经验",
        "items": [
            ("较强的沟通能力和应变能力，耐心有亲合力；", "q"),
            ("有较强的推广和维护协调客户的能力，熟悉客户服务流程；", "q"),
            ("工作严谨，计划性强，善于分析思考问题，有责任心，提供库存明细给到客户，下单过程的服务，确保销售业绩的达成；", "d"),
            ("勤奋踏实，具备良好的服务意识与团队合作精神，订单处理，及时录入系统，确保销售报表的准确性；", "d"),
            ("登记当天所发货的物流信息、邮费金额，跟踪物流情况，完成客户确认收货工作，每月对账资料等。", "d"),
        ],
    },
]
