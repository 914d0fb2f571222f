"""Lookups: the sentence that holds a fact the question asks for, and the name a "who" wants."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.reviews.qa import cast, places
from bot.reviews.qa import roles as roles_of
from bot.reviews.qa.intents import ParsedQuestion, Vocabulary
from bot.reviews.qa.names import (
    CAST_WORDS,
    NAME,
    PERSON,
    WHO_IS,
    not_a_word,
    someone,
    title_words,
)
from bot.reviews.qa.phrasings import (
    CAST_QUESTION,
    FAMOUS_FACES,
    LENGTH_QUESTION,
    OPINION_QUESTION,
    YEAR_QUESTION,
)
from bot.reviews.qa.rank import best_first
from bot.reviews.qa.similar import shipped_vectors
from bot.reviews.qa.units import Unit, sentence_unit
from bot.reviews.qa.words import content_words, stem
from bot.reviews.text.lexicon import dictionary_words
from bot.reviews.types import Review, Sentence

if TYPE_CHECKING:
    from bot.reviews.qa.scope import Scope

_TIME = re.compile(
    r"\b(\d{1,4}|years?|months?|weeks?|days?|nights?|morning|evening|later|before|after|"
    r"time|times|during|while|until|when|ago|once|first|last|end|beginning|since)\b"
)


# A question the learned model read is looked up all the same when a sentence holds this share.
LOOKUP_CLOSE_MATCH = 0.6
# A yes/no question about someone that asks no opinion ("do they kill off the joker?") is looked
# up when a sentence holds this share of its words.
FACT_MATCH = 0.5
# "do they kill off the joker?", "have will smith and this director teamed up before?": a yes/no
# question about someone that asks no opinion may ask what happened.
_DOES_SOMETHING = re.compile(r"^\W*(hold on |wait |so |ok |okay )?(did|does|do|has|have|had)\b")


def as_fact(
    parsed: ParsedQuestion, scope: Scope, vocabulary: Vocabulary
) -> tuple[ParsedQuestion, list[tuple[float, Unit]]] | None:
    """A fact asked in words read as an opinion (by the learned model, or a yes/no question
    about someone): the lookup reading and its ranking, where a sentence holds enough of the
    question's words."""
    fact = (
        parsed.intent == "aspect"
        and bool(parsed.people)  # "does the acting hold up?" asks an opinion of the acting
        and parsed.polarity is None
        and bool(_DOES_SOMETHING.match(parsed.normalised))
        and not OPINION_QUESTION.search(parsed.normalised)
    )
    if not fact and not (parsed.guessed and parsed.intent != "lookup"):
        return None
    as_lookup = replace(parsed, intent="lookup", polarity=None)
    ranked = rank_lookup(
        scope.reviews, scope.sentences, as_lookup, vocabulary, scope.guessed_title()
    )
    if ranked and ranked[0][0] >= (FACT_MATCH if fact else LOOKUP_CLOSE_MATCH):
        return as_lookup, ranked
    return None


# Words that stand for the film or for anything at all ("who directed this thing?").
_VAGUE = frozenset(
    {"thing", "things", "stuff", "anything", "something", "kinda", "sorta", "wise", "total"}
)


