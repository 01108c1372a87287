"""Loading a design into the store the rules run on, leaving out what no rule reads.

A chain's design is a million statements; the matcher's provenance and the statements only the
naming of findings reads (kept aside in :class:`~retailkg.validation.lookup.Aside`) would otherwise
lengthen every rule's index walks (docs/validation.md, "Performance"). What is left out is decided
from what the run's shapes read (:mod:`retailkg.validation.reads`), never from a list kept here: a
rule that reads a clause reference or the matcher's score finds them in the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF, RDFS

from retailkg.errors import InputError
from retailkg.ns import ORG, RKG
from retailkg.rdf.io import located_syntax_error, split_statements
from retailkg.validation.lookup import Aside
from retailkg.validation.reads import Needs

if TYPE_CHECKING:
    from retailkg.design.resolve import NTriples


def load_ntriples(store: ox.Store, data: bytes | str, graph: str) -> None:
    """Load N-Triples retailkg wrote itself (lenient: its IRIs are known good, and not checking them is faster)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    store.load(raw, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph), lenient=True)


RDF_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
               ".trig": ox.RdfFormat.TRIG}

SAMPLE_SLICES, SAMPLE_BYTES = 8, 32 << 10
"""Where :func:`plan_split` looks at the data: this many slices of this many bytes, spread over it."""

FREQUENT = 1000
"""A kind of statement is worth a scan of the data when at least one sampled line in this many is one."""

_SUBCLASS_LINE = f" <{RDFS.subClassOf}> ".encode()


@dataclass(frozen=True)
class Split:
    """What :func:`load_lines` leaves out of the rules' store, as line prefixes for
    :func:`retailkg.rdf.io.split_statements`: statements nobody reads (``drop``) and statements
    only naming reads, or that a rule reads only where a join holds (``aside``: kept beside the
    store, :class:`~retailkg.validation.lookup.Aside`). ``aside_predicates``: the predicates set
    aside; ``joined``: those of them a rule reads where their object is an object of one of the
    given predicates (moved back by :meth:`Aside.settle` once the store is loaded)."""

    drop: tuple[bytes, ...] = ()
    aside: tuple[bytes, ...] = ()
    aside_predicates: tuple[str, ...] = ()
    joined: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1] if cut > 0 else iri


def _sample(data: bytes, fmt: ox.RdfFormat) -> list[ox.Quad] | None:
    """The statements of a few whole-line slices spread over ``data`` (all of it when small); None
    when a slice does not parse (nothing is then left out, so the load names the broken line)."""
    if len(data) <= SAMPLE_SLICES * SAMPLE_BYTES:
        pieces = [data]
    else:
        pieces = []
        for i in range(SAMPLE_SLICES):
            start = i * (len(data) - SAMPLE_BYTES) // (SAMPLE_SLICES - 1)
            start = data.find(b"\n", start - 1) + 1 if start else 0
            end = data.find(b"\n", start + SAMPLE_BYTES) + 1 or len(data)
            pieces.append(data[start:end])
    out: list[ox.Quad] = []
    for piece in pieces:
        try:
            out.extend(ox.parse(piece, format=fmt, lenient=True))
        except SyntaxError:
            return None
    return out


STORE, ASIDE, DROP = "store", "aside", "drop"
"""Where a statement goes: the rules' store, beside it (:class:`~retailkg.validation.lookup.Aside`), or nowhere."""


