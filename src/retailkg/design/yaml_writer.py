"""A design written back as YAML, whatever form it was read from, with comments where a person should look.

``retailkg org propose`` writes the to-be design this way: the same organisation, units, posts and
duties as read (so validating it gives the same findings, by the same ids, except those changed),
with a comment above each change. Reading what is written gives the same design
(tests/test_proposals.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from retailkg.design.documents.result import scalar
from retailkg.design.model import DutySpec, OrgDesign, PostSpec

__all__ = ["design_yaml", "patch_design_yaml"]


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
        _post(out, p, notes)
    return "\n".join(out) + "\n"


def _post(out: list[str], p: PostSpec, notes: Mapping[int, list[str]], duties: list[str] | None = None) -> None:
    """``p`` as the writer writes a post; ``duties``, when given, the lines of its duties as they are to be written."""
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
        if duties is not None:
            out += duties
        else:
            for duty in p.duties:
                _duty(out, duty, notes)
    _comments(out, notes, -id(p), "    ")
    if p.accountable_for:
        out.append(f"    accountable_for: {_list(n for n, _ in p.accountable_for)}")


# ---------------------------------------------------------------------------------------------
# The as-is YAML, patched line by line
# ---------------------------------------------------------------------------------------------


def _reindent(lines: list[str], shift: int) -> list[str]:
    """``lines`` moved ``shift`` columns right (left when negative): the writer's indentation made the file's."""
    if shift >= 0:
        return [" " * shift + line for line in lines]
    return [line[-shift:] if line[:-shift].strip() == "" else line.lstrip() for line in lines]


def _last_line(node: Any) -> int:
    """The 0-based line a node's text ends on: a block collection's end mark is where the next token starts, so
    its last scalar (or flow collection) says; a block scalar (``|``) ends at the start of the next line."""
    while getattr(node, "flow_style", None) is False and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark
    return int(end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line)


def patch_design_yaml(text: str, before: OrgDesign, after: OrgDesign, edits: Mapping[str, Mapping[int, list[DutySpec]]],
                      notes: Mapping[int, list[str]], header: Iterable[str] = (), shapes: Iterable[str] | None = None,
                      origin: Mapping[int, tuple[str, int]] | None = None) -> str | None:
    """The as-is YAML ``text`` with only what changed from ``before`` to ``after`` rewritten, line by line, so
    that the file's own comments, order, quoting and layout stay wherever nothing changed: an edited duty's
    lines are replaced (``edits``: post id -> as-is duty index -> the duties it became), an added duty is
    inserted after the post's last duty, a changed ``accountable_for`` or ``reports_to`` is rewritten, ``header``
    goes on top and ``shapes`` (when not None) replaces the ``shapes:`` entry. A split or merge (posts added or
    removed, duties moving between posts) needs ``origin``: where each duty of ``after`` copied unchanged from the
    as-is design was written (id of the duty -> as-is post id, duty index), so a moved duty is written with its own
    lines and comments; a post merged away is removed with its lines, a post split off is inserted after the post
    before it. None when the text cannot be patched (a layout this does not handle, such as a flow-style posts
    list): the caller writes the whole design instead."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    top = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    posts_node = top.get("posts", (None, None))[1]
    if not isinstance(posts_node, yaml.SequenceNode) or posts_node.flow_style:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    # (first line, last line, replacement lines) for spans replaced; (after line, lines) for insertions
    spans: list[tuple[int, int, list[str]]] = []
    inserts: list[tuple[int, list[str]]] = []
    as_is = {p.id: p for p in before.posts}
    if set(as_is) != {p.id for p in after.posts} and origin is None:
        return None  # a post split off or merged away, and no way to tell where its duties were written
    origin = origin or {}
    copied = {at: k for k, at in origin.items()}
    edited_from = {id(d): (pid, i) for pid, e in edits.items() for i, ds in e.items() for d in ds}
    nodes: dict[str, Any] = {}
    for item in posts_node.value:
        if not isinstance(item, yaml.MappingNode):
            return None
        fields = {k.value: (k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode)}
        pid = fields.get("id", (None, None))[1]
        if isinstance(pid, yaml.ScalarNode):
            nodes[str(pid.value)] = (item, fields)
    if set(nodes) != set(as_is):
        return None
    kept = {p.id for p in after.posts}
    carried: dict[str, list[str]] = {}  # a post merged away: the comments above it, written above its duties
    for pid, (item, _fields) in nodes.items():
        if pid not in kept:  # merged away: its lines go (the post it went into says so)
            first = _comments_above(lines, item.start_mark.line)
            carried[pid] = _reindent(lines[first:item.start_mark.line], 6 - item.start_mark.column + 2)
            spans.append((first, _last_line(item), []))
    previous: str | None = None  # the last as-is post met: a post split off goes after it
    for post in after.posts:
        old = as_is.get(post.id)
        if old is None:
            if previous is None:
                return None
            item = nodes[previous][0]
            body = _duty_block(post, notes, origin, lines, nodes, carried, None, edited_from)
            block: list[str] = []
            _post(block, post, notes, body)
            inserts.append((_last_line(item), _reindent(block, item.start_mark.column - 4)))
            continue
        previous = post.id
        item, fields = nodes[post.id]
        post_edits = edits.get(post.id, {})
        replaced = {id(d) for ds in post_edits.values() for d in ds}
        added = [d for d in post.duties if id(d) in notes and id(d) not in replaced and id(d) not in origin]
        old_metrics = [n for n, _ in old.accountable_for]
        new_metrics = [n for n, _ in post.accountable_for]
        key_col = item.start_mark.column  # the column of the post's keys
        if notes.get(id(post)):
            note: list[str] = []
            _comments(note, notes, id(post), "  ")
            inserts.append((item.start_mark.line - 1, _reindent(note, key_col - 4)))
        if post.reports_to != old.reports_to:
            rkey, rnode = fields.get("reports_to", (None, None))
            line = [f"{' ' * key_col}reports_to: {scalar(post.reports_to)}"] if post.reports_to else []
            if rkey is None:
                inserts.append((fields["id"][1].end_mark.line, line))
            else:
                own = _inline_comment(lines[_last_line(rnode)])
                spans.append((rkey.start_mark.line, _last_line(rnode),
                              [line[0] + own] if line else [f"{' ' * key_col}{own.strip()}"] if own else []))
        simple: list[int] = []  # the duties as an edit in place leaves them
        for i in range(len(old.duties)):
            simple += [id(d) for d in post_edits[i]] if i in post_edits else [copied.get((post.id, i), 0)]
        if origin and [id(d) for d in post.duties] != simple + [id(d) for d in added]:
            # duties moved in or out (a split or merge): the duties entry is written again, each duty moved whole
            # with its own lines
            dkey, dnode = fields.get("duties", (None, None))
            if dkey is None or dnode is None:
                return None
            # an as-is duty rewritten (its work split between posts): its comments go above the duties written anew
            lost = [c for i in range(len(old.duties)) if (post.id, i) not in copied and i not in post_edits
                    for c in _own_comments(_duty_lines(lines, nodes, post.id, i) or [])]
            body = _duty_block(post, notes, origin, lines, nodes, carried, lost, edited_from)
            block = ["    duties:" if post.duties else "    duties: []", *body]
            spans.append((dkey.start_mark.line, _last_line(dnode), _reindent(block, key_col - 4)))
        elif post_edits or added:
            duties = fields.get("duties", (None, None))
            dkey, dnode = duties
            rendered: list[str] = []
            if dnode is None or not isinstance(dnode, yaml.SequenceNode) or dnode.flow_style or not dnode.value:
                # no block list to patch (duties: [] or a flow list): the duties entry is written again, whole
                for d in post.duties:
                    _duty(rendered, d, notes)
                block = _reindent(["    duties:" if post.duties else "    duties: []", *rendered], key_col - 4)
                if dkey is None:
                    inserts.append((_last_line(item), block))
                else:
                    spans.append((dkey.start_mark.line, _last_line(dnode) if dnode is not None else dkey.start_mark.line, block))
            else:
                if len(dnode.value) != len(old.duties):
                    return None
                dash = dnode.value[0].start_mark.column - 2  # the writer puts "- " at column 6
                for k, new in sorted(post_edits.items()):
                    node = dnode.value[k]
                    was = _duty_lines(lines, nodes, post.id, k) or []
                    above = next((n for n, line in enumerate(was) if not line.strip().startswith("#")), 0)
                    out: list[str] = [f"      # {c}" for c in _own_comments(was)]  # the duty's own comments stay with it
                    for d in new:
                        _duty(out, d, notes)
                    spans.append((node.start_mark.line - above, _last_line(node), _reindent(out, dash - 6)))
                if added:
                    out = []
                    for d in added:
                        _duty(out, d, notes)
                    inserts.append((_last_line(dnode.value[-1]), _reindent(out, dash - 6)))
        if old_metrics != new_metrics or notes.get(-id(post)):
            block = []
            _comments(block, notes, -id(post), "    ")
            block.append(f"    accountable_for: {_list(new_metrics)}")
            block = _reindent(block, key_col - 4)
            akey, anode = fields.get("accountable_for", (None, None))
            if akey is None:
                inserts.append((_last_line(item), block))
            else:
                spans.append((akey.start_mark.line, _last_line(anode), block))
    if shapes is not None and "shapes" in top:
        skey, snode = top["shapes"]
        spans.append((skey.start_mark.line, _last_line(snode), [f"{' ' * skey.start_mark.column}shapes: {_list(shapes)}"]))
    edits_at: dict[int, tuple[int, list[str]]] = {}
    for first, last, new_lines in spans:
        if first in edits_at or any(a <= first <= b or first <= a <= last for a, (b, _) in edits_at.items()):
            return None  # two changes of one line: not a layout this handles
        edits_at[first] = (last, new_lines)
    after_line: dict[int, list[str]] = {}
    for at, new_lines in inserts:
        after_line.setdefault(at, []).extend(new_lines)
    out_lines = [f"# {h}" if h else "#" for h in header]
    i = 0
    while i < len(lines):
        if i in edits_at:
            last, new_lines = edits_at[i]
            out_lines += new_lines
            for j in range(i, last + 1):
                out_lines += after_line.pop(j, [])
            i = last + 1
            continue
        out_lines.append(lines[i])
        out_lines += after_line.pop(i, [])
        i += 1
    if after_line:
        return None
    return newline.join(out_lines) + newline


