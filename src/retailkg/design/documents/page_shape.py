"""The page's shape, read ahead of the walk: which lines head a post (sibling headings, post labels, numbered post
titles, a post named inline before its duties, a paragraph opening with its post's name), and which lines title the
duty under them (titled leads and paragraphs, sibling topics). A reader sees these by looking over the whole page
first: one short line over a paragraph titles nothing, the same shape again and again does.

Apart from parse.py's walk: each function reads all the page's blocks (or texts) and returns the lines (or places)
it found; the walk then reads those lines as it comes to them. text.py asks the same post-label questions of a plain
text file's lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retailkg.design.documents.blocks import Block, Line
from retailkg.design.documents.labels import (
    DEPARTMENT,
    DUTIES,
    HEADCOUNT,
    META,
    NAME,
    OTHER,
    REPORTS_TO,
    kind_of,
    label_of,
    simplified,
    split_labels,
)
from retailkg.design.documents.noise import CUT_NOTE
from retailkg.design.documents.numbering import CN_OUTLINE, GROUP_NAME, HEADING_NUMBER, OUTLINE, number_mark, strip_number
from retailkg.design.documents.post_titles import POST_TITLE, clean_title, is_post_title
from retailkg.design.documents.titles import SENTENCE_END
from retailkg.design.model import Where

__all__ = [
    "DUTY_START",
    "fields_line",
    "inline_post",
    "is_post_heading",
    "is_post_label",
    "label_name",
    "named_paragraphs",
    "plain_paragraph",
    "post_items",
    "post_label_run",
    "sibling_headings",
    "sibling_post_labels",
    "sibling_titles",
    "sole_paragraph",
    "titled_leads",
    "titled_paragraphs",
    "titled_post_heading",
    "topic_siblings",
]

_TERMINAL = SENTENCE_END

DUTY_START = re.compile(r"^(?:负责|协助|参与|完成|制定|执行|组织|做好|配合|根据|按照|确保|保证|定期|及时|对|督促|监督|落实|处理|"
                        r"审核|审批|编制|建立|维护|跟进|跟踪|收集|整理|开展|指导)")
"""The verb a duty opens with (负责…, 协助…): a line so opening states work, it names no post or group; the page readers
and the walk's group titles both ask."""


_POST_FIELDS = (NAME, DEPARTMENT, REPORTS_TO, HEADCOUNT, DUTIES)


def titled_post_heading(text: str) -> tuple[str, str] | None:
    """A line numbered as a heading whose body is a post's title, a colon and a tagline, no sentence (1.1 运输调度员:物流网络
    的“神经中枢”), as an article titles each post it presents: (the line with the title alone, the tagline); None for
    any other line. A label (岗位职责:…), a duty's topic and its sentence, or a title and its work (店长:负责…) is not one."""
    raw = text.strip()
    body, numbered = strip_number(raw)
    if not numbered or not HEADING_NUMBER.match(raw):
        return None
    m = re.fullmatch(r"([^:：]{2,16})\s*[:：]\s*([^:：]{2,24})", body)
    if (m is None or re.search(r"[，,。；;！!？?、]", m.group(2)) or DUTY_START.match(m.group(2))
            or not is_post_title(m.group(1))):
        return None  # 1.1 店长:负责门店全面管理 says the post's work: no tagline
    return raw[: len(raw) - len(body)] + m.group(1).strip(), m.group(2).strip()


def is_post_heading(text: str, following: str | None) -> bool:
    """A body line with no heading style that heads a post all the same (a PDF's text layer, a bold
    paragraph): short, no sentence punctuation, not a label, numbered as a heading (一、 第一章) or not
    at all; and followed by a label of the post (岗位职责： 所属部门：…), or numbered and of a post
    title's shape (二、收银员)."""
    raw = text.strip()
    body, numbered = strip_number(raw)
    if not body or len(body) > 16 or re.search(r"[，,。；;：:！!？?、（）()\s]", body) or label_of(raw, marked=False) is not None:
        return False
    if numbered and not HEADING_NUMBER.match(raw):
        return False
    nxt = label_of(following, marked=False) if following else None
    if nxt is not None and nxt[0] in _POST_FIELDS:
        return True
    return numbered and bool(POST_TITLE.search(simplified(body)))


