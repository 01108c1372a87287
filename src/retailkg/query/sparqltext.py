"""SPARQL query text: checking it, and the two safe edits retailkg makes to it.

- :func:`check` parses a query (rdflib's parser, nothing is evaluated) and says what kind it is;
  an update, or malformed text, becomes an :class:`~retailkg.errors.InputError` with line and
  column, worded the same whichever engine would have run it.
- :func:`inject_values` binds parameters for a remote endpoint, where neither rdflib's
  ``initBindings`` nor pyoxigraph's ``substitutions`` exist: it puts ``VALUES (?a ?b) { (… …) }``
  at the start of the top-level WHERE group. The values are N-Triples terms
  (:func:`retailkg.rdf.terms.ntriples_term`), which escape every quote, backslash and line break,
  so a value can never leave its literal; the position is found by a lexer that skips strings,
  IRIs and comments, never by a regular expression over the whole text. At the start of the
  group the VALUES block is joined before OPTIONAL, FILTER, GROUP BY and the projection, which
  gives the same answers as rdflib's pre-bound variables and Oxigraph's substitution (SEP-0007)
  for queries that project their parameters (retailkg checks that they do). A trailing VALUES
  clause would not: it is joined after GROUP BY.
- :func:`refuse_service` refuses a federated query (``SERVICE <url> { … }``): run by retailkg, it
  would make the engine (or ``retailkg serve``, for anyone who can reach it) fetch any URL.
- :func:`with_page` appends ``LIMIT``/``OFFSET`` so that :class:`~retailkg.query.engines.EndpointEngine`
  can page through a store that silently caps results (Virtuoso's ``ResultSetMaxRows``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from retailkg.errors import InputError
from retailkg.rdf.terms import Term, ntriples_term

__all__ = ["QueryInfo", "check", "check_bindings", "inject_values", "is_update", "refuse_service", "syntax_error", "with_page"]

_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}


@dataclass(frozen=True)
class QueryInfo:
    """What a parsed query is: its kind and the top-level solution modifiers that matter here."""

    kind: str  # select | ask | construct | describe
    projected: tuple[str, ...] | None  # None for SELECT * (and non-SELECT queries)
    ordered: bool
    limited: bool
    trailing_values: bool

    @property
    def pageable(self) -> bool:
        """A SELECT with ORDER BY and no LIMIT/OFFSET/VALUES of its own can be paged safely."""
        return self.kind == "select" and self.ordered and not self.limited and not self.trailing_values


_OXI_POS = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_UPDATE_WORDS = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def is_update(text: str) -> bool:
    """True if ``text`` parses as a SPARQL 1.1 Update (and so must not be run as a query)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    if not _UPDATE_WORDS.search(text):
        return False
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _update_error(text: str, source: str) -> InputError:
    m = _UPDATE_WORDS.search(_strip_comments_and_strings(text))
    word = m.group(1).upper() if m else "update"
    return InputError(f"this is a SPARQL update ({word}); retailkg only runs read queries (SELECT, ASK, CONSTRUCT, DESCRIBE)",
                      file=source)


