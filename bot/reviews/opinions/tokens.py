"""The one tokeniser shared by training and inference.

The Pang & Lee corpora are lowercased and tokenised ("the film isn't very good ."), while the bot
sees cased, repaired review text. Running both through `tokenize` means the models are trained on
exactly the form they are later asked about, so nothing depends on how the corpora were prepared.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from bot.reviews.opinions.memo import Memo


class Token(NamedTuple):
    """A normalised token and the span of the surface text it came from."""

    text: str
    start: int
    end: int


# Words keep inner apostrophes and hyphens ("too-tepid", "film's"); "--" and "..." stay whole so a
# dash reads as a dash; every other symbol is a token of its own.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|--+|\.\.+|[^\w\s]")
_NEGATED = re.compile(r"^(.+?)n['’]t$")
# Glued negations that lost their apostrophe in user reviews; the model should read them as "n't".
BARE_NEGATIONS = {
    "dont": ("do", "n't"),
    "doesnt": ("does", "n't"),
    "didnt": ("did", "n't"),
    "isnt": ("is", "n't"),
    "wasnt": ("was", "n't"),
    "arent": ("are", "n't"),
    "werent": ("were", "n't"),
    "cant": ("ca", "n't"),
    "couldnt": ("could", "n't"),
    "wouldnt": ("would", "n't"),
    "shouldnt": ("should", "n't"),
    "wont": ("wo", "n't"),
    "hasnt": ("has", "n't"),
    "havent": ("have", "n't"),
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "..."})


def _fold(word: str) -> str:
    """Lowercase and drop accents, so "Clichéd" and "cliched" are one feature."""
    word = word.lower().translate(_QUOTES)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def _split_word(surface: str) -> tuple[tuple[str, int, int], ...]:
    """Normalised pieces of one surface word with offsets relative to it; memoised because
    review vocabulary is Zipfian and this is the hot loop of tagging."""
    word = _fold(surface)
    end = len(surface)
    negated = _NEGATED.match(word)
    if negated is not None:
        return ((negated.group(1), 0, end - 3), ("n't", end - 3, end))
    bare = BARE_NEGATIONS.get(word)
    if bare is not None:
        return ((bare[0], 0, end - 2), (bare[1], end - 2, end))
    return ((word, 0, end),)


def _chunk_pieces(chunk: str) -> tuple[tuple[str, int, int], ...]:
    if chunk.isalnum():  # one plain word: `_TOKEN` would match all of it
        return _split_word(chunk)
    return tuple(
        (piece, match.start() + start, match.start() + end)
        for match in _TOKEN.finditer(chunk)
        for piece, start, end in _split_word(match.group())
    )


# Tokens never contain whitespace, so a whitespace-separated chunk ("(sadly),") always splits
# the same way wherever it occurs; memoising whole chunks skips the regex for almost every one.
_CHUNKS = Memo(_chunk_pieces, 1 << 17)


def token_columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """`tokenize` as three parallel lists (texts, starts, ends): the tagger's hot path."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    find = text.find
    position = 0
    for chunk in text.split():
        # Only whitespace lies between the previous chunk and this one, so `find` lands on it.
        position = find(chunk, position)
        for word, start, end in _CHUNKS[chunk]:
            words.append(word)
            starts.append(position + start)
            ends.append(position + end)
        position += len(chunk)
    return words, starts, ends


def tokenize(text: str) -> list[Token]:
    """Split text into normalised tokens with offsets; "isn't" becomes "is" + "n't"."""
    return list(map(Token, *token_columns(text)))


def normalise(text: str) -> list[str]:
    """Token strings only; what the feature extractor reads."""
    return token_columns(text)[0]
