"""Build the release artefacts of the knowledge graph.

``build()`` loads the ontology and every data file into its own named graph, materialises what
the queries rely on from the ontology (inverse properties, ORG/SKOS/PROV super-classes and
super-properties, the transitive reporting chain) into the graph ``…/graph/inferred`` so that a
store that does no reasoning answers the same, and writes

- ``retailkg.trig``   every named graph;
- ``retailkg.ttl``, ``retailkg.nt``, ``retailkg.jsonld``   their union;
- ``context.jsonld``  the JSON-LD context the ``.jsonld`` file uses (inlined there too).

The same input gives byte-identical files: blank nodes are labelled canonically and every writer
sorts its output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import owlrl
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.query import ResultRow

from retailkg.kg.catalog import DOCUMENTS, INFERRED_GRAPH, SourceFile, source_files
from retailkg.ns import BASE, ORG, PREFIXES, PROV, RKG
from retailkg.rdf.io import (
    atomic_directory,
    canonical,
    dataset_union,
    jsonld_context,
    jsonld_document,
    ntriples_lines,
    parse_turtle,
    trig_bytes,
)

__all__ = ["BuildResult", "DocumentCounts", "build", "count_documents", "infer", "load_dataset", "load_sources"]

ONTOLOGY_NS = str(RKG)
# Inferred triples worth keeping: facts about our own resources in the vocabularies queries use.
_KEEP_PREDICATE_NS = (str(RKG), str(ORG), str(PROV), str(SKOS), "http://purl.org/dc/terms/")
_KEEP_PREDICATES = {RDF.type, RDFS.label}
_DROP_TYPES = {OWL.Thing, OWL.NamedIndividual, RDFS.Resource, OWL.Class, OWL.ObjectProperty}


def load_sources(files: Sequence[SourceFile] | None = None) -> Dataset:
    """Parse every source file into its own named graph (no inference)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for sf in files if files is not None else source_files():
        g = canonical(parse_turtle(sf.path))
        target = ds.graph(sf.graph)
        for t in g:
            target.add(t)
    return ds


def _keep(s: object, p: object, o: object) -> bool:
    if isinstance(s, BNode) or isinstance(o, BNode):
        return False
    if not (isinstance(s, URIRef) and str(s).startswith(BASE)) or str(s).startswith(ONTOLOGY_NS):
        return False
    if s == o:
        return False
    if p == RDF.type:
        return o not in _DROP_TYPES
    return p in _KEEP_PREDICATES or str(p).startswith(_KEEP_PREDICATE_NS)


def infer(ds: Dataset) -> Graph:
    """Triples entailed by the ontology (OWL 2 RL, computed by owlrl) about our own resources.

    Only facts about instance data in the vocabularies the queries use are kept: the TBox closure
    and owlrl's axiomatic noise would only make every store slower.
    """
    union = dataset_union(ds)
    asserted = set(union)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(union)
    inferred = Graph()
    for s, p, o in union:
        if (s, p, o) not in asserted and _keep(s, p, o):
            if isinstance(o, Literal) and p != RDFS.label:
                continue
            inferred.add((s, p, o))
    return inferred


def load_dataset(files: Sequence[SourceFile] | None = None, *, inference: bool = True) -> Dataset:
    """The whole knowledge graph in memory: every source graph plus the inferred graph."""
    ds = load_sources(files)
    if inference:
        target = ds.graph(INFERRED_GRAPH)
        for t in infer(ds):
            target.add(t)
    return ds


@dataclass(frozen=True)
class DocumentCounts:
    """How much of one source document the graph holds."""

    document: str
    posts: int
    duties: int
    competencies: int
    metrics: int
    functions: int


_COUNT_QUERY = """
SELECT (COUNT(DISTINCT ?post) AS ?posts) (COUNT(DISTINCT ?duty) AS ?duties)
       (COUNT(DISTINCT ?comp) AS ?comps) (COUNT(DISTINCT ?metric) AS ?metrics)
       (COUNT(DISTINCT ?fn) AS ?fns)
WHERE {
  { ?post a rkg:Post ; rkg:sourceDocument ?doc }
  UNION { ?duty a rkg:Duty ; rkg:sourceDocument ?doc }
  UNION { ?comp a rkg:Competency ; rkg:sourceDocument ?doc }
  UNION { ?metric a rkg:Metric ; rkg:sourceDocument ?doc }
  UNION { ?st rkg:sourceDocument ?doc ; rkg:addressesFunction|rkg:supportsFunction ?fn }
}
"""


def count_documents(ds: Dataset) -> list[DocumentCounts]:
    """Counts per source document, in catalogue order."""
    union = dataset_union(ds)
    rows = []
    for d in DOCUMENTS:
        res = list(union.query(_COUNT_QUERY, initNs={"rkg": RKG}, initBindings={"doc": d.iri}))
        r = res[0]
        assert isinstance(r, ResultRow)  # a SELECT's row
        rows.append(DocumentCounts(d.id, *(int(str(v)) for v in r)))
    return rows


@dataclass
class BuildResult:
    """What :func:`build` wrote."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    counts: list[DocumentCounts] = field(default_factory=list)
    triples: int = 0


ARTEFACTS = ("retailkg.trig", "retailkg.ttl", "retailkg.nt", "retailkg.jsonld", "context.jsonld")


def build(out_dir: Path, files: Sequence[SourceFile] | None = None) -> BuildResult:
    """Write the release artefacts into ``out_dir``; on any error nothing there changes."""
    ds = load_dataset(files)
    union = dataset_union(ds)
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    import json

    with atomic_directory(out_dir) as stage:
        (stage / "retailkg.trig").write_bytes(trig_bytes(ds))
        (stage / "retailkg.ttl").write_bytes(union.serialize(format="turtle", encoding="utf-8"))
        (stage / "retailkg.nt").write_text("\n".join(ntriples_lines(union)) + "\n", encoding="utf-8")
        (stage / "retailkg.jsonld").write_text(jsonld_document(union), encoding="utf-8")
        (stage / "context.jsonld").write_text(json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return BuildResult(out_dir, [out_dir / a for a in ARTEFACTS], count_documents(ds), len(union))