def _duty_lines(lines: list[str], nodes: Mapping[str, Any], pid: str, i: int) -> list[str] | None:
    """The as-is file's lines of post ``pid``'s duty ``i``, with the comments just above it, moved so that its dash is
    where the writer puts it (column 6); None when that duty is not a block list's item there."""
    found = nodes.get(pid)
    dkey, dnode = found[1].get("duties", (None, None)) if found is not None else (None, None)
    if dkey is None or dnode is None or getattr(dnode, "flow_style", True) or i >= len(dnode.value):
        return None
    node = dnode.value[i]
    top = (_last_line(dnode.value[i - 1]) if i else dkey.start_mark.line) + 1
    first = max(top, _comments_above(lines, node.start_mark.line))
    return _reindent(lines[first:_last_line(node) + 1], 6 - (node.start_mark.column - 2))


def _comments_above(lines: list[str], line: int) -> int:
    """The first of the comment lines just above ``line`` (``line`` itself when there is none)."""
    while line > 0 and lines[line - 1].strip().startswith("#"):
        line -= 1
    return line


def _inline_comment(line: str) -> str:
    """The comment at the end of a YAML line (`` # …``), outside quotes; "" when there is none."""
    quote = ""
    for k, c in enumerate(line):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"" and (k == 0 or line[k - 1] in " :[{,-"):
            quote = c
        elif c == "#" and k > 0 and line[k - 1] in " \t":
            return "   " + line[k:]
    return ""


