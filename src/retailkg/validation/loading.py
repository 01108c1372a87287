"""Loading a design into the store the rules run on, leaving out what no rule reads.

A chain's design is a million statements; the matcher's provenance and the statements only the
naming of findings reads (kept aside in :class:`~retailkg.validation.lookup.Aside`) would otherwise
lengthen every rule's index walks (docs/validation.md, "Performance").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF

from retailkg.design.model import ORG_BASE
from retailkg.errors import InputError
from retailkg.ns import RKG, RKGV
from retailkg.validation.lookup import Aside

if TYPE_CHECKING:
    from retailkg.design.resolve import NTriples
from retailkg.rdf.io import located_syntax_error, split_statements


def load_ntriples(store: ox.Store, data: bytes | str, graph: str) -> None:
    """Load N-Triples retailkg wrote itself (lenient: its IRIs are known good, and not checking them is faster)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    store.load(raw, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph), lenient=True)


RDF_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
               ".trig": ox.RdfFormat.TRIG}

# What no rule, name or count reads from a design, dropped from line-based files before loading:
# the matcher's provenance (rkgv:match nodes with their type, function, score and evidence) and
# duty item letters. In a resolved chain that is a quarter of the triples and a third of the time
# Oxigraph takes to load them (docs/validation.md, "Performance"); tests/test_validate_scale.py checks that
# no compiled rule or report query names them.
UNREAD_PREDICATES = (f"<{RKGV}".encode(), f"<{RKG.item}>".encode(), f"<{RDF.type}> <{RKGV}".encode())

# What only the naming of findings reads (a statement's citation: its clause reference and, for a
# design's own statements, the design as its source document), kept beside the store the rules run
# on (lookup.Aside). Oxigraph keeps a list of statements per subject and walks it for every lookup
# of a bound subject, so each duty's reference and source document lengthened the walks of every
# rule; a chain's store is markedly smaller without them (docs/validation.md, "Performance"). No rule
# reads rkg:reference; rkg:sourceDocument is read by the baseline-gap rule only for an
# organisation's baseline, which is a standard, never a design (:func:`aside_predicates` keeps the
# design's source documents with the rules when the data says otherwise).
_ASIDE = ((RKG.reference, ""), (RKG.sourceDocument, ORG_BASE))  # predicate, start of the object
ASIDE_PREDICATES = tuple(f"<{p}>{f' <{o}' if o else ''}".encode() for p, o in _ASIDE)


def aside_predicates(data: bytes) -> tuple[bytes, ...]:
    """The ASIDE_PREDICATES that may be set aside from ``data`` without changing any rule's answer."""
    if f"<{RKG.baseline}> <{ORG_BASE}".encode() in data:  # a design named as a baseline: its sources count
        return tuple(p for p in ASIDE_PREDICATES if not p.startswith(f"<{RKG.sourceDocument}>".encode()))
    return ASIDE_PREDICATES


CHUNK_BYTES = 32 << 20
"""Bytes of N-Triples handed to Oxigraph at a time, so the next piece is filtered meanwhile."""


def load_lines(store: ox.Store, data: bytes, fmt: ox.RdfFormat, meanwhile: Callable[[], object] | None = None,
               aside: Aside | None = None) -> None:
    """Load N-Triples or N-Quads without the statements nobody reads (UNREAD_PREDICATES), in pieces
    of whole lines: this thread filters a piece while a loader thread stores the one before (Oxigraph
    releases the GIL), then runs ``meanwhile``. With an ``aside`` index, the statements only naming
    reads (ASIDE_PREDICATES) are kept there instead (a second store would cost the loader's core
    more than it saves). Blank node labels are scoped to one load, so from the first piece that
    holds a blank node on, the rest is loaded as one document (the pieces before had none to
    share; statements set aside never hold one). A syntax error is raised as pyoxigraph's
    SyntaxError, its line counted in the piece (:func:`load_rdf_file` locates it in the file).

    Triples go to the default graph (the rules read the union of all graphs): Oxigraph stores them
    there faster than in a named graph.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix="retailkg-load")
    loads: list[Future[None]] = []
    set_aside: list[bytes] = []
    to_aside = aside_predicates(data) if aside is not None else ()
    try:
        start = 0
        while start < len(data):
            end = data.find(b"\n", start + CHUNK_BYTES) + 1 or len(data)
            piece, moved = split_statements(data[start:end], UNREAD_PREDICATES, to_aside)
            if b"_:" in piece:  # a blank node: the rest is one document
                rest, rest_moved = split_statements(data[end:], UNREAD_PREDICATES, to_aside)
                piece, moved, end = piece + rest, moved + rest_moved, len(data)
            set_aside.append(moved)
            loads.append(pool.submit(store.load, piece, format=fmt, lenient=True))
            start = end
        if aside is not None:
            aside.add(b"".join(set_aside), fmt, [str(p) for p, _o in _ASIDE])
        if meanwhile is not None:
            meanwhile()
        for f in loads:
            f.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_resolved(store: ox.Store, rdf: NTriples, aside: Aside | None = None) -> None:
    """Load a design :func:`~retailkg.design.resolve.resolve` wrote, as :func:`load_lines` would load
    its N-Triples, with no searching: resolution wrote the statements the rules read (its facts),
    those only naming reads (its citations: ASIDE_PREDICATES) and those nobody reads (the matcher's
    provenance: UNREAD_PREDICATES) apart. A loader thread stores the facts chunk by chunk while
    this one indexes the citations (into the store too when there is no ``aside``)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="retailkg-load") as pool:
        facts = [] if rdf.facts_handed_on else rdf.chunks("facts")  # handed on: already in the store
        loads = [pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True) for chunk in facts]
        citations = rdf.chunks("citations")
        if aside is not None:
            aside.add(b"".join(citations), ox.RdfFormat.N_TRIPLES, [str(p) for p, _o in _ASIDE])
        else:
            loads += [pool.submit(store.load, chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True) for chunk in citations]
        for f in loads:
            f.result()


def load_rdf_file(store: ox.Store, path: Path, meanwhile: Callable[[], object] | None = None,
                  aside: Aside | None = None) -> None:
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
                load_lines(store, path.read_bytes(), fmt, meanwhile, aside)
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


# Where the rules and the naming of findings need a node, not a value: an object of these is never a
# literal, and an organisation, department or post is never a blank node (its findings name it).
_NODE_PREDICATES = (RDF.type, RKG.inOrganisation, RKG.inDepartment, RKG.unitOf, RKG.subUnitOf, RKG.reportsTo,
                    RKG.dutyOf, RKG.addressesFunction, RKG.supportsFunction, RKG.accountableFor, RKG.concernsMetric,
                    RKG.baseline, RKG.excludesFunction, RKG.hasUnitFunction, RKG.sourceDocument)
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
