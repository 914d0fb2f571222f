"""Names in a review's sentences: who a "who" question is answered by, which sentences are
about someone asked, and what is no one (a title, a place, a word of the question)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process

from bot.reviews.qa import films, places
from bot.reviews.qa.compose import join_words
from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.phrasings import ASKER
from bot.reviews.qa.similar import shipped_vectors
from bot.reviews.qa.words import STOP_WORDS, content_words, stem
from bot.reviews.text.lexicon import dictionary_words
from bot.reviews.types import Sentence

NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b")
FULL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
# "who is Mia?" asks who someone is; "who is the director?" asks for a name.
WHO_IS = re.compile(r"\bwho('s| is| was| are| were) (?!the |a |an |that |this |in\b|\w+ing\b)")


CAST_WORDS = frozenset(
    stem(w)
    for w in (
        "played plays play stars starred starring acted voices voiced voice sings sang famous "
        "faces names known familiar recognisable recognizable"
    ).split()
)


def someone(text: str, excluded: set[str], *, plain: bool = False) -> list[re.Match[str]]:
    """Capitalised words of `text` that may be someone: not quoted (a title), not a place, not
    a word of the question or the title ("who voices Batman?" is not answered by "Batman"), and
    unless `plain`, no thing named with "the" ("the Dark Ages", "The Joker")."""
    quoted = films.quoted_spans(text)
    # A run of capitalised words is one name: "Batman Beyond" answers no "who voices Batman?".
    runs = [m.span() for m in _NAME_RUN.finditer(text)]
    return [
        m
        for m in NAME.finditer(text)
        if not any(a <= m.start() < b for a, b in quoted)
        and not any(
            a <= m.start() < b
            and _spoilt(text[a:b], excluded, not plain and _AFTER_THE.search(text, 0, a))
            for a, b in runs
        )
    ]


# A full name, not a role word before one ("Director Jeffrey Obrow" names Jeffrey Obrow).
_ROLE_TITLE = (
    r"(?!(?:Director|Writer|Producer|Actor|Actress|Star|Composer|Screenwriter|Filmmaker)\b)"
)
PERSON = re.compile(rf"\b{_ROLE_TITLE}[A-Z][a-z]+ [A-Z][a-z]+\b")
_NAME_RUN = re.compile(rf"\b{_ROLE_TITLE}[A-Z][a-z]+(?:\s+{_ROLE_TITLE}[A-Z][a-z]+)*")


# Days, months and holidays are capitalised and nobody: "one Christmas movie where Christmas…".
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december christmas easter halloween
    thanksgiving hanukkah xmas""".split()
)
_AFTER_THE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)


def _spoilt(name: str, excluded: set[str], after_the: object) -> bool:
    """A name that is a place, holds a word of the question or title, or is a thing named with
    "the" in plain words (`after_the`): "the Dark Ages", not "the Coen brothers"."""
    words = [w.casefold() for w in name.split()]
    return (
        places.names_a("place", name)
        or not excluded.isdisjoint(words)
        or (len(words) == 1 and words[0] in _CALENDAR)  # "January Jones" is someone
        or (bool(after_the) and all(w in dictionary_words() for w in words))
    )


def person_in(
    text: str, question: ParsedQuestion, title: str, guessed_title: str | None = None
) -> str | None:
    """The name a "who" question asks for in the sentence that answers it: full names where
    there are some, else capitalised words that are not the film's title; the one nearest the
    question's own words ("who was poorly cast?" → "Ryan Gosling"), with the names listed beside
    it ("Charles Brackett, Billy Wilder and Walter Reisch wrote the screenplay")."""
    titled = title_words(title) | title_words(guessed_title or "")
    asked = set(question.normalised.split())
    # A name in quotation marks is a title ("The Ronnie and Nancy Show"), not a person.
    quoted = films.quoted_spans(text)
    names = [
        m
        for m in [*PERSON.finditer(text)] or [*NAME.finditer(text)]
        if not {w.casefold() for w in m.group(0).split()} <= titled
        and not any(a <= m.start() < b for a, b in quoted)
        and not places.names_a("place", m.group(0))
        and (
            asked.isdisjoint(w.casefold() for w in m.group(0).split())
            or WHO_IS.search(question.normalised)
        )
    ]
    if not names:
        return None
    stems = {stem(w) for w in content_words(question.normalised) if w not in titled} - CAST_WORDS
    anchors = [
        m.start() for m in re.finditer(r"[\w'-]+", text) if stem(m.group(0).casefold()) in stems
    ]
    if not anchors:
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