def syntax_error(text: str, source: str, fallback: Exception | None = None) -> InputError:
    """The one-line error for text that is not a valid query: an update, or a located syntax error.

    Every engine reports a malformed query through this function, so the same mistake reads the
    same whichever engine found it. The position comes from rdflib's parser, which points at the
    start of the clause it could not read (Oxigraph points past it); the message quotes the text
    there, which says more to a person than a list of expected keywords.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    if is_update(text):
        return _update_error(text, source)
    located: Exception | None = fallback if isinstance(fallback, ParseException) else None
    if located is None:
        try:
            parseQuery(text)
        except ParseException as e:
            located = e
        except Exception as e:
            return InputError(f"SPARQL syntax error: {' '.join(str(e).split())[:200]}", file=source)
    if located is not None:
        line, col = int(getattr(located, "lineno", 0) or 0), int(getattr(located, "col", 0) or 0)
        lines = text.splitlines() or [""]
        here = lines[line - 1][col - 1:] if 0 < line <= len(lines) else ""
        snippet = " ".join(here.split())[:40] or "end of query"
        return InputError(f"SPARQL syntax error near {snippet!r}", file=source, line=line or None, column=col or None)
    # rdflib reads it but the engine did not: report the engine's own words
    m = _OXI_POS.match(str(fallback or ""))
    if m:
        return InputError(f"SPARQL syntax error: {m.group(3).strip()}", file=source, line=int(m.group(1)), column=int(m.group(2)))
    return InputError(f"SPARQL syntax error: {fallback}", file=source)


_PARSE_LOCK = threading.Lock()


def check(text: str, source: str = "query") -> QueryInfo:
    """Parse ``text`` as a SPARQL query without running it; raise :class:`InputError` if it is not one.

    rdflib's parser (pyparsing) keeps state between calls: two threads parsing at once fail with
    errors such as "postParse2() missing 1 required positional argument", so parses take turns
    (validate asks an endpoint the rules' queries from two threads).
    """
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with _PARSE_LOCK:
            parsed = parseQuery(text)
    except Exception as e:
        raise syntax_error(text, source, e) from None
    q: Any = parsed[1]
    kind = _KINDS.get(q.name, q.name)
    projected = None
    if kind == "select" and "projection" in q:
        projected = tuple(str(p["var"] if "var" in p else p["evar"]) for p in q["projection"])
    return QueryInfo(
        kind=kind,
        projected=projected,
        ordered="orderby" in q,  # CompValue.get() does not return None for a missing key
        limited="limitoffset" in q,
        trailing_values="valuesClause" in q,
    )


def check_bindings(info: QueryInfo, bindings: Mapping[str, Any], source: str = "query") -> None:
    """Parameters must be SELECT variables (SEP-0007, which Oxigraph implements): refuse others.

    Holding every engine to Oxigraph's rule keeps their answers the same: a bound variable that is
    projected is bound from the start of the query in all three binding mechanisms.
    """
    if not bindings:
        return
    if info.kind != "select":
        raise InputError(f"parameters need a SELECT query, not {info.kind.upper()}", file=source)
    if info.projected is None:
        return
    missing = [k for k in bindings if k not in info.projected]
    if missing:
        names = ", ".join(f"?{k}" for k in missing)
        raise InputError(f"parameter {names} is not in the SELECT clause; a bound variable must be selected", file=source)


_SERVICE_WORD = re.compile(r"service", re.I)


def _has_service(node: Any) -> bool:
    """True if rdflib's parse tree holds a ``ServiceGraphPattern`` anywhere (sub-queries, EXISTS, …)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, str):  # terms and keywords
            continue
        if isinstance(n, CompValue):
            if n.name == "ServiceGraphPattern":
                return True
            stack.extend(n.values())
        elif isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, list | tuple) or hasattr(n, "asList"):
            stack.extend(list(n))
    return False


def refuse_service(text: str, source: str = "query") -> None:
    """Raise :class:`InputError` if ``text`` calls ``SERVICE``: retailkg never runs a federated query.

    An engine that evaluates ``SERVICE <url>`` fetches that URL, so a query could make
    ``retailkg serve`` a proxy into the network it runs in. Queries without the word outside
    strings, IRIs and comments pass at once; the others are parsed (rdflib, nothing is evaluated)
    and refused if the parse tree holds a SERVICE pattern, so ``?service`` or ``ex:service`` pass.
    Text that does not parse is reported as a syntax error, never run on a guess.
    """
    try:
        code = "".join(text[a:b] for kind, a, b in _scan(text) if kind == "code")
    except ValueError:
        code = text
    if not _SERVICE_WORD.search(code):
        return
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with _PARSE_LOCK:
            parsed = parseQuery(text)
    except Exception as e:
        raise syntax_error(text, source, e) from None
    if _has_service(parsed):
        raise InputError("SERVICE (a federated query) is refused: retailkg queries its own graph and fetches nothing "
                         "from elsewhere", file=source)


