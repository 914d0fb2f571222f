"""Answer from the indexed reviews: pick the scope, the intent, the evidence, the words."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.qa import compose, lookup, names, plot, rank, ranking, replies
from bot.reviews.qa import films as film_lookup
from bot.reviews.qa.conversation import follow_up, remember
from bot.reviews.qa.intent_model import IntentReader
from bot.reviews.qa.intents import ParsedQuestion, Vocabulary
from bot.reviews.qa.intents import parse_question as parse
from bot.reviews.qa.phrasings import RATING_QUESTION, YEAR_QUESTION
from bot.reviews.qa.scope import Scope, corpus_scope, resolve_scope
from bot.reviews.qa.topic import not_found, topic_of
from bot.reviews.qa.units import Unit, sentence_unit
from bot.reviews.qa.verdict import Stance, StanceReader, overall_verdict
from bot.reviews.store.base import ReviewStore
from bot.reviews.types import Answer, Film, Point, Question, Review

_OPINION_INTENTS = frozenset({"likes", "dislikes", "aspect"})
_MORE = re.compile(r"\b(all|every|everything|full list|list them|more)\b")
_GENERIC_FALLBACK = (
    "Try asking what the critic liked or disliked, whether they recommend it, or how a part "
    "of the film (acting, music, story, ...) came across."
)


class Answerer:
    def __init__(
        self,
        store: ReviewStore,
        vocabulary: Vocabulary,
        *,
        max_points: int = 6,
        stance: StanceModel | None = None,
        intents: IntentReader | None = None,
    ) -> None:
        self.store = store
        self.intents = intents
        self.vocabulary = vocabulary
        self.max_points = max_points
        self._stances = StanceReader(stance)
        # Opinion words, so "is it funny?" is answered about the humour, not "the funny".
        self._judging = stance.lexicon.opinion_words() if stance is not None else frozenset()

    def _stance_of(self, review: Review, scope: Scope) -> Stance:
        return self._stances.stance(review, scope.sentences.get(review.review_id, []))

    def answer(self, question: Question, films: list[Film]) -> Answer:
        conversation = question.conversation
        scope = resolve_scope(self.store, films, question, conversation)
        # "did they like Heat?" reads as "did they like it?": the title has done its job.
        text = film_lookup.without_title(question.text, scope.film.title if scope.film else None)
        text = film_lookup.without_title(text, scope.guessed_title(), guessed=True)
        parsed = parse(
            text,
            self.vocabulary,
            people=scope.people(),
            words_in_scope=scope.words(),
            model=self.intents,
        )
        parsed = replace(parsed, text=question.text)
        parsed = follow_up(parsed, question.text, conversation)
        limit = question.limit or self.max_points
        if _MORE.search(parsed.normalised) and not parsed.more:
            limit = max(limit, 20)
        if parsed.more and conversation is not None:
            scope.shown = frozenset(conversation.shown)
        answer = self._dispatch(parsed, scope, limit)
        if parsed.guessed and answer.intent == parsed.intent:
            # Said in the JSON, so a reader can tell the rules' readings from the model's.
            answer = replace(answer, extra={**answer.extra, "intent_by": "model"})
        if parsed.more and not answer.points:
            answer = replace(
                answer,
                abstained=True,
                answer="That's everything: the review says nothing more on that.",
            )
        if conversation is not None:
            remember(conversation, answer, scope, parsed)
        return answer

    def _dispatch(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        if scope.corpus_wide:
            return self._corpus_wide(parsed, limit)
        if parsed.intent in _OPINION_INTENTS and not parsed.people:
            nobody = names.unmentioned(parsed, scope.words(), self.vocabulary.terms())
            if nobody is not None:
                return replies.abstain(
                    parsed, scope, f"The review doesn't mention {nobody}.", discussed=True
                )
        other = names.compared_unmentioned(parsed.text, scope.words())
        if other is not None and len(scope.reviews) == 1:
            return replies.abstain(
                parsed, scope, f"The review doesn't compare it with {other}.", discussed=True
            )
        found = lookup.as_fact(parsed, scope, self.vocabulary)
        if found is not None:
            return self._lookup(found[0], scope, limit, found[1])
        handler = {
            "dislikes": self._opinions,
            "likes": self._opinions,
            "verdict": self._verdict,
            "aspect": self._aspect,
            "lookup": self._lookup,
            "plot": self._plot,
            "ending": self._plot,
            "summary": self._summary,
            "ranking": self._ranking,
        }.get(parsed.intent)
        if handler is None:
            return replies.abstain(
                parsed, scope, "I couldn't tell what you're asking. " + _GENERIC_FALLBACK
            )
        return handler(parsed, scope, limit)

    def _opinions(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        polarity = parsed.polarity or "negative"
        units = rank.opinion_candidates(scope.reviews, scope.sentences)
        ranked = rank.spread_aspects(rank.rank_opinions(units, parsed, polarity, self._judging))
        chosen = rank.diversify(ranked, limit, scope.shown)
        points = tuple(u.point() for u in chosen)
        more = rank.remaining(ranked, scope.shown, chosen)
        topic = topic_of(parsed, self.vocabulary, self._judging)
        if not points:
            verb = "criticise" if polarity == "negative" else "praise"
            if topic:
                # Nothing of that polarity: say so, then what the review does say about it.
                fallback = self._aspect(parsed, scope, limit)
                if not fallback.abstained:
                    text = f"The review doesn't {verb} {topic}. " + fallback.answer
                    return replace(fallback, answer=text, intent=parsed.intent)
                return fallback
            return replies.abstain(
                parsed, scope, f"The review doesn't {verb} anything.", discussed=True
            )
        cited = replies.reviews_of(points, scope)
        critics = [r.critic for r in cited]
        if scope.corpus_wide or len(cited) > 1:
            text = compose.across_reviews(points, polarity, topic)
        elif topic:
            verb = "disliked" if polarity == "negative" else "liked"
            text = f"{compose.who(critics)} {verb} these things about {topic}."
        else:
            model = self._stances.model
            lexicon = model.lexicon if model is not None else None
            text = compose.opinion_summary(points, polarity, critics, lexicon)
            stance = self._stance_of(cited[0], scope)
            if stance.verdict not in (polarity, "mixed"):
                # Praise in a pan (or a gripe in a rave) is worth putting in proportion.
                overall = "negative" if polarity == "positive" else "positive"
                text = f"The review is {overall} overall, but " + text[0].lower() + text[1:]
                if all(set(p.aspects) <= {self.vocabulary.fallback()} for p in points):
                    # Remarks that name nothing of the film are no list of its faults.
                    few = "critical remarks" if polarity == "negative" else "kind words"
                    text = f"The review is {overall} overall; its few {few} are these:"
        return replace(replies.answer(parsed, scope, text, points), more=more)

    def _aspect(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        topic = topic_of(parsed, self.vocabulary, self._judging) or "that"
        units = list(rank.opinion_candidates(scope.reviews, scope.sentences))
        on_people = names.about_people(scope.sentences, parsed.people) if parsed.people else set()
        if parsed.people:
            units += rank.performance_mentions(scope.reviews, scope.sentences, on_people)
        ranked = rank.rank_aspect(units, parsed, on_people, self._judging)
        chosen = rank.diversify(ranked, limit, scope.shown)
        more = rank.remaining(ranked, scope.shown, chosen)
        if not chosen:
            mentions = [
                unit
                for r in scope.reviews
                for s in scope.sentences.get(r.review_id, [])
                if rank.mentions(unit := sentence_unit(r, s), parsed.aspects, parsed.people)
            ]
            about = [u for u in mentions if rank.mentions(u, (), parsed.people)]
            # In a cased review an uncapitalised word of the question is no name.
            if about and not parsed.aspects and (not parsed.uncased_people or scope.lowercase()):
                # What the review says about a person, even with no verdict on them, is what
                # the user asked for; say plainly that it is no judgement.
                text = f"The review gives no clear opinion on {topic}, but says this about them:"
                picked = [u for u in about if u.sentence_key not in scope.shown][: min(limit, 3)]
                if picked:
                    return replies.answer(parsed, scope, text, tuple(u.point() for u in picked))
            # A mention in the retelling of the plot is no opinion on it.
            message = (
                f"The review mentions {topic} but gives no opinion on it."
                if mentions
                else f"The review doesn't mention {topic}."
            )
            return replies.abstain(parsed, scope, message, discussed=True)
        points = tuple(u.point() for u in chosen)
        if len(scope.reviews) > 1:
            # Several critics: say where each stands, so a comparison reads as one.
            cited = {p.review_id for p in points}
            named = [r for r in scope.reviews if r.review_id in cited] + [
                r for r in scope.reviews if r.review_id not in cited
            ]
            critics = {r.review_id: replies.critic_name(r, scope) for r in named[:6]}
            text = compose.aspect_across(topic, points, critics)
        else:
            text = compose.aspect_summary(topic, points)
        return replace(replies.answer(parsed, scope, text, points), more=more)

    def _lookup(
        self,
        parsed: ParsedQuestion,
        scope: Scope,
        limit: int,
        ranked: list[tuple[float, Unit]] | None = None,
    ) -> Answer:
        if ranked is None:
            ranked = lookup.rank_lookup(
                scope.reviews, scope.sentences, parsed, self.vocabulary, scope.guessed_title()
            )
        if not ranked or ranked[0][0] < lookup.MIN_COVERAGE:
            if parsed.polarity is not None:
                # "What was their favourite scene?" with no scene named: what did they like?
                intent = "dislikes" if parsed.polarity == "negative" else "likes"
                return self._opinions(replace(parsed, intent=intent), scope, limit)
            message = not_found(parsed)
            if scope.film and scope.film.year and YEAR_QUESTION.search(parsed.normalised):
                # Not the review's words, but what the index was told.
                message += f" It is indexed as {film_lookup.label(scope.film)}."
            return replies.abstain(parsed, scope, message, discussed=True)
        chosen = rank.diversify(ranked, min(limit, 3), scope.shown)
        points = tuple(u.point() for u in chosen)
        best = points[0]
        text = f"The review says: “{best.text}”"
        person = (
            names.person_in(best.text, parsed, best.film or "", scope.guessed_title())
            if parsed.wh == "who"
            else None
        )
        if person is not None:
            # The short answer first, then the sentence it comes from.
            text = f"{person} — the review says: “{best.text}”"
        return replies.answer(parsed, scope, text, points)

    def _plot(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        if parsed.intent == "ending":
            found = plot.ending_answer(scope, parsed, limit)
            if found is None:
                message = "The review doesn't say how the film ends."
                if plot.unsaid_event(scope, parsed):
                    message = "The review doesn't say whether that happens."
                elif not plot.asks_what_happens(parsed):
                    message = "The review doesn't say what the critic made of the ending."
                    if plot.ending(plot.plot_units(scope), limit):
                        message += " It does tell how the film ends: ask “how does it end?”."
                return replies.abstain(parsed, scope, message, discussed=True)
            return replies.answer(parsed, scope, *found)
        # A review that retells nothing may still say what the film is about, in an opinion.
        text, points = plot.retelling(scope, plot.plot_units(scope), self._judging, limit)
        if not points:
            return replies.abstain(
                parsed, scope, "The review doesn't retell the plot.", discussed=True
            )
        return replies.answer(parsed, scope, text, points)

    def _verdict(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        points: list[Point] = []
        verdicts = []
        rating = None
        for review in scope.reviews:
            stance = self._stance_of(review, scope)
            verdicts.append(stance.verdict)
            rating = rating or stance.rating
            # The sentence giving the score, then the one that best shows the verdict.
            for sentence in dict.fromkeys(s for s in (stance.rated_in, stance.evidence) if s):
                points.append(sentence_unit(review, sentence).point())
        verdict = overall_verdict(verdicts)
        who = compose.who([r.critic for r in scope.reviews])
        if len(scope.reviews) == 1:
            # Mid-sentence after "Yes —", "The critic (IMDb user)" reads "the critic (IMDb user)".
            inner = "t" + who[1:] if who.startswith("The ") else who
            text = {
                "positive": f"Yes — {inner} liked it",
                "negative": f"No — {inner} did not like it",
                "mixed": f"{who} had mixed feelings about it",
            }[verdict]
            text = text[0].upper() + text[1:]
            text += f" (rated {rating})." if rating else "."
            if rating is None and RATING_QUESTION.search(parsed.normalised):
                text = f"The review gives no rating, but it reads as {verdict}."
            if not points and verdict != "mixed":
                text += " No one sentence says so; that is how the review reads as a whole."
        else:
            counts = {v: verdicts.count(v) for v in ("positive", "negative", "mixed")}
            text = (
                f"Of {len(verdicts)} reviews, {counts['positive']} positive, "
                f"{counts['negative']} negative and {counts['mixed']} mixed."
            )
        answer = replies.answer(parsed, scope, text, tuple(points[:limit]))
        return replies.with_verdict(answer, verdict=verdict, rating=rating)

    def _ranking(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        """Films ranked by their reviews' stored verdicts, each backed by its most convinced
        review's verdict quote."""
        polarity = parsed.polarity or "positive"
        tallies = self.store.film_verdicts()
        ranked = ranking.rank_films(tallies, polarity)
        if not ranked:
            kind = "no" if tallies else "no stored"
            return replies.abstain(parsed, scope, f"The reviews have {kind} {polarity} verdicts.")
        points = ranking.evidence(self.store, self._stances, ranked[:3], polarity)
        text = ranking.ranking_text(ranked[: max(limit, 5)], polarity, len(tallies))
        return replies.answer(parsed, scope, text, points[:limit])

    def _summary(self, parsed: ParsedQuestion, scope: Scope, limit: int) -> Answer:
        verdict = self._verdict(parsed, scope, 1)
        units = list(rank.opinion_candidates(scope.reviews, scope.sentences))
        cons = rank.diversify(rank.rank_opinions(units, parsed, "negative", self._judging), 3)
        pros = rank.diversify(rank.rank_opinions(units, parsed, "positive", self._judging), 2)
        seen = {(p.review_id, p.sentence) for p in verdict.points}
        extra = [u.point() for u in cons + pros if u.sentence_key not in seen]
        points = (verdict.points + tuple(extra))[:limit]
        parts = [verdict.answer]
        if cons:
            parts.append(
                "Criticised: "
                + compose.join_words(
                    [
                        compose.aspect_phrase(a)
                        for a in compose.aspects_of([u.point() for u in cons])
                    ]
                )
                + "."
            )
        if pros:
            parts.append(
                "Praised: "
                + compose.join_words(
                    [
                        compose.aspect_phrase(a)
                        for a in compose.aspects_of([u.point() for u in pros])
                    ]
                )
                + "."
            )
        answer = replies.answer(parsed, scope, " ".join(parts), points)
        return replies.with_verdict(answer, verdict=verdict.verdict, rating=verdict.rating)

    def _corpus_wide(self, parsed: ParsedQuestion, limit: int) -> Answer:
        if parsed.intent == "ranking":
            return self._ranking(parsed, Scope(film=None, reviews=[], corpus_wide=True), limit)
        scope = corpus_scope(self.store, parsed, self.vocabulary)
        if parsed.intent in ("likes", "dislikes"):
            return self._opinions(parsed, scope, limit)
        if parsed.aspects or parsed.people:
            return self._aspect(parsed, scope, limit)
        return self._lookup(parsed, scope, limit)


__all__ = ["Answerer", "Unit"]
