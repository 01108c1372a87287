"""The Python API for notebooks and scripts: the knowledge graph, its named queries, search and
validation, answering with typed rows and pandas DataFrames.

It is a facade over the library the ``retailkg`` command calls, not a second implementation: a
named query runs through :meth:`retailkg.query.catalogue.NamedQuery.run`, the engine is chosen by
:func:`retailkg.query.engines.connect`, search is :class:`retailkg.query.search.SearchIndex` and
validation :func:`retailkg.validation.pipeline.validate`, exactly as on the command line; so the
two answer alike, and a test runs every named query both ways to keep them so. A user's mistake
raises :class:`retailkg.errors.InputError` with the very line the CLI prints before exiting 2.

::

    import retailkg

    kg = retailkg.open()                                   # the bundled graph, built once and cached
    kg.queries()                                           # the named queries and their parameters
    shared = kg.query("functions-shared", doc="ccagm-003-2021")
    shared.rows[0]                                         # a tuple of typed values
    shared.to_pandas()                                     # pip install 'retailkg[pandas]'
    kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/retailkg/ontology#Post> }").rows
    kg.search("会员 拉新").to_pandas()
    report = kg.validate("examples/taobao-ops.yaml")
    report.findings_frame()

Values in rows: an IRI is an :class:`IRI` (a ``str``), a literal the Python value of its datatype
(:func:`python_value`), an unbound variable ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from retailkg.errors import InputError
from retailkg.optional import require
from retailkg.query.catalogue import NamedQuery, catalogue, get_query, parse_term, resolve_iri
from retailkg.query.engines import DEFAULT_ENGINE, ENGINES, Engine, connect
from retailkg.query.results import ResultTable, compact, render, write_turtle
from retailkg.query.search import SearchHit, SearchIndex, hits_table
from retailkg.rdf.terms import Term

if TYPE_CHECKING:
    import pandas

    from retailkg.validation.findings import Report

__all__ = ["CJK_FONTS", "IRI", "BindValue", "KnowledgeGraph", "ParamValue", "Result", "SearchResult", "Value", "open", "pyplot",
           "python_value"]


class IRI(str):
    """An IRI in a result row.

    It is a ``str``, so it compares, joins and prints as the IRI itself (and is a plain string
    column in a DataFrame); its type tells it from a literal that happens to look like an IRI.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"

    @property
    def compact(self) -> str:
        """The short form the CLI's table shows and a parameter accepts: ``fn:user-growth``,
        ``ccagm-003-2021/post/4.1.3``."""
        return compact(URIRef(str(self)))


Value = str | int | float | bool | date | datetime | time | None
"""What a cell of :attr:`Result.rows` holds."""

_INTEGERS = frozenset({XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger, XSD.positiveInteger,
                       XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort,
                       XSD.unsignedByte})
