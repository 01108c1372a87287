"""The build's materialisation (SPARQL rules on pyoxigraph, retailkg.kg.reasoning) derives exactly
what owlrl's OWL 2 RL closure derived before it, among the facts the build keeps; owlrl is the
oracle (a test dependency only).

The oracle is the build of release 0.1.0 verbatim: owlrl's closure of the union of the sources,
without axiomatic and datatype triples, then the filter that build applied (``_keep`` below,
copied from it): facts about our own resources, in the vocabularies the queries use, no trivial
types, no blank nodes, no literals but labels. The same comparison runs on a small ontology that
uses every family of axioms, including those the bundled ontology does not use (equivalent
classes and properties, symmetric properties, a three-step chain, a named union).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from retailkg.kg.build import load_sources
from retailkg.kg.catalog import INFERRED_GRAPH
from retailkg.kg.reasoning import FAMILIES, materialise, unsupported_axioms
from retailkg.ns import BASE, ORG, PROV, RKG
from retailkg.rdf.io import dataset_union
from retailkg.rdf.terms import oxigraph_triple, rdflib_triple

owlrl = pytest.importorskip("owlrl")

Triple = tuple[object, object, object]

# --- the oracle: release 0.1.0's build (owlrl, then its filter) -----------------------------------

_KEEP_PREDICATE_NS = (str(RKG), str(ORG), str(PROV), str(SKOS), "http://purl.org/dc/terms/")
_KEEP_PREDICATES = {RDF.type, RDFS.label}
_DROP_TYPES = {OWL.Thing, OWL.NamedIndividual, RDFS.Resource, OWL.Class, OWL.ObjectProperty}


def _keep(s: object, p: object, o: object) -> bool:
    if isinstance(s, BNode) or isinstance(o, BNode):
        return False
    if not (isinstance(s, URIRef) and str(s).startswith(BASE)) or str(s).startswith(str(RKG)):
        return False
    if s == o:
        return False
    if p == RDF.type:
        return o not in _DROP_TYPES
    if isinstance(o, Literal) and p != RDFS.label:
        return False
    return p in _KEEP_PREDICATES or str(p).startswith(_KEEP_PREDICATE_NS)


def owlrl_inferred(graph: Graph) -> set[Triple]:
    g = Graph()
    for t in graph:
        g.add(t)
    asserted = set(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(g)
    return {t for t in g if t not in asserted and _keep(*t)}


def sparql_inferred(graph: Graph, families: list[str] | None = None) -> set[Triple]:
    kept, _ = materialise([oxigraph_triple(*t) for t in graph], families=families)
    return {rdflib_triple(t) for t in kept}


# --- the bundled ontology and data -------------------------------------------------------------


@pytest.fixture(scope="module")
def sources() -> Graph:
    return dataset_union(load_sources())


@pytest.fixture(scope="module")
def oracle(sources: Graph) -> set[Triple]:
    return owlrl_inferred(sources)


def test_the_build_infers_what_owlrl_inferred(dataset: Dataset, oracle: set[Triple]) -> None:
    built = set(dataset.graph(INFERRED_GRAPH))
    assert len(oracle) > 5000
    assert built - oracle == set(), "derived, but not by owlrl"
    assert oracle - built == set(), "derived by owlrl, missing from the build"


# Families whose facts the bundled data happens not to need: a union's members get the union's
# blank node as a type (not kept); every statement with a rkg:sourceClause also states the
# rkg:sourceDocument the chain derives; every object of a property with a range is typed already
# (asserted, or by a domain or a super-class). The small ontology below shows they are needed.
_REDUNDANT_ON_BUNDLED = {"union", "property-chain", "range"}


def _families_used() -> list[str]:
    used = materialise(oxigraph_triple(*t) for t in dataset_union(load_sources()))[1].families
    return [f for f in used if f not in _REDUNDANT_ON_BUNDLED]


@pytest.mark.parametrize("dropped", _families_used())
def test_without_any_one_family_the_comparison_fails(sources: Graph, oracle: set[Triple], dropped: str) -> None:
    """The comparison can fail: leaving out the rules of one family of axioms the ontology uses
    loses facts owlrl derives."""
    rest = [f.name for f in FAMILIES if f.name != dropped]
    assert oracle - sparql_inferred(sources, rest)


def test_the_bundled_ontology_uses_nothing_the_rules_ignore(sources: Graph) -> None:
    assert unsupported_axioms(oxigraph_triple(*t) for t in sources) == []


def test_an_unsupported_construct_is_named() -> None:
    g = Graph().parse(data=f"""
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{RKG}Manager> owl:equivalentClass [ owl:onProperty <{RKG}supervises> ; owl:someValuesFrom <{RKG}Post> ] .
        <{RKG}x> owl:sameAs <{RKG}y> .""", format="turtle")
    assert unsupported_axioms(oxigraph_triple(*t) for t in g) == ["owl:sameAs", "owl:someValuesFrom"]


_CLASH = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?p ?a ?b WHERE {
  { ?p a owl:FunctionalProperty . ?x ?p ?a , ?b } UNION { ?p a owl:InverseFunctionalProperty . ?a ?p ?x . ?b ?p ?x }
  FILTER (!sameTerm(?a, ?b))
} LIMIT 5"""


