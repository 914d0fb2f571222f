"""Typing slips in questions: lost apostrophes and near misses of the words the bot knows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.reviews.opinions.tokens import BARE_NEGATIONS
from bot.reviews.qa.words import tokens
from bot.reviews.text.lexicon import dictionary_words

# Contractions typed without their apostrophe: "whats the movie about", "didnt they like it" (the
# negations are the tokeniser's own list).
_APOSTROPHE_LOST = {
    "whats": "what's",
    "wats": "what's",
    "hows": "how's",
    "whos": "who's",
    "wheres": "where's",
    "thats": "that's",
} | {bare: head + tail for bare, (head, tail) in BARE_NEGATIONS.items()}
# Chat shorthand, spelt out so the cue rules meet the words they know ("do they rec it", "r the
# songs any good", "wat did u think abt it").
_SHORTHAND = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "wat": "what",
    "wot": "what",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "tho": "though",
    "em": "them",
    "rec": "recommend",
    "recc": "recommend",
    "pls": "please",
    "subs": "subtitles",
    "plz": "please",
    "mins": "minutes",
    "hrs": "hours",
    "yr": "year",
    "yrs": "years",
}


_RATED = frozenset({"rated", "rating"})


def _spelt_out(word: str, words: Sequence[str], i: int, keep: set[str]) -> str:
    """Chat shorthand spelt out, except a review's own word ("Em Stone") and an age rating
    ("rated R", "an R rated film", "rated U")."""
    if word == "y" and i == 0 and len(words) > 1:
        return "why"  # "y they so salty about it"
    if word not in _SHORTHAND or word in keep:
        return word
    if word in ("r", "u") and (
        (i > 0 and words[i - 1] in _RATED) or (i + 1 < len(words) and words[i + 1] in _RATED)
    ):
        return word
    return _SHORTHAND[word]


_CLITIC = re.compile(r"'(?:s|re|ll|d|ve|m)$|n't$")


def correct_typos(text: str, known: Sequence[str], keep: set[str] | None = None) -> str:
    """Replace words that are near misses of `known` cue or aspect words ('disike' → 'dislike').

    Only words no dictionary knows are corrected ("recommend" must not become "commend"), and
    never words of the reviews themselves (`keep`), such as names.
    """
    dictionary = dictionary_words()
    keep = keep or set()
    out: list[str] = []
    words = tokens(text)
    for i, word in enumerate(words):
        word = _APOSTROPHE_LOST.get(word) or _spelt_out(word, words, i, keep)
        # "there's", "it's", "they'd": a known word with its clitic is no typo.
        base = _CLITIC.sub("", word)
        if (
            len(word) >= 3
            and word not in dictionary
            and word not in known
            and word not in keep
            and (base == word or base not in dictionary)
        ):
            match = process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=84)
            if match is not None:
                word = match[0]
        out.append(word)
    return " ".join(out)
