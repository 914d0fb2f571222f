"""The critic's own judging words that answer summaries quote."""

from __future__ import annotations

import pytest

from bot.reviews.opinions.features import Lexicon
from bot.reviews.opinions.model import OpinionModel
from bot.reviews.qa.compose import opinion_summary
from bot.reviews.qa.keywords import judging_phrase
from bot.reviews.types import Point


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return OpinionModel.load().lexicon


@pytest.mark.parametrize(
    ("text", "polarity", "phrase"),
    [
        ("The songs are very uneven and forgettable.", "negative", "very uneven"),
        ("In the end the music simply is not very good.", "negative", "not very good"),
        ("There is not one memorable song in it!", "negative", "not one memorable"),
        ("Gosling is poorly cast as a pianist.", "negative", "poorly cast"),
        ("It is stunningly filmed and warmly acted.", "positive", "stunningly filmed"),
        ("Its clichés are even clichéd.", "negative", "clichéd"),
        # Narration and grading words are not the judgement: "killed", "pretty".
        ("He is killed in act two, and the finale is pretty dull.", "negative", "dull"),
        ("Not only is it boring, it is also long.", "negative", "boring"),
        # An adverb that grades no participle is skipped for the adjective that follows.
        ("The actors clearly gave their all; the result is excellent.", "positive", "excellent"),
    ],
)
def test_the_judging_words_come_verbatim_with_their_negation(
    lexicon: Lexicon, text: str, polarity: str, phrase: str
) -> None:
    found = judging_phrase(text, polarity, lexicon)
    assert found == phrase
    assert found in text


def test_no_judging_word_of_that_polarity(lexicon: Lexicon) -> None:
    assert judging_phrase("The music is wonderful.", "negative", lexicon) is None
    assert judging_phrase("Not only is it boring, it is long.", "positive", lexicon) is None
    assert judging_phrase("She drives to Nevada.", "positive", lexicon) is None


def point(text: str, aspects: tuple[str, ...]) -> Point:
    return Point(text, "negative", aspects, "r1", "A Film", "A Critic", 0, len(text), 1, False)


def test_the_summary_says_how_each_aspect_was_judged(lexicon: Lexicon) -> None:
    points = [
        point("The songs are very uneven.", ("music",)),
        point("The plot is a tired cliché and utterly predictable.", ("story",)),
        point("The lead is wooden.", ("acting",)),
    ]
    text = opinion_summary(points, "negative", ["A Critic"], lexicon)
    assert text.startswith("The critic (A Critic) disliked mostly the music (“very uneven”)")
    assert "the story (“tired”" in text
    # No judging word known for "wooden": the aspect is named without inventing one.
    assert text.endswith("and the acting.")


def test_irregular_verb_forms_share_their_base_stem() -> None:
    from bot.reviews.qa.words import stem

    assert stem("took") == stem("take") == stem("taken")
    assert stem("wrote") == stem("writes")
    assert stem("shot") == stem("shooting")
    assert stem("thought") == stem("thinking")


def test_wh_words_with_a_clitic_are_no_content() -> None:
    from bot.reviews.qa.words import content_words

    assert content_words("where'd they pick up the dvd? who's the director?") == [
        "pick",
        "dvd",
        "director",
    ]
