"""Surface cues of the critic's own voice that the corpus-trained model underweights.

SUBJ's opinions are short critic blurbs, so a reviewer musing in the first person ("I thought
she loved his music") can read as plot to the model. A floor lifts such clauses; the accuracy
benchmark reports SUBJ with and without it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.reviews.opinions.features import NEGATORS, Lexicon, negation_flags

# In SUBJ, 94% of sentences with a first-person singular pronoun are opinions.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll", "imo"})
FIRST_PERSON_FLOOR = 0.8
# An intensifier before an opinion word ("so dull") was once a floor of 0.6 too: in SUBJ's
# 10-fold CV it lifted 59 plot sentences ("so happy", "very angry") for 5 opinions rescued, and
# cost the shipped model 0.54 points (93.84 -> 93.30), so it was dropped.


# Adjectives that grade a film or a performance, not a character's state ("she was superb", not
# "she was afraid"): said of someone with a copula, they are the critic's judgement, though
# SUBJ's plot sentences taught the model that "she was …" is story.
QUALITY_WORDS = frozenset(
    """
    superb excellent brilliant terrific outstanding wonderful fantastic marvelous marvellous
    magnificent flawless superlative masterful impeccable convincing unconvincing believable
    unbelievable memorable forgettable watchable unwatchable mediocre dreadful awful atrocious
    abysmal terrible horrible lousy pathetic laughable wooden stiff bland lifeless hammy
    overrated underrated overacted overblown unfunny hilarious riveting gripping compelling
    tedious boring dull likeable likable unlikeable unlikable passable serviceable miscast
    underwhelming uninspired unremarkable overwrought""".split()
)
_COPULAS = frozenset({"is", "was", "are", "were", "'s", "seems", "seemed", "looks", "looked"})
QUALITY_FLOOR = 0.6


def subjectivity_floor(tokens: Sequence[str]) -> float:
    """The least subjectivity these tokens can have, judging by the critic-voice cues."""
    if not FIRST_PERSON.isdisjoint(tokens):
        return FIRST_PERSON_FLOOR
    if not QUALITY_WORDS.isdisjoint(tokens) and _graded(tokens):
        return QUALITY_FLOOR
    if not _ADVICE_STARTS.isdisjoint(tokens) and _critic_frame(tokens):
        return ADVICE_FLOOR
    if not PLAYING_VERBS.isdisjoint(tokens) and _playing(tokens):
        return QUALITY_FLOOR
    if "well" in tokens and not _ROLE_WORDS.isdisjoint(tokens) and _part_done_well(tokens):
        return QUALITY_FLOOR
    return 0.0


# "does her part extremely well", "played his role well": the playing judged.
_ROLE_WORDS = frozenset({"part", "role"})
_DOING = frozenset("do does did done doing play plays played playing".split())


def _part_done_well(tokens: Sequence[str]) -> bool:
    for i in range(len(tokens) - 3):
        if (
            tokens[i] in _DOING
            and tokens[i + 1] in {"his", "her", "their", "the"}
            and tokens[i + 2] in _ROLE_WORDS
            and "well" in tokens[i + 3 : i + 6]
        ):
            return True
    return False


# Verbs that judge how a part is played, said of someone "as" the part: "Lundgren does not
# convince as an ex-military teacher", "she shines as the widow".
# ("shines as", "struggles as", "is convinced as" say as much of the moon, a single mother or a
# detective in the plot.)
PLAYING_VERBS = frozenset("convince convinces convincing excels excelled flounders falters".split())
_PART_OPENERS = frozenset({"a", "an", "the", "his", "her"})


def _playing(tokens: Sequence[str]) -> bool:
    return any(
        token in PLAYING_VERBS
        and tokens[i + 1 : i + 2] == ["as"]
        and tokens[i + 2 : i + 3] != []
        and tokens[i + 2] in _PART_OPENERS
        for i, token in enumerate(tokens[:-2])
    )


def _critic_frame(tokens: Sequence[str]) -> bool:
    """Advice said of the film or as the critic's own ("the problem with the film", "my biggest
    complaint"): in a retelling, "warns the children to stay away" and "her biggest weakness" are
    the story's."""
    for i, token in enumerate(tokens):
        if token not in _ADVICE_STARTS:
            continue
        for phrase in _ADVICE:
            if tuple(tokens[i : i + len(phrase)]) == phrase and (
                not _FILM_WORDS.isdisjoint(phrase) or (i > 0 and tokens[i - 1] in _OWN)
            ):
                return True
    return False


