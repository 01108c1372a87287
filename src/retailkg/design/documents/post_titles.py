"""Post-title recognition: how a title, a heading or a file's name names a post. A form's title (店长岗位说明书), a web
page's question (导购员是做什么的?), a part heading of a page on one post (导购员的主要职责), a department beside the
post (收货部 · 收货主管), a company or store before it (金沙百货-门店 导购), a post the prose calls one; and the words that
make a short line read as a post's title at all (经理, 主管, 店长, …员). The headings a document owns (引言, 组织架构,
各岗位…) are here too: they name no post.

Apart from parse.py's walk: these read one title's text (or a page's texts as a whole); the walk decides which post a
title opens or renames.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from retailkg.design.documents.labels import kind_of, label_of, simplified
from retailkg.design.documents.numbering import strip_number

__all__ = [
    "ASIDE_DUTIES",
    "ASKED_DUTIES",
    "ASKS_POST",
    "BARE_PART",
    "BRACKET_TITLE",
    "DEPARTMENT_NAME",
    "DUTIES_LEAD",
    "DUTIES_OF",
    "DUTIES_TITLE",
    "GENERIC",
    "GROUPS_LEAD",
    "LEAD_NAMES",
    "NO_POST",
    "ORG",
    "ORG_CHART",
    "PAGE_OWN",
    "PAGE_PART",
    "PART_DUTIES",
    "PART_PROCESS",
    "PART_REQUIREMENTS",
    "PART_SUMMARY",
    "POSTS_AT_LARGE",
    "POST_PART",
    "POST_TITLE",
    "QUALIFICATIONS_TITLE",
    "QUESTION_TITLE",
    "SECTION_WORDS",
    "SUBJECT_PART",
    "TITLE",
    "TITLE_TAIL",
    "clean_title",
    "companies_said",
    "defines",
    "department_and_post",
    "department_in_title",
    "is_department",
    "is_post_title",
    "is_title_department",
    "post_in_title",
    "post_of_alternates",
    "post_of_company",
    "post_of_file",
    "post_of_setting",
    "post_said",
    "post_written_for",
]

TITLE = re.compile(r"^(.{1,24}?)\s*(?:的)?(?:主要)?(?:岗位说明书|职位说明书|岗位职责说明书|职务说明书|工作说明书|岗位说明|职位说明|"
                   r"岗位职责(?:(?:与|及|和|、)(?:任职要求|任职资格|岗位要求|任职条件|考核标准|考核指标|考核要求|绩效考核|考核|工作标准|权限))?|工作职责|岗位描述|职位描述|职责说明"
                   r"|岗位要求|任职要求|任职资格|任职条件|(?:角色|岗位|职位)的?(?:定义|职能|定位)(?:与|及|和)职责|角色职责"
                   r"|(?:岗位|职位)(?:工作)?内容(?:描述|说明)?|(?<=的)工作内容(?:(?:与|和|及)(?:工作)?职责)?|(?<=的)职务)(?:手册|汇编|一览表|表|大全)?"
                   r"(?:是什么|有哪些|包括哪些|有什么|怎么写|范本|范文|模板|汇总)?\s*(?:[（(][^（）()]{1,12}[）)])?\s*[:：?？]?$")
"""A title naming a post and the kind of document or part it heads (店长岗位说明书, 收银员的岗位职责是什么？, 网店运营的
任职要求): the post's name is its first group. The walk and the classifier's features both ask for it."""
DUTIES_TITLE = re.compile(r"(?:职责|(?<=的)职务)(?:是什么|有哪些|包括哪些|有什么)?\s*(?:[（(][^（）()]{1,12}[）)])?\s*[:：?？]?$")
"""A title that says the post's duties follow (店长岗位职责, 收银员的岗位职责是什么？, 理货员岗位职责（精选）)."""
ASKED_DUTIES = re.compile(r"^([^?？:：,，。;；\s]{1,16}?)(?:的)?(?:主要|具体|日常)?职责(?:是什么|有哪些|包括哪些|有什么)\s*[?？]?$")
"""A page's title asking what a post's duties are, the word 职责 alone (导购职责有哪些?, 收银员的职责是什么): as a
document's first title, the post it names."""
DUTIES_OF = re.compile(r"^([^?？:：,，。;；\s]{2,16}?)的(?:主要|具体|日常)?职责$")
"""A page's title naming a post's duties with 职责 alone (拼多多仓库管理员的职责): as a document's first title, the post
it names, as 网店店长的工作内容 names one (not a title of the line walk's: the line classifier was fitted without it)."""
TITLE_TAIL = re.compile(r"^(.+?[?？])\s*([^?？]{2,30})$")
"""A question title and a tail that says what the page gives (导购职责有哪些?一文看懂导购岗位要求)."""
_FILE_TOPIC = re.compile(r"^(.{2,16}?)的(?:主要|日常|具体)?(?:工作流程|工作内容|工作职责|职责|工作)$")
"""A file named for a post's work (蔬菜分拣员的工作流程.txt): the post it names, 蔬菜分拣员."""
PAGE_PART = re.compile(r"^(.{2,16}?)的([^，,。；;！!？?:：]{2,8})$")
"""A part heading of a page about a post (一、南康蔬菜分拣员的工作环境): the post's name as the page writes it, the part."""
PART_PROCESS = re.compile(r"(?:工作|作业|操作)(?:流程|步骤|程序)$")
"""A part on a post's work steps (二、蔬菜分拣员的工作流程): its duties when no part before it gave them."""


