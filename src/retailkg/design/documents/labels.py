"""The label vocabulary of a job-description form and how a label line reads: which words name which part of a post
(岗位名称, 所属部门, 岗位职责, 任职资格 … and their synonyms in Simplified or Traditional script), what a label cell or a
``label：value`` line says, and a line holding several labels apart by wide gaps.

Apart from parse.py's walk: these read one cell's or one line's text, so that the tables, the label lines and the
classifier's features (parse.document_lines) agree on what a label is.
"""

from __future__ import annotations

import functools
import re

from retailkg.design.documents.numbering import OUTLINE, strip_number
from retailkg.text.normalise import to_simplified

__all__ = [
    "ASIDE",
    "COLUMN",
    "DEPARTMENT",
    "DUTIES",
    "GROUP",
    "HEADCOUNT",
    "LABELS",
    "LOOSE",
    "META",
    "NAME",
    "OTHER",
    "QUALIFICATIONS",
    "QUAL_ITEM",
    "REPORTS_TO",
    "SIGNOFF",
    "STRIP_LABEL",
    "is_field_line",
    "is_list_label",
    "kind_of",
    "label_of",
    "simplified",
    "split_labels",
]

NAME, DEPARTMENT, REPORTS_TO, HEADCOUNT = "name", "department", "reports_to", "headcount"
DUTIES, QUALIFICATIONS = "duties", "qualifications"
META, OTHER, SIGNOFF, QUAL_ITEM, COLUMN = "meta", "other", "signoff", "qualification item", "column"
GROUP = "group"  # a column of a duty table naming the group (module) of the duties beside it: 职责模块
"""The kinds of label: what part of a post the value after a label (or the lines under it) states."""