_FILM_WORDS = frozenset({"film", "movie", "this", "it"})
_OWN = frozenset({"my", "its"})


def _graded(tokens: Sequence[str]) -> bool:
    """A quality word at most two words after a copula ("was simply superb")."""
    for i, token in enumerate(tokens):
        if token in QUALITY_WORDS and not _COPULAS.isdisjoint(tokens[max(0, i - 3) : i]):
            return True
    return False


# How much a clause's lexicon reading counts against the model's: short clauses give the
# n-gram model little to go on, and corpus quirks ("acting" leans negative in MR) show through.
LEXICON_SHARE = 0.5
# A clause of a few words ("but fairly wasted") is all but unseen by the model: there the
# opinion words decide.
SHORT_UNIT_WORDS = 4
SHORT_LEXICON_SHARE = 0.8


# Advice to the reader is the plainest verdict a critic gives ("just skip this", "don't miss
# it"), and a part singled out as the good one the plainest praise, even in a pan ("the only
# redeeming feature was…", "the best part of the movie was…"): where a unit holds such a
# phrase, its reading outweighs the words around it.
_ADVICE = {
    tuple(phrase.split()): sign
    for phrases, sign in (
        (
            "skip this|skip it|avoid this|avoid it|do n't bother|stay away|save your money"
            "|waste of time|waste of money|waste of your time|do n't waste|not worth watching"
            "|not worth seeing|not worth your time|not worth it"
            # The critic singling out a fault: "my biggest beef", "the problem with the film".
            "|biggest beef|main beef|biggest complaint|main complaint|only complaint"
            "|biggest gripe|main gripe|only gripe|minor gripe|minor quibble|only quibble"
            "|biggest flaw|major flaw|main flaw|fatal flaw|biggest weakness|main weakness"
            "|major weakness|biggest problem with|main problem with|problem with the film"
            "|problem with the movie|problem with this film|problem with this movie"
            "|wrong with the film|wrong with the movie|wrong with this film|wrong with this movie"
            "|biggest disappointment|biggest letdown",
            -1,
        ),
        (
            "must see|must-see|do n't miss|go see it|highly recommend|highly recommended"
            "|worth seeing|worth watching|worth a look|worth your time|recommend it"
            "|redeeming feature|redeeming features|redeeming quality|redeeming qualities"
            "|saving grace|only good thing|one good thing|best part of the movie"
            "|best part of the film|best part of this|best thing about the movie"
            "|best thing about the film|only highlight|one highlight|sole highlight"
            "|only bright spot|one bright spot|biggest strength|greatest strength|main strength"
            "|strongest point|best thing about it",
            1,
        ),
    )
    for phrase in phrases.split("|")
}
_ADVICE_STARTS = frozenset(phrase[0] for phrase in _ADVICE)
ADVICE_SHARE = 0.8
# Advice is the critic's voice even where the model hears plot ("But the real problem with the
# film lies with Sharon Stone" read 0.24).
ADVICE_FLOOR = 0.7


def advice(tokens: Sequence[str]) -> int:
    """+1 or -1 for the last piece of advice in the tokens (a negation just before flips it:
    "not worth watching" is its own phrase, "never miss it" a flipped one), else 0."""
    found = 0
    if _ADVICE_STARTS.isdisjoint(tokens):
        return 0
    for i, token in enumerate(tokens):
        if token not in _ADVICE_STARTS:
            continue
        for phrase, sign in _ADVICE.items():
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                negated = _denied_before(tokens, i)
                found = -sign if negated and phrase[0] not in NEGATORS else sign
    return found


# How far back a denial reaches a piece of advice: "not a single redeeming quality", "ca n't
# think of one good thing", "devoid of any redeeming features".
_DENIAL_REACH = 5
_DENYING = NEGATORS | {"devoid", "lack", "lacked"}


def _denied_before(tokens: Sequence[str], i: int) -> bool:
    for j in range(i - 1, max(-1, i - 1 - _DENIAL_REACH), -1):
        if tokens[j] in _ROLE_ENDS:
            return False
        if tokens[j] in _DENYING:
            return True
    return False


