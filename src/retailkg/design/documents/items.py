"""List items as a reader joins and groups them: a line that goes on with the item before it (past a blank line or a
page break), a line that names the group of the items under it (一、店铺运营管理 over 1. 负责…; 职责一：销售管理; 必备条件：)
rather than being one, an item led by its topic (人员安排:…), a line that points at the table below, two pieces of one
duty joined, and a headcount's value.

Apart from parse.py's walk: these read one item (and the one after it); the walk keeps the list they belong to.
"""

from __future__ import annotations

import re

from retailkg.design.documents.drafts import Item
from retailkg.design.documents.labels import simplified
from retailkg.design.documents.numbering import CN, GROUP_NAME
from retailkg.design.documents.page_shape import DUTY_START
from retailkg.design.documents.titles import SENTENCE_END

__all__ = ["GROUP_TITLE", "REQUIREMENT_GRADE", "TABLE_LEAD", "TOPIC_ITEM", "continues", "headcount_of", "is_group", "join_text"]

_TERMINAL = SENTENCE_END

_CONTINUES = tuple("，,、；;：:)）」』》”’…—并且而")  # a line starting so goes on with the sentence before it
_OPEN_END = tuple("，,、：:")  # an item ending so goes on in the next line


def continues(prev: str, text: str) -> bool:
    """Whether ``text``, an unnumbered line past a blank line, goes on with the item ``prev``."""
    if not text or prev.endswith(_TERMINAL):
        return False
    return text[0].islower() or text.startswith(_CONTINUES) or prev.endswith(_OPEN_END)


GROUP_TITLE = re.compile(rf"^(?:职责|工作|模块|板块|类别|方面)[{CN}\d]{{1,3}}\s*[:：、.．]\s*[^，,。；;！!？?]{{1,20}}$")
"""A line naming the group of the duties below it by its own word and number (职责一：销售管理): no duty."""
REQUIREMENT_GRADE = re.compile(r"^(?:必备|必要|基本|硬性|优先|加分|附加|其他|其它)(?:条件|要求|资格|项)\s*[:：]$")
"""A line naming how binding the requirements under it are (必备条件：, then 优先条件： after its items): a group of the
requirements, as a topic is (经验要求:), never one of them nor the tail of the one before it."""
TOPIC_ITEM = re.compile(r"^[^，,。；;：:！!？?\s]{2,10}[:：]\s*[^\s:：]")
"""An item led by its topic and a colon (人员安排:根据门店客流高峰…)."""
TABLE_LEAD = re.compile(r"(?:见|如|详见|参见)下表|下表所示")
"""A line pointing at the table below it (具体内容见下表。): it leads into the table, it is no item."""


def is_group(item: Item, following: Item, group_marks: frozenset[str] = frozenset()) -> bool:
    """A line numbered at the top of an outline (一、店铺运营管理), short and no sentence, followed by an
    item numbered another way (1. 负责…): it names the group of the duties below it, it is none. So is
    a short line with no sentence in it numbered one way (1. 团队管理与协调) followed by items numbered
    another (• 负责…), or the same way when it ends in a colon, unless it reads as a duty itself (负责…, 协助…).

    A line followed by one numbered at the outline's top ((二)仓库管理 after 4. 进行…处置) is the last item of its
    group, not a title: the outline goes back up. ``group_marks``: the numbering kinds whose lines have named
    groups in this list; a line so numbered over items numbered another way is one of those titles even when it
    starts like a duty (1. 执行总部政策 among 1. 日常运营维护, 2. 数据与财务管理, each over ①…②…)."""
    if not (following.numbered and GROUP_NAME.match(item.text)):
        return False
    if following.outline and not item.outline:
        return False
    if item.mark and following.mark and following.mark in group_marks and item.mark not in group_marks:
        return False  # 4、欢送顾客… then (5) 事物管理: numbered like the group titles above, the next title; the outline goes back up
    if item.mark and item.mark in group_marks and following.mark and following.mark != item.mark \
            and following.mark not in group_marks and not item.text.endswith(_TERMINAL):
        return True
    if not item.numbered and not item.mark and following.mark and len(item.text) <= 12 and not item.text.endswith(_TERMINAL) \
            and not item.text.endswith(("：", ":")) and not DUTY_START.match(simplified(item.text)):
        return True  # 学历与经验, then 1. … 2. …: a short unnumbered line over numbered items names their group
    if item.outline and not following.outline:
        return True
    if item.text.endswith(("：", ":")) and item.mark == following.mark and not DUTY_START.match(simplified(item.text)):
        return True  # - 数据分析与决策: then - 建立…, one bullet for both (a pasted page flattens its nesting): the title ends in a colon
    return bool(item.mark and following.mark and item.mark != following.mark and not DUTY_START.match(item.text))


def join_text(a: str, b: str) -> str:
    """Two pieces of one duty: no space between Chinese, one between Latin words."""
    a, b = a.rstrip(), b.lstrip()
    if a and b and re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]):
        return f"{a} {b}"
    return a + b


def headcount_of(text: str) -> int | None:
    """A headcount as a form writes it (3, 3人, 2名): a positive whole number, perhaps with its measure word; None
    for anything else (若干, 1-2人), which the walk lists as unplaced rather than guess a number."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*(?:人|名|个|位)?\s*", text)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None