_SETTING = re.compile(r"^(.{1,10}?(?:里面|里边|里头|当中|之中|里|中|内))的(.{2,12})$")
"""A post asked about in its setting (超市里面的理货员, 商场中的导购员): the setting, the post."""


def post_of_setting(name: str) -> str:
    """The post a question title asks about, less the place it puts the post in (超市里面的理货员都干些什么活 asks
    about 理货员 in a supermarket; the post is 理货员); any other name as it is."""
    m = _SETTING.match(name)
    return m.group(2) if m is not None and is_post_title(m.group(2)) else name


_POST_SAID = re.compile(r"(?:岗位|职位|职务)(?:是|为|叫|叫做|称为)([^，,。；;:：、\s“”\"（）()]{2,12})(?=[。；;，,]|$)")


def post_said(name: str, texts: Sequence[str]) -> str | None:
    """The post a page's prose names for the work a heading names (与此相关的工作岗位是品类经理 for 品类管理岗位职责),
    or None. The heading's name must read as no post's title (品类管理 is work, not a post), the named one as a post's,
    and the two must share their first two characters, so that the prose speaks of the same work."""
    if is_post_title(name):
        return None
    for text in texts:
        st = simplified(text)
        for m in _POST_SAID.finditer(st):
            said = m.group(1)
            if is_post_title(said) and said[:2] == simplified(name)[:2]:
                return text[m.start(1):m.end(1)] if len(st) == len(text) else said
    return None


_WRITTEN_FOR = re.compile(r"(?:编写|撰写|编制|制定)([^\s，,。；;:：、—【】\[\]]{2,12}?)的?(?:岗位说明书|职位说明书|岗位职责)")


def post_written_for(texts: Sequence[str]) -> str | None:
    """The post a note says the document is material for (供编写便利店员工岗位说明书参考), when it reads as a post's
    title; None otherwise."""
    for text in texts:
        st = simplified(text)
        m = _WRITTEN_FOR.search(st)
        if m is not None and is_post_title(m.group(1)):
            return text[m.start(1):m.end(1)] if len(st) == len(text) else m.group(1)
    return None


def post_of_file(stem: str) -> str | None:
    """The post a file's name names by its work (蔬菜分拣员的工作流程 → 蔬菜分拣员), or None."""
    m = _FILE_TOPIC.match(stem.strip())
    return m.group(1).strip() if m is not None and is_post_title(m.group(1).strip()) else None