# "Adjani is more than satisfactory as the timid beaten spouse": after a judgement, "as the …"
# describes the part played, and its words that go against the judgement judge no one.
_ROLE_OPENERS = frozenset({"the", "a", "an", "his", "her", "their"})
_ROLE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "but", "and", "--", "-", "(", ")"})


# Opinion-lexicon words that in a film review name a part of the film or describe its kind, so
# the judgement lies elsewhere: "the plot", "a twist", "the hero", "horror fans", "the humor";
# "creepy", "scary", "bloody" praise a horror film as often as they fault one.
_DESCRIBING = frozenset(
    """plot twist hero heroine lead leads supporting stunt humour humor joke tension thrills fans
    scary scare creepy frightening frighten spooky tense violent bloody brutal gory""".split()
)
# "less substantive", "least funny": the opposite of the word's own sign ("at least believable"
# is no such thing).
_LESSER = frozenset({"less", "least"})


# "a lack of good jokes", "devoid of any real tension": what is lacking is the opposite of the
# word's sign, and "lack" itself then says nothing more.
# ("lacks" and "lacking" are negations already.)
_LACKING = frozenset({"lack", "lacked", "devoid", "absence"})
_WANTING_REACH = 3


def _after_to(tokens: Sequence[str], i: int) -> int:
    """The position after the "to" of "too <word(s)> to", or 0 ("great too, to be fair" and
    "too to" are no such thing)."""
    for k in range(i + 1, min(i + 4, len(tokens))):
        if tokens[k] in _ROLE_ENDS:
            return 0
        if tokens[k] == "to":
            return k + 1 if k > i + 1 else 0
    return 0


# "too good", "too funny" are praise in a chat-style review.
_PRAISED_EXCESS = frozenset("good great funny fun cool awesome cute hilarious".split())


def _turn_wanting(tokens: Sequence[str], signs: list[int | None]) -> None:
    """Turn round the words that something lacks, and the ones after "too … to" ("too frail
    to be believable", "too shy to convince"), whose praised excess itself is unsigned."""
    for i, token in enumerate(tokens):
        if token in _LACKING:
            start = i + 1
        elif token == "too" and (start := _after_to(tokens, i)):
            # Too much of a good thing is no praise: "too gentle to be convincing".
            for j in range(i + 1, start - 1):
                if signs[j] == 1:
                    signs[j] = None
        elif token == "too":
            # "ends too neatly", "too slick": an excess of a virtue is the complaint.
            for j in range(i + 1, min(i + 3, len(tokens))):
                if tokens[j] in _ROLE_ENDS:
                    break
                if signs[j] == 1 and tokens[j] not in _PRAISED_EXCESS:
                    signs[j] = -1
                    break
            continue
        else:
            continue
        for j in range(start, min(start + _WANTING_REACH, len(tokens))):
            if tokens[j] in _ROLE_ENDS:
                break
            if signs[j]:
                signs[j] = -signs[j]  # type: ignore[operator]
                if token in _LACKING:
                    signs[i] = None
                break


def _carry_on(tokens: Sequence[str], signs: list[int | None]) -> None:
    """After "not to mention", the words add to the judgement before it, with its sign: "totally
    lacking charisma, not to mention acting skill"; "wrong with the script, not to mention the
    tired routine"."""
    for i in range(2, len(tokens)):
        if tokens[i] != "mention" or tuple(tokens[i - 2 : i]) != ("not", "to"):
            continue
        before = next((signs[j] for j in range(i - 3, -1, -1) if signs[j]), None)
        if before is None:
            continue
        for j in range(i + 1, len(tokens)):
            if tokens[j] in _ROLE_ENDS:
                break
            if signs[j]:
                signs[j] = before


def _blank_role(tokens: Sequence[str], signs: list[int | None], start: int, judged: int) -> None:
    """Unsign the words of the part played that go against the judgement of the playing
    ("satisfactory as the timid spouse"); words that agree may judge too ("treats death as a
    joke")."""
    for j in range(start, len(tokens)):
        if tokens[j] in _ROLE_ENDS:
            return
        if signs[j] == -judged:
            signs[j] = None


