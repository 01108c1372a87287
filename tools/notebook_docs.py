#!/usr/bin/env python3
"""Run examples/analyst.ipynb and write docs/analyst.md: the notebook with its outputs, charts saved
next to it in docs/analyst_files/, so the rendered page is always what the notebook computes today.

    python tools/notebook_docs.py            # run the notebook, rewrite docs/analyst.md and its charts
    python tools/notebook_docs.py --check    # run it; exit 1 if docs/analyst.md is stale (tests/test_notebook.py)

The notebook runs in a Jupyter kernel (nbclient, kernel ``python3``: this interpreter, with ipykernel)
from examples/, as an analyst opening it there would. The page is Markdown: code cells as Python
blocks; a cell's Markdown output as it is (the findings), a DataFrame as a Markdown table, a chart
as a PNG file, other output as text. Standard error (warnings, a font cache being built) is left
out: it says something about the machine, not about the data. The staleness check compares the
text only; the PNG bytes depend on the machine's fonts and matplotlib's version.
"""

from __future__ import annotations

import base64
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "analyst.ipynb"
DOC = ROOT / "docs" / "analyst.md"
IMAGES = DOC.parent / "analyst_files"
HEADER = ("<!-- Generated from examples/analyst.ipynb by `python tools/notebook_docs.py`, which runs it; do not edit. "
          "-->\n")


class Rendered(NamedTuple):
    markdown: str
    images: dict[str, bytes]  # file name in IMAGES -> PNG


def execute(path: Path = NOTEBOOK, timeout: int = 300) -> Any:
    """The notebook, run top to bottom in a fresh kernel from its own folder; an error in any cell raises
    (nbclient's CellExecutionError, with the cell and its traceback)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=timeout, resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


class _Table(HTMLParser):
    """The cells of pandas' HTML table, row by row (header rows apart); ``simple`` is False for what a
    Markdown table cannot show (nested tables, spans)."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[list[str]] = []
        self.body: list[list[str]] = []
        self.simple = True
        self._section: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._tables += 1
            self.simple = self.simple and self._tables == 1
        elif tag == "thead":
            self._section = self.head
        elif tag == "tbody":
            self._section = self.body
        elif tag == "tr" and self._section is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self.simple = self.simple and not any(k in ("colspan", "rowspan") for k, _ in attrs)
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._section is not None:
            self._section.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def markdown_table(html: str) -> str | None:
    """A DataFrame's HTML as a Markdown table, or None when it is not one simple table."""
    table = _Table()
    table.feed(html)
    if not table.simple or not table.head or not table.body:
        return None
    head = table.head[0]
    if len(table.head) == 2 and not any(table.head[1][1:]):  # a named index: its name on a row of its own
        head = [table.head[1][0] or head[0], *head[1:]]
    elif len(table.head) > 1:
        return None
    if any(len(row) != len(head) for row in table.body):
        return None

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(head), "| " + " | ".join("---" for _ in head) + " |", *(line(r) for r in table.body)])


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def render(nb: Any, images: str = IMAGES.name) -> Rendered:
    """The page and its charts from an executed notebook."""
    parts = [HEADER]
    files: dict[str, bytes] = {}
    for index, cell in enumerate(nb.cells):
        source = _text(cell.source).strip()
        if cell.cell_type == "markdown":
            parts.append(source)
            continue
        if cell.cell_type != "code":
            continue
        parts.append(f"```python\n{source}\n```")
        for n, out in enumerate(cell.get("outputs", [])):
            kind = out.get("output_type")
            if kind == "stream":
                if out.get("name") == "stdout" and _text(out.get("text", "")).strip():
                    parts.append(f"```text\n{_text(out['text']).rstrip()}\n```")
                continue
            if kind == "error":
                raise ValueError(f"cell {index} raised {out.get('ename')}: {out.get('evalue')}")
            data = out.get("data", {})
            if "text/markdown" in data:
                parts.append(_text(data["text/markdown"]).strip())
            elif "image/png" in data:
                name = f"cell{index:02d}-{n}.png"
                files[name] = base64.b64decode(_text(data["image/png"]))
                parts.append(f"![chart of cell {index}]({images}/{name})")
            elif "text/html" in data and (table := markdown_table(_text(data["text/html"]))) is not None:
                parts.append(table)
            elif "text/plain" in data:
                parts.append(f"```text\n{_text(data['text/plain']).rstrip()}\n```")
    return Rendered("\n\n".join(p.rstrip() for p in parts) + "\n", files)


def write(rendered: Rendered) -> None:
    """docs/analyst.md and its charts; charts of an earlier run that are no longer drawn are removed."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    for old in IMAGES.glob("*.png"):
        if old.name not in rendered.images:
            old.unlink()
    for name, data in rendered.images.items():
        (IMAGES / name).write_bytes(data)
    DOC.write_text(rendered.markdown, encoding="utf-8")


def main() -> int:
    rendered = render(execute())
    if "--check" in sys.argv[1:]:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != rendered.markdown:
            print(f"{DOC} is stale: run python tools/notebook_docs.py", file=sys.stderr)
            return 1
        return 0
    write(rendered)
    print(f"wrote {DOC} and {len(rendered.images)} charts in {IMAGES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
