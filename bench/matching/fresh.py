"""The shipped matcher on a new round of labelled sentences, before the round joins the corpus.

    python bench/matching/fresh.py ROUND.tsv --name round5 --json bench/matching/fresh-round5.json

Why: run.py's folds hold publishers out of the training, but the pipeline's choices (features,
weights, lexicon, overrides) were made looking at the whole corpus. A round collected later, from
publishers the corpus has never had, and answered by the model exactly as users get it
(``matcher_for``, the model shipped in data/matching/), is the most honest figure there is: nothing
about it was seen when the matcher was built. Run it before the round is appended and the model
rebuilt; afterwards the same sentences are training data.

ROUND.tsv is the labeller's file: the corpus's columns without ``id`` (text, post_title, family,
lead, support, source, source_url, note), a header line, tab-separated. Each page's duties of one
post are matched together, as ``validate`` matches a post's duties. Same measures as run.py
(``summarise``), BM25 of release 0.1 beside it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bm25 import Bm25Matcher  # noqa: E402
from run import GOALS, outcome, summarise  # noqa: E402

from retailkg.design.matching import matcher_for  # noqa: E402
from retailkg.kg.knowledge import knowledge_base  # noqa: E402

COLUMNS = ("text", "post_title", "family", "lead", "support", "source", "source_url", "note")


def read_round(path: Path) -> list[dict[str, str]]:
    """The round's rows, checked for the columns the measure needs."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise SystemExit(f"{path}: missing columns {', '.join(missing)}")
        return [row for row in reader if row["text"].strip()]


def measure(rows: list[dict[str, str]]) -> dict[str, Any]:
    kb = knowledge_base()
    matcher = matcher_for(kb)
    bm25 = Bm25Matcher(kb)
    texts = [r["text"] for r in rows]
    posts = [r["post_title"] for r in rows]
    groups = [(r["source_url"], r["post_title"]) if r["post_title"] else None for r in rows]
    out: list[dict[str, Any]] = []
    for r, m in zip(rows, matcher.match_many(texts, posts, groups), strict=True):
        gold = sorted(set((r["lead"] + " " + r["support"]).split()))
        out.append({
            "id": "", "family": r["family"], "source": r["source"], "gold": gold, "text": r["text"],
            "answers": outcome(m, kb)[:3], "probability": m.probability, "to_review": m.to_review,
            "via": "labelled" if m.labelled or m.verbatim else ("override" if m.none.startswith("catch-all") else "model"),
            "area": str(m.area) if m.area else None, "bm25": bm25.match(r["text"])[:3] or ["none"],
        })
    return summarise(out, kb)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("round", type=Path, help="the labeller's TSV (corpus columns without id)")
    ap.add_argument("--name", default="", help="the round's name in the output")
    ap.add_argument("--json", type=Path, help="write the summary and every row here")
    args = ap.parse_args(argv)
    result = measure(read_round(args.round))
    result["name"] = args.name or args.round.stem
    shipped = json.loads((REPO / "data" / "matching" / "model.json").read_text(encoding="utf-8"))
    result["model"] = {"corpus_sentences": shipped.get("corpus_sentences"), "corpus_sha256": shipped.get("corpus_sha256")}
    m = result["matcher"]
    print(f"{result['name']}: {result['sentences']} sentences, {result['sources']} publishers; "
          f"top-1 {m['top1']} (goal {GOALS['top1']}), top-3 {m['top3']} (goal {GOALS['top3']}), area {m['area_top1']}, "
          f"wrong flagged {m['flagged_wrong']} (goal {GOALS['flagged_wrong']}), ECE {m['ece']}; "
          f"BM25 top-1 {result['bm25']['top1']}")
    for fam, v in result["families"].items():
        print(f"  {fam:12s} {v['n']:4d}  top-1 {v['top1']}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
