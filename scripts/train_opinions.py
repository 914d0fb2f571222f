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
from bot.reviews.opinions.training import train_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=default_model_dir())
    args = parser.parse_args()
    began = time.perf_counter()
    model = train_model(args.data)
    path = model.save(args.out)
    size = path.stat().st_size / 1e6
    print(f"wrote {path} ({size:.1f} MB) in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
