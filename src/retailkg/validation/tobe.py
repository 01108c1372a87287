"""Applying proposals to a design and writing the to-be YAML: which proposals a user chose, the design with their
changes made (each marked with its finding and how to undo it), and the YAML of it.

Kept apart from making the proposals (validation/proposals.py): it reads only the proposals' plain edits
(:class:`~retailkg.validation.findings.Change`), never how they were decided, so either can change alone.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from rdflib import URIRef

from retailkg.design.model import DutySpec, OrgDesign, Where
from retailkg.design.resolve import ResolvedDesign, ResolvedDuty
from retailkg.kg.knowledge import KnowledgeBase
from retailkg.validation.findings import Proposal, Report
from retailkg.validation.marks import Notes, mark
from retailkg.validation.restructure import merge, split

__all__ = ["apply_proposals", "closest_ids", "select_proposals", "to_be_yaml"]


def apply_proposals(resolved: ResolvedDesign, proposals: Sequence[Proposal], kb: KnowledgeBase,
                    edits: dict[str, dict[int, list[DutySpec]]] | None = None,
                    origin: dict[int, tuple[DutySpec, str, int]] | None = None) -> tuple[OrgDesign, Notes]:
    """A copy of the design with the changes of ``proposals`` made, and a comment for each change saying which
    finding it resolves and how to undo it. Duties are only appended or edited in place, never moved, so every
    duty keeps its IRI (and every finding not proposed its id). ``edits``, when given, is filled with what each
    as-is duty became (post id -> duty index -> its duties now), so the as-is file can be patched where it changed;
    ``origin`` with where each duty copied unchanged from the as-is design was written there (id of the copy -> the
    copy, post id, duty index), so a duty a split or merge moves keeps its own lines and comments."""
    design = copy.deepcopy(resolved.design)
    if origin is not None:
        origin.update({id(d): (d, q.id, i) for q in design.posts for i, d in enumerate(q.duties)})
    posts = {p.id: p for p in design.posts}
    originals = {id(s): s for p in resolved.design.posts for s in p.duties}
    index = {id(s): (p.id, i) for p in resolved.design.posts for i, s in enumerate(p.duties)}
    notes: Notes = defaultdict(list)
    spec_of_post = {str(resolved.posts[p.id]): p.id for p in resolved.design.posts}
    # the resolved duties of each original spec (a whole standard post is several)
    by_spec: dict[int, list[ResolvedDuty]] = defaultdict(list)
    for d in resolved.duties.values():
        by_spec[id(d.spec)].append(d)
    demote: dict[int, set[URIRef]] = defaultdict(set)  # original spec id -> functions it supports instead of leading
    drop_metrics: dict[str, set[URIRef]] = defaultdict(set)
    why: dict[int, list[str]] = defaultdict(list)
    added: dict[tuple[str, str], DutySpec] = {}
    sources: dict[int, str] = {}
    for p in proposals:
        if p.status != "change":
            continue
        for c in p.changes:
            pid = spec_of_post.get(c.post.iri)
            if pid is None:
                continue
            post = posts[pid]
            if c.action == "add-duty" and c.function is not None:
                f = URIRef(c.function.iri)
                key = (pid, c.source)  # one standard duty proposed for two functions is one duty leading both
                spec = added.get(key)
                if spec is None:
                    spec = added[key] = DutySpec(Where(str(design.path), None), text=c.text_zh)
                    post.duties.append(spec)
                    sources[id(spec)] = c.source
                spec.functions.append((kb.functions[f].id, "lead"))
                notes[id(spec)].append(f"{mark(p)}: {c.function.zh} — {p.summary_zh}; undo: delete this duty")
            elif c.action == "add-support" and c.function is not None:
                spec = DutySpec(Where(str(design.path), None), text=c.text_zh)
                post.duties.append(spec)
                spec.functions.append((kb.functions[URIRef(c.function.iri)].id, "support"))
                notes[id(spec)].append(f"{mark(p)}: supports {c.function.zh} — {p.summary_zh}; undo: delete this duty")
            elif c.action == "support" and c.function is not None:
                edited = resolved.duties.get(URIRef(c.duty))
                if edited is not None:
                    demote[id(edited.spec)].add(URIRef(c.function.iri))
                    owner = p.owner.zh if p.owner else ""
                    why[id(edited.spec)].append(f"{mark(p)}: supports {c.function.zh} ({kb.short(URIRef(c.function.iri))}) "
                                           f"instead of leading it; owner {owner}")
            elif c.action == "drop-metric" and c.metric is not None:
                drop_metrics[pid].add(URIRef(c.metric.iri))
                owner = p.owner.zh if p.owner else ""
                notes[-id(post)].append(f"{mark(p)}: no longer accountable for {c.metric.zh} (owner {owner}); "
                                        f"undo: add {c.metric.zh} back")
                for d in resolved.duties.values():  # a standard's duty that brings the accountability
                    if str(d.post) == c.post.iri and d.standard is not None and URIRef(c.metric.iri) in d.standard.metrics:
                        why[id(d.spec)].append(f"{mark(p)}: written as text so that it no longer brings {c.metric.zh}")
    # a standard's duty leading exactly the functions proposed (and nothing else it would bring) is cited by clause
    by_citation = {d.citation: d for d in kb.duties.values()}
    for post in posts.values():
        for k, spec in enumerate(post.duties):
            source = sources.get(id(spec))
            if source is None:
                continue
            std = by_citation.get(source)
            wanted = {kb.function(n) for n, _ in spec.functions}
            if std is not None and set(std.lead) == wanted and not std.support and not std.metrics:
                cited = DutySpec(spec.where, standard=source)
                post.duties[k] = cited
                notes[id(cited)] = notes.pop(id(spec))
            else:
                fs = ", ".join(n for n, _ in spec.functions)
                notes[id(spec)].append(f"the words of {source}, for {fs} only")
    # edit the copied duties in place, last first so that a whole standard post becoming its clauses moves nothing
    for orig_id, (pid, i) in sorted(index.items(), key=lambda kv: (kv[1][0], -kv[1][1])):
        if orig_id not in why:
            continue
        post = posts[pid]
        parts = by_spec.get(orig_id, [])
        replacement = _edited(post.duties[i], parts, demote.get(orig_id, set()), drop_metrics.get(pid, set()), kb)
        post.duties[i:i + 1] = replacement
        if edits is not None:
            edits.setdefault(pid, {})[i] = replacement
        for r in replacement:
            notes[id(r)].extend(why[orig_id])
            notes[id(r)].append(f"undo: as-is {_as_is(originals[orig_id], parts, kb)}")
        # a standard's duty written as its words no longer brings its metrics: the post keeps answering for them
        kept = [m for d in parts if d.standard is not None and any(r.standard is None for r in replacement)
                for m in d.standard.metrics if (d.post, m) in resolved.metric_sources and m not in drop_metrics.get(pid, set())]
        listed = {_metric(n, kb, resolved) for n, _ in post.accountable_for}
        for m in dict.fromkeys(kept):
            if m not in listed:
                post.accountable_for.append((kb.label(m, "zh"), Where(str(design.path), None)))
                listed.add(m)
                notes[-id(post)].append(f"{kb.label(m, 'zh')}: kept from {', '.join(d.source for d in parts)}, written as "
                                        "its words above (undo with the duty)")
    for pid, metrics in drop_metrics.items():
        post = posts[pid]
        post.accountable_for = [(n, w) for n, w in post.accountable_for if _metric(n, kb, resolved) not in metrics]
    edited_at = {(pid, i) for pid, e in (edits or {}).items() for i in e} | {index[o] for o in why if o in index}
    for p in proposals:
        if p.status == "restructure" and p.rule == "rkg:SplitPost":
            split(design, resolved, p, by_spec, edited_at, notes, kb)
        elif p.status == "restructure" and p.rule == "rkg:MergePosts":
            merge(design, resolved, p, notes)
    return design, dict(notes)


def _metric(name: str, kb: KnowledgeBase, resolved: ResolvedDesign) -> URIRef:
    """The IRI of a metric a post answers for, named as written: the standard's when it has one of that name, else the
    design's own as resolving made it, so metrics dropped or kept compare with what the findings name."""
    found = kb.standard_metric(name, prefer=resolved.baseline)
    if found is not None:
        return found
    from retailkg.design.resolve import iri_segment

    return URIRef(resolved.base + f"metric/{iri_segment(name)}")


