"""Free-text duty → work functions, each with a score and the standard duty that supports it.

A consultant writes duties in their client's words (负责会员活动的策划与执行); overlaps and gaps
are judged on functions. Two BM25 indexes (:class:`retailkg.text.index.BM25Index`) bridge the gap:

- over the function taxonomy (zh label and definition; English text gets an English index): this
  ranks the functions. Measured on the curated mappings (bench/RESULTS.md, "validate"), a right
  function comes first for 89 % of the standards' duties (ranking alone) and 68 % of the
  e-commerce documents' duties, while adding the standard-duty scores to it only lowered both;
- over every standard duty's zh text, each of which carries its curated functions: this gives the
  *evidence* for a function (the best-matching standard duty that leads it) and, when the text is
  a standard duty's own words, the curated mapping itself.

A duty whose best function scores below :data:`MIN_SCORE` maps to nothing: it is reported as an
unmapped duty, with the nearest candidates, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import URIRef

from retailkg.kg.knowledge import KnowledgeBase, StatementInfo
from retailkg.text.index import BM25Index, Hit, tokenize
from retailkg.text.normalise import normalise

__all__ = ["MAX_FUNCTIONS", "MIN_SCORE", "RELATIVE", "FunctionMatch", "Match", "Matcher"]

MIN_SCORE = 6.0
"""Lowest BM25 score of a function match. Below it are texts like 负责门店收银 (3.6, no cashier
function in the taxonomy) or 完成领导交办的其他工作 (4.9); right matches of short duties start
around 6 (跟踪物流查单 → shipment-tracking 17.9, 帮派活动报名 → platform-campaign-enrolment 9.2)."""

RELATIVE = 0.85
"""A further function is kept when it scores at least this share of the best one (compound duties)."""

MAX_FUNCTIONS = 3
"""At most this many functions per duty (taxonomy principle 2: most duties need one to three)."""

VERBATIM = 0.9
"""Share of the text's (and the standard duty's) weighted words two texts must share to count as
the same duty; the standard duty's curated functions are then taken as they are."""


@dataclass(frozen=True)
class FunctionMatch:
    """One function assigned to a text: its score and the standard duty that is the evidence."""

    function: URIRef
    score: float
    evidence: StatementInfo | None
    role: str = "lead"


@dataclass
class Match:
    """What the matcher made of one text: the functions (empty: unmapped) and the near misses."""

    text: str
    functions: list[FunctionMatch] = field(default_factory=list)
    candidates: list[FunctionMatch] = field(default_factory=list)
    verbatim: StatementInfo | None = None

    @property
    def unmapped(self) -> bool:
        return not self.functions


class Matcher:
    """Match texts against the function taxonomy and the standards' duties of a knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._functions = sorted(kb.functions.values(), key=lambda f: str(f.iri))
        # zh label and definition only: English words lengthen every document without matching a
        # Chinese query, which measurably lowered the ranking; English text gets its own index
        self._findex_zh = BM25Index([f"{f.zh} {f.definition_zh}" for f in self._functions])
        self._findex_en = BM25Index([f"{f.en} {f.definition_en}" for f in self._functions])
        self._ftokens_zh = {f.iri: set(self._findex_zh.tokens(i)) for i, f in enumerate(self._functions)}
        self._ftokens_en = {f.iri: set(self._findex_en.tokens(i)) for i, f in enumerate(self._functions)}
        self._duties = kb.standard_duties()
        self._dindex = BM25Index([d.zh for d in self._duties])

    def match(self, text: str, verbatim: bool = True) -> Match:
        """The functions ``text`` addresses, best first (see the module docstring for the rule).

        ``verbatim=False`` skips the standard-duty shortcut (used to measure the ranking alone).
        """
        result = Match(text)
        duty_hits = self._dindex.search(text, k=None)
        if verbatim and duty_hits and self._verbatim(text, duty_hits[0].index):
            best = self._duties[duty_hits[0].index]
            result.verbatim = best
            score = duty_hits[0].score
            result.functions = [FunctionMatch(f, score, best, "lead") for f in best.lead]
            result.functions += [FunctionMatch(f, score, best, "support") for f in best.support]
            return result
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        findex, ftokens = (self._findex_zh, self._ftokens_zh) if chinese else (self._findex_en, self._ftokens_en)
        ranked = [(self._functions[h.index].iri, h.score) for h in findex.search(text, k=None)]
        if not ranked:
            return result
        top = ranked[0][1]
        kept: list[tuple[URIRef, float]] = []
        explained: set[str] = set()
        query = set(tokenize(text))
        for f, s in ranked[:MAX_FUNCTIONS]:
            words = query & ftokens[f]
            # a further function must explain words the ones before it did not (a compound duty),
            # not merely share the best one's words (培训 in 团队培训 and 信息安全培训)
            if s >= MIN_SCORE and s >= RELATIVE * top and (not kept or words - explained):
                kept.append((f, s))
                explained |= words
        near = [(f, s) for f, s in ranked[:MAX_FUNCTIONS] if (f, s) not in kept]
        result.functions = [FunctionMatch(f, s, self._evidence(f, duty_hits)) for f, s in kept]
        result.candidates = [FunctionMatch(f, s, self._evidence(f, duty_hits)) for f, s in near]
        return result

    def _evidence(self, function: URIRef, duty_hits: list[Hit]) -> StatementInfo | None:
        """The best-matching standard duty that leads ``function`` (or supports it, failing that)."""
        for h in duty_hits:
            if function in self._duties[h.index].lead:
                return self._duties[h.index]
        for h in duty_hits:
            if function in self._duties[h.index].support:
                return self._duties[h.index]
        return None

    def _verbatim(self, text: str, i: int) -> bool:
        if normalise(text).rstrip(",.;") == normalise(self._duties[i].zh).rstrip(",.;"):
            return True
        q, d = set(tokenize(text)), set(self._dindex.tokens(i))
        if not q or not d:
            return False
        idf = self._dindex.idf

        def weight(tokens: set[str]) -> float:
            return sum(max(idf.get(t, 0.0), 0.01) for t in tokens)

        shared = weight(q & d)
        return shared >= VERBATIM * weight(q) and shared >= VERBATIM * weight(d)


@cache
def matcher_for(kb: KnowledgeBase) -> Matcher:
    """One matcher per knowledge base and process (building its indexes takes a second)."""
    return Matcher(kb)
