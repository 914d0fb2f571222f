"""Full-text search through each database's own engine, user words passed as plain terms.

Both backends rank with BM25 (k1 = 1.2, b = 0.75), so the same data gives the same top hits:
SQLite through FTS5's built-in bm25(); PostgreSQL by the same formula over a GIN-indexed
tsvector, with term statistics kept in sentence_terms / sentence_totals as reviews are added.
Sentence length is counted the same way on both (words, stop words included: the PostgreSQL
column sentences.tokens). Differences remain, and are why parity is "same top hits within
ties", not equal scores: PostgreSQL's English stemmer and stop words differ from FTS5's porter
tokenizer, and it scores a term by presence, not frequency (sentences are short; a word twice
in one sentence is rare).

On PostgreSQL a corpus-wide search does not score every sentence holding a word: it asks the GIN
index only for sentences whose terms could reach the top (see _postgres_top), with the same
result as ranking all of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from bot.reviews.store.base import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)
# Words as FTS5's unicode61 tokenizer counts them (an underscore separates).
_TOKEN = re.compile(r"[^\W_]+")
K1 = 1.2
B = 0.75
# PostgreSQL's English stop words (tsearch_data/english.stop), dropped on SQLite too: they
# rank nothing (BM25 weight about 0) yet "the" alone matches 350,000 of 600,000 sentences.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what
    which who whom this that these those am is are was were be been being have has had
    having do does did doing a an the and but if or because as until while of at by for
    with about against between into through during before after above below to from up
    down in out on off over under again further then once here there when where why how
    all any both each few more most other some such no nor not only own same so than too
    very s t can will just don should now
    """.split()
)


def plain_words(words: Sequence[str]) -> list[str]:
    """Only letters and digits survive, so no query operator can come from the user."""
    seen: dict[str, None] = {}
    for word in words:
        for token in _WORD.findall(word.lower()):
            seen.setdefault(token, None)
    return list(seen)


def token_count(sentence: str) -> int:
    return len(_TOKEN.findall(sentence))


def index_sentences(connection: Connection, review_pks: Sequence[int]) -> None:
    """Add stored reviews' sentences to the full-text index and its statistics."""
    if not review_pks:
        return
    if connection.dialect.name == "sqlite":
        statement = text(
            "INSERT INTO sentence_fts(rowid, text) "
            "SELECT id, text FROM sentences WHERE review_pk IN :pks"
        ).bindparams(bindparam("pks", expanding=True))
        connection.execute(statement, {"pks": list(review_pks)})
    elif connection.dialect.name == "postgresql":
        # The tsvector column fills itself and its GIN index queues the new entries in the
        # pending list (migration 0005); move them into the index in one sorted pass, before
        # the statistics rows below are locked. Only the index's owner may (as for VACUUM);
        # for anyone else the index empties the list itself once it reaches its limit.
        connection.execute(
            text(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
                "WHERE c.oid = to_regclass('ix_sentences_tsv') AND pg_has_role(c.relowner, 'USAGE')"
            )
        )
        # The BM25 statistics. ts_stat takes a query as text: built from integer row ids only,
        # never user text.
        ids = ",".join(str(int(pk)) for pk in review_pks)
        rows = f"SELECT tsv FROM sentences WHERE review_pk IN ({ids})"
        # Sorted, so concurrent writers lock shared lexeme rows in one order.
        connection.execute(
            text(
                "INSERT INTO sentence_terms (lexeme, sentences) "
                "SELECT word, ndoc FROM ts_stat(:rows) ORDER BY word "
                "ON CONFLICT (lexeme) DO UPDATE "
                "SET sentences = sentence_terms.sentences + excluded.sentences"
            ),
            {"rows": rows},
        )
        connection.execute(
            text(
                "INSERT INTO sentence_totals AS t (id, sentences, tokens) "
                "SELECT 1, count(*), coalesce(sum(tokens), 0) FROM sentences "
                "WHERE review_pk = ANY(:pks) "
                "ON CONFLICT (id) DO UPDATE SET sentences = t.sentences + excluded.sentences, "
                "tokens = t.tokens + excluded.tokens"
            ),
            {"pks": list(review_pks)},
        )


