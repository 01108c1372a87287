"""The sh:ValidationReport of a run, written from the rules' results.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rdflib import RDF, BNode, Graph, Literal, URIRef

from retailkg.ns import RKGSH, SH
from retailkg.validation.naming import result_id
from retailkg.validation.shapes import RuleInfo

if TYPE_CHECKING:
    pass
from retailkg.validation.compile import RuleResult


class ValidationReportGraph:
    """The sh:ValidationReport of the results: N-Triples text at once, an rdflib graph on demand.

    A chain's report holds thousands of results; adding them to rdflib costs more than running the
    rules, and only callers that inspect the graph need it (the Turtle report is written from the
    text). Attribute access is forwarded to the rdflib graph, so it reads like one.
    """

    def __init__(self, results: list[RuleResult], info: dict[str, RuleInfo], ids: dict[RuleResult, str] | None = None) -> None:
        self.results = results
        self.info = info
        self.ids = ids if ids is not None else {r: result_id(r) for r in results}  # each a SHA-1: computed once

    def ntriples(self) -> str:
        sh, rdf_type = str(SH), str(RDF.type)
        rep = "_:report"
        conforms = "true" if not self.results else "false"
        lines = [f"{rep} <{rdf_type}> <{sh}ValidationReport> .\n",
                 f'{rep} <{sh}conforms> "{conforms}"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n']
        for r in self.results:
            node = "_:" + self.ids[r]
            lines.append(f"{rep} <{sh}result> {node} .\n")
            lines.append(f"{node} <{rdf_type}> <{sh}ValidationResult> .\n")
            lines.append(f"{node} <{sh}sourceShape> <{r.shape}> .\n")
            lines.append(f"{node} <{sh}focusNode> <{r.focus}> .\n")
            if r.value is not None:
                value = f"<{r.value}>" if _looks_like_iri(r.value) else Literal(r.value).n3()
                lines.append(f"{node} <{sh}value> {value} .\n")
            rule = self.info.get(r.shape)
            if rule is not None:
                lines.append(f"{node} <{sh}resultSeverity> <{rule.severity.iri}> .\n")
        return "".join(lines)

    @cached_property
    def graph(self) -> Graph:
        g = Graph()
        g.bind("sh", SH)
        g.bind("rkgsh", RKGSH)
        rep = BNode("report")
        g.add((rep, RDF.type, SH.ValidationReport))
        g.add((rep, SH.conforms, Literal(not self.results)))
        for r in self.results:
            rule = self.info.get(r.shape)
            node = BNode(self.ids[r])
            g.add((rep, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.sourceShape, URIRef(r.shape)))
            g.add((node, SH.focusNode, URIRef(r.focus)))
            if r.value is not None:
                g.add((node, SH.value, URIRef(r.value) if _looks_like_iri(r.value) else Literal(r.value)))
            if rule is not None:
                g.add((node, SH.resultSeverity, URIRef(rule.severity.iri)))
        return g

    def __getattr__(self, name: str) -> Any:
        return getattr(self.graph, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def __contains__(self, triple: Any) -> bool:
        return triple in self.graph


def _looks_like_iri(value: str) -> bool:
    return ":" in value and not any(c in value for c in " \n\"<>")


