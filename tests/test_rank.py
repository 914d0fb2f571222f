"""Which units a likes/dislikes answer may quote, on hand-labelled sentences."""

from __future__ import annotations

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.qa.intents import ParsedQuestion, parse_question
from bot.reviews.qa.lookup import rank_lookup
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


CAST_TEXT = (
    "The film opens in a snowed-in hotel. Mara Lind is superb as the night porter. "
    "Tom Ashby makes a fine villain."
)
CAST_REVIEW = Review("r2", "Night Porter", None, None, None, None, None, None, CAST_TEXT, 3)


def cast_sentences() -> list[Sentence]:
    found, start = [], 0
    for position, text in enumerate(CAST_TEXT.split(". "), start=1):
        text = text if text.endswith(".") else text + "."
        begin = CAST_TEXT.index(text, start)
        found.append(Sentence(position, begin, begin + len(text), text, 0.2, "neutral", 0.0, ()))
        start = begin + len(text)
    return found


def first_answer(question: str) -> str | None:
    vocabulary = AspectVocabulary.load()
    parsed = parse_question(question, vocabulary, people={"mara", "lind", "tom", "ashby"})
    assert parsed.intent == "lookup"
    ranked = rank_lookup([CAST_REVIEW], {"r2": cast_sentences()}, parsed, vocabulary)
    return ranked[0][1].text if ranked else None


def test_who_played_a_part_is_answered_by_a_sentence_naming_someone() -> None:
    # "lead" is nowhere in the review: the answer is a sentence that names the cast.
    lead = first_answer("who played the lead?")
    assert lead is not None and lead.startswith(("Mara Lind", "Tom Ashby"))
    # A part the review does name picks the sentence naming both the player and the part.
    assert first_answer("who played the villain?") == "Tom Ashby makes a fine villain."
    assert first_answer("who plays the night porter?") == (
        "Mara Lind is superb as the night porter."
    )


LONG_TEXT = (
    "The snowmen are hilarious, they get put into a blender and switched on and then one of "
    "them says something rude and the rest of them go off to find a waffle iron and it burns."
)


def test_a_long_judgement_no_single_clause_carries_is_quoted_whole() -> None:
    from bot.reviews.qa.units import opinion_units

    cut = LONG_TEXT.index(" and it burns")
    review = Review("r3", "Snow", None, None, None, None, None, None, LONG_TEXT, 1)
    # The sentence model reads praise; the clause model finds each half too plot-like to label,
    # though the first still leans positive.
    sentence = Sentence(
        1,
        0,
        len(LONG_TEXT),
        LONG_TEXT,
        0.94,
        "positive",
        0.65,
        ("humour",),
        (
            Clause(0, cut, "neutral", 0.34, ("humour",), 0, cut),
            Clause(cut + 1, len(LONG_TEXT), "neutral", 0.02, (), cut + 1, len(LONG_TEXT)),
        ),
    )
    units = list(opinion_units(review, sentence))
    assert [u.text for u in units] == [LONG_TEXT]
    assert [u.text for _, u in rank_opinions(units, LIKES, "positive")] == [LONG_TEXT]


def test_a_clause_going_on_with_or_stays_with_the_judgement_before_it() -> None:
    from bot.reviews.qa.units import opinion_units

    text = "It offers some genuinely funny, clever, or tense moments, but the script is a mess."
    a, b = text.index(", or"), text.index(", but")
    review = Review("r4", "Judd", None, None, None, None, None, None, text, 1)
    sentence = Sentence(
        1,
        0,
        len(text),
        text,
        0.99,
        "mixed",
        0.1,
        ("humour",),
        (
            Clause(0, a, "positive", 0.6, ("humour",), 0, a),
            Clause(a + 2, b, "neutral", 0.0, (), a + 2, b),
            Clause(b + 2, len(text), "negative", -0.8, ("dialogue",), b + 2, len(text)),
        ),
    )
    quotes = [u.text for u in opinion_units(review, sentence)]
    assert quotes == [
        "It offers some genuinely funny, clever, or tense moments",
        ("but the script is a mess."),
    ]


def test_a_who_answer_names_the_people_nearest_the_question_words() -> None:
    from bot.reviews.qa.names import person_in

    vocabulary = AspectVocabulary.load()

    def who(question: str, text: str) -> str | None:
        parsed = parse_question(question, vocabulary, people=set())
        return person_in(text, parsed, "Night Porter")

    text = "Night Porter stars Mara Lind, and Tom Ashby makes a fine villain."
    assert who("who was the villain?", text) == "Tom Ashby"
    listed = "Jo Lee, Sam Park and Ann Wu wrote it, and Bo Ray directed."
    assert who("who wrote it?", listed) == "Jo Lee, Sam Park and Ann Wu"
    assert who("who directed it?", listed) == "Bo Ray"
    assert who("who was in it?", "It is a quiet film about a hotel.") is None


def test_strong_complaints_about_different_things_take_turns() -> None:
    from bot.reviews.qa.rank import spread_aspects

    def unit(position: int, aspect: str) -> object:
        whole = Sentence(position, 0, 10, TEXT[:10], 0.95, "negative", -0.9, (aspect,), ())
        return sentence_unit(REVIEW, whole)

    ranked = [(1.0, unit(1, "story")), (0.95, unit(2, "story")), (0.9, unit(3, "acting"))]
    ranked += [(0.2, unit(4, "pacing"))]
    order = [u.sentence.position for _, u in spread_aspects(ranked)]  # type: ignore[attr-defined]
    # The acting complaint comes before a second story one; a weak one gains nothing by being
    # about something new.
    assert order == [1, 3, 2, 4]
