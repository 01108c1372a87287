"""What an import found: the posts, their duties and where each was read, and what was not placed.

:meth:`ImportResult.to_yaml` writes it as the design YAML users know, with its review notes as
comments: each post and duty is preceded by where it was read; the lines that could not be placed
are listed at the top; with a matcher, each duty is followed by its proposed functions as a
``# functions: [...]`` line (uncommented, it pins them; corrected, it fixes them) and, when the
match is doubtful, ``待复核 to review``. The YAML is written line by line so the comments sit where
a reviewer needs them; a scalar is quoted whenever plain YAML would misread it.
:meth:`ImportResult.to_design` is the same posts as an :class:`~retailkg.design.model.OrgDesign`
in memory, for ``validate`` and ``org rdf``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from retailkg.design.documents.drafts import Unplaced
from retailkg.design.model import DepartmentSpec, DutySpec, OrganisationSpec, OrgDesign, PostSpec, Where
from retailkg.errors import InputError

if TYPE_CHECKING:
    from retailkg.design.matching import Match, Matcher

__all__ = ["UNASSIGNED", "ImportResult", "ImportedDuty", "ImportedPost", "department_ids", "render_yaml", "scalar", "slug"]

UNASSIGNED = "未注明部门"
"""The department of posts whose documents name none."""


@dataclass
class ImportedDuty:
    text: str  # verbatim, numbering removed
    where: Where


@dataclass
class ImportedPost:
    id: str
    name: str
    department: str | None
    reports_to_text: str | None  # the superior as written
    reports_to: str | None  # the id of the imported post it names, or None
    headcount: int | None
    duties: list[ImportedDuty]
    qualifications: list[str]
    where: Where


@dataclass
class ImportResult:
    posts: list[ImportedPost]
    unplaced: list[Unplaced]
    files: list[Path] = field(default_factory=list)
    unreadable: list[InputError] = field(default_factory=list)  # skipped (``skip_unreadable``)

    @property
    def duty_count(self) -> int:
        return sum(len(p.duties) for p in self.posts)

    def departments(self) -> list[str]:
        return list(dict.fromkeys(p.department or UNASSIGNED for p in self.posts))

    def organisation_name(self) -> str:
        parents = {f.parent for f in self.files}
        if len(parents) == 1:
            name = next(iter(parents)).resolve().name
            if name:
                return name
        return "导入的岗位说明书"

    def summary(self) -> str:
        return (f"{len(self.posts)} posts, {self.duty_count} duties, {len(self.unplaced)} unplaced"
                + (f", {len(self.unreadable)} unreadable files skipped" if self.unreadable else ""))

    def to_design(self, path: Path) -> OrgDesign:
        """The imported posts as a design in memory (what ``validate`` and ``org rdf`` read)."""
        top = Where(str(path))
        org = OrganisationSpec(top, "imported", self.organisation_name())
        dept_ids = department_ids(self.departments())
        depts = [DepartmentSpec(top, dept_ids[d], d) for d in self.departments()]
        posts = []
        for p in self.posts:
            spec = PostSpec(p.where, p.id, p.name, dept_ids[p.department or UNASSIGNED], p.reports_to, p.headcount)
            spec.duties = [DutySpec(d.where, text=d.text) for d in p.duties]
            posts.append(spec)
        return OrgDesign(path, org, depts, posts)

    def to_yaml(self, matcher: Matcher | None = None) -> str:
        """The design YAML, each post and duty with its origin as a comment; with a matcher, each duty's
        proposed functions as a ``# functions: […]`` line to uncomment (or correct) in review."""
        return render_yaml(self, matcher)



def slug(text: str) -> str:
    """An id from a title: the title itself, runs of anything but letters, digits, '.', '-' as one '-'."""
    s = re.sub(r"[^\w.\-]+", "-", text.strip()).strip("-._")
    return s or "post"


def department_ids(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for n in names:
        base = slug(n)
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}-{k}", k + 1
        used.add(ident)
        out[n] = ident
    return out



