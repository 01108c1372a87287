"""The proposals written down by hand for the example designs, and how the program's proposals compare with them:
read by tests/test_proposals.py and bench/proposals/run.py.

Any number of sets, tests/data/proposals/hand.yaml, hand2.yaml, hand3.yaml, …: hand.yaml is kept in step with the
program (its ``differs`` flags say where they part); hand2.yaml, hand3.yaml, hand4.yaml and hand5.yaml were written
blind by a second, a third, a fourth and a fifth consultant and then used to tune the engine (h-propose4, h-propose5,
h-propose6, h-propose7), as were hand6.yaml, by a sixth (h-propose8), hand7.yaml, by a seventh (h-propose9),
hand8.yaml, by an eighth (h-propose10), hand9.yaml and hand10.yaml, by a ninth and a tenth (h-propose11), hand11.yaml,
hand12.yaml and hand13.yaml, by an eleventh, a twelfth and a thirteenth (h-propose12); a set not in :data:`TUNED`
(hand14.yaml, …) was written blind and has not been tuned against, so it is the honest measure. h-propose13 analysed
hand14.yaml to hand18.yaml and added no rule (bench/proposals/README.md): the engine has seen none of them, so they stay
blind until a round changes the engine after reading them.
Their **consensus** (the answer a majority of the sets give, where there is one) is the most reliable answer, and the
sets against each other give the ceiling (how often two consultants agree)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from retailkg.validation.findings import Kind, Proposal, Report

HAND = Path(__file__).resolve().parent / "data" / "proposals" / "hand.yaml"
HAND2 = HAND.with_name("hand2.yaml")
HAND3 = HAND.with_name("hand3.yaml")

TUNED = ("hand.yaml", "hand2.yaml", "hand3.yaml", "hand4.yaml", "hand5.yaml", "hand6.yaml", "hand7.yaml",
         "hand8.yaml", "hand9.yaml", "hand10.yaml", "hand11.yaml", "hand12.yaml", "hand13.yaml")
"""The sets the engine's rules were tuned against: a measure on them is not independent."""


def hand_sets(folder: Path = HAND.parent) -> list[Path]:
    """The hand sets present, in order: hand.yaml, hand2.yaml, hand3.yaml, …"""
    def number(p: Path) -> int:
        tail = p.stem.removeprefix("hand")
        return int(tail) if tail.isdigit() else 1

    return sorted((p for p in folder.glob("hand*.yaml") if p.stem == "hand" or p.stem.removeprefix("hand").isdigit()),
                  key=number)


def role(path: Path) -> str:
    """``tuned`` (hand.yaml, kept in step), ``used for tuning`` (written blind, then tuned against) or ``blind``."""
    if path.name == TUNED[0]:
        return "tuned"
    return "used for tuning" if path.name in TUNED else "blind"


@dataclass(frozen=True)
class Hand:
    """One finding's hand answer: the defensible owners (names), whether no proposal is defensible too, posts not to demote."""

    key: str
    owners: frozenset[str]
    none_ok: bool
    keep: frozenset[str]
    differs: bool
    why: str


def hand_answers(path: Path = HAND) -> dict[str, dict[str, Hand]]:
    """Per example design file name, per finding key (rule and subject), the hand answer."""
    doc: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, Hand]] = {}
    for name, entries in doc.items():
        out[name] = {}
        for key, e in entries.items():
            owners = list(e.get("owner") or [])
            out[name][key] = Hand(key, frozenset(o for o in owners if o), not owners or None in owners,
                                  frozenset(e.get("keep") or ()), bool(e.get("differs")), str(e.get("why", "")))
    return out


def key_of(p: Proposal) -> str:
    """A proposal's finding as the hand file names it: its rule and subject."""
    return f"{p.rule.removeprefix('rkgsh:')} {p.subject.id if p.subject is not None else ''}"


def keeps_all(hand: Hand, posts: frozenset[str]) -> bool:
    """Whether the hand answer to an overlap leaves every one of its posts (two or more) leading: each is kept
    (``keep``) but at most one, and that one is the owner it names (大区经理 owns, 店长 keeps: a cascade both stay in).
    Such an answer changes nothing, so no change is its answer; owners named without ``keep`` are alternatives, not
    posts to keep."""
    rest = posts - hand.keep
    return len(posts) >= 2 and len(rest) <= 1 and rest <= hand.owners


