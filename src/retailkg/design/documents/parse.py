"""From the blocks of one document (lines, tables) to its posts, whatever the layout.

The readers of each form (``docx.py``, ``pdf.py``, ``xlsx.py``, ``text.py``) only say what is on the
page and where: body lines (with their heading level, whether Word numbered them, and whether a
PDF line may be the wrap of a longer one) and tables (rows of cells, a merged cell being the same
:class:`Cell` object in every grid position it covers). This module reads them the way a person
does: label cells and label lines in any order and with the usual synonyms (:data:`labels.LABELS`),
duties as numbered lines in one cell or one per row of a 序号 | 职责描述 | 考核标准 | 权重 table,
several posts under headings, numbering of every common kind removed (:func:`numbering.strip_number`), a
line that wraps or runs across a page break joined to the duty it continues, 修订记录 and
sign-off rows ignored, qualifications kept apart from duties. What it cannot place is returned
as :class:`Unplaced` with the reason, never dropped.

This module is the walk: the state of reading one file and the order of its questions. What a single line, title or
table says is each asked of a module that knows that one thing (numbering.py, labels.py, noise.py, post_titles.py,
form_tables.py, page_shape.py, items.py; see docs/architecture.md), so that the walk stays readable as a walk.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from retailkg.design.documents.advert import post_of_ad_title, post_of_page_title, without_cohort
from retailkg.design.documents.blocks import Block, Cell, Line, Table
from retailkg.design.documents.called import called_post
from retailkg.design.documents.described import is_does_needs
from retailkg.design.documents.drafts import DraftPost, Item, Unplaced
from retailkg.design.documents.form_tables import (
    CATEGORY_HEADS,
    column_kind,
    described_columns,
    duty_column,
    first_line,
    grouped_duty_header,
    listed_row,
    titled_cells,
    titled_form_rows,
)
from retailkg.design.documents.items import (
    GROUP_TITLE,
    REQUIREMENT_GRADE,
    TABLE_LEAD,
    TOPIC_ITEM,
    continues,
    headcount_of,
    is_group,
    join_text,
)
from retailkg.design.documents.labels import (
    ASIDE,
    COLUMN,
    DEPARTMENT,
    DUTIES,
    GROUP,
    HEADCOUNT,
    LOOSE,
    META,
    NAME,
    OTHER,
    QUAL_ITEM,
    QUALIFICATIONS,
    REPORTS_TO,
    SIGNOFF,
    STRIP_LABEL,
    is_field_line,
    is_list_label,
    kind_of,
    label_of,
    simplified,
    split_labels,
)
from retailkg.design.documents.lines import LineContext, load_model
from retailkg.design.documents.listings import advert_posts, states_work
from retailkg.design.documents.noise import CLOSING, CUT_NOTE, PLACEHOLDER, REFERENCE, TOTAL, is_dateline, is_page_number
from retailkg.design.documents.numbering import (
    APPENDIX,
    CHAPTER,
    GROUP_NAME,
    OUTLINE,
    number_mark,
    outline_depth,
    outline_kind,
    run_on,
    split_inline,
    strip_number,
)
from retailkg.design.documents.page_shape import (
    DUTY_START,
    inline_post,
    is_post_heading,
    is_post_label,
    named_paragraphs,
    post_items,
    sibling_headings,
    sibling_post_labels,
    sibling_titles,
    sole_paragraph,
    titled_leads,
    titled_paragraphs,
    titled_post_heading,
    topic_siblings,
)
from retailkg.design.documents.post_titles import (
    ASIDE_DUTIES,
    ASKED_DUTIES,
    ASKS_POST,
    BARE_PART,
    BRACKET_TITLE,
    DEPARTMENT_NAME,
    DUTIES_LEAD,
    DUTIES_OF,
    DUTIES_TITLE,
    GENERIC,
    GROUPS_LEAD,
    LEAD_NAMES,
    NO_POST,
    ORG,
    ORG_CHART,
    PAGE_OWN,
    PAGE_PART,
    PART_DUTIES,
    PART_PROCESS,
    PART_REQUIREMENTS,
    PART_SUMMARY,
    POST_PART,
    POST_TITLE,
    POSTS_AT_LARGE,
    QUALIFICATIONS_TITLE,
    QUESTION_TITLE,
    SECTION_WORDS,
    SUBJECT_PART,
    TITLE,
    TITLE_TAIL,
    clean_title,
    companies_said,
    defines,
    department_and_post,
    department_in_title,
    is_post_title,
    is_title_department,
    post_in_title,
    post_of_alternates,
    post_of_company,
    post_of_file,
    post_of_setting,
    post_said,
    post_written_for,
)
from retailkg.design.documents.runs import group_lines, named_posts
from retailkg.design.documents.titles import MIN_PAIRS, SENTENCE_END, is_title_line, untitled
from retailkg.design.model import Where

__all__ = [
    "DocumentLine",
    "document_lines",
    "parse_blocks",
]


SURE = 0.6
"""How sure the line classifier must be to overrule the rules' reading of a line (see ``_Reader.judged``)."""

_TERMINAL = SENTENCE_END

# ---------------------------------------------------------------------------------------------- the walk


