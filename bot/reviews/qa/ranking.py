"""Films ranked by how their reviews read: "which film has the best reviews?"."""

from __future__ import annotations

import math

from bot.reviews.qa.units import sentence_unit
from bot.reviews.qa.verdict import StanceReader
from bot.reviews.store.base import FilmVerdicts, ReviewStore
from bot.reviews.types import Point

# z for a 90 % two-sided interval: a film's share of good reviews is ranked by how high it
# surely is, so one glowing review does not outrank six good ones of seven.
_Z = 1.645


def share(tally: FilmVerdicts, polarity: str) -> float:
    """The film's share of reviews of that polarity, a mixed review counting half."""
    total = tally.positive + tally.negative + tally.mixed
    wanted = tally.positive if polarity == "positive" else tally.negative
    return (wanted + 0.5 * tally.mixed) / total if total else 0.0


def lower_bound(tally: FilmVerdicts, polarity: str) -> float:
    """Wilson score interval's lower end for that share."""
    n = tally.positive + tally.negative + tally.mixed
    if n == 0:
        return 0.0
    p = share(tally, polarity)
    z2 = _Z * _Z
    centre = p + z2 / (2 * n)
    spread = _Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def rank_films(tallies: list[FilmVerdicts], polarity: str) -> list[FilmVerdicts]:
    """Best (or, for "negative", worst) reviewed first; ties by more reviews, then title. Films
    with no review of that polarity are left out."""
    return sorted(
        (t for t in tallies if share(t, polarity) > 0),
        key=lambda t: (-lower_bound(t, polarity), -t.film.review_count, t.film.title.casefold()),
    )


def _label(tally: FilmVerdicts) -> str:
    film = tally.film
    return f"{film.title} ({film.year})" if film.year else film.title


def _count(tally: FilmVerdicts, polarity: str, *, first: bool) -> str:
    wanted = tally.positive if polarity == "positive" else tally.negative
    total = tally.film.review_count
    text = f"{wanted} of {total}"
    if first:
        text += f" review{'s' if total > 1 else ''} {polarity}"
    return text + (f", {tally.mixed} mixed" if tally.mixed else "")


def ranking_text(ranked: list[FilmVerdicts], polarity: str, films: int) -> str:
    """`ranked` best first; `films` is how many films are indexed in all."""
    if films == 1:
        only = ranked[0]
        return f"Only one film is indexed: {_label(only)}, {_count(only, polarity, first=True)}."
    listed = "; ".join(
        f"{_label(t)}, {_count(t, polarity, first=i == 0)}" for i, t in enumerate(ranked)
    )
    best = "Best" if polarity == "positive" else "Worst"
    text = f"{best} reviewed: {listed}."
    if len(ranked) == 1:
        return text + f" It is the only one of the {films} films with a {polarity} review."
    return text + f" Ranked by the share of {polarity} reviews, allowing for how many there are."


def evidence(
    store: ReviewStore, stances: StanceReader, ranked: list[FilmVerdicts], polarity: str
) -> list[Point]:
    """Per film, the verdict quote of the review most convinced of that polarity."""
    points = []
    for tally in ranked:
        review_id = store.most_convinced(tally.film, polarity)
        review = store.review(review_id) if review_id else None
        if review is None:
            continue
        sentences = store.sentences([review.review_id])[review.review_id]
        quote = stances.stance(review, sentences).evidence
        if quote is not None:
            points.append(sentence_unit(review, quote).point())
    return points
