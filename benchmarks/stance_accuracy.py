"""Accuracy of the whole-review stance model behind verdicts ("did they like it?").

Two figures:
(a) the shipped model (bot/reviews/opinions/data/stance.npz, fitted on aclImdb `train` plus the
    2,000 critic reviews, dev-set reviews left out) on aclImdb `test`, which nothing was fitted on;
(b) k-fold cross-validation on the 2,000 critic reviews, each fold refitted with the training code
    of scripts/train_opinions.py on aclImdb `train` plus the other folds.

    python benchmarks/stance_accuracy.py [--data ../shared/data] [--folds 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.opinions.corpora import critic_reviews, imdb_reviews  # noqa: E402
from bot.reviews.opinions.stance import StanceModel  # noqa: E402
from bot.reviews.opinions.training import (  # noqa: E402
    SEED,
    STANCE_RECIPE,
    featurize_words,
    fit_words,
)
from bot.reviews.qa.verdict import DISLIKED_BELOW, LIKED_ABOVE  # noqa: E402

PUBLISHED = {
    "aclImdb test": "Maas et al. 88.9, NB-SVM bigrams 91.2",
    "critic CV": "NB-SVM bigrams 89.5 (RT-2k alone, no extra data)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--folds", type=int, default=10)
    args = parser.parse_args()
    model = StanceModel.load()
    print("| evaluation | reviews | accuracy % | published | time |")
    print("|---|---|---|---|---|")

    began = time.perf_counter()
    test = imdb_reviews(args.data, "test")
    liked = np.array([model.probability([text]) for text in test.texts])
    accuracy = float(((liked >= 0.5) == (np.asarray(test.labels) == 1)).mean())
    band = float(((liked > DISLIKED_BELOW) & (liked < LIKED_ABOVE)).mean())
    print(
        f"| aclImdb test, shipped model | {len(test.texts):,} | {100 * accuracy:.2f} "
        f"| {PUBLISHED['aclImdb test']} | {time.perf_counter() - began:.0f} s |"
    )

    began = time.perf_counter()
    train = imdb_reviews(args.data, "train")
    critics = critic_reviews(args.data)
    x_train = featurize_words(train.texts, model.lexicon)
    x_critics = featurize_words(critics.texts, model.lexicon)
    y_train, y_critics = np.asarray(train.labels), np.asarray(critics.labels)
    folds = np.random.default_rng(SEED).permutation(len(y_critics)) % args.folds
    scores = []
    from scipy import sparse

    for fold in range(args.folds):
        held = folds == fold
        x = sparse.vstack([x_train, x_critics[~held]]).tocsr()
        y = np.concatenate([y_train, y_critics[~held]])
        weights = fit_words(x, y, STANCE_RECIPE)
        margin = np.asarray(x_critics[held] @ weights.weights).ravel() + weights.bias
        scores.append(float(((margin > 0) == (y_critics[held] == 1)).mean()))
    print(
        f"| critic reviews, {args.folds}-fold CV (+ aclImdb train) | {len(y_critics):,} "
        f"| {100 * np.mean(scores):.2f} ± {100 * np.std(scores):.2f} | {PUBLISHED['critic CV']} "
        f"| {time.perf_counter() - began:.0f} s |"
    )
    print(
        "\nShare of aclImdb test reviews the bot calls 'mixed' "
        f"({DISLIKED_BELOW} < P(liked) < {LIKED_ABOVE}): {band:.1%}"
    )


if __name__ == "__main__":
    main()
