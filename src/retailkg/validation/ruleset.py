"""The rules a run uses: the bundled shapes, a user's own (``--shapes``) and a profile (``--profile``).

A user's shapes file is checked before anything runs, and every mistake is one located
:class:`~retailkg.errors.InputError` (exit 2, nothing written): Turtle syntax, the shapes graph
against SHACL's own shapes (meta-SHACL, the W3C's shacl-shacl), an unknown severity or finding
kind, a rule id defined twice, a query SHACL forbids or that could reach the network (SERVICE,
FROM: :mod:`retailkg.validation.prebinding`), an ``owl:imports`` of a graph that is not given
(nothing is fetched). A profile is a TSV in ROBOT's manner, one rule per line with its level
(violation, warning, info or off); an unknown rule is named with the closest known ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from retailkg.errors import InputError
from retailkg.ns import RKGSH, SH
from retailkg.validation.findings import Kind, Severity
from retailkg.validation.shapes import RuleInfo, curie_of, load_shapes, naming_of, rule_key, rules, top_shapes

__all__ = ["RuleSet", "bundled_rule_set", "check_shapes_graph", "load_rule_set", "read_profile"]

LEVELS = {"violation": "violation", "warning": "warning", "info": "info", "off": "off",
          "error": "violation", "warn": "warning"}  # ROBOT's ERROR / WARN / INFO too


@dataclass(frozen=True)
class RuleSet:
    """The shapes graph a run validates with and its rules, as the profile levels them.

    ``rules`` holds the rules that run (a rule the profile turns off is in ``off`` instead);
    ``custom`` the keys of the rules a user added.
    """

    graph: Graph
    rules: tuple[RuleInfo, ...]
    custom: frozenset[str] = frozenset()
    off: frozenset[str] = frozenset()

    @property
    def info(self) -> dict[str, RuleInfo]:
        return {r.iri: r for r in self.rules}

    @property
    def is_bundled(self) -> bool:
        return not self.custom and not self.off and self.graph is load_shapes()


@cache
def bundled_rule_set() -> RuleSet:
    """The bundled shapes and nothing else, once per process."""
    g = load_shapes()
    return RuleSet(g, tuple(rules(g)))


# ---------------------------------------------------------------------------------------------
# A user's shapes
# ---------------------------------------------------------------------------------------------


def _line_of(text: str, g: Graph, node: Node) -> int | None:
    """The first line of ``text`` naming ``node`` (as a CURIE of the file's prefixes or in full)."""
    if not isinstance(node, URIRef):
        return None
    names = [f"<{node}>"]
    for prefix, ns in g.namespaces():
        if str(node).startswith(str(ns)) and len(str(node)) > len(str(ns)):
            names.append(f"{prefix}:{str(node)[len(str(ns)):]}")
    for n, line in enumerate(text.splitlines(), start=1):
        if any(re.search(re.escape(name) + r"(?![\w\-.:])", line) for name in names):
            return n
    return None


def _owner_line(text: str, g: Graph, node: Node) -> int | None:
    """The line of ``node``, or of the nearest named node holding it (a blank node has no name)."""
    seen: set[Node] = set()
    todo = [node]
    while todo:
        n = todo.pop(0)
        if n in seen:
            continue
        seen.add(n)
        line = _line_of(text, g, n)
        if line is not None:
            return line
        todo.extend(g.subjects(None, n))
    return None


@cache
def _shacl_shacl() -> Graph:
    from importlib.resources import files

    g = Graph()
    g.parse(data=files("pyshacl").joinpath("assets/shacl-shacl.ttl").read_bytes(), format="turtle")
    return g


def _meta_shacl(g: Graph, where: str, text: str) -> None:
    """The shapes graph against SHACL's own shapes (shacl-shacl); the first problem, located."""
    import pyshacl

    conforms, report, _text = pyshacl.validate(g, shacl_graph=_shacl_shacl(), inference="none", advanced=False,
                                               do_owl_imports=False, allow_warnings=True)
    if conforms:
        return
    found = []
    for r in report.objects(None, SH.result):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        found.append((_owner_line(text, g, focus) or 0, str(path or ""), focus, value, report.value(r, SH.resultMessage)))
    line, path, focus, value, message = sorted(found, key=lambda x: (x[0], x[1]))[0]
    shown = curie_of(g, str(path)) if path else "shape"
    what = f"{curie_of(g, str(focus)) if isinstance(focus, URIRef) else 'a blank node shape'}"
    detail = f" {value.n3() if isinstance(value, Literal) else curie_of(g, str(value))}" if value is not None else ""
    raise InputError(f"not a well-formed SHACL shape ({what}{detail}): {message or 'fails shacl-shacl'}",
                     file=where, line=line or None, field=shown)


def _queries(g: Graph) -> list[tuple[Node, URIRef, str, Node]]:
    """Every SPARQL text in the shapes: (its node, sh:select or sh:ask, the text, its prefixes node)."""
    out = []
    for pred in (SH.select, SH.ask):
        for node, text in g.subject_objects(pred):
            out.append((node, pred, str(text), node))
    return out


def check_shapes_graph(g: Graph, where: str, text: str = "", known: Graph | None = None) -> None:
    """Everything about a user's shapes graph that would otherwise fail later or reach the network;
    InputError naming ``where``, the line (when ``text`` is the file) and the field."""
    from retailkg.validation.compile import prefixes_of
    from retailkg.validation.prebinding import SparqlRefused, check_query

    every = known + g if known is not None else g
    for s, o in g.subject_objects(OWL.imports):
        if not isinstance(o, URIRef) or not any(True for _ in every.predicate_objects(o)):
            raise InputError(f"owl:imports <{o}> is not followed (retailkg never fetches anything): "
                             "pass the imported shapes as another --shapes file",
                             file=where, line=_line_of(text, g, s) or _line_of(text, g, o), field="owl:imports")
    for s, sev in g.subject_objects(SH.severity):
        if sev not in (SH.Violation, SH.Warning, SH.Info):
            raise InputError(f"unknown severity {curie_of(g, str(sev)) if isinstance(sev, URIRef) else sev!s} "
                             "(sh:Violation, sh:Warning or sh:Info)", file=where, line=_owner_line(text, g, s), field="sh:severity")
    for shape in top_shapes(g) + [o for t in top_shapes(g) for o in g.objects(t, SH.property)]:
        try:
            naming_of(g, shape)
        except ValueError as e:
            raise InputError(f"how findings are named: {e}", file=where, line=_owner_line(text, g, shape),
                             field="rkgsh:evidence") from None
    kinds = [k.value for k in Kind]
    for s, kind in g.subject_objects(RKGSH.findingKind):
        if str(kind) not in kinds:
            raise InputError(f"unknown finding kind {str(kind)!r} ({', '.join(kinds)})", file=where,
                             line=_owner_line(text, g, s), field="rkgsh:findingKind")
    for node, pred, query, _ in _queries(g):
        line = _owner_line(text, g, node)
        field = curie_of(g, str(pred)).replace("<http://www.w3.org/ns/shacl#", "sh:").rstrip(">")
        if re.search(r"[$?](shapesGraph|currentShape)\b", query):
            raise InputError("$shapesGraph and $currentShape are not supported (SHACL leaves them optional)",
                             file=where, line=line, field=field)
        validator = any(True for _ in every.subjects(SH.validator, node)) or any(
            True for p in (SH.nodeValidator, SH.propertyValidator) for _ in every.subjects(p, node))
        params = {"this"}
        if validator:
            params |= {"value"}
            for comp in (c for p in (SH.validator, SH.nodeValidator, SH.propertyValidator) for c in every.subjects(p, node)):
                for par in every.objects(comp, SH.parameter):
                    path = every.value(par, SH.path)
                    if isinstance(path, URIRef):
                        params.add(re.split(r"[#/]", str(path))[-1])
        try:
            check_query(prefixes_of(every, node) + "\n" + query.replace("$PATH", "<urn:retailkg:path>"), params)
        except SparqlRefused as e:
            raise InputError(str(e), file=where, line=line, field=field) from None


def load_shapes_file(path: Path, known: Graph | None = None) -> Graph:
    """One user's shapes file, parsed and checked (module docstring)."""
    from retailkg.rdf.io import parse_turtle
    from retailkg.validation.complete import as_written

    with as_written():
        g = parse_turtle(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    if not any(True for _ in g.subjects(RDF.type, SH.NodeShape)) and not any(True for _ in g.subjects(RDF.type, SH.PropertyShape)) \
            and not top_shapes(g):
        raise InputError("no shape in the file (a sh:NodeShape or sh:PropertyShape with a target)", file=str(path))
    check_shapes_graph(g, str(path), text, known)
    _meta_shacl(g, str(path), text)
    return g


def load_rule_set(shapes_files: Sequence[Path] = (), profile: Path | None = None, *, bundled: bool = True) -> RuleSet:
    """The bundled shapes (unless ``bundled`` is False) with the user's ``shapes_files`` and the
    ``profile``'s levels; InputError for any mistake in them (module docstring)."""
    if not shapes_files and profile is None and bundled:
        return bundled_rule_set()
    base = load_shapes() if bundled else Graph()
    combined = Graph()
    for prefix, ns in base.namespaces():
        combined.bind(prefix, ns)
    for t in base:
        combined.add(t)
    defined: dict[str, str] = {r.iri: "the bundled shapes" for r in rules(base)} if bundled else {}
    custom: set[str] = set()
    for path in shapes_files:
        g = load_shapes_file(path, combined)
        text = path.read_text(encoding="utf-8", errors="replace")
        for info in rules(g):
            if info.iri in defined:
                node = info.node if info.node is not None else BNode()
                raise InputError(f"rule {info.curie} is defined twice (also in {defined[info.iri]})", file=str(path),
                                 line=_owner_line(text, g, node), field="rule id")
            defined[info.iri] = str(path)
            custom.add(info.iri)
        for prefix, ns in g.namespaces():
            if prefix not in {p for p, _ in combined.namespaces()}:
                combined.bind(prefix, ns)
        for t in g:
            combined.add(t)
    every = rules(combined, frozenset(custom))
    levels = read_profile(profile, every) if profile is not None else {}
    off = {k for k, v in levels.items() if v == "off"}
    levelled = []
    for r in every:
        level = levels.get(r.iri) or (levels.get(r.parent) if r.parent else None)
        if level == "off":
            off.add(r.iri)
            continue
        levelled.append(replace(r, severity=Severity(level)) if level else r)
    return RuleSet(combined, tuple(levelled), frozenset(custom), frozenset(off))


# ---------------------------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------------------------


def read_profile(path: Path, known: Sequence[RuleInfo]) -> dict[str, str]:
    """A profile's levels by rule key: ``rule<TAB>level`` lines under a ``rule<TAB>level`` header,
    ``#`` comments; a rule is named by its id (``rkgsh:PostLabel``) or IRI."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason})", file=str(path)) from None
    by_name: dict[str, str] = {}
    for r in known:
        by_name[r.curie] = r.iri
        by_name[r.iri] = r.iri
        by_name[f"<{r.iri}>"] = r.iri
    out: dict[str, str] = {}
    header = False
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if not header:
            if [f.strip().lower() for f in fields] != ["rule", "level"]:
                raise InputError("the first line is the header rule<TAB>level", file=str(path), line=n, field="header")
            header = True
            continue
        if len(fields) != 2:
            raise InputError(f"{len(fields)} tab-separated fields; a line is rule<TAB>level", file=str(path), line=n)
        name, level = fields[0].strip(), fields[1].strip().lower()
        key = by_name.get(name)
        if key is None:
            close = difflib.get_close_matches(name, [r.curie for r in known], n=3, cutoff=0.5)
            hint = f" (closest: {', '.join(close)})" if close else ""
            raise InputError(f"unknown rule {name!r}{hint}", file=str(path), line=n, field="rule")
        if level not in LEVELS:
            raise InputError(f"unknown level {fields[1].strip()!r} (violation, warning, info or off)", file=str(path), line=n,
                             field="level")
        if key in out:
            raise InputError(f"rule {name} is levelled twice", file=str(path), line=n, field="rule")
        out[key] = LEVELS[level]
    if not header:
        raise InputError("empty profile: the first line is the header rule<TAB>level", file=str(path))
    return out


def rule_set_of_graph(shapes: Graph, where: str = "shapes") -> RuleSet:
    """A shapes graph given whole (the W3C test suite: data and shapes in memory), checked as a
    user's file is, with no bundled rules."""
    check_shapes_graph(shapes, where)
    _meta_shacl(shapes, where, "")
    every = rules(shapes, frozenset(rule_key(shapes, s) for s in top_shapes(shapes)))
    return RuleSet(shapes, tuple(every), frozenset(r.iri for r in every))