class Router:
    """Where each kind of statement goes (:data:`STORE`, :data:`ASIDE` or :data:`DROP`), decided from
    what the run reads (``needs``): the one decision behind :func:`plan_split`, which samples a file
    for its kinds, and behind a resolved design's streams (:func:`load_resolved`), whose writer knows
    the kind of every line it writes and routes it as it writes it."""

    def __init__(self, needs: Needs, subclass_pairs: Iterable[tuple[str, str]] = ()) -> None:
        from retailkg.validation.reads import subclasses

        self.needs = needs
        self.every, self.store, self.lookups = needs.any, needs.store, needs.lookups
        self.below = subclasses(subclass_pairs)
        self.read_classes = set(self.every.classes) | {sub for c in self.every.classes for sub in self.below.get(c, ())}
        self.read_iris = self.every.iris() | self.read_classes
        self.aside_predicates: set[str] = set()  # those routed aside so far (:meth:`split`)

    @property
    def keeps_all(self) -> bool:
        """Some rule may read any predicate: everything stays in the store."""
        return self.every.any_predicate

    def route(self, p: str, cls: str = "", iri_subject: bool = True, iri_object: bool = True,
              types_fixed: Callable[[], bool] | None = None) -> str:
        """Where a statement of predicate ``p`` goes (``cls``: the class of an ``rdf:type``
        statement; ``types_fixed``: whether the data's own subclass axioms could make any type read,
        asked only when it matters)."""
        every, store, lookups = self.every, self.store, self.lookups
        if every.any_predicate:
            return STORE
        if p == _RDF_TYPE:
            if not cls or every.reads_class(cls, self.below) or every.any_class:
                return STORE
            return STORE if types_fixed is not None and types_fixed() else DROP
        if not every.reads(p):
            return DROP
        if not store.reads_all(p) and iri_subject and (store.reads(p) or lookups.reads(p)):
            if store.reads(p) and not iri_object:  # read by a rule where a join holds: only IRI objects are settled
                return STORE
            self.aside_predicates.add(p)
            return ASIDE
        return STORE

    def split(self) -> Split:
        """The :class:`Split` of what was routed aside so far (its predicates and joins, for :meth:`Aside.add`)."""
        predicates = tuple(sorted(self.aside_predicates))
        store = self.store
        return Split((), (), predicates, {p: q for p, q in store.joined.items() if p in predicates and not store.reads_all(p)})


_RDF_TYPE = str(RDF.type)