class _Reader:
    """The state of reading one file: the current post, section and department."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.page_name: tuple[DraftPost, str] | None = None  # a post and the longer name its page's parts give it
        self.posts: list[DraftPost] = []
        self.unplaced: list[Unplaced] = []
        self.post: DraftPost | None = None
        self.section: str | None = None  # DUTIES, QUALIFICATIONS, OTHER (label in section_label), or None
        self.section_label = ""
        self.section_numbered = False
        self.last_soft = False  # the last item's last line may continue on the next line
        self.blank = False  # a blank line (an empty paragraph, an empty line of a cell) came last
        self.department: str | None = None  # from a department heading
        self.by_column: dict[tuple[str | None, str], DraftPost] = {}
        self.reports_to_all: Item | None = None  # a superior stated over a table of posts: each row's unless it states one
        self.groups: set[int] = set()  # ids of the group cells of duty tables already listed
        self.titled_cells: set[int] = set()  # ids of the duty cells whose first line titles the rest (see titled_cells)
        self.title: Unplaced | None = None  # a plain line before any post (收货部 · 收货主管): the document's title
        self.in_part = False  # under a heading of the post's own document that names no post (一、人员管理)
        self.summing_up = False  # under a part of a post's page that sums up the duties it gave (…工作内容一览表)
        self.section_outline = ""  # the outline numbering (一、) of the line that opened the section, if any
        self.outer_outline = ""  # the section's opened by a part of a section of its kind (二、岗位职责 over (一)核心职责): 一、
        self.last_number = 0  # the number of the last item numbered 1. 2. …, to read "2.1-3年" as item 2
        self.duties_titled: DraftPost | None = None  # a post whose title says its duties follow (采购总监工作职责)
        self.requirements_page: DraftPost | None = None  # a post whose page's title names its requirements (…岗位要求)
        self.section_level = 0  # the heading level of the heading that opened the section (## 岗位职责), 0 if none
        self.item_title = False  # a numbered title line (2. 工作经验) came last: the paragraph under it is an item
        self.item_depth = 0  # the levels of the outline number of the list's last item (5.1.1: 3), 0 if none
        self.group_marks: set[str] = set()  # the numbering kinds (digit, cn, …) of the section's lines that named groups
        self.last_item: Item | None = None  # the item the last line read went into
        # a short numbered line (1. 供应商管理) whose next line is a PDF line that wraps: the title, its length and where
        # the paragraph under it starts, until the paragraph ends and says whether the line titled it
        self.title_cut: tuple[Item, int, Where] | None = None
        # where in the post's duties the lines that may be the lead of a 岗位职责 label still to come begin: the
        # first line under a title that says the duties follow, or the first past a blank line in an unnumbered list
        self.lead_from: int | None = None
        self.topic_siblings: set[Where] = set()  # outline lines naming a group of items by a label word (see topic_siblings)
        self.prose: Sequence[str | None] = ()  # every line of the document: what its prose says of a name (called_post)
        self.section_from = 0
        self.lead_past_blank = False  # lead_from is past a blank line, at a section's title line: its prose must follow
        # a lead (see lead_from) when a 任职要求 (or other) label came first: the post, where it starts and ends in its
        # duties, until a 岗位职责 label of that post says whether it was the lead
        self.pending_lead: tuple[DraftPost, int, int] | None = None
        self.last_columns: tuple[int, dict[int, str]] | None = None  # the previous table's width and duty columns, if any
        self.listed: set[int] = set()  # ids of the posts read from the rows of a staffing table (岗位 | 定员 | 直接上级)
        self.inline_post: DraftPost | None = None  # the last post named at the start of its own line of sentences
        self.section_inferred = False  # the section was opened by the layout, not by a label (see open_section)
        self.own_part = ""  # under a heading of the page's own (## 引言, ## 总结) among the headings of its duties
        self.section_unplaced = 0
        self.group_headings: set[Where] = set()  # headings that name groups of a post's duties (see sibling_headings)
        self.model = load_model()
        self.blocks: Sequence[Block] = ()  # the document's blocks, walked for the model's contexts when first asked
        self.contexts: dict[tuple[Where, str], LineContext] | None = None  # (where, text) → the line's context

    def judged(self, raw: str, where: Where) -> tuple[str, float] | None:
        """What the line classifier makes of a body line (duty, qualification, other) and how sure it is; None
        without a model or for a line it was not shown (a piece the rules cut from a longer one)."""
        if self.model is None:
            return None
        if self.contexts is None:  # walked once, on the first question: most documents never raise one
            self.contexts = {(d.where, d.text): d.context for d in document_lines(self.blocks)}
        ctx = self.contexts.get((where, raw.strip()))
        if ctx is None:
            return None
        return self.model.kind(raw, ctx)

    # -- posts

    def close(self) -> None:
        self.blank = False
        self.pending_lead = None
        self.in_part = False
        self.own_part = ""
        self.lead_from = None
        p = self.post
        self.post = None
        self.section = None
        if p is None:
            return
        self.untitle(p)
        if not p.duties and p.qualifications and any(states_work(q.text) for q in p.qualifications):
            # a job board's opening listing everything under 任职要求: 1、负责…, 2、报名…。 state work, no requirement
            p.duties = [q for q in p.qualifications if states_work(q.text)]
            p.qualifications = [q for q in p.qualifications if not states_work(q.text)]
        titled = None if self.title is None or self.posts else (
            self.title.text.strip() if is_post_title(self.title.text) else post_of_page_title(self.title.text, is_post_title)
            or post_of_ad_title(self.title.text, is_post_title))
        if p.name is None and not p.empty() and titled:
            # a job advert's first line: 楼层管理员, the browser's page title 门店营运实习生_壹打工网-让工作来找你, or the
            # advert's own title naming its employer and unit first, 宜得利NITORI桃園物流部倉庫倉儲人員(物流部門限定職)
            p.name, p.name_from = titled, "title"
            if self.title in self.unplaced:
                self.unplaced.remove(self.title)
            self.posts.append(p)
        elif p.name is None and not p.empty():
            self.posts.append(p)  # named after the file later, if it is the only one
        elif p.name is not None and not p.empty():
            self.posts.append(p)
        elif p.name is not None:
            self.unplaced.append(Unplaced(p.name, p.where, "a heading with no post under it"))

    def untitle(self, p: DraftPost) -> None:
        """Duties each under an unnumbered title line (监督与指导, then its sentence; see :mod:`.titles`): the titles
        are none of them, nor is a title typed before its duty on the same line (运营管理 负责…)."""
        if any(re.search(r"cell|!", str(i.where.line)) for i in p.duties):
            return  # a table's cells: whether they open with titles is decided by the table's own rule (titled_cells)
        titles, spaced = untitled([i.text for i in p.duties], [i.numbered or i.titled for i in p.duties])
        for k, cut in spaced.items():
            item = p.duties[k]
            self.unplaced.append(Unplaced(item.text[:cut].strip(), item.where, "the title of the duty after it: not a duty"))
            item.text, item.titled = item.text[cut:].strip(), True
        for k in sorted(titles, reverse=True):
            item = p.duties.pop(k)
            self.unplaced.append(Unplaced(item.text, item.where, "the title of the duty under it: not a duty"))
            p.duties[k].titled = True

    def start(self, where: Where, name: str | None = None, name_from: str = "", level: int = -1) -> DraftPost:
        """A new post; ``level``: the heading level of the line that names it (-1: no heading)."""
        p = self.post
        if (p is not None and p.title_level is not None and level > p.title_level and not any(i.numbered for i in p.duties)
                and not (p.qualifications or p.reports_to or p.headcount)):
            # a document's title (电子商务员工岗位职责) with posts under headings after it: the title names no post,
            # and the prose under it (本手册适用于…) is no duty
            self.unplaced += [Unplaced(i.text, i.where, f"under the document's title {p.name}: not a duty") for i in p.duties]
            self.post = None
        self.close()
        self.post = DraftPost(where, name, name_from, self.department, level=max(level, 0))
        return self.post

    def current(self, where: Where) -> DraftPost:
        return self.post if self.post is not None else self.start(where)

    # -- fields

    def field(self, kind: str, label: str, value: str, where: Where, lines: Sequence[Line] = (), *,
              written: str | None = None) -> None:
        """A label and what follows it (``value``; ``lines`` when it is a list, e.g. a cell of duties); ``written``: the
        line as the document writes it, label and value, kept verbatim where the label is part of what is read."""
        value = value.strip()
        self.blank = False
        if kind == NAME:
            if not value:
                return
            name = without_cohort(post_of_alternates(clean_title(value)))  # 招聘岗位：2015届门店营运实习生
            p = self.post
            titled = p is not None and p.name_from in ("heading", "title") and not (p.duties or p.qualifications)
            if p is not None and p.name_from == "label" and p.name == name and not (p.duties or p.qualifications):
                self.section = None  # a cover page's 岗位：采购经理, then the form's 职位名称 of the same post: one post
                return
            if p is None or p.name_from == "label" or (p.name is not None and p.name != name and bool(p.duties or p.reports_to)
                                                       and not titled):
                p = self.start(where, name, "label")  # a second post in the same document
            else:
                # the label cell names the post, not the document's title (收货部 · 收货主管, 某公司岗位说明书) above it;
                # the title may still name the department
                if p.name is not None and p.name != name and p.department is None:
                    p.department = department_in_title(p.name, name)
                p.name, p.name_from, p.title_level = name, "label", None
                p.where = where
            if p.department is None and self.title is not None and not self.posts:
                p.department = department_in_title(self.title.text, name)
                if p.department is not None and self.title in self.unplaced:
                    self.unplaced.remove(self.title)  # read: it gave the department
            self.section = None
        elif kind == DEPARTMENT:
            if value:
                p = self.post
                if not self.posts and (p is None or (p.empty() and (p.name is None or p.title_level is not None
                                                                     or p.name_from == "heading"))):
                    # stated before any post (a handbook's 部门：营运部 at the top, perhaps under its title line or
                    # a cover line read as a heading): the department of every post that follows, unless it states
                    # its own
                    self.department = clean_title(value)
                self.current(where).department = clean_title(value)
            self.section = None
        elif kind == REPORTS_TO:
            if value:
                self.current(where).reports_to = Item(value, where)
            self.section = None
        elif kind == HEADCOUNT:
            n = headcount_of(value)
            if n is not None:
                self.current(where).headcount = n
            elif value and label != "编制":
                self.unplaced.append(Unplaced(f"{label}：{value}", where, "headcount is not a whole number"))
            self.section = None
        elif kind in (DUTIES, QUALIFICATIONS, OTHER):
            p = self.post
            lead = p.duties[self.lead_from:] if p is not None and self.lead_from is not None else []
            pending, self.pending_lead = self.pending_lead, None
            if kind == DUTIES and p is not None and not lead and pending is not None and pending[0] is p \
                    and len(p.duties) == pending[2]:
                # 采购员岗位职责与任职要求, a paragraph, 任职要求: …, then 岗位职责: …: the paragraph before the document's
                # labels led into them; its own 岗位职责 label says where the duties are
                self.unplaced += [Unplaced(i.text, i.where, f"before the label {label}: its lead, not a duty")
                                  for i in p.duties[pending[1]:]]
                del p.duties[pending[1]:]
            elif kind != DUTIES and p is not None and lead and not any(i.numbered for i in lead) and not self.lead_past_blank:
                assert self.lead_from is not None
                self.pending_lead = (p, self.lead_from, len(p.duties))
            if kind == DUTIES and p is not None and lead and not any(i.numbered for i in lead) and (
                    not self.lead_past_blank or len(lead) >= 2):
                # a web page's title (电商运营专员的岗位职责) or a blank line after a list, a section's title and prose,
                # then 岗位职责:: what came between, unnumbered, leads into the labelled list, it is none of it
                self.unplaced += [Unplaced(i.text, i.where, f"before the label {label}: its lead, not a duty")
                                  for i in p.duties[self.lead_from:]]
                del p.duties[self.lead_from:]
            elif (kind == OTHER and p is not None and len(lead) == 1 and not lead[0].numbered
                  and lead[0].text.endswith(("：", ":"))):
                # 会员管理员角色的定义与职责, a paragraph ending in a colon (以下是…的概述:), then 一、定义: the paragraph
                # leads into the document's parts, it is no duty
                self.unplaced.append(Unplaced(lead[0].text, lead[0].where, f"before the label {label}: its lead, not a duty"))
                del p.duties[self.lead_from:]
            self.open_section(kind, label, where)
            if lines:
                self.lines(lines)
            elif value:
                self.lines([Line(value, where)])
        elif kind == QUAL_ITEM:
            if value:
                self.current(where).qualifications.append(Item(written or f"{label}：{value}", where))
            elif self.post is not None and self.section != QUALIFICATIONS and not lines:
                # 技能要求 on a line of its own after a post's duties: it heads the requirements listed under it, as
                # 任职要求 would; they are not more duties
                self.open_section(QUALIFICATIONS, label, where)
        elif kind in (META, SIGNOFF, COLUMN, GROUP):
            self.section = None

    def drop_lead(self) -> None:
        """At the first title of a group of the section's items: a paragraph before it, the section's only line so
        far, unnumbered and ending in a colon (其核心职责可分为以下几类:), leads into the groups; it is none of the items."""
        p = self.post
        if p is None or self.section not in (DUTIES, QUALIFICATIONS):
            return
        items = p.duties if self.section == DUTIES else p.qualifications
        if len(items) == self.section_from + 1 and not items[-1].numbered and (
                items[-1].text.endswith(("：", ":")) or GROUPS_LEAD.search(simplified(items[-1].text))):
            lead = items.pop()
            self.unplaced.append(Unplaced(lead.text, lead.where, "the lead of the list below it: not a duty"))
            if self.last_item is lead:
                self.last_item = None

    def name_from_lead(self, p: DraftPost | None, lead: str) -> None:
        """A post that nothing has named yet (a 门店促销人员管理规范 names the rules, not a post), whose duties' lead says
        whose they are (促销员作为门店与消费者之间的桥梁,…其主要职责包括:): the post the lead names."""
        if p is None or p.name is not None or self.section != DUTIES:
            return
        m = LEAD_NAMES.match(simplified(lead))
        if m is not None and is_post_title(m.group(1)) and re.search(r"职责|工作|负责", lead):
            p.name, p.name_from = lead[:m.end(1)], "lead"

    def drop_page_lead(self, p: DraftPost, part: str) -> None:
        """At the part of a post's page on its duties (## 一、理货员的主要工作内容): the unnumbered prose the line classifier
        took for duties before it, right under the page's title (在超市中,理货员是…的重要角色。…下面是对…的总结。), is the
        page's lead: the page says where its duties are, as a 岗位职责 label would."""
        if self.section != DUTIES or self.lead_from is None or self.post is not p:
            return
        lead = p.duties[self.lead_from:]
        if lead and not any(i.numbered for i in lead) and (not self.lead_past_blank or len(lead) >= 2):
            self.unplaced += [Unplaced(i.text, i.where, f"before {part}: the page's lead, not a duty") for i in lead]
            del p.duties[self.lead_from:]

    def duties_summary(self, p: DraftPost, text: str, ln: Line) -> bool:
        """A part of a post's page that sums up or overviews the post's duties (一、沃尔玛主管的核心职责总结, 工作职责概述),
        not the page as a whole (## 总结, ## 引言): its words before the summing word name the duties. It is a part on the
        duties, as 一、…的主要职责 is: the prose before it is the page's lead, and what it states are the duties, unless a
        later part on the duties gives them (then its prose was that part's lead). False when the part names no duties."""
        st = simplified(clean_title(text))
        head = PAGE_OWN.sub("", st)
        if self.section != DUTIES or not head or not PART_DUTIES.search(head):
            return False
        lead = p.duties[self.lead_from:] if self.lead_from is not None else []
        if (len(p.duties) > self.section_from + len(lead) or any(i.numbered for i in lead)
                or any(u.why.startswith("the name of a group") for u in self.unplaced[self.section_unplaced:])):
            # the duties were given before it (numbered, or under titles of their groups): a summary restates them in
            # other words, as 理货员工作内容一览表 does after 一、理货员的主要工作内容; it holds none
            return False
        level, outline = self.section_level, self.section_outline
        self.drop_page_lead(p, text)
        self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
        self.section_level, self.section_outline = level, outline
        self.lead_from, self.lead_past_blank = len(p.duties), False
        self.unplaced.append(Unplaced(ln.text.strip(), ln.where, "a part summing up the duties: its heading is no duty"))
        self.last_soft = False
        return True

    def group_lead(self, ln: Line, title: str) -> bool:
        """A sentence leading into the items of a group (…这包括:), right after the group's title line, the section's last
        item so far (see ``titled_leads``): the title names the group and the sentence leads into it; neither is an item.
        False, changing nothing, when the title is not the last item of a duties or qualifications section."""
        p = self.post
        if p is None or self.section not in (DUTIES, QUALIFICATIONS):
            return False
        items = p.duties if self.section == DUTIES else p.qualifications
        if len(items) <= self.section_from or items[-1].text != title or not items[-1].numbered:
            return False
        named = items.pop()
        if named.mark:
            self.group_marks.add(named.mark)
        self.unplaced.append(Unplaced(named.text, named.where, "the name of a group of duties: a heading, not a duty"))
        self.unplaced.append(Unplaced(ln.text.strip(), ln.where, "the lead of the list below it: not a duty"))
        self.last_item = items[-1] if items else None
        self.last_soft = False
        return True

    def open_section(self, kind: str, label: str, where: Where, *, inferred: bool = False) -> None:
        """``inferred``: no label opened it, a title did (店长岗位职责是什么, then prose): what is in it is less sure,
        and the line classifier is asked about its unnumbered prose. A post heading over one paragraph, or a post's
        label line over its sentences, is a sure layout and is not so marked."""
        p = self.current(where)
        self.section_inferred = inferred
        self.summing_up = False
        self.own_part = ""
        self.section_from = len(p.duties if kind == DUTIES else p.qualifications)  # the section's first item's index
        self.section_unplaced = len(self.unplaced)  # the first line the section listed as none of its items
        self.lead_from = None
        self.section, self.section_label, self.section_numbered, self.last_soft = kind, label, False, False
        self.blank = False
        self.section_outline = ""
        self.outer_outline = ""
        self.last_number = 0
        self.section_level = 0
        self.item_title = False
        self.item_depth = 0
        self.group_marks = set()

    def lines(self, lines: Iterable[Line]) -> None:
        """Body lines under the current section: items, numbering removed, wraps joined."""
        for ln in lines:
            raw = ln.text.strip()
            if not raw:
                self.blank = True
                continue
            blank, self.blank = self.blank, False
            if self.section in (DUTIES, QUALIFICATIONS) and self.post is not None and CUT_NOTE.match(simplified(raw)):
                # 5. 团队协作与培训, • 人才培养: 组织部门人才, then (复制自网页,内容未完): the copy says it was cut; its last
                # item, ending mid-sentence where every item before it ends in a full stop, was cut with it: no duty
                items = self.post.duties if self.section == DUTIES else self.post.qualifications
                own = items[self.section_from:]
                # 确保直播秩序井然 over its paragraph, …, then 维护直播平台的形象和声誉 over a paragraph cut (……以专业……): in
                # a list of duties each under a title line of its own (see titles.py), the titles end in no full stop
                # and the last one titles the duty cut short, so it goes with it
                titles_at = {k for k in range(len(own) - 2) if is_title_line(own[k].text) and own[k + 1].text.endswith(_TERMINAL)}
                titles_at = titles_at if len(titles_at) >= MIN_PAIRS else set()
                last_title = len(own) >= 2 and bool(titles_at) and bool(GROUP_NAME.match(own[-2].text)) and len(own[-2].text) <= 16
                sentences = [i for k, i in enumerate(own[:-1]) if k not in titles_at and not (last_title and k == len(own) - 2)]
                if len(own) >= 3 and not own[-1].text.endswith(_TERMINAL) and all(i.text.endswith(_TERMINAL) for i in sentences):
                    short = items.pop()
                    self.unplaced.append(Unplaced(short.text, short.where, "cut short where the copy ends: not a duty"))
                    if last_title:
                        cut_title = items.pop()
                        self.unplaced.append(Unplaced(cut_title.text, cut_title.where, "the title of a duty cut short where the copy "
                                                      "ends: not a duty"))
                self.section = None
                self.unplaced.append(Unplaced(raw, ln.where, "a note that the copy is cut: neither a duty nor a qualification"))
                continue
            if self.own_part and self.section == DUTIES:
                self.unplaced.append(Unplaced(raw, ln.where, f"under {self.own_part}, the page's own part: not a duty"))
                continue
            if (blank and self.section == DUTIES and self.lead_from is None and self.post is not None and not self.section_numbered
                    and GROUP_NAME.match(raw) and not strip_number(raw)[1]):
                # past a blank line in an unnumbered list, a short line with no sentence in it: perhaps a section's title,
                # its prose and the next list's label to follow
                self.lead_from, self.lead_past_blank = len(self.post.duties), True
            if self.section in (DUTIES, QUALIFICATIONS):
                pieces = split_inline(raw)
                if len(pieces) > 1:
                    self.blank = blank
                    self.lines([Line(t, ln.where, numbered=True, soft=ln.soft and k == len(pieces) - 1) for k, t in enumerate(pieces)])
                    continue
            text, numbered = strip_number(raw)
            if (self.section == DUTIES and self.section_inferred and OUTLINE.match(raw) and len(text) <= 12
                    and not re.search(r"[，,。；;！!？?]", text) and PAGE_OWN.search(simplified(text))):
                # 拼多多仓库管理员的职责 (a title), then 一、工作职责概述 over a paragraph, then 二、主要工作内容: the page's
                # overview (introduction, summary) is its own part, no duty; a label or heading after it opens the duties
                if self.post is not None and self.duties_summary(self.post, text, ln):
                    continue
                self.own_part = text
                self.unplaced.append(Unplaced(raw, ln.where, "a heading of the page's own: not a duty"))
                continue
            if not numbered and self.last_number and (m := re.match(r"^(\d{1,2})[.．、]", raw)) is not None \
                    and int(m.group(1)) == self.last_number + 1:
                text, numbered = raw[m.end():].strip(), True  # 1.大专… then 2.1-3年…: the next number, not a decimal
            numbered = numbered or ln.numbered
            from_title, self.item_title = self.item_title, False
            if from_title and self.section in (DUTIES, QUALIFICATIONS):
                numbered = True  # the paragraph under a title line (1. 专业知识): an item of its own
            if numbered:
                n = re.match(r"^\s*(\d{1,2})(?!\d)", raw)
                self.last_number = int(n.group(1)) if n is not None else 0
            p = self.post
            depth = outline_depth(raw)
            if (self.section in (DUTIES, QUALIFICATIONS) and self.item_depth >= 2 and 0 < depth < self.item_depth
                    and len(raw) <= 24 and not re.search(r"[，,。；;！!？?]", raw)):
                # items numbered 5.2.1, 5.2.2, then 6 附则 (or 5.3 其他): a heading higher up the outline, not an item
                self.section, self.item_depth = None, 0
                self.unplaced.append(Unplaced(raw, ln.where, "a heading higher up the outline after the list: not a duty"))
                continue
            if numbered and self.section in (DUTIES, QUALIFICATIONS):
                self.item_depth = depth
            if (self.section in (DUTIES, QUALIFICATIONS) and self.outer_outline and numbered
                    and outline_kind(raw) == self.section_outline and len(text) <= 20 and not re.search(r"[，,。；;！!？?]", text)):
                # (一)核心职责 under 二、岗位职责, then (二)运营支持: the next part of the same duties names the groups below it
                self.unplaced.append(Unplaced(raw, ln.where, "the name of a part of the duties: a heading, not a duty"))
                self.last_soft, self.item_depth, self.group_marks = False, 0, set()
                continue
            if (self.section in (DUTIES, QUALIFICATIONS) and self.outer_outline and numbered
                    and outline_kind(raw) == self.outer_outline):
                self.section, self.section_outline, self.outer_outline = None, "", ""
                self.unplaced.append(Unplaced(raw, ln.where, "the next part of the document after the list: not a duty"))
                continue
            if (self.section in (DUTIES, QUALIFICATIONS) and self.section_outline and numbered
                    and outline_kind(raw) == self.section_outline):
                # 一、仓库管理员岗位职责 … then 二、商品验收入库: the next part of the document, not an item of the list
                self.section, self.section_outline = None, ""
                self.unplaced.append(Unplaced(raw, ln.where, "the next part of the document after the list: not a duty"))
                continue
            topic = label_of(raw, marked=True) if self.section == QUALIFICATIONS and not numbered and p is not None else None
            grade = self.section == QUALIFICATIONS and not numbered and REQUIREMENT_GRADE.match(simplified(raw)) is not None
            if (((topic is not None and topic[0] == QUAL_ITEM and not topic[2]) or grade) and raw.endswith(("：", ":")) and p is not None
                    and p.qualifications and len(p.qualifications) > self.section_from):
                # 核心能力: over ● items, then 经验要求: over its own: a topic of the requirements, typed as a label over the
                # items under it; no requirement, nor the tail of the one before it
                self.unplaced.append(Unplaced(raw, ln.where, "the topic of the requirements under it: not a qualification"))
                self.last_soft = False
                continue
            if self.section in (DUTIES, QUALIFICATIONS) and not numbered and is_dateline(raw):
                self.unplaced.append(Unplaced(raw, ln.where, "the page's date and source: neither duty nor qualification"))
                continue
            if (self.section == DUTIES and self.section_inferred and not numbered and p is not None
                    and len(p.duties) == self.section_from and re.search(r"[?？]", text)):
                # 超市理货员的岗位职责是什么 (a title), then 在日常生活中…那么,…的具体岗位职责是什么呢?让我们一起来了解一下。: the
                # page's lead asks what the paragraphs after it answer; a duty asks nothing
                self.unplaced.append(Unplaced(raw, ln.where, "the page's lead, a question: not a duty"))
                continue
            if (self.section == DUTIES and self.section_inferred and not numbered and p is not None and p.name
                    and len(p.duties) == self.section_from and defines(p.name, text)):
                # 理货员的工作内容与职责 (a title), then 理货员是商业零售行业中不可或缺的重要岗位,…: the page's lead says what
                # the post is; a duty says what it does
                self.unplaced.append(Unplaced(raw, ln.where, "the page's lead, defining the post: not a duty"))
                continue
            if self.section in (DUTIES, QUALIFICATIONS) and REFERENCE.match(text):
                self.unplaced.append(Unplaced(raw, ln.where, "a reference to another document: neither duty nor qualification"))
                continue
            if self.section in (DUTIES, QUALIFICATIONS) and PLACEHOLDER.match(simplified(text)):
                self.unplaced.append(Unplaced(raw, ln.where, "a placeholder, left to be filled in: neither duty nor qualification"))
                continue
            if self.section == DUTIES and not numbered and p is not None and not p.duties and not blank:
                runs = run_on(text)
                if len(runs) > 2 and not re.search(r"[。！!？?]", runs[0]):
                    # 对…负责;对…负责;负责…;  in one paragraph or cell: the items of a list, run on (a full stop before the
                    # first semicolon: they part one sentence of a paragraph, 副总经理协助…。通常包括分管运营的…;分管采购的…。)
                    self.lines([Line(t, ln.where, numbered=True) for t in runs])
                    continue
            if self.section is None and numbered and p is not None and (self.in_part or (p.name_from == "heading" and not (
                    p.duties or p.qualifications)) or (self.duties_titled is p and not (p.duties or p.qualifications))
                    or (p.name_from == "title" and p.title_level == 0 and not (p.duties or p.qualifications))):
                # a post heading, then its numbered duties with no label; or, under a part of a post's own document
                # (一、人员管理), its numbered items; or a heading that says the duties follow (采购总监工作职责), a line
                # of labels (所属部门：… 直接上级：…), then the numbered duties; or a plain text's title line naming the
                # post's description (店长岗位职责说明书), prose, then the numbered duties
                self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
            if self.section in (DUTIES, QUALIFICATIONS) and self.post is not None and (ln.group or GROUP_TITLE.match(raw)):
                self.unplaced.append(Unplaced(raw, ln.where, "the name of a group of duties: a heading, not a duty"))
                self.last_soft = False
                continue
            if self.section in (DUTIES, QUALIFICATIONS) and self.post is not None:
                items = self.post.duties if self.section == DUTIES else self.post.qualifications
                if numbered:
                    self.section_numbered = True
                prev = items[-1] if items else None
                joins = prev is not None and not numbered and (
                    self.section_numbered or (self.last_soft and not prev.text.endswith(_TERMINAL)))
                in_titled = len(items) >= 2 and items[-2].titled  # the items so far were titled paragraphs
                titled = (prev is not None and joins and prev.numbered and not ln.soft and not self.last_soft
                          and len(prev.text) <= 12 and bool(GROUP_NAME.match(prev.text)) and (len(text) > 20 or in_titled)
                          and text.endswith(_TERMINAL))
                if titled and blank and prev is not None and (DUTY_START.match(prev.text) or not (len(items) == 1 or in_titled)):
                    titled = False  # past a blank line, only a list whose items so far were all titled so goes on
                if (prev is not None and joins and prev.titled and not titled and not blank and not ln.soft
                        and not self.last_soft and prev.text.endswith(_TERMINAL) and text.endswith(_TERMINAL)
                        and len(text) > 20 and not continues(prev.text, text) and not CLOSING.match(simplified(text))):
                    # 1、团队管理, then two paragraphs each a whole sentence: the title names both, each is a duty
                    # (one paragraph wrapped over lines would not end each line in a full stop); a closing line (注:…,
                    # 以上…) after the last paragraph is no second paragraph of its title: it ends the list (below)
                    items.append(Item(text, ln.where, True, mark=prev.mark, titled=True))
                    self.last_soft = ln.soft
                    self.last_item = items[-1]
                    continue
                if prev is not None and not numbered and not titled and (CLOSING.match(simplified(text)) or (
                        joins and blank and not continues(prev.text, text))):
                    # past a blank line, a line that does not go on with the last item, or a closing line
                    # (本说明书由…解释, 以上职责…): the list has ended; the line is neither duty nor qualification
                    self.section = None
                    self.unplaced.append(Unplaced(raw, ln.where, "after the list: neither a duty nor a qualification"))
                    continue
                cut, self.title_cut = self.title_cut, None
                if (not titled and prev is not None and joins and ln.soft and not blank and not self.last_soft and prev.numbered
                        and len(prev.text) <= 12 and GROUP_NAME.match(prev.text)):
                    self.title_cut = (prev, len(prev.text), ln.where)  # a wrapped paragraph under a title line, perhaps
                elif cut is not None and cut[0] is prev and joins and not titled:
                    body = join_text(prev.text[cut[1]:], text).strip()
                    if ln.soft:
                        self.title_cut = cut
                    elif body.endswith(_TERMINAL) and (len(body) > 20 or in_titled):
                        # 1. 供应商管理, then a paragraph a PDF wrapped over several lines: as for one line, the title
                        # line titles the duty, it is none
                        items.pop()
                        self.unplaced.append(Unplaced(prev.text[:cut[1]], prev.where, "the title of the duty under it: not a duty"))
                        items.append(Item(body, cut[2], True, mark=prev.mark, titled=True))
                        self.last_soft = ln.soft
                        self.last_item = items[-1]
                        continue
                if titled and prev is not None:
                    # 1. 日常巡查与监控, then (perhaps past a blank line) the paragraph saying the work: the line
                    # titles the duty, it is none
                    items.pop()
                    self.unplaced.append(Unplaced(prev.text, prev.where, "the title of the duty under it: not a duty"))
                    items.append(Item(text, ln.where, True, mark=prev.mark, titled=True))
                elif (prev is not None and joins and not blank and not ln.soft and prev.numbered
                      and prev.text.endswith(_TERMINAL) and len(text) <= 12 and bool(GROUP_NAME.match(text))
                      and not text.endswith(("：", ":")) and not DUTY_START.match(simplified(text))):
                    # 1. …。 2. …。 then 核心技能, then 1. … again: a short line with no sentence after an item that ended
                    # one is no wrap of it; it is kept apart (the numbered items after it show it names their group)
                    items.append(Item(text, ln.where, False))
                elif prev is not None and joins:
                    prev.text = join_text(prev.text, text)
                elif text:
                    item = Item(text, ln.where, numbered, outline=raw if OUTLINE.match(raw) else "",
                                mark=number_mark(raw) if numbered else "", titled=from_title)
                    if prev is not None and is_group(prev, item, frozenset(self.group_marks)):
                        items.pop()
                        if prev.mark:
                            self.group_marks.add(prev.mark)
                        self.unplaced.append(Unplaced(prev.outline or prev.text, prev.where,
                                                      "the name of a group of duties: a heading, not a duty"))
                        self.drop_lead()
                    elif (prev is not None and len(items) == self.section_from + 1 and item.numbered and not prev.numbered
                          and prev.text.endswith(("：", ":")) and not prev.titled):
                        # 工作职责 holding 一个连锁分店的店长的工作职责包括: then 1、… 2、…: the sentence leading into the
                        # numbered list is none of its items
                        items.pop()
                        self.unplaced.append(Unplaced(prev.text, prev.where, "the lead of the list below it: not a duty"))
                        self.name_from_lead(p, prev.text)
                    items.append(item)
                self.last_soft = ln.soft
                self.last_item = items[-1] if items else None
            elif self.section == OTHER:
                self.unplaced.append(Unplaced(raw, ln.where, f"under {self.section_label}: not a duty"))
            elif (p is not None and p.name is not None and p.name_from in ("title", "heading", "label")
                  and not (p.duties or p.qualifications) and not numbered and DUTIES_LEAD.search(simplified(text))):
                # ### 一、会员管理员是什么?, then 会员管理员,顾名思义,是…。其主要职责包括: over a "- " list: the sentence says
                # the post's duties follow, as a 岗位职责 label would; it is none of them. So under a post named by its
                # label (适用岗位:奶茶店员工), …主要包括以下几个职责, then ### 1. 接待顾客 over its paragraph: the headings
                # after the sentence title the duties it announced
                self.unplaced.append(Unplaced(raw, ln.where, "the lead of the list below it: not a duty"))
                self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
                if p.name_from == "label" and not ln.heading:
                    self.section_level = 1
            else:
                judged = self.judged(raw, ln.where) if (p is not None and p.name is not None and not (p.duties or p.qualifications)
                                                        and (is_post_title(ASIDE.sub("", p.name))
                                                             or (p.name_from == "title" and called_post(p.name, self.prose)))
                                                        and not numbered
                                                        and raw.endswith(_TERMINAL)) else None
                if judged is not None and judged[0] == "duty" and judged[1] >= SURE:
                    # a post's heading and its labels (所属部门:… 直接上级:…), then a paragraph with no 岗位职责 label: the
                    # rules see no section, the classifier reads the post's work; the paragraphs that follow are weighed alike
                    self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
                    self.lead_from, self.lead_past_blank = self.section_from, False  # or the lead of a label to come
                    self.blank = blank
                    self.lines([ln])
                    continue
                self.unplaced.append(Unplaced(raw, ln.where, "outside any post's duties or qualifications"))
                if self.post is None and not self.posts and self.title is None:
                    self.title = self.unplaced[-1]

    # -- body lines

    def line(self, ln: Line) -> None:
        raw = ln.text.strip()
        if not raw or is_page_number(raw):
            return
        subject = SUBJECT_PART.match(strip_number(raw)[0]) if OUTLINE.match(raw) and not ln.heading else None
        if subject is not None and not is_post_title(subject.group(1)):
            # 三、便利店入职要求, 四、便利店日常工作: a part of the document, its subject (a place, the trade) before the
            # label word, is that label's part, as 三、入职要求 is (a post's name there, 四、店长岗位职责, names the post)
            body = strip_number(raw)[0]
            ln = Line(raw[:len(raw) - len(body)] + subject.group(2), ln.where, ln.numbered, ln.soft, ln.heading)
            raw = ln.text
        if self.chapter_or_appendix(raw, ln.where):
            return
        bracket = BRACKET_TITLE.match(raw)
        if bracket is not None and not self.posts and (self.post is None or self.post.empty()):
            inner = re.sub(r"(?:与|及|和)[^与及和]{2,8}$", "", bracket.group(1)).strip()
            if TITLE.match(simplified(inner)) and self.heading_or_title(Line(inner, ln.where)):
                rest = raw[bracket.end():].strip()  # 【超市防损员岗位职责与工作规范】在现代零售行业中…: the title, then prose
                if rest:
                    self.unplaced.append(Unplaced(rest, ln.where, "the document's lead: not a duty"))
                return
        if self.labels(raw, ln.where):
            return
        lab = label_of(raw, marked=False)
        if (ln.heading or lab is None) and self.heading_or_title(ln):
            return
        if lab is not None:
            kind, word, rest = lab
            if (ln.where in self.topic_siblings and not rest and self.post is not None and self.duties_titled is self.post
                    and not (self.post.duties or self.post.qualifications)
                    and (self.section is None or (self.section == DUTIES and self.section_inferred))):
                # 导购员岗位职责 (a title saying the duties follow), its fields line, then 一、工作时间: over its paragraph,
                # 二、形象:, 三、纪律: …: the first of the page's groups of duties, whose topic is a label word; its
                # paragraph is a duty, as its siblings' are
                if self.section is None:
                    self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
                self.unplaced.append(Unplaced(raw, ln.where, "the name of a group of duties: a heading, not a duty"))
                self.last_soft = False
                return
            last = self.last_item
            listed = (self.post.duties if self.section == DUTIES else self.post.qualifications) if self.post is not None else []
            if (self.section in (DUTIES, QUALIFICATIONS) and kind in (OTHER, META) and (rest.endswith(_TERMINAL) or len(rest) > 20)
                    and strip_number(raw)[1] and last is not None and listed
                    and listed[-1] is last and last.numbered and last.mark == number_mark(raw)
                    and TOPIC_ITEM.match(last.text)):
                # 1. 人员安排:根据…, 2. 培训与带教:定期…, then 3. 绩效考核:制定KPI…: among items each led by its topic and a
                # colon, numbered alike, a topic that is also a label word (绩效考核, 培训) is the next item's, no label;
                # so among requirements (- 团队合作:…, then - 工作时间:能适应轮班制…)
                self.lines([ln])
                return
            if (self.section == OTHER and self.section_level and strip_number(raw)[1]
                    and (rest.endswith(_TERMINAL) or len(rest) > 20)):
                # under a heading such as 一、定义, the items 1. 角色定位:… 2. 工作内容:…: a numbered sentence led by a
                # label word is an item of that part, it opens no section of its own
                self.unplaced.append(Unplaced(raw, ln.where, f"under {self.section_label}: not a duty"))
                return
            if kind == QUAL_ITEM and not rest and self.section == QUALIFICATIONS and strip_number(raw)[1]:
                # 任职要求 numbered 1. 专业知识, 2. 实践经验, each over a paragraph: the line titles the requirement under it
                self.unplaced.append(Unplaced(raw, ln.where, "the title of the requirement under it: not a qualification"))
                self.item_title = True
                return
            outer = self.section_outline if self.section == kind and self.post is not None else ""
            bare = strip_number(raw)[0].strip()
            written = bare if kind == QUAL_ITEM and rest and re.match(r"^[^:：\s]{1,12}[:：]", bare) else None
            # 学历:一般要求高中…: a requirement written as its topic and a colon is kept as written, colon and script
            self.field(kind, word, rest, ln.where, written=written)
            if kind in (DUTIES, QUALIFICATIONS) and not rest:
                self.section_outline = outline_kind(raw)  # 一、岗位职责 … 二、附则: the next part ends the list
                if outer and self.section_outline and self.section_outline != outer:
                    # 二、岗位职责, then (一)核心职责: a part of the duties numbered below them; its sibling (二)运营支持 is
                    # the next part of the same duties, 三、任职要求 (numbered as 二、) ends them
                    self.outer_outline = outer
            return
        self.lines([ln])

    def chapter_or_appendix(self, raw: str, where: Where) -> bool:
        """A chapter line (第一章 门店管理岗位) ends the post before it and names none, unless it is a post's
        own title (第一章 店长岗位职责); it names the department of the posts under it when it is one. An
        appendix (附：其他基础岗位要求, 附录一 …) ends the post before it and holds none."""
        cleaned = re.sub(r"[*_#]+", "", raw).strip()
        m = CHAPTER.match(cleaned)
        if m is not None:
            rest = cleaned[m.end():].strip()
            if not rest or len(rest) > 20 or rest.endswith(_TERMINAL) or re.search(r"[，,。；;]", rest):
                return False
            st = simplified(rest)
            if TITLE.match(st) or (POST_TITLE.search(st) and not st.endswith("岗位")):
                return False
            self.close()
            if is_title_department(rest):
                self.department = rest
            else:
                self.unplaced.append(Unplaced(raw, where, "a chapter heading: it names no post"))
            return True
        if APPENDIX.match(cleaned) and len(cleaned) <= 30:
            self.close()
            self.unplaced.append(Unplaced(raw, where, "an appendix: it holds no post"))
            return True
        return False

    def labels(self, text: str, where: Where) -> bool:
        """Several labels in one line or cell (:func:`split_labels`), read one by one; the part before
        the first label is the post when the line is the form's first. False when the line is not one."""
        pairs = split_labels(text)
        if pairs is None:
            return False
        for kind, word, value in pairs:
            if kind is None:
                if self.post is None and not self.posts and not re.match(r"^[^:：\s]{1,8}\s*[:：]", value):
                    # 专卖店店长　　所属部门:…: the post; 编号:RK-HR-JD-011　　版本:V2.1: a field of a label not known, no post
                    self.field(NAME, "岗位名称", value, where)
                else:
                    self.unplaced.append(Unplaced(value, where, "outside any post's duties or qualifications"))
            else:
                self.field(kind, word, value, where)
        return True

    def heading_or_title(self, ln: Line) -> bool:
        """A heading: a department (sets the department of the posts under it), a post, a title."""
        text = clean_title(ln.text)
        if not text:
            return False
        st = simplified(text)
        p = self.post
        if (st.endswith("篇") and (ln.heading or OUTLINE.match(ln.text)) and is_post_title(text[:-1])
                and (p is None or p.name != text[:-1])):
            # 二、营业员篇 (店长篇, 收银员篇): a handbook's or a collected article's part on one post, as a heading of the post's
            # name is; no duty of the post before it
            self.start(ln.where, text[:-1], "heading", ln.heading or _INFERRED)
            return True
        if p is not None and p.name is not None:
            lab = label_of(text, marked=True)
            if lab is not None and lab[0] in (DUTIES, QUALIFICATIONS, OTHER) and not lab[2]:
                self.field(lab[0], lab[1], "", ln.where)  # 岗位名称 in a table, then "## 岗位职责": the post's section
                self.section_level = ln.heading
                return True
            if (self.section == DUTIES and ln.heading and self.section_level and ln.heading > self.section_level
                    and self.section_inferred and PAGE_OWN.search(st) and len(text) <= 12):
                # 超市安防员的工作职责 (a title), then ## 引言 over a paragraph, ## 监控和巡逻 …, ## 总结: a part of the
                # page's own among the headings of its duties; what it says introduces or sums them up, it is none of them
                if self.duties_summary(p, text, ln):
                    return True
                self.own_part = text
                self.unplaced.append(Unplaced(ln.text.strip(), ln.where, "a heading of the page's own: not a duty"))
                self.last_soft = False
                return True
            if (self.section in (DUTIES, QUALIFICATIONS) and ln.heading and self.section_level
                    and ln.heading > self.section_level and (not POST_TITLE.search(st) or ln.where in self.group_headings)
                    and not TITLE.match(st)
                    and ((len(text) <= 20 and not re.search(r"[，,。；;！!？?]", text))
                         or (len(text) <= 40 and st.endswith(("?", "？")) and not re.search(r"[。；;！!]", text)))):
                # ## 岗位职责, then ### 1、社区管理 with its items under it: a heading below the section's names a
                # group of its items (教育背景 a group of the requirements), no post and no item; so a heading that asks
                # a question (## 导购入职要做哪些日常工作? over its answer): it titles what follows, it is none of it
                self.drop_lead()
                self.own_part = ""
                self.unplaced.append(Unplaced(ln.text.strip(), ln.where, "the name of a group of duties: a heading, not a duty"))
                # the group's items start afresh: a paragraph under it (### 库存管理, then 记录…。) is its item, even past
                # the bullets of the group before it (### 商品管理 over - 商品上架…), not a line after a list
                self.last_soft, self.section_numbered = False, False
                return True
        part = PAGE_PART.match(st) if OUTLINE.match(ln.text) and not ln.heading else None
        if (part is not None and p is None and not self.posts and self.section is None and is_post_title(part.group(1))
                and kind_of(part.group(2)) is not None and TITLE.match(st) is None):
            # a page whose title names no post (揭秘南康蔬菜分拣员:辛勤与智慧), then its parts 一、南康蔬菜分拣员的工作环境,
            # 二、…的工作流程: the page is about that post. A file named for the post's work (蔬菜分拣员的工作流程.txt)
            # names it without what the page puts before it (a place, a company)
            said = part.group(1)
            named = post_of_file(Path(self.file).stem)
            p = self.start(ln.where, named if named and said.endswith(named) else said, "heading", _INFERRED)
            self.page_name = (p, said)
        own = p.name if p is not None and p.name is not None else ""
        if self.page_name is not None and self.page_name[0] is p and not st.startswith(simplified(own)):
            own = self.page_name[1]
        if (p is not None and p.name is not None and p.name_from in ("title", "heading") and (ln.heading or OUTLINE.match(ln.text))
                and st.startswith(simplified(own)) and (POST_PART.match(st[len(own):])
                                                 or (BARE_PART.match(st[len(own):]) and PART_SUMMARY.search(st)))
                and not POST_TITLE.search(st) and not re.search(r"[，,。；;！!]", text)):
            # a page about 导购员, then ## 二、导购员的主要职责, ## 三、导购员需要具备的技能, ## 四、导购员的工作环境: the parts of
            # that post's page; the one on its duties (requirements) opens them, the others hold neither
            rest = st[len(own):]
            if PART_SUMMARY.search(rest) and p.duties:
                # ## 二、理货员工作内容一览表 after ## 一、理货员的主要工作内容 gave the duties: a summary restating them in
                # other words, not more of them
                self.open_section(OTHER, text, ln.where)
                self.summing_up = True
            elif PART_DUTIES.search(rest) or (PART_PROCESS.search(rest) and not p.duties):
                # so a part on its work steps (二、…的工作流程) on a page that gave no duties before it: what the post does
                self.drop_page_lead(p, text)
                self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
            elif PART_REQUIREMENTS.search(rest):
                self.open_section(QUALIFICATIONS, "任职要求", ln.where)
            else:
                self.open_section(OTHER, text, ln.where)
            self.section_outline, self.section_level = outline_kind(ln.text), ln.heading or _INFERRED
            return True
        if GENERIC.match(st):
            if ln.heading or len(text) <= 20:
                self.close()
                return True
            return False
        lab = label_of(text, marked=True) if ln.heading else None
        if lab is not None:
            kind, word, rest = lab
            self.field(kind, word, rest, ln.where)
            if kind in (DUTIES, QUALIFICATIONS) and not rest:
                self.section_level = ln.heading
            return True
        tail = TITLE_TAIL.match(st)
        if tail is not None and len(simplified(text)) == len(st):
            # 导购职责有哪些?一文看懂导购岗位要求: the question names the post and the tail, naming it again, says what
            # the page gives; the title is the question
            head = tail.group(1)
            asked_name = TITLE.match(head) or (ASKED_DUTIES.match(head) if not self.posts and p is None else None)
            if asked_name is not None and asked_name.group(1).strip() and asked_name.group(1).strip() in tail.group(2):
                st, text = head, text[:len(head)]
        title = TITLE.match(st)
        if title is None and not self.posts and p is None:
            title = ASKED_DUTIES.match(st)  # 导购职责有哪些?: the page's first title asks what a post's duties are
        if title is None and not self.posts and p is None:
            title = DUTIES_OF.match(st)  # 拼多多仓库管理员的职责: the page's first title names a post's duties
        if title is not None and POSTS_AT_LARGE.search(st):
            title = None  # 二、各岗位职责: the duties of every post, each under its own heading below; the title names none
        if title is not None:
            # 店员,岗位职责: a comma typed between the post and what the title says of it is no part of the post's name
            name = post_in_title(clean_title(text[:title.end(1)]).rstrip(",，、 "))
            asked = QUESTION_TITLE.match(simplified(name))
            if asked is not None and asked.end(1) < len(name):
                # 门店督导是做什么的?岗位职责有哪些: the page's question, then what the title says follows; the post is
                # the one the question asks about
                name = name[:asked.end(1)].strip()
            if name and is_title_department(name) and "岗位" not in name and "职位" not in name:
                self.close()  # 采购部岗位职责: the posts of a department follow
                self.department = name
                return True
            requirements = bool(QUALIFICATIONS_TITLE.search(st))
            if name and kind_of(name) is None and p is not None and p.name == name and (requirements or not p.duties):
                # 岗位名称：仓库管理员, then 一、仓库管理员岗位职责 (or 二、网店运营的任职要求 after its duties): the same
                # post's duties (qualifications), no second post
                if requirements:
                    self.open_section(QUALIFICATIONS, "任职要求", ln.where)
                    self.section_outline, self.section_level = outline_kind(ln.text), ln.heading
                elif DUTIES_TITLE.search(st):
                    self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
                    self.section_outline, self.section_level = outline_kind(ln.text), ln.heading
                    self.lead_from, self.lead_past_blank = len(p.duties), False
                return True
            if requirements and (self.posts or (p is not None and not p.empty()) or NO_POST.match(name)):
                name = ""  # 基本任职要求, or 店员任职要求 in the middle of another post's document: no post's title
            if name and kind_of(name) is None:
                self.start(ln.where, name, "heading" if ln.heading else "title", ln.heading)
                assert self.post is not None
                self.post.title_level = ln.heading
                if requirements:
                    self.requirements_page = self.post  # 淘宝电商客服岗位要求: the page states the post's requirements
                if DUTIES_TITLE.search(st):
                    self.open_section(DUTIES, "岗位职责", ln.where, inferred=True)
                    self.duties_titled, self.section_level = self.post, ln.heading
                    self.lead_from, self.lead_past_blank = 0, False
                return True
        if p is not None and p.name is not None and self.post_part(text, st, ln.where):
            return True
        aside = ASIDE_DUTIES.match(st)
        if (aside is not None and not self.posts and (p is None or p.empty()) and aside.group(1).endswith(aside.group(2))
                and (is_post_title(aside.group(1)) or called_post(aside.group(1), self.prose))):
            # 直播间场控(场控的工作职责) over a lead saying 直播间场控作为一个重要职位: the name, then in brackets what the
            # page is on, the duties of the same post by its short name; the page is about the post the name is
            self.start(ln.where, post_of_setting(text[:aside.end(1)].strip()), "title", ln.heading)
            assert self.post is not None
            self.post.title_level = ln.heading
            return True
        question = QUESTION_TITLE.match(st)
        asks = re.match(r"^(.+?[?？])\s*(\S.*[?？])$", st)
        about = False
        if question is None and asks is not None:
            # 直播运营是做什么的?直播运营职责和技能要求是什么?: the page's question about a post, then one about its duties;
            # asked about the duties, the name is a post's whatever its word (运营 is no post word, as 店长 is)
            question = QUESTION_TITLE.match(asks.group(1))
            about = (question is not None and asks.group(2).startswith(question.group(1))
                     and bool(PART_DUTIES.search(asks.group(2)[len(question.group(1)):])))
        asking = [q for q in (*self.posts, p) if q is not None and not q.empty()]
        siblings = bool(ln.heading and asking and all(q.name_from == "title" and q.title_level == ln.heading for q in asking))
        # ### 一、会员管理员是什么? over its duties, then ### 二、收银员是什么?: a heading asking alike, at the same level,
        # names the next post the page is about
        # 仓管主要做些什么 over a lead saying 很多人对“仓管”这一职位了解不深: the page says the name is a post's, whatever its word
        if (question is not None and (is_post_title(question.group(1)) or about or ASKS_POST.search(st)
                                      or called_post(question.group(1), self.prose))
                and ((not self.posts and (p is None or p.empty())) or siblings)):
            self.start(ln.where, post_of_setting(text[:question.end(1)].strip()), "title", ln.heading)
            assert self.post is not None
            self.post.title_level = ln.heading
            return True
        if not ln.heading:
            return False
        if (p is not None and p is self.requirements_page and p.title_level and ln.heading > p.title_level
                and not SECTION_WORDS.search(st) and not is_post_title(st) and not department_and_post(text)
                and len(text) <= 24 and not text.endswith(_TERMINAL)):
            # # 淘宝电商客服岗位要求, then ## 1. 基本要求, ## 3. 软件使用, ## 6. 加分项: the title says the page states the
            # post's requirements, and its parts are their groups, whatever each is called; a part with a label of its own
            # (## 7. 岗位职责, ## 8. 薪资福利) was read as that label above, and the page's own (## 总结) is none
            self.open_section(QUALIFICATIONS, text, ln.where, inferred=True)
            self.section_level, self.section_outline = ln.heading, outline_kind(ln.text)
            self.unplaced.append(Unplaced(text, ln.where, "a part of the post's requirements: its heading is no requirement"))
            return True
        if (SECTION_WORDS.search(st) or POSTS_AT_LARGE.search(st) or (NO_POST.match(st) and not POST_TITLE.search(st))
                or (ORG_CHART.search(st) and (p is None or p.name_from != "label"))):
            # 一、电商行业岗位分类概览, 前言, 总结: a part of the document about posts, not a post; so 二、通用招聘条件 or
            # 基本要求, which a post's title never starts with (what it says holds for every post, not for one)
            self.close()
            self.unplaced.append(Unplaced(text, ln.where, "a heading of the document's own: no post"))
            return True
        if DEPARTMENT_NAME.match(st) and "岗位" not in st and "职位" not in st:
            self.close()
            self.department = text
            return True
        split = department_and_post(text)
        if split is not None:  # 收货部 · 收货主管
            self.start(ln.where, split[1], "heading", ln.heading)
            assert self.post is not None
            self.post.department = split[0]
            return True
        if p is not None and 0 < ln.heading < p.level:
            # （二）客服 under 三、岗位职责, then 四、附则: a heading above the post's own ends it; what is under it
            # (本手册由…解释) is the document's, not the post's
            self.close()
            self.unplaced.append(Unplaced(text, ln.where, "a heading above the post's own: the post has ended"))
            return True
        if (p is not None and (p.name_from == "label" or (p.name_from == "heading" and p.title_level and ln.heading > p.title_level
                                                          and (not p.duties or self.in_part)
                                                          and not is_post_title(ASIDE.sub("", p.name or ""))))
                and not POST_TITLE.search(st) and not department_and_post(text) and len(text) <= 24 and not text.endswith(_TERMINAL)):
            # the post is named by its label; a heading after it that is no post's title (一、部门职能, 二、人员管理) is a
            # part of this post's document: what is numbered under it is the post's, the rest is listed. So for a post
            # named by a title heading (# 会员运营岗位内容怎么写) over lower headings that name no post (## 一、会员招募)
            self.section, self.in_part = None, True
            self.unplaced.append(Unplaced(text, ln.where, "a heading of a part of the post's document"))
            return True
        if ORG.search(st) and not POST_TITLE.search(st) and not self.posts and (p is None or p.empty()):
            # a company's or a store's name at the top (鑫盛连锁超市): the document's title, no post
            self.close()
            self.unplaced.append(Unplaced(text, ln.where, "the name of the company: no post"))
            self.title = self.unplaced[-1]
            return True
        if len(text) <= 24 and not text.endswith(_TERMINAL):
            self.start(ln.where, text, "heading", ln.heading)
            return True
        return False

    def post_part(self, text: str, st: str, where: Where) -> bool:
        """A line of the post's name and a part's label word (收银主管发展方向, 收銀主管發展方向, 店长的工作环境), as a pasted page
        names each part of the post's page (收银主管岗位职责, 收银主管岗位要求, then 收银主管发展方向): the label of that part,
        as the word alone on its line would be (with its value after a colon, as the word's would be). A word that is a
        label only when marked (培训, 说明) does not count."""
        p = self.post
        head, _, rest = re.split(r"([:：])", text, maxsplit=1) if re.search(r"[:：]", text) else (text, "", "")
        if p is None or p.name is None or len(head) > 24 or re.search(r"[，,。；;！!？?、\s]", head):
            return False
        name, st = simplified(p.name), simplified(head)
        if not st.startswith(name):
            return False
        word = re.sub(r"^的", "", head[len(name):])  # as written: 發展方向 reads as 发展方向 in kind_of
        kind = kind_of(word) if len(word) >= 2 and simplified(word) not in LOOSE else None
        if kind not in (DUTIES, QUALIFICATIONS, OTHER, QUAL_ITEM):
            return False
        assert kind is not None
        self.field(kind, word, rest.strip(), where)  # 收银主管发展方向:可往…: the label and its value, as 发展方向:可往…
        return True

    # -- tables

    def table(self, table: Table) -> None:
        self.blank = False
        p = self.post
        if self.summing_up and self.section == OTHER:
            # the table of a part that sums up the duties the page gave (工作内容 | 具体任务说明 under 理货员工作内容一览表):
            # the same work in other words, no duties and no labels
            self.unplaced += [Unplaced(" | ".join(c.text for c in row), table.where, f"under {self.section_label}: a summary, "
                                       "not a duty") for row in table.rows if any(c.text for c in row)]
            return
        if (not table.continues and self.section in (DUTIES, QUALIFICATIONS) and p is not None and self.last_item is not None
                and (self.last_item.text.endswith(("：", ":")) or TABLE_LEAD.search(self.last_item.text))):
            items = p.duties if self.section == DUTIES else p.qualifications
            if items and items[-1] is self.last_item:
                # 店长的岗位职责及具体内容见下表：then the table: the line leads into the table, it is no item
                items.pop()
                self.unplaced.append(Unplaced(self.last_item.text, self.last_item.where,
                                              "a line leading into the table below: not a duty"))
        caption: tuple[list[Item], Item] | None = None
        if (not table.continues and self.section in (DUTIES, QUALIFICATIONS) and p is not None and self.last_item is not None
                and not self.last_item.text.endswith(_TERMINAL) and GROUP_NAME.match(self.last_item.text)):
            items = p.duties if self.section == DUTIES else p.qualifications
            if items and items[-1] is self.last_item and len(items) == self.section_from + 1:
                caption = (items, self.last_item)  # 一、物品验收入库职责 over a 序号 | 职责描述 table: its caption, if the table is one
        self.last_item = None
        if not table.continues:
            self.section = None
        if self.posts_across(table):
            return
        columns: dict[int, str] | None = None
        previous, self.last_columns = self.last_columns, None
        if table.continues and previous is not None and table.rows and len(table.rows[0]) == previous[0]:
            columns = previous[1]  # a duty table broken by a page end, its header not repeated
            self.last_columns = previous
        cut = table.continues  # its first row may be the rest of the row the page end cut
        across: dict[int, tuple[str, str]] | None = None  # labels across a row, their values in the row below
        roster: dict[int, tuple[str, str]] | None = None  # labels across naming a post, over a staffing table's rows
        ignoring = False
        consumed: set[int] = set()  # ids of cells already read (a merged cell repeats)
        titled = titled_form_rows(table.rows)
        for k, row in enumerate(table.rows):
            texts = [c.text for c in row]
            if not any(texts):
                continue
            firsts = [simplified(STRIP_LABEL.sub("", first_line(t)).rstrip("：:")) for t in texts]
            if any(f in ("修订记录", "修订历史", "版本记录", "变更记录") for f in firsts):
                ignoring = True
                continue
            header = described_columns(row, table.rows[k + 1:]) or self.header(row) or grouped_duty_header(row, table.rows[k + 1:])
            if header is not None:
                columns, ignoring = duty_column(header, [c.text for c in row], table.rows[k + 1:]), False
                self.titled_cells = titled_cells(columns, table.rows[k + 1:])
                if caption is not None and caption[0] and caption[0][-1] is caption[1]:
                    # a short line with no sentence, the only line of its section, right over a table of one duty a row:
                    # it names the table (一、物品验收入库职责), the rows are the duties
                    caption[0].pop()
                    self.unplaced.append(Unplaced(caption[1].text, caption[1].where, "the title of the table below: not a duty"))
                self.last_columns = (len(row), columns)
                continue
            caption = None  # the table starts with rows of another kind: the line is not its caption
            kinds = [kind_of(f) for f in firsts]
            named = [k for k, t in zip(kinds, texts, strict=True) if t]
            if len(named) >= 2 and all(k == SIGNOFF for k in named):  # 版本 | 修订日期 | 修订内容: a revision table
                ignoring = True
                continue
            if self.signoff(row, kinds):
                continue
            if across is not None and not any(kinds):
                self.values_below(across, row)
                roster = across if any(k == NAME for k, _ in across.values()) else None
                if roster is not None and self.post is not None:
                    self.listed.add(id(self.post))
                across = None
                continue
            if roster is not None and not any(kinds) and listed_row(roster, row):
                # 岗位 | 定员 | 直接上级 over one post a row: a staffing table; every row lists a post, not the first alone
                self.values_below(roster, row)
                if self.post is not None:
                    self.listed.add(id(self.post))
                continue
            roster = None
            across = self.labels_across(row)
            if across is not None:
                columns = None
                continue
            post_label = any(k in (NAME, DEPARTMENT, REPORTS_TO, DUTIES, QUALIFICATIONS, OTHER, META) for i, k in enumerate(kinds)
                             if not (columns is not None and columns.get(i) == GROUP))
            # a category column's cell (工作职责, 工作流程 under 类别) says what kind of duty its row holds: no label
            if ignoring and not post_label:
                continue
            ignoring = False
            if columns is not None and any(TOTAL.match(f) for f in firsts if f):
                self.unplaced.append(Unplaced(" | ".join(dict.fromkeys(t for t in texts if t)), row[0].where,
                                              "a total row: no post"))
                continue
            if columns is not None and not post_label:
                if len(row) > 1 and all(c is row[0] for c in row):
                    # a row merged across the table (一、工作职责): it heads the rows below, it is none; when it names
                    # another section (三、任职要求), the rows below, laid out alike, are that section's
                    lab = label_of(row[0].text, marked=True)
                    if lab is not None and lab[0] in (DUTIES, QUALIFICATIONS) and not lab[2]:
                        columns = {i: (lab[0] if kind in (DUTIES, QUALIFICATIONS) else kind) for i, kind in columns.items()}
                    elif lab is not None and lab[0] == OTHER and not lab[2]:
                        columns = None
                        self.open_section(OTHER, lab[1], row[0].where)
                    elif lab is None and sum(1 for ln in row[0].lines if ln.text.strip()) >= 2:
                        # under 二、任职资格 merged across, the requirements in one merged cell, not in the columns:
                        # that section's items
                        kind = next((k for k in columns.values() if k in (DUTIES, QUALIFICATIONS)), DUTIES)
                        self.open_section(kind, kind, row[0].where)
                        self.lines(row[0].lines)
                        self.section = None
                    continue
                if not (cut and self.rest_of_cut_row(row, columns)):
                    self.column_row(row, columns)
                cut = False
                continue
            columns = None
            if k in titled and self.section in (DUTIES, QUALIFICATIONS) and self.post is not None and id(row[0]) not in consumed:
                # 顾客服务 | 店员负责…。 under a 岗位职责 row of a 项目 | 内容 form: the short cell titles the item beside it
                self.unplaced.append(Unplaced(row[0].text, row[0].where, "the title of the item beside it: not a duty"))
                consumed.add(id(row[0]))
            self.label_row(row, consumed)
        # what the next page's table may continue: the duty columns this table ended in (a section row may have
        # turned them into requirements), or none
        self.last_columns = (self.last_columns[0], columns) if columns is not None and self.last_columns is not None else None

    def posts_across(self, table: Table) -> bool:
        """A table with one post per column (项目 | 店长 | 店员 | 收银员, then 所属部门 | …, 岗位职责 | …): each
        column read as that post's form. False, reading nothing, when the table is not one."""
        rows = [r for r in table.rows if any(c.text for c in r)]
        if len(rows) < 3 or len(rows[0]) < 3:
            return False
        head = rows[0]
        corner = simplified(STRIP_LABEL.sub("", first_line(head[0].text)).rstrip("：:"))
        if corner and corner not in _CORNERS and kind_of(corner) != NAME:
            return False
        labels = [label_of(r[0].text, marked=True) if r[0].text else None for r in rows[1:]]
        if not any(lab is not None and lab[0] == DUTIES for lab in labels) or sum(lab is not None for lab in labels) < 2:
            return False
        columns = [j for j in range(1, len(head)) if head[j].text and head[j] is not head[j - 1]]
        if len(columns) < 2 or any(label_of(head[j].text, marked=True) is not None for j in columns):
            return False
        duty_rows = [r for r, lab in zip(rows[1:], labels, strict=True) if lab is not None and lab[0] == DUTIES]
        if not all(len({id(r[j]) for j in columns if j < len(r)}) == len(columns) for r in duty_rows):
            return False  # a form whose 岗位职责 value is merged across the columns: one post, not one per column
        for j in columns:
            self.start(head[j].where, clean_title(head[j].text), "column")
            for r, lab in zip(rows[1:], labels, strict=True):
                cell = r[j] if j < len(r) else None
                if lab is None or cell is None or not cell.text:
                    continue
                kind, word, _rest = lab
                if kind in (DUTIES, QUALIFICATIONS, OTHER):
                    self.field(kind, word, "", cell.where, cell.lines)
                elif kind != NAME:
                    self.field(kind, word, cell.text.replace("\n", "") if kind == REPORTS_TO else cell.text.split("\n")[0],
                               cell.where)
            self.close()
        return True

    def labels_across(self, row: list[Cell]) -> dict[int, tuple[str, str]] | None:
        """A row of labels only (职位名称 | 所属部门 | 直接上级), whose values are in the row below: column
        index → (kind, label); None when the row is not one."""
        out: dict[int, tuple[str, str]] = {}
        seen: set[int] = set()
        for i, c in enumerate(row):
            if id(c) in seen or not c.text:
                continue
            seen.add(id(c))
            lab = label_of(c.text, marked=True)
            if lab is None or lab[2] or lab[0] not in (NAME, DEPARTMENT, REPORTS_TO, HEADCOUNT, META):
                return None
            out[i] = (lab[0], lab[1])
        if len(out) < 2 or not {NAME, DEPARTMENT, REPORTS_TO, HEADCOUNT} & {k for k, _ in out.values()}:
            return None
        return out

    def values_below(self, labels: dict[int, tuple[str, str]], row: list[Cell]) -> None:
        for i, (kind, word) in sorted(labels.items(), key=lambda kv: kv[1][0] != NAME):  # the post first
            c = row[i] if i < len(row) else None
            if c is None or not c.text:
                continue
            value = c.text.replace("\n", "") if kind == REPORTS_TO else c.text.split("\n")[0]
            self.field(kind, word, value, c.where)

    def signoff(self, row: list[Cell], kinds: list[str | None]) -> bool:
        """A sign-off row (编制 / 审核 / 批准 and their dates): not part of any post."""
        if SIGNOFF in kinds:
            return not any(k in (NAME, DUTIES, QUALIFICATIONS) for k in kinds)
        firsts = [simplified(c.text.strip().rstrip("：:")) for c in row]
        if "编制" in firsts:
            i = firsts.index("编制")
            nxt = next((c.text for c in row[i + 1:] if c is not row[i]), "")
            return headcount_of(nxt) is None and nxt.strip() != ""
        return False

    def header(self, row: list[Cell]) -> dict[int, str] | None:
        """The header of a table of one duty per row (序号 | 职责描述 | 考核标准 | 权重, or 部门 | 岗位 | 职责):
        column index → what it holds; None when the row is not one."""
        cols: dict[int, str] = {}
        seen: set[int] = set()
        unknown = 0
        for i, c in enumerate(row):
            if id(c) in seen:
                continue
            seen.add(id(c))
            t = STRIP_LABEL.sub("", c.text).rstrip("：:")
            if not t:
                continue
            kind = column_kind(t)
            if kind is None and simplified(t) in CATEGORY_HEADS:
                kind = GROUP  # 类别 beside 岗位职责: what kind of duty each row states (工作职责, 工作流程), no duty itself
            if kind is None:
                unknown += 1
                if unknown > 2 or len(t) > 8 or re.search(r"[，,。；;！!？?]", t):
                    return None
                continue  # 班次, 备注说明: a column of no interest beside known ones
            cols[i] = kind
        kinds = set(cols.values())
        if len(cols) < 2 or not ({DUTIES, QUALIFICATIONS} & kinds):
            return None
        if unknown and not ({NAME, COLUMN} & kinds):
            return None
        if not ({COLUMN, NAME, DEPARTMENT} & kinds) and len(kinds) < 2:
            return None
        return cols

    def rest_of_cut_row(self, row: list[Cell], columns: dict[int, str]) -> bool:
        """The first row of a duty table continued on a new page, whose title cells (序号, 职责项目, …) are
        empty and whose duty cell goes on with the sentence the page end cut (Word lets a row break
        across pages): joined to the last duty. False, reading nothing, when the row is not one."""
        p = self.post
        duty = next((i for i, kind in columns.items() if kind in (DUTIES, QUALIFICATIONS)), None)
        if p is None or duty is None or duty >= len(row) or not row[duty].text:
            return False
        if any(row[i].text for i in columns if i != duty and i < len(row) and columns[i] in (NAME, GROUP, COLUMN)):
            return False
        items = p.duties if columns[duty] == DUTIES else p.qualifications
        if not items or items[-1].text.endswith(_TERMINAL):
            return False
        items[-1].text = functools.reduce(join_text, (ln.text for ln in row[duty].lines if ln.text.strip()), items[-1].text)
        return True

    def column_row(self, row: list[Cell], columns: dict[int, str]) -> None:
        """A row of a table of one duty per row; a post column (merged over its rows) names the post."""
        vals: dict[str, Cell] = {}
        for i, kind in columns.items():
            if i < len(row) and kind not in vals:
                vals[kind] = row[i]
        name_cell = vals.get(NAME)
        if name_cell is not None and name_cell.text:
            dept_cell = vals.get(DEPARTMENT)
            dept = clean_title(dept_cell.text) if dept_cell is not None and dept_cell.text else self.department
            name = clean_title(name_cell.text)
            key = (dept, name)
            if self.post is None or (self.post.department, self.post.name) != key:
                known = self.by_column.get(key)
                described = [q for q in (*self.posts, self.post) if q is not None and q.name_from != "column" and q.duties]
                if known is None and any(q.name == name and (dept_cell is None or q.department == dept) for q in described):
                    # 岗位 | 主要职责 after ### 一、会员管理员是什么? and ### 二、收银员是什么? gave each post its duties: the
                    # table compares the posts the page described, in other words; its cells are no more duties
                    self.close()
                    self.unplaced.append(Unplaced(" | ".join(c.text for c in row if c.text), row[0].where,
                                                  "a table restating a post described above: a summary, not its duties"))
                    return
                if known is not None:
                    self.close()
                    self.post = known
                else:
                    p = self.post
                    if (p is not None and not self.posts and not self.by_column and p.name_from in ("title", "heading")
                            and not (p.duties or p.qualifications)):
                        # 眼镜部岗位设置及职责, 所属部门:眼镜部　直接上级:眼镜部主管, then a table of one post a row: the title
                        # names the document, no post; its fields are every row's post's, unless the row states its own
                        self.unplaced.append(Unplaced(p.name or "", p.where, "the title of the table of posts below: no post"))
                        self.department = p.department or self.department
                        dept = dept if dept_cell is not None and dept_cell.text else self.department
                        self.reports_to_all = p.reports_to
                        self.post = None
                    self.start(name_cell.where, name, "column")
                    assert self.post is not None
                    self.post.department = dept
                    self.post.reports_to = self.reports_to_all
                    self.by_column[key] = self.post
                    self.posts.append(self.post)  # kept by this table, not by close()
        post = self.post
        if post is None:
            text = " | ".join(c.text for c in row if c.text)
            self.unplaced.append(Unplaced(text, row[0].where, "a duty row with no post"))
            return
        for i in [i for i, kind in columns.items() if kind == GROUP and i < len(row)]:
            group = row[i]
            if group.text and id(group) not in self.groups:  # 职责模块, merged down its duties: no duty
                self.groups.add(id(group))
                why = ("the title of the requirement beside it: not a qualification" if QUALIFICATIONS in vals and DUTIES not in vals
                       else "the name of a group of duties: a heading, not a duty")
                self.unplaced.append(Unplaced(group.text, group.where, why))
        for kind in (REPORTS_TO, HEADCOUNT):
            c = vals.get(kind)
            if c is not None and c.text:
                self.field(kind, kind, c.text, c.where)
        for kind in (DUTIES, QUALIFICATIONS):
            c = vals.get(kind)
            if c is not None and c.text and id(c) not in self.groups:
                self.groups.add(id(c))  # a cell merged down several rows (任职要求 beside each duty): read once
                self.section, self.section_label, self.section_numbered, self.last_soft = kind, kind, False, False
                self.blank = False
                lines = c.lines
                if id(c) in self.titled_cells:
                    title = next(ln for ln in lines if ln.text.strip())
                    self.unplaced.append(Unplaced(title.text.strip(), title.where, "the title of the duty under it: not a duty"))
                    lines = lines[lines.index(title) + 1:]
                self.lines(lines)  # a row is one item, or several when its cell numbers them
        self.section = None

    def label_row(self, row: list[Cell], consumed: set[int]) -> None:
        """A row of a form: label cells followed by their values, or a section's content."""
        cells: list[Cell] = []
        for c in row:
            if id(c) in consumed or (cells and cells[-1] is c):
                continue
            cells.append(c)
        i = 0
        while i < len(cells):
            c = cells[i]
            consumed.add(id(c))
            text = c.text
            if not text:
                i += 1
                continue
            if len(c.lines) == 1 and self.labels(text, c.where):
                i += 1
                continue
            lab = label_of(text, marked=True)
            if lab is None:
                if self.section is None and self.heading_or_title(Line(text, c.where)):
                    i += 1
                    continue
                if re.fullmatch(r"\s*\d{1,3}\s*[.、．]?\s*", text) and i + 1 < len(cells) and self.section in (DUTIES, QUALIFICATIONS):
                    i += 1  # the number of a row under a label merged down (岗位职责 | 2 | …): the item follows
                    continue
                self.lines(c.lines)
                i += 1
                continue
            kind, word, rest = lab
            value_lines: list[Line] = []
            if rest:  # the value is in the label's own cell (岗位名称：店长, 岗位职责：\n1. …)
                first = c.lines[0].text if c.lines else ""
                first_rest = label_of(first, marked=True)
                value_lines = ([Line(first_rest[2], c.lines[0].where, soft=c.lines[0].soft)] if first_rest and first_rest[2] else []) \
                    + list(c.lines[1:])
            elif i + 1 < len(cells) and ((after := label_of(cells[i + 1].text, marked=True)) is None or (
                    kind == QUALIFICATIONS and after[0] == QUAL_ITEM and after[2])):
                # the value cell; under 任职资格 it may itself be lines of labelled requirements (年龄:25-45岁⏎性别:女性)
                if re.fullmatch(r"\s*\d{1,3}\s*[.、．]?\s*", cells[i + 1].text) and i + 2 < len(cells) and cells[i + 2].text:
                    consumed.add(id(cells[i + 1]))  # 岗位职责 | 1 | 监督…: the number of the row, then its item
                    i += 1
                value_lines = list(cells[i + 1].lines)
                consumed.add(id(cells[i + 1]))
                i += 1
            value = "\n".join(ln.text for ln in value_lines).strip()
            if kind in (DUTIES, QUALIFICATIONS, OTHER):
                self.field(kind, word, "", c.where, value_lines)
            else:
                self.field(kind, word, value.split("\n")[0] if kind != REPORTS_TO else value.replace("\n", ""), c.where)
            i += 1


