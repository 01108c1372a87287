"""The evidence and reasons a proposal cites: how sure it is and why, the reporting line around its owner, the
standard's duty it gives, and why nothing is proposed when the standard has no duty to give.

Kept apart from the proposer (validation/proposals.py), which decides which post: these only write down what the
proposal says of it, so the wording a reviewer reads is in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef

from retailkg.kg.knowledge import KnowledgeBase, StatementInfo
from retailkg.validation.alignment import Post, StdPost
from retailkg.validation.findings import Change, Proposal, Reason, Ref

__all__ = ["confidence", "give", "leader_names", "leading_duties", "line_reasons", "no_duty_reason"]


def confidence(top: float, ranked: list[Post], scores: dict[str, float], owner: Post) -> tuple[float, list[Reason]]:
    """How sure a proposal is of ``owner`` (its evidence score ``top``, and the margin over the runner-up of ``ranked``),
    and the reasons that say so. Public: the proposer (validation/proposals.py) rates its gap, overlap and metric
    proposals alike with it."""
    second = ranked[1] if len(ranked) > 1 else None
    s2 = scores[second.ref.iri] if second is not None else 0.0
    margin = max(0.0, min(1.0, 3 * (top - s2)))  # an owner chosen before a higher score (the superior) has no margin
    conf = min(1.0, top / 0.6) * (0.6 + 0.4 * margin)
    why = [Reason(f"证据得分 {top:.2f}", f"evidence score {top:.2f}")]
    if second is not None:
        why.append(Reason(f"次选「{second.ref.zh}」{s2:.2f}", f"runner-up {second.ref.en or second.ref.zh} {s2:.2f}"))
    else:
        why.append(Reason("没有其他候选岗位", "no other candidate post"))
    if not owner.lead:
        why.append(Reason("仅凭岗位名称：该岗位尚无主责职责", "by title only: the post leads no duty yet"))
    return round(conf, 3), why


def give(base: Proposal, post: Post, fref: Ref, duty: StatementInfo) -> None:
    """Make ``base`` the change adding the standard's ``duty`` to ``post`` (public: the proposer,
    validation/proposals.py, gives a duty so from several of its rules)."""
    base.status = "change"
    base.owner = post.ref
    base.changes = [Change("add-duty", post.ref, fref, None, duty.zh, duty.en, duty.citation)]
    base.summary_zh = f"为「{post.ref.zh}」增加职责（{duty.citation}）：{duty.zh}"
    base.summary_en = f"add to {post.ref.en or post.ref.zh} the duty ({duty.citation}): {duty.en or duty.zh}"


def line_reasons(kb: KnowledgeBase, posts: Iterable[Post], post: Post, f: URIRef) -> list[Reason]:
    """The reporting line around ``post`` among ``posts``: a superior or subordinates doing work of the same area
    (public: the proposer, validation/proposals.py, cites it for every owner it proposes by its line)."""
    area = kb.area_of.get(f)
    out = []
    spec = post.spec
    for other in posts:
        near = other.spec.reports_to == spec.id or spec.reports_to == other.spec.id
        if not near or other is post:
            continue
        n = sum(1 for g in other.lead if kb.area_of.get(g) == area)
        if n:
            rel_zh, rel_en = ("直接上级", "its superior") if spec.reports_to == other.spec.id else ("下属", "its report")
            out.append(Reason(f"汇报线：{rel_zh}「{other.ref.zh}」主责同一领域的 {n} 项职能",
                              f"reporting line: {rel_en} {other.ref.en or other.ref.zh} leads {n} function(s) of the same area"))
    return out


def no_duty_reason(fref: Ref) -> Reason:
    """Why nothing is proposed for the function ``fref`` names: the standard has no duty leading it to give (public:
    the proposer, validation/proposals.py, says so from several of its rules)."""
    return Reason(f"不提议：对标标准没有岗位的职责主责「{fref.zh}」",
                  f"no proposal: no post of the baseline standard has a duty leading {fref.en}")


def leader_names(leaders: Iterable[StdPost]) -> tuple[str, str]:
    """The standard's posts leading a function, named as a proposal's summary and reasons cite them: in Chinese (、,
    or — where the standard names none) and in English (, or none). One wording for every rule that cites them."""
    posts = list(leaders)
    return "、".join(sp.ref.zh for sp in posts) or "—", ", ".join(sp.ref.en or sp.ref.zh for sp in posts) or "none"


def leading_duties(leaders: Iterable[StdPost], f: URIRef) -> Iterable[StatementInfo]:
    """The duties by which the standard's posts ``leaders`` lead ``f``: what a proposal about ``f`` cites from the
    standard."""
    return (d for sp in leaders for d in sp.duties if f in d.lead)
