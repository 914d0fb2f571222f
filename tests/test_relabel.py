"""`reviewbot relabel`: stored sentences labelled again after the aspect vocabulary is edited,
on every backend, and reviews whose sentences would no longer line up left as they were."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import Settings
from bot.resources import config_path
from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.service import ReviewService
from bot.reviews.store.base import Relabelled
from bot.reviews.store.sql import SqlReviewStore
from tests.test_store_contract import BACKENDS, open_store, postgres_schema_url  # noqa: F401

TEXT = (
    "The stallions in the final chase are magnificent. The script is dreadful and the jokes "
    "fall flat. Still, the film looks lovely."
)


@pytest.fixture(params=BACKENDS)
def backend_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlReviewStore]:
    store = open_store(request.param, tmp_path, request)
    yield store
    store.close()


def horses_vocabulary(tmp_path: Path) -> AspectVocabulary:
    """The shipped vocabulary with one aspect added, as a user would edit it."""
    path = tmp_path / "aspects.toml"
    shipped = config_path("aspects.toml").read_text(encoding="utf-8")
    path.write_text(shipped + '\n[horses]\ncues = ["horse", "stallion"]\n', encoding="utf-8")
    return AspectVocabulary.load(path)


def index(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "ride.jsonl"
    path.write_text(json.dumps({"id": "ride", "film": "Ride", "text": TEXT}), encoding="utf-8")
    service.ingest_paths_sync([path])


def test_an_aspect_added_to_the_vocabulary_reaches_stored_reviews(
    backend_store: SqlReviewStore, settings: Settings, tmp_path: Path
) -> None:
    index(ReviewService(backend_store, settings=settings), tmp_path)
    assert backend_store.opinion_reviews("horses", "positive", limit=5) == []
    edited = ReviewService(backend_store, settings=settings, vocabulary=horses_vocabulary(tmp_path))

    counts = edited.relabel_sync()

    assert (counts.reviews, counts.kept) == (1, 0) and counts.sentences_changed >= 1
    stallions = backend_store.sentences(["ride"])["ride"][0]
    assert "horses" in stallions.aspects
    assert backend_store.opinion_reviews("horses", "positive", limit=5) == ["ride"]
    # The script sentence did not change, nor did its opinion rows.
    assert backend_store.opinion_reviews("dialogue", "negative", limit=5) == ["ride"]
    # Running it again changes nothing.
    assert edited.relabel_sync().sentences_changed == 0


def test_a_review_whose_sentences_no_longer_line_up_keeps_its_labels(
    backend_store: SqlReviewStore, settings: Settings, tmp_path: Path
) -> None:
    service = ReviewService(backend_store, settings=settings)
    index(service, tmp_path)
    before = backend_store.sentences(["ride"])["ride"]
    (stored,) = backend_store.stored_texts(0, 10)
    merged = replace(before[0], end=before[1].end, aspects=("horses",))

    counts = backend_store.replace_labels([Relabelled(stored.pk, (merged,), "positive", 0.9)])

    assert (counts.reviews, counts.kept) == (0, 1)
    assert backend_store.sentences(["ride"])["ride"] == before


def test_relabel_command_reports_what_changed(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    path = tmp_path / "ride.jsonl"
    path.write_text(json.dumps({"id": "ride", "film": "Ride", "text": TEXT}), encoding="utf-8")
    assert runner.invoke(cli, ["--db", db, "ingest", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "relabel"])
    assert result.exit_code == 0, result.output
    assert "1 reviews relabelled: 0 sentences and 0 verdicts changed." in result.output
