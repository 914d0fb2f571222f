"""A whole review's stance: how likely the critic liked the film, read from all of its words.

Sentence labels are the evidence a user sees, but adding them up is a poor verdict: plot
retelling, sarcasm and "this is all cool — don't get me wrong. But…" pull a sum of sentence scores
every way. A linear model over the whole review's words and word pairs, trained on thousands of
complete reviews with their thumbs up or down, reads the overall stance far more reliably.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.reviews.opinions.features import (
    CHAR_OFFSET,
    Lexicon,
    word_buckets,
)
from bot.reviews.opinions.model import default_model_dir, read_model_file, write_model_file
from bot.reviews.opinions.tokens import normalise

STANCE_FILE = "stance.npz"
STANCE_FORMAT = 1
# Word features only: the stance model uses the lower (word) half of the hashed space.
STANCE_DIMENSION = CHAR_OFFSET


@dataclass(frozen=True, slots=True)
class StanceModel:
    """One weight per word bucket plus a bias; `probability` is P(the critic liked it)."""

    weights: npt.NDArray[np.float32]
    bias: float
    lexicon: Lexicon

    def probability(self, texts: Sequence[str]) -> float:
        """P(positive) for one review given as its sentences (or as one string)."""
        tokens = normalise(" ".join(texts))
        if not tokens:
            return 0.5
        margin = float(self.weights[word_buckets(tokens, self.lexicon)].sum()) + self.bias
        return float(1.0 / (1.0 + np.exp(-margin)))

    def save(self, model_dir: Path) -> Path:
        path = model_dir / STANCE_FILE
        write_model_file(path, STANCE_FORMAT, self.weights, self.bias, self.lexicon)
        return path

    @classmethod
    def load(cls, model_dir: Path | None = None) -> StanceModel:
        path = (model_dir if model_dir is not None else default_model_dir()) / STANCE_FILE
        weights, bias, lexicon = read_model_file(
            path, "stance model", STANCE_FORMAT, (STANCE_DIMENSION,)
        )
        return cls(weights, float(bias[0]), lexicon)
