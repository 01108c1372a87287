"""A design written as YAML, read with the line of every value so errors can name it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from retailkg.design.fields import duty_field, headcount_field, ident_field, kind_field, names_field, text_field
from retailkg.design.model import DepartmentSpec, DutySpec, OrganisationSpec, OrgDesign, PostSpec, Problems, Where, did_you_mean
from retailkg.errors import InputError

# --- YAML ---


class _Map(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key (the loader builds every
    mapping as one)."""

    line: int = 0
    lines: dict[str, int]


class _Seq(list[Any]):
    line: int = 0
    lines: list[int]


# libyaml's parser (CSafeLoader) when PyYAML has it: a chain's design is ten megabytes of YAML,
# which the pure-Python scanner takes tens of seconds to read. Both keep node marks (lines).
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    path = ""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    m = _Map()
    m.line = node.start_mark.line + 1
    m.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in m:
            raise InputError(f"duplicate key {key!r}", file=loader.path, line=key_node.start_mark.line + 1, field=key)
        m[key] = loader.construct_object(value_node, deep=True)
        m.lines[key] = value_node.start_mark.line + 1
    return m


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    s = _Seq(loader.construct_object(n, deep=True) for n in node.value)
    s.line = node.start_mark.line + 1
    s.lines = [n.start_mark.line + 1 for n in node.value]
    return s


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)

_KEYS = {
    "top": {"organisation", "organization", "departments", "posts", "shapes"},  # shapes: read by `validate`
    "organisation": {"id", "name", "name_en", "baseline", "scope", "exclude", "exclude_functions"},
    "department": {"id", "name", "name_en", "kind", "parent"},
    "post": {"id", "name", "name_en", "department", "reports_to", "headcount", "duties", "accountable_for"},
    "duty": {"standard", "text", "role", "functions"},
}


def _mapping(value: Any, where: Where, what: str, problems: Problems | None = None) -> _Map:
    if not isinstance(value, _Map):
        raise where.error(f"{what} must be a mapping (key: value)")
    for key in sorted(set(value) - _KEYS[what]):
        line = value.lines.get(key, where.line)
        error = where.at(line=line).error(f"unknown field {key!r}{did_you_mean(key, _KEYS[what])} "
                                          f"(known: {', '.join(sorted(_KEYS[what]))})", key)
        if problems is None:
            raise error
        problems.add(error)
    return value


def _seq(value: Any, where: Where, fld: str) -> list[tuple[Any, Where]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.error(f"{fld} must be a list", fld)
    lines = value.lines if isinstance(value, _Seq) else [where.line] * len(value)
    return [(v, where.at(fld, line)) for v, line in zip(value, lines, strict=True)]


def parse_yaml(text: str, path: Path, problems: Problems | None = None) -> OrgDesign:
    """Parse YAML text (see the module docstring); ``path`` is only used in messages. Every field's error is
    collected (up to the limit) in ``problems``, or raised at the end without it."""
    loader = _LineLoader(text)
    loader.path = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"invalid YAML: {e.problem or e.context}", file=str(path), line=line) from None
    except yaml.YAMLError as e:
        raise InputError(f"invalid YAML: {e}", file=str(path)) from None
    except RecursionError:
        raise InputError("invalid YAML: nested too deeply", file=str(path)) from None
    finally:
        loader.dispose()
    found = Problems() if problems is None else problems
    c = found.attempt
    top = Where(str(path), 1)
    if data is None:
        raise top.error("empty file")
    top_map = _mapping(data, top, "top", found)
    line = top_map.lines.get
    org_key = "organisation" if "organisation" in top_map else "organization"
    if org_key not in top_map:
        found.add(top.error("missing organisation", "organisation"))
        found.raise_if_any()
    ow = top.at("organisation", line(org_key))
    o = _mapping(top_map[org_key], ow, "organisation", found)
    org = OrganisationSpec(
        ow, c(None, ident_field, o.get("id"), ow.at("id", o.lines.get("id")), "id") or _raw(o.get("id")),
        c(None, text_field, o.get("name"), ow.at("name", o.lines.get("name")), "name", required=True) or "",
        c(None, text_field, o.get("baseline"), ow, "baseline"), c(None, text_field, o.get("name_en"), ow, "name_en") or "",
    )
    for key in ("scope", "exclude", "exclude_functions"):  # exclude_functions: the old name of exclude, still read
        kw = ow.at(key, o.lines.get(key))
        names = [(n, kw) for n in c(list[str](), names_field, o.get(key), kw, key)]
        (org.scope if key == "scope" else org.exclude).extend(names)
    depts = []
    for raw, w in _seq(top_map.get("departments"), top.at("departments", line("departments")), "departments"):
        d = c(None, _mapping, raw, w, "department", found)
        if d is None:
            continue
        w = w.at(line=d.line)
        depts.append(DepartmentSpec(
            w, c(None, ident_field, d.get("id"), w.at("id", d.lines.get("id")), "id") or _raw(d.get("id")),
            c(None, text_field, d.get("name"), w.at("name", d.lines.get("name")), "name", required=True) or "",
            c("department", kind_field, d.get("kind"), w.at("kind", d.lines.get("kind"))),
            c(None, ident_field, d.get("parent"), w.at("parent", d.lines.get("parent")), "parent", required=False)
            or _raw(d.get("parent")) or None,
            c(None, text_field, d.get("name_en"), w, "name_en") or "",
        ))
    posts = []
    for raw, w in _seq(top_map.get("posts"), top.at("posts", line("posts")), "posts"):
        p = c(None, _mapping, raw, w, "post", found)
        if p is None:
            continue
        w = w.at(line=p.line)
        pl = p.lines.get
        post = PostSpec(
            w, c(None, ident_field, p.get("id"), w.at("id", pl("id")), "id") or _raw(p.get("id")),
            c(None, text_field, p.get("name"), w.at("name", pl("name")), "name", required=True) or "",
            c(None, ident_field, p.get("department"), w.at("department", pl("department")), "department") or _raw(p.get("department")),
            c(None, ident_field, p.get("reports_to"), w.at("reports_to", pl("reports_to")), "reports_to", required=False)
            or _raw(p.get("reports_to")) or None,
            c(None, headcount_field, p.get("headcount"), w.at("headcount", pl("headcount"))),
            c(None, text_field, p.get("name_en"), w, "name_en") or "",
        )
        for rd, dw in c(list[tuple[Any, Where]](), _seq, p.get("duties"), w.at("duties", pl("duties")), "duties"):
            duty = c(None, _duty, rd, dw, found)
            if duty is not None:
                post.duties.append(duty)
        aw = w.at("accountable_for", pl("accountable_for"))
        post.accountable_for = [(n, aw) for n in c(list[str](), names_field, p.get("accountable_for"), aw, "accountable_for")]
        posts.append(post)
    if not depts and not found.errors:
        found.add(top.error("no departments", "departments"))
    if problems is None:
        found.raise_if_any()
    return OrgDesign(path, org, depts, posts)


def _duty(raw: Any, where: Where, problems: Problems) -> DutySpec:
    if isinstance(raw, str):  # a bare string is free text
        return duty_field({"text": raw}, where)
    dm = _mapping(raw, where, "duty", problems)
    return duty_field(dm, where.at(line=dm.line))


def _raw(value: Any) -> str:
    """A value as text, the stand-in for a field refused (so references to it are not reported again)."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()
