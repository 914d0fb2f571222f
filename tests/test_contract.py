"""The --json answer contract the adapters, scripts and evaluation rely on."""

from __future__ import annotations

import re

import pytest

from bot.reviews.service import ReviewService
from bot.reviews.types import Question
from tests.conftest import seed_body

QUESTIONS = [
    "What did the critic dislike?",
    "What did the critic like?",
    "Did they like it?",
    "How was the acting?",
    "What is the film about?",
    "Who was poorly cast?",
    "How does it end?",
    "Summarise the review",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("question", QUESTIONS)
def test_points_quote_the_original_text_exactly(seeded: ReviewService, question: str) -> None:
    original = seed_body()
    data = seeded.ask_sync(Question(question)).as_json()
    assert set(data) >= {"question", "intent", "film", "abstained", "answer", "points"}
    assert data["question"] == question and data["film"] == "La La Land"
    assert isinstance(data["abstained"], bool) and isinstance(data["answer"], str)
    points = data["points"]
    assert isinstance(points, list)
    if not data["abstained"]:
        assert points
    for point in points:
        assert point["polarity"] in ("positive", "negative", "mixed", "neutral", None)
        assert point["review_id"] == "44bfa849ba0067c6"
        assert point["critic"] == "IMDb user"
        assert 0 <= point["start"] < point["end"] <= len(original)
        assert _squash(original[point["start"] : point["end"]]) == _squash(point["text"])


def test_verdict_answers_carry_verdict_and_rating(seeded: ReviewService) -> None:
    data = seeded.ask_sync(Question("Would they recommend it?")).as_json()
    assert data["intent"] == "verdict"
    assert data["verdict"] == "negative"
    assert data["rating"] is None
