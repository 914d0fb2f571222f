"""Word similarity from small static word vectors, so a lookup can meet the review's own words
("where did they first catch it?" finds "I first saw it…")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.reviews.opinions.model import default_model_dir

VECTORS_FILE = "words.npz"


class WordVectors:
    def __init__(self, words: Sequence[str], matrix: npt.NDArray[np.float32]) -> None:
        self._words = list(words)
        self._index = {w: i for i, w in enumerate(words)}
        self._matrix = matrix

    @classmethod
    def load(cls, path: Path) -> WordVectors:
        with np.load(path) as data:
            words = str(data["words"]).split("\n")
            raw = data["vectors"].astype(np.float32)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return cls(words, raw / np.maximum(norms, 1e-9))

    @property
    def dimensions(self) -> int:
        return int(self._matrix.shape[1])

    def vector(self, word: str) -> npt.NDArray[np.float32] | None:
        """The word's unit vector, or None if it is unknown."""
        row = self._index.get(word)
        return None if row is None else self._matrix[row]

    def neighbours(self, word: str, count: int) -> dict[str, float]:
        """The `count` words nearest to `word`, with their cosine (empty if it is unknown).

        Nearest by rank, not by a cosine floor alone: some common words sit close to many
        others ("obviously" near "director"), and a rank keeps only a word's own company."""
        row = self._index.get(word)
        if row is None:
            return {}
        cosines = self._matrix @ self._matrix[row]
        cosines[row] = -1.0
        nearest = np.argpartition(-cosines, count)[:count]
        return {self._words[i]: float(cosines[i]) for i in nearest}


@cache
def shipped_vectors() -> WordVectors | None:
    """The vectors scripts/train_word_vectors.py built, loaded once; None if the file is absent
    (lookups then match words exactly)."""
    path = default_model_dir() / VECTORS_FILE
    return WordVectors.load(path) if path.is_file() else None
