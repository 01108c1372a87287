"""Rebuild the duty matcher's model from the labelled corpus: ``python tools/train_matcher.py``.

Reads ``data/matching/corpus.tsv`` and the knowledge graph's curated duties and definitions, trains
the classifier with its calibration (src/retailkg/design/classifier.py), and writes
``data/matching/model.json`` and ``data/matching/model.npz``. Deterministic: the same corpus and
taxonomy give the same files. Run it after editing the corpus, the lexicon or the taxonomy, then
``python bench/matching/run.py`` to see what changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from retailkg.design.classifier import Classifier, corpus_digest, corpus_path, function_areas, knowledge_examples, read_corpus
from retailkg.errors import InputError
from retailkg.kg.knowledge import knowledge_base

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "data" / "matching", help="folder for model.json and model.npz")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        kb = knowledge_base(REPO)
        corpus = read_corpus(corpus_path(), known={f.id for f in kb.functions.values()})
        examples = corpus + knowledge_examples(kb)
        model = Classifier.train(examples, areas=function_areas(kb))
        model.save(args.out, {"corpus_sha256": corpus_digest(), "corpus_sentences": len(corpus), "examples": len(examples)})
    except InputError as e:
        print(f"train_matcher: {e}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}/model.json and model.npz: {len(model.classes)} classes, "
          f"{model.weights.shape[1]} features, temperature {model.temperature:.3f}, "
          f"review below {model.review_below:.3f}, post context weight {model.context_weight:g}, "
          f"nearest sentences' vote weight {model.neighbour_weight:g} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
