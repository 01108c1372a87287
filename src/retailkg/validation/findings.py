"""The typed result of a validation: findings, per-organisation summaries and coverage matrices.

pySHACL answers with an ``sh:ValidationReport``: one result per focus node and value, carrying
IRIs only. A consultant needs something else: *which posts* overlap on *which function*, in words,
with the duties that say so. :mod:`retailkg.validation.pipeline` turns the SHACL report into the model here;
every renderer in :mod:`retailkg.report` reads only this model, so the five output formats cannot
disagree (LinkML's typed-result design, ROBOT's one-table report).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from retailkg.ns import SH

__all__ = [
    "CoverageMatrix",
    "CoverageRow",
    "Evidence",
    "Finding",
    "Kind",
    "OrgSummary",
    "PostRef",
    "Ref",
    "Report",
    "Severity",
]



class Kind(StrEnum):
    """What a finding is about. ``overlap`` and ``gap`` are the product; the others keep it honest."""

    OVERLAP = "overlap"
    GAP = "gap"
    STRUCTURE = "structure"
    UNMAPPED = "unmapped"

    @property
    def zh(self) -> str:
        return {"overlap": "交叉", "gap": "空白", "structure": "结构", "unmapped": "未映射"}[self.value]

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
            "value": self.value or None,
            "path": self.path or None,
            "evidence": [e.to_json() for e in self.evidence],
            "to_review": self.to_review,
            "standard_posts": [p.to_json() for p in self.standard_posts],
            "candidates": [{"function": r.to_json(), "score": s} for r, s in self.candidates],
            "scope": self.scope.to_json() if self.scope else None,
            "pattern": self.pattern or None,
        }


@dataclass
class OrgSummary:
    """The numbers of one organisation: size, baseline coverage, findings by kind and severity."""

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

    @property
    def status(self) -> str:
        """lead (someone leads it), support (only supported), excluded, or gap."""
        if "lead" in self.cells:
            return "lead"
        if "support" in self.cells:
            return "support"
        return "excluded" if self.excluded else "gap"


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
                 "cells": {p.id: c for p, c in zip(self.posts, r.cells, strict=True) if c}}
                for r in self.rows
            ],
        }


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
