"""Schema upgrades of databases that already hold reviews, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from bot.reviews.store.engine import _MIGRATIONS_DIR, make_engine
from bot.reviews.store.sql import SqlReviewStore
from tests import postgres


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        yield engine
        engine.dispose()
        return
    url = postgres.base_url()
    with postgres.temporary_schema(url) as schema:
        engine = make_engine(postgres.schema_url(url, schema))
        yield engine
        engine.dispose()


def upgrade_to(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def clauses(*items: tuple[int, int, str, float, list[str]]) -> str:
    return json.dumps([[a, b, pol, score, aspects, a, b] for a, b, pol, score, aspects in items])


# (position, subjectivity, polarity, score, aspects, clauses JSON)
OLD_SENTENCES = [
    (1, 0.9, "negative", -0.8, "music", clauses((0, 20, "negative", -0.8, ["music"]))),
    (
        2,
        0.7,
        "mixed",
        -0.1,
        "acting music",
        clauses(
            (0, 10, "positive", 0.6, ["acting"]),
            (12, 20, "negative", -0.4, []),  # no aspects of its own: the sentence's
        ),
    ),
    (3, 0.3, "positive", 0.9, "music", clauses((0, 20, "positive", 0.9, ["music"]))),
    (4, 0.8, "neutral", 0.0, "story", clauses((0, 20, "neutral", 0.02, ["story"]))),
]


def test_revision_0004_backfills_opinions_from_stored_sentences(engine: Engine) -> None:
    upgrade_to(engine, "0003")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO films (id, key, title) VALUES (1, 'heat|', 'Heat')"))
        for pk, review_id in ((1, "old-1"), (2, "old-2")):
            connection.execute(
                text(
                    "INSERT INTO reviews (id, review_id, content_hash, film_id, text, "
                    "sentence_count) VALUES (:pk, :rid, :rid, 1, 'Old text.', 4)"
                ),
                {"pk": pk, "rid": review_id},
            )
            for position, subjectivity, polarity, score, aspects, spans in OLD_SENTENCES:
                connection.execute(
                    text(
                        'INSERT INTO sentences (review_pk, position, start, "end", text, '
                        "subjectivity, polarity, polarity_score, aspects, clauses) "
                        "VALUES (:pk, :pos, 0, 20, 'Twenty characters ok', :subj, :pol, :score, "
                        ":aspects, :clauses)"
                    ),
                    {
                        "pk": pk,
                        "pos": position,
                        "subj": subjectivity,
                        "pol": polarity,
                        "score": score,
                        "aspects": aspects,
                        "clauses": spans,
                    },
                )
    store = SqlReviewStore(engine)  # upgrades to the head
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT review_pk, position, clause, aspect, polarity, strength, weight "
                "FROM opinions "
                "ORDER BY review_pk, position, clause, aspect"
            )
        ).all()
    # Sentence 3 is below the opinion threshold, sentence 4 judges nothing.
    assert [tuple(r) for r in rows] == [
        (pk, *labels)
        for pk in (1, 2)
        for labels in (
            (1, 1, "music", "negative", 0.8, 0.8),
            (2, 1, "acting", "positive", 0.6, 0.6),
            (2, 2, "acting", "negative", 0.4, 0.2),
            (2, 2, "music", "negative", 0.4, 0.2),
        )
    ]
    # A tie in strength goes to the lower review id.
    assert store.opinion_reviews("music", "negative", limit=5) == ["old-1", "old-2"]
    assert store.opinion_reviews("music", "positive", limit=5) == []
    store.close()


def test_revision_0006_backfills_each_reviews_verdict(engine: Engine) -> None:
    upgrade_to(engine, "0005")
    bodies = {
        # A stated rating decides; the words alone decide the other two.
        "rated": ("I saw it twice. 2/10.", ["I saw it twice.", "2/10."]),
        "liked": (
            "A wonderful film. I loved every minute.",
            ["A wonderful film.", "I loved every minute."],
        ),
        "panned": (
            "A dull, lifeless mess. Avoid it.",
            ["A dull, lifeless mess.", "Avoid it."],
        ),
    }
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO films (id, key, title) VALUES (1, 'heat|', 'Heat')"))
        for pk, (review_id, (body, sentences)) in enumerate(bodies.items(), start=1):
            connection.execute(
                text(
                    "INSERT INTO reviews (id, review_id, content_hash, film_id, text, "
                    "sentence_count) VALUES (:pk, :rid, :rid, 1, :body, :n)"
                ),
                {"pk": pk, "rid": review_id, "body": body, "n": len(sentences)},
            )
            for position, sentence in enumerate(sentences, start=1):
                connection.execute(
                    text(
                        'INSERT INTO sentences (review_pk, position, start, "end", text, '
                        "subjectivity, polarity, polarity_score, aspects, clauses) "
                        "VALUES (:pk, :pos, 0, 1, :text, 0.9, 'neutral', 0.0, '', '[]')"
                    ),
                    {"pk": pk, "pos": position, "text": sentence},
                )
    store = SqlReviewStore(engine)  # upgrades to the head
    with engine.connect() as connection:
        rows = dict(
            connection.execute(text("SELECT review_id, verdict FROM reviews")).all()  # type: ignore[arg-type]
        )
        liked = dict(connection.execute(text("SELECT review_id, liked FROM reviews")).all())  # type: ignore[arg-type]
    assert rows == {"rated": "negative", "liked": "positive", "panned": "negative"}
    assert liked["liked"] > 0.65 > 0.35 > liked["panned"]
    tally = store.film_verdicts()[0]
    assert (tally.positive, tally.negative, tally.mixed) == (1, 2, 0)
    assert store.most_convinced(tally.film, "negative") == "panned"
    store.close()
