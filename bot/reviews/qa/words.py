"""Word-level helpers shared by question parsing and ranking: tokens, stems, stop words."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9']*")

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves s t don didn doesn isn wasn weren won wouldn shouldn couldn ll re ve
    d m o y also
    """.split()
)

# Words that name the conversation itself rather than anything in a review.
QUESTION_WORDS = frozenset(
    """
    critic critics reviewer reviewers review reviews film films movie movies think thought
    thoughts say said says tell opinion opinions feel felt writer author guy person anything
    something everything really much many lot bit kind sort way one ones get got make made
    please anyway overall
    """.split()
)


def tokens(text: str) -> list[str]:
    return [token.lower().strip("'") for token in _TOKEN.findall(text)]


# Irregular verb forms a stemmer leaves apart from their base: "how long did the shoot take?"
# must meet "it took less than a month".
_IRREGULAR = {
    form: base
    for base, forms in {
        "take": "took taken",
        "favorite": "favourite favourites favorites fave faves fav favs",
        "see": "saw seen",
        "go": "went gone",
        "make": "made",
        "give": "gave given",
        "get": "got gotten",
        "come": "came",
        "write": "wrote written",
        "find": "found",
        "think": "thought",
        "tell": "told",
        "leave": "left",
        "feel": "felt",
        "begin": "began begun",
        "run": "ran",
        "shoot": "shot",
        "win": "won",
        "fall": "fell fallen",
        "meet": "met",
        "keep": "kept",
        "bring": "brought",
        "buy": "bought",
        "hold": "held",
        "lose": "lost",
        "pay": "paid",
        "say": "said",
        "sit": "sat",
        "spend": "spent",
        "stand": "stood",
        "teach": "taught",
        "wear": "wore worn",
        "break": "broke broken",
        "choose": "chose chosen",
        "drive": "drove driven",
        "eat": "ate eaten",
        "fly": "flew flown",
        "forget": "forgot forgotten",
        "grow": "grew grown",
        "know": "knew known",
        "ride": "rode",
        "rise": "rose risen",
        "sing": "sang sung",
        "speak": "spoke spoken",
        "steal": "stole stolen",
        "throw": "threw thrown",
        "become": "became",
        "do": "did done",
        "sell": "sold",
        "build": "built",
        "hear": "heard",
        "lead": "led",
        "send": "sent",
        "sleep": "slept",
        "fight": "fought",
        "catch": "caught",
        "die": "died",
        "hide": "hid hidden",
        "bite": "bit",
        "wake": "woke woken",
        "swim": "swam swum",
        "draw": "drew drawn",
        "blow": "blew blown",
    }.items()
    for form in forms.split()
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    lowered = word.lower()
    return str(_stemmer().stemWord(_IRREGULAR.get(lowered, lowered)))


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


_CLITIC = re.compile(r"'(?:d|s|ll|re|ve|m)$")


def content_words(text: str) -> list[str]:
    """Words that carry content: no stop words ("where'd" and "who's" included), no words about
    the conversation itself."""
    return [
        word
        for word in tokens(text)
        if word not in STOP_WORDS
        and word not in QUESTION_WORDS
        and len(word) > 1
        and _CLITIC.sub("", word) not in STOP_WORDS
    ]
