"""The learned intent model: questions no cue rule reads, read by a model fitted on examples."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.errors import ModelError
from bot.resources import config_path
from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.opinions.stance import StanceModel
from bot.reviews.qa.answerer import Answerer
from bot.reviews.qa.intent_model import INTENT_FILE, Guess, IntentModel, shipped_intent_model
from bot.reviews.qa.intents import parse_question
from bot.reviews.qa.similar import WordVectors
from bot.reviews.qa.words import tokens
from bot.reviews.service import ReviewService
from bot.reviews.types import Question

# Phrasings no cue rule knows, none of them near an example the model was fitted on.
UNSEEN = {
    "which bits made them wince": "dislikes",
    "what made them bored stiff": "dislikes",
    "anything that won them round": "likes",
    "which moments had them cheering": "likes",
    "was it a clunker then": "verdict",
}


def _examples() -> list[set[str]]:
    lines = config_path("questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [set(tokens(json.loads(line)["question"])) for line in lines if line.strip()]


def _nearest_example(question: str, examples: list[set[str]]) -> float:
    """The largest share of words any example has in common with the question (Jaccard)."""
    words = set(tokens(question))
    return max(len(words & e) / len(words | e) for e in examples)


@pytest.fixture(scope="module")
def vocabulary() -> AspectVocabulary:
    return AspectVocabulary.load()


def test_the_model_reads_phrasings_no_rule_knows(vocabulary: AspectVocabulary) -> None:
    model = shipped_intent_model()
    assert model is not None
    examples = _examples()
    for question, intent in UNSEEN.items():
        assert _nearest_example(question, examples) <= 0.5, question
        # The rules alone take each for a lookup of its words.
        assert parse_question(question, vocabulary, people=set()).intent == "lookup"
        parsed = parse_question(question, vocabulary, people=set(), model=model)
        assert parsed.intent == intent, question
    dislikes = parse_question("which bits made them wince", vocabulary, people=set(), model=model)
    assert dislikes.polarity == "negative" and dislikes.guessed


def test_the_rules_come_first(vocabulary: AspectVocabulary) -> None:
    # A model sure of something else reads none of the questions a rule does.
    model = FixedReading("unknown")
    for question, intent in {
        "what did they think of the music?": "aspect",
        "who directed it?": "lookup",
        "did they like it?": "verdict",
        "what's it about?": "plot",
    }.items():
        parsed = parse_question(question, vocabulary, people=set(), model=model)
        assert (parsed.intent, parsed.guessed) == (intent, False)
    # Nor "why?" and "what else?", which the conversation reads.
    for follow_up in ("why?", "what else?"):
        parsed = parse_question(follow_up, vocabulary, people=set(), model=FixedReading("likes"))
        assert not parsed.guessed, follow_up


def test_a_saved_model_reads_the_same(tmp_path: Path) -> None:
    model = shipped_intent_model()
    assert model is not None
    model.save(tmp_path / INTENT_FILE)
    again = IntentModel.load(tmp_path / INTENT_FILE, None)
    with_vectors = IntentModel.load(tmp_path / INTENT_FILE, model._vectors)
    for question in UNSEEN:
        first, second = model.guess(question, ()), with_vectors.guess(question, ())
        assert first is not None and second is not None
        assert (first.intent, round(first.probability, 2)) == (
            second.intent,
            round(second.probability, 2),
        )
        assert again.guess(question, ()) is not None


def test_an_unreadable_model_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / INTENT_FILE
    np.savez(broken, format=np.array([99]))
    with pytest.raises(ModelError, match="format"):
        IntentModel.load(broken, None)
    for content in (b"not a model", b""):
        broken.write_bytes(content)
        with pytest.raises(ModelError, match="Cannot read"):
            IntentModel.load(broken, None)
    # A model fitted on other word vectors than the shipped ones is refused, not misread.
    model = shipped_intent_model()
    assert model is not None
    model.save(broken)
    other = WordVectors(["film"], np.ones((1, 7), dtype=np.float32))
    with pytest.raises(ModelError, match="retrain"):
        IntentModel.load(broken, other)


class FixedReading:
    """A fake model that reads every question as one intent."""

    def __init__(self, intent: str) -> None:
        self.intent = intent

    def guess(self, text: str, aspects: Sequence[str]) -> Guess | None:
        return Guess(self.intent, 0.99)


def test_a_close_match_in_the_review_still_makes_a_lookup(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "oslo.jsonl"
    text = (
        "The two leads are charming. The film won the jury prize at a festival in Oslo. "
        "The photography is flat and the score forgettable."
    )
    path.write_text(json.dumps({"id": "oslo", "film": "Oslo", "text": text}))
    service.ingest_paths_sync([path])
    answerer = Answerer(
        service.store,
        service.vocabulary_unlocked(),
        stance=StanceModel.load(),
        intents=FixedReading("likes"),
    )
    films = service.films_sync()
    prize = answerer.answer(Question("jury prize at the oslo festival?"), films)
    assert prize.intent == "lookup" and "jury prize" in prize.points[0].text
    # No rule reads this and nothing in the review holds its words: the model's reading stands.
    tickled = answerer.answer(Question("what tickled them?"), films)
    assert tickled.intent == "likes" and "charming" in tickled.points[0].text
    assert tickled.as_json()["intent_by"] == "model"
    assert "intent_by" not in prize.as_json()
