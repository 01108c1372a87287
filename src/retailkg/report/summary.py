"""The executive summary at the top of a report: what a client reads before any finding.

A report of a real design runs to dozens of findings; the consultant hands the client the first
page. It says, per organisation, how big the design is, how much of the baseline's work in its
scope some post owns, what the scope is (and whether the design declared it or it was inferred),
the five findings that matter most, each in one line, and the coverage per area of the taxonomy.

It is a typed model built from the :class:`~retailkg.validation.findings.Report` alone, so every
format (Markdown and HTML here, a spreadsheet elsewhere) shows the same numbers; the renderers only
decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from retailkg.report.common import group_findings, number, post_label, repeat_label, separator, severity_name
from retailkg.validation.findings import AreaCoverage, Finding, Kind, OrgSummary, Ref, Report, Severity, breadth

__all__ = ["TOP_FINDINGS", "ExecutiveSummary", "KeyFinding", "OrgHeadline", "executive_summary"]

TOP_FINDINGS = 5
"""How many findings the summary lists: as many as a client reads before the details."""

_NAMES_SHOWN = 3
"""Posts a one-line finding names before "and N more"."""


@dataclass(frozen=True)
class KeyFinding:
    """One of the most important findings: the first of its group (the same finding in several stores is one)."""

    finding: Finding
    count: int  # the stores/regions it repeats in; 1 when it is not repeated
    breadth: int  # posts and units it touches, repeats included
    posts: tuple[Ref, ...]  # the posts it names, repeats included, in order

    def line(self, lang: str = "zh") -> str:
        """The finding in one line a client can read: its severity, the message in ``lang`` (which names its
        kind), where it repeats and the posts it names; no identifier."""
        f = self.finding
        text = f"{severity_name(f.severity, lang)} · {f.message(lang)}"
        if self.count > 1:
            text += f" {repeat_label(self.count, lang)}"
        if self.posts:
            shown = separator(lang).join(post_label(p, lang) for p in self.posts[:_NAMES_SHOWN])
            rest = len(self.posts) - _NAMES_SHOWN
            if rest > 0:
                shown += f"等 {number(len(self.posts))} 个岗位" if lang == "zh" else f" and {number(rest)} more"
            text += f"（{shown}）" if lang == "zh" else f" ({shown})"
        return text


@dataclass(frozen=True)
class OrgHeadline:
    """One organisation's headline numbers, its scope and its coverage per area."""

    summary: OrgSummary
    violations: int
    warnings: int
    infos: int
    gaps: int  # gap findings in the scope (baseline functions nobody owns, only supported)
    overlaps: int
    areas: tuple[AreaCoverage, ...] = ()

    @property
    def organisation(self) -> Ref:
        return self.summary.organisation

    @property
    def scope_declared(self) -> bool:
        return self.summary.scope == "declared"

    @property
    def scope_areas(self) -> list[Ref]:
        """The areas the scope takes, wholly or in part."""
        return [a.area for a in self.areas if a.in_scope != "none"]

    @property
    def outside_areas(self) -> list[Ref]:
        """The areas with baseline functions outside the scope that nobody leads (one Info each)."""
        return [a.area for a in self.areas if a.outside]

    @property
    def excluded_areas(self) -> list[Ref]:
        """The areas whose baseline functions the design excludes, every one of them."""
        return [a.area for a in self.areas if a.baseline and a.excluded == a.baseline]

    @property
    def chart(self) -> list[AreaCoverage]:
        """The areas worth a bar: those with baseline functions (there is nothing to cover in the others)."""
        return [a for a in self.areas if a.baseline]


@dataclass(frozen=True)
class ExecutiveSummary:
    """The first page of a report: headline numbers per organisation and the most important findings."""

    organisations: tuple[OrgHeadline, ...]
    findings: int
    by_severity: dict[str, int] = field(default_factory=dict)
    top: tuple[KeyFinding, ...] = ()


def executive_summary(report: Report, top: int = TOP_FINDINGS) -> ExecutiveSummary:
    """The summary of ``report``: its findings grouped as the formats show them (a finding repeated in many
    stores is one), the ``top`` most important by severity, then breadth (how much of the organisation they
    touch), then the report's own order (deterministic)."""
    groups = group_findings(report.findings)
    ranked = sorted(range(len(groups)), key=lambda i: (-groups[i][0].severity.rank, -breadth(groups[i]), i))
    key = []
    for i in ranked[:top]:
        g = groups[i]
        posts = tuple(dict.fromkeys(p for f in g for p in f.posts))
        key.append(KeyFinding(g[0], len(g), breadth(g), posts))
    heads = []
    for o in report.organisations:
        mine = [f for f in report.findings if f.organisation is not None and f.organisation.iri == o.organisation.iri]
        heads.append(OrgHeadline(
            o,
            sum(f.severity is Severity.VIOLATION for f in mine),
            sum(f.severity is Severity.WARNING for f in mine),
            sum(f.severity is Severity.INFO for f in mine),
            sum(f.rule in ("rkgsh:GapBaselineFunction", "rkgsh:GapSupportOnly") for f in mine),
            sum(f.kind is Kind.OVERLAP for f in mine),
            tuple(o.areas),
        ))
    _by_kind, by_sev = report.counts()
    return ExecutiveSummary(tuple(heads), len(report.findings), by_sev, tuple(key))
