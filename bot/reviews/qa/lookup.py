"""Lookups: the sentence that holds a fact the question asks for, and the name a "who" wants."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from bot.reviews.qa import films, places
from bot.reviews.qa.compose import join_words
from bot.reviews.qa.intents import (
    AWARD_WORD,
    CAST_QUESTION,
    LENGTH_QUESTION,
    ParsedQuestion,
    Vocabulary,
)
from bot.reviews.qa.rank import best_first
from bot.reviews.qa.similar import shipped_vectors
from bot.reviews.qa.units import Unit, sentence_unit
from bot.reviews.qa.words import content_words, stem
from bot.reviews.text.lexicon import dictionary_words
from bot.reviews.types import Review, Sentence

_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
# A full name, not a role word before one ("Director Jeffrey Obrow" names Jeffrey Obrow).
_PERSON = re.compile(
    r"\b(?!(?:Director|Writer|Producer|Actor|Actress|Star|Composer|Screenwriter|Filmmaker)\b)"
    r"[A-Z][a-z]+ [A-Z][a-z]+\b"
)
_TIME = re.compile(
    r"\b(\d{1,4}|years?|months?|weeks?|days?|nights?|morning|evening|later|before|after|"
    r"time|times|during|while|until|when|ago|once|first|last|end|beginning|since)\b"
)


# Words that stand for the film or for anything at all ("who directed this thing?").
_VAGUE = frozenset({"thing", "things", "stuff", "anything", "something"})


def rank_lookup(
    reviews: Sequence[Review],
    sentences: dict[str, list[Sentence]],
    parsed: ParsedQuestion,
    vocabulary: Vocabulary,
) -> list[tuple[float, Unit]]:
    """Sentences sharing the question's content words, weighted by rarity in the scope.

    A word also matches a sentence about the same aspect ("who directed it?" finds "director").
    Questions whose answer has a shape rather than a word ("who was in it?", "how long is it?")
    are scored by that shape.
    """
    # "how long", "how many": the question's shape, not words to find.
    asked = set((parsed.wh or "").split())
    query = [w for w in content_words(parsed.normalised) if w not in asked | _VAGUE]
    pool = [(r, s) for r in reviews for s in sentences.get(r.review_id, [])]
    if not pool:
        return []
    cast = parsed.wh == "who" and CAST_QUESTION.search(parsed.normalised)
    shape = _NAME if cast else None
    if LENGTH_QUESTION.search(parsed.normalised):
        shape = _DURATION  # "what's the runtime?" wants minutes, not the word "minute"
    lowercase_only = all(not any(ch.isupper() for ch in s.text) for _, s in pool)
    if shape is _NAME and lowercase_only:
        # A review that lost its capitals shows no names: "who plays the husband?" is looked up
        # by its words ("husband ( chazz palminteri )").
        shape = None
        query = [w for w in query if stem(w) not in _CAST_WORDS]
    if shape is _DURATION and set(query) - _RUNTIME_WORDS:
        # "How long did the shoot take?" asks about the shoot, not the running time.
        shape = None
    # The film's own title is capitalised too, but it is nobody in the cast.
    titles = {r.film: _title_words(r.film) for r in reviews}
    if shape is not None:
        part = {stem(w) for w in query} - _CAST_WORDS
        scored = []
        for review, sentence in pool:
            title = titles[review.film]
            found = [m for m in shape.findall(sentence.text) if m.casefold() not in title]
            if found:
                full_names = sum(
                    1
                    for name in _FULL_NAME.findall(sentence.text)
                    if shape is _NAME and not {w.casefold() for w in name.split()} <= title
                )
                # "who played the villain?": a sentence that also names the part comes first.
                named_part = len(part & {stem(w) for w in content_words(sentence.text)})
                score = 0.5 + 0.1 * len(found) + 0.1 * full_names + 0.3 * named_part
                scored.append((score, sentence_unit(review, sentence)))
        return best_first(scored)
    if not query:
        return []
    stems_of = [{stem(w) for w in content_words(s.text)} for _, s in pool]
    words_of = [set(content_words(s.text)) for _, s in pool]
    total = len(pool)
    idf = {}
    for word in query:
        frequency = sum(1 for stems in stems_of if stem(word) in stems)
        idf[word] = math.log(1 + total / (1 + frequency))
    word_aspects = {w: set(vocabulary.aspects_in(w)) - {"overall"} for w in query}
    for aspect, start, end in vocabulary.match(parsed.normalised):
        # A word of a cue phrase stands for the phrase's aspect ("behind the camera": direction).
        phrase = parsed.normalised[start:end].split()
        if len(phrase) < 2 or aspect == "overall":
            continue
        for w in phrase:
            if w in word_aspects:
                word_aspects[w].add(aspect)
    mass = sum(idf.values())
    soft = _soft_matches(query, words_of)
    kinds = [places.kind_of(w) for w in query]
    roles = [_role_of(w, parsed.wh) for w in query]
    scored = []
    for k, ((review, sentence), stems, words) in enumerate(
        zip(pool, stems_of, words_of, strict=True)
    ):
        hit = instance = 0.0
        unmatched: list[int] = []
        unmet_role = False
        for q, w in enumerate(query):
            if stem(w) in stems:
                hit += idf[w] * (1.0 if w in words else 0.8)
            elif (kind := kinds[q]) is not None and places.names_a(kind, sentence.text):
                # "Sweden" answers "which country?" as if it said "country", where the sentence
                # meets the rest of the question too ("as an American, I…" answers nothing).
                instance += idf[w]
            elif (role := roles[q]) is not None:
                # "who directed it?" is answered by who directed it, not by any sentence about
                # the direction or naming the film; "any bafta noms?" by a prize.
                if role.search(sentence.text):
                    hit += idf[w]
                else:
                    unmet_role = True
            elif word_aspects[w] & set(sentence.aspects):
                hit += idf[w] * 0.7
            else:
                unmatched.append(q)
        if unmet_role:
            continue
        if soft is not None and unmatched:
            hit += _soft_hit([(idf[query[q]], soft[q][k]) for q in unmatched])
        if hit > 0:
            hit += instance
        if hit <= 0:
            continue
        if not _fits_answer_type(parsed, sentence.text, lowercase_only, titles[review.film]):
            continue
        scored.append((hit / mass, sentence_unit(review, sentence)))
    return best_first(scored)


# A review word this similar to a question word counts as a weaker match ("catch" meets "saw").
SOFT_MIN = 0.35
SOFT_WEIGHT = 0.6
SOFT_NEIGHBOURS = 25


def _soft_matches(
    query: list[str], words_of: list[set[str]]
) -> list[list[list[tuple[float, str]]]] | None:
    """For each query word and sentence, the sentence's words among the query word's nearest
    neighbours, with their similarity, most similar first."""
    vectors = shipped_vectors()
    if vectors is None or not query:
        return None
    found: list[list[list[tuple[float, str]]]] = []
    for word in query:
        near = {w: c for w, c in vectors.neighbours(word, SOFT_NEIGHBOURS).items() if c >= SOFT_MIN}
        found.append(
            [sorted(((near[w], w) for w in words if w in near), reverse=True) for words in words_of]
        )
    return found


def _soft_hit(asked: list[tuple[float, list[tuple[float, str]]]]) -> float:
    """The weight of question words met by near words of one sentence, closest pairs first.
    A sentence word that stands in for several question words counts half as much each time
    again: "won" meets "win" and "awards", but "language" is not "spanish", "subtitles" and
    "dubbed" all at once."""
    pairs = sorted(
        ((sim, word, q) for q, (_, near) in enumerate(asked) for sim, word in near), reverse=True
    )
    uses: dict[str, int] = {}
    met: set[int] = set()
    hit = 0.0
    for sim, word, q in pairs:
        if q in met:
            continue
        met.add(q)
        hit += asked[q][0] * SOFT_WEIGHT * sim * 0.5 ** uses.get(word, 0)
        uses[word] = uses.get(word, 0) + 1
    return hit


def person_in(text: str, question: ParsedQuestion, title: str) -> str | None:
    """The name a "who" question asks for in the sentence that answers it: full names where
    there are some, else capitalised words that are not the film's title; the one nearest the
    question's own words ("who was poorly cast?" → "Ryan Gosling"), with the names listed beside
    it ("Charles Brackett, Billy Wilder and Walter Reisch wrote the screenplay")."""
    title_words = _title_words(title)
    # A name in quotation marks is a title ("The Ronnie and Nancy Show"), not a person.
    quoted = films.quoted_spans(text)
    names = [
        m
        for m in [*_PERSON.finditer(text)] or [*_NAME.finditer(text)]
        if not {w.casefold() for w in m.group(0).split()} <= title_words
        and not any(a <= m.start() < b for a, b in quoted)
    ]
    if not names:
        return None
    stems = {stem(w) for w in content_words(question.normalised)} - _CAST_WORDS
    anchors = [
        m.start() for m in re.finditer(r"[\w'-]+", text) if stem(m.group(0).casefold()) in stems
    ]
    if CAST_QUESTION.search(question.normalised) or not anchors:
        nearest = 0
    else:
        nearest = min(
            range(len(names)), key=lambda i: min(abs(names[i].start() - a) for a in anchors)
        )
    first, last = _list_around(text, names, nearest)
    return join_words([m.group(0) for m in names[first : last + 1]])


def _list_around(text: str, names: list[re.Match[str]], index: int) -> tuple[int, int]:
    """The first and last of the names listed together with names[index]: "Voight and Hoffman",
    "Brackett, Wilder, and Reisch"; "Mara Lind, and Tom Ashby makes…" is two clauses, not a list."""
    groups: list[list[int]] = [[0]]
    closed = False
    for i in range(1, len(names)):
        gap = (names[i - 1].end(), names[i].start())
        group = groups[-1]
        if not closed and _LISTED.match(text, *gap):
            group.append(i)
        elif not closed and len(group) > 1 and _SERIAL_AND.match(text, *gap):
            group.append(i)
            closed = True  # "A, B, and C" ends the list
        else:
            groups.append([i])
            closed = False
    group = next(g for g in groups if index in g)
    return group[0], group[-1]


# What sits between two names in a list: "Voight and Hoffman", "Brackett, Billy Wilder".
_LISTED = re.compile(r"\s*(?:,\s*|and\s+|&\s*)\Z")
_SERIAL_AND = re.compile(r",\s*and\s+\Z")


def _title_words(title: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", title)}


_DURATION = re.compile(
    r"\b\d+\s*(?:hours?|hrs?|minutes?|mins?)\b|\b(?:an|one|two|three) hours?\b", re.I
)
_RUNTIME_WORDS = frozenset("long run runs running runtime length last lasts time".split())
# The words that say who did a job, per the stem a question asks it with.
_WRITING = re.compile(r"(?i)\bwr[io]t\w*|\bscreenplay\w*|\bscript\w*|\bpenned\b")
_ROLES = {
    "direct": re.compile(r"(?i)\bdirect\w*|\bhelm\w*|\bfilm by\b|\b\w+'s (new )?film\b"),
    "writ": _WRITING,
    "wrote": _WRITING,
    "produc": re.compile(r"(?i)\bproduc\w*"),
    "compos": re.compile(r"(?i)\bcompos\w*|\bscore[ds]?\b|\bmusic by\b"),
}


_PRIZE = re.compile(
    r"(?i)\b(awards?|award-winning|oscars?|baftas?|emmys?|globes?|nominat\w*|prizes?|"
    r"festivals?|razzies?)\b"
)


def _role_of(word: str, wh: str | None) -> re.Pattern[str] | None:
    """What a sentence must say to answer a question holding `word`: a prize for "any awards?",
    the job for "who directed it?"."""
    if AWARD_WORD.fullmatch(word):
        return _PRIZE
    if wh != "who":
        return None
    return next((p for prefix, p in _ROLES.items() if word.startswith(prefix)), None)


_CAST_WORDS = frozenset(stem(w) for w in ("played", "plays", "play", "stars", "starred", "acted"))


def _fits_answer_type(
    parsed: ParsedQuestion, text: str, lowercase_only: bool, title: set[str]
) -> bool:
    """A 'who' answer names someone, and someone the question does not name already unless it
    asks who they are; a 'when' answer holds a time, a 'what year' one a year."""
    if _YEAR_QUESTION.search(parsed.normalised):
        return places.names_a("year", text)
    asks_name = parsed.wh == "who" or bool(_WHICH_ACTOR.search(parsed.normalised))
    if asks_name:
        if lowercase_only:
            # A review that lost its capitals shows a name as a word no dictionary knows
            # ("husband ( chazz palminteri )").
            known = dictionary_words()
            return any(w not in known for w in re.findall(r"[a-z]{3,}", text))
        if parsed.wh == "who" and _WHO_IS.search(parsed.normalised):
            return bool(_NAME.search(text))
        asked = set(parsed.normalised.split()) | title
        quoted = films.quoted_spans(text)
        return any(
            m.group(0).casefold() not in asked and not any(a <= m.start() < b for a, b in quoted)
            for m in _NAME.finditer(text)
        )
    if parsed.wh == "when":
        return bool(_TIME.search(text.lower()))
    if parsed.wh == "how many" or (parsed.wh == "how much" and _MONEY.search(parsed.normalised)):
        return bool(_NUMBER.search(text))
    return True


# "how much did it make?" wants a sum; "how much swearing is there?" an amount in any words.
_MONEY = re.compile(r"\b(make|made|cost|costs|budget|gross\w*|earn\w*|box office|money|paid)\b")
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|(hundred|thousand|million|dozen)s?|once|twice|several|a few|a couple|a lot|lots|"
    r"plenty|countless|many|numerous)\b",
    re.IGNORECASE,
)


# "who is Mia?" asks who someone is; "who is the director?" asks for a name.
_WHO_IS = re.compile(r"\bwho('s| is| was| are| were) (?!the |a |an |that |this |in\b)")
# "which actor is Rebar?" asks for a name, as "who plays Rebar?" does.
_WHICH_ACTOR = re.compile(r"\b(which|what) (actor|actress|actors|actresses|star|cast member)\b")
_YEAR_QUESTION = re.compile(
    r"\b(what|which) (year|decade)\b|\bwhen (was|did) (it|this|the (film|movie)) "
    r"(come out|made|released|release|filmed|shot)\b"
)
