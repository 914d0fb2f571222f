"""PostgreSQL for tests: a throwaway schema on the server REVIEWBOT_TEST_POSTGRES_URL names."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV = "REVIEWBOT_TEST_POSTGRES_URL"
HOW_TO_ENABLE = (
    f"PostgreSQL tests skipped: set {ENV}, e.g. "
    f"{ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/test (CI sets it)"
)
# Every table the migrations create, for emptying a schema between tests.
TABLES = (
    "question_log",
    "channel_films",
    "processed_events",
    "feedback",
    "opinions",
    "sentences",
    "reviews",
    "films",
    "sentence_terms",
    "sentence_totals",
)


def base_url() -> str:
    """The server's URL, or skip the test saying how to enable it."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(HOW_TO_ENABLE)
    return url


def schema_url(url: str, schema: str, application_name: str | None = None) -> str:
    """The URL with every connection's search_path set to `schema`."""
    query = {"options": f"-csearch_path={schema}"}
    if application_name:
        query["application_name"] = application_name
    return make_url(url).update_query_dict(query).render_as_string(hide_password=False)


@contextmanager
def temporary_schema(url: str) -> Iterator[str]:
    """A fresh schema named rb_test_<random>, dropped with everything in it afterwards."""
    schema = f"rb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def empty_schema(url: str) -> None:
    """Delete every row (keeping the migrated tables), so each test starts from nothing."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            existing = {
                row[0]
                for row in connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                )
            }
            tables = ", ".join(t for t in TABLES if t in existing)
            if tables:
                connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()
