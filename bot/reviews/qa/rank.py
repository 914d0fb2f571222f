"""Scoring quotable units for each kind of question."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from bot.reviews.opinions.cues import FAULTS, STRENGTHS, advice_phrases, denied_before
from bot.reviews.opinions.tokens import normalise
from bot.reviews.qa.cues import DISLIKE_CUES, LIKE_CUES, VERDICT_WORDS
from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.names import names_any
from bot.reviews.qa.units import Unit, opinion_units, sentence_unit
from bot.reviews.qa.words import content_words, stem
from bot.reviews.store.labels import OPINION_THRESHOLD
from bot.reviews.types import Clause, Review, Sentence

OPINION_CUES = frozenset(DISLIKE_CUES + LIKE_CUES + VERDICT_WORDS)
_QUESTION_END = re.compile(r"\?[\s)\]\"'”’]*$")
# Praise in a counterfactual, a wish or an expectation ("it would have been satisfying", "I assume
# the story will improve", "I wanted to love it") is about a film the critic did not get to see.
_UNREALISED = re.compile(
    r"\b(?:would|could|should|might|must)\s+(?:have|'ve)\b(?!\s+to\b)"
    r"|\b(?:would|could|should|might|must)'ve\b"
    r"|\b(?:i|we)\s+(?:had\s+)?(?:hope[sd]?|assumed?|expect(?:ed)?|wish(?:ed)?|was\s+expecting)\b"
    r"[^.!?]*\b(?:will|would|to\s+be|to\s+see|to\s+get)\b"
    r"|\b(?:wanted|tried)\s+(?:so\s+hard\s+)?to\s+(?:like|love|enjoy)\b"
    r"|\bsupposed\s+to\b|\bif\s+only\b",
    re.IGNORECASE,
)
# A line of the film's dialogue the critic reports ("the snowman replies, 'that's not nice'").
_REPORTED_SPEECH = re.compile(
    r"\b(?:says?|said|replies|replied|asks?|asked|tells?|told|yells?|yelled|shouts?|shouted|"
    r"screams?|screamed|whispers?|whispered|exclaims?|exclaimed|goes)\b,?\s*"
    r"(?:'[^']+'|\"[^\"]+\"|“[^”]+”|‘[^’]+’)",
    re.IGNORECASE,
)


# A sentence saying what the film is about: the premise, which a plot question starts from and
# which, with no opinion word in it, is no judgement ("I think the plot was: two friends go on a
# road trip").
PREMISE = re.compile(
    r"\b(?:is|was|it's) (?:all |mainly |mostly |really )?about\b|\btells the (?:true )?story of\b"
    r"|\b(?:a|an|the) (?:\w+ ){0,2}(?:portrayal|story|tale|account|retelling|adaptation) of\b"
    r"|\b(?:centers|centres|revolves|focuses) (?:on|around)\b|\bfollows (?:the|a|an|two|three)\b"
    # "this animated program "Galaxy Express 999," about a young boy named Tetsuro, who…"
    r"|\b(?:film|movie|program|programme|show|series|picture|drama|comedy|thriller|cartoon|anime)"
    r"\b[^.!?]{0,40}?,[\"”']? about (?:a|an|the|two|three|four|how|his|her|their|one)\b"
    r"|\bthe (?:plot|story|premise|storyline) (?:is|was)\b(?! (?:\w+ )?(?:good|bad|great|weak|thin|"
    r"poor|strong|dull|boring|silly|stupid|predictable|confusing|simple|original|clever))",
    re.IGNORECASE,
)


# What the critic expected before seeing it ("I was really looking forward to this", "had high
# hopes"): in a pan it sets up the letdown, but says nothing of the film itself.
_ANTICIPATED = re.compile(
    r"\b(?:looking|looked|look) forward to\b|\bhad (?:such |very )?(?:high|great|big) hopes\b"
    r"|\b(?:was|were|am|been) (?:so |really |very |quite )?(?:excited|eager|keen|dying) to "
    r"(?:see|watch|catch)\b",
    re.IGNORECASE,
)


def anticipation_only(text: str, opinion_words: Collection[str]) -> bool:
    """Whether `text` only says what the critic expected, judging nothing else."""
    if not _ANTICIPATED.search(text):
        return False
    return not opinion_words or not judging(_ANTICIPATED.sub(" ", text), opinion_words)


def unrealised_praise(text: str) -> bool:
    """Praise of a film the critic did not get to see, or a rhetorical question: no evidence
    that they liked the one they saw."""
    return bool(_UNREALISED.search(text) or _QUESTION_END.search(text))


def opinion_candidates(
    reviews: Sequence[Review], sentences: dict[str, list[Sentence]]
) -> Iterable[Unit]:
    for review in reviews:
        for sentence in sentences.get(review.review_id, []):
            if sentence.subjectivity >= OPINION_THRESHOLD:
                yield from opinion_units(review, sentence)


PERFORMANCE_ASPECTS = frozenset({"acting", "casting"})


def performance_mentions(
    reviews: Sequence[Review],
    sentences: dict[str, list[Sentence]],
    about: set[tuple[str, int]],
) -> list[Unit]:
    """Sentences the opinion model took for plot that still judge a named person's work.

    "played in an excellent-but-so-what performance by Morgan Freeman" reads like a cast list to
    a model trained on plot synopses, yet it is the review's whole say on Freeman.
    """
    found = []
    for review in reviews:
        for sentence in sentences.get(review.review_id, []):
            if sentence.subjectivity >= OPINION_THRESHOLD:
                continue
            if not PERFORMANCE_ASPECTS & set(sentence.aspects):
                continue
            if (review.review_id, sentence.position) in about:
                found.append(sentence_unit(review, sentence))
    return found


def polarity_strength(unit: Unit, polarity: str) -> float:
    sign = -1.0 if polarity == "negative" else 1.0
    if unit.polarity not in (polarity, "mixed"):
        return 0.0
    return max(0.0, sign * unit.score)


def _clauses_agree(unit: Unit, polarity: str) -> bool:
    """A whole sentence is quoted for a judgement only if one of its clauses leans that way too:
    passes it, or reads it clearly though the clause alone looks too plot-like to be labelled."""
    clauses = unit.sentence.clauses
    if unit.is_clause or len(clauses) < 2:
        return True
    return any(_leans(c, polarity) for c in clauses)


# A clause score (polarity times subjectivity) this far from zero leans clearly one way.
LEANING = 0.2


def _leans(clause: Clause, polarity: str) -> bool:
    """The clause passes this judgement, or leans clearly towards it."""
    sign = -1.0 if polarity == "negative" else 1.0
    return clause.polarity in (polarity, "mixed") or sign * clause.score >= LEANING


def mentions(unit: Unit, aspects: Sequence[str], people: Sequence[str]) -> bool:
    if any(a in unit.aspects for a in aspects):
        return True
    return names_any(unit.text, people)


# Lexicon words that in a review name a part of the film rather than judge it (Hu & Liu list
# "plot" as negative: a scheme).
_NAMING_WORDS = frozenset({"plot", "plots", "story", "premise"})


def judging(text: str, opinion_words: Collection[str]) -> bool:
    return any(
        w in opinion_words and w not in _NAMING_WORDS
        for w in re.findall(r"[a-z][a-z'-]*", text.lower())
    )


def _speech_only(text: str, opinion_words: Collection[str]) -> bool:
    if not _REPORTED_SPEECH.search(text):
        return False
    rest = _REPORTED_SPEECH.sub(" ", text).lower()
    return not any(w in opinion_words for w in re.findall(r"[a-z][a-z'-]*", rest))


def only_reported_speech(unit: Unit, polarity: str, opinion_words: Collection[str]) -> bool:
    """True when the judgement is a line of the film's dialogue the critic quotes: every clause
    passing it has its opinion words only inside the quote."""
    if not opinion_words:
        return False
    clauses = unit.sentence.clauses
    if unit.is_clause or len(clauses) < 2:
        return _speech_only(unit.text, opinion_words)
    text = unit.sentence.text
    passing = [text[c.text_start : c.text_end] for c in clauses if _leans(c, polarity)]
    return bool(passing) and all(_speech_only(t, opinion_words) for t in passing)


def rank_opinions(
    units: Iterable[Unit],
    parsed: ParsedQuestion,
    polarity: str,
    opinion_words: Collection[str] = (),
) -> list[tuple[float, Unit]]:
    """Judgements of the wanted polarity, strongest and most on-topic first. With
    `opinion_words` (the opinion lexicon), a quoted line of the film's dialogue is no judgement."""
    scored = []
    focus = parsed.aspects or parsed.people
    singled = bool(_ONE_ASKED.search(parsed.normalised))
    sign = -1 if polarity == "negative" else 1
    topic = {stem(w) for w in content_words(parsed.normalised) if w not in OPINION_CUES}
    for unit in units:
        strength = polarity_strength(unit, polarity)
        if strength <= 0.05 or not _clauses_agree(unit, polarity):
            continue
        if polarity == "positive" and _QUESTION_END.search(unit.sentence.text):
            # A reviewer's rhetorical question doubts or mocks; it is no praise to quote.
            continue
        if polarity == "positive" and _UNREALISED.search(unit.text):
            continue
        if only_reported_speech(unit, polarity, opinion_words):
            continue
        if anticipation_only(unit.text, opinion_words):
            continue
        if opinion_words and PREMISE.search(unit.text) and not judging(unit.text, opinion_words):
            continue
        if focus and not mentions(unit, parsed.aspects, parsed.people):
            continue
        specific = any(a != "overall" for a in unit.aspects)
        score = strength * (0.5 + unit.subjectivity) + (0.15 if specific else 0.0)
        if singled and _singles_out(unit.text, sign):
            score += SINGLED_OUT  # "their #1 complaint?": "…my biggest beef with this movie"
        if topic:
            shared = topic & {stem(w) for w in content_words(unit.text)}
            score += 0.3 * len(shared) / len(topic)
        scored.append((score, unit))
    return best_first(scored)


