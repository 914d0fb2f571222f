"""Polarity cues the corpus-trained model underweights: the opinion lexicon with negation,
contrast and excess, idioms, and advice to the reader (the subjectivity cues are in voice.py)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from bot.reviews.opinions.features import NEGATORS, Lexicon, negation_flags
from bot.reviews.opinions.idioms import IDIOMS, SAID_DENIED, backhanded, find_idioms

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
# The critic singling out a fault: "my biggest beef", "the problem with the film". A story's
# people have faults too ("her biggest weakness is her love for her brother").
_FAULT_PHRASES = (
    "biggest beef|main beef|biggest complaint|main complaint|only complaint"
    "|biggest gripe|main gripe|only gripe|minor gripe|minor quibble|only quibble"
    "|biggest flaw|major flaw|main flaw|fatal flaw|biggest weakness|main weakness"
    "|major weakness|biggest problem with|main problem with|problem with the film"
    "|problem with the movie|problem with this film|problem with this movie"
    "|wrong with the film|wrong with the movie|wrong with this film|wrong with this movie"
    "|biggest disappointment|biggest letdown"
)
FAULTS = frozenset(tuple(phrase.split()) for phrase in _FAULT_PHRASES.split("|"))
# A part the critic singles out as the good one.
_STRENGTH_PHRASES = (
    "redeeming feature|redeeming features|redeeming quality|redeeming qualities"
    "|saving grace|only good thing|one good thing|best part of the movie"
    "|best part of the film|best part of this|best thing about the movie"
    "|best thing about the film|only highlight|one highlight|sole highlight"
    "|only bright spot|one bright spot|biggest strength|greatest strength|main strength"
    "|strongest point|best thing about it"
)
STRENGTHS = frozenset(tuple(phrase.split()) for phrase in _STRENGTH_PHRASES.split("|"))
_ADVICE = {
    tuple(phrase.split()): sign
    for phrases, sign in (
        (
            "skip this|skip it|avoid this|avoid it|do n't bother|stay away|save your money"
            "|waste of time|waste of money|waste of your time|do n't waste|not worth watching"
            "|not worth seeing|not worth your time|not worth it|" + _FAULT_PHRASES,
            -1,
        ),
        (
            "must see|must-see|do n't miss|go see it|highly recommend|highly recommended"
            "|worth seeing|worth watching|worth a look|worth your time|recommend it|"
            + _STRENGTH_PHRASES,
            1,
        ),
    )
    for phrase in phrases.split("|")
}
# Per first word, its advice phrases: a unit looks up only the phrases its words open.
_ADVICE_AT: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _advised, _advice_sign in _ADVICE.items():
    _ADVICE_AT.setdefault(_advised[0], []).append((_advised, _advice_sign))
ADVICE_STARTS = frozenset(_ADVICE_AT)
ADVICE_SHARE = 0.8


def advice_phrases(tokens: Sequence[str]) -> Iterator[tuple[int, tuple[str, ...], int]]:
    """(position, phrase, sign) of each piece of advice in the tokens, in order."""
    if ADVICE_STARTS.isdisjoint(tokens):
        return
    for i, token in enumerate(tokens):
        for phrase, sign in _ADVICE_AT.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                yield i, phrase, sign


def advice(tokens: Sequence[str]) -> int:
    """+1 or -1 for the last piece of advice in the tokens (a negation just before flips it:
    "not worth watching" is its own phrase, "never miss it" a flipped one), else 0."""
    found = 0
    for i, phrase, sign in advice_phrases(tokens):
        negated = denied_before(tokens, i)
        found = -sign if negated and phrase[0] not in NEGATORS else sign
    return found


# How far back a denial reaches a piece of advice: "not a single redeeming quality", "ca n't
# think of one good thing", "devoid of any redeeming features".
_DENIAL_REACH = 5
_DENYING = NEGATORS | {"devoid", "lack", "lacked"}


def denied_before(tokens: Sequence[str], i: int) -> bool:
    """Whether a denial ("not", "lack") reaches the word at `i` from just before it."""
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


# The first words of the idioms that hedge an excess ("a bit too", "slightly too").
_HEDGES = frozenset(p[0] for p in IDIOMS if p[-1] == "too")
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
        if "spite" in tokens:
            # "in spite of" concedes; it blames no one.
            for i in signed:
                if tokens[i] == "spite" and i > 0 and tokens[i - 1] == "in":
                    signs[i] = None
        if not _LESSER.isdisjoint(tokens):
            for i in signed:
                lessened = i > 0 and tokens[i - 1] in _LESSER
                if signs[i] and lessened and (i < 2 or tokens[i - 2] != "at"):
                    signs[i] = -signs[i]  # type: ignore[operator]
        if not _LACKING.isdisjoint(tokens) or "too" in tokens:
            _turn_wanting(tokens, signs)
    idioms = find_idioms(tokens, signs)
    if not NEGATORS.isdisjoint(tokens):
        flags = negation_flags(_unnegated(tokens), lists=True)
        signs = [-s if s and negated else s for s, negated in zip(signs, flags, strict=True)]
        # "doesn't fall flat"; "any justice" is only ever said denied, the denial often out of
        # reach ("doesn't do "Carlitos Way" any justice"), and is read as one.
        idioms = [
            (i, -sign if flags[i] and tuple(tokens[i : i + 2]) != SAID_DENIED else sign)
            for i, sign in idioms
        ]
    if signed and "mention" in tokens:
        _carry_on(tokens, signs)
    found = [s for s in signs if s] + [sign for _, sign in idioms]
    if not found:
        return None, 0
    strong = sum(sign for i, sign in idioms if _strong(tokens, i))
    return math.tanh(sum(found)), strong


_SINGLING = frozenset({"best", "favourite", "favorite", "highlight"})


def blend_polarity(model_score: float, tokens: Sequence[str], lexicon: Lexicon) -> float:
    """The model's signed polarity, pulled towards the lexicon reading where there is one."""
    advised = advice(tokens)
    if (advised > 0 or not _SINGLING.isdisjoint(tokens)) and backhanded(tokens):
        # "The best part was when it was over": the strength named is the film's absence.
        advised = -1
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
