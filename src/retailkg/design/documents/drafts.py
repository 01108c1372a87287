"""What the walk builds as it reads: a post as one file states it (:class:`DraftPost`), its duties and requirements
as items (:class:`Item`), and the lines it could place in no post (:class:`Unplaced`), with the reason.

Apart from parse.py's walk so that what reads its result (result.py, the package's import_documents) depends on these
types and not on the walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from retailkg.design.model import Where

__all__ = ["DraftPost", "Item", "Unplaced"]


@dataclass
class Unplaced:
    """A line read into no post: neither a duty nor a qualification, or a superior naming no post."""

    text: str
    where: Where
    why: str


@dataclass
class Item:
    """One duty or requirement as the file states it, with how it was numbered: the walk tells group titles from items
    by it."""

    text: str
    where: Where
    numbered: bool = False  # had a list number (typed or Word's)
    outline: str = ""  # the line as written when numbered at an outline's top (一、 （一） 第一部分): perhaps a group name
    mark: str = ""  # the kind of its number (digit, bullet, …): an item numbered unlike the ones under it may name them
    titled: bool = False  # the paragraph under a numbered title line (1. 店铺管理), the title dropped


@dataclass
class DraftPost:
    """A post as one file states it."""

    where: Where
    name: str | None = None
    name_from: str = ""  # "label", "heading", "title", "column", "file", "lead"
    department: str | None = None
    reports_to: Item | None = None
    headcount: int | None = None
    duties: list[Item] = field(default_factory=list)
    qualifications: list[Item] = field(default_factory=list)
    title_level: int | None = None  # named by a title line (店长岗位职责): its heading level, 0 for body text
    level: int = 0  # the heading level of the heading that started it, kept when a label renames it; 0 if none

    def empty(self) -> bool:
        """Whether the file has stated nothing of the post yet but perhaps a name (a label naming it counts as stating):
        the walk closes such a draft without keeping it, or lets a title rename it."""
        return not (self.duties or self.qualifications or self.reports_to or self.headcount or self.name_from == "label")
