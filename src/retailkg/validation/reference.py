"""The reference engine: pySHACL over a small assembled data graph.

The product never runs it (the rules are compiled to whole-graph SPARQL, :mod:`retailkg.validation.compile`);
the equality tests and the benchmark's baseline do, to prove the compiled rules find exactly what
SHACL says. :func:`rule_data` keeps only what the shapes read (derived from them:
:mod:`retailkg.validation.reads`), because pySHACL walks every focus node of every shape;
:func:`run_shacl` runs pySHACL on it; :func:`validate_instance_graph` runs it on a small
hand-written graph (the shape examples of tests/test_shapes.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from retailkg.kg.catalog import Document
from retailkg.kg.knowledge import KnowledgeBase, knowledge_base
from retailkg.ns import PREFIXES, RKG
from retailkg.validation.facts import add_function_types, with_reporting_chain
from retailkg.validation.shapes import load_shapes

if TYPE_CHECKING:
    from retailkg.validation.reads import Reads

__all__ = ["PreparedQueryGraph", "rule_data", "run_shacl", "validate_instance_graph"]


# ---------------------------------------------------------------------------------------------
# The data graph
# ---------------------------------------------------------------------------------------------


def rule_data(context: Graph, reads: Reads | None = None, baselines: Mapping[URIRef, Document] | None = None,
              organisations: Iterable[URIRef] = ()) -> Graph:
    """The data graph the rules see of ``context``: the statements they read (``reads``, derived
    from the shapes: :func:`retailkg.validation.reads.select`; by default the bundled rules'), with
    the baseline of each of ``organisations`` as the run sets it (``baselines``: none for an
    organisation not in it, whatever ``context`` says)."""
    from retailkg.validation.reads import rule_reads, select
    from retailkg.validation.shapes import top_shapes

    if reads is None:
        shapes = load_shapes()
        reads = rule_reads(shapes, top_shapes(shapes))
    orgs = set(organisations) | set(baselines or {})
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o in context:
        if p == RKG.baseline and s in orgs:
            continue
        g.add((s, p, o))
    for org, std in (baselines or {}).items():
        g.add((org, RKG.baseline, std.iri))
    return select(with_reporting_chain(g), reads)


_PREPARED: dict[tuple[str, tuple[tuple[str, str], ...]], Query] = {}


class PreparedQueryGraph(Graph):
    """An rdflib graph that parses each SPARQL text once.

    pySHACL hands rdflib the query *text* for every focus node (and, for a constraint component,
    every value node); rdflib parses it again each time, and parsing the overlap query costs more
    than evaluating it for one post. Parsing once per text is what makes the reference usable on the
    bundled documents (bench/RESULTS.md, "validate").
    """

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql", initNs: Any = None,
              initBindings: Any = None, use_store_provided: bool = True, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            key = (query_object, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            prepared = _PREPARED.get(key)
            if prepared is None:
                prepared = _PREPARED[key] = prepareQuery(query_object, initNs=dict(initNs or {}))
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def run_shacl(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph]:
    """pySHACL over ``data``: conforms (no result of any severity) and the results graph."""
    graph = PreparedQueryGraph()
    for prefix, ns in data.namespaces():
        graph.bind(prefix, ns)
    for t in data:
        graph.add(t)
    import pyshacl  # the reference engine: only the equality tests and the benchmark's baseline run it

    conforms, results, _text = pyshacl.validate(
        graph, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
        advanced=False, allow_warnings=False, allow_infos=False, abort_on_first=False, inplace=True,
    )
    return bool(conforms), results


def validate_instance_graph(instance: Graph, kb: KnowledgeBase | None = None) -> tuple[bool, Graph]:
    """Validate a small hand-written graph (the shape examples) as the validator would.

    The taxonomy's types and the two subclass axioms are added, as the facts beside a design are, and
    the chains its ``rkg:reportsTo`` and units imply, as for a design's RDF; the instance data is
    otherwise taken as it is, so a malformed example stays malformed.
    """
    kb = kb or knowledge_base()
    d = Graph()
    for t in instance:
        d.add(t)
    add_function_types(d, kb)
    return run_shacl(with_reporting_chain(d))



