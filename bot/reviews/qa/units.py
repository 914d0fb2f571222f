"""Quotable units: whole sentences, or the clause that carries a judgement in a mixed one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bot.reviews.qa.words import content_words
from bot.reviews.types import Clause, Point, Review, Sentence

# A sentence longer than this is quoted by its clauses when it has several (30 let praise ride
# along with criticism in sentences of 26-30 words; 20 cut judgements off from their subject).
LONG_SENTENCE_WORDS = 25
_EDGE = " ,;:-–—"


@dataclass(frozen=True, slots=True)
class Unit:
    review: Review
    sentence: Sentence
    text: str
    start: int
    end: int
    polarity: str
    score: float
    aspects: tuple[str, ...]
    is_clause: bool

    @property
    def subjectivity(self) -> float:
        return self.sentence.subjectivity

    @property
    def sentence_key(self) -> tuple[str, int]:
        """(review id, sentence number): how points already shown are remembered."""
        return self.review.review_id, self.sentence.position

    def point(self, *, spoiler: bool = False) -> Point:
        return Point(
            text=self.text,
            polarity=self.polarity,
            aspects=self.aspects,
            review_id=self.review.review_id,
            film=self.review.film,
            critic=self.review.critic,
            start=self.start,
            end=self.end,
            sentence=self.sentence.position,
            spoiler=spoiler,
        )


def sentence_unit(review: Review, sentence: Sentence) -> Unit:
    return Unit(
        review=review,
        sentence=sentence,
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        polarity=sentence.polarity,
        score=sentence.polarity_score,
        aspects=sentence.aspects,
        is_clause=False,
    )


def opinion_units(review: Review, sentence: Sentence) -> Iterator[Unit]:
    """The sentence itself, unless it is mixed or long: then each judging clause on its own."""
    clauses = [c for c in sentence.clauses if c.text_end > c.text_start]
    split = len(clauses) > 1 and (
        sentence.polarity == "mixed"
        or len(sentence.text.split()) > LONG_SENTENCE_WORDS
        or len({c.polarity for c in clauses} - {"neutral"}) > 1
    )
    joined = _join_agreeing(sentence.text, clauses) if split else []
    if split and sentence.polarity != "mixed" and all(c.polarity == "neutral" for c in joined):
        # A judgement no single clause carries ("The snowballs are hilarious, they put it into a
        # blender and ...") is quoted whole rather than lost.
        split = False
    if not split:
        yield sentence_unit(review, sentence)
        return
    for clause in joined:
        raw = sentence.text[clause.text_start : clause.text_end]
        text = raw.strip(_EDGE)
        if len(content_words(text)) < 2:
            # "I dunno", "The only problem is": a frame around a judgement, not one.
            continue
        start, end = _narrow(review.text, clause.start, clause.end, raw, text)
        yield Unit(
            review=review,
            sentence=sentence,
            text=text,
            start=start,
            end=end,
            polarity=clause.polarity,
            score=clause.score,
            aspects=clause.aspects or sentence.aspects,
            is_clause=True,
        )


def _join_agreeing(text: str, clauses: list[Clause]) -> list[Clause]:
    """Neighbouring clauses that pass the same judgement are one quote: "unfunny, overscored,
    and without a single shred of suspense" reads badly cut at its commas."""
    joined: list[Clause] = []
    for clause in clauses:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.polarity in ("positive", "negative")
            and (clause.polarity == last.polarity or _continues(text, clause))
            and len(text[last.text_start : clause.text_end].split()) <= LONG_SENTENCE_WORDS
        ):
            joined[-1] = Clause(
                last.start,
                clause.end,
                last.polarity,
                max(last.score, clause.score, key=abs),
                tuple(dict.fromkeys(last.aspects + clause.aspects)),
                last.text_start,
                clause.text_end,
            )
        else:
            joined.append(clause)
    return joined


def _continues(text: str, clause: Clause) -> bool:
    """A clause that judges nothing itself and goes on with "and"/"or" carries on the one before:
    "some genuinely funny, clever, | or full-of-tension moments"."""
    if clause.polarity != "neutral":
        return False
    words = text[clause.text_start : clause.text_end].strip(_EDGE).split()
    return bool(words) and words[0].lower() in ("and", "or")


def _narrow(original: str, start: int, end: int, raw: str, trimmed: str) -> tuple[int, int]:
    """Shrink an original span by the non-space characters trimmed off its quote."""
    left = raw.find(trimmed)
    drop_left = sum(not ch.isspace() for ch in raw[:left])
    drop_right = sum(not ch.isspace() for ch in raw[left + len(trimmed) :])
    while start < end and (drop_left > 0 or original[start].isspace()):
        if not original[start].isspace():
            drop_left -= 1
        start += 1
    while end > start and (drop_right > 0 or original[end - 1].isspace()):
        if not original[end - 1].isspace():
            drop_right -= 1
        end -= 1
    return start, end
