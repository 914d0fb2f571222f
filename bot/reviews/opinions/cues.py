"""Surface cues of the critic's own voice that the corpus-trained model underweights.

SUBJ's opinions are short critic blurbs, so a reviewer musing in the first person ("I thought
she loved his music") can read as plot to the model. A floor lifts such clauses; the accuracy
benchmark reports SUBJ with and without it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.reviews.opinions.features import NEGATORS, Lexicon, negation_flags

# In SUBJ, 94% of sentences with a first-person singular pronoun are opinions.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll", "imo"})
FIRST_PERSON_FLOOR = 0.8
# An intensifier before an opinion word ("so dull") was once a floor of 0.6 too: in SUBJ's
# 10-fold CV it lifted 59 plot sentences ("so happy", "very angry") for 5 opinions rescued, and
# cost the shipped model 0.54 points (93.84 -> 93.30), so it was dropped.


def subjectivity_floor(tokens: Sequence[str]) -> float:
    """The least subjectivity these tokens can have, judging by the critic-voice cues."""
    if not FIRST_PERSON.isdisjoint(tokens):
        return FIRST_PERSON_FLOOR
    return 0.0


# How much a clause's lexicon reading counts against the model's: short clauses give the
# n-gram model little to go on, and corpus quirks ("acting" leans negative in MR) show through.
LEXICON_SHARE = 0.5


def lexicon_polarity(tokens: Sequence[str], lexicon: Lexicon) -> float | None:
    """Signed opinion-word balance in [-1, 1], flipped under negation; None if no opinion word."""
    signs = map(lexicon.signs.get, tokens)
    if NEGATORS.isdisjoint(tokens):
        found = [s for s in signs if s]
    else:
        flags = negation_flags(tokens)
        found = [-s if negated else s for s, negated in zip(signs, flags, strict=True) if s]
    if not found:
        return None
    return math.tanh(sum(found))


def blend_polarity(model_score: float, tokens: Sequence[str], lexicon: Lexicon) -> float:
    """The model's signed polarity, pulled towards the lexicon reading where there is one."""
    reading = lexicon_polarity(tokens, lexicon)
    if reading is None:
        return model_score
    return (1.0 - LEXICON_SHARE) * model_score + LEXICON_SHARE * reading