_SYNONYMS: dict[str, tuple[str, ...]] = {
    NAME: ("岗位名称", "职位名称", "岗位", "职位", "岗位名", "职务名称", "职务", "适用岗位", "适用职位",
           "招聘岗位", "招聘职位"),
    DEPARTMENT: ("所属部门", "部门", "所在部门", "部门名称", "隶属部门", "所属单位"),
    REPORTS_TO: ("直接上级", "汇报对象", "上级岗位", "直属上级", "汇报上级", "直接上级岗位", "上级", "汇报关系", "直接汇报对象",
                   "直属主管", "直接主管", "上级主管", "直属领导", "直接领导", "汇报给"),
    HEADCOUNT: ("编制人数", "岗位编制", "管辖人数", "定编人数", "定编", "人数", "岗位定员", "定员", "编制", "岗位人数"),
    DUTIES: ("岗位职责", "工作职责", "主要职责", "职责描述", "职责", "工作内容", "主要工作内容", "职责内容", "岗位职责描述",
             "工作职责描述", "主要工作职责", "职责范围", "岗位主要职责", "职责与工作任务", "工作任务", "职务说明", "职务职责",
             "具体内容", "主要工作", "具体工作内容", "工作内容描述", "具体职责", "职责细分", "主要职责说明", "职责说明",
             "岗位职责说明", "工作职责说明", "工作内容说明", "具体工作", "具体工作职责", "职位描述", "职位详情",
             "岗位描述", "工作描述", "核心职责", "岗位核心职责", "主要核心职责", "具体描述", "详细描述", "职责详述",
             "职责概述", "职责概要", "职责简述", "主要职责概述", "岗位职能", "职位职能", "核心职能", "主要职能", "日常工作",
             "日常工作内容"),
    QUALIFICATIONS: ("任职资格", "任职要求", "岗位要求", "任职条件", "任职资格要求", "岗位任职资格", "资格要求", "职位要求",
                     "岗位任职要求", "任职资格条件", "关键技能", "所需技能", "必备技能", "核心技能", "入职要求", "入职条件",
                     "招募对象", "招聘对象", "应征条件", "应聘条件"),
    META: ("岗位编号", "职位编号", "岗位编码", "岗位代码", "岗位等级", "职级", "职等", "岗位级别", "工作地点", "工作时间", "薪资",
           "薪酬", "薪资范围", "薪酬标准", "岗位类别", "职系", "直接下级", "下属岗位", "管理幅度", "下属人数", "所辖人员",
           "直接下属", "分析日期", "部门编号", "英文名称", "岗位英文名称", "岗位序列", "岗位性质", "可轮换岗位", "可晋升岗位",
           "班次", "工作性质", "工作时段", "上班时间", "上班时段",
           "工作级别", "可轮换或晋升职位", "可轮换或晋升岗位", "可晋升职位", "可轮换职位"),
    OTHER: ("岗位目的", "岗位概述", "职位概要", "岗位使命", "岗位概要", "工作概述", "工作关系", "内部关系", "外部关系",
            "内部协调", "外部协调", "考核指标", "关键业绩指标", "绩效指标", "关键绩效指标",
            "绩效考核指标", "KPI指标", "考核内容", "工作权限", "权限", "岗位权限",
            "工作环境", "工作条件", "职业发展", "晋升通道", "培训", "工作协作关系", "协作关系", "备注", "说明", "其他",
            "岗位关系", "工作联系", "KPI", "考核", "考核办法", "考核方法", "考核要求", "绩效考核", "发展方向", "晋升方向",
            "职业发展方向", "发展通道", "晋升路径", "轮岗方向",
            "发展前景", "职业前景", "就业前景", "晋升空间", "基本信息", "岗位基本信息", "基本资料", "岗位信息",
            "实际案例", "案例", "工作案例", "案例分析", "工作流程", "作业流程", "工作程序", "操作流程", "考核要点",
            "考核重点", "岗位考核标准", "岗位考核", "绩效考核标准", "考核评价", "考核指标及标准", "定义", "角色定义",
            "岗位定义", "职位定义", "薪酬福利", "福利待遇", "薪资待遇", "薪酬待遇", "薪资福利", "待遇",
            "权限范围", "职权范围", "工作权限范围", "职位权限", "职权", "使用设备", "使用工具", "工作设备", "工作工具",
            "所需设备", "设备工具", "使用工具设备", "岗位定位", "职位定位", "福利", "职位福利", "岗位福利", "员工福利", "公司福利",
            "福利政策"),
    SIGNOFF: ("编制人", "编制日期", "审核", "审核人", "审批", "审批人", "批准", "批准人", "核准", "核准人", "签字", "签名",
              "日期", "生效日期", "修订日期", "版本", "版本号", "修订记录", "修订内容", "修订人", "修订说明", "文件编号",
              "任职人签字", "上级签字", "编写人", "编写日期", "拟制", "拟制人", "制定", "制定人", "制定日期", "制表", "制表人",
                "制表日期", "填表", "填表人", "填表日期"),
    QUAL_ITEM: ("学历", "学历要求", "专业", "专业要求", "工作经验", "经验", "经验要求", "知识", "知识要求", "技能", "技能要求",
                "能力", "能力要求", "素质", "素质要求", "个人素质", "年龄", "性别", "证书", "资格证书", "其他要求", "身体",
                "身体条件", "培训经历", "专业知识", "工作技能", "职业资格"),
    COLUMN: ("序号", "考核标准", "权重", "工作标准", "频次", "考核方式", "占比", "时间比例", "工作频率", "绩效标准"),
    GROUP: ("职责模块", "工作模块", "模块", "职能模块", "职责板块", "工作板块", "职责分类", "职责类别", "工作类别", "职责大类",
            "工作大类", "职责领域", "工作领域", "职责项目", "工作项目"),
}
LABELS: dict[str, str] = {s: kind for kind, words in _SYNONYMS.items() for s in words}
"""Every label word (a cell or a line that names what follows) and what it is."""

LOOSE = {"岗位", "职位", "职务", "职责", "部门", "上级", "人数", "编制", "其他", "说明", "权限", "培训", "日期", "版本",
          "审核", "批准", "经验", "知识", "技能", "能力", "素质", "专业", "性别", "年龄", "身体", "证书", "学历", "考核", "定义",
          "福利"}
"""Words that are a label only when marked as one (a cell of their own, or followed by a colon): in a sentence they are
just words. The walk asks it too, before it reads such a word as a label."""

STRIP_LABEL = re.compile(r"[\s\u3000*_#【】\[\]《》〔〕<>※]+")
"""Typography around a label word: spaces, Markdown marks, brackets, and the reference mark a Taiwanese advert puts before
each of its parts (※工作內容:)."""


