"""The jobs a "who" question asks about ("who directed it?"), what a sentence must say to
answer one, and whether it puts a name to the job."""

from __future__ import annotations

import re

from bot.reviews.qa.names import FULL_NAME
from bot.reviews.qa.phrasings import AWARD_WORD

# The words that say who did a job, per the stem a question asks it with.
_WRITING = re.compile(r"(?i)\bwr[io]t\w*|\bscreenplay\w*|\bscript\w*|\bpenned\b")
_SINGING = re.compile(r"(?i)\bs[iau]ng\b|\bsings\b|\bsinging\b|\bsinger\b|\bvocals?\b")
ROLES = {
    # Not the "music director" or "art director": they direct no film.
    "direct": re.compile(
        # "he disobeys direct orders": the bare adjective directs nothing.
        r"(?i)(?<!music )(?<!musical )(?<!art )(?<!casting )(?<!photography )"
        r"\bdirect(?:s|ed|ing|ion|ions|or|ors|orial|ress)\b"
        r"(?! of photography)"
        r"|\bhelm\w*|\bfilm by\b|\b\w+'s (new )?film\b"
    ),
    "writ": _WRITING,
    "wrote": _WRITING,
    "produc": re.compile(r"(?i)\bproduc\w*"),
    "compos": re.compile(r"(?i)\bcompos\w*|\bscore[ds]?\b|\bmusic by\b"),
    "sing": _SINGING,
    "sang": _SINGING,
    "sung": _SINGING,
    "creat": re.compile(r"(?i)\bcreat(?:ed|or|ors|ing)\b|\bdevised\b|\bdreamed up\b"),
    "voic": re.compile(r"(?i)\bvoice[sd]?\b|\bvoicing\b|\bvoice actor\b"),
}


# (A festival screening is no prize: "I saw this movie on the film festival of Rotterdam".)
PRIZE = re.compile(
    r"(?i)\b(awards?|award-winning|oscars?|baftas?|emmys?|globes?|nominat\w*|prizes?|"
    r"razzies?|palme)\b|\b(won|wins|winner|winning)\b[^.!?]*\bfestival"
)


def held_by_name(role: re.Pattern[str], text: str) -> bool:
    """Whether a full name is put to a mention of the job: "director Paul Harrison",
    "directed by Eric Till", "Eric Till's direction", "Ang Lee directs"."""
    for match in role.finditer(text):
        if _NAME_AFTER.match(text, match.end()) or _NAME_BEFORE.search(text, 0, match.start()):
            return True
    return False


_NAME_AFTER = re.compile(r"\s+(?:by\s+)?" + FULL_NAME.pattern)
_NAME_BEFORE = re.compile(FULL_NAME.pattern + r"(?:'s)?\s+(?:[a-z]+\s+)?\Z")


# "is it based on a real comic book?" is answered by where the story comes from, "was it a box
# office flop?" by how it sold: not by any sentence that shares "comic" or "flop".
SOURCE = re.compile(
    r"(?i)\bbased (?:up)?on\b|\badapt(?:ed|s|ing|ation)\b|\bfrom the (?:novel|book|comic|play)\b"
    r"|\b(?:novel|book|play) by\b|\bremake\b|\boriginally\b"
)
SALES = re.compile(
    r"(?i)\bbox[- ]office\b|\bgross\w*|\$\s?\d|\b\d+(?:\.\d+)? (?:million|billion)\b"
    r"|\bticket sales\b|\bflopped\b|\bbombed\b"
)
# "is it a true story?" is answered by real events, not by "this is my story about…".
TRUE_STORY = re.compile(
    r"(?i)\btrue story\b|\breal[- ]life\b|\breal events\b|\bactual events\b|\breally happened\b"
    r"|\bbased (?:up)?on\b"
)
_FACT_WORDS = {
    "based": SOURCE,
    "adapted": SOURCE,
    "box": SALES,
    "office": SALES,
    "true": TRUE_STORY,
}


def role_of(word: str, wh: str | None) -> re.Pattern[str] | None:
    """What a sentence must say to answer a question holding `word`: a prize for "any awards?",
    the source for "is it based on…?", the sales for "box office", the job for "who directed
    it?"."""
    if AWARD_WORD.fullmatch(word):
        return PRIZE
    if word in _FACT_WORDS:
        return _FACT_WORDS[word]
    if wh != "who":
        return None
    return next((p for prefix, p in ROLES.items() if word.startswith(prefix)), None)