QUALIFICATIONS_TITLE = re.compile(r"(?:岗位要求|任职要求|任职资格|任职条件)\s*[:：]?$")
"""A title that names a post's requirements only (社区运营岗位要求, 网店运营的任职要求): under the post it names,
its qualifications follow."""
QUESTION_TITLE = re.compile(r"^(.{1,16}?)(?:到底|主要|具体|都|一般)?(?:是(?:做|干)(?:什么|啥)的|是什么意思|是什么(?:职位|岗位|工作)?"
                            r"|是干(?:什么|啥|嘛)的|(?:是|要|需要)?(?:做|干)些?(?:什么|哪些|啥)(?:工作|事情|活儿?)?)\s*[?？]?"
                            r"\s*(?:[（(][^（）()]{1,24}[）)])?$")
"""A page's title asking what a post is or does (导购员是什么意思, 生活配送员是做什么的): the page is about that post."""
ASIDE_DUTIES = re.compile(r"^([^（）()\s，,。；;:：？?]{2,12}?)\s*[（(]([^（）()\s，,。；;:：？?]{2,10}?)的?(?:主要|日常)?"
                          r"(?:工作职责|岗位职责|职责|工作内容)[）)]$")
"""A title naming a post, then in brackets its duties under a shorter name of it (直播间场控(场控的工作职责))."""
ASKS_POST = re.compile(r"是(?:一个|一种)?(?:什么|啥|哪种|哪类)(?:职位|岗位|职务|工种)\s*[?？]?\s*(?:[（(][^（）()]{1,24}[）)])?$")
"""A title asking what post a name is (公司督导是什么职位): the question itself says the name is a post's, whatever its word."""
POST_PART = re.compile(r"^(?:的|需要|需|应|应该|必须|要)")
"""After a post's name, the start of a heading about that post (导购员的主要职责, 导购员需要具备的技能, 导购员的定义)."""
PART_DUTIES = re.compile(r"职责|工作内容|(?:做|干)(?:什么|哪些)|^的?(?:主要|日常|具体)?工作(?:任务)?$|(?:规则|规范|守则|准则)[:：]?$")
"""A heading on a post's duties; so one on the rules it works by (店员的职业道德和职业技能规则:), whatever words come
before its head: what the post must do, not what it must have been (技能 there is no requirements heading)."""
LEAD_NAMES = re.compile(r"^([^，,。；;:：\s]{2,8}?)(?:作为|的主要职责|的职责|的工作职责|主要职责|需要|须|应)")
"""The start of a duties' lead naming the post it is about (促销员作为…, 收银员的主要职责包括:)."""
DUTIES_LEAD = re.compile(r"(?:职责|工作内容|主要工作|工作任务)(?:主要|通常|一般)?(?:包括|包含|如下|有)[:：]$"
                         r"|(?:包括|包含|分为|有)(?:以下|如下)(?:几个|几项|几类|几方面的?)?(?:职责|工作)[:：]?$")
"""A sentence ending in a colon that says the duties follow (…其主要职责包括:, 具体职责包括:): under a post's heading
with no 岗位职责 label, it opens the duties as the label would."""
SUBJECT_PART = re.compile(r"^([^\s，,。；;:：、（）()]{2,6}?)(入职要求|入职条件|日常工作)$")
"""A part of a page on a trade or a place, named by its subject and a label word (便利店入职要求, 便利店日常工作)."""
GROUPS_LEAD = re.compile(r"(?:以下|如下|一些|几个|几项|几方面)[^，,。；;]{0,8}(?:技能|能力|素质|要求|条件|职责|工作)[。.]?$")
"""A sentence that announces what the headings below it give, in general words and nothing of its own (员工需要掌握一些
特定的技能。): at the first of those headings, the lead of their list."""
BARE_PART = re.compile(r"^(?:岗位|职位)?(?:工作)?(?:职责|内容|要求|技能|任职)")
"""After a post's name with no 的, the start of a heading about that post's work or requirements (理货员工作内容一览表):
a part of its page when the heading sums up (a heading on questions about it, 社群运营岗位职责相关常见问答, is none)."""
PART_SUMMARY = re.compile(r"(?:一览表?|汇总表?|总览|概览|小结|总结)$")
"""A part heading that says it sums up (理货员工作内容一览表): after the duties were given, it restates them."""
PART_REQUIREMENTS = re.compile(r"技能|要求|能力|素质|条件|资格")
"""A part heading on what the post must have (导购员需要具备的技能): its qualifications follow."""
NO_POST = re.compile(r"^(?:基本|主要|其他|其它|具体|相关|一般|通用|综合|岗位|职位|工作)")
"""The start of a title's first part that names no post (基本任职要求, 其他岗位要求)."""
GENERIC = re.compile(r"^(?:.{0,30}(?:公司|集团|有限公司))?\s*(?:岗位说明书|职位说明书|岗位职责说明书|职务说明书|工作说明书|岗位职责表|"
                     r"职责说明书|岗位说明书汇编|目录|附件.{0,8}|岗位职责|工作职责)\s*$")
