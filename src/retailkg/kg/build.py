"""Build the release artefacts of the knowledge graph.

``build()`` loads the ontology and every data file into its own named graph, materialises what
the ontology entails (:mod:`retailkg.kg.reasoning`: inverse properties, ORG/SKOS/PROV
super-classes and super-properties, the transitive reporting chain, …) into the graph
``…/graph/inferred`` so that a store that does no reasoning answers the same, and writes

- ``retailkg.trig``   every named graph;
- ``retailkg.ttl``, ``retailkg.nt``, ``retailkg.jsonld``   their union;
- ``context.jsonld``  the JSON-LD context the ``.jsonld`` file uses (inlined there too).

The same input gives byte-identical files: blank nodes are labelled canonically and every writer
sorts its output. The TriG is also what the query commands read: ``retailkg build`` leaves it in
their cache (:func:`retailkg.kg.cache.store_build`) when the sources are the bundled ones, so the
first query after a build has nothing left to build.

The sources are parsed by pyoxigraph (which also locates a curator's syntax error) and reasoned
over by it, and the TriG is its writer's; rdflib holds the union only to write the Turtle and
JSON-LD, whose text is as rdflib wrote it for release 0.1.0 (and the N-Triples lines are the ones
its writer gives: :func:`retailkg.rdf.io.ntriples_lines`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from retailkg.kg.catalog import DOCUMENTS, INFERRED_GRAPH, SourceFile, source_files
from retailkg.kg.reasoning import Materialisation, materialise
from retailkg.ns import PREFIXES
from retailkg.rdf.io import (
    atomic_directory,
    canonical_triples,
    jsonld_context,
    jsonld_document,
    ntriples_lines,
    prefixed_graph,
    trig_quads,
    turtle_triples,
)
from retailkg.rdf.terms import Term, from_oxigraph, oxigraph_triple

__all__ = [
    "BuildResult",
    "DocumentCounts",
    "build",
    "count_documents",
    "graph_quads",
    "graph_trig",
    "infer",
    "load_dataset",
    "load_sources",
]


def _source_quads(files: Sequence[SourceFile]) -> list[ox.Quad]:
    """Every source file in its own named graph, blank nodes labelled canonically."""
    quads = []
    for sf in files:
        g = ox.NamedNode(str(sf.graph))
        quads += [ox.Quad(t.subject, t.predicate, t.object, g) for t in canonical_triples(turtle_triples(sf.path))]
    return quads


def _inferred_quads(quads: Iterable[ox.Quad]) -> tuple[list[ox.Quad], Materialisation]:
    """What the ontology entails from the union of ``quads`` (:func:`retailkg.kg.reasoning.materialise`),
    in the inferred graph, and how it was found."""
    kept, how = materialise(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    g = ox.NamedNode(str(INFERRED_GRAPH))
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in kept], how


def _graph(files: Sequence[SourceFile] | None) -> tuple[list[ox.Quad], Materialisation]:
    sources = _source_quads(files if files is not None else source_files())
    inferred, how = _inferred_quads(sources)
    return sources + inferred, how


def graph_quads(files: Sequence[SourceFile] | None = None) -> list[ox.Quad]:
    """The whole knowledge graph as quads: every source graph plus the inferred graph."""
    return _graph(files)[0]


def graph_trig(files: Sequence[SourceFile] | None = None) -> bytes:
    """The whole knowledge graph as the TriG a build writes (and the query cache holds)."""
    return trig_quads(graph_quads(files))


def _to_rdflib(quads: Iterable[ox.Quad]) -> list[tuple[Term, Term, Term, str]]:
    """Quads as rdflib terms and their graph's IRI; each distinct term is converted once (IRIs
    repeat on every line)."""
    seen: dict[Any, Term] = {}

    def term(t: Any) -> Term:
        found = seen.get(t)
        if found is None:
            converted = from_oxigraph(t)
            assert converted is not None  # a quad's terms are all bound
            found = seen[t] = converted
        return found

    return [(term(q.subject), term(q.predicate), term(q.object), str(q.graph_name)[1:-1]) for q in quads]


def _dataset(quads: Iterable[ox.Quad]) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    graphs: dict[str, Graph] = {}
    for s, p, o, name in _to_rdflib(quads):
        g = graphs.get(name)
        if g is None:
            g = graphs[name] = ds.graph(name)
        g.add((s, p, o))
    return ds


def load_sources(files: Sequence[SourceFile] | None = None) -> Dataset:
    """Parse every source file into its own named graph (no inference)."""
    return _dataset(_source_quads(files if files is not None else source_files()))


def infer(ds: Dataset) -> Graph:
    """The entailments of the ontology about our own resources (:func:`retailkg.kg.reasoning.materialise`)."""
    triples = [oxigraph_triple(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))]
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    inferred = Graph()
    inferred.addN((s, p, o, inferred) for s, p, o, _ in _to_rdflib(_inferred_quads(quads)[0]))
    return inferred


def load_dataset(files: Sequence[SourceFile] | None = None, *, inference: bool = True) -> Dataset:
    """The whole knowledge graph in memory: every source graph plus the inferred graph."""
    if not inference:
        return load_sources(files)
    return _dataset(graph_quads(files))


def _union(quads: Iterable[ox.Quad]) -> Graph:
    """All triples of all named graphs as one rdflib graph (what the Turtle and JSON-LD writers read)."""
    union = prefixed_graph()
    union.addN((s, p, o, union) for s, p, o, _ in _to_rdflib(quads))
    return union


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


def count_documents(store: ox.Store) -> list[DocumentCounts]:
    """Counts per source document, in catalogue order, over the union of the store's graphs."""
    rows = []
    prefix = f"PREFIX rkg: <{PREFIXES['rkg']}>\n"
    for d in DOCUMENTS:
        res = store.query(prefix + _COUNT_QUERY.replace("WHERE {", f"WHERE {{ VALUES ?doc {{ <{d.iri}> }}", 1),
                          use_default_graph_as_union=True)
        assert isinstance(res, ox.QuerySolutions)  # a SELECT
        r = next(iter(res))
        rows.append(DocumentCounts(d.id, *(int(r[i].value) for i in range(5))))
    return rows


@dataclass
class BuildResult:
    """What :func:`build` wrote."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    counts: list[DocumentCounts] = field(default_factory=list)
    triples: int = 0
    unsupported: tuple[str, ...] = ()  # constructs of the ontology whose consequences were not materialised


ARTEFACTS = ("retailkg.trig", "retailkg.ttl", "retailkg.nt", "retailkg.jsonld", "context.jsonld")


def build(out_dir: Path, files: Sequence[SourceFile] | None = None) -> BuildResult:
    """Write the release artefacts into ``out_dir``; on any error nothing there changes."""
    import json

    files = list(files) if files is not None else source_files()
    quads, how = _graph(files)
    store = ox.Store()
    store.extend(quads)
    union = _union(quads)
    trig = trig_quads(quads)
    with atomic_directory(out_dir) as stage:
        (stage / "retailkg.trig").write_bytes(trig)
        (stage / "retailkg.ttl").write_bytes(union.serialize(format="turtle", encoding="utf-8"))
        (stage / "retailkg.nt").write_text("\n".join(ntriples_lines(q.triple for q in quads)) + "\n", encoding="utf-8")
        (stage / "retailkg.jsonld").write_text(jsonld_document(union), encoding="utf-8")
        (stage / "context.jsonld").write_text(json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return BuildResult(out_dir, [out_dir / a for a in ARTEFACTS], count_documents(store), len(union), how.unsupported)
