"""Repair a damaged review while keeping an exact map back to the original characters.

Quotes are shown from the repaired text but cited by offsets into the original, so every repair
either inserts a space or replaces a whole original range (a tag, an entity, a whitespace run, a
character NFKC changes). The map is kept as a few runs rather than one entry per character: a
clean review is a single run.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from bot.reviews.text.clean import Piece, clean
from bot.reviews.text.glue import insertion_points


@dataclass(frozen=True, slots=True)
class RepairedText:
    """Repaired text plus, per run of it, the original range it came from.

    Run k covers text[starts[k]:starts[k+1]] and original[sources[k]:source_ends[k]]. A verbatim
    run maps character by character; any other run (an inserted space, a decoded entity) maps as
    a whole, and an inserted space covers the empty range at its insertion point.
    """

    text: str
    original_length: int
    starts: tuple[int, ...]
    sources: tuple[int, ...]
    source_ends: tuple[int, ...]
    verbatim: tuple[bool, ...]

    @property
    def source(self) -> tuple[int, ...]:
        """source[i] is the index in the original of repaired character i (built on demand)."""
        return tuple(self._source_of(i) for i in range(len(self.text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span text[start:end] to a half-open span of the original."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the repaired text")
        if start == end:
            return (self._point(start), self._point(start))
        return (self._source_of(start), self._source_end_of(end - 1))

    def _run(self, index: int) -> int:
        return bisect_right(self.starts, index) - 1

    def _source_of(self, index: int) -> int:
        run = self._run(index)
        if self.verbatim[run]:
            return self.sources[run] + index - self.starts[run]
        return self.sources[run]

    def _source_end_of(self, index: int) -> int:
        run = self._run(index)
        if self.verbatim[run]:
            return self.sources[run] + index - self.starts[run] + 1
        return self.source_ends[run]

    def _point(self, index: int) -> int:
        return self._source_of(index) if index < len(self.text) else self.original_length


def repair(original: str) -> RepairedText:
    pieces = clean(original)
    cleaned = "".join(piece.text for piece in pieces)
    points = insertion_points(cleaned)
    if points:
        pieces = _insert_spaces(pieces, points)
    starts: list[int] = []
    position = 0
    for piece in pieces:
        starts.append(position)
        position += len(piece.text)
    return RepairedText(
        text="".join(piece.text for piece in pieces),
        original_length=len(original),
        starts=tuple(starts),
        sources=tuple(piece.start for piece in pieces),
        source_ends=tuple(piece.end for piece in pieces),
        verbatim=tuple(piece.verbatim for piece in pieces),
    )


def _insert_spaces(pieces: list[Piece], points: list[int]) -> list[Piece]:
    """Put a space before cleaned-text position p for each p, splitting verbatim pieces."""
    result: list[Piece] = []
    queue = iter(points)
    point = next(queue, None)
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        cut = 0  # how much of this piece is already in `result`
        while point is not None and point < end:
            if point > position + cut and not piece.verbatim:
                point = next(queue, None)  # never split inside a decoded entity
                continue
            offset = point - position
            if offset > cut:
                head = piece.text[cut:offset]
                result.append(Piece(head, piece.start + cut, piece.start + offset, True))
                cut = offset
            at = piece.start + cut
            result.append(Piece(" ", at, at, False))
            point = next(queue, None)
        if cut == 0:
            result.append(piece)
        elif cut < len(piece.text):
            result.append(Piece(piece.text[cut:], piece.start + cut, piece.end, True))
        position = end
    return result
