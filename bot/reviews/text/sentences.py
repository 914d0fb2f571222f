"""Split repaired text into sentences that carry offsets into the original review.

Boundaries come from Bling Fire's sentence breaker, a compiled finite-state model: pysbd and
syntok split the same IMDb reviews 25x and 5x slower, which alone would blow the ingest budget
(see benchmarks/text_speed.py). Paragraph breaks (former `<br />` tags) always end a sentence.
"""

from __future__ import annotations

import ctypes
import functools
import importlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.reviews.text.clean import PARAGRAPH
from bot.reviews.text.repair import RepairedText


@dataclass(frozen=True, slots=True)
class PreparedSentence:
    """A repaired, stripped sentence and the half-open span of the original it came from."""

    text: str
    start: int
    end: int
    repaired_start: int
    repaired: RepairedText = field(repr=False, compare=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map text[start:end] of this sentence to a half-open span of the original review."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the sentence")
        return self.repaired.to_original(self.repaired_start + start, self.repaired_start + end)


def split_sentences(repaired: RepairedText) -> list[PreparedSentence]:
    sentences: list[PreparedSentence] = []
    text = repaired.text
    offset = 0
    for paragraph in text.split(PARAGRAPH):
        if paragraph.strip():
            spans = _after_titles(paragraph, _sentence_spans(paragraph))
            if _LOWERCASE_START.search(paragraph):
                spans = [piece for span in spans for piece in _lowercase_breaks(paragraph, *span)]
            if _TITLE_START.search(paragraph):
                spans = [piece for span in spans for piece in _title_breaks(paragraph, *span)]
            for start, end in spans:
                _add(sentences, repaired, offset + start, offset + end)
        offset += len(paragraph) + len(PARAGRAPH)
    return sentences


Breaker = Callable[..., int]


@functools.cache
def _native_breaker() -> Breaker:
    # Importing blingfire loads numpy and its native library (~0.15 s): only when first needed.
    # It ships no type hints, hence import_module rather than an import statement.
    module = importlib.import_module("blingfire")
    breaker: Breaker = module.blingfire.TextToSentencesWithOffsets
    return breaker


_local = threading.local()
Buffers = tuple[
    ctypes.Array[ctypes.c_char], ctypes.Array[ctypes.c_int32], ctypes.Array[ctypes.c_int32]
]


def _buffers(capacity: int) -> Buffers:
    """Output buffers of at least `capacity`, reused per thread: allocating and zeroing three
    arrays per paragraph cost a quarter of the splitting."""
    held: Buffers | None = getattr(_local, "buffers", None)
    if held is None or len(held[1]) < capacity:
        size = max(capacity, 4096)
        held = (
            ctypes.create_string_buffer(size),
            (ctypes.c_int32 * size)(),
            (ctypes.c_int32 * size)(),
        )
        _local.buffers = held
    return held


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Half-open sentence spans of `paragraph`.

    Calls Bling Fire's native entry point directly: its Python wrapper walks every byte in a
    Python loop to turn UTF-8 offsets into string offsets, which cost 4x the splitting itself.
    Here ASCII text (most reviews) needs no conversion at all.
    """
    data = paragraph.encode("utf-8")
    # The native code bounds the offset arrays by the same capacity as the text buffer.
    capacity = len(data) * 2 + 16
    output, starts, ends = _buffers(capacity)
    written = _native_breaker()(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(output),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(capacity),
    )
    if written <= 0 or written > capacity:
        return [(0, len(paragraph))]
    # The buffer is reused: only its first `written` bytes belong to this paragraph.
    count = output.raw[:written].count(b"\n") + 1
    # Bling Fire's end offsets point at the last byte of a sentence, hence the + 1.
    spans = list(zip(starts[:count], [end + 1 for end in ends[:count]], strict=True))
    if len(data) == len(paragraph):
        return spans
    return [(_char_offset(data, start), _char_offset(data, end)) for start, end in spans]


# A full stop, "?" or "!" followed by a lowercase word, or a quotation opening on one: Bling Fire
# only starts a sentence at a capital, but many reviews are written (or were stored) all in
# lower case ("catchy . it was", "a joke . " idle hands " is").
_LOWERCASE_START = re.compile(r"(?<=[^\s.!?])(?P<stop>\s?[.!?]+)[\"')\]]*\s+(?=(?:[\"`]\s*)?[a-z])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st vs etc e.g i.e eg ie approx jr sr vol ch cf al inc ltd co no pp ft min".split()
)


# Titles before a name: "MR. WONG" (in capitals Bling Fire does not know it) is one sentence.
_TITLE_END = re.compile(r"(?:^|\W)(?:mr|mrs|ms|dr|st|jr|sr|messrs)\.\s*$", re.IGNORECASE)


# A sentence that ends on a word and the next that opens on a title ("a jerk. Mr. Marchand
# is…"): Bling Fire keeps them together.
_TITLE_START = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=(?:Mr|Mrs|Ms|Dr)\.\s*[A-Z])")


def _title_breaks(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    begin = start
    for match in _TITLE_START.finditer(paragraph, start, end):
        word = paragraph[begin : match.start()].split()[-1].lower().rstrip(".!?")
        if word in _ABBREVIATIONS:
            continue
        pieces.append((begin, match.start()))
        begin = match.end()
    pieces.append((begin, end))
    return pieces


def _after_titles(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        last = merged[-1] if merged else None
        # Only the last few characters can hold a title; most sentences don't end in one.
        if last and _TITLE_END.search(paragraph[max(last[0], last[1] - 9) : last[1]]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _lowercase_breaks(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one span further where a sentence visibly ends before a lowercase word."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for match in _LOWERCASE_START.finditer(paragraph, start, end):
        before = paragraph[begin : match.start()].split()
        word = before[-1].lower().rstrip(".") if before else ""
        stop = match.group("stop").strip()
        if stop == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue  # "dr. no", "j. edgar": an abbreviation or an initial, not a sentence end
        opened = paragraph[begin : match.start()]
        aside = opened[opened.rfind("(") + 1 :] if "(" in opened else None
        if (
            aside is not None
            and stop in ("?", "!")
            and ")" in match.group(0)
            and ")" not in aside
            and not opened.lstrip().startswith("(")
        ):
            # "Chris Lybbert (who?) as the hero", "(played by Seagal, of all people!) never
            # smiles": an aside's question or cry, not an end; a bracketed sentence of its own
            # still is one.
            continue
        cut = match.end()
        if len(before) >= 2:
            pieces.append((begin, cut))
            begin = cut
    pieces.append((begin, end))
    return pieces


def _char_offset(data: bytes, byte_offset: int) -> int:
    return len(data[:byte_offset].decode("utf-8", errors="ignore"))


def _add(sentences: list[PreparedSentence], repaired: RepairedText, start: int, end: int) -> None:
    raw = repaired.text[start:end]
    stripped = raw.strip()
    if not stripped:
        return
    start += len(raw) - len(raw.lstrip())
    end = start + len(stripped)
    original_start, original_end = repaired.to_original(start, end)
    sentences.append(PreparedSentence(stripped, original_start, original_end, start, repaired))
