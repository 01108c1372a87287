"""The proposals written down by hand for the example designs, and how the program's proposals compare with them:
read by tests/test_proposals.py and bench/proposals/run.py.

Two sets: tests/data/proposals/hand.yaml, kept in step with the program (its ``differs`` flags say where they part),
and hand2.yaml, written blind by a second consultant, which measures the program and gives the ceiling (how often
two consultants agree)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from retailkg.validation.findings import Kind, Proposal, Report

HAND = Path(__file__).resolve().parent / "data" / "proposals" / "hand.yaml"
HAND2 = HAND.with_name("hand2.yaml")


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


def verdict(p: Proposal, hand: Hand) -> str:
    """``agree``; ``wrong`` (a change whose owner is not a defensible one, demoting a post to keep, or where nothing
    should change); ``none`` (no change where the hand names an owner)."""
    applies = p.status in ("change", "via")
    if not applies:
        return "agree" if hand.none_ok else "none"
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
    answers = hand_answers(path)[name]
    tally: Counter[str] = Counter()
    rows = []
    for p in proposals_to_compare(r):
        h = answers[key_of(p)]
        v = verdict(p, h)
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
