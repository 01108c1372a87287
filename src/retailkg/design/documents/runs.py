"""Runs of lines alike that tell what a document's lines are before the walk reads them one by one.

Two shapes a reader sees at a glance and a line-by-line walk does not:

- **Group lines over post headings.** A handbook groups its posts under numbered lines of their own
  ((一)电商运营组, (二)客服组 …), each right over a post's heading. Read one at a time, (二)客服组 follows the last
  paragraph of the post before it and reads as one more of its duties. Two or more such lines, numbered alike in
  an outline's style and each right over a heading, name the groups of the posts below them: none is a duty.
- **A post's name over the sentence saying what it does.** A web page pasted into Notepad lists the posts a shop
  needs, each name on a line of its own, then the sentence of its work (负责接待顾客、收银…。), then perhaps one
  more line (what the post needs, or how many are needed). Three or more names over such a sentence make the
  list; a name must read as a post's (a post word at its end) and the sentence must open with 负责. What follows
  a sentence up to the next name is no duty: a line on what the post needs is its requirement, the rest a note.

Apart from parse.py's walk, as titles.py is: these read only the lines' texts and heading levels. ``is_post`` is
parse's own reading of a post's title, handed in so that the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = ["NamedPost", "group_lines", "named_posts"]

_CN = "一二三四五六七八九十"
_GROUP_MARK = re.compile(rf"^\s*(?:[（(]\s*([{_CN}]{{1,3}})\s*[）)]|([{_CN}]{{1,3}})\s*[、.．]|第([{_CN}\d]{{1,3}})(?:组|类|部分))\s*")
_END = tuple("。；;！!？?：:，,")
MIN_GROUPS = 2
"""Group lines a handbook must show before its numbered lines over headings are read as groups."""


def _number(word: str) -> int:
    """一 … 九十九 or digits as a number; 0 when the word is neither."""
    if word.isdigit():
        return int(word)
    digits = {c: n for n, c in enumerate(_CN, 1)}
    if not word or any(c not in digits for c in word):
        return 0
    if word == "十":
        return 10
    tens, _, ones = word.partition("十")
    if "十" not in word:
        return digits[word] if len(word) == 1 else 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _group(text: str) -> tuple[str, int] | None:
    """The style of a group line's number ("paren", "cn", "part") and the number, or None when the line is none."""
    m = _GROUP_MARK.match(text)
    if m is None or m.end() >= len(text) or len(text) - m.end() > 16 or text.endswith(_END):
        return None
    style = "paren" if m.group(1) else "cn" if m.group(2) else "part"
    return style, _number(m.group(1) or m.group(2) or m.group(3))


def group_lines(texts: Sequence[str | None], headings: Sequence[int]) -> set[int]:
    """Indexes of the lines naming groups of the posts below them: numbered in an outline's style, short and no
    sentence, each followed (past blank lines) by a heading, two or more numbered alike and counting up from one
    ((一) (二) (三)), as groups are; the last items of the posts' lists, each right before the next post's heading,
    would not count so ((五) 完成…, then (三) 完成…). ``texts``: each block's text, None for a table, "" for a blank
    line; ``headings``: each block's heading level, 0 for body text."""
    by_style: dict[str, list[tuple[int, int]]] = {}
    for k, t in enumerate(texts):
        if not t or headings[k]:
            continue
        group = _group(t)
        nxt = next((j for j in range(k + 1, len(texts)) if texts[j] != ""), None)
        if group is None or nxt is None or texts[nxt] is None or not headings[nxt]:
            continue
        by_style.setdefault(group[0], []).append((k, group[1]))
    return {k for found in by_style.values()
            if len(found) >= MIN_GROUPS and [n for _, n in found] == list(range(1, len(found) + 1)) for k, _ in found}


_DOES = re.compile(r"^(?:主要)?负责")
_NEEDS = re.compile(r"^(?:需要|需|要求|须|必须|应具备|具备|具有|熟悉|掌握)")
_NAME = re.compile(r"^[^\s，,。；;：:！!？?、（）()《》“”\"']{2,12}$")
MIN_NAMED = 3
"""Name-and-sentence pairs a page must show before its short lines are read as posts."""


@dataclass
class NamedPost:
    """A post named on a line of its own, the line of its work, and what follows up to the next name."""

    name: str
    duty: int  # index of the line saying what the post does
    needs: list[int] = field(default_factory=list)  # lines on what the post needs: its requirements
    notes: list[int] = field(default_factory=list)  # the other lines up to the next name: neither


def named_posts(texts: Sequence[str | None], headings: Sequence[int], is_post: Callable[[str], bool]) -> dict[int, NamedPost]:
    """Index of each name line → its post, when three or more unheaded lines each name a post (every part of a
    name written with a slash, 店长/经理, a post's title) over a line opening with 负责 and ending a sentence."""
    shown = [j for j, t in enumerate(texts) if t]

    def name(j: int) -> bool:
        t = texts[j] or ""
        return not headings[j] and bool(_NAME.match(t)) and all(part and is_post(part) for part in t.split("/"))

    def does(j: int) -> bool:
        t = texts[j] or ""
        return not headings[j] and bool(_DOES.match(t)) and t.endswith(tuple("。；;！!"))

    pairs = [n for n in range(len(shown) - 1) if name(shown[n]) and does(shown[n + 1])]
    if len(pairs) < MIN_NAMED:
        return {}
    found: dict[int, NamedPost] = {}
    for i, n in enumerate(pairs):
        post = NamedPost(texts[shown[n]] or "", shown[n + 1])
        end = pairs[i + 1] if i + 1 < len(pairs) else len(shown)
        for m in range(n + 2, end):
            j = shown[m]
            if texts[j] is None or headings[j] or (j > 0 and texts[j - 1] == "" and i + 1 == len(pairs)):
                break  # a table, a heading or, after the last post, a blank line: the list has ended
            (post.needs if _NEEDS.match(texts[j] or "") else post.notes).append(j)
        found[shown[n]] = post
    return found
