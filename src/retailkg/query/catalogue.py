"""The catalogue of named queries: ``queries/*.rq``, each documented by its opening comment.

A named query is a plain SPARQL file that any tool can run; its header says what it is for::

    # title@zh: 岗位职责及其出处条款
    # title@en: Duties of a post, with their source clauses
    # description: Every duty statement of one post …
    #   (an indented line continues the previous field)
    # param post (iri): the post, e.g. ccagm-003-2021/post/4.1.3
    # param doc (iri) = *: the source document; * means any
    # example: retailkg query run post-duties --param post=ccagm-003-2021/post/4.1.3

A parameter is a variable of the query (it must be selected, see
:func:`retailkg.query.sparqltext.check_bindings`); it is *bound*, never pasted into the text. A
parameter without a default is required; the default ``*`` leaves the variable unbound, i.e.
any value. Types: ``iri`` (absolute, ``prefix:name`` with the project's prefixes, or relative to
``https://w3id.org/retailkg/``), ``string``, ``integer``, ``lang`` (a language tag). The docs
page ``docs/queries.md`` is generated from these headers (:func:`render_docs`).
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from retailkg.errors import InputError
from retailkg.ns import BASE, PREFIXES
from retailkg.query.engines import Engine
from retailkg.query.results import ResultTable
from retailkg.rdf.terms import Term
from retailkg.resources import queries_dir

__all__ = ["PARAM_TYPES", "NamedQuery", "Param", "catalogue", "get_query", "load_query", "parse_term", "render_docs", "resolve_iri"]

PARAM_TYPES = ("iri", "string", "integer", "lang")
ANY = "*"

_KEY = re.compile(r"^(title@zh|title@en|description|param|example)\s*:?\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+\((?P<type>[a-z]+)\)(?:\s*=\s*(?P<default>\S+))?\s*:\s*(?P<desc>.+)$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_PREFIXED = re.compile(r"^([A-Za-z][\w\-]*):(.*)$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")


def resolve_iri(value: str, what: str = "value") -> URIRef:
    """``<…>``, ``prefix:name`` (rkg, fn, skos, …), an absolute IRI, or a path under the base IRI."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    m = _PREFIXED.match(v)
    if m and m.group(1) in PREFIXES:
        v = PREFIXES[m.group(1)] + m.group(2)
    elif not _SCHEME.match(v):
        v = BASE + v.lstrip("/")
    if not v or _IRI_BAD.search(v):
        raise InputError(f"{what} is not an IRI: {value!r} (spaces, quotes and <>{{}}|^`\\ are not allowed)")
    return URIRef(v)


def parse_term(value: str) -> Term:
    """A free-form ``--param`` value of ``retailkg sparql``: an RDF term in Turtle-like syntax.

    ``<iri>`` or ``prefix:name`` → IRI; ``"text"`` / ``"text"@zh`` / ``"1"^^xsd:integer`` → literal;
    an integer → ``xsd:integer``; anything else → a plain string.
    """
    v = value
    if v.startswith("<") and v.endswith(">"):
        return resolve_iri(v)
    m = _PREFIXED.match(v)
    if m and m.group(1) in PREFIXES and " " not in v:
        return resolve_iri(v)
    lit = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?', v, re.S)
    if lit:
        text, lang, dt = lit.groups()
        if lang:
            return Literal(text, lang=lang.lower())
        if dt:
            return Literal(text, datatype=resolve_iri(dt, "datatype"))
        return Literal(text)
    if re.fullmatch(r"[+-]?\d+", v):
        return Literal(v, datatype=XSD.integer)
    return Literal(v)


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    type: str
    default: str | None
    description: str

    @property
    def required(self) -> bool:
        return self.default is None

    def parse(self, raw: str, query: str = "") -> Term | None:
        """The bound term for ``raw``, or ``None`` for ``*`` (leave the variable unbound)."""
        where = f"--param {self.name}"
        if raw == ANY:
            if self.default != ANY:
                raise InputError(f"{where}: '*' (any) is only allowed where the default is '*'", file=query or None)
            return None
        if self.type == "iri":
            try:
                return resolve_iri(raw, where)
            except InputError as e:
                raise InputError(e.message, file=query or None) from None
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", raw.strip()):
                raise InputError(f"{where}: not an integer: {raw!r}", file=query or None)
            return Literal(raw.strip(), datatype=XSD.integer)
        if self.type == "lang":
            if not _LANG.match(raw):
                raise InputError(f"{where}: not a lowercase language tag such as zh or en: {raw!r}", file=query or None)
            return Literal(raw)
        return Literal(raw)


