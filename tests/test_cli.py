"""The command line end to end on a temporary database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

# Made-up reviews written for these tests (not real critics' words).
FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


@pytest.fixture
def run(db_url: str):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, ["--db", db_url, *args], env={"REVIEWBOT_CONFIG": ""})

    return invoke


def test_first_ask_loads_the_seed_and_quotes_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "What did the critic dislike?")
    assert result.exit_code == 0, result.output
    assert "loaded 1 bundled seed review" in result.stderr
    assert "La La Land, IMDb user, sentence" in result.stdout
    assert "“" in result.stdout
    again = run("ask", "What did the critic dislike?")
    assert "seed" not in again.stderr


def test_ask_json_is_one_object(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "Did they like it?", "--json")
    data = json.loads(result.stdout)
    assert data["intent"] == "verdict" and data["verdict"] in ("positive", "negative", "mixed")


def test_questions_file_answers_each_line_and_reports_bad_ones(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "q.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"question": "What did the critic dislike?"}),
                "not json",
                json.dumps({"question": "How was the acting?", "film": "La La Land"}),
                json.dumps({"question": "Any good?", "film": "Casablanca"}),
            ]
        )
    )
    result = run("ask", "--questions", str(path))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert lines[0]["intent"] == "dislikes"
    assert "not valid JSON" in lines[1]["error"]
    assert lines[2]["film"] == "La La Land"
    assert "Casablanca" in lines[3]["error"]


def test_reviews_lists_what_is_indexed(run) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", str(FIXTURES / "heat.txt"), "-q").exit_code == 0
    listing = json.loads(run("reviews", "--json").stdout)
    assert [r["film"] for r in listing] == ["Heat"]
    assert listing[0]["sentences"] >= 5
    assert "Heat (1995)" in run("reviews").stdout


def test_rescore_reports_what_it_reread(run) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", str(FIXTURES), "-q").exit_code == 0
    count = sum(1 for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))
    result = run("rescore")
    # Ingest stored the verdicts the shipped model gives: re-reading them changes none.
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{count} reviews rescored; 0 verdicts changed."


def test_ingest_reports_added_and_skipped(run) -> None:  # type: ignore[no-untyped-def]
    count = sum(1 for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))
    first = run("ingest", str(FIXTURES), "-q")
    assert first.exit_code == 0
    assert f"{count} added" in first.stdout
    second = run("ingest", str(FIXTURES), "--json")
    assert json.loads(second.stdout) == {"added": 0, "skipped": count, "failed": []}


def test_usage_errors_exit_2_and_failures_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("ask").exit_code == 2
    assert run("ingest").exit_code == 2
    assert run("frobnicate").exit_code == 2
    bad = tmp_path / "bad.docx"
    bad.write_text("x")
    result = run("ingest", str(bad))
    assert result.exit_code == 1
    assert "unknown format" in result.stderr
    missing_film = run("ask", "What did they dislike?", "--film", "Casablanca")
    assert missing_film.exit_code == 1
    assert "No review of 'Casablanca'" in missing_film.stderr


def test_bad_setting_fails_at_start_naming_it(db_url: str) -> None:
    result = CliRunner().invoke(
        cli, ["--db", db_url, "reviews"], env={"REVIEWBOT_ANSWER_MAX_POINTS": "lots"}
    )
    assert result.exit_code == 2
    assert "answer.max_points" in result.stderr


def test_analyze_shows_labels_per_sentence(run) -> None:  # type: ignore[no-untyped-def]
    result = run("analyze", str(FIXTURES / "heat.txt"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("opinion" in line and "acting" in line for line in lines)
    assert any("plot/fact" in line for line in lines)


def test_serve_does_not_pretend_to_connect(run) -> None:  # type: ignore[no-untyped-def]
    result = run("serve", "irc")
    assert result.exit_code != 0
    assert "slack" in result.stderr and "discord" in result.stderr


def test_python_dash_m_bot_runs(tmp_path: Path) -> None:
    env = {**os.environ, "REVIEWBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Did the critic like it?", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["film"] == "La La Land"
