"""Published IRIs are never renamed or removed: every subject IRI of release 0.1.0 is still described,
and one that has to go is deprecated (owl:deprecated true) and names its replacement
(dcterms:isReplacedBy), which is itself current."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from retailkg.resources import ontology_file

RELEASED = Path(__file__).parent / "released" / "iris-0.1.0.txt"


@pytest.fixture(scope="module")
def published(union: Graph) -> Graph:
    """The knowledge graph plus the vocabulary of validation reports (published, not part of the graph)."""
    graph = Graph()
    for triple in union:
        graph.add(triple)
    graph.parse(ontology_file().parent / "validation.ttl")
    return graph


def released_iris() -> list[URIRef]:
    lines = RELEASED.read_text(encoding="utf-8").splitlines()
    return [URIRef(line) for line in lines if line and not line.startswith("#")]


def test_the_release_list_is_not_empty() -> None:
    iris = released_iris()
    assert len(iris) > 900
    assert URIRef("https://w3id.org/retailkg/function/user-growth") in iris


def test_every_released_iri_is_still_described(published: Graph) -> None:
    missing = [str(i) for i in released_iris() if (i, None, None) not in published]
    assert not missing, f"released IRIs no longer described (deprecate, never remove): {missing[:10]}"


def test_a_deprecated_iri_names_a_current_replacement(published: Graph) -> None:
    for iri in released_iris():
        if (iri, OWL.deprecated, Literal(True)) in published:
            replacements = list(published.objects(iri, DCTERMS.isReplacedBy))
            assert replacements, f"{iri} is deprecated without dcterms:isReplacedBy"
            for r in replacements:
                assert (r, OWL.deprecated, Literal(True)) not in published, f"{iri} is replaced by deprecated {r}"
