"""What a table's header and rows say, read the way a person reads a form's grid: which column holds the duties, their
group, their requirements or a score (序号 | 职责描述 | 考核标准 | 权重, 职责模块 | 工作内容, 项目 | 要求); which rows of a
form are titles across it; a row of values under a row of labels; cells that title the duty cells beside them.

Apart from parse.py's walk: these read the cells of one table (or one header row against the rows under it); the walk
decides what the table adds to which post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retailkg.design.documents.blocks import Cell
from retailkg.design.documents.labels import (
    COLUMN,
    DUTIES,
    GROUP,
    NAME,
    QUAL_ITEM,
    QUALIFICATIONS,
    STRIP_LABEL,
    kind_of,
    label_of,
    simplified,
)
from retailkg.design.documents.noise import TOTAL
from retailkg.design.documents.numbering import GROUP_NAME, strip_number
from retailkg.design.documents.post_titles import is_post_title
from retailkg.design.documents.titles import SENTENCE_END

__all__ = [
    "CATEGORY_HEADS",
    "column_kind",
    "described_columns",
    "duty_column",
    "first_line",
    "grouped_duty_header",
    "listed_row",
    "titled_cells",
    "titled_form_rows",
]

_TERMINAL = SENTENCE_END

_COLUMN_PART = re.compile(r"^(.{2,8}?)(项目|类别|模块|名称|大类|内容|描述|说明|明细|简述|概述|概要)$")


def titled_form_rows(rows: Sequence[list[Cell]]) -> set[int]:
    """Rows of a form, two cells each, where a short cell with no punctuation that is no label (顾客服务, 销售和促销) stands
    beside a sentence (店员/营业员负责销售产品,…。, or clauses with no full stop, as a page's bullets end), two or more
    such rows in a run: the indexes of the rows, whose first cell titles the item in the second, as a 项目 | 内容 form
    lists a post's duties under its 岗位职责 row. One such row alone may be an unknown label and its value: the run
    decides, as siblings alike are alike."""

    def titled(row: list[Cell]) -> bool:
        cells = [c for n, c in enumerate(row) if n == 0 or c is not row[n - 1]]
        if len(cells) != 2 or len([ln for ln in cells[0].lines if ln.text.strip()]) != 1:
            return False
        title, said = cells[0].text.strip(), cells[1].text.strip()
        return (2 <= len(title) <= 12 and not re.search(r"[，,。；;：:！!？?、\s]", title) and not strip_number(title)[1]
                and label_of(title, marked=True) is None and kind_of(simplified(title)) is None
                and (said.endswith(_TERMINAL) or bool(re.search(r"[，,、；;]", said))) and len(said) >= 15
                and label_of(said, marked=True) is None)  # a sentence, or clauses with no full stop (a page's bullets)

    found: set[int] = set()
    run: list[int] = []
    for k, row in enumerate([*rows, []]):
        if row and titled(row):
            run.append(k)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


def listed_row(labels: dict[int, tuple[str, str]], row: list[Cell]) -> bool:
    """Whether ``row`` is one more row of a staffing table under ``labels`` (岗位 | 定员 | 直接上级): its post cell a
    post's title on one line, nothing outside the labelled columns."""
    name = next((i for i, (k, _) in labels.items() if k == NAME), None)
    if name is None or name >= len(row) or "\n" in row[name].text or not is_post_title(row[name].text.strip()):
        return False
    return all(i in labels for i, c in enumerate(row) if c.text)


def column_kind(head: str) -> str | None:
    """What a duty table's column holds by its header, a label word (:func:`kind_of`) or a label of the
    duties with a word after it that says which part: 岗位职责项目 (the item's name: a group) beside
    岗位职责内容 (the duty); a post's name before it is dropped (店长的岗位职责内容)."""
    kind = kind_of(head)
    if kind is not None:
        return kind
    if "的" in head:
        kind = kind_of(head.rsplit("的", 1)[1])  # 店长的职责: the post's, of the kind its label says
        if kind is not None:
            return kind
        head = head.rsplit("的", 1)[1]
    m = _COLUMN_PART.match(head)
    if m is None or kind_of(m.group(1)) != DUTIES:
        return None
    return GROUP if m.group(2) in ("项目", "类别", "模块", "名称", "大类") else DUTIES


CATEGORY_HEADS = frozenset({"类别", "分类", "类型", "种类"})
"""A duty table's header naming the kind of each row's duty (类别: 工作职责, 工作流程): a group column."""

_DESCRIBED = ("具体说明", "详细说明", "具体要求", "详细要求", "内容说明", "说明", "具体描述", "详细描述", "具体内容")
_TITLE_PART = re.compile(r"(?:类型|类别|名称|项目|内容|事项)$")


def _titled_kind(head: str) -> str | None:
    """What a table's title column names the items of, by its header: 职责内容, 工作内容 (duties), 技能类型,
    能力要求 (requirements); 技能/素质, two such words joined, what both name."""
    if re.search(r"[/／、]", head):
        kinds = {_titled_kind(part) for part in re.split(r"[/／、]", head) if part}
        return kinds.pop() if len(kinds) == 1 else None
    kind = column_kind(head)
    if kind is None and _TITLE_PART.search(head):
        kind = kind_of(_TITLE_PART.sub("", head))
    if kind == DUTIES:
        return DUTIES
    return QUALIFICATIONS if kind in (QUALIFICATIONS, QUAL_ITEM) else None


def described_columns(row: list[Cell], rows: Sequence[list[Cell]]) -> dict[int, str] | None:
    """The header of a table of titled items, a web page's usual way (职责内容 | 具体说明, 工作内容 | 具体说明, 技能类型 |
    具体要求): the first column names each item in a few words, the second says it. The second holds the duties (or the
    requirements, by what the first column's header names); the first is their titles. None when the row is not such a
    header, or when the rows below do not bear it out (their first cells must be short titles, no sentence, and the
    second longer)."""
    cells: list[tuple[int, str]] = []
    columns: dict[int, str] = {}
    seen: set[int] = set()
    for i, c in enumerate(row):
        if id(c) in seen or not c.text:
            continue
        seen.add(id(c))
        t = STRIP_LABEL.sub("", c.text).rstrip("：:")
        if column_kind(t) == COLUMN:
            columns[i] = COLUMN  # 序号
            continue
        cells.append((i, simplified(t)))
    if len(cells) != 2 or (cells[1][1] not in _DESCRIBED and cells[1][1] not in _REQUIRED):
        return None
    (i, title), (j, described) = cells
    kind = _titled_kind(title) if described in _DESCRIBED else None
    body = [r for r in rows if len(r) > j and any(c.text for c in r)]
    titles, says = [r[i].text.strip() for r in body], [r[j].text.strip() for r in body]
    if kind is None and title in _ITEM_WORDS and described in _REQUIRED and len(body) >= 2 and all(says) \
            and all(_is_requirement_label(t) for t in titles):
        # 项目 | 要求, then 年龄要求 | 19-38岁, 学历要求 | 大专: the header names no kind, the rows do: each row's first cell
        # says which requirement, the second states it (a value as short as its label: no length to weigh)
        return columns | {i: GROUP, j: QUALIFICATIONS}
    if kind is None or len(body) < 2:
        return None
    if not all(0 < len(t) <= 12 and not re.search(r"[，,。；;！!？?:：\n]", t) for t in titles):
        return None
    if sum(map(len, says)) <= sum(map(len, titles)) or not all(says):
        return None
    return columns | {i: GROUP, j: kind}


_REQUIRED = ("要求", "具体要求", "详细要求", "任职要求", "要求说明")
"""A column header saying the cells below state requirements."""
_ITEM_WORDS = ("项目", "类别", "类型", "事项", "名称", "条件", "资格项目", "要求项目")
"""A table's first header that names no kind of its own (项目 | 要求): the rows say what each is."""


def _is_requirement_label(text: str) -> bool:
    """A requirement's name as a form writes it: a requirement label (学历, 工作经验, 任职资格) or one with 要求 or 条件
    after it (年龄要求, 身体条件)."""
    t = simplified(STRIP_LABEL.sub("", text).rstrip("：:"))
    if kind_of(t) in (QUAL_ITEM, QUALIFICATIONS):
        return True
    m = re.fullmatch(r"(.{2,6}?)(?:要求|条件)", t)
    return m is not None and kind_of(m.group(1)) == QUAL_ITEM


_DUTY_WORDS = ("描述", "职责内容", "职责")  # of two duty columns, the one so headed holds the duties (工作内容 names their group)


def first_line(text: str) -> str:
    """A cell's first line, or its whole text when it is a label typed one character a line (岗⏎位⏎职⏎责)."""
    lines = [x.strip() for x in text.strip().split("\n")]
    if len(lines) > 1 and all(len(x) <= 2 for x in lines):
        return "".join(lines)
    return lines[0] if lines else ""


def duty_column(columns: dict[int, str], heads: list[str], rows: Sequence[list[Cell]]) -> dict[int, str]:
    """``columns`` with one duty column when the header names two (序号 | 工作内容 | 职责描述 | 考核标准): the
    one whose cells are distinct, longer sentences, then the one headed 职责描述 / 职责内容; the other,
    whose cells repeat a short text merged down several rows, is the group of the duties."""
    duty = [i for i, kind in columns.items() if kind == DUTIES]
    if len(duty) < 2:
        return columns

    def score(i: int) -> tuple[int, float, int]:
        cells = [r[i] for r in rows if i < len(r) and r[i].text]
        distinct = list({id(c): c for c in cells}.values())
        length = sum(len(c.text) for c in distinct) / len(distinct) if distinct else 0.0
        head = simplified(STRIP_LABEL.sub("", heads[i]))
        return len(distinct), length, next((len(_DUTY_WORDS) - n for n, w in enumerate(_DUTY_WORDS) if w in head), 0)

    best = max(duty, key=score)
    return {i: (GROUP if kind == DUTIES and i != best else kind) for i, kind in columns.items()}


_DUTY_STATEMENT = re.compile(r"^(?:岗位|工作)?职责(?:表述|描述|说明|概述)?$")


def grouped_duty_header(row: list[Cell], rows: Sequence[list[Cell]]) -> dict[int, str] | None:
    """The header of a duty table whose every column names the duties (职责 | 职责表述 | 工作任务): the column whose
    cells differ in every row holds the duties, one a row; the others, each cell merged down (or repeated over)
    several rows, name and state their group (职责一, 职责表述:协助门店经理…) and are none. None when the row is not such
    a header or the rows below do not bear it out."""
    heads = {i: simplified(STRIP_LABEL.sub("", c.text).rstrip("：:")) for i, c in enumerate(row) if c.text.strip()}
    if len(heads) < 2 or len({id(row[i]) for i in heads}) != len(heads):
        return None
    if not all(column_kind(h) == DUTIES or _DUTY_STATEMENT.match(h) for h in heads.values()):
        return None
    body = [r for r in rows if len(r) == len(row) and any(c.text for c in r)]
    if len(body) < 3:
        return None
    distinct = {i: len({r[i].text.strip() for r in body}) for i in heads}
    every = [i for i, n in distinct.items() if n == len(body) and all(r[i].text.strip() for r in body)]
    if len(every) != 1 or any(n > len(body) // 2 for i, n in distinct.items() if i != every[0]):
        return None
    return {i: (DUTIES if i == every[0] else GROUP) for i in heads}


def _cell_title(cell: Cell) -> bool:
    """A cell whose first line is a short title, no sentence and no number (制定和执行超市经营计划), over a paragraph of
    sentences at least twice as long."""
    shown = [ln.text.strip() for ln in cell.lines if ln.text.strip()]
    if len(shown) < 2:
        return False
    first, rest = shown[0], "".join(shown[1:])
    return (2 <= len(first) <= 16 and not strip_number(first)[1] and bool(GROUP_NAME.match(first))
            and not first.endswith(("：", ":")) and label_of(first, marked=False) is None
            and rest.endswith(_TERMINAL) and len(rest) >= max(15, 2 * len(first)))


def titled_cells(columns: dict[int, str], rows: Sequence[list[Cell]]) -> set[int]:
    """The duty cells of a table of one duty a row whose every cell opens with a title line over the duty's paragraph
    (制定和执行超市经营计划, then 超市店长需要制定…。), two or more: the titles name the duties, as a page that titles each
    duty writes them; a cell that does not open so (one duty, or several numbered) leaves every title in (ids)."""
    duty = [i for i, kind in columns.items() if kind == DUTIES]
    if len(duty) != 1:
        return set()
    cells = list({id(r[duty[0]]): r[duty[0]] for r in rows
                  if duty[0] < len(r) and r[duty[0]].text and not TOTAL.match(first_line(r[duty[0]].text))}.values())
    if len(cells) < 2 or not all(_cell_title(c) for c in cells):
        return set()
    return {id(c) for c in cells}
