"""The whole-review stance model that verdicts rest on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.errors import ModelError
from bot.reviews.opinions.stance import STANCE_FILE, StanceModel
from bot.reviews.qa.verdict import infer_stance, verdict_of
from bot.reviews.types import Review

RAVE = (
    "A gripping, beautifully acted thriller. The direction is spot-on and the score is superb. "
    "One of the best films of the year; I loved every minute and will watch it again."
)
PAN = (
    "A tedious, badly acted mess. The plot makes no sense, the dialogue is laughable and the "
    "ending is a cop-out. I was bored stiff and would not recommend it to anyone."
)
# Praise for parts, an overall pan: a sum of sentence scores calls this a draw.
PAN_WITH_PRAISE = (
    "The costumes are lovely and the lead does some good acting. But the story is a cliche, "
    "the songs are forgettable and the whole thing is a waste of two hours. Skip it."
)


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def test_clear_reviews_lean_the_right_way(model: StanceModel) -> None:
    assert model.probability([RAVE]) > 0.8
    assert model.probability([PAN]) < 0.2
    assert model.probability([PAN_WITH_PRAISE]) < 0.35


def test_sentences_or_one_string_read_alike(model: StanceModel) -> None:
    sentences = RAVE.split(". ")
    assert model.probability(sentences) == pytest.approx(model.probability([" ".join(sentences)]))


def test_no_words_is_no_stance(model: StanceModel) -> None:
    assert model.probability([""]) == 0.5


def review(text: str, rating: str | None = None) -> Review:
    return Review("r1", "A Film", None, "A critic", None, rating, None, None, text, 1)


def test_a_stated_rating_beats_the_model() -> None:
    assert infer_stance(review(RAVE, rating="2/10"), [], liked=0.95).verdict == "negative"
    assert infer_stance(review(RAVE), [], liked=0.95).verdict == "positive"
    assert infer_stance(review(RAVE), [], liked=0.5).verdict == "mixed"
    assert infer_stance(review(PAN), [], liked=0.05).verdict == "negative"


def test_missing_or_foreign_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"train_opinions\.py"):
        StanceModel.load(tmp_path)
    np.savez(tmp_path / STANCE_FILE, version=np.array(1), weights=np.zeros(10), bias=np.array(0.0))
    with pytest.raises(ModelError, match=r"unreadable|retrain"):
        StanceModel.load(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "The film isn't very good, and the ending never works.",
        "A wonderful, moving film. I loved every minute of it!",
        "Not bad at all -- though nobody will remember the score.",
    ],
)
def test_review_features_match_the_training_features(text: str) -> None:
    from bot.reviews.opinions.features import unit_indices, word_buckets
    from bot.reviews.opinions.stance import StanceModel
    from bot.reviews.opinions.tokens import normalise

    lexicon = StanceModel.load().lexicon
    tokens = normalise(text)
    assert word_buckets(tokens, lexicon).tolist() == sorted(
        unit_indices(tokens, lexicon, chars=False)
    )


def test_the_review_s_own_judgements_temper_the_word_model() -> None:
    # The word model leans positive (0.62, mixed on its own), but the sentence labels are
    # clearly negative: the verdict is negative. With agreeing labels it stays positive.
    assert verdict_of(None, 0.62, -0.6)[0] == "negative"
    assert verdict_of(None, 0.62, 0.4)[0] == "positive"
    assert verdict_of(None, 0.95, -0.2)[0] == "positive"
