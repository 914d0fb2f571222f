"""Text preparation: repair damaged review text and split it into citable sentences.

Nothing is loaded at import time; the word lists load on first use and are kept.
"""

from __future__ import annotations

from bot.reviews.text.repair import RepairedText, repair
from bot.reviews.text.sentences import PreparedSentence, split_sentences


def prepare(original: str) -> list[PreparedSentence]:
    """Repair `original` and split it into sentences with offsets into `original`."""
    if not original.strip():
        return []
    return split_sentences(repair(original))


__all__ = ["PreparedSentence", "RepairedText", "prepare", "repair"]
