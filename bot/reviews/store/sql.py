"""ReviewStore on SQLAlchemy: the embedded SQLite default and PostgreSQL share this code."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, func, select, text

from bot.reviews.store import search as fts
from bot.reviews.store.base import PreparedReview, SearchHit
from bot.reviews.store.chat import ChatRecords
from bot.reviews.store.engine import upgrade_schema
from bot.reviews.store.labels import opinion_rows
from bot.reviews.store.relabel import SentenceLabelRecords
from bot.reviews.store.rows import (
    insert_film_arrays,
    insert_opinions,
    insert_review_arrays,
    insert_sentences,
    sentence_from,
    sentence_row,
)
from bot.reviews.store.schema import (
    ChannelFilmRow,
    FilmRow,
    ReviewRow,
    SentenceRow,
    film_key,
)
from bot.reviews.store.verdicts import FilmVerdictRecords
from bot.reviews.types import Film, Review, ReviewSummary, Sentence

T = TypeVar("T")

# Rows per multi-row INSERT or IN list: well under SQLite's 32,766 bound variables.
_ROWS_PER_STATEMENT = 500

films = FilmRow.__table__
reviews_t = ReviewRow.__table__
sentences_t = SentenceRow.__table__


class SqlReviewStore(ChatRecords, FilmVerdictRecords, SentenceLabelRecords):
    def __init__(self, engine: Engine, *, migrate: bool = True) -> None:
        super().__init__(engine)
        # Film keys to row ids. Films are never deleted, so an id once committed stays right.
        self._film_cache: dict[str, int] = {}
        self._sentences_written = 0
        self._next_analyze = 2_000
        if migrate:
            upgrade_schema(engine)

    # -- reviews -------------------------------------------------------------------------------

    def add_reviews(self, reviews: Sequence[PreparedReview]) -> list[bool]:
        if not reviews:
            return []
        new_films: dict[str, int] = {}
        with self._begin() as connection:
            film_ids = self._film_ids(connection, [(r.film, r.year) for r in reviews], new_films)
            inserted = self._insert_reviews(connection, reviews, film_ids)
            sentence_rows: list[dict[str, Any]] = []
            opinion_rows_: list[dict[str, Any]] = []
            taken: set[str] = set()
            for r in reviews:
                # The first copy of an id is the stored one (a stable sort kept it first).
                if r.review_id in inserted and r.review_id not in taken:
                    taken.add(r.review_id)
                    review_pk = inserted[r.review_id]
                    for s in r.sentences:
                        sentence_rows.append(sentence_row(review_pk, s))
                        opinion_rows_.extend(opinion_rows(review_pk, s))
            if sentence_rows:
                insert_sentences(connection, sentence_rows)
                fts.index_sentences(connection, sorted(inserted.values()))
            if opinion_rows_:
                insert_opinions(connection, opinion_rows_)
        # Only after the commit: a rolled-back film row must never be cached.
        self._film_cache.update(new_films)
        self._analyze_as_it_grows(len(sentence_rows))
        stored: list[bool] = []
        for review in reviews:
            # A review id twice in one batch is stored once; the second copy is a duplicate.
            stored.append(inserted.pop(review.review_id, None) is not None)
        return stored

    def _analyze_as_it_grows(self, sentences_added: int) -> None:
        """Refresh PostgreSQL's planner statistics each time this store doubles what it wrote.

        A bulk load into empty tables otherwise leaves the planner guessing (autovacuum may lag
        or be off): film-scoped answers took 34 ms p50 at 50,000 reviews before ANALYZE, 9 after.
        """
        if self.engine.dialect.name != "postgresql" or not sentences_added:
            return
        self._sentences_written += sentences_added
        if self._sentences_written < self._next_analyze:
            return
        self._next_analyze = 2 * self._sentences_written
        with self._begin() as connection:
            connection.execute(text("ANALYZE films, reviews, sentences, opinions"))

    def _insert_reviews(
        self,
        connection: Connection,
        reviews: Sequence[PreparedReview],
        film_ids: dict[str, int],
    ) -> dict[str, int]:
        """Insert the reviews not stored yet; their review ids mapped to their row ids."""
        rows = [
            {
                "review_id": r.review_id,
                "content_hash": r.content_hash,
                "film_id": film_ids[film_key(r.film, r.year)],
                "critic": r.critic,
                "source": r.source,
                "rating": r.rating,
                "published": r.published,
                "url": r.url,
                "text": r.text,
                "sentence_count": len(r.sentences),
                "verdict": r.verdict,
                "liked": r.liked,
            }
            for r in reviews
        ]
        # Sorted, so two writers loading overlapping files take row locks in the same order
        # (PostgreSQL) and wait for each other rather than deadlock.
        rows.sort(key=lambda row: str(row["review_id"]))
        # ON CONFLICT DO NOTHING on the unique id and content hash: two writers racing on the
        # same review end with one row, and the loser learns it was a duplicate.
        inserted: dict[str, int] = {}
        if self.engine.dialect.name == "postgresql":
            for chunk in _chunked(rows, _ROWS_PER_STATEMENT):
                inserted.update(insert_review_arrays(connection, chunk))
            return inserted
        # Executed with the rows as parameters, SQLAlchemy compiles the statement once (cached)
        # and writes them into multi-row VALUES pages itself ("insertmanyvalues"); compiling
        # .values(rows) anew for every batch cost more client time than the insert itself.
        statement = (
            self._insert(reviews_t)
            .on_conflict_do_nothing()
            .returning(reviews_t.c.review_id, reviews_t.c.id)
        )
        for chunk in _chunked(rows, _ROWS_PER_STATEMENT):
            result = connection.execute(statement, list(chunk))
            inserted.update((str(row[0]), int(row[1])) for row in result)
        return inserted

    def _film_ids(
        self,
        connection: Connection,
        films_wanted: Sequence[tuple[str, int | None]],
        new_films: dict[str, int],
    ) -> dict[str, int]:
        """Row ids of these films, creating the missing ones; one round trip for a batch."""
        wanted: dict[str, tuple[str, int | None]] = {}
        for title, year in films_wanted:
            # As typed the first time the film was seen.
            wanted.setdefault(film_key(title, year), (title, year))
        ids = {key: self._film_cache[key] for key in wanted if key in self._film_cache}
        missing = sorted(key for key in wanted if key not in ids)
        for chunk in _chunked(missing, _ROWS_PER_STATEMENT):
            rows = [{"key": k, "title": wanted[k][0], "year": wanted[k][1]} for k in chunk]
            if self.engine.dialect.name == "postgresql":
                insert_film_arrays(connection, rows)
            else:
                # Rows as parameters: one cached compilation, as for the reviews.
                connection.execute(self._insert(films).on_conflict_do_nothing(), rows)
            found = connection.execute(
                select(films.c.key, films.c.id).where(films.c.key.in_(chunk))
            )
            for key, film_id in found:
                ids[key] = int(film_id)
                new_films[key] = int(film_id)
        return ids

    def _film_id(self, connection: Connection, title: str, year: int | None) -> int:
        return self._film_ids(connection, [(title, year)], {})[film_key(title, year)]

    def has_review(self, review_id: str, content_hash: str) -> bool:
        return bool(self.known_reviews([(review_id, content_hash)]))

    def known_reviews(self, keys: Sequence[tuple[str, str]]) -> set[str]:
        """Which of these (review id, content hash) pairs are stored, by either; their ids."""

        def work(connection: Connection) -> set[str]:
            known: set[str] = set()
            for chunk in _chunked(list(keys), _ROWS_PER_STATEMENT):
                query = select(reviews_t.c.review_id, reviews_t.c.content_hash).where(
                    reviews_t.c.review_id.in_([review_id for review_id, _ in chunk])
                    | reviews_t.c.content_hash.in_([digest for _, digest in chunk])
                )
                rows = connection.execute(query).all()
                stored_ids = {row[0] for row in rows}
                stored_hashes = {row[1] for row in rows}
                known.update(
                    review_id
                    for review_id, digest in chunk
                    if review_id in stored_ids or digest in stored_hashes
                )
            return known

        return self._read(work) if keys else set()

    def is_empty(self) -> bool:
        return self._read_one(lambda c: c.execute(select(reviews_t.c.id).limit(1)).first() is None)

    def films(self) -> list[Film]:
        query = (
            select(films.c.title, films.c.year, func.count(reviews_t.c.id))
            .join(reviews_t, reviews_t.c.film_id == films.c.id)
            .group_by(films.c.id, films.c.title, films.c.year)
            .order_by(films.c.title, films.c.year)
        )
        return self._read_one(
            lambda c: [Film(row[0], row[1], int(row[2])) for row in c.execute(query)]
        )

    def reviews(self, film: str | None = None) -> list[ReviewSummary]:
        query = (
            select(
                reviews_t.c.review_id,
                films.c.title,
                films.c.year,
                reviews_t.c.critic,
                reviews_t.c.source,
                reviews_t.c.sentence_count,
            )
            .join(films, films.c.id == reviews_t.c.film_id)
            .order_by(films.c.title, reviews_t.c.id)
        )
        if film is not None:
            query = query.where(func.lower(films.c.title) == film.casefold())
        return self._read_one(lambda c: [ReviewSummary(*row) for row in c.execute(query)])

    def _review_query(self) -> Any:
        return select(
            reviews_t.c.review_id,
            films.c.title,
            films.c.year,
            reviews_t.c.critic,
            reviews_t.c.source,
            reviews_t.c.rating,
            reviews_t.c.published,
            reviews_t.c.url,
            reviews_t.c.text,
            reviews_t.c.sentence_count,
        ).join(films, films.c.id == reviews_t.c.film_id)

    def review(self, review_id: str) -> Review | None:
        query = self._review_query().where(reviews_t.c.review_id == review_id)
        return self._read_one(lambda c: _maybe_review(c.execute(query).first()))

    def reviews_by_id(self, review_ids: Sequence[str]) -> list[Review]:
        if not review_ids:
            return []
        query = self._review_query().where(reviews_t.c.review_id.in_(list(review_ids)))
        found = {
            r.review_id: r
            for r in self._read_one(lambda c: [Review(*row) for row in c.execute(query)])
        }
        return [found[i] for i in review_ids if i in found]

    def reviews_of_film(self, title: str, year: int | None) -> list[Review]:
        query = (
            self._review_query()
            .where(films.c.key == film_key(title, year))
            .order_by(reviews_t.c.id)
        )
        return self._read_one(lambda c: [Review(*row) for row in c.execute(query)])

    def sentences(self, review_ids: Sequence[str]) -> dict[str, list[Sentence]]:
        if not review_ids:
            return {}
        query = (
            select(reviews_t.c.review_id, sentences_t)
            .join(reviews_t, reviews_t.c.id == sentences_t.c.review_pk)
            .where(reviews_t.c.review_id.in_(list(review_ids)))
            .order_by(sentences_t.c.review_pk, sentences_t.c.position)
        )
        result: dict[str, list[Sentence]] = {review_id: [] for review_id in review_ids}
        rows = self._read_one(lambda c: c.execute(query).mappings().all())
        for row in rows:
            result[row["review_id"]].append(sentence_from(row))
        return result

    def search(
        self, words: Sequence[str], *, review_ids: Sequence[str] | None = None, limit: int = 50
    ) -> list[SearchHit]:
        return self._read(lambda c: fts.search(c, words, review_ids=review_ids, limit=limit))

    def opinion_reviews(self, aspect: str, polarity: str, *, limit: int) -> list[str]:
        """Reviews judging this aspect with this polarity or a mixed one, best first.

        Each review counts once, by its heaviest such clause (store/labels.py: the clause's
        strength shared among the aspects it judges); ties by review id. Reads the heaviest rows
        of each polarity from the index (one range each), more when those hold too few reviews.
        """
        if limit <= 0:
            return []
        polarities = list(dict.fromkeys([polarity, "mixed"]))
        branches = " UNION ALL ".join(
            f"SELECT * FROM (SELECT review_pk, polarity, weight FROM opinions "
            f"WHERE aspect = :aspect AND polarity = :p{i} ORDER BY weight DESC LIMIT :n) AS b{i}"
            for i in range(len(polarities))
        )
        query = text(
            "SELECT reviews.review_id, best.polarity, best.weight "
            f"FROM ({branches}) AS best JOIN reviews ON reviews.id = best.review_pk"
        )
        params: dict[str, Any] = {"aspect": aspect}
        params.update({f"p{i}": p for i, p in enumerate(polarities)})
        rows_wanted = 4 * limit
        while True:
            params["n"] = rows_wanted
            rows = self._read_one(lambda c: c.execute(query, params).all())
            # A polarity cut off at n rows may hide rows lighter than its last: only rows at least
            # that heavy are surely in order.
            cut = [
                min(weights)
                for p in polarities
                if len(weights := [float(row[2]) for row in rows if row[1] == p]) >= rows_wanted
            ]
            cutoff = max(cut, default=0.0)
            exact = [row for row in rows if float(row[2]) >= cutoff]
            exact.sort(key=lambda row: (-float(row[2]), str(row[0])))
            found = list(dict.fromkeys(str(row[0]) for row in exact))
            if len(found) >= limit or not cut:
                return found[:limit]
            rows_wanted *= 4

    # -- channel defaults ----------------------------------------------------------------

    def set_channel_film(
        self, platform: str, channel_id: str, title: str, year: int | None
    ) -> None:
        table = ChannelFilmRow.__table__
        with self._begin() as connection:
            film_id = self._film_id(connection, title, year)
            statement = self._insert(table).values(
                platform=platform, channel_id=channel_id, film_id=film_id
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["platform", "channel_id"], set_={"film_id": film_id}
                )
            )

    def channel_film(self, platform: str, channel_id: str) -> Film | None:
        table = ChannelFilmRow.__table__
        query = (
            select(films.c.title, films.c.year)
            .join(table, table.c.film_id == films.c.id)
            .where(table.c.platform == platform, table.c.channel_id == channel_id)
        )
        row = self._read_one(lambda c: c.execute(query).first())
        return None if row is None else Film(row[0], row[1], 0)


def _chunked(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _maybe_review(row: Any) -> Review | None:
    return None if row is None else Review(*row)
