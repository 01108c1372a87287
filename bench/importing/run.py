"""How well retailkg reads a client's job descriptions (岗位说明书): the corpus of tests/data/jobdocs.

``python bench/importing/run.py`` imports every document of tests/data/jobdocs/gold.yaml on its own
(one ``import_documents`` call per document), matches the posts found to the gold posts by (file,
post name) and reports post recall and precision, duty recall and precision (a duty is right when
its text equals the gold text after whitespace trimming and list-numbering removal), reports-to and
department accuracy (on the matched posts; a superior as written, not resolved), and the number of
qualification lines taken as duties. It then imports all the documents in one call, and times a
folder of 200 Word files (copies of the table-form files, each with its own post name), which is
generated into a temporary folder and not counted. It also checks that every bad input of the
corpus is refused with one error naming the file.

Writes bench/importing/results.json and the "importing" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/results_md.py, shared by the benchmarks
import results_md

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "jobdocs"
FIRST_MEASURED = {
    "heldout": "posts 0.917 / 0.917, duties 0.783 / 0.800, department 0.636 (at b2e3d3f); used for fixes since",
    "heldout2": "posts 0.909 / 0.909, duties 0.814 / 0.814, department 0.700 (at bb63e0f); used for fixes since",
    "heldout3": "posts 0.643 / 0.818, duties 0.727 / 0.800, department 1.000 (at 80daf28); used for fixes since",
    "heldout4": ("posts 0.316 / 0.429, duties 0.205 / 0.514 (at 3046b31); posts 0.526 / 0.556, duties 0.466 / 0.621, "
                 "department 1.000 (at 0ae2ade, after the heldout3 fixes); used for fixes since"),
    "heldout5": ("posts 0.316 / 0.750, duties 0.330 / 0.522 (at 2734600); posts 0.316 / 0.857, duties 0.330 / 0.522, "
                 "department 1.000 (at 163c2bf, after the heldout4 fixes); used for fixes since"),
    "heldout6": ("posts 0.706 / 0.857, duties 0.651 / 0.635, department 0.750, 5 qualifications as duties "
                 "(at 04fd6a8, after the heldout5 fixes); used for fixes since"),
    "heldout7": ("posts 0.929 / 0.929, duties 0.921 / 0.744, department 1.000, 0 qualifications as duties "
                 "(at 8e6609c, after the heldout6 fixes); used for fixes since"),
    "heldout8": ("posts 0.875 / 0.667, duties 0.329 / 0.522, department 1.000, 5 qualifications as duties "
                 "(at 65275ee, after the heldout7 fixes); posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, "
                 "0 qualifications as duties (at 05ed5a7, after the heldout8 fixes); used for fixes since"),
    "heldout9": ("posts 0.364 / 1.000, duties 0.729 / 0.739, department 1.000, 0 qualifications as duties (at 0964a17); "
                 "the same at 9c3b1b1, after the heldout8 fixes; posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, "
                 "0 qualifications as duties (at fb4620d, after the heldout9 fixes); used for fixes since"),
    "heldout10": ("posts 0.588 / 0.769, duties 0.635 / 0.597, department 1.000, 12 qualifications as duties (at e71805e); "
                  "posts 0.588 / 0.833, duties 0.635 / 0.615, 12 qualifications as duties (at ca30c65, after the heldout9 fixes); "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties "
                  "(at 0d5b101, after the heldout10 fixes); used for fixes since"),
    "heldout11": ("posts 0.700 / 1.000, duties 0.794 / 0.947, department 1.000, 0 qualifications as duties (at 71a7ad0); "
                  "the same at 9bda5f9, after the heldout10 fixes; posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, "
                  "0 qualifications as duties (at af194e0, after the heldout11 fixes); used for fixes since"),
    "heldout12": ("posts 0.850 / 0.944, duties 0.643 / 0.849, department 1.000, 0 qualifications as duties (at 8d32a19); "
                  "the same at 19ef07c, after the heldout11 fixes; posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, "
                  "0 qualifications as duties (at 5f73a12, after the heldout12 fixes); used for fixes since"),
    "heldout13": ("posts 0.882 / 0.833, duties 0.689 / 0.689, department 0.933, 0 qualifications as duties (at b90fb77); "
                  "the same at 45a44c1, after the heldout12 fixes; posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, "
                  "0 qualifications as duties (at 4e5fa9a, after the heldout13 fixes); used for fixes since"),
    "heldout14": ("posts 0.842 / 0.842, duties 0.734 / 0.725, department 1.000, 0 qualifications as duties (at 38da951); "
                  "posts 0.895 / 0.895, duties 0.848 / 0.838, department 1.000, 0 qualifications as duties, qualification "
                  "recall 0.500 (at ac7b1ab, after the heldout13 fixes); posts 1.000 / 1.000, duties 1.000 / 1.000, department "
                  "1.000, 0 qualifications as duties, qualification recall 1.000 (at 285f416, after the heldout14 fixes); "
                  "used for fixes since"),
    "heldout15": ("posts 0.941 / 0.889, duties 0.862 / 0.862, department 1.000, 0 qualifications as duties, qualification "
                  "recall 0.000 / precision 0.000 (at 5bbbaff); posts 0.941 / 0.941, duties 0.862 / 0.862, department 1.000, "
                  "0 qualifications as duties, qualification recall 0.000 / precision 0.000 (at afe13cb, after the heldout14 "
                  "fixes); posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at 090ebde, after the heldout15 fixes); used for fixes since"),
    "heldout16": ("posts 0.750 / 1.000, duties 0.871 / 0.982, department 1.000, 0 qualifications as duties, qualification "
                  "recall 1.000 / precision 1.000 (at 734c6c5); the same at 0d66bcf, after the heldout15 fixes; posts 1.000 / "
                  "1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / "
                  "precision 1.000 (at bd68b7f, after the heldout16 fixes); used for fixes since"),
    "heldout17": ("posts 1.000 / 1.000, duties 0.781 / 0.746, department 1.000, 0 qualifications as duties, qualification "
                  "recall 1.000 / precision 1.000 (at 028cedb); the same at 4938a6f, after the heldout16 fixes; posts 1.000 / "
                  "1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / "
                  "precision 1.000 (at 9776e09, after the heldout17 fixes); used for fixes since"),
    "heldout18": ("posts 0.667 / 0.923, duties 0.730 / 0.920, department 1.000, 0 qualifications as duties, qualification "
                  "recall 1.000 / precision 0.833 (at 12fcd57); the same at d6512c1, after the heldout17 fixes, and at 0caa740; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, qualification recall "
                  "1.000 / precision 1.000 (at 2f05e33, after the heldout18 fixes); used for fixes since"),
    "heldout19": ("posts 0.778 / 0.933, duties 0.939 / 0.924, department 1.000, 0 qualifications as duties, qualification "
                  "recall 1.000 / precision 0.944 (at 0caa740); the same at 996c96c, after the heldout18 fixes; posts 1.000 / "
                  "1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / "
                  "precision 1.000 (at 6ac5bc4, after the heldout19 fixes); used for fixes since"),
    "heldout20": ("posts 0.938 / 0.938, duties 0.936 / 0.866, department 1.000, 0 qualifications as duties, qualification "
                  "recall 1.000 / precision 1.000 (at 0b8e44b); the same at 980c975, after the heldout19 fixes; posts 1.000 / "
                  "1.000, duties 1.000 / 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / "
                  "precision 1.000 (at 6be50f3, after the heldout20 fixes); used for fixes since"),
    "heldout21": ("posts 0.750 / 0.800, duties 0.453 / 0.725, reports-to 0.750, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.250 (at 5762acf); posts 0.750 / 0.800, duties 0.453 / 0.906, "
                  "reports-to 0.750, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision "
                  "0.250 (at c0d1783, after the heldout20 fixes); posts 1.000 / 1.000, duties 0.938 / 1.000, reports-to "
                  "1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision 1.000 (at "
                  "7b07ae7, after the heldout21 fixes); used for fixes since"),
    "heldout22": ("posts 0.900 / 0.900, duties 0.885 / 0.871, reports-to 0.889, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at 92f1418); posts 0.900 / 0.947, duties 0.885 / 0.871, "
                  "reports-to 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision "
                  "1.000 (at 9fba265, after the heldout21 fixes); posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to "
                  "1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision 1.000 (at "
                  "b0d56db, after the heldout22 fixes); used for fixes since"),
    "heldout23": ("posts 0.375 / 0.750, duties 0.725 / 0.714, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.700 / precision 1.000 (at e211282); the same at 1b0989e, after the heldout22 fixes; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.700 / precision 1.000 (at 75981d8, after the heldout23 fixes); used for fixes since"),
    "heldout24": ("posts 1.000 / 0.933, duties 0.804 / 0.957, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.875 (at 43bc2f8); the same at 9fd1555, after the heldout23 fixes; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.875 (at 72a085c, after the heldout24 fixes); used for fixes since"),
    "heldout25": ("posts 0.882 / 0.882, duties 0.787 / 0.828, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.833 (at 30e25a1); the same at 40d865e, after the heldout24 fixes; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.833 (at 543dbbe, after the heldout25 fixes); used for fixes since"),
    "heldout26": ("posts 0.938 / 0.882, duties 0.829 / 0.784, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 0.667 (at afa1dc3); posts 0.938 / 0.882, duties 0.729 / 0.761 (at "
                  "f8928b2, after the heldout25 fixes: a part headed …核心职责总结 over the duty table read as the page's "
                  "summing-up, its 7 duties lost); posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department "
                  "1.000, 0 qualifications as duties, qualification recall 1.000 / precision 1.000 (at a70374d, after the "
                  "heldout26 fixes); used for fixes since"),
    "heldout27": ("posts 0.895 / 0.850, duties 0.783 / 0.810, reports-to 1.000, department 1.000, 4 qualifications as duties, "
                  "qualification recall 0.459 / precision 0.680 (at 8600482); the same at 08bcf94, after the heldout26 fixes, "
                  "but qualification precision 0.708; posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department "
                  "1.000, 0 qualifications as duties, qualification recall 0.973 / precision 1.000 (at 2a268dd, after the "
                  "heldout27 fixes); used for fixes since"),
    "heldout28": ("posts 0.938 / 1.000, duties 0.944 / 0.903, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.583 / precision 0.875 (at ecea172); the same at 5dad862, after the heldout27 fixes; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at aedc035, after the heldout28 fixes); used for fixes since"),
    "heldout29": ("posts 0.375 / 0.667, duties 0.548 / 0.615, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.000 / precision 0.000 (at 14d298a); the same at 8154a13, after the heldout28 fixes; "
                  "posts 0.562 / 1.000, duties 0.849 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.714 / precision 0.833 (at 7eb4bbd, after the heldout29 fixes); used for fixes since"),
    "heldout30": ("posts 0.955 / 0.840, duties 0.680 / 0.815, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.500 / precision 0.375 (at a0fb02d); the same at be322fa, after the heldout29 fixes; "
                  "posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at edf8a49, after the heldout30-31 fixes); used for fixes since"),
    "heldout31": ("posts 0.680 / 0.895, duties 0.683 / 0.837, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.706 / precision 0.706 (at 484bf8e, after the heldout29 fixes); posts 1.000 / 1.000, "
                  "duties 1.000 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, qualification recall "
                  "1.000 / precision 1.000 (at edf8a49, after the heldout30-31 fixes); used for fixes since"),
    "heldout32": ("posts 0.909 / 1.000, duties 0.866 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at f1fd038, after the heldout29 fixes); the same after the "
                  "heldout30-31 fixes (h-import31, which never saw it); posts 1.000 / 1.000, duties 1.000 / 1.000, "
                  "reports-to 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision "
                  "1.000 (at c966717, after the heldout32 fixes); used for fixes since"),
    "heldout33": ("posts 0.938 / 0.938, duties 0.952 / 0.922, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.714 / precision 0.667 (at 4016c86, after the heldout30-31 fixes); the same after the "
                  "heldout32 fixes (h-import32, which never saw it); posts 1.000 / 1.000, duties 1.000 / 1.000, reports-to "
                  "1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision 0.933 (at "
                  "cad69f5, after the heldout33 fixes); used for fixes since"),
    "heldout34": ("posts 0.833 / 0.938, duties 0.863 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.867 / precision 0.650 (at bd7ec9c, after the heldout32 fixes); the same after the "
                  "heldout33 fixes (h-import33, which never saw it); posts 1.000 / 1.000, duties 0.945 / 1.000, reports-to "
                  "1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision 0.865 (at "
                  "0873b59, after the heldout34 fixes); used for fixes since"),
    "heldout35": ("posts 0.938 / 1.000, duties 0.938 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 0.947 / precision 0.959 (at d8c2855, after the heldout33 fixes; three sources only); "
                  "the same after the heldout34 fixes (h-import34, which never saw it); posts 1.000 / 1.000, duties 1.000 / 1.000, "
                  "reports-to 1.000, department 1.000, 0 qualifications as duties, qualification recall 1.000 / precision "
                  "0.962 (at e3571a5, after the heldout35 fixes); used for fixes since"),
    "heldout36": ("posts 0.875 / 1.000, duties 0.969 / 1.000, reports-to 1.000, department 1.000, 0 qualifications as duties, "
                  "qualification recall 1.000 / precision 1.000 (at d17b364, after the heldout34 fixes; five sources, 8 posts "
                  "only); the same after the heldout35 fixes (h-import35, which never saw it); not yet used for fixes"),
}
"""Recall / precision of each held-out set when first measured, before any change it prompted (recorded by hand)."""

GOALS = {"post_recall": 0.98, "post_precision": 0.98, "duty_recall": 0.98, "duty_precision": 0.98,
         "reports_to_accuracy": 0.98, "department_accuracy": 0.98, "qualifications_as_duties": 0}
FOLDER_SIZE = 200

# a list number at the start of a line: 1. 1、 1) (1) （1） ① 一、 a) — and the same with a space after
_NUMBER = re.compile(
    r"^(?:[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|\d{1,3}\s*[.．、)）](?!\d)"
    r"|[①-⑳⑴-⒇]"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[a-zA-Z][)）.、](?![a-zA-Z]))\s*"
)


def norm(text: str) -> str:
    """Whitespace trimmed, the leading list number removed: what a duty is compared on."""
    text = text.strip()
    return _NUMBER.sub("", text, count=1).strip()


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        for post in doc["posts"]:
            for d in post["duties"]:
                if norm(d) != d.strip():
                    print(f"warning: the gold duty {d!r} of {doc['file']} changes under numbering removal", file=sys.stderr)
    data["root"] = path.resolve().parent  # a gold file names its documents relative to its own folder
    return data


def _import() -> Any:
    try:
        from retailkg.design.documents import import_documents
    except ImportError as e:
        print(f"bench/importing: cannot import retailkg.design.documents.import_documents ({e}); install retailkg with the importer "
              "(pip install -e .) and run again", file=sys.stderr)
        raise SystemExit(2) from None
    return import_documents


def _post(p: Any) -> dict[str, Any]:
    return {
        "name": p.name,
        "department": p.department,
        "reports_to": p.reports_to_text,
        "duties": [d.text for d in p.duties],
        "qualifications": list(p.qualifications),
        "file": str(p.where.file),
    }


def evaluate(gold: dict[str, Any], import_documents: Any) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    by_layout: dict[str, Counter[str]] = defaultdict(Counter)
    documents = []
    for doc in gold["documents"]:
        path = gold["root"] / doc["file"]
        started = time.perf_counter()
        error = None
        try:
            found = [_post(p) for p in import_documents([path]).posts]
        except Exception as e:  # one failing document is a miss, not the end of the run
            error = _short(f"{e.__class__.__name__}: {e}")
            found = []
        seconds = time.perf_counter() - started
        c = Counter[str]()
        qual_lines = {norm(q) for p in doc["posts"] for q in p["qualifications"]}
        by_name = {p["name"]: p for p in found}
        misses: list[dict[str, Any]] = []
        for g in doc["posts"]:
            c["gold_posts"] += 1
            c["gold_duties"] += len(g["duties"])
            c["gold_qualifications"] += len(g["qualifications"])  # every gold post's, matched or not, as for duties
            p = by_name.get(g["name"])
            if p is None:
                misses.append({"post": g["name"], "missing": True})
                continue
            c["matched_posts"] += 1
            c["reports_to_right"] += p["reports_to"] == g["reports_to"]
            c["department_right"] += p["department"] == g["department"]
            want = Counter(norm(d) for d in g["duties"])
            got = Counter(norm(d) for d in p["duties"])
            c["right_duties"] += sum((want & got).values())
            wq, gq = Counter(norm(q) for q in g["qualifications"]), Counter(norm(q) for q in p["qualifications"])
            c["right_qualifications"] += sum((wq & gq).values())
            miss = {
                "post": g["name"],
                "duties_missing": sorted((want - got).elements()),
                "duties_extra": sorted((got - want).elements()),
            }
            if p["reports_to"] != g["reports_to"]:
                miss["reports_to"] = {"gold": g["reports_to"], "found": p["reports_to"]}
            if p["department"] != g["department"]:
                miss["department"] = {"gold": g["department"], "found": p["department"]}
            if miss["duties_missing"] or miss["duties_extra"] or len(miss) > 3:
                misses.append(miss)
        gold_names = {g["name"] for g in doc["posts"]}
        for p in found:
            c["found_posts"] += 1
            c["found_duties"] += len(p["duties"])
            c["found_qualifications"] += len(p["qualifications"])
            c["qualifications_as_duties"] += sum(norm(d) in qual_lines for d in p["duties"])
            if p["name"] not in gold_names:
                misses.append({"post": p["name"], "extra": True, "duties": len(p["duties"])})
        totals.update(c)
        by_layout[doc["layout"]].update(c)
        by_layout[doc["layout"]]["documents"] += 1
        documents.append({"file": doc["file"], "layout": doc["layout"], "seconds": round(seconds, 3), "error": error,
                          **{k: c[k] for k in ("gold_posts", "matched_posts", "gold_duties", "right_duties", "found_duties")},
                          "misses": misses})
    return {"measures": measures(totals), "layouts": {k: measures(v) | {"documents": v["documents"]} for k, v in by_layout.items()},
            "counts": dict(totals), "per_document": documents}


def measures(c: Counter[str]) -> dict[str, Any]:
    def ratio(a: str, b: str) -> float | None:
        return round(c[a] / c[b], 4) if c[b] else None

    return {
        "post_recall": ratio("matched_posts", "gold_posts"),
        "post_precision": ratio("matched_posts", "found_posts"),
        "duty_recall": ratio("right_duties", "gold_duties"),
        "duty_precision": ratio("right_duties", "found_duties"),
        "reports_to_accuracy": ratio("reports_to_right", "matched_posts"),
        "department_accuracy": ratio("department_right", "matched_posts"),
        "qualifications_as_duties": c["qualifications_as_duties"],
        "qualification_recall": ratio("right_qualifications", "gold_qualifications"),
        "qualification_precision": ratio("right_qualifications", "found_qualifications"),
        "posts": c["gold_posts"],
        "duties": c["gold_duties"],
    }


def all_at_once(gold: dict[str, Any], import_documents: Any) -> dict[str, Any]:
    paths = [gold["root"] / d["file"] for d in gold["documents"]]
    started = time.perf_counter()
    try:
        result = import_documents(paths)
        error, posts, unplaced = None, len(result.posts), len(result.unplaced)
    except Exception as e:
        error, posts, unplaced = _short(f"{e.__class__.__name__}: {e}"), 0, 0
    distinct = len({p["name"] for d in gold["documents"] for p in d["posts"]})
    return {"documents": len(paths), "seconds": round(time.perf_counter() - started, 3), "posts": posts,
            "distinct_gold_posts": distinct, "unplaced": unplaced, "error": error}


def make_folder(gold: dict[str, Any], out: Path, n: int) -> None:
    """n Word files: the table-form .docx files in turn, each with its post renamed (name + number) in
    its name cell and in its title."""
    from docx import Document

    forms = [(gold["root"] / d["file"], d["posts"][0]["name"]) for d in gold["documents"]
             if d["layout"] == "word-table" and d["file"].endswith(".docx")]
    for i in range(n):
        path, name = forms[i % len(forms)]
        doc = Document(str(path))
        new = f"{name}{i + 1:03d}"
        seen: set[int] = set()
        for table in doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen or cell.text.strip() != name:
                        continue
                    seen.add(id(cell._tc))
                    cell.paragraphs[0].runs[0].text = new
                    for run in cell.paragraphs[0].runs[1:]:
                        run.text = ""
        for paragraph in doc.paragraphs:  # the title, where it names the post
            for run in paragraph.runs:
                if name in run.text:
                    run.text = run.text.replace(name, new)
        doc.save(str(out / f"{i + 1:03d}-{path.stem}.docx"))


def folder_timing(gold: dict[str, Any], import_documents: Any, n: int) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="retailkg-jobdocs-"))
    try:
        make_folder(gold, tmp, n)
        started = time.perf_counter()
        try:
            result = import_documents([tmp])
            error, posts = None, len(result.posts)
        except Exception as e:
            error, posts = f"{e.__class__.__name__}: {str(e).replace(str(tmp), '<folder>')}", 0
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"files": n, "seconds": round(seconds, 2), "posts": posts, "files_per_second": round(n / seconds, 1) if seconds else None,
            "error": error}


def bad_inputs(gold: dict[str, Any], import_documents: Any) -> list[dict[str, Any]]:
    rows = []
    for bad in gold.get("bad", []):
        path = gold["root"] / bad["file"]
        try:
            result = import_documents([path])
            rows.append({"file": bad["file"], "expect": bad["expect"], "refused": False, "message": f"imported {len(result.posts)} posts"})
        except Exception as e:
            rows.append({"file": bad["file"], "expect": bad["expect"], "refused": True, "error": e.__class__.__name__,
                         "message": _short(str(e).splitlines()[0]) if str(e) else ""})
    return rows


def _short(message: str | None) -> str | None:
    """An error message with the corpus's folder left out of its paths."""
    return message.replace(f"{REPO}/", "") if message else message


