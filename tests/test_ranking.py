"""Films ranked by their reviews' verdicts, stored per review at ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.qa.intents import parse_question
from bot.reviews.service import ReviewService
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Question

DEVSET = Path(__file__).parent.parent / "benchmarks" / "devset" / "reviews"

LIKED = [
    "A wonderful, moving film with superb performances. I loved every minute of it.",
    "Beautifully shot and brilliantly acted, it is one of the best films of the year.",
    "Funny, warm and clever; the cast is terrific and the script sparkles. Highly recommended.",
]
PANNED = [
    "A dull, lifeless mess. The acting is wooden and the plot makes no sense. Avoid it.",
    "Boring from start to finish, badly written and terribly acted. A waste of two hours.",
]


@pytest.fixture
def films(service: ReviewService, tmp_path: Path) -> ReviewService:
    rows = (
        [("Alpha", text) for text in LIKED]
        + [("Beta", LIKED[0].replace("moving", "touching")), ("Beta", PANNED[0])]
        + [("Beta", PANNED[1])]
        + [("Gamma", PANNED[0].replace("dull", "tedious"))]
    )
    path = tmp_path / "films.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": f"r{i}", "film": film, "text": text})
            for i, (film, text) in enumerate(rows)
        )
    )
    report = service.ingest_paths_sync([path])
    assert len(report.added) == len(rows)
    return service


def test_best_reviewed_films_come_first_with_their_counts(films: ReviewService) -> None:
    answer = films.ask_sync(Question("which film has the best reviews?"))
    assert answer.intent == "ranking" and not answer.abstained
    assert answer.answer.startswith("Best reviewed: Alpha, 3 of 3 reviews positive; Beta, 1 of 3")
    assert "Gamma" not in answer.answer  # no positive review at all
    # Each ranked film is backed by a quote from one of its positive reviews.
    assert [p.film for p in answer.points] == ["Alpha", "Beta"]
    assert all(p.polarity == "positive" for p in answer.points)


def test_worst_reviewed_films_rank_by_negative_share(films: ReviewService) -> None:
    answer = films.ask_sync(Question("what's the worst-rated movie?"))
    assert answer.intent == "ranking"
    assert answer.answer.startswith("Worst reviewed: Gamma, 1 of 1 review negative; Beta, 2 of 3")
    assert "Alpha" not in answer.answer
    assert {p.film for p in answer.points} == {"Gamma", "Beta"}


def test_stored_verdicts_match_the_verdict_answers(
    service: ReviewService, store: SqlReviewStore
) -> None:
    service.ingest_paths_sync(sorted(DEVSET.glob("*.txt")))
    stored = {
        t.film.title: "positive" if t.positive else "negative" if t.negative else "mixed"
        for t in store.film_verdicts()
    }
    assert len(stored) == 12 and set(stored.values()) >= {"positive", "negative"}
    for summary in store.reviews():
        answer = service.ask_sync(Question("did they like it?", review_id=summary.review_id))
        assert answer.verdict == stored[summary.film], summary.review_id


@pytest.fixture(scope="module")
def vocabulary() -> AspectVocabulary:
    return AspectVocabulary.load()


@pytest.mark.parametrize(
    ("question", "polarity"),
    [
        ("which film has the best reviews?", "positive"),
        ("best reviewed movie?", "positive"),
        ("which movies did critics like?", "positive"),
        ("which films are worth seeing?", "positive"),
        ("top rated films", "positive"),
        ("which film has the worst reviews?", "negative"),
        ("lowest rated movie?", "negative"),
        ("which films did the critics hate?", "negative"),
        ("which movies didn't they like?", "negative"),
    ],
)
def test_ranking_questions(vocabulary: AspectVocabulary, question: str, polarity: str) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert (parsed.intent, parsed.polarity) == ("ranking", polarity)


@pytest.mark.parametrize(
    "question",
    [
        "which reviews praise the music?",
        "which film has the best music?",
        "what did critics dislike?",
        "did they like it?",
    ],
)
def test_not_ranking_questions(vocabulary: AspectVocabulary, question: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent != "ranking"


def test_the_one_film_panned_is_not_called_the_only_film(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "two.jsonl"
    rows = [("Alpha", LIKED[0]), ("Alpha", LIKED[1]), ("Gamma", PANNED[0])]
    path.write_text(
        "\n".join(
            json.dumps({"id": f"t{i}", "film": film, "text": text})
            for i, (film, text) in enumerate(rows)
        )
    )
    service.ingest_paths_sync([path])
    answer = service.ask_sync(Question("which film has the worst reviews?"))
    assert answer.answer == (
        "Worst reviewed: Gamma, 1 of 1 review negative. "
        "It is the only one of the 2 films with a negative review."
    )


def test_rescoring_rereads_stale_verdicts(films: ReviewService, store: SqlReviewStore) -> None:
    # As if Gamma's pan had been stored by an older stance model that misread it.
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE reviews SET verdict = 'positive' WHERE review_id = 'r6'"))
    assert "Gamma" in films.ask_sync(Question("which film has the best reviews?")).answer
    assert films.rescore_verdicts_sync() == (7, 1)
    assert "Gamma" not in films.ask_sync(Question("which film has the best reviews?")).answer
    assert films.rescore_verdicts_sync() == (7, 0)
