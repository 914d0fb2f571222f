"""Verdict accuracy on reviews nothing was tuned on, through the bot's own path.

"did they like it?" is answered from a rating the review states, else from the stance model with
its "mixed" band (qa/verdict.py). This samples aclImdb `test` reviews (never fitted on), prepares
them exactly as ingest does (repair, sentence split, labels), and scores the verdict against the
review's thumbs up or down. aclImdb only holds clear reviews (1-4 or 7-10 stars), so a "mixed"
verdict counts as a miss; the table also shows accuracy on the reviews given a clear verdict.

    python benchmarks/verdict_accuracy.py [--data ../shared/data] [--reviews 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.ingest.pipeline import prepare_reviews  # noqa: E402
from bot.reviews.opinions.corpora import imdb_reviews  # noqa: E402
from bot.reviews.opinions.stance import StanceModel  # noqa: E402
from bot.reviews.opinions.tagger import OpinionTagger  # noqa: E402
from bot.reviews.qa.verdict import StanceReader  # noqa: E402
from bot.reviews.types import Review, ReviewInput  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--reviews", type=int, default=2000)
    args = parser.parse_args()
    test = imdb_reviews(args.data, "test")
    picked = random.Random(7).sample(range(len(test.texts)), min(args.reviews, len(test.texts)))
    items = [
        ReviewInput(text=test.texts[i], film="film", review_id=test.ids[i], origin=test.ids[i])
        for i in picked
    ]
    began = time.perf_counter()
    prepared = prepare_reviews(items, OpinionTagger.load())
    reader = StanceReader(StanceModel.load())
    rows = []
    for review, index in zip(prepared, picked, strict=True):
        indexed = Review(
            review.review_id, "film", None, None, None, None, None, None, review.text, 0
        )
        stance = reader.stance(indexed, list(review.sentences))
        expected = "positive" if test.labels[index] == 1 else "negative"
        rows.append((stance.verdict, expected, stance.rating is not None))
    seconds = time.perf_counter() - began

    def line(name: str, subset: list[tuple[str, str, bool]]) -> None:
        if not subset:
            print(f"| {name} | 0 | – | – | – |")
            return
        right = sum(v == e for v, e, _ in subset)
        clear = [r for r in subset if r[0] != "mixed"]
        clear_right = sum(v == e for v, e, _ in clear)
        print(
            f"| {name} | {len(subset):,} | {100 * right / len(subset):.1f} "
            f"| {100 * (len(subset) - len(clear)) / len(subset):.1f} "
            f"| {100 * clear_right / max(len(clear), 1):.1f} |"
        )

    print(f"aclImdb test, {len(rows):,} reviews sampled with seed 7; {seconds:.0f} s in all")
    print("| reviews | n | verdict right % | read as mixed % | right among clear verdicts % |")
    print("|---|---|---|---|---|")
    line("all", rows)
    line("states a rating", [r for r in rows if r[2]])
    line("no stated rating", [r for r in rows if not r[2]])


if __name__ == "__main__":
    main()
