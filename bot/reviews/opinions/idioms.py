"""Idioms whose words alone read otherwise ("stood out", "fell flat", "the best part was when
it was over"): the phrase carries the sign, its words none of their own."""

from __future__ import annotations

from collections.abc import Sequence

# Praise that names the film's end as its best ("The best part was when it was over").
BACKHANDED = frozenset(
    tuple(phrase.split())
    for phrase in (
        "was when it was over|was when it ended|was when it finally ended|was the end credits"
        "|were the end credits|is the end credits|is when it ends"
    ).split("|")
)


_BACKHANDED_ENDS = frozenset(phrase[-1] for phrase in BACKHANDED)
# Chat words after the clause's end: "…was when it was over lol."
_FILLERS = frozenset("lol lmao haha honestly tbh imo though really".split())


def backhanded(tokens: Sequence[str]) -> bool:
    """Whether the clause ends on the film's end named as its best: "…was when it was over."
    but not "…is the end credits song by Prince", "…when it ended with that reveal"."""
    if _BACKHANDED_ENDS.isdisjoint(tokens):
        return False
    last = len(tokens)
    while last and (not tokens[last - 1][:1].isalnum() or tokens[last - 1] in _FILLERS):
        last -= 1
    return any(tuple(tokens[last - len(phrase) : last]) == phrase for phrase in BACKHANDED)


# Idioms whose words alone read otherwise ("stood out", "could do a lot worse", "won't regret
# it", "fell flat"): the phrase carries the sign, its words none of their own.
IDIOMS = {
    tuple(phrase.split()): sign
    for phrases, sign in (
        (
            "stood out|stands out|stand out|could do a lot worse|could do worse|wo n't regret"
            "|will not regret|not regret|blew me away|blown away|keep you guessing"
            "|keeps you guessing|kept me guessing|edge of your seat|edge of my seat|pays off"
            "|paid off|hits the mark|more than make up for|more than makes up for"
            "|more than made up for|hold the film together|holds the film together"
            "|held the film together|hold this film together|holds this film together"
            "|nail biting|nail-biting|going for it|going for them|going for him|going for her"
            "|saves itself|saved itself|redeems itself|redeemed itself|chemistry"
            "|i like|i liked|i really like|i really liked|i did like|i do like|i loved"
            # Not the present "I love…": "as much as I love De Niro, this film is a mess", "I
            # love how awful this is".
            "|i really loved|i enjoyed|i really enjoyed|i adored|i just loved|i absolutely loved"
            "|do it justice|does it justice|did it justice|do justice|does justice"
            "|convince as|convinces as|convinced as|shines as|shone as|sparkles as|dazzles as"
            # "loud" and "depressing" are no complaint here.
            "|laugh out loud|laughed out loud|laughing out loud|laugh-out-loud"
            "|saved the film from|saves the film from|saved this film from|saves this film from"
            "|saved the movie from|saves the movie from|saved it from|saves it from",
            1,
        ),
        (
            "fell flat|falls flat|fall flat|fell apart|falls apart|falls short|fell short"
            "|misses the mark|missed the mark|goes nowhere|went nowhere|makes no sense"
            "|made no sense|make no sense|expected more|expecting more|expected better"
            "|hoped for more|hoping for more|deserved better|deserves better"
            "|left a lot to be desired|leaves a lot to be desired|leaves much to be desired"
            "|at best|a little too|a bit too|a tad too|slightly too|a touch too|zero chemistry"
            "|n't like|did not like|do not like|does not like|flounders as|falters as"
            "|n't enjoy|did not enjoy|n't love"
            # Said only when denied: "doesn't do the original any justice".
            "|any justice",
            -1,
        ),
    )
    for phrase in phrases.split("|")
}
SAID_DENIED = ("any", "justice")
# "if there is any justice in the world" is no denial: the idiom is "do it any justice".
_DONE = frozenset({"do", "does", "did", "doing", "done"})
# Per first word, its idioms, longest first: the scan looks up only the idioms a word opens.
IDIOMS_AT: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase, _sign in sorted(IDIOMS.items(), key=lambda item: -len(item[0])):
    IDIOMS_AT.setdefault(_phrase[0], []).append((_phrase, _sign))
IDIOM_STARTS = frozenset(IDIOMS_AT)


def find_idioms(tokens: Sequence[str], signs: list[int | None]) -> list[tuple[int, int]]:
    """(position, sign) of the idioms in `tokens`; the words they cover are unsigned."""
    found: list[tuple[int, int]] = []
    if IDIOM_STARTS.isdisjoint(tokens):
        return found
    i = 0
    while i < len(tokens):
        width = 1
        if tokens[i] in IDIOM_STARTS:
            for phrase, sign in IDIOMS_AT[tokens[i]]:
                if (
                    tuple(tokens[i : i + len(phrase)]) == phrase
                    and (phrase != SAID_DENIED or not _DONE.isdisjoint(tokens[max(0, i - 6) : i]))
                    # 'says "I love you"': a liking in quotation marks is someone's line.
                    and (phrase[0] != "i" or tokens[:i].count('"') % 2 == 0)
                ):
                    found.append((i, sign))
                    # "a bit too neat": the quality in excess is the complaint, not praise.
                    covered = len(phrase) + (phrase[-1] == "too")
                    signs[i : i + covered] = [None] * len(signs[i : i + covered])
                    width = len(phrase)  # "will not regret" is one idiom, not two
                    break
        i += width
    return found
