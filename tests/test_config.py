from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError


def test_defaults_come_from_config_default_toml() -> None:
    settings = load_settings(env={})
    assert settings.ingest.max_review_bytes == 200_000
    assert settings.answer.max_points == 6
    assert settings.database.url == ""


def test_environment_overrides_files(tmp_path: Path) -> None:
    local = tmp_path / "local.toml"
    local.write_text('[answer]\nmax_points = 8\n[database]\nurl = "sqlite:///a.db"\n')
    settings = load_settings(
        local_file=local,
        env={"REVIEWBOT_ANSWER_MAX_POINTS": "9", "REVIEWBOT_SLACK_ADMIN_USER_IDS": "U1, U2"},
    )
    assert settings.answer.max_points == 9
    assert settings.database.url == "sqlite:///a.db"
    assert settings.slack.admin_user_ids == ("U1", "U2")


def test_database_url_from_environment() -> None:
    settings = load_settings(env={"REVIEWBOT_DATABASE_URL": "postgresql+psycopg://u@h/db"})
    assert settings.database.url == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"REVIEWBOT_INGEST_MAX_REVIEW_BYTES": "big"}, "ingest.max_review_bytes"),
        ({"REVIEWBOT_INGEST_AUTOLOAD_SEEDS": "perhaps"}, "ingest.autoload_seeds"),
        ({"REVIEWBOT_ANSWER_MAX_POINTS": "0"}, "answer.max_points"),
        ({"REVIEWBOT_LOGGING_LEVEL": "LOUD"}, "logging.level"),
        ({"REVIEWBOT_DATABASE_URL": "reviews.db"}, "database.url"),
    ],
)
def test_bad_values_name_the_setting(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError, match=name.replace(".", r"\.")):
        load_settings(env=env)


def test_unknown_keys_in_a_local_file_are_refused(tmp_path: Path) -> None:
    local = tmp_path / "local.toml"
    local.write_text("[answer]\nmax_pionts = 3\n")
    with pytest.raises(ConfigError, match=r"answer\.max_pionts"):
        load_settings(local_file=local, env={})


def test_settings_are_frozen() -> None:
    settings = load_settings(env={})
    with pytest.raises(AttributeError):
        settings.answer.max_points = 3  # type: ignore[misc]