"""A title naming a kind of document and no post (岗位说明书, XX公司岗位职责): the file's own title."""


DEPARTMENT_NAME = re.compile(r"^[^，。；,;]{1,16}?(?:部|中心|处|科|室|课|部门|事业部|门店|分公司)$")
"""A name ending in a department's word (营运部, 物流中心, 防损课). Named so, not DEPARTMENT, which is the label kind."""


def defines(name: str, text: str) -> bool:
    """Whether a paragraph opens by saying what the post is (理货员是…岗位, 采购员是指…): the post's name, then 是."""
    st, nm = simplified(text), simplified(name)
    return st.startswith(nm) and bool(re.match(r"是(?!否)", st[len(nm):]))


def clean_title(text: str) -> str:
    """A title less its number, Markdown emphasis and closing colon: what the walk and the title readers compare."""
    t = strip_number(text)[0]
    t = re.sub(r"[*_#]+", "", t).strip()
    return t.strip("：: ")


_ALTERNATES = re.compile(r"\s+[/／]\s+")


def post_of_alternates(name: str) -> str:
    """A labelled post name that gives the post's title, a spaced slash, then another title it goes by (运营主管 /
    数字运营经理): the post is the first. A slash with no space (店长/店员) joins the titles of one post, kept whole."""
    parts = _ALTERNATES.split(name)
    if len(parts) == 2 and all(is_post_title(x) for x in parts):
        return parts[0].strip()
    return name


_TITLE_PARTS = re.compile(r"\s*[·・•|｜/／—–]+\s*|\s+-\s+|\s+")


def is_department(text: str) -> bool:
    """A name that reads as a department's (采购部), not a post's (采购部岗位)."""
    st = simplified(text.strip())
    return bool(DEPARTMENT_NAME.match(st)) and "岗位" not in st and "职位" not in st


ORG = re.compile(r"公司|集团|百货|超市|商场|商贸|商城|卖场|门店|专卖店|分店|^[A-Za-z]+$")
"""A company or a store (金沙百货, XX公司, 门店): a title naming one names no department."""


def is_title_department(text: str) -> bool:
    """A part of a title that names a department (营运部, 物流中心): not a company's or a store's name."""
    st = simplified(text.strip())
    return is_department(st) and not ORG.search(st)


_NAMED_COMPANY = re.compile(r"^([^，,。；;：:、\s]{2,8}?)作为[^，,。；;]{0,30}?(?:平台|公司|企业|品牌|集团|商城|网站|连锁)(?:之一)?[，,]")
"""A page's sentence saying a name is a company (拼多多作为中国领先的电子商务平台之一,…): the company it names."""


def companies_said(texts: Iterable[str | None]) -> set[str]:
    """The names a page itself calls a company, a platform or a brand (:data:`_NAMED_COMPANY`)."""
    return {m.group(1) for t in texts if t for m in [_NAMED_COMPANY.match(simplified(t))] if m is not None}


def post_of_company(name: str, companies: set[str]) -> str:
    """A post's name less a company the page says it is before it (拼多多仓库管理员, the page saying 拼多多作为…平台之一:
    仓库管理员), as a title's company before its post is no part of the post (:func:`post_in_title`); the name as it is
    when what is left does not read as a post title."""
    st = simplified(name)
    for c in companies:
        rest = name[len(c):].lstrip("的·・-— ")
        if st.startswith(c) and len(rest) >= 2 and is_post_title(rest):
            return rest
    return name