# Idioms whose words alone read otherwise ("stood out", "could do a lot worse", "won't regret
# it", "fell flat"): the phrase carries the sign, its words none of their own.
_IDIOMS = {
    tuple(phrase.split()): sign
    for phrases, sign in (
        (
            "stood out|stands out|stand out|could do a lot worse|could do worse|wo n't regret"
            "|will not regret|not regret|blew me away|blown away|keep you guessing"
            "|keeps you guessing|kept me guessing|edge of your seat|edge of my seat|pays off"
            "|paid off|hits the mark|more than make up for|more than makes up for"
            "|more than made up for|hold the film together|holds the film together"
            "|held the film together|hold this film together|holds this film together"
            "|nail biting|nail-biting|going for it|going for them|going for him|going for her"
            "|saves itself|saved itself|redeems itself|redeemed itself|chemistry"
            "|i like|i liked|i really like|i really liked|i did like|i do like|i loved"
            "|i really loved|i enjoyed|i really enjoyed|i adored"
            "|do it justice|does it justice|did it justice|do justice|does justice"
            "|convince as|convinces as|convinced as|shines as|shone as|sparkles as|dazzles as",
            1,
        ),
        (
            "fell flat|falls flat|fall flat|fell apart|falls apart|falls short|fell short"
            "|misses the mark|missed the mark|goes nowhere|went nowhere|makes no sense"
            "|made no sense|make no sense|expected more|expecting more|expected better"
            "|hoped for more|hoping for more|deserved better|deserves better"
            "|left a lot to be desired|leaves a lot to be desired|leaves much to be desired"
            "|at best|a little too|a bit too|a tad too|slightly too|a touch too|zero chemistry"
            "|n't like|did not like|do not like|does not like|flounders as|falters as"
            "|n't enjoy|did not enjoy|n't love"
            # Said only when denied: "doesn't do the original any justice".
            "|any justice",
            -1,
        ),
    )
    for phrase in phrases.split("|")
}
_SAID_DENIED = ("any", "justice")
# Per first word, its idioms, longest first: the scan looks up only the idioms a word opens.
_IDIOMS_AT: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase, _sign in sorted(_IDIOMS.items(), key=lambda item: -len(item[0])):
    _IDIOMS_AT.setdefault(_phrase[0], []).append((_phrase, _sign))
_IDIOM_STARTS = frozenset(_IDIOMS_AT)


def _idioms(tokens: Sequence[str], signs: list[int | None]) -> list[tuple[int, int]]:
    """(position, sign) of the idioms in `tokens`; the words they cover are unsigned."""
    found: list[tuple[int, int]] = []
    if _IDIOM_STARTS.isdisjoint(tokens):
        return found
    i = 0
    while i < len(tokens):
        width = 1
        if tokens[i] in _IDIOM_STARTS:
            for phrase, sign in _IDIOMS_AT[tokens[i]]:
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    found.append((i, sign))
                    # "a bit too neat": the quality in excess is the complaint, not praise.
                    covered = len(phrase) + (phrase[-1] == "too")
                    signs[i : i + covered] = [None] * len(signs[i : i + covered])
                    width = len(phrase)  # "will not regret" is one idiom, not two
                    break
        i += width
    return found


# The first words of the idioms that hedge an excess ("a bit too", "slightly too").
_HEDGES = frozenset(p[0] for p in _IDIOMS if p[-1] == "too")
# The critic's own liking ("I like…", "didn't like…") outweighs the model only where nothing
# turns or doubts it: "I liked the idea, but the execution is poor" stays mixed, and "whether I
# liked it or not" is no praise. The hedges never do.
_LIKING_STARTS = frozenset({"i", "n't", "did", "do", "does"})
_TURNING = frozenset({"but", "yet", "though", "although", "however", "whether", "if", "when"})


def _strong(tokens: Sequence[str], i: int) -> bool:
    if tokens[i] in _HEDGES:
        return False
    return tokens[i] not in _LIKING_STARTS or _TURNING.isdisjoint(tokens)


# "not" that adds rather than denies: "not to mention the tired cop routine", "not only dull",
# "good, if not great".
_ADDING_NOT = frozenset({("not", "to", "mention"), ("not", "only"), ("not", "just"), ("if", "not")})


