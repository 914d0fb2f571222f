"""Full-text search through each database's own engine, user words passed as plain terms.

Both backends rank with BM25 (k1 = 1.2, b = 0.75), so the same data gives the same top hits:
SQLite through FTS5's built-in bm25(); PostgreSQL by the same formula over a GIN-indexed
tsvector, with term statistics kept in sentence_terms / sentence_totals as reviews are added.
Sentence length is counted the same way on both (words, stop words included: the PostgreSQL
column sentences.tokens). Differences remain, and are why parity is "same top hits within
ties", not equal scores: PostgreSQL's English stemmer and stop words differ from FTS5's porter
tokenizer, and it scores a term by presence, not frequency (sentences are short; a word twice
in one sentence is rare).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
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
        # The tsvector column and its GIN index fill themselves; the BM25 statistics do not.
        # ts_stat takes a query as text: built from integer row ids only, never user text.
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
    if not terms:
        return []
    params: dict[str, Any] = {"limit": limit}
    if review_ids is not None:
        if not review_ids:
            return []
        params["ids"] = list(review_ids)
    if connection.dialect.name == "sqlite":
        sql = _sqlite_query(terms, params)
    else:
        weighted = _postgres_weights(connection, terms)
        if not weighted:
            return []  # only stop words
        scope = " AND r.review_id IN :ids" if "ids" in params else ""
        sql = _postgres_query(weighted, params, scope)
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


def _postgres_weights(
    connection: Connection, terms: list[str]
) -> tuple[list[tuple[str, float]], float] | None:
    """Each searchable term with its BM25 inverse document frequency, and the mean length."""
    rows = connection.execute(
        text(
            "SELECT w.word, sum(coalesce(st.sentences, 0)), "
            "  max(tot.sentences), max(tot.tokens) "
            "FROM unnest(CAST(:words AS text[])) AS w(word) "
            "CROSS JOIN LATERAL unnest(to_tsvector('english', w.word)) AS l "
            "LEFT JOIN sentence_terms st ON st.lexeme = l.lexeme "
            "LEFT JOIN sentence_totals tot ON tot.id = 1 "
            "GROUP BY w.word"
        ),
        {"words": terms},
    ).all()
    if not rows:
        return None
    total = max(int(rows[0][2] or 0), 1)
    mean_length = max(int(rows[0][3] or 0) / total, 1.0)
    weights = []
    for word, containing, _, _ in rows:
        n = int(containing)
        # FTS5's idf, with its floor for terms in more than half the rows.
        idf = math.log((total - n + 0.5) / (n + 0.5))
        weights.append((str(word), idf if idf > 0 else 1e-6))
    return weights, mean_length


def _postgres_query(
    weighted: tuple[list[tuple[str, float]], float], params: dict[str, Any], scope: str
) -> str:
    weights, mean_length = weighted
    parts = []
    queries = []
    for i, (word, idf) in enumerate(weights):
        params[f"w{i}"] = word
        params[f"idf{i}"] = idf
        # plainto_tsquery: user text is only ever a plain word, never query syntax.
        queries.append(f"plainto_tsquery('english', :w{i}) AS q{i}")
        parts.append(f"CAST(:idf{i} AS float8) * (s.tsv @@ qs.q{i})::int")
    params["k1"] = K1
    params["b"] = B
    params["mean_length"] = mean_length
    params["any_word"] = " or ".join(word for word, _ in weights)
    # The term queries are built once in a subquery, not once per row.
    return (
        "SELECT r.review_id, s.position, "
        f"({' + '.join(parts)}) * (CAST(:k1 AS float8) + 1) / "
        "(1 + CAST(:k1 AS float8) * (1 - CAST(:b AS float8) "
        "+ CAST(:b AS float8) * s.tokens / CAST(:mean_length AS float8))) AS score "
        "FROM sentences s JOIN reviews r ON r.id = s.review_pk, "
        f"(SELECT websearch_to_tsquery('english', :any_word) AS q, {', '.join(queries)}) qs "
        f"WHERE s.tsv @@ qs.q{scope} "
        "ORDER BY score DESC, s.id LIMIT :limit"
    )