def _fmt(v: Any) -> str:
    return "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def write_results(result: dict[str, Any], out: Path) -> None:
    m = result["measures"]
    ok = {k: (m[k] is not None and (m[k] <= g if k == "qualifications_as_duties" else m[k] >= g)) for k, g in GOALS.items()}

    def row(label: str, key: str, goal: str) -> str:
        return f"| {label} [{goal}] | **{_fmt(m[key])}** | {'yes' if ok[key] else 'no'} |"

    once, folder, bad = result["all_at_once"], result["folder"], result["bad_inputs"]
    lines = [
        "## importing",
        "",
        f"`python bench/importing/run.py` at {result['commit']} ({result['date']}): the {result['documents']} documents of "
        f"tests/data/jobdocs (gold.yaml: {m['posts']} posts, {m['duties']} duties, {result['sources']} public sources), "
        "each imported on its own; posts matched to the gold by file and name; a duty is right when its text equals "
        "the gold text after whitespace trimming and list-numbering removal. Goals from the issue in brackets.",
        "",
        "| measure | value | goal met |",
        "|---|--:|:-:|",
        row("post recall", "post_recall", "≥ 0.98"),
        row("post precision", "post_precision", "≥ 0.98"),
        row("duty recall", "duty_recall", "≥ 0.98"),
        row("duty precision", "duty_precision", "≥ 0.98"),
        row("reports-to accuracy (as written, matched posts)", "reports_to_accuracy", "≥ 0.98"),
        row("department accuracy (matched posts)", "department_accuracy", "≥ 0.98"),
        row("qualification lines taken as duties", "qualifications_as_duties", "0"),
        f"| qualification recall / precision | {_fmt(m['qualification_recall'])} / {_fmt(m['qualification_precision'])} | |",
        "",
        "| layout | documents | posts | duties | post recall | duty recall | duty precision |",
        "|---|--:|--:|--:|--:|--:|--:|",
        *[f"| {k} | {v['documents']} | {v['posts']} | {v['duties']} | {_fmt(v['post_recall'])} | {_fmt(v['duty_recall'])} | "
          f"{_fmt(v['duty_precision'])} |" for k, v in sorted(result["layouts"].items())],
        "",
        f"All {once['documents']} documents in one call: {once['seconds']:.2f} s, {once['posts']} posts "
        f"({once['distinct_gold_posts']} distinct in the gold: a Word file and its PDF state the same posts), "
        f"{once['unplaced']} lines unplaced" + (f"; failed: {_short(once['error'])}" if once["error"] else "") + ".",
        "",
        f"**A folder of {folder['files']} Word files** (the table-form files copied with new post names): "
        f"**{folder['seconds']:.2f} s** wall, {folder['posts']} posts"
        + (f", {folder['files_per_second']} files/s" if folder["files_per_second"] else "")
        + (f"; failed: {_short(folder['error'])}" if folder["error"] else "") + ".",
        "",
        f"Bad inputs refused: {sum(b['refused'] for b in bad)} of {len(bad)}"
        + "".join(f"; {b['file']} was not refused ({b['message']})" for b in bad if not b["refused"]) + ".",
        "",
    ]
    helds = result.get("heldout", [])
    if helds:
        lines += [
            "**Held out**: sets laid out from public pages on hosts no earlier set uses, by someone who had not read the "
            "importer. A set's misses, once measured, were turned into general fixes, so its figure since is a development "
            "figure; the first measurement of each, before any change, is what says how the importer does on new documents:",
            "",
            *[f"- {name}: {first}" for name, first in FIRST_MEASURED.items()],
            "",
            "| set | documents | posts | duties | post recall / precision | duty recall / precision "
            "| reports-to (as written) | department | qualifications as duties | qualification recall / precision |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            *[f"| {held['name']} | {held['documents']} | {held['measures']['posts']} | {held['measures']['duties']} | "
              f"{_fmt(held['measures']['post_recall'])} / {_fmt(held['measures']['post_precision'])} | "
              f"{_fmt(held['measures']['duty_recall'])} / {_fmt(held['measures']['duty_precision'])} | "
              f"{_fmt(held['measures']['reports_to_accuracy'])} | {_fmt(held['measures']['department_accuracy'])} | "
              f"{held['measures']['qualifications_as_duties']} | {_qualifications(held['measures'])} |" for held in helds],
            "",
            "Qualification recall is over every gold post's qualifications (a missed post's count as missed) and precision "
            "over every post found; n/a where the set's gold states no qualification (recall) or nothing was found "
            "(precision).",
            "",
        ]
    results_md.write_section(out, "\n".join(lines), "## importing")


