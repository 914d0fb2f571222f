"""The word vectors lookups use to meet a review's own words."""

from __future__ import annotations

from bot.reviews.qa.similar import shipped_vectors


def test_shipped_word_vectors_know_a_words_company() -> None:
    vectors = shipped_vectors()
    assert vectors is not None
    near = vectors.neighbours("director", 25)
    assert "directed" in near and "filmmaker" in near
    assert "budget" not in near
    assert vectors.neighbours("zzkxvrrp", 25) == {}
