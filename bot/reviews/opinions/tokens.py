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
_BARE_NEGATIONS = {
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
    bare = _BARE_NEGATIONS.get(word)
    if bare is not None:
        return ((bare[0], 0, end - 2), (bare[1], end - 2, end))
    return ((word, 0, end),)


def tokenize(text: str) -> list[Token]:
    """Split text into normalised tokens with offsets; "isn't" becomes "is" + "n't"."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        offset = match.start()
        for piece, start, end in _split_word(match.group()):
            append(Token(piece, offset + start, offset + end))
    return tokens


def normalise(text: str) -> list[str]:
    """Token strings only; what the feature extractor reads."""
    return [token.text for token in tokenize(text)]
