from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.config import Settings, load_settings
from bot.resources import seeds_dir
from bot.reviews.service import ReviewService
from bot.reviews.store.engine import make_engine
from bot.reviews.store.sql import SqlReviewStore

if TYPE_CHECKING:
    from tests.discord_fake import FakeDiscord
    from tests.discord_harness import Harness

SEED = seeds_dir() / "000_44bfa849ba0067c6.txt"


def seed_body() -> str:
    """The seed review's text exactly as ingested: everything after the front matter."""
    return SEED.read_text(encoding="utf-8").split("---\n", 2)[2]


@pytest.fixture
def settings() -> Settings:
    return load_settings(env={})


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reviews.sqlite3'}"


@pytest.fixture
def store(db_url: str) -> Iterator[SqlReviewStore]:
    store = SqlReviewStore(make_engine(db_url))
    yield store
    store.close()


@pytest.fixture
def service(store: SqlReviewStore, settings: Settings) -> ReviewService:
    return ReviewService(store, settings=settings, seeds=seeds_dir())


@pytest.fixture
def seeded(service: ReviewService) -> ReviewService:
    report = service.ensure_seeded_sync()
    assert report is not None and len(report.added) == 1
    return service


# Discord adapter tests: a local fake of Discord's REST API and a bot logged in against it.
# Imported lazily so that tests of the core never load discord.py.
@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    from tests.discord_harness import fake_discord

    async with fake_discord() as server:
        yield server


@pytest.fixture
async def bot(seeded: ReviewService, fake: FakeDiscord) -> AsyncIterator[Harness]:
    from tests.discord_harness import logged_in

    async with logged_in(seeded, fake) as harness:
        yield harness
