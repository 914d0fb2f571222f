"""Neutral replies rendered as Block Kit, within Slack's limits and without ever pinging anyone.

Slack reads `<!channel>`, `<!here>` and `<@U…>` in message text as mentions, so every piece of
review text goes through `escape` first; what a critic wrote is shown, never acted on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.adapters.console import group_by_aspect
from bot.reviews.types import Answer, Point, ReviewSummary

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_CONTEXT_CHARS = 2000
MAX_FALLBACK_CHARS = 3000
MAX_BUTTON_VALUE_CHARS = 2000

FEEDBACK_BLOCK_ID = "feedback"
FEEDBACK_UP = "feedback_up"
FEEDBACK_DOWN = "feedback_down"
REVEAL_SPOILERS = "reveal_spoilers"
THANKS_TEXT = "Thanks — noted"

_MARKS = {"positive": "+", "negative": "−", "mixed": "±"}


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """Fallback `text` (notifications, screen readers) plus the Block Kit `blocks`."""

    text: str
    blocks: list[Block]


def escape(text: str) -> str:
    """Slack's three control characters as entities, so text renders exactly as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """`text` escaped, cut with an ellipsis so the escaped form fits in `limit` characters."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    keep = min(len(text), limit - 1)
    while keep > 0:
        # Cut the raw text, not the escaped one, so no entity is split in half.
        candidate = escape(text[:keep].rstrip()) + "…"
        if len(candidate) <= limit:
            return candidate
        # A raw character escapes to at most five (&amp;), so this never cuts too much.
        keep -= max(1, (len(candidate) - limit + 4) // 5)
    return "…"


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def text_message(text: str) -> SlackMessage:
    """A plain reply (help, errors, confirmations) as one or more escaped sections."""
    lines = [clip(line, MAX_SECTION_CHARS) for line in text.splitlines()]
    blocks = [section(t) for t in _chunks(lines)[:MAX_BLOCKS]]
    return SlackMessage(clip(text, MAX_FALLBACK_CHARS), blocks)


def quote_line(point: Point, limit: int = MAX_SECTION_CHARS) -> str:
    mark = _MARKS.get(point.polarity or "", "·")
    suffix = f"”  _(sentence {point.sentence})_"
    prefix = f"> {mark} “"
    body = clip(" ".join(point.text.split()), limit - len(prefix) - len(suffix))
    return prefix + body + suffix


def citation_line(points: Sequence[Point]) -> str:
    """Film, critic and sentence numbers of the quoted points, one entry per review."""
    by_review: dict[str, tuple[Point, list[int]]] = {}
    for point in points:
        entry = by_review.setdefault(point.review_id, (point, []))
        if point.sentence not in entry[1]:
            entry[1].append(point.sentence)
    parts = []
    for first, sentences in by_review.values():
        label = "sentence" if len(sentences) == 1 else "sentences"
        numbers = ", ".join(str(n) for n in sorted(sentences))
        film = escape(first.film or "unknown film")
        critic = escape(first.critic or "unknown critic")
        parts.append(f"*{film}* · {critic} · {label} {numbers}")
    line = "  |  ".join(parts)
    return line if len(line) <= MAX_CONTEXT_CHARS else line[: MAX_CONTEXT_CHARS - 1] + "…"


def answer_message(answer: Answer) -> SlackMessage:
    """The short answer, quotes grouped by aspect, citations, spoiler button and feedback."""
    shown_points = [p for p in answer.points if not p.spoiler]
    spoilers = [p for p in answer.points if p.spoiler]
    # Blocks that are always there: answer, citation, "more" note, spoiler pair, feedback.
    budget = MAX_BLOCKS - 6
    quote_sections, shown = _quote_sections(shown_points, budget)
    hidden = len(shown_points) - len(shown) + answer.more

    blocks: list[Block] = [section(clip(answer.answer, MAX_SECTION_CHARS))]
    blocks.extend(section(text) for text in quote_sections)
    # An answer that is all spoilers still says which review it comes from (numbers only).
    cited = shown or spoilers
    if cited:
        blocks.append(context(citation_line(cited)))
    if hidden:
        noun = "point" if hidden == 1 else "points"
        blocks.append(context(f"…and {hidden} more {noun} not shown: ask “what else?”."))
    if spoilers:
        count = len(spoilers)
        noun = "quote is" if count == 1 else "quotes are"
        blocks.append(section(f":see_no_evil: {count} spoiler {noun} hidden."))
        blocks.append(
            {
                "type": "actions",
                "block_id": "spoilers",
                "elements": [
                    {
                        "type": "button",
                        "action_id": REVEAL_SPOILERS,
                        "text": {"type": "plain_text", "text": "Show spoilers"},
                        "value": encode_spoilers(spoilers),
                    }
                ],
            }
        )
    blocks.append(feedback_block(answer.question))
    return SlackMessage(_fallback(answer, shown), blocks)


def feedback_block(question: str) -> Block:
    value = question[:MAX_BUTTON_VALUE_CHARS]
    return {
        "type": "actions",
        "block_id": FEEDBACK_BLOCK_ID,
        "elements": [
            {
                "type": "button",
                "action_id": FEEDBACK_UP,
                "text": {"type": "plain_text", "text": "👍", "emoji": True},
                "value": value,
            },
            {
                "type": "button",
                "action_id": FEEDBACK_DOWN,
                "text": {"type": "plain_text", "text": "👎", "emoji": True},
                "value": value,
            },
        ],
    }


def thanked(blocks: Iterable[Block], verdict: str) -> list[Block]:
    """The message's blocks with the feedback buttons replaced by a thank-you line."""
    icon = "👍" if verdict == "up" else "👎"
    note = context(f"{THANKS_TEXT} {icon}")
    return [note if b.get("block_id") == FEEDBACK_BLOCK_ID else b for b in blocks]


def encode_spoilers(points: Sequence[Point]) -> str:
    """The spoiler quotes themselves, as the button's value (at most 2,000 characters).

    Button values are not shown in Slack's UI, so this hides the ending without a lookup
    later; quotes are shortened evenly if they do not all fit.
    """
    first = points[0]
    quotes = [[" ".join(p.text.split()), p.sentence] for p in points]
    data = {"f": first.film, "c": first.critic, "q": quotes}
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    while len(value) > MAX_BUTTON_VALUE_CHARS:
        excess = len(value) - MAX_BUTTON_VALUE_CHARS
        longest = max(quotes, key=lambda q: len(str(q[0])))
        text = str(longest[0])
        longest[0] = text[: max(0, len(text) - excess - 1)].rstrip() + "…"
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return value


def decode_spoilers(value: str) -> SlackMessage:
    """The revealed spoilers from a button value; anything malformed shows an apology."""
    try:
        data = json.loads(value)
        film, critic = data.get("f"), data.get("c")
        quotes = [(str(text), int(n)) for text, n in data["q"]]
    except (ValueError, TypeError, KeyError, AttributeError):
        return text_message("Sorry, I can't show those spoilers any more; ask again.")
    return spoiler_message(quotes, film=film, critic=critic)


def spoiler_message(
    quotes: Sequence[tuple[str, int]], *, film: str | None, critic: str | None
) -> SlackMessage:
    """Revealed spoilers: (quote, sentence number) in the order they were cited."""
    lines = [f"> “{clip(q, 2500)}”  _(sentence {n})_" for q, n in quotes]
    header = f"*Spoilers — {escape(film or 'unknown film')}*"
    blocks = [section(t) for t in _chunks([header, *lines])[: MAX_BLOCKS - 1]]
    blocks.append(context(f"{escape(critic or 'unknown critic')} · quoted verbatim"))
    text = clip("Spoilers: " + " ".join(f"“{q}”" for q, _ in quotes), MAX_FALLBACK_CHARS)
    return SlackMessage(text, blocks)


def reviews_message(reviews: Sequence[ReviewSummary]) -> SlackMessage:
    if not reviews:
        return text_message("No reviews are indexed yet. An admin can add one with /review add.")
    lines = []
    for r in reviews:
        film = escape(r.film) + (f" ({r.year})" if r.year else "")
        who = ", ".join(escape(x) for x in (r.critic, r.source) if x) or "unknown critic"
        lines.append(f"• *{film}* — {who} · {r.sentence_count} sentences · `{escape(r.review_id)}`")
    sections = _chunks(lines)
    blocks = [section(t) for t in sections[: MAX_BLOCKS - 1]]
    if len(sections) > MAX_BLOCKS - 1:
        listed = sum(len(t.splitlines()) for t in sections[: MAX_BLOCKS - 1])
        blocks.append(context(f"…and {len(reviews) - listed} more reviews."))
    noun = "review" if len(reviews) == 1 else "reviews"
    return SlackMessage(clip(f"{len(reviews)} {noun} indexed.", MAX_FALLBACK_CHARS), blocks)


def _quote_sections(points: Sequence[Point], budget: int) -> tuple[list[str], list[Point]]:
    """Sections of quotes grouped by aspect, at most `budget` of them, and the points shown."""
    sections: list[str] = []
    shown: list[Point] = []
    for aspect, group in group_by_aspect(points):
        header = f"*{escape(aspect.replace('_', ' ').capitalize())}*"
        current = ""
        for point in group:
            line = quote_line(point, MAX_SECTION_CHARS - len(header) - 1)
            if current and len(current) + 1 + len(line) <= MAX_SECTION_CHARS:
                current += "\n" + line
            else:
                if current:
                    sections.append(current)
                if len(sections) >= budget:
                    return sections, shown
                current = header + "\n" + line
            shown.append(point)
        if current:
            sections.append(current)
    return sections, shown


def _chunks(lines: Sequence[str]) -> list[str]:
    """Lines joined into texts of at most MAX_SECTION_CHARS each (long lines are cut)."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if len(line) > MAX_SECTION_CHARS:
            line = line[: MAX_SECTION_CHARS - 1] + "…"
        if current and len(current) + 1 + len(line) > MAX_SECTION_CHARS:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks or [" "]


def _fallback(answer: Answer, shown: Sequence[Point]) -> str:
    parts = [answer.answer, *(f"“{' '.join(p.text.split())}”" for p in shown)]
    return clip(" ".join(parts), MAX_FALLBACK_CHARS)
