"""Find where a space is missing: words glued by lost line breaks, sentences glued at full stops.

Only positions are returned; the caller inserts the spaces, so offsets into the original stay
exact. A token is split only when it fails the dictionary, and the split must be far more
probable than the token as a whole: real words, names and rare words are left alone.
"""

from __future__ import annotations

import functools
import math
import re

from wordsegment import Segmenter

from bot.reviews.text import lexicon

# A token the web counts know must be this much (log10) less probable than its split.
KNOWN_MARGIN = 2.0

# A token the counts have never seen must split into pieces at least this probable (log10),
# graded by length: a long unseen token is rarely a real word, a short one is often a name
# ("ordell" is not "or dell"). Tuned on the seed's glued words against 2,000 clean reviews.
UNSEEN_FLOORS = ((6, -7.0), (9, -8.1))
UNSEEN_FLOOR_LONG = -10.0

# Pieces of one or two letters must be among these everyday words, not Scrabble fillers.
TINY_WORDS = frozenset(
    [
        "a",
        "i",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    ]
)

# Tokens shorter than this are never split: too little evidence either way.
MIN_TOKEN = 5

# Word-forming prefixes and suffixes that happen to be words too: "oversentimental" and
# "forgetable" are (mis)spelt derived words, not "over sentimental" or "forget able".
_PREFIX_PIECES = frozenset(
    [
        "sub",
        "super",
        "over",
        "under",
        "out",
        "tele",
        "non",
        "anti",
        "counter",
        "multi",
        "inter",
        "mega",
        "ultra",
        "semi",
        "mis",
        "pre",
        "post",
        "mini",
        "micro",
        "hyper",
    ]
)
_SUFFIX_PIECES = frozenset(["able", "ability", "less", "fest", "ish", "like", "wise"])

# Lowercase endings that follow an acronym as inflection, not as a glued word ("DVDs", "CDers").
_ACRONYM_ENDINGS = frozenset({"s", "es", "ed", "er", "ers", "ing", "ish", "ism", "ist", "ly"})

_WORD_RUN = re.compile(rf"[A-Za-z]{{{MIN_TOKEN},}}")
_ACRONYM_THEN_WORD = re.compile(r"([A-Z]{2,})([a-z]{2,})")

# Characters that make a letter run part of something else: a contraction, a hyphenated or
# numbered word, an address, a handle.
_JOINED_BEFORE = frozenset("'’-_@/\\#&+=~`")
_JOINED_AFTER = frozenset("'’-_@/\\+=~`")

# Sentence punctuation glued to a capitalised next sentence: "improve.Our", "film!Mostly". The
# scan only stops at punctuation; what comes before is checked after, so "U.S.", "e.g." and
# "Mr.Smith" (fewer than two lowercase letters before the stop) are left alone.
_SENTENCE_GLUE = re.compile(r"[.!?]+[\"”’')]*(?=[A-Z](?:[a-z'’]|\s|$))")
_BEFORE_STOP = re.compile(r"(?:[a-z]{2}|[0-9]{2}|\))\Z")
_ADDRESS_HINTS = ("://", "www.", "@", "/", ".com", ".org", ".net", ".co.", ".html")


def insertion_points(text: str) -> list[int]:
    """Sorted positions in `text` where a space should be inserted."""
    points = set(_sentence_points(text))
    points.update(_word_points(text))
    return sorted(points)


def _sentence_points(text: str) -> list[int]:
    points: list[int] = []
    for match in _SENTENCE_GLUE.finditer(text):
        start = match.start()
        if start and text[start - 1] in ".!?":
            continue  # the tail of a longer run such as "?!", already judged from its start
        if _BEFORE_STOP.search(text, max(0, start - 2), start) and not _inside_address(text, start):
            points.append(match.end())
    return points


def _inside_address(text: str, position: int) -> bool:
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [i for i in (text.find(" ", position), text.find("\n", position)) if i >= 0]
    token = text[start : min(ends) if ends else len(text)].lower()
    return any(hint in token for hint in _ADDRESS_HINTS)


