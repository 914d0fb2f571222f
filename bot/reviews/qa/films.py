"""Which film a question is about: named explicitly, named in the question, from context."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process

from bot.errors import AmbiguousFilm, FilmNotFound
from bot.reviews.qa import places
from bot.reviews.qa.words import STOP_WORDS
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
    text = " " + " ".join(re.findall(r"\w+", _without_apostrophes(question))) + " "
    best: Film | None = None
    best_rank = (False, 0)
    for film in films:
        for form in title_forms(film.title):
            words = re.findall(r"\w+", _without_apostrophes(form))
            title = " ".join(words)
            # A whole title named beats a subtitle named; a longer one beats a shorter.
            rank = (form == film.title, len(title))
            if len(title) >= 2 and f" {title} " in text and rank > best_rank:
                best, best_rank = film, rank
            elif len(words) > 2 and words[0] == "the" and _bare_named(text, words[1:]):
                # "did they like dark knight?" names "The Dark Knight"; "a great escape" does
                # not name "The Great Escape".
                rank = (form == film.title, len(title) - 4)
                if rank > best_rank:
                    best, best_rank = film, rank
    return best


_DETERMINERS = frozenset(
    "a an the this that these those my his her their our your one some any".split()
)


def _bare_named(text: str, words: list[str]) -> bool:
    """Whether `text` (spaced words) holds `words` with no determiner just before them."""
    bare = " ".join(words)
    for match in re.finditer(rf" {re.escape(bare)} ", text):
        before = text[: match.start()].split()
        if not before or before[-1] not in _DETERMINERS:
            return True
    return False


def _without_apostrophes(text: str) -> str:
    return re.sub(r"['’]", "", text.casefold())


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
    if phrase[0].isdigit() and any(
        w[:1].islower() and w not in _SMALL_WORDS for w in phrase.split()[1:]
    ):
        return None  # "out of 10 did they slap on it" is a score, not a title
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


_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”')
# "…in the early eighties, Pranks is notable only for…": a lone word in mid-sentence, not the
# complement of a copula or an article ("Sex is Comedy is…", "a Comedy").
_LONE_SUBJECT = re.compile(
    r"(?<=[a-z,;:] )(?<!\bis )(?<!\bwas )(?<!\ba )(?<!\ban )(?<!\bthe )"
    r"([A-Z][a-z]{2,}) (?:is|was)\b"
)
_SMALL_WORDS = frozenset("a an the of and for to in on at with about from by or".split())
# "The Sunshine Boys is one of the best films of the 70's": "The" and capitalised words, said to
# be a film. A name takes no "The"; a band or a ship is said to be no film.
_THE_TITLE = re.compile(
    r"\b(The(?: [A-Z][\w']*){1,4}) (?:is|was) (?:one of|a|an|the|my|simply|easily|probably)\b"
    r"(?:\W+\w+){0,6}?\W+(?:films?|movies?|pictures?|flicks?|comedy|comedies|drama|thriller"
    r"|western|musical|documentary|cartoon|series|sequel|classic|masterpiece)\b"
)


def quoted_titles(texts: Sequence[str]) -> list[str]:
    """Phrases a review quotes in title case that read as titles rather than names: three words
    or more, or with a small word or a number in them ("To Die For", "Grease 2", "Pillars of the
    Sky"; not "Tip Tucker"). Quoted speech is not in title case."""
    found: list[str] = []
    for text in texts:
        for match in _QUOTED.finditer(text):
            phrase = (match.group(1) or match.group(2) or "").strip(" ,.!?")
            words = phrase.split()
            if (
                0 < len(phrase) <= 80
                and _title_case(phrase)
                and not phrase.isupper()
                and re.fullmatch(r"[\w' &:,.-]+", phrase)
                and (
                    len(words) >= 3 or any(w.lower() in _SMALL_WORDS or w.isdigit() for w in words)
                )
                and phrase not in found
            ):
                found.append(phrase)
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` puts words in quotation marks: a name there is a title or a line spoken."""
    return [m.span() for m in _QUOTED.finditer(text)]


def guessed_title(texts: Sequence[str], dictionary: Collection[str]) -> str | None:
    """The title of a film a review never names in its metadata: of its quoted titles and the
    dictionary words it writes alone as a subject in mid-sentence, never as part of a longer
    name or as someone's ("…eighties, Pranks is notable…"), the one it writes first; a review
    names its film before the films it compares it with."""
    joined = "\n".join(texts)
    candidates = quoted_titles(texts)
    candidates += [match.group(1) for match in _THE_TITLE.finditer(joined)]
    for match in _LONE_SUBJECT.finditer(joined):
        word = match.group(1)
        if (
            word.lower() in dictionary
            and not places.names_a("place", word)
            and not re.search(
                rf"\b[A-Z][\w']+ {word}\b|\b{word} (and )?[A-Z]|\b{word}'s\b|\b{word} \("
                rf"|\b[A-Z]\w+ and {word}\b",
                joined,
            )
        ):
            candidates.append(word)
    if not candidates:
        return None
    return min(candidates, key=lambda title: joined.find(title))


def title_only_words(title: str, texts: Sequence[str]) -> set[str]:
    """The lower-cased words of a guessed title the review writes nowhere else: no one's name."""
    rest = re.sub(re.escape(title), " ", "\n".join(texts))
    return {w.lower() for w in title.split() if not re.search(rf"\b{re.escape(w)}\b", rest)}


# Capitalised words joined by a title's small words ("Carlito's Way: Rise to Power", "Lord of
# the Rings"); not "in", "with" or "and", which join names and films too ("Emma Stone in …").
_TITLE_RUN = re.compile(
    r"\b[A-Z][\w']*(?::?\s+(?:(?:of|the|to|for|a|an)\s+)*[A-Z][\w']*)*"
    r"\s+(?:of|the|to|for|a|an)\s+(?:(?:of|the|to|for|a|an)\s+)*[A-Z][\w']*"
    r"(?::?\s+(?:(?:of|the|to|for|a|an)\s+)*[A-Z][\w']*)*"
)


def title_run_words(texts: Sequence[str], dictionary: Collection[str]) -> set[str]:
    """Lower-cased dictionary words a review capitalises only inside a title-like run of
    capitalised words joined by small words: "Rise" and "Power" of "Rise to Power" are no one."""
    joined = "\n".join(texts)
    runs = [run for run in _TITLE_RUN.finditer(joined) if _titled(joined, run)]
    if not runs:
        return set()
    rest = _TITLE_RUN.sub(" ", joined)
    words = {w for run in runs for w in re.findall(r"[A-Z][a-z']+", run.group(0))}
    return {
        w.lower()
        for w in words
        if w.lower() in dictionary and not re.search(rf"(?<![.!?]\s)(?<!^)\b{w}\b", rest)
    }


def _titled(text: str, run: re.Match[str]) -> bool:
    """A run that opens a sentence ("Credit to Will Smith for…", "Thanks to Tom Hanks") is a
    title only if it still is without its capitalised first word, or holds a colon."""
    start = run.start()
    if start > 0 and not re.search(r"[.!?]\s+$|\n$", text[max(0, start - 3) : start]):
        return True
    if ":" in run.group(0):
        return True
    rest = run.group(0).split(maxsplit=1)[1:]
    return bool(rest) and bool(_TITLE_RUN.fullmatch(rest[0]))


def _title_case(quoted: str) -> bool:
    words = re.findall(r"[A-Za-z']+", quoted)
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


def without_title(text: str, title: str | None, *, guessed: bool = False) -> str:
    """`text` with the film's title read as "it"; a guessed title only where it is not compared
    with ("just another Spinal Tap rip-off?" names another film)."""
    if title is None or len(title) < 2:
        return text
    if guessed and all(w.lower() in STOP_WORDS for w in title.split()):
        return text  # "What Is It": "what is it about?" asks about the film either way
    for form in title_forms(title):
        # Typed without its punctuation or its article: "urban legends final cut", "prince of
        # egypt" for "The Prince of Egypt".
        words = re.findall(r"[\w'’]+", form)
        if not words:
            continue
        # "The" only ("a great escape" is anyone's), and not from "The Thing".
        article = words[0].lower() == "the" and len(words) > 2
        body = r"\W+".join(_loose(w) for w in (words[1:] if article else words))
        pattern = r"(?<!\w)" + (rf"(?:{re.escape(words[0])}\s+)?" if article else "") + body
        pattern += r"(?!\w)"
        if guessed:
            pattern = _NOT_COMPARED + pattern
        text = re.sub(pattern, "it", text, flags=re.IGNORECASE)
    return text


def title_forms(title: str) -> list[str]:
    """The ways a question names a film: its whole title, and its subtitle after a colon when
    that has four letters or more ("insurrection" for "Star Trek: Insurrection"); not the part
    before, which names a whole series ("Star Trek", "Alien", "Mission")."""
    forms = [title]
    if ":" in title:
        subtitle = title.split(":", 1)[1].strip()
        if sum(ch.isalpha() for ch in subtitle) >= 4 and subtitle.lower() not in STOP_WORDS:
            forms.append(subtitle)
    return forms


def _loose(word: str) -> str:
    """A title word as a pattern that may drop its apostrophes ("dantes peak")."""
    return "['’]?".join(re.escape(part) for part in re.split(r"['’]", word))


_NOT_COMPARED = (
    r"(?<!another )(?<!than )(?<!vs )(?<!versus )(?<!compared to )(?<!compare to )"
    r"(?<!compare it to )(?<!similar to )(?<!rip-off of )(?<!ripoff of )"
)
