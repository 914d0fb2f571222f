"""The English word lists behind the "is this a real word?" test, loaded lazily and once.

Both lists ship inside the `wordsegment` package: `words.txt` is a 179k-entry dictionary with
inflections, `unigrams.txt` holds web counts for the 333k most common tokens. The dictionary is
cheap to load (~25 ms) and answers almost every token; the counts cost ~0.2 s and are only read
when a token fails the dictionary, i.e. when a review actually looks damaged.
"""

from __future__ import annotations

import functools
from importlib import resources

# The number of tokens behind wordsegment's counts (its own TOTAL constant).
CORPUS_TOTAL = 1_024_908_267_229.0


def _read(name: str) -> str:
    return resources.files("wordsegment").joinpath(name).read_text(encoding="utf-8")


@functools.cache
def dictionary_words() -> frozenset[str]:
    """Lowercase dictionary words, inflected forms included."""
    return frozenset(_read("words.txt").split())


class Counts:
    """Web counts per lowercase token or word pair.

    Counts stay text until asked for: converting all 333k of them up front doubles load time.
    """

    __slots__ = ("_counts",)

    def __init__(self, counts: dict[str, str]) -> None:
        self._counts = counts

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def __getitem__(self, word: str) -> float:
        return float(self._counts[word])

    def count(self, word: str) -> float:
        raw = self._counts.get(word)
        return 0.0 if raw is None else float(raw)


@functools.cache
def unigram_counts() -> Counts:
    fields = _read("unigrams.txt").split()
    return Counts(dict(zip(fields[0::2], fields[1::2], strict=True)))


@functools.cache
def common_words(limit: int = 3000) -> frozenset[str]:
    """The most frequent tokens: short pieces of a split must come from here, not from Scrabble."""
    fields = _read("unigrams.txt").split(maxsplit=2 * limit)
    return frozenset(fields[0 : 2 * limit : 2])


@functools.cache
def bigram_counts() -> Counts:
    """Web counts of word pairs ("movie star"), which let the search prefer likely splits."""
    counts: dict[str, str] = {}
    for line in _read("bigrams.txt").splitlines():
        pair, _, count = line.partition("\t")
        counts[pair] = count
    return Counts(counts)


# A word is taken for a slip of the keyboard when a dictionary word one edit away is this many
# times more common on the web: "neccessary" (315 times), "thier" (540), "realy" (207). Surnames
# can read the same ("kline" and "line", 243), so a caller that knows names should check too.
MISSPELT_RATIO = 100.0
MISSPELT_MIN = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspelt(word: str) -> bool:
    """Whether `word` (lowercase) reads as a misspelling of a far more common dictionary word."""
    if len(word) < MISSPELT_MIN:
        return False
    counts = unigram_counts()
    own = counts.count(word) + 1.0
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    known = dictionary_words()
    return any(e in known and counts.count(e) > MISSPELT_RATIO * own for e in edits - {word})
