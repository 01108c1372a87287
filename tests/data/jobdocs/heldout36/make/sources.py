"""The page text behind heldout36, as the stored copies had it, and the posts each document states.

The duty and qualification strings are the pages' own (half-width commas and semicolons as stored);
the company, departments, superiors, codes and every other label are this set's inventions, listed in
../README.md.
"""

from __future__ import annotations

COMPANY = "百顺优选商贸有限公司"
SHORT = "百顺优选"

SOURCES = [
    {
        "id": "r1",
        "url": "http://m.cuauto.com.cn/jxfw/202506/480574.html",
        "note": "商超促销员工作职责及考核标准 (一、工作职责 in five titled groups of two, 二、考核标准)",
    },
    {
        "id": "r2",
        "url": "http://news.zhujihailiang.com/bzwd/202512/376420.html",
        "note": "店长岗位职责是什么 (eight titled items, each with one descriptive sentence, and a summary table)",
    },
    {
        "id": "r3",
        "url": "http://zixun.pintu360.com/jxfw/202508/573227.html",
        "note": "采购文员岗位职责 (prose: one sentence listing the duties with semicolons, later paragraphs)",
    },
    {
        "id": "r4",
        "url": "http://eb.job1001.com/mobile/jobdetail_52966908.htm",
        "note": "a job1001.com ad of a 足力健 brand-protection post: 岗位职责 1-4, 任职要求 1-4",
    },
    {
        "id": "r5",
        "url": "https://bytenew.com/news/75298.html",
        "note": "开网店需要哪些人员?有哪些岗位? (1、运营人员 2、客服人员 3、美工人员 4、打包员, one paragraph each)",
    },
]

# r1: the five titled groups of the page, two duties each.
PROMOTER_GROUPS = [
    (
        "产品展示与维护",
        [
            "负责将商品按照公司要求整齐有序地摆放在货架上,确保商品的可见性和吸引力。",
            "定期检查库存,及时补货以避免断货现象发生。",
        ],
    ),
    (
        "顾客服务",
        [
            "热情接待每一位进店顾客,耐心解答关于产品的疑问。",
            "根据顾客需求推荐合适的产品,并提供专业的购买建议。",
        ],
    ),
    (
        "促销活动执行",
        [
            "积极参与并推广各类促销活动,如打折、满减等。",
            "协助布置活动现场,营造良好的购物氛围。",
        ],
    ),
    (
        "信息反馈",
        [
            "收集市场反馈信息,了解竞争对手动态以及消费者偏好变化。",
            "定期向上级汇报工作进展及遇到的问题。",
        ],
    ),
    (
        "其他支持性工作",
        [
            "配合团队成员完成额外的任务分配。",
            "参加定期培训,不断提升个人专业技能和服务水平。",
        ],
    ),
]

# r2: (title, sentence); the sentence is the duty.
MANAGER_ITEMS = [
    ("全面负责门店的日常运营", "包括商品陈列、库存管理、环境卫生、设备维护等,确保门店高效、有序地运转。"),
    ("制定并执行销售计划", "根据公司目标制定门店销售策略,带领团队完成销售任务,并对销售数据进行分析和反馈。"),
    ("人员管理与培训", "负责员工的招聘、培训、考核、激励及日常管理工作,提升团队整体服务水平和工作效率。"),
    ("顾客服务与满意度管理", "确保顾客得到优质的服务体验,处理客户投诉,提升客户满意度和忠诚度。"),
    ("成本控制与利润管理", "合理控制人力、物料、水电等成本,提高门店盈利能力。"),
    ("协调内外部关系", "与总部、供应商、其他门店保持良好沟通,及时汇报门店情况并落实公司政策。"),
    ("安全管理与突发事件处理", "确保门店安全运营,预防和应对火灾、盗窃、客诉等突发事件。"),
    ("数据分析与报告", "定期汇总门店运营数据,撰写报表并提出改进建议,为决策提供依据。"),
]

# r3: the clauses of the page's list sentence, then one duty and one requirement from later paragraphs.
CLERK_DUTIES = [
    "协助采购人员处理订单信息,整理并归档采购合同、发票及供应商资料;",
    "及时更新采购台账,确保数据准确无误;",
    "与供应商保持良好的沟通,跟进订单的执行情况,协调解决相关问题;",
    "协助完成采购报表的编制与提交,为管理层提供决策依据;",
    "配合财务部门进行付款审核及相关单据的核对工作。",
    "关注市场动态,了解原材料价格变化,协助采购主管进行比价分析,为企业节省采购成本。",
]
CLERK_QUALIFICATIONS = [
    "具备一定的办公软件操作能力,如熟练使用Excel、Word等工具,能够高效地处理各类文档和数据。",
]

# r4
ANTIFAKE_DUTIES = [
    "主动以“足力健”等系列关联词汇作为关键字进行检索,登记存在价格差异的产品链接、登记货源不明的产品链接;",
    "对出现知识侵权、明显假货、自认假货等行为的货源不明店家进行知识侵权投诉;对低价或货源不明的店铺,出具鉴定报告并以相应名义进行投诉;",
    "对货源正常的商家进行产品知识及假货危害性培训,主动招募和收编优质卖家,给予售卖指导支持,鼓励支持打假业务;",
    "主动发现问题,寻找、上传资质证明,开发其它网络电商平台维权渠道。",
]
ANTIFAKE_QUALIFICATIONS = [
    "态度积极,细心严谨,灵活性较好;",
    "良好的沟通表达能力和逻辑思维能力,乐于、擅长对外沟通;",
    "有较强的学习能力和信息搜索整合分析能力;",
    "主动跟进及解决问题能力较好,执行力强。",
]

# r5: one paragraph per post, the paragraph is the duty.
SHOP_OPS = (
    "店铺运营主要负责店铺整体的规划和维护,需要进行店铺的策划、宝贝上架、推广、销售,以及联系售后服务等等。"
    "运营人员还需要及时收集市场信息,进行数据分析,做出正确的有利于店铺发展的决策,确保店铺的良性发展。"
)
SHOP_CS = (
    "店铺客服是维系顾客和网店联系的重要桥梁。因此,客服的质量好坏对于店铺给顾客的服务体验来说是具有重要影响力的。"
    "客服人员想要做好咨询服务,需要具备一定的技能和素养,及时地回复顾客信息,处理相关问题,保证店铺交易的顺利进行。"
)
SHOP_ART = (
    "店铺美工主要负责店铺视觉效果呈现和维护,需要配合促销活动,设计店铺排版,以此增加店铺的美观度从而提升访客的访问深度。"
    "通过主图、详情页页面的优化,还能够有效地促进店铺的转化率。部分 美工人员同时还会兼职店铺的摄影,拍摄店铺需要的图片和视频素材。"
)
SHOP_PACK = (
    "对配货员移交的产品和订单再次进行最终核对,包括快递公司,地址,电话,产品货号,颜色,尺码,礼品等信息。"
    "对以上信息确认无误后,开始打包。.打包完成后,根据快递公司不同将产品进行分类。并通知快递公司取货。"
)
