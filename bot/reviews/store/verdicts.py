"""Each stored review's verdict and P(liked): (re)computed from its stored sentences, and
counted per film for ranking.

Ingest sets both; migration 0006 backfilled reviews stored before it, and `reviewbot rescore`
runs the same pass after the stance model is retrained, so films are ranked as verdict
questions now read their reviews.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, case, func, select, text

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.qa.verdict import review_verdict
from bot.reviews.store.base import FilmVerdicts
from bot.reviews.store.database import SqlDatabase
from bot.reviews.store.rows import sentence_from
from bot.reviews.store.schema import FilmRow, ReviewRow, film_key
from bot.reviews.types import Film, Sentence

films = FilmRow.__table__
reviews_t = ReviewRow.__table__

_BATCH = 500
_REVIEWS = text(
    "SELECT id, text, rating, verdict FROM reviews WHERE id > :after ORDER BY id LIMIT :n"
)
_SENTENCES = text(
    "SELECT * FROM sentences WHERE review_pk >= :first AND review_pk <= :last "
    "ORDER BY review_pk, position"
)
_UPDATE = text("UPDATE reviews SET verdict = :verdict, liked = :liked WHERE id = :pk")


def rescore_verdicts(connection: Connection, model: StanceModel) -> tuple[int, int]:
    """Recompute every review's verdict in batches by id: (reviews scored, verdicts changed)."""
    scored = changed = 0
    after = 0
    while True:
        batch = connection.execute(_REVIEWS, {"after": after, "n": _BATCH}).all()
        if not batch:
            return scored, changed
        first, after = int(batch[0][0]), int(batch[-1][0])
        by_review: dict[int, list[Sentence]] = defaultdict(list)
        for row in connection.execute(_SENTENCES, {"first": first, "last": after}).mappings():
            by_review[int(row["review_pk"])].append(sentence_from(row))
        updates = []
        for pk, body, rating, old in batch:
            labelled = by_review.get(int(pk), [])
            liked = model.probability([s.text for s in labelled]) if labelled else None
            verdict = review_verdict(body, rating, labelled, liked)
            changed += verdict != old
            updates.append({"pk": pk, "verdict": verdict, "liked": liked})
        connection.execute(_UPDATE, updates)
        scored += len(batch)


class FilmVerdictRecords(SqlDatabase):
    """The store's part that reads and rewrites the stored verdicts."""

    def film_verdicts(self) -> list[FilmVerdicts]:
        verdict = reviews_t.c.verdict

        def counted(kind: str) -> Any:
            return func.sum(case((verdict == kind, 1), else_=0))

        query = (
            select(
                films.c.title,
                films.c.year,
                counted("positive"),
                counted("negative"),
                counted("mixed"),
            )
            .join(reviews_t, reviews_t.c.film_id == films.c.id)
            .where(verdict.is_not(None))
            .group_by(films.c.id, films.c.title, films.c.year)
            .order_by(films.c.title, films.c.year)
        )
        rows = self._read_one(lambda c: c.execute(query).all())
        return [
            FilmVerdicts(Film(title, year, int(p) + int(n) + int(m)), int(p), int(n), int(m))
            for title, year, p, n, m in rows
        ]

    def rescore_verdicts(self, model: StanceModel) -> tuple[int, int]:
        with self._begin() as connection:
            return rescore_verdicts(connection, model)

    def most_convinced(self, film: Film, verdict: str) -> str | None:
        liked = reviews_t.c.liked
        query = (
            select(reviews_t.c.review_id)
            .join(films, films.c.id == reviews_t.c.film_id)
            .where(films.c.key == film_key(film.title, film.year), reviews_t.c.verdict == verdict)
            .order_by(liked.asc() if verdict == "negative" else liked.desc(), reviews_t.c.id)
            .limit(1)
        )
        return self._read_one(lambda c: c.execute(query).scalar())
