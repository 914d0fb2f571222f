"""Neutral data types that cross the boundary between the core, the store and the adapters."""

from __future__ import annotations

from dataclasses import dataclass, field

POLARITIES = ("positive", "negative", "mixed", "neutral")


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """A review as handed to ingest: the original text plus what is known about it."""

    text: str
    film: str | None = None
    year: int | None = None
    critic: str | None = None
    source: str | None = None
    rating: str | None = None
    published: str | None = None
    url: str | None = None
    review_id: str | None = None
    origin: str = "<input>"


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence with its own judgement; offsets into the original review."""

    start: int
    end: int
    polarity: str
    score: float
    aspects: tuple[str, ...] = ()
    # The same span within the sentence's repaired text, for quoting.
    text_start: int = 0
    text_end: int = 0


@dataclass(frozen=True, slots=True)
class Sentence:
    """One indexed sentence: repaired text, offsets into the original review text, labels."""

    position: int
    start: int
    end: int
    text: str
    subjectivity: float = 0.5
    polarity: str = "neutral"
    polarity_score: float = 0.0
    aspects: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True, slots=True)
class Review:
    """An indexed review with its film and metadata."""

    review_id: str
    film: str
    year: int | None
    critic: str | None
    source: str | None
    rating: str | None
    published: str | None
    url: str | None
    text: str
    sentence_count: int


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    review_id: str
    film: str
    year: int | None
    critic: str | None
    source: str | None
    sentence_count: int


@dataclass(frozen=True, slots=True)
class Film:
    title: str
    year: int | None
    review_count: int


@dataclass(slots=True)
class Conversation:
    """What a follow-up question needs to know about the exchange so far.

    The core owns this type; adapters keep one per thread or channel and pass it back in.
    """

    film: str | None = None
    review_id: str | None = None
    intent: str | None = None
    aspect: str | None = None
    question: str | None = None
    # (review id, sentence number) of the points already shown, so "what else?" moves on.
    shown: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    film: str | None = None
    review_id: str | None = None
    limit: int | None = None
    conversation: Conversation | None = None


@dataclass(frozen=True, slots=True)
class Point:
    """One quoted piece of evidence with its citation."""

    text: str
    polarity: str | None
    aspects: tuple[str, ...]
    review_id: str
    film: str | None
    critic: str | None
    start: int
    end: int
    sentence: int
    spoiler: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "polarity": self.polarity,
            "aspects": list(self.aspects),
            "review_id": self.review_id,
            "film": self.film,
            "critic": self.critic,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "spoiler": self.spoiler,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    intent: str
    film: str | None
    abstained: bool
    answer: str
    points: tuple[Point, ...] = ()
    verdict: str | None = None
    rating: str | None = None
    more: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "question": self.question,
            "intent": self.intent,
            "film": self.film,
            "abstained": self.abstained,
            "answer": self.answer,
            "points": [p.as_json() for p in self.points],
        }
        if self.intent == "verdict":
            data["verdict"] = self.verdict
            data["rating"] = self.rating
        if self.more:
            data["more"] = self.more  # further points, shown by asking "what else?"
        data.update(self.extra)
        return data
