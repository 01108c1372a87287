"""What aligning a design's posts with the standard's posts reads: each side's posts as the proposer sees them,
and titles compared by the rare characters they share, rank words left out.

Kept apart from the proposer (validation/proposals.py), which decides with these, so that how a title is read is
one short module a reader can check against docs/proposals.md.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from retailkg.design.model import PostSpec
from retailkg.design.resolve import ResolvedDuty
from retailkg.kg.knowledge import StatementInfo, fold
from retailkg.validation.findings import PostRef

__all__ = ["GENERIC_TITLE_WORDS", "Post", "StdPost", "Titles", "title_core"]

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