_WORD = r"\w\u3000-\u303f\uff01-\uff5e\u2014\u2026\u00b7“”‘’"
_PLAIN = re.compile(rf"^[{_WORD}][{_WORD} .,()/%+\-]*$")
_RESERVED = re.compile(r"^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?[\d._]+(?:e[-+]?\d+)?|0x[\da-f]+|\.inf|\.nan)$", re.I)


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted."""
    if _PLAIN.match(text) and not _RESERVED.match(text) and not text.endswith(" ") and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _at(where: Where) -> str:
    line = f", {where.line}" if where.line is not None else ""
    return f"{Path(where.file).name}{line}"


def _comment(text: str) -> str:
    return " ".join(text.split())


def _functions_line(matcher: Matcher, m: Match) -> list[str]:
    kb = matcher.kb
    if not m.functions:
        why = f" ({m.none})" if m.none else ""
        notes = [f"# no function proposed{why}"]
        if m.candidates:
            notes.append("# candidates: " + ", ".join(f"{kb.functions[c.function].id} {kb.functions[c.function].zh} {c.score:.2f}"
                                                     for c in m.candidates))
        return notes
    roles = {f.role for f in m.functions}
    ids = [kb.functions[f.function].id for f in m.functions]
    if roles == {"lead"}:
        value = f"[{', '.join(ids)}]"
    else:
        lead = [kb.functions[f.function].id for f in m.functions if f.role == "lead"]
        support = [kb.functions[f.function].id for f in m.functions if f.role == "support"]
        value = "{" + ", ".join(part for part in (f"lead: [{', '.join(lead)}]" if lead else "",
                                                  f"support: [{', '.join(support)}]" if support else "") if part) + "}"
    labels = "; ".join(f"{kb.functions[f.function].zh} {f.score:.2f}" for f in m.functions)
    notes = [f"# functions: {value}    # proposed: {labels}"]
    if m.to_review:
        area = f"; area: {kb.label(m.area, 'zh')}" if m.area is not None else ""
        notes.append(f"# 待复核 to review: probability {m.probability:.2f} < {m.review_below:.2f}{area}")
    return notes


def render_yaml(result: ImportResult, matcher: Matcher | None = None) -> str:
    matches: list[Match] = []
    if matcher is not None:
        texts = [d.text for p in result.posts for d in p.duties]
        names = [p.name for p in result.posts for _ in p.duties]
        matches = matcher.match_many(texts, names) if texts else []
    out = [f"# Imported by `retailkg org import` from {len(result.files)} "
           f"{'file' if len(result.files) == 1 else 'files'}: {result.summary()}.",
           "# Review: each post and duty says where it was read; duties are verbatim (numbering removed)."]
    if matcher is not None:
        out.append("# Each duty's proposed functions are a comment: uncomment `functions:` to pin them, or correct them.")
    if result.unplaced:
        out.append("#")
        out.append(f"# Not placed ({len(result.unplaced)}): read, but neither a duty nor a qualification of a post")
        for u in result.unplaced:
            out.append(f"#   {_at(u.where)}: {_comment(u.text)}  ({u.why})")
    if result.unreadable:
        out.append("#")
        out.append(f"# Unreadable files skipped ({len(result.unreadable)}):")
        out += [f"#   {_comment(str(e))}" for e in result.unreadable]
    out += ["", "organisation:", "  id: imported", f"  name: {scalar(result.organisation_name())}", "", "departments:"]
    dept_ids = department_ids(result.departments())
    for name, ident in dept_ids.items():
        out += [f"  - id: {scalar(ident)}", f"    name: {scalar(name)}"]
    out += ["", "posts:"]
    k = 0
    for p in result.posts:
        out.append(f"  # {_comment(p.name)}: {_at(p.where)}")
        out += [f"  - id: {scalar(p.id)}", f"    name: {scalar(p.name)}",
                f"    department: {scalar(dept_ids[p.department or UNASSIGNED])}"]
        if p.reports_to is not None:
            written = f"    # 直接上级 as written: {_comment(p.reports_to_text or '')}" if p.reports_to_text and \
                p.reports_to_text != next((q.name for q in result.posts if q.id == p.reports_to), None) else ""
            if written:
                out.append(written)
            out.append(f"    reports_to: {scalar(p.reports_to)}")
        elif p.reports_to_text:
            out.append(f"    # reports_to: names no imported post; as written: {_comment(p.reports_to_text)}")
        if p.headcount is not None:
            out.append(f"    headcount: {p.headcount}")
        if p.qualifications:
            out.append("    # 任职资格 (qualifications: kept apart, not duties):")
            out += [f"    #   - {_comment(q)}" for q in p.qualifications]
        if not p.duties:
            out.append("    duties: []")
            continue
        out.append("    duties:")
        for d in p.duties:
            out.append(f"      # {_at(d.where)}")
            out.append(f"      - text: {scalar(d.text)}")
            if matcher is not None:
                out += [f"        {n}" for n in _functions_line(matcher, matches[k])]
            k += 1
    return "\n".join(out) + "\n"
