"""Bulk ingest: read, validate, label and store reviews in batches, each review all-or-nothing."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from itertools import islice
from multiprocessing.reduction import ForkingPickler
from operator import attrgetter
from typing import Any

from bot.errors import IngestError, StoreError
from bot.reviews.ingest.pipeline import content_hash, prepare_reviews, review_id_for, validate
from bot.reviews.ingest.readers import BadInput
from bot.reviews.opinions.tagger import OpinionTagger
from bot.reviews.store.base import PreparedReview, ReviewStore
from bot.reviews.types import Clause, ReviewInput, Sentence


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[BadInput] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.added) + len(self.skipped) + len(self.failed)


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int
    batch_size: int
    # Processes that label reviews in a bulk load; 1 labels in this process.
    workers: int = 1


def run_ingest(
    items: Iterable[ReviewInput | BadInput],
    *,
    store: ReviewStore,
    tagger: Callable[[], OpinionTagger],
    options: IngestOptions,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    pool: ProcessPoolExecutor | None = None
    # Labelled batches in flight, oldest first; stored in input order, so an interrupted load
    # has stored a prefix and a rerun skips it.
    pending: deque[tuple[int, Future[list[PreparedReview]] | list[PreparedReview]]] = deque()
    seen: set[str] = set()
    try:
        for chunk in _chunks(iter(items), options.batch_size):
            fresh = _fresh(chunk, store, options, report, seen)
            bulk = len(chunk) == options.batch_size
            if pool is None and options.workers > 1 and bulk:
                # Only a bulk load pays for starting processes; one file stays in-process.
                pool = ProcessPoolExecutor(
                    options.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_load_worker_tagger,
                )
            if pool is not None and fresh:
                pending.append((len(chunk), pool.submit(_prepare_in_worker, fresh)))
            else:
                pending.append((len(chunk), prepare_reviews(fresh, tagger()) if fresh else []))
            while pending and (len(pending) > 2 * options.workers or _done(pending[0][1])):
                _finish(pending.popleft(), store, report, on_progress)
        while pending:
            _finish(pending.popleft(), store, report, on_progress)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _fresh(
    chunk: list[ReviewInput | BadInput],
    store: ReviewStore,
    options: IngestOptions,
    report: IngestReport,
    seen: set[str],
) -> list[ReviewInput]:
    valid: list[tuple[ReviewInput, str, str]] = []
    for item in chunk:
        if isinstance(item, BadInput):
            report.failed.append(item)
            continue
        try:
            validate(item, max_bytes=options.max_bytes)
        except IngestError as exc:
            report.failed.append(BadInput(item.origin, str(exc)))
            continue
        digest = content_hash(item.text)
        valid.append((item, review_id_for(item, digest), digest))
    # Cheap check first, one query per batch, so a resumed bulk load skips labelling what is
    # stored already.
    known = store.known_reviews([(review_id, digest) for _, review_id, digest in valid])
    fresh: list[ReviewInput] = []
    for item, review_id, _ in valid:
        if review_id in seen or review_id in known:
            report.skipped.append(review_id)
            continue
        seen.add(review_id)
        fresh.append(item)
    return fresh


def _done(work: Future[list[PreparedReview]] | list[PreparedReview]) -> bool:
    return not isinstance(work, Future) or work.done()


def _finish(
    entry: tuple[int, Future[list[PreparedReview]] | list[PreparedReview]],
    store: ReviewStore,
    report: IngestReport,
    on_progress: Callable[[int], None] | None,
) -> None:
    size, work = entry
    batch = work.result() if isinstance(work, Future) else work
    if batch:
        _store_batch(batch, store, report)
    if on_progress is not None:
        on_progress(size)


_worker_tagger: OpinionTagger | None = None


def _load_worker_tagger() -> None:
    from bot.reviews.opinions.aspects import AspectVocabulary

    global _worker_tagger
    _worker_tagger = OpinionTagger.load(vocabulary=AspectVocabulary.load())
    # Labelled reviews go back to the parent as (class, field values), rebuilt there by each
    # class's __init__. The default for these frozen, slotted dataclasses restores each field
    # through a generic setstate: pickling plus unpickling took 0.26 ms per review, 0.15 this
    # way, and the unpickling is the parent's (the writer's) time. Only this pool's pickling
    # (multiprocessing's ForkingPickler) is affected.
    for cls in (PreparedReview, Sentence, Clause):
        ForkingPickler.register(cls, _by_fields)


# Each class's field values, in __init__'s order.
_FIELD_VALUES = {
    cls: attrgetter(*(f.name for f in fields(cls))) for cls in (PreparedReview, Sentence, Clause)
}


def _by_fields(obj: Any) -> tuple[type, tuple[Any, ...]]:
    return type(obj), _FIELD_VALUES[type(obj)](obj)


def _prepare_in_worker(items: list[ReviewInput]) -> list[PreparedReview]:
    assert _worker_tagger is not None
    return prepare_reviews(items, _worker_tagger)


def _store_batch(batch: list[PreparedReview], store: ReviewStore, report: IngestReport) -> None:
    results: list[bool | None]
    try:
        results = list(store.add_reviews(batch))
    except StoreError:
        # One bad review must not sink its neighbours: retry them one transaction each.
        results = []
        for review in batch:
            try:
                results.extend(store.add_reviews([review]))
            except StoreError as exc:
                report.failed.append(BadInput(review.review_id, f"{review.review_id}: {exc}"))
                results.append(None)
    for review, stored in zip(batch, results, strict=True):
        if stored is None:
            continue
        (report.added if stored else report.skipped).append(review.review_id)


def _chunks(
    items: Iterator[ReviewInput | BadInput], size: int
) -> Iterator[list[ReviewInput | BadInput]]:
    while chunk := list(islice(items, size)):
        yield chunk
