"""Words and idioms that say what a question wants: criticism, praise or the verdict."""

from __future__ import annotations

import re

DISLIKE_CUES = """
    dislike disliked dislikes hate hated negative negatives criticise criticize criticised
    criticized criticism criticisms complain complained complaint complaints bugged bug
    bother bothered annoy annoyed annoying problem problems issue issues flaw flaws weakness
    weaknesses weak worst wrong bad cons downside downsides disappoint disappointed
    disappointing disappointment faults fault irritated irritate pan panned gripe gripes
    drawback drawbacks shortcoming shortcomings minus minuses letdown letdowns lacking lacked
    lacks fail failed fails failing
""".split()
LIKE_CUES = """
    like liked likes love loved praise praised praises positive positives good best enjoy
    enjoyed pros strength strengths highlight highlights appreciate appreciated admire
    admired impressed impress upside upsides great favourite favorite commend commended
    compliment compliments redeeming merit merits plus pluses plusses work worked works decent
    nice
""".split()
# Idioms for what was liked or not, which no single cue word gives away.
LIKE_PHRASE = re.compile(
    r"\bkicks? out of\b|\b(won|win|wins) (them|him|her|the critic|the reviewer) over\b"
    r"|\b(get|got|gets) (anything|something|much|a lot) right\b|\bst(oo|a)d out\b"
)
DISLIKE_PHRASE = re.compile(
    r"\b(fall|falls|fell) (down|flat|short|apart)\b|\bnot up to (scratch|par|snuff)\b"
    r"|\b(their|his|her|the critic's|the reviewer's) (problem|beef|issue) with\b"
)

VERDICT_WORDS = """
    recommend recommended rating verdict worth thumbs stars enjoy watch
""".split()
