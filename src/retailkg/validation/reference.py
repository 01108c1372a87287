"""The reference engine: pySHACL over a small assembled data graph.

The product never runs it (the rules are compiled to whole-graph SPARQL, :mod:`retailkg.validation.compile`);
the equality tests and the benchmark's baseline do, to prove the compiled rules find exactly what
SHACL says. :func:`assemble` copies only what the shapes read, because pySHACL walks every focus
node of every shape; :func:`run_shacl` runs pySHACL on it; :func:`validate_instance_graph` does
both for a small hand-written graph (the shape examples of tests/test_shapes.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from retailkg.kg.catalog import Document
from retailkg.kg.knowledge import KnowledgeBase, knowledge_base
from retailkg.ns import PREFIXES, RKG
from retailkg.validation.facts import add_baseline_coverage, add_function_types, subjects_of
from retailkg.validation.shapes import load_shapes

__all__ = ["Assembly", "PreparedQueryGraph", "assemble", "run_shacl", "validate_instance_graph"]

_STRUCTURE_PREDICATES = (RKG.inDepartment, RKG.reportsTo, RKG.headcount, RKG.accountableFor)
_DUTY_PREDICATES = (RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction)
# ---------------------------------------------------------------------------------------------
# The data graph
# ---------------------------------------------------------------------------------------------


@dataclass
class Assembly:
    """The data graph and, for every node in it that belongs to an organisation, that organisation."""

    graph: Graph
    owner: dict[URIRef, URIRef]
    organisations: list[URIRef]
    baselines: dict[URIRef, Document]


def assemble(context: Graph, kb: KnowledgeBase, organisations: Iterable[URIRef],
             baselines: dict[URIRef, Document] | None = None, extra: frozenset[str] | None = frozenset()) -> Assembly:
    """Copy from ``context`` what the shapes read about ``organisations`` (see module docstring).

    ``extra``: the predicates a user's rules read (ruleset.read_predicates), copied too for every
    node of the organisations; None copies every statement about them (a rule reads any predicate).
    """
    baselines = baselines or {}
    d = Graph()
    for prefix, ns in PREFIXES.items():
        d.bind(prefix, ns)
    add_function_types(d, kb)
    owner: dict[URIRef, URIRef] = {}
    orgs = list(organisations)
    for org in orgs:
        owner[org] = org
        for t in context.objects(org, RDF.type):
            if t in (RKG.Organisation, RKG.ReferenceOrganisation):
                d.add((org, RDF.type, t))
        for pred in (RKG.excludesFunction, RKG.scopeFunction):
            for f in context.objects(org, pred):
                d.add((org, pred, f))
        std = baselines.get(org)
        if std is not None:
            d.add((org, RKG.baseline, std.iri))
            add_baseline_coverage(d, kb, std)
        units = set(subjects_of(context, RKG.unitOf, org))
        for u in sorted(units):
            owner[u] = org
            d.add((u, RDF.type, RKG.Department))
            d.add((u, RKG.unitOf, org))
            for o in context.objects(u, RKG.subUnitOf):
                d.add((u, RKG.subUnitOf, o))
            for o in context.objects(u, RKG.unitKind):  # "department" is the default: only the
                if str(o) in ("store", "region"):        # replicating kinds matter, and without the
                    d.add((u, RKG.unitKind, o))           # others the replica test stays cheap
        posts = set(subjects_of(context, RKG.inOrganisation, org))
        posts = {p for p in posts if (p, RDF.type, RKG.Post) in context}
        posts |= {p for u in units for p in subjects_of(context, RKG.inDepartment, u) if (p, RDF.type, RKG.Post) in context}
        statements: list[URIRef] = []
        for p in sorted(posts):
            owner[p] = org
            d.add((p, RDF.type, RKG.Post))
            d.add((p, RKG.inOrganisation, org))
            for lbl in context.objects(p, RDFS.label):
                d.add((p, RDFS.label, lbl))
            for pred in _STRUCTURE_PREDICATES:
                for o in context.objects(p, pred):
                    d.add((p, pred, o))
            for duty in subjects_of(context, RKG.dutyOf, p):
                if (duty, RDF.type, RKG.Duty) not in context:
                    continue
                owner[duty] = org
                statements.append(duty)
                d.add((duty, RDF.type, RKG.Duty))
                for lbl in context.objects(duty, RDFS.label):
                    d.add((duty, RDFS.label, lbl))
                for pred in _DUTY_PREDICATES:
                    for o in context.objects(duty, pred):
                        d.add((duty, pred, o))
            for m in context.objects(p, RKG.accountableFor):
                if isinstance(m, URIRef):
                    owner.setdefault(m, org)
                    d.add((m, RDF.type, RKG.Metric))
        # metrics the organisation's own statements name: a metric nobody answers for is a finding
        statements += [s for u in units for s in context.objects(u, RKG.hasUnitFunction) if isinstance(s, URIRef)]
        statements += subjects_of(context, RKG.routineOf, org)
        for stage in subjects_of(context, RKG.stageOf, org):
            statements += [s for s in context.objects(stage, RKG.hasTask) if isinstance(s, URIRef)]
        for u in units:  # how a statement belongs to the organisation (the metric rule asks)
            for s in context.objects(u, RKG.hasUnitFunction):
                d.add((u, RKG.hasUnitFunction, s))
        for s in subjects_of(context, RKG.routineOf, org):
            d.add((s, RKG.routineOf, org))
        for stage in subjects_of(context, RKG.stageOf, org):
            d.add((stage, RKG.stageOf, org))
            for s in context.objects(stage, RKG.hasTask):
                d.add((stage, RKG.hasTask, s))
        for s in statements:
            owner.setdefault(s, org)
            for m in context.objects(s, RKG.concernsMetric):
                if isinstance(m, URIRef):
                    owner.setdefault(m, org)
                    d.add((m, RDF.type, RKG.Metric))
                    d.add((s, RKG.concernsMetric, m))
    if extra is None or extra:
        for owned in list(owner):
            for prop, obj in context.predicate_objects(owned):
                if extra is None or str(prop) in extra:
                    d.add((owned, prop, obj))
    return Assembly(d, owner, orgs, baselines)


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

    The taxonomy's types and the two subclass axioms are added, like :func:`assemble` does; the
    instance data is taken as it is, so a malformed example stays malformed.
    """
    kb = kb or knowledge_base()
    d = Graph()
    for t in instance:
        d.add(t)
    add_function_types(d, kb)
    return run_shacl(d)



