"""The blocks a document's reader hands to parse.py: body lines and tables, with where each stands.

The readers of each form (``docx.py``, ``pdf.py``, ``xlsx.py``, ``text.py``) only say what is on the page; these types
are all they share with the walk, so a reader depends on them and not on the walk itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from retailkg.design.model import Where

__all__ = ["Block", "Cell", "Line", "Table"]

@dataclass(frozen=True)
class Line:
    """One line of body text (a paragraph, a text line, a line of a cell)."""

    text: str
    where: Where
    numbered: bool = False  # numbered outside its text (Word's automatic list numbering)
    soft: bool = False  # may be the wrap of a longer line (PDF text): joined when it does not end a sentence
    heading: int = 0  # heading level, 1 the top; 0 for body text
    group: bool = False  # a list item with items nested under it (Markdown): it names their group, it is none
    rule: bool = False  # a thematic break (Markdown ---), no text: what follows is not the list before it


@dataclass(eq=False)
class Cell:
    """A table cell; a merged cell is one object repeated at every grid position it covers."""

    lines: list[Line]
    where: Where

    @property
    def text(self) -> str:
        """The cell's lines as one text, as a label cell or a duty cell is read."""
        return "\n".join(ln.text for ln in self.lines).strip()


@dataclass
class Table:
    """A table as its rows of cells; ``continues`` when a page end broke it off the one before."""

    rows: list[list[Cell]]
    where: Where
    continues: bool = False  # the previous table, broken by a page end


Block = Line | Table
"""What a reader yields, in the order the page shows it."""