_FLOATS = frozenset({XSD.decimal, XSD.double, XSD.float})
_TIMES = frozenset({XSD.date, XSD.dateTime, XSD.time})
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def python_value(term: Term | None) -> Value:
    """A result's term as a Python value.

    An IRI → :class:`IRI`; a blank node → ``"_:label"``; a literal of an integer type → ``int``,
    of ``xsd:decimal``, ``xsd:double`` or ``xsd:float`` → ``float`` (an analyst sums and plots
    them; :attr:`Result.table` keeps the exact terms), of ``xsd:boolean`` → ``bool``, of a date or
    time type → ``date``, ``datetime`` or ``time``; any other literal, a language-tagged one
    included, → its text (the queries choose the language). A literal that is not a valid value
    of its datatype stays text rather than failing the whole answer. Unbound → ``None``.
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return IRI(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term)
    dt = term.datatype if isinstance(term, Literal) else None
    if dt is None:
        return text
    try:
        if dt in _INTEGERS:
            return int(text)
        if dt in _FLOATS:
            return float(text)
    except ValueError:
        return text
    if dt == XSD.boolean:
        return _BOOLEANS.get(text.strip(), text)
    if dt in _TIMES:
        value = term.toPython()
        if isinstance(value, (date, datetime, time)):
            return value
    return text


def _shown(value: Value, compact: bool) -> Value:
    return value.compact if compact and isinstance(value, IRI) else value


_WRITE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".txt": "table", ".ttl": "ttl"}


class Result:
    """The answer to a query: variables and rows of typed values, or a boolean for ASK.

    ``rows`` hold Python values (:func:`python_value`); ``table`` the RDF terms the CLI writes,
    so :meth:`to_csv`, :meth:`to_tsv`, :meth:`to_json` and :meth:`to_table` give byte for byte
    what ``retailkg query run --format …`` prints.
    """

    def __init__(self, table: ResultTable, source: str = "query") -> None:
        #: The answer as RDF terms (rdflib), as the engines give it and the CLI writes it.
        self.table = table
        #: The named query's name, or ``query`` for :meth:`KnowledgeGraph.sparql`.
        self.source = source

    @property
    def vars(self) -> list[str]:
        """The query's variables, in its SELECT order: the DataFrame's columns."""
        return list(self.table.vars)

    @property
    def kind(self) -> str:
        """``select``, ``ask``, or ``graph`` (CONSTRUCT and DESCRIBE: rows of subject, predicate, object)."""
        return self.table.kind

    @property
    def boolean(self) -> bool | None:
        """The answer of an ASK query; None for any other."""
        return self.table.boolean

    @cached_property
    def rows(self) -> list[tuple[Value, ...]]:
        """One tuple per solution, in the query's order, a value per variable (None when unbound)."""
        seen: dict[Term, Value] = {}

        def value(t: Term | None) -> Value:
            if t is None:
                return None
            if t not in seen:
                seen[t] = python_value(t)
            return seen[t]

        return [tuple(value(t) for t in row) for row in self.table.rows]

    def __len__(self) -> int:
        return len(self.table.rows)

    def __bool__(self) -> bool:
        """An ASK answer's truth; for any other query, whether it has a row (``if kg.sparql("ASK …"):``
        would otherwise always be false, an ASK answer having no rows)."""
        return bool(self.table.boolean) if self.kind == "ask" else bool(self.table.rows)

    def __iter__(self) -> Iterator[tuple[Value, ...]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<Result of {self.source}: {self.boolean}>"
        n = len(self)
        return f"<Result of {self.source}: {n} row{'s' if n != 1 else ''} × {', '.join(self.vars)}>"

    def dicts(self) -> list[dict[str, Value]]:
        """The rows as dicts of variable to value, every variable present (None when unbound)."""
        names = self.vars
        return [dict(zip(names, row, strict=True)) for row in self.rows]

    def column(self, var: str) -> list[Value]:
        """The values of one variable, row by row."""
        if var not in self.table.vars:
            raise InputError(f"no variable ?{var} in the result (its variables: {', '.join(self.vars) or 'none'})", file=self.source)
        i = self.table.vars.index(var)
        return [row[i] for row in self.rows]

    def to_pandas(self, *, compact: bool = False) -> pandas.DataFrame:
        """The rows as a DataFrame whose columns are the query's variables (pandas is an extra:
        ``pip install 'retailkg[pandas]'``).

        IRIs become plain strings, in full or, with ``compact``, as the CLI's table shows them
        (:attr:`IRI.compact`: shorter to read, and what a parameter takes). An integer column with
        unbound cells is pandas' nullable ``Int64`` rather than floats. An ASK answer is one row
        with the column ``boolean``.
        """
        pd = require("pandas", "Result.to_pandas()")
        if self.kind == "ask":
            return pd.DataFrame({"boolean": [self.boolean]})
        columns: dict[str, Any] = {}
        for i, name in enumerate(self.vars):
            values = [_shown(row[i], compact) for row in self.rows]
            present = [v for v in values if v is not None]
            if present and len(present) < len(values) and all(type(v) is int for v in present):
                columns[name] = pd.array(values, dtype="Int64")
            else:
                columns[name] = values
        return pd.DataFrame(columns, columns=self.vars)

    def render(self, fmt: str = "table", *, max_width: int = 60) -> str:
        """The answer in one of the CLI's formats: ``table``, ``csv``, ``tsv``, ``json``, or ``ttl``
        for the graph of a CONSTRUCT or DESCRIBE."""
        if fmt == "ttl":
            return write_turtle(self.table, self.source)
        try:
            return render(self.table, fmt, max_width=max_width)
        except ValueError:
            raise InputError(f"unknown format {fmt!r}; one of table, csv, tsv, json, ttl", field="--format") from None

    def to_table(self, max_width: int = 60) -> str:
        """Aligned columns for people, as ``--format table`` (cells clipped to ``max_width``; 0: never)."""
        return self.render("table", max_width=max_width)

    def to_csv(self) -> str:
        """W3C SPARQL 1.1 Query Results CSV, as ``--format csv``."""
        return self.render("csv")

    def to_tsv(self) -> str:
        """W3C SPARQL 1.1 Query Results TSV, as ``--format tsv``."""
        return self.render("tsv")

    def to_json(self) -> str:
        """W3C SPARQL 1.1 Query Results JSON, as ``--format json``."""
        return self.render("json")

    def to_turtle(self) -> str:
        """The graph of a CONSTRUCT or DESCRIBE answer as Turtle, as ``retailkg sparql --format ttl``."""
        return self.render("ttl")

    def write(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the answer to ``path`` atomically (nothing half-written), in ``fmt`` or the format
        its suffix names (``.csv``, ``.tsv``, ``.json``, ``.txt`` for the table, ``.ttl``)."""
        from retailkg.rdf.io import atomic_write

        out = Path(path)
        if fmt is None:
            fmt = _WRITE_FORMATS.get(out.suffix.lower())
            if fmt is None:
                raise InputError(f"cannot tell the format from the suffix {out.suffix!r}; give fmt= (one of table, csv, tsv, "
                                 "json, ttl)", file=str(out))
        atomic_write(out, self.render(fmt, max_width=0))
        return out


class SearchResult(Result):
    """Ranked search hits: the table ``retailkg search`` prints (rank, score, type, document,
    clause, post, text), and in :attr:`hits` every field of each hit (its IRI, both languages)."""

    def __init__(self, hits: Sequence[SearchHit], query: str) -> None:
        super().__init__(hits_table(hits), "search")
        #: The hits, best first, each with its rank, score and entry (IRI, kind, texts in zh and en, posts, clause).
        self.hits = list(hits)
        #: What was searched for.
        self.query = query

    def __repr__(self) -> str:
        return f"<SearchResult for {self.query!r}: {len(self.hits)} hits>"


ParamValue = str | int
"""A named query's parameter value: what ``--param NAME=VALUE`` takes (an :class:`IRI` is a str)."""

BindValue = str | int | float | bool | Term
"""A value bound to a variable of :meth:`KnowledgeGraph.sparql`."""


def _param_text(name: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"--param {name}: give a str (an IRI too) or an int, not {type(value).__name__}")
    return str(value)


def _bind(name: str, value: object) -> Term:
    """A Python value as the term ``retailkg sparql --param`` would bind for it."""
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if isinstance(value, IRI):
        return resolve_iri(value, f"--param {name}")
    if isinstance(value, (bool, int, float)):
        return Literal(value)
    if isinstance(value, str):
        return parse_term(value)
    raise InputError(f"--param {name}: cannot bind a {type(value).__name__}; give a str, int, float, bool or IRI")


class KnowledgeGraph:
    """The knowledge graph, embedded (the bundled build or a graph file) or behind a SPARQL endpoint.

    Open one with :func:`open`. Every method answers from the same engine; validation checks
    designs against the bundled standards whichever graph is open.
    """

    def __init__(self, engine: Engine, *, endpoint: str | None = None, credentials: Any = None, timeout: float = 60.0) -> None:
        #: Where every query runs (:func:`retailkg.query.engines.connect` chose it).
        self.engine = engine
        #: The SPARQL endpoint's URL, or None for the embedded store.
        self.endpoint = endpoint
        self.credentials = credentials
        self.timeout = timeout

    def __repr__(self) -> str:
        where = self.endpoint or getattr(self.engine, "name", "engine")
        return f"<KnowledgeGraph {where}>"

    def queries(self) -> list[NamedQuery]:
        """The named queries (``queries/*.rq``) in name order, each with its titles, description,
        parameters (``.params``: name, type, default, description, ``.required``) and examples."""
        return list(catalogue().values())

    def query(self, name: str, /, **params: ParamValue) -> Result:
        """Run the named query ``name`` with ``params`` bound, as ``retailkg query run NAME --param k=v``.

        Values are what ``--param`` takes: an IRI in full, as ``prefix:name`` or relative to
        ``https://w3id.org/retailkg/`` (``doc="ccagm-003-2021"``), a string, an integer; ``"*"``
        where the default is ``*`` means any. They are bound, never pasted into the query text.
        An unknown query or parameter, a missing required one, or an IRI that names nothing in the
        graph raises :class:`~retailkg.errors.InputError`.
        """
        if not isinstance(name, str):
            raise InputError(f"the query's name must be a str, not {type(name).__name__}; kg.queries() lists them")
        q = get_query(name)
        return Result(q.run(self.engine, {k: _param_text(k, v) for k, v in params.items()}), q.name)

    def sparql(self, text: str, /, **params: BindValue) -> Result:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE; updates are refused) over the
        union of the named graphs, inferences included, as ``retailkg sparql``.

        ``params`` bind variables of the query: an :class:`IRI` or an rdflib term as it is, a
        ``bool``, ``int`` or ``float`` as a typed literal, a ``str`` read as ``--param`` reads it
        (``<iri>``, ``prefix:name``, ``"text"@zh``, ``42``, else plain text). A syntax error
        raises :class:`~retailkg.errors.InputError` naming the line and column.
        """
        if not isinstance(text, str):
            raise InputError(f"the query must be a str of SPARQL, not {type(text).__name__}")
        bindings = {k: _bind(k, v) for k, v in params.items()}
        return Result(self.engine.query(text, bindings, source="query"), "query")

    @cached_property
    def _index(self) -> SearchIndex:
        return SearchIndex.from_engine(self.engine)

    def search(self, text: str, *, kinds: str | Sequence[str] | None = None, limit: int | None = 10) -> SearchResult:
        """Ranked full-text search (Chinese and English) over posts, duties, competencies, metrics
        and terms, as ``retailkg search``; ``kinds`` keeps hits of those types only, ``limit`` (None:
        every hit) how many. The index is built on the first search and kept."""
        if not isinstance(text, str):
            raise InputError(f"search for a str, not {type(text).__name__}")
        if isinstance(kinds, str):
            kinds = [kinds]
        if limit is not None and limit < 1:
            raise InputError(f"limit must be at least 1, not {limit}", field="--limit")
        return SearchResult(self._index.search(text, limit=limit, kinds=kinds or None), text)

    def validate(self, design: str | Path | None = None, *, baseline: str | None = None, graph: str | None = None,
                 timeout: float = 600.0, shapes: Sequence[str | Path] = (), profile: str | Path | None = None) -> Report:
        """Find overlaps (交叉) and gaps (空白) in a post design, as ``retailkg validate``, and return
        the :class:`~retailkg.validation.findings.Report` (``.findings_frame()``, ``.coverage_frame()``).

        ``design`` is any input the CLI takes: a YAML design, a folder of CSV files, an Excel
        workbook, a client's job descriptions (.docx, .pdf, .txt, .md or a folder of them), or RDF
        (.nt, .ttl, .nq, .trig). Without it: on an endpoint, the organisations stored there (only
        those of ``graph`` when given); otherwise the bundled documents themselves. ``baseline`` is
        the standard to check against (T/CCAGM 003-2021 by default). ``shapes`` adds your own rules
        (SHACL shapes files, as ``--shapes``) and ``profile`` re-levels or silences rules (a TSV, as
        ``--profile``).
        """
        from retailkg.validation.pipeline import validate
        from retailkg.validation.ruleset import load_rule_set

        rule_set = load_rule_set([Path(p) for p in shapes], Path(profile) if profile is not None else None)
        if design is None and self.endpoint is not None:
            return validate(None, baseline, endpoint=self.endpoint, graph=graph, credentials=self.credentials, timeout=timeout,
                            shapes=rule_set)
        return validate(Path(design) if design is not None else None, baseline, graph=graph, shapes=rule_set)


def open(path: str | Path | None = None, *, endpoint: str | None = None, engine: str | None = None, auth: str = "basic",
         timeout: float = 60.0) -> KnowledgeGraph:
    """Open the knowledge graph.

    - ``retailkg.open()``: the bundled build, built on first use (seconds: reasoning) and cached
      as ``retailkg query`` caches it.
    - ``retailkg.open(path)``: a build (``retailkg.trig``, or the folder ``retailkg build -o``
      wrote) or any graph file (.trig, .nq, .ttl, .nt, .jsonld).
    - ``retailkg.open(endpoint=URL)``: a SPARQL 1.1 endpoint that ``retailkg load`` filled; it is
      asked once here, so an unreachable one fails now. Credentials come only from
      ``RETAILKG_USER`` and ``RETAILKG_PASSWORD`` (``auth``: basic or digest), never from code
      that might be shared.

    ``engine`` chooses the embedded engine: ``oxigraph`` (the default, the faster) or ``rdflib``.
    """
    if endpoint is not None and (path is not None or engine is not None):
        raise InputError("endpoint= queries a remote store: do not combine it with a path or engine=", field="--endpoint")
    if engine is not None and engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}", field="--engine")
    if endpoint is not None:
        from retailkg.query.remote import credentials_from_env

        credentials = credentials_from_env(auth)
        kg = KnowledgeGraph(connect(endpoint=endpoint, credentials=credentials, timeout=timeout), endpoint=endpoint,
                            credentials=credentials, timeout=timeout)
        kg.engine.query("ASK {}", source="endpoint check")
        return kg
    graph = Path(path) if path is not None else None
    if graph is not None and graph.is_dir():
        if not (graph / "retailkg.trig").is_file():
            raise InputError("no retailkg.trig in this folder (`retailkg build -o FOLDER` writes one)", file=str(graph))
        graph = graph / "retailkg.trig"
    return KnowledgeGraph(connect(graph, kind=engine or DEFAULT_ENGINE), timeout=timeout)


CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
              "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Hiragino Sans GB",
              "Droid Sans Fallback", "AR PL UMing CN")


def pyplot() -> ModuleType:
    """``matplotlib.pyplot``, set to draw Chinese labels (matplotlib is an extra: ``pip install
    'retailkg[notebook]'``).

    matplotlib's default font has no Chinese glyphs, so the names of posts and departments would
    come out as empty boxes; the first installed font of a list of common CJK fonts (WenQuanYi,
    Noto Sans CJK, Source Han Sans, SimHei, Microsoft YaHei, PingFang …) is put first. With none
    installed, charts still draw, with boxes.
    """
    plt = require("matplotlib.pyplot", "retailkg.pyplot()")
    matplotlib = require("matplotlib", "retailkg.pyplot()")
    installed = {f.name for f in matplotlib.font_manager.fontManager.ttflist}
    found = [name for name in CJK_FONTS if name in installed]
    rc = matplotlib.rcParams
    if found:
        rc["font.sans-serif"] = [*found, *(f for f in rc["font.sans-serif"] if f not in found)]
        rc["font.family"] = "sans-serif"
    rc["axes.unicode_minus"] = False  # CJK fonts often lack U+2212, the minus sign of tick labels
    return plt
