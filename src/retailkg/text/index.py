"""Chinese-and-English text retrieval shared by ``search`` and the free-text duty matcher.

Chinese has no spaces, so text is segmented with jieba (search mode, which also emits the short
words inside long ones: 会员运营 → 会员, 运营, 会员运营); English words are lower-cased; punctuation
and a small stop list are dropped. Ranking is Okapi BM25 (rank_bm25), the standard for short
documents such as duty statements.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import jieba
from rank_bm25 import BM25Okapi

__all__ = ["BM25Index", "Hit", "tokenize"]

jieba.setLogLevel(logging.WARNING)

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*|\d+(?:\.\d+)*|[\u4e00-\u9fff]+")
_STOP_ZH = "的 和 与 及 等 并 对 为 在 中 进行 负责 相关 工作 各 各类 以及 或 其 之 了 是 有 将 通过 提供"
_STOP_EN = "the a an and or of to for in on with by from at as is are be"
_STOP = frozenset(_STOP_ZH.split()) | frozenset(_STOP_EN.split())


@cache
def _jieba_ready() -> bool:
    jieba.initialize()
    return True


def tokenize(text: str) -> list[str]:
    """Index terms of ``text``: jieba search-mode words for Chinese, lower-cased English words."""
    _jieba_ready()
    out: list[str] = []
    for m in _WORD.finditer(text):
        tok = m.group(0)
        if tok[0] >= "\u4e00":
            out.extend(w for w in jieba.cut_for_search(tok) if w.strip() and w not in _STOP)
        else:
            low = tok.lower()
            if low not in _STOP:
                out.append(low)
    return out


@dataclass(frozen=True)
class Hit:
    """One ranked document: its position in the indexed list and its BM25 score."""

    index: int
    score: float


class BM25Index:
    """A BM25 index over a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._tokens = [tokenize(t) for t in texts]
        # BM25Okapi cannot take an empty corpus or empty documents; a placeholder token keeps positions
        self._bm25 = BM25Okapi([t or ["\u0000"] for t in self._tokens] or [["\u0000"]])
        self.size = len(texts)

    def search(self, query: str, k: int | None = 10, min_score: float = 0.0) -> list[Hit]:
        """The ``k`` best texts for ``query``, best first; ties keep corpus order (deterministic)."""
        terms = tokenize(query)
        if not terms or self.size == 0:
            return []
        scores = self._bm25.get_scores(terms)
        ranked = sorted(range(self.size), key=lambda i: (-scores[i], i))
        hits = [Hit(i, float(scores[i])) for i in ranked if scores[i] > min_score]
        return hits[:k] if k is not None else hits

    @property
    def idf(self) -> Mapping[str, float]:
        """Each token's inverse document frequency (rank_bm25 keeps it on its model, with no accessor); read-only."""
        idf: Mapping[str, float] = self._bm25.idf
        return idf

    def tokens(self, i: int) -> list[str]:
        """Document ``i`` as the index sees it, tokenised (bench/matching compares matchers on them)."""
        return self._tokens[i]
