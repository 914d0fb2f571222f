"""Rebuild the opinion models from ../shared/data into bot/reviews/opinions/data/.

Deterministic: the same data and code give the same weights. Needs the `train` extra
(scikit-learn, scipy); the bot itself only needs numpy to use the result.

    python scripts/train_opinions.py [--data ../shared/data] [--out bot/reviews/opinions/data]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.opinions.model import default_model_dir  # noqa: E402
from bot.reviews.opinions.training import (  # noqa: E402
    shipped_lexicon,
    train_model,
    train_stance,
)

# Every annotated dev set's reviews (benchmarks/devset*/reviews); the held-out sets are aclImdb
# `test` reviews, which training never reads anyway.
DEVSETS = sorted((ROOT / "benchmarks").glob("devset*/reviews"))


def devset_ids() -> frozenset[str]:
    """Ids of the annotated dev-set reviews, kept out of training so the evaluation is fair."""
    found = set()
    for path in (p for folder in DEVSETS for p in folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:20]:
            if line.startswith("id:"):
                found.add(line.split(":", 1)[1].strip())
            if line.strip() == "---":
                break
    return frozenset(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=default_model_dir())
    args = parser.parse_args()
    began = time.perf_counter()
    excluded = devset_ids()
    lexicon = shipped_lexicon(args.data)
    print(
        f"lexicon: {len(lexicon.unsigned)} words unsigned for film reviews: "
        + ", ".join(sorted(lexicon.unsigned))
    )
    stance = train_stance(args.data, lexicon, excluded)
    path = stance.save(args.out)
    print(
        f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); "
        f"{len(excluded)} dev-set reviews left out of its training"
    )
    model = train_model(args.data, lexicon)
    path = model.save(args.out)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
