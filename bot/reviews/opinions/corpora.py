"""Readers for the public corpora the opinion models are trained on (see docs/opinions.md)."""

from __future__ import annotations

import csv
import gzip
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bot.reviews.opinions.features import Lexicon

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _lines(path: Path) -> list[str]:
    # The Pang & Lee and Hu & Liu files are latin-1, not UTF-8.
    text = path.read_text(encoding="latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


def subjectivity_corpus(data_dir: Path) -> tuple[list[str], list[int]]:
    """SUBJ: 5,000 critic quotes (1 = opinion) and 5,000 plot sentences (0)."""
    folder = data_dir / "pang-lee" / "subjectivity"
    quotes = _lines(folder / "quote.tok.gt9.5000")
    plots = _lines(folder / "plot.tok.gt9.5000")
    return quotes + plots, [1] * len(quotes) + [0] * len(plots)


def polarity_corpus(data_dir: Path) -> tuple[list[str], list[int]]:
    """MR: 5,331 positive (1) and 5,331 negative (0) Rotten Tomatoes snippets."""
    folder = data_dir / "pang-lee" / "sentence-polarity"
    pos = _lines(folder / "rt-polarity.pos")
    neg = _lines(folder / "rt-polarity.neg")
    return pos + neg, [1] * len(pos) + [0] * len(neg)


def opinion_lexicon(data_dir: Path) -> Lexicon:
    folder = data_dir / "opinion-lexicon"

    def words(name: str) -> frozenset[str]:
        return frozenset(w for w in _lines(folder / name) if not w.startswith(";"))

    return Lexicon(words("positive-words.txt"), words("negative-words.txt"))


@dataclass(frozen=True, slots=True)
class LabelledReviews:
    """Whole reviews with a thumbs up (1) or down (0) and the id each is known by here."""

    ids: list[str]
    texts: list[str]
    labels: list[int]


def imdb_reviews(data_dir: Path, split: str = "train") -> LabelledReviews:
    """aclImdb reviews of one split; only `train` is ever fitted on, `test` only measured."""
    found = LabelledReviews([], [], [])
    with gzip.open(data_dir / "aclimdb" / "reviews.csv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["split"] != split:
                continue
            found.ids.append(row["review_id"])
            found.texts.append(_BREAK.sub(" ", row["text"]))
            found.labels.append(1 if row["label"] == "pos" else 0)
    return found


def imdb_train_reviews(data_dir: Path) -> tuple[list[str], list[int]]:
    """aclImdb reviews from the `train` split only; the `test` split is never fitted on."""
    reviews = imdb_reviews(data_dir, "train")
    return reviews.texts, reviews.labels


def critic_reviews(data_dir: Path) -> LabelledReviews:
    """Pang & Lee polarity v2.0: 2,000 critic reviews, ids like `pl-neg-cv040_8829`."""
    found = LabelledReviews([], [], [])
    with tarfile.open(data_dir / "pang-lee" / "polarity-v2-reviews.tar.gz") as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            parts = PurePosixPath(member.name).parts
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is None or not member.name.endswith(".txt") or len(parts) < 2:
                continue
            label = parts[-2]
            if label not in ("pos", "neg"):
                continue
            found.ids.append(f"pl-{label}-{PurePosixPath(member.name).stem}")
            found.texts.append(handle.read().decode("latin-1"))
            found.labels.append(1 if label == "pos" else 0)
    return found
