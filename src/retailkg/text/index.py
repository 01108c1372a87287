"""Chinese-and-English text retrieval shared by ``search`` and the free-text duty matcher's benchmark.

Chinese has no spaces, so text is segmented with jieba (search mode, which also emits the short
words inside long ones: 会员运营 → 会员, 运营, 会员运营); English words are lower-cased; punctuation
and a small stop list are dropped. Ranking is Okapi BM25 as rank_bm25 defines it (its term
statistics; the score of a document is its formula, evaluated in the same order).

``search`` runs in a fresh process for every query, where loading jieba's dictionary (half a
million words) would be most of the time. So an index can be saved (:meth:`BM25Index.state`) and
read back without jieba's dictionary or numpy, and a short query is segmented with a
:class:`Lexicon`: jieba's dictionary kept in an SQLite file, from which only the entries for the
query's own substrings are read. jieba's segmentation of a text never looks up anything but the
text's substrings (its word graph, its route, its HMM fallback and its search-mode n-grams), so
the words are exactly those of the loaded dictionary.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["BM25Index", "Hit", "Lexicon", "tokenize"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*|\d+(?:\.\d+)*|[\u4e00-\u9fff]+")
_STOP_ZH = "的 和 与 及 等 并 对 为 在 中 进行 负责 相关 工作 各 各类 以及 或 其 之 了 是 有 将 通过 提供"
_STOP_EN = "the a an and or of to for in on with by from at as is are be"
_STOP = frozenset(_STOP_ZH.split()) | frozenset(_STOP_EN.split())
_EMPTY = "\u0000"  # BM25Okapi cannot take an empty corpus or empty documents; a placeholder keeps positions


@cache
def _jieba() -> Any:
    """The jieba module, imported once. jieba reaches its dictionary through pkg_resources when it
    can, and importing pkg_resources costs more than all the rest of a search; without it jieba
    opens the same file by its path, so pkg_resources is kept out of jieba's import (and only it)."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


@cache
def _loaded_jieba() -> Any:
    jieba = _jieba()
    jieba.initialize()
    return jieba


def _terms(text: str, cut: Callable[[str], Iterator[str]]) -> list[str]:
    out: list[str] = []
    for m in _WORD.finditer(text):
        tok = m.group(0)
        if tok[0] >= "\u4e00":
            out.extend(w for w in cut(tok) if w.strip() and w not in _STOP)
        else:
            low = tok.lower()
            if low not in _STOP:
                out.append(low)
    return out


def tokenize(text: str) -> list[str]:
    """Index terms of ``text``: jieba search-mode words for Chinese, lower-cased English words."""
    return _terms(text, _loaded_jieba().cut_for_search)


class Lexicon:
    """jieba's dictionary in an SQLite file: :meth:`tokenize` gives :func:`tokenize`'s terms while
    reading only the entries the text's substrings need (a query: a few dozen) instead of loading
    the whole dictionary. Write it once with :meth:`write`; :meth:`path_in` names it after jieba's
    version and dictionary file, so another jieba never reads a stale copy."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()
        self.total = int(row[0])

    @staticmethod
    def key() -> str:
        """What the dictionary depends on: jieba's version and its dictionary file."""
        jieba = _jieba()
        dictionary = jieba.dt.dictionary or os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), jieba.DEFAULT_DICT_NAME)
        st = os.stat(dictionary)
        text = f"{jieba.__version__}\0{dictionary}\0{st.st_size}\0{st.st_mtime_ns}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @classmethod
    def path_in(cls, folder: Path) -> Path:
        return folder / f"jieba-{cls.key()}.sqlite"

    @classmethod
    def write(cls, path: Path) -> Lexicon:
        """Write the loaded jieba dictionary to ``path`` (atomically: a temporary file renamed)."""
        jieba = _loaded_jieba()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.unlink(missing_ok=True)
        try:
            with sqlite3.connect(tmp) as db:
                db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.executemany("INSERT INTO freq VALUES (?, ?)", jieba.dt.FREQ.items())
                db.execute("INSERT INTO meta VALUES ('total', ?)", (str(jieba.dt.total),))
            db.close()
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return cls(path)

    def _tokenizer(self, text: str) -> Any:
        """A jieba tokenizer that knows the dictionary's entries for every substring of ``text``."""
        runs = [m.group(0) for m in _WORD.finditer(text) if m.group(0)[0] >= "\u4e00"]
        wanted = sorted({run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)})
        freq: dict[str, int] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
            chunk = wanted[start:start + 500]
            rows = self._db.execute(f"SELECT word, n FROM freq WHERE word IN ({','.join('?' * len(chunk))})", chunk)
            freq.update(rows.fetchall())
        tokenizer = _jieba().Tokenizer()
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, self.total, True
        return tokenizer

    def tokenize(self, text: str) -> list[str]:
        """:func:`tokenize`'s terms of ``text``."""
        return _terms(text, self._tokenizer(text).cut_for_search)


