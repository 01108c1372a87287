"""The shapes and the rules they declare: the bottom of the validation layer.

The SHACL files in shapes/ (and a user's own, ``retailkg validate --shapes``) are the one source of
truth for what a finding is; everything above (the compiled queries, the complete engine, the
naming of findings, the reports) reads them through :func:`load_shapes` and :func:`rules`, never by
parsing the Turtle again.

A *rule* is what SHACL reports as a result's ``sh:sourceShape``: every shape with a target
(``sh:targetClass``, ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, or a node
shape that is also a class), and every property shape such a shape names with ``sh:property``.
A rule's id is its IRI as a CURIE (``rkgsh:PostLabel``, ``ex:StoreManager``); a property shape
written as a blank node is named after its node shape and its path (``ex:Store/ex:manager``); a
blank node shape with a target gets a stable id from its content (``_:shape-1a2b3c4d``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from retailkg.ns import RKGSH, SH
from retailkg.rdf.paths import shacl_path
from retailkg.resources import shapes_dir
from retailkg.validation.findings import Kind, Ref, Severity

# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


@cache
def _shapes(folder: str) -> Graph:
    from retailkg.rdf.io import parse_turtle

    g = Graph()
    for p in sorted(Path(folder).glob("*.ttl")):
        for t in parse_turtle(p):
            g.add(t)
    return g


def load_shapes(folder: Path | None = None) -> Graph:
    """Every ``shapes/*.ttl`` in one graph (the examples below ``shapes/examples`` are data, not shapes)."""
    return _shapes(str(folder or shapes_dir()))


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
TRUE = Literal(True)

# ---------------------------------------------------------------------------------------------
# How a rule's findings are named: declared in its shape (shapes/vocabulary.ttl, "naming")
# ---------------------------------------------------------------------------------------------

PathExpr = tuple[Any, ...]
"""A SHACL path as nested tuples: ``("p", iri)``, ``("^", path)``, ``("/", paths)``, ``("|", paths)``,
``("*", path)``, ``("+", path)``, ``("?", path)``."""

EVIDENCE_FROM = ("focus", "posts", "organisation")
FINDING_ORGANISATION = ("focus", "value")
FINDING_PER = ("result", "organisation")
SHOWN_AS = ("post", "duty", "unit", "metric", "function", "area")
FINDING_POSTS = ("results", "evidence")


def path_expr(g: Graph, node: Node | None) -> PathExpr | None:
    """A SHACL path node as a :data:`PathExpr` (None when ``node`` is None); ValueError when it is not a path."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return ("p", str(node))
    if not isinstance(node, BNode):
        raise ValueError(f"not a SHACL path: {node!r}")
    if (node, RDF.first, None) in g:
        return ("/", tuple(path_expr(g, x) for x in Collection(g, node)))
    for pred, op in ((SH.inversePath, "^"), (SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = g.value(node, pred)
        if inner is not None:
            return (op, path_expr(g, inner))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return ("|", tuple(path_expr(g, x) for x in Collection(g, alt)))
    raise ValueError(f"unknown SHACL path node {node!r}")


@dataclass(frozen=True)
class EvidenceRecipe:
    """One ``rkgsh:evidence`` of a shape: which statements a finding cites, and in what role.

    From each start node (``start``: the results' focus nodes, the finding's posts, or its
    organisation), the statements ``path`` reaches (the start itself without one), keeping those
    that reach the result's value by ``stating`` (when given), that belong to the finding's
    organisation (``own``), the first only (``first``). A start with none is cited by the
    ``otherwise`` text (``{?value}`` filled in), with the source of its own statement.
    """

    role: str
    start: str = "focus"
    path: PathExpr | None = None
    stating: PathExpr | None = None
    own: bool = False
    first: bool = False
    otherwise_zh: str = ""
    otherwise_en: str = ""


@dataclass(frozen=True)
class Naming:
    """How a rule's findings are named, as its shape declares it (each default is the generic
    reading: the focus node's organisation, one finding per focus and value, a focus shown as a
    post or a duty when the data says it is one, a value shown as a function of the taxonomy).

    ``organisation``: whose finding it is (``value``: the result's value is the organisation).
    ``per``: ``organisation`` makes one finding of an organisation's results. ``focus``/``value``:
    what the focus node and the value are shown as. ``posts``: ``evidence`` takes the finding's
    posts from its evidence. ``baseline``: the predicate by which the organisation's baseline
    standard's duties state the value (their posts and duties are cited). ``candidates``: the
    matcher's candidates for a focus duty are listed.
    """

    organisation: str = "focus"
    per: str = "result"
    focus: str = ""
    value: str = ""
    posts: str = "results"
    evidence: tuple[EvidenceRecipe, ...] = ()
    baseline: str | None = None
    candidates: bool = False


def _text(g: Graph, node: Node, p: URIRef, allowed: tuple[str, ...], default: str) -> str:
    o = g.value(node, p)
    if o is None:
        return default
    if str(o) not in allowed:
        raise ValueError(f"rkgsh:{str(p)[len(str(RKGSH)):]} {str(o)!r}: one of {', '.join(allowed)}")
    return str(o)


def _flag(g: Graph, node: Node, p: URIRef) -> bool:
    return any(isinstance(o, Literal) and str(o).lower() in ("true", "1") for o in g.objects(node, p))


def naming_of(g: Graph, shape: Node) -> Naming:
    """A shape's :class:`Naming` (a property shape without declarations takes its node shape's);
    ValueError for a value outside the vocabulary."""
    recipes = []
    for ev in g.objects(shape, RKGSH.evidence):
        path_node = g.value(ev, RKGSH.path)
        stating = g.value(ev, RKGSH.stating)
        recipes.append(EvidenceRecipe(
            str(g.value(ev, RKGSH.role) or "statement"), _text(g, ev, RKGSH["from"], EVIDENCE_FROM, "focus"),
            path_expr(g, path_node), path_expr(g, stating), _flag(g, ev, RKGSH.ofOrganisation), _flag(g, ev, RKGSH.first),
            _lang(g, ev, RKGSH.otherwise, "zh"), _lang(g, ev, RKGSH.otherwise, "en")))
    baseline = g.value(shape, RKGSH.baselineEvidence)
    if baseline is not None and not isinstance(baseline, URIRef):
        raise ValueError(f"rkgsh:baselineEvidence {baseline}: a predicate IRI")
    return Naming(
        _text(g, shape, RKGSH.findingOrganisation, FINDING_ORGANISATION, "focus"),
        _text(g, shape, RKGSH.findingPer, FINDING_PER, "result"),
        _text(g, shape, RKGSH.focusIs, SHOWN_AS, ""), _text(g, shape, RKGSH.valueIs, SHOWN_AS, ""),
        _text(g, shape, RKGSH.findingPosts, FINDING_POSTS, "results"),
        tuple(sorted(recipes, key=lambda r: (EVIDENCE_FROM.index(r.start), r.role))),
        None if baseline is None else str(baseline), _flag(g, shape, RKGSH.candidates))


def _declares_naming(g: Graph, shape: Node) -> bool:
    return any(True for p in (RKGSH.evidence, RKGSH.baselineEvidence, RKGSH.findingOrganisation, RKGSH.findingPer,
                              RKGSH.focusIs, RKGSH.valueIs, RKGSH.findingPosts, RKGSH.candidates)
               for _ in g.objects(shape, p))


@dataclass(frozen=True)
class RuleInfo:
    """A shape as the report names it: id, kind, severity, label and message in zh and en.

    ``iri`` is the key results carry (``RuleResult.shape``): the shape's IRI, or its id for a blank
    node. ``node`` is the shape in the shapes graph; ``parent`` the node shape a property shape
    belongs to (its results are that shape's too); ``custom`` a rule a user added.
    """

    iri: str
    curie: str
    kind: Kind
    severity: Severity
    label_zh: str
    label_en: str
    message_zh: str
    message_en: str
    path: str = ""  # the shape's sh:path as a SPARQL path with CURIEs (empty for a node shape)
    node: Node | None = field(default=None, compare=False)
    parent: str | None = None
    custom: bool = False
    naming: Naming = field(default_factory=Naming, compare=False)

    @property
    def ref(self) -> Ref:
        return Ref(self.iri, self.curie, self.label_zh, self.label_en)


def _lang(g: Graph, s: Any, p: URIRef, lang: str) -> str:
    found = ""
    for o in g.objects(s, p):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
        if isinstance(o, Literal) and not o.language and not found:
            found = str(o)  # a message without a language serves both
    return found


def is_deactivated(g: Graph, shape: Node) -> bool:
    """``sh:deactivated true`` (SHACL 2.1.5: only the literal true; "1" does not deactivate)."""
    return any(o == TRUE and isinstance(o, Literal) and str(o) == "true" for o in g.objects(shape, SH.deactivated))


def has_target(g: Graph, shape: Node) -> bool:
    """A shape SHACL validates on its own: it has a target (an implicit class target counts)."""
    if any(True for p in TARGETS for _ in g.objects(shape, p)):
        return True
    return (shape, RDF.type, RDFS.Class) in g and (
        (shape, RDF.type, SH.NodeShape) in g or (shape, RDF.type, SH.PropertyShape) in g)


def top_shapes(g: Graph) -> list[Node]:
    """Every shape with a target that is not deactivated, in a stable order."""
    found: set[Node] = set()
    for p in TARGETS:
        found.update(s for s in g.subjects(p, None) if isinstance(s, URIRef | BNode))
    for s in g.subjects(RDF.type, RDFS.Class):
        if has_target(g, s):
            found.add(s)
    return sorted((s for s in found if not is_deactivated(g, s)), key=lambda n: (isinstance(n, BNode), str(n)))


def describe(g: Graph, node: Node, depth: int = 0) -> str:
    """A blank node's content as text, equal for equal content (stable ids of blank shapes)."""
    if not isinstance(node, BNode):
        return node.n3()
    if depth > 8:
        return "[…]"
    if (node, RDF.first, None) in g:
        return "(" + " ".join(describe(g, x, depth + 1) for x in Collection(g, node)) + ")"
    return "[" + ";".join(sorted(f"{p.n3()} {describe(g, o, depth + 1)}" for p, o in g.predicate_objects(node))) + "]"


def curie_of(g: Graph, iri: str) -> str:
    """An IRI as a CURIE with the shapes' prefixes (rkgsh: first), else in full."""
    if iri.startswith(str(RKGSH)):
        return "rkgsh:" + iri[len(str(RKGSH)):]
    best = ""
    for prefix, ns in g.namespaces():
        local = iri[len(str(ns)):]
        if prefix and iri.startswith(str(ns)) and local and all(c.isalnum() or c in "_-." for c in local):
            cand = f"{prefix}:{local}"
            if not best or len(cand) < len(best):
                best = cand
    return best or f"<{iri}>"


def rule_key(g: Graph, node: Node) -> str:
    """The key results carry for a top-level shape: its IRI, or a stable id of its content."""
    if isinstance(node, URIRef):
        return str(node)
    return "_:shape-" + hashlib.sha1(describe(g, node).encode("utf-8")).hexdigest()[:10]


def rules(shapes: Graph | None = None, custom: frozenset[str] = frozenset()) -> list[RuleInfo]:
    """Every rule (see module docstring), ordered overlap, gap, structure, unmapped, custom.

    ``custom``: the keys of shapes a user added (their findings say so)."""
    g = shapes if shapes is not None else load_shapes()
    out: list[RuleInfo] = []
    seen: set[str] = set()

    def info(node: Node, key: str, curie: str, parent: str | None) -> RuleInfo:
        kind_text = g.value(node, RKGSH.findingKind)
        if kind_text is None and parent is not None:
            kind_text = g.value(next(iter(g.subjects(SH.property, node)), None), RKGSH.findingKind)
        kind = Kind(str(kind_text)) if kind_text is not None and str(kind_text) in Kind._value2member_map_ else Kind.CUSTOM
        declared = node if _declares_naming(g, node) or parent is None else next(iter(g.subjects(SH.property, node)), node)
        return RuleInfo(
            key, curie, kind, Severity.from_iri(str(g.value(node, SH.severity) or SH.Violation)),
            _lang(g, node, RDFS.label, "zh") or _lang(g, node, SH.name, "zh"),
            _lang(g, node, RDFS.label, "en") or _lang(g, node, SH.name, "en"),
            _lang(g, node, SH.message, "zh"), _lang(g, node, SH.message, "en"),
            _display_path(g, g.value(node, SH.path)), node, parent, key in custom or (parent or "") in custom,
            naming_of(g, declared),
        )

    for top in top_shapes(g):
        key = rule_key(g, top)
        curie = curie_of(g, key) if isinstance(top, URIRef) else key
        if key not in seen:
            seen.add(key)
            out.append(info(top, key, curie, None))
        for prop in sorted(g.objects(top, SH.property), key=str):
            if is_deactivated(g, prop):
                continue
            if isinstance(prop, URIRef):
                pkey, pcurie = str(prop), curie_of(g, str(prop))
            else:
                pkey = pcurie = f"{curie}/{_display_path(g, g.value(prop, SH.path)) or '?'}"
                n = 2
                while pkey in seen:
                    pkey = pcurie = f"{curie}/{_display_path(g, g.value(prop, SH.path)) or '?'}#{n}"
                    n += 1
            if pkey not in seen:
                seen.add(pkey)
                out.append(info(prop, pkey, pcurie, key))
    kinds = [k.value for k in Kind]
    return sorted(out, key=lambda r: (kinds.index(r.kind.value), -r.severity.rank, r.curie))


def _display_path(g: Graph, node: Any) -> str:
    """A shape's sh:path as the report shows it; empty for a node shape (or a path no query could use)."""
    if node is None:
        return ""
    try:
        return shacl_path(g, node, display=True)
    except (ValueError, TypeError):
        return ""
