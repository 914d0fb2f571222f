"""Who is in the film and who plays a part: the sentences that answer a cast question."""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.reviews.qa.intents import ParsedQuestion
from bot.reviews.qa.names import CAST_WORDS, FULL_NAME, name_like, someone
from bot.reviews.qa.rank import best_first
from bot.reviews.qa.units import Unit, sentence_unit
from bot.reviews.qa.words import content_words, stem
from bot.reviews.text.lexicon import dictionary_words, misspelt
from bot.reviews.types import Review, Sentence

# Words that name no particular part: "who is the lead?" is answered by any name in the cast.
ANY_PART = frozenset(
    stem(w)
    for w in """lead leads star main cast actor actress actors role roles part character
    characters protagonist protagonists story film movie show plot like list lineup""".split()
)
# How near the part's word a name must be to be the part's (in characters).
BESIDE = 60
_CASTING = re.compile(
    r"(?i)\b(stars?|starring|starred|plays?|played|playing|co-stars?|portray\w*|cast|featur\w*)\b"
)


def rank_cast(
    pool: list[tuple[Review, Sentence]],
    stems_of: list[set[str]],
    parsed: ParsedQuestion,
    query: list[str],
    guessed: set[str],
    titles: dict[str, set[str]],
) -> list[tuple[float, Unit]]:
    """Sentences naming someone, for "who is in it?"; for "who plays X?", only those that name X
    (by its noun, a word for it or the name the review gives the part) with a name beside it.
    A sentence that also names the part comes first, and one that casts someone before one that
    merely names people."""
    part = {stem(w) for w in query if w not in guessed} - CAST_WORDS - ANY_PART
    # "whos starring, is it the snl girls": the part is asked beside "who", not in the asker's
    # own guess after it.
    part &= who_clause_stems(parsed)
    head = _part_head(parsed)
    heads = _PART_NAMES.get(head, {head}) if head is not None else set()
    asked = set(parsed.normalised.split())
    characters: set[str] = set()
    if head is not None and head not in ANY_PART:
        part.add(head)  # "guy" is no content word, but it is the part asked for
    if head in part:
        # The names the review gives a part named by a noun ("the con man" is Irving); a part
        # named by name ("May") is its own.
        characters = _characters_of(head, pool, stems_of, asked)
        part |= characters
    scored = []
    for (review, sentence), stems in zip(pool, stems_of, strict=True):
        title = titles[review.film]
        # The cast may be listed by their parts ("A Son & Father"): plain words count.
        found = someone(sentence.text, asked | title, plain=True)
        # "who plays her ex-student?" is not answered by a sentence that names no student.
        named_part = len(part & stems)
        if head in part:
            # The part's own noun or a word for it with a name beside it ("the bowler ( janeane
            # garofalo )"; not "Marcus, who … fixes the tax forms for the warden"), or a name the
            # review gives the part beside someone else: its player.
            met = (heads & stems and _named_beside(sentence.text, heads, asked | title)) or (
                characters & stems
                and _named_beside(sentence.text, characters, asked | title, characters)
            )
            if met and head in _ANYONE and not _casts_part(sentence.text, heads):
                # "there is an older man involved" tells the story; it casts no one.
                met = False
            own = 1 if heads & stems else 0  # the part's own noun, not a co-character's
            named_part = len((part - {head}) & stems) + own if met else 0
        if found and (named_part or not part):
            full_names = sum(
                1
                for name in FULL_NAME.findall(sentence.text)
                if not {w.casefold() for w in name.split()} <= title
            )
            casting = 0.3 if _CASTING.search(sentence.text) else 0.0
            score = 0.5 + 0.1 * len(found) + 0.1 * full_names + 0.3 * named_part + casting
            scored.append((score, sentence_unit(review, sentence)))
    return best_first(scored)


# In a review that lost its capitals a name shows only as a word no dictionary knows, so it must
# sit where a part's player is written: right after the part ("rita ( macdowell )", "the son ,
# played by sam huntington") or before it with "as"/"plays" ("macdowell as rita"). "tim allen on
# an island to his island son in new york city" names no one who plays the son.
_PLAYER_AFTER = re.compile(
    r"[\w'-]*\s*[(,-]?\s*(?:(?:played|portrayed) by |the )?([a-z][\w'-]+)(?: ([a-z][\w'-]+))?"
)
_PLAYED_BY = re.compile(r"[\w'-]*[^.;:!?]{0,20}?\b(?:played|portrayed|voiced)\b([^.;:!?]{0,50})")
_PLAYER_BEFORE = re.compile(
    r"([a-z][\w'-]+) (?:as|plays|playing|is|portrays) (?:the |a |an |his |her |their )?"
    r"(?:[\w'-]+ ){0,2}$"
)


