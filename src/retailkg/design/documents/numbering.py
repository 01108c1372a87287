"""How a document numbers its lines: list numbers of every common kind (1. 1、 （1） ① 一、 a) 第一条 • …), the
outline numbers that rank a line above its items (一、 （一） 第一部分 5.1), chapters and appendices, and items typed
inline on one line (①A。②B。) or run on by semicolons.

Apart from parse.py's walk: these read one line's text as written, never the lines around it, so that every reader of a
line (the labels, the post titles, the walk itself) strips and ranks numbers the same way.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "APPENDIX",
    "CHAPTER",
    "CN",
    "CN_OUTLINE",
    "GROUP_NAME",
    "HEADING_NUMBER",
    "OUTLINE",
    "number_mark",
    "outline_depth",
    "outline_kind",
    "run_on",
    "split_inline",
    "strip_number",
]

CN = "一二三四五六七八九十百零〇"
"""The Chinese numerals a list or outline number is written in (一、 （三） 第十二条); the post titles' and the walk's
number patterns are built on it too."""
_NUMBER = re.compile(
    r"^\s*(?:"
    rf"第[{CN}\d]{{1,4}}[条项点章节部分篇][、.．:：\s]?"
    rf"|篇[{CN}]{{1,3}}\s*[、.．:：]"  # 篇一: the first article of a collection a page pastes (店员岗位职责和要求(共8篇))
    rf"|[（(]\s*(?:\d{{1,3}}|[{CN}]{{1,3}}|[a-zA-Z])\s*[）)][、.．]?"
    r"|[①-⑳⑴-⒇⒈-⒛❶-❿➀-➉㈠-㈩]"
    rf"|[{CN}]{{1,3}}\s*[、.．]"
    r"|\d{1,3}(?:[.．]\d{1,3})*\s*[)）]"  # 1) 1）, a digit may follow: 1)25—45岁
    r"|\d{1,3}(?:[.．]\d{1,3})*\s*、(?!\d)"
    # 1、3 年以上经验, 2、25-45岁: a number, then a quantity
    r"|\d{1,2}\s*、(?=\d{1,2}\s*(?:年|个月|岁|小时|天|周)|\d{1,2}\s*[-—~～至到]\s*\d{1,2}\s*(?:年|岁))"
    r"|\d{1,3}(?:[.．]\d{1,3})*[.．](?!\d)"
    r"|\d{1,3}(?:[.．]\d{1,3})+\s"
    r"|\d{1,3}(?:[.．]\d{1,3}){2,}(?=[\u4e00-\u9fff])"  # 5.1.1负责…: an outline number of three levels, no space typed
    # 1.1了解…: of two levels, no space typed, as a pasted page numbers a section's items; not a decimal quantity (1.5倍, 2.5万元)
    r"|\d{1,2}[.．]\d{1,2}(?=[\u4e00-\u9fff])(?![年个岁人名次项万千百亿元天周时小分秒米倍克斤吨寸升级折公平])"
    r"|\d{1,2}\s*[,，](?=\s*[^\d\s,，])"  # 1, 遵守…: a comma typed for the point
    r"|[a-zA-Z]\s*[)）、]"
    r"|[a-zA-Z][.．]\s"
    r"|[•·●○■□◆◇▪►▶✓√★☆▲△◎❖➢➤✔✦▸‣⁃\uf06c\uf06e\uf075\uf076\uf0a7\uf0b7\uf0d8\uf0fc]"  # and Symbol/Wingdings bullets of a PDF
    r"|[-*+]\s"
    r")\s*"
)


def strip_number(text: str) -> tuple[str, bool]:
    """``text`` without its leading numbering (1. 1、 （1） ① 一、 a) 第一条 • …), and whether it had one."""
    m = _NUMBER.match(text)
    if m is None or m.end() == len(text.rstrip()):
        return text.strip(), False
    return text[m.end():].strip(), True


OUTLINE = re.compile(rf"^\s*(?:[{CN}]{{1,3}}\s*[、.．]|[（(]\s*[{CN}]{{1,3}}\s*[）)]|第[{CN}\d]{{1,4}}(?:部分|类|项|节))")
"""A number at the top of an outline (一、 （一） 第一部分): the line may name the group of the items under it, so
the labels and the walk both ask for it."""


def run_on(text: str) -> list[str]:
    """A paragraph of items run on by semicolons, as its items (each keeps its semicolon). A semicolon inside brackets
    parts the aside, not the items: …挂回至仓库(按照…的原则挂置;散户品牌集中归置) is one item."""
    parts, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch in ";；" and depth == 0:
            parts.append(text[start:i + 1])
            start = i + 1
    parts.append(text[start:])
    return [t for t in (p.strip() for p in parts) if t]


_DECIMAL_OUTLINE = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)(?:\s+|(?<=\d)(?=[\u4e00-\u9fff]))(?=[\u4e00-\u9fff])")


def outline_depth(raw: str) -> int:
    """The levels of a decimal outline number as Word's multilevel numbering writes it (6 附则: 1, 5.1 采购总监: 2,
    5.1.1负责…: 3); 0 when the line starts with none. A number followed by a quantity (3 年以上) is none."""
    m = _DECIMAL_OUTLINE.match(raw)
    if m is None or re.match(r"\s*(?:年|个|岁|人|名|次|项|万|千|元|天|周|小时|分钟|%)", raw[m.end():]):
        return 0
    return m.group(1).count(".") + m.group(1).count("．") + 1


def outline_kind(raw: str) -> str:
    """The style of an outline number (一、 （一） 第一部分), so that a sibling can be told from a child; "" if none."""
    t = raw.strip()
    if re.match(rf"^[{CN}]{{1,3}}\s*[、.．]", t):
        return "cn"
    if re.match(rf"^[（(]\s*[{CN}]{{1,3}}\s*[）)]", t):
        return "(cn)"
    if re.match(rf"^第[{CN}\d]{{1,4}}(?:部分|类|项|节)", t):
        return "part"
    return ""


CHAPTER = re.compile(rf"^第[{CN}\d]{{1,4}}[章篇部分](?:[、.．:：]|\s)*")
"""A chapter's number (第二章): the walk reads a chapter heading as the end of the post before it."""
APPENDIX = re.compile(rf"^附(?:录|件|表)?\s*(?:[:：]|[{CN}\d]{{1,3}}(?:[、.．:：]|\s))")
"""An appendix's heading (附件1, 附录：): the walk reads what follows as the document's own, no post's."""


