"""Plot and ending answers: the retelling, led by the premise, and the stretch that ends it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from bot.reviews.qa import rank
from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.rank import PREMISE, judging
from bot.reviews.qa.scope import Scope
from bot.reviews.qa.units import Unit, sentence_unit
from bot.reviews.store.labels import OPINION_THRESHOLD
from bot.reviews.types import Point

# A retelling this long reaches the ending; a shorter one only counts if it says how things end.
ENDING_MIN_PLOT = 4
_ENDS = re.compile(
    r"\b(?:in the end|finally|at the end|by the end|ends (?:up|with)|ending|dies|is killed|the last"
    r"|eventually|ultimately|climax|finale"
    r"|final (?:scene|shot|glance|moments?|act|showdown|battle|confrontation|minutes|reel))\b",
    re.I,
)


def plot_units(scope: Scope) -> list[Unit]:
    """The scope's plot sentences not shown yet, in review order."""
    return [
        unit
        for review in scope.reviews
        for sentence in scope.sentences.get(review.review_id, [])
        if sentence.subjectivity < OPINION_THRESHOLD
        and (unit := sentence_unit(review, sentence)).sentence_key not in scope.shown
    ]


def ending(units: list[Unit], limit: int) -> tuple[Point, ...] | None:
    """The last stretch of the retelling, as spoilers; None when the review only sketches the
    premise in a sentence or two and so doesn't tell the ending."""
    # The critic's own questions ("What was everyone singing and dancing about?") retell
    # nothing, however plot-like their words.
    units = [u for u in units if not u.text.rstrip(" \"')").endswith("?") or _tells_end(u)]
    if len(units) < ENDING_MIN_PLOT and not any(_tells_end(u) for u in units):
        return None
    size = min(len(units), max(2, len(units) // 4))
    tail = units[-size:]
    if not any(_tells_end(u) or _RESOLVES.search(u.text) for u in tail):
        # A retelling that stops at the set-up ("…and that's when the trouble starts") has not
        # told the ending, however long it is.
        ends = [u for u in units[:-size] if _tells_end(u)]
        if not ends:
            return None
        # "The sad ending with a glimpse of hope…" may come before the rest of the retelling.
        tail = ends[-2:]
    return tuple(u.point(spoiler=True) for u in tail[:limit])


# How a story resolves, said in the last stretch of a retelling: "the brothers reconcile and the
# ranch is saved".
_RESOLVES = re.compile(
    # Not what someone must or will do: "She must escape before the man upstairs returns."
    r"(?<!must )(?<!to )(?<!will )(?<!can )(?<!could )"
    r"\b(?:reconcile[sd]?|saved?|saves|rescue[sd]?|escapes?|escaped|defeats?|defeated|marry"
    r"|marries|married|reunited?|survives?|survived|confess\w*"
    r"|leaves for good|goes home|returns home)\b",
    re.I,
)


def _tells_end(unit: Unit) -> bool:
    """Whether a plot sentence speaks of the end ("finally", "dies", a "hurried coda")."""
    return bool(_ENDS.search(unit.text)) or "ending" in unit.aspects


# "how does it end?", "what happens at the end?" ask what happens; "how's the ending?" asks what
# the critic made of it.
_TOLD = re.compile(
    r"\bhow\b.*\b(ends?|ended|finish(es|ed)?|conclude[sd]?|wraps?|wrapped|resolved?)\b"
    r"|\bwhat happens\b"
    # "does it end happily?", "does it end on a downer?" ask what happens, too.
    r"|\b(does|did) (it|the (film|movie|story)) end (happily|sadly|happy|sad|on an?|with)\b"
    r"|\b(happy|sad|tragic|bleak|downer) ending\b"
)
_STANCE = {
    "positive": "they liked it",
    "negative": "they did not like it",
    "mixed": "they had mixed feelings about it",
}


def asks_what_happens(parsed: ParsedQuestion) -> bool:
    text = parsed.normalised
    return bool(_TOLD.search(text)) and not _JUDGED.search(text)


# "how well does it wrap up?" asks for a judgement of the ending.
_JUDGED = re.compile(r"\bhow well\b|\brate\b|\bfeel\b|\bthink\b|\bthoughts\b|\bopinion\b")


def judged_ending(scope: Scope, parsed: ParsedQuestion, limit: int) -> list[Unit]:
    """The critic's judgements of the ending (of the asked polarity, if any), best first."""
    on_ending = replace(parsed, aspects=("ending",), people=())
    units = rank.opinion_candidates(scope.reviews, scope.sentences)
    ranked = rank.rank_aspect(units, on_ending, set())
    if parsed.polarity is not None:
        ranked = [(s, u) for s, u in ranked if u.polarity == parsed.polarity]
    return rank.diversify(ranked, limit, scope.shown)


def ending_answer(
    scope: Scope, parsed: ParsedQuestion, limit: int
) -> tuple[str, tuple[Point, ...]] | None:
    """What the critic made of the ending and how the retelling ends, all behind spoiler tags;
    what happens leads when that is what was asked. None when the review says neither."""
    judged = [u.point(spoiler=True) for u in judged_ending(scope, parsed, min(limit, 3))]
    if not judged and parsed.polarity is not None:
        # "what did they hate about the ending?" of an ending they praised: say what they did.
        judged = [
            u.point(spoiler=True)
            for u in judged_ending(scope, replace(parsed, polarity=None), min(limit, 3))
        ]
        if judged:
            verb = "criticise" if parsed.polarity == "negative" else "praise"
            return (
                f"Spoiler warning: the critic doesn't {verb} the ending; what they say of it "
                "is hidden below.",
                tuple(judged),
            )
    quoted = {(j.review_id, j.sentence) for j in judged}
    told = [
        p for p in ending(plot_units(scope), limit) or () if (p.review_id, p.sentence) not in quoted
    ]
    asks_told = asks_what_happens(parsed)
    if not judged and not asks_told:
        # "was the ending any good?" is not answered by what happens in it, only by what the
        # retelling says of the ending itself ("a shattering climax").
        told = [p for p in told if "ending" in p.aspects]
    if not judged and not told:
        return None
    if not judged:
        text = "Spoiler warning: the review describes how the film ends (hidden below)."
        return text, tuple(told)
    if asks_told:
        points = told[: max(limit - 2, 1)] + judged
        text = "Spoiler warning: the review tells how the film ends and judges the ending"
    else:
        points = judged + told
        text = "Spoiler warning: the critic judges the ending"
    stance = {p.polarity for p in judged if p.polarity in _STANCE}
    if stance:
        text += ", and " + _STANCE[stance.pop() if len(stance) == 1 else "mixed"]
    return text + " (quotes hidden below).", tuple(points[:limit])


_STORY_IS = re.compile(r"(?i)the (?:plot|story|premise|storyline) (?:is|was)\b")


def retelling(
    scope: Scope, units: list[Unit], opinion_words: Collection[str], limit: int
) -> tuple[str, tuple[Point, ...]]:
    """The plot as retold, a sentence saying what the film is about first, opinion or not
    ("a great portrayal of the life of Christ"), but no complaint ("the plot is a mess")."""
    premise = [
        unit
        for review in scope.reviews
        for sentence in scope.sentences.get(review.review_id, [])
        if (found := PREMISE.search(sentence.text))
        # A complaint judges before it says what the film is about ("this dull film is about…");
        # the dark words of what it is about ("to avenge the senseless death…") judge nothing.
        and not (
            sentence.polarity == "negative" and judging(sentence.text[: found.end()], opinion_words)
        )
        # "the story is crap", "the plot is a bit unclear": the words after judge it.
        and not (
            _STORY_IS.match(found.group(0))
            and judging(" ".join(sentence.text[found.end() :].split()[:4]), opinion_words)
        )
        and (unit := sentence_unit(review, sentence)).sentence_key not in scope.shown
    ]
    chosen = list({u.sentence_key: u for u in premise[:2] + units}.values())
    text = (
        "The review says what the film is about and retells its plot like this:"
        if premise
        else "The review retells the plot like this:"
    )
    return text, tuple(u.point() for u in chosen[: min(limit, 4)])