def uncased_player(text: str, heads: Collection[str], excluded: Collection[str]) -> bool:
    """Whether a lowercase sentence names who plays the part whose stems are `heads`."""
    for at in _positions(text, heads):
        after = _PLAYER_AFTER.match(text, at)
        before = _PLAYER_BEFORE.search(text[max(0, at - 60) : at])
        # A first name may be a word too: "husband ( brent kazmarek )".
        found = [w for w in after.groups() if w] if after is not None else []
        found += [before.group(1)] if before is not None else []
        played = _PLAYED_BY.match(text, at)
        if played is not None:  # "jane fuller , played wonderfully by a … actress , gretchen mol"
            found += re.findall(r"[a-z][\w'-]+", played.group(1))
        if any(looks_like_name(w, excluded) for w in found):
            return True
    return False


def casts_as(text: str, parts: Collection[str]) -> bool:
    """Whether a sentence casts someone as one of `parts` ("a small role as lorraine")."""
    return any(re.search(rf"\b(?:as|plays|playing) {re.escape(p)}\b", text) for p in parts)


_HONORIFICS = frozenset("mr mrs ms dr sir madam madame mme mlle".split())
_CHAT = frozenset(
    "kinda sorta gonna wanna gotta dunno omg lol lmao imo imho cgi dvd vhs tv".split()
)


def looks_like_name(word: str, excluded: Collection[str]) -> bool:
    """A lowercase word that may be a name: no dictionary word, not asked or in the title, and
    no misspelling of a dictionary word ("neccessary")."""
    bare = word.removesuffix("'s")
    known = dictionary_words()
    if len(bare) < 3 or bare in known or bare in excluded or stem(bare) in known:
        return False
    if "-" in bare and all(part in known for part in bare.split("-")):
        return False  # "scenery-chewing"
    if (
        bare in _HONORIFICS or bare in _CHAT
    ):  # "mom ( mrs . fields" names a character, not who plays her
        return False
    # A slip of the keyboard ("thier", "neccessary"), unless its word vectors sit among names
    # ("kline" beside kevin, goldberg, whoopi…).
    return not misspelt(bare) or name_like(bare, known)


def _casts_part(text: str, heads: Collection[str]) -> bool:
    """Whether a sentence casts someone in a part that any story may name: by a casting verb,
    "as the woman next door", or a name just after it ("the old man (Max Vondel)", "The kid,
    Danny Moss")."""
    if _CASTING.search(text):
        return True
    for at in _positions(text, heads):
        end = at + len(re.match(r"[\w'-]+", text[at:]).group(0))  # type: ignore[union-attr]
        if re.search(r"(?i)\bas an? (?:[\w'-]+ )?$", text[max(0, at - 20) : at]):
            continue  # "As a kid, Harrison Ford was my hero": the critic's own childhood
        # "as the woman next door" casts.
        if re.search(r"\bas the (?:[\w'-]+ ){0,2}$", text[max(0, at - 40) : at]):
            return True
        # A full name, or a word no dictionary holds, just after: not "The old man, Frankly, …".
        after = re.match(r"\s*[(,]\s*([A-Z][a-z]+)(\s+[A-Z][a-z]+)?", text[end:])
        if after and (after.group(2) or after.group(1).lower() not in dictionary_words()):
            return True
    return False


# Parts that any sentence of the story may name: only a casting sentence says who plays them.
_ANYONE = frozenset(stem(w) for w in "guy man bloke dude fellow woman lady girl boy kid".split())


def heads_asked(parsed: ParsedQuestion) -> set[str]:
    """Stems of the part's own noun and the words for it, where the question names one."""
    head = _part_head(parsed)
    return _PART_NAMES.get(head, {head}) if head is not None else set()


def _part_head(parsed: ParsedQuestion) -> str | None:
    """The stem of the part's own noun where the question names it after "plays"/"voices" ("who
    plays the prison warden?" → "warden"); None for a name ("who plays May?", "ned ryerson",
    met by any of its words, a misspelt one too) or no part named ("who stars in this?")."""
    match = _PLAYS_THE.search(parsed.normalised) or _PLAYED_BY_ASKED.search(parsed.normalised)
    if match is None:
        return None
    words = [w for w in match.group(1).split() if w not in _PART_STOPS]
    if words[-2:] in (["bad", "guy"], ["good", "guy"]):
        words = ["villain" if words[-2] == "bad" else "hero"]  # "the bad guy" is the villain
    if not words or words[-1] not in dictionary_words():
        return None
    if re.search(rf"\b{re.escape(words[-1].capitalize())}\b", parsed.text):
        return None  # the question capitalises it: a name
    return stem(words[-1])


