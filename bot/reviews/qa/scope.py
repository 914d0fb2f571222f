"""Which reviews a question is answered from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.errors import AmbiguousFilm, FilmNotFound, ReviewNotFound
from bot.reviews.qa import films as film_lookup
from bot.reviews.qa.intents import ParsedQuestion, Vocabulary
from bot.reviews.qa.phrasings import RANKING_QUESTION
from bot.reviews.store.base import ReviewStore
from bot.reviews.text.lexicon import dictionary_words
from bot.reviews.types import Conversation, Film, Question, Review, Sentence

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b")
_FIRST_WORD = re.compile(r"^\W*([A-Z][a-z]{2,})\b")
_ID_ONLY = re.compile(r"tt\d+")
# With no film named, these ask about every indexed review: "what did critics think of the
# cinematography?", "which film has the best reviews?".
_ACROSS_CORPUS = re.compile(
    r"\b(which|what|any|all|the) (reviews|critics|films?|movies?|reviewers)\b|\bacross\b"
    r"|\b(critics|reviewers|everyone|everybody)\b"
)


@dataclass
class Scope:
    film: Film | None
    reviews: list[Review]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    corpus_wide: bool = False
    # (review id, sentence number) already shown in this conversation, for "what else?".
    shown: frozenset[tuple[str, int]] = frozenset()
    # Worked out once per scope: the film check and the question parser both ask.
    _guessed: str | None = field(default=None, repr=False, compare=False)
    _people: set[str] | None = field(default=None, repr=False, compare=False)
    _words: set[str] | None = field(default=None, repr=False, compare=False)

    def people(self) -> set[str]:
        """Lower-cased capitalised words that are no sentence's first word, or that no
        dictionary knows ("Bigelow seems to think…"): names, mostly. Not to be changed."""
        if self._people is None:
            self._people = self._names()
        return self._people

    def _names(self) -> set[str]:
        names: set[str] = set()
        dictionary = dictionary_words()
        for sentences in self.sentences.values():
            for sentence in sentences:
                names.update(w.lower() for w in _CAPITALISED.findall(sentence.text))
                first = _FIRST_WORD.match(sentence.text)
                if first and first.group(1).lower() not in dictionary:
                    names.add(first.group(1).lower())
        # A title is no one: "Pranks", where the film's title is unknown; "Rise to Power"; words
        # written only in quotation marks ('I found "Seven Corpses" inferior').
        texts = [s.text for sentences in self.sentences.values() for s in sentences]
        names -= film_lookup.title_run_words(texts, dictionary)
        names -= _quoted_only(texts)
        guessed = self.guessed_title()
        if guessed:
            texts = [s.text for s in self.sentences.get(self.reviews[0].review_id, [])]
            names -= film_lookup.title_only_words(guessed, texts)
        return names

    def guessed_title(self) -> str | None:
        """For one review of a film known only by an id (an IMDb "tt…"), the title it seems to
        go by (`films.guessed_title`); worked out once per scope."""
        if self._guessed is None:
            self._guessed = ""
            if len(self.reviews) == 1 and _ID_ONLY.fullmatch(self.reviews[0].film):
                texts = [s.text for s in self.sentences.get(self.reviews[0].review_id, [])]
                self._guessed = film_lookup.guessed_title(texts, dictionary_words()) or ""
        return self._guessed or None

    def lowercase(self) -> bool:
        """True when the reviews lost their capitals (names can't be told from words)."""
        return not any(
            any(ch.isupper() for ch in sentence.text)
            for sentences in self.sentences.values()
            for sentence in sentences
        )

    def words(self) -> set[str]:
        """Every word of the reviews in scope, lower-cased. Not to be changed."""
        if self._words is None:
            found: set[str] = set()
            for sentences in self.sentences.values():
                for sentence in sentences:
                    found.update(re.findall(r"[\w']+", sentence.text.casefold()))
            self._words = found
        return self._words


def _quoted_only(texts: list[str]) -> set[str]:
    """Lower-cased words a review capitalises only inside quotation marks."""
    inside: set[str] = set()
    outside: set[str] = set()
    for text in texts:
        last = 0
        for a, b in [*film_lookup.quoted_spans(text), (len(text), len(text))]:
            outside.update(w.lower() for w in _CAPITALISED.findall(text[last:a]))
            inside.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", text[a:b]))
            last = b
    return inside - outside


def resolve_scope(
    store: ReviewStore, films: list[Film], question: Question, conversation: Conversation | None
) -> Scope:
    if question.review_id:
        review = store.review(question.review_id)
        if review is None:
            raise ReviewNotFound(f"No review with id '{question.review_id}' is indexed.")
        return _check_named(_load(store, _film_of(review), [review]), films, question)
    film: Film | None = None
    if question.film:
        film = film_lookup.find_film(films, question.film)
    else:
        film = film_lookup.film_in_question(films, question.text)
    if film is None and conversation is not None:
        if conversation.review_id:
            review = store.review(conversation.review_id)
            if review is not None:
                return _check_named(_load(store, _film_of(review), [review]), films, question)
        if conversation.film:
            film = film_lookup.find_film(films, conversation.film)
    if film is None and len(films) == 1:
        film = films[0]
    if film is None:
        if not films:
            raise FilmNotFound("No reviews are indexed yet. Add some with `reviewbot ingest`.")
        lowered = question.text.lower()
        if _ACROSS_CORPUS.search(lowered) or RANKING_QUESTION.search(lowered):
            return Scope(film=None, reviews=[], corpus_wide=True)
        named = film_lookup.unindexed_title(question.text, films, set())
        if named:
            raise FilmNotFound(f"No review of '{named}' is indexed yet.")
        raise AmbiguousFilm(
            "Which film do you mean? I have reviews of "
            f"{len(films)} films, e.g. {', '.join(film_lookup.label(f) for f in films[:5])}. "
            "Name one in the question or choose it with --film.",
            [film_lookup.label(f) for f in films[:25]],
        )
    scope = _load(store, film, store.reviews_of_film(film.title, film.year))
    if question.film is None and film_lookup.film_in_question(films, question.text) is None:
        scope = _check_named(scope, films, question)
    return scope


def _check_named(scope: Scope, films: list[Film], question: Question) -> Scope:
    """A question naming a film we have not indexed must not be answered from another film."""
    if film_lookup.film_in_question(films, question.text) is not None:
        return scope  # "what Chairman of the Board is actually about" names an indexed film
    known = scope.words() | scope.people()
    named = film_lookup.unindexed_title(question.text, films, known)
    if named:
        raise FilmNotFound(f"No review of '{named}' is indexed yet.")
    return scope


def _film_of(review: Review) -> Film:
    return Film(review.film, review.year, 1)


def _load(store: ReviewStore, film: Film, reviews: list[Review]) -> Scope:
    sentences = store.sentences([r.review_id for r in reviews])
    return Scope(film=film, reviews=reviews, sentences=sentences)


def corpus_scope(store: ReviewStore, parsed: ParsedQuestion, vocabulary: Vocabulary) -> Scope:
    """Up to 40 reviews from the whole corpus for a question that names no film."""
    review_ids: list[str] = []
    if parsed.intent in ("likes", "dislikes") and parsed.aspects:
        # Reviews whose opinion labels judge the aspect that way, best first, taking turns
        # between aspects; the word search only when the labels find none.
        polarity = "negative" if parsed.intent == "dislikes" else "positive"
        found = [store.opinion_reviews(aspect, polarity, limit=40) for aspect in parsed.aspects]
        turns = (ids[i] for i in range(40) for ids in found if i < len(ids))
        review_ids = list(dict.fromkeys(turns))[:40]
    if not review_ids:
        terms = list(parsed.keywords)
        for aspect in parsed.aspects:
            terms.extend(vocabulary.terms_for(aspect)[:12])
        hits = store.search(terms, limit=400)
        review_ids = list(dict.fromkeys(h.review_id for h in hits))[:40]
    reviews = store.reviews_by_id(review_ids)
    return Scope(film=None, reviews=reviews, sentences=store.sentences(review_ids))
