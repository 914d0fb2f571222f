"""The store interface the review service talks to; SQLite and PostgreSQL both implement it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.types import Film, Review, ReviewSummary, Sentence


@dataclass(frozen=True, slots=True)
class PreparedReview:
    """A review ready to store: metadata, original text and labelled sentences."""

    review_id: str
    content_hash: str
    film: str
    year: int | None
    critic: str | None
    source: str | None
    rating: str | None
    published: str | None
    url: str | None
    text: str
    sentences: tuple[Sentence, ...]
    # The review's verdict (positive / negative / mixed) as a verdict question reads it, and the
    # stance model's P(liked): stored so films can be ranked by their reviews.
    verdict: str | None = None
    liked: float | None = None


@dataclass(frozen=True, slots=True)
class FilmVerdicts:
    """How many of a film's reviews read positive, negative and mixed."""

    film: Film
    positive: int
    negative: int
    mixed: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    review_id: str
    position: int
    score: float


@dataclass(frozen=True, slots=True)
class FeedbackEntry:
    created_at: str
    platform: str
    user_id: str
    verdict: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class StoredText:
    pk: int
    text: str
    rating: str | None
    film: str


@dataclass(frozen=True, slots=True)
class Relabelled:
    """A stored review's new labels: its sentences as the tagger now reads them, its verdict."""

    pk: int
    sentences: tuple[Sentence, ...]
    verdict: str | None
    liked: float | None


@dataclass(frozen=True, slots=True)
class RelabelCounts:
    reviews: int = 0
    sentences_changed: int = 0
    verdicts_changed: int = 0
    # Reviews left as they were because their text now splits into other sentences.
    kept: int = 0

    def __add__(self, other: RelabelCounts) -> RelabelCounts:
        return RelabelCounts(
            self.reviews + other.reviews,
            self.sentences_changed + other.sentences_changed,
            self.verdicts_changed + other.verdicts_changed,
            self.kept + other.kept,
        )


class ReviewStore(Protocol):
    def add_reviews(self, reviews: Sequence[PreparedReview]) -> list[bool]:
        """Store each review whole or not at all; True where stored, False where a duplicate."""
        ...

    def has_review(self, review_id: str, content_hash: str) -> bool: ...

    def known_reviews(self, keys: Sequence[tuple[str, str]]) -> set[str]:
        """The review ids among these (review id, content hash) pairs stored by id or hash."""
        ...

    def is_empty(self) -> bool: ...

    def films(self) -> list[Film]: ...

    def reviews(self, film: str | None = None) -> list[ReviewSummary]: ...

    def review(self, review_id: str) -> Review | None: ...

    def reviews_by_id(self, review_ids: Sequence[str]) -> list[Review]:
        """The reviews with these ids, in the order given; unknown ids are left out."""
        ...

    def reviews_of_film(self, title: str, year: int | None) -> list[Review]: ...

    def sentences(self, review_ids: Sequence[str]) -> dict[str, list[Sentence]]: ...

    def search(
        self, words: Sequence[str], *, review_ids: Sequence[str] | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Full-text search for any of the words, best first; words are plain, never syntax."""
        ...

    def film_verdicts(self) -> list[FilmVerdicts]:
        """Every film with its reviews counted by stored verdict (reviews without one, stored
        before verdicts were, are not counted)."""
        ...

    def rescore_verdicts(self, model: StanceModel) -> tuple[int, int]:
        """Recompute every stored review's verdict with `model`: (reviews, verdicts changed)."""
        ...

    def stored_texts(self, after: int, limit: int) -> list[StoredText]:
        """Up to `limit` stored reviews' texts with row ids above `after`, in id order."""
        ...

    def replace_labels(self, relabelled: Sequence[Relabelled]) -> RelabelCounts:
        """Write reviews' new sentence labels and verdicts over the stored ones."""
        ...

    def most_convinced(self, film: Film, verdict: str) -> str | None:
        """The id of the film's review with this verdict that the stance model reads as most
        strongly so (highest P(liked) for positive, lowest for negative)."""
        ...

    def opinion_reviews(self, aspect: str, polarity: str, *, limit: int) -> list[str]:
        """Ids of reviews whose opinion labels judge the aspect with this polarity (or mixed).

        Distinct, best first: by the clause's strength shared among the aspects it judges (see
        bot/reviews/store/labels.py); at most `limit`. Only sentences the answerer takes for
        opinions count.
        """
        ...

    def record_feedback(
        self,
        *,
        platform: str,
        message_ref: str,
        user_id: str,
        verdict: str,
        question: str,
        answer: str,
    ) -> None: ...

    def recent_feedback(self, limit: int = 20) -> list[FeedbackEntry]: ...

    def claim_event(self, platform: str, event_id: str) -> bool:
        """True the first time an event id is seen, in any process; False for a retry."""
        ...

    def set_channel_film(
        self, platform: str, channel_id: str, title: str, year: int | None
    ) -> None: ...

    def channel_film(self, platform: str, channel_id: str) -> Film | None: ...

    def log_question(
        self,
        *,
        platform: str,
        question: str,
        intent: str,
        film: str | None,
        abstained: bool,
        latency_ms: float,
    ) -> None: ...

    def close(self) -> None: ...