def sibling_titles(texts: Sequence[str | None]) -> set[int]:
    """Lines of one outline level (一、总经理 二、运营店长 三、市场推广 …), each short and followed by items
    numbered 1. 2. …: when most of them read as post titles (经理, 店长, 专员 …) they all head posts,
    the ones that read otherwise (市场推广, 美工/设计) too; when few do they are groups of one post's duties."""
    candidates: list[int] = []
    for k, t in enumerate(texts):
        if not t or not CN_OUTLINE.match(t):
            continue
        body = CN_OUTLINE.sub("", t).strip()
        if not body or len(body) > 16 or re.search(r"[，,。；;：:！!？?]", body) or label_of(t, marked=False) is not None:
            continue
        nxt = next((x for x in texts[k + 1:k + 4] if x), None)
        if nxt is not None and re.match(r"^\d{1,2}\s*[.．、)）]", nxt):
            candidates.append(k)
    if len(candidates) < 2:
        return set()
    titled = sum(1 for k in candidates
                 if any(POST_TITLE.search(simplified(part)) for part in re.split(r"[/／、]", CN_OUTLINE.sub("", texts[k] or ""))))
    return set(candidates) if titled * 2 >= len(candidates) else set()


def is_post_label(text: str, following: str | None) -> bool:
    """A line that is a post's title and a colon (收银员岗：, **营业员:** in Markdown), followed by text: it names the
    post whose duties follow, as a label names its value."""
    t = text.strip()
    body = t[:-1].rstrip()
    return bool(following) and t.endswith(("：", ":")) and is_post_title(body) and not DUTY_START.match(body)


def label_name(text: str) -> str | None:
    """The name of a line that is a name and a colon only (仓库所有者:), short and no sentence, no label word and no
    duty's opening: what may be a post's label line (see :func:`post_label_run`); None for any other line."""
    t = text.strip()
    if not t.endswith(("：", ":")) or strip_number(t)[1]:
        return None
    body = t[:-1].strip()
    if (not 2 <= len(body) <= 16 or re.search(r"[，,。；;：:！!？?、\s|｜（）()]", body) or kind_of(body) is not None
            or label_of(body, marked=True) is not None or DUTY_START.match(simplified(body))):
        return None
    return body


def post_label_run(names: Sequence[str]) -> bool:
    """Whether the names of one run of label lines alike, each over its own paragraph (仓库管理员:, 仓库主管:, 仓库经理:,
    仓库所有者:), all name posts: two or more, each once, most read as post titles (员, 主管, 经理), so the others beside
    them (仓库所有者) are posts too; as items led alike are alike."""
    return (len(names) >= 2 and len(set(names)) == len(names)
            and sum(is_post_title(n) for n in names) * 2 >= len(names))


def plain_paragraph(block: Block, text: str | None) -> bool:
    """Whether a block is a paragraph of sentences and nothing else: no heading, rule, list number or label, ending as a
    sentence ends; what follows a name in a run of names each over its own paragraph."""
    t = text or ""
    return (isinstance(block, Line) and not block.heading and not block.rule and not block.numbered
            and not strip_number(t)[1] and t.endswith(_TERMINAL) and label_of(t, marked=False) is None)


def sibling_post_labels(blocks: Sequence[Block], texts: Sequence[str | None]) -> set[int]:
    """Runs of label lines (name and colon, see :func:`label_name`), or of headings of one level that are a name only,
    each followed by one paragraph of sentences and then the next of the run, as a page listing posts one paragraph
    each writes them: the indexes of the label lines (headings) of the runs whose names name posts
    (:func:`post_label_run`)."""
    shown = [j for j, t in enumerate(texts) if t or getattr(blocks[j], "rule", False)]

    def label(j: int) -> str | None:
        b = blocks[j]
        if isinstance(b, Line) and b.heading and not b.rule:
            return label_name(f"{clean_title(texts[j] or '')}:")  # ## 仓库所有者, as 仓库所有者: on a line of its own
        return label_name(texts[j] or "") if isinstance(b, Line) and not b.heading and not b.numbered else None

    def level(j: int) -> int:
        b = blocks[j]
        return b.heading if isinstance(b, Line) else -1

    def paragraph(j: int) -> bool:
        return plain_paragraph(blocks[j], texts[j])

    found: set[int] = set()
    n = 0
    while n < len(shown) - 1:
        run: list[int] = []
        m = n
        while (m < len(shown) - 1 and label(shown[m]) is not None and paragraph(shown[m + 1])
               and level(shown[m]) == level(shown[n])):
            run.append(shown[m])
            m += 2
        if post_label_run([label(j) or "" for j in run]):
            found.update(run)
            n = m
        else:
            n += 1
    return found


