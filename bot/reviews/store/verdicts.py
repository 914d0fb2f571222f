"""Each stored review's verdict and P(liked), (re)computed from its stored sentences.

Ingest sets both; migration 0006 backfilled reviews stored before it, and `reviewbot rescore`
runs the same pass after the stance model is retrained, so films are ranked as verdict
questions now read their reviews.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, text

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.qa.verdict import review_verdict
from bot.reviews.store.rows import sentence_from
from bot.reviews.types import Sentence

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
