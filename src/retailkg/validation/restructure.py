"""Split and merge proposals: when a post is proposed for either, their stable ids, and how either is made in a design.

A split or a merge resolves no finding, so it is the consultant's choice (``org propose --only S…``); what it
changes in the design is kept here, apart from the edits that resolve findings (validation/tobe.py), because it
moves posts and duties rather than editing them in place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol

from rdflib import URIRef

from retailkg.design.model import DutySpec, OrgDesign, PostSpec, Where
from retailkg.design.resolve import ResolvedDesign, ResolvedDuty
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo
from retailkg.validation.alignment import Post, StdPost
from retailkg.validation.findings import Change, Evidence, Kind, PostRef, Proposal, Reason, Ref, StandardMatch
from retailkg.validation.marks import Notes, mark

__all__ = ["MERGE_MIN_FUNCTIONS", "SPLIT_EXTRA_AREAS", "SPLIT_MIN_FUNCTIONS", "ProposerView", "merge", "merges",
           "restructure_id", "split", "splits"]

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


class ProposerView(Protocol):
    """What proposing a split or a merge reads of the proposer (validation/proposals.py): its reading of the design's
    and the standard's posts and how close they are. A protocol, so that this module stays below the proposer."""

    @property
    def kb(self) -> KnowledgeBase: ...
    @property
    def posts(self) -> Mapping[str, Post]: ...
    @property
    def std(self) -> Mapping[URIRef, StdPost]: ...
    @property
    def leaders(self) -> Mapping[URIRef, list[StdPost]]: ...

    def work(self, functions: set[URIRef]) -> set[URIRef]: ...
    def closest_std(self, post: Post) -> StdPost | None: ...
    def align(self, post: Post, sp: StdPost) -> StandardMatch: ...
    def above(self, post: Post) -> set[str]: ...
    def fn_ref(self, f: URIRef) -> Ref: ...
    def std_citation(self, sp: StdPost) -> str: ...
    def std_evidence(self, duties: Iterable[StatementInfo]) -> list[Evidence]: ...
    def organisation(self) -> Ref | None: ...


def splits(proposer: ProposerView) -> list[Proposal]:
    """A post with no report whose work spans areas its closest standard post has nothing in: the work of each
    such area that another standard post leads is proposed as a post of its own, like that standard post. Public: the
    proposer (validation/proposals.py) offers these with its other proposals."""
    heads = {q.spec.reports_to for q in proposer.posts.values() if q.spec.reports_to}
    out = []
    for post in proposer.posts.values():
        work = proposer.work(post.lead)
        if post.spec.id in heads or len(work) < SPLIT_MIN_FUNCTIONS:
            continue
        sp = proposer.closest_std(post)
        if sp is None:
            continue
        mine, theirs = _areas(proposer.kb, work), _areas(proposer.kb, proposer.work(sp.lead))
        extra = {a: fs for a, fs in mine.items() if a not in theirs}
        if len(extra) < SPLIT_EXTRA_AREAS or len(mine) - len(theirs) < SPLIT_EXTRA_AREAS:
            continue
        parts: dict[URIRef, list[URIRef]] = defaultdict(list)  # standard post -> the functions it would take
        split_off = {f for fs in extra.values() for f in fs}
        for fs in extra.values():
            for f in fs:
                leaders = sorted(proposer.leaders.get(f, []), key=lambda q: (-len(split_off & q.lead), q.ref.iri))
                if leaders:
                    parts[URIRef(leaders[0].ref.iri)].append(f)
        if not parts:
            continue
        match = proposer.align(post, sp)
        p = Proposal(restructure_id("rkg:SplitPost", [post.ref.iri]), "rkg:SplitPost", Kind.STRUCTURE, post.ref, "restructure",
                     "", "", proposer.organisation(), owner=post.ref)
        names_zh, names_en = [], []
        for std_iri, fs in parts.items():
            other = proposer.std[std_iri]
            for f in fs:
                p.changes.append(Change("split-off", post.ref, proposer.fn_ref(f), None, other.ref.zh, other.ref.en or other.ref.zh,
                                        proposer.std_citation(other)))
            names_zh.append(other.ref.zh)
            names_en.append(other.ref.en or other.ref.zh)
            p.standard += proposer.std_evidence([d for d in other.duties if set(d.lead) & set(fs)])
        area_names = [proposer.kb.areas[a] for a in mine if a in proposer.kb.areas]
        p.reasons = [
            Reason(f"最接近的标准岗位是 {sp.ref.zh}（{match.score:.2f}），其职责只涉及 {len(theirs)} 个职能领域；本岗位主责的工作涉及 "
                   f"{len(mine)} 个：{'、'.join(a.zh for a in area_names)}",
                   f"its closest standard post is {sp.ref.en or sp.ref.zh} ({match.score:.2f}), whose duties span "
                   f"{len(theirs)} area(s); the work it leads spans {len(mine)}: {', '.join(a.en or a.zh for a in area_names)}",
                   match.score),
            *[Reason(f"{proposer.std[s_].ref.zh} 主责：{'、'.join(proposer.fn_ref(f).zh for f in fs)}",
                     f"{proposer.std[s_].ref.en or proposer.std[s_].ref.zh} leads: "
                     + ", ".join(proposer.fn_ref(f).en or proposer.fn_ref(f).zh for f in fs))
              for s_, fs in parts.items()],
        ]
        moved = sum(len(fs) for fs in parts.values())
        p.confidence = round(min(1.0, moved / len(work)) * 0.5, 3)  # a restructure is a judgement: never above 0.5
        p.confidence_reasons = [Reason(f"拆出的工作占其主责工作的 {moved}/{len(work)}；拆分与否取决于人员与工作量，标准无法判断",
                                       f"the work split off is {moved} of its {len(work)} function(s); whether to split depends "
                                       "on people and workload, which the standard does not know")]
        p.summary_zh = f"考虑拆分「{post.ref.zh}」：设新岗位承担 {'、'.join(names_zh)} 的工作"
        p.summary_en = (f"consider splitting {post.ref.en or post.ref.zh}: a new post for the work of "
                        f"{', '.join(names_en)}")
        out.append(p)
    return out


