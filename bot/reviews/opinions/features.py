"""Sparse features for the linear opinion models: hashed word n-grams plus lexicon cues.

Feature hashing (CRC-32 into a fixed number of buckets) means no vocabulary file ships: the
weights are one dense array, loading is a single `numpy.load`, and training and inference agree
on every index by construction.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from bot.reviews.opinions.memo import Memo

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
    # Opinion words whose sign film reviews do not share ("funny" is negative in Hu & Liu):
    # they judge, but cue no polarity.
    unsigned: frozenset[str] = frozenset()
    # +1 for a positive word, -1 for a negative one (positive wins a word in both lists).
    signs: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        signs = dict.fromkeys(self.negative, -1) | dict.fromkeys(self.positive, 1)
        object.__setattr__(self, "signs", signs)

    def opinion_words(self) -> frozenset[str]:
        return self.positive | self.negative | self.unsigned


def lexicon_arrays(lexicon: Lexicon) -> dict[str, Any]:
    """The word lists as plain arrays, for a model file saved without pickle."""
    return {
        "positive": np.array(sorted(lexicon.positive)),
        "negative": np.array(sorted(lexicon.negative)),
        "unsigned": np.array(sorted(lexicon.unsigned), dtype=str),
    }


def lexicon_from(data: Mapping[str, Any]) -> Lexicon:
    unsigned = data.get("unsigned", ())
    return Lexicon(
        frozenset(str(w) for w in data["positive"]),
        frozenset(str(w) for w in data["negative"]),
        frozenset(str(w) for w in unsigned),
    )


def negation_flags(tokens: Sequence[str], *, lists: bool = False) -> list[bool]:
    """Mark the tokens that sit inside a negation's scope ("not *very* *good*"); with `lists`,
    a denied list stays denied past its commas (the rule layer's reading; the models' features
    keep the plain scope they were fitted with)."""
    flags = [False] * len(tokens)
    remaining = 0
    for i, token in enumerate(tokens):
        if lists and token == "," and remaining and _listed(tokens, i):
            continue  # "neither scary , funny , or interesting": the list stays denied
        if token in _SCOPE_ENDS:
            remaining = 0
        elif token in NEGATORS:
            remaining = _SCOPE_LIMIT
        elif remaining:
            flags[i] = True
            remaining -= 1
    return flags


# Words after a comma that start a clause of its own rather than the next item of a list.
_CLAUSE_STARTS = frozenset(
    """and but yet so the a an this that these those it its it's he she they i we you his her
    their my our there here which who what when while as if because though although however
    then still even also""".split()
)


def _listed(tokens: Sequence[str], comma: int) -> bool:
    """Whether the comma at `comma` goes on with a list ("not funny , clever or moving"): the
    list's own "or"/"nor" comes next, or one more item followed by a comma or "or"/"nor"; not
    "did not expect much , loved every minute"."""
    after = tokens[comma + 1 : comma + 5]
    if not after:
        return False
    if after[0] in ("or", "nor"):
        return True
    # One more item of up to three words ("genuine scares"), then the list goes on or ends
    # with its conjunction: "no real tension , genuine scares or memorable characters".
    for i, token in enumerate(after):
        if i and token in (",", "or", "nor", "and"):
            return True
        if not token.isalpha() or token in _CLAUSE_STARTS or token in NEGATORS:
            return False
    return False


def _bucket(feat: str) -> int:
    return zlib.crc32(feat.encode()) & _MASK


_LEX_POSITIVE = _bucket("LEX+")
_LEX_NEGATIVE = _bucket("LEX-")


# Slices of every character 3-, 4- and 5-gram, per padded word length.
_GRAM_SLICES: Memo[int, list[slice]] = Memo(
    lambda n: [slice(i, i + size) for size in CHAR_SIZES for i in range(n - size + 1)], 256
)


# Character n-grams of a word inside a negation's scope hash with this seed, apart from the same
# n-grams outside one: "not one *memorable* song" must not borrow the praise of "memorable".
_NEGATED_SEED = zlib.crc32(b"!")


def _char_buckets(token: str, seed: int = 0) -> tuple[int, ...]:
    padded = "<" + token + ">"
    if padded.isascii():
        # One byte per character, so slicing the encoded word equals encoding each slice.
        data = padded.encode()
        slices = map(data.__getitem__, _GRAM_SLICES[len(data)])
        crcs = map(zlib.crc32, slices, [seed] * len(_GRAM_SLICES[len(data)]))
        return tuple(map(CHAR_OFFSET.__or__, sorted(set(map(_MASK.__and__, crcs)))))
    texts = {padded[i : i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)}
    return tuple(sorted({CHAR_OFFSET | (zlib.crc32(g.encode(), seed) & _MASK) for g in texts}))


@lru_cache(maxsize=1 << 17)
def _word_buckets(token: str) -> tuple[int, int, tuple[int, ...], tuple[int, ...]]:
    """Unigram and negated-unigram buckets of one word, and its character n-gram buckets plain
    and negated.

    Memoised: review vocabulary is Zipfian, so after a few reviews nearly every word is a cache
    hit, and spelling variants ("unwatchably", "clichéd") share n-grams with training words.
    """
    return (
        _bucket(token),
        _bucket("!" + token),
        _char_buckets(token),
        _char_buckets(token, _NEGATED_SEED),
    )


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
        plain, flipped, grams, negated_grams = _word_buckets(token)
        add(flipped if negated else plain)
        add(_pair_bucket(previous, token))
        if chars:
            found.update(negated_grams if negated else grams)
        previous = token
        if token in positive:
            add(_LEX_NEGATIVE if negated else _LEX_POSITIVE)
        elif token in negative:
            add(_LEX_POSITIVE if negated else _LEX_NEGATIVE)
    add(_pair_bucket(previous, "</s>"))
    return found


class _Word(NamedTuple):
    """One word's share of a unit's buckets, packed as int32 so units join without Python ints."""

    plain: bytes  # unigram bucket and char n-gram buckets
    flipped: bytes  # the same, negated: the negated unigram and the negated-seed n-grams
    encoded: bytes
    opens: int  # CRC-32 state after "<word> ", which a bigram starting here continues


def _word(token: str) -> _Word:
    grams = _char_buckets(token)
    negated_grams = _char_buckets(token, _NEGATED_SEED)
    encoded = token.encode()
    opens = zlib.crc32(b" ", zlib.crc32(encoded))
    return _Word(
        _pack([_bucket(token), *grams]),
        _pack([_bucket("!" + token), *negated_grams]),
        encoded,
        opens,
    )


def _pack(buckets: Iterable[int]) -> bytes:
    return array("i", buckets).tobytes()


_WORDS = Memo(_word, 1 << 17)
_PLAIN, _ENCODED, _OPENS = itemgetter(0), itemgetter(2), itemgetter(3)
_SENTENCE_OPENS = zlib.crc32(b"<s> ")
_SENTENCE_END = b"</s>"


def _pair(opens: int, encoded: bytes) -> int:
    """A bigram's bucket: the first word's CRC state continued with the second word's bytes."""
    return zlib.crc32(encoded, opens) & _MASK


