"""The rating a review states: the critic's own score, not anyone else's, on the right scale."""

from __future__ import annotations

import pytest

from bot.reviews.qa.rating import parse_rating, stated_rating
from bot.reviews.qa.verdict import infer_stance
from bot.reviews.types import Review


def value_of(text: str, liked: float | None = None) -> float | None:
    rating = stated_rating(text)
    return None if rating is None else rating.value(liked)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A tidy little thriller. 8/10", 0.8),
        ("My verdict: 3 out of 5.", 0.6),
        ("Bottom line: 2 outta 5 stars.", 0.4),
        ("The verdict: 2 of 5 stars.", 0.4),
        ("I give it a .5 out of 10, and that is generous.", 0.05),
        ("I gave it 4 stars out of 10.", 0.4),
        ("** out of ****", 0.5),
    ],
)
def test_the_critics_score_is_read_on_its_scale(text: str, value: float) -> None:
    assert value_of(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "I walked out about 3/4 of the way through.",
        "The cinema was 3/4 empty by the end.",
        "We saw it on 08/10/06 at the festival.",
        "Nine out of ten viewers will hate it, and 9 out of 10 were bored stiff.",
        "Half the voters on IMDb gave it 10/10, which baffles me.",
        "Who gave this 10 out of 10? Dull from start to finish.",
        "Until the last reel this could have been a 10/10.",
    ],
)
def test_fractions_dates_and_other_peoples_scores_are_no_rating(text: str) -> None:
    assert stated_rating(text) is None


def test_the_last_own_score_is_the_verdict() -> None:
    # A breakdown by aspect ends with the overall score.
    assert value_of("Acting: 9/10. Story: 7/10. Overall: 4/10") == pytest.approx(0.4)


def test_a_score_with_no_scale_is_read_on_the_scale_the_words_agree_with() -> None:
    text = "Dull, ugly and far too long. I gave it 4 stars for the score."
    assert value_of(text, liked=0.05) == pytest.approx(0.4)  # of ten: a pan
    assert value_of(text, liked=0.95) == pytest.approx(0.8)  # of five: a rave
    review = Review("r", "A Film", None, None, None, None, None, None, text, 2)
    assert infer_stance(review, [], liked=0.05).verdict == "negative"
    assert infer_stance(review, [], liked=0.05).rating == "4 stars"


def test_metadata_rating_comes_first_and_a_bare_number_is_out_of_ten() -> None:
    rating = stated_rating("Loved it, 9/10.", metadata="3")
    assert rating is not None and rating.value() == pytest.approx(0.3)
    assert parse_rating("not a rating") is None


def test_a_score_after_a_verb_of_scoring_is_read_without_a_scale() -> None:
    text = "Dreadful from start to finish, so I'm giving this a 3, but only for the sets."
    assert value_of(text, liked=0.1) == pytest.approx(0.3)
    rating = stated_rating(text)
    assert rating is not None and rating.text == "3"
    # A scale after the number is the usual score; a duration is no score at all.
    assert value_of("I gave it an 8 out of 10.") == pytest.approx(0.8)
    assert stated_rating("I gave it a 2 minute chance before leaving.") is None


def test_scores_of_other_viewers_are_not_the_critics() -> None:
    assert stated_rating("Did the above 3/10 viewers actually watch the movie?") is None


def test_a_verdict_quotes_the_sentence_that_states_the_rating() -> None:
    from bot.reviews.types import Sentence

    text = "A muddled, noisy film. I'm giving this a 3."
    sentences = [
        Sentence(1, 0, 22, "A muddled, noisy film.", 0.9, "negative", -0.8),
        Sentence(2, 23, 43, "I'm giving this a 3.", 0.9, "neutral", 0.0),
    ]
    review = Review("r", "A Film", None, None, None, None, None, None, text, 2)
    stance = infer_stance(review, sentences, liked=0.1)
    assert (stance.verdict, stance.rating) == ("negative", "3")
    assert stance.rated_in is sentences[1] and stance.evidence is sentences[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('on the movie gauge of 1 to 10 , " the musketeer " is a shallow 3 .', 0.3),
        ("On a scale of 1-10 I give it 6.", 0.6),
        ("On a scale of 1 to 10 where 10 is best, this is an 8.", 0.8),
    ],
)
def test_a_score_on_a_scale_named_first(text: str, value: float) -> None:
    assert value_of(text) == pytest.approx(value)


def test_a_verdict_never_quotes_a_sentence_that_says_the_opposite() -> None:
    from bot.reviews.types import Sentence

    text = "I never like this message. Had it ended sooner, it would have been wonderful."
    sentences = [
        Sentence(1, 0, 26, "I never like this message.", 0.9, "negative", -0.6),
        Sentence(2, 27, 79, text[27:], 0.9, "positive", 0.8),
    ]
    review = Review("r", "A Film", None, None, None, None, None, None, text, 2)
    # Read as liked overall, but the only praise is for a film the critic did not see.
    stance = infer_stance(review, sentences, liked=0.9)
    assert stance.verdict == "positive" and stance.evidence is None


def test_a_score_moved_up_or_down_is_the_critic_s() -> None:
    assert value_of("The scenery is gorgeous, so that kicked it up to a 2 for me.", 0.1) == 0.2
    assert value_of("The silly ending knocks it down to a 6.", 0.6) == 0.6
    assert stated_rating("It moved along at a good pace to a 2 hour finish.") is None


@pytest.mark.parametrize(
    ("text", "stated", "value"),
    [
        ("all in all , i give it a d .", "D", 0.25),
        ("Grade: B+", "B+", 0.825),
        ("I give this an A!", "A", 1.0),
    ],
)
def test_a_letter_grade_is_a_rating(text: str, stated: str, value: float) -> None:
    rating = stated_rating(text)
    assert rating is not None and rating.text == stated
    assert rating.value() == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "It has a B-movie feel.",
        "I gave it a chance.",
        "It is rated R.",
        "I give it a go.",
        "I didn't give a f*** about any of these characters.",
    ],
)
def test_a_letter_that_is_no_grade_is_no_rating(text: str) -> None:
    assert stated_rating(text) is None


def test_scores_on_both_sides_are_read_at_the_one_the_words_lean_to() -> None:
    text = "Rise to Power - 1 out of 10. The original - 9 out of 10."
    assert stated_rating(text, liked=0.1).text == "1 out of 10"  # type: ignore[union-attr]
    assert stated_rating(text, liked=0.9).text == "9 out of 10"  # type: ignore[union-attr]
    # Words that lean nowhere leave the last score, as a review gives its own at the end.
    assert stated_rating(text, liked=0.5).text == "9 out of 10"  # type: ignore[union-attr]
    assert stated_rating(text).text == "9 out of 10"  # type: ignore[union-attr]


def test_a_breakdown_by_aspect_is_read_at_its_overall_score() -> None:
    text = "Visuals: 9/10. Music: 8/10. Acting: 7/10. Story: 2/10. Overall: 4/10."
    assert stated_rating(text, liked=0.9).text == "4/10"  # type: ignore[union-attr]
    two = "Great fun and a great cast. Story: 9/10. Overall: 4/10."
    assert stated_rating(two, liked=0.9).text == "4/10"  # type: ignore[union-attr]
