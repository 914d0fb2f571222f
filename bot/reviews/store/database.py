"""How the SQL store talks to its database: transactions, reads, and each dialect's upsert.

Every SQLAlchemy error leaves here as a StoreError, so callers never see driver exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from bot.errors import StoreError

T = TypeVar("T")


class SqlDatabase:
    """An engine and the few ways the store parts use it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"Database error: {exc.__class__.__name__}: {exc}") from exc

    def _read(self, work: Callable[[Connection], T]) -> T:
        try:
            with self.engine.connect() as connection:
                return work(connection)
        except SQLAlchemyError as exc:
            raise StoreError(f"Database error: {exc.__class__.__name__}: {exc}") from exc

    def _read_one(self, work: Callable[[Connection], T]) -> T:
        """A read that is a single statement: on PostgreSQL, outside a transaction.

        One statement sees one snapshot either way; without the transaction psycopg sends no
        BEGIN before it and the pool no ROLLBACK after it, two of a lookup's four round trips
        (with the pre-ping). A corpus-wide answer looks up 40 reviews one by one.
        """
        if self.engine.dialect.name != "postgresql":
            return self._read(work)
        try:
            with self.engine.connect() as connection:
                return work(connection.execution_options(isolation_level="AUTOCOMMIT"))
        except SQLAlchemyError as exc:
            raise StoreError(f"Database error: {exc.__class__.__name__}: {exc}") from exc

    def _insert(self, table: Any) -> Any:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table)
