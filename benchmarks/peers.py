"""Peers side by side with ReviewBot's store: Haystack 2.x in-memory BM25 and rank_bm25.

Index time, query latency and memory over the sentences stored in --db, and retrieval quality
on the dev question set (must-phrase recall in the top 6 sentences, forbidden-phrase rate).
Needs the optional benchmark extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bot.app import build_service
from bot.config import load_settings
from bot.reviews.store.sql import SqlReviewStore
from bot.reviews.types import Question

TOP = 6
QUERIES = [
    "complain about the music",
    "praise the acting",
    "special effects",
    "hated the ending",
    "dialogue is bad",
    "beautiful cinematography",
    "boring plot",
    "funny jokes",
]
_WORD = re.compile(r"\w+")

Doc = tuple[str, int, int, str]  # review id, start, end, sentence text
Retriever = Callable[[str, str | None], list[Doc]]


def tokens(sentence: str) -> list[str]:
    return _WORD.findall(sentence.lower())


def load_sentences(store: SqlReviewStore, limit: int | None) -> list[Doc]:
    sql = (
        'SELECT r.review_id, s.start, s."end", s.text FROM sentences s '
        "JOIN reviews r ON r.id = s.review_pk ORDER BY s.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    with store.engine.connect() as connection:
        return [(str(a), int(b), int(c), str(d)) for a, b, c, d in connection.execute(text(sql))]


def measure_index(build: Callable[[], Any]) -> tuple[Any, float, float]:
    """Build an index; its wall time in seconds and the Python memory it holds, in MB."""
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    index = build()
    seconds = time.perf_counter() - started
    held = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    return index, seconds, held


def rank_bm25_retriever(docs: Sequence[Doc]) -> Retriever:
    from rank_bm25 import BM25Okapi

    index = BM25Okapi([tokens(d[3]) for d in docs])
    by_review: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_review.setdefault(doc[0], []).append(i)

    def retrieve(query: str, review_id: str | None) -> list[Doc]:
        words = tokens(query)
        if review_id is not None:
            ids = by_review.get(review_id, [])
            scores = index.get_batch_scores(words, ids)
            ranked = sorted(zip(scores, ids, strict=True), key=lambda p: -p[0])[:TOP]
            return [docs[i] for _, i in ranked]
        scores = index.get_scores(words)
        best = sorted(range(len(docs)), key=lambda i: -scores[i])[:TOP]
        return [docs[i] for i in best]

    return retrieve


def haystack_retriever(docs: Sequence[Doc]) -> Retriever:
    from haystack import Document
    from haystack.components.retrievers.in_memory import InMemoryBM25Retriever
    from haystack.document_stores.in_memory import InMemoryDocumentStore

    store = InMemoryDocumentStore(bm25_algorithm="BM25Okapi")
    store.write_documents(
        [Document(content=d[3], meta={"review_id": d[0], "start": d[1], "end": d[2]}) for d in docs]
    )
    retriever = InMemoryBM25Retriever(document_store=store, top_k=TOP)

    def retrieve(query: str, review_id: str | None) -> list[Doc]:
        filters = (
            {"field": "meta.review_id", "operator": "==", "value": review_id}
            if review_id is not None
            else None
        )
        found = retriever.run(query=query, filters=filters)["documents"]
        return [
            (d.meta["review_id"], d.meta["start"], d.meta["end"], d.content or "") for d in found
        ]

    return retrieve


def ours_retriever(store: SqlReviewStore) -> Retriever:
    def retrieve(query: str, review_id: str | None) -> list[Doc]:
        hits = store.search(
            [query], review_ids=None if review_id is None else [review_id], limit=TOP
        )
        found = store.sentences(list(dict.fromkeys(h.review_id for h in hits)))
        out = []
        for hit in hits:
            s = next(s for s in found[hit.review_id] if s.position == hit.position)
            out.append((hit.review_id, s.start, s.end, s.text))
        return out

    return retrieve


def latency(retrieve: Retriever, rounds: int = 3) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            retrieve(query, None)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.95))]


def quality(
    rows: list[dict[str, Any]], originals: dict[str, str], cited: Callable[[dict[str, Any]], Any]
) -> dict[str, float]:
    must = found = forbid_rows = forbid_hit = 0
    for row in rows:
        spans = cited(row)
        texts = [originals.get(r, "")[a:b] for r, a, b in spans]
        for phrase in row.get("must", []):
            must += 1
            found += any(phrase in t for t in texts)
        if row.get("forbid"):
            forbid_rows += 1
            forbid_hit += any(p in t for p in row["forbid"] for t in texts)
    return {
        "must_recall": round(found / max(must, 1), 3),
        "forbidden_rate": round(forbid_hit / max(forbid_rows, 1), 3),
    }


def run_quality(devset: Path) -> dict[str, dict[str, float]]:
    rows = [json.loads(line) for line in devset.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r.get("must") and r.get("answerable", True)]
    with tempfile.TemporaryDirectory() as tmp:
        service = build_service(load_settings(env={}), db_url=f"sqlite:///{tmp}/dev.sqlite3")
        service.ingest_paths_sync([devset.parent / "reviews"])
        store: SqlReviewStore = service.store  # type: ignore[assignment]
        docs = load_sentences(store, None)
        originals = {r.review_id: r.text for r in (store.review(d[0]) for d in docs) if r}

        def answer_points(row: dict[str, Any]) -> list[tuple[str, int, int]]:
            question = Question(row["question"], film=row.get("film"), review_id=row.get("review"))
            try:
                answer = service.ask_sync(question)
            except Exception:
                return []
            return [(p.review_id, p.start, p.end) for p in answer.points[:TOP]]

        def retrieved(retrieve: Retriever) -> Callable[[dict[str, Any]], Any]:
            return lambda row: [
                (d[0], d[1], d[2]) for d in retrieve(row["question"], row.get("review"))
            ]

        result = {
            "reviewbot_answer": quality(rows, originals, answer_points),
            "reviewbot_search": quality(rows, originals, retrieved(ours_retriever(store))),
            "haystack": quality(rows, originals, retrieved(haystack_retriever(docs))),
            "rank_bm25": quality(rows, originals, retrieved(rank_bm25_retriever(docs))),
        }
        store.close()
    result["questions"] = {"n": float(len(rows))}
    return result


def run_peers(args: argparse.Namespace) -> dict[str, Any]:
    service = build_service(load_settings(), db_url=args.db)
    store: SqlReviewStore = service.store  # type: ignore[assignment]
    docs = load_sentences(store, args.sentences)
    out: dict[str, Any] = {"sentences": len(docs), "backend": store.engine.dialect.name}
    ours = ours_retriever(store)
    p50, p95 = latency(ours)
    out["reviewbot"] = {"query_p50_ms": round(p50, 2), "query_p95_ms": round(p95, 2)}
    for name, build in (("rank_bm25", rank_bm25_retriever), ("haystack", haystack_retriever)):
        retrieve, seconds, held = measure_index(lambda build=build: build(docs))
        p50, p95 = latency(retrieve)
        out[name] = {
            "index_s": round(seconds, 1),
            "index_sentences_per_s": round(len(docs) / seconds),
            "memory_mb": round(held),
            "query_p50_ms": round(p50, 1),
            "query_p95_ms": round(p95, 1),
            "query_p50_vs_reviewbot": round(p50 / max(out["reviewbot"]["query_p50_ms"], 1e-3), 1),
        }
        del retrieve
        gc.collect()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["quality"] = run_quality(args.devset)
    store.close()
    return out
