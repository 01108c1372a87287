"""The Turtle report, for triple stores: the sh:ValidationReport, the findings linked to its results,
and (for a design file) the design itself.
"""

from __future__ import annotations

from typing import Any

from rdflib import DCTERMS, RDF, RDFS

from retailkg.ns import PREFIXES, RKGV, SH
from retailkg.rdf.terms import ntriples_string
from retailkg.report.common import FINDING_BASE
from retailkg.validation.findings import Report

# ---------------------------------------------------------------------------------------------
# Turtle
# ---------------------------------------------------------------------------------------------


def render_turtle(report: Report, lang: str = "zh") -> str:
    """The sh:ValidationReport, the findings (rkgv:Finding) linked to its results, and the design.

    Written with pyoxigraph's Turtle serializer: a chain's design is a million triples, which rdflib
    takes minutes to serialize (bench/RESULTS.md, "scale"). ``report.design_graph`` is the design's
    N-Triples text, a function that gives it, or an rdflib graph (for callers that hold one).
    """
    import pyoxigraph as ox

    lines: list[str] = []
    fast = hasattr(report.report_graph, "ntriples")  # validate's ValidationReportGraph: text, result nodes _:<id>
    if fast:
        lines.append(report.report_graph.ntriples())
    elif report.report_graph is not None:
        lines.append(report.report_graph.serialize(format="nt"))
    if isinstance(report.design_graph, str):
        lines.append(report.design_graph)
    elif callable(report.design_graph):  # validate's: made only when asked for (a chain's is hundreds of MB)
        lines.append(report.design_graph())
    elif report.design_graph is not None:
        lines.append(report.design_graph.serialize(format="nt"))
    results: dict[str, Any] = {}
    if report.report_graph is not None and not fast:
        results = {str(r): r for r in report.report_graph.subjects(RDF.type, SH.ValidationResult)}

    # the predicates as N-Triples terms, built once (rdflib's Namespace builds a term per access)
    p_ = {name: f"<{RKGV[name]}>" for name in (
        "kind", "rule", "organisation", "post", "function", "metric", "unit", "evidence", "baselineEvidence", "toReview",
        "standardPost", "scope", "pattern", "result", "waiver", "reason", "waivedBy", "expires")}
    a, finding_class, severity, label = f"<{RDF.type}>", f"<{RKGV.Finding}>", f"<{SH.resultSeverity}>", f"<{RDFS.label}>"
    for f in [*report.findings, *(w.finding for w in report.waived)]:  # a waived finding carries its waiver (below)
        n = f"<{FINDING_BASE}{f.id}>"
        add = lines.append
        add(f"{n} {a} {finding_class} .\n")
        add(f"{n} {p_['kind']} {ntriples_string(f.kind.value)} .\n")
        add(f"{n} {severity} <{f.severity.iri}> .\n")
        add(f"{n} {p_['rule']} <{f.rule_iri}> .\n")
        add(f"{n} {label} {ntriples_string(f.message_zh, 'zh')} .\n")
        add(f"{n} {label} {ntriples_string(f.message_en, 'en')} .\n")
        if f.organisation:
            add(f"{n} {p_['organisation']} <{f.organisation.iri}> .\n")
        for p in f.posts:
            add(f"{n} {p_['post']} <{p.iri}> .\n")
        for r, role in ((f.function, "function"), (f.area, "function"), (f.metric, "metric"), (f.department, "unit")):
            if r is not None:
                add(f"{n} {p_[role]} <{r.iri}> .\n")
        for e in f.evidence:
            if e.statement:
                add(f"{n} {p_['baselineEvidence' if e.role == 'baseline' else 'evidence']} <{e.statement}> .\n")
        for p in f.standard_posts:
            add(f"{n} {p_['standardPost']} <{p.iri}> .\n")
        if f.scope is not None:
            add(f"{n} {p_['scope']} <{f.scope.iri}> .\n")
        if f.pattern:
            add(f"{n} {p_['pattern']} {ntriples_string(f.pattern)} .\n")
        if f.to_review:
            add(f"{n} {p_['toReview']} \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n")
        for rid in f.results:
            node = f"_:{rid}" if fast else (results[rid].n3() if rid in results else None)
            if node is not None:
                add(f"{n} {p_['result']} {node} .\n")
    for i, wf in enumerate(report.waived, start=1):
        w, node = wf.waiver, f"_:waiver{i}"
        lines.append(f"<{FINDING_BASE}{wf.finding.id}> {p_['waiver']} {node} .\n")
        lines.append(f"{node} {a} <{RKGV.Waiver}> .\n")
        lines.append(f"{node} {p_['reason']} {ntriples_string(w.reason)} .\n")
        lines.append(f"{node} {p_['waivedBy']} {ntriples_string(w.by)} .\n")
        lines.append(f"{node} <{DCTERMS.date}> \"{w.date}\"^^<http://www.w3.org/2001/XMLSchema#date> .\n")
        if w.expires:
            lines.append(f"{node} {p_['expires']} \"{w.expires}\"^^<http://www.w3.org/2001/XMLSchema#date> .\n")
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    prefixes.update({"rkgv": str(RKGV), "rkgsh": "https://w3id.org/retailkg/shapes#", "finding": FINDING_BASE,
                     "sh": str(SH)})
    triples = ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return out.decode("utf-8") if isinstance(out, bytes) else str(out)