def search(
    connection: Connection,
    words: Sequence[str],
    *,
    review_ids: Sequence[str] | None,
    limit: int,
) -> list[SearchHit]:
    terms = plain_words(words)
    # A question of stop words only ("the who") is still searched, on SQLite.
    terms = [t for t in terms if t not in STOP_WORDS] or terms
    if not terms or limit <= 0:
        return []
    params: dict[str, Any] = {"limit": limit}
    if review_ids is not None:
        if not review_ids:
            return []
        params["ids"] = list(review_ids)
    if connection.dialect.name == "sqlite":
        return _run(connection, _sqlite_query(terms, params), params)
    # psycopg prepares a statement run five times, and PostgreSQL may then switch it to a plan
    # made without the values: one that cannot see which tsquery it matches, and so scans the
    # whole GIN index for a film's few reviews (0.9 s instead of 3 ms). Plan each search anew,
    # for this transaction only.
    connection.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    stats = _postgres_terms(connection, terms)
    if stats is None:
        return []  # only stop words, or words no sentence contains
    if "ids" in params:
        # A few reviews' sentences: ranking all their matches is cheap.
        return _postgres_run(connection, stats, params, None)
    return _postgres_top(connection, stats, params)


def _run(connection: Connection, sql: str, params: dict[str, Any]) -> list[SearchHit]:
    statement = text(sql)
    if "ids" in params:
        statement = statement.bindparams(bindparam("ids", expanding=True))
    rows = connection.execute(statement, params).all()
    return [SearchHit(str(row[0]), int(row[1]), float(row[2])) for row in rows]


def _sqlite_query(terms: list[str], params: dict[str, Any]) -> str:
    # Each term is a quoted FTS5 string, so words like NEAR, AND, * or - stay words.
    params["query"] = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    scope = ""
    if "ids" in params:
        scope = (
            " AND sentence_fts.rowid IN (SELECT s.id FROM sentences s "
            "JOIN reviews r ON r.id = s.review_pk WHERE r.review_id IN :ids)"
        )
    # Best hits first inside FTS5 (ORDER BY rank is its bm25), joined only for those: joining
    # every match before sorting was 3-4x slower at 600,000 sentences.
    return (
        "SELECT r.review_id, s.position, -best.rank AS score FROM ("
        "SELECT rowid, rank FROM sentence_fts "
        f"WHERE sentence_fts MATCH :query{scope} ORDER BY rank, rowid LIMIT :limit"
        ") best JOIN sentences s ON s.id = best.rowid JOIN reviews r ON r.id = s.review_pk "
        "ORDER BY best.rank, best.rowid"
    )


# -- PostgreSQL ------------------------------------------------------------------------------------

# BM25's length factor (k1 + 1) / (1 + k1 (1 - b + b len / mean)) is largest for a sentence of
# no words, so a sentence's score is at most this times the summed idf of the terms it holds.
MAX_LENGTH_FACTOR = (K1 + 1) / (1 + K1 * (1 - B))
# Candidate queries with more term leaves than this fall back to matching any term.
_MAX_LEAVES = 200
# The first pass aims at about this many candidate sentences per hit wanted (see _postgres_top).
_CANDIDATES_PER_HIT = 8


@dataclass(frozen=True, slots=True)
class _Term:
    """The user's words that search the same lexemes, as one term."""

    word: str  # one of those words (letters and digits only), for plainto_tsquery
    weight: float  # their summed BM25 idf: each word counts, as each quoted term does in FTS5
    share: float  # the fraction of sentences holding the term, for estimates only


@dataclass(frozen=True, slots=True)
class _Stats:
    terms: list[_Term]  # heaviest (rarest) first
    mean_length: float
    sentences: int


