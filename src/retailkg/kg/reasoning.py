"""What the ontology entails, materialised by SPARQL updates on pyoxigraph.

A store that does no reasoning must answer the named queries as one that does, so the build
writes the entailed facts into the graph ``…/graph/inferred``. They are the consequences, under
the OWL 2 RL rules (W3C *OWL 2 Web Ontology Language Profiles*, section 4.3), of the families of
axioms in :data:`FAMILIES`: sub-property, equivalent and inverse properties, symmetric and
transitive properties, property chains, domains and ranges, sub-class, equivalent class and union.

Each family is one SPARQL ``INSERT … WHERE`` whose body matches the family's *axioms* in the
asserted graph (``?p rdfs:subPropertyOf ?q``) together with the facts they apply to, so the rules
follow the ontology: a new sub-property or inverse axiom needs no change here. Property chains are
the exception that proves it: a chain's length is only known from its axiom, so each
``owl:propertyChainAxiom`` is read and written out as a sequence of triple patterns (still one
update for the family).

Evaluation is semi-naive, the usual way to run such rules to a fixpoint: in every round each rule
joins at least one of its facts against those derived in the round before (in the first round,
everything asserted) and inserts only what is not known yet; when a round derives nothing the
store has stopped growing and the closure is complete. Re-deriving every fact in every round
would do the same work over and over.

Deliberately not derived:

- ``owl:sameAs`` from functional and inverse-functional properties: in this graph a second value
  of a functional property (a duty of two posts) is a curation error, not two names of one post;
  the data tests check that none occurs, and without one OWL 2 RL derives nothing from them.
- inconsistency (disjoint classes, ``owl:differentFrom``): the HermiT test's job, not a fact.

Any other construct OWL 2 RL draws facts from (``owl:sameAs``, ``owl:hasKey``, intersections,
value and cardinality restrictions, enumerations) is not used by the ontology;
:func:`unsupported_axioms` names it if one appears, so that a test fails before a query silently
misses facts.

What is kept (:data:`KEEP_FILTER`): facts about the graph's own resources (IRIs under
``https://w3id.org/retailkg/`` but not the ontology's terms) in the vocabularies the queries use,
no ``rdf:type`` to the trivial classes, no blank nodes and no literals but labels: the TBox closure
would only make every store slower.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from retailkg.ns import BASE, ORG, PROV, RKG

__all__ = [
    "FAMILIES",
    "KEEP_FILTER",
    "Family",
    "Materialisation",
    "materialise",
    "unsupported_axioms",
]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

# The reasoning store's own graphs (never written out).
_ASSERTED = ox.NamedNode("urn:x-retailkg:reasoning:asserted")
_INFERRED = ox.NamedNode("urn:x-retailkg:reasoning:inferred")
_DELTA = ox.NamedNode("urn:x-retailkg:reasoning:delta")
_NEW = ox.NamedNode("urn:x-retailkg:reasoning:new")


@dataclass(frozen=True)
class Family:
    """One family of axioms and the OWL 2 RL rules that draw facts from it.

    ``axioms`` is a graph pattern matching the family's axioms (evaluated in the asserted graph);
    ``facts`` the triple patterns the rule joins them with, in order; ``head`` what it derives;
    ``filter`` a condition on the result (a literal cannot be a subject).
    """

    name: str
    owl_rl: tuple[str, ...]
    axioms: str
    facts: tuple[str, ...]
    head: str
    filter: str = ""


FAMILIES: tuple[Family, ...] = (
    Family("sub-property", ("prp-spo1",), "?p rdfs:subPropertyOf ?q", ("?x ?p ?y",), "?x ?q ?y"),
    Family("equivalent-property", ("prp-eqp1", "prp-eqp2"),
           "{ ?p owl:equivalentProperty ?q } UNION { ?q owl:equivalentProperty ?p }", ("?x ?p ?y",), "?x ?q ?y"),
    Family("inverse", ("prp-inv1", "prp-inv2"), "{ ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p }",
           ("?x ?p ?y",), "?y ?q ?x", "!isLiteral(?y)"),
    Family("symmetric", ("prp-symp",), "?p a owl:SymmetricProperty", ("?x ?p ?y",), "?y ?p ?x", "!isLiteral(?y)"),
    Family("transitive", ("prp-trp",), "?p a owl:TransitiveProperty", ("?x ?p ?y", "?y ?p ?z"), "?x ?p ?z"),
    # a chain's facts are written out per axiom, its length known only from the axiom: see _update
    Family("property-chain", ("prp-spo2",), "?p owl:propertyChainAxiom ?chain", (), ""),
    Family("domain", ("prp-dom",), "?p rdfs:domain ?c", ("?x ?p ?y",), "?x a ?c"),
    Family("range", ("prp-rng",), "?p rdfs:range ?c", ("?x ?p ?y",), "?y a ?c", "!isLiteral(?y)"),
    Family("sub-class", ("cax-sco",), "?c rdfs:subClassOf ?d", ("?x a ?c",), "?x a ?d"),
    Family("equivalent-class", ("cax-eqc1", "cax-eqc2"),
           "{ ?c owl:equivalentClass ?d } UNION { ?d owl:equivalentClass ?c }", ("?x a ?c",), "?x a ?d"),
    Family("union", ("cls-uni",), "?d owl:unionOf ?list . ?list rdf:rest*/rdf:first ?c", ("?x a ?c",), "?x a ?d"),
)

# OWL 2 RL constructs the rules above do not draw facts from, beyond the two the docstring explains.
_UNSUPPORTED = {
    "owl:sameAs": "?s owl:sameAs ?o",
    "owl:hasKey": "?s owl:hasKey ?o",
    "owl:intersectionOf": "?s owl:intersectionOf ?o",
    "owl:someValuesFrom": "?s owl:someValuesFrom ?o",
    "owl:allValuesFrom": "?s owl:allValuesFrom ?o",
    "owl:hasValue": "?s owl:hasValue ?o",
    "owl:maxCardinality": "?s owl:maxCardinality ?o",
    "owl:maxQualifiedCardinality": "?s owl:maxQualifiedCardinality ?o",
    "owl:oneOf": "?s owl:oneOf ?o",
    "owl:propertyChainAxiom with a member that is not a property IRI":
        "?p owl:propertyChainAxiom ?l . ?l rdf:rest*/rdf:first ?m FILTER (!isIRI(?m))",
}

_KEEP_NS = (str(RKG), str(ORG), str(PROV), "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/")
_KEEP_PREDICATE = " || ".join(["?p = rdfs:label", *(f'STRSTARTS(STR(?p), "{ns}")' for ns in _KEEP_NS)])
_DROP_TYPES = "owl:Thing, owl:NamedIndividual, rdfs:Resource, owl:Class, owl:ObjectProperty"

#: Which derived triples ``?s ?p ?o`` the build keeps (a SPARQL condition).
KEEP_FILTER = (
    f'isIRI(?s) && STRSTARTS(STR(?s), "{BASE}") && !STRSTARTS(STR(?s), "{RKG}") && !isBlank(?o) && !sameTerm(?s, ?o)'
    f" && IF(?p = rdf:type, ?o NOT IN ({_DROP_TYPES}), ({_KEEP_PREDICATE}) && (!isLiteral(?o) || ?p = rdfs:label))"
)


@dataclass(frozen=True)
class Materialisation:
    """What :func:`materialise` did: the families it found axioms of, the rounds until nothing
    new was derived, how many triples it derived (before :data:`KEEP_FILTER`), and the constructs
    it found but draws nothing from (:func:`unsupported_axioms`)."""

    families: tuple[str, ...]
    rounds: int
    derived: int
    unsupported: tuple[str, ...] = ()


def _graph(g: ox.NamedNode) -> str:
    return f"<{g.value}>"


def _ask(store: ox.Store, pattern: str) -> bool:
    res = store.query(f"{_PREFIXES}ASK {{ GRAPH {_graph(_ASSERTED)} {{ {pattern} }} }}")
    assert isinstance(res, ox.QueryBoolean)  # an ASK query
    return bool(res)


def _chains(store: ox.Store) -> list[tuple[str, list[str]]]:
    """Every ``owl:propertyChainAxiom`` as (property, [member, …]) IRIs, in a fixed order."""
    out = []
    rows = store.query(f"{_PREFIXES}SELECT ?p ?l WHERE {{ GRAPH {_graph(_ASSERTED)} {{ ?p owl:propertyChainAxiom ?l }} }}")
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        p, node = row["p"], row["l"]
        members: list[str] = []
        while isinstance(node, ox.NamedNode | ox.BlankNode) and node.value != "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil":
            firsts = list(store.quads_for_pattern(node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#first"), None, _ASSERTED))
            rests = list(store.quads_for_pattern(node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"), None, _ASSERTED))
            if len(firsts) != 1 or len(rests) != 1:
                break
            members.append(str(firsts[0].object))
            node = rests[0].object
        if isinstance(p, ox.NamedNode) and members and all(m.startswith("<") for m in members):
            out.append((str(p), members))
    return sorted(out)


def _delta_variants(facts: Sequence[str], delta: ox.NamedNode | None) -> str:
    """The facts as a group pattern; with ``delta``, the union over each fact matched in ``delta``."""
    if delta is None:
        return " . ".join(facts)
    branches = []
    for i in range(len(facts)):
        parts = [f"GRAPH {_graph(delta)} {{ {f} }}" if j == i else f"{{ {f} }}" for j, f in enumerate(facts)]
        branches.append("{ " + " ".join(parts) + " }")
    return " UNION ".join(branches)


def _update(family: Family, delta: ox.NamedNode | None, chains: Sequence[tuple[str, list[str]]]) -> str:
    if family.name == "property-chain":
        blocks = []
        for prop, members in chains:
            facts = [f"?x{i} {m} ?x{i + 1}" for i, m in enumerate(members)]
            blocks.append(f"{{ {_delta_variants(facts, delta)} BIND ({prop} AS ?p) BIND (?x0 AS ?x) BIND (?x{len(members)} AS ?z) }}")
        body, head, condition = " UNION ".join(blocks), "?x ?p ?z", ""
    else:
        body = f"GRAPH {_graph(_ASSERTED)} {{ {family.axioms} }} {_delta_variants(family.facts, delta)}"
        head, condition = family.head, family.filter
    named = f"USING NAMED {_graph(_ASSERTED)}" + (f" USING NAMED {_graph(delta)}" if delta is not None else "")
    filters = (f"FILTER ({condition}) " if condition else "") + f"FILTER NOT EXISTS {{ {head} }}"
    return (f"{_PREFIXES}INSERT {{ GRAPH {_graph(_NEW)} {{ {head} }} }} USING {_graph(_ASSERTED)} USING {_graph(_INFERRED)} "
            f"{named} WHERE {{ {body} {filters} }}")


def _load(store: ox.Store, triples: Iterable[ox.Triple]) -> None:
    store.extend(ox.Quad(t.subject, t.predicate, t.object, _ASSERTED) for t in triples)


def materialise(triples: Iterable[ox.Triple], *, families: Sequence[str] | None = None) -> tuple[list[ox.Triple], Materialisation]:
    """The kept entailments of ``triples`` (the ontology and the data together), sorted, and how
    they were found. ``families`` limits the rules to some families (the tests drop one to see
    the comparison with owlrl fail)."""
    store = ox.Store()
    _load(store, triples)
    chosen = [f for f in FAMILIES if (families is None or f.name in families) and _ask(store, f.axioms)]
    chains = _chains(store) if any(f.name == "property-chain" for f in chosen) else []
    updates = [[_update(f, delta, chains) for f in chosen] for delta in (None, _DELTA)]
    rounds = 0
    while True:
        for text in updates[min(rounds, 1)]:
            store.update(text)
        rounds += 1
        if not _ask_new(store):
            break
        store.update(f"ADD {_graph(_NEW)} TO {_graph(_INFERRED)} ; MOVE {_graph(_NEW)} TO {_graph(_DELTA)}")
    derived = sum(1 for _ in store.quads_for_pattern(None, None, None, _INFERRED))
    rows = store.query(f"{_PREFIXES}SELECT ?s ?p ?o WHERE {{ GRAPH {_graph(_INFERRED)} {{ ?s ?p ?o }} FILTER ({KEEP_FILTER}) }}")
    assert isinstance(rows, ox.QuerySolutions)
    kept = sorted((ox.Triple(r["s"], r["p"], r["o"]) for r in rows), key=str)
    return kept, Materialisation(tuple(f.name for f in chosen), rounds, derived, _unsupported(store))


def _ask_new(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, _NEW)), None) is not None


def unsupported_axioms(triples: Iterable[ox.Triple]) -> list[str]:
    """The OWL 2 RL constructs in ``triples`` that :func:`materialise` draws no facts from and the
    module's docstring does not explain: each would mean facts a query expects and the build
    does not write."""
    store = ox.Store()
    _load(store, triples)
    return list(_unsupported(store))


def _unsupported(store: ox.Store) -> tuple[str, ...]:
    return tuple(name for name, pattern in _UNSUPPORTED.items() if _ask(store, pattern))