def sibling_headings(blocks: Sequence[Block], texts: Sequence[str | None]) -> set[Where]:
    """Runs of headings of one level, each a name only over one paragraph of sentences, whose names mostly do not read as
    post titles (监控和巡逻, 应对突发事件, 协助顾客和员工, 制定安全措施): where each heading is. Under a post's duties they
    title its duties, all of them, also the one ending in a post word (员工, the object of 协助); as names led alike
    are alike, the other way round from :func:`post_label_run`."""
    shown = [j for j, t in enumerate(texts) if t or getattr(blocks[j], "rule", False)]

    def heading(j: int) -> str | None:
        b = blocks[j]
        if not isinstance(b, Line) or not b.heading or b.rule:
            return None
        name = clean_title(texts[j] or "")
        return name if 2 <= len(name) <= 16 and not re.search(r"[，,。；;：:！!？?、\s]", name) else None

    def paragraph(j: int) -> bool:
        return plain_paragraph(blocks[j], texts[j])

    found: set[Where] = set()
    n = 0
    while n < len(shown) - 1:
        run: list[int] = []
        m = n
        while (m < len(shown) - 1 and heading(shown[m]) is not None and paragraph(shown[m + 1])
               and blocks[shown[m]].heading == blocks[shown[n]].heading):  # type: ignore[union-attr]
            run.append(shown[m])
            m += 2
        names = [heading(j) or "" for j in run]
        if len(run) >= 2 and not post_label_run(names):
            found.update(blocks[j].where for j in run)
            n = m
        else:
            n += 1
    return found


def fields_line(text: str) -> bool:
    """A line of a post's fields only (所属部门:总经办　　直接上级:董事会, or 直接上级:店长): no section, no sentence."""
    pairs = split_labels(text)
    if pairs is not None:
        return all(kind in (NAME, DEPARTMENT, REPORTS_TO, HEADCOUNT, META) for kind, _, _ in pairs)
    lab = label_of(text, marked=False)
    return lab is not None and lab[0] in (DEPARTMENT, REPORTS_TO, HEADCOUNT) and bool(lab[2])


def sole_paragraph(blocks: Sequence[Block], texts: Sequence[str | None], k: int) -> int | None:
    """Under the heading at ``k``, perhaps after a line of the post's fields (所属部门:… 直接上级:…), one unnumbered,
    unlabelled sentence and then the next heading, a thematic break, a post's label line or the end: a web page's or a
    handbook's post heading over the one paragraph that says the post's work. The paragraph's index, or None."""
    after = [j for j in range(k + 1, len(blocks)) if (texts[j] != "" or getattr(blocks[j], "rule", False))
             and not (texts[j] and CUT_NOTE.match(simplified(texts[j] or "")))][:4]  # (以下原稿缺): a note, not a line
    if after and texts[after[0]] and isinstance(blocks[after[0]], Line) and fields_line(texts[after[0]] or ""):
        after = after[1:]
    else:
        after = after[:3]
    if not after or texts[after[0]] is None:
        return None
    first = blocks[after[0]]
    text = texts[after[0]] or ""
    if (not isinstance(first, Line) or first.heading or first.rule or strip_number(text)[1] or first.numbered
            or not text.endswith(_TERMINAL) or label_of(text, marked=False) is not None):
        return None
    if len(after) < 2:
        return after[0]
    nxt = blocks[after[1]]
    if not isinstance(nxt, Line):
        return None
    following = texts[after[2]] if len(after) > 2 else None
    return after[0] if nxt.heading or nxt.rule or is_post_label(nxt.text, following) else None


_INLINE_POST = re.compile(r"^([^，,。；;：:！!？?\s]{2,16})\s*[:：]\s*(\S.*)$")
_SENTENCE = re.compile(r"(?<=[。！!？?])")


def inline_post(text: str) -> tuple[str, list[str]] | None:
    """A line that is a post's title, a colon and two or more sentences run together (值班经理:主要处理当班事务…。负责…。),
    as a web page comparing posts writes them: the post and its sentences; None otherwise."""
    m = _INLINE_POST.match(text.strip())
    if m is None or not is_post_title(m.group(1)) or DUTY_START.match(m.group(1)) or strip_number(text)[1]:
        return None
    sentences = [t for t in (x.strip() for x in _SENTENCE.split(m.group(2))) if t]
    if len(sentences) < 2 or not all(t.endswith(_TERMINAL) for t in sentences):
        return None
    return m.group(1), sentences


_NAMED_PARAGRAPH = re.compile(r"^([^，,。；;：:！!？?、（）()\s]{2,10})\s*[。.]\s*(\1\S.*)$")


