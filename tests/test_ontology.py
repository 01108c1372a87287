"""The ontology: OWL 2 DL, documented in zh and en, aligned with ORG/SKOS/DCTerms/PROV, consistent."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from retailkg.ns import BASE, ONTOLOGY_IRI, ORG, PROV, RKG
from retailkg.resources import ontology_file

ONTO = Graph().parse(ontology_file())
OWN_CLASSES = sorted(s for s in ONTO.subjects(RDF.type, OWL.Class) if str(s).startswith(str(RKG)))
OWN_PROPERTIES = sorted(
    s for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty) for s in ONTO.subjects(RDF.type, t)
    if str(s).startswith(str(RKG))
)


def _langs(s: URIRef, p: URIRef) -> set[str]:
    return {o.language for o in ONTO.objects(s, p) if getattr(o, "language", None)}


def test_core_classes_exist() -> None:
    for name in ("Post", "Duty", "Competency", "Metric", "Department", "Function", "SourceDocument", "Clause",
                 "Organisation", "BusinessProcess", "CompetencyLevel", "CompetencyModule"):
        assert RKG[name] in OWN_CLASSES, name


@pytest.mark.parametrize("term", OWN_CLASSES + OWN_PROPERTIES, ids=lambda t: t.split("#")[1])
def test_every_term_is_labelled_and_defined_in_zh_and_en(term: URIRef) -> None:
    assert _langs(term, RDFS.label) == {"zh", "en"}
    assert _langs(term, SKOS.definition) == {"zh", "en"}


@pytest.mark.parametrize("prop", OWN_PROPERTIES, ids=lambda t: t.split("#")[1])
def test_every_property_has_domain_and_range(prop: URIRef) -> None:
    assert (prop, RDFS.domain, None) in ONTO
    assert (prop, RDFS.range, None) in ONTO


@pytest.mark.parametrize(("sub", "sup", "rel"), [
    (RKG.Post, ORG.Post, RDFS.subClassOf),
    (RKG.Department, ORG.OrganizationalUnit, RDFS.subClassOf),
    (RKG.Organisation, ORG.FormalOrganization, RDFS.subClassOf),
    (RKG.Function, SKOS.Concept, RDFS.subClassOf),
    (RKG.reportsTo, ORG.reportsTo, RDFS.subPropertyOf),
    (RKG.reportsTo, RKG.reportingChain, RDFS.subPropertyOf),
    (RKG.inDepartment, ORG.postIn, RDFS.subPropertyOf),
    (RKG.sourceClause, PROV.wasDerivedFrom, RDFS.subPropertyOf),
    (RKG.sourceDocument, DCTERMS.source, RDFS.subPropertyOf),
])
def test_reuses_standard_vocabularies(sub: URIRef, sup: URIRef, rel: URIRef) -> None:
    assert (sub, rel, sup) in ONTO


def test_reporting_chain_is_transitive() -> None:
    assert (RKG.reportingChain, RDF.type, OWL.TransitiveProperty) in ONTO


def test_core_classes_are_pairwise_disjoint() -> None:
    members: set[URIRef] = set()
    for ax in ONTO.subjects(RDF.type, OWL.AllDisjointClasses):
        lst = ONTO.value(ax, OWL.members)
        members |= set(ONTO.items(lst))
    for name in ("Post", "WorkStatement", "Competency", "Metric", "Department", "Function"):
        assert RKG[name] in members, name


def test_ontology_header() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTO
    assert ONTO.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert ONTO.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    assert _langs(ONTOLOGY_IRI, DCTERMS.title) == {"zh", "en"}


def test_language_tags_are_lowercase(union: Graph) -> None:
    bad = {o.language for o in union.objects() if getattr(o, "language", None) and o.language != o.language.lower()}
    assert not bad


def test_no_undeclared_term_of_our_namespace(union: Graph) -> None:
    """Every IRI under our base that is used must be declared (typed) somewhere: catches typos."""
    declared = set(union.subjects(RDF.type, None)) | set(union.objects(None, OWL.versionIRI))
    undeclared = set()
    for s, p, o in union:
        for t in (s, p, o):
            if isinstance(t, URIRef) and str(t).startswith(BASE) and t not in declared:
                undeclared.add(t)
    # named-graph IRIs are not resources of the graph
    undeclared = {t for t in undeclared if "/graph/" not in str(t)}
    assert not undeclared, sorted(undeclared)[:20]


def test_undeclared_term_check_can_fail() -> None:
    g = Graph().parse(data=f"<{BASE}x/post/1> <{RKG}inDepartmnt> <{BASE}x/dept/1> .", format="turtle")
    declared = set(g.subjects(RDF.type, None))
    assert any(str(t).startswith(BASE) and t not in declared for trip in g for t in trip)


@pytest.mark.slow
def test_ontology_and_all_data_are_consistent_under_hermit(union: Graph) -> None:
    """HermiT (through owlready2) finds the ontology with every document consistent."""
    owlready2 = pytest.importorskip("owlready2")
    if shutil.which("java") is None:
        pytest.skip("HermiT needs a Java runtime")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "all.nt"
        union.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        assert list(world.inconsistent_classes()) == []


@pytest.mark.slow
def test_hermit_detects_an_inconsistency() -> None:
    """The consistency test can fail: a post that is also a duty violates the disjointness axiom."""
    owlready2 = pytest.importorskip("owlready2")
    if shutil.which("java") is None:
        pytest.skip("HermiT needs a Java runtime")
    g = Graph().parse(ontology_file())
    x = URIRef(BASE + "test/post/1")
    g.add((x, RDF.type, RKG.Post))
    g.add((x, RDF.type, RKG.Duty))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bad.nt"
        g.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        with onto, pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


def test_ontology_turtle_uses_no_uppercase_language_tag() -> None:
    text = ontology_file().read_text(encoding="utf-8")
    assert not re.search(r'"@(?:[A-Z]|[a-z]+-[A-Z])', text)
