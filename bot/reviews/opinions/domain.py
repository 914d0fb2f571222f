"""The opinion lexicon fitted to film reviews: words whose sign reviews clearly do not share.

Hu & Liu's lists were built from product reviews. In film reviews "funny" is praise, "like" is
mostly a preposition and "better" mostly a complaint ("could have been better"), yet the lists
count them the other way, and the lexicon cues and blend pull "There are lots of funny moments"
towards neutral; "dark", "intense", "tragic" and "murder" describe films that reviews praise. A
word is kept as an opinion word but loses its sign when, outside a negation and in text that
neither concedes nor supposes, it sits in labelled film text of the other polarity far more often
than chance allows (a z-score of its log odds ratio). Training only: the result ships inside
the model files.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.reviews.opinions.features import Lexicon, negation_flags
from bot.reviews.opinions.tokens import normalise

# Labelled snippets (MR): a clear contradiction at a z-score of 3 over at least 10 uses. Review
# sentences labelled by their whole review (aclImdb `train`) are noisier and far more numerous:
# 5 over at least 30 uses.
SNIPPET_RULE = (3.0, 10)
SENTENCE_RULE = (5.0, 30)
# Snippets that concede or suppose ("flawed but engrossing", "would be better if") are left out:
# there a criticised word sits in a positive snippet, or praise in a negative one, by design.
_HEDGES = frozenset("but yet though although however despite while even if".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def contradicted(
    lexicon: Lexicon, texts: Iterable[str], labels: Iterable[int], rule: tuple[float, int]
) -> frozenset[str]:
    """Lexicon words whose sign the labelled `texts` (1 = positive) contradict."""
    z_limit, min_count = rule
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    seen = [0, 0]
    signed = set(lexicon.signs)
    for text, label in zip(texts, labels, strict=True):
        tokens = normalise(text)
        if not tokens or not _HEDGES.isdisjoint(tokens):
            continue
        seen[label] += 1
        flags = negation_flags(tokens)
        plain = {t for t, negated in zip(tokens, flags, strict=True) if not negated}
        counts[label].update(plain & signed)
    found = set()
    for word, sign in lexicon.signs.items():
        pos, neg = counts[1][word], counts[0][word]
        if pos + neg < min_count:
            continue
        odds = math.log((pos + 0.5) / (seen[1] + 1)) - math.log((neg + 0.5) / (seen[0] + 1))
        z = odds / math.sqrt(1 / (pos + 0.5) + 1 / (neg + 0.5))
        if sign * z < -z_limit:
            found.add(word)
    return frozenset(found)


def review_sentences(texts: Sequence[str], labels: Sequence[int]) -> tuple[list[str], list[int]]:
    """Each review's sentences, labelled with the review's own label. A plain split at end
    punctuation is enough here: only which words share a sentence with a hedge matters."""
    sentences: list[str] = []
    sentence_labels: list[int] = []
    for text, label in zip(texts, labels, strict=True):
        for sentence in _SENTENCE_END.split(text):
            sentences.append(sentence)
            sentence_labels.append(label)
    return sentences, sentence_labels


def unsign(lexicon: Lexicon, words: Iterable[str]) -> Lexicon:
    """`lexicon` with `words` moved from the signed lists to `Lexicon.unsigned`."""
    dropped = frozenset(words) & (lexicon.positive | lexicon.negative)
    return Lexicon(
        lexicon.positive - dropped, lexicon.negative - dropped, lexicon.unsigned | dropped
    )


def film_lexicon(lexicon: Lexicon, texts: Sequence[str], labels: Sequence[int]) -> Lexicon:
    """`lexicon` less the signs that the labelled snippets `texts` contradict."""
    return unsign(lexicon, contradicted(lexicon, texts, labels, SNIPPET_RULE))
