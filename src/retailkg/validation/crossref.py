"""How proposals refer to one another: a post without duty resolved through the gaps' proposals that give it
duties, an owner another proposal makes support told who leads in the end, and which proposals a report still
shows once findings are waived.

Kept apart from the proposer (validation/proposals.py): these read only finished proposals, and the reports
(report/) read :func:`live_proposals` without needing how a proposal was decided.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from retailkg.validation.findings import Proposal, Reason, Report

__all__ = ["cross_reference", "live_proposals", "resolved_via"]


def resolved_via(p: Proposal, via: list[str]) -> None:
    """``p`` (a post without duty) resolved through the proposals of the gaps ``via`` give it. Public: the proposer
    (validation/proposals.py) says so when it proposes, and :func:`live_proposals` again once some gaps are waived."""
    name_zh = p.owner.zh if p.owner else ""
    name_en = (p.owner.en or p.owner.zh) if p.owner else ""
    p.status, p.via = "via", via
    p.summary_zh = f"由其他提议为「{name_zh}」增加职责（{len(via)} 项）"
    p.summary_en = f"the proposals of {len(via)} other finding(s) give {name_en} duties"


def live_proposals(report: Report) -> list[Proposal]:
    """The proposals a report shows: those of its findings, none of a waived one (the client has decided to live
    with it, so nothing is proposed for it). A post without duty resolved through gaps' proposals names only the
    gaps not waived; with every one waived, nothing resolves it."""
    live = {f.id for f in report.findings}
    out = []
    for p in report.proposals:
        if p.finding not in live:
            continue
        if p.status == "via" and any(v not in live for v in p.via):
            p = copy.copy(p)
            kept = [v for v in p.via if v in live]
            if kept:
                resolved_via(p, kept)
            else:
                p.status, p.via = "none", []
                p.summary_zh = "不提议：为其增加职责的空白结果均已豁免；请填写职责或撤销岗位"
                p.summary_en = "no proposal: the gaps whose proposals gave it duties are all waived; fill in its duties or remove the post"
        out.append(p)
    return out


def cross_reference(proposals: list[Proposal]) -> None:
    """An owner that another proposal on the same function makes support: say who leads in the end. Owners follow
    one order of the posts per function, so whichever of the proposals are applied, its first post still leads.
    Public: the proposer (validation/proposals.py) adds these reasons once all its proposals are made."""
    demoted: dict[tuple[str, str], list[Proposal]] = defaultdict(list)
    for p in proposals:
        for c in p.changes:
            if c.action == "support" and c.function is not None:
                demoted[(c.post.iri, c.function.iri)].append(p)
    for p in proposals:
        if p.owner is None or p.subject is None:
            continue
        for other in demoted.get((p.owner.iri, p.subject.iri), []):
            if other.owner is not None and other is not p:
                p.reasons.append(Reason(f"另见 {other.finding}：该提议由「{other.owner.zh}」主责，「{p.owner.zh}」也改为配合",
                                        f"see {other.finding}: it makes {other.owner.en or other.owner.zh} lead, and "
                                        f"{p.owner.en or p.owner.zh} support too"))
