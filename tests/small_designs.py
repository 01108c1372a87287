"""Validating a small design written in a test, and reading its proposals: shared by the proposal rule tests
(tests/test_proposals_abstain.py, _decide.py, _defer.py, _standin.py), which each show a rule on such a design beside
the same design without what triggers it."""

from __future__ import annotations

from pathlib import Path

from retailkg.validation.findings import Proposal, Report
from retailkg.validation.pipeline import validate_file


def validate(tmp_path: Path, name: str, text: str) -> Report:
    """The report on ``text`` written as ``tmp_path / name`` (the name's suffix says the form)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def proposal(r: Report, rule: str, subject: str) -> Proposal:
    """The one proposal of ``rule`` (without its rkgsh: prefix) on ``subject`` (a function or metric id)."""
    found = [p for p in r.proposals if p.rule == f"rkgsh:{rule}" and p.subject is not None and p.subject.id == subject]
    assert len(found) == 1, (rule, subject, [(p.rule, p.subject.id if p.subject else None) for p in r.proposals])
    return found[0]


def owner(p: Proposal) -> str | None:
    """The post a proposal makes the owner, or None when it changes nothing (a decision)."""
    return p.owner.zh if p.status == "change" and p.owner is not None else None
