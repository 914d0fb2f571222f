"""Opinion labels for review sentences: subjectivity, polarity per clause, and aspects.

Gating: a clause only gets a positive or negative label when the subjectivity model thinks it is
an opinion, so plot retelling full of "love" and "dreams" stays neutral. `score` is the signed
polarity confidence scaled by subjectivity, so sorting by it also favours real judgements.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.opinions.clauses import clause_spans, opens_on_participle
from bot.reviews.opinions.cues import blend_polarity, lexicon_polarity
from bot.reviews.opinions.features import NEGATORS, packed_units, unique_units
from bot.reviews.opinions.model import POLARITY, SUBJECTIVITY, OpinionModel
from bot.reviews.opinions.stance import StanceModel
from bot.reviews.opinions.tokens import token_columns
from bot.reviews.opinions.voice import subjectivity_floor

# A clause is an opinion from here up; below it, its polarity is reported as neutral.
SUBJECTIVE_GATE = 0.5
# |2·P(positive) − 1| below this is too weak to call either way.
POLAR_MARGIN = 0.15
# Both sides of a "mixed" sentence must be at least this clear.
MIXED_MARGIN = 0.3
# A clause must be this long to turn an otherwise neutral sentence into an opinion.
LIFTING_CLAUSE_CHARS = 30
# Sentences scored per vectorised pass; larger batches only make the sort of their buckets slower.
BATCH = 512


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


# Tokens after which a capital letter starts a sentence or a quotation rather than a name.
_OPENERS = frozenset({".", "!", "?", ":", '"', "'", "-", "--", "..."})


# What a blanked-out name reads as: a token no training text has, so it weighs nothing.
_BLANK = "\x00"


def _without_names(
    text: str, words: list[str], starts: list[int], ends: list[int], signs: Mapping[str, int]
) -> list[str]:
    """`words` with the opinion words that are names or titles blanked out: a capitalised word
    inside a sentence ("Worth and Kazan", "Good Will Hunting") names someone or something; it
    does not judge. Shouting ("WORSE") is not a name. The training text is lower-cased, so
    this only changes what the bot reads in cased reviews."""
    masked: list[str] | None = None
    for i in range(1, len(words)):
        if not text[starts[i]].isupper() or words[i] not in signs or words[i - 1] in _OPENERS:
            continue
        surface = text[starts[i] : ends[i]]
        if surface.isupper() and len(surface) > 1:
            continue
        masked = masked if masked is not None else list(words)
        masked[i] = _BLANK
    return masked if masked is not None else words


# "It may not have the budget of a blockbuster, but…": what a critic concedes before "but" goes
# against what follows, whatever its own words read. Only a denied concession: "the plot might
# be thin, but the acting is worse" adds to it.
_CONCEDING = frozenset({"may", "might"})
_CONTRASTS = frozenset({"but", "yet"})


def _conceded(
    words: Sequence[str], next_word: str, clause: ClauseOpinion, main: ClauseOpinion
) -> bool:
    return (
        next_word in _CONTRASTS
        and not _CONCEDING.isdisjoint(words)
        and not NEGATORS.isdisjoint(words)
        and clause.polarity == main.polarity != "neutral"
    )


_CLAUSE_SUBJECTS = frozenset(
    "i it it's they they're he he's she she's we we're this that's you you're".split()
)


def _before_contrast(parsed: _Parsed, last: int) -> bool:
    """True when the next clause opens on "but" or "yet"."""
    following = [start for start, _ in parsed.spans if start >= last]
    return bool(following) and parsed.lexical[following[0]] in _CONTRASTS


def _turned(clause: ClauseOpinion) -> ClauseOpinion:
    polarity = "negative" if clause.polarity == "positive" else "positive"
    return replace(clause, polarity=polarity, score=-clause.score)


def _label(subjectivity: float, raw: float) -> str:
    if subjectivity < SUBJECTIVE_GATE or abs(raw) < POLAR_MARGIN:
        return "neutral"
    return "positive" if raw > 0 else "negative"


@dataclass(frozen=True, slots=True)
class _Parsed:
    words: list[str]
    starts: list[int]
    ends: list[int]
    spans: list[tuple[int, int]]
    first_unit: int
    # The scored token ranges: the whole sentence, then each clause if there are several.
    units: list[tuple[int, int]]
    # `words` as the models read them: opinion words that are names blanked out.
    lexical: list[str]


class OpinionTagger:
    """Tags sentences with the shipped linear models; load once, then call `tag_many`."""

    def __init__(
        self,
        model: OpinionModel,
        vocabulary: AspectVocabulary,
        stance: StanceModel | None = None,
    ) -> None:
        self._model = model
        self._vocabulary = vocabulary
        self._fallback = vocabulary.fallback()
        self._stance = stance

    @classmethod
    def load(
        cls, model_dir: Path | None = None, vocabulary: AspectVocabulary | None = None
    ) -> OpinionTagger:
        """Read the model files (raises `ModelError` if missing) and the aspect vocabulary."""
        vocab = vocabulary if vocabulary is not None else AspectVocabulary.load()
        return cls(OpinionModel.load(model_dir), vocab, StanceModel.load(model_dir))

    def liked(self, sentences: Sequence[str]) -> float | None:
        """P(the critic liked the film) for a whole review given as its sentences; None without
        a stance model."""
        return self._stance.probability(sentences) if self._stance is not None else None

    @property
    def vocabulary(self) -> AspectVocabulary:
        return self._vocabulary

    def tag(self, text: str) -> Opinion:
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[Opinion]:
        """Label many sentences, a vectorised pass over the weights per `BATCH` of them."""
        found: list[Opinion] = []
        for i in range(0, len(texts), BATCH):
            found.extend(self._tag_batch(texts[i : i + BATCH]))
        return found

    def _tag_batch(self, texts: Sequence[str]) -> list[Opinion]:
        lexicon = self._model.lexicon
        parsed: list[_Parsed | None] = []
        packed: list[bytes] = []
        for text in texts:
            words, starts, ends = token_columns(text)
            spans = clause_spans(words)
            if not spans:
                parsed.append(None)  # nothing to label: skip scoring it
                continue
            units = [(0, len(words))]
            if len(spans) > 1:
                units.extend(spans)
            lexical = _without_names(text, words, starts, ends, lexicon.signs)
            parsed.append(_Parsed(words, starts, ends, spans, len(packed), units, lexical))
            packed.extend(packed_units(lexical, units, lexicon))
        if not packed:
            return [NO_OPINION] * len(texts)
        buckets, firsts = unique_units(packed)
        margins = np.add.reduceat(np.take(self._model.weights, buckets, axis=0), firsts, axis=0)
        margins += self._model.bias
        probabilities = 1.0 / (1.0 + np.exp(-margins.astype(np.float64)))
        rows: list[list[float]] = probabilities.tolist()
        for item in parsed:
            if item is None:
                continue
            for k, (first, last) in enumerate(item.units):
                row = rows[item.first_unit + k]
                words = item.words[first:last]
                row[SUBJECTIVITY] = max(row[SUBJECTIVITY], subjectivity_floor(words))
                lexical = item.lexical[first:last]
                raw = blend_polarity(2.0 * row[POLARITY] - 1.0, lexical, lexicon)
                row[POLARITY] = (raw + 1.0) / 2.0
        return [NO_OPINION if p is None else self._opinion(p, rows) for p in parsed]

    def _opinion(self, parsed: _Parsed, rows: list[list[float]]) -> Opinion:
        starts, ends = parsed.starts, parsed.ends
        sentence = rows[parsed.first_unit]
        matches = self._vocabulary.match_words(parsed.words, starts, ends)
        clause_rows = rows[parsed.first_unit + 1 :] if len(parsed.spans) > 1 else [sentence]
        clauses: list[ClauseOpinion] = []
        for (first, last), row in zip(parsed.spans, clause_rows, strict=False):
            start, end = starts[first], ends[last - 1]
            subjectivity = row[SUBJECTIVITY]
            raw = 2.0 * row[POLARITY] - 1.0
            if subjectivity < SUBJECTIVE_GATE <= sentence[SUBJECTIVITY] and len(parsed.spans) > 1:
                subjectivity = self._inherited(
                    parsed.lexical[first:last], raw, subjectivity, sentence
                )
                if subjectivity < SUBJECTIVE_GATE and _before_contrast(parsed, last):
                    subjectivity = self._conceding(
                        parsed.lexical[first:last], raw, subjectivity, sentence
                    )
            # "…, adding to the atmosphere": a participle clause with no opinion word of its own
            # adds to the judgement before it; it says nothing against it.
            if (
                opens_on_participle(parsed.words, first)
                and lexicon_polarity(parsed.lexical[first:last], self._model.lexicon) is None
            ):
                raw = 0.0
            polarity = _label(subjectivity, raw)
            inside = [m for m in matches if m[1] >= start and m[2] <= end] if matches else []
            aspects = self._vocabulary.aspects_of(inside) if inside else ()
            if not aspects and polarity != "neutral" and self._fallback is not None:
                aspects = (self._fallback,)
            clauses.append(
                ClauseOpinion(start, end, polarity, raw * subjectivity, aspects, subjectivity)
            )
        for i in range(len(clauses) - 1):
            first, last = parsed.spans[i]
            next_word = parsed.lexical[parsed.spans[i + 1][0]]
            if _conceded(parsed.lexical[first:last], next_word, clauses[i], clauses[i + 1]):
                clauses[i] = _turned(clauses[i])
        # A clause with a subject of its own is no fragment, however short ("they're at least
        # believable"); "about the history of jazz" is.
        whole = {
            (c.start, c.end)
            for c, (first, last) in zip(clauses, parsed.spans, strict=False)
            if last - first >= 3 and parsed.lexical[first] in _CLAUSE_SUBJECTS
        }
        return self._combine(sentence, clauses, whole)

    def _inherited(
        self, lexical: list[str], raw: float, subjectivity: float, sentence: list[float]
    ) -> float:
        """A clause the subjectivity model reads as fact ("they failed miserably") inside a
        sentence it reads as opinion is opinion too when its opinion words and its polarity
        agree with the sentence's: a clause gives the model few words to go on, and SUBJ's plot
        sentences taught it that "they" and past events are plot."""
        whole = 2.0 * sentence[POLARITY] - 1.0
        if abs(whole) < MIXED_MARGIN or raw * whole <= 0 or abs(raw) < MIXED_MARGIN:
            return subjectivity
        reading = lexicon_polarity(lexical, self._model.lexicon)
        if reading is None or reading * whole <= 0:
            return subjectivity
        return sentence[SUBJECTIVITY]

    def _conceding(
        self, lexical: list[str], raw: float, subjectivity: float, sentence: list[float]
    ) -> float:
        """The clause a critic's "but" turns from is a judgement too, of the other sign: "They
        had a pretty good storyline to go on, but then messed it up" concedes the story (the
        model hears "they had" as plot)."""
        whole = 2.0 * sentence[POLARITY] - 1.0
        if abs(whole) < MIXED_MARGIN or raw * whole >= 0 or abs(raw) < POLAR_MARGIN:
            return subjectivity
        reading = lexicon_polarity(lexical, self._model.lexicon)
        if reading is None or reading * raw <= 0 or abs(reading) < MIXED_MARGIN:
            return subjectivity
        return sentence[SUBJECTIVITY]

    def _combine(
        self,
        sentence: list[float],
        clauses: list[ClauseOpinion],
        whole: Collection[tuple[int, int]] = (),
    ) -> Opinion:
        subjectivity = sentence[SUBJECTIVITY]
        raw = 2.0 * sentence[POLARITY] - 1.0
        polarity = _label(subjectivity, raw)
        polar = [c for c in clauses if c.polarity != "neutral"]
        clear = [c for c in polar if abs(c.score) >= MIXED_MARGIN * c.subjectivity]
        if {c.polarity for c in clear} == {"positive", "negative"}:
            polarity = "mixed"
            # Praise and blame side by side are the critic's, however the whole reads.
            subjectivity = max(subjectivity, min(c.subjectivity for c in clear))
        elif polarity == "neutral" and (
            long_enough := [
                c
                for c in polar
                if c.end - c.start >= LIFTING_CLAUSE_CHARS or (c.start, c.end) in whole
            ]
        ):
            # One opinionated clause inside a plot sentence still makes the sentence an opinion;
            # fragments ("about the history of jazz") are too short to be trusted with that.
            strongest = max(long_enough, key=lambda c: abs(c.score))
            polarity = strongest.polarity
            subjectivity = max(subjectivity, strongest.subjectivity)
            raw = strongest.score / strongest.subjectivity
        aspects = tuple(dict.fromkeys(a for c in clauses for a in c.aspects))
        return Opinion(subjectivity, polarity, raw * subjectivity, aspects, tuple(clauses))
