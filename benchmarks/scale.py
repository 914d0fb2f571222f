"""Scale benchmark: bulk ingest, answer latency at 50,000 reviews, and two peers side by side.

    # ingest N aclImdb reviews into a fresh database, then time questions on a built one
    python benchmarks/scale.py ingest --db sqlite:////tmp/rb.sqlite3 --reviews 5000
    python benchmarks/scale.py query --db sqlite:////tmp/full.sqlite3
    # peers (needs the optional extra: pip install haystack-ai rank-bm25)
    python benchmarks/scale.py peers --db sqlite:////tmp/full.sqlite3

--db takes any SQLAlchemy URL (postgresql+psycopg://... too). Timing on a shared machine is
noisy: compare figures from one run and read them as ratios.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bot.app import build_service
from bot.config import load_settings
from bot.reviews.service import ReviewService
from bot.reviews.store.base import PreparedReview
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Question, ReviewInput

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "aclimdb" / "reviews.csv.gz"
FILM_QUESTIONS = [
    "What did the critic dislike?",
    "What did the critic like?",
    "Did they like it?",
    "How was the acting?",
    "Thoughts on the music?",
    "What is the film about?",
    "How does it end?",
    "What did critics say about the story?",
]
CORPUS_QUESTIONS = [
    "which reviews complain about the music?",
    "which reviews praise the acting?",
    "which reviews mention the special effects?",
    "which critics hated the ending?",
    "which reviews say the dialogue is bad?",
]


# Films ranked by their reviews' stored verdicts (timed apart: one GROUP BY over every review).
RANKING_QUESTIONS = ["which film has the best reviews?", "what's the worst-rated movie?"]


def reviews(path: Path, limit: int | None) -> Iterator[ReviewInput]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for count, row in enumerate(csv.DictReader(handle)):
            if limit is not None and count >= limit:
                return
            yield ReviewInput(row["text"], film=row["imdb_id"], review_id=row["review_id"])


def pct(values: Sequence[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process and of its finished children (the labelling workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def database_size_mb(store: SqlReviewStore) -> float:
    engine = store.engine
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            path = Path(str(engine.url.database))
            files = [path, path.with_name(path.name + "-wal")]
            return sum(f.stat().st_size for f in files if f.exists()) / 2**20
        tables = connection.execute(
            text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )
        ).scalar_one()
        return float(tables) / 2**20


class TimedStore:
    """Passes every call to the store, adding up the time spent writing."""

    def __init__(self, store: SqlReviewStore) -> None:
        self.store = store
        self.write_seconds = 0.0
        self.written = 0

    def add_reviews(self, batch: Sequence[PreparedReview]) -> list[bool]:
        started = time.perf_counter()
        try:
            return self.store.add_reviews(batch)
        finally:
            self.write_seconds += time.perf_counter() - started
            self.written += len(batch)

    def known_reviews(self, keys: Sequence[tuple[str, str]]) -> set[str]:
        started = time.perf_counter()
        try:
            return self.store.known_reviews(keys)
        finally:
            self.write_seconds += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def service_for(url: str) -> ReviewService:
    return build_service(load_settings(), db_url=url)


def run_ingest(args: argparse.Namespace) -> dict[str, Any]:
    service = service_for(args.db)
    timed = TimedStore(service.store)  # type: ignore[arg-type]
    service.store = timed  # type: ignore[assignment]
    (own0, children0), started = cpu_seconds(), time.perf_counter()
    report = service.ingest_items_sync(reviews(args.data, args.reviews))
    wall = time.perf_counter() - started
    own1, children1 = cpu_seconds()
    parent_cpu = own1 - own0
    cpu = parent_cpu + children1 - children0
    own, child = peak_rss_mb()
    stored = len(report.added)
    result = {
        "backend": timed.store.engine.dialect.name,
        "added": stored,
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "wall_s": round(wall, 1),
        "reviews_per_s": round(stored / wall, 1) if wall else 0,
        "cpu_ms_per_review": round(1000 * cpu / max(stored, 1), 2),
        "parent_cpu_ms_per_review": round(1000 * parent_cpu / max(stored, 1), 2),
        "store_ms_per_review": round(1000 * timed.write_seconds / max(timed.written, 1), 2),
        "store_reviews_per_s": round(timed.written / timed.write_seconds, 1)
        if timed.write_seconds
        else 0,
        "peak_rss_mb_parent": round(own),
        "peak_rss_mb_worker": round(child),
        "db_size_mb": round(database_size_mb(timed.store), 1),
        "workers": service.settings.ingest.workers or os.cpu_count(),
    }
    service.store = timed.store
    timed.store.close()
    return result


def run_query(args: argparse.Namespace) -> dict[str, Any]:
    service = service_for(args.db)
    store: SqlReviewStore = service.store  # type: ignore[assignment]
    started = time.perf_counter()
    films = service.films_sync()
    films_ms = (time.perf_counter() - started) * 1000
    rng = random.Random(7)
    picks = [rng.choice(films).title for _ in range(args.films)]
    for film in picks[:5]:  # warm the caches (models, vocabulary, page cache)
        service.ask_sync(Question(FILM_QUESTIONS[0], film=film))
    service.ask_sync(Question(CORPUS_QUESTIONS[0]))
    film_ms: list[float] = []
    corpus_ms: list[float] = []
    search_ms: list[float] = []
    # The store's search as the answer calls it (the question's words plus each aspect's terms).
    answer_search_ms: list[float] = []
    search = store.search

    def timed_search(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return search(*args, **kwargs)
        finally:
            answer_search_ms.append((time.perf_counter() - t0) * 1000)

    for film in picks:
        for question in FILM_QUESTIONS:
            t0 = time.perf_counter()
            service.ask_sync(Question(question, film=film))
            film_ms.append((time.perf_counter() - t0) * 1000)
    for _ in range(args.rounds):
        for question in CORPUS_QUESTIONS:
            store.search = timed_search  # type: ignore[method-assign]
            t0 = time.perf_counter()
            service.ask_sync(Question(question))
            corpus_ms.append((time.perf_counter() - t0) * 1000)
            store.search = search  # type: ignore[method-assign]
            t0 = time.perf_counter()
            store.search(question.split(), limit=400)
            search_ms.append((time.perf_counter() - t0) * 1000)
    ranking_ms: list[float] = []
    for _ in range(args.rounds):
        for question in RANKING_QUESTIONS:
            t0 = time.perf_counter()
            service.ask_sync(Question(question))
            ranking_ms.append((time.perf_counter() - t0) * 1000)
    with store.engine.connect() as connection:
        counts = [
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("films", "reviews", "sentences")
        ]
    result = {
        "backend": store.engine.dialect.name,
        "films": counts[0],
        "reviews": counts[1],
        "sentences": counts[2],
        "films_query_ms": round(films_ms, 1),
        "film_scoped_n": len(film_ms),
        "film_scoped_p50_ms": round(pct(film_ms, 50), 1),
        "film_scoped_p95_ms": round(pct(film_ms, 95), 1),
        "corpus_n": len(corpus_ms),
        "corpus_p50_ms": round(pct(corpus_ms, 50), 1),
        "corpus_p95_ms": round(pct(corpus_ms, 95), 1),
        "corpus_search_only_p95_ms": round(pct(search_ms, 95), 1),
        "corpus_answer_search_p50_ms": round(pct(answer_search_ms, 50), 1),
        "corpus_answer_search_p95_ms": round(pct(answer_search_ms, 95), 1),
        "ranking_n": len(ranking_ms),
        "ranking_p50_ms": round(pct(ranking_ms, 50), 1),
        "ranking_p95_ms": round(pct(ranking_ms, 95), 1),
        "db_size_mb": round(database_size_mb(store), 1),
    }
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=["ingest", "query", "peers"])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of the database")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--reviews", type=int, help="only the first N reviews (ingest)")
    parser.add_argument("--films", type=int, default=40, help="films asked about (query)")
    parser.add_argument("--rounds", type=int, default=8, help="rounds of corpus questions")
    parser.add_argument("--devset", type=Path, default=HERE / "devset" / "questions.jsonl")
    parser.add_argument("--sentences", type=int, help="peers: only the first N sentences")
    args = parser.parse_args()
    if args.phase == "ingest":
        result = run_ingest(args)
    elif args.phase == "query":
        result = run_query(args)
    else:
        from benchmarks.peers import run_peers

        result = run_peers(args)
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
