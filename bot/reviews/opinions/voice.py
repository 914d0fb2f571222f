"""Surface cues of the critic's own voice that the corpus-trained model underweights.

SUBJ's opinions are short critic blurbs, so a reviewer musing in the first person ("I thought
she loved his music") can read as plot to the model. A floor lifts such clauses; the accuracy
benchmark reports SUBJ with and without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.reviews.opinions.cues import ADVICE_STARTS, FAULTS, advice_phrases

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
    mis-cast underwhelming uninspired unremarkable overwrought overplayed overlong hokey corny
    cheesy soppy sappy mawkish clunky contrived""".split()
)
_COPULAS = frozenset({"is", "was", "are", "were", "'s", "seems", "seemed", "looks", "looked"})
# Not "gets", "becomes" or "sounds" ("the night gets boring for the guards"), and no quality word
# before a film's part ("he makes terrible movies with his friends"): in a retelling they are
# the story's.
QUALITY_FLOOR = 0.6
# Advice is the critic's voice even where the model hears plot ("But the real problem with the
# film lies with Sharon Stone" read 0.24).
ADVICE_FLOOR = 0.7


def subjectivity_floor(tokens: Sequence[str]) -> float:
    """The least subjectivity these tokens can have, judging by the critic-voice cues."""
    if not FIRST_PERSON.isdisjoint(tokens):
        return FIRST_PERSON_FLOOR
    if not QUALITY_WORDS.isdisjoint(tokens) and _graded(tokens):
        return QUALITY_FLOOR
    if not ADVICE_STARTS.isdisjoint(tokens) and _critic_frame(tokens):
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
            # "did the part as well as the dance number" compares, it does not judge.
            and "as" not in tokens[i + 3 : i + 7]
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
        tokens[i] in PLAYING_VERBS and tokens[i + 1] == "as" and tokens[i + 2] in _PART_OPENERS
        for i in range(len(tokens) - 2)
    )


def _critic_frame(tokens: Sequence[str]) -> bool:
    """Advice in the critic's own voice: "save your money", "the saving grace is…"; a fault
    only said of the film or as the critic's own ("the problem with the film", "my biggest
    complaint"). In a retelling, "warns the children to stay away" and "her biggest weakness"
    are the story's."""
    for i, phrase, _ in advice_phrases(tokens):
        before = tokens[i - 1] if i > 0 else ""
        if phrase in FAULTS:
            if not _FILM_WORDS.isdisjoint(phrase) or before in _OWN:
                return True
        elif before not in _REPORTED:
            return True
    return False


_FILM_WORDS = frozenset({"film", "movie", "this", "it"})
_OWN = frozenset({"my", "its"})
# Advice a character gives: "warns them to stay away", "tells her to skip it".
_REPORTED = frozenset({"to", "warns", "warned", "tells", "told", "begs", "begged"})


def _graded(tokens: Sequence[str]) -> bool:
    """A quality word at most two words after a copula ("was simply superb")."""
    for i, token in enumerate(tokens):
        if token in QUALITY_WORDS and not _COPULAS.isdisjoint(tokens[max(0, i - 3) : i]):
            return True
    return False
