"""Questions refused before they are read: empty, too long, or not in words."""

from __future__ import annotations

import re

from bot.errors import UserError


def check_question(text: str, max_chars: int) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UserError("Please ask a question, e.g. “What did the critic dislike?”")
    if len(cleaned) > max_chars:
        raise UserError(
            f"That question is {len(cleaned):,} characters; please keep it under {max_chars:,}."
        )
    if not re.search(r"\w", cleaned):
        raise UserError("I need a question in words, e.g. “Did the critic like it?”")
    return cleaned
