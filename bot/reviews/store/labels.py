"""Opinion labels as rows: one per (judging clause, aspect), for finding reviews by judgement.

Written at ingest with the sentences and backfilled by migration 0004; read by
`SqlReviewStore.opinion_reviews`. Pure functions on plain values, so the migration can use them on
the stored JSON without building Sentence objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from bot.reviews.types import Sentence

# Below this subjectivity a sentence is taken to retell the plot or state a fact, never quoted as
# an opinion (bot/reviews/qa/rank.py reads it from here). A little above an even chance:
# sentences the model can hardly tell apart ("That seems good enough and they continue their
# starry eyed romance", 0.54) are narration as often as judgement. Set on the dev set (0.55 and
# 0.6 score alike there; 0.65 loses praise). The opinions table is built with it: changing it
# needs a migration that rebuilds that table.
OPINION_THRESHOLD = 0.55
JUDGEMENTS = ("positive", "negative", "mixed")

# (polarity, score, aspects, text_start, text_end) of one clause, as stored in sentences.clauses.
ClauseLabels = tuple[str, float, Sequence[str], int, int]


def opinion_labels(
    subjectivity: float,
    polarity: str,
    score: float,
    aspects: Sequence[str],
    clauses: Sequence[ClauseLabels],
) -> Iterator[tuple[int, str, str, float, float]]:
    """(clause, aspect, polarity, strength, weight) for each judgement the answerer would quote.

    Clauses are numbered from 1; a sentence stored without clauses counts as one, numbered 0.
    A clause without aspects has its sentence's, as bot.reviews.qa.units does. Strength is the
    clause's unsigned score; weight is the strength shared among the aspects the clause judges,
    so "the music was utterly awful" outranks a list of everything wrong with a film that names
    the music too (the tagger scores such lists ~1.0: at 50,000 reviews, 13 of the 15 strongest
    complaints about the music judged 3-7 aspects at once).
    """
    if subjectivity < OPINION_THRESHOLD:
        return
    if not clauses:
        spans: Sequence[tuple[int, str, float, Sequence[str]]] = [(0, polarity, score, aspects)]
    else:
        spans = [
            (number, pol, sc, clause_aspects or aspects)
            for number, (pol, sc, clause_aspects, start, end) in enumerate(clauses, start=1)
            if end > start
        ]
    for number, pol, sc, span_aspects in spans:
        if pol not in JUDGEMENTS:
            continue
        judged = list(dict.fromkeys(span_aspects))
        strength = abs(float(sc))
        for aspect in judged:
            yield number, aspect, pol, round(strength, 4), round(strength / len(judged), 4)


def opinion_rows(review_pk: int, sentence: Sentence) -> Iterator[dict[str, Any]]:
    """Rows of the opinions table for one labelled sentence."""
    clauses = [(c.polarity, c.score, c.aspects, c.text_start, c.text_end) for c in sentence.clauses]
    for labels in opinion_labels(
        sentence.subjectivity,
        sentence.polarity,
        sentence.polarity_score,
        sentence.aspects,
        clauses,
    ):
        yield _row(review_pk, sentence.position, *labels)


def stored_opinion_rows(
    review_pk: int,
    position: int,
    subjectivity: float,
    polarity: str,
    score: float,
    aspects: str,
    clauses: Sequence[Sequence[Any]],
) -> Iterator[dict[str, Any]]:
    """Rows for a sentence as stored: space-separated aspects, decoded clauses JSON."""
    decoded = [(str(c[2]), float(c[3]), tuple(c[4]), int(c[5]), int(c[6])) for c in clauses]
    for labels in opinion_labels(subjectivity, polarity, score, tuple(aspects.split()), decoded):
        yield _row(review_pk, position, *labels)


def _row(
    review_pk: int,
    position: int,
    clause: int,
    aspect: str,
    polarity: str,
    strength: float,
    weight: float,
) -> dict[str, Any]:
    return {
        "review_pk": review_pk,
        "position": position,
        "clause": clause,
        "aspect": aspect,
        "polarity": polarity,
        "strength": strength,
        "weight": weight,
    }
