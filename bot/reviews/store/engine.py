"""Engines and schema upgrades for the embedded SQLite default and for PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from bot.config import DatabaseSettings
from bot.errors import ConfigError, StoreError

# The newest migration; tests check it matches Alembic's head so the fast path stays honest.
HEAD_REVISION = "0006"
_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_sqlite_url() -> str:
    from platformdirs import user_data_path

    path = user_data_path("reviewbot", appauthor=False, ensure_exists=True) / "reviewbot.sqlite3"
    return f"sqlite:///{path}"


def make_engine(url: str, settings: DatabaseSettings | None = None) -> Engine:
    settings = settings or DatabaseSettings()
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        _ensure_sqlite_dir(url)
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs.update(
            pool_size=settings.pool_size,
            max_overflow=settings.max_overflow,
            pool_timeout=settings.pool_timeout,
            pool_pre_ping=settings.pool_pre_ping,
        )
    try:
        engine = create_engine(url, **kwargs)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise ConfigError(f"Cannot use database URL {_safe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _ensure_sqlite_dir(url: str) -> None:
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:" and not path.startswith("file:"):
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _safe_url(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable URL>"


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest revision; cheap when it already is."""
    try:
        with engine.connect() as connection:
            if _current_revision(connection) == HEAD_REVISION:
                return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"Cannot prepare the database schema: {exc}") from exc


def _current_revision(connection: Any) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])