def _word_points(text: str) -> list[int]:
    words = lexicon.dictionary_words()
    # Fast path: most reviews have no token outside the dictionary that could be glued.
    suspects = {
        token
        for token in _WORD_RUN.findall(text)
        if token.lower() not in words and not token.isupper()
    }
    if not any(split_glued(token) for token in suspects):
        return []
    points: list[int] = []
    for match in _WORD_RUN.finditer(text):
        pieces = split_glued(match.group()) if match.group() in suspects else None
        if pieces is None or _joined(text, match.start(), match.end()):
            continue
        position = match.start()
        for piece in pieces[:-1]:
            position += len(piece)
            points.append(position)
    return points


def _joined(text: str, start: int, end: int) -> bool:
    """True when the letter run continues into a larger token, so it is not a word on its own."""
    if start > 0:
        before = text[start - 1]
        if before in _JOINED_BEFORE or before.isalnum():
            return True
        if before == "." and start > 1 and text[start - 2].isalnum():
            return True
    if end < len(text):
        after = text[end]
        if after in _JOINED_AFTER or after.isalnum():
            return True
        if after in ".:" and end + 1 < len(text) and text[end + 1].isalnum():
            return True
    return False


@functools.lru_cache(maxsize=65536)
def split_glued(token: str) -> tuple[str, ...] | None:
    """The words a glued token is made of, keeping its case; None when it should stay whole."""
    lower = token.lower()
    if len(token) < MIN_TOKEN or lower in lexicon.dictionary_words() or token.isupper():
        return None
    acronym = _ACRONYM_THEN_WORD.fullmatch(token)
    if acronym:
        return _split_after_acronym(acronym.group(1), acronym.group(2))
    titlecase = token[0].isupper()
    if not token[1:].islower():
        return None  # CamelCase such as "iPhone" or "DiCaprio" is deliberate
    counts = lexicon.unigram_counts()
    if titlecase and lower in counts:
        return None  # a known capitalised token is a name, not two glued words
    if not _coverable(lower):
        return None  # exact shortcut: the search below could only find implausible pieces
    pieces = _segmenter().segment(lower)
    if len(pieces) < 2 or not all(_plausible_piece(piece) for piece in pieces):
        return None
    if (pieces[0] in _PREFIX_PIECES and len(pieces[1]) > 3) or pieces[-1] in _SUFFIX_PIECES:
        return None
    split_score = _log_score(pieces)
    if lower in counts:
        if split_score - _log_score([lower]) < KNOWN_MARGIN:
            return None
    elif split_score < _unseen_floor(len(lower)):
        return None
    result: list[str] = []
    offset = 0
    for piece in pieces:
        result.append(token[offset : offset + len(piece)])
        offset += len(piece)
    return tuple(result)


def _split_after_acronym(acronym: str, word: str) -> tuple[str, ...] | None:
    if word in _ACRONYM_ENDINGS or word not in lexicon.common_words():
        return None
    return (acronym, word)


def _coverable(word: str) -> bool:
    """Whether `word` is a concatenation of two or more plausible pieces.

    Costs a few hundred set lookups, against milliseconds for wordsegment's search, and most
    unknown tokens (names, typos) fail it.
    """
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        # The whole word as one piece does not count: it is not in the dictionary.
        first = 1 if end == len(word) else 0
        reachable[end] = any(
            reachable[start] and _plausible_piece(word[start:end])
            for start in range(max(first, end - 24), end)
        )
    return reachable[-1]


def _unseen_floor(length: int) -> float:
    for longest, floor in UNSEEN_FLOORS:
        if length <= longest:
            return floor
    return UNSEEN_FLOOR_LONG


def _plausible_piece(piece: str) -> bool:
    if len(piece) <= 2:
        return piece in TINY_WORDS
    if len(piece) == 3 and piece not in lexicon.common_words():
        return False
    return piece in lexicon.dictionary_words()


def _log_score(pieces: list[str]) -> float:
    segmenter = _segmenter()
    previous = "<s>"
    total = 0.0
    for piece in pieces:
        total += math.log10(segmenter.score(piece, previous))
        previous = piece
    return total


@functools.cache
def _segmenter() -> Segmenter:
    """wordsegment's search, fed our lazily loaded counts instead of its slower load()."""
    segmenter = Segmenter()
    segmenter.unigrams = lexicon.unigram_counts()
    segmenter.bigrams = lexicon.bigram_counts()
    segmenter.total = lexicon.CORPUS_TOTAL
    segmenter.limit = 24
    return segmenter
