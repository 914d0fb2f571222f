"""The opinion lexicon fitted to film reviews: words whose sign reviews clearly do not share.

Hu & Liu's lists were built from product reviews. In film reviews "funny" is praise, "like" is
mostly a preposition and "better" mostly a complaint ("could have been better"), yet the lists
count them the other way, and the lexicon cues and blend pull "There are lots of funny moments"
towards neutral. A word is kept as an opinion word but loses its sign when, outside a negation
and in snippets that neither concede nor suppose, it sits in labelled film snippets of the other
polarity far more often than chance allows (a z-score of its log odds ratio beyond `Z_LIMIT`).
Training only: the result ships inside the model files.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from bot.reviews.opinions.features import Lexicon, negation_flags
from bot.reviews.opinions.tokens import normalise

Z_LIMIT = 3.0
MIN_COUNT = 10
# Snippets that concede or suppose ("flawed but engrossing", "would be better if") are left out:
# there a criticised word sits in a positive snippet, or praise in a negative one, by design.
_HEDGES = frozenset("but yet though although however despite while even if".split())


def film_lexicon(lexicon: Lexicon, texts: Sequence[str], labels: Sequence[int]) -> Lexicon:
    """`lexicon` less the signs that `texts` (1 = positive) contradict; those words go to
    `Lexicon.unsigned`."""
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    snippets = [0, 0]
    signed = set(lexicon.signs)
    for text, label in zip(texts, labels, strict=True):
        tokens = normalise(text)
        if not _HEDGES.isdisjoint(tokens):
            continue
        snippets[label] += 1
        flags = negation_flags(tokens)
        plain = {t for t, negated in zip(tokens, flags, strict=True) if not negated}
        counts[label].update(plain & signed)
    contradicted = set()
    for word, sign in lexicon.signs.items():
        pos, neg = counts[1][word], counts[0][word]
        if pos + neg < MIN_COUNT:
            continue
        odds = math.log((pos + 0.5) / (snippets[1] + 1)) - math.log((neg + 0.5) / (snippets[0] + 1))
        z = odds / math.sqrt(1 / (pos + 0.5) + 1 / (neg + 0.5))
        if sign * z < -Z_LIMIT:
            contradicted.add(word)
    return Lexicon(
        lexicon.positive - contradicted,
        lexicon.negative - contradicted,
        lexicon.unsigned | frozenset(contradicted),
    )