def named_paragraphs(texts: Sequence[str | None]) -> dict[int, tuple[str, str]]:
    """Paragraphs that open with a name set off by a full stop, the sentence after it starting with that name again
    (淘宝运营。淘宝运营几乎掌握着…。), as a page listing a shop's roles one paragraph each writes them: index → (the name,
    the paragraph after it). They name posts when most of them read as post titles (淘宝美工, 淘宝客服), so 淘宝运营 and
    淘宝文案 beside them too; a single one only when it reads as a post title itself."""
    found: dict[int, tuple[str, str]] = {}
    for k, t in enumerate(texts):
        m = _NAMED_PARAGRAPH.match(t or "")
        if m is None or not m.group(2).endswith(_TERMINAL) or strip_number(m.group(1))[1] or kind_of(m.group(1)) is not None \
                or DUTY_START.match(simplified(m.group(1))):
            continue
        found[k] = (m.group(1), m.group(2).strip())
    titled = sum(1 for name, _ in found.values() if is_post_title(name))
    if not found or titled * 2 < len(found) or (len(found) == 1 and not titled):
        return {}
    return found


_POST_ITEM = re.compile(r"^([^，,。；;：:！!？?、\s]{2,12})\s*[:：]\s*(\S.*)$")


def post_items(blocks: Sequence[Block], texts: Sequence[str | None]) -> dict[int, tuple[str, str]]:
    """Items of one numbered list each naming a post, a colon, then what the post does (1. 药师:负责处方审核…。
    2. 收银员:负责收银…。), as a policy or a page dividing the work among posts writes them: index → (the post, the
    sentence). Only when every item of the run, two or more, is so led by a post's title (a topic such as 现金管理:
    or 绩效考核: leads a post's own duties), and the list stands outside any post's duties (see parse_blocks). So also
    for unnumbered lines of one sentence each (仓库管理员:负责…。 仓库经理:负责…。), a page's list of its posts, when most
    of their names are post titles (:func:`post_label_run`): the others beside them (仓库所有者:) name posts too."""
    found: dict[int, tuple[str, str]] = {}
    run: list[tuple[int, str, str]] = []
    mark = ""

    def flush() -> None:
        names = [name for _, name, _ in run]
        if len(run) >= 2 and len(set(names)) == len(names) and (
                all(is_post_title(n) for n in names) if mark != "plain" else post_label_run(names)):
            found.update({k: (name, said) for k, name, said in run})
        run.clear()

    for k, t in enumerate(texts):
        if t is None or t == "":
            continue
        b = blocks[k]
        body, typed = strip_number(t)
        # unnumbered, one sentence (a name and two or more sentences is inline_post's)
        plain = isinstance(b, Line) and not b.heading and not (typed or b.numbered) and inline_post(t) is None
        m = _POST_ITEM.match(body) if isinstance(b, Line) and not b.heading and (typed or b.numbered or plain) else None
        ok = (m is not None and label_name(f"{m.group(1)}:") is not None and kind_of(m.group(1)) is None
              and m.group(2).strip().endswith(_TERMINAL) and (plain or is_post_title(m.group(1))))
        this = number_mark(t) if typed else "word" if not plain else "plain"
        if not ok or (run and this != mark):
            flush()
        if ok and m is not None:
            mark = this
            run.append((k, m.group(1), m.group(2).strip()))
        elif run:
            flush()
    flush()
    return found


def titled_leads(blocks: Sequence[Block], texts: Sequence[str | None]) -> dict[int, int]:
    """Sentences ending in a colon (超市采购经理的首要职责是制定商品采购策略。这包括:) between a numbered title line, short
    and no sentence (1. 商品采购策略制定), and items numbered another way (Word's bullets, ①, （1）): the title names the
    group and the sentence leads into its items; neither is one of them. Index of the lead → index of its title."""
    def numbered(j: int) -> bool:
        b = blocks[j]
        return isinstance(b, Line) and (b.numbered or strip_number(texts[j] or "")[1])

    def mark(j: int) -> str:
        b = blocks[j]
        return "word" if isinstance(b, Line) and b.numbered and not strip_number(texts[j] or "")[1] else number_mark(texts[j] or "")

    found: dict[int, int] = {}
    shown = [j for j, t in enumerate(texts) if t]
    for n, k in enumerate(shown[1:-1], 1):
        t, title, nxt = texts[k] or "", shown[n - 1], shown[n + 1]
        b = blocks[k]
        if not isinstance(b, Line) or b.heading or numbered(k) or not t.endswith(("：", ":")) or len(t) <= 12:
            continue
        body, typed = strip_number(texts[title] or "")
        if not (typed and numbered(nxt)) or mark(nxt) == mark(title) or len(body) > 12 or not GROUP_NAME.match(body) \
                or body.endswith(("：", ":")) or DUTY_START.match(simplified(body)):
            continue
        found[k] = title
    return found