def plan_split(data: bytes, fmt: ox.RdfFormat, needs: Needs, subclass_pairs: Iterable[tuple[str, str]] = ()) -> Split:
    """What of ``data`` the rules' store can do without, decided from what the run reads (``needs``,
    derived from the shapes and the report's queries: :func:`retailkg.validation.naming.needs_of`).

    The kinds of statement (a predicate, or ``rdf:type`` with a class) are those of a sample of the
    data frequent enough to pay for a scan of it (:data:`FREQUENT`); a kind not sampled stays in the
    store. A predicate nobody reads is dropped (the whole namespace at once when nothing read is in
    it: one scan); one only naming reads is set aside; one a rule reads only where its object joins
    another predicate's (the baseline-gap rule reads the source document of the baseline's duties)
    is set aside and :meth:`Aside.settle` moves back what the join keeps. A type is dropped when
    neither its class nor a class above it (``subclass_pairs``, and the data's own axioms, in whose
    presence no type is dropped) is read (:class:`Router`).
    """
    router = Router(needs, subclass_pairs)
    if router.keeps_all:
        return Split()
    kinds: Counter[tuple[str, str, bool, bool]] = Counter()  # predicate, class, IRI subject, IRI object
    sample = _sample(data, fmt)
    if sample is None:
        return Split()
    for q in sample:
        p, o = q.predicate.value, q.object
        kinds[(p, o.value if p == _RDF_TYPE and isinstance(o, ox.NamedNode) else "",
               isinstance(q.subject, ox.NamedNode), isinstance(o, ox.NamedNode))] += 1
    threshold = max(1, sum(kinds.values()) // FREQUENT)
    fixed: list[bool] = []

    def types_fixed() -> bool:  # a scan of the data, once: its own subclass axioms could make any type read
        if not fixed:
            fixed.append(_SUBCLASS_LINE in data)
        return fixed[0]

    drop: Counter[bytes] = Counter()
    aside: Counter[bytes] = Counter()
    for (p, cls, iri_subject, iri_object), n in kinds.items():
        where = router.route(p, cls, iri_subject, iri_object, types_fixed)
        if where == DROP and p == _RDF_TYPE:
            ns = _namespace(cls)
            whole = not any(c.startswith(ns) for c in router.read_classes)
            drop[f"<{_RDF_TYPE}> <{ns if whole else cls + '>'}".encode()] += n
        elif where == DROP:
            ns = _namespace(p)
            whole = not any(i.startswith(ns) for i in router.read_iris)
            drop[f"<{ns}".encode() if whole else f"<{p}>".encode()] += n
        elif where == ASIDE:
            aside[f"<{p}> <".encode() if router.store.reads(p) else f"<{p}>".encode()] += n
    kept_aside = tuple(sorted(k for k, n in aside.items() if n >= threshold))
    predicates = tuple(sorted({k.decode("utf-8")[1:].split(">", 1)[0] for k in kept_aside}))
    store = router.store
    return Split(tuple(sorted(k for k, n in drop.items() if n >= threshold)), kept_aside, predicates,
                 {p: q for p, q in store.joined.items() if p in predicates and not store.reads_all(p)})


def bundled_needs() -> Needs:
    """What a run with the bundled rules reads (the default of the loaders below)."""
    from retailkg.validation.naming import needs_of
    from retailkg.validation.ruleset import bundled_rule_set

    return needs_of(bundled_rule_set())


CHUNK_BYTES = 32 << 20
"""Bytes of N-Triples handed to Oxigraph at a time, so the next piece is filtered meanwhile."""


def load_lines(store: ox.Store, data: bytes, fmt: ox.RdfFormat, meanwhile: Callable[[], object] | None = None,
               aside: Aside | None = None, needs: Needs | None = None,
               subclass_pairs: Iterable[tuple[str, str]] = ()) -> Split:
    """Load N-Triples or N-Quads without the statements nobody reads (:func:`plan_split`, from
    ``needs``: by default the bundled rules'), in pieces of whole lines: this thread filters a piece
    while a loader thread stores the one before (Oxigraph releases the GIL), then runs
    ``meanwhile``. With an ``aside`` index, the statements only naming reads are kept there instead
    (a second store would cost the loader's core more than it saves); without one they are loaded.
    Blank node labels are scoped to one load, so from the first piece that holds a blank node on,
    the rest is loaded as one document (the pieces before had none to share; statements set aside
    never have a blank subject, nor a blank object when a rule may read them). A syntax error is
    raised as pyoxigraph's SyntaxError, its line counted in the piece (:func:`load_rdf_file`
    locates it in the file). Dropped lines are not parsed (that would give back much of what
    dropping them saves): a file the sample covers whole (up to :data:`SAMPLE_SLICES` × :data:`SAMPLE_BYTES`)
    is parsed whole, and one whose sample does not parse is loaded whole, so its error is named.

    Triples go to the default graph (the rules read the union of all graphs): Oxigraph stores them
    there faster than in a named graph.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    split = plan_split(data, fmt, needs if needs is not None else bundled_needs(), subclass_pairs)
    if aside is None:
        split = Split(split.drop)
    pool = ThreadPoolExecutor(1, thread_name_prefix="retailkg-load")
    loads: list[Future[None]] = []
    set_aside: list[bytes] = []
    try:
        start = 0
        while start < len(data):
            end = data.find(b"\n", start + CHUNK_BYTES) + 1 or len(data)
            piece, moved = split_statements(data[start:end], split.drop, split.aside)
            if b"_:" in piece:  # a blank node: the rest is one document
                rest, rest_moved = split_statements(data[end:], split.drop, split.aside)
                piece, moved, end = piece + rest, moved + rest_moved, len(data)
            set_aside.append(moved)
            loads.append(pool.submit(store.load, piece, format=fmt, lenient=True))
            start = end
        if aside is not None:
            aside.add(b"".join(set_aside), fmt, split.aside_predicates, split.joined)
        if meanwhile is not None:
            meanwhile()
        for f in loads:
            f.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return split


def load_resolved(store: ox.Store, rdf: NTriples, router: Router, aside: Aside | None = None) -> None:
    """Load a design :func:`~retailkg.design.resolve.resolve` wrote with ``router``'s routes, as
    :func:`load_lines` would load its N-Triples, with no searching: resolution wrote what goes into
    the store, what goes aside and what nobody reads apart (each line routed by its kind, from the
    run's needs). A loader thread stores the store's chunks (unless they were handed to the store as
    they were written) while this one indexes the statements set aside (into the store too when
    there is no ``aside``); then :meth:`Aside.settle` moves back those a join keeps, into the graph
    :data:`SETTLED` (kept apart from the design's own statements in the default graph)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="retailkg-load") as pool:
        kept = [] if rdf.handed_on else rdf.chunks(STORE)  # handed on: already in the store
        loads = [pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True) for chunk in kept]
        set_aside = rdf.chunks(ASIDE)
        if aside is not None:
            split = router.split()
            aside.add(b"".join(set_aside), ox.RdfFormat.N_TRIPLES, split.aside_predicates, split.joined)
        else:
            loads += [pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True) for chunk in set_aside]
        for f in loads:
            f.result()
    if aside is not None:
        aside.settle(store, ox.NamedNode(SETTLED))


SETTLED = "urn:retailkg:settled"
"""The graph :func:`load_resolved` settles joined statements into."""


def load_rdf_file(store: ox.Store, path: Path, meanwhile: Callable[[], object] | None = None,
                  aside: Aside | None = None, needs: Needs | None = None,
                  subclass_pairs: Iterable[tuple[str, str]] = ()) -> None:
    """Load a design file; ``meanwhile`` runs in this thread while Oxigraph loads.

    Syntax is checked (an error names the line); IRIs are not validated (Oxigraph's lenient mode,
    which is faster): a malformed IRI is just a node the rules never match.
    N-Triples and N-Quads go through :func:`load_lines` (which sets statements ``aside``); Turtle
    and TriG are loaded whole into ``store``.
    """
    fmt = RDF_FORMATS[path.suffix.lower()]
    try:
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            try:
                load_lines(store, path.read_bytes(), fmt, meanwhile, aside, needs, subclass_pairs)
            except SyntaxError:
                # the line numbers are those of a shortened piece: parse the file as written for the place
                for _ in ox.parse(path=str(path), format=fmt, lenient=True):
                    pass
                raise
        else:
            store.load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(), lenient=True)
            if meanwhile is not None:
                meanwhile()
    except SyntaxError as e:
        raise located_syntax_error(e, path, "RDF") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", file=str(path)) from None


