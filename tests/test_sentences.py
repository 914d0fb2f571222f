"""prepare(): sentences split on repaired text, cited by exact offsets into the original."""

from __future__ import annotations

import re
from pathlib import Path

from bot.reviews.text import PreparedSentence, prepare

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_44bfa849ba0067c6.txt"

IMDB_LIKE = (
    "Once again Mr. Costner has dragged out a movie for far longer than necessary.<br /><br />"
    "Aside from the terrific sea rescue sequences, I just did not care about any of the "
    "characters. Rating: 3.5/10 &amp; that&#39;s generous!<br />Ashton Kutcher is cocky"
)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_offsets_exact(original: str, sentences: list[PreparedSentence]) -> None:
    previous_end = 0
    for sentence in sentences:
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(original)
        assert sentence.text == sentence.text.strip() and sentence.text
        previous_end = sentence.end


def test_seed_sentences_match_the_original_without_whitespace() -> None:
    original = SEED.read_text(encoding="utf-8")
    sentences = prepare(original)
    assert len(sentences) > 30
    assert_offsets_exact(original, sentences)
    for sentence in sentences:
        assert squeeze(original[sentence.start : sentence.end]) == squeeze(sentence.text)


def test_seed_is_split_at_its_glued_full_stops() -> None:
    texts = [sentence.text for sentence in prepare(SEED.read_text(encoding="utf-8"))]
    assert any(text.endswith("I assume the story will improve.") for text in texts)
    assert any(text.startswith("Our central characters") for text in texts)
    assert any(text.endswith("finds him.") for text in texts)
    assert any(text.startswith("He plays a solo piano song") for text in texts)
    assert any(text.startswith("Mostly the lights") for text in texts)
    assert any(text.startswith("What exactly is the purpose") for text in texts)


def test_html_review_sentences() -> None:
    sentences = prepare(IMDB_LIKE)
    assert [s.text for s in sentences] == [
        "Once again Mr. Costner has dragged out a movie for far longer than necessary.",
        "Aside from the terrific sea rescue sequences, I just did not care about any of the "
        "characters.",
        "Rating: 3.5/10 & that's generous!",
        "Ashton Kutcher is cocky",
    ]
    assert_offsets_exact(IMDB_LIKE, sentences)
    third = sentences[2]
    assert IMDB_LIKE[third.start : third.end] == "Rating: 3.5/10 &amp; that&#39;s generous!"
    assert "<br" not in "".join(IMDB_LIKE[s.start : s.end] for s in sentences)


def test_original_span_maps_a_clause_of_a_sentence() -> None:
    original = "Intro.<br />The songs are bad but thestory is good."
    sentence = prepare(original)[1]
    clause = sentence.text.index("the story")
    start, end = sentence.original_span(clause, len(sentence.text))
    assert original[start:end] == "thestory is good."


def test_empty_and_whitespace_only_input_gives_no_sentences() -> None:
    assert prepare("") == []
    assert prepare("  \n\t ") == []
    assert prepare("<br /><br />") == []


def test_second_call_is_fast() -> None:
    import time

    prepare(IMDB_LIKE)
    start = time.perf_counter()
    prepare(IMDB_LIKE)
    assert time.perf_counter() - start < 0.05


def test_lowercase_reviews_are_split_into_sentences() -> None:
    # Critic archives and many user reviews are all lower case; each judgement must stay its
    # own sentence or one quote would swallow the whole review.
    original = (
        "i must admit , the single is quite catchy . it was bouncy enough to get me to go . "
        "the result ? a movie that's just as good as that song , really . "
        "the dialogue is pretty snappy , as dr. smith would say ."
    )
    sentences = prepare(original)
    assert [s.text for s in sentences] == [
        "i must admit , the single is quite catchy .",
        "it was bouncy enough to get me to go .",
        "the result ?",
        "a movie that's just as good as that song , really .",
        "the dialogue is pretty snappy , as dr. smith would say .",
    ]
    assert_offsets_exact(original, sentences)
    for sentence in sentences:
        assert original[sentence.start : sentence.end] == sentence.text


def test_a_title_in_capitals_does_not_end_a_sentence() -> None:
    texts = [s.text for s in prepare("It was first used in MR. WONG, DETECTIVE. It was fine.")]
    assert texts == ["It was first used in MR. WONG, DETECTIVE.", "It was fine."]


def test_a_sentence_opening_on_a_title_starts_a_new_sentence() -> None:
    text = "Her boss is fired for being a jerk. Mr. Marchand is a mess. They get the money."
    sentences = prepare(text)
    assert [s.text for s in sentences] == [
        "Her boss is fired for being a jerk.",
        "Mr. Marchand is a mess.",
        "They get the money.",
    ]
    assert_offsets_exact(text, sentences)
    assert [s.text for s in prepare("She met Dr. Who. Then he left.")] == [
        "She met Dr. Who.",
        "Then he left.",
    ]


def test_a_lowercase_sentence_ending_in_a_bracket_or_quote_ends_there() -> None:
    # A closing bracket or quote before the full stop is no initial ("j. edgar").
    original = (
        'the word for her is " wonder " . not that she is one . she kills the husband '
        "( chazz palminteri ) . in a comedy of errors , nobody dies ."
    )
    assert [s.text for s in prepare(original)] == [
        'the word for her is " wonder " .',
        "not that she is one .",
        "she kills the husband ( chazz palminteri ) .",
        "in a comedy of errors , nobody dies .",
    ]


def test_a_lowercase_sentence_opening_on_a_quotation_starts_there() -> None:
    original = 'the movie treats death as a joke . " idle hands " is gruesome and morbid .'
    assert [s.text for s in prepare(original)] == [
        "the movie treats death as a joke .",
        '" idle hands " is gruesome and morbid .',
    ]


def test_a_question_mark_inside_an_aside_ends_no_sentence() -> None:
    text = (
        "Chris Lybbert (who?) as the hero and Louis Schweibert (who?) as the villain look lost. "
        "Is this a joke? it must be."
    )
    sentences = prepare(text)
    assert [s.text for s in sentences] == [
        "Chris Lybbert (who?) as the hero and Louis Schweibert (who?) as the villain look lost.",
        "Is this a joke?",
        "it must be.",
    ]
    assert_offsets_exact(text, sentences)


def test_a_bracketed_sentence_stays_apart_from_the_next() -> None:
    text = "The cast is great. (He was also great in Heat.) the rest of the film is a mess."
    assert [s.text for s in prepare(text)] == [
        "The cast is great.",
        "(He was also great in Heat.)",
        "the rest of the film is a mess.",
    ]


def test_a_long_aside_with_a_cry_ends_no_sentence() -> None:
    text = "The villain (played by a wooden Steven Seagal, of all people!) never once smiles."
    assert [s.text for s in prepare(text)] == [text]
