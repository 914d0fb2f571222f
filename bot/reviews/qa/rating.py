"""The rating a review states ("7/10", "3 out of 5", "** out of ****", "4 stars"), if any.

A review quotes other people's scores as well as its own ("50% voted a 10 out of 10", "what could
have been a 10/10"), and "3/4 of the way through" is no score at all. The critic's own rating is
taken to be the last score in the text that is not someone else's or a counterfactual; reviewers
give their score at the end, often after a breakdown by aspect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"\d+(?:\.\d+)?|\.\d+"
_RATING = re.compile(
    rf"(?<![\w/.])(?P<num>{_NUMBER})\s*(?:stars?\s+)?(?:/|out of|outta)\s*(?:a possible\s+)?"
    r"(?P<den>10|5|4|100)\b(?!\s*(?:of\b|'s|ths\b|were\b|are\b|times\b|people\b|viewers?\b"
    r"|voters?\b|users?\b|reviewers?\b)|/\d)"
    rf"|(?<![\w/.])(?P<onum>{_NUMBER})\s+of\s+(?P<oden>10|5|4)\s+stars?\b"
    r"|(?P<stars>[★*]{1,5}(?:½)?)\s*(?:out of\s*(?P<sden>[★*]{4,5}|5|4))"
    rf"|(?<![\w/.])(?P<snum>{_NUMBER})\s*stars?\b(?!\s*(?:out of|outta)\s*(?:a possible\s+)?\d)"
    # "I'm giving this a 3", "I gave it a 7.5", "that kicked it up to a 2": a score with no
    # scale, after a verb of scoring or of moving the score.
    r"|\b(?:(?:giving|give|gave|given|rate|rated|rating|score|scored)\s+(?:it|this|this one|this "
    r"(?:film|movie)|the (?:film|movie))?"
    r"|(?:kick|bump|push|rais|bring|brought|knock|drop|mov)\w*\s+it\s+(?:up|down)\s+to)"
    rf"\s*an?\s+(?P<gnum>{_NUMBER})\b"
    r"(?!\s*(?:/|out\b|outta\b|of\b|%|stars?\b|points?\b|minutes?\b|hours?\b|times?\b))"
    # "On a scale of 1 to 10, … a shallow 3": the scale first, the score later in the sentence.
    r"|\b(?:scale|gauge) of (?:0|1|zero|one) ?(?:to|-) ?(?P<xden>10|5|100)\b[^.!?]{0,80}?"
    rf"(?<![\w/.])(?P<xnum>{_NUMBER})\b"
    r"(?!\s*(?:/|out\b|%|minutes?\b|hours?\b|times?\b|is\b|being\b|=|-))"
    # A letter grade: "I give it a D", "grade: B+" (not "a B-movie").
    r"|\b(?:(?:giving|give|gave|given|grade|graded|rate|rated)\s+(?:it|this|this one|this "
    r"(?:film|movie)|the (?:film|movie))\s*an?|grade\s*(?::|is an?|of an?))"
    r"\s+(?P<grade>[a-d]\s?[+-]?|f)(?![\w-])",
    re.IGNORECASE,
)
# Letter grades on the usual four-point scale.
_GRADES = {"a": 4.0, "b": 3.0, "c": 2.0, "d": 1.0, "f": 0.0}
# Words just before a score that make it someone else's, or one the film did not get.
_NOT_OWN = re.compile(
    r"\b(?:imdb|votes?|voted|voting|voters?|users?|reviews|reviewers|comments|people|others|"
    r"everyone|average|guide|critics|idiots|viewers?|the above|those who|could have been|"
    r"would have been|"
    r"would have given|would have rated|would get|could give|could have given|wish|who|why not|"
    r"got an?|had an?|still rating|instead of|until)\b",
    re.IGNORECASE,
)
_LOOK_BACK = 60
_NOT_OWN_AFTER = re.compile(r"^[^.!?]{0,20}\b(?:on imdb|average|votes?|score, which)\b", re.I)
_LOOK_AHEAD = 30
_FOUR_ENDS = re.compile(r"\s*(?:stars?\b|[.!)]|$)")
# A bare "4 stars" has no scale: IMDb users mean ten, critics often five.
BARE_SCALES = (10.0, 5.0)


@dataclass(frozen=True, slots=True)
class Rating:
    text: str
    # The value on a 0..1 scale, for each scale the text could be on (one unless it names none).
    readings: tuple[float, ...]
    # Where the review's text states it; None when it comes from the review's metadata.
    start: int | None = None

    def value(self, liked: float | None = None) -> float:
        """The reading on the 0..1 scale; for a scale-less score, the one nearest `liked`."""
        if liked is None or len(self.readings) == 1:
            return self.readings[0]
        return min(self.readings, key=lambda r: abs(r - liked))


def stated_rating(
    text: str, metadata: str | None = None, liked: float | None = None
) -> Rating | None:
    """The critic's rating: from the review's metadata when it has one, else from its text.

    A text that gives two scores on opposite sides, the last not labelled overall ("Rise to
    Power - 1 out of 10. Carlito's Way - 9 out of 10": the film and the one it is held against),
    is taken at the one its words lean to (`liked`, P(positive) from the stance model); any
    other text at its last score."""
    if metadata:
        found = parse_rating(metadata)
        if found is not None:
            return found
    own = _own_ratings(text)
    if not own:
        return None
    last = own[-1]
    # Only two scores, the last not labelled as the overall one: a breakdown by aspect ("Story:
    # 2/10. Overall: 4/10") ends on the critic's own.
    if (
        liked is not None
        and len(own) == 2
        and abs(liked - 0.5) >= _CLEAR_LEANING
        and last.start is not None
        and not _OVERALL.search(text[max(0, last.start - 30) : last.start])
    ):
        agreeing = [r for r in own if (r.value(liked) >= 0.5) == (liked >= 0.5)]
        if len(agreeing) == 1:
            return agreeing[0]
    return last


_OVERALL = re.compile(r"(?i)\b(overall|final|total|verdict|my rating|my score|i give|i'd give)\b")


# How far from even the words must lean before they choose between a text's scores.
_CLEAR_LEANING = 0.25


def _own_ratings(text: str) -> list[Rating]:
    own: list[Rating] = []
    for match in _RATING.finditer(text):
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        before = re.split(r"[.!?]\s", before)[-1]
        after = text[match.end() : match.end() + _LOOK_AHEAD]
        if _NOT_OWN.search(before) or _NOT_OWN_AFTER.search(after):
            continue
        if match.group("den") == "4" and not _FOUR_ENDS.match(after):
            # "3/4 of the way through", "3/4 empty": a fraction, unless it ends the sentence.
            continue
        readings = _readings(match)
        if readings:
            # "giving this a 3" is stated as "3".
            stated = match.group("gnum") or match.group(0).strip()
            if match.group("grade"):
                stated = match.group("grade").replace(" ", "").upper()
            if match.group("xnum"):
                stated = f"{match.group('xnum')}/{match.group('xden')}"
            own.append(Rating(stated, readings, match.start()))
    return own


def parse_rating(text: str) -> Rating | None:
    """A rating given on its own ("8/10", "4 stars", or a bare "7" on IMDb's ten-point scale)."""
    match = _RATING.search(text)
    if match is None:
        bare = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*", text)
        if bare and float(bare.group(1)) <= 10:
            return Rating(text.strip(), (float(bare.group(1)) / 10,))
        return None
    readings = _readings(match)
    return Rating(text.strip(), readings) if readings else None


def _readings(match: re.Match[str]) -> tuple[float, ...]:
    if match.group("num") or match.group("onum") or match.group("xnum"):
        num = float(match.group("num") or match.group("onum") or match.group("xnum"))
        den = float(match.group("den") or match.group("oden") or match.group("xden"))
        return (num / den,) if num <= den else ()
    if match.group("stars"):
        stars = match.group("stars")
        value = stars.count("★") + stars.count("*") + (0.5 if "½" in stars else 0)
        den_text = match.group("sden") or "5"
        den = float(den_text) if den_text.isdigit() else float(len(den_text))
        return (value / den,) if value <= den else ()
    if match.group("grade"):
        grade = match.group("grade").replace(" ", "").lower()
        step = {"+": 0.3, "-": -0.3}.get(grade[1:], 0.0)
        return (min(1.0, max(0.0, (_GRADES[grade[0]] + step) / 4)),)
    num = float(match.group("snum") or match.group("gnum"))
    return tuple(num / scale for scale in BARE_SCALES if num <= scale)
