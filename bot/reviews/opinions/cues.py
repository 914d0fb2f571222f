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

from bot.reviews.opinions.features import Lexicon, negation_flags

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
    if any(token in FIRST_PERSON for token in tokens):
        return FIRST_PERSON_FLOOR
    for first, second in pairwise(tokens):
        if first in INTENSIFIERS and (second in lexicon.negative or second in lexicon.positive):
            return INTENSIFIED_FLOOR
    return 0.0


# How much a clause's lexicon reading counts against the model's: short clauses give the
# n-gram model little to go on, and corpus quirks ("acting" leans negative in MR) show through.
LEXICON_SHARE = 0.5


def lexicon_polarity(tokens: Sequence[str], lexicon: Lexicon) -> float | None:
    """Signed opinion-word balance in [-1, 1], flipped under negation; None if no opinion word."""
    balance = 0
    hits = 0
    for token, negated in zip(tokens, negation_flags(tokens), strict=True):
        sign = 1 if token in lexicon.positive else -1 if token in lexicon.negative else 0
        if sign:
            hits += 1
            balance += -sign if negated else sign
    if not hits:
        return None
    return math.tanh(balance)


def blend_polarity(model_score: float, tokens: Sequence[str], lexicon: Lexicon) -> float:
    """The model's signed polarity, pulled towards the lexicon reading where there is one."""
    reading = lexicon_polarity(tokens, lexicon)
    if reading is None:
        return model_score
    return (1.0 - LEXICON_SHARE) * model_score + LEXICON_SHARE * reading
