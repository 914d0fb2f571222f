"""Fit the learned intent model (bot/reviews/qa/intent_model.py) on config/questions.jsonl.

Each example is normalised as a question is at run time (typos corrected against the cue and
aspect words), featurised, and a multinomial logistic regression (scikit-learn, lbfgs) is fitted.
Deterministic; needs the `train` extra; under half a minute.

    python scripts/train_intents.py [--examples config/questions.jsonl] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.errors import UserError  # noqa: E402
from bot.reviews.evaluation import load_questions  # noqa: E402
from bot.reviews.opinions.aspects import AspectVocabulary  # noqa: E402
from bot.reviews.opinions.model import default_model_dir  # noqa: E402
from bot.reviews.opinions.stance import StanceModel  # noqa: E402
from bot.reviews.qa.intent_model import (  # noqa: E402
    INTENT_FILE,
    IntentModel,
    meaning,
    question_features,
)
from bot.reviews.qa.intents import INTENTS, normalise, question_aspects  # noqa: E402
from bot.reviews.qa.similar import shipped_vectors  # noqa: E402
from bot.reviews.qa.words import tokens  # noqa: E402

# Inverse L2 strength, and the scale of the word-vector mean against the sparse features;
# chosen by 10-fold cross-validation over the examples (benchmarks/intent_accuracy.py).
C = 3.0
MEANING_SCALE = 2.0


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(question, intent) pairs from a JSONL file like config/questions.jsonl."""
    rows = load_questions(path)
    for row in rows:
        if row.get("intent") not in INTENTS:
            line = row["_line"]
            raise UserError(f"{path}:{line}: intent must be one of {', '.join(INTENTS)}")
    return [(row["question"], row["intent"]) for row in rows]


class Featurizer:
    """Examples as the model sees them at run time, each normalised once (a cross-validation
    refits on the same examples many times)."""

    def __init__(self) -> None:
        self.vocabulary = AspectVocabulary.load()
        self.signs = StanceModel.load().lexicon.signs
        self.vectors = shipped_vectors()
        self._seen: dict[str, tuple[dict[str, Any], np.ndarray]] = {}

    def features(self, question: str) -> tuple[dict[str, Any], np.ndarray]:
        """The sparse features and the word-vector mean of one example."""
        if question not in self._seen:
            normalised = normalise(question, self.vocabulary, keep=set())
            words = tokens(normalised)
            aspects = question_aspects(normalised, self.vocabulary)
            sparse = dict(question_features(words, self.signs, aspects))
            self._seen[question] = sparse, meaning(words, self.vectors)
        return self._seen[question]


def fit(
    examples: Sequence[tuple[str, str]],
    featurizer: Featurizer,
    *,
    c: float = C,
    scale: float = MEANING_SCALE,
) -> IntentModel:
    featurized = [featurizer.features(q) for q, _ in examples]
    vectorizer = DictVectorizer()
    sparse = vectorizer.fit_transform([row for row, _ in featurized])
    dense = np.stack([vector for _, vector in featurized]) * scale
    matrix = sp.hstack([sparse, sp.csr_matrix(dense)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, [i for _, i in examples])
    width = sparse.shape[1]
    weights = model.coef_.T.astype(np.float32)
    return IntentModel(
        [str(c) for c in model.classes_],
        list(vectorizer.get_feature_names_out()),
        weights[:width],
        weights[width:] * scale,
        model.intercept_.astype(np.float32),
        featurizer.signs,
        featurizer.vectors,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=ROOT / "config" / "questions.jsonl")
    parser.add_argument("--out", type=Path, default=default_model_dir())
    args = parser.parse_args()
    try:
        examples = read_examples(args.examples)
    except UserError as exc:
        raise SystemExit(f"error: {exc}") from None
    model = fit(examples, Featurizer())
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / INTENT_FILE
    model.save(path)
    print(f"{len(examples)} examples, {len(model.classes)} intents -> {path}")


if __name__ == "__main__":
    main()
