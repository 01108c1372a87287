"""Duties each under a title line of its own, unnumbered: a web page pasted into Notepad lists its post's work as

    监督与指导
    监督门店执行公司政策与营运标准,对员工进行培训与绩效指导,…。
    问题分析与改进
    汇总巡店发现的问题,提出改善方案并落实,…。

with no number or blank line to tell a title from its duty. A reader sees the alternation: a short line with no
punctuation, then a whole sentence, again and again; the short lines name the duties, they are none. Where the page
typed the first title on its duty's line, set off by a space (运营管理 负责门店日常运营管理,…。), the title is cut off
as its siblings' are. One short line over a sentence is no such list (a duty may be short): the alternation must
recur. Apart from parse.py's walk: it reads a post's finished list of duties, not the lines as they come.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["MIN_PAIRS", "SENTENCE_END", "is_title_line", "untitled"]

SENTENCE_END = tuple("。；;！!？?")
"""What a whole sentence (or a duty item) ends with; parse.py reads items by it too."""
_TITLE = re.compile(r"^[^\s，,。；;：:！!？?、（）()《》“”\"'0-9]{2,10}$")
_SPACED = re.compile(r"^([^\s，,。；;：:！!？?、（）()《》“”\"'0-9]{2,8})[ \u3000]+(?=\S)")
MIN_PAIRS = 2
"""Title-and-sentence pairs a list must show before its short lines are read as titles."""


def is_title_line(text: str) -> bool:
    """A short line with no punctuation and no number: how such a list titles each duty."""
    return _TITLE.match(text.strip()) is not None


def _sentence(text: str) -> bool:
    return text.endswith(SENTENCE_END) and len(text) >= 15


def untitled(texts: Sequence[str], numbered: Sequence[bool]) -> tuple[set[int], dict[int, int]]:
    """The lines of a list of duties that title the duty after them, and the lines that carry their title before a
    space (line → where the duty starts). Both empty unless at least :data:`MIN_PAIRS` unnumbered short lines each
    stand over a sentence."""
    titles = {k for k in range(len(texts) - 1)
              if not numbered[k] and not numbered[k + 1] and _TITLE.match(texts[k].strip()) is not None
              and _TITLE.match(texts[k + 1].strip()) is None and _sentence(texts[k + 1].strip())}
    if len(titles) < MIN_PAIRS:
        return set(), {}
    spaced: dict[int, int] = {}
    for k, text in enumerate(texts):
        if k in titles or (k - 1) in titles or numbered[k]:
            continue
        m = _SPACED.match(text)
        if m is not None and _sentence(text[m.end():].strip()):
            spaced[k] = m.end()
    return titles, spaced
