"""Train the importer's line classifier (src/retailkg/design/documents/lines.py) and measure it leave-one-set-out.

``python bench/importing/train_lines.py`` reads every document of the gold sets in TRAIN_SETS (the main corpus and
the held-out sets that have been used for fixes, never a newer one), walks its lines as the importer does
(:func:`retailkg.design.documents.parse.document_lines`) and labels each from the gold: a duty when, with whitespace
and list numbering removed (the bench's, or the importer's numbers and bullets: see _keys), it is a gold duty of the
document or a piece of one (a duty a page end or a wrap cut, eight characters or more), a qualification likewise,
otherwise other.

It then measures the model leave-one-set-out: for each set, trained on all the others, the duty and qualification
lines of that set found (precision, recall), which is what the model would do on a set it has never seen. Last it
trains on all of TRAIN_SETS and writes the weights to lines.json (``--no-write``: measure only). ``--fresh GOLD``
also reports, without training on it, the final model on a newer set.

Needs scikit-learn (a dependency of retailkg); the shipped model needs none.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

import retailkg.design.documents.parse as parse
from retailkg.design.documents import import_documents, read_blocks
from retailkg.design.documents.lines import CLASSES, MODEL_FILE, LineModel, features
from retailkg.design.documents.parse import document_lines

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "tests" / "data" / "jobdocs"
TRAIN_SETS = ["main", "heldout", *(f"heldout{n}" for n in range(2, 20))]
"""The sets the model learns from: the corpus and heldout … heldout19, every set that had been used for fixes before
heldout20 was measured. heldout20 and later are never trained on (they measure)."""
MIN_COUNT = 2  # a feature seen fewer times in training gets no weight
C, MAX_ITER, CLASS_WEIGHT = 1.0, 3000, "balanced"
MODEL = {"kind": "LogisticRegression", "C": C, "max_iter": MAX_ITER, "class_weight": CLASS_WEIGHT, "min_count": MIN_COUNT}
"""How the model is fitted: part of what the shipped weights are a function of (see inputs_digest)."""

_spec = importlib.util.spec_from_file_location("bench_importing_run", HERE / "run.py")
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


def gold_path(name: str) -> Path:
    return CORPUS / "gold.yaml" if name == "main" else CORPUS / name / "gold.yaml"


def _key(text: str) -> str:
    return re.sub(r"\s+", "", run.norm(text))


def _keys(text: str) -> set[str]:
    """A line's text as the gold may state it: with the bench's list numbers removed, and with whatever the importer
    removes as a number or a bullet (- …, , 2.1, 2、5年… before a digit), which the bench's removal leaves in."""
    return {_key(text), re.sub(r"\s+", "", parse.strip_number(text)[0])} - {""}


def labelled_lines(name: str) -> list[tuple[dict[str, float], str, str]]:
    """(features, label, text) of every line of the set's documents."""
    gold = run.load_gold(gold_path(name))
    out = []
    for doc in gold["documents"]:
        duties = [_key(d) for p in doc["posts"] for d in p["duties"]]
        quals = [_key(q) for p in doc["posts"] for q in p["qualifications"]]
        blocks = read_blocks(gold["root"] / doc["file"])
        for line in document_lines(blocks):
            keys = _keys(line.text)
            if not keys:
                continue
            if any(k in duties or (len(k) >= 8 and any(k in d for d in duties)) for k in keys):
                label = "duty"
            elif any(k in quals or (len(k) >= 8 and any(k in q for q in quals)) for k in keys):
                label = "qualification"
            else:
                label = "other"
            out.append((features(line.text, line.context), label, line.text))
    return out


def inputs_digest(sets: dict[str, list[tuple[dict[str, float], str, str]]]) -> str:
    """The SHA-256 of everything the weights are fitted from: the sets' names, every line's features (what
    ``parse.document_lines`` and ``lines.features`` make of today's documents) and label (from today's gold), and
    how the model is fitted. lines.json records it, and tests/test_import_documents.py recomputes it: a change to the
    line walk, the features, a document or a gold of the training sets leaves the shipped weights stale, and the test
    says so (retrain with this script)."""
    h = hashlib.sha256(json.dumps({"sets": list(sets), "model": MODEL}, sort_keys=True).encode())
    for name, rows in sets.items():
        for x, label, _ in rows:
            h.update(json.dumps([name, label, sorted(x.items())], ensure_ascii=False).encode())
    return h.hexdigest()


def training_sets() -> dict[str, list[tuple[dict[str, float], str, str]]]:
    return {name: labelled_lines(name) for name in TRAIN_SETS}