def post_in_title(name: str) -> str:
    """The post a title names without the company or store before it: 金沙百货-门店 导购 → 导购,
    某某商贸有限公司导购 → 导购; the name itself when a part before it names a department."""
    m = re.match(r"^.{1,30}?(?:股份有限公司|有限责任公司|有限公司|公司|集团)\s*[-—–·・|｜/／]*\s*(?=\S)", name)
    if m is not None and len(name) - m.end() >= 2:
        name = name[m.end():]
    parts = [t for t in _TITLE_PARTS.split(name.strip()) if t]
    if len(parts) >= 2 and all(ORG.search(simplified(t)) for t in parts[:-1]) and len(parts[-1]) >= 2:
        return parts[-1]
    return name


def department_and_post(text: str) -> tuple[str, str] | None:
    """A title naming a department and a post (收货部 · 收货主管, 营运部 店长): (收货部, 收货主管); else None."""
    parts = [t for t in _TITLE_PARTS.split(text.strip()) if t]
    if len(parts) != 2 or not is_title_department(parts[0]) or is_department(parts[1]) or len(parts[1]) > 16:
        return None
    if kind_of(parts[1]) is not None or re.search(r"[，,。；;：:！!？?]", parts[1]):
        return None
    return parts[0], parts[1]


def department_in_title(title: str, name: str) -> str | None:
    """The department a document's title names beside the post a label names: 收货部 · 收货主管 or
    收货部收货主管岗位说明书 with 收货主管 → 收货部; None when it names none."""
    t = clean_title(title)
    m = TITLE.match(simplified(t))
    if m is not None:
        t = t[:m.end(1)]
    split = department_and_post(t)
    if split is not None:
        return split[0]
    if name and name in t:
        rest = _TITLE_PARTS.sub("", t.replace(name, "", 1)).strip()
        if rest and is_title_department(rest):
            return rest
    return None


def is_post_title(text: str) -> bool:
    """A short line that reads as a post's title (楼层管理员, 店长/经理): no sentence, no label, a post word at its end."""
    t = text.strip()
    return (0 < len(t) <= 16 and not re.search(r"[，,。；;：:！!？?\s|｜]", t) and label_of(t, marked=True) is None
            and bool(POST_TITLE.search(simplified(t))))


SECTION_WORDS = re.compile(r"(?:概览|概述|分类|简介|介绍|总则|前言|目录|附录|详解|总结|小结|结语|引言|类岗位"
                           r"|问答|常见问题|问题解答|答疑|FAQ|Q&A)$", re.I)
"""A heading that names a part of the document (概述, 目录, 常见问题, 店长类岗位) rather than a post."""


PAGE_OWN = re.compile(r"(?:引言|前言|导语|导读|概述|简介|总结|小结|结语|结论)$")
"""A part of a web page that introduces or sums up what it lists (## 引言, 一、工作职责概述, ## 总结): among the headings
of a post's duties, none of them (分类, 介绍 may name a group of duties: 商品陈列与分类)."""
ORG_CHART = re.compile(r"(?:组织架构|组织结构|组织机构|机构设置|部门设置|部门架构)$")
"""A heading on how the department is organised (二、组织架构): in a handbook, the document's own part, naming no post;
inside one post's form (岗位名称：… then 二、部门组织架构), a part of that post's document."""
POSTS_AT_LARGE = re.compile(r"(?:各|每个|所有|全部|各类|常见)(?:职位|岗位|职务|工种)")
"""A heading about the posts at large (二、各职位的工作特点, 所有岗位通用要求): the document's own, naming no post."""
BRACKET_TITLE = re.compile(r"^【([^】]{2,30})】")
"""A title in black lenticular brackets (【店长岗位职责】), as a pasted page sets off its headings."""


POST_TITLE = re.compile(r"(?:经理|主管|店长|总监|专员|助理|组长|主任|领班|顾问|代表|文员|客服|美工|会计|出纳|司机|保安|厨师|"
                        r"实习生|培训生|管培生|学徒|"  # the intern, trainee and apprentice posts a retailer hires for
                        r"员|师|长|监|工|手|(?<![轮上在定下到离转换顶])岗)$")  # and 业务员岗, 商场账务岗
"""A post word at the end of a name (经理, 店长, …员, …师): what makes a short line read as a post's title."""