def _clashes(graph: Graph) -> list[tuple[str, str, str]]:
    store = ox.Store()
    for t in graph:
        ot = oxigraph_triple(*t)
        store.add(ox.Quad(ot.subject, ot.predicate, ot.object))
    rows = store.query(_CLASH)
    assert isinstance(rows, ox.QuerySolutions)
    return [(str(r["p"]), str(r["a"]), str(r["b"])) for r in rows]


def test_no_functional_property_has_two_values_in_the_bundled_data(sources: Graph) -> None:
    """OWL 2 RL would equate the two values (or, inverse-functional, the two subjects): the build
    does not derive owl:sameAs, which is only right while no functional property has two values."""
    assert _clashes(sources) == []
    # the check can fail: a duty of two posts
    bad = Graph()
    for t in sources:
        bad.add(t)
    duty = URIRef(BASE + "ccagm-003-2021/duty/4.1.1-a")
    assert (duty, RKG.dutyOf, None) in bad
    bad.add((duty, RKG.dutyOf, URIRef(BASE + "ccagm-003-2021/post/9.9")))
    assert _clashes(bad)


# --- every family, on a small ontology ---------------------------------------------------------

EVERY_FAMILY = f"""
@prefix rkg: <{RKG}> .
@prefix ex: <{BASE}test/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

rkg:tSub rdfs:subPropertyOf rkg:tSuper .
rkg:tSuper rdfs:domain ex:Domain2 .
rkg:tEq owl:equivalentProperty rkg:tEq2 .
rkg:tInv owl:inverseOf rkg:tInv2 .
rkg:tSym a owl:SymmetricProperty .
rkg:tTrans a owl:TransitiveProperty .
rkg:tChain owl:propertyChainAxiom ( rkg:tC1 rkg:tC2 rkg:tC3 ) .
rkg:tDom rdfs:domain ex:Domain .
rkg:tRng rdfs:range ex:Range .
ex:A rdfs:subClassOf ex:B .
ex:B rdfs:subClassOf ex:C .
ex:E owl:equivalentClass ex:F .
ex:U owl:unionOf ( ex:U1 ex:U2 ) .
ex:U rdfs:subClassOf ex:V .

ex:a rkg:tSub ex:b ; rkg:tEq2 ex:c ; rkg:tInv2 ex:d ; rkg:tSym ex:e ; rkg:tDom "a literal" ; rkg:tRng ex:r , "no type" .
ex:t1 rkg:tTrans ex:t2 . ex:t2 rkg:tTrans ex:t3 . ex:t3 rkg:tTrans ex:t4 . ex:t4 rkg:tTrans ex:t5 .
ex:c0 rkg:tC1 ex:c1 . ex:c1 rkg:tC2 ex:c2 . ex:c2 rkg:tC3 ex:c3 .
ex:i a ex:A . ex:j a ex:F . ex:k a ex:U2 .
"""


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(data=EVERY_FAMILY, format="turtle")


@pytest.fixture(scope="module")
def small_oracle(small: Graph) -> set[Triple]:
    return owlrl_inferred(small)


def test_every_family_agrees_with_owlrl_on_a_small_ontology(small: Graph, small_oracle: set[Triple]) -> None:
    got = sparql_inferred(small)
    assert got == small_oracle
    t = URIRef(BASE + "test/t1"), RKG.tTrans, URIRef(BASE + "test/t5")
    assert t in got, "the transitive closure needs several rounds"
    assert (URIRef(BASE + "test/k"), RDF.type, URIRef(BASE + "test/V")) in got, "through a named union"


@pytest.mark.parametrize("dropped", [f.name for f in FAMILIES])
def test_each_family_is_needed_on_the_small_ontology(small: Graph, small_oracle: set[Triple], dropped: str) -> None:
    rest = [f.name for f in FAMILIES if f.name != dropped]
    assert small_oracle - sparql_inferred(small, rest)