def _postgres_terms(connection: Connection, words: list[str]) -> _Stats | None:
    """The searchable terms with their BM25 inverse document frequency, and the mean length.

    Words that normalise to the same lexemes ("acting", "acted") become one term with their
    idfs summed, and words no stored sentence contains are dropped: both leave every score as
    it was, and each term costs a tsquery match per candidate sentence.
    """
    rows = connection.execute(
        text(
            "SELECT w.word, CAST(plainto_tsquery('english', w.word) AS text), "
            "  sum(coalesce(st.sentences, 0)), max(tot.sentences), max(tot.tokens) "
            "FROM unnest(CAST(:words AS text[])) AS w(word) "
            "CROSS JOIN LATERAL unnest(to_tsvector('english', w.word)) AS l "
            "LEFT JOIN sentence_terms st ON st.lexeme = l.lexeme "
            "LEFT JOIN sentence_totals tot ON tot.id = 1 "
            "GROUP BY w.word"
        ),
        {"words": words},
    ).all()
    if not rows:
        return None
    total = max(int(rows[0][3] or 0), 1)
    mean_length = max(int(rows[0][4] or 0) / total, 1.0)
    grouped: dict[str, tuple[str, float, int]] = {}
    for word, query, containing, _, _ in sorted(rows, key=lambda row: str(row[0])):
        n = int(containing)
        if n == 0:
            continue  # no sentence holds any of its lexemes: it can match nothing
        # FTS5's idf, with its floor for terms in more than half the rows.
        idf = math.log((total - n + 0.5) / (n + 0.5))
        idf = idf if idf > 0 else 1e-6
        first, weight, most = grouped.get(str(query), (str(word), 0.0, 0))
        grouped[str(query)] = (first, weight + idf, max(most, n))
    terms = [_Term(word, weight, min(n / total, 1.0)) for word, weight, n in grouped.values()]
    if not terms:
        return None
    terms.sort(key=lambda t: (-t.weight, t.word))
    return _Stats(terms, mean_length, total)


def _postgres_top(connection: Connection, stats: _Stats, params: dict[str, Any]) -> list[SearchHit]:
    """The best `limit` sentences of the whole corpus, exactly, without scoring every match.

    A sentence's score is at most MAX_LENGTH_FACTOR times the summed weight of the terms it
    holds. For a threshold t, the GIN index finds the sentences holding some set of terms whose
    bound reaches t (a tsquery of ANDs and ORs: "cast & act | cast & actor | ..."), leaving out
    the far larger number that hold only common words ("act" alone, "bad" alone). If `limit`
    of those score at least t, they are the top hits: every sentence left out scores below t.
    Otherwise the lowest of the `limit` best found is a threshold that some `limit` sentences
    reach, and a second pass with it is exact. The first threshold is guessed from the term
    frequencies so that it finds a few times `limit` candidates.
    """
    limit = int(params["limit"])
    threshold = _first_threshold(stats, _CANDIDATES_PER_HIT * limit)
    for _ in range(4):
        cover = _cover(stats.terms, threshold) if threshold > 0 else None
        if cover == []:
            threshold /= 2  # no sentence can score that much
            continue
        hits = _postgres_run(connection, stats, params, cover)
        if cover is None:
            return hits
        if len(hits) >= limit and hits[limit - 1].score >= threshold:
            return hits
        # Fewer than `limit` reach it: the lowest of `limit` found is reached by `limit`.
        threshold = hits[limit - 1].score if len(hits) >= limit else threshold / 4
    return _postgres_run(connection, stats, params, None)


def _postgres_run(
    connection: Connection, stats: _Stats, params: dict[str, Any], cover: _Cover | None
) -> list[SearchHit]:
    params = dict(params)
    sql = _postgres_query(stats, params, cover)
    return _run(connection, sql, params)


# A candidate query: OR of (term index, sub-query to AND with it, or None for the term alone).
_Cover = list[tuple[int, "_Cover | None"]]


def _cover(terms: list[_Term], threshold: float) -> _Cover | None:
    """Sets of terms whose bound reaches `threshold`, as a tree; None if it grows too large."""
    # A relative margin, so that rounding never leaves out a sentence scoring the threshold.
    need = threshold / MAX_LENGTH_FACTOR * (1 - 1e-9)
    weights = [t.weight for t in terms]
    rest = [sum(weights[i:]) for i in range(len(weights) + 1)]
    leaves = 0

    def options(need: float, start: int) -> _Cover | None:
        nonlocal leaves
        found: _Cover = []
        for i in range(start, len(weights)):
            if rest[i] < need:
                break  # the remaining (lighter) terms together cannot reach it
            leaves += 1
            if leaves > _MAX_LEAVES:
                return None
            if weights[i] >= need:
                found.append((i, None))  # enough alone: no need to look at supersets
                continue
            sub = options(need - weights[i], i + 1)
            if sub is None:
                return None
            if sub:
                found.append((i, sub))
        return found

    return options(need, 0)


