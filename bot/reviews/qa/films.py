"""Which film a question is about: named explicitly, named in the question, from context."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.errors import AmbiguousFilm, FilmNotFound
from bot.reviews.types import Film

# A capitalised phrase closing a question after "about/of/in/for/on" is likely a film title.
_TRAILING_TITLE = re.compile(
    r"\b(?:about|of|in|for|on)\s+((?:the\s+)?[A-Z0-9][\w'’:&.-]*(?:\s+[A-Za-z0-9][\w'’:&.-]*){0,6})"
    r"\s*[?.!]*\s*$"
)


def label(film: Film) -> str:
    return film.title if film.year is None else f"{film.title} ({film.year})"


def find_film(films: Sequence[Film], name: str) -> Film:
    """Resolve a film the user named (a --film option, a chat argument)."""
    wanted = " ".join(name.casefold().split())
    year_match = re.fullmatch(r"(.*?)\s*\((\d{4})\)", wanted)
    title, year = (year_match.group(1), int(year_match.group(2))) if year_match else (wanted, None)
    exact = [f for f in films if f.title.casefold() == title and (year is None or f.year == year)]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise AmbiguousFilm(_which_message(exact), [label(f) for f in exact])
    titles = [f.title.casefold() for f in films]
    matches = process.extract(title, titles, scorer=fuzz.WRatio, score_cutoff=86, limit=5)
    close = [films[index] for _, _, index in matches]
    if len(close) == 1 or (close and matches[0][1] >= 95 and matches[0][1] > matches[1][1] + 5):
        return close[0]
    if close:
        raise AmbiguousFilm(_which_message(close), [label(f) for f in close])
    raise FilmNotFound(
        f"No review of '{name.strip()}' is indexed yet. Use `reviews` to see the films I know."
    )


def film_in_question(films: Sequence[Film], question: str) -> Film | None:
    """The indexed film whose title appears in the question, longest title first."""
    text = " " + " ".join(re.findall(r"[\w']+", question.casefold())) + " "
    best: Film | None = None
    for film in films:
        title = " ".join(re.findall(r"[\w']+", film.title.casefold()))
        if (
            len(title) >= 2
            and f" {title} " in text
            and (best is None or len(film.title) > len(best.title))
        ):
            best = film
    return best


def unindexed_title(question: str, films: Sequence[Film], known_words: set[str]) -> str | None:
    """A title-like phrase at the end of the question that is no indexed film nor review word."""
    match = _TRAILING_TITLE.search(question.strip())
    if match is None:
        return None
    phrase = match.group(1).strip(" ?.!")
    words = re.findall(r"[\w']+", phrase.casefold())
    if not words or all(w in known_words for w in words):
        return None
    if phrase.split()[0][0].islower() and not phrase.lower().startswith("the "):
        return None
    if phrase.lower().startswith("the ") and not phrase[4:5].isupper():
        return None
    titles = [f.title.casefold() for f in films]
    if titles and process.extractOne(
        phrase.casefold(), titles, scorer=fuzz.WRatio, score_cutoff=86
    ):
        return None
    return phrase


def _which_message(films: Sequence[Film]) -> str:
    names = ", ".join(label(f) for f in films[:8])
    return f"Which film do you mean? Several match: {names}."
