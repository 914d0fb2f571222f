"""The database schema as typed SQLAlchemy ORM classes. Alembic migrations create it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def film_key(title: str, year: int | None) -> str:
    """films.key: the title lower-cased with its spaces squeezed, then the year."""
    return " ".join(title.casefold().split()) + "|" + ("" if year is None else str(year))


class FilmRow(Base):
    __tablename__ = "films"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Lower-cased title plus year: one row per film however the title was typed.
    key: Mapped[str] = mapped_column(String(400), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer)


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        # GROUP BY film_id, verdict reads this index alone: films ranked by their reviews.
        Index("ix_reviews_film_verdict", "film_id", "verdict"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[str] = mapped_column(String(200), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id"), index=True)
    critic: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    rating: Mapped[str | None] = mapped_column(String(100))
    published: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(1000))
    text: Mapped[str] = mapped_column(Text)
    sentence_count: Mapped[int] = mapped_column(Integer)
    # As a verdict question reads the review (see qa/verdict.py), and the stance model's
    # P(liked); set at ingest, backfilled by migration 0006.
    verdict: Mapped[str | None] = mapped_column(String(10))
    liked: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SentenceRow(Base):
    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("review_pk", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_pk: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    subjectivity: Mapped[float] = mapped_column(Float)
    polarity: Mapped[str] = mapped_column(String(10))
    polarity_score: Mapped[float] = mapped_column(Float)
    # Space-separated aspect names and a JSON list of clause spans: read whole, never queried.
    aspects: Mapped[str] = mapped_column(String(400))
    clauses: Mapped[str] = mapped_column(Text)


class OpinionRow(Base):
    """One judgement of one aspect by one clause of an opinion sentence (see store/labels.py).

    Derived from sentences.clauses at ingest (and by migration 0004), so corpus-wide questions
    ("which reviews praise the music?") find their reviews by label rather than by word.
    """

    __tablename__ = "opinions"
    __table_args__ = (
        # WHERE aspect = ? AND polarity = ? ORDER BY weight DESC LIMIT n: one index range,
        # review_pk last so the scan reads no table rows.
        Index("ix_opinions_aspect_polarity_weight", "aspect", "polarity", "weight", "review_pk"),
    )

    review_pk: Mapped[int] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The clause's number in its sentence from 1; 0 for a sentence stored without clauses.
    clause: Mapped[int] = mapped_column(Integer, primary_key=True)
    aspect: Mapped[str] = mapped_column(String(100), primary_key=True)
    polarity: Mapped[str] = mapped_column(String(10))
    # The clause's score without its sign, and that shared among the aspects the clause judges.
    strength: Mapped[float] = mapped_column(Float)
    weight: Mapped[float] = mapped_column(Float)


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("platform", "message_ref", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    platform: Mapped[str] = mapped_column(String(20))
    message_ref: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(String(100))
    verdict: Mapped[str] = mapped_column(String(10))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)


class ProcessedEventRow(Base):
    """Chat events already handled, so a platform's retry never yields a second answer."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ChannelFilmRow(Base):
    __tablename__ = "channel_films"

    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id"))


class QuestionLogRow(Base):
    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    platform: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    intent: Mapped[str] = mapped_column(String(30))
    film: Mapped[str | None] = mapped_column(String(300))
    abstained: Mapped[bool]
    latency_ms: Mapped[float] = mapped_column(Float)
