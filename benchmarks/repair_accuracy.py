"""How well repair() mends glued text, and how rarely it touches clean text.

(a) The seed review lost its line breaks; the glued tokens below were found by reading it.
(b) The 2,000 polarity-v2 critic reviews are lowercased and tokenised, so any change there is wrong.

Run: python benchmarks/repair_accuracy.py
"""

from __future__ import annotations

import collections
import difflib
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.text import repair  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_44bfa849ba0067c6.txt"
POLARITY = ROOT.parent / "shared" / "data" / "pang-lee" / "polarity-v2-reviews.tar.gz"

# Hand-identified repairs in the seed: glued token -> what it should become.
SEED_GOLD = {
    "storystarts": "story starts",
    "asong": "a song",
    "colorfuloriginal": "colorful original",
    "dreamsin": "dreams in",
    "thestory": "the story",
    "improve.Our": "improve. Our",
    "moviestar": "movie star",
    "fallsin": "falls in",
    "inlove": "in love",
    "soontrip": "soon trip",
    "blissalong": "bliss along",
    "understandwhat": "understand what",
    "whenshe": "when she",
    "thepoetry": "the poetry",
    "theirstarry": "their starry",
    "towrite": "to write",
    "helands": "he lands",
    "themusic": "the music",
    "himpretty": "him pretty",
    "themoody": "the moody",
    "nowork.": "no work.",
    "aboutcreative": "about creative",
    "himmaking": "him making",
    "thatit": "that it",
    "getwork": "get work",
    "womanshow": "woman show",
    "finalaudition": "final audition",
    "herthat": "her that",
    "owncareers": "own careers",
    "famousmovie": "famous movie",
    "helives": "he lives",
    "him.He": "him. He",
    "loveaffair": "love affair",
    "separationare": "separation are",
    "anddiscover": "and discover",
    "hiswords": "his words",
    "themusician": "the musician",
    "longingfinal": "longing final",
    "beentold": "been told",
    "dialogueare": "dialogue are",
    "tomake": "to make",
    "notvery": "not very",
    "film!Mostly": "film! Mostly",
    "musicalnumber": "musical number",
    "ajazz": "a jazz",
    "torecognize": "to recognize",
    "women.What": "women. What",
    "anddancing": "and dancing",
    "LAand": "LA and",
    "aworld": "a world",
    "familyconnections,": "family connections,",
    "shinein": "shine in",
    "anddance": "and dance",
    "timefor": "time for",
    "andit": "and it",
    "justthink": "just think",
}


def changes(before: str, after: str) -> list[tuple[str, str]]:
    """Whitespace-token differences between two texts, as (old, new) pairs."""
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (" ".join(old[a1:a2]), " ".join(new[b1:b2]))
        for tag, a1, a2, b1, b2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def seed_report() -> None:
    original = SEED.read_text(encoding="utf-8")
    made = dict(changes(original, repair(original).text))
    exact = [token for token, want in SEED_GOLD.items() if made.get(token) == want]
    missed = {token: made.get(token, token) for token in SEED_GOLD if token not in exact}
    false = {token: new for token, new in made.items() if token not in SEED_GOLD}
    print(f"seed: {len(exact)}/{len(SEED_GOLD)} glued tokens repaired exactly")
    for token, got in missed.items():
        print(f"  missed: {token!r} -> {got!r} (wanted {SEED_GOLD[token]!r})")
    print(f"seed: {len(false)} false changes")
    for token, new in false.items():
        print(f"  false: {token!r} -> {new!r}")


def clean_text_report() -> None:
    texts: list[str] = []
    with tarfile.open(POLARITY) as archive:
        for member in archive.getmembers():
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is not None and member.name.endswith(".txt"):
                texts.append(handle.read().decode("utf-8", "replace"))
    words = 0
    wrong: collections.Counter[str] = collections.Counter()
    for text in texts:
        words += len(text.split())
        for old, new in changes(text, repair(text).text):
            wrong[f"{old} -> {new}"] += len(old.split())
    count = sum(wrong.values())
    print(
        f"clean polarity-v2 ({len(texts)} reviews): {count} words changed of {words:,}"
        f" = {count / words * 10_000:.2f} per 10,000 words"
    )
    for change, n in wrong.most_common(25):
        print(f"  {n:4d}  {change}")


if __name__ == "__main__":
    seed_report()
    clean_text_report()
