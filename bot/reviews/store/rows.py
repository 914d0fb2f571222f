"""Reviews, sentences and opinion labels as table rows: written in bulk at ingest; sentences
read back as Sentences.

Kept apart from the store class so the migrations that backfill these tables write rows the
same way ingest does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, text

from bot.reviews.store import search as fts
from bot.reviews.store.schema import OpinionRow, SentenceRow
from bot.reviews.types import Clause, Sentence

_SENTENCE_COLUMNS = tuple(c.name for c in SentenceRow.__table__.columns if c.name != "id")
_OPINION_COLUMNS = tuple(c.name for c in OpinionRow.__table__.columns)


# PostgreSQL: a batch of rows as one array per column, so the statement's text is the same for
# every batch (parsed once by the driver, planned cheaply by the server) rather than a VALUES
# list of thousands of parameters. unnest keeps the arrays' (sorted) order.
_REVIEW_ARRAYS = {
    "review_id": "text",
    "content_hash": "text",
    "film_id": "integer",
    "critic": "text",
    "source": "text",
    "rating": "text",
    "published": "text",
    "url": "text",
    "text": "text",
    "sentence_count": "integer",
    "verdict": "text",
    "liked": "double precision",
}
_FILM_ARRAYS = {"key": "text", "title": "text", "year": "integer"}


def _insert_arrays(table: str, columns: dict[str, str], returning: str) -> Any:
    arrays = ", ".join(f"CAST(:{name} AS {kind}[])" for name, kind in columns.items())
    return text(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays}) "
        f"ON CONFLICT DO NOTHING{returning}"
    )


_INSERT_REVIEWS_PG = _insert_arrays("reviews", _REVIEW_ARRAYS, " RETURNING review_id, id")
_INSERT_FILMS_PG = _insert_arrays("films", _FILM_ARRAYS, "")


def insert_review_arrays(connection: Connection, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """PostgreSQL: insert the reviews rows not stored yet (by id or by content hash); the
    inserted ones' review ids mapped to their row ids."""
    arrays = {name: [row[name] for row in rows] for name in _REVIEW_ARRAYS}
    return {str(row[0]): int(row[1]) for row in connection.execute(_INSERT_REVIEWS_PG, arrays)}


def insert_film_arrays(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: insert the films rows not stored yet (by key)."""
    connection.execute(
        _INSERT_FILMS_PG, {name: [row[name] for row in rows] for name in _FILM_ARRAYS}
    )


def insert_sentences(connection: Connection, rows: list[dict[str, Any]]) -> None:
    names = _SENTENCE_COLUMNS
    if connection.dialect.name == "postgresql":
        # tokens (sentence length for BM25) is a column the ORM schema does not map.
        names = (*_SENTENCE_COLUMNS, "tokens")
        for row in rows:
            row["tokens"] = fts.token_count(row["text"])
    _write(connection, "sentences", names, rows)


def insert_opinions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Write opinions rows (store/labels.py) as the sentences are."""
    _write(connection, "opinions", _OPINION_COLUMNS, rows)


def _write(
    connection: Connection, table: str, names: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    """Insert rows in bulk, past SQLAlchemy's per-row parameter processing (a third of the
    SQLite store's time): COPY in one command on psycopg (~1.5x faster than a pipelined
    executemany), the driver's own executemany on SQLite, else a plain executemany."""
    values = itemgetter(*names)
    columns = ", ".join(f'"{name}"' for name in names)
    dialect = connection.dialect
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(values(row))
    elif dialect.name == "sqlite":
        marks = ", ".join("?" for _ in names)
        connection.exec_driver_sql(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", [values(row) for row in rows]
        )
    else:
        marks = ", ".join(f":{name}" for name in names)
        connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), rows)


def sentence_row(review_pk: int, sentence: Sentence) -> dict[str, Any]:
    return {
        "review_pk": review_pk,
        "position": sentence.position,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "subjectivity": sentence.subjectivity,
        "polarity": sentence.polarity,
        "polarity_score": sentence.polarity_score,
        "aspects": " ".join(sentence.aspects),
        "clauses": json.dumps(
            [
                [
                    c.start,
                    c.end,
                    c.polarity,
                    round(c.score, 4),
                    list(c.aspects),
                    c.text_start,
                    c.text_end,
                ]
                for c in sentence.clauses
            ]
        ),
    }


def sentence_from(row: Any) -> Sentence:
    clauses = tuple(
        Clause(int(a), int(b), str(pol), float(score), tuple(aspects), int(ta), int(tb))
        for a, b, pol, score, aspects, ta, tb in json.loads(row["clauses"])
    )
    return Sentence(
        position=row["position"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        subjectivity=row["subjectivity"],
        polarity=row["polarity"],
        polarity_score=row["polarity_score"],
        aspects=tuple(row["aspects"].split()),
        clauses=clauses,
    )