def rank_lookup(
    reviews: Sequence[Review],
    sentences: dict[str, list[Sentence]],
    parsed: ParsedQuestion,
    vocabulary: Vocabulary,
    guessed_title: str | None = None,
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
    asks_cast = parsed.wh == "who" and bool(
        CAST_QUESTION.search(parsed.normalised) or FAMOUS_FACES.search(parsed.normalised)
    )
    shape = NAME if asks_cast else None
    if LENGTH_QUESTION.search(parsed.normalised):
        shape = _DURATION  # "what's the runtime?" wants minutes, not the word "minute"
    lowercase_only = all(not any(ch.isupper() for ch in s.text) for _, s in pool)
    # "who plays the prison warden?" is not answered by a sentence about the prison.
    heads = cast.heads_asked(parsed) if asks_cast else set()
    if shape is NAME and lowercase_only:
        # A review that lost its capitals shows no names: "who plays the husband?" is looked up
        # by its words ("husband ( chazz palminteri )").
        shape = None
        query = [w for w in query if stem(w) not in CAST_WORDS]
    if shape is _DURATION and set(query) - _RUNTIME_WORDS:
        # "How long did the shoot take?" asks about the shoot, not the running time.
        shape = None
    # The film's own title is capitalised too, but it is nobody in the cast.
    guessed = title_words(guessed_title or "")
    titles = {r.film: title_words(r.film) | guessed for r in reviews}
    if shape is None and not query:
        return []
    stems_of = [{stem(w) for w in content_words(s.text)} for _, s in pool]
    if shape is NAME:
        return cast.rank_cast(pool, stems_of, parsed, query, guessed, titles)
    if shape is _DURATION:
        part = {stem(w) for w in query if w not in guessed} - CAST_WORDS - cast.ANY_PART
        scored = []
        for (review, sentence), stems in zip(pool, stems_of, strict=True):
            title = titles[review.film]
            found = [m for m in _DURATION.findall(sentence.text) if m.casefold() not in title]
            if found:
                score = 0.5 + 0.1 * len(found) + 0.3 * len(part & stems)
                scored.append((score, sentence_unit(review, sentence)))
        return best_first(scored)
    words_of = [set(content_words(s.text)) for _, s in pool]
    total = len(pool)
    asked_words = set(parsed.normalised.split()) | guessed

    def _uncased_part(sentence: Sentence, stems: set[str]) -> bool:
        return bool(heads & stems) and cast.uncased_player(sentence.text, heads, asked_words)

    # A name asked of a lowercase review by the part's description: the description's own words
    # (not the names in it, nor "guy" or "actor") must be met.
    described: set[str] = set()
    if lowercase_only and not heads and _asks_name(parsed) and not WHO_IS.search(parsed.normalised):
        known = dictionary_words()
        clause = cast.who_clause_stems(parsed) - CAST_WORDS - cast.ANY_PART - _SOMEONE
        described = {w for w in query if w in known and stem(w) in clause}
    idf = {}
    asides = _aside_words(parsed)
    for word in query:
        frequency = sum(1 for stems in stems_of if stem(word) in stems)
        idf[word] = math.log(1 + total / (1 + frequency)) * (ASIDE if word in asides else 1.0)
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
    soft = _soft_matches(query, words_of, vocabulary.terms())
    kinds = [places.kind_of(w) for w in query]
    roles = [roles_of.role_of(w, parsed.wh) for w in query]
    scored = []
    for k, ((review, sentence), stems, words) in enumerate(
        zip(pool, stems_of, words_of, strict=True)
    ):
        hit = instance = 0.0
        unmatched: list[int] = []
        matched: list[int] = []
        unmet_role = False
        for q, w in enumerate(query):
            role = roles[q]
            if stem(w) in stems and (role is None or role.search(sentence.text)):
                # The word itself, or its singular or plural, meets it fully.
                same = w in words or w.removesuffix("s") in words or f"{w}s" in words
                hit += idf[w] * (1.0 if same else 0.8)
                matched.append(q)
            elif (kind := kinds[q]) is not None and places.names_a(kind, sentence.text):
                # "Sweden" answers "which country?" as if it said "country", where the sentence
                # meets the rest of the question too ("as an American, I…" answers nothing); a
                # genre named answers "what genre is it?" on its own.
                if kind == "genre":
                    hit += idf[w]
                    matched.append(q)
                else:
                    instance += idf[w]
            elif role is not None:
                # "who directed it?" is answered by who directed it, not by any sentence about
                # the direction or naming the film; "any bafta noms?" by a prize.
                if role.search(sentence.text):
                    hit += idf[w]
                    matched.append(q)
                else:
                    unmet_role = True
            elif word_aspects[w] & set(sentence.aspects):
                hit += idf[w] * 0.7
            else:
                unmatched.append(q)
        if unmet_role or (heads and lowercase_only and not _uncased_part(sentence, stems)):
            continue
        if any(roles[q] is not None for q in matched) and any(
            word_aspects[query[q]] for q in unmatched
        ):
            # "who wrote the songs?" is not answered by who wrote the script: the job's object,
            # an aspect, must be met too.
            continue
        if described and not described & {query[q] for q in matched}:
            # "the guy who frames judd - which actor is that": a sentence that meets only the
            # names asked about says nothing of the part.
            continue
        if hit > 0 and any(
            r is not None and roles_of.held_by_name(r, sentence.text) for r in roles
        ):
            # "director Paul Harrison's…", "directed by Eric Till" say who holds the job,
            # whatever else the question says; "a director and his crew" is a part.
            hit += mass * HELD_JOB
        if soft is not None and unmatched:
            hit += _soft_hit([(idf[query[q]], soft[q][k]) for q in unmatched])
        if hit > 0:
            hit += instance
        if hit <= 0:
            continue
        if not _fits_answer_type(parsed, sentence.text, lowercase_only, titles[review.film]):
            continue
        score = hit / mass
        if parsed.wh == "how many" and score >= MIN_COVERAGE and _counts(sentence.text, query):
            score += COUNTED  # "this 49 episode series" before "quite a few episodes"
        scored.append((score, sentence_unit(review, sentence)))
    return best_first(scored)


# A review word this similar to a question word counts as a weaker match ("catch" meets "saw").
SOFT_MIN = 0.35
SOFT_WEIGHT = 0.6
SOFT_NEIGHBOURS = 25


def _soft_matches(
    query: list[str], words_of: list[set[str]], film_words: Collection[str] = ()
) -> list[list[list[tuple[float, str]]]] | None:
    """For each query word and sentence, the sentence's words among the query word's nearest
    neighbours, with their similarity, most similar first."""
    vectors = shipped_vectors()
    if vectors is None or not query:
        return None
    found: list[list[list[tuple[float, str]]]] = []
    dictionary = dictionary_words()
    for word in query:
        if not_a_word(word, dictionary, film_words):
            # A name stands for no one else: "Amitabh Bachchan" is not "Akshay".
            found.append([[] for _ in words_of])
            continue
        neighbours = vectors.neighbours(word, SOFT_NEIGHBOURS)
        near = {w: c for w, c in neighbours.items() if c >= SOFT_MIN}
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


_DURATION = re.compile(
    r"\b\d+\s*(?:hours?|hrs?|minutes?|mins?)\b|\b(?:an|one|two|three) hours?\b", re.I
)
_RUNTIME_WORDS = frozenset(
    """long run runs running runtime length last lasts time sit sitting thru through watch
    minutes mins wise total""".split()
)
# A sentence that puts a name to the job asked gains this share of the question's weight.
HELD_JOB = 0.5


def _fits_answer_type(
    parsed: ParsedQuestion, text: str, lowercase_only: bool, title: set[str]
) -> bool:
    """A 'who' answer names someone, and someone the question does not name already unless it
    asks who they are; a 'when' answer holds a time, a 'what year' one a year."""
    if YEAR_QUESTION.search(parsed.normalised):
        return places.own_year(text, title)
    if _asks_name(parsed):
        if lowercase_only:
            # A review that lost its capitals shows a name as a word no dictionary knows
            # ("husband ( chazz palminteri )").
            asked = set(parsed.normalised.split()) | title
            words = re.findall(r"[a-z]{3,}", text)
            # "graham … has a small but good role as lorraine": a first name may be a word, but
            # the sentence casts the part asked.
            return any(cast.looks_like_name(w, asked) for w in words) or cast.casts_as(
                text, asked - dictionary_words()
            )
        if parsed.wh == "who" and WHO_IS.search(parsed.normalised):
            return bool(NAME.search(text))
        found = someone(text, set(parsed.normalised.split()) | title)
        if found and _A_PERSON_ASKED.search(parsed.normalised):
            # "who is that actor?" wants a full name, not "I have also seen Soldier".
            full = [n.span() for n in PERSON.finditer(text)]
            return any(a <= m.start() < b for m in found for a, b in full)
        return bool(found)
    if parsed.wh == "when":
        return bool(_TIME.search(text.lower()))
    if parsed.wh == "how many" or (parsed.wh == "how much" and _MONEY.search(parsed.normalised)):
        # A year or a score is no count: "bill murray ( ghostbusters , 1984 )" says no "how
        # many years", "I rate the songs 8/10" no "how many songs".
        return bool(_NUMBER.search(_A_SCORE.sub(" ", _A_YEAR.sub(" ", text))))
    return True


# A lookup answers only from a sentence holding this share of the question's (rarity-weighted)
# content words; below it the review most likely doesn't say.
MIN_COVERAGE = 0.3
# A "how many" answer that gives a figure gains this over one that says "many" or "a few", once
# it holds enough of the question to answer at all.
COUNTED = 0.2
# A figure and the one or two words after it: "49 episode plus".
_FIGURE = re.compile(r"(?<![\d/.])\b(\d+)\s+([\w'-]+)(?:\s+([\w'-]+))?")


def _counts(text: str, query: list[str]) -> bool:
    """Whether a figure counts one of the asked things: "49 episode", not "8/10"."""
    asked = {stem(w) for w in query}
    return any(
        stem(word.lower()) in asked
        for m in _FIGURE.finditer(text)
        if not _A_YEAR.fullmatch(m.group(1))
        for word in m.groups()[1:]
        if word
    )


# A word in a clause beside the one that asks ("how many episodes total, is it a big binge")
# weighs this much of a word in the asking clause.
ASIDE = 0.5


def _aside_words(parsed: ParsedQuestion) -> set[str]:
    """Words only in the clauses that do not hold the question word, where there are several."""
    if not parsed.wh:
        return set()
    clauses = [c.split() for c in re.split(r"[,;:?!]|\s[-–—]\s", parsed.text.lower()) if c.strip()]
    first = parsed.wh.split()[0]
    asking = next((c for c in clauses if first in c or f"{first}'s" in c), None)
    if asking is None or len(clauses) < 2:
        return set()
    return {w for c in clauses if c is not asking for w in c} - set(asking)


def _asks_name(parsed: ParsedQuestion) -> bool:
    return parsed.wh == "who" or bool(_WHICH_ACTOR.search(parsed.normalised))


# Words for a person that describe no part: "the guy who frames judd".
_SOMEONE = frozenset(stem(w) for w in "guy guys man woman person dude someone people".split())


# "how much did it make?" wants a sum; "how much swearing is there?" an amount in any words.
_MONEY = re.compile(r"\b(make|made|cost|costs|budget|gross\w*|earn\w*|box office|money|paid)\b")
_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_A_SCORE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:/|out of)\s*\d+\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|(hundred|thousand|million|dozen)s?|once|twice|several|a few|a couple|a lot|lots|"
    r"plenty|countless|many|numerous|second|third|fourth|fifth)\b",
    re.IGNORECASE,
)


_A_PERSON_ASKED = re.compile(
    r"\b(which|what|that|this|name of the) (actor|actress)\b|\b(that|this) (guy|woman|man)\b"
)
# "which actor is Rebar?" asks for a name, as "who plays Rebar?" does.
_WHICH_ACTOR = re.compile(r"\b(which|what) (actor|actress|actors|actresses|star|cast member)\b")
