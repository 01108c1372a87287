"""``retailkg search``: ranked full-text search over posts, duties, competencies, metrics and terms.

SPARQL's CONTAINS finds substrings but cannot rank, and Chinese has no spaces to split words at.
Here every searchable thing is one short document — its Chinese and English labels, definitions
and alternative labels — segmented by :mod:`retailkg.text.index` (jieba for Chinese, lower-cased
words for English) and ranked with BM25. Each hit carries what a reader needs to check it: the
post it belongs to, the document and the clause.

The corpus is read from the built graph with one SPARQL query (on the embedded engine), so search
sees exactly what the named queries see, inferences included (a metric's accountable posts).

Every search is a new process, and building the index means loading jieba's dictionary and
segmenting every label: most of a second, for a query that then takes a millisecond. So the
index is saved in the cache folder the first time (:meth:`SearchIndex.for_graph`), under a key of
the graph file's bytes, the code that builds the index and jieba's dictionary, and the query is
segmented with a :class:`~retailkg.text.index.Lexicon` saved beside it: a search after the first
reads two small files and loads neither jieba's dictionary nor the graph.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from retailkg import __version__
from retailkg.errors import InputError
from retailkg.ns import BASE
from retailkg.query.results import ResultTable
from retailkg.rdf.io import atomic_write
from retailkg.text.index import BM25Index, Lexicon, tokenize

if TYPE_CHECKING:
    from retailkg.query.engines import Engine

__all__ = ["KINDS", "Entry", "SearchHit", "SearchIndex", "hits_table", "index_key"]

KINDS = ("post", "duty", "competency", "metric", "term")

_CORPUS = """
PREFIX rkg:  <https://w3id.org/retailkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item ?kind ?doc ?reference ?clauseNumber ?post ?postLabel ?text ?field
WHERE {
  {
    { ?item a rkg:Post ; rdfs:label ?postLabel . BIND ("post" AS ?kind) BIND (?item AS ?post) }
    UNION { ?item a rkg:Duty ; rkg:dutyOf ?post . ?post rdfs:label ?postLabel . BIND ("duty" AS ?kind) }
    UNION { ?item a rkg:Competency ; rkg:competencyOf ?post . ?post rdfs:label ?postLabel . BIND ("competency" AS ?kind) }
    UNION { ?item a rkg:Metric . BIND ("metric" AS ?kind) OPTIONAL { ?item rkg:accountablePost ?post . ?post rdfs:label ?postLabel } }
    UNION { ?item a rkg:Term . BIND ("term" AS ?kind) }
  }
  FILTER (!BOUND(?postLabel) || lang(?postLabel) = "zh")
  ?item rkg:sourceDocument ?doc .
  { ?item rdfs:label ?text . BIND ("label" AS ?field) }
  UNION { ?item skos:definition ?text . BIND ("definition" AS ?field) }
  UNION { ?item skos:altLabel ?text . BIND ("altLabel" AS ?field) }
  OPTIONAL { ?item rkg:reference ?reference }
  OPTIONAL { ?item rkg:sourceClause ?clause . ?clause rkg:clauseNumber ?clauseNumber }
}
"""


@dataclass
class Entry:
    """One searchable thing and where it comes from."""

    kind: str
    iri: str
    doc: str
    text: str = ""
    text_en: str = ""
    clause: str = ""
    posts: dict[str, str] = field(default_factory=dict)  # post IRI -> zh label
    texts: list[str] = field(default_factory=list)

    @property
    def document(self) -> str:
        return self.doc[len(BASE):] if self.doc.startswith(BASE) else self.doc

    @property
    def post(self) -> str:
        """The post's (or posts') Chinese name; a metric may have several accountable posts."""
        return "、".join(label for _, label in sorted(self.posts.items()))


@dataclass(frozen=True)
class SearchHit:
    """A ranked entry."""

    rank: int
    score: float
    entry: Entry

    def as_dict(self) -> dict[str, object]:
        e = self.entry
        return {
            "rank": self.rank,
            "score": round(self.score, 4),
            "type": e.kind,
            "iri": e.iri,
            "text": e.text,
            "text_en": e.text_en,
            "post": sorted(e.posts),
            "post_label": e.post,
            "document": e.document,
            "clause": e.clause,
        }


class SearchIndex:
    """A BM25 index over the graph's posts, duties, competencies, metrics and terms."""

    def __init__(self, entries: Sequence[Entry], index: BM25Index | None = None, lexicon: Lexicon | None = None) -> None:
        self.entries = list(entries)
        self._index = index if index is not None else BM25Index([" ".join(dict.fromkeys(e.texts)) for e in self.entries])
        self._lexicon = lexicon

    @classmethod
    def from_engine(cls, engine: Engine) -> SearchIndex:
        """Read the corpus from a graph through any engine."""
        table = engine.query(_CORPUS, source="search")
        return cls(_entries(table.dicts()))

    def state(self) -> dict[str, Any]:
        """The entries and the index as JSON values (``from_state`` reads them back)."""
        return {"entries": [asdict(e) for e in self.entries], "index": self._index.state()}

    @classmethod
    def from_state(cls, state: Mapping[str, Any], lexicon: Lexicon | None = None) -> SearchIndex:
        return cls([Entry(**e) for e in state["entries"]], BM25Index.from_state(state["index"]), lexicon)

    @classmethod
    def for_graph(cls, graph_file: Path, folders: Sequence[Path] = ()) -> SearchIndex:
        """The index of a graph file: read from the first of ``folders`` that holds it (with the
        lexicon that segments queries), or built from the graph and saved in the first that can be
        written. A folder that cannot be written only means the next search builds it again."""
        key = index_key(graph_file)
        name = f"search-{key}.json"
        lexicon_name = Lexicon.path_in(Path()).name
        for folder in folders:
            saved, lexicon = folder / name, folder / lexicon_name
            if saved.is_file() and lexicon.is_file():
                try:
                    return cls.from_state(json.loads(saved.read_text(encoding="utf-8")), Lexicon(lexicon))
                except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):  # damaged: removed, and written again below
                    saved.unlink(missing_ok=True)
                    lexicon.unlink(missing_ok=True)
                    break
        from retailkg.query.engines import OxigraphEngine

        index = cls.from_engine(OxigraphEngine(graph_file))
        for folder in folders:
            try:
                if not (folder / lexicon_name).is_file():
                    Lexicon.write(folder / lexicon_name)
                atomic_write(folder / name, json.dumps(index.state(), ensure_ascii=False, separators=(",", ":")))
            except (OSError, InputError, sqlite3.Error):  # atomic_write names an unwritable place as an InputError
                continue
            for old in folder.glob("search-*.json"):
                if old.name != name:
                    old.unlink(missing_ok=True)
            break
        return index

    def search(self, query: str, *, limit: int | None = 10, kinds: Iterable[str] | None = None) -> list[SearchHit]:
        """The best entries for ``query`` (Chinese, English or both), best first; optionally of some kinds only."""
        wanted = set(kinds) if kinds else None
        unknown = sorted((wanted or set()) - set(KINDS))
        if unknown:
            raise InputError(f"unknown type {', '.join(map(repr, unknown))}; one of {', '.join(KINDS)}", field="--type")
        hits: list[SearchHit] = []
        tokenizer = self._lexicon.tokenize if self._lexicon is not None else tokenize
        for h in self._index.search(query, k=None, tokenizer=tokenizer):
            e = self.entries[h.index]
            if wanted is None or e.kind in wanted:
                hits.append(SearchHit(len(hits) + 1, h.score, e))
                if limit is not None and len(hits) >= limit:
                    break
        return hits


