"""Turn a ReviewInput into a PreparedReview: validate, repair, split and label its sentences."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence

from bot.errors import IngestError
from bot.reviews.opinions.tagger import OpinionTagger
from bot.reviews.qa.verdict import review_verdict
from bot.reviews.store.base import PreparedReview
from bot.reviews.text import prepare
from bot.reviews.types import Clause, ReviewInput, Sentence


def without_title(text: str, title: str | None) -> str:
    """`text` with a title of two words or more blanked out to one word no model knows, of the
    same length, so clause offsets still point into the sentence."""
    pattern = _title_pattern(title) if title else None
    if pattern is None:
        return text
    return pattern.sub(lambda m: "x" * len(m.group(0)), text)


_YEAR = re.compile(r"\s*\(\d{4}\)\s*$")


@functools.lru_cache(maxsize=1024)
def _title_pattern(title: str) -> re.Pattern[str] | None:
    """Compiled once per title, not once per sentence; a year after the title ("Heat (1995)")
    is no part of what the review writes."""
    title = _YEAR.sub("", title)
    if len(title.split()) < 2:
        return None
    words = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def review_stance(
    text: str, rating: str | None, sentences: Sequence[Sentence], tagger: OpinionTagger
) -> tuple[str, float | None]:
    """(verdict, P(liked)) of a labelled review, as ingest stores them."""
    liked = tagger.liked([s.text for s in sentences]) if sentences else None
    return review_verdict(text, rating, list(sentences), liked), liked


def content_hash(text: str) -> str:
    """Whitespace-insensitive, so a review re-saved with other line endings is the same review."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def review_id_for(item: ReviewInput, digest: str) -> str:
    return item.review_id or digest[:16]


def validate(item: ReviewInput, *, max_bytes: int) -> None:
    if not item.text.strip():
        raise IngestError(f"{item.origin}: the review text is empty")
    size = len(item.text.encode("utf-8"))
    if size > max_bytes:
        raise IngestError(
            f"{item.origin}: the review is {size:,} bytes, over the limit of {max_bytes:,} "
            "(setting ingest.max_review_bytes)"
        )
    if not item.film:
        raise IngestError(
            f"{item.origin}: no film named; add 'film:' front matter, a film column "
            "(--film-column) or pass --film"
        )
    if item.review_id is not None and len(item.review_id) > 200:
        raise IngestError(f"{item.origin}: the review id is longer than 200 characters")


def label_texts(
    texts: Sequence[str], tagger: OpinionTagger, titles: Sequence[str | None] | None = None
) -> list[tuple[Sentence, ...]]:
    """Repair, split and label review texts; one tagging call for all their sentences.

    `titles` are the films' titles, which the tagger reads as names: "don't say a word loses
    the audience" is no negated loss."""
    split = [prepare(text) for text in texts]
    named = titles if titles is not None else [None] * len(texts)
    flat = [
        without_title(sentence.text, title)
        for sentences, title in zip(split, named, strict=True)
        for sentence in sentences
    ]
    opinions = iter(tagger.tag_many(flat))
    labelled_texts = []
    for sentences in split:
        labelled = []
        for position, sentence in enumerate(sentences, start=1):
            opinion = next(opinions)
            clauses = []
            for clause in opinion.clauses:
                start, end = sentence.original_span(clause.start, clause.end)
                clauses.append(
                    Clause(
                        start,
                        end,
                        clause.polarity,
                        clause.score,
                        tuple(clause.aspects),
                        clause.start,
                        clause.end,
                    )
                )
            labelled.append(
                Sentence(
                    position=position,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                    subjectivity=opinion.subjectivity,
                    polarity=opinion.polarity,
                    polarity_score=opinion.score,
                    aspects=tuple(opinion.aspects),
                    clauses=tuple(clauses),
                )
            )
        labelled_texts.append(tuple(labelled))
    return labelled_texts


def prepare_reviews(items: Sequence[ReviewInput], tagger: OpinionTagger) -> list[PreparedReview]:
    """Label a batch of already validated reviews; one tagging call for all their sentences."""
    prepared = []
    labelled_texts = label_texts([i.text for i in items], tagger, [i.film for i in items])
    for item, labelled in zip(items, labelled_texts, strict=True):
        digest = content_hash(item.text)
        assert item.film is not None
        verdict, liked = review_stance(item.text, item.rating, labelled, tagger)
        prepared.append(
            PreparedReview(
                review_id=review_id_for(item, digest),
                content_hash=digest,
                film=item.film,
                year=item.year,
                critic=item.critic,
                source=item.source,
                rating=item.rating,
                published=item.published,
                url=item.url,
                text=item.text,
                sentences=labelled,
                verdict=verdict,
                liked=liked,
            )
        )
    return prepared
