"""Build the word vectors lookups use to meet a review's own words (bot/reviews/qa/similar.py).

Positive PMI over word co-occurrence in the aclImdb `train` reviews, reduced by a truncated SVD:
30,000 words, 96 dimensions, stored as int8. Deterministic (fixed random state, signs fixed per
column); needs the `train` extra (scipy, scikit-learn). About two minutes and 1.6 GB.

    python scripts/train_word_vectors.py [--data ../shared/data] [--out bot/reviews/opinions/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.utils.extmath import randomized_svd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.opinions.model import default_model_dir  # noqa: E402
from bot.reviews.qa.similar import VECTORS_FILE  # noqa: E402

WORDS = 30_000
WINDOW = 5
# The SVD is taken this wide and its leading DIMENSIONS kept (the measured table was built so).
COMPONENTS = 300
DIMENSIONS = 96
# Context counts are raised to this power before the PMI: rare contexts weigh less.
SMOOTHING = 0.75
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def train_texts(data: Path) -> list[list[str]]:
    """The aclImdb `train` reviews as lower-cased word lists (`test` is never read)."""
    csv.field_size_limit(10**8)
    with gzip.open(data / "aclimdb" / "reviews.csv.gz", "rt", encoding="utf-8") as handle:
        return [
            _TOKEN.findall(_BREAK.sub(" ", row["text"]).lower())
            for row in csv.DictReader(handle)
            if row["split"] == "train"
        ]


def word_vectors(texts: list[list[str]]) -> tuple[list[str], np.ndarray]:
    counts = Counter(w for text in texts for w in text)
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS]]
    index = {w: i for i, w in enumerate(words)}
    size = len(words)
    gap = np.full(WINDOW, -1, dtype=np.int64)  # windows never cross two reviews
    ids = np.concatenate(
        [
            np.concatenate([np.array([index.get(w, -1) for w in t], dtype=np.int64), gap])
            for t in texts
        ]
    )
    cooccur = sp.csr_matrix((size, size), dtype=np.float64)
    for distance in range(1, WINDOW + 1):
        left, right = ids[:-distance], ids[distance:]
        both = (left >= 0) & (right >= 0)
        pairs = sp.coo_matrix(
            (np.full(int(both.sum()), 1.0 / distance), (left[both], right[both])),
            shape=(size, size),
        ).tocsr()
        cooccur = cooccur + pairs + pairs.T
    coo = cooccur.tocoo()
    rows = np.asarray(cooccur.sum(axis=1)).ravel()
    contexts = np.asarray(cooccur.sum(axis=0)).ravel() ** SMOOTHING
    pmi = np.log(coo.data * contexts.sum() / (rows[coo.row] * contexts[coo.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix(
        (pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=(size, size)
    )
    u, s, _ = randomized_svd(ppmi, n_components=COMPONENTS, n_iter=5, random_state=0)
    vectors = u * np.sqrt(s)
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(vectors.shape[1])])
    vectors = (vectors * signs)[:, :DIMENSIONS]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    scaled = vectors * 127.0 / np.abs(vectors).max(axis=1, keepdims=True)
    return words, np.round(scaled).astype(np.int8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=default_model_dir())
    args = parser.parse_args()
    began = time.perf_counter()
    words, vectors = word_vectors(train_texts(args.data))
    path = args.out / VECTORS_FILE
    np.savez_compressed(path, words=np.array("\n".join(words)), vectors=vectors)
    print(
        f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {len(words)} words × "
        f"{vectors.shape[1]}) in {time.perf_counter() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