@dataclass(frozen=True)
class NamedQuery:
    """A query file and what its header says about it."""

    name: str
    path: Path
    text: str
    title_zh: str
    title_en: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def bindings(self, given: Mapping[str, str] | None = None) -> dict[str, Term]:
        """Terms to bind: the given values, then defaults; unknown and missing parameters are errors."""
        given = dict(given or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            have = ", ".join(sorted(known)) if known else "none"
            raise InputError(f"query {self.name} has no parameter {', '.join(unknown)} (its parameters: {have})")
        out: dict[str, Term] = {}
        for p in self.params:
            raw = given.get(p.name, p.default)
            if raw is None:
                example = self.example_params().get(p.name)
                hint = f"; e.g. --param {p.name}={example}" if example and "e.g." not in p.description else ""
                raise InputError(f"query {self.name} needs --param {p.name}=VALUE ({p.description}{hint})")
            term = p.parse(raw, self.name)
            if term is not None:
                out[p.name] = term
        return out

    def run(self, engine: Engine, given: Mapping[str, str] | None = None) -> ResultTable:
        """The query's answer on ``engine`` with ``given`` bound (:meth:`bindings`): what ``retailkg
        query run`` and :meth:`retailkg.api.KnowledgeGraph.query` both call, so the two cannot differ.

        An IRI parameter that names nothing in the graph is an error (:func:`check_iris_named`)
        rather than an empty answer that reads like "there is none".
        """
        bindings = self.bindings(given)
        check_iris_named(engine, bindings)
        return engine.query(self.text, bindings, source=self.name)

    def example_params(self) -> dict[str, str]:
        """The ``--param`` values of the first example call (what the tests run required queries with)."""
        for ex in self.examples:
            words = shlex.split(ex)
            out = {}
            for i, w in enumerate(words):
                if w in ("--param", "-p") and i + 1 < len(words) and "=" in words[i + 1]:
                    k, v = words[i + 1].split("=", 1)
                    out[k] = v
            return out
        return {}

    @property
    def header(self) -> str:
        """The opening comment lines: the query's documentation."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line)
        return "\n".join(lines)


def _parse_header(text: str, source: str) -> dict[str, list[tuple[int, str]]]:
    fields: dict[str, list[tuple[int, str]]] = {}
    last: list[tuple[int, str]] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        body = line[1:]
        if not body.strip():
            last = None
            continue
        if body.startswith("   ") or body.startswith("\t"):
            if last is None:
                raise InputError("continuation line with nothing to continue", file=source, line=lineno)
            n, prev = last[-1]
            last[-1] = (n, f"{prev} {body.strip()}")
            continue
        m = _KEY.match(body.strip())
        if not m:
            raise InputError(f"unknown header field {body.strip().split(':')[0]!r} (expected title@zh, title@en, description, "
                             "param, example)", file=source, line=lineno)
        last = fields.setdefault(m.group(1), [])
        last.append((lineno, m.group(2).strip()))
    return fields


def load_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file; a malformed header is an :class:`InputError` naming file and line."""
    text = path.read_text(encoding="utf-8")
    source = str(path)
    fields = _parse_header(text, source)
    for key in ("title@zh", "title@en", "description"):
        if key not in fields or not fields[key][0][1]:
            raise InputError(f"header has no {key}", file=source, line=1)
        if len(fields[key]) > 1:
            raise InputError(f"header has {key} twice", file=source, line=fields[key][1][0])
    params = []
    for lineno, spec in fields.get("param", []):
        m = _PARAM.match(spec)
        if not m:
            raise InputError("param must read 'param NAME (TYPE) [= DEFAULT]: description'", file=source, line=lineno)
        if m.group("type") not in PARAM_TYPES:
            raise InputError(f"param type {m.group('type')!r} is not one of {', '.join(PARAM_TYPES)}", file=source, line=lineno)
        if not re.search(rf"\?{m.group('name')}\b", text):
            raise InputError(f"param {m.group('name')} is not a variable of the query", file=source, line=lineno)
        params.append(Param(m.group("name"), m.group("type"), m.group("default"), m.group("desc").strip()))
    return NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        title_zh=fields["title@zh"][0][1],
        title_en=fields["title@en"][0][1],
        description=fields["description"][0][1],
        params=tuple(params),
        examples=tuple(v for _, v in fields.get("example", [])),
    )