def packed_units(
    tokens: Sequence[str], units: Sequence[tuple[int, int]], lexicon: Lexicon
) -> list[bytes]:
    """The buckets of `unit_indices(tokens[first:last], lexicon)` for each non-empty (first, last)
    of units, as packed int32 that may repeat a bucket (see `unique_units`). The per-word work
    and the bigrams are shared between a sentence and its clauses."""
    words = list(tokens)
    records = list(map(_WORDS.__getitem__, words))
    encoded = list(map(_ENCODED, records))
    opens = list(map(_OPENS, records))
    # pairs[i] is the bigram ending at token i: pairs[0] starts with <s>, pairs[-1] is </s>.
    crcs = map(zlib.crc32, [*encoded, _SENTENCE_END], [_SENTENCE_OPENS, *opens])
    pairs = list(map(_MASK.__and__, crcs))
    signs = lexicon.signs
    found: list[bytes] = []
    for first, last in units:
        unit = words[first:last]
        if NEGATORS.isdisjoint(unit):
            parts = list(map(_PLAIN, records[first:last]))
            cues = set(map(signs.get, unit))
        else:
            scope = list(zip(records[first:last], unit, negation_flags(unit), strict=True))
            parts = [r.flipped if negated else r.plain for r, _, negated in scope]
            cues = {signs.get(w, 0) * (-1 if negated else 1) for _, w, negated in scope}
        extra = pairs[first + 1 : last]
        extra.append(pairs[0] if first == 0 else _pair(_SENTENCE_OPENS, encoded[first]))
        extra.append(pairs[-1] if last == len(words) else _pair(opens[last - 1], _SENTENCE_END))
        if 1 in cues:
            extra.append(_LEX_POSITIVE)
        if -1 in cues:
            extra.append(_LEX_NEGATIVE)
        parts.append(_pack(extra))
        found.append(b"".join(parts))
    return found


def unique_units(packed: Sequence[bytes]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Deduplicate each of `packed_units`' units in one sort: (buckets, index of each unit's
    first bucket), the units' buckets one after another, ascending within each unit."""
    counts = np.fromiter(map(len, packed), dtype=np.int64, count=len(packed)) // 4
    buckets = np.frombuffer(b"".join(packed), dtype=np.int32)
    units = np.arange(len(packed), dtype=np.int64) << (HASH_BITS + 1)
    keys = np.repeat(units, counts) | buckets
    keys.sort()  # a plain sort: numpy 2's hash-based `unique` is several times slower here
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys & (DIMENSION - 1), np.searchsorted(keys, units)


def word_buckets(tokens: Sequence[str], lexicon: Lexicon) -> npt.NDArray[np.int64]:
    """`unit_indices(tokens, lexicon, chars=False)` as a sorted array: the stance model's
    features for a whole review. Built from the tagger's per-word records (bigrams continued
    from the first word's CRC state), so scoring every review at ingest caches nothing more."""
    records = list(map(_WORDS.__getitem__, tokens))
    signs = lexicon.signs
    if NEGATORS.isdisjoint(tokens):
        unigrams = [r.plain[:4] for r in records]
        cues = set(map(signs.get, tokens))
    else:
        flags = negation_flags(tokens)
        unigrams = [(r.flipped if n else r.plain)[:4] for r, n in zip(records, flags, strict=True)]
        cues = {signs.get(w, 0) * (-1 if n else 1) for w, n in zip(tokens, flags, strict=True)}
    opens = [_SENTENCE_OPENS, *map(_OPENS, records)]
    crcs = map(zlib.crc32, [*map(_ENCODED, records), _SENTENCE_END], opens)
    pairs = list(map(_MASK.__and__, crcs))
    if 1 in cues:
        pairs.append(_LEX_POSITIVE)
    if -1 in cues:
        pairs.append(_LEX_NEGATIVE)
    words = np.frombuffer(b"".join(unigrams), dtype=np.int32)
    return np.unique(np.concatenate((words, np.asarray(pairs, dtype=np.int32))).astype(np.int64))