@dataclass(frozen=True)
class Hit:
    """One ranked document: its position in the indexed list and its BM25 score."""

    index: int
    score: float


class BM25Index:
    """A BM25 index over a fixed list of texts."""

    k1 = 1.5
    b = 0.75
    epsilon = 0.25

    def __init__(self, texts: Sequence[str]) -> None:
        from rank_bm25 import BM25Okapi

        self._tokens = [tokenize(t) for t in texts]
        bm25 = BM25Okapi([t or [_EMPTY] for t in self._tokens] or [[_EMPTY]], k1=self.k1, b=self.b, epsilon=self.epsilon)
        self._idf: dict[str, float] = dict(bm25.idf)
        self._doc_freqs: list[dict[str, int]] = bm25.doc_freqs
        self._doc_len: list[int] = bm25.doc_len
        self._avgdl: float = bm25.avgdl
        self.size = len(texts)

    def state(self) -> dict[str, Any]:
        """Everything :meth:`search` reads, as JSON values (:meth:`from_state` reads it back)."""
        return {"tokens": self._tokens, "idf": self._idf, "doc_freqs": self._doc_freqs, "doc_len": self._doc_len,
                "avgdl": self._avgdl, "size": self.size, "k1": self.k1, "b": self.b, "epsilon": self.epsilon}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> BM25Index:
        """An index saved by :meth:`state`, without tokenising or counting anything again."""
        if (state["k1"], state["b"], state["epsilon"]) != (cls.k1, cls.b, cls.epsilon):
            raise ValueError("an index saved with other BM25 parameters")
        index = cls.__new__(cls)
        index._tokens, index._idf, index._doc_freqs = state["tokens"], state["idf"], state["doc_freqs"]
        index._doc_len, index._avgdl, index.size = state["doc_len"], state["avgdl"], state["size"]
        return index

    def scores(self, terms: Sequence[str]) -> list[float]:
        """Every document's BM25 score: rank_bm25's ``BM25Okapi.get_scores``, term by term in the same
        order of operations, so the same floating-point numbers (without numpy)."""
        k1, b, avgdl = self.k1, self.b, self._avgdl
        norms = [k1 * (1 - b + b * n / avgdl) for n in self._doc_len]
        score = [0.0] * len(self._doc_len)
        for q in terms:
            idf = self._idf.get(q) or 0
            for i, doc in enumerate(self._doc_freqs):
                f = doc.get(q) or 0
                score[i] += idf * (f * (k1 + 1) / (f + norms[i]))
        return score

    def search(self, query: str, k: int | None = 10, min_score: float = 0.0, *,
               tokenizer: Callable[[str], list[str]] = tokenize) -> list[Hit]:
        """The ``k`` best texts for ``query``, best first; ties keep corpus order (deterministic).
        ``tokenizer`` gives the query's terms (:meth:`Lexicon.tokenize` gives the same as the default)."""
        terms = tokenizer(query)
        if not terms or self.size == 0:
            return []
        scores = self.scores(terms)
        ranked = sorted(range(self.size), key=lambda i: (-scores[i], i))
        hits = [Hit(i, scores[i]) for i in ranked if scores[i] > min_score]
        return hits[:k] if k is not None else hits

    @property
    def idf(self) -> Mapping[str, float]:
        """Each token's inverse document frequency (rank_bm25's, negative ones floored); read-only."""
        return self._idf

    def tokens(self, i: int) -> list[str]:
        """Document ``i`` as the index sees it, tokenised (bench/matching compares matchers on them)."""
        return self._tokens[i]
