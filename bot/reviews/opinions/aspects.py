"""The aspect vocabulary: what a judgement is about, read from config/aspects.toml."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

from bot.errors import ConfigError
from bot.resources import config_path
from bot.reviews.opinions.memo import Memo
from bot.reviews.opinions.tokens import Token, tokenize


def word_forms(word: str) -> set[str]:
    """A cue word and its regular English inflections, so config lists only the base form."""
    forms = {word, word + "s", word + "es", word + "'s", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y") and len(word) > 2:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] in "ptgmn" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        # Doubled consonants: "tap" -> "tapping", "plot" -> "plotting".
        forms.update({word + word[-1] + "ing", word + word[-1] + "ed"})
    return forms


_NO_ASPECT = ""
NUMBER = "#"


@dataclass(frozen=True, slots=True)
class _Aspect:
    name: str
    fallback: bool


class AspectVocabulary:
    """Cue words and phrases per aspect; matches review text and question words alike."""

    def __init__(
        self, aspects: dict[str, tuple[list[str], bool]], idioms: Sequence[str] = ()
    ) -> None:
        self._aspects = tuple(_Aspect(name, fallback) for name, (_, fallback) in aspects.items())
        self._fallback = frozenset(a.name for a in self._aspects if a.fallback)
        self._phrases: dict[tuple[str, ...], str] = {}
        self._terms: tuple[str, ...] | None = None
        self._prefixes: list[tuple[str, str]] = []
        for idiom in idioms:
            # A phrase that holds a cue but names no aspect ("in the end"): it matches first,
            # as the longer phrase, and reports nothing.
            words = tuple(t.text for t in tokenize(idiom))
            if words:
                self._phrases[words] = _NO_ASPECT
        for name, (cues, _) in aspects.items():
            for cue in cues:
                self._add_cue(name, cue)
        self._prefix_tuple = tuple(p for p, _ in self._prefixes)
        # "last # minutes": a "#" in a cue stands for any number ("the last 20 minutes").
        self._numbered = any(NUMBER in phrase for phrase in self._phrases)
        # Per first word, the longest phrase it opens; a word can start a match only if it
        # opens a phrase or has a prefix cue.
        self._widths: dict[str, int] = {}
        for phrase in self._phrases:
            self._widths[phrase[0]] = max(self._widths.get(phrase[0], 0), len(phrase))
        self._candidate: Memo[str, bool] = Memo(
            lambda word: (
                word in self._widths
                or self._prefix_hit(word) is not None
                or self._hyphen_hit(word) is not None
            ),
            1 << 17,
        )

    @classmethod
    def load(cls, path: Path | None = None) -> AspectVocabulary:
        """Read the vocabulary; `path` defaults to the shipped config/aspects.toml."""
        source = path if path is not None else config_path("aspects.toml")
        try:
            raw = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read the aspect vocabulary {source}: {exc}") from exc
        aspects: dict[str, tuple[list[str], bool]] = {}
        idioms: list[str] = []
        for name, table in raw.items():
            cues = table.get("cues") if isinstance(table, dict) else None
            if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
                raise ConfigError(f"{source}: aspect [{name}] needs a list of strings in `cues`")
            not_cues = table.get("idioms", [])
            if not isinstance(not_cues, list) or not all(isinstance(c, str) for c in not_cues):
                raise ConfigError(
                    f"{source}: `idioms` of aspect [{name}] must be a list of strings"
                )
            aspects[name] = (cues, bool(table.get("fallback", False)))
            idioms.extend(not_cues)
        return cls(aspects, idioms)

    def _add_cue(self, name: str, cue: str) -> None:
        if cue.endswith("*"):
            self._prefixes.append((cue[:-1].lower(), name))
            return
        words = [t.text for t in tokenize(cue)]
        if not words:
            return
        # Only the head (last) word of a phrase inflects: "special effect" -> "special effects".
        for form in word_forms(words[-1]):
            key = (*words[:-1], form)
            # First table wins on a clash so the file order is the tie-break people can see.
            self._phrases.setdefault(key, name)
        self._phrases.setdefault(tuple(words), name)

    def names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self._aspects)

    def match_tokens(self, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
        """`match` for text the caller has already run through `tokenize`."""
        return self.match_words(
            [t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens]
        )

    def match_words(
        self, words: Sequence[str], starts: Sequence[int], ends: Sequence[int]
    ) -> list[tuple[str, int, int]]:
        """`match_tokens` for tokens given as parallel lists (see `tokens.token_columns`)."""
        found: list[tuple[str, int, int]] = []
        n = len(words)
        keys = [NUMBER if w.isdigit() else w for w in words] if self._numbered else words
        after = 0  # the first token not yet inside a match
        for i in compress(range(n), map(self._candidate.__getitem__, words)):
            if i < after:
                continue
            word = words[i]
            hit: str | None = None
            width = min(self._widths.get(word, 0), n - i)
            while width > 0:
                hit = self._phrases.get(tuple(keys[i : i + width]))
                if hit is not None:
                    break
                width -= 1
            if hit is None:
                hit = self._prefix_hit(word) or self._hyphen_hit(word)
                width = 1
            if hit is not None:
                if hit != _NO_ASPECT:
                    found.append((hit, starts[i], ends[i + width - 1]))
                after = i + width
        return found

    def _hyphen_hit(self, word: str) -> str | None:
        """A hyphenated word whose parts name an aspect: "camera-work" (camerawork), "well-acted"
        (acted); the last part first, as the head of the compound."""
        if "-" not in word:
            return None
        parts = [p for p in word.split("-") if p]
        for key in ("".join(parts), *reversed(parts)):
            hit = self._phrases.get((key,))
            if hit is not None:
                return hit
        return None

    def _prefix_hit(self, word: str) -> str | None:
        if not self._prefix_tuple or not word.startswith(self._prefix_tuple):
            return None
        return next(name for p, name in self._prefixes if word.startswith(p))

    def match(self, text: str) -> list[tuple[str, int, int]]:
        """Every cue found in text as (aspect, start, end), left to right, longest cue first."""
        return self.match_tokens(tokenize(text))

    def aspects_in(self, text: str) -> tuple[str, ...]:
        """Aspects mentioned in text, in order of first mention; fallbacks only if nothing else."""
        return self.aspects_of(self.match(text))

    def aspects_of(self, matches: list[tuple[str, int, int]]) -> tuple[str, ...]:
        """`aspects_in` for matches already found, e.g. restricted to one clause."""
        names = list(dict.fromkeys(name for name, _, _ in matches))
        specific = [n for n in names if n not in self._fallback]
        return tuple(specific) if specific else tuple(names)

    def resolve(self, word_or_phrase: str) -> str | None:
        """The aspect a question is asking about ("tunes" -> "music"), or None."""
        text = word_or_phrase.strip()
        if text.lower() in {a.name for a in self._aspects}:
            return text.lower()
        found = self.aspects_in(text)
        return found[0] if found else None

    def terms(self) -> tuple[str, ...]:
        """Every single-word cue form, for correcting typos in questions (worked out once: every
        question asks)."""
        if self._terms is None:
            self._terms = tuple(sorted({key[0] for key in self._phrases if len(key) == 1}))
        return self._terms

    def terms_for(self, aspect: str) -> tuple[str, ...]:
        """The single-word cues of one aspect, base forms first, for searching."""
        words = {key[0] for key, name in self._phrases.items() if name == aspect and len(key) == 1}
        return tuple(sorted(words, key=lambda w: (len(w), w)))

    def fallback(self) -> str | None:
        """The aspect for judgements that name nothing in particular."""
        return next((a.name for a in self._aspects if a.fallback), None)
