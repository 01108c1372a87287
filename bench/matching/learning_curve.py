"""How held-out top-1 grows with the training corpus: ``python bench/matching/learning_curve.py``.

The same five folds by publisher as run.py; in each, the training side is cut to a random share of
its publishers (seeded by the fold), the classifier and matcher trained on what is kept plus the
four documents' curated duties and definitions, and the whole held-out fold answered. Prints one
line per share: the share, the last fold's training sentences, and top-1 over all folds. It says
whether more of the same data would reach a goal (bench/matching/README.md, "learning curve").
"""

from __future__ import annotations

import argparse
import importlib.util
import random
from pathlib import Path

from retailkg.design.classifier import Classifier, corpus_path, knowledge_examples, read_corpus, source_folds
from retailkg.design.matching import Matcher
from retailkg.kg.knowledge import knowledge_base

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("matching_run", HERE / "run.py")
assert _spec is not None and _spec.loader is not None
_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shares", default="0.25,0.5,0.75,1.0", help="shares of the training publishers, comma-separated")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    kb = knowledge_base(HERE.parents[1])
    corpus = read_corpus(corpus_path(), known={f.id for f in kb.functions.values()})
    always = knowledge_examples(kb)
    for share in (float(x) for x in args.shares.split(",")):
        right = n = kept_sentences = 0
        for k, (train, test) in enumerate(source_folds(corpus, args.folds)):
            sources = sorted({corpus[i].source for i in train})
            random.Random(k).shuffle(sources)
            keep = set(sources[: max(1, int(len(sources) * share))])
            training = [corpus[i] for i in train if corpus[i].source in keep]
            kept_sentences = len(training)
            matcher = Matcher(kb, model=Classifier.train(training + always), corpus=training)
            tests = [corpus[i] for i in test]
            for e, m in zip(tests, matcher.match_many([e.text for e in tests], [e.post for e in tests]), strict=True):
                right += _run.outcome(m, kb)[0] in e.gold
                n += 1
        print(f"{share:.2f}\t{kept_sentences}\t{right / n:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