def _estimate(cover: _Cover, terms: list[_Term]) -> float:
    """The share of sentences the candidate query matches, if terms occurred independently."""
    missed = 1.0
    for i, sub in cover:
        share = terms[i].share * (1.0 if sub is None else _estimate(sub, terms))
        missed *= 1 - share
    return 1 - missed


def _first_threshold(stats: _Stats, wanted: int) -> float:
    """The highest threshold whose candidates are estimated to number at least `wanted`."""
    if _estimate([(i, None) for i in range(len(stats.terms))], stats.terms) * stats.sentences < (
        wanted
    ):
        return 0.0  # few matches at all: rank them all
    low, high = 0.0, sum(t.weight for t in stats.terms) * MAX_LENGTH_FACTOR
    for _ in range(24):
        middle = (low + high) / 2
        cover = _cover(stats.terms, middle)
        if cover is None:
            high = middle  # too many combinations to write down: aim lower
        elif _estimate(cover, stats.terms) * stats.sentences >= wanted:
            low = middle
        else:
            high = middle
    return low


def _render(cover: _Cover) -> str:
    parts = []
    for i, sub in cover:
        term = f"plainto_tsquery('english', :w{i})"
        parts.append(term if sub is None else f"({term} && ({_render(sub)}))")
    return " || ".join(parts)


def _match(cover: _Cover | None, terms: int) -> str:
    """The WHERE condition for the candidates.

    One tsquery per branch of the cover, OR-ed in SQL rather than inside one tsquery: each
    becomes its own GIN scan that walks the posting list of its first (rare) term and only
    seeks in the others', where one tsquery of ORs would walk every list it names in full.
    """
    if cover is None:
        cover = [(i, None) for i in range(terms)]
    alone: _Cover = [(i, sub) for i, sub in cover if sub is None]
    branches = [_render(alone)] if alone else []
    branches += [_render([(i, sub)]) for i, sub in cover if sub is not None]
    return "(" + " OR ".join(f"s.tsv @@ ({branch})" for branch in branches) + ")"


def _postgres_query(stats: _Stats, params: dict[str, Any], cover: _Cover | None) -> str:
    parts = []
    queries = []
    for i, term in enumerate(stats.terms):
        params[f"w{i}"] = term.word
        params[f"idf{i}"] = term.weight
        # plainto_tsquery: user text is only ever a plain word, never query syntax.
        queries.append(f"plainto_tsquery('english', :w{i}) AS q{i}")
        parts.append(f"CAST(:idf{i} AS float8) * (s.tsv @@ qs.q{i})::int")
    params["k1"] = K1
    params["b"] = B
    params["mean_length"] = stats.mean_length
    scope = ""
    if "ids" in params:
        scope = " AND s.review_pk IN (SELECT id FROM reviews WHERE review_id IN :ids)"
    # The term queries are built once in a subquery, not once per row; the candidates' tsqueries
    # are folded to constants by the planner and matched in the GIN index. Reviews are joined
    # only for the hits kept.
    return (
        "SELECT r.review_id, best.position, best.score FROM ("
        "SELECT s.id, s.review_pk, s.position, "
        f"({' + '.join(parts)}) * (CAST(:k1 AS float8) + 1) / "
        "(1 + CAST(:k1 AS float8) * (1 - CAST(:b AS float8) "
        "+ CAST(:b AS float8) * s.tokens / CAST(:mean_length AS float8))) AS score "
        f"FROM sentences s, (SELECT {', '.join(queries)}) qs "
        f"WHERE {_match(cover, len(parts))}{scope} "
        "ORDER BY score DESC, s.id LIMIT :limit"
        ") best JOIN reviews r ON r.id = best.review_pk "
        "ORDER BY best.score DESC, best.id"
    )
