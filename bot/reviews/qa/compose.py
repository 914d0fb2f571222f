"""Plain-language answer sentences built only from the points that back them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.reviews.opinions.features import Lexicon
from bot.reviews.qa.keywords import judging_phrase
from bot.reviews.types import Point

ASPECT_PHRASES = {
    "acting": "the acting",
    "casting": "the casting",
    "characters": "the characters",
    "story": "the story",
    "dialogue": "the dialogue and script",
    "direction": "the direction",
    "music": "the music",
    "dance": "the dancing and choreography",
    "visuals": "the visuals",
    "costumes": "the costumes and sets",
    "effects": "the effects",
    "pacing": "the pacing",
    "humour": "the humour",
    "ending": "the ending",
    "themes": "the themes",
    "overall": "the film as a whole",
}


def aspect_phrase(aspect: str) -> str:
    return ASPECT_PHRASES.get(aspect, aspect if aspect[:1].isupper() else f"the {aspect}")


def join_words(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def aspects_of(points: Sequence[Point], limit: int = 3) -> list[str]:
    """Aspects by how many points discuss them, most first; 'overall' only if nothing else."""
    counts: dict[str, int] = {}
    for point in points:
        for aspect in point.aspects:
            counts[aspect] = counts.get(aspect, 0) + 1
    ranked = sorted(counts, key=lambda a: (-counts[a], a == "overall"))
    specific = [a for a in ranked if a != "overall"]
    return (specific or ranked)[:limit]


def who(critics: Sequence[str | None]) -> str:
    named = [c for c in dict.fromkeys(critics) if c]
    if len(named) == 1 and len(critics) == 1:
        return f"The critic ({named[0]})" if named[0].lower() != "critic" else "The critic"
    if len(set(critics)) > 1:
        return f"The {len(set(critics))} critics"
    return "The critic"


def opinion_summary(
    points: Sequence[Point],
    polarity: str,
    critics: Sequence[str | None],
    lexicon: Lexicon | None = None,
) -> str:
    """ "The critic disliked mostly the music (“very uneven”), the story (“clichéd”) …": the
    aspects the points discuss, each with the critic's own judging words where a point has them."""
    verb = "disliked" if polarity == "negative" else "liked"
    aspects = aspects_of(points)
    subject = who(critics)
    if not aspects:
        return f"{subject} {verb} a few things, quoted below."
    phrases = [judging_phrase(p.text, polarity, lexicon) if lexicon else None for p in points]
    used: set[str] = set()
    things = []
    for aspect in aspects:
        words: list[str] = []
        for point, phrase in zip(points, phrases, strict=True):
            if aspect not in point.aspects or len(words) == 2:
                continue
            if phrase and phrase.casefold() not in used:
                used.add(phrase.casefold())
                words.append(f"“{phrase}”")
        things.append(aspect_phrase(aspect) + (f" ({', '.join(words)})" if words else ""))
    lead = "mostly" if len(points) > 2 else "chiefly"
    return f"{subject} {verb} {lead} {join_words(things)}."


def tone_of(points: Sequence[Point]) -> str | None:
    """positive, negative or mixed across these points; None when none of them judges."""
    signs = [p.polarity for p in points if p.polarity in ("positive", "negative", "mixed")]
    positive, negative = signs.count("positive"), signs.count("negative")
    if not signs:
        return None
    if negative and not positive:
        return "negative"
    if positive and not negative:
        return "positive"
    return "mixed"


def aspect_summary(aspect_label: str, points: Sequence[Point]) -> str:
    tone = tone_of(points)
    if tone is None:
        return f"The review mentions {aspect_label} but passes no clear judgement."
    return f"The critic is {tone} about {aspect_label}."


def aspect_across(aspect_label: str, points: Sequence[Point], critics: dict[str, str]) -> str:
    """Each critic's take on one aspect, in the order of `critics` (review id -> name)."""
    parts = []
    silent = []
    for review_id, name in critics.items():
        tone = tone_of([p for p in points if p.review_id == review_id])
        if tone is None:
            if any(p.review_id == review_id for p in points):
                parts.append(f"{name} mentions it without judging")
            else:
                silent.append(name)
        else:
            parts.append(f"{name} is {tone}")
    text = f"On {aspect_label}: " + "; ".join(parts) + "."
    if silent:
        verb = "doesn't" if len(silent) == 1 else "don't"
        text += f" {join_words(silent)} {verb} discuss it."
    return text


def across_reviews(points: Sequence[Point], polarity: str, topic: str | None) -> str:
    """Which reviews hold the judgements, named by film and critic."""
    reviews: dict[str, str] = {}
    for point in points:
        critic = point.critic or "an unnamed critic"
        reviews.setdefault(point.review_id, f"{point.film} ({critic})")
    verb = "criticise" if polarity == "negative" else "praise"
    about = topic or join_words([aspect_phrase(a) for a in aspects_of(points)]) or "the film"
    count = len(reviews)
    noun = "review" if count == 1 else "reviews"
    verb_form = verb + "s" if count == 1 else verb
    return f"{count} {noun} {verb_form} {about}: {join_words(list(reviews.values()))}."
