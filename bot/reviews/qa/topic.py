"""What a question is about, named in the asker's own words for the answer to use."""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.reviews.qa import compose
from bot.reviews.qa.intents import ParsedQuestion, Vocabulary
from bot.reviews.text.lexicon import dictionary_words

_DEGREE_WORDS = frozenset({"too", "so", "very", "overly", "really", "quite"})


def topic_of(
    parsed: ParsedQuestion, vocabulary: Vocabulary, judging: Collection[str] = ()
) -> str | None:
    """What the question is about, in the asker's own words where it used an aspect's cue.

    A cue that is itself a judgement ("is it funny?", `judging` words) is no thing to name: the
    aspect's own name is used instead ("the humour")."""
    if parsed.people:
        return compose.join_words(names_asked(parsed))
    if not parsed.aspects:
        return None
    named = [
        parsed.normalised[start:end]
        for aspect, start, end in vocabulary.match(parsed.normalised)
        if aspect in parsed.aspects
    ]
    # "was it too long?" names the pacing by a judgement, not by a thing the review could mention.
    named = [n for n in named if n.split()[0] not in _DEGREE_WORDS and n not in judging]
    if named:
        return compose.join_words([_with_article(phrase) for phrase in dict.fromkeys(named)])
    return compose.join_words([compose.aspect_phrase(a) for a in parsed.aspects])


_DETERMINERS = frozenset("the a an this that its their his her these those".split())


def _with_article(phrase: str) -> str:
    """ "ending" → "the ending"; a cue that has its own ("the ending") keeps it."""
    return phrase if phrase.split()[0] in _DETERMINERS else f"the {phrase}"


def names_asked(parsed: ParsedQuestion) -> list[str]:
    """People asked about, with neighbouring name words kept together ("Ralph Fiennes")."""
    names: list[list[str]] = []
    previous = False
    for word in re.findall(r"[\w'-]+", parsed.normalised):
        named = word in parsed.people
        if named and previous:
            names[-1].append(word)
        elif named:
            names.append([word])
        previous = named
    # Words found in lower-cased reviews are capitalised when they read as a name: two in a row
    # ("tom keel"), or a word no dictionary knows ("fiennes"); "any good scenes?" stays lower.
    if parsed.uncased_people:
        found = [" ".join(_uncased_name(w, len(name) > 1) for w in name) for name in names]
        return list(dict.fromkeys(found)) or [_uncased_name(p, False) for p in parsed.people]
    found = [" ".join(w.title() for w in name) for name in names]
    return list(dict.fromkeys(found)) or [p.title() for p in parsed.people]


def _uncased_name(word: str, full_name: bool) -> str:
    return word.title() if full_name or word not in dictionary_words() else word


# Words after a wh-word that make it a question to be inverted ("where did they…"), not a subject
# question that reads as a clause ("who directed it").
_AUXILIARY = frozenset(
    "did does do is was are were has have had can could will would should 's 're 'd".split()
)

_DO_SUPPORT = frozenset({"did", "does", "do"})


def not_found(parsed: ParsedQuestion) -> str:
    """The abstention for a fact the review does not hold: "The review doesn't say who directed
    it." where the question reads as a clause, else the question quoted as asked."""
    match = re.match(r"\W*(who|what|which)\s+(\S+)(.*)", parsed.normalised)
    if (
        match
        and match.group(2) not in _AUXILIARY
        and not match.group(2).startswith("'")
        and not _DO_SUPPORT.intersection(match.group(3).split())
    ):
        rest = (match.group(2) + match.group(3)).strip(" ?.!")
        return f"The review doesn't say {match.group(1)} {rest}."
    asked = parsed.text.strip().rstrip("?.! ")
    return f"The review doesn't seem to answer “{asked}?”."
