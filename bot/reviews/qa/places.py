"""Words that are an instance of what a lookup asks for: a country for "which country?", a
city for "what city?", a year for "what year?". A sentence naming one answers that word of the
question as if it held the word itself ("it was a huge draw in Sweden" for "in which country
was it a hit?")."""

from __future__ import annotations

import re

from bot.reviews.qa.words import STOP_WORDS

_COUNTRIES = """
    america american americans usa u.s. britain british england scotland scottish wales welsh
    ireland irish france french germany german germans italy italian spain spanish portugal
    portuguese sweden swedish norway norwegian denmark danish finland finnish iceland
    icelandic netherlands holland dutch belgium belgian switzerland swiss austria austrian
    hungary hungarian czech czechoslovakia russia russian soviet ukraine ukrainian romania
    romanian bulgaria yugoslavia serbia serbian croatia greece greek israel israeli iran
    iranian iraq egypt egyptian india indian bollywood pakistan japan japanese korea korean
    taiwan taiwanese thailand vietnam vietnamese philippines filipino indonesia australia
    australian zealand canada canadian mexico mexican brazil brazilian argentina argentine
    argentinian cuba cuban colombia peru africa african nigeria kenya morocco europe european
    asia asian scandinavia scandinavian english hindi mandarin cantonese arabic persian
    hebrew tamil telugu
""".split()
# Words that are places only when capitalised: "the polish on it", "what a turkey".
# Every lower-cased country, nationality and city word: names of no one.
COUNTRY_WORDS = frozenset(_COUNTRIES)
_CASED_COUNTRIES = {"Poland", "Polish", "Turkey", "Turkish", "China", "Chinese", "Chile"}
_CITIES = """
    london paris rome berlin tokyo york angeles hollywood chicago boston sydney toronto
    vancouver montreal madrid barcelona moscow shanghai beijing bombay mumbai venice vienna
    prague amsterdam dublin edinburgh francisco vegas miami orleans seattle detroit
    philadelphia brooklyn manhattan rotterdam cannes sundance locarno montreux tribeca
    telluride
""".split()
_YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)s?\b|'\d0s\b|\b(fifties|sixties|seventies|eighties|nineties)\b"
)
_WORDS = re.compile(r"[A-Za-z][\w.]*")

# The question word each kind of instance answers, as content words come out of a question.
_KINDS = {
    "country": "country",
    "countries": "country",
    "nation": "country",
    "nationality": "country",
    "city": "city",
    "cities": "city",
    "town": "city",
    "year": "year",
    "decade": "year",
    "actor": "person",
    "actors": "person",
    "actress": "person",
    "actresses": "person",
    "genre": "genre",
    "genres": "genre",
}
# The kinds of film a review may file one under: "what genre is it?" is answered by "You can
# call it a mystery, perhaps a small thriller".
_GENRES = re.compile(
    r"(?i)\b(comed(y|ies)|drama|thriller|horror|western|(a|the) musical"
    r"|musical (film|movie|comedy)|romance|rom-?com|documentary|mystery|fantasy|sci-?fi"
    r"|science fiction|action (film|movie|flick)|war (film|movie)|noir|satire|parody|spoof"
    r"|slasher|melodrama"
    r"|animated (film|movie|feature|series|show)|cartoon|anime|adventure"
    r"|biopic|crime (film|movie|drama)|disaster (film|movie)|monster movie|b-movie|farce)\b"
)
# Someone named: a full name, or a name in brackets after the part ("lumbergh ( gary cole )").
_PERSON = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b|\( ?[a-z]+ [a-z]+ ?\)")


def kind_of(word: str) -> str | None:
    """The kind of thing a question word asks for ("country"), if it asks for one."""
    return _KINDS.get(word.removesuffix("'s"))


def names_a(kind: str, text: str) -> bool:
    """Whether `text` names a thing of that kind: a country or its people, a city, a year, a
    "place" (a country or a city), or a "person" for "which actor…?"."""
    if kind == "year":
        return bool(_YEAR.search(text))
    if kind == "person":
        return bool(_PERSON.search(text))
    if kind == "genre":
        return bool(_GENRES.search(text))
    words = [w.rstrip(".") if w.count(".") == 1 else w for w in _WORDS.findall(text)]
    cities = any(w.lower() in _CITIES for w in words)
    if kind == "city":
        return cities
    countries = any(w.lower() in _COUNTRIES or w in _CASED_COUNTRIES for w in words)
    return countries or (kind == "place" and cities)


# A year in brackets after another work's name is that work's: "bill murray ( ghostbusters ,
# 1984 )", "Children Shouldn't Play with Dead Things (1972)".
_BRACKETED_YEAR = re.compile(
    r"([\w'\".:!?-]+(?:\s+[\w'\".:!?-]+){0,6})\s*[,(]\s*((?:1[89]|20)\d\d)\s*\)"
)


def own_year(text: str, title: set[str]) -> bool:
    """Whether `text` gives a year that may be the film's own."""
    for match in _BRACKETED_YEAR.finditer(text):
        named = {w.casefold() for w in re.findall(r"\w+", match.group(1))}
        if not named & (title - STOP_WORDS):
            text = text.replace(match.group(0), " ")
    return names_a("year", text)
