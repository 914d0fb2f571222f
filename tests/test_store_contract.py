"""The ReviewStore contract, run on every backend: embedded SQLite and PostgreSQL.

PostgreSQL runs when REVIEWBOT_TEST_POSTGRES_URL names a server (CI sets it); each test session
gets its own schema, dropped at the end, and each test starts from empty tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, text

from bot.reviews.store.base import PreparedReview
from bot.reviews.store.engine import make_engine
from bot.reviews.store.schema import OpinionRow, QuestionLogRow, ReviewRow
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.text import prepare
from bot.reviews.types import Clause, Film, Sentence
from tests import postgres

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
CORPUS_DIRS = [
    Path(__file__).resolve().parent.parent / "benchmarks" / "devset" / "reviews",
    Path(__file__).resolve().parent / "fixtures" / "reviews",
    Path(__file__).resolve().parent.parent / "seeds",
]


@pytest.fixture(scope="session")
def postgres_schema_url() -> Iterator[str]:
    url = postgres.base_url()
    with postgres.temporary_schema(url) as schema:
        yield postgres.schema_url(url, schema)


def open_store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> SqlReviewStore:
    if backend == "sqlite":
        return SqlReviewStore(make_engine(f"sqlite:///{tmp_path / f'{backend}.sqlite3'}"))
    url = request.getfixturevalue("postgres_schema_url")
    postgres.empty_schema(url)
    return SqlReviewStore(make_engine(url))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlReviewStore]:
    store = open_store(request.param, tmp_path, request)
    yield store
    store.close()


# -- building reviews without the tagger ---------------------------------------------------------


def sentence(position: int, text: str, **labels: object) -> Sentence:
    return Sentence(position=position, start=0, end=len(text), text=text, **labels)  # type: ignore[arg-type]


def review(
    review_id: str,
    text: str,
    *,
    film: str = "Heat",
    year: int | None = 1995,
    sentences: tuple[Sentence, ...] | None = None,
) -> PreparedReview:
    if sentences is None:
        sentences = tuple(
            Sentence(position=i, start=s.start, end=s.end, text=s.text)
            for i, s in enumerate(prepare(text), start=1)
        )
    return PreparedReview(
        review_id=review_id,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        film=film,
        year=year,
        critic="A. Critic",
        source="Daily Planet",
        rating="3/5",
        published="1995-12-15",
        url="https://example.org/heat",
        text=text,
        sentences=sentences,
    )


HEAT = "The heist is staged with real menace. The score hums under every scene."
DUNE = "The desert looks vast and the sound design rumbles. The pacing drags in the middle."


# -- adding, skipping, duplicates ----------------------------------------------------------------


def test_add_then_the_same_review_again_is_a_duplicate(store: SqlReviewStore) -> None:
    assert store.is_empty()
    assert store.add_reviews([review("h1", HEAT), review("d1", DUNE, film="Dune")]) == [
        True,
        True,
    ]
    assert store.add_reviews([review("h1", HEAT)]) == [False]
    # Same text under another id is the same review (content hash).
    assert store.add_reviews([review("h2", HEAT)]) == [False]
    # The same id twice in one batch is stored once.
    assert store.add_reviews([review("x", "Once."), review("x", "Once.")]) == [True, False]
    # So is the same text under two ids in one batch: the first id (sorted) keeps it.
    assert store.add_reviews([review("y2", "Twice."), review("y1", "Twice.")]) == [False, True]
    assert not store.is_empty()
    assert sorted(r.review_id for r in store.reviews()) == ["d1", "h1", "x", "y1"]


def test_reviews_without_metadata_round_trip(store: SqlReviewStore) -> None:
    from dataclasses import replace

    bare = replace(review("b1", HEAT), year=None, critic=None, source=None, rating=None, url=None)
    assert store.add_reviews([bare, review("d1", DUNE, film="Dune")]) == [True, True]
    stored = store.review("b1")
    assert stored is not None
    assert (stored.year, stored.critic, stored.source, stored.rating, stored.url) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert stored.published == "1995-12-15" and stored.text == HEAT


def test_known_reviews_by_id_or_hash(store: SqlReviewStore) -> None:
    stored = review("h1", HEAT)
    store.add_reviews([stored])
    assert store.has_review("h1", "nope")
    assert store.has_review("other", stored.content_hash)
    assert not store.has_review("other", "nope")
    keys = [("h1", "a"), ("b", stored.content_hash), ("c", "c")]
    assert store.known_reviews(keys) == {"h1", "b"}
    assert store.known_reviews([]) == set()


def test_films_reviews_and_review_round_trip(store: SqlReviewStore) -> None:
    store.add_reviews(
        [
            review("h1", HEAT),
            review("h2", "A second look at the heist.", film="heat "),
            review("d1", DUNE, film="Dune", year=None),
        ]
    )
    # One film however its title was typed (case, spaces).
    assert store.films() == [Film("Dune", None, 1), Film("Heat", 1995, 2)]
    assert [r.review_id for r in store.reviews("heat")] == ["h1", "h2"]
    got = store.review("h1")
    assert got is not None
    assert (got.film, got.year, got.critic, got.source, got.rating) == (
        "Heat",
        1995,
        "A. Critic",
        "Daily Planet",
        "3/5",
    )
    assert (got.published, got.url, got.text, got.sentence_count) == (
        "1995-12-15",
        "https://example.org/heat",
        HEAT,
        2,
    )
    assert store.review("missing") is None
    assert [r.review_id for r in store.reviews_of_film("HEAT", 1995)] == ["h1", "h2"]
    assert store.reviews_of_film("Heat", 2020) == []


def test_verdicts_are_counted_per_film_and_the_most_convinced_review_found(
    store: SqlReviewStore,
) -> None:
    def judged(
        review_id: str, text: str, verdict: str | None, liked: float | None, **kw: Any
    ) -> PreparedReview:
        return replace(review(review_id, text, **kw), verdict=verdict, liked=liked)

    store.add_reviews(
        [
            judged("h1", HEAT, "positive", 0.8),
            judged("h2", "A second look.", "positive", 0.95, film="heat"),
            judged("h3", "A third look.", "negative", 0.1),
            judged("d1", DUNE, "mixed", 0.5, film="Dune", year=None),
            judged("d2", "Old, unlabelled.", None, None, film="Dune", year=None),
        ]
    )
    tallies = {t.film.title: t for t in store.film_verdicts()}
    assert (tallies["Heat"].positive, tallies["Heat"].negative, tallies["Heat"].mixed) == (2, 1, 0)
    # A review stored without a verdict is not counted.
    assert tallies["Dune"].film.review_count == 1 and tallies["Dune"].mixed == 1
    heat = tallies["Heat"].film
    assert store.most_convinced(heat, "positive") == "h2"
    assert store.most_convinced(heat, "negative") == "h3"
    assert store.most_convinced(tallies["Dune"].film, "positive") is None


def test_reviews_by_id_keep_the_order_asked_for(store: SqlReviewStore) -> None:
    store.add_reviews([review("h1", HEAT), review("d1", DUNE, film="Dune")])
    found = store.reviews_by_id(["d1", "missing", "h1"])
    assert [(r.review_id, r.film) for r in found] == [("d1", "Dune"), ("h1", "Heat")]
    assert store.reviews_by_id([]) == []


def test_sentences_round_trip_with_labels_and_clauses(store: SqlReviewStore) -> None:
    labelled = (
        sentence(
            1,
            "The heist is staged with real menace, but the romance drags.",
            subjectivity=0.8,
            polarity="mixed",
            polarity_score=-0.25,
            aspects=("story", "pacing"),
            clauses=(
                Clause(0, 37, "positive", 0.75, ("story",), 0, 37),
                Clause(39, 61, "negative", -0.5, ("pacing",), 39, 61),
            ),
        ),
        sentence(2, "Ends at dawn.", polarity="neutral"),
    )
    store.add_reviews([review("h1", HEAT, sentences=labelled), review("d1", DUNE, film="Dune")])
    got = store.sentences(["h1", "missing"])
    assert got["h1"] == list(labelled)
    assert got["missing"] == []
    assert store.sentences([]) == {}


# -- search --------------------------------------------------------------------------------------

HOSTILE = ['"', "*", "NEAR(", "-", "'", ";", "score' OR 1=1 --", "score; DROP TABLE reviews;"]
HOSTILE += ["score) OR (menace", "^score", "{score}", "score:menace", "AND", "OR NOT", "\\", "%_"]


def test_search_finds_words_best_first(store: SqlReviewStore) -> None:
    store.add_reviews([review("h1", HEAT), review("d1", DUNE, film="Dune")])
    hits = store.search(["score", "menace"])
    assert [(h.review_id, h.position) for h in hits] == [("h1", 2), ("h1", 1)] or [
        (h.review_id, h.position) for h in hits
    ] == [("h1", 1), ("h1", 2)]
    assert hits[0].score >= hits[1].score > 0
    # Stemming: "rumble" finds "rumbles" on both backends.
    assert [(h.review_id, h.position) for h in store.search(["rumble"])] == [("d1", 1)]
    assert store.search([]) == []
    assert store.search(["zzzunknown"]) == []


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_input_is_only_words(store: SqlReviewStore, query: str) -> None:
    store.add_reviews([review("h1", HEAT)])
    hits = store.search([query])
    if any(word in query.lower() for word in ("score", "menace")):
        assert hits and hits[0].review_id == "h1"
    assert len(store.reviews()) == 1


def test_search_scoped_to_reviews(store: SqlReviewStore) -> None:
    store.add_reviews([review("h1", HEAT), review("h2", "The score is loud.", film="Heat 2")])
    assert {h.review_id for h in store.search(["score"])} == {"h1", "h2"}
    assert {h.review_id for h in store.search(["score"], review_ids=["h2"])} == {"h2"}
    assert store.search(["score"], review_ids=[]) == []
    assert len(store.search(["score", "the"], limit=1)) == 1


# -- opinion labels ------------------------------------------------------------------------------


def opinion(position: int, subjectivity: float, *clauses: Clause, **labels: object) -> Sentence:
    text = "x" * max((c.text_end for c in clauses), default=10)
    return sentence(position, text, subjectivity=subjectivity, clauses=clauses, **labels)  # type: ignore[arg-type]


def test_opinion_reviews_by_aspect_and_polarity_strongest_first(store: SqlReviewStore) -> None:
    judged = {
        # A mixed sentence: each clause judges its own aspect.
        "r1": (
            opinion(
                1,
                0.8,
                Clause(0, 37, "positive", 0.75, ("story",), 0, 37),
                Clause(39, 61, "negative", -0.5, ("pacing",), 39, 61),
                polarity="mixed",
                aspects=("story", "pacing"),
            ),
        ),
        # A clause without aspects has its sentence's; twice praised, one review.
        "r2": (
            opinion(1, 0.9, Clause(0, 9, "positive", 0.9, (), 0, 9), aspects=("story",)),
            opinion(2, 0.9, Clause(0, 9, "positive", 0.8, ("story",), 0, 9)),
        ),
        # Below the opinion threshold: plot, not praise.
        "r3": (opinion(1, 0.4, Clause(0, 9, "positive", 0.95, ("story",), 0, 9)),),
        # A neutral clause and an empty one judge nothing.
        "r4": (
            opinion(
                1,
                0.9,
                Clause(0, 9, "neutral", 0.99, ("story",), 0, 9),
                Clause(9, 9, "positive", 0.99, ("story",), 9, 9),
            ),
        ),
        # Mixed counts for either side.
        "r5": (opinion(1, 0.7, Clause(0, 9, "mixed", -0.3, ("story",), 0, 9)),),
        # Stored without clauses: the sentence is its own clause.
        "r6": (opinion(1, 0.6, polarity="negative", polarity_score=-0.6, aspects=("pacing",)),),
    }
    store.add_reviews(
        [review(rid, f"Review {rid}.", sentences=labelled) for rid, labelled in judged.items()]
    )
    assert store.opinion_reviews("story", "positive", limit=10) == ["r2", "r1", "r5"]
    assert store.opinion_reviews("story", "positive", limit=1) == ["r2"]
    assert store.opinion_reviews("story", "negative", limit=10) == ["r5"]
    assert store.opinion_reviews("pacing", "negative", limit=10) == ["r6", "r1"]
    assert store.opinion_reviews("pacing", "positive", limit=10) == []
    assert store.opinion_reviews("music", "negative", limit=10) == []
    assert store.opinion_reviews("story", "positive", limit=0) == []


def test_opinion_reviews_look_past_one_review_s_many_strong_clauses(
    store: SqlReviewStore,
) -> None:
    loud = tuple(
        opinion(i, 0.9, Clause(0, 9, "negative", -0.9, ("music",), 0, 9)) for i in range(1, 30)
    )
    quiet = (opinion(1, 0.9, Clause(0, 9, "negative", -0.2, ("music",), 0, 9)),)
    store.add_reviews(
        [review("loud", "Loud.", sentences=loud), review("quiet", "Quiet.", sentences=quiet)]
    )
    assert store.opinion_reviews("music", "negative", limit=2) == ["loud", "quiet"]


def test_a_clause_about_one_thing_outweighs_a_list_of_everything(store: SqlReviewStore) -> None:
    listing = Clause(0, 9, "negative", -1.0, ("music", "acting", "story"), 0, 9)
    pointed = Clause(0, 9, "negative", -0.5, ("music",), 0, 9)
    store.add_reviews(
        [
            review("list", "Everything is bad.", sentences=(opinion(1, 0.9, listing),)),
            review("point", "The music is bad.", sentences=(opinion(1, 0.9, pointed),)),
        ]
    )
    assert store.opinion_reviews("music", "negative", limit=5) == ["point", "list"]
    assert store.opinion_reviews("acting", "negative", limit=5) == ["list"]


def test_opinions_go_with_their_review(store: SqlReviewStore) -> None:
    labelled = (opinion(1, 0.9, Clause(0, 9, "positive", 0.9, ("music",), 0, 9)),)
    store.add_reviews([review("h1", HEAT, sentences=labelled)])
    # A duplicate writes no second set of labels.
    assert store.add_reviews([review("h1", HEAT, sentences=labelled)]) == [False]
    with store.engine.begin() as connection:
        assert connection.execute(select(func.count()).select_from(OpinionRow)).scalar() == 1
        connection.execute(delete(ReviewRow).where(ReviewRow.review_id == "h1"))
        assert connection.execute(select(func.count()).select_from(OpinionRow)).scalar() == 0
    assert store.opinion_reviews("music", "positive", limit=5) == []


# -- chat bookkeeping ----------------------------------------------------------------------------


def test_feedback_click_twice_is_one_entry_with_the_latest_verdict(store: SqlReviewStore) -> None:
    for verdict in ("up", "down"):
        store.record_feedback(
            platform="slack",
            message_ref="C1:123.4",
            user_id="U1",
            verdict=verdict,
            question="q",
            answer="a",
        )
    store.record_feedback(
        platform="slack",
        message_ref="C1:123.4",
        user_id="U2",
        verdict="up",
        question="q",
        answer="a",
    )
    entries = store.recent_feedback()
    assert sorted((e.user_id, e.verdict) for e in entries) == [("U1", "down"), ("U2", "up")]
    assert len(store.recent_feedback(limit=1)) == 1


def test_claim_event_once_per_platform(store: SqlReviewStore) -> None:
    assert store.claim_event("slack", "Ev1")
    assert not store.claim_event("slack", "Ev1")
    assert store.claim_event("discord", "Ev1")


def test_channel_film_set_replace_and_missing(store: SqlReviewStore) -> None:
    assert store.channel_film("discord", "42") is None
    store.set_channel_film("discord", "42", "Heat", 1995)
    assert store.channel_film("discord", "42") == Film("Heat", 1995, 0)
    store.set_channel_film("discord", "42", "Dune", None)
    assert store.channel_film("discord", "42") == Film("Dune", None, 0)
    assert store.channel_film("slack", "42") is None


def test_log_question_is_stored(store: SqlReviewStore) -> None:
    store.log_question(
        platform="discord",
        question="Was the score good?",
        intent="aspect",
        film="Heat",
        abstained=False,
        latency_ms=12.5,
    )
    with store.engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(QuestionLogRow)).scalar()
    assert count == 1


# -- ranking parity between the backends -----------------------------------------------------------


def corpus() -> list[PreparedReview]:
    reviews = []
    for folder in CORPUS_DIRS:
        for path in sorted(folder.glob("*.*")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = text.split("---\n", 2)[2]
            reviews.append(review(path.stem, text, film=path.stem))
    return reviews


def top(store: SqlReviewStore, words: list[str], n: int) -> list[tuple[str, int, float]]:
    return [(h.review_id, h.position, h.score) for h in store.search(words, limit=n)]


def best_set(hits: list[tuple[str, int, float]]) -> set[tuple[str, int]]:
    """The top hit and every hit tied with it."""
    if not hits:
        return set()
    return {(r, p) for r, p, s in hits if abs(s - hits[0][2]) <= 1e-6 * max(1.0, abs(s))}


@pytest.mark.postgres
def test_postgres_writes_leave_no_pending_index_entries(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """New sentences go through the GIN pending list, which each write empties before commit."""
    pg = open_store("postgres", tmp_path, request)
    try:
        assert pg.add_reviews([review("h1", HEAT), review("d1", DUNE, film="Dune")]) == [True] * 2
        with pg.engine.begin() as connection:
            options = connection.execute(
                text("SELECT reloptions FROM pg_class WHERE oid = 'ix_sentences_tsv'::regclass")
            ).scalar_one()
            left = connection.execute(
                text("SELECT gin_clean_pending_list('ix_sentences_tsv'::regclass)")
            ).scalar_one()
        assert "fastupdate=on" in options
        assert left == 0  # pages still pending: none
        assert [h.review_id for h in pg.search(["heist"])] == ["h1"]
    finally:
        pg.close()


@pytest.mark.postgres
def test_ranking_parity_sqlite_and_postgres(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Distinctive queries: the same best sentence (within ties); vague ones: top-5 overlap."""
    lite = open_store("sqlite", tmp_path, request)
    pg = open_store("postgres", tmp_path, request)
    reviews = corpus()
    assert len(reviews) >= 10
    lite.add_reviews(reviews)
    pg.add_reviews(reviews)
    # Distinctive queries: the three longest words of every fifth sentence.
    sentences = [s for r in reviews for s in r.sentences if len(s.text.split()) >= 8][::5]
    same = 0
    for s in sentences:
        words = sorted({w.strip(".,;:!?\"'()").lower() for w in s.text.split()}, key=len)[-3:]
        a, b = top(lite, words, 10), top(pg, words, 10)
        same += bool(best_set(a) & best_set(b))
    assert same >= 0.9 * len(sentences), f"{same} of {len(sentences)} distinctive queries agree"
    vague = [["acting"], ["music", "score"], ["plot", "story"], ["boring"], ["funny"]]
    vague += [["special", "effects"], ["ending"], ["characters"], ["beautiful"], ["dialogue"]]
    overlaps = []
    for words in vague:
        a = {(r, p) for r, p, _ in top(lite, words, 5)}
        b = {(r, p) for r, p, _ in top(pg, words, 5)}
        if a or b:
            overlaps.append(len(a & b) / max(len(a), len(b)))
    mean = sum(overlaps) / len(overlaps)
    assert mean >= 0.6, f"top-5 overlap {mean:.2f}: {overlaps}"
    lite.close()
    pg.close()


