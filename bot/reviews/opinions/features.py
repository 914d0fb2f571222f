"""Sparse features for the linear opinion models: hashed word n-grams plus lexicon cues.

Feature hashing (CRC-32 into a fixed number of buckets) means no vocabulary file ships: the
weights are one dense array, loading is a single `numpy.load`, and training and inference agree
on every index by construction.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

# Word features and character n-grams hash into separate halves, so a character n-gram never
# lands on a word bucket that the word-only Naive Bayes half of the ensemble has a weight for.
HASH_BITS = 20
_MASK = (1 << HASH_BITS) - 1
CHAR_OFFSET = 1 << HASH_BITS
DIMENSION = 2 * CHAR_OFFSET
CHAR_SIZES = (3, 4, 5)

# Words that flip what follows them, up to the next punctuation mark or contrast word.
NEGATORS = frozenset(
    {
        "not",
        "n't",
        "no",
        "never",
        "nothing",
        "none",
        "nobody",
        "neither",
        "nor",
        "cannot",
        "without",
        "hardly",
        "barely",
        "lacks",
        "lacking",
        "fails",
        "nowhere",
    }
)
_SCOPE_ENDS = frozenset(
    {
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "--",
        "-",
        "(",
        ")",
        "but",
        "yet",
        "however",
        "although",
        "though",
        "...",
        '"',
    }
)
_SCOPE_LIMIT = 5


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Hu & Liu style word lists; membership only, so lookups stay cheap."""

    positive: frozenset[str]
    negative: frozenset[str]


def lexicon_arrays(lexicon: Lexicon) -> dict[str, Any]:
    """The word lists as plain arrays, for a model file saved without pickle."""
    return {
        "positive": np.array(sorted(lexicon.positive)),
        "negative": np.array(sorted(lexicon.negative)),
    }


def lexicon_from(data: Mapping[str, Any]) -> Lexicon:
    return Lexicon(
        frozenset(str(w) for w in data["positive"]), frozenset(str(w) for w in data["negative"])
    )


def negation_flags(tokens: Sequence[str]) -> list[bool]:
    """Mark the tokens that sit inside a negation's scope ("not *very* *good*")."""
    flags = [False] * len(tokens)
    remaining = 0
    for i, token in enumerate(tokens):
        if token in _SCOPE_ENDS:
            remaining = 0
        elif token in NEGATORS:
            remaining = _SCOPE_LIMIT
        elif remaining:
            flags[i] = True
            remaining -= 1
    return flags


def _bucket(feat: str) -> int:
    return zlib.crc32(feat.encode()) & _MASK


_LEX_POSITIVE = _bucket("LEX+")
_LEX_NEGATIVE = _bucket("LEX-")


@lru_cache(maxsize=1 << 17)
def _word_buckets(token: str) -> tuple[int, int, tuple[int, ...]]:
    """Unigram bucket, negated-unigram bucket and character n-gram buckets of one word.

    Memoised: review vocabulary is Zipfian, so after a few reviews nearly every word is a cache
    hit, and spelling variants ("unwatchably", "clichéd") share n-grams with training words.
    """
    padded = "<" + token + ">"
    grams = {padded[i : i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)}
    chars = tuple(sorted({CHAR_OFFSET | _bucket(gram) for gram in grams}))
    return _bucket(token), _bucket("!" + token), chars


@lru_cache(maxsize=1 << 18)
def _pair_bucket(first: str, second: str) -> int:
    return _bucket(first + " " + second)


def unit_indices(tokens: Sequence[str], lexicon: Lexicon, *, chars: bool = True) -> set[int]:
    """Buckets of one token sequence: negation-marked unigrams, bigrams, lexicon cues and,
    unless `chars` is false, the character 3–5-grams inside each word. Features are binary."""
    found: set[int] = set()
    add = found.add
    previous = "<s>"
    positive = lexicon.positive
    negative = lexicon.negative
    for token, negated in zip(tokens, negation_flags(tokens), strict=True):
        plain, flipped, grams = _word_buckets(token)
        add(flipped if negated else plain)
        add(_pair_bucket(previous, token))
        if chars:
            found.update(grams)
        previous = token
        if token in positive:
            add(_LEX_NEGATIVE if negated else _LEX_POSITIVE)
        elif token in negative:
            add(_LEX_POSITIVE if negated else _LEX_NEGATIVE)
    add(_pair_bucket(previous, "</s>"))
    return found
