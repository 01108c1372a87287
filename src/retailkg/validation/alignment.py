"""What aligning a design's posts with the standard's posts reads: each side's posts as the proposer sees them,
and titles compared by the rare characters they share, rank words left out.

Kept apart from the proposer (validation/proposals.py), which decides with these, so that how a title is read is
one short module a reader can check against docs/proposals.md.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import URIRef

from retailkg.design.model import PostSpec
from retailkg.design.resolve import ResolvedDuty
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo, fold
from retailkg.validation.findings import PostAlignment, PostRef, StandardMatch

__all__ = ["GENERIC_TITLE_WORDS", "Aligner", "Post", "StdPost", "Titles", "title_core"]

GENERIC_TITLE_WORDS = ("副总经理", "总经理", "总监", "经理", "主管", "主任", "组长", "专员", "专人", "助理", "负责人",
                       "高级", "资深", "初级", "岗位", "岗", "人员", "运营", "管理")
"""Words of a post's title that say its rank, or nothing of which work it does (运营 and 管理, operations and
management, are in most titles): left out when titles are compared. A title of nothing else (运营主管) says nothing of its work."""


def title_core(name: str) -> str:
    """A title without the words that say rank or nothing of the work (运营推广专员 → 推广; 运营主管 → "")."""
    core = name
    for word in GENERIC_TITLE_WORDS:
        core = core.replace(word, "")
    return core


@dataclass
class Post:
    """A design's post as the proposer reads it: its ref, spec, duties and the functions they lead or support.
    Public: the proposer (validation/proposals.py) builds one per post and aligns it with the standard's."""

    ref: PostRef
    spec: PostSpec
    duties: list[ResolvedDuty]
    lead: set[URIRef] = field(default_factory=set)
    support: set[URIRef] = field(default_factory=set)
    depth: int = 0  # how many superiors above it
    order: int = 0

    @property
    def signature(self) -> tuple[str, frozenset[URIRef], frozenset[URIRef]]:
        """What the proposer reads of a post: equal for a post replicated in every store (computed once)."""
        sig: tuple[str, frozenset[URIRef], frozenset[URIRef]] | None = self.__dict__.get("_sig")
        if sig is None:
            sig = self.__dict__["_sig"] = (self.spec.name, frozenset(self.lead), frozenset(self.support))
        return sig


@dataclass
class StdPost:
    """A standard's post as the proposer reads it: its ref, its duties in the standard's order and the functions they
    lead. Public: the proposer (validation/proposals.py) builds one per post of the baseline standard."""

    ref: PostRef
    duties: list[StatementInfo]
    lead: set[URIRef]


class Titles:
    """Titles compared by the characters they share, each weighted by how rare it is among the standard's post
    names and the taxonomy's labels (运营 is in most titles and says little; 客服 in few and says much). Public: the
    proposer (validation/proposals.py) compares every post's title with the standard's through one."""

    def __init__(self, names: Iterable[str]) -> None:
        docs = [set(fold(n)) for n in names if n]
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for c in d:
                df[c] += 1
        self.n = len(docs)
        self.df = df

    def weight(self, c: str) -> float:
        """How much sharing the character ``c`` says: more the rarer it is (a smoothed inverse document frequency)."""
        return math.log((self.n + 1) / (self.df.get(c, 0) + 1)) + 1.0

    def similarity(self, title: str, other: str) -> float:
        """How much of ``title``'s core (rank words left out) ``other`` shares, 0..1."""
        a = set(fold(title_core(title)))
        b = set(fold(other))
        total = sum(self.weight(c) for c in a)
        return sum(self.weight(c) for c in a & b) / total if total else 0.0


class Aligner:
    """How close each of a design's posts is to each of the standard's posts, by title and by the functions both
    lead, each pair computed once per post signature (a chain's stores repeat a post). Public: the proposer
    (validation/proposals.py) builds one and asks it of every candidate; the report lists each post's closest."""

    def __init__(self, kb: KnowledgeBase, std: Mapping[URIRef, StdPost], titles: Titles) -> None:
        self.kb = kb
        self.std = std
        self.titles = titles
        self._align: dict[tuple[tuple[str, frozenset[URIRef], frozenset[URIRef]], str], StandardMatch] = {}
        self._closest_std: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], StdPost | None] = {}

    def align(self, post: Post, sp: StdPost) -> StandardMatch:
        """How close ``post`` is to the standard's post ``sp``: by title, and by the functions both lead (an area in
        common counting for less)."""
        key = (post.signature, sp.ref.iri)  # a chain's stores repeat a post: computed once
        found = self._align.get(key)
        if found is None:
            title = self.titles.similarity(post.spec.name, sp.ref.zh)
            own, theirs = self.work(post.lead), self.work(sp.lead)
            if own:
                # the share of the post's work the standard post does, or, when higher, the balance of that and
                # the share of the standard post's work the post does (F1): a post merging two standard posts is
                # still close to each
                both = len(own & theirs)
                same = max(both / len(own), 2 * both / (len(own) + len(theirs)) if theirs else 0.0)
                areas = {self.kb.area_of.get(f) for f in theirs}
                near = sum(1 for f in own if self.kb.area_of.get(f) in areas) / len(own)
                functions = 0.7 * same + 0.3 * near
                score = 0.6 * functions + 0.4 * title
            else:  # no duty: the title is all there is, and counts for less
                functions, score = 0.0, 0.8 * title
            found = self._align[key] = StandardMatch(sp.ref, score, title, functions)
        return found

    def work(self, functions: set[URIRef]) -> set[URIRef]:
        """The functions that tell posts apart: team functions (training, reporting, …) every supervisor leads."""
        return {f for f in functions if f in self.kb.functions and not self.kb.functions[f].team}

    def alignments(self, posts: Iterable[Post], top: int = 3) -> list[PostAlignment]:
        """Each of ``posts`` with its ``top`` closest standard posts, best first (none that shares nothing)."""
        out = []
        memo: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], list[StandardMatch]] = {}
        for post in posts:
            best = memo.get(post.signature)
            if best is None:
                matches = sorted((self.align(post, sp) for sp in self.std.values()), key=lambda m: (-m.score, m.post.iri))
                best = memo[post.signature] = [m for m in matches[:top] if m.score > 0]
            out.append(PostAlignment(post.ref, list(best)))
        return out

    def closest_std(self, post: Post) -> StdPost | None:
        """The standard's post closest to ``post``: read of its signature only, so once per signature (a chain's
        stores repeat each post)."""
        sig = post.signature
        if sig in self._closest_std:
            return self._closest_std[sig]
        found = self._closest_std[sig] = max(self.std.values(), key=lambda sp: (self.align(post, sp).score, sp.ref.iri),
                                             default=None)
        return found