@functools.lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """``text`` in Simplified script (OpenCC t2s), for recognising labels and titles; what is read stays verbatim."""
    out = to_simplified(text)
    return out if len(out) == len(text) else text  # a phrase that changes length: compare the text as written


ASIDE = re.compile(r"[（(][^（()）]{1,8}[）)]")
"""A short aside in brackets (岗位(职务), 店长（急招）): no part of the label or the name it follows; the walk strips it
from names as kind_of does from labels."""


_DEPARTMENT_LABEL = re.compile(r"(?:所属|直属|隶属|归属|所在|主管|管理)(?:部门|单位|中心)")
_SUPERIOR_LABEL = re.compile(r"(?:直接|直属|所属|汇报|直线|上级)(?:上级|上司|主管|领导|经理)(?:岗位|职位)?")


def _kind_by_head(word: str) -> str | None:
    """A department or superior label by its parts, as a reader parses an unfamiliar one: a qualifier (所属, 直属,
    隶属 …) and the head noun (部门, 单位 …; 上级, 主管, 领导 …): 直属部门, 隶属单位, 直线主管."""
    if _DEPARTMENT_LABEL.fullmatch(word):
        return DEPARTMENT
    if _SUPERIOR_LABEL.fullmatch(word):
        return REPORTS_TO
    return None


_QUALIFIED_LABEL = re.compile(r"(?:主要|核心|关键|具体|基本|相关)(.{2,8})")
"""A label with a qualifier before it (主要考核指标): a reader takes it for the label (考核指标), the qualifier says only
which of its kind."""


def kind_of(word: str) -> str | None:
    """What a label word is (:data:`LABELS`), in Simplified or Traditional script; None when it is no label.
    A word with an aside in brackets is the word without it: 岗位(职务) is 岗位."""
    kind = LABELS.get(word) or LABELS.get(simplified(word))
    if kind is None and ASIDE.search(word):
        bare = ASIDE.sub("", word).strip()
        if bare and bare != word:
            return kind_of(bare)
    if kind is None:
        kind = _kind_by_head(simplified(word))
    if kind is None and (m := _QUALIFIED_LABEL.fullmatch(simplified(word))) is not None and m.group(1) not in LOOSE:
        kind = LABELS.get(m.group(1))  # 主要考核指标, 具体任职要求: the label the qualifier stands before
    if kind is None and re.search(r"[/／]", word):
        kinds = {kind_of(part) for part in re.split(r"[/／]", word)}
        if SIGNOFF in kinds and None not in kinds:
            return SIGNOFF  # 编制/日期, 审核/批准: a sign-off row's cells, each naming two of its fields
    if kind is None and (m := re.fullmatch(r"(.{2,8}?)(?:及|与|和|、)(.{2,6})", word)) is not None:
        first = LABELS.get(m.group(1)) or LABELS.get(simplified(m.group(1)))
        if first in (DUTIES, QUALIFICATIONS):  # 岗位职责及考核, 任职资格与要求: the section the first word names
            return first
        if first in (META, OTHER) and simplified(m.group(1)) not in LOOSE and len(m.group(2)) == 2:
            # 薪酬与权益, 考核指标与标准: a part of the form that holds no duty, whatever the second word adds; not a duty's
            # topic such as 薪酬与福利管理, whose second part is a work of its own
            return OTHER
    return kind