# "who plays the prison warden", "who voiced the evil queen": the noun phrase after the verb,
# up to a word that ends it ("the boyfriend that dies in the crash", "the boyfriend exactly").
_PLAYS_THE = re.compile(
    r"\b(?:plays?|played|playing|voices?|voiced|portrays?|portrayed)\s+(?:the|a|an|his|her|their)?"
    r"\s*((?:(?!that\b|who\b|whom\b|in\b|with\b|at\b|on\b|from\b|and\b|or\b|by\b|exactly\b"
    r"|again\b|though\b)[a-z][\w'-]*\s*){1,3})"
)
# "whos the bad guy played by": the part before "played by".
_PLAYED_BY_ASKED = re.compile(
    r"\bwho(?:'s| is| was)\s+(?:the|a|an)\s+((?:[a-z][\w'-]*\s*){1,3}?)played by\b"
)
_PART_STOPS = frozenset({"the", "a", "an", "his", "her", "their"})
# Words for the same part ("who plays the cop?" is met by "detective sandra cassidy").
_PART_NAMES = {
    stem(word): {stem(w) for w in group.split()}
    for group in (
        "cop detective police policeman officer inspector sheriff",
        "dad father",
        "mom mum mother",
        "kid child boy girl",
        "villain baddie killer",
        "hero protagonist",
        "wife spouse",
        "guy man bloke dude fellow",
        "woman lady",
        "husband spouse",
    )
    for word in group.split()
}


def who_clause_stems(parsed: ParsedQuestion) -> set[str]:
    """Stems of the clause with "who" ("whos starring, is it the snl girls" asks no part of the
    asker's guess after it), and of the clause before when "who" asks of "him"/"her" ("the
    teacher, who plays him?"). Read from the typo-corrected words where they line up."""
    raw = parsed.text.lower().split()
    words = parsed.normalised.split()
    if len(words) != len(raw):
        words = raw
    pieces: list[list[str]] = [[]]
    for token, word in zip(raw, words, strict=True):
        if token in ("-", "–", "—"):
            pieces.append([])
            continue
        pieces[-1].append(word)
        if token[-1:] in ",;?!":
            pieces.append([])
    at = next((i for i, p in enumerate(pieces) if any(w.startswith("who") for w in p)), None)
    if at is None:
        return {stem(w) for w in content_words(parsed.normalised)}
    chosen = pieces[at]
    if at > 0 and _PRONOUN_PART.intersection(chosen):
        chosen = pieces[at - 1] + chosen
    return {stem(w) for w in content_words(" ".join(chosen))}


_PRONOUN_PART = frozenset({"him", "her", "them"})


def _positions(text: str, stems: Collection[str]) -> list[int]:
    """Where the words of `text` whose stems are in `stems` start."""
    return [m.start() for m in re.finditer(r"[\w'-]+", text) if stem(m.group(0)) in stems]


def _named_beside(
    text: str, words: set[str], excluded: set[str], skipped: Collection[str] = ()
) -> bool:
    """Whether someone is named within `BESIDE` characters of one of `words` (stems); names
    whose stems are in `skipped` do not count."""
    at = _positions(text, words)
    return any(
        abs(m.start() - a) <= BESIDE
        for m in someone(text, excluded, plain=True)
        if stem(m.group(0).casefold()) not in skipped
        for a in at
    )


def _characters_of(
    head: str,
    pool: list[tuple[Review, Sentence]],
    stems_of: list[set[str]],
    asked: set[str],
) -> set[str]:
    """The names the review gives the part asked about: "who plays the con man?" is answered
    by "Christian Bale plays Irving" where "Irving is a small-time con man". Only a name beside
    the part counts: "Marcus, who … fixes the tax forms for the warden" gives the warden none."""
    named: set[str] = set()
    known = dictionary_words()
    for (_, sentence), stems in zip(pool, stems_of, strict=True):
        if head not in stems:
            continue
        at = _positions(sentence.text, {head})
        named |= {
            stem(m.group(0).casefold())
            for m in someone(sentence.text, asked)
            if any(abs(m.start() - a) <= BESIDE for a in at)
        }
        # The sentence may open on the name: "Irving is a small-time con man".
        first = re.match(r"[A-Z][a-z]+\b", sentence.text)
        if first and first.group(0).casefold() not in known and first.group(0) not in asked:
            named.add(stem(first.group(0).casefold()))
    return named
