"""Opinion labels for review sentences: subjectivity, polarity per clause, and aspects.

Gating: a clause only gets a positive or negative label when the subjectivity model thinks it is
an opinion, so plot retelling full of "love" and "dreams" stays neutral. `score` is the signed
polarity confidence scaled by subjectivity, so sorting by it also favours real judgements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.opinions.clauses import clause_spans
from bot.reviews.opinions.cues import blend_polarity, subjectivity_floor
from bot.reviews.opinions.features import unit_indices
from bot.reviews.opinions.model import POLARITY, SUBJECTIVITY, OpinionModel
from bot.reviews.opinions.tokens import Token, tokenize

# A clause is an opinion from here up; below it, its polarity is reported as neutral.
SUBJECTIVE_GATE = 0.5
# |2·P(positive) − 1| below this is too weak to call either way.
POLAR_MARGIN = 0.15
# Both sides of a "mixed" sentence must be at least this clear.
MIXED_MARGIN = 0.3
# A clause must be this long to turn an otherwise neutral sentence into an opinion.
LIFTING_CLAUSE_CHARS = 30


@dataclass(frozen=True, slots=True)
class ClauseOpinion:
    """One clause's judgement; offsets are relative to the text given to `tag`."""

    start: int
    end: int
    polarity: str
    score: float
    aspects: tuple[str, ...]
    subjectivity: float = 0.5


@dataclass(frozen=True, slots=True)
class Opinion:
    """A sentence's labels; `clauses` always has at least one entry when the text has words."""

    subjectivity: float
    polarity: str
    score: float
    aspects: tuple[str, ...]
    clauses: tuple[ClauseOpinion, ...]


NO_OPINION = Opinion(0.0, "neutral", 0.0, (), ())


def _label(subjectivity: float, raw: float) -> str:
    if subjectivity < SUBJECTIVE_GATE or abs(raw) < POLAR_MARGIN:
        return "neutral"
    return "positive" if raw > 0 else "negative"


@dataclass(frozen=True, slots=True)
class _Parsed:
    tokens: list[Token]
    spans: list[tuple[int, int]]
    first_unit: int
    floors: list[float]
    readings: list[tuple[int, int]]


class OpinionTagger:
    """Tags sentences with the shipped linear models; load once, then call `tag_many`."""

    def __init__(self, model: OpinionModel, vocabulary: AspectVocabulary) -> None:
        self._model = model
        self._vocabulary = vocabulary
        self._fallback = vocabulary.fallback()

    @classmethod
    def load(
        cls, model_dir: Path | None = None, vocabulary: AspectVocabulary | None = None
    ) -> OpinionTagger:
        """Read the model files (raises `ModelError` if missing) and the aspect vocabulary."""
        vocab = vocabulary if vocabulary is not None else AspectVocabulary.load()
        return cls(OpinionModel.load(model_dir), vocab)

    @property
    def vocabulary(self) -> AspectVocabulary:
        return self._vocabulary

    def tag(self, text: str) -> Opinion:
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[Opinion]:
        """Label many sentences with one vectorised pass over the weights."""
        lexicon = self._model.lexicon
        parsed: list[_Parsed] = []
        indices: list[int] = []
        offsets: list[int] = []
        for text in texts:
            tokens = tokenize(text)
            spans = clause_spans(tokens) if tokens else []
            words = [t.text for t in tokens]
            units = [(0, len(tokens))]
            if len(spans) > 1:
                units.extend(spans)
            floors: list[float] = []
            for first, last in units:
                floors.append(subjectivity_floor(words[first:last], lexicon))
                offsets.append(len(indices))
                indices.extend(unit_indices(words[first:last], lexicon))
            parsed.append(_Parsed(tokens, spans, len(offsets) - len(units), floors, units))
        if not offsets:
            return []
        gathered = self._model.weights[np.asarray(indices, dtype=np.int64)]
        margins = np.add.reduceat(gathered, np.asarray(offsets, dtype=np.int64), axis=0)
        margins += self._model.bias
        probabilities = 1.0 / (1.0 + np.exp(-margins.astype(np.float64)))
        rows: list[list[float]] = probabilities.tolist()
        for item in parsed:
            for k, floor in enumerate(item.floors):
                row = rows[item.first_unit + k]
                row[SUBJECTIVITY] = max(row[SUBJECTIVITY], floor)
                first, last = item.readings[k]
                words = [t.text for t in item.tokens[first:last]]
                raw = blend_polarity(2.0 * row[POLARITY] - 1.0, words, lexicon)
                row[POLARITY] = (raw + 1.0) / 2.0
        return [self._opinion(text, p, rows) for text, p in zip(texts, parsed, strict=True)]

    def _opinion(self, text: str, parsed: _Parsed, rows: list[list[float]]) -> Opinion:
        if not parsed.spans:
            return NO_OPINION
        tokens = parsed.tokens
        sentence = rows[parsed.first_unit]
        matches = self._vocabulary.match_tokens(tokens)
        clause_rows = rows[parsed.first_unit + 1 :] if len(parsed.spans) > 1 else [sentence]
        clauses: list[ClauseOpinion] = []
        for (first, last), row in zip(parsed.spans, clause_rows, strict=False):
            start, end = tokens[first].start, tokens[last - 1].end
            subjectivity = row[SUBJECTIVITY]
            raw = 2.0 * row[POLARITY] - 1.0
            polarity = _label(subjectivity, raw)
            inside = [m for m in matches if m[1] >= start and m[2] <= end]
            aspects = self._vocabulary.aspects_of(inside)
            if not aspects and polarity != "neutral" and self._fallback is not None:
                aspects = (self._fallback,)
            clauses.append(
                ClauseOpinion(start, end, polarity, raw * subjectivity, aspects, subjectivity)
            )
        return self._combine(sentence, clauses)

    def _combine(self, sentence: list[float], clauses: list[ClauseOpinion]) -> Opinion:
        subjectivity = sentence[SUBJECTIVITY]
        raw = 2.0 * sentence[POLARITY] - 1.0
        polarity = _label(subjectivity, raw)
        polar = [c for c in clauses if c.polarity != "neutral"]
        clear = [c for c in polar if abs(c.score) >= MIXED_MARGIN * c.subjectivity]
        if {c.polarity for c in clear} == {"positive", "negative"}:
            polarity = "mixed"
        elif polarity == "neutral" and any(c.end - c.start >= LIFTING_CLAUSE_CHARS for c in polar):
            # One opinionated clause inside a plot sentence still makes the sentence an opinion;
            # fragments ("about the history of jazz") are too short to be trusted with that.
            long_enough = [c for c in polar if c.end - c.start >= LIFTING_CLAUSE_CHARS]
            strongest = max(long_enough, key=lambda c: abs(c.score))
            polarity = strongest.polarity
            subjectivity = max(subjectivity, strongest.subjectivity)
            raw = strongest.score / strongest.subjectivity
        aspects = tuple(dict.fromkeys(a for c in clauses for a in c.aspects))
        return Opinion(subjectivity, polarity, raw * subjectivity, aspects, tuple(clauses))
