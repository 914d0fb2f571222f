"""The aspect vocabulary: review cues and question words resolve to the same aspects."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.reviews.opinions.aspects import AspectVocabulary


@pytest.fixture(scope="module")
def vocabulary() -> AspectVocabulary:
    return AspectVocabulary.load()


def test_shipped_vocabulary_lists_the_documented_aspects(vocabulary: AspectVocabulary) -> None:
    names = vocabulary.names()
    for aspect in ("overall", "story", "acting", "casting", "dialogue", "music", "dance"):
        assert aspect in names
    assert vocabulary.fallback() == "overall"


@pytest.mark.parametrize(
    ("asked", "aspect"),
    [
        ("tunes", "music"),
        ("soundtrack", "music"),
        ("the songs", "music"),
        ("performances", "acting"),
        ("dancing", "dance"),
        ("choreography", "dance"),
        ("How was the acting?", "acting"),
        ("what about the special effects", "effects"),
        ("Cinematography", "visuals"),
        ("was it funny", "humour"),
        ("the script", "dialogue"),
        ("plot", "story"),
    ],
)
def test_question_words_resolve(vocabulary: AspectVocabulary, asked: str, aspect: str) -> None:
    assert vocabulary.resolve(asked) == aspect


def test_unknown_word_resolves_to_none(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.resolve("weather") is None


def test_match_reports_cue_offsets(vocabulary: AspectVocabulary) -> None:
    text = "The special effects dazzle, but the Songs are forgettable."
    found = vocabulary.match(text)
    assert [(name, text[start:end]) for name, start, end in found] == [
        ("effects", "special effects"),
        ("music", "Songs"),
    ]


def test_phrase_beats_its_words(vocabulary: AspectVocabulary) -> None:
    # "poorly cast" is a casting complaint, not a remark about the cast's acting.
    assert vocabulary.aspects_in("Gosling is poorly cast.") == ("casting",)


def test_fallback_only_when_nothing_specific(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.aspects_in("The film's soundtrack is lovely.") == ("music",)
    assert vocabulary.aspects_in("The film is lovely.") == ("overall",)


def test_inflections_and_accents(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.aspects_in("She danced beautifully") == ("dance",)
    assert vocabulary.aspects_in("Its comedies rarely land") == ("humour",)
    assert vocabulary.aspects_in("Clichéd from start to finish") == ("story",)


def test_explicit_path_and_editing(tmp_path: Path) -> None:
    path = tmp_path / "aspects.toml"
    path.write_text('[food]\ncues = ["popcorn", "snack bar"]\n', encoding="utf-8")
    vocabulary = AspectVocabulary.load(path)
    assert vocabulary.names() == ("food",)
    assert vocabulary.aspects_in("The snack bars were closed") == ("food",)


def test_bad_file_names_the_aspect(tmp_path: Path) -> None:
    path = tmp_path / "aspects.toml"
    path.write_text('[music]\ncues = "songs"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[music\]"):
        AspectVocabulary.load(path)


def test_the_leads_are_the_acting_but_a_plot_that_leads_somewhere_is_not(
    vocabulary: AspectVocabulary,
) -> None:
    assert vocabulary.aspects_in("were the two leads convincing?") == ("acting",)
    assert "acting" not in vocabulary.aspects_in("which leads to a dull finale")


def test_hyphenated_words_name_the_aspect_of_their_parts(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.aspects_in("the overly flashy, shaky, camera-work") == ("visuals",)
    assert vocabulary.aspects_in("it was well-acted") == ("acting",)
    assert vocabulary.aspects_in("a sci-fi romp") == ()


def test_in_the_end_sums_up_and_names_no_ending(vocabulary: AspectVocabulary) -> None:
    assert "ending" not in vocabulary.aspects_in("In the end, it is a waste of time.")
    assert "ending" not in vocabulary.aspects_in("At the end of the day the acting carries it.")
    assert vocabulary.aspects_in("The end is a letdown.") == ("ending",)


def test_a_number_sign_in_a_cue_stands_for_any_number(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.aspects_in("The last 20 minutes are superb.") == ("ending",)
    assert "ending" not in vocabulary.aspects_in("The first 20 minutes are superb.")


def test_idioms_are_read_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "aspects.toml"
    path.write_text('[music]\ncues = ["score"]\nidioms = ["score points"]\n', encoding="utf-8")
    vocabulary = AspectVocabulary.load(path)
    assert vocabulary.aspects_in("The score is lovely.") == ("music",)
    assert vocabulary.aspects_in("It wants to score points.") == ()
    path.write_text('[music]\ncues = ["score"]\nidioms = "score points"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="idioms"):
        AspectVocabulary.load(path)


def test_a_score_given_is_no_music(vocabulary: AspectVocabulary) -> None:
    assert vocabulary.aspects_in("It escapes the lowest possible score from me.") == ()
    assert vocabulary.aspects_in("The score by Max Steiner soars.") == ("music",)


def test_a_film_that_ends_up_somewhere_names_no_ending(vocabulary: AspectVocabulary) -> None:
    assert "ending" not in vocabulary.aspects_in("The film ended up being a mess.")
    assert vocabulary.aspects_in("The film ends on a sour note.") == ("ending",)
    assert vocabulary.aspects_in("The film boasts a score of haunting beauty.") == ("music",)