def number_mark(raw: str) -> str:
    """The kind of a line's number: "digit" (1. 1、 1)), "paren" (（1）), "cn" (一、), "circled" (①), "bullet" (• -), ""."""
    t = raw.strip()
    if re.match(r"^\d", t):
        return "digit"
    if re.match(r"^[（(]", t):
        return "paren"
    if re.match(rf"^[{CN}]", t):
        return "cn"
    if t and 0x2460 <= ord(t[0]) <= 0x27BF:
        return "circled"
    if strip_number(t)[1]:
        return "bullet"
    return ""


_CIRCLED = ((0x2460, 0x2473), (0x2474, 0x2487), (0x2488, 0x249B), (0x2776, 0x277F), (0x2780, 0x2789))
_BEFORE = r"(?<=[。；;！!？?，,\s])"  # an inline number follows the end of the item before it
_CN_DIGITS = "一二三四五六七八九十"


def split_inline(text: str) -> list[str]:
    """A line whose items are numbered inline (``①A。②B。``, ``（1）A；（2）B``, ``1. A； 2. B``, ``一、A。二、B``)
    as its items, each with its number; the line itself when it holds one. The line has to start
    with a number and the numbers inside it have to follow on (②③ after ①), so a number that
    is just part of a sentence (附件②, 1.5倍) never splits it."""
    t = text.strip()
    if not t:
        return [text]
    first = ord(t[0])
    nexts: list[str] = []
    for lo, hi in _CIRCLED:
        if lo <= first <= hi:
            nexts = [re.escape(chr(c)) for c in range(first + 1, hi + 1)]
            break
    else:
        m = re.match(r"[（(]\s*(\d{1,2})\s*[）)]", t)
        if m is not None:
            nexts = [_BEFORE + rf"[（(]\s*{n}\s*[）)]" for n in range(int(m.group(1)) + 1, 100)]
        elif (m := re.match(r"(\d{1,2})\s*(?:([.．、])(?!\d)|([)）]))", t)) is not None:
            mark = m.group(2) or m.group(3)
            after = "" if m.group(3) else r"(?!\d)"  # 1)25—45岁：a closing bracket is numbering whatever follows
            nexts = [_BEFORE + rf"{n}\s*{re.escape(mark)}{after}" for n in range(int(m.group(1)) + 1, 100)]
        elif (m := re.match(rf"([{_CN_DIGITS}])、", t)) is not None:
            nexts = [_BEFORE + rf"{c}、" for c in _CN_DIGITS[_CN_DIGITS.index(m.group(1)) + 1:]]
    cuts = []
    pos = 1
    for pattern in nexts:
        found = re.compile(pattern).search(t, pos)
        if found is None:
            break
        cuts.append(found.start())
        pos = found.end()
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(t)]
    return [t[a:b].strip() for a, b in itertools.pairwise(bounds) if t[a:b].strip()]


HEADING_NUMBER = re.compile(rf"^\s*(?:第[{CN}\d]{{1,4}}[章节部分篇][、.．:：\s]?|篇[{CN}]{{1,3}}\s*[、.．:：]|[{CN}]{{1,3}}\s*[、.．]"
                            r"|\d{1,2}(?:[.．]\d{1,2})+\s+(?=[\u4e00-\u9fff]))")  # and 5.3 采购主管, Word's multilevel numbering
"""The number a heading of a post may carry (第一章, 一、, 5.3 采购主管): shared by the post-title readers, which tell a
numbered heading from a numbered duty by it."""
CN_OUTLINE = re.compile(rf"^[{CN}]{{1,3}}\s*[、.．]\s*")
"""A top outline number alone (一、): sibling post titles under one outline are numbered so."""


GROUP_NAME = re.compile(r"^[^，,。；;：:！!？?]{1,20}[：:]?$")
"""A short line with no sentence in it (店铺运营管理, 学历与经验：): over numbered items it may name their group, in a
list or in a table's cell, so the walk and the table readers ask for it."""
