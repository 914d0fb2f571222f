"""The critic's own judging words in a quote ("not very good", "poorly cast"), for summaries.

A summary that says *how* the critic judged each aspect is more useful than a list of aspects,
and quoting the critic's words keeps it from claiming anything the quote does not say.
"""

from __future__ import annotations

from bot.reviews.opinions.features import Lexicon, negation_flags
from bot.reviews.opinions.tokens import tokenize

# Words kept in front of the judging word: "*very* uneven", "*so* dull".
_INTENSIFIERS = frozenset({"very", "so", "too", "really", "truly", "utterly", "simply", "quite"})
# Hu & Liu list these as opinion words, but in a review they mostly tell the story ("killed",
# "falls"), name it ("plot"), or grade another word ("pretty good", "well made"): as the one
# word that sums up a judgement they mislead.
_NOT_JUDGING = frozenset(
    """plot pretty like well work works right enough famous kill kills killed die dies died
    death dead fall falls fell breaking break hard dark cold funny cheap""".split()
)
# Longer than this, a phrase is a sentence fragment rather than the critic's word for it.
_MAX_WORDS = 4


def judging_phrase(text: str, polarity: str, lexicon: Lexicon) -> str | None:
    """The first opinion word of `polarity` in `text` with its negation or intensifier, as it
    appears in `text`; None when the quote has none."""
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    flags = negation_flags(words)
    for i in range(len(words) - 1):
        if words[i] == "not" and words[i + 1] == "only":
            # "Not only is it boring, …" negates nothing.
            j = i + 1
            while j < len(words) and flags[j]:
                flags[j] = False
                j += 1
    wanted = 1 if polarity == "positive" else -1
    for i, (word, negated) in enumerate(zip(words, flags, strict=True)):
        sign = 1 if word in lexicon.positive else -1 if word in lexicon.negative else 0
        if not sign or word in _NOT_JUDGING or (-sign if negated else sign) != wanted:
            continue
        first = i
        if negated:
            # "not one memorable song": the phrase must keep the word that turns it around.
            while first > 0 and flags[first - 1]:
                first -= 1
            first = max(first - 1, 0)
        while first > 0 and words[first - 1] in _INTENSIFIERS:
            first -= 1
        last = i
        if word.endswith("ly") and i + 1 < len(words):
            if not _is_participle(words[i + 1]):
                continue  # "clearly gave": an adverb alone says nothing about the film
            last = i + 1  # "poorly cast", "beautifully shot"
        if last - first + 1 <= _MAX_WORDS:
            return text[tokens[first].start : tokens[last].end]
    return None


# Participles a judging adverb grades in reviews: "poorly *cast*", "beautifully *shot*".
_PARTICIPLES = frozenset("cast made done shot set told run written drawn paced".split())


def _is_participle(word: str) -> bool:
    return word in _PARTICIPLES or (len(word) > 4 and word.endswith(("ed", "en")))
