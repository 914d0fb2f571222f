"""A long-running bot survives its PostgreSQL connections being cut (a server restart)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.config import DatabaseSettings, Settings
from bot.reviews.service import ReviewService
from bot.reviews.store.engine import make_engine
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Question, ReviewInput
from tests import postgres

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg() -> Iterator[tuple[str, str]]:
    """A schema URL whose connections carry their own application_name, and that name."""
    url = postgres.base_url()
    name = f"rb_test_{uuid.uuid4().hex[:8]}"
    with postgres.temporary_schema(url) as schema:
        yield postgres.schema_url(url, schema, application_name=name), name


def cut_connections(url: str, application_name: str) -> int:
    """What a server restart does to a client, to this test's connections only: CI shares it."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                        "AND application_name = :name"
                    ),
                    {"name": application_name},
                ).all()
            )
    finally:
        admin.dispose()


def test_pool_size_comes_from_settings(pg: tuple[str, str]) -> None:
    engine = make_engine(pg[0], DatabaseSettings(pool_size=3, max_overflow=2, pool_timeout=7))
    assert (engine.pool.size(), engine.pool.timeout()) == (3, 7)  # type: ignore[attr-defined]
    assert engine.pool._pre_ping  # type: ignore[attr-defined]
    engine.dispose()


def test_next_question_after_the_server_drops_connections(
    pg: tuple[str, str], settings: Settings
) -> None:
    url, name = pg
    store = SqlReviewStore(make_engine(url, settings.database))
    service = ReviewService(store, settings=settings)
    text_ = "The heist is staged with real menace. Sadly the music is far too loud."
    report = service.ingest_items_sync([ReviewInput(text_, film="Heat", review_id="h1")])
    assert report.added == ["h1"]
    before = service.ask_sync(Question("What did the critic think of the music?"))
    assert any("loud" in point.text for point in before.points)

    assert cut_connections(url, name) >= 1  # the pool's idle connections are now dead

    after = service.ask_sync(Question("What did the critic think of the music?"))
    assert (after.answer, after.points) == (before.answer, before.points)
    assert store.claim_event("slack", "Ev-after-restart")
    report = service.ingest_items_sync([ReviewInput(text_ + " Again.", film="Heat")])
    assert len(report.added) == 1
    assert len(store.reviews()) == 2  # nothing written before the cut was lost
    store.close()
