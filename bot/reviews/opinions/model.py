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
RETRAIN = "python scripts/train_opinions.py"
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
        path = model_dir / MODEL_FILE
        write_model_file(path, FORMAT_VERSION, self.weights, self.bias, self.lexicon)
        return path

    @classmethod
    def load(cls, model_dir: Path | None = None) -> OpinionModel:
        folder = model_dir if model_dir is not None else default_model_dir()
        weights, bias, lexicon = read_model_file(
            folder / MODEL_FILE, "opinion model", FORMAT_VERSION, (DIMENSION, 2)
        )
        return cls(weights, bias, lexicon)


def write_model_file(
    path: Path,
    version: int,
    weights: npt.NDArray[np.float32],
    bias: npt.ArrayLike,
    lexicon: Lexicon,
) -> None:
    """Plain arrays only (weights as float16), so `read_model_file` needs no pickle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        version=np.array(version),
        weights=weights.astype(np.float16),
        bias=np.asarray(bias, dtype=np.float32),
        **lexicon_arrays(lexicon),
    )


def read_model_file(
    path: Path, what: str, version: int, shape: tuple[int, ...]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], Lexicon]:
    """Weights, bias and word lists of a shipped model file, checked against what the code
    expects; every failure is a `ModelError` that names the retrain command."""
    if not path.is_file():
        raise ModelError(f"{what} {path} is missing; rebuild it with `{RETRAIN}`")
    try:
        with np.load(path, allow_pickle=False) as data:
            found = int(data["version"])
            weights = data["weights"].astype(np.float32)
            bias = np.atleast_1d(data["bias"]).astype(np.float32)
            lexicon = lexicon_from(data)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"{what} {path} is unreadable: {exc}; rebuild it with `{RETRAIN}`"
        ) from exc
    if found != version or weights.shape != shape:
        raise ModelError(
            f"{what} {path} has format {found} and shape {weights.shape}; this code expects "
            f"format {version} with shape {shape}; retrain it with `{RETRAIN}`"
        )
    return weights, bias, lexicon
