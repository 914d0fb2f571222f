"""Throughput of prepare() on aclImdb reviews, cold load times, and the sentence splitters compared.

Run: python benchmarks/text_speed.py
"""

from __future__ import annotations

import csv
import gzip
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.text import prepare, repair  # noqa: E402
from bot.reviews.text.sentences import split_sentences  # noqa: E402

ACLIMDB = ROOT.parent / "shared" / "data" / "aclimdb" / "reviews.csv.gz"
SEED = ROOT.parent / "shared" / "seeds" / "000_44bfa849ba0067c6.txt"
REVIEWS = 2000


def train_reviews(limit: int) -> list[str]:
    texts: list[str] = []
    with gzip.open(ACLIMDB, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] == "train":
                texts.append(row["text"])
                if len(texts) == limit:
                    break
    return texts


def cold(statement: str) -> float:
    """Seconds `statement` takes in a fresh interpreter (import excluded)."""
    code = (
        f"import time, sys; sys.path.insert(0, {str(ROOT)!r}); import bot.reviews.text as t;"
        f" from bot.reviews.text import lexicon, glue; s = time.perf_counter(); {statement};"
        " print(time.perf_counter() - s)"
    )
    return float(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )


def boundaries(pieces: list[str], text: str) -> set[int]:
    """End offsets of sentences in `text`, whitespace-insensitive, for comparing splitters."""
    squeezed = "".join(text.split())
    ends: set[int] = set()
    position = 0
    for piece in pieces:
        position += len("".join(piece.split()))
        if position < len(squeezed):
            ends.add(position)
    return ends


def splitter_table(texts: list[str]) -> None:
    import blingfire
    import pysbd
    from syntok import segmenter

    pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)

    def by_syntok(text: str) -> list[str]:
        return [
            "".join(token.spacing + token.value for token in sentence)
            for paragraph in segmenter.process(text)
            for sentence in paragraph
        ]

    splitters: dict[str, Callable[[str], list[str]]] = {
        "blingfire": lambda text: [s.text for s in split_sentences(repair(text))],
        "syntok": by_syntok,
        "pysbd": lambda text: [str(s) for s in pysbd_segmenter.segment(text)],
    }
    repaired = [repair(text).text for text in texts]
    reference = [boundaries(splitters["pysbd"](text), text) for text in repaired]
    seed = repair(SEED.read_text(encoding="utf-8")).text
    print(f"splitters on {len(texts)} repaired aclImdb reviews (agreement: boundary F1 vs pysbd)")
    for name, split in splitters.items():
        start = time.perf_counter()
        found = [boundaries(split(text), text) for text in repaired]
        elapsed = time.perf_counter() - start
        hits = sum(len(a & b) for a, b in zip(found, reference, strict=True))
        precision = hits / max(1, sum(map(len, found)))
        recall = hits / max(1, sum(map(len, reference)))
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(
            f"  {name:10s} {len(texts) / elapsed:8.0f} reviews/s   F1 {f1:.3f}"
            f"   seed sentences {len(split(seed))}"
        )
    del blingfire


def main() -> None:
    print(
        f"cold load: dictionary {cold('lexicon.dictionary_words()'):.3f} s,"
        f" counts for splitting {cold('lexicon.unigram_counts(); lexicon.bigram_counts()'):.3f} s,"
        f" first prepare() of the seed {cold(f't.prepare(open({str(SEED)!r}).read())'):.3f} s"
    )
    texts = train_reviews(REVIEWS)
    words = sum(len(text.split()) for text in texts)
    prepare(texts[0])  # warm: word lists and the sentence model load once
    start = time.perf_counter()
    sentences = sum(len(prepare(text)) for text in texts)
    elapsed = time.perf_counter() - start
    print(
        f"prepare(): {len(texts)} aclImdb train reviews ({words / len(texts):.0f} words avg) in"
        f" {elapsed:.2f} s = {len(texts) / elapsed:.0f} reviews/s, {sentences / elapsed:.0f}"
        f" sentences/s, {elapsed / len(texts) * 1000:.3f} ms/review"
    )
    start = time.perf_counter()
    for text in texts:
        repair(text)
    print(f"repair() alone: {len(texts) / (time.perf_counter() - start):.0f} reviews/s")
    if "--no-compare" not in sys.argv:
        splitter_table(texts[:300])


if __name__ == "__main__":
    main()
