"""Stored sentences labelled again, after the opinion models are retrained or the aspect
vocabulary (config/aspects.toml) is edited: `reviewbot relabel`.

The service re-reads each stored review's text and labels it with the current tagger; this part
writes the new labels over the old ones, rebuilds the review's rows of the opinions table and
stores its verdict. Sentences are matched by number and span: a review whose text now splits
into other sentences (the splitter changed) keeps its labels and is reported, since its
sentence numbers are what citations and the search index point at.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text

from bot.reviews.store.base import RelabelCounts, Relabelled, StoredText
from bot.reviews.store.database import SqlDatabase
from bot.reviews.store.labels import opinion_rows
from bot.reviews.store.rows import insert_opinions, sentence_row
from bot.reviews.types import Sentence

_TEXTS = text(
    "SELECT r.id, r.text, r.rating, f.title FROM reviews r JOIN films f ON f.id = r.film_id "
    "WHERE r.id > :after ORDER BY r.id LIMIT :n"
)
_STORED = text(
    'SELECT review_pk, position, start, "end", subjectivity, polarity, polarity_score, aspects, '
    "clauses FROM sentences WHERE review_pk IN :pks"
).bindparams(bindparam("pks", expanding=True))
_VERDICTS = text("SELECT id, verdict FROM reviews WHERE id IN :pks").bindparams(
    bindparam("pks", expanding=True)
)
_SET_LABELS = text(
    "UPDATE sentences SET subjectivity = :subjectivity, polarity = :polarity, "
    "polarity_score = :polarity_score, aspects = :aspects, clauses = :clauses "
    "WHERE review_pk = :review_pk AND position = :position"
)
_DROP_OPINIONS = text("DELETE FROM opinions WHERE review_pk IN :pks").bindparams(
    bindparam("pks", expanding=True)
)
_SET_VERDICT = text("UPDATE reviews SET verdict = :verdict, liked = :liked WHERE id = :pk")
_LABELS = ("subjectivity", "polarity", "polarity_score", "aspects", "clauses")


class SentenceLabelRecords(SqlDatabase):
    """The store's part that rewrites stored sentence labels."""

    def stored_texts(self, after: int, limit: int) -> list[StoredText]:
        """Up to `limit` stored reviews with row ids above `after`, in id order."""
        rows = self._read_one(lambda c: c.execute(_TEXTS, {"after": after, "n": limit}).all())
        return [StoredText(int(pk), body, rating, title) for pk, body, rating, title in rows]

    def replace_labels(self, relabelled: Sequence[Relabelled]) -> RelabelCounts:
        """Write new labels over the stored ones, in one transaction."""
        if not relabelled:
            return RelabelCounts()
        pks = [r.pk for r in relabelled]
        with self._begin() as connection:
            stored: dict[int, dict[int, dict[str, Any]]] = {}
            for found in connection.execute(_STORED, {"pks": pks}).mappings():
                at = stored.setdefault(int(found["review_pk"]), {})
                at[int(found["position"])] = dict(found)
            verdicts: dict[int, str | None] = {
                int(pk): verdict for pk, verdict in connection.execute(_VERDICTS, {"pks": pks})
            }
            updates: list[dict[str, Any]] = []
            opinions: list[dict[str, Any]] = []
            verdict_rows: list[dict[str, Any]] = []
            counts = RelabelCounts()
            for review in relabelled:
                old = stored.get(review.pk, {})
                if not _same_sentences(old, review.sentences):
                    counts += RelabelCounts(kept=1)
                    continue
                changed = 0
                for sentence in review.sentences:
                    row = sentence_row(review.pk, sentence)
                    before = old[sentence.position]
                    changed += any(_differs(before[k], row[k]) for k in _LABELS)
                    updates.append({k: row[k] for k in (*_LABELS, "review_pk", "position")})
                    opinions.extend(opinion_rows(review.pk, sentence))
                verdict_rows.append(
                    {"pk": review.pk, "verdict": review.verdict, "liked": review.liked}
                )
                counts += RelabelCounts(1, changed, int(verdicts.get(review.pk) != review.verdict))
            done = [v["pk"] for v in verdict_rows]
            if updates:
                connection.execute(_SET_LABELS, updates)
            if done:
                connection.execute(_DROP_OPINIONS, {"pks": done})
                connection.execute(_SET_VERDICT, verdict_rows)
            if opinions:
                insert_opinions(connection, opinions)
            return counts


def _same_sentences(old: dict[int, dict[str, Any]], new: Sequence[Sentence]) -> bool:
    if len(old) != len(new):
        return False
    return all(
        s.position in old and (old[s.position]["start"], old[s.position]["end"]) == (s.start, s.end)
        for s in new
    )


def _differs(before: Any, after: Any) -> bool:
    if isinstance(after, float):
        return abs(float(before) - after) > 1e-6
    if isinstance(after, str) and after.startswith("["):
        return bool(json.loads(str(before)) != json.loads(after))
    return bool(before != after)
