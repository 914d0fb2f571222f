"""Wiring: settings, database engine, store and service, built once per process."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.resources import seeds_dir
from bot.reviews.service import ReviewService
from bot.reviews.store.engine import default_sqlite_url, make_engine
from bot.reviews.store.sql import SqlReviewStore


def database_url(settings: Settings, override: str | None = None) -> str:
    return override or settings.database.url or default_sqlite_url()


def build_service(settings: Settings, *, db_url: str | None = None) -> ReviewService:
    engine = make_engine(database_url(settings, db_url), settings.database)
    store = SqlReviewStore(engine)
    return ReviewService(store, settings=settings, seeds=seeds_dir())


def configure_logging(settings: Settings, *, verbose: bool = False, serving: bool = False) -> None:
    """Commands print their results; only a serving bot logs at the configured level."""
    configured = getattr(logging, settings.logging.level.upper())
    level = logging.DEBUG if verbose else configured if serving else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not verbose:
        # Alembic narrates every plugin and revision at INFO; a bot's log wants only problems.
        logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
