"""Surface cues of the critic's own voice that the corpus-trained model underweights.

SUBJ's opinions are short critic blurbs, so a reviewer musing in the first person ("I thought
she loved his music") or a plot summary with an evaluative aside ("a very corny argument") can
read as plot to the model. These floors lift such clauses; the accuracy benchmark reports SUBJ
with and without them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from bot.reviews.opinions.features import NEGATORS, Lexicon, negation_flags

# In SUBJ, 94% of sentences with a first-person singular pronoun are opinions.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll", "imo"})
FIRST_PERSON_FLOOR = 0.8
# An intensified lexicon word ("very corny", "so dull") is an opinion 83% of the time in SUBJ.
INTENSIFIERS = frozenset(
    {
        "very",
        "really",
        "so",
        "too",
        "incredibly",
        "extremely",
        "utterly",
        "truly",
        "painfully",
        "awfully",
        "terribly",
        "overly",
        "thoroughly",
        "downright",
        "hopelessly",
        "wildly",
    }
)
INTENSIFIED_FLOOR = 0.6


def subjectivity_floor(tokens: Sequence[str], lexicon: Lexicon) -> float:
    """The least subjectivity these tokens can have, judging by the critic-voice cues."""
    if not FIRST_PERSON.isdisjoint(tokens):
        return FIRST_PERSON_FLOOR
    if INTENSIFIERS.isdisjoint(tokens):
        return 0.0
    for first, second in pairwise(tokens):
        if first in INTENSIFIERS and (second in lexicon.negative or second in lexicon.positive):
            return INTENSIFIED_FLOOR
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
