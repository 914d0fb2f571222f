"""Which units a likes/dislikes answer may quote, on hand-labelled sentences."""

from __future__ import annotations

from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.rank import rank_opinions
from bot.reviews.qa.units import sentence_unit
from bot.reviews.types import Clause, Review, Sentence

TEXT = "They argue about art and it is corny. The score is lovely."
REVIEW = Review("r1", "A Film", None, "A Critic", None, None, None, None, TEXT, 2)
LIKES = ParsedQuestion(text="what did they like?", normalised="what did they like", intent="likes")


def sentence(position: int, start: int, end: int, clauses: tuple[Clause, ...]) -> Sentence:
    return Sentence(
        position, start, end, TEXT[start:end], 0.95, "positive", 0.6, ("overall",), clauses
    )


def test_a_sentence_is_praise_only_if_one_of_its_clauses_praises() -> None:
    # The sentence-level model calls both positive; only the second has a praising clause.
    argued = sentence(
        1,
        0,
        37,
        (
            Clause(0, 22, "neutral", 0.05, (), 0, 22),
            Clause(23, 37, "neutral", 0.1, (), 23, 37),
        ),
    )
    scored = sentence(
        2,
        38,
        len(TEXT),
        (
            Clause(38, 47, "neutral", 0.0, ("music",), 0, 9),
            Clause(48, len(TEXT), "positive", 0.7, (), 10, 20),
        ),
    )
    units = [sentence_unit(REVIEW, argued), sentence_unit(REVIEW, scored)]
    quoted = [unit.text for _, unit in rank_opinions(units, LIKES, "positive")]
    assert quoted == ["The score is lovely."]