CHAIN_GRAPH = "urn:retailkg:reporting-chain"
"""The graph :func:`add_reporting_chain` writes the derived chain into."""


def add_reporting_chain(store: ox.Store) -> None:
    """Write ``rkg:reportingChain`` and ``org:transitiveSubOrganizationOf`` where the data states
    ``rkg:reportsTo``, ``rkg:subUnitOf`` and ``rkg:unitOf`` without them (a design's RDF from
    another system, or from before the chains were written): the rules read the chains as
    triples, not as transitive paths (docs/triple-stores.md)."""
    graph = ox.NamedNode(CHAIN_GRAPH)
    for p, path in ((RKG.reportingChain, f"<{RKG.reportsTo}>+"),
                    (ORG.transitiveSubOrganizationOf, f"(<{RKG.subUnitOf}>|<{RKG.unitOf}>)+")):
        rows = store.query(f"SELECT ?a ?b WHERE {{ ?a {path} ?b FILTER NOT EXISTS {{ ?a <{p}> ?b }} }}",
                           use_default_graph_as_union=True)
        assert isinstance(rows, ox.QuerySolutions)
        pred = ox.NamedNode(str(p))
        store.extend([ox.Quad(r["a"], pred, r["b"], graph) for r in rows if isinstance(r["a"], ox.NamedNode | ox.BlankNode)])


