"""ReviewService: the one async entry point adapters and the CLI use. Knows no chat platform."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from bot.config import Settings
from bot.errors import ModelError
from bot.reviews.ingest.pipeline import label_texts, review_stance
from bot.reviews.ingest.readers import BadInput, ColumnMapping, ReadDefaults, read_path
from bot.reviews.ingest.runner import IngestOptions, IngestReport, run_ingest
from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.opinions.stance import StanceModel
from bot.reviews.opinions.tagger import OpinionTagger
from bot.reviews.qa.answerer import Answerer
from bot.reviews.qa.checks import check_question
from bot.reviews.qa.films import find_film
from bot.reviews.qa.intent_model import IntentModel, shipped_intent_model
from bot.reviews.store.base import FeedbackEntry, RelabelCounts, Relabelled, ReviewStore
from bot.reviews.types import Answer, Film, Question, Review, ReviewInput, ReviewSummary

log = logging.getLogger(__name__)

# How long the list of indexed films is reused before asking the database again; other
# processes may ingest meanwhile, and this process drops it at once when it ingests.
FILMS_TTL_SECONDS = 30.0


class ReviewService:
    def __init__(
        self,
        store: ReviewStore,
        *,
        settings: Settings,
        seeds: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        vocabulary: AspectVocabulary | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.seeds = seeds
        self._clock = clock
        self._tagger: OpinionTagger | None = None
        self._vocabulary: AspectVocabulary | None = vocabulary
        self._answerer: Answerer | None = None
        self._films: tuple[float, list[Film]] | None = None
        self._lock = threading.Lock()

    # -- components, loaded on first use ------------------------------------------------------

    def tagger(self) -> OpinionTagger:
        with self._lock:
            if self._tagger is None:
                self._tagger = OpinionTagger.load(vocabulary=self.vocabulary_unlocked())
            return self._tagger

    def vocabulary_unlocked(self) -> AspectVocabulary:
        if self._vocabulary is None:
            self._vocabulary = AspectVocabulary.load()
        return self._vocabulary

    def answerer(self) -> Answerer:
        with self._lock:
            if self._answerer is None:
                answer = self.settings.answer
                self._answerer = Answerer(
                    self.store,
                    self.vocabulary_unlocked(),
                    max_points=answer.max_points,
                    stance=StanceModel.load(),
                    intents=_intent_model() if answer.learned_intents else None,
                )
            return self._answerer

    def films_sync(self) -> list[Film]:
        now = self._clock()
        cached = self._films
        if cached is None or now - cached[0] > FILMS_TTL_SECONDS:
            cached = (now, self.store.films())
            self._films = cached
        return cached[1]

    # -- asking -------------------------------------------------------------------------------

    def ask_sync(self, question: Question, *, platform: str = "cli") -> Answer:
        text = check_question(question.text, self.settings.answer.max_question_chars)
        started = time.perf_counter()
        answer = self.answerer().answer(replace(question, text=text), self.films_sync())
        elapsed = (time.perf_counter() - started) * 1000
        log.debug("answered %r as %s in %.1f ms", text, answer.intent, elapsed)
        if platform != "cli":
            self.store.log_question(
                platform=platform,
                question=text,
                intent=answer.intent,
                film=answer.film,
                abstained=answer.abstained,
                latency_ms=elapsed,
            )
        return answer

    async def ask(self, question: Question, *, platform: str = "cli") -> Answer:
        return await asyncio.to_thread(self.ask_sync, question, platform=platform)

    # -- ingest -------------------------------------------------------------------------------

    def ingest_items_sync(
        self,
        items: Iterable[ReviewInput | BadInput],
        *,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        options = IngestOptions(
            max_bytes=self.settings.ingest.max_review_bytes,
            batch_size=self.settings.ingest.batch_size,
            workers=self.settings.ingest.workers or os.cpu_count() or 1,
        )
        try:
            return run_ingest(
                items,
                store=self.store,
                tagger=self.tagger,
                options=options,
                on_progress=on_progress,
            )
        finally:
            self._films = None

    async def ingest_items(self, items: Iterable[ReviewInput | BadInput]) -> IngestReport:
        return await asyncio.to_thread(self.ingest_items_sync, list(items))

    def ingest_paths_sync(
        self,
        paths: Iterable[Path],
        *,
        mapping: ColumnMapping | None = None,
        defaults: ReadDefaults | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        mapping = mapping or ColumnMapping()
        defaults = defaults or ReadDefaults()

        def items() -> Iterable[ReviewInput | BadInput]:
            for path in paths:
                yield from read_path(path, mapping, defaults)

        return self.ingest_items_sync(items(), on_progress=on_progress)

    def ensure_seeded_sync(self) -> IngestReport | None:
        """Load the bundled seed reviews into an empty database; None when nothing was done."""
        if not self.settings.ingest.autoload_seeds or self.seeds is None:
            return None
        if not self.store.is_empty():
            return None
        return self.ingest_paths_sync([self.seeds])

    async def ensure_seeded(self) -> IngestReport | None:
        return await asyncio.to_thread(self.ensure_seeded_sync)

    # -- browsing and bookkeeping -------------------------------------------------------------

    def reviews_sync(self, film: str | None = None) -> list[ReviewSummary]:
        title = find_film(self.films_sync(), film).title if film else None
        return self.store.reviews(title)

    async def reviews(self, film: str | None = None) -> list[ReviewSummary]:
        return await asyncio.to_thread(self.reviews_sync, film)

    async def films(self) -> list[Film]:
        return await asyncio.to_thread(self.films_sync)

    async def find_film(self, name: str) -> Film:
        films = await self.films()
        return find_film(films, name)

    def review_sync(self, review_id: str) -> Review | None:
        return self.store.review(review_id)

    async def record_feedback(
        self,
        *,
        platform: str,
        message_ref: str,
        user_id: str,
        verdict: str,
        question: str,
        answer: str,
    ) -> None:
        await asyncio.to_thread(
            lambda: self.store.record_feedback(
                platform=platform,
                message_ref=message_ref,
                user_id=user_id,
                verdict=verdict,
                question=question,
                answer=answer,
            )
        )

    def relabel_sync(self, batch: int = 200) -> RelabelCounts:
        """Label every stored review's sentences again with the current tagger and aspect
        vocabulary, and re-read its verdict: after editing config/aspects.toml or retraining."""
        tagger = self.tagger()
        counts = RelabelCounts()
        after = 0
        while stored := self.store.stored_texts(after, batch):
            after = stored[-1].pk
            labelled = label_texts([s.text for s in stored], tagger, [s.film for s in stored])
            relabelled = []
            for review, sentences in zip(stored, labelled, strict=True):
                verdict, liked = review_stance(review.text, review.rating, sentences, tagger)
                relabelled.append(Relabelled(review.pk, sentences, verdict, liked))
            counts += self.store.replace_labels(relabelled)
        return counts

    def rescore_verdicts_sync(self) -> tuple[int, int]:
        """Re-read every stored review's verdict with the shipped stance model (after it is
        retrained), so films rank as verdict questions now read them: (reviews, changed)."""
        return self.store.rescore_verdicts(StanceModel.load())

    async def recent_feedback(self, limit: int = 20) -> list[FeedbackEntry]:
        return await asyncio.to_thread(self.store.recent_feedback, limit)

    async def claim_event(self, platform: str, event_id: str) -> bool:
        return await asyncio.to_thread(self.store.claim_event, platform, event_id)

    async def set_channel_film(self, platform: str, channel_id: str, film: Film) -> None:
        await asyncio.to_thread(
            self.store.set_channel_film, platform, channel_id, film.title, film.year
        )

    async def channel_film(self, platform: str, channel_id: str) -> Film | None:
        return await asyncio.to_thread(self.store.channel_film, platform, channel_id)


def _intent_model() -> IntentModel | None:
    """The shipped intent model; a broken file leaves the cue rules reading alone."""
    try:
        return shipped_intent_model()
    except ModelError as exc:
        log.warning("The learned intent model is off: %s", exc)
        return None
