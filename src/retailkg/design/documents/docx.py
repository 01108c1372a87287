"""Word documents (.docx), read with python-docx: body paragraphs and tables in document order.

Headers and footers are not read (python-docx keeps them apart from the body). A merged cell is
one :class:`~retailkg.design.documents.blocks.Cell` repeated over the grid positions it covers, as
python-docx returns it; a paragraph numbered by Word's list numbering is marked ``numbered`` (its
number is not part of its text).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from retailkg.design.documents.blocks import Block, Cell, Line, Table
from retailkg.design.model import Where
from retailkg.errors import InputError

__all__ = ["OLE_MAGIC", "is_encrypted_ole", "read_docx"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: a legacy .doc/.xls, or an Office file encrypted with a password."""


def is_encrypted_ole(raw: bytes) -> bool:
    """An OLE file holding an encrypted OOXML package (how Office saves a password-protected .docx/.xlsx)."""
    return raw.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in raw


def _style(paragraph: Any) -> Any:
    try:
        return paragraph.style
    except (KeyError, ValueError):  # a style id the styles part does not define
        return None


def _heading(style: Any) -> int:
    name = (style.name or "").strip() if style is not None else ""
    lower = name.lower()
    if lower == "title":
        return 1
    for prefix in ("heading", "标题"):
        if lower.startswith(prefix):
            rest = lower[len(prefix):].strip()
            return int(rest) if rest.isdigit() else 1
    return 0


def _style_numbered(style: Any) -> bool:
    """Whether a paragraph style (or one it is based on) numbers its paragraphs (Word's List Number)."""
    try:
        while style is not None:
            sppr = style.element.pPr
            if sppr is not None and sppr.numPr is not None:
                return True
            style = style.base_style
    except (KeyError, ValueError, AttributeError):
        return False
    return False


class _Styles:
    """Heading level and list numbering by paragraph style, looked up once per style of a document:
    python-docx resolves ``paragraph.style`` by scanning the styles part every time, which was most
    of the time spent on a folder of Word files."""

    def __init__(self) -> None:
        self.known: dict[str | None, tuple[int, bool]] = {}
        self.tocs: dict[str | None, bool] = {}

    def toc(self, paragraph: Any) -> bool:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        found = self.tocs.get(style_id)
        if found is None:
            style = _style(paragraph)
            name = ((style.name or "") if style is not None else "").strip().lower()
            found = self.tocs[style_id] = name.startswith("toc ") or name == "toc heading"
        return found

    def level(self, paragraph: Any) -> int | None:
        """The list level (``w:ilvl``, 0 the top) of a paragraph Word numbers, by itself or by its style; None if
        it is not numbered."""
        ppr = paragraph._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None:
            if not self.of(paragraph)[1]:
                return None
            style = _style(paragraph)
            try:
                while style is not None and numpr is None:
                    sppr = style.element.pPr
                    numpr = sppr.numPr if sppr is not None else None
                    style = style.base_style
            except (KeyError, ValueError, AttributeError):
                return 0
            if numpr is None:
                return 0
        ilvl = numpr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0

    def of(self, paragraph: Any) -> tuple[int, bool]:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        found = self.known.get(style_id)
        if found is None:
            style = _style(paragraph)
            found = self.known[style_id] = (_heading(style), _style_numbered(style))
        heading, numbered = found
        return heading, numbered or (ppr is not None and ppr.numPr is not None)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _placeholder(sdt: Any) -> bool:
    """A content control still showing Word's prompt (单击或点击此处输入文字。): it holds no value."""
    pr = sdt.find(f"{_W}sdtPr")
    return pr is not None and pr.find(f"{_W}showingPlcHdr") is not None


def _table_of_contents(sdt: Any) -> bool:
    pr = sdt.find(f"{_W}sdtPr")
    gallery = pr.find(f"{_W}docPartObj/{_W}docPartGallery") if pr is not None else None
    return gallery is not None and "contents" in (gallery.get(f"{_W}val") or "").lower()


