"""Follow-ups: a question read in the light of the conversation, and the answer remembered."""

from __future__ import annotations

from dataclasses import replace

from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.phrasings import FOLLOW_UP_MORE, FOLLOW_UP_WHY
from bot.reviews.qa.scope import Scope
from bot.reviews.types import Answer, Conversation


def follow_up(
    parsed: ParsedQuestion, text: str, conversation: Conversation | None
) -> ParsedQuestion:
    if conversation is None or conversation.intent is None:
        return parsed
    read = _in_context(parsed, conversation, conversation.intent)
    # The conversation read it, not the learned model.
    return read if read is parsed else replace(read, guessed=False)


def _in_context(parsed: ParsedQuestion, conversation: Conversation, last: str) -> ParsedQuestion:
    if FOLLOW_UP_WHY.match(parsed.normalised):
        if last == "verdict" and conversation.aspect in ("negative", "positive"):
            intent = "dislikes" if conversation.aspect == "negative" else "likes"
            return replace(parsed, intent=intent, polarity=conversation.aspect)
        return replace(parsed, intent="summary")
    if FOLLOW_UP_MORE.match(parsed.normalised) and last != "verdict":
        # The same question again, minus what was already shown.
        intent = last
        polarity = {"dislikes": "negative", "likes": "positive"}.get(intent, parsed.polarity)
        aspects = (conversation.aspect,) if conversation.aspect else parsed.aspects
        return replace(parsed, intent=intent, polarity=polarity, aspects=aspects, more=True)
    if parsed.follow_up and parsed.aspects and parsed.intent in ("aspect", "lookup", "unknown"):
        if last in ("likes", "dislikes"):
            polarity = "negative" if last == "dislikes" else "positive"
            return replace(parsed, intent=last, polarity=polarity)
        return replace(parsed, intent="aspect")
    return parsed


def remember(
    conversation: Conversation, answer: Answer, scope: Scope, parsed: ParsedQuestion
) -> None:
    if scope.film is not None:
        conversation.film = scope.film.title
    if len(scope.reviews) == 1:
        conversation.review_id = scope.reviews[0].review_id
    conversation.intent = answer.intent
    cited = tuple((p.review_id, p.sentence) for p in answer.points)
    conversation.shown = (conversation.shown if parsed.more else ()) + cited
    conversation.question = answer.question
    if answer.intent == "verdict":
        conversation.aspect = answer.verdict
    else:
        conversation.aspect = parsed.aspects[0] if parsed.aspects else None
