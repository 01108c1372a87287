"""How a change written into the to-be design is marked: which finding, rule and confidence it comes from.

Kept apart from applying proposals so that the split and merge proposals (validation/restructure.py) and the finding
proposals (validation/tobe.py) mark their changes alike, each importing it from below.
"""

from __future__ import annotations

from retailkg.validation.findings import Proposal

__all__ = ["Notes", "mark"]

Notes = dict[int, list[str]]
"""Comments to write above a value of the to-be YAML, keyed by ``id()`` of the spec (a post, a duty) they are
about, or ``-id()`` for a post's ``accountable_for``."""


def mark(p: Proposal) -> str:
    """The words that start every comment a proposal writes into the to-be design (public: the split and merge
    proposals mark their changes like the others, so a reader finds every change of one finding by its id)."""
    return f"proposed ({p.finding}, {p.rule.replace('rkgsh:', '')}, confidence {p.confidence:.2f})"
