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
from bot.reviews.qa.words import content_words, stem
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
    r"|\bwhat happens\b|\bwhat (goes|went) down\b"
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
    units = plot_units(scope)
    event = asked_event(parsed)
    if event and not judged:
        # "does she beat the demon in the end?": only a sentence with the whole event tells.
        holding = _holding(units, event)
        if not holding:
            return None
        held = tuple(u.point(spoiler=True) for u in holding[-2:])
        return "Spoiler warning: the review tells this much of it (hidden below).", held
    told = [p for p in ending(units, limit) or () if (p.review_id, p.sentence) not in quoted]
    asks_told = asks_what_happens(parsed)
    things = asked_things(parsed, units)
    if asks_told and things and not any(things & _stems(p.text) for p in told):
        # "how does it end for phil and rita?": the last of the retelling that speaks of them,
        # where the stretch that ends it does not.
        about = [u for u in _late(units) if things & _stems(u.text)]
        if about:
            told = [u.point(spoiler=True) for u in about[-2:]]
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


# Words of an ending question that name nothing in the story.
_ENDING_TALK = frozenset(
    stem(w)
    for w in """end ending ends ended finish finishes finished finale wrap wraps wrapped conclude
    concludes spoiler spoilers fine happen happens happened go goes get gets come comes near last
    final actually really film movie story stay stays manage manages wind winds play plays
    turn turns""".split()
)


def asked_things(parsed: ParsedQuestion, units: list[Unit]) -> set[str]:
    """Stems of the people and things an ending question asks about that the retelling names."""
    named = set().union(*(_stems(u.text) for u in units))
    return ({stem(w) for w in parsed.keywords} - _ENDING_TALK) & named


# Words of a yes/no ending question that judge or colour the end rather than name what happens.
_ENDING_MOOD = frozenset(
    stem(w)
    for w in """deliver delivers satisfy satisfying satisfied work works land lands landing payoff
    pay stick good bad great happy happily sad sadly downer bleak tragic twist twists surprise
    surprising predictable cliffhanger open ambiguous climax ok okay well right way hold""".split()
)


def asked_event(parsed: ParsedQuestion) -> set[str]:
    """Stems of what a yes/no ending question asks happened ("does she beat the demon?"
    → beat, demon); empty for "does it end happily?" or a question that is no yes/no."""
    if _JUDGED.search(parsed.normalised) or parsed.polarity is not None:
        return set()  # "did they like the ending?" asks a judgement, not an event
    # The clause that asks it: "how does it end, does she beat the demon?", "does it end
    # happily or nah", "does it end on a downer? not in the mood to cry tonite".
    for clause in re.split(r"[,;:?!.]| or | - ", parsed.text.lower()):
        words = clause.split()
        if words and words[0] in _DOES:  # "was the ending rushed?" judges it
            return {stem(w) for w in content_words(clause)} - _ENDING_TALK - _ENDING_MOOD
    return set()


_DOES = frozenset({"do", "does", "did"})


def unsaid_event(scope: Scope, parsed: ParsedQuestion) -> bool:
    """Whether a yes/no ending question asks of an event the retelling never tells."""
    event = asked_event(parsed)
    return bool(event) and not _holding(plot_units(scope), event)


def _holding(units: list[Unit], event: set[str]) -> list[Unit]:
    """The later retelling's sentences with the whole event, or else those that tell how it ends
    for someone or something in it ("Amanda redeems herself at the end")."""
    late = _late(units)
    return [u for u in late if event <= _stems(u.text)] or [
        u for u in late if event & _stems(u.text) and _tells_end(u)
    ]


def _late(units: list[Unit]) -> list[Unit]:
    """The later half of the retelling and any sentence of it telling how things end: where an
    ending question about someone or something is answered."""
    half = (len(units) - 1) // 2
    return [
        u for i, u in enumerate(units) if i >= half or _tells_end(u) or _RESOLVES.search(u.text)
    ]


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


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
