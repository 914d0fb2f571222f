"""Sentences and opinion labels as table rows: written in bulk at ingest, read back as Sentences.

Kept apart from the store class so the migrations that backfill these tables write rows the
same way ingest does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, text

from bot.reviews.store import search as fts
from bot.reviews.store.schema import OpinionRow, SentenceRow
from bot.reviews.types import Clause, Sentence

_SENTENCE_COLUMNS = tuple(c.name for c in SentenceRow.__table__.columns if c.name != "id")
_OPINION_COLUMNS = tuple(c.name for c in OpinionRow.__table__.columns)


def insert_sentences(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(insert(SentenceRow), rows)
        return
    # PostgreSQL: tokens (sentence length for BM25) is a column the ORM schema does not map.
    names = (*_SENTENCE_COLUMNS, "tokens")
    for row in rows:
        row["tokens"] = fts.token_count(row["text"])
    if not _copy(connection, "sentences", names, rows):
        columns = ", ".join(f'"{name}"' for name in names)
        values = ", ".join(f":{name}" for name in names)
        connection.execute(text(f"INSERT INTO sentences ({columns}) VALUES ({values})"), rows)


def insert_opinions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Write opinions rows (store/labels.py) as the sentences are: COPY on psycopg."""
    if not _copy(connection, "opinions", _OPINION_COLUMNS, rows):
        connection.execute(insert(OpinionRow), rows)


def _copy(
    connection: Connection, table: str, names: Sequence[str], rows: list[dict[str, Any]]
) -> bool:
    """COPY the rows in one command where the driver can (psycopg: ~1.5x faster than a
    pipelined executemany); False when it cannot, for the caller to insert them."""
    if connection.dialect.name != "postgresql" or connection.dialect.driver != "psycopg":
        return False
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in names))
    return True


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
