"""The rules that make a proposal a decision: where the evidence does not say which post should take the work, the
proposal changes nothing and says why the choice is the organisation's (docs/proposals.md, "How a proposal is chosen": a decision).

Kept apart from the proposer (validation/proposals.py), which decides when one applies: these only write what the
proposal says and which standard duties it cites, the wording a reviewer checks against the docs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from rdflib import URIRef

from retailkg.kg.knowledge import StatementInfo
from retailkg.validation.alignment import Post, StdPost
from retailkg.validation.evidence import leader_names, leading_duties
from retailkg.validation.findings import Evidence, Proposal, Reason, Ref

__all__ = ["CitingView", "decision_for_top", "decision_guidance", "decision_no_places", "decision_sliver",
           "undecided_proposal"]


class CitingView(Protocol):
    """What writing a decision reads of the proposer (validation/proposals.py): how a function and the standard's duties
    are cited. A protocol, so that this module stays below the proposer."""

    def fn_ref(self, f: URIRef) -> Ref: ...
    def std_evidence(self, duties: Iterable[StatementInfo]) -> list[Evidence]: ...


def undecided_proposal(proposer: CitingView, base: Proposal, why: Reason, leaders: Sequence[StdPost], f: URIRef) -> Proposal:
    """No change: ``why`` says the choice is the organisation's (public, like the others here: the proposer,
    validation/proposals.py, calls each where its rule applies)."""
    base.summary_zh, base.summary_en = why.zh, why.en
    base.standard = proposer.std_evidence(leading_duties(leaders, f))
    return base


def decision_guidance(proposer: CitingView, base: Proposal, post: Post, f: URIRef, duty: StatementInfo) -> Proposal:
    """A decision: the only standard duty to give guides work of :data:`GUIDANCE_AREAS` areas or more (a head's
    guidance: 4.2.4 c, traffic and supply-chain methods and the annual online outline), and the best candidate
    is one only by doing other work of the standard's post: that says nothing of which post should guide across
    the areas (the consultants split between the operations head, the mall operator and the planning head)."""
    fref = proposer.fn_ref(f)
    base.summary_zh = (f"需决定：对标标准给「{fref.zh}」的职责（{duty.citation}）是跨多个领域的指引，最接近的「{post.ref.zh}」"
                       "只因做了该标准岗位的其他工作而入选，不足以说明该由它承担——由哪个岗位承担，由组织决定")
    base.summary_en = (f"a decision: the standard's duty for {fref.en or fref.zh} ({duty.citation}) guides work of several "
                       f"areas, and the closest post, {post.ref.en or post.ref.zh}, is a candidate only by doing other "
                       "work of that standard post: not enough to say it should guide across them; which post does "
                       "is the organisation's decision")
    base.standard = proposer.std_evidence([duty])
    return base


def decision_sliver(proposer: CitingView, base: Proposal, post: Post, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
    """A decision: the closest post does only a sliver of the work of the standard's post leading ``f``, in another
    area (the proposer's ``sliver``), which is not enough to say it should take this."""
    fref = proposer.fn_ref(f)
    names_zh, names_en = leader_names(leaders)
    base.summary_zh = (f"需决定：最接近的「{post.ref.zh}」只做主责「{fref.zh}」的标准岗位（{names_zh}）另一领域的一小部分工作，"
                       "不足以说明该由它承担——由哪个岗位承担、或新设岗位，由组织决定")
    base.summary_en = (f"a decision: the closest post, {post.ref.en or post.ref.zh}, does only a sliver of the work of the "
                       f"standard's post leading {fref.en or fref.zh} ({names_en}), in another area: not enough to say it "
                       "should take this; which post does, or a new one, is the organisation's decision")
    base.standard = proposer.std_evidence(leading_duties(leaders, f))
    return base


def decision_no_places(proposer: CitingView, base: Proposal, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
    """No proposal for a gap whose standard work is done in stores, malls or communities (:meth:`placed_work`) when
    the design names no such place (:meth:`has_places`): a web shop has no mall promotion spaces or store roll-outs,
    and giving the duty to its closest post would add work the business may not have; whether the function applies
    is the client's decision (exclude it, or say who does it)."""
    fref = proposer.fn_ref(f)
    base.summary_zh = (f"需决定：标准中主责「{fref.zh}」的职责是在门店、商场或社区做的工作，本设计没有一处提到实体门店或线下场所——"
                       "该职能是否适用（明确排除，或由哪个岗位承担），由组织决定")
    base.summary_en = (f"a decision: the standard's duties leading {fref.en or fref.zh} are work done in stores, malls or "
                       "communities, and this design names no physical store or offline place: whether the function "
                       "applies (exclude it, or say which post does it) is the organisation's decision")
    base.standard = proposer.std_evidence(leading_duties(leaders, f))
    return base


def decision_for_top(proposer: CitingView, base: Proposal, top: Post, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
    """No proposal where the best candidate for a gap is the head of the whole design and the function is not of the
    area most of the head's own work is in (:meth:`main_areas`): a head is close to every senior standard post by
    the planning every head does, which says nothing of who should do this work; giving it another area's duty
    only hides that no department does it (a decision)."""
    fref = proposer.fn_ref(f)
    names_zh, names_en = leader_names(leaders)
    base.summary_zh = (f"需决定：最接近的岗位是整个设计的负责人「{top.ref.zh}」，没有部门岗位做主责「{fref.zh}」的标准岗位"
                       f"（{names_zh}）的工作——由哪个部门承担、或新设岗位，由组织决定")
    base.summary_en = (f"a decision: the closest post is {top.ref.en or top.ref.zh}, the head of the whole design, and no "
                       f"department's post does the work of the standard's post leading {fref.en or fref.zh} ({names_en}); "
                       "which department takes it, or a new post, is the organisation's decision")
    base.standard = proposer.std_evidence(leading_duties(leaders, f))
    return base
