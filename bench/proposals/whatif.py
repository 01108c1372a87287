"""What a candidate rule would do on every hand set, before anyone writes it: the example designs' proposals with some
findings answered otherwise (another owner, or no change), scored against every set and against the majorities.

A rule is kept only when it gains on the sets and on their majority (bench/proposals/README.md); measuring the answer
a rule would give first says whether the rule is worth writing. Each candidate names findings by design and key (the
hand files' keys: rule and subject) and the owner it would propose there, or ``-`` for no change. The owner replaces
the proposal's; the posts the proposal made support stay demoted unless the new owner is one of them, so an overlap's
``keep`` answers are scored as the engine would meet them.

    python bench/proposals/whatif.py                     # the candidates measured in h-propose13 (README)
    python bench/proposals/whatif.py --majority-of hand14.yaml hand15.yaml hand16.yaml hand17.yaml hand18.yaml
    python bench/proposals/whatif.py --answer ecom-ops-centre.yaml "GapBaselineFunction fn:social-commerce" 推广主管
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from hand_proposals import Hand, consensus, hand_answers, hand_sets, key_of, proposals_to_compare, role, verdict  # noqa: E402

from retailkg.kg.knowledge import knowledge_base  # noqa: E402
from retailkg.validation.findings import PostRef, Proposal, Report  # noqa: E402
from retailkg.validation.pipeline import validate_file  # noqa: E402

EXAMPLES = ("taobao-ops.yaml", "ecom-ops-centre.yaml", "acme-department-store.xlsx")
TAOBAO, ECOM, ACME = EXAMPLES

Answer = dict[tuple[str, str], str | None]

CANDIDATES: dict[str, Answer] = {
    "A complaint handling to the after-sales agent (the five's majority)": {
        (TAOBAO, "GapBaselineFunction fn:complaint-handling"): "售后客服",
        (ECOM, "GapBaselineFunction fn:complaint-handling"): "售后客服"},
    "B no change on the four the five's majority calls wrong": {
        (TAOBAO, "GapBaselineFunction fn:complaint-handling"): None,
        (ECOM, "GapBaselineFunction fn:complaint-handling"): None,
        (ECOM, "GapBaselineFunction fn:user-analytics"): None,
        (ECOM, "OverlapInSupervisionLine fn:design-archive"): None},
    "C ecom social commerce to 推广主管": {(ECOM, "GapBaselineFunction fn:social-commerce"): "推广主管"},
    "D C, and ecom customer experience too (a rule by the channels area)": {
        (ECOM, "GapBaselineFunction fn:social-commerce"): "推广主管",
        (ECOM, "GapBaselineFunction fn:customer-experience"): "推广主管"},
    "E acme external relations to the head (outward work)": {
        (ACME, "GapBaselineFunction fn:external-relations"): "总经理"},
    "F acme channel development to 运营部经理 (department head)": {
        (ACME, "GapBaselineFunction fn:channel-development"): "运营部经理"},
    "G taobao 运营主管 given work (post without duty)": {(TAOBAO, "GapPostWithoutDuty post/ops-supervisor"): "运营主管"},
    "H ecom design archive to 美工主管": {(ECOM, "OverlapInSupervisionLine fn:design-archive"): "美工主管"},
    "I ecom user analytics: no change": {(ECOM, "GapBaselineFunction fn:user-analytics"): None},
    "J ecom customer experience to 筹划主管 (the seventeen's 9 of 17)": {
        (ECOM, "GapBaselineFunction fn:customer-experience"): "筹划主管"},
    "K acme promotion planning and traffic allocation to 线上商城运营专员 (9 of 17)": {
        (ACME, "GapBaselineFunction fn:promotion-channel-planning"): "线上商城运营专员"},
}
"""The answers h-propose13 measured (bench/proposals/README.md, "What the seventeen blind sets say")."""


def answered(p: Proposal, owner: str | None) -> Proposal:
    """``p`` as a rule giving ``owner`` (None: no change) would leave it."""
    q = copy.copy(p)
    if owner is None:
        q.status, q.owner, q.changes = "none", None, []
        return q
    q.status = "change"
    q.owner = PostRef("", "", owner, "")
    q.changes = [c for c in p.changes if c.post.zh != owner]
    return q


def tally(reports: dict[str, Report], answers: dict[str, dict[str, Hand]], instead: Answer) -> Counter[str]:
    """Findings with an answer, agree, wrong, none, and the changes, with the findings of ``instead`` answered so."""
    t: Counter[str] = Counter()
    for name in EXAMPLES:
        r = reports[name]
        posts = {f.id: frozenset(q.zh for q in f.posts) for f in r.findings}
        for p in proposals_to_compare(r):
            h = answers.get(name, {}).get(key_of(p))
            if h is None:
                continue
            if (name, key_of(p)) in instead:
                p = answered(p, instead[(name, key_of(p))])
            v = verdict(p, h, posts.get(p.finding, frozenset()))
            t["findings"] += 1
            t[v] += 1
            t["changes"] += p.status in ("change", "via")
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--answer", nargs=3, action="append", metavar=("DESIGN", "KEY", "OWNER"), default=[],
                    help="measure this answer (OWNER '-': no change) instead of the built-in candidates; repeatable")
    ap.add_argument("--majority-of", nargs="+", default=[], metavar="SET",
                    help="also score against the majority of these sets (e.g. the five written blind together)")
    args = ap.parse_args()
    kb = knowledge_base()
    reports = {name: validate_file(ROOT / "examples" / name, kb=kb) for name in EXAMPLES}
    paths = hand_sets()
    sets = {p.name: hand_answers(p) for p in paths}
    written = [p.name for p in paths if role(p) != "tuned"]
    blind = [p.name for p in paths if role(p) == "blind"]
    groups = dict(sets)
    groups[f"majority of the {len(written)} written blind"] = consensus([sets[n] for n in written])
    groups["majority of all"] = consensus(list(sets.values()))
    if len(blind) >= 3:
        groups[f"majority of the {len(blind)} blind"] = consensus([sets[n] for n in blind])
    if args.majority_of:
        groups[f"majority of {', '.join(args.majority_of)}"] = consensus([sets[n] for n in args.majority_of])
    candidates = CANDIDATES
    if args.answer:
        candidates = {"given": {(d, k): (None if o == "-" else o) for d, k, o in args.answer}}
    base = {g: tally(reports, a, {}) for g, a in groups.items()}
    print("| set | now | " + " | ".join(c.split(" ", 1)[0] for c in candidates) + " |")
    print("|---|---|" + "---|" * len(candidates))
    for g, a in groups.items():
        b = base[g]
        cells = []
        for instead in candidates.values():
            t = tally(reports, a, instead)
            cells.append(f"{t['agree'] - b['agree']:+d} / {t['wrong'] - b['wrong']:+d}")
        print(f"| {g} | {b['agree']} of {b['findings']}, {b['wrong']} of {b['changes']} | " + " | ".join(cells) + " |")
    print()
    for c in candidates:
        print(f"- {c}")


if __name__ == "__main__":
    main()
