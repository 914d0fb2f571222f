"""Full-text search: user text is always plain words, never query syntax."""

from __future__ import annotations

import pytest

from bot.reviews.service import ReviewService
from bot.reviews.store.search import plain_words
from bot.reviews.types import Question

HOSTILE = [
    'the "music',
    "music*",
    "NEAR(music song)",
    "-music",
    "music' OR 1=1 --",
    "music; DROP TABLE reviews;",
    "music AND NOT song",
    "music) OR (song",
    "^music",
    "{music}",
    "music:song",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_searched_as_words(seeded: ReviewService, query: str) -> None:
    hits = seeded.store.search([query])
    assert hits, f"{query!r} should still find the sentences about music"
    sentences = seeded.store.sentences([hits[0].review_id])[hits[0].review_id]
    best = next(s for s in sentences if s.position == hits[0].position)
    assert "music" in best.text.lower() or "song" in best.text.lower()
    assert len(seeded.store.reviews()) == 1


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_questions_get_answers_not_errors(seeded: ReviewService, query: str) -> None:
    answer = seeded.ask_sync(Question(f"what about the {query}?"))
    assert answer.answer
    assert len(seeded.store.reviews()) == 1


def test_plain_words_keeps_only_letters_and_digits() -> None:
    assert plain_words(['NEAR("a" b*)', "x-y; 1=1"]) == ["near", "a", "b", "x", "y", "1"]


def test_search_ranks_sentences_with_more_matching_words_first(seeded: ReviewService) -> None:
    hits = seeded.store.search(["memorable", "song", "dance"], limit=5)
    review_id = hits[0].review_id
    sentences = {s.position: s for s in seeded.store.sentences([review_id])[review_id]}
    assert "memorable song or dance" in sentences[hits[0].position].text


def test_search_can_be_scoped_to_reviews(seeded: ReviewService) -> None:
    assert seeded.store.search(["music"], review_ids=["no-such-review"]) == []
    assert seeded.store.search(["music"], review_ids=["44bfa849ba0067c6"])
