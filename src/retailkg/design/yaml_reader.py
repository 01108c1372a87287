"""A design written as YAML, read with the line of every value so errors can name it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from retailkg.design.fields import ID_PATTERN, duty_field, headcount_field, ident_field, kind_field, names_field, text_field
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
_STR = "tag:yaml.org,2002:str"


class _LineLoader(_BaseLoader):
    path = ""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node, as the base resolver decides it, by one lookup for a plain scalar and none
        for a quoted one (always text): the parser asks once per node (millions in a chain's design),
        most of them quoted text or text starting with a character no implicit tag starts with. Path
        resolvers (none are added) go the base way."""
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return str(super().resolve(kind, value, implicit))


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

_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG


class _NotStreamed(Exception):
    """The document has what the event reader leaves to PyYAML's constructors (an explicit tag on a collection)."""


def _streamed(text: str, path: Path, top: Where) -> tuple[Any, list[PostSpec] | None]:
    """The document, and its posts read as each is parsed (None: read them from the document).

    A chain's design is mostly its ``posts`` list: read from the parser's events, each post
    becomes a :class:`PostSpec` as soon as its last event is in, so the parsed values of one post at
    a time are in memory, not a node tree of the whole file (which left a gigabyte behind, its pages
    held by the few strings the design keeps). A post with any error, or a document the event
    reader does not build (explicit tags on collections), is read again the whole-document way
    (:func:`_tree`), so messages and their order are exactly that way's.
    """
    posts: list[PostSpec] = []
    found = Problems()

    def read(raw: Any, line: int) -> None:
        post = _read_post(raw, top.at("posts", line), found)
        if found.errors or post is None:
            raise _NotStreamed
        posts.append(post)

    loader = _LineLoader(text)
    loader.path = str(path)
    try:
        try:
            return _from_events(loader, read), posts
        except (_NotStreamed, InputError):
            pass
    finally:
        loader.dispose()
    loader = _LineLoader(text)
    loader.path = str(path)
    try:
        node = loader.get_single_node()
        return (None if node is None else _tree(loader, node)), None
    finally:
        loader.dispose()


def _from_events(loader: _LineLoader, on_post: Any) -> Any:
    """The document built from the parser's events, as :func:`_tree` builds it from nodes, except
    that each entry of the top-level ``posts`` list is handed to ``on_post(value, line)`` instead
    of being kept."""
    events = yaml.events
    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    map_start, seq_start = events.MappingStartEvent, events.SequenceStartEvent
    map_end, seq_end = events.MappingEndEvent, events.SequenceEndEvent
    construct, resolve = loader.construct_object, loader.resolve
    anchors: dict[str, Any] = {}
    # a frame: [container, is_mapping, key, key_line, hook]; a mapping alternates key and value
    stack: list[list[Any]] = []
    root: Any = None
    first_document = False

    def add(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if frame[1]:
            if frame[2] is _NO_KEY:
                frame[2] = value if type(value) is str else str(value)
                frame[3] = line
                return
            key = frame[2]
            if key in container:
                raise InputError(f"duplicate key {key!r}", file=loader.path, line=frame[3], field=key)
            container[key] = value
            container.lines[key] = line
            frame[2] = _NO_KEY
        elif frame[4] is not None:
            frame[4](value, line)
        else:
            container.append(value)
            container.lines.append(line)

    get = loader.get_event
    while True:
        ev = get()
        kind = type(ev)
        if kind is scalar_event:
            tag = ev.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, ev.value, ev.implicit)
            value = ev.value if tag == _STR else construct(yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, ev.style),
                                                           deep=True)
            if ev.anchor is not None:
                anchors[ev.anchor] = value
            add(value, ev.start_mark.line + 1)
        elif kind is map_start or kind is seq_start:
            if ev.tag not in (None, "!", _MAP if kind is map_start else _SEQ):
                raise _NotStreamed
            line = ev.start_mark.line + 1
            container: Any = _Map() if kind is map_start else _Seq()
            container.line = line
            container.lines = {} if kind is map_start else []
            if ev.anchor is not None:
                anchors[ev.anchor] = container
            hook = None
            if kind is seq_start and len(stack) == 1 and stack[0][1] and stack[0][2] == "posts":
                hook = on_post
            stack.append([container, kind is map_start, _NO_KEY, 0, hook, line])
        elif kind is map_end or kind is seq_end:
            frame = stack.pop()
            add(frame[0], frame[5])
        elif kind is alias_event:
            if ev.anchor not in anchors:  # the composer's own message, from the whole-document way
                raise _NotStreamed
            add(anchors[ev.anchor], ev.start_mark.line + 1)
        elif kind is events.DocumentStartEvent:
            if first_document:  # likewise
                raise _NotStreamed
            first_document = True
        elif kind is events.StreamEndEvent:
            return root


_NO_KEY = object()


