"""The shapes and the rules they declare: the bottom of the validation layer.

The SHACL files in shapes/ are the one source of truth for what a finding is; everything above
(the compiled queries, the naming of findings, the reports) reads them through :func:`load_shapes`
and :func:`rules`, never by parsing the Turtle again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDFS, Graph, Literal, URIRef

from retailkg.ns import RKGSH, SH
from retailkg.rdf.paths import shacl_path
from retailkg.resources import shapes_dir
from retailkg.validation.findings import Kind, Ref, Severity

if TYPE_CHECKING:
    pass

# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


@cache
def _shapes(folder: str) -> Graph:
    g = Graph()
    for p in sorted(Path(folder).glob("*.ttl")):
        from retailkg.rdf.io import parse_turtle

        for t in parse_turtle(p):
            g.add(t)
    return g


def load_shapes(folder: Path | None = None) -> Graph:
    """Every ``shapes/*.ttl`` in one graph (the examples below ``shapes/examples`` are data, not shapes)."""
    return _shapes(str(folder or shapes_dir()))


@dataclass(frozen=True)
class RuleInfo:
    """A shape as the report names it: id, kind, severity, label and message in zh and en."""

    iri: URIRef
    curie: str
    kind: Kind
    severity: Severity
    label_zh: str
    label_en: str
    message_zh: str
    message_en: str
    path: str = ""  # the shape's sh:path as a SPARQL path with CURIEs (empty for a node shape)

    @property
    def ref(self) -> Ref:
        return Ref(str(self.iri), self.curie, self.label_zh, self.label_en)


def _lang(g: Graph, s: Any, p: URIRef, lang: str) -> str:
    for o in g.objects(s, p):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return ""


def rules(shapes: Graph | None = None) -> list[RuleInfo]:
    """Every rule (a shape with rkgsh:findingKind), ordered overlap, gap, structure, unmapped."""
    g = shapes if shapes is not None else load_shapes()
    out = []
    for s in g.subjects(RKGSH.findingKind, None):
        assert isinstance(s, URIRef)
        out.append(RuleInfo(
            s, "rkgsh:" + str(s)[len(str(RKGSH)):], Kind(str(g.value(s, RKGSH.findingKind))),
            Severity.from_iri(str(g.value(s, SH.severity) or SH.Violation)),
            _lang(g, s, RDFS.label, "zh"), _lang(g, s, RDFS.label, "en"),
            _lang(g, s, SH.message, "zh"), _lang(g, s, SH.message, "en"),
            _display_path(g, g.value(s, SH.path)),
        ))
    kinds = [k.value for k in Kind]
    return sorted(out, key=lambda r: (kinds.index(r.kind.value), -r.severity.rank, r.curie))


def _display_path(g: Graph, node: Any) -> str:
    """A shape's sh:path as the report shows it; empty for a node shape (or a path no query could use)."""
    if node is None:
        return ""
    try:
        return shacl_path(g, node, display=True)
    except ValueError:
        return ""
