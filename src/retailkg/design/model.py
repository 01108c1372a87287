"""The typed design every input form is read into, and where each value came from.

The readers (YAML, CSV folders, Excel workbooks) differ only in how they find a value; once read,
a design is the same :class:`OrgDesign`, so resolution and validation never ask which form it came
in, and every mistake can still name its file, line or row and field (:class:`Where`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from retailkg.errors import InputError
from retailkg.ns import BASE

DEFAULT_BASELINE = "T/CCAGM 003-2021"
ORG_BASE = BASE + "org/"
# ---------------------------------------------------------------------------------------------
# The typed design
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """Where a value came from: ``acme.yaml`` line 12, or ``acme.xlsx`` sheet posts row 7."""

    file: str
    line: int | str | None = None
    field: str | None = None

    def at(self, field: str | None = None, line: int | str | None = None) -> Where:
        return Where(self.file, self.line if line is None else line, field or self.field)

    def error(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field or self.field)

    def cite(self) -> str:
        """``acme.yaml:12``: the citation used as the source of a free-text duty."""
        name = Path(self.file).name
        return f"{name}:{self.line}" if self.line is not None else name


@dataclass
class DutySpec:
    """A duty as written: a standard's clause (``T/CCAGM 003-2021 4.1.1 a``) or free text."""

    where: Where
    standard: str | None = None
    text: str | None = None
    role: str = "lead"
    role_given: bool = False
    functions: list[tuple[str, str]] = field(default_factory=list)  # (function id or label, role)


@dataclass
class PostSpec:
    where: Where
    id: str
    name: str
    department: str
    reports_to: str | None = None
    headcount: int | None = None
    name_en: str = ""
    duties: list[DutySpec] = field(default_factory=list)
    accountable_for: list[tuple[str, Where]] = field(default_factory=list)


@dataclass
class DepartmentSpec:
    where: Where
    id: str
    name: str
    kind: str = "department"
    parent: str | None = None
    name_en: str = ""


@dataclass
class OrganisationSpec:
    where: Where
    id: str
    name: str
    baseline: str | None = None
    name_en: str = ""
    exclude_functions: list[tuple[str, Where]] = field(default_factory=list)


@dataclass
class OrgDesign:
    """A whole design, in file order."""

    path: Path
    organisation: OrganisationSpec
    departments: list[DepartmentSpec]
    posts: list[PostSpec]

    def check_references(self) -> None:
        """Unique ids and known departments, parents and superiors; raise on the first problem."""
        depts: dict[str, DepartmentSpec] = {}
        for d in self.departments:
            if d.id in depts:
                raise d.where.error(f"duplicate department id {d.id!r} (first at {depts[d.id].where.cite()})", "id")
            depts[d.id] = d
        for d in self.departments:
            if d.parent is not None and d.parent not in depts:
                raise d.where.error(f"unknown parent department {d.parent!r}", "parent")
        for d in self.departments:  # a unit above itself would make store replication meaningless
            seen, cur = {d.id}, d.parent
            while cur is not None:
                if cur in seen:
                    raise d.where.error(f"department {d.id!r} is its own parent through {cur!r}", "parent")
                seen.add(cur)
                cur = depts[cur].parent
        posts: dict[str, PostSpec] = {}
        for p in self.posts:
            if p.id in posts:
                raise p.where.error(f"duplicate post id {p.id!r} (first at {posts[p.id].where.cite()})", "id")
            posts[p.id] = p
        for p in self.posts:
            if p.department not in depts:
                raise p.where.error(f"unknown department {p.department!r}", "department")
            if p.reports_to is not None and p.reports_to not in posts:
                raise p.where.error(f"unknown post {p.reports_to!r}", "reports_to")


