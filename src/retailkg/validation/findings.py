"""The typed result of a validation: findings, per-organisation summaries and coverage matrices.

pySHACL answers with an ``sh:ValidationReport``: one result per focus node and value, carrying
IRIs only. A consultant needs something else: *which posts* overlap on *which function*, in words,
with the duties that say so. :mod:`retailkg.validation.pipeline` turns the SHACL report into the model here;
every renderer in :mod:`retailkg.report` reads only this model, so the five output formats cannot
disagree (LinkML's typed-result design, ROBOT's one-table report).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from retailkg.ns import SH
from retailkg.optional import require

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COVERAGE_COLUMNS",
    "FINDING_COLUMNS",
    "FINDING_ID",
    "AreaCoverage",
    "AreaTally",
    "Change",
    "CoverageMatrix",
    "CoverageRow",
    "DutyRecord",
    "Evidence",
    "Finding",
    "Kind",
    "OrgSummary",
    "PostAlignment",
    "PostRecord",
    "PostRef",
    "Proposal",
    "Reason",
    "Ref",
    "Report",
    "Severity",
    "StaleWaiver",
    "StandardMatch",
    "WaivedFinding",
    "Waiver",
    "area_coverage",
    "breadth",
]

FINDING_ID = re.compile(r"F[0-9a-f]{10}")
"""What a finding id looks like (:attr:`Finding.id`): ``F`` and ten hex digits."""



class Kind(StrEnum):
    """What a finding is about. ``overlap`` and ``gap`` are the product; the others keep it honest."""

    OVERLAP = "overlap"
    GAP = "gap"
    STRUCTURE = "structure"
    UNMAPPED = "unmapped"
    CUSTOM = "custom"  # a rule a user added (--shapes) without rkgsh:findingKind

    @property
    def zh(self) -> str:
        return {"overlap": "交叉", "gap": "空白", "structure": "结构", "unmapped": "未映射", "custom": "自定义"}[self.value]

    @property
    def en(self) -> str:
        return self.value


class Severity(StrEnum):
    """SHACL's three severities, ordered: ``Severity.VIOLATION > Severity.WARNING > Severity.INFO``."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"violation": 3, "warning": 2, "info": 1}[self.value]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    @property
    def iri(self) -> str:
        return str(SH) + self.value.capitalize()

    @classmethod
    def from_iri(cls, iri: str) -> Severity:
        """``sh:Violation`` → ``Severity.VIOLATION``; unknown severities count as violations (SHACL 2.1.4)."""
        local = iri.rsplit("#", 1)[-1].lower()
        return cls(local) if local in {s.value for s in cls} else cls.VIOLATION

    @property
    def robot_level(self) -> str:
        """The level column of a ROBOT report."""
        return {"violation": "ERROR", "warning": "WARN", "info": "INFO"}[self.value]

    @property
    def zh(self) -> str:
        return {"violation": "违规", "warning": "警告", "info": "提示"}[self.value]

    @property
    def en(self) -> str:
        return self.value


def _built_once(obj: Any) -> dict[str, Any]:
    """``obj._json_dict()``, built once per (frozen) object and shared: a chain's report cites one
    post, function or head-office duty thousands of times. Callers serialise it, never change it."""
    d: dict[str, Any] | None = obj.__dict__.get("_json")
    if d is None:
        d = obj._json_dict()
        object.__setattr__(obj, "_json", d)
    return d


