"""The Answer objects the answerer returns: an answer with its points, or an abstention that
says what the review does discuss."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.scope import Scope
from bot.reviews.store.labels import OPINION_THRESHOLD
from bot.reviews.types import Answer, Point, Review


def discussed_aspects(scope: Scope) -> list[str]:
    counts: dict[str, int] = {}
    for sentences in scope.sentences.values():
        for sentence in sentences:
            if sentence.subjectivity < OPINION_THRESHOLD:
                continue
            for aspect in sentence.aspects:
                if aspect != "overall":
                    counts[aspect] = counts.get(aspect, 0) + 1
    return sorted(counts, key=lambda a: (-counts[a], a))


def abstain(
    parsed: ParsedQuestion, scope: Scope, message: str, *, discussed: bool = False
) -> Answer:
    if discussed:
        topics = discussed_aspects(scope)
        if topics:
            message += " It does discuss: " + ", ".join(topics[:8]) + "."
    return replace(answer(parsed, scope, message, ()), abstained=True)


def answer(parsed: ParsedQuestion, scope: Scope, text: str, points: Sequence[Point]) -> Answer:
    return Answer(
        question=parsed.text,
        intent=parsed.intent,
        film=scope.film.title if scope.film else None,
        abstained=False,
        answer=text,
        points=tuple(points),
    )


def critic_name(review: Review, scope: Scope) -> str:
    """The critic, and the film too when the answer spans several films."""
    critic = review.critic or "an unnamed critic"
    return critic if scope.film is not None else f"{review.film} ({critic})"


def with_verdict(answer: Answer, *, verdict: str | None, rating: str | None) -> Answer:
    return replace(answer, verdict=verdict, rating=rating)


def reviews_of(points: Sequence[Point], scope: Scope) -> list[Review]:
    wanted = {p.review_id for p in points}
    return [r for r in scope.reviews if r.review_id in wanted]