def title_words(title: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", title)}


def unmentioned(
    parsed: ParsedQuestion, review_words: Collection[str], film_words: Collection[str]
) -> str | None:
    """A person the question asks an opinion of whom the review never names ("is david tomlinson
    any good in it?"): two words in a row that no dictionary, aspect vocabulary or review knows,
    nor close to a review word (a misspelt name), whose word-vector neighbours are mostly names
    too; or one such word the question capitalises ("is Tomlinson any good?"). One lower-case
    unknown word alone may be slang or a typo ("gotta", "alot"). None if there is none. The
    asker's own words ("big tim allen fan here") ask of no one."""
    text = ASKER.sub(" ", parsed.normalised)
    words = text.split()
    capitalised = {w.lower() for w in re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+", parsed.text)}
    dictionary = dictionary_words()

    def unknown(word: str) -> bool:
        bare = word.removesuffix("'s")
        return (
            bare.isalpha()
            and not_a_word(bare, dictionary, film_words)
            and bare not in _NOT_PEOPLE
            and bare not in review_words
            and f"{bare}'s" not in review_words
            and name_like(bare, dictionary)
            and not process.extractOne(bare, review_words, scorer=fuzz.ratio, score_cutoff=80)
        )

    for i, word in enumerate(words):
        if not unknown(word):
            continue
        after = words[i + 1].removesuffix("'s") if i + 1 < len(words) else ""
        if after and unknown(after):
            return f"{word} {after}".title()
        if word.removesuffix("'s") in capitalised:
            return word.removesuffix("'s").title()
    return None


def not_a_word(word: str, dictionary: Collection[str], film_words: Collection[str]) -> bool:
    """A word no dictionary holds is a name ("amitabh", "nolan"), unless it is one of the film
    words the aspect vocabulary knows ("soundtrack", "storyline")."""
    bare = word.removesuffix("'s")
    return not (
        len(bare) <= 3 or bare in dictionary or stem(word) in dictionary or bare in film_words
    )


# Capitalised words that are no one: nationalities, countries, months, days and holidays.
_NOT_PEOPLE = places.COUNTRY_WORDS | _CALENDAR


# A word is name-like when most of its nearest word vectors are no dictionary words.
_NEIGHBOURS = 10
_NAMES_AMONG = 6


def name_like(word: str, dictionary: Collection[str]) -> bool:
    vectors = shipped_vectors()
    if vectors is None:
        return False
    near = vectors.neighbours(word, _NEIGHBOURS)
    return sum(1 for w in near if w not in dictionary) >= _NAMES_AMONG


# "is it as good as hot fuzz", "better than the first one?": the other film it is measured by.
_COMPARED_WITH = re.compile(
    r"\b(?:as (?:good|bad|funny|scary) as|better than|worse than|funnier than|scarier than"
    r"|compared? (?:it )?(?:to|with)|similar to|versus|vs\.?)\s+(?:the\s+)?([\w' -]+?)\W*$"
)
# Words that name no film of their own: "better than the first one", "compared to most".
_ANY_FILM = frozenset(
    """it this that one ones film films movie movies flick flicks first original last sequel
    other others most some any anything the rest his her their its previous earlier book
    novel play show series usual average expected they everyone everybody people i you we
    critics reviews reviewers say says said think thought hoped hope expect looks look seems
    sounds trailer trailers hype hyped advertised promised""".split()
)


def compared_unmentioned(question: str, review_words: set[str]) -> str | None:
    """The other film a question measures this one by, when the review never names it."""
    match = _COMPARED_WITH.search(question.casefold())
    if match is None:
        return None
    words = re.findall(r"[\w']+", match.group(1))
    named = [w for w in words if w not in _ANY_FILM and w not in STOP_WORDS]
    if not named or set(named) & review_words:
        return None
    return match.group(1).strip()


def names_any(text: str, people: Sequence[str]) -> bool:
    """Whether `text` names one of `people`: lower-cased name words match in any case, and
    capitalised ones ("Chase", a dictionary word) only as written."""
    lowered = text.lower()
    return any(
        re.search(rf"\b{re.escape(p)}\b", text if p[:1].isupper() else lowered) for p in people
    )


# A sentence that opens on a pronoun ("Looks like she is wrong…") goes on about the person the
# sentence before it named, and so does the next one that does, unless someone else is named in
# between ("…was Woody Harrelson. He played his character flawlessly. You really did get a great
# sense of it. He was great.").
_CARRIED_ON = re.compile(r"^\W*(?:\w+\W+){0,3}?(he|she|his|her|him)\b", re.IGNORECASE)
# Further in, a pronoun carries the person on only in a sentence that names no one else ("Many of
# the scenes seemed cut short, as if he didn't know how to finish them").
_PRONOUN = re.compile(r"\b(he|she|his|her|him)\b", re.IGNORECASE)
_NAMED = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+")


_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}\b")


def full_names(sentences: dict[str, list[Sentence]], people: Sequence[str]) -> list[str]:
    """The asked name words and the rest of the full names they belong to: "how bad is dolph?"
    is answered by "Lundgren does not convince" too. A dictionary word is added capitalised,
    so "Chevy Chase" brings in "Chase is hilarious" but "Emma Stone" no "a stone"."""
    asked = set(people)
    found = list(people)
    known = dictionary_words()
    for in_review in sentences.values():
        for sentence in in_review:
            for match in _FULL_NAME.finditer(sentence.text):
                words = [w.lower() for w in match.group(0).split()]
                if asked & set(words):
                    found.extend(
                        w if w not in known else w.capitalize()
                        for w in words
                        if w not in found and w.capitalize() not in found
                    )
    return found


def about_people(
    sentences: dict[str, list[Sentence]], people: Sequence[str]
) -> set[tuple[str, int]]:
    """(review id, sentence number) of the sentences about `people`: naming them, or carried on
    by a pronoun."""
    about: set[tuple[str, int]] = set()
    people = full_names(sentences, people)
    for review_id, in_review in sentences.items():
        texts = {s.position: s.text for s in in_review}
        for position in sorted(texts):
            text = texts[position]
            named = names_any(text, people)
            pronoun = _CARRIED_ON.match(text) or (_PRONOUN.search(text) and not _NAMED.search(text))
            carried = pronoun and (
                (review_id, position - 1) in about
                or (
                    (review_id, position - 2) in about
                    and not _NAMED.search(texts.get(position - 1, "X"))
                )
            )
            if named or carried:
                about.add((review_id, position))
    return about