def fit(rows: list[tuple[dict[str, float], str, str]]) -> tuple[DictVectorizer, LogisticRegression]:
    counts: Counter[str] = Counter(f for x, _, _ in rows for f in x)
    xs = [{f: v for f, v in x.items() if counts[f] >= MIN_COUNT} for x, _, _ in rows]
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=MAX_ITER, class_weight=CLASS_WEIGHT)
    model.fit(vec.fit_transform(xs), [y for _, y, _ in rows])
    return vec, model


def score(vec: DictVectorizer, model: LogisticRegression, rows: list[tuple[dict[str, float], str, str]]) -> dict[str, Any]:
    predicted = model.predict(vec.transform([x for x, _, _ in rows]))
    gold = [y for _, y, _ in rows]
    out: dict[str, Any] = {"lines": len(rows)}
    for c in ("duty", "qualification"):
        tp = sum(p == c and g == c for p, g in zip(predicted, gold, strict=True))
        fp = sum(p == c and g != c for p, g in zip(predicted, gold, strict=True))
        fn = sum(p != c and g == c for p, g in zip(predicted, gold, strict=True))
        out[c] = {"gold": tp + fn, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                  "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    out["other_as_duty"] = sum(p == "duty" and g == "other" for p, g in zip(predicted, gold, strict=True))
    out["accuracy"] = round(sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows), 3) if rows else None
    return out


def export(vec: DictVectorizer, model: LogisticRegression, digest: str = "") -> dict[str, Any]:
    order = [list(model.classes_).index(c) for c in CLASSES]
    coef = np.asarray(model.coef_)[order]
    weights = {name: [round(float(w), 5) for w in coef[:, j]] for name, j in vec.vocabulary_.items() if np.any(coef[:, j])}
    return {"classes": list(CLASSES), "intercept": [round(float(model.intercept_[i]), 5) for i in order],
            "trained_on": TRAIN_SETS, "inputs_sha256": digest, "weights": dict(sorted(weights.items()))}


def import_measures(name: str, model: LineModel | None) -> dict[str, Any]:
    """The importer's measures on one set (bench/importing/run.py's), reading with ``model`` (None: the rules alone)."""
    saved = parse.load_model
    parse.load_model = lambda *a, **k: model  # type: ignore[assignment]
    try:
        m = run.evaluate(run.load_gold(gold_path(name)), import_documents)["measures"]
    finally:
        parse.load_model = saved
    return {k: m[k] for k in ("post_recall", "post_precision", "duty_recall", "duty_precision", "qualifications_as_duties")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the importer's line classifier; measure it leave-one-set-out.")
    parser.add_argument("--no-write", action="store_true", help="measure only; do not write lines.json")
    parser.add_argument("--fresh", type=Path, action="append", default=[], help="a newer gold set to measure the final model on")
    parser.add_argument("--import-measures", action="store_true",
                        help="also measure the importer leave-one-set-out (each set read with the model trained on the others)")
    parser.add_argument("--json", type=Path, default=HERE / "lines-loso.json", help="where the measurements go")
    args = parser.parse_args(argv)
    sets = training_sets()
    loso: dict[str, Any] = {}
    total: Counter[str] = Counter()
    for name in TRAIN_SETS:
        vec, model = fit([r for other, rows in sets.items() if other != name for r in rows])
        loso[name] = score(vec, model, sets[name])
        if args.import_measures:
            loso[name]["import"] = import_measures(name, LineModel(export(vec, model)))
            loso[name]["import_rules_alone"] = import_measures(name, None)
        print(name, json.dumps(loso[name], ensure_ascii=False), file=sys.stderr)
        predicted = model.predict(vec.transform([x for x, _, _ in sets[name]]))
        for p, (_, g, _) in zip(predicted, sets[name], strict=True):
            total[f"{p}|{g}"] += 1
    pooled = {c: {"precision": round(total[f"{c}|{c}"] / max(sum(total[f"{c}|{g}"] for g in CLASSES), 1), 3),
                  "recall": round(total[f"{c}|{c}"] / max(sum(total[f"{p}|{c}"] for p in CLASSES), 1), 3)} for c in CLASSES}
    vec, model = fit([r for rows in sets.values() for r in rows])
    fresh = {}
    for path in args.fresh:
        name = path.parent.name
        fresh[name] = score(vec, model, labelled_lines(name))
    result = {"trained_on": TRAIN_SETS, "leave_one_set_out": loso, "pooled": pooled, "fresh": fresh}
    print(json.dumps({"pooled": pooled, "fresh": fresh}, ensure_ascii=False, indent=1))
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.no_write:
        shipped = export(vec, model, inputs_digest(sets))
        MODEL_FILE.write_text(json.dumps(shipped, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