@dataclass(frozen=True)
class Ref:
    """A named thing in the graph: its IRI, a short id for tables and its zh and en names."""

    iri: str
    id: str
    zh: str
    en: str = ""

    def name(self, lang: str = "zh") -> str:
        """The name in ``lang``, falling back to the other language, then the id."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or self.id

    def to_json(self) -> dict[str, Any]:
        return _built_once(self)

    def _json_dict(self) -> dict[str, Any]:
        return {"iri": self.iri, "id": self.id, "name": {"zh": self.zh, "en": self.en}}


@dataclass(frozen=True)
class PostRef(Ref):
    """A post, with the department it sits in (a post's name alone is ambiguous across stores)."""

    department: Ref | None = None

    def _json_dict(self) -> dict[str, Any]:
        d = super()._json_dict()
        d["department"] = self.department.to_json() if self.department else None
        return d


@dataclass(frozen=True)
class Evidence:
    """One statement behind a finding: a duty (or an accountability) of a post, and where it is from.

    ``source`` cites the statement as a consultant would: ``T/CCAGM 003-2021 4.1.2 b`` for a
    standard's duty, ``acme.yaml:23`` for a free-text duty of a design file. For a free-text duty
    that was matched by text, ``score`` is the match's calibrated probability, ``matched`` the
    closest standard duty leading the function (the reason it was assigned), and ``to_review`` says
    the probability is below the matcher's review threshold (待复核: a consultant should confirm it);
    ``examples`` are the nearest labelled sentences of real job descriptions with that function.
    """

    post: PostRef
    role: str  # "lead" | "support" | "accountable" | "baseline"
    text_zh: str = ""
    text_en: str = ""
    source: str = ""
    statement: str = ""  # IRI of the duty, empty for an accountability
    score: float | None = None
    matched: Ref | None = None
    matched_source: str = ""
    to_review: bool = False
    examples: tuple[tuple[str, str], ...] = ()  # nearest labelled sentences of real job descriptions: (text, address)
    corrected: str = ""  # the duty's functions were set by a reviewer: the cell that says so (report.xlsx:Mapping review!7)

    def text(self, lang: str = "zh") -> str:
        first, second = (self.text_zh, self.text_en) if lang == "zh" else (self.text_en, self.text_zh)
        return first or second

    def to_json(self) -> dict[str, Any]:
        return _built_once(self)

    def _json_dict(self) -> dict[str, Any]:
        return {
            "post": self.post.to_json(),
            "role": self.role,
            "statement": self.statement or None,
            "text": {"zh": self.text_zh, "en": self.text_en},
            "source": self.source,
            "corrected_by": self.corrected or None,
            "match": None if self.score is None else {
                "score": round(self.score, 3),
                "to_review": self.to_review,
                "examples": [{"text": t, "source": u} for t, u in self.examples],
                "standard_duty": self.matched.to_json() if self.matched else None,
                "standard_source": self.matched_source or None,
            },
        }


@dataclass
class Finding:
    """One thing a consultant would tell the client, filled from one or more SHACL results.

    Overlap results come one per post; the posts of one organisation that overlap on the same
    function under the same rule are one finding. Every other rule gives one finding per result.
    """

    kind: Kind
    severity: Severity
    rule: str  # CURIE, e.g. rkgsh:OverlapLeadFunction
    rule_iri: str
    message_zh: str
    message_en: str
    organisation: Ref | None
    focus: list[str]
    posts: list[PostRef] = field(default_factory=list)
    function: Ref | None = None
    metric: Ref | None = None
    department: Ref | None = None
    area: Ref | None = None  # an area of the taxonomy (the out-of-scope rule: one finding per area)
    functions: list[Ref] = field(default_factory=list)  # for an area: its baseline functions nobody leads, outside the scope
    value: str = ""  # the sh:value IRI (or literal) of the underlying results
    path: str = ""  # the sh:resultPath, as a SPARQL path with CURIEs
    evidence: list[Evidence] = field(default_factory=list)
    standard_posts: list[PostRef] = field(default_factory=list)
    candidates: list[tuple[Ref, float]] = field(default_factory=list)  # near-miss functions of an unmapped duty
    results: list[str] = field(default_factory=list)  # the sh:ValidationResult nodes, as strings
    # A chain's stores replicate one design: the same finding recurs in each. ``scope`` is the
    # innermost store or region unit the finding sits in (None: the organisation itself) and
    # ``pattern`` a key that is equal for the same finding in different stores (rule, value and
    # the posts' names and departments below the store), so reports can show it once with a count.
    scope: Ref | None = None
    pattern: str = ""

    @property
    def id(self) -> str:
        """A stable id: the same rule on the same things gives the same id in every run and format.

        Remembered with what it was computed from (every format asks for it, a chain's report has
        thousands of findings), and computed again if any of that changed."""
        made_of = (self.rule_iri, tuple(self.focus), self.value)
        memo = self.__dict__.get("_id")
        if memo is None or memo[0] != made_of:
            key = "|".join([self.rule_iri, *sorted(self.focus), self.value])
            memo = self.__dict__["_id"] = (made_of, "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10])
        return memo[1]

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    @property
    def to_review(self) -> bool:
        """The finding rests on a duty matched below the review threshold (待复核): confirm it first."""
        return any(e.to_review for e in self.evidence)

    @property
    def subject(self) -> Ref | None:
        """What the finding is about, for one-line listings: the function, metric, unit or post."""
        if self.function:
            return self.function
        if self.area:
            return self.area
        if self.metric:
            return self.metric
        if self.department:
            return self.department
        return self.posts[0] if self.posts else None

    def sort_key(self) -> tuple[Any, ...]:
        kinds = [k.value for k in Kind]
        org = self.organisation.iri if self.organisation else ""
        subject = self.subject.id if self.subject else ""
        return (org, -self.severity.rank, kinds.index(self.kind.value), self.rule, subject, self.value, tuple(self.focus))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "severity": self.severity.value,
            "rule": self.rule,
            "rule_iri": self.rule_iri,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "organisation": self.organisation.to_json() if self.organisation else None,
            "focus": list(self.focus),
            "posts": [p.to_json() for p in self.posts],
            "function": self.function.to_json() if self.function else None,
            "metric": self.metric.to_json() if self.metric else None,
            "department": self.department.to_json() if self.department else None,
            "area": self.area.to_json() if self.area else None,
            "functions": [r.to_json() for r in self.functions],
            "value": self.value or None,
            "path": self.path or None,
            "evidence": [e.to_json() for e in self.evidence],
            "to_review": self.to_review,
            "standard_posts": [p.to_json() for p in self.standard_posts],
            "candidates": [{"function": r.to_json(), "score": s} for r, s in self.candidates],
            "scope": self.scope.to_json() if self.scope else None,
            "pattern": self.pattern or None,
        }


def breadth(findings: list[Finding]) -> int:
    """How much of the organisation a finding touches (with its repeats in other stores): the posts it
    names and the units they and it sit in. A gap of the whole organisation names none (0)."""
    posts = {p.iri for f in findings for p in f.posts}
    units = {p.department.iri for f in findings for p in f.posts if p.department is not None}
    units |= {u.iri for f in findings for u in (f.department, f.scope) if u is not None}
    return len(posts) + len(units)


@dataclass
class AreaCoverage:
    """One area of the taxonomy for one organisation: the baseline's functions in it by status, and how much of
    it the scope takes (``all``, ``part`` or ``none``). Each baseline function counts once: led; else only
    supported; else excluded; else a gap (in the scope) or outside the scope."""

    area: Ref
    notation: str
    baseline: int  # the baseline's functions in the area
    lead: int = 0
    support: int = 0
    excluded: int = 0
    gap: int = 0
    outside: int = 0
    scoped: int = 0  # the baseline's functions in the area that are in the scope (excluded ones aside)
    in_scope: str = "none"

    def to_json(self) -> dict[str, Any]:
        return {"area": self.area.to_json(), "notation": self.notation, "baseline_functions": self.baseline,
                "lead": self.lead, "support_only": self.support, "excluded": self.excluded, "gap": self.gap,
                "outside_scope": self.outside, "in_scope_functions": self.scoped, "in_scope": self.in_scope}


@dataclass
class OrgSummary:
    """The numbers of one organisation: size, baseline coverage, scope, findings by kind and severity.

    ``scope`` says where the scope came from: ``declared`` (the design's ``scope:``) or ``inferred`` (the
    areas in which a post leads a duty); ``areas`` is the baseline's coverage per area of the taxonomy."""

    organisation: Ref
    reference: bool  # a standard's reference organisation (no baseline gaps)
    posts: int
    duties: int
    baseline: Ref | None
    baseline_functions: int
    covered_lead: int
    covered_support_only: int
    excluded: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    scope: str = "inferred"
    areas: list[AreaCoverage] = field(default_factory=list)

    @property
    def scope_areas(self) -> list[AreaCoverage]:
        """The areas the scope takes, wholly or in part, in taxonomy order."""
        return [a for a in self.areas if a.in_scope != "none"]

    @property
    def in_scope(self) -> int:
        """The baseline's functions in the scope (exclusions aside)."""
        return sum(a.scoped for a in self.areas)

    @property
    def covered_in_scope(self) -> int:
        """The baseline's functions in the scope that some post leads or supports."""
        return sum(a.scoped - a.gap for a in self.areas)

    @property
    def share_in_scope(self) -> float:
        return self.covered_in_scope / self.in_scope if self.in_scope else 0.0

    @property
    def share_covered(self) -> float:
        """Share of the baseline's functions that some post leads or supports (excluded ones aside)."""
        denominator = self.baseline_functions - self.excluded
        if denominator <= 0:
            return 0.0
        return (self.covered_lead + self.covered_support_only) / denominator

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation.to_json(),
            "reference_organisation": self.reference,
            "posts": self.posts,
            "duties": self.duties,
            "baseline": self.baseline.to_json() if self.baseline else None,
            "baseline_functions": self.baseline_functions,
            "covered_lead": self.covered_lead,
            "covered_support_only": self.covered_support_only,
            "excluded": self.excluded,
            "share_covered": round(self.share_covered, 4),
            "scope": self.scope,
            "in_scope": self.in_scope,
            "covered_in_scope": self.covered_in_scope,
            "share_in_scope": round(self.share_in_scope, 4),
            "areas": [a.to_json() for a in self.areas],
            "findings_by_kind": dict(self.by_kind),
            "findings_by_severity": dict(self.by_severity),
        }


