"""The verbatim text of the eight public pages this held-out set is built from.

Each entry is what the page says, copied from the stored search copy of the page: half-width commas,
colons, semicolons and brackets as the copy has them, and the pages' own slips kept (the doubled comma
in "处理系统订单,,跟进", "帐扣", a missing ";" after 会员中心主管 duty 8, the repeated 入库单 rule).
Only list numbers and bullets are dropped; the documents number the items again in their own style
(f5 keeps the page's own "1," and "2."). What the page does not say (a department or a superior it
never names) is None here; the labels the documents add are chosen in build.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PagePost:
    """One post as the page states it."""

    title: str  # the post's name as the page heads it
    duties: tuple[str, ...]
    qualifications: tuple[str, ...] = ()
    department: str | None = None  # only where the page names it
    reports_to: str | None = None  # only where the page names it


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    page_title: str  # the page's title or, where the stored copy has none, its opening words
    note: str  # what the page is and what is taken from it
    posts: tuple[PagePost, ...]
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page text used as noise, verbatim


F1 = Source(
    id="f1",
    url="https://www.51dongshi.net/eedfrcardrbvs.html",
    page_title="(no title in the stored copy; it opens 一、组织结构 运营经理、客服、配送、美工、技术、文案、财务、市场专员 二、工作内容)",
    note=(
        "51dongshi.net, an online mall's 组织结构 and 工作内容: (一) 运营经理, (二) 客服人员, (三) 配送人员, "
        "(四) 商城美工 taken; (五) 文案 is cut short in the stored copy and not used"
    ),
    posts=(
        PagePost(
            title="运营经理",
            duties=(
                "负责商城整体规划、营销、推广、客户关系管理等系统经营性工作;",
                "负责商城日常改版策划、上架、推广、销售、售后服务等经营与管理工作;",
                "负责商城日常维护,保证商城的正常运作;",
                "负责组织安排各部门工作监督执行效果,统筹改进方案;",
                "负责制定执行与配合公司相关营销活动,策划商城活动方案;",
                "负责收集市场和行业信息,提供有效的数据参考及应对方案;",
                "客户关系维护,处理相关客户投诉及纠纷问题。",
            ),
        ),
        PagePost(
            title="客服人员",
            duties=(
                "商品上架下架管理,统计销售报表;",
                "处理系统订单,,跟进订单完成情况,处理售后纠纷等;",
                "在线沟通解答顾客咨询,引导用户在商城上顺利的购买,促成交易;",
                "负责客户疑难订单的追踪和查件,处理评价、投诉等;",
                "公众平台、企业邮箱客户咨询回复;",
                "搜集同行业竞争对手信息及动态,定期反馈。",
            ),
        ),
        PagePost(
            title="配送人员",
            duties=(
                "负责商城备货和物资的验收、入库、码放、保管、盘点、对账等工作;",
                "负责保持仓库内货品和环境的清洁、整齐和卫生工作;",
                "按发货单正确执行商品包装工作,准时准确完成包装任务;",
                "准确在商城后台输入发货单号,更改发货状态,对问题件能及时处理。",
            ),
        ),
        PagePost(
            title="商城美工",
            duties=(
                "负责商城产品上传宝贝的文字编辑及上传宝贝的相关工作,图片拍摄制作;",
                "根据主题需要完成商城进行整体的美化(公告栏和促销栏图片设计);",
                "根据文字需求完成网页平面设计;",
                "负责公司促销活动方案广告策划;",
                "负责公司宣传广告的各种平面设计,及企业画册设计;",
                "协助部门内的其它设计工作。",
            ),
        ),
    ),
    extra={"组织结构": ("运营经理、客服、配送、美工、技术、文案、财务、市场专员",)},
)

F2 = Source(
    id="f2",
    url="https://m.tianqiyubao2.com/news/view-3257772",
    page_title="淘宝店铺运营需要配置哪些人员",
    note="tianqiyubao2.com, 淘宝店铺运营需要配置哪些人员 (2021-02-02): 1、店主, 2、客服, 3、美工, two items (1)(2) each",
    posts=(
        PagePost(
            title="店主",
            duties=(
                "负责网店日常改版策划、上架、推广、销售、售后等经营与管理工作。",
                "负责网店日常维护,保证网店的正常运作,优化店铺及商品排名。",
            ),
        ),
        PagePost(
            title="客服",
            duties=(
                "通过聊天工具,为客户解答疑问,达成双方愉快,处理订单信息。",
                "熟悉淘宝的各种操作规则,处理客户要求,修改价格,管理店铺等。",
            ),
        ),
        PagePost(
            title="美工",
            duties=(
                "负责网络店铺视觉规划、设计、以及产品描述工作。",
                "负责网店产品拍摄图后期图片处理和排版。",
            ),
        ),
    ),
)

F3 = Source(
    id="f3",
    url="http://www.hjuga.com/20241128/1/130473",
    page_title="(no title in the stored copy; it opens 采购经理的职责和岗位要求如下:)",
    note="hjuga.com, 采购经理的职责和岗位要求: 一、职责 (12 items) and 二、要求 (7 items)",
    posts=(
        PagePost(
            title="采购经理",
            duties=(
                "负责领导采购部门,全面主持部门工作。",
                "根据公司职能指导采购团队,确保工作方向与公司目标一致。",
                "依据营销和施工计划,制订并监督执行采购计划。",
                "制定并完善物资管理制度,实现物资管理的规范化。",
                "制定明确的采购原则,并确保其得到有效执行。",
                "进行采购预测,根据资金状况和库存情况,合理安排采购。",
                "定期组织采购知识培训,提升团队专业技能,培养廉洁奉公的职业操守。",
                "严格遵守采购规定,防止不良行为的发生。",
                "控制物资采购批量,降低市场波动带来的风险。",
                "监控物流状况,避免不合理的物资采购和消费。",
                "规范并指导采购收据处理,协助财务部门进行审计和成本控制。",
                "完成上级分配的其他工作任务。",
            ),
            qualifications=(
                "理解采购目的和采购流程的重要性。",
                "掌握采购工作的基本程序和规定,了解采购经理的职责。",
                "对采购团队所负责的物料有全面的认识。",
                "熟悉供应商审查和评估流程。",
                "具备制定订单合同条款和进行供应商合同谈判的知识与技巧。",
                "了解不同的货款支付方式(如预付款、货到付款、现金支付、月结、电汇和支票支付)。",
                "掌握与生产相关的管理知识(包括产品生产流程、质量标准和特性)。",
            ),
        ),
    ),
)

F4 = Source(
    id="f4",
    url="http://lingshouw.com/article-7825-1.html",
    page_title="(no title in the stored copy; it opens 1、目的:明确规范防损主任〈课长〉工作内容,使其工作时有所依循。)",
    note=(
        "lingshouw.com, 防损主任〈课长〉工作内容 of a store chain (适用规范:各分店; 部门 防损课 named in its text): "
        "一、人员管理 3, 二、服务管理 3, 三、商品管理 8, 四、设备管理 1 complete item (the copy is cut in (二))"
    ),
    posts=(
        PagePost(
            title="防损主任〈课长〉",
            department=None,  # the text speaks of 防损课同仁 but heads no 部门 label
            duties=(
                # 一、人员管理
                "人力预算、工时审核、绩效评核、工作计划,做好员工的思想工作和日常工作(附表二)。",
                "组织实施对新进员工的岗前业务培训,礼仪教育。",
                "每日负责检查、督促防损课同仁履行内务工作条例、员工守则、岗位职责的执行情况和例行班前会。",
                # 二、服务管理
                "正确处理顾客与顾客、顾客与员工,在卖场内发生的各类矛盾,处理矛盾注意态度,有理、有节。",
                "负责当班期间移交的各类客诉。",
                "布置各部门工作联系单所交办的工作内容。",
                # 三、商品管理
                "负责整理、核对、汇总、检查物品携出申请单、商品报废单及其它表单。",
                "加强对卖场进出口、员工通道,所携带的商品严格控管、稽核。",
                "负责督促夜间值班人员对卖场商品的安全巡检。",
                "营业时间加强对试衣间不定时的巡查。",
                "检查、督促当日顾客退换商品(接待课)的统计及归还。",
                "组织人员协助楼面每周二盘点商品的抽查工作。",
                "安排人员每天对仓管收货商品的稽核工作。",
                "稽核仓管收货人员收货数量是否正确。",
                # 四、设备管理
                "时常检查、核对,防损配备的通讯联络工作是否处于良好运转状态。",
            ),
        ),
    ),
    extra={
        "groups": ("一、人员管理", "二、服务管理", "三、商品管理", "四、设备管理"),
        "group_sizes": ("3", "3", "8", "1"),
        "preamble": (
            "1、目的:明确规范防损主任〈课长〉工作内容,使其工作时有所依循。",
            "2、适用规范:各分店。",
            "3、内容:",
        ),
    },
)

F5 = Source(
    id="f5",
    url="https://bbs.kuguanyi.com/thread-9779-1-1.html",
    page_title="(no title in the stored copy; it opens 一、仓库管理员岗位职责)",
    note=(
        "kuguanyi.com forum thread: 一、仓库管理员岗位职责 (7 items, numbered '1,' then '2.' on the page), "
        "二、商品验收入库 (5 rules, its item 2 repeated as item 5), 三、销售出库及送货 (2 rules); 四 is cut short and not used"
    ),
    posts=(
        PagePost(
            title="仓库管理员",
            duties=(
                "遵守公司各项规章制度,负责仓库进、出货、存货管理,物料管理。",
                "及时、完整、准确登记存货仓库账,库存报表。",
                "负责仓库存货保管,保证库内存货安全,禁止无关人员及危险物品随意进入仓库。",
                "负责存货日常管理,包括存货分类码放、整理、标识、及进出库调度。要求熟悉存货特性,分类管理,合理摆放,便于物流及安全。",
                "按会计岗位要求定期或不定期核对存货入库、出库、结存数量。要求账目清楚、标识清晰、账卡物核对相符。经常对账点数,定期盘点。",
                "严格执行存货收发流程及要求,正确、及时办理商品入库;完工入库、销售出库、及其他类存货入库出库的开单、收发料和签字手续。",
                "廉洁自律,不得损害公司形象及利益,杜绝商业舞弊行为。",
            ),
        ),
    ),
    extra={
        "numbering": ("1, ", "2. ", "3. ", "4. ", "5. ", "6. ", "7. "),  # the page's own item numbers
        "二、商品验收入库": (
            "仓管员必须根据供应商送货单、检验品质确认无质量问题方可正确办理验收入库,非采购指令的商品、以及验收不合格品不得入库。所有商品必须先办理入库才能销售。",
            "入库单会计记账联交财务中心记账。",
            "成品一经入库,仓管员必须按照仓储空间、环境及存放要求,合理安排存放区位,并贴好商品标识及登记商品卡、仓存账。",
            "退库返工时,必须办理退库手续,写明原因,用红字填单负数冲回。",
            "入库单会计记账联交财务中心记账。",
        ),
        "三、销售出库及送货": (
            "仓管员必须根据销售的发货单方可办理出库手续,非销售出货指令的出货要求不得执行出库。",
            "销售退回时,必须办理退回手续,仔细盘点退回的货品如有残次品不得验收入库,正品缴库并写明原因,并用红字填单负数冲回。",
        ),
    },
)

F6 = Source(
    id="f6",
    url="https://m.wenke99.com/p-8764355.html",
    page_title="会员中心职能及考核办法",
    note=(
        "wenke99.com, 会员中心职能及考核办法: 会员中心职能, 部门组织架构 (部门主管1名, 办公室职员2名) and 会员中心主管岗位职责 "
        "(9 complete items; item 10 is cut short in the stored copy and not used)"
    ),
    posts=(
        PagePost(
            title="会员中心主管",
            department="会员中心",
            duties=(
                "负责组建团队、制定年度会员俱乐部活动方案并组织实施;",
                "负责收集、了解相关行业服务方式,建立并不断优化公司会员营销体系;",
                "负责微信、实体店所有会员资料的后续跟进及补充完善;",
                "负责协调会员礼品的制定,会员礼品与积分管理,积分换礼整体流程掌控及费用控制;",
                "负责策划各类会员活动及会员期刊杂志内容;",
                "负责审定并跟进会员情况、消费行为的统计,提出会员关系维护方案;",
                "负责制定会员沟通策略和会员的市场开发,并对会员开发情况进行跟踪管理;",
                "负责会员卡相关的售后与客户服务工作",
                "负责与其他部门进行沟通协调并对营业厅工作人员进行会员方面的培训,增强服务意识,提高服务水平,加强与会员之间的沟通;",
            ),
        ),
    ),
    extra={
        "会员中心职能": (
            "会员中心职能主要负责会员制度的制定和管理,协助公司制定主体销售计划及市场推广计划,全面管理市场营销及培训工作,制定内部考核办法",
        ),
        "部门组织架构组成": ("部门主管1名,下设办公室职员2名",),
    },
)

F7 = Source(
    id="f7",
    url="http://m.efhr.cn/job/29489.html",
    page_title="(a job posting; the stored copy has no title: nine duty lines and one requirement)",
    note=(
        "efhr.cn job posting for a brand's area manager over its counters in department stores: nine duty lines "
        "(each ending ';') naming 大区经理 as the one to report to, and 可接受驻外者优先考虑"
    ),
    posts=(
        PagePost(
            title="(none)",
            reports_to=None,  # named only inside the duties ("上报大区经理核准")
            duties=(
                "对管辖地区内经营成本,商场折扣、利润及销售目标的达成负责;",
                "对区域商场资金回笼、帐扣发票及时到位及保证资金的安全负责;",
                "对地区内人员有监管权,对终端店员、办事处人员有人事任免权,对店长有任免建议权,但需报备大区经理;",
                "负责所辖地区货品安全管理,对地区内货品安全负责;",
                "对地区各店铺货品有合理调配权,同时必须服从公司货品调配;",
                "按公司通知的价格政策进行销售,对地区内各终端店铺货品价格进行监督及管理,如遇到特殊情况需调整价格,应上报大区经理核准;",
                "负责地区内各店铺促销计划的制订、洽谈,并提前将促销活动审批单上报大区经理审核;",
                "负责地区内新店的开拓,但需提前将新开店综合分析报告上报大区经理,经公司核准后,负责与商场的具体谈判工作;",
                "负责贯彻与执行公司各项规定,管理地区内各项日常事务;",
            ),
            qualifications=("可接受驻外者优先考虑",),
        ),
    ),
)

F8 = Source(
    id="f8",
    url="http://zh.thjunshi.com/xsiwd/202507/2393974.html",
    page_title="电商运营部岗位职责",
    note=("thjunshi.com, 【电商运营部岗位职责】: 一、岗位职责概述, 二、岗位职责汇总表 (岗位名称 | 主要职责说明, 7 rows), 三、总结"),
    posts=tuple(
        PagePost(title=title, department="电商运营部", duties=(duty,))
        for title, duty in (
            ("运营专员", "负责日常店铺运营,包括商品上架、页面优化、订单处理、客户咨询回复等。"),
            ("活动策划", "策划并执行各类促销活动(如双11、618、秒杀等),提升流量和销售额。"),
            ("数据分析", "收集并分析销售数据、用户行为数据,为运营策略提供数据支持和优化建议。"),
            ("客服管理", "管理在线客服团队,处理客户投诉与咨询,提升客户满意度与复购率。"),
            ("视觉设计", "设计商品详情页、主图、海报等视觉内容,提升页面吸引力和转化率。"),
            ("供应链协调", "协调供应商与仓储物流,确保商品及时发货,降低缺货与延迟风险。"),
            ("用户运营", "通过会员体系、社群运营等方式提升用户活跃度与忠诚度,促进长期价值转化。"),
        )
    ),
    extra={
        "一、岗位职责概述": (
            "电商运营部通常包括多个职能岗位,如运营专员、活动策划、数据分析、客服管理、视觉设计等。"
            "每个岗位在日常工作中承担不同的任务,但共同目标是推动电商平台的稳定运行与持续增长。以下是各岗位的主要职责总结:",
        ),
        "三、总结": (
            "电商运营部的工作涉及多个环节,从产品展示到用户服务,从数据分析到活动策划,每一个环节都至关重要。"
            "只有各岗位紧密配合,才能实现平台的高效运作与业绩增长。因此,明确岗位职责、加强内部沟通、提升专业能力,是电商运营团队持续发展的关键。",
        ),
    },
)

SOURCES: tuple[Source, ...] = (F1, F2, F3, F4, F5, F6, F7, F8)