def _text(element: Any) -> str:
    """A paragraph's text as Word shows it, content controls included (python-docx's ``text`` skips the
    runs inside a ``w:sdt``: a form built from content controls would read empty); a control still
    showing its prompt, and deleted text, are no text."""
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif (tag == f"{_W}sdt" and _placeholder(child)) or tag in (f"{_W}del", f"{_W}pPr", f"{_W}rPr", f"{_W}sdtPr"):
                continue
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _blocks(parent: Any) -> list[Any]:
    """The paragraphs and tables of a body or a cell in order, those inside block content controls
    included (python-docx lists only direct children); a table of contents is skipped."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    out: list[Any] = []

    def walk(el: Any) -> None:
        for child in el:
            if child.tag == f"{_W}p":
                out.append(Paragraph(child, parent))
            elif child.tag == f"{_W}tbl":
                out.append(DocxTable(child, parent))
            elif child.tag == f"{_W}sdt" and not _placeholder(child) and not _table_of_contents(child):
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    walk(content)

    walk(parent._element)
    return out


def _lines(paragraph: Any, where: Where, styles: _Styles, group: bool = False) -> list[Line]:
    heading, numbered = styles.of(paragraph)
    if styles.toc(paragraph):
        return []  # a line of a table of contents (styles TOC 1, TOC 2 …): the headings come again below
    parts = _text(paragraph._p).split("\n")  # a line break (Shift+Enter) inside the paragraph
    return [Line(t, where, numbered=numbered and k == 0, heading=heading, group=group and k == 0) for k, t in enumerate(parts)]


def _groups(items: list[Any], styles: _Styles) -> set[int]:
    """Indices of the paragraphs of a multilevel list with items nested under them (1. 接待与咨询 at level 1,
    then （1）… at level 2, numbered by Word): each names the group of the items under it, as a Markdown list
    item with items nested under it does, when it is short and no sentence (负责商品管理，包括： is a duty whose
    details follow). A table in between ends the list."""
    from docx.text.paragraph import Paragraph

    out: set[int] = set()
    levels: list[int | None] = [styles.level(it) if isinstance(it, Paragraph) else None for it in items]
    if sum(1 for level in levels if level) == 0:
        return out  # no item below the top level: no group (most documents; the paragraphs' text is not read)
    for k, level in enumerate(levels):
        if level is None:
            continue
        text = _text(items[k]._p).strip()
        if not text or len(text) > 20 or re.search(r"[，,。；;！!？?：:]", text):
            continue
        for nxt in range(k + 1, len(items)):
            if not isinstance(items[nxt], Paragraph):
                break
            if not _text(items[nxt]._p).strip():
                continue  # an empty paragraph between the items
            below = levels[nxt]
            if below is not None and below > level:
                out.add(k)
            break
    return out


def _table(table: Any, file: str, number: int, styles: _Styles) -> Table:
    from docx.table import Table as DocxTable

    cells: dict[Any, Cell] = {}  # the cell element → its Cell (a merged cell repeats)
    rows: list[list[Cell]] = []
    for r, row in enumerate(table.rows, start=1):
        out = []
        for c, cell in enumerate(row.cells, start=1):
            tc = cell._tc
            known = cells.get(tc)
            if known is None:
                where = Where(file, f"table {number} row {r} cell {c}")
                lines: list[Line] = []
                inners = []
                cell_blocks = _blocks(cell)
                groups = _groups(cell_blocks, styles)
                for k, block in enumerate(cell_blocks):
                    if isinstance(block, DocxTable):
                        inners.append(block)
                    else:
                        lines += _lines(block, where, styles, k in groups)
                for inner in inners:  # a table inside a cell: its text, line by line
                    for irow in inner.rows:
                        for icell in irow.cells:
                            lines += [Line(t, where) for p in icell.paragraphs if (t := _text(p._p)).strip()]
                lines = [Line(ln.text, where.at(line=f"table {number} row {r} cell {c} line {k}"), ln.numbered, ln.soft, ln.heading,
                              ln.group) for k, ln in enumerate(lines, start=1)]
                known = cells[tc] = Cell(lines, where)
            out.append(known)
        rows.append(out)
    return Table(rows, Where(file, f"table {number}"))


def read_docx(path: Path, raw: bytes | None = None) -> list[Block]:
    """The body of a Word file as lines and tables, in order (headers and footers are not body)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable

    file = str(path)
    data = path.read_bytes() if raw is None else raw
    if not data.strip():
        raise InputError("empty file", file=file)
    if is_encrypted_ole(data):
        raise InputError("password-protected (encrypted) Word file: remove the password (文件 → 信息 → 保护文档) and import again",
                         file=file)
    if data.startswith(OLE_MAGIC):
        raise InputError("a legacy Word .doc file named .docx: rename it .doc, or save it as .docx in Word", file=file)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError):
        try:
            zipfile.ZipFile(io.BytesIO(data)).close()
            why = "a zip archive without a Word document's parts (word/document.xml): a zip of something else"
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            why = "not a zip archive, as every .docx file is (another format renamed, or damaged)"
        raise InputError(f"not a Word document (.docx): {why}; open it in Word or WPS and save it as .docx", file=file) from None
    except ValueError as e:  # python-docx: "file '…' is not a Word file, content type is '…'"
        raise InputError(f"a zip file but not a Word document: {e}", file=file) from None
    blocks: list[Block] = []
    styles = _Styles()
    paragraphs = tables = 0
    items = _blocks(document._body)
    groups = _groups(items, styles)
    for k, item in enumerate(items):
        if isinstance(item, DocxTable):
            tables += 1
            blocks.append(_table(item, file, tables, styles))
        else:
            paragraphs += 1
            blocks += _lines(item, Where(file, f"paragraph {paragraphs}"), styles, k in groups)
    return blocks