def hits_table(hits: Sequence[SearchHit]) -> ResultTable:
    """The hits as the table ``retailkg search`` prints and :meth:`retailkg.api.KnowledgeGraph.search`
    returns: rank and score typed (the score to two decimals, as shown), then where each hit is from."""
    rows = [(Literal(str(h.rank), datatype=XSD.integer), Literal(f"{h.score:.2f}", datatype=XSD.decimal), Literal(h.entry.kind),
             Literal(h.entry.document), Literal(h.entry.clause), Literal(h.entry.post), Literal(h.entry.text or h.entry.text_en))
            for h in hits]
    return ResultTable(["#", "score", "type", "document", "clause", "post", "text"], list(rows))


_CODE = ("query/search.py", "text/index.py")  # what decides a saved index


def index_key(graph_file: Path) -> str:
    """A short hash of the graph file's bytes, the code that indexes it and jieba's dictionary."""
    h = hashlib.sha256(f"retailkg {__version__} {Lexicon.key()}\n".encode())
    here = Path(__file__).resolve().parents[1]
    for name in _CODE:
        h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    h.update(graph_file.read_bytes())
    return h.hexdigest()[:16]


def _entries(rows: Iterable[Mapping[str, object]]) -> list[Entry]:
    by_iri: dict[str, Entry] = {}
    clauses: dict[str, set[str]] = {}
    for r in rows:
        iri = str(r["item"])
        e = by_iri.get(iri)
        if e is None:
            e = by_iri[iri] = Entry(kind=str(r["kind"]), iri=iri, doc=str(r["doc"]))
        text = r.get("text")
        if isinstance(text, Literal):
            e.texts.append(str(text))
            if str(r.get("field")) == "label":
                if text.language == "zh" and not e.text:
                    e.text = str(text)
                elif text.language == "en" and not e.text_en:
                    e.text_en = str(text)
        if r.get("reference") is not None:
            e.clause = str(r["reference"])
        elif r.get("clauseNumber") is not None:
            clauses.setdefault(iri, set()).add(str(r["clauseNumber"]))
        post = r.get("post")
        if isinstance(post, URIRef):
            e.posts[str(post)] = str(r.get("postLabel") or "")
    for e in by_iri.values():
        e.texts.sort()
        if not e.clause and e.iri in clauses:
            e.clause = ", ".join(sorted(clauses[e.iri]))
    return sorted(by_iri.values(), key=lambda e: (KINDS.index(e.kind) if e.kind in KINDS else 9, e.iri))