def _qualifications(m: dict[str, Any]) -> str:
    if m["qualification_recall"] is None and m["qualification_precision"] is None:
        return "n/a (none in the gold, none found)"
    return f"{_fmt(m['qualification_recall'])} / {_fmt(m['qualification_precision'])}"


def _set_order(gold: Path) -> tuple[int, str]:
    """heldout, heldout2, …, heldout10: in the order the sets were made, not as text sorts them."""
    n = re.sub(r"\D", "", gold.parent.name)
    return int(n or 1), gold.parent.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the job-description importer on tests/data/jobdocs.")
    parser.add_argument("--gold", type=Path, default=CORPUS / "gold.yaml")
    parser.add_argument("--folder-size", type=int, default=FOLDER_SIZE, help="Word files in the timed folder (default 200)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.json")
    parser.add_argument("--results-md", type=Path, default=REPO / "bench" / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    parser.add_argument("--heldout", type=Path, action="append", default=None,
                        help="a gold made without looking at the importer, measured too and reported beside (repeatable; "
                             "default: tests/data/jobdocs/heldout*/gold.yaml)")
    args = parser.parse_args(argv)
    import_documents = _import()
    gold = load_gold(args.gold)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    if subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True, cwd=REPO).stdout.strip():
        commit += " (with uncommitted changes in src/)"
    result: dict[str, Any] = {
        "commit": commit,
        "date": datetime.date.today().isoformat(),
        "documents": len(gold["documents"]),
        "sources": len(gold["sources"]),
        "goals": GOALS,
    }
    result |= evaluate(gold, import_documents)
    result["all_at_once"] = all_at_once(gold, import_documents)
    result["folder"] = folder_timing(gold, import_documents, args.folder_size)
    result["bad_inputs"] = bad_inputs(gold, import_documents)
    heldout = args.heldout if args.heldout is not None else sorted(CORPUS.glob("heldout*/gold.yaml"), key=_set_order)
    result["heldout"] = []
    for path in heldout:
        held = load_gold(path)
        result["heldout"].append({"name": path.parent.name, "documents": len(held["documents"]), "sources": len(held["sources"])}
                                 | evaluate(held, import_documents))
    if not args.no_write:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write_results(result, args.results_md)
    summary = {k: result[k] for k in ("measures", "all_at_once", "folder")}
    summary["heldout"] = {h["name"]: h["measures"] for h in result["heldout"]}
    summary["bad_inputs_refused"] = f"{sum(b['refused'] for b in result['bad_inputs'])}/{len(result['bad_inputs'])}"
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