def _as_is(spec: DutySpec, parts: list[ResolvedDuty], kb: KnowledgeBase) -> str:
    """How the duty read before the change, for a person undoing it."""
    role = f", role: {spec.role}" if spec.role_given else ""
    if spec.standard is not None:
        return f"standard: {spec.standard}{role}"
    if not spec.functions and spec.correction is None:
        return f"text as written, functions as matched (no functions:){role}"
    lead = [kb.functions[f].id for d in parts for f in d.lead]
    support = [kb.functions[f].id for d in parts for f in d.support]
    return f"functions: {{lead: [{', '.join(lead)}], support: [{', '.join(support)}]}}{role}"


def _edited(spec: DutySpec, parts: list[ResolvedDuty], demote: set[URIRef], drops: set[URIRef],
            kb: KnowledgeBase) -> list[DutySpec]:
    """The duty ``spec`` (one design duty, perhaps a whole standard post) with ``demote``'d functions supported
    instead of led, and without the metrics in ``drops`` if it is a standard's duty that brings them."""
    out = []
    for d in parts:
        lead = [f for f in d.lead if f not in demote]
        support = list(d.support) + [f for f in d.lead if f in demote]
        brings = d.standard is not None and bool(set(d.standard.metrics) & drops)
        if d.standard is not None and not brings:
            if lead == list(d.lead):
                out.append(DutySpec(spec.where, standard=d.standard.citation, role=spec.role, role_given=spec.role_given))
                continue
            if not lead:  # every function it leads is given up: the standard's duty, supporting
                out.append(DutySpec(spec.where, standard=d.standard.citation, role="support", role_given=True))
                continue
        if not lead and d.standard is None and spec.correction is None and not spec.functions and d.match is not None \
                and not d.support:
            out.append(DutySpec(spec.where, text=spec.text, role="support", role_given=True))
            continue
        fns = [(kb.functions[f].id, "lead") for f in lead] + [(kb.functions[f].id, "support") for f in support]
        out.append(DutySpec(spec.where, text=d.zh, role="lead", functions=fns))
    return out or [spec]


