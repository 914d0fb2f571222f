"""Several bot processes on one PostgreSQL: racing writers end with every row exactly once."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.reviews.store.engine import make_engine
from bot.reviews.store.sql import SqlReviewStore
from tests import postgres
from tests.test_store_contract import review

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = postgres.base_url()
    with postgres.temporary_schema(url) as schema:
        url = postgres.schema_url(url, schema)
        SqlReviewStore(make_engine(url)).close()  # migrate once, before the race
        yield url


def count(url: str, sql: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def race(url: str, order: int, barrier: Any) -> dict[str, int]:
    """One worker: the same reviews, feedback click and event as its twin, in its own order."""
    store = SqlReviewStore(make_engine(url))
    reviews = [
        review(f"r{i:03}", f"Review {i}: the score of film {i % 7} soars.", film=f"Film {i % 7}")
        for i in range(60)
    ]
    if order:
        reviews.reverse()
    barrier.wait()
    added = 0
    for start in range(0, len(reviews), 6):
        added += sum(store.add_reviews(reviews[start : start + 6]))
    claimed = sum(store.claim_event("slack", f"Ev{i}") for i in range(20))
    for _ in range(3):
        store.record_feedback(
            platform="slack",
            message_ref="C1:1.2",
            user_id="U1",
            verdict="up" if order else "down",
            question="q",
            answer="a",
        )
    store.close()
    return {"added": added, "claimed": claimed}


def race_into(url: str, order: int, barrier: Any, queue: Any) -> None:
    queue.put(race(url, order, barrier))


@pytest.mark.slow
def test_two_processes_racing_store_each_row_once(pg_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    queue = context.Queue()
    workers = [
        context.Process(target=race_into, args=(pg_url, order, barrier, queue)) for order in (0, 1)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert sum(r["added"] for r in results) == 60
    assert sum(r["claimed"] for r in results) == 20  # each event answered by one worker only
    assert count(pg_url, "SELECT count(*) FROM reviews") == 60
    assert count(pg_url, "SELECT count(*) FROM films") == 7
    assert count(pg_url, "SELECT count(*) FROM sentences") == 60
    assert count(pg_url, "SELECT count(*) FROM feedback") == 1
    assert count(pg_url, "SELECT count(*) FROM processed_events") == 20
    # The BM25 statistics counted each sentence once too.
    assert count(pg_url, "SELECT sentences FROM sentence_totals") == 60
    assert count(pg_url, "SELECT sentences FROM sentence_terms WHERE lexeme = 'soar'") == 60


def write_csv(path: Path, numbers: list[int]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "film", "text"])
        for i in numbers:
            writer.writerow(
                [
                    f"rev-{i}",
                    f"Film {i % 5}",
                    f"Review number {i}. The acting is wooden and the music is loud. "
                    f"Still, scene {i} is a small delight.",
                ]
            )


@pytest.mark.slow
def test_two_ingest_commands_on_overlapping_files(pg_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_csv(first, list(range(0, 40)))
    write_csv(second, list(range(39, 9, -1)) + list(range(40, 50)))  # overlap, reversed
    env = {
        **os.environ,
        "REVIEWBOT_DATABASE_URL": pg_url,
        "REVIEWBOT_INGEST_BATCH_SIZE": "4",
        "REVIEWBOT_INGEST_WORKERS": "1",
    }
    command = [str(Path(sys.executable).with_name("reviewbot")), "ingest", "--json", "-q"]
    runs = [
        subprocess.Popen([*command, str(path)], env=env, stdout=subprocess.PIPE, text=True)
        for path in (first, second)
    ]
    reports = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert sum(r["added"] for r in reports) == 50
    assert [r["added"] + r["skipped"] for r in reports] == [40, 40]
    assert count(pg_url, "SELECT count(*) FROM reviews") == 50
    assert count(pg_url, "SELECT count(DISTINCT review_id) FROM reviews") == 50
    assert count(pg_url, "SELECT count(*) FROM films") == 5
    assert count(pg_url, "SELECT sum(sentence_count) FROM reviews") == count(
        pg_url, "SELECT count(*) FROM sentences"
    )
