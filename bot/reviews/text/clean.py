"""Markup, entity, Unicode and whitespace clean-up that remembers where every piece came from.

The output is a list of pieces, each tied to a half-open range of the original. A verbatim piece
maps character for character; any other piece (a decoded entity, a normalised character, a
collapsed whitespace run) maps as a whole. Text between the special matches is copied unchanged,
so a clean review costs one regex scan.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Tags that end a block of text: what follows starts a new sentence.
BREAK_TAGS = frozenset(
    {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "hr", "pre"}
    | {f"h{level}" for level in range(1, 7)}
)

PARAGRAPH = "\n"

_SPECIAL = re.compile(
    r"(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]{0,300})?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<space>\s{2,}|[^\S ])"
    r"|(?P<other>[^\x00-\x7f\s]+)"
)


@dataclass(slots=True)
class Piece:
    """Repaired text for original[start:end]; `verbatim` means it equals that slice."""

    text: str
    start: int
    end: int
    verbatim: bool
    gap: bool = False


def clean(original: str) -> list[Piece]:
    pieces: list[Piece] = []
    copied = 0
    for match in _SPECIAL.finditer(original):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "other":
            piece, start = _normalise(original, start, end, copied)
        elif kind == "space":
            piece = _gap(match.group(), start, end)
        elif kind == "entity":
            piece = _entity(match.group(), start, end)
        else:
            # Inline tags (<i>, <a href=...>) vanish; block tags become a paragraph break.
            if match.group("name").lower() not in BREAK_TAGS:
                _copy(pieces, original, copied, start)
                copied = end
                continue
            piece = Piece(PARAGRAPH, start, end, False, True)
        if piece is None:
            continue
        _copy(pieces, original, copied, start)
        _append(pieces, piece)
        copied = end
    _copy(pieces, original, copied, len(original))
    return pieces


def _copy(pieces: list[Piece], original: str, start: int, end: int) -> None:
    if start < end:
        _append(pieces, Piece(original[start:end], start, end, True))


def _append(pieces: list[Piece], piece: Piece) -> None:
    """Add a piece, folding adjacent whitespace into one gap: 'word <br />' gives 'word\\n'."""
    if not pieces:
        pieces.append(piece)
        return
    last = pieces[-1]
    if piece.gap and last.gap:
        last.text = PARAGRAPH if PARAGRAPH in (last.text + piece.text) else " "
        last.end = piece.end
        last.verbatim = False
        return
    if piece.gap and last.verbatim and last.text.endswith(" "):
        last.text = last.text[:-1]
        last.end -= 1
        piece.start -= 1
        piece.text = PARAGRAPH if PARAGRAPH in piece.text else " "
        piece.verbatim = False
        if not last.text:
            pieces.pop()
        _append(pieces, piece)
        return
    if last.gap and piece.verbatim and piece.text.startswith(" "):
        last.end += 1
        piece.text = piece.text[1:]
        piece.start += 1
        if not piece.text:
            return
    pieces.append(piece)


def _gap(run: str, start: int, end: int) -> Piece:
    # Two line breaks mark a paragraph; a single one is usually just hard wrapping.
    text = PARAGRAPH if run.count("\n") >= 2 or "\u2029" in run else " "
    return Piece(text, start, end, run == text, True)


def _entity(raw: str, start: int, end: int) -> Piece | None:
    value = unicodedata.normalize("NFKC", html.unescape(raw))
    if value == raw:
        return None
    if value.isspace():
        return Piece(" ", start, end, False, True)
    return Piece(value, start, end, False)


def _normalise(original: str, start: int, end: int, copied: int) -> tuple[Piece | None, int]:
    # A leading combining mark composes with the character before it, so take that one too.
    if start > copied and unicodedata.combining(original[start]):
        start -= 1
    raw = original[start:end]
    value = unicodedata.normalize("NFKC", raw)
    if value == raw:
        return None, start
    return Piece(value, start, end, False), start
