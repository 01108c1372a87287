"""The posts of a job board's listing: numbered post names, each over its fields and its list.

A recruiting page copied into Notepad lists its openings as

    3、天猫店长（急招）
    学历要求：大专以上
    招聘对象：一年以上工作经验
    任职要求：
    1、负责…

a number, the post's name with perhaps an aside on the opening (急招, 2人), then the board's fields and the label of
the post's duties or requirements. The name need not end in a post word (京东运营): what makes it a post is where it
stands, over the fields and list every opening of the page has. Read line by line, the numbered name is one more item
of the list above it. One such opening is no listing (a numbered line over a label may title anything): the shape
must recur.

Such a board often lists all an opening asks under 任职要求 alone, the work among the requirements (1、负责公司在天猫旗舰店的
整体规划…). Where a post states no duty at all, an item that opens with the verb of a task (负责, 制定, 优化, 登记 …, and not
负责任, a trait) states work, not what the person must be or have: it is a duty. An item that opens with what the person
must have and goes on with work (1年以上…经验，负责…) stays a requirement: no rule can cut it without rewriting the
source. Apart from parse.py's walk, as runs.py is: this reads only the lines' texts and heading levels;
``is_field`` and ``is_list_label`` are parse's own readings of a label line, handed in so that the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["MIN_OPENINGS", "advert_posts", "states_work"]

_OPENING = re.compile(r"^\s*\d{1,3}\s*[、.．]\s*([^\s，,。；;：:！!？?、（）()《》“”]{2,12})\s*(?:[（(][^（）()，,。；;]{1,8}[）)])?\s*$")
"""3、天猫店长（急招）, 7、京东运营: a number, a name with no sentence, perhaps an aside on the opening."""
MIN_OPENINGS = 2
"""Openings a page must show before its numbered names over fields are read as posts."""
MAX_FIELDS = 4
"""Field lines (学历要求：…, 招聘对象：…) an opening may have between its name and its list's label."""


def advert_posts(texts: Sequence[str | None], headings: Sequence[int], is_field: Callable[[str], bool],
                 is_list_label: Callable[[str], bool]) -> dict[int, str]:
    """Index of each opening's name line → the post's name, when :data:`MIN_OPENINGS` or more unheaded numbered names
    each stand over at most :data:`MAX_FIELDS` field lines and then a line labelling the post's duties or
    requirements (任职要求：, 岗位职责：). The name itself must be no label."""
    shown = [j for j, t in enumerate(texts) if t]
    found: dict[int, str] = {}
    for n, j in enumerate(shown):
        text = (texts[j] or "").strip()
        m = _OPENING.match(text)
        if m is None or headings[j] or is_field(m.group(1)) or is_list_label(m.group(1)):
            continue
        after = [(texts[x] or "").strip() for x in shown[n + 1:n + 2 + MAX_FIELDS]]
        k = 0
        while k < len(after) and not is_list_label(after[k]) and is_field(after[k]):
            k += 1
        if k < len(after) and is_list_label(after[k]):
            found[j] = m.group(1)
    return found if len(found) >= MIN_OPENINGS else {}


_WORK = re.compile(r"^(?:负责(?!任)|制定|制订|组织|协助|完成|执行|优化|登记|报名|分析|跟踪|追踪|策划|监督|开展|参与|配合|做好|落实"
                   r"|处理|整理|收集|编制|撰写|维护|对接|统计|审核|核对|安排)")
_TRAIT = re.compile(r"能力|经验|精神|意识|素质|知识|学历|以上|优先|熟悉|熟练|具备|具有")


def states_work(text: str) -> bool:
    """An item that opens with the verb of a task (负责…, 报名各平台相关活动等。), its first clause naming no ability,
    experience or schooling (分析能力强 is a trait): a duty, whatever label it stands under."""
    t = text.strip()
    first = re.split(r"[，,；;。：:]", t, maxsplit=1)[0]
    return _WORK.match(t) is not None and _TRAIT.search(first) is None