# ---------------------------------------------------------------------------------------------
# Choosing proposals and writing the to-be design
# ---------------------------------------------------------------------------------------------


def closest_ids(fid: str, ids: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """The ids nearest ``fid``, compared without case (FE4A… typed for Fe4a…)."""
    import difflib

    by_folded = {i.lower(): i for i in ids}
    return tuple(by_folded[m] for m in difflib.get_close_matches(fid.lower(), list(by_folded), n=n, cutoff=0.5))


def select_proposals(proposals: Sequence[Proposal], only: Sequence[str] = (), skip: Sequence[str] = (),
                     where: str = "", waived: Mapping[str, str] | None = None) -> list[Proposal]:
    """The proposals to apply: those with a change (``--only``: just these findings' ids; ``--skip``: not these),
    none of a waived finding (``waived``: finding id -> where its waiver is written; the client has decided to live
    with it). An id naming no finding of the run, a finding with nothing to apply, or a waived finding named by
    ``--only``, is an InputError naming the closest ids that have a proposal to apply."""
    from retailkg.errors import InputError

    waived = waived or {}
    applicable = [p for p in proposals if (p.status in ("change", "via") or (p.status == "restructure" and p.finding in only))
                  and p.finding not in waived]
    # a post without duty resolved only through waived gaps' proposals is not resolved by applying it
    applicable = [p for p in applicable if p.status != "via" or any(v not in waived for v in p.via)]
    known = {p.finding: p for p in proposals}
    ids = [p.finding for p in applicable]
    for opt, given in (("--only", only), ("--skip", skip)):
        for fid in given:
            p = known.get(fid)
            if p is None:
                close = closest_ids(fid, ids)
                if close:
                    hint = f" (closest: {', '.join(close)})"
                elif ids:  # nothing alike: still name what can be chosen
                    more = f", … ({len(ids)} in all)" if len(ids) > 3 else ""
                    hint = f" (ids with a proposal to apply: {', '.join(ids[:3])}{more})"
                else:
                    hint = " (no finding of this design has a proposal to apply)"
                raise InputError(f"{fid!r} names no finding of this design{hint}", file=where or None, field=opt)
            if opt == "--only" and fid in waived:
                raise InputError(f"{fid} is waived ({waived[fid]}): remove its waiver to apply its proposal",
                                 file=where or None, field=opt)
            if p.status not in ("change", "via", "restructure"):
                raise InputError(f"{fid} has nothing to apply: {p.summary_en}", file=where or None, field=opt)
    wanted = {p.finding for p in applicable} if not only else set(only)
    wanted |= {v for fid in list(wanted) for v in known[fid].via}  # a post without duty gets them from the gaps' proposals
    return [p for p in applicable if p.finding in wanted and p.finding not in skip]


def to_be_yaml(report: Report, chosen: Sequence[Proposal], kb: KnowledgeBase, shapes: Sequence[str] = ()) -> str:
    """The to-be design: the validated design with ``chosen`` applied, each change marked with its finding id and
    reason, as YAML (whatever form the design was read from)."""
    from retailkg.design.yaml_writer import design_yaml, patch_design_yaml

    resolved = report.resolved
    if not isinstance(resolved, ResolvedDesign):
        raise ValueError("to_be_yaml needs the report of a design file")
    edits: dict[str, dict[int, list[DutySpec]]] = {}
    origin: dict[int, tuple[DutySpec, str, int]] = {}
    design, notes = apply_proposals(resolved, chosen, kb, edits, origin)
    as_is = _as_is_yaml(resolved.design.path)
    applied = ", ".join(p.finding for p in chosen) or "none"
    waived = {w.finding.id for w in report.waived}
    left = [p.finding for p in report.proposals if p.status in ("change", "via") and p not in chosen and p.finding not in waived]
    waived_left = [p.finding for p in report.proposals if p.status in ("change", "via") and p.finding in waived]
    restructure_left = [p.finding for p in report.restructures if p not in chosen]
    header = [f"To-be design written by `retailkg org propose` from {resolved.design.path.name}.",
              f"Proposals applied ({len(chosen)}): {applied}.",
              *([f"Proposals not applied ({len(left)}): {', '.join(left)}."] if left else []),
              *([f"Proposals of waived findings, not applied ({len(waived_left)}): {', '.join(waived_left)}."] if waived_left else []),
              *([f"Split or merge proposed, not applied (choose with --only): {', '.join(restructure_left)}."]
                if restructure_left else []),
              "Each change is marked `# proposed (finding id, rule, confidence)` with its reason and how to undo it;",
              "nothing else is changed." + (" The as-is file's own comments and layout are kept where nothing changed."
                                            if as_is is not None else " The as-is file's own comments are not carried over."),
              "Check it: retailkg validate THIS-FILE; compare: retailkg diff AS-IS THIS-FILE", ""]
    if as_is is not None:
        alive = {id(x) for q in design.posts for x in q.duties}  # origin holds each copy: an id is not reused
        moved = {k: (pid, i) for k, (_d, pid, i) in origin.items() if k in alive}
        patched = patch_design_yaml(as_is, resolved.design, design, edits, notes, header,
                                    list(shapes) if shapes else None, moved)
        if patched is not None:
            return patched
        header[-3] = "nothing else is changed. The as-is file's own comments are not carried over."
    return design_yaml(design, notes, header, shapes)


def _as_is_yaml(path: Path) -> str | None:
    """The text of a YAML design file (to patch where it changed), or None for another form or an unreadable file."""
    from retailkg.design.fields import decode_text, read_input
    from retailkg.errors import InputError

    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return None
    try:
        return decode_text(read_input(path), path)
    except (OSError, InputError):
        return None