@cache
def _catalogue(folder: Path, stamp: tuple[tuple[str, int], ...]) -> dict[str, NamedQuery]:
    return {p.stem: load_query(p) for p in sorted(folder.glob("*.rq"))}


def catalogue(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query by name, in name order (re-read when a file changes)."""
    folder = folder or queries_dir()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.rq")))
    return _catalogue(folder, stamp)


def get_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The named query ``name``; an unknown name is an error that suggests the closest names."""
    cat = catalogue(folder)
    if name in cat:
        return cat[name]
    close = difflib.get_close_matches(name, list(cat), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `retailkg query list` shows them all"
    raise InputError(f"no query named {name!r}{hint}")


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|")


def render_docs(folder: Path | None = None) -> str:
    """``docs/queries.md``: every named query from its header (generated; do not edit by hand)."""
    cat = catalogue(folder)
    out = [
        "# Named queries",
        "",
        "<!-- Generated from the headers of queries/*.rq by `retailkg query docs -o docs/queries.md`; do not edit. -->",
        "",
        "Each query is a SPARQL 1.1 file in `queries/`, written against the union of the named graphs",
        "(inferences included), so any store answers it alike. Run one with",
        "`retailkg query run NAME [--param k=v …] [--format table|csv|tsv|json] [--endpoint URL]`;",
        "parameters are bound to query variables, never pasted into the text. `*` as a default means",
        "\"any\": the variable is left unbound. IRIs may be written in full, as `prefix:name`",
        "(`rkg:`, `fn:`, `skos:`, …) or relative to `https://w3id.org/retailkg/`",
        "(`ccagm-003-2021/post/4.1.3`).",
        "",
        "The queries stay linear on a chain of thousands of stores that replicate the same posts: a count",
        "is grouped once and joined back instead of pairing every post with every other, and each branch",
        "of a UNION carries its own joins, since Oxigraph does not move patterns joined after a UNION into",
        "its branches itself. `bench/run.py` times every query at 10k, 100k and 1M triples; the times are",
        "in bench/RESULTS.md, \"scale\".",
        "",
        "| query | 中文 | English | parameters |",
        "| --- | --- | --- | --- |",
    ]
    for q in cat.values():
        params = ", ".join(f"`{p.name}`" for p in q.params) or "—"
        out.append(f"| [`{q.name}`](#{q.name}) | {_md_escape(q.title_zh)} | {_md_escape(q.title_en)} | {params} |")
    for q in cat.values():
        out += ["", f"## {q.name}", "", f"**{q.title_zh}** — {q.title_en}", "", q.description, ""]
        if q.params:
            out += ["| parameter | type | default | description |", "| --- | --- | --- | --- |"]
            for p in q.params:
                default = "*required*" if p.default is None else f"`{p.default}`"
                out.append(f"| `{p.name}` | {p.type} | {default} | {_md_escape(p.description)} |")
            out.append("")
        if q.examples:
            out += ["```sh", *q.examples, "```", ""]
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#")).strip()
        out += ["<details><summary>SPARQL</summary>", "", "```sparql", body, "```", "", "</details>"]
    return "\n".join(out) + "\n"


# a SELECT, not an ASK: an endpoint is sent its parameters as a VALUES block, which only a SELECT takes
_NAMED = "SELECT ?iri WHERE { { ?iri ?p ?o } UNION { ?s ?p ?iri } UNION { GRAPH ?iri { ?s ?p ?o } } } LIMIT 1"


def check_iris_named(engine: Engine, bindings: Mapping[str, Term]) -> None:
    """InputError (exit 2) for an IRI parameter that names nothing in the graph.

    A mistyped post or document would otherwise match no row, and an empty answer reads like "there
    is none"; one small query per IRI parameter tells the two apart.
    """
    for name, term in bindings.items():
        if isinstance(term, URIRef) and not engine.query(_NAMED, {"iri": term}, source="parameter check").rows:
            raise InputError(f"<{term}> names nothing in the graph (a typo?)", field=f"--param {name}")
