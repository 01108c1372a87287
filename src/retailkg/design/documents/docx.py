"""Word documents (.docx), read with python-docx: body paragraphs and tables in document order.

Headers and footers are not read (python-docx keeps them apart from the body). A merged cell is
one :class:`~retailkg.design.documents.parse.Cell` repeated over the grid positions it covers, as
python-docx returns it; a paragraph numbered by Word's list numbering is marked ``numbered`` (its
number is not part of its text).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from retailkg.design.documents.parse import Block, Cell, Line, Table
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

    def of(self, paragraph: Any) -> tuple[int, bool]:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        found = self.known.get(style_id)
        if found is None:
            style = _style(paragraph)
            found = self.known[style_id] = (_heading(style), _style_numbered(style))
        heading, numbered = found
        return heading, numbered or (ppr is not None and ppr.numPr is not None)


def _lines(paragraph: Any, where: Where, styles: _Styles) -> list[Line]:
    heading, numbered = styles.of(paragraph)
    parts = paragraph.text.split("\n")  # a line break (Shift+Enter) inside the paragraph
    return [Line(t, where, numbered=numbered and k == 0, heading=heading) for k, t in enumerate(parts)]


def _table(table: Any, file: str, number: int, styles: _Styles) -> Table:
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
                for p in cell.paragraphs:
                    lines += _lines(p, where, styles)
                for inner in cell.tables:  # a table inside a cell: its text, line by line
                    for irow in inner.rows:
                        for icell in irow.cells:
                            lines += [Line(p.text, where) for p in icell.paragraphs if p.text.strip()]
                lines = [Line(ln.text, where.at(line=f"table {number} row {r} cell {c} line {k}"), ln.numbered, ln.soft, ln.heading)
                         for k, ln in enumerate(lines, start=1)]
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
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as e:
        what = "a zip file but not a Word document" if data.startswith(b"PK") else "not a Word document (.docx)"
        raise InputError(f"{what} ({e.__class__.__name__})", file=file) from None
    except ValueError as e:  # python-docx: "file '…' is not a Word file, content type is '…'"
        raise InputError(f"a zip file but not a Word document: {e}", file=file) from None
    blocks: list[Block] = []
    styles = _Styles()
    paragraphs = tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            tables += 1
            blocks.append(_table(item, file, tables, styles))
        else:
            paragraphs += 1
            blocks += _lines(item, Where(file, f"paragraph {paragraphs}"), styles)
    return blocks