_CORNERS = {"项目", "内容", "类别", "岗位", "职位", "名称", "事项"}
"""What the corner cell of a table with one post per column says (项目 | 店长 | 店员)."""
_INFERRED = 9  # the level of a heading found by its shape: below every styled one


_NO_DUTY_SENTENCE = re.compile(r"^(?:薪资|薪酬|工资|待遇|福利|收入|晋升|发展空间|职业发展|不参与|不负责|无需|不需要|不涉及)")
"""A sentence about pay or prospects (薪资固定,晋升空间有限。) or about work the post does not do (不参与长期计划…): said of
the post, but no duty."""


def parse_blocks(file: str, blocks: Sequence[Block]) -> tuple[list[DraftPost], list[Unplaced]]:
    """The posts one document states, in order, and what could not be placed."""
    r = _Reader(file)
    r.blocks = blocks
    after_table = False
    texts = [b.text.strip() if isinstance(b, Line) else None for b in blocks]
    r.prose = texts
    titles = sibling_titles(texts)
    sole: dict[int, DraftPost] = {}  # a paragraph after a post heading and its fields → the post it is the duty of
    post_paragraphs: dict[int, DraftPost] = {}  # a post heading's one paragraph → its post (see is_does_needs)
    closes: set[int] = set()  # a line after the last post's paragraph of a run of post headings: the post's duty ended
    named = named_paragraphs(texts)
    leads = titled_leads(blocks, texts)
    items = post_items(blocks, texts)
    item_titles, item_leads, item_more = titled_paragraphs(blocks, texts)
    sibling_labels = sibling_post_labels(blocks, texts)
    r.group_headings = sibling_headings(blocks, texts)
    r.topic_siblings = topic_siblings(blocks)
    levels = [b.heading if isinstance(b, Line) else 0 for b in blocks]
    post_groups = group_lines(texts, levels)
    listed = named_posts(texts, levels, is_post_title)
    openings = advert_posts(texts, levels, is_field_line, is_list_label)
    taken: set[int] = set()  # the lines of a listed post (see named_posts), read with its name
    for k, b in enumerate(blocks):
        post_label = False
        if k in taken:
            continue
        if k in post_groups and isinstance(b, Line):
            # (二)客服组 over 2.9 客服人员, as (一)电商运营组 over 2.1 店长: the group of the posts below, no duty of the post above
            r.unplaced.append(Unplaced(b.text.strip(), b.where, "the name of a group of the posts below it: not a duty"))
            r.section = None
            continue
        if k in openings and isinstance(b, Line):
            # 3、天猫店长（急招）, then 学历要求：… 招聘对象：… 任职要求：: an opening of a job board's listing names its post
            r.line(Line(openings[k], b.where, heading=_INFERRED))
            continue
        if k in listed and isinstance(b, Line):
            # 店长/经理, then 负责整体运营管理…。 then 需要有管理经验…。: the post, its work, what it needs
            named_post = listed[k]
            r.line(Line(named_post.name, b.where, heading=_INFERRED))
            p = r.post
            if p is not None and p.name == named_post.name and p.empty():
                duty = blocks[named_post.duty]
                r.open_section(DUTIES, "岗位职责", duty.where)
                r.lines([Line(texts[named_post.duty] or "", duty.where, numbered=True)])
                r.section = None
                p.qualifications += [Item(texts[j] or "", blocks[j].where) for j in named_post.needs]
                r.unplaced += [Unplaced(texts[j] or "", blocks[j].where, f"a note on {p.name}: not a duty") for j in named_post.notes]
                taken.update([named_post.duty, *named_post.needs, *named_post.notes])
            continue
        if k in closes and r.section == DUTIES:
            r.section = None  # 总之,… after the last of the posts each one heading over one paragraph: the page's own
        if (k in post_paragraphs and post_paragraphs[k] is r.post and r.section == DUTIES and not (r.post.duties or r.post.qualifications)
                and isinstance(b, Line) and (parts := is_does_needs(r.post.name or "", texts[k] or "")) is not None):
            # 服务员是餐厅中最常见的职位之一。他们负责接待顾客…。服务员需要具备良好的沟通能力…。 under ## 服务员: what
            # the post is (no duty), what it does (its duty) and what it needs (a requirement)
            what, does, needs = parts
            r.unplaced += [Unplaced(t, b.where, "what the post is: not a duty") for t in what]
            r.lines([Line(does, b.where)])
            r.post.qualifications += [Item(t, b.where) for t in needs]
            continue
        if (k in item_titles or k in item_leads) and isinstance(b, Line) and r.section == DUTIES and r.post is not None:
            # 一、直播运营的职责, a paragraph, then 1. 直播内容管理 over its paragraph, 2. 直播推广 over its …: each title names
            # the duty under it, and the paragraph under no title leads into the list (see titled_paragraphs)
            if k in item_titles:
                r.unplaced.append(Unplaced(strip_number(b.text)[0], b.where, "the title of the duty under it: not a duty"))
                r.item_title, r.last_soft = True, False
                continue
            if len(r.post.duties) == r.section_from:
                r.unplaced.append(Unplaced(b.text.strip(), b.where, "the lead of the titled duties below it: not a duty"))
                continue
        if (k in item_more and isinstance(b, Line) and r.section == DUTIES and r.post is not None and r.post.duties
                and r.post.duties[-1].titled):
            # 1. 仓库管理, then two paragraphs past blank lines, as under every title of the list: both are its duties
            last = r.post.duties[-1]
            r.post.duties.append(Item(b.text.strip(), b.where, True, mark=last.mark, titled=True))
            r.last_item, r.last_soft = r.post.duties[-1], False
            continue
        if (k in items and isinstance(b, Line) and (r.section not in (DUTIES, QUALIFICATIONS) or r.post is None
                                                    or r.post is r.inline_post)
                and not any(p.name == items[k][0] for p in [*r.posts, r.post] if p is not None and p is not r.inline_post)):
            # 二、岗位职责划分, then 1. 药师:负责…。 2. 收银员:负责…。: each item a post, the sentence its duty; what
            # follows the list (三、考勤制度 and its rules) is none of theirs. A list naming posts the document has
            # already stated (二、各职位的工作特点 after a table of them) says something else of them: not this
            name, said = items[k]
            r.line(Line(name, b.where, heading=_INFERRED))
            p = r.post
            if p is not None and p.name == name and p.empty():
                r.open_section(DUTIES, "岗位职责", b.where)
                r.inline_post = p
                r.lines([Line(said, b.where, numbered=True)])
                r.section = None
                continue
        if k in leads and isinstance(b, Line) and r.group_lead(b, strip_number(texts[leads[k]] or "")[0]):
            continue
        if isinstance(b, Line) and b.rule:
            r.section, r.blank = None, True  # a thematic break ends the list before it
            continue
        if k in named and isinstance(b, Line) and not b.heading:
            # 淘宝运营。淘宝运营几乎掌握着…: the name heads the post, the paragraph after it is the post's work, one duty as
            # under a post heading; what follows it (the next item's bullet, 赞 (0)) is not
            name, said = named[k]
            r.line(Line(name, b.where, heading=_INFERRED))
            p = r.post
            if p is not None and p.name == name and p.empty():
                r.open_section(DUTIES, "岗位职责", b.where)
                r.lines([Line(said, b.where, numbered=True)])
                r.section = None
                continue
        inline = inline_post(b.text) if isinstance(b, Line) and not b.heading and not b.numbered and texts[k] else None
        if inline is not None and isinstance(b, Line) and (r.section not in (DUTIES, QUALIFICATIONS)
                                                            or (r.post is not None and r.post is r.inline_post)):
            # 值班经理:主要处理当班事务…。负责解决现场冲突…。薪资固定…。 then 店长:… : each line a post, each sentence a
            # duty, but for what it says of pay, prospects or work the post does not do
            r.line(Line(inline[0], b.where, heading=_INFERRED))
            p = r.post
            if p is not None and p.name == inline[0] and p.empty():
                r.open_section(DUTIES, "岗位职责", b.where)
                r.inline_post = p
                for sentence in inline[1]:
                    if _NO_DUTY_SENTENCE.match(sentence):
                        r.unplaced.append(Unplaced(sentence, b.where, "about pay, prospects or work not done: not a duty"))
                    else:
                        r.lines([Line(sentence, b.where, numbered=True)])
                continue
        if isinstance(b, Line) and not b.heading and texts[k]:
            following = next((t for t in texts[k + 1:k + 4] if t != ""), None)
            # not inside a numbered list, where 协助店长: would introduce items of the list
            # or a label line among label lines alike that name posts, each over its paragraph (仓库所有者: beside 仓库经理:)
            post_label = ((is_post_label(b.text, following) or k in sibling_labels)
                          and not (r.section in (DUTIES, QUALIFICATIONS) and r.section_numbered))
            tagged = titled_post_heading(b.text) if r.section not in (DUTIES, QUALIFICATIONS) else None
            if tagged is not None:
                # 1.1 运输调度员:物流网络的“神经中枢”: the post, titled; the tagline after the colon says nothing of it
                r.unplaced.append(Unplaced(tagged[1], b.where, "a post's tagline: not a duty"))
                b = Line(tagged[0], b.where, b.numbered, b.soft, heading=_INFERRED)
            elif k in titles or post_label or is_post_heading(b.text, following):
                b = Line(b.text, b.where, b.numbered, b.soft, heading=_INFERRED)
        if k in sole and sole[k] is r.post and r.post is not None and not (r.post.duties or r.post.qualifications):
            # the paragraph under a post heading and its line of fields (1. 总经理, 所属部门:… 直接上级:…): its duty
            r.open_section(DUTIES, "岗位职责", b.where)
            r.lead_from, r.lead_past_blank = 0, False
        paragraph = sole_paragraph(blocks, texts, k) if isinstance(b, Line) and b.heading and texts[k] else None
        if paragraph is None and k in sibling_labels and isinstance(b, Line) and b.heading:
            # the last of a run of post headings each over one paragraph, then the page's closing paragraph (总之,…):
            # the run says the paragraph under it is its post's, as under its siblings; the closing is none of theirs
            shown = [j for j in range(k + 1, len(blocks)) if texts[j] != "" or getattr(blocks[j], "rule", False)]
            paragraph = shown[0]
            closes.update(shown[1:2])
        if isinstance(b, Line) and paragraph is not None:
            after_table = False
            r.line(b)
            p = r.post
            right_after = paragraph == next(j for j in range(k + 1, len(blocks)) if texts[j] != "" or getattr(blocks[j], "rule", False))
            # a heading over the post's fields (所属部门:… 直接上级:…) heads a post whatever its name looks like (2.2 运营
            # beside 2.1 客服): its fields say so, as a label line after a heading does (is_post_heading)
            if (p is not None and p.name_from == "heading" and (p.name == clean_title(b.text) or p.where == b.where) and p.empty()
                    and (not right_after or is_post_title(ASIDE.sub("", p.name or "").strip()) or k in sibling_labels)):
                # ## 采购分析师, then one paragraph saying the work, then the next heading: the paragraph is the post's duty
                if right_after:
                    r.open_section(DUTIES, "岗位职责", b.where)
                    r.lead_from, r.lead_past_blank = 0, False
                else:
                    sole[paragraph] = p  # its fields first: the section opens at the paragraph
                post_paragraphs[paragraph] = p
            continue
        if post_label and isinstance(b, Line):
            r.line(b)
            p = r.post
            if p is not None and p.name == clean_title(b.text) and not p.duties:
                # 业务员岗：then its sentence: the post's duties, unless a 岗位职责 label follows (then it is the lead)
                r.open_section(DUTIES, "岗位职责", b.where)
                r.lead_from, r.lead_past_blank = 0, False
            continue
        if isinstance(b, Table):
            r.table(b)
            after_table = True
        elif b.text.strip():
            if after_table:  # a line after a table starts afresh: the table's section ended with it
                r.section = None
                after_table = False
            r.line(b)
        else:
            r.blank = True  # an empty paragraph: it may end a list item (see continues)
    r.close()
    seen: set[int] = set()
    posts = []
    for p in r.posts:
        if id(p) not in seen:
            seen.add(id(p))
            posts.append(p)
    companies = companies_said(texts)
    for p in posts if companies else ():
        if p.name is not None and p.name_from in ("title", "heading", "file"):
            # 拼多多仓库管理员的职责 over a page saying 拼多多作为中国领先的电子商务平台之一: the title puts the company
            # before the post, as 某某商贸有限公司导购 does
            p.name = post_of_company(p.name, companies)
    if len(posts) == 1 and posts[0].name is None:
        # 【参考资料】便利店员工 —— 摘自网络,供编写便利店员工岗位说明书参考: the page names no post, the clerk's note says
        # whose job description it is material for
        written_for = post_written_for([t for t in texts if t])
        if written_for is not None:
            posts[0].name, posts[0].name_from = written_for, "lead"
    if len(posts) == 1 and posts[0].name is not None and posts[0].name_from in ("title", "heading"):
        # ## 品類管理崗位職責 under a lead saying 與此相關的工作崗位是品類經理: the heading names the work, the lead the post
        lead_name = post_said(posts[0].name, [t for t in texts if t])
        if lead_name is not None:
            r.unplaced.append(Unplaced(posts[0].name, posts[0].where, f"the work the post {lead_name} does: named by the page's lead"))
            posts[0].name, posts[0].name_from = lead_name, "lead"
    described = {p.name for p in posts if p.duties or p.qualifications}
    if described:
        # a handbook's staffing table lists 质量负责人, 质量验收员 and 养护员 and gives only 质量验收员 a section (注:质量负责人、
        # 养护员的岗位职责见《…》): a listed post with no section is described in another document, not in this one; stated
        # here with no duty, it would contradict that document's statement of it when the two are imported together
        for p in [p for p in posts if id(p) in r.listed and not (p.duties or p.qualifications) and p.name not in described]:
            posts.remove(p)
            r.unplaced.append(Unplaced(p.name or "", p.where, "a post of the staffing table that this document gives no duties: "
                                       "described elsewhere"))
    return posts, r.unplaced


