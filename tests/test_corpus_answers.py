"""Corpus-wide opinion questions find their reviews by opinion label, else by word search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.reviews.service import ReviewService
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Answer, Question

FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


@pytest.fixture
def corpus(service: ReviewService) -> ReviewService:
    service.ingest_paths_sync(sorted(FIXTURES.glob("*.*")))
    return service


class Calls:
    def __init__(self, store: SqlReviewStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.labels: list[tuple[str, str]] = []
        self.searches = 0
        labels, search = store.opinion_reviews, store.search

        def opinion_reviews(aspect: str, polarity: str, *, limit: int) -> list[str]:
            self.labels.append((aspect, polarity))
            return labels(aspect, polarity, limit=limit)

        def counted_search(*args: Any, **kwargs: Any) -> Any:
            self.searches += 1
            return search(*args, **kwargs)

        monkeypatch.setattr(store, "opinion_reviews", opinion_reviews)
        monkeypatch.setattr(store, "search", counted_search)


def ask(service: ReviewService, text: str) -> Answer:
    answer = service.ask_sync(Question(text))
    assert answer.film is None, "not a corpus-wide answer"
    return answer


def test_praise_of_an_aspect_is_found_by_label(
    corpus: ReviewService, store: SqlReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(store, monkeypatch)
    answer = ask(corpus, "which reviews praise the acting?")
    assert calls.labels == [("acting", "positive")] and calls.searches == 0
    assert answer.points and not answer.abstained
    assert all(p.polarity in ("positive", "mixed") and "acting" in p.aspects for p in answer.points)
    assert any("acting is superb" in p.text for p in answer.points)


def test_complaints_use_negative_labels(
    corpus: ReviewService, store: SqlReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(store, monkeypatch)
    answer = ask(corpus, "which reviews complain about the pacing?")
    assert calls.labels == [("pacing", "negative")] and calls.searches == 0
    assert answer.points
    assert all(p.polarity in ("negative", "mixed") for p in answer.points)


def test_the_word_search_answers_when_the_labels_find_nothing(
    corpus: ReviewService, store: SqlReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_label = ask(corpus, "which reviews praise the acting?").as_json()
    monkeypatch.setattr(store, "opinion_reviews", lambda *a, **k: [])
    calls = Calls(store, monkeypatch)
    by_words = ask(corpus, "which reviews praise the acting?")
    assert calls.searches == 1
    assert by_words.points and by_words.intent == by_label["intent"]


def test_questions_that_are_not_likes_or_dislikes_keep_the_word_search(
    corpus: ReviewService, store: SqlReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(store, monkeypatch)
    ask(corpus, "which reviews mention the acting?")
    assert calls.labels == [] and calls.searches == 1