# "what's their #1 complaint?", "their biggest gripe", "the best bit for them": one thing asked,
# which a critic's own "my biggest beef is…", "the saving grace is…" names.
_ONE_ASKED = re.compile(
    r"(\b(biggest|main|number one|no 1|chief|major|worst|top|greatest|best|only|favou?rite)"
    r"|#?\b1)\b"
    r"[\w' ]{0,15}\b(complaints?|problems?|gripes?|issues?|beefs?|flaws?|weakness(es)?|things?"
    r"|parts?|bits?|strengths?|highlights?)\b"
)
SINGLED_OUT = 0.5


def _singles_out(text: str, sign: int) -> bool:
    """Whether the critic singles out a fault ("my biggest beef") or a strength ("the saving
    grace is"), undenied; advice to the reader ("avoid this turkey") singles out nothing."""
    tokens = normalise(text)
    wanted = FAULTS if sign < 0 else STRENGTHS
    return any(
        phrase in wanted and not denied_before(tokens, i) for i, phrase, _ in advice_phrases(tokens)
    )


def rank_aspect(
    units: Iterable[Unit],
    parsed: ParsedQuestion,
    about: set[tuple[str, int]],
    opinion_words: Collection[str] = (),
) -> list[tuple[float, Unit]]:
    """Units judging the asked aspects, or about the asked people (`about_people`); with
    `opinion_words`, not those that only say what the critic expected."""
    scored = []
    for unit in units:
        if unit.sentence_key not in about and not mentions(unit, parsed.aspects, ()):
            continue
        if opinion_words and anticipation_only(unit.text, opinion_words):
            continue  # "I had been looking forward to it because Simon Pegg was starring"
        score = abs(unit.score) * (0.5 + unit.subjectivity) + 0.1
        if parsed.people and unit.sentence_key not in about:
            # "is simon pegg funny?" asks of him: the film's other jokes come after him…
            score *= OFF_PERSON
        elif parsed.people and parsed.aspects and not mentions(unit, parsed.aspects, ()):
            # …and what is said of him that is not about his jokes comes after those.
            score *= OFF_ASPECT
        scored.append((score, unit))
    return best_first(scored)