@dataclass
class CoverageRow:
    """One baseline function and, per post of the organisation, "lead", "support" or ""."""

    function: Ref
    notation: str
    cells: list[str]
    excluded: bool = False
    area: Ref | None = None  # the taxonomy's area the function belongs to (skos:broader)
    in_scope: bool = True

    @property
    def status(self) -> str:
        """lead (someone leads it), support (only supported), excluded, gap (nobody, in the scope) or
        outside (nobody, outside the scope)."""
        if "lead" in self.cells:
            return "lead"
        if "support" in self.cells:
            return "support"
        if self.excluded:
            return "excluded"
        return "gap" if self.in_scope else "outside"


@dataclass
class CoverageMatrix:
    """The baseline's functions × the organisation's posts."""

    organisation: Ref
    baseline: Ref
    posts: list[PostRef]
    rows: list[CoverageRow]

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation.iri,
            "baseline": self.baseline.iri,
            "posts": [p.id for p in self.posts],
            "rows": [
                {"function": r.function.id, "notation": r.notation, "status": r.status, "excluded": r.excluded,
                 "area": r.area.id if r.area else None,
                 "in_scope": r.in_scope,
                 "cells": {p.id: c for p, c in zip(self.posts, r.cells, strict=True) if c}}
                for r in self.rows
            ],
            "areas": [a.to_json() for a in area_coverage(self)],
        }


@dataclass(frozen=True)
class AreaTally:
    """One area of the taxonomy in a coverage matrix, counted from the matrix alone (the Excel report's
    and the diff's per-area figures): how many of its baseline functions are led, only supported,
    excluded or not covered. :class:`AreaCoverage` is the summary's, which also knows the scope."""

    area: Ref
    functions: int
    lead: int
    support: int
    excluded: int

    @property
    def gap(self) -> int:
        return self.functions - self.lead - self.support - self.excluded

    @property
    def share_covered(self) -> float:
        """Led or supported, of the functions not excluded (as :attr:`OrgSummary.share_covered`)."""
        denominator = self.functions - self.excluded
        return (self.lead + self.support) / denominator if denominator > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"area": self.area.to_json(), "functions": self.functions, "lead": self.lead, "support": self.support,
                "excluded": self.excluded, "gap": self.gap, "share_covered": round(self.share_covered, 4)}


def area_coverage(matrix: CoverageMatrix) -> list[AreaTally]:
    """The matrix's rows summed by area, in taxonomy order (rows without an area are one area "—")."""
    order: dict[str, Ref] = {}
    counts: dict[str, Counter[str]] = {}
    for row in matrix.rows:
        area = row.area or Ref("", "-", "—", "—")
        order.setdefault(area.iri, area)
        counts.setdefault(area.iri, Counter())[row.status] += 1
    return [AreaTally(order[k], sum(c.values()), c["lead"], c["support"], c["excluded"]) for k, c in counts.items()]


@dataclass(frozen=True)
class DutyRecord:
    """A duty as a diff compares it: its words and the functions it leads and supports (ids)."""

    text: str
    lead: tuple[str, ...]
    support: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "lead": list(self.lead), "support": list(self.support)}


@dataclass(frozen=True)
class PostRecord:
    """A post as a diff compares it (by id): name, unit, superior and duties. Not the report's view of
    a post (:class:`PostRef`) but the design's, so two designs can say which posts changed."""

    id: str
    name: str
    department: str
    reports_to: str
    duties: tuple[DutyRecord, ...]
    organisation: str = ""  # the organisation's IRI
    accountable: tuple[str, ...] | None = None  # the metrics it answers for, by name, sorted (None: not known)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "organisation": self.organisation, "name": self.name, "department": self.department,
                               "reports_to": self.reports_to or None, "duties": [d.to_json() for d in self.duties]}
        if self.accountable is not None:
            out["accountable_for"] = list(self.accountable)
        return out


@dataclass(frozen=True)
class Waiver:
    """A finding the client has decided to live with: its id, why, who decided and when (docs/validation.md)."""

    finding: str
    reason: str
    by: str
    date: str  # ISO 8601 date
    expires: str = ""  # ISO 8601 date after which the waiver no longer applies; "" never
    source: str = ""  # where the waiver is written: waivers.yaml:12, report.xlsx:Waived!3

    def to_json(self) -> dict[str, Any]:
        return {"finding": self.finding, "reason": self.reason, "by": self.by, "date": self.date,
                "expires": self.expires or None, "source": self.source}


@dataclass
class WaivedFinding:
    """A finding of this run that a waiver accepts: listed apart, not counted for ``--fail-on``."""

    finding: Finding
    waiver: Waiver

    def to_json(self) -> dict[str, Any]:
        return {"waiver": self.waiver.to_json(), "finding": self.finding.to_json()}


@dataclass
class StaleWaiver:
    """A waiver that accepts nothing in this run: its finding is gone (``absent``: the design changed, or
    the id was mistyped, hence ``closest``) or the waiver has expired (``expired``: its finding counts again)."""

    waiver: Waiver
    why: str  # "absent" | "expired"
    closest: tuple[str, ...] = ()  # the nearest finding ids of this run, for a mistyped id

    def to_json(self) -> dict[str, Any]:
        return {"waiver": self.waiver.to_json(), "why": self.why, "closest": list(self.closest)}


@dataclass(frozen=True)
class Reason:
    """One reason for a proposal, in both languages; ``weight`` is what it adds to the score (0: shown only)."""

    zh: str
    en: str
    weight: float = 0.0

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def to_json(self) -> dict[str, Any]:
        return {"text": {"zh": self.zh, "en": self.en}, "weight": round(self.weight, 3)}


@dataclass(frozen=True)
class Change:
    """One edit of the design that a proposal makes, small enough for a person to read and undo.

    ``add-duty``: ``post`` takes the standard's duty ``text_zh`` (cited by ``source``) for ``function``;
    ``add-support``: the same, the duty supporting ``function`` (a post helping its superior do it);
    ``support``: ``post``'s duty ``duty`` (its words ``text_zh``, cited by ``source``) supports ``function``
    instead of leading it; ``drop-metric``: ``post`` is no longer accountable for ``metric``; ``split-off``: ``post``'s
    work on ``function`` goes to a new post ``text_zh``, like the standard's post ``source``; ``merge``: ``post`` is
    merged into the proposal's owner (its duties, accountabilities and reports move there)."""

    action: str  # "add-duty" | "add-support" | "support" | "drop-metric" | "split-off" | "merge"
    post: PostRef
    function: Ref | None = None
    metric: Ref | None = None
    text_zh: str = ""
    text_en: str = ""
    source: str = ""
    duty: str = ""  # the design's duty IRI a "support" or "drop-metric" change edits ("" for add-duty)

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "post": self.post.to_json(),
                "function": self.function.to_json() if self.function else None,
                "metric": self.metric.to_json() if self.metric else None,
                "text": {"zh": self.text_zh, "en": self.text_en}, "source": self.source or None, "duty": self.duty or None}


@dataclass
class Proposal:
    """What a consultant would change to resolve one overlap or gap finding, why, and how sure it is.

    ``status`` is ``change`` (``changes`` resolve the finding), ``via`` (the proposals of the findings in
    ``via`` resolve it too: a post without duty that a gap's duty goes to) or ``none`` (nothing in the
    design or the standard supports a change, or the answer is a decision, not an edit: ``summary`` says
    which). ``owner`` is the post proposed to own the function or metric, ``others`` the posts that give it
    up; ``standard`` the baseline's duties (or accountable posts) the proposal rests on."""

    finding: str  # the finding's id
    rule: str
    kind: Kind
    subject: Ref | None
    status: str  # "change" | "via" | "none"
    summary_zh: str
    summary_en: str
    organisation: Ref | None = None
    owner: PostRef | None = None
    others: list[PostRef] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    confidence: float = 0.0
    confidence_reasons: list[Reason] = field(default_factory=list)
    standard: list[Evidence] = field(default_factory=list)
    via: list[str] = field(default_factory=list)

    def summary(self, lang: str = "zh") -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def to_json(self) -> dict[str, Any]:
        return {"finding": self.finding, "rule": self.rule, "kind": self.kind.value,
                "subject": self.subject.to_json() if self.subject else None, "status": self.status,
                "summary": {"zh": self.summary_zh, "en": self.summary_en},
                "organisation": self.organisation.to_json() if self.organisation else None,
                "owner": self.owner.to_json() if self.owner else None, "others": [p.to_json() for p in self.others],
                "changes": [c.to_json() for c in self.changes], "reasons": [r.to_json() for r in self.reasons],
                "confidence": round(self.confidence, 3), "confidence_reasons": [r.to_json() for r in self.confidence_reasons],
                "standard": [e.to_json() for e in self.standard], "via": list(self.via)}


@dataclass(frozen=True)
class StandardMatch:
    """How close a design's post is to one standard post: by title, by the functions its duties lead, both."""

    post: PostRef  # the standard's post
    score: float
    title: float
    functions: float

    def to_json(self) -> dict[str, Any]:
        return {"post": self.post.to_json(), "score": round(self.score, 3), "title": round(self.title, 3),
                "functions": round(self.functions, 3)}


@dataclass
class PostAlignment:
    """A design's post and its closest standard posts, best first (the basis every proposal names)."""

    post: PostRef
    matches: list[StandardMatch] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"post": self.post.to_json(), "matches": [m.to_json() for m in self.matches]}


@dataclass
class Report:
    """Everything a renderer needs."""

    source: str  # the design file, or "bundled documents"
    baseline: Ref | None
    organisations: list[OrgSummary]
    findings: list[Finding]
    coverage: list[CoverageMatrix]
    shacl_conforms: bool
    rules: list[Ref] = field(default_factory=list)  # every rule run, in shapes order
    report_graph: Any = None  # rdflib.Graph holding the sh:ValidationReport
    design_graph: Any = None  # the design's N-Triples (a str, or a function giving it) or an rdflib.Graph (ORG_FILE mode)
    generated_by: str = ""
    duties_to_review: int = 0  # free-text duties whose match is below the review threshold, finding or not
    waived: list[WaivedFinding] = field(default_factory=list)  # accepted findings: not in ``findings``, never failing
    stale_waivers: list[StaleWaiver] = field(default_factory=list)
    resolved: Any = None  # the ResolvedDesign validated (a design file), for the workbook's design and review sheets
    posts_detail: list[PostRecord] | None = None  # the design's posts as a diff compares them (None: not known)
    proposals: list[Proposal] = field(default_factory=list)  # one per overlap and gap finding (retailkg.validation.proposals)
    alignments: list[PostAlignment] = field(default_factory=list)  # each post's closest standard posts
    restructures: list[Proposal] = field(default_factory=list)  # split or merge posts: proposed, applied only when chosen

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Findings by kind and by severity, every key present (zeros included)."""
        kinds = Counter(f.kind.value for f in self.findings)
        sev = Counter(f.severity.value for f in self.findings)
        return {k.value: kinds.get(k.value, 0) for k in Kind}, {s.value: sev.get(s.value, 0) for s in Severity}

    @property
    def to_review(self) -> int:
        """How many findings rest on a match a consultant should confirm (待复核)."""
        return sum(1 for f in self.findings if f.to_review)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def fails(self, threshold: Severity) -> bool:
        """True when a finding is at or above ``threshold`` (the exit-code rule of ``--fail-on``)."""
        return any(f.severity.rank >= threshold.rank for f in self.findings)

    @property
    def posts(self) -> int:
        return sum(o.posts for o in self.organisations)

    @property
    def duties(self) -> int:
        return sum(o.duties for o in self.organisations)

    def findings_frame(self, lang: str = "zh") -> pandas.DataFrame:
        """The findings as a pandas DataFrame, one row per finding (pandas is an extra: ``pip install 'retailkg[pandas]'``).

        Things are named by IRI, so the frame joins with the answers of named queries, and by
        name in ``lang`` beside them (``*_name``); ``posts``, ``post_names`` and
        ``post_departments`` are lists, one item per post (``DataFrame.explode`` gives a row each).
        """
        pd = require("pandas", "Report.findings_frame()")

        def iri(ref: Ref | None) -> str | None:
            return ref.iri if ref else None

        def name(ref: Ref | None) -> str | None:
            return ref.name(lang) if ref else None

        rows = [{
            "id": f.id, "organisation": iri(f.organisation), "organisation_name": name(f.organisation),
            "scope": iri(f.scope), "kind": f.kind.value, "severity": f.severity.value, "rule": f.rule,
            "function": iri(f.function), "function_name": name(f.function), "metric": iri(f.metric), "metric_name": name(f.metric),
            "department": iri(f.department), "department_name": name(f.department),
            "posts": [p.iri for p in f.posts], "post_names": [p.name(lang) for p in f.posts],
            "post_departments": [name(p.department) for p in f.posts],
            "evidence": len(f.evidence), "to_review": f.to_review, "message": f.message(lang),
        } for f in self.findings]
        return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))

    def coverage_frame(self, lang: str = "zh") -> pandas.DataFrame:
        """The coverage matrices as a pandas DataFrame, one row per organisation and baseline function.

        ``status`` is lead (some post leads the function), support (posts only support it),
        excluded (the design says it is not its work), gap (nobody, in the design's scope) or outside
        (nobody, outside the scope); ``in_scope`` says whether the function is in the scope the
        report's shares count; ``lead`` and ``support`` list the names of those posts. ``function``
        is the function's IRI, as named queries give it.
        """
        pd = require("pandas", "Report.coverage_frame()")
        rows = []
        for m in self.coverage:
            for r in m.rows:
                rows.append({
                    "organisation": m.organisation.iri, "organisation_name": m.organisation.name(lang), "baseline": m.baseline.iri,
                    "function": r.function.iri, "function_name": r.function.name(lang), "notation": r.notation,
                    "status": r.status, "excluded": r.excluded, "in_scope": r.in_scope,
                    "lead": [p.name(lang) for p, c in zip(m.posts, r.cells, strict=True) if c == "lead"],
                    "support": [p.name(lang) for p, c in zip(m.posts, r.cells, strict=True) if c == "support"],
                })
        return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))


FINDING_COLUMNS = ("id", "organisation", "organisation_name", "scope", "kind", "severity", "rule", "function", "function_name",
                   "metric", "metric_name", "department", "department_name", "posts", "post_names", "post_departments",
                   "evidence", "to_review", "message")
"""The columns of :meth:`Report.findings_frame`, in order (there even when there is no finding)."""

COVERAGE_COLUMNS = ("organisation", "organisation_name", "baseline", "function", "function_name", "notation", "status",
                    "excluded", "in_scope", "lead", "support")
"""The columns of :meth:`Report.coverage_frame`, in order."""