def verdict(p: Proposal, hand: Hand, posts: frozenset[str] = frozenset()) -> str:
    """``agree``; ``wrong`` (a change whose owner is not a defensible one, demoting a post to keep, or where nothing
    should change); ``none`` (no change where the hand names an owner, unless the answer keeps every post of the
    finding, ``posts``, leading: :func:`keeps_all`)."""
    applies = p.status in ("change", "via")
    if not applies:
        return "agree" if hand.none_ok or (p.kind == Kind.OVERLAP and keeps_all(hand, posts)) else "none"
    owner = p.owner.zh if p.owner is not None else ""
    demoted = {c.post.zh for c in p.changes if c.action in ("support", "drop-metric")}
    if owner in hand.owners and not demoted & hand.keep:
        return "agree"
    return "wrong"


def proposals_to_compare(r: Report) -> list[Proposal]:
    """The proposals of the overlap and gap findings (one per finding)."""
    return [p for p in r.proposals if p.kind in (Kind.OVERLAP, Kind.GAP)]


def compare_with_hand(name: str, r: Report, path: Path = HAND) -> tuple[Counter[str], list[tuple[str, str, Proposal, Hand]]]:
    """The tally of verdicts over the design's findings (``findings``, ``agree``, ``wrong``, ``none``, and ``changes``:
    the proposals with a change) and each finding's (id, verdict, proposal, hand answer). KeyError: a finding without a
    hand answer."""
    return compare_with_answers(r, hand_answers(path)[name], every=True)


Rows = list[tuple[str, str, Proposal, Hand]]


def compare_with_answers(r: Report, answers: dict[str, Hand], every: bool = False) -> tuple[Counter[str], Rows]:
    """:func:`compare_with_hand` against ``answers`` (finding key -> answer); a finding without one is left out, or,
    with ``every``, a KeyError."""
    tally: Counter[str] = Counter()
    rows = []
    posts = {f.id: frozenset(q.zh for q in f.posts) for f in r.findings}
    for p in proposals_to_compare(r):
        if not every and key_of(p) not in answers:
            continue
        h = answers[key_of(p)]
        v = verdict(p, h, posts.get(p.finding, frozenset()))
        tally["findings"] += 1
        tally[v] += 1
        tally["changes"] += p.status in ("change", "via")
        rows.append((p.finding, v, p, h))
    return tally, rows


def consultants_agree(a: Hand, b: Hand) -> bool:
    """Two hand answers agree when they share a defensible owner, or when both leave the work without one."""
    return bool(a.owners & b.owners) or (a.none_ok and b.none_ok)


def agreement_between_sets(first: Path = HAND, second: Path = HAND2) -> tuple[int, int, list[tuple[str, str, Hand, Hand]]]:
    """How often the two sets agree over the findings both answer: (agreeing, answered by both, the disagreements as
    (design, key, first answer, second answer))."""
    one, two = hand_answers(first), hand_answers(second)
    agree = both = 0
    differ = []
    for name, answers in two.items():
        for key, b in answers.items():
            a = one.get(name, {}).get(key)
            if a is None:
                continue
            both += 1
            if consultants_agree(a, b):
                agree += 1
            else:
                differ.append((name, key, a, b))
    return agree, both, differ


def consensus(sets: list[dict[str, dict[str, Hand]]]) -> dict[str, dict[str, Hand]]:
    """Per design, per finding key, the answer of a majority of the sets that answer it, where there is one: the owners
    more than half of them name, no owner when more than half allow none, and not to demote a post at least half of
    them keep (a demotion one of two consultants calls wrong is not agreed). Two sets: their shared owners, or both no
    owner. A finding without such a majority has no consensus answer."""
    out: dict[str, dict[str, Hand]] = {}
    for name in sorted({n for s in sets for n in s}):
        keys = sorted({k for s in sets for k in s.get(name, {})})
        for key in keys:
            hands = [s[name][key] for s in sets if key in s.get(name, {})]
            n = len(hands)
            named = Counter(o for h in hands for o in h.owners)
            owners = frozenset(o for o, c in named.items() if 2 * c > n)
            none_ok = 2 * sum(h.none_ok for h in hands) > n
            kept = Counter(o for h in hands for o in h.keep)
            keep = frozenset(o for o, c in kept.items() if 2 * c >= n)
            if owners or none_ok:
                why = " / ".join(h.why for h in hands if h.why)
                out.setdefault(name, {})[key] = Hand(key, owners, none_ok, keep, False, why)
    return out
