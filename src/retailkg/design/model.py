"""The typed design every input form is read into, and where each value came from.

The readers (YAML, CSV folders, Excel workbooks) differ only in how they find a value; once read,
a design is the same :class:`OrgDesign`, so resolution and validation never ask which form it came
in, and every mistake can still name its file, line or row and field (:class:`Where`).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from retailkg.errors import InputError
from retailkg.ns import BASE

T = TypeVar("T")

DEFAULT_BASELINE = "T/CCAGM 003-2021"
ORG_BASE = BASE + "org/"
MAX_ERRORS = 20
"""At most this many input errors are reported at once."""


class InputErrors(InputError):
    """Several input errors at once (at most :data:`MAX_ERRORS`); ``str()`` is one located line each, the CLI prints
    them one line each. ``file``, ``line``, ``field`` and ``message`` are the first error's."""

    def __init__(self, errors: list[InputError], more: bool = False) -> None:
        first = errors[0]
        super().__init__(first.message, first.file, first.line, first.column, first.field)
        self.errors = errors
        self.more = more

    def __str__(self) -> str:
        lines = [InputError.__str__(e) for e in self.errors]
        if self.more:
            lines.append(f"more errors follow: only the first {len(self.errors)} are reported")
        return "\n".join(lines)


class Problems:
    """Collects a reader's input errors so that up to :data:`MAX_ERRORS` are reported at once, not only the first.

    ``attempt(fn, default)`` runs one check and keeps its error (answering ``default``); ``raise_if_any()`` raises
    the one error, or :class:`InputErrors` for several. Past the limit it raises at once, so bad input costs no more
    than good input."""

    def __init__(self, limit: int = MAX_ERRORS) -> None:
        self.errors: list[InputError] = []
        self.limit = limit

    def add(self, error: InputError) -> None:
        for e in error.errors if isinstance(error, InputErrors) else [error]:
            if len(self.errors) >= self.limit:
                raise InputErrors(self.errors, more=True)
            self.errors.append(e)

    def attempt(self, default: T, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)``, or ``default`` with its error kept."""
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            self.add(e)
            return default

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise InputErrors(self.errors)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'marketing'?)`` for the closest known id, or nothing when none is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ---------------------------------------------------------------------------------------------
# The typed design
# ---------------------------------------------------------------------------------------------


class Where:
    """Where a value came from: ``acme.yaml`` line 12, or ``acme.xlsx`` sheet posts row 7.

    Immutable by convention, and a plain class with slots rather than a frozen dataclass: a chain's
    design makes one for every value read, and a frozen dataclass's constructor is several times
    slower and its instances larger."""

    __slots__ = ("field", "file", "line")

    def __init__(self, file: str, line: int | str | None = None, field: str | None = None) -> None:
        self.file = file
        self.line = line
        self.field = field

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Where):
            return NotImplemented
        return (self.file, self.line, self.field) == (other.file, other.line, other.field)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.field))

    def __repr__(self) -> str:
        return f"Where(file={self.file!r}, line={self.line!r}, field={self.field!r})"

    def at(self, field: str | None = None, line: int | str | None = None) -> Where:
        return Where(self.file, self.line if line is None else line, field or self.field)

    def error(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field or self.field)

    def cite(self) -> str:
        """``acme.yaml:12``: the citation used as the source of a free-text duty."""
        name = _file_name(self.file)
        return f"{name}:{self.line}" if self.line is not None else name


@lru_cache(maxsize=64)
def _file_name(file: str) -> str:
    """The last part of a path (asked once per cited duty: tens of thousands of times for one file)."""
    return Path(file).name


@dataclass(frozen=True)
class Correction:
    """A reviewer's answer to "which functions is this duty?", read from a report workbook's Mapping review
    sheet (:mod:`retailkg.design.review`). It wins over the matcher and is cited as the reviewer's, so a report
    can tell a human's correction from a match or a function stated in the design."""

    functions: tuple[tuple[str, str], ...]  # (function id or label, role); empty: the duty is no function's work
    where: Where  # the cell: report.xlsx, "Mapping review!7", field "correct function"


@dataclass(slots=True)
class DutySpec:
    """A duty as written: a standard's clause (``T/CCAGM 003-2021 4.1.1 a``) or free text."""

    where: Where
    standard: str | None = None
    text: str | None = None
    role: str = "lead"
    role_given: bool = False
    functions: list[tuple[str, str]] = field(default_factory=list)  # (function id or label, role)
    correction: Correction | None = None  # a reviewer's functions for a free-text duty (they win over the matcher)


@dataclass(slots=True)
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


@dataclass(slots=True)
class DepartmentSpec:
    where: Where
    id: str
    name: str
    kind: str = "department"
    parent: str | None = None
    name_en: str = ""


@dataclass(slots=True)
class OrganisationSpec:
    """The organisation, its baseline and what its design covers: ``scope`` (taxonomy areas or functions it
    includes; none given: inferred from its duties) and ``exclude`` (areas or functions deliberately left out,
    T/CCAGM 003-2021 clause 5; ``exclude_functions`` is its old name). Both are ids or zh/en labels as written."""

    where: Where
    id: str
    name: str
    baseline: str | None = None
    name_en: str = ""
    exclude: list[tuple[str, Where]] = field(default_factory=list)
    scope: list[tuple[str, Where]] = field(default_factory=list)

    @property
    def exclude_functions(self) -> list[tuple[str, Where]]:
        """The exclusions by their name before 0.3 (deprecated: ``exclude``)."""
        return self.exclude


@dataclass
class OrgDesign:
    """A whole design, in file order."""

    path: Path
    organisation: OrganisationSpec
    departments: list[DepartmentSpec]
    posts: list[PostSpec]
    shapes: Any = None  # a YAML design's top-level ``shapes:`` as written: `validate` checks and reads it

    def check_references(self, problems: Problems | None = None) -> None:
        """Unique ids and known departments, parents and superiors; every problem (up to :data:`MAX_ERRORS`) is
        reported, an unknown id with the closest known one. With ``problems``, they are added there instead."""
        own = problems is None
        found = Problems() if problems is None else problems
        depts: dict[str, DepartmentSpec] = {}
        for d in self.departments:
            if d.id in depts:
                found.add(d.where.error(f"duplicate department id {d.id!r} (first at {depts[d.id].where.cite()})", "id"))
            else:
                depts[d.id] = d
        for d in self.departments:
            if d.parent is not None and d.parent not in depts:
                found.add(d.where.error(f"unknown parent department {d.parent!r}{did_you_mean(d.parent, depts)}", "parent"))
        for d in self.departments:  # a unit above itself would make store replication meaningless
            seen, cur = {d.id}, d.parent
            while cur is not None and cur in depts:
                if cur in seen:
                    found.add(d.where.error(f"department {d.id!r} is its own parent through {cur!r}", "parent"))
                    break
                seen.add(cur)
                cur = depts[cur].parent
        posts: dict[str, PostSpec] = {}
        for p in self.posts:
            if p.id in posts:
                found.add(p.where.error(f"duplicate post id {p.id!r} (first at {posts[p.id].where.cite()})", "id"))
            else:
                posts[p.id] = p
        for p in self.posts:
            if p.department and p.department not in depts:  # no department at all is reported where it is read
                found.add(p.where.error(f"unknown department {p.department!r}{did_you_mean(p.department, depts)}", "department"))
            if p.reports_to is not None and p.reports_to not in posts:
                found.add(p.where.error(f"unknown post {p.reports_to!r}{did_you_mean(p.reports_to, posts)}", "reports_to"))
        if own:
            found.raise_if_any()