def _tree(loader: _LineLoader, root: yaml.Node) -> Any:
    """The document under ``root`` as :class:`_Map`, :class:`_Seq` and scalars: what the loader's
    constructors give, built by one walk of the composed nodes.

    PyYAML's generic construction (a generator per collection, a resolver call and a recursion check
    per node) took most of the time of reading a chain's design; plain strings, lists and mappings of
    the default tags, which are nearly every node, are built here directly, and any other node
    (numbers, booleans, null, dates, explicit tags) by the loader itself, so the values are the same.
    A node an alias shares is built once (an alias bomb stays as small as its text).
    """
    memo: dict[int, Any] = {}
    construct = loader.construct_object
    scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def build(node: yaml.Node) -> Any:
        kind = type(node)
        if kind is scalar:
            return node.value if node.tag == _STR else construct(node, deep=True)
        found = memo.get(id(node))
        if found is not None:
            return found
        if kind is mapping and node.tag == _MAP:
            m = memo[id(node)] = _Map()
            m.line = node.start_mark.line + 1
            lines: dict[str, int] = {}
            m.lines = lines
            for key_node, value_node in node.value:
                key = key_node.value if type(key_node) is scalar and key_node.tag == _STR else build(key_node)
                if type(key) is not str:
                    key = str(key)
                if key in m:
                    raise InputError(f"duplicate key {key!r}", file=loader.path, line=key_node.start_mark.line + 1, field=key)
                m[key] = value_node.value if type(value_node) is scalar and value_node.tag == _STR else build(value_node)
                lines[key] = value_node.start_mark.line + 1
            return m
        if kind is sequence and node.tag == _SEQ:
            s = memo[id(node)] = _Seq()
            s.line = node.start_mark.line + 1
            s.lines = [n.start_mark.line + 1 for n in node.value]
            s.extend([n.value if type(n) is scalar and n.tag == _STR else build(n) for n in node.value])
            return s
        out = memo[id(node)] = construct(node, deep=True)
        return out

    return build(root)


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
    for key in sorted(value.keys() - _KEYS[what]):
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
    top = Where(str(path), 1)
    try:
        data, streamed = _streamed(text, path, top)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"invalid YAML: {e.problem or e.context}", file=str(path), line=line) from None
    except yaml.YAMLError as e:
        raise InputError(f"invalid YAML: {e}", file=str(path)) from None
    except RecursionError:
        raise InputError("invalid YAML: nested too deeply", file=str(path)) from None
    found = Problems() if problems is None else problems
    c = found.attempt
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
    if streamed is not None:
        posts = streamed
    else:
        posts = []
        for raw, w in _seq(top_map.get("posts"), top.at("posts", line("posts")), "posts"):
            post = _read_post(raw, w, found)
            if post is not None:
                posts.append(post)
    if not depts and not found.errors:
        found.add(top.error("no departments", "departments"))
    if problems is None:
        found.raise_if_any()
    return OrgDesign(path, org, depts, posts, top_map.get("shapes"))


def _read_post(raw: Any, w: Where, found: Problems) -> PostSpec | None:
    """One entry of ``posts``, its errors kept in ``found``."""
    c = found.attempt
    p = c(None, _mapping, raw, w, "post", found)
    if p is None:
        return None
    w = w.at(line=p.line)
    pl = p.lines.get
    # each field: the common case (a good value) at once, else the field reader with its place
    v = p.get("id"), p.get("name"), p.get("department"), p.get("reports_to"), p.get("headcount"), p.get("name_en")
    post = PostSpec(
        w, _ident(v[0]) or c(None, ident_field, v[0], w.at("id", pl("id")), "id") or _raw(v[0]),
        _text(v[1]) or c(None, text_field, v[1], w.at("name", pl("name")), "name", required=True) or "",
        _ident(v[2]) or c(None, ident_field, v[2], w.at("department", pl("department")), "department") or _raw(v[2]),
        _ident(v[3]) or (c(None, ident_field, v[3], w.at("reports_to", pl("reports_to")), "reports_to", required=False)
                         or _raw(v[3]) or None),
        v[4] if type(v[4]) is int and v[4] >= 1 else c(None, headcount_field, v[4], w.at("headcount", pl("headcount"))),
        _text(v[5]) or c(None, text_field, v[5], w, "name_en") or "",
    )
    for rd, dw in c(list[tuple[Any, Where]](), _seq, p.get("duties"), w.at("duties", pl("duties")), "duties"):
        duty = c(None, _duty, rd, dw, found)
        if duty is not None:
            post.duties.append(duty)
    aw = w.at("accountable_for", pl("accountable_for"))
    post.accountable_for = [(n, aw) for n in c(list[str](), names_field, p.get("accountable_for"), aw, "accountable_for")]
    return post


def _duty(raw: Any, where: Where, problems: Problems) -> DutySpec:
    if isinstance(raw, str):  # a bare string is free text
        return duty_field({"text": raw}, where)
    dm = _mapping(raw, where, "duty", problems)
    return duty_field(dm, where.at(line=dm.line))


def _text(value: Any) -> str | None:
    """``text_field``'s answer for a string with text in it, else None (then the field reader decides)."""
    if type(value) is str:
        return value.strip() or None
    return None


def _ident(value: Any) -> str | None:
    """``ident_field``'s answer for a good id, else None (then the field reader decides)."""
    if type(value) is str:
        s = value.strip()
        if s and ID_PATTERN.match(s):
            return s
    return None


def _raw(value: Any) -> str:
    """A value as text, the stand-in for a field refused (so references to it are not reported again)."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()
