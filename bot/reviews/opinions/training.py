"""Fitting the opinion models: an ensemble of Naive Bayes and NB-weighted logistic regression.

Used by scripts/train_opinions.py and benchmarks/opinion_accuracy.py so that the shipped model
and the cross-validated figures come from the same code. scikit-learn and scipy are imported
lazily: they are training-only dependencies and the tagger never needs them.

Both halves are linear in the same binary hashed features, so their average log-odds is one
weight vector: the ensemble costs nothing extra at inference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.reviews.opinions.corpora import (
    LabelledReviews,
    critic_reviews,
    imdb_reviews,
    imdb_train_reviews,
    opinion_lexicon,
    polarity_corpus,
    subjectivity_corpus,
)
from bot.reviews.opinions.domain import (
    SENTENCE_RULE,
    contradicted,
    film_lexicon,
    review_sentences,
    unsign,
)
from bot.reviews.opinions.features import (
    CHAR_OFFSET,
    DIMENSION,
    Lexicon,
    unit_indices,
)
from bot.reviews.opinions.model import OpinionModel
from bot.reviews.opinions.stance import StanceModel
from bot.reviews.opinions.tokens import normalise

SEED = 13


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one scorer is fitted; the values were chosen by 10-fold CV (docs/opinions.md)."""

    c: float = 1.0  # inverse L2 strength of the logistic regression
    nb_share: float = 0.5  # weight of the word-level Naive Bayes log-odds in the ensemble
    extra_weight: float = 0.0  # sample weight of the aclImdb reviews (0 = not used)


SUBJECTIVITY_RECIPE = Recipe(c=1.0, nb_share=0.5)
POLARITY_RECIPE = Recipe(c=1.0, nb_share=0.0)


@dataclass(frozen=True, slots=True)
class LinearWeights:
    """A binary classifier collapsed to one weight per hash bucket plus a bias."""

    weights: npt.NDArray[np.float32]
    bias: float


@dataclass(frozen=True, slots=True)
class Features:
    """Binary CSR matrices of one corpus: all buckets, and the word buckets alone."""

    both: Any
    words: Any

    def rows(self, index: npt.NDArray[np.int_]) -> Features:
        return Features(self.both[index], self.words[index])


def _binary_rows(rows: Iterable[Iterable[int]], width: int) -> Any:
    """A CSR matrix with a 1 at each row's buckets, column indices sorted."""
    from scipy import sparse

    indptr = [0]
    indices: list[int] = []
    for buckets in rows:
        indices.extend(sorted(buckets))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(indptr) - 1, width),
    )


def featurize(texts: Sequence[str], lexicon: Lexicon) -> Features:
    from scipy import sparse

    both = _binary_rows((unit_indices(normalise(text), lexicon) for text in texts), DIMENSION)
    # Word buckets are the lower half; zeroing the character half keeps the shapes aligned.
    keep = np.zeros(DIMENSION, dtype=np.float32)
    keep[:CHAR_OFFSET] = 1.0
    words = both @ sparse.diags(keep)
    words.eliminate_zeros()
    return Features(both, words)


def stack(first: Features, second: Features) -> Features:
    from scipy import sparse

    return Features(
        sparse.vstack([first.both, second.both]).tocsr(),
        sparse.vstack([first.words, second.words]).tocsr(),
    )


def _class_sums(x: Any, y: npt.NDArray[np.int_], weight: npt.NDArray[np.float64]) -> Any:
    pos = np.asarray(x.T @ (weight * (y == 1))).ravel()
    neg = np.asarray(x.T @ (weight * (y == 0))).ravel()
    return pos, neg


def naive_bayes(
    x: Any, y: npt.NDArray[np.int_], weight: npt.NDArray[np.float64], alpha: float = 1.0
) -> LinearWeights:
    """Multinomial Naive Bayes log-odds; buckets never seen in training get no weight."""
    pos, neg = _class_sums(x, y, weight)
    seen = (pos + neg) > 0
    pos_total = pos.sum() + alpha * seen.sum()
    neg_total = neg.sum() + alpha * seen.sum()
    log_odds = np.log((pos + alpha) / pos_total) - np.log((neg + alpha) / neg_total)
    weights = np.where(seen, log_odds, 0.0).astype(np.float32)
    prior = float(np.log(weight[y == 1].sum() / weight[y == 0].sum()))
    return LinearWeights(weights, prior)


