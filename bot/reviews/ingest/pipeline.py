"""Turn a ReviewInput into a PreparedReview: validate, repair, split and label its sentences."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from bot.errors import IngestError
from bot.reviews.opinions.tagger import OpinionTagger
from bot.reviews.qa.verdict import review_verdict
from bot.reviews.store.base import PreparedReview
from bot.reviews.text import prepare
from bot.reviews.types import Clause, ReviewInput, Sentence


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


def label_texts(texts: Sequence[str], tagger: OpinionTagger) -> list[tuple[Sentence, ...]]:
    """Repair, split and label review texts; one tagging call for all their sentences."""
    split = [prepare(text) for text in texts]
    flat = [sentence.text for sentences in split for sentence in sentences]
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
    for item, labelled in zip(items, label_texts([i.text for i in items], tagger), strict=True):
        digest = content_hash(item.text)
        assert item.film is not None
        liked = tagger.liked([s.text for s in labelled]) if labelled else None
        verdict = review_verdict(item.text, item.rating, list(labelled), liked)
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
