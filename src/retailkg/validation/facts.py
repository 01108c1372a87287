"""What the rules read from the knowledge base besides the design: function types, two subclass
axioms and a baseline's coverage.

The rules run on a store holding the design, not the whole knowledge graph; these few facts are
all they need from it, so they are written once per knowledge base and baseline (:func:`kb_facts`)
and loaded beside each design.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from retailkg.kg.catalog import Document, document
from retailkg.kg.knowledge import KnowledgeBase
from retailkg.ns import ORG, RKG

SUBCLASS_AXIOMS = ((RKG.ReferenceOrganisation, RKG.Organisation), (RKG.TeamFunction, RKG.Function))
"""The ontology's subclass axioms the facts carry: a reference organisation is an organisation
(the rules target organisations), a team function is a function."""


def chain_pairs(reports_to: Iterable[tuple[URIRef, URIRef]]) -> Iterator[tuple[URIRef, URIRef]]:
    """``rkg:reportingChain`` of data that states only ``rkg:reportsTo`` (the bundled documents, a
    design's RDF from elsewhere): every (post, superior) of ``rkg:reportsTo+``, a post with itself
    only in a cycle. The rules read the chain as triples; no engine then needs a transitive path
    inside ``EXISTS`` (Virtuoso 7.2 compiles none, issue 16)."""
    above: dict[URIRef, set[URIRef]] = {}
    for post, superior in reports_to:
        above.setdefault(post, set()).add(superior)
    for post in sorted(above):
        seen: set[URIRef] = set()
        todo = sorted(above[post])
        while todo:
            s = todo.pop()
            if s not in seen:
                seen.add(s)
                todo.extend(above.get(s, ()))
        for s in sorted(seen):
            yield post, s


def with_reporting_chain(g: Graph) -> Graph:
    """``g`` with the chains its ``rkg:reportsTo`` and unit statements imply (:func:`chain_pairs`):
    ``rkg:reportingChain`` of posts and ``org:transitiveSubOrganizationOf`` of units (the closure of
    ``rkg:subUnitOf`` and ``rkg:unitOf``), as resolution writes them for a design."""
    for p, edges in ((RKG.reportingChain, (RKG.reportsTo,)), (ORG.transitiveSubOrganizationOf, (RKG.subUnitOf, RKG.unitOf))):
        pairs = [(s, o) for e in edges for s, o in g.subject_objects(e) if isinstance(s, URIRef) and isinstance(o, URIRef)]
        for node, above in chain_pairs(pairs):
            g.add((node, p, above))
    return g


def subjects_of(g: Graph, p: URIRef, o: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(p, o) if isinstance(s, URIRef))


def add_function_types(d: Graph, kb: KnowledgeBase) -> None:
    """The few ontology facts the shapes rely on: function types, the subclass links they test, and each
    function's area (``skos:broader``: a design's scope, when it declares none, is the areas its posts lead in)."""
    for sub, sup in SUBCLASS_AXIOMS:
        d.add((sub, RDFS.subClassOf, sup))
    for f, info in kb.functions.items():
        d.add((f, RDF.type, RKG.Function))
        if info.team:
            d.add((f, RDF.type, RKG.TeamFunction))
        area = kb.area_of.get(f)
        if area is not None:
            d.add((f, SKOS.broader, area))


def add_baseline_coverage(d: Graph, kb: KnowledgeBase, std: Document) -> None:
    """What a baseline covers, as the gap rule reads it: each of its duties' document and the
    functions it leads (untyped, so that no shape targets the standard's duties)."""
    d.add((std.iri, RDF.type, RKG.Standard))
    for duty in kb.duties.values():
        if duty.document == std:
            for f in duty.lead:
                d.add((duty.iri, RKG.sourceDocument, std.iri))
                d.add((duty.iri, RKG.addressesFunction, f))

@cache
def kb_facts(kb: KnowledgeBase, baseline_id: str | None) -> bytes:
    """N-Triples of what the rules read from the knowledge base (not the design): function types,
    the two subclass axioms and, for a baseline, the functions its duties lead; once per knowledge
    base and baseline."""
    d = Graph()
    add_function_types(d, kb)
    if baseline_id is not None:
        add_baseline_coverage(d, kb, document(baseline_id))
    text = d.serialize(format="nt")
    return text.encode("utf-8") if isinstance(text, str) else text

