"""Query results as one table of rdflib terms, and the writers that print it.

Every engine (rdflib, pyoxigraph, a remote endpoint) returns a :class:`ResultTable` whose cells are
rdflib terms normalised the same way, so results can be compared across engines and written by one
set of writers:

- ``csv``   W3C *SPARQL 1.1 Query Results CSV*: a header of variable names, bare values (IRIs as
  they are, literals by their lexical form, blank nodes as ``_:label``), RFC 4180 quoting, CRLF.
- ``tsv``   W3C *SPARQL 1.1 Query Results TSV*: a header of ``?var``, every value in RDF term
  syntax (``<iri>``, ``"text"@zh``, ``"1"^^<…#integer>``), LF.
- ``json``  W3C *SPARQL 1.1 Query Results JSON*: ``head.vars`` and ``results.bindings`` with
  ``type`` uri / literal / bnode, ``xml:lang`` and ``datatype``; ``{"head": {}, "boolean": …}``
  for ASK. Chinese is written as is (UTF-8), not as ``\\uXXXX`` escapes.
- ``table`` for people: aligned columns (a Chinese character is two columns wide), IRIs shortened
  to ``prefix:name`` or to the form a ``--param`` accepts (``ccagm-003-2021/post/4.1.3``).

The W3C formats define SELECT results only; an ASK result is written as ``true``/``false`` in csv,
tsv and table, and a CONSTRUCT/DESCRIBE result as a table of ``subject predicate object``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from typing import Literal as TypingLiteral

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from retailkg.ns import BASE, PREFIXES
from retailkg.rdf.terms import Term, ntriples_term
from retailkg.text.normalise import clip, display_width

__all__ = [
    "FORMATS",
    "LexicalTable",
    "ResultTable",
    "Row",
    "compact",
    "normalise",
    "read_tsv_values",
    "render",
    "write_csv",
    "write_json",
    "write_table",
    "write_tsv",
]

Kind = TypingLiteral["select", "ask", "graph"]
FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class ResultTable:
    """A query result: variables and rows of terms (``None`` = unbound), or a boolean for ASK."""

    vars: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    kind: Kind = "select"
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, var: str) -> list[Term | None]:
        i = self.vars.index(var)
        return [r[i] for r in self.rows]

    def dicts(self) -> list[dict[str, Term]]:
        """Rows as ``{var: term}`` with unbound variables left out (handy in tests and scripts)."""
        return [{v: t for v, t in zip(self.vars, r, strict=True) if t is not None} for r in self.rows]

    def canonical(self) -> list[tuple[str, ...]]:
        """Rows as sorted tuples of N-Triples strings: the form two engines' answers are compared in."""
        return sorted(tuple("" if t is None else ntriples_term(t) for t in r) for r in self.rows)


# XML Schema's types derived from xsd:integer: stores disagree on keeping them (Virtuoso and rdflib
# do, Oxigraph stores the value as xsd:integer), so answers carry the value as xsd:integer
_INTEGER_SUBTYPES = frozenset(str(XSD[t]) for t in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
_DECIMAL = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$")


def normalise(term: Term | None) -> Term | None:
    """One spelling per term, whichever store answered: the one place where engines' differences in
    what they return are evened out.

    - ``xsd:string`` literals become simple literals: RDF 1.1 makes ``"a"`` and ``"a"^^xsd:string``
      the same term, but rdflib keeps them apart while Oxigraph and remote stores report the typed form;
    - language tags lowercase (Oxigraph, Virtuoso and rasqal lowercase them, rdflib keeps the case);
    - integer subtypes (``"5"^^xsd:positiveInteger``) become ``xsd:integer`` in canonical form, as
      Oxigraph stores them whatever was loaded;
    - booleans in canonical form: Virtuoso has no boolean values and answers ``"1"^^xsd:boolean``
      (lexically valid, but not the ``"true"`` every other engine gives);
    - decimals in Oxigraph's canonical form (``"1.0"`` → ``"1"``, ``"1.50"`` → ``"1.5"``), as Oxigraph
      and Virtuoso store them whatever was loaded.
    """
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.language and term.language != term.language.lower():
            return Literal(str(term), lang=term.language.lower())
        if term.datatype is not None and str(term.datatype) in _INTEGER_SUBTYPES and _INTEGER.match(str(term)):
            return Literal(str(int(str(term))), datatype=XSD.integer)
        if term.datatype == XSD.boolean and str(term) in ("1", "0"):
            return Literal("true" if str(term) == "1" else "false", datatype=XSD.boolean)
        if term.datatype == XSD.decimal and _DECIMAL.match(str(term)):
            value = Decimal(str(term).strip())
            canonical = str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
            return term if canonical == str(term) else Literal(canonical, datatype=XSD.decimal)
    return term


# Prefixes for the table, longest namespace first so that rkg: wins over the base IRI.
_TABLE_PREFIXES = sorted(((p, ns) for p, ns in PREFIXES.items() if p != "rkgg"), key=lambda x: -len(x[1]))
_LOCAL = re.compile(r"^[A-Za-z0-9_\-.]*$")


def compact(term: Term | None) -> str:
    """A short human-readable form: ``rkg:Post``, ``fn:user-growth``, ``ccagm-003-2021/post/4.1.3``.

    Those are exactly the forms an ``iri`` parameter accepts, so a value read in a table can be
    pasted into the next ``--param``.
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for prefix, ns in _TABLE_PREFIXES:
            if s.startswith(ns) and _LOCAL.match(s[len(ns):]) and not s[len(ns):].endswith("."):
                return f"{prefix}:{s[len(ns):]}"
        if s.startswith(BASE) and len(s) > len(BASE):
            return s[len(BASE):]
        return f"<{s}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if "\n" in str(term) or "\r" in str(term) else str(term)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - display_width(s))


def write_table(table: ResultTable, max_width: int = 60) -> str:
    """Aligned columns for a terminal; cells longer than ``max_width`` columns are clipped (0: never)."""
    if table.kind == "ask":
        return ("true" if table.boolean else "false") + "\n"
    header = list(table.vars)
    body = [[clip(compact(t), max_width) for t in row] for row in table.rows]
    if not header:
        return ""
    widths = [max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    n = len(table.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def write_csv(table: ResultTable) -> str:
    """SPARQL 1.1 Query Results CSV: bare values, fields quoted when needed, CRLF line ends."""
    if table.kind == "ask":
        return ("true" if table.boolean else "false") + "\r\n"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(table.vars)
    for row in table.rows:
        w.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def write_tsv(table: ResultTable) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` header, RDF term syntax, empty field when unbound."""
    if table.kind == "ask":
        return ("true" if table.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in table.vars)]
    lines += ["\t".join("" if t is None else ntriples_term(t) for t in row) for row in table.rows]
    return "\n".join(lines) + "\n"


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_UNESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _unescape(m: re.Match[str]) -> str:
    if m.group(3) is not None:
        return _UNESCAPED.get(m.group(3), m.group(3))
    return chr(int(m.group(1) or m.group(2), 16))