# --- a small SPARQL lexer: enough to find top-level braces outside strings, IRIs and comments ----

_STRING_LONG = re.compile(r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"", re.S)
_STRING_SHORT = re.compile(r"'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\"")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_COMMENT = re.compile(r"#[^\n\r]*")


def _scan(text: str) -> Iterator[tuple[str, int, int]]:
    """Split SPARQL text into ``(kind, start, end)`` runs: "comment", "string", "iri" or "code".

    One scanner serves every place that must not mistake a ``{`` or a keyword inside a string,
    IRI or comment for syntax (finding the WHERE group, spotting updates). An unterminated string
    raises ValueError.
    """
    i, n, code_start = 0, len(text), 0
    while i < n:
        c = text[i]
        m = None
        kind = ""
        if c == "#":
            m, kind = _COMMENT.match(text, i), "comment"
        elif c in "'\"":
            m, kind = _STRING_LONG.match(text, i) or _STRING_SHORT.match(text, i), "string"
            if m is None:
                raise ValueError(f"unterminated string at offset {i}")
        elif c == "<":
            m, kind = _IRIREF.match(text, i), "iri"
        if m is None:
            i += 1
            continue
        if code_start < i:
            yield "code", code_start, i
        yield kind, i, m.end()
        i = code_start = m.end()
    if code_start < n:
        yield "code", code_start, n


def _tokens(text: str) -> list[tuple[int, str]]:
    """Positions of the structural characters ``{ } ( )`` that are not inside a string, IRI or comment."""
    return [(i, text[i]) for kind, a, b in _scan(text) if kind == "code" for i in range(a, b) if text[i] in "{}()"]


def _strip_comments_and_strings(text: str) -> str:
    """The text with every comment and string replaced by a space (IRIs kept)."""
    try:
        return "".join(" " if kind in ("comment", "string") else text[a:b] for kind, a, b in _scan(text))
    except ValueError:
        return text


def _where_brace(text: str, kind: str) -> int:
    """Offset of the ``{`` that opens the top-level WHERE group."""
    toks = _tokens(text)
    paren = 0
    depth = 0
    groups_seen = 0
    construct_template = False
    if kind == "construct":
        # CONSTRUCT { template } WHERE { … } has two top-level groups; CONSTRUCT WHERE { … } one.
        head = _strip_comments_and_strings(text)
        construct_template = re.search(r"\bCONSTRUCT\s*\{", head, re.I) is not None
    for pos, c in toks:
        if c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        elif c == "{":
            if depth == 0 and paren == 0:
                if construct_template and groups_seen == 0:
                    groups_seen += 1
                    depth += 1
                    continue
                return pos
            depth += 1
        elif c == "}":
            depth -= 1
    raise ValueError("no WHERE group found")


def inject_values(text: str, bindings: Mapping[str, Term], source: str = "query") -> str:
    """Bind ``bindings`` by a VALUES block at the start of the WHERE group (see the module docstring)."""
    if not bindings:
        return text
    info = check(text, source)
    check_bindings(info, bindings, source)
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise InputError(f"not a variable name: {n!r}", file=source)
    values = " ".join(ntriples_term(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }} "
    pos = _where_brace(text, info.kind)
    out = text[: pos + 1] + block + text[pos + 1 :]
    check(out, source)  # the edit must leave a valid query
    return out


def with_page(text: str, limit: int, offset: int) -> str:
    """``text`` with ``LIMIT``/``OFFSET`` appended (on a new line, so a trailing comment cannot eat it)."""
    return f"{text.rstrip()}\nLIMIT {int(limit)} OFFSET {int(offset)}\n"