@pytest.mark.postgres
def test_postgres_pruned_search_equals_ranking_every_match(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The corpus-wide search scores only candidates that can reach the top; same hits as all."""
    from bot.reviews.store import search as fts

    pg = open_store("postgres", tmp_path, request)
    pg.add_reviews(corpus())
    queries = [
        ["music", "score", "song", "soundtrack", "sings", "complain"],
        ["acting", "acted", "actor", "actors", "cast", "praise", "reviews"],
        ["special", "effects", "cgi", "fx", "mention"],
        ["dialogue", "bad", "lines", "words", "script", "writer", "say"],
        ["ending", "endings", "climax", "finale", "hated"],
        ["plot", "story", "boring", "slow", "film"],
    ]
    pruned = 0
    with pg.engine.connect() as connection:
        for words in queries:
            stats = fts._postgres_terms(connection, words)
            assert stats is not None
            for limit in (1, 2, 3, 5, 8, 20):
                got = fts.search(connection, words, review_ids=None, limit=limit)
                every = fts._postgres_run(connection, stats, {"limit": limit}, None)
                assert [(h.review_id, h.position) for h in got] == [
                    (h.review_id, h.position) for h in every
                ], (words, limit)
                assert [h.score for h in got] == pytest.approx([h.score for h in every])
                pruned += fts._first_threshold(stats, fts._CANDIDATES_PER_HIT * limit) > 0
    assert pruned, "no query was pruned: the test corpus is too small to exercise it"
    pg.close()


def test_cover_holds_every_term_set_that_can_reach_the_threshold() -> None:
    """Pure logic: a set of terms is in the cover exactly when its bound reaches the threshold."""
    import itertools
    import random

    from bot.reviews.store import search as fts

    rng = random.Random(3)
    for _ in range(200):
        weights = sorted((rng.uniform(0.5, 12) for _ in range(rng.randint(1, 7))), reverse=True)
        terms = [fts._Term(f"w{i}", w, 0.01) for i, w in enumerate(weights)]
        threshold = rng.uniform(0, sum(weights) * fts.MAX_LENGTH_FACTOR * 1.1)
        cover = fts._cover(terms, threshold)
        assert cover is not None

        def matches(held: set[int], branches: fts._Cover) -> bool:
            return any(i in held and (sub is None or matches(held, sub)) for i, sub in branches)

        for size in range(len(terms) + 1):
            for held in itertools.combinations(range(len(terms)), size):
                bound = sum(weights[i] for i in held) * fts.MAX_LENGTH_FACTOR
                if bound >= threshold:
                    assert matches(set(held), cover), (weights, threshold, held)
                elif bound < threshold * (1 - 1e-6):
                    assert not matches(set(held), cover), (weights, threshold, held)