def _tsv_value(field: str) -> str | None:
    if not field:
        return None
    first = field[0]
    if first == "<":
        return field[1:-1]
    if first == '"':  # "text", "text"@zh or "text"^^<datatype>: the closing quote is the last one
        text = field[1:field.rfind('"')]
        return _UNESCAPE.sub(_unescape, text) if "\\" in text else text
    if field.startswith("_:"):
        return field[2:]
    return field  # a number or boolean in its Turtle short form: the lexical form itself


def read_tsv_values(data: bytes | str) -> tuple[list[str], list[list[str | None]]]:
    """The variables and rows of a SPARQL 1.1 TSV result, each value as a plain string: an IRI,
    a literal's lexical form, a blank node's label (without ``_:``); None when unbound.

    Why read TSV at all: pyoxigraph writes a result as TSV in Rust without holding the GIL, whereas
    iterating its solutions takes the GIL once per row, and a busy thread beside it then stalls
    every row (validate names findings while the rules run: bench/RESULTS.md, "scale").
    """
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    lines = text.split("\n")
    if lines and lines[-1] == "":  # the newline that ends the last row (or the header)
        lines.pop()
    if not lines:
        return [], []
    names = [h[1:] if h.startswith("?") else h for h in lines[0].rstrip("\r").split("\t")]
    # every other line is a row, an empty one too: the row of a single unbound variable
    rows = [[_tsv_value(f) for f in line.rstrip("\r").split("\t")] for line in lines[1:]]
    return names, rows


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def write_json(table: ResultTable) -> str:
    """SPARQL 1.1 Query Results JSON (``application/sparql-results+json``)."""
    if table.kind == "ask":
        doc: dict[str, object] = {"head": {}, "boolean": bool(table.boolean)}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(table.vars, row, strict=True) if t is not None} for row in table.rows]
        doc = {"head": {"vars": list(table.vars)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def render(table: ResultTable, fmt: str, *, max_width: int = 60) -> str:
    """The table in one of :data:`FORMATS`."""
    if fmt == "table":
        return write_table(table, max_width)
    if fmt == "csv":
        return write_csv(table)
    if fmt == "tsv":
        return write_tsv(table)
    if fmt == "json":
        return write_json(table)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def from_rows(vars: Sequence[str], rows: Iterable[Sequence[Any]], kind: Kind = "select") -> ResultTable:
    """Build a normalised table from any iterable of rows of rdflib terms (or None), as rdflib's results and graphs give them."""
    return ResultTable(list(vars), [tuple(normalise(t) for t in r) for r in rows], kind)


Row = dict[str, str | None]


@dataclass(frozen=True)
class LexicalTable:
    """A SELECT answer as plain strings: the variables and one list of values per row (IRIs, literals'
    lexical forms, blank node labels; None when unbound).

    The rules and the report's queries read this form: they compare IRIs and never need a literal's
    datatype, and at a million triples building rdflib terms for tens of thousands of rows would cost
    more than the queries (a :class:`ResultTable` is for answers shown to people). Reading rows by column
    index costs a third of building a dict per row.
    """

    names: list[str]
    rows: list[list[str | None]]

    def column(self, name: str) -> int:
        """The index of variable ``name`` (ValueError when the query does not select it)."""
        return self.names.index(name)

    def dicts(self) -> Iterator[Row]:
        """Each row as a dict of variable to value."""
        names = self.names
        for row in self.rows:
            yield dict(zip(names, row, strict=True))

    @classmethod
    def of(cls, table: ResultTable) -> LexicalTable:
        """A table of terms as lexical values (what an endpoint or rdflib answers, read like Oxigraph's TSV)."""
        return cls([str(v) for v in table.vars], [[None if t is None else str(t) for t in row] for row in table.rows])


def write_turtle(table: ResultTable, source: str = "query") -> str:
    """A CONSTRUCT or DESCRIBE answer as Turtle with retailkg's prefixes; InputError for any other answer."""
    from rdflib import Graph

    from retailkg.errors import InputError

    if table.kind != "graph":
        raise InputError("--format ttl writes the graph of a CONSTRUCT or DESCRIBE query; use table, csv, tsv or json", file=source)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o in table.rows:
        if s is not None and p is not None and o is not None:
            g.add((s, p, o))
    return g.serialize(format="turtle")