def _unnegated(tokens: Sequence[str]) -> Sequence[str]:
    """The tokens with every adding "not" blanked, so it opens no negation."""
    if "not" not in tokens:
        return tokens
    blanked = list(tokens)
    for i, token in enumerate(tokens):
        if token != "not":
            continue
        if (
            tuple(tokens[i : i + 3]) in _ADDING_NOT
            or tuple(tokens[i : i + 2]) in _ADDING_NOT
            or (i > 0 and (tokens[i - 1], "not") in _ADDING_NOT)
        ):
            blanked[i] = ""
    return blanked


def lexicon_polarity(tokens: Sequence[str], lexicon: Lexicon) -> float | None:
    """Signed opinion-word balance in [-1, 1], flipped under negation; None if no opinion word
    (`lexicon_reading` without the idioms' own balance)."""
    return lexicon_reading(tokens, lexicon)[0]


def lexicon_reading(tokens: Sequence[str], lexicon: Lexicon) -> tuple[float | None, int]:
    """Signed opinion-word balance in [-1, 1], flipped under negation (None if no opinion
    word), and the balance of the idioms alone that mislead the model word by word: not the
    hedges of an excess ("enjoyed it a little too much"), nor a liking something turns
    (`_strong`).

    An opinion adverb right before another opinion word only says how much ("incredibly
    stupid", "awfully good", "painfully dull"): the word it modifies carries the sign."""
    signs = [None if t in _DESCRIBING else lexicon.signs.get(t) for t in tokens]
    signed = [i for i, sign in enumerate(signs) if sign]
    last = len(tokens) - 1
    if signed:
        # Each loop only runs where its words are: this is every clause's hot path.
        for i in signed:
            if i < last and signs[i + 1] and tokens[i].endswith("ly"):
                signs[i] = None
        if "as" in tokens:
            for i in range(signed[0] + 1, last):
                if tokens[i] == "as" and tokens[i + 1] in _ROLE_OPENERS:
                    judged = next((signs[j] for j in range(i - 1, -1, -1) if signs[j]), None)
                    if judged:
                        _blank_role(tokens, signs, i + 2, judged)
        if not _LESSER.isdisjoint(tokens):
            for i in signed:
                lessened = i > 0 and tokens[i - 1] in _LESSER
                if signs[i] and lessened and (i < 2 or tokens[i - 2] != "at"):
                    signs[i] = -signs[i]  # type: ignore[operator]
        if not _LACKING.isdisjoint(tokens) or "too" in tokens:
            _turn_wanting(tokens, signs)
    idioms = _idioms(tokens, signs)
    if not NEGATORS.isdisjoint(tokens):
        flags = negation_flags(_unnegated(tokens))
        signs = [-s if s and negated else s for s, negated in zip(signs, flags, strict=True)]
        # "doesn't fall flat"; "any justice" is only ever said denied, the denial often out of
        # reach ("doesn't do "Carlitos Way" any justice"), and is read as one.
        idioms = [
            (i, -sign if flags[i] and tuple(tokens[i : i + 2]) != _SAID_DENIED else sign)
            for i, sign in idioms
        ]
    if signed and "mention" in tokens:
        _carry_on(tokens, signs)
    found = [s for s in signs if s] + [sign for _, sign in idioms]
    if not found:
        return None, 0
    strong = sum(sign for i, sign in idioms if _strong(tokens, i))
    return math.tanh(sum(found)), strong


def blend_polarity(model_score: float, tokens: Sequence[str], lexicon: Lexicon) -> float:
    """The model's signed polarity, pulled towards the lexicon reading where there is one."""
    advised = advice(tokens)
    if advised:
        return (1.0 - ADVICE_SHARE) * model_score + ADVICE_SHARE * advised
    reading, idioms = lexicon_reading(tokens, lexicon)
    if reading is None:
        return model_score
    if idioms:
        # An idiom is there because its words mislead the model ("more than make up for"
        # reads negative word by word): its own reading weighs like advice.
        return (1.0 - ADVICE_SHARE) * model_score + ADVICE_SHARE * math.tanh(idioms)
    words = sum(1 for t in tokens if t[:1].isalpha())
    share = SHORT_LEXICON_SHARE if words <= SHORT_UNIT_WORDS else LEXICON_SHARE
    return (1.0 - share) * model_score + share * reading
