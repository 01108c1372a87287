"""Split and merge proposals: when a post is proposed for either, their stable ids, and how either is made in a design.

A split or a merge resolves no finding, so it is the consultant's choice (``org propose --only S…``); what it
changes in the design is kept here, apart from the edits that resolve findings (validation/tobe.py), because it
moves posts and duties rather than editing them in place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import URIRef

from retailkg.design.model import DutySpec, OrgDesign, PostSpec, Where
from retailkg.design.resolve import ResolvedDesign, ResolvedDuty
from retailkg.kg.knowledge import KnowledgeBase
from retailkg.validation.findings import PostRef, Proposal
from retailkg.validation.marks import Notes, mark

__all__ = ["MERGE_MIN_FUNCTIONS", "SPLIT_EXTRA_AREAS", "SPLIT_MIN_FUNCTIONS", "merge", "restructure_id", "split"]

SPLIT_MIN_FUNCTIONS = 3
"""A post is proposed for a split only when its duties lead at least this many functions (team ones aside)."""

SPLIT_EXTRA_AREAS = 2
"""…and lead functions in at least this many areas more than its closest standard post, outside that post's areas."""

MERGE_MIN_FUNCTIONS = 0.5
"""Two posts are proposed for a merge when each is at least this close by functions to one standard post that
leads all their work."""

def restructure_id(rule: str, posts: Iterable[str]) -> str:
    """A stable id of a split or merge proposal (S and ten hex digits, apart from the findings' F…): the same posts
    give the same id in every run. Public: the proposer names the split and merge proposals it makes with it."""
    import hashlib

    return "S" + hashlib.sha1("\n".join([rule, *sorted(posts)]).encode("utf-8")).hexdigest()[:10]

def _post_id(resolved: ResolvedDesign, ref: PostRef | None) -> str | None:
    """The design's id of the post a proposal names by IRI (None when the design has no such post)."""
    return next((p.id for p in resolved.design.posts if ref is not None and str(resolved.posts[p.id]) == ref.iri), None)


def split(design: OrgDesign, resolved: ResolvedDesign, p: Proposal, by_spec: Mapping[int, list[ResolvedDuty]],
           edited: set[tuple[str, int]], notes: Notes, kb: KnowledgeBase) -> None:
    """A new post for each standard post the proposal splits work off to, next to the post, with its duties:
    a duty leading only work that moves goes whole; one leading both is written as its words twice, each with its
    own functions. A duty another chosen proposal edits stays where it is. Public: applying the chosen proposals
    (validation/tobe.py) makes the splits last, after every other edit."""
    pid = _post_id(resolved, p.owner)
    if pid is None:
        return
    posts = design.posts
    k = next(i for i, q in enumerate(posts) if q.id == pid)
    post = posts[k]
    original = next(q for q in resolved.design.posts if q.id == pid)
    groups: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for c in p.changes:
        if c.action == "split-off" and c.function is not None:
            groups[(c.text_zh, c.source)].add(URIRef(c.function.iri))
    new_posts: list[tuple[PostSpec, set[URIRef]]] = []
    for n, ((name, source), fns) in enumerate(groups.items(), start=1):
        ref = source.rsplit(" ", 1)[-1].replace(".", "-")
        new = PostSpec(Where(str(design.path), None), f"{pid}-{ref}" if ref else f"{pid}-{n}", name, post.department,
                       post.reports_to)
        notes[id(new)] = [f"{mark(p)}: split off from {post.name} ({pid}), like {source}; undo: move its duties back to "
                          f"{pid} and delete this post"]
        new_posts.append((new, fns))
    moving = {f for _, fns in new_posts for f in fns}
    keep: list[DutySpec] = []
    for i, spec in enumerate(original.duties):
        current = post.duties[i] if i < len(post.duties) else spec
        parts = by_spec.get(id(spec), [])
        lead = {f for d in parts for f in d.lead}
        if (pid, i) in edited or not lead & moving:
            keep.append(current)
            continue
        for d in parts:
            leads = [f for f in d.lead if f not in moving]
            for new, fns in new_posts:
                mine = [f for f in d.lead if f in fns]
                if not mine:
                    continue
                if len(parts) == 1 and set(mine) == set(d.lead):
                    moved = current
                else:
                    moved = DutySpec(spec.where, text=d.zh, functions=[(kb.functions[f].id, "lead") for f in mine])
                new.duties.append(moved)
                notes.setdefault(id(moved), []).append(f"{mark(p)}: moved from {post.name} ({pid}); undo: move it back")
            if leads or d.support:
                if not set(d.lead) & moving and d.standard is not None:
                    keep.append(DutySpec(spec.where, standard=d.standard.citation))
                else:
                    rest = DutySpec(spec.where, text=d.zh, functions=[(kb.functions[f].id, "lead") for f in leads]
                                    + [(kb.functions[f].id, "support") for f in d.support])
                    keep.append(rest)
                    notes.setdefault(id(rest), []).append(f"{mark(p)}: the rest of this duty stays; its other work moved to "
                                                          + ", ".join(q.name for q, _ in new_posts))
    post.duties = keep + post.duties[len(original.duties):]
    posts[k + 1:k + 1] = [q for q, _ in new_posts]


def merge(design: OrgDesign, resolved: ResolvedDesign, p: Proposal, notes: Notes) -> None:
    """The merged-away post's duties and accountabilities go to the kept post, its reports report to it, and it goes. Public: applying the
    chosen proposals (validation/tobe.py) makes the merges last, after every other edit."""
    keep_id = _post_id(resolved, p.owner)
    gone_ids = [_post_id(resolved, c.post) for c in p.changes if c.action == "merge"]
    source = next((c.source for c in p.changes if c.action == "merge" and c.source), "")
    posts = {q.id: q for q in design.posts}
    if keep_id not in posts:
        return
    keep = posts[keep_id]
    for gid in gone_ids:
        gone = posts.get(gid or "")
        if gone is None:
            continue
        keep.duties += gone.duties
        for d in gone.duties:
            notes.setdefault(id(d), []).append(f"{mark(p)}: from {gone.name} ({gone.id}), merged into this post")
        names = {n for n, _ in keep.accountable_for}
        keep.accountable_for += [(n, w) for n, w in gone.accountable_for if n not in names]
        for q in design.posts:
            if q.reports_to == gone.id:
                q.reports_to = keep.id
        like = f" — the standard gives both posts' work to {p.subject.zh} ({source})" if p.subject is not None else ""
        notes.setdefault(id(keep), []).append(f"{mark(p)}: {gone.name} ({gone.id}) merged into this post{like}; undo: set it "
                                              "up again with the duties marked as from it")
        _rename_in_notes(notes, gone, keep, p)
        design.posts = [q for q in design.posts if q.id != gone.id]


def _rename_in_notes(notes: Notes, gone: PostSpec, keep: PostSpec, merge: Proposal) -> None:
    """The other proposals' comments naming the post merged away (its owner, the post a duty was given to) name the
    post kept, and say so: the to-be design has no post of that name any more."""
    import re

    name = re.compile(rf"(?<![^\s「(（]){re.escape(gone.name)}(?![^\s」)）;,：:])")
    marked = mark(merge)
    now = f"{keep.name} (was {gone.name}, merged by {merge.finding})"
    for texts in notes.values():
        for i, text in enumerate(texts):
            if marked not in text:
                texts[i] = name.sub(now, text)
