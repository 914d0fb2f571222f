"""Render answers and listings for a terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from bot.reviews.types import Answer, Point, ReviewSummary


def group_by_aspect(points: Sequence[Point]) -> list[tuple[str, list[Point]]]:
    """Points grouped under their first aspect, groups in order of their best point."""
    groups: dict[str, list[Point]] = {}
    for point in points:
        key = point.aspects[0] if point.aspects else "other"
        groups.setdefault(key, []).append(point)
    return list(groups.items())


def citation(point: Point) -> str:
    parts = [point.film or "?", point.critic or "unknown critic", f"sentence {point.sentence}"]
    return ", ".join(parts)


def render_answer(answer: Answer, *, width: int = 88) -> str:
    lines = [textwrap.fill(answer.answer, width)]
    if answer.points:
        lines.append("")
    for aspect, points in group_by_aspect(answer.points):
        lines.append(f"{aspect.capitalize()}:")
        for point in points:
            mark = {"positive": "+", "negative": "-", "mixed": "±"}.get(point.polarity or "", "·")
            quote = f"“{point.text}”"
            if point.spoiler:
                quote = "[spoiler] " + quote
            body = textwrap.fill(
                f"{mark} {quote} [{citation(point)}]",
                width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
            lines.append(body)
    if answer.more:
        lines.append(f"  … and {answer.more} more: ask “what else?”.")
    return "\n".join(lines)


def render_reviews(reviews: Sequence[ReviewSummary]) -> str:
    if not reviews:
        return "No reviews indexed yet."
    rows = [("ID", "FILM", "CRITIC", "SOURCE", "SENTENCES")]
    for r in reviews:
        film = r.film if r.year is None else f"{r.film} ({r.year})"
        rows.append((r.review_id, film, r.critic or "-", r.source or "-", str(r.sentence_count)))
    widths = [min(40, max(len(row[i]) for row in rows)) for i in range(5)]
    return "\n".join(
        "  ".join(cell[: widths[i]].ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in rows
    )