def merges(proposer: ProposerView) -> list[Proposal]:
    """Two posts in no reporting line to each other whose work the standard gives to one post, each close to it by
    functions: proposed as one post (the closer one kept). Public: the proposer (validation/proposals.py) offers these
    with its other proposals."""
    close: dict[URIRef, list[tuple[Post, StandardMatch]]] = defaultdict(list)
    for post in proposer.posts.values():
        work = proposer.work(post.lead)
        sp = proposer.closest_std(post) if work else None
        if sp is None:
            continue
        match = proposer.align(post, sp)
        if match.functions >= MERGE_MIN_FUNCTIONS and work <= sp.lead:
            close[URIRef(sp.ref.iri)].append((post, match))
    out = []
    for std_iri, posts in close.items():
        sp = proposer.std[std_iri]
        for i, (a, ma) in enumerate(posts):
            for b, mb in posts[i + 1:]:
                if a.spec.name == b.spec.name or a.spec.id in proposer.above(b) or b.spec.id in proposer.above(a):
                    continue  # the same post in two stores, or a head and its report
                keep, gone = (a, b) if (ma.score, -a.order) >= (mb.score, -b.order) else (b, a)
                p = Proposal(restructure_id("rkg:MergePosts", [a.ref.iri, b.ref.iri]), "rkg:MergePosts", Kind.STRUCTURE,
                             sp.ref, "restructure", "", "", proposer.organisation(), owner=keep.ref, others=[gone.ref])
                p.changes.append(Change("merge", gone.ref, source=proposer.std_citation(sp)))
                p.standard = proposer.std_evidence(sp.duties)
                lead = sorted(proposer.work(a.lead) | proposer.work(b.lead), key=str)
                p.reasons = [
                    Reason(f"两个岗位主责的工作（{'、'.join(proposer.fn_ref(f).zh for f in lead)}）在标准中都属于一个岗位 {sp.ref.zh}",
                           f"the work both lead ({', '.join(proposer.fn_ref(f).en or proposer.fn_ref(f).zh for f in lead)}) is one "
                           f"post's in the standard: {sp.ref.en or sp.ref.zh}"),
                    Reason(f"与 {sp.ref.zh} 的接近程度：{keep.ref.zh} {max(ma.score, mb.score):.2f}，{gone.ref.zh} "
                           f"{min(ma.score, mb.score):.2f}（保留更接近的岗位）",
                           f"closeness to {sp.ref.en or sp.ref.zh}: {keep.ref.en or keep.ref.zh} {max(ma.score, mb.score):.2f}, "
                           f"{gone.ref.en or gone.ref.zh} {min(ma.score, mb.score):.2f} (the closer one is kept)"),
                ]
                p.confidence = round(0.5 * min(ma.functions, mb.functions), 3)
                p.confidence_reasons = [Reason("合并与否取决于人员与工作量，标准无法判断（置信度不超过 0.5）",
                                               "whether to merge depends on people and workload, which the standard "
                                               "does not know (confidence at most 0.5)")]
                p.summary_zh = f"考虑合并「{gone.ref.zh}」到「{keep.ref.zh}」：标准把二者的工作都交给 {sp.ref.zh}"
                p.summary_en = (f"consider merging {gone.ref.en or gone.ref.zh} into {keep.ref.en or keep.ref.zh}: the "
                                f"standard gives both their work to {sp.ref.en or sp.ref.zh}")
                out.append(p)
    return out


def _areas(kb: KnowledgeBase, functions: Iterable[URIRef]) -> dict[URIRef, list[URIRef]]:
    """``functions`` by the area each is in (sorted, so that the proposals read alike in every run)."""
    out: dict[URIRef, list[URIRef]] = defaultdict(list)
    for f in sorted(functions, key=str):
        a = kb.area_of.get(f)
        if a is not None:
            out[a].append(f)
    return out


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
