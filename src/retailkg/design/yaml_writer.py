"""A design written back as YAML, whatever form it was read from, with comments where a person should look.

``retailkg org propose`` writes the to-be design this way: the same organisation, units, posts and
duties as read (so validating it gives the same findings, by the same ids, except those changed),
with a comment above each change. Reading what is written gives the same design
(tests/test_proposals.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from retailkg.design.documents.result import scalar
from retailkg.design.model import DutySpec, OrgDesign

__all__ = ["design_yaml"]


def _list(items: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _comments(lines: list[str], notes: Mapping[int, list[str]], key: int, indent: str) -> None:
    lines += [f"{indent}# {' '.join(note.split())}" for note in notes.get(key, [])]


def _functions(pairs: list[tuple[str, str]]) -> str:
    lead = [n for n, r in pairs if r == "lead"]
    support = [n for n, r in pairs if r == "support"]
    if not support:
        return _list(lead)
    parts = ([f"lead: {_list(lead)}"] if lead else []) + [f"support: {_list(support)}"]
    return "{" + ", ".join(parts) + "}"


def _duty(lines: list[str], d: DutySpec, notes: Mapping[int, list[str]]) -> None:
    _comments(lines, notes, id(d), "      ")
    if d.standard is not None:
        lines.append(f"      - standard: {scalar(d.standard)}")
    else:
        lines.append(f"      - text: {scalar(d.text or '')}")
    if d.role_given or d.role != "lead":
        lines.append(f"        role: {d.role}")
    stated = d.correction.functions if d.correction is not None else tuple(d.functions)
    if d.correction is not None:
        lines.append(f"        # corrected by reviewer: {d.correction.where.cite()}")
    if stated:
        lines.append(f"        functions: {_functions(list(stated))}")


def design_yaml(design: OrgDesign, notes: Mapping[int, list[str]] | None = None, header: Iterable[str] = (),
                shapes: Iterable[str] = ()) -> str:
    """``design`` as YAML in the form ``parse_yaml`` reads. ``notes`` are comments keyed by ``id()`` of a post or
    duty spec (``-id()`` of a post: above its ``accountable_for``); ``header`` the file's opening comments;
    ``shapes`` the design's own shapes files, as its ``shapes:`` entry. A reviewer's correction (from a report
    workbook) is written as the functions it states."""
    notes = notes or {}
    out = [f"# {h}" if h else "#" for h in header]
    o = design.organisation
    out += ["organisation:", f"  id: {scalar(o.id)}", f"  name: {scalar(o.name)}"]
    if o.name_en:
        out.append(f"  name_en: {scalar(o.name_en)}")
    if o.baseline:
        out.append(f"  baseline: {scalar(o.baseline)}")
    if o.scope:
        out.append(f"  scope: {_list(n for n, _ in o.scope)}")
    if o.exclude:
        out.append(f"  exclude: {_list(n for n, _ in o.exclude)}")
    shapes = list(shapes)
    if shapes:
        out.append(f"shapes: {_list(shapes)}")
    out.append("departments:")
    for d in design.departments:
        fields = [f"id: {scalar(d.id)}", f"name: {scalar(d.name)}"]
        if d.name_en:
            fields.append(f"name_en: {scalar(d.name_en)}")
        if d.kind != "department":
            fields.append(f"kind: {d.kind}")
        if d.parent:
            fields.append(f"parent: {scalar(d.parent)}")
        out.append("  - {" + ", ".join(fields) + "}")
    out.append("posts:" if design.posts else "posts: []")
    for p in design.posts:
        _comments(out, notes, id(p), "  ")
        out += [f"  - id: {scalar(p.id)}", f"    name: {scalar(p.name)}"]
        if p.name_en:
            out.append(f"    name_en: {scalar(p.name_en)}")
        out.append(f"    department: {scalar(p.department)}")
        if p.reports_to:
            out.append(f"    reports_to: {scalar(p.reports_to)}")
        if p.headcount is not None:
            out.append(f"    headcount: {p.headcount}")
        if not p.duties:
            out.append("    duties: []")
        else:
            out.append("    duties:")
            for duty in p.duties:
                _duty(out, duty, notes)
        _comments(out, notes, -id(p), "    ")
        if p.accountable_for:
            out.append(f"    accountable_for: {_list(n for n, _ in p.accountable_for)}")
    return "\n".join(out) + "\n"