def titled_paragraphs(blocks: Sequence[Block], texts: Sequence[str | None]) -> tuple[set[int], set[int], set[int]]:
    """Numbered title lines, short and no sentence (1. 直播内容管理, 2. 直播推广), each followed by one paragraph of
    sentences, two or more numbered alike: the paragraphs are the items and the titles name them, as a page that titles
    each duty writes it. Also the paragraph right before the first title, which stands under no title: the list's lead
    (a page's advertisement, an introduction), none of its items. A title may hold several paragraphs, each an item, when
    every title before the last holds as many (1. 仓库管理 over two paragraphs, 2. 订单处理 over two, …), blank lines
    between them or not. (indexes of the titles, of the leads, of the paragraphs after the first under a title)"""
    shown = [j for j, t in enumerate(texts) if t]

    def title(j: int) -> str | None:
        b, t = blocks[j], texts[j] or ""
        body, typed = strip_number(t)
        if not isinstance(b, Line) or b.heading or not (typed or b.numbered) or not 2 <= len(body) <= 16:
            return None
        if not GROUP_NAME.match(body) or body.endswith(("：", ":")) or label_of(body, marked=False) is not None:
            return None
        return number_mark(t) if typed else "word"

    def paragraph(j: int, under: str) -> bool:
        b, t = blocks[j], texts[j] or ""
        return (isinstance(b, Line) and not b.heading and not b.numbered and not strip_number(t)[1] and t.endswith(_TERMINAL)
                and len(t) >= max(15, 2 * len(under)))

    titles: set[int] = set()
    leads: set[int] = set()
    more: set[int] = set()
    n = 0
    while n < len(shown) - 1:
        run: list[int] = []
        under: list[list[int]] = []
        mark = title(shown[n])
        m = n
        while m < len(shown) - 1 and mark is not None and title(shown[m]) == mark and paragraph(shown[m + 1], texts[shown[m]] or ""):
            run.append(shown[m])
            said = [shown[m + 1]]
            m += 2
            while m < len(shown) and title(shown[m]) is None and paragraph(shown[m], ""):
                said.append(shown[m])
                m += 1
            under.append(said)
        if len(run) >= 2:
            titles.update(run)
            # siblings are alike: the last title holds no more paragraphs than the titles before it held (what follows
            # the list, a closing paragraph, is none of its items)
            most = max(len(u) for u in under[:-1])
            last = under[-1]
            if len(last) > most:
                m -= len(last) - most
                under[-1] = last[:most]
            if max(len(u) for u in under) > 1 and all(len(u) == len(under[0]) for u in under[:-1]):
                more.update(j for u in under for j in u[1:])
            before = n - 1
            if before >= 0 and paragraph(shown[before], "") and title(shown[before]) is None:
                leads.add(shown[before])
            n = m
        else:
            n += 1
    return titles, leads, more


def topic_siblings(blocks: Sequence[Block]) -> set[Where]:
    """The outline lines (一、 二、 …) that name a part by a label word among siblings that name theirs by none: 一、工作时间:
    before 二、形象: 三、纪律: 四、销售:. Numbered alike, short and alike in form, the lines are one list's group titles;
    the one whose topic happens to be a label word (工作时间, of a part that holds no duty) is one of them, not that
    part. A list of labels (一、岗位概述 二、岗位职责 三、工作时间) has no such line: its siblings are labels too."""
    heads: list[tuple[Where, tuple[str, str, str] | None]] = []
    for b in blocks:
        if not isinstance(b, Line) or number_mark(b.text) != "cn" or not OUTLINE.match(b.text):
            continue
        body, numbered = strip_number(b.text.strip())
        body = body.rstrip("：: ")
        if not numbered or not 2 <= len(body) <= 8 or re.search(r"[，,。；;！!？?、（）()\s]", body):
            continue
        heads.append((b.where, label_of(body, marked=False)))
    labelled = [(w, lab) for w, lab in heads if lab is not None]
    if len(labelled) != 1 or len(heads) - len(labelled) < 2:
        return set()  # no label among them, or more than one (一、岗位职责 二、工作时间: is a list of labels)
    [(where, (kind, _, value))] = labelled
    return {where} if kind in (OTHER, META) and not value else set()
