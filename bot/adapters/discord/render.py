"""Render neutral answers and listings as Discord embeds, inside Discord's size limits.

Review text is the critic's, not ours: markdown and mentions in it are escaped so that it shows
as written and can never ping anyone (every send also uses `AllowedMentions.none()`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

from bot.adapters.console import group_by_aspect
from bot.reviews.types import Answer, Point, ReviewSummary

# https://discord.com/developers/docs/resources/message#embed-object-embed-limits
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000

REVIEWS_PER_PAGE = 10
APOLOGY = "Sorry — something went wrong on my side. Please try again in a moment."

COLOURS = {
    "positive": discord.Colour.green(),
    "negative": discord.Colour.red(),
    "mixed": discord.Colour.gold(),
}
MARKS = {"positive": "👍", "negative": "👎", "mixed": "⚖️"}


def escape(text: str) -> str:
    """Show text literally: no markdown, no mentions (`@everyone`, `<@id>` and the like)."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def clip(text: str, limit: int) -> str:
    """Cut text to `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "…"


def plain_content(text: str) -> str:
    """A plain message body (our own wording, so markdown is kept) within 2,000 characters."""
    return clip(discord.utils.escape_mentions(text), CONTENT_LIMIT)


def quote_line(point: Point, limit: int = FIELD_VALUE_LIMIT) -> str:
    """One quote as a field line: mark, the quoted words (spoilers hidden), sentence number."""
    mark = MARKS.get(point.polarity or "", "•")
    suffix = f" — s.{point.sentence}"
    wrap = 4 if point.spoiler else 0
    room = limit - len(mark) - len(suffix) - 3 - wrap
    body = clip(escape(point.text), max(1, room))
    if point.spoiler:
        body = f"||{body}||"
    return f"{mark} “{body}”{suffix}"


def footer_text(answer: Answer, hidden: int) -> str:
    films = _unique(p.film for p in answer.points) or _unique([answer.film])
    critics = _unique(p.critic for p in answer.points)
    parts = list(films) + list(critics)
    sentences = sorted({p.sentence for p in answer.points})
    if sentences:
        label = "sentence" if len(sentences) == 1 else "sentences"
        parts.append(f"{label} {', '.join(str(s) for s in sentences)}")
    if hidden:
        parts.append(f"{hidden} more point{'s' if hidden != 1 else ''} not shown: ask “what else?”")
    return clip(" · ".join(parts), FOOTER_LIMIT)


def render_answer(answer: Answer, *, question: str | None = None) -> discord.Embed:
    """The short answer as the description, quotes grouped by aspect as fields, a citation footer.

    When the points do not all fit, the last ones are dropped and the footer says how many.
    """
    title = clip(escape(question), TITLE_LIMIT) if question else None
    description = clip(escape(answer.answer), DESCRIPTION_LIMIT)
    colour = COLOURS.get(answer.verdict or "") or discord.Colour.blurple()
    embed = discord.Embed(title=title, description=description, colour=colour)

    # The footer is written last but its room is reserved first: it can only grow by the
    # "N more points not shown" note, which is at most ~30 characters.
    reserve = len(footer_text(answer, hidden=len(answer.points) + answer.more)) + 40
    budget = EMBED_TOTAL_LIMIT - len(title or "") - len(description) - reserve
    shown = 0
    for aspect, points in group_by_aspect(answer.points):
        name = clip(escape(aspect.replace("_", " ").capitalize()), FIELD_NAME_LIMIT)
        lines: list[str] = []
        for point in points:
            line = quote_line(point)
            value_len = len("\n".join([*lines, line]))
            if value_len > FIELD_VALUE_LIMIT or len(name) + value_len > budget:
                break
            lines.append(line)
        if not lines or len(embed.fields) >= FIELD_COUNT_LIMIT:
            break
        value = "\n".join(lines)
        embed.add_field(name=name, value=value, inline=False)
        budget -= len(name) + len(value)
        shown += len(lines)
        if len(lines) < len(points):
            break
    hidden = len(answer.points) - shown + answer.more
    embed.set_footer(text=footer_text(answer, hidden))
    return embed


def page_count(reviews: Sequence[ReviewSummary], per_page: int = REVIEWS_PER_PAGE) -> int:
    return max(1, -(-len(reviews) // per_page))


def render_reviews_page(
    reviews: Sequence[ReviewSummary], page: int, *, per_page: int = REVIEWS_PER_PAGE
) -> discord.Embed:
    """One page of the indexed reviews: film, year, critic, source, id and length."""
    pages = page_count(reviews, per_page)
    page = min(max(page, 0), pages - 1)
    embed = discord.Embed(title="Indexed reviews", colour=discord.Colour.blurple())
    if not reviews:
        embed.description = "No reviews are indexed yet. An admin can add one with /review add."
        return embed
    chunk = reviews[page * per_page : (page + 1) * per_page]
    lines = []
    for r in chunk:
        film = r.film if r.year is None else f"{r.film} ({r.year})"
        by = " · ".join(x for x in (r.critic, r.source) if x) or "unknown critic"
        line = f"**{escape(film)}** — {escape(by)}\n`{r.review_id}` · {r.sentence_count} sentences"
        lines.append(clip(line, 400))
    embed.description = clip("\n".join(lines), DESCRIPTION_LIMIT)
    plural = "review" if len(reviews) == 1 else "reviews"
    embed.set_footer(text=f"Page {page + 1} of {pages} · {len(reviews)} {plural}")
    return embed


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(str(value), None)
    return list(seen)
