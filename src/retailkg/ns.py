"""Namespaces and IRIs of retailkg, in one place so that no module spells them twice."""

from __future__ import annotations

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/retailkg/"
RKG = Namespace(BASE + "ontology#")
FN = Namespace(BASE + "function/")
RKGV = Namespace(BASE + "validation#")  # the validation report vocabulary, ontology/validation.ttl
GRAPH = Namespace(BASE + "graph/")
ONTOLOGY_IRI = URIRef(BASE + "ontology")
FUNCTION_SCHEME = URIRef(BASE + "functions")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = Namespace(BASE + "shapes#")  # the shapes, shapes/*.ttl

PREFIXES: dict[str, str] = {
    "rkg": str(RKG),
    "rkgv": str(RKGV),
    "fn": str(FN),
    "rkgg": str(GRAPH),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a source document, e.g. ``https://w3id.org/retailkg/ccagm-003-2021``."""
    return URIRef(BASE + doc_id)


def graph_iri(name: str) -> URIRef:
    """The named graph a source file is loaded into: one per data file, plus ``ontology``."""
    return GRAPH[name]
