"""A name the page's own prose calls a post: a web article on what some work is about names it by a word that may carry
no post word (仓管, 场控), and its lead says what the word is:

    # 仓管主要做些什么
    …很多人对“仓管”这一职位了解不深,…

    直播间场控(场控的工作职责)
    …直播间场控作为一个重要职位,…

A reader takes the title's name as the post the page is about because the page says it is one, not because of how the
name ends. Only the words for a post count (职位, 岗位, 职务, 工种): a 角色 or an 环节 may be anything. Apart from
parse.py's walk: it reads the page's prose as a whole, before the title is decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from retailkg.text.normalise import to_simplified

__all__ = ["called_post"]

_BEFORE = r"(?:^|(?<=[，,。；;：:、“\"「『（(\s])|(?<=而))"
"""Where a name starts in a sentence: not inside a longer word (场控 in 直播间场控 is the longer name's)."""
_QUOTE_OPEN = r"[“\"「『]?"
_QUOTE_CLOSE = r"[”\"」』]?"
_POST_WORD = r"(?:职位|岗位|职务|工种)"
_CALLS = (r"(?:这一|这个|这种|此)" + _POST_WORD,  # “仓管”这一职位
          r"(?:作为|是)(?:一个|一种|一项|一名|一类)?[^，,。；;：:！!？?]{0,12}?" + _POST_WORD)  # 直播间场控作为一个重要职位


def called_post(name: str, texts: Iterable[str | None]) -> bool:
    """Whether a sentence of ``texts`` calls ``name`` a post (“仓管”这一职位, 直播间场控作为一个重要职位, 理货员是…岗位)."""
    st = to_simplified(name.strip())
    if len(st) < 2:
        return False
    pattern = re.compile(_BEFORE + _QUOTE_OPEN + re.escape(st) + _QUOTE_CLOSE + "(?:" + "|".join(_CALLS) + ")")
    return any(pattern.search(to_simplified(t)) is not None for t in texts if t)