# Where the rules and the naming of findings need a node, not a value: an object of these is never a
# literal, and an organisation, department or post is never a blank node (its findings name it).
_NODE_PREDICATES = (RDF.type, RKG.inOrganisation, RKG.inDepartment, RKG.unitOf, RKG.subUnitOf, RKG.reportsTo,
                    RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction, RKG.accountableFor, RKG.concernsMetric,
                    RKG.baseline, RKG.excludesFunction, RKG.scopeFunction, RKG.hasUnitFunction, RKG.sourceDocument)
_NAMED = (RKG.Organisation, RKG.Department, RKG.Post)
_NEEDS_IRI = "organisations, departments and posts need an IRI to be named in findings"
_UNIT_PREDICATES = (RKG.inOrganisation, RKG.inDepartment, RKG.unitOf, RKG.subUnitOf, RKG.reportsTo, RKG.dutyOf)


def _short(iri: str) -> str:
    for prefix, ns in (("rkg:", str(RKG)), ("rdf:", str(RDF))):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return f"<{iri}>"


def _line_of(path: Path, fmt: ox.RdfFormat, *parts: bytes) -> int | None:
    """The first line of a line-based file holding all ``parts`` (None for Turtle and TriG)."""
    if fmt not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        return None
    with path.open("rb") as f:
        for n, line in enumerate(f, start=1):
            if all(p in line for p in parts):
                return n
    return None


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    rows = store.query(query)
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def check_nodes(store: ox.Store, path: Path) -> None:
    """Refuse, as one located InputError, a literal where the rules need a node (``rkg:inDepartment
    "sales"``) and a blank node as an organisation, department or post (its findings could not name
    it), or an IRI the loader took leniently but is malformed (``post/a[1]``): each would otherwise
    stop naming with a traceback, or silently match nothing."""
    fmt = RDF_FORMATS[path.suffix.lower()]
    preds = " ".join(f"<{p}>" for p in _NODE_PREDICATES)
    for row in _select(store, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o FILTER isLiteral(?o) }} LIMIT 1"):
        s, p, o = row["s"], row["p"], row["o"]
        subject = f"<{s.value}>" if isinstance(s, ox.NamedNode) else "a blank node"
        line = _line_of(path, fmt, f"<{p.value}>".encode(), o.value.encode("utf-8"),
                        *([f"<{s.value}>".encode()] if isinstance(s, ox.NamedNode) else []))
        raise InputError(f"{subject} {_short(p.value)} {o}: a literal where an IRI belongs", file=str(path), line=line)
    for row in _select(store, f"SELECT DISTINCT ?n WHERE {{ VALUES ?p {{ {preds} }} {{ ?n ?p ?x }} UNION {{ ?x ?p ?n }} "
                              "FILTER isIRI(?n) }"):
        iri = row["n"].value
        try:
            ox.NamedNode(iri)  # the store took it leniently; naming findings builds it again, strictly
        except ValueError as e:
            raise InputError(f"<{iri}> is not a valid IRI ({e})", file=str(path),
                             line=_line_of(path, fmt, f"<{iri}>".encode())) from None
    types = " ".join(f"<{t}>" for t in _NAMED)
    units = " ".join(f"<{p}>" for p in _UNIT_PREDICATES)
    for row in _select(store, f"SELECT ?t WHERE {{ VALUES ?t {{ {types} }} ?b a ?t FILTER isBlank(?b) }} LIMIT 1"):
        t = row["t"].value
        line = _line_of(path, fmt, b"_:", f"<{RDF.type}> <{t}>".encode())
        raise InputError(f"a blank node is {'an' if t == str(RKG.Organisation) else 'a'} {_short(t)}: {_NEEDS_IRI}",
                         file=str(path), line=line)
    units = " ".join(f"<{p}>" for p in _UNIT_PREDICATES)
    for row in _select(store, f"SELECT ?p WHERE {{ VALUES ?p {{ {units} }} {{ ?b ?p ?x }} UNION {{ ?x ?p ?b }} "
                           "FILTER isBlank(?b) } LIMIT 1"):
        p = row["p"].value
        line = _line_of(path, fmt, b"_:", f"<{p}>".encode())
        raise InputError(f"a blank node in {_short(p)}: {_NEEDS_IRI}", file=str(path), line=line)