# A unit about the asked aspect but not the asked person weighs this much of one about both.
OFF_PERSON = 0.4
# A unit about the asked person but not the asked aspect weighs this much of one about both.
OFF_ASPECT = 0.4


def best_first(scored: list[tuple[float, Unit]]) -> list[tuple[float, Unit]]:
    # Ties go to the earlier sentence, so answers are deterministic.
    return sorted(scored, key=lambda item: (-item[0], item[1].review.review_id, item[1].start))


def remaining(
    ranked: Sequence[tuple[float, Unit]], skip: frozenset[tuple[str, int]], chosen: Sequence[Unit]
) -> int:
    """How many more sentences the ranking could quote beyond those `chosen` (and `skip`)."""
    quoted = {u.sentence_key for u in chosen} | skip
    rest = {u.sentence_key for _, u in ranked}
    return len(rest - quoted)


# Each point already chosen about an aspect weighs the next about it down by this factor, so a
# dislikes answer covers the story, the acting and the pacing rather than four story complaints.
ASPECT_REPEAT = 0.75
_SPREAD_DEPTH = 30
_SPREAD_FLOOR = 0.6


def spread_aspects(ranked: Sequence[tuple[float, Unit]]) -> list[tuple[float, Unit]]:
    """The best of `ranked` re-ordered so that aspects take turns; the order within one aspect
    and the tail beyond the first few dozen stay as they were."""
    # Only strong candidates take turns: a weak one is no better for being about something new.
    top = ranked[0][0] if ranked else 0.0
    depth = sum(1 for score, _ in ranked[:_SPREAD_DEPTH] if score >= _SPREAD_FLOOR * top)
    rest = list(ranked[:depth])
    chosen: list[tuple[float, Unit]] = []
    counts: dict[str, int] = {}
    while rest:

        def weighed(i: int) -> float:
            aspects = _specific(rest[i][1]) or ("",)
            return rest[i][0] * ASPECT_REPEAT ** max(counts.get(a, 0) for a in aspects)

        best = max(range(len(rest)), key=lambda i: (weighed(i), -i))
        score, unit = rest.pop(best)
        chosen.append((score, unit))
        for aspect in _specific(unit) or ("",):
            counts[aspect] = counts.get(aspect, 0) + 1
    return chosen + list(ranked[depth:])


def _specific(unit: Unit) -> tuple[str, ...]:
    """A unit's aspects but "overall", which a judgement of a part often carries too."""
    return tuple(a for a in unit.aspects if a != "overall")


def diversify(
    ranked: Sequence[tuple[float, Unit]],
    limit: int,
    skip: frozenset[tuple[str, int]] = frozenset(),
) -> list[Unit]:
    """Best units, one per sentence span, interleaving reviews so every critic is heard;
    sentences in `skip` (already shown) are left out."""
    per_review: dict[str, list[Unit]] = {}
    seen: set[tuple[str, int, int]] = set()
    for _, unit in ranked:
        if unit.sentence_key in skip:
            continue
        key = (unit.review.review_id, unit.start, unit.end)
        overlap = any(k[0] == key[0] and k[1] < unit.end and unit.start < k[2] for k in seen)
        if overlap:
            continue
        seen.add(key)
        per_review.setdefault(unit.review.review_id, []).append(unit)
    chosen: list[Unit] = []
    queues = list(per_review.values())
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen
