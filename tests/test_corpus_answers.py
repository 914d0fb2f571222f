"""Corpus-wide opinion questions find their reviews by opinion label, else by word search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.reviews.service import ReviewService
from bot.reviews.store.base import SearchHit
from bot.reviews.store.engine import make_engine
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Answer, Question

FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


class CountingStore(SqlReviewStore):
    """The real store, counting how corpus-wide answers choose their reviews."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.labels: list[tuple[str, str]] = []
        self.searches = 0
        self.labels_find_nothing = False

    def opinion_reviews(self, aspect: str, polarity: str, *, limit: int) -> list[str]:
        self.labels.append((aspect, polarity))
        return (
            []
            if self.labels_find_nothing
            else super().opinion_reviews(aspect, polarity, limit=limit)
        )

    def search(self, *args: Any, **kwargs: Any) -> list[SearchHit]:
        self.searches += 1
        return super().search(*args, **kwargs)

    def reset(self) -> None:
        self.labels.clear()
        self.searches = 0


@pytest.fixture
def store(db_url: str) -> Iterator[CountingStore]:
    counting = CountingStore(make_engine(db_url))
    yield counting
    counting.close()


@pytest.fixture
def corpus(service: ReviewService, store: CountingStore) -> ReviewService:
    service.ingest_paths_sync(sorted(FIXTURES.glob("*.*")))
    store.reset()
    return service


def ask(service: ReviewService, text: str) -> Answer:
    answer = service.ask_sync(Question(text))
    assert answer.film is None, "not a corpus-wide answer"
    return answer


def test_praise_of_an_aspect_is_found_by_label(corpus: ReviewService, store: CountingStore) -> None:
    answer = ask(corpus, "which reviews praise the acting?")
    assert store.labels == [("acting", "positive")] and store.searches == 0
    assert answer.points and not answer.abstained
    assert all(p.polarity in ("positive", "mixed") and "acting" in p.aspects for p in answer.points)
    assert any("acting is superb" in p.text for p in answer.points)


def test_complaints_use_negative_labels(corpus: ReviewService, store: CountingStore) -> None:
    answer = ask(corpus, "which reviews complain about the pacing?")
    assert store.labels == [("pacing", "negative")] and store.searches == 0
    assert answer.points
    assert all(p.polarity in ("negative", "mixed") for p in answer.points)


def test_the_word_search_answers_when_the_labels_find_nothing(
    corpus: ReviewService, store: CountingStore
) -> None:
    by_label = ask(corpus, "which reviews praise the acting?").as_json()
    store.labels_find_nothing = True
    store.reset()
    by_words = ask(corpus, "which reviews praise the acting?")
    assert store.searches == 1
    assert by_words.points and by_words.intent == by_label["intent"]


def test_questions_that_are_not_likes_or_dislikes_keep_the_word_search(
    corpus: ReviewService, store: CountingStore
) -> None:
    ask(corpus, "which reviews mention the acting?")
    assert store.labels == [] and store.searches == 1


@pytest.mark.parametrize(
    "question",
    ["what did critics think of the acting?", "which film has the best reviews?"],
)
def test_a_question_about_critics_or_films_in_general_spans_the_corpus(
    corpus: ReviewService, question: str
) -> None:
    answer = ask(corpus, question)  # asserts the answer is not tied to one film
    assert not answer.abstained and answer.points
