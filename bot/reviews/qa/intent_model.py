"""A learned reading of a question's intent, for questions the cue rules read poorly.

A multinomial logistic regression over the question's words and word pairs (stemmed), its first
words, its opinion words (Hu & Liu, turned round after a negation), the aspects it names and the
mean of the shipped word vectors. It is fitted by scripts/train_intents.py on the example
questions in config/questions.jsonl and shipped as one small file; numpy only at run time.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.errors import ModelError
from bot.reviews.opinions.model import default_model_dir
from bot.reviews.qa.similar import WordVectors, shipped_vectors
from bot.reviews.qa.words import STOP_WORDS, stem, tokens

INTENT_FILE = "intents.npz"
INTENT_FORMAT = 1
# How far back a negation turns an opinion word round ("didn't they like anything").
_NEGATION_REACH = 3
_NEGATIONS = frozenset(
    "not no never nothing nobody none without didn't didnt don't dont doesn't doesnt isn't isnt "
    "wasn't wasnt weren't werent can't cant couldn't couldnt won't wont".split()
)


@dataclass(frozen=True)
class Guess:
    intent: str
    probability: float


class IntentReader(Protocol):
    """What question parsing needs of a learned model (a fake in tests)."""

    def guess(self, text: str, aspects: Sequence[str]) -> Guess | None: ...


def question_features(
    words: Sequence[str], signs: Mapping[str, int], aspects: Sequence[str]
) -> Counter[str]:
    """The sparse features of a tokenised question (training and run time alike)."""
    stems = [stem(w) for w in words]
    features: Counter[str] = Counter(f"w:{s}" for s in stems)
    features.update(f"p:{a} {b}" for a, b in pairwise(stems))
    if words:
        features[f"first:{words[0]}"] += 1
        features[f"first:{' '.join(words[:2])}"] += 1
    for index, word in enumerate(words):
        sign = signs.get(word)
        if sign:
            before = words[max(0, index - _NEGATION_REACH) : index]
            negated = any(w in _NEGATIONS for w in before)
            features[f"opinion:{'not ' if negated else ''}{'+' if sign > 0 else '-'}"] += 1
    for aspect in aspects:
        features["aspect"] += 1
        features[f"aspect:{aspect}"] += 1
    return features


def meaning(words: Sequence[str], vectors: WordVectors | None) -> npt.NDArray[np.float32]:
    """The unit mean of the content words' vectors (zeros when none is known)."""
    if vectors is None:
        return np.zeros(0, dtype=np.float32)
    found = [v for v in (vectors.vector(w) for w in words if w not in STOP_WORDS) if v is not None]
    if not found:
        return np.zeros(vectors.dimensions, dtype=np.float32)
    mean = np.mean(found, axis=0)
    unit: npt.NDArray[np.float32] = (mean / max(float(np.linalg.norm(mean)), 1e-9)).astype(
        np.float32
    )
    return unit


class IntentModel:
    def __init__(
        self,
        classes: Sequence[str],
        features: Sequence[str],
        weights: npt.NDArray[np.float32],
        dense: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        signs: Mapping[str, int],
        vectors: WordVectors | None,
    ) -> None:
        self.classes = tuple(classes)
        self.signs = dict(signs)
        self._index = {f: i for i, f in enumerate(features)}
        self._weights = weights
        self._dense = dense
        self._bias = bias
        self._vectors = vectors if dense.size else None

    def guess(self, text: str, aspects: Sequence[str]) -> Guess | None:
        words = tokens(text)
        if not words:
            return None
        scores = self._bias.astype(np.float64)
        for feature, count in question_features(words, self.signs, aspects).items():
            row = self._index.get(feature)
            if row is not None:
                scores = scores + count * self._weights[row]
        if self._vectors is not None:
            scores = scores + meaning(words, self._vectors) @ self._dense
        scores = scores - scores.max()
        odds = np.exp(scores)
        best = int(np.argmax(odds))
        return Guess(self.classes[best], float(odds[best] / odds.sum()))

    def save(self, path: Path) -> None:
        features = sorted(self._index, key=self._index.__getitem__)
        np.savez_compressed(
            path,
            format=np.array([INTENT_FORMAT]),
            classes=np.array(self.classes),
            features=np.array("\n".join(features)),
            weights=self._weights.astype(np.float16),
            dense=self._dense.astype(np.float16),
            bias=self._bias.astype(np.float32),
            positive=np.array("\n".join(sorted(w for w, s in self.signs.items() if s > 0))),
            negative=np.array("\n".join(sorted(w for w, s in self.signs.items() if s < 0))),
        )

    @classmethod
    def load(cls, path: Path, vectors: WordVectors | None) -> IntentModel:
        try:
            with np.load(path) as data:
                if int(data["format"][0]) != INTENT_FORMAT:
                    raise ModelError(f"{path}: unknown intent model format; retrain it")
                signs = dict.fromkeys(str(data["negative"]).split("\n"), -1)
                signs.update(dict.fromkeys(str(data["positive"]).split("\n"), 1))
                classes = [str(c) for c in data["classes"]]
                features = str(data["features"]).split("\n")
                weights = data["weights"].astype(np.float32)
                dense = data["dense"].astype(np.float32)
                bias = data["bias"].astype(np.float32)
        except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise ModelError(f"Cannot read the intent model {path}: {exc}") from None
        width = len(classes)
        if (
            weights.shape != (len(features), width)
            or bias.shape != (width,)
            or (vectors is not None and dense.size and dense.shape != (vectors.dimensions, width))
        ):
            raise ModelError(
                f"{path} does not fit the shipped word vectors or itself; retrain it with "
                "scripts/train_intents.py"
            )
        return cls(classes, features, weights, dense, bias, signs, vectors)


@cache
def shipped_intent_model() -> IntentModel | None:
    """The model scripts/train_intents.py built, loaded once; None if the file is absent (the
    cue rules then read every question alone)."""
    path = default_model_dir() / INTENT_FILE
    return IntentModel.load(path, shipped_vectors()) if path.is_file() else None