def label_of(text: str, *, marked: bool) -> tuple[str, str, str] | None:
    """(kind, label, rest) when ``text`` starts with a label: ``岗位名称：店长`` → (name, 岗位名称, 店长).

    ``marked``: the text stands as a label on its own (a table cell); otherwise a line is a label
    only when the label is followed by a colon or is the whole line.
    """
    if marked and "\n" in text.strip() and all(len(x.strip()) <= 2 for x in text.strip().split("\n")):
        text = "".join(x.strip() for x in text.split("\n"))  # 岗⏎位⏎职⏎责: a label cell typed one character a line
    t = strip_number(text)[0] if not marked else text
    if marked and OUTLINE.match(text):
        bare = strip_number(text)[0]
        if kind_of(STRIP_LABEL.sub("", bare).rstrip("：:")) is not None:
            t = bare  # 一、岗位职责 in a row merged across a form: the label
    t = t.strip()
    if (t.endswith(("）", ")")) and (aside := re.search(r"[（(][^（()）]*[）)]$", t)) is not None and aside.start() >= 2
            and not re.search(r"[:：]", t[:aside.start()])):  # 直接上级:副总经理(运营): the aside is the value's
        t = t[:aside.start()].rstrip()  # 岗位职责及考核（每月基础分100分…）: the label, its aside apart
    m = re.match(r"^[【\[]?\s*([^:：\n【】\[\]]{1,12}?)\s*[】\]]?\s*(?:[:：]\s*|$|\n)", t)
    if m is None:
        return None
    word = STRIP_LABEL.sub("", m.group(1))
    kind = kind_of(word)
    if kind is None:
        return None
    word = simplified(word)
    rest = t[m.end():].strip()
    has_colon = bool(re.match(r"^[【\[]?\s*[^:：\n]{1,12}?\s*[】\]]?\s*[:：]", t))
    if not marked and not has_colon and rest:
        return None
    if not marked and not has_colon and word in LOOSE and len(t) > len(word) + 2:
        return None
    return kind, word, rest


_WIDE_GAP = re.compile(r"[\u3000\t]+\s*|\s{2,}")


_LABEL_AFTER_SPACE = re.compile(r"\s+(?=[^\s:：]{2,8}\s*[:：])")


def _split_before_labels(text: str) -> list[str]:
    """``岗位名称:防损主任 所属部门:防损课`` at the spaces that come before a known label and its colon."""
    if not re.search(r"[:：]", text):
        return [text]
    parts: list[str] = []
    start = 0
    for m in _LABEL_AFTER_SPACE.finditer(text):
        word = re.match(r"[^\s:：]{2,8}", text[m.end():])
        if word is not None and kind_of(STRIP_LABEL.sub("", word.group(0))) is not None:
            parts.append(text[start:m.start()])
            start = m.end()
    parts.append(text[start:])
    return [t for t in parts if t.strip()]


def split_labels(text: str) -> list[tuple[str | None, str, str]] | None:
    """A line holding several labels apart by ideographic spaces, tabs or runs of spaces
    (``专卖店店长　　所属部门:　　直接上级:　　编制:每店1人``) as its (kind, label, value) pairs, an empty
    value staying empty; a first part that is no label comes as (None, "", text). None when the line
    holds fewer than two labels so marked."""
    parts = [t for t in _WIDE_GAP.split(text.strip()) if t]
    if len(parts) < 2:
        parts = _split_before_labels(text.strip())  # a PDF's text layer keeps one space of a wide gap
    if len(parts) < 2:
        return None
    out: list[tuple[str | None, str, str]] = []
    for k, part in enumerate(parts):
        lab = label_of(part, marked=False) if re.search(r"[:：]", part) else None
        if lab is not None:
            out.append(lab)
        elif k > 0 and out and (m := re.match(r"^([^:：\s]{2,8})\s*[:：]\s*(.*)$", part)) is not None:
            out.append((META, m.group(1), m.group(2)))  # 维护人:人力资源部 beside 部门:…: a label of no interest here
        elif out and out[-1][0] is not None and not out[-1][2]:
            out[-1] = (out[-1][0], out[-1][1], part)  # 直接上级:\t区域经理: the value after the gap
        elif k == 0:
            out.append((None, "", part))
        else:
            return None
    if sum(1 for kind, _, _ in out if kind is not None) < 2 or not any(kind not in (None, META) for kind, _, _ in out):
        return None
    return out


def is_field_line(text: str) -> bool:
    """A line of one field and its value (学历要求：大专以上, 招聘对象：不限): a short key, a colon, a value."""
    return re.match(r"^[^\s，,。；;：:！!？?]{2,6}\s*[:：]\s*\S", text.strip()) is not None


def is_list_label(text: str) -> bool:
    """A line labelling the list of a post's duties or requirements under it (任职要求：, 岗位职责), nothing after it."""
    lab = label_of(text.strip(), marked=False)
    return lab is not None and lab[0] in (DUTIES, QUALIFICATIONS) and not lab[2]
