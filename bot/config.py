"""Frozen settings, built once at start-up from config/default.toml, a local TOML and the env."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.resources import config_path

ENV_PREFIX = "REVIEWBOT_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = ""
    pool_size: int = 5
    max_overflow: int = 5
    pool_timeout: int = 30
    pool_pre_ping: bool = True


@dataclass(frozen=True)
class IngestSettings:
    max_review_bytes: int = 200_000
    autoload_seeds: bool = True
    batch_size: int = 200
    # Processes labelling reviews in a bulk load; 0 means one per CPU.
    workers: int = 0


@dataclass(frozen=True)
class AnswerSettings:
    max_points: int = 6
    max_question_chars: int = 1000
    # Read the questions no cue rule does with the learned intent model (scripts/train_intents.py).
    learned_intents: bool = True


@dataclass(frozen=True)
class ChatSettings:
    rate_limit_per_minute: int = 10


@dataclass(frozen=True)
class SlackSettings:
    admin_user_ids: tuple[str, ...] = ()
    http_port: int = 3000


@dataclass(frozen=True)
class DiscordSettings:
    sharded: bool = False
    health_port: int = 0


@dataclass(frozen=True)
class LoggingSettings:
    level: str = "INFO"


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    answer: AnswerSettings = field(default_factory=AnswerSettings)
    chat: ChatSettings = field(default_factory=ChatSettings)
    slack: SlackSettings = field(default_factory=SlackSettings)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)


def load_settings(
    *, local_file: Path | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Defaults, then the local TOML file, then REVIEWBOT_* environment variables."""
    env = os.environ if env is None else env
    raw: dict[str, dict[str, Any]] = {}
    _merge(raw, _read_toml(config_path("default.toml")))
    local = local_file or (Path(env["REVIEWBOT_CONFIG"]) if env.get("REVIEWBOT_CONFIG") else None)
    if local is not None:
        _merge(raw, _read_toml(local))
    sections = {}
    for section_field in dataclasses.fields(Settings):
        cls = _SECTION_TYPES[section_field.name]
        values = dict(raw.get(section_field.name, {}))
        for key_field in dataclasses.fields(cls):
            env_name = f"{ENV_PREFIX}{section_field.name}_{key_field.name}".upper()
            if env_name in env:
                values[key_field.name] = env[env_name]
        sections[section_field.name] = _build_section(section_field.name, cls, values)
    unknown = set(raw) - set(_SECTION_TYPES)
    if unknown:
        raise ConfigError(f"Unknown config section(s): {', '.join(sorted(unknown))}")
    settings = Settings(**sections)
    _validate(settings)
    return settings


_SECTION_TYPES: dict[str, type] = {
    "database": DatabaseSettings,
    "ingest": IngestSettings,
    "answer": AnswerSettings,
    "chat": ChatSettings,
    "slack": SlackSettings,
    "discord": DiscordSettings,
    "logging": LoggingSettings,
}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"Config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Config file {path} is not valid TOML: {exc}") from exc


def _merge(target: dict[str, dict[str, Any]], source: Mapping[str, Any]) -> None:
    for section, values in source.items():
        if not isinstance(values, Mapping):
            raise ConfigError(f"Config entry '{section}' must be a [section] table")
        target.setdefault(section, {}).update(values)


def _build_section(section: str, cls: type, values: Mapping[str, Any]) -> Any:
    known = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"Unknown setting '{section}.{key}'")
        default = known[key].default
        kwargs[key] = _coerce(f"{section}.{key}", value, default)
    return cls(**kwargs)


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"Setting '{name}' must be true or false, not {value!r}")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"Setting '{name}' must be a whole number, not {value!r}") from None
    if isinstance(default, tuple):
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        if isinstance(value, list):
            return tuple(str(part) for part in value)
        raise ConfigError(f"Setting '{name}' must be a list, not {value!r}")
    if not isinstance(value, str):
        raise ConfigError(f"Setting '{name}' must be text, not {value!r}")
    return value


def _validate(settings: Settings) -> None:
    checks = [
        ("ingest.max_review_bytes", settings.ingest.max_review_bytes >= 100),
        ("ingest.batch_size", settings.ingest.batch_size >= 1),
        ("ingest.workers", settings.ingest.workers >= 0),
        ("answer.max_points", 1 <= settings.answer.max_points <= 50),
        ("answer.max_question_chars", settings.answer.max_question_chars >= 10),
        ("chat.rate_limit_per_minute", settings.chat.rate_limit_per_minute >= 0),
        ("database.pool_size", settings.database.pool_size >= 1),
        ("database.max_overflow", settings.database.max_overflow >= 0),
        ("database.pool_timeout", settings.database.pool_timeout >= 1),
        ("slack.http_port", 0 <= settings.slack.http_port <= 65535),
        ("discord.health_port", 0 <= settings.discord.health_port <= 65535),
    ]
    for name, ok in checks:
        if not ok:
            raise ConfigError(f"Setting '{name}' is out of range")
    if settings.logging.level.upper() not in LOG_LEVELS:
        raise ConfigError(f"Setting 'logging.level' must be one of {', '.join(LOG_LEVELS)}")
    url = settings.database.url
    if url and "://" not in url:
        raise ConfigError("Setting 'database.url' must be a SQLAlchemy URL such as sqlite:///path")
