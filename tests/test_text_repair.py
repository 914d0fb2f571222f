"""repair(): glued words and sentences mended, clean text untouched, offsets exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.reviews.text import repair

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_44bfa849ba0067c6.txt"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Our storystarts off in a traffic jam", "Our story starts off in a traffic jam"),
        ("who pursue their dreamsin LA.", "who pursue their dreams in LA."),
        ("She fallsin love with him", "She falls in love with him"),
        ("Gosling is poorly cast as ajazz pianist.", "Gosling is poorly cast as a jazz pianist."),
        ("make himpretty good money", "make him pretty good money"),
        ("the music simply is notvery good", "the music simply is not very good"),
        ("the story will improve.Our central", "the story will improve. Our central"),
        ("finds him.He plays", "finds him. He plays"),
        ("the entire film!Mostly the lights", "the entire film! Mostly the lights"),
        ("fly down to LAand pursue", "fly down to LA and pursue"),
    ],
)
def test_glued_examples_from_the_seed_are_repaired(damaged: str, expected: str) -> None:
    assert repair(damaged).text == expected


@pytest.mark.parametrize(
    "clean",
    [
        "I understand why they stay together; however, nowhere is it said they cannot.",
        "Ryan Gosling moved to LA in 2016 and it was rated 3.5 out of 5.",
        "Some films, e.g. musicals, were made in the U.S. by Mr. Smith.",
        "See http://www.imdb.com/title/tt3783958/ or mail me@example.com for details.",
        "It's a well-made, don't-miss movie with happenstance and yesteryear charm.",
        "Kutcher and DiCaprio, DVDs and CDs, the iPhone era.",
    ],
)
def test_clean_text_is_untouched(clean: str) -> None:
    assert repair(clean).text == clean


def test_seed_review_has_no_false_splits_of_real_words() -> None:
    text = repair(SEED.read_text(encoding="utf-8")).text
    for word in ("understand", "together", "happenstance", "yesteryear", "Gosling", "LA"):
        assert re.search(rf"\b{word}\b", text)
    assert "story starts" in text and "dance with bliss along" in text


def test_html_breaks_are_paragraphs_and_entities_are_decoded() -> None:
    original = "Great.<br /><br />Tom &amp; Jerry&#39;s <i>best</i>&nbsp;film."
    repaired = repair(original)
    assert repaired.text == "Great.\nTom & Jerry's best film."
    start = repaired.text.index("Tom")
    assert original[slice(*repaired.to_original(start, start + 13))] == "Tom &amp; Jerry&#39;s"


def test_unicode_is_normalised_with_the_map_kept() -> None:
    original = "Caf\u0065\u0301 \ufb01lm\u00a0\u00a0ok"
    repaired = repair(original)
    assert repaired.text == "Café film ok"
    start = repaired.text.index("film")
    assert original[slice(*repaired.to_original(start, start + 4))] == "\ufb01lm"


def test_inserted_space_maps_to_an_empty_original_range() -> None:
    repaired = repair("a moody jazz pianist who is notvery good")
    space = repaired.text.index("not ") + 3
    start, end = repaired.to_original(space, space + 1)
    assert start == end
    word = repaired.text.index("very")
    assert repaired.to_original(word, word + 4) == (start, start + 4)


def test_source_has_one_original_index_per_character() -> None:
    original = "x<br />the storystarts.Here"
    repaired = repair(original)
    assert len(repaired.source) == len(repaired.text)
    for index, char in enumerate(repaired.text):
        if not char.isspace():
            assert original[repaired.source[index]] == char


def test_every_span_of_the_seed_maps_back_exactly() -> None:
    original = SEED.read_text(encoding="utf-8")
    repaired = repair(original)
    for match in re.finditer(r"\S+(?: \S+){0,3}", repaired.text):
        start, end = repaired.to_original(*match.span())
        assert squeeze(original[start:end]) == squeeze(match.group())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "story",
                "thestory",
                "in",
                "love",
                "inlove",
                "LA",
                " ",
                "  ",
                "\n",
                ".",
                "!",
                "Our",
                "<br />",
                "&amp;",
                "é",
                "3.5",
                "-",
                "'s",
                "Gosling",
                "notvery",
            ]
        ),
        max_size=40,
    )
)
def test_any_span_maps_to_matching_original_text(parts: list[str]) -> None:
    original = "".join(parts)
    repaired = repair(original)
    text = repaired.text
    for start in range(0, len(text) + 1, 3):
        for end in range(start, min(len(text), start + 12) + 1, 2):
            ostart, oend = repaired.to_original(start, end)
            assert 0 <= ostart <= oend <= len(original)
            if "<" not in original and "&" not in original:
                assert squeeze(original[ostart:oend]) == squeeze(text[start:end])