def nb_logistic(
    x: Any, y: npt.NDArray[np.int_], weight: npt.NDArray[np.float64], c: float
) -> LinearWeights:
    """Logistic regression on NB-scaled binary features (Wang & Manning's NB-SVM, with LR)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    pos, neg = _class_sums(x, y, weight)
    ratios = np.log(((pos + 1.0) / (pos.sum() + 1.0)) / ((neg + 1.0) / (neg.sum() + 1.0)))
    scaled = x @ sparse.diags(ratios.astype(np.float32))
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=SEED)
    model.fit(scaled, y, sample_weight=weight)
    weights = (model.coef_.ravel() * ratios).astype(np.float32)
    return LinearWeights(weights, float(model.intercept_[0]))


def fit(
    features: Features,
    labels: npt.NDArray[np.int_],
    recipe: Recipe,
    extra: tuple[Features, npt.NDArray[np.int_]] | None = None,
) -> LinearWeights:
    """Fit one scorer; `extra` (aclImdb) joins the training data at `recipe.extra_weight`."""
    weight = np.ones(len(labels))
    if extra is not None and recipe.extra_weight > 0:
        features = stack(features, extra[0])
        labels = np.concatenate([labels, extra[1]])
        weight = np.concatenate([weight, np.full(len(extra[1]), recipe.extra_weight)])
    return _ensemble(features.words, features.both, labels, weight, recipe)


def _ensemble(
    words: Any, both: Any, labels: npt.NDArray[np.int_], weight: Any, recipe: Recipe
) -> LinearWeights:
    """NB-LR on all features, averaged with word-level Naive Bayes at `recipe.nb_share`."""
    logistic = nb_logistic(both, labels, weight, recipe.c)
    share = recipe.nb_share
    if share <= 0:
        return logistic
    bayes = naive_bayes(words, labels, weight)
    return LinearWeights(
        (share * bayes.weights + (1 - share) * logistic.weights).astype(np.float32),
        share * bayes.bias + (1 - share) * logistic.bias,
    )


def predict(weights: LinearWeights, features: Features) -> npt.NDArray[np.float64]:
    """Probability of the positive class for each row."""
    margin = np.asarray(features.both @ weights.weights, dtype=np.float64).ravel()
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(margin + weights.bias)))
    return result


def review_contradicted(data_dir: Path, lexicon: Lexicon) -> frozenset[str]:
    """Signs that aclImdb `train` review sentences, labelled by their review, contradict."""
    reviews = imdb_reviews(data_dir, "train")
    sentences, labels = review_sentences(reviews.texts, reviews.labels)
    return contradicted(lexicon, sentences, labels, SENTENCE_RULE)


def shipped_lexicon(data_dir: Path) -> Lexicon:
    """Hu & Liu's lists with the signs film text contradicts left out (see domain.py): in MR's
    labelled snippets, or in aclImdb `train` review sentences."""
    hu_liu = opinion_lexicon(data_dir)
    pol_texts, pol_labels = polarity_corpus(data_dir)
    from_snippets = film_lexicon(hu_liu, pol_texts, pol_labels)
    return unsign(from_snippets, review_contradicted(data_dir, hu_liu))


def train_model(data_dir: Path, lexicon: Lexicon | None = None) -> OpinionModel:
    """Fit both sentence scorers on the full corpora and pack them as the shipped model;
    `lexicon` is `shipped_lexicon(data_dir)` unless the caller has it already."""
    lexicon = lexicon if lexicon is not None else shipped_lexicon(data_dir)
    subj_texts, subj_labels = subjectivity_corpus(data_dir)
    pol_texts, pol_labels = polarity_corpus(data_dir)
    extra = None
    if POLARITY_RECIPE.extra_weight > 0:
        imdb_texts, imdb_labels = imdb_train_reviews(data_dir)
        extra = (featurize(imdb_texts, lexicon), np.asarray(imdb_labels))
    subjectivity = fit(featurize(subj_texts, lexicon), np.asarray(subj_labels), SUBJECTIVITY_RECIPE)
    polarity = fit(featurize(pol_texts, lexicon), np.asarray(pol_labels), POLARITY_RECIPE, extra)
    weights = np.stack([subjectivity.weights, polarity.weights], axis=1)
    bias = np.asarray([subjectivity.bias, polarity.bias], dtype=np.float32)
    return OpinionModel(weights, bias, lexicon)


# C chosen on held-out folds of the critic reviews (aclImdb `test` is only reported, never used
# to choose); averaging with Naive Bayes lost 4 points there (docs/opinions.md).
STANCE_RECIPE = Recipe(c=0.3, nb_share=0.0)


def featurize_words(texts: Sequence[str], lexicon: Lexicon) -> Any:
    """Binary CSR matrix of word buckets only (the stance model's features)."""
    rows = (unit_indices(normalise(text), lexicon, chars=False) for text in texts)
    return _binary_rows(rows, CHAR_OFFSET)


def fit_words(x: Any, labels: npt.NDArray[np.int_], recipe: Recipe) -> LinearWeights:
    """Fit a word-feature scorer (the stance model) with the sentence scorers' recipe."""
    return _ensemble(x, x, labels, np.ones(len(labels)), recipe)


def stance_corpus(data_dir: Path, exclude: frozenset[str] = frozenset()) -> LabelledReviews:
    """aclImdb `train` plus the critic reviews, less any id in `exclude` (an evaluation set)."""
    found = LabelledReviews([], [], [])
    for part in (imdb_reviews(data_dir, "train"), critic_reviews(data_dir)):
        for review_id, text, label in zip(part.ids, part.texts, part.labels, strict=True):
            if review_id not in exclude:
                found.ids.append(review_id)
                found.texts.append(text)
                found.labels.append(label)
    return found


def train_stance(data_dir: Path, lexicon: Lexicon, exclude: frozenset[str]) -> StanceModel:
    corpus = stance_corpus(data_dir, exclude)
    scorer = fit_words(
        featurize_words(corpus.texts, lexicon), np.asarray(corpus.labels), STANCE_RECIPE
    )
    return StanceModel(scorer.weights, scorer.bias, lexicon)
