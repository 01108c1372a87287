"""Plain text and Markdown (.txt, .md): one line per line, Markdown headings (# and underlined), pipe tables and
thematic breaks kept."""

from __future__ import annotations

import re
from pathlib import Path

from retailkg.design.documents.blocks import Block, Cell, Line, Table
from retailkg.design.documents.page_shape import is_post_label, label_name, post_label_run
from retailkg.design.fields import decode_text
from retailkg.design.model import Where
from retailkg.errors import InputError

__all__ = ["read_text"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BREAK = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^(?:>\s?)+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _unmark(text: str) -> str:
    """Markdown emphasis out: ``**岗位名称**：店长`` reads as ``岗位名称：店长``; a lone ``***`` (a page's own
    asterisks) stays."""
    return re.sub(r"(\*\*|__|`)(.+?)\1", r"\2", text)


# The titles of retailkg's own Markdown reports (report/common.py, report/diff_render.py): a report
# handed back as a design would be read as job descriptions, its findings taken for duties.
_OWN_REPORTS = ("Post design validation report", "Post design comparison")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+")


def _groups(lines: list[str]) -> set[int]:
    """Indices of list items with items nested under them (``1. **客户问题处理**`` then indented ``- 处理…``)."""
    out: set[int] = set()
    for k, line in enumerate(lines):
        m = _ITEM.match(line)
        if m is None:
            continue
        nxt = next((x for x in lines[k + 1:] if x.strip()), None)
        n = _ITEM.match(nxt) if nxt is not None else None
        if n is not None and len(n.group(1).expandtabs(4)) > len(m.group(1).expandtabs(4)):
            out.add(k)
    return out


_BOLD_LEAD = re.compile(r"^(\*\*|__)([^*_:：]{1,20}?)\s*([:：]?)\s*\1\s*([:：]?)\s*(\S.*)$")


_BOLD_ALONE = re.compile(r"^(\*\*|__)([^*_:：]{1,20}?)\s*([:：]?)\s*\1\s*([:：]?)$")


def _bold_label(line: str) -> str | None:
    """The label (name and colon) of a list item that holds only a bold name and a colon (``- **仓库所有者:**``)."""
    m = _ITEM.match(line.strip())
    alone = _BOLD_ALONE.match(line.strip()[m.end():].strip()) if m is not None else None
    if alone is None or bool(alone.group(3)) == bool(alone.group(4)):
        return None
    return f"{alone.group(2).strip()}{alone.group(3) or alone.group(4)}"


def _post_items_alone(lines: list[str]) -> set[int]:
    """Runs of list items each holding only a bold name and a colon over its own indented paragraph, with nothing else
    between them (``- **仓库经理:**``, ``- **仓库所有者:**``): the indexes of the items of the runs whose names name posts,
    most of them by their word (:func:`post_label_run`), so the others beside them too."""
    found: set[int] = set()
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if post_label_run([name for _, name in run]):
            found.update(k for k, _ in run)
        run.clear()

    paragraph = -1  # the index of the last item's paragraph
    for k, line in enumerate(lines):
        label = _bold_label(line) if _item_paragraph(lines, k) else None
        name = label_name(label) if label is not None else None
        if name is not None:
            run.append((k, name))
            paragraph = next(j for j in range(k + 1, len(lines)) if lines[j].strip())
        elif line.strip() and not line[:1].isspace() and k != paragraph:
            flush()  # a line at the margin that is no such item nor an item's paragraph: the run has ended
    flush()
    return found


def _bold_post_item(line: str, paragraph: str | None = None, sibling: bool = False) -> tuple[str, str] | None:
    """A list item led by a post's title in bold and a colon (``- **采购助理** :处理日常事务…``): the post's label line
    and its sentence, as when the bold title and colon stand on a line of their own; None for any other item
    (``- **客户服务**：处理…`` names a group of duties, not a post). ``paragraph``: the item's own paragraph on the lines
    after it, indented under it (``- **仓库管理员:**`` then ``  仓库管理员是…。``), when the item holds only the title
    and its colon: the label then, its sentence (``""``) being that paragraph, read next; ``sibling``: the item is one
    of a run whose names name posts (:func:`_post_items_alone`), a post's label whatever its word."""
    m = _ITEM.match(line)
    if m is None:
        return None
    item = line[m.end():].strip()
    alone = _bold_label(line) if paragraph else None
    if alone is not None:
        return (alone, "") if sibling or is_post_label(alone, paragraph) else None
    b = _BOLD_LEAD.match(item)
    if b is None or bool(b.group(3)) == bool(b.group(4)):
        return None
    name, rest = b.group(2).strip(), b.group(5).strip()
    label = f"{name}{b.group(3) or b.group(4)}"
    return (label, rest) if is_post_label(label, rest) else None


def _item_paragraph(lines: list[str], k: int) -> str | None:
    """The paragraph of the list item at ``k`` on the lines after it: the next line with text, no list item itself,
    indented under the item's marker or right below the item with no blank line between (Markdown's continuation of
    an item, indented or lazy); None when there is none."""
    m = _ITEM.match(lines[k])
    nxt = next((x for x in lines[k + 1:] if x.strip()), None)
    if m is None or nxt is None or _ITEM.match(nxt) or re.match(r"^\s*(?:#|\||>)", nxt) or _BREAK.match(nxt.strip()):
        return None
    indent = len(nxt.expandtabs(4)) - len(nxt.expandtabs(4).lstrip())
    lazy = k + 1 < len(lines) and lines[k + 1] is nxt
    return nxt.strip() if indent > len(m.group(1).expandtabs(4)) or lazy else None


_TAB = re.compile(r"\t+")


def _fields(line: str) -> list[str]:
    return [f.strip() for f in _TAB.split(line.strip())]


def _tab_tables(lines: list[str]) -> dict[int, int]:
    """Runs of tab-separated lines that are a table pasted from a web page or a sheet (工作内容<TAB>具体说明, then a
    row per item): first line index → the index past the run. A run is at least a header and two rows, every line
    with the same number of fields (two or more), the header's fields short and no sentence nor label (so lines of
    labels apart by tabs, 直接上级:<TAB>区域经理, stay lines)."""
    out: dict[int, int] = {}
    k = 0
    while k < len(lines):
        head = _fields(lines[k]) if "\t" in lines[k].strip() else []
        if len(head) < 2 or not all(0 < len(f) <= 10 and not re.search(r"[:：，,。；;！!？?]", f) for f in head):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and "\t" in lines[end].strip() and len(f := _fields(lines[end])) == len(head) and all(f):
            end += 1
        if end - k >= 3:
            out[k] = end
            k = end
        else:
            k += 1
    return out


def read_text(path: Path, raw: bytes | None = None) -> list[Block]:
    """The lines of a text file (UTF-8 or GB18030), with Markdown headings and pipe tables."""
    text = decode_text(path.read_bytes() if raw is None else raw, path)
    file = str(path)
    markdown = path.suffix.lower() in (".md", ".markdown")
    blocks: list[Block] = []
    table: Table | None = None
    all_lines = text.splitlines()
    groups = _groups(all_lines) if markdown else set()
    tab_tables = _tab_tables(all_lines)
    alone = _post_items_alone(all_lines) if markdown else set()
    tab_end = 0
    first = next((n for n, line in enumerate(all_lines, start=1) if line.strip()), 0)
    if markdown and first and any(t in all_lines[first - 1] for t in _OWN_REPORTS) and all_lines[first - 1].startswith("#"):
        raise InputError("this is a report of retailkg, not a design: give the design it was made from "
                         "(or its JSON report, to retailkg diff)", file=str(path), line=first)
    for n, raw_line in enumerate(all_lines, start=1):
        line = raw_line.strip()
        if n - 1 in tab_tables:
            tab_end = tab_tables[n - 1]
            table = Table([], Where(file, n))
            blocks.append(table)
        if n - 1 < tab_end and table is not None:
            w = Where(file, n)
            table.rows.append([Cell([Line(f, w)], w) for f in _fields(raw_line)])
            continue
        if markdown and line.startswith("|") and line.endswith("|") and len(line) > 1:
            if _RULE.match(line):
                continue
            if table is None:
                table = Table([], Where(file, n))
                blocks.append(table)
            w = Where(file, n)
            table.rows.append([Cell([Line(_unmark(c.strip()).replace("<br>", "\n"), w)], w)
                               for c in line.strip("|").split("|")])
            continue
        table = None
        setext = markdown and re.fullmatch(r"=+|-+", line) is not None
        last = blocks[-1] if blocks else None
        if setext and isinstance(last, Line) and last.text and not last.heading and all_lines[n - 2].strip():
            # 店长 underlined with === or ---: a heading (level 1 or 2), not a line and a break
            blocks[-1] = Line(last.text, last.where, heading=1 if line.startswith("=") else 2)
            continue
        if markdown and _BREAK.match(line):
            blocks.append(Line("", Where(file, n), rule=True))  # a thematic break: the part before it has ended
            continue
        if markdown:
            line = _QUOTE.sub("", line)  # a quote's text, its > marks out
            line = _IMAGE.sub("", line).strip()  # a picture (![](…), a web copy's lost image) is no text of the page
        m = _HEADING.match(line) if markdown else None
        if m is not None:
            blocks.append(Line(_unmark(m.group(2)), Where(file, n), heading=len(m.group(1))))
        elif markdown and (item := _bold_post_item(line, _item_paragraph(all_lines, n - 1), n - 1 in alone)) is not None:
            blocks += [Line(item[0], Where(file, n)), *([Line(item[1], Where(file, n))] if item[1] else [])]
        else:
            blocks.append(Line(_unmark(line) if markdown else line, Where(file, n), group=n - 1 in groups))
    for b in blocks:  # a cell's <br> is a line break inside the cell
        if isinstance(b, Table):
            for row in b.rows:
                for c in row:
                    c.lines = [Line(t, c.where) for t in c.lines[0].text.split("\n")]
    return blocks
