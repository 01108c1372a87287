"""The duty matcher of release 0.1, kept as the baseline the trained matcher is measured against.

BM25 (jieba search mode) over each function's zh label and definition (English text: the English
ones), with a shortcut for a standard duty's own words; a function below MIN_SCORE is not a match.
Same rules as src/retailkg/design/matching.py had in 0.1, over the current taxonomy.
"""

from __future__ import annotations

from retailkg.kg.knowledge import KnowledgeBase
from retailkg.text.index import BM25Index, tokenize
from retailkg.text.normalise import normalise

MIN_SCORE = 6.0
RELATIVE = 0.85
MAX_FUNCTIONS = 3
VERBATIM = 0.9


class Bm25Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.functions = sorted(kb.functions.values(), key=lambda f: str(f.iri))
        self.zh = BM25Index([f"{f.zh} {f.definition_zh}" for f in self.functions])
        self.en = BM25Index([f"{f.en} {f.definition_en}" for f in self.functions])
        self.tokens_zh = [set(self.zh.tokens(i)) for i in range(len(self.functions))]
        self.tokens_en = [set(self.en.tokens(i)) for i in range(len(self.functions))]
        self.duties = kb.standard_duties()
        self.dindex = BM25Index([d.zh for d in self.duties])
        self.ids = {f.iri: f.id for f in self.functions}

    def match(self, text: str) -> list[str]:
        """Function ids, best first; empty when nothing scores high enough."""
        hits = self.dindex.search(text, k=1)
        if hits and self._verbatim(text, hits[0].index):
            d = self.duties[hits[0].index]
            return [self.ids[f] for f in (*d.lead, *d.support) if f in self.ids]
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        index, tokens = (self.zh, self.tokens_zh) if chinese else (self.en, self.tokens_en)
        ranked = index.search(text, k=None)
        if not ranked:
            return []
        top = ranked[0].score
        kept: list[str] = []
        explained: set[str] = set()
        query = set(tokenize(text))
        for h in ranked[:MAX_FUNCTIONS]:
            words = query & tokens[h.index]
            if h.score >= MIN_SCORE and h.score >= RELATIVE * top and (not kept or words - explained):
                kept.append(self.functions[h.index].id)
                explained |= words
        return kept

    def _verbatim(self, text: str, i: int) -> bool:
        if normalise(text).rstrip(",.;") == normalise(self.duties[i].zh).rstrip(",.;"):
            return True
        q, d = set(tokenize(text)), set(self.dindex.tokens(i))
        if not q or not d:
            return False
        idf = self.dindex.idf

        def weight(tokens: set[str]) -> float:
            return sum(max(idf.get(t, 0.0), 0.01) for t in tokens)

        shared = weight(q & d)
        return shared >= VERBATIM * weight(q) and shared >= VERBATIM * weight(d)
