"""Words and idioms that say what a question wants: criticism, praise or the verdict."""

from __future__ import annotations

import re

DISLIKE_CUES = """
    dislike disliked dislikes hate hated negative negatives criticise criticize criticised
    criticized criticism criticisms complain complained complaint complaints bugged bug
    bother bothered annoy annoyed annoying problem problems issue issues flaw flaws weakness
    weaknesses weak worst wrong bad cons downside downsides disappoint disappointed
    disappointing disappointment faults fault irritated irritate pan panned gripe gripes
    drawback drawbacks shortcoming shortcomings minus minuses letdown letdowns lacking lacked
    lacks fail failed fails failing flop flopped flops bomb bombed bombs dud slog sank
    ruined ruin beef salty trashed nitpick nitpicks quibble quibbles niggle niggles
""".split()
LIKE_CUES = """
    like liked likes love loved praise praised praises positive positives good best enjoy
    enjoyed pros strength strengths highlight highlights appreciate appreciated admire
    admired impressed impress upside upsides great favourite favorite commend commended
    compliment compliments redeeming merit merits plus pluses plusses work worked works decent
    nice fave faves fav favs cool
""".split()
# Idioms for what was liked or not, which no single cue word gives away.
LIKE_PHRASE = re.compile(
    r"\bkicks? out of\b|\b(won|win|wins) (them|him|her|the critic|the reviewer) over\b"
    r"|\b(get|got|gets) (anything|something|much|a lot) right\b|\bst(oo|a)d out\b"
    # "which parts paid off", "why are they so hyped on it", "why is it such a fun watch"; not
    # "did it pay off?", "was it as hyped as people said?", "a fun watch with friends?", which
    # ask the verdict.
    r"|\b(what|which|why)\b.*\b((paid|pays|pay) off|hyped (on|about|for)|fun)\b|\b(hit|hits) home\b"
    # "which parts of it did they rate": the slang "rate" is "like"
    r"|\b(which|what) (parts?|bits?|things?|scenes?|aspects?|elements?)\b.*\brated?\b"
    r"(?! (lowest|low|worst|poorly|badly))"
    r"|\b(anything|something|a single thing|one thing)\b.*\b(they|he|she)( actually| really)?"
    r" rated\b(?! it| this| the)"
    # "does it have any saving graces", "what cracked them up", "what made them fall for it",
    # "surely somethin in it was ok?"
    r"|\bsaving graces?\b|\bcrack(ed|s)? (them|him|her|the critic|the reviewer) up\b"
    r"|\b(fall|fell|falls) for (it|this|the (film|movie)|this one|that one)\b"
    r"|\b(some|any)thing? (in it |about it )?(was|is|were) (ok|okay|good|decent|alright)\b"
    # "why do they rate it so highly", "what did they rate highly"
    r"|\brated? ([\w']+ ){0,3}(so |that |very )?highly\b"
)
DISLIKE_PHRASE = re.compile(
    r"\b(fall|falls|fell) (down|flat|short|apart)\b|\bnot up to (scratch|par|snuff)\b"
    r"|\bage[sd]? (badly|poorly|terribly)\b|\b(not|n't|never) land(ed|s)?\b"
    r"|\b(their|his|her|the critic's|the reviewer's) (problem|beef|issue) with\b"
)

VERDICT_WORDS = """
    recommend recommended rating verdict worth thumbs stars enjoy watch
""".split()

NEGATIONS = frozenset(("not", "didn't", "didnt", "don't", "dont", "no", "never", "nothing"))


# "… or is it all praise?", "… or just gushing": the other side is doubted, the first asked.
_ONE_SIDE_DOUBTED = re.compile(
    r"\bor (is it |was it |it's |is it just |just )?(all|just|only|pure)\b"
)


def wanted_polarity(words: list[str], normalised: str) -> str | None:
    """The side a question asks for: "negative" (criticism), "positive" (praise) or None."""
    if DISLIKE_PHRASE.search(normalised):
        return "negative"
    if LIKE_PHRASE.search(normalised):
        return "positive"
    negative = positive = False
    first: str | None = None
    for index, word in enumerate(words):
        negated = any(w in NEGATIONS for w in words[max(0, index - 3) : index])
        if word in DISLIKE_CUES:
            negative = True
            first = first or "negative"
        elif word == "like" and _prepositional(words, index):
            continue
        elif word in LIKE_CUES:
            # "what didn't they like?" asks for dislikes.
            negative, positive = (True, positive) if negated else (negative, True)
            first = first or ("negative" if negated else "positive")
    if negative and positive and _ONE_SIDE_DOUBTED.search(normalised):
        return first  # "any complaints at all or is it all praise?" asks for the complaints
    if negative == positive:
        return None
    return "negative" if negative else "positive"


# Who likes: "what did they like", "anything to like". After other words, "like" introduces
# an example or a guess ("source material, like a novel?", "i got like an hour").
_LIKERS = frozenset(
    "they he she i you u we they'd i'd you'd we'd critic reviewer critics reviewers people "
    "anyone everyone fans "
    "did didnt dont doesnt not n't really actually also to would will might may even".split()
)
_HEDGE_BEFORE = frozenset(
    "got get kinda sorta just something nothing stuff things smth looks sounds seems feels "
    "is it it's was are were be being look looking".split()
)
_EXAMPLE_AFTER = frozenset(
    "a an what how when where multiple several two three four five ten maybe in".split()
)


def _prepositional(words: list[str], index: int) -> bool:
    """Whether the "like" at `index` gives an example rather than a liking."""
    if index == 0:
        return False
    before = words[index - 1]
    if words[0] in ("what's", "whats", "hows", "how's") or words[:2] in (
        ["what", "is"],
        ["what", "was"],
    ):
        # "what's the music like?" asks how it is.
        return before not in _LIKERS
    if not _ASKED_LIKING.isdisjoint(words[max(0, index - 4) : index]):
        return False  # "what did roger like a lot?": did … like
    after = words[index + 1 : index + 3]
    if after in (["a", "lot"], ["a", "bit"], ["a", "little"]):
        return False
    return before in _HEDGE_BEFORE or (
        after[:1] != []
        and (after[0] in _EXAMPLE_AFTER or after[0].isdigit())  # "like multiple seasons"
        and before not in _LIKERS
    )


_ASKED_LIKING = frozenset("did do does didnt dont doesnt would".split())
