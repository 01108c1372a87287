"""PDF files with a text layer, read with pdfplumber: each page's tables and its lines in page order.

Lines outside the tables are read from the text layer; a line that reaches the right margin may be
the wrap of a longer one (``soft``), so a duty that wraps, or runs across a page break, is joined
again by :mod:`retailkg.design.documents.parse`. A PDF has no styles: a short line in a font larger
than the body text's is a heading, the largest size level 1 (and parse finds numbered ones, 一、店长,
by their shape). Running headers and footers (a line repeated at
the top or the bottom of most pages, a page number) are dropped. A table that starts a page right
after a page that ended in one is marked as its continuation; a table repeated at the top or the bottom of most pages
(a header block typed as a table) is a running header too. A PDF without a text layer (a scan)
is refused: it needs OCR first.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from retailkg.design.documents.blocks import Block, Cell, Line, Table
from retailkg.design.documents.noise import is_page_number
from retailkg.design.model import Where
from retailkg.errors import InputError

__all__ = ["read_pdf"]


UNREADABLE_PDF = ("not a readable PDF: its structure does not parse (damaged, or another format renamed); "
                  "open it and export or print it to PDF again")

def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    file = str(path)
    try:
        return pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("password-protected PDF: remove the password and import again", file=file) from None
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError("password-protected PDF: remove the password and import again", file=file) from None
        raise InputError(UNREADABLE_PDF, file=file) from None
    except (PDFSyntaxError, ValueError, TypeError):
        raise InputError(UNREADABLE_PDF, file=file) from None


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _table_key(table: Table) -> tuple[str, ...]:
    return tuple(_key(c.text) for row in table.rows for c in row)


def read_pdf(path: Path) -> list[Block]:
    file = str(path)
    if not path.read_bytes()[:1024].strip():
        raise InputError("empty file", file=file)
    pdf = _open(path)
    pages: list[list[tuple[float, Table | dict[str, Any]]]] = []
    try:
        if not pdf.pages:
            raise InputError("empty document: the PDF has no page", file=file)
        if not any(page.chars for page in pdf.pages):
            raise InputError("no text layer; this file needs OCR first", file=file)
        right = 0.0
        body_sizes: Counter[float] = Counter()  # characters by font size: the most common is the body text's
        for n, page in enumerate(pdf.pages, start=1):
            found = page.find_tables()
            boxes = [t.bbox for t in found]

            def outside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]] = boxes) -> bool:
                if obj.get("object_type") != "char":
                    return True
                x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            items: list[tuple[float, Table | dict[str, Any]]] = []
            for t, table in enumerate(found, start=1):
                rows: list[list[Cell]] = []
                for r, row in enumerate(table.extract(), start=1):
                    out: list[Cell] = []
                    for c, value in enumerate(row, start=1):
                        if value is None:  # covered by a merged cell: the one to its left, else the one above
                            if out:
                                out.append(out[-1])
                            elif rows and len(rows[-1]) >= c:
                                out.append(rows[-1][c - 1])
                            else:
                                out.append(Cell([], Where(file, f"page {n} table {t} row {r} cell {c}")))
                            continue
                        w = Where(file, f"page {n} table {t} row {r} cell {c}")
                        out.append(Cell([Line(s, w, soft=True) for s in value.split("\n")], w))
                    rows.append(out)
                items.append((table.bbox[1], Table(rows, Where(file, f"page {n} table {t}"))))
            for ln in page.filter(outside).extract_text_lines(return_chars=True):
                right = max(right, float(ln["x1"]))
                sizes = [round(float(ch.get("size", 0)), 1) for ch in ln.pop("chars", ()) if not ch["text"].isspace()]
                ln["size"] = max(sizes, default=0.0)
                body_sizes.update(sizes)
                items.append((float(ln["top"]), ln))
            items.sort(key=lambda it: it[0])
            pages.append(items)
    finally:
        pdf.close()
    # running headers and footers: the first or last line of most pages, digits aside
    edges: Counter[str] = Counter()
    for items in pages:
        texts = [it for _, it in items if isinstance(it, dict)]
        edges.update({_key(ln["text"]) for ln in [*texts[:1], *texts[-1:]]})
    running = {k for k, count in edges.items() if len(pages) >= 2 and count >= max(2, (len(pages) + 1) // 2)}
    # a running header or footer typed as a table (文件名 | … | 页码 | 2-1 at the top of every page): the first or last
    # block of most pages, the same cells but for their digits; between two pages it is no end of what runs across
    table_edges: Counter[tuple[str, ...]] = Counter()
    for items in pages:
        table_edges.update({_table_key(it) for _, it in [*items[:1], *items[-1:]] if isinstance(it, Table)})
    running_tables = {k for k, count in table_edges.items() if len(pages) >= 2 and count >= max(2, (len(pages) + 1) // 2)}
    body = body_sizes.most_common(1)[0][0] if body_sizes else 0.0
    larger = sorted({sz for sz in body_sizes if body and sz >= body * 1.15}, reverse=True)  # heading sizes: level 1 the largest
    blocks: list[Block] = []
    last_was_table = False
    for n, items in enumerate(pages, start=1):
        first_on_page = True
        for line_no, (_, it) in enumerate(items, start=1):
            if isinstance(it, Table) and (line_no == 1 or line_no == len(items)) and _table_key(it) in running_tables:
                continue
            if isinstance(it, Table):
                it.continues = first_on_page and last_was_table
                blocks.append(it)
                last_was_table, first_on_page = True, False
                continue
            assert isinstance(it, dict)  # a text line of pdfplumber's
            text = it["text"].strip()
            if not text or is_page_number(text) or _key(text) in running:
                continue
            size = float(it["bottom"]) - float(it["top"])
            soft = float(it["x1"]) >= right - 2 * max(size, 1.0)
            # a short line in a larger font than the body's is a heading (the PDF has no styles)
            heading = larger.index(it["size"]) + 1 if it["size"] in larger and len(text) <= 24 else 0
            blocks.append(Line(text, Where(file, f"page {n} line {line_no}"), soft=soft and not heading, heading=heading))
            last_was_table, first_on_page = False, False
    return blocks