@dataclass(frozen=True)
class DocumentLine:
    text: str
    where: Where
    context: LineContext


def document_lines(blocks: Sequence[Block]) -> list[DocumentLine]:
    """Every line of a document's blocks that is no label itself, with the context a reader sees: the
    last label above it (a label line, a label cell to its left, or its column's header), how far
    back, and its layout. The same walk serves training and reading, so the model sees at work what
    it learnt from (:mod:`retailkg.design.documents.lines`)."""
    raw: list[tuple[str, Where, str, bool, int, bool]] = []  # text, where, section, in table, heading, numbered
    section = "none"

    def label(text: str, marked: bool) -> tuple[str, str, str] | None:
        lab = label_of(text, marked=marked)
        if lab is None and not marked:
            lab = label_of(strip_number(text)[0], marked=False)
        return lab

    for b in blocks:
        if isinstance(b, Line):
            text = b.text.strip()
            if not text:
                continue
            if split_labels(text) is not None:
                section = "fields"  # 所属部门:…　　直接上级:…
                continue
            lab = label(text, False) if len(text) <= 40 or re.match(r"^[^，,。]{1,12}[:：]", text) else None
            title = TITLE.match(simplified(clean_title(text))) if lab is None and len(text) <= 40 else None
            if title is not None:
                section = "duties_title" if DUTIES_TITLE.search(simplified(text)) else "title"  # 店长岗位职责是什么
                continue
            if lab is None and b.heading:
                section = "heading"
                continue
            if lab is not None:
                section = lab[0]
                if lab[2] and lab[0] in ("duties", "qualifications", "other", "qualification item"):
                    raw.append((lab[2], b.where, section, False, b.heading, b.numbered))
                continue
            raw.append((text, b.where, section, False, b.heading, b.numbered))
        elif isinstance(b, Table):
            columns: dict[int, str] = {}
            for row in b.rows:
                kinds = {i: column_kind(re.sub(r"[\s：:]+", "", c.text)) for i, c in enumerate(row) if c.text and len(c.text) <= 10}
                if sum(k is not None for k in kinds.values()) >= 2 and any(k in ("duties", "qualifications") for k in kinds.values()):
                    columns = {i: k for i, k in kinds.items() if k is not None}
                    continue
                row_section: str | None = None
                seen: set[int] = set()
                for i, c in enumerate(row):
                    if id(c) in seen or not c.text:
                        continue
                    seen.add(id(c))
                    lab = label_of(c.text, marked=True) if len(c.text) <= 40 else None
                    if lab is not None:
                        row_section = lab[0]
                        if lab[2] and lab[0] in ("duties", "qualifications", "other", "qualification item"):
                            raw += [(x, c.where, lab[0], True, 0, False)
                                    for x in [lab[2].split("\n")[0].strip()] + [ln.text.strip() for ln in c.lines[1:]] if x]
                        continue
                    sec = row_section or columns.get(i) or ("column" if columns else section)
                    raw += [(ln.text.strip(), ln.where, sec, True, 0, ln.numbered) for ln in c.lines if ln.text.strip()]
                if row_section is not None:
                    section = row_section
    runs: list[int] = []  # the run of lines under one section each line is in
    for k, item in enumerate(raw):
        runs.append(runs[-1] + (item[2] != raw[k - 1][2]) if k else 0)
    listed = {runs[k] for k, item in enumerate(raw) if item[5] or strip_number(item[0])[1]}
    out: list[DocumentLine] = []
    since = 0
    n = max(len(raw) - 1, 1)
    for k, (text, where, sec, in_table, heading, numbered) in enumerate(raw):
        since = since + 1 if k and runs[k] == runs[k - 1] else 0
        prev = raw[k - 1][0] if k else ""
        ctx = LineContext(sec, since, heading, numbered, in_table, k / n, prev.endswith((":", "：")), runs[k] in listed)
        out.append(DocumentLine(text, where, ctx))
    return out
