"""How much the sentence labels' balance should add to the stance model's verdict.

A stance model is trained on half of aclImdb `train` (and the critic reviews, as the shipped one
is), and the other half's unrated reviews are scored: verdict accuracy of the stance model's
log-odds plus w × the sentence-label balance, for several w (qa/verdict.py BALANCE_WEIGHT).
aclImdb `test` is not read. About two minutes.

    python benchmarks/verdict_fusion.py [--data ../shared/data] [--reviews 4000]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_opinions import devset_ids  # noqa: E402

from bot.reviews.ingest.pipeline import label_texts  # noqa: E402
from bot.reviews.opinions.stance import StanceModel  # noqa: E402
from bot.reviews.opinions.tagger import OpinionTagger  # noqa: E402
from bot.reviews.opinions.training import (  # noqa: E402
    STANCE_RECIPE,
    featurize_words,
    fit_words,
    shipped_lexicon,
    stance_corpus,
)
from bot.reviews.qa.rating import stated_rating  # noqa: E402
from bot.reviews.qa.verdict import opinion_balance  # noqa: E402

WEIGHTS = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--reviews", type=int, default=4000)
    args = parser.parse_args()
    lexicon = shipped_lexicon(args.data)
    corpus = stance_corpus(args.data, devset_ids())
    imdb = [i for i, rid in enumerate(corpus.ids) if rid.startswith("train-")]
    critic = [i for i, rid in enumerate(corpus.ids) if not rid.startswith("train-")]
    random.Random(5).shuffle(imdb)
    half = len(imdb) // 2
    fitted, scored = imdb[:half] + critic, imdb[half:][: args.reviews]
    features = featurize_words([corpus.texts[i] for i in fitted], lexicon)
    labels = np.asarray([corpus.labels[i] for i in fitted])
    scorer = fit_words(features, labels, STANCE_RECIPE)
    model = StanceModel(scorer.weights, scorer.bias, lexicon)
    texts = [corpus.texts[i] for i in scored]
    rows = []
    labelled = label_texts(texts, OpinionTagger.load())
    for i, text, sentences in zip(scored, texts, labelled, strict=True):
        if stated_rating(text, None) is not None:
            continue  # a stated rating decides those verdicts
        p = min(max(model.probability([s.text for s in sentences]), 1e-6), 1 - 1e-6)
        rows.append((math.log(p / (1 - p)), opinion_balance(list(sentences))[0], corpus.labels[i]))
    table = np.asarray(rows)
    truth = table[:, 2] > 0.5
    print(f"{len(rows):,} unrated aclImdb train reviews, stance model fitted on the other half")
    print("| weight | verdict right % |\n|---|---|")
    for weight in WEIGHTS:
        right = ((table[:, 0] + weight * table[:, 1]) > 0) == truth
        print(f"| {weight:g} | {100 * right.mean():.2f} |")
    print(f"| balance alone | {100 * ((table[:, 1] > 0) == truth).mean():.2f} |")


if __name__ == "__main__":
    main()
