"""Splitting a sentence into clauses at contrast markers and clause punctuation.

A critic's mixed sentence ("great cast but a dull script") carries one judgement per clause; the
quote for "what did they like?" should be the praised clause, not the whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

# Words that open a new clause; the word itself belongs to the clause it opens.
_CONTRAST = frozenset(
    {
        "but",
        "yet",
        "although",
        "albeit",
        "though",
        "however",
        "whereas",
        "while",
        "except",
        "despite",
        "nevertheless",
        "nonetheless",
        "unfortunately",
        "sadly",
        "still",
    }
)
# Contrast adverbs open a clause only after punctuation or a conjunction ("…, however, it"; "and
# still"): mid-clause they turn nothing ("the psychology however is poor", "it is still good").
_ADVERBS = frozenset({"however", "nevertheless", "nonetheless", "unfortunately", "sadly", "still"})
_BEFORE_ADVERB = frozenset({",", ";", ":", "-", "--", "(", "and", "but", "yet", "so"})
# Conjunctions whose clause closes at the next comma ("although slow, it is gripping").
_SUBORDINATE = frozenset({"although", "though", "despite", "whereas", "albeit"})
# "While the cast is fine, the script…" concedes; "Last summer while I was in Korea, I…" tells
# when: "while" closes at its comma only when it opens the sentence.
_OPENING_SUBORDINATE = _SUBORDINATE | {"while"}
# Punctuation that closes a clause; the mark is dropped from both sides.
_BREAKS = frozenset({";", "-", "--", "(", ")", ":"})
# After a comma these words open a clause (", and it does have some good acting").
_AFTER_COMMA = frozenset({"and", "or", "so", "which", "because", "since", "as"})
# "and" + a subject pronoun starts a new clause even without a comma ("... and they have a
# very corny argument"); before a noun it usually just joins a list ("songs and dialogue").
_COORDINATORS = frozenset({"and", "or", "so"})
_SUBJECTS = frozenset({"i", "he", "she", "it", "it's", "they", "we", "you", "there", "this"})
# Words that lean on the marker after them: "even though", "and yet", "but still".
_LEADING = frozenset({"even", "and", "but"})
# "little but disappointment", "nothing but clichés", "anything but funny": "but" as "except"
# opens no clause.
_ONLY = frozenset({"nothing", "little", "all", "anything", "none", "everything", "nobody"})
# Fragments with fewer content words are list items ("- costumes - and lights") and join the
# clause before them.
MIN_CLAUSE_WORDS = 2
_FILLER = frozenset({"and", "or", "a", "an", "the", "but"})


# The only tokens that can cut a sentence; "in spite of" cuts like "despite", before its "in".
_MARKERS = _BREAKS | _CONTRAST | _COORDINATORS | {",", "spite"}


# ", ending with her admitting…", ", leading to some neat twists": a participle after a comma
# opens a clause of its own; these "-ing" words are no participles.
_NOT_PARTICIPLES = frozenset(
    "including nothing something everything anything during morning evening king thing bring "
    "string spring sibling darling wedding ceiling pudding building".split()
)


# What follows a participle that opens a clause: "ending with", "leading to", "making it";
# "the fast, confusing cutting" lists adjectives.
_AFTER_PARTICIPLE = frozenset(
    "with to in into up us him her them it the a an his their its me on off out".split()
)


def opens_on_participle(tokens: Sequence[str], first: int) -> bool:
    """Whether the clause starting at `first` is a participle one, cut after a comma."""
    return first > 0 and tokens[first - 1] == "," and _participle(tokens, first)


def _participle(tokens: Sequence[str], i: int) -> bool:
    token = tokens[i]
    return (
        len(token) > 5
        and token.endswith("ing")
        and token not in _NOT_PARTICIPLES
        and i + 1 < len(tokens)
        and tokens[i + 1] in _AFTER_PARTICIPLE
    )


def _is_word(token: str) -> bool:
    return token[:1].isalnum()


def clause_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Clauses as [first, last) token index ranges covering the words of the sentence."""
    pieces: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    # A cut never moves the scan past the next token, so only the marker tokens need a look.
    markers = [i for i, token in enumerate(tokens) if token in _MARKERS]
    subordinate = bool(tokens) and tokens[0] in _OPENING_SUBORDINATE  # "Although slow, it…"
    for i in markers:
        text = tokens[i]
        cut_before: int | None = None
        resume = i
        if text == "spite":
            if not (0 < i < n - 1 and tokens[i - 1] == "in" and tokens[i + 1] == "of"):
                continue
            cut_before = resume = i - 1
            if cut_before > 0 and tokens[cut_before - 1] == ",":
                cut_before -= 1
        elif text == "," and subordinate:
            # "despite some dated elements, can still amuse": the concession ends at its comma.
            cut_before, resume = i, i + 1
        elif text in _BREAKS:
            cut_before, resume = i, i + 1
        elif (
            text in _CONTRAST
            and i > 0
            and tokens[i - 1] not in _CONTRAST
            and not (text == "but" and tokens[i - 1] in _ONLY)
            and (text not in _ADVERBS or tokens[i - 1] in _BEFORE_ADVERB)
        ):
            cut_before = i - 1 if tokens[i - 1] in _LEADING else i
            resume = cut_before
            if cut_before > 0 and tokens[cut_before - 1] == ",":
                cut_before -= 1
        elif (
            text == ","
            and i + 1 < n
            and (tokens[i + 1] in _AFTER_COMMA or _participle(tokens, i + 1))
        ):
            cut_before, resume = i, i + 1
        elif (
            text in _COORDINATORS
            and i > 0
            and i + 1 < n
            and tokens[i + 1] in _SUBJECTS
            and _is_word(tokens[i - 1])
        ):
            cut_before, resume = i, i
        if cut_before is not None:
            if cut_before > start:
                pieces.append((start, cut_before))
            start = max(resume, cut_before)
            # "…, and while the plot is thin, the cast is great": "while" after a comma or
            # "and"/"but" concedes; "Last summer while I was in Korea, I…" tells when.
            subordinate = (
                text in _SUBORDINATE
                or text == "spite"
                or (text == "while" and i > 0 and tokens[i - 1] in {",", "and", "but"})
            )
    if start < n:
        pieces.append((start, n))
    worded = [p for p in pieces if any(map(_is_word, tokens[p[0] : p[1]]))]
    return _merge_fragments(worded, tokens)


def _merge_fragments(pieces: list[tuple[int, int]], tokens: Sequence[str]) -> list[tuple[int, int]]:
    if len(pieces) == 1 and pieces[0][1] == len(tokens):
        return pieces  # kept as it is, or carried to the end it already has
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for first, last in pieces:
        if carry is not None:
            first, carry = carry, None
        words = (t for t in tokens[first:last] if _is_word(t) and t not in _FILLER)
        if len(list(islice(words, MIN_CLAUSE_WORDS))) == MIN_CLAUSE_WORDS:
            merged.append((first, last))
        elif merged:
            merged[-1] = (merged[-1][0], last)
        else:
            carry = first
    if carry is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(tokens))
        else:
            merged.append((carry, len(tokens)))
    return merged
