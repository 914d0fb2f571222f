"""The shipped model file: two linear scorers over the hashed feature space, plus the lexicon.

Everything lives in one compressed `.npz` of plain arrays (no pickle), so loading needs numpy only
and a tampered file cannot run code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.errors import ModelError
from bot.reviews.opinions.features import DIMENSION, Lexicon, lexicon_arrays, lexicon_from

MODEL_FILE = "opinions.npz"
FORMAT_VERSION = 1
# Column order of `weights`: subjectivity first, then polarity.
SUBJECTIVITY, POLARITY = 0, 1


def default_model_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class OpinionModel:
    """Weights (DIMENSION x 2), biases (2,) and the word lists the features consult."""

    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    lexicon: Lexicon

    def save(self, model_dir: Path) -> Path:
        model_dir.mkdir(parents=True, exist_ok=True)
        path = model_dir / MODEL_FILE
        np.savez_compressed(
            path,
            version=np.array(FORMAT_VERSION),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            **lexicon_arrays(self.lexicon),
        )
        return path

    @classmethod
    def load(cls, model_dir: Path | None = None) -> OpinionModel:
        folder = model_dir if model_dir is not None else default_model_dir()
        path = folder / MODEL_FILE
        if not path.is_file():
            raise ModelError(
                f"opinion model {path} is missing; "
                "rebuild it with `python scripts/train_opinions.py`"
            )
        try:
            with np.load(path, allow_pickle=False) as data:
                version = int(data["version"])
                weights = data["weights"].astype(np.float32)
                bias = data["bias"].astype(np.float32)
                lexicon = lexicon_from(data)
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"opinion model {path} is unreadable: {exc}") from exc
        if version != FORMAT_VERSION or weights.shape != (DIMENSION, 2):
            raise ModelError(
                f"opinion model {path} has format {version} and shape {weights.shape}; "
                f"this code expects format {FORMAT_VERSION} with {DIMENSION} rows — retrain it"
            )
        return cls(weights, bias, lexicon)
