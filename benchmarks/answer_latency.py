"""In-process answer latency on a database of 1,000 reviews (target: p95 ≤ 50 ms).

Builds (or reuses) an SQLite database holding the first N aclImdb `train` reviews, then asks a
fixed mix of questions about films in it, timing `ReviewService.ask_sync` only.

    python benchmarks/answer_latency.py [--reviews 1000] [--db PATH] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import statistics
import tempfile
import time
from pathlib import Path

from bot.app import build_service
from bot.config import load_settings
from bot.reviews.types import Question, ReviewInput

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aclimdb" / "reviews.csv.gz"
QUESTIONS = [
    "What did the critic dislike?",
    "What did the critic like?",
    "Did they like it?",
    "How was the acting?",
    "Thoughts on the music?",
    "What is the film about?",
    "How does it end?",
    "Who directed it?",
    "What did critics say about the story?",
    "Summarise the review",
]
CORPUS_QUESTIONS = ["which reviews complain about the music?", "which reviews praise the acting?"]


def train_reviews(limit: int) -> list[ReviewInput]:
    items = []
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] != "train":
                continue
            items.append(
                ReviewInput(
                    text=row["text"],
                    film=row["imdb_id"],
                    review_id=row["review_id"],
                    origin="bench",
                )
            )
            if len(items) >= limit:
                break
    return items


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.sqlite3"
    service = build_service(load_settings(env={}), db_url=f"sqlite:///{path}")
    started = time.perf_counter()
    report = service.ingest_items_sync(train_reviews(args.reviews))
    print(
        f"indexed {len(report.added)} new, {len(report.skipped)} present "
        f"in {time.perf_counter() - started:.1f} s"
    )
    films = [f.title for f in service.films_sync()]
    rng = random.Random(42)
    picks = [rng.choice(films) for _ in range(60)]
    film_scoped: list[float] = []
    corpus: list[float] = []
    for _ in range(args.rounds):
        for film in picks:
            for text in QUESTIONS:
                t0 = time.perf_counter()
                service.ask_sync(Question(text, film=film))
                film_scoped.append((time.perf_counter() - t0) * 1000)
        for text in CORPUS_QUESTIONS:
            t0 = time.perf_counter()
            service.ask_sync(Question(text))
            corpus.append((time.perf_counter() - t0) * 1000)
    print(f"films: {len(films)}, reviews: {len(service.store.reviews())}")
    print(
        f"film-scoped answers: n={len(film_scoped)} p50={percentile(film_scoped, 50):.1f} ms "
        f"p95={percentile(film_scoped, 95):.1f} ms (target p95 ≤ 50 ms)"
    )
    print(
        f"corpus-wide answers: n={len(corpus)} p50={percentile(corpus, 50):.1f} ms "
        f"p95={percentile(corpus, 95):.1f} ms"
    )


if __name__ == "__main__":
    main()
