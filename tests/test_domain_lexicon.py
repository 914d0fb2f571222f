"""The lexicon fitted to film reviews: signs that film snippets contradict are dropped."""

from __future__ import annotations

from bot.reviews.opinions.domain import film_lexicon, review_sentences, unsign
from bot.reviews.opinions.features import Lexicon
from bot.reviews.opinions.tagger import OpinionTagger

BASE = Lexicon(frozenset({"charming", "better"}), frozenset({"funny", "dull"}))


def test_a_sign_the_snippets_contradict_is_dropped_but_the_word_still_judges() -> None:
    texts = ["a funny , charming film"] * 40 + ["dull and flat"] * 40 + ["a funny mess"] * 2
    labels = [1] * 40 + [0] * 42
    fitted = film_lexicon(BASE, texts, labels)
    assert "funny" not in fitted.signs and "funny" in fitted.unsigned
    assert fitted.signs["charming"] == 1 and fitted.signs["dull"] == -1
    assert "funny" in fitted.opinion_words()


def test_conceding_snippets_do_not_count() -> None:
    # "dull but charming" is praise that names a fault: no evidence that "dull" is praise.
    texts = ["dull but charming"] * 40 + ["dull and flat"] * 10 + ["flat and tired"] * 40
    labels = [1] * 40 + [0] * 50
    assert film_lexicon(BASE, texts, labels).signs["dull"] == -1


def test_too_few_uses_leave_the_sign_alone() -> None:
    assert film_lexicon(BASE, ["a funny film"] * 5, [1] * 5).signs["funny"] == -1


def test_funny_reads_as_praise_in_a_review() -> None:
    tagger = OpinionTagger.load()
    assert tagger.tag("There are lots of funny moments in the film.").polarity == "positive"
    assert tagger.tag("It was not funny at all.").polarity == "negative"


def test_words_that_describe_a_film_are_not_read_as_complaints() -> None:
    tagger = OpinionTagger.load()
    assert tagger.tag("A dark, intense and complex thriller.").polarity == "positive"
    assert tagger.tag("The ending is haunting and unexpected.").polarity == "positive"
    # A plot sentence full of them stays plot.
    plot = tagger.tag("The murder happens at night and his lonely sister cries.")
    assert plot.subjectivity < 0.5 and plot.polarity == "neutral"


def test_review_sentences_carry_their_reviews_label() -> None:
    sentences, labels = review_sentences(["Great fun. Loved it!", "Dull."], [1, 0])
    assert sentences == ["Great fun.", "Loved it!", "Dull."] and labels == [1, 1, 0]
    lexicon = unsign(BASE, ["funny", "missing"])
    assert "funny" in lexicon.unsigned and "missing" not in lexicon.opinion_words()