def _duty_block(post: PostSpec, notes: Mapping[int, list[str]], origin: Mapping[int, tuple[str, int]], lines: list[str],
                nodes: Mapping[str, Any], carried: Mapping[str, list[str]] | None = None,
                lost: list[str] | None = None, edited_from: Mapping[int, tuple[str, int]] | None = None) -> list[str]:
    """``post``'s duties as the writer indents them, each copied unchanged from the as-is design written with its own
    lines (and comments), the others as the writer writes them; ``carried``: the comments above a post merged away,
    written above the first of its duties; ``lost``: comments of duties written anew, above the first of those;
    ``edited_from``: where a duty edited in place was written (its comments go above what it became)."""
    out: list[str] = []
    pending = dict(carried or {})
    said: set[tuple[str, int]] = set()
    for d in post.duties:
        at = origin.get(id(d))
        if at is None:
            was = (edited_from or {}).get(id(d))
            if was is not None:
                out += pending.pop(was[0], [])
                if was not in said:
                    said.add(was)
                    out += [f"      # {c}" for c in _own_comments(_duty_lines(lines, nodes, *was) or [])]
            else:
                out += [f"      # {c}" for c in lost or []]
                lost = []
            _duty(out, d, notes)
            continue
        out += pending.pop(at[0], [])
        mine = _duty_lines(lines, nodes, *at)
        if mine is None:  # an item of a flow list: no comment to keep, written as the writer writes it
            _duty(out, d, notes)
            continue
        _comments(out, notes, id(d), "      ")
        out += mine
    return out + [f"      # {c}" for c in lost or []]


def _own_comments(lines: list[str]) -> list[str]:
    """The comments of some lines of YAML, whole-line or at a line's end, without their ``#``."""
    out = []
    for line in lines:
        text = line.strip()
        comment = text if text.startswith("#") else _inline_comment(line).strip()
        if comment:
            out.append(comment[1:].strip())
    return out
