"""Each intent on reviews other than the seed: what is cited, what never is, when to abstain."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.errors import FilmNotFound
from bot.reviews.qa import films as film_lookup
from bot.reviews.qa import places
from bot.reviews.service import ReviewService
from bot.reviews.types import Answer, Conversation, Question

# Made-up reviews written for these tests (not real critics' words).
FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


@pytest.fixture
def films(service: ReviewService) -> ReviewService:
    service.ingest_paths_sync([FIXTURES / "heat.txt", FIXTURES / "dune.md"])
    return service


def ask(service: ReviewService, text: str, **kw: object) -> Answer:
    return service.ask_sync(Question(text, **kw))  # type: ignore[arg-type]


def cited(answer: Answer) -> str:
    return " | ".join(p.text for p in answer.points)


def test_dislikes_cite_criticism_only(films: ReviewService) -> None:
    answer = ask(films, "What did the critic dislike about Heat?")
    assert answer.intent == "dislikes" and not answer.abstained
    assert "clumsy and far too long" in cited(answer)
    assert "superb" not in cited(answer)
    assert "neglecting his marriage" not in cited(answer)
    assert all(p.polarity in ("negative", "mixed") for p in answer.points)


def test_likes_cite_praise_only(films: ReviewService) -> None:
    answer = ask(films, "what did they like?", film="Heat")
    text = cited(answer)
    assert "The acting is superb" in text
    assert "clumsy" not in text
    assert "thieves plans one last score" not in text


def test_a_mixed_sentence_is_quoted_by_its_clause(films: ReviewService) -> None:
    answer = ask(films, "what were the negatives?", film="Dune")
    stiff = [p for p in answer.points if "dialogue is often stiff" in p.text]
    assert stiff, cited(answer)
    assert "convincing performance" not in stiff[0].text
    likes = ask(films, "what did they praise?", film="Dune")
    assert "dialogue is often stiff" not in cited(likes)


def test_verdict_uses_a_stated_rating_or_infers_one(films: ReviewService) -> None:
    dune = ask(films, "would they recommend it?", film="Dune")
    assert (dune.intent, dune.verdict, dune.rating) == ("verdict", "positive", "4/5")
    heat = ask(films, "did the critic like Heat?")
    assert (heat.verdict, heat.rating) == ("positive", None)
    assert heat.points and heat.answer.startswith("Yes")


def test_aspect_and_person_questions(films: ReviewService) -> None:
    acting = ask(films, "how was the acting?", film="Heat")
    assert acting.intent == "aspect"
    assert "De Niro and Pacino are magnetic" in acting.points[0].text
    person = ask(films, "was Chalamet any good?", film="Dune")
    assert "convincing performance" in cited(person)


def test_lookup_puts_the_fact_first(films: ReviewService) -> None:
    answer = ask(films, "where do the thieves plan their score?", film="Heat")
    assert answer.intent == "lookup"
    assert "Los Angeles" in answer.points[0].text


def test_plot_answers_from_plot_and_endings_are_spoilers(films: ReviewService) -> None:
    plot = ask(films, "what is Dune about?")
    assert plot.intent == "plot"
    assert "Arrakis" in cited(plot)
    assert "breathtaking" not in cited(plot)
    # Its retelling stops at the set-up: nothing says how things end.
    ending = ask(films, "how does it end?", film="Dune")
    assert ending.intent == "ending" and ending.abstained and not ending.points
    assert ending.answer.startswith("The review doesn't say how the film ends.")


def test_a_retelling_that_reaches_the_end_is_told_behind_spoilers(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Harbour",
        "A fisherman finds a body in his nets. He hides it from the police. His brother starts "
        "to ask questions. The town turns against the family. Eventually the fisherman confesses "
        "and leaves the harbour for good. The photography is gorgeous.",
    )
    ending = ask(service, "how does it end?", film="Harbour")
    assert ending.intent == "ending" and not ending.abstained
    assert "confesses" in cited(ending) and "gorgeous" not in cited(ending)
    assert all(p.spoiler for p in ending.points)
    assert "spoiler" in ending.answer.lower()


def test_abstains_when_the_review_does_not_say(films: ReviewService) -> None:
    music = ask(films, "what did they think of the music?", film="Heat")
    assert music.abstained and not music.points
    assert "the music" in music.answer
    assert "acting" in music.answer  # says what the review does discuss
    director = ask(films, "who directed it?", film="Heat")
    assert director.abstained
    assert director.answer.startswith("The review doesn't say who directed it.")
    # A question that does not read as a clause is quoted as asked, not mangled.
    first_seen = ask(films, "where did they first catch this movie", film="Heat")
    assert first_seen.abstained
    assert "“where did they first catch this movie?”" in first_seen.answer
    nonsense = ask(films, "blorp zxcv qwerty?", film="Heat")
    assert nonsense.abstained


def test_a_film_that_is_not_indexed_is_named(films: ReviewService) -> None:
    with pytest.raises(FilmNotFound, match="Casablanca"):
        ask(films, "What did the critic think of Casablanca?")


def test_follow_ups_use_the_conversation(films: ReviewService) -> None:
    conversation = Conversation()
    first = ask(films, "what did the critic dislike about Dune?", conversation=conversation)
    assert first.film == "Dune" and conversation.film == "Dune"
    follow = ask(films, "and the acting?", conversation=conversation)
    assert follow.film == "Dune" and not follow.abstained
    verdict = ask(films, "did they like it?", conversation=conversation)
    assert verdict.verdict == "positive"
    why = ask(films, "why?", conversation=conversation)
    assert why.intent == "likes" and why.points


def test_what_else_moves_on_to_points_not_yet_shown(seeded: ReviewService) -> None:
    conversation = Conversation()
    first = ask(seeded, "what did the critic dislike?", limit=3, conversation=conversation)
    more = ask(seeded, "what else?", conversation=conversation)
    assert more.intent == "dislikes" and more.points
    assert all(p.polarity in ("negative", "mixed") for p in more.points)
    assert not {p.sentence for p in first.points} & {p.sentence for p in more.points}
    for _ in range(10):  # the review runs out of complaints, and says so
        more = ask(seeded, "what else?", conversation=conversation)
    assert more.abstained and not more.points and "nothing more" in more.answer


def test_answers_across_reviews_name_each_critic(films: ReviewService) -> None:
    films.ingest_paths_sync([FIXTURES / "heat-second.md"])
    answer = ask(films, "what did critics like about Heat?")
    critics = {p.critic for p in answer.points}
    assert critics == {"Another Test Critic", "Third Test Critic"}
    assert "Another Test Critic" in answer.answer and "Third Test Critic" in answer.answer
    verdict = ask(films, "did critics like Heat?")
    assert verdict.verdict == "positive"
    assert re.search(r"Of 2 reviews", verdict.answer)


def test_answers_are_deterministic(films: ReviewService) -> None:
    first = ask(films, "What did the critic dislike about Heat?").as_json()
    second = ask(films, "What did the critic dislike about Heat?").as_json()
    assert first == second


@pytest.fixture
def harbour(service: ReviewService) -> ReviewService:
    service.ingest_paths_sync([FIXTURES / "harbour.txt"])
    return service


def test_a_lower_case_review_is_quoted_sentence_by_sentence(harbour: ReviewService) -> None:
    answer = ask(harbour, "what did the critic dislike?")
    assert answer.points
    # Each point is one judgement, not the whole review run together.
    assert all(len(p.text.split()) <= 30 for p in answer.points), cited(answer)
    assert "without a single surprise" in cited(answer)
    assert "niece helps him search" not in cited(answer)


def test_agreeing_clauses_are_quoted_together(service: ReviewService) -> None:
    # A long sentence is quoted by its clauses; its first two make one complaint, not two.
    service.ingest_paths_sync([FIXTURES.parent / "agreeing.txt"])
    answer = ask(service, "what were the negatives?")
    assert any(
        "slow, repetitive, and without a single surprise" in p.text for p in answer.points
    ), cited(answer)


def test_a_person_is_judged_by_the_sentence_about_their_performance(
    harbour: ReviewService,
) -> None:
    # "aiding him is the harbour master, played in a wooden performance by tom keel" reads as a
    # cast list to the plot model (subjectivity well under the opinion threshold).
    keel = ask(harbour, "how was tom keel?")
    assert not keel.abstained
    assert "wooden performance" in cited(keel)
    assert "Tom Keel" in keel.answer  # the name stays whole, not "Tom and Keel"


def test_a_favourite_question_looks_up_the_named_thing(harbour: ReviewService) -> None:
    answer = ask(harbour, "what was their favourite scene?")
    assert answer.intent == "lookup"
    assert "storm at the lighthouse" in answer.points[0].text
    # Nothing named "favourite" to find: read as a question about what they liked.
    fallback = ask(harbour, "what was their favourite thing about the photography?")
    assert not fallback.abstained and "gorgeous" in cited(fallback)


def test_a_rating_question_without_a_rating_says_so(films: ReviewService) -> None:
    heat = ask(films, "what's the rating?", film="Heat")
    assert heat.rating is None and heat.verdict == "positive"
    assert heat.answer.startswith("The review gives no rating")
    dune = ask(films, "what's the rating?", film="Dune")
    assert dune.rating == "4/5" and "no rating" not in dune.answer


def test_a_judgement_word_in_the_question_names_the_aspect(harbour: ReviewService) -> None:
    # The Harbour's critic calls its script slow: that is the answer to "too long?".
    answer = ask(harbour, "was it too long?")
    assert not answer.abstained and "the too long" not in answer.answer
    assert "slow" in cited(answer)
    assert all(p.polarity == "negative" for p in answer.points)


def test_abstaining_on_a_judgement_word_names_the_aspect(seeded: ReviewService) -> None:
    answer = ask(seeded, "was it too long?")  # the seed review never discusses its length
    assert answer.abstained
    assert "the too long" not in answer.answer and "pacing" in answer.answer


def test_comparing_critics_on_an_aspect_names_each_one(service: ReviewService) -> None:
    service.ingest_paths_sync([FIXTURES / "heat.txt", FIXTURES / "heat-second.md"])
    answer = ask(service, "compare the critics on the acting in Heat")
    assert answer.intent == "aspect" and not answer.abstained
    critics = {p.critic for p in answer.points}
    # Every critic of the film is accounted for, with or without a word on the acting.
    for review in service.store.reviews_of_film("Heat", 1995):
        assert review.critic is not None and review.critic in answer.answer
    assert critics <= {r.critic for r in service.store.reviews_of_film("Heat", 1995)}


def test_rhetorical_questions_and_disagreeing_clauses_are_not_praise(
    service: ReviewService,
) -> None:
    service.ingest_paths_sync([FIXTURES.parent / "rhetorical.txt"])
    answer = ask(service, "what did they like?")
    assert "gorgeous score" in cited(answer)
    # Sarcasm and a puzzled aside, though full of "wonderful", "loves" and "beautiful".
    assert "Isn't it wonderful" not in cited(answer)
    assert "I thought he loved her beautiful voice" not in cited(answer)
    # Praise the film only would have earned, or that the critic hoped for, is not praise.
    assert "wonderful, gripping ride" not in cited(answer)
    assert "ending would be brilliant" not in cited(answer)


def test_a_judgement_word_in_the_question_is_answered_by_its_aspect(seeded: ReviewService) -> None:
    answer = ask(seeded, "is it funny?")  # the seed review says nothing of humour
    assert answer.abstained
    assert "the humour" in answer.answer and "the funny" not in answer.answer


def test_a_framing_fragment_is_not_quoted_as_a_point(seeded: ReviewService) -> None:
    answer = ask(seeded, "what did the critic dislike? list them all")
    assert len(answer.points) > 6
    assert not {"I dunno", "The only problem is"} & {p.text for p in answer.points}


def test_a_lower_cased_review_still_answers_about_people_and_things(
    service: ReviewService,
) -> None:
    service.ingest_paths_sync([FIXTURES.parent / "lowercase.txt"])
    person = ask(service, "how was ashby?")
    assert "Ashby" in person.answer and "wonderful" in cited(person)
    thing = ask(service, "any good scenes?")
    assert "Scenes" not in thing.answer
    assert "scenes at sea are dull" in cited(thing)


def test_a_line_of_the_films_dialogue_is_no_judgement(service: ReviewService) -> None:
    service.ingest_paths_sync([FIXTURES.parent / "dialogue.txt"])
    dislikes = ask(service, "what did they dislike?")
    assert "sound, sadly, is awful" in cited(dislikes)
    assert "that's not nice" not in cited(dislikes)
    likes = ask(service, "what did they like?")
    assert "I loved it" in cited(likes) and "I love you, I adore you" not in cited(likes)


def test_a_who_lookup_answers_with_the_name_first(seeded: ReviewService) -> None:
    answer = ask(seeded, "who was poorly cast?")
    assert answer.answer.startswith("Ryan Gosling — the review says:")
    assert "poorly cast as a jazz pianist" in cited(answer)


def test_an_answer_says_how_many_more_points_what_else_would_show(seeded: ReviewService) -> None:
    conversation = Conversation()
    first = ask(seeded, "what did the critic dislike?", limit=3, conversation=conversation)
    assert first.more > 0 and first.as_json()["more"] == first.more
    rest = ask(seeded, "what else?", conversation=conversation, limit=first.more)
    assert len(rest.points) == first.more and rest.more == 0


def index_text(service: ReviewService, tmp_path: Path, film: str, text: str) -> None:
    """Index one review of `film` given as its text (id: the film's name, lower-cased)."""
    path = tmp_path / f"{film.lower()}.jsonl"
    path.write_text(json.dumps({"id": film.lower(), "film": film, "text": text}))
    service.ingest_paths_sync([path])


WAR_FILM = (
    "Bigelow seems to think that more explosions make a better film. Sadly she is wrong, and "
    "the action numbs rather than thrills. Filming took less than a month, and it shows. The "
    "desert looks flat and grey. The score is forgettable."
)


@pytest.fixture
def war_film(service: ReviewService, tmp_path: Path) -> ReviewService:
    index_text(service, tmp_path, "Sand", WAR_FILM)
    return service


def test_a_person_named_only_at_sentence_starts_is_found_with_what_follows(
    war_film: ReviewService,
) -> None:
    # "Bigelow" only ever opens a sentence, and the next sentence goes on about her as "she".
    answer = ask(war_film, "did they like bigelow's directing?")
    assert not answer.abstained
    text = cited(answer)
    assert "Bigelow seems to think" in text and "she is wrong" in text
    assert "score is forgettable" not in text


def test_a_how_long_question_about_something_named_is_looked_up_by_its_words(
    war_film: ReviewService,
) -> None:
    answer = ask(war_film, "how long did filming take?")
    assert answer.intent == "lookup" and not answer.abstained
    assert "took less than a month" in answer.points[0].text


def test_a_plot_question_starts_from_what_the_film_is_about(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "It is a moving portrayal of a lighthouse keeper's last winter. He rows out every "
        "morning. His daughter arrives in March. The photography is wonderful."
    )
    index_text(service, tmp_path, "Keeper", text)
    answer = ask(service, "what's the film about?")
    assert answer.intent == "plot"
    assert "portrayal of a lighthouse keeper" in answer.points[0].text
    assert "photography is wonderful" not in cited(answer)


def test_a_person_the_review_only_describes_is_shown_without_a_verdict(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The heist goes wrong in the second reel. Meanwhile the sheriff, Rip Torn, chases the "
        "gang across the border. The score is thrilling and the pacing never flags."
    )
    index_text(service, tmp_path, "Border", text)
    answer = ask(service, "what do they say about rip torn?")
    assert not answer.abstained
    assert answer.answer.startswith("The review gives no clear opinion on Rip Torn")
    assert [p.sentence for p in answer.points] == [2]
    # An aspect only retold in the plot still gets the plain "no opinion" answer.
    assert ask(service, "how was the heist?").abstained


def test_an_ending_judged_in_other_words_is_the_ending(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The chases are loud. The biggest disappointment is that you can easily figure out how "
        "the whole thing is going to end. The cast tries hard."
    )
    index_text(service, tmp_path, "Chase", text)
    answer = ask(service, "does the ending catch you off guard?")
    assert answer.intent == "ending" and not answer.abstained
    assert "going to end" in answer.points[0].text
    # A judgement of the ending gives it away too: hidden, with the stance said plainly.
    assert all(p.spoiler for p in answer.points)
    assert "Spoiler warning" in answer.answer and "did not like it" in answer.answer
    assert "going to end" not in answer.answer


def test_a_premise_told_in_the_first_person_is_plot_not_a_complaint(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The editing is annoying and the effects are weak. I think the plot was that Mary and "
        "Jacques go on a mystical road trip. They meet a lot of wacky characters."
    )
    index_text(service, tmp_path, "Trip", text)
    assert "road trip" not in cited(ask(service, "main gripes?"))
    plot = ask(service, "what happens in it?")
    assert plot.intent == "plot" and "road trip" in plot.points[0].text


def test_a_review_that_only_sketches_the_premise_does_not_tell_the_ending(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "Two friends set off on a road trip across Spain. They meet some odd people on the "
        "way. The photography is lovely but the script is thin."
    )
    index_text(service, tmp_path, "Road", text)
    answer = ask(service, "how does it end?")
    assert answer.abstained and "doesn't say how the film ends" in answer.answer


def test_a_full_retelling_tells_the_ending(seeded: ReviewService) -> None:
    answer = ask(seeded, "how does it end?")
    assert not answer.abstained and all(p.spoiler for p in answer.points)


ADAPTED_FILM = (
    "Anna Berg has adapted her own stage play for the screen, and it shows in the talky second "
    "half. The two leads are charming. The photography is flat. The film won the jury prize at "
    "a small festival in Oslo. The score is pleasant enough."
)


def test_a_lookup_meets_the_review_in_other_words(service: ReviewService, tmp_path: Path) -> None:
    # "based" and "award" are nowhere in the review: "adapted" and "prize" are.
    index_text(service, tmp_path, "Stage", ADAPTED_FILM)
    based = ask(service, "is it based on anything?")
    assert not based.abstained and "adapted her own stage play" in based.points[0].text
    award = ask(service, "did it win any awards?")
    assert not award.abstained and "jury prize" in award.points[0].text
    # Nothing near "budget" is said: still no answer.
    assert ask(service, "what was the budget?").abstained


LOWE_FILM = (
    "The script is a mess from start to finish. The only good thing about this film was Dana "
    "Lowe. She gave the part everything she had. You really did get a sense of the period. She "
    "was superb and will never get the credit for it. The ending is silly."
)


def test_a_person_stays_the_subject_across_a_sentence_without_names(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Period", LOWE_FILM)
    answer = ask(service, "was dana lowe any good?")
    assert "She was superb" in cited(answer)
    assert "The ending is silly" not in cited(answer)


LOWER_CASE_FILM = (
    "a journalist and her sister test an old legend and end up in trouble . "
    "the sister's thoroughly unlikable husband ( brent kazmarek ) is the best thing in it . "
    "the pacing is slack and the ending is a letdown ."
)


def test_who_in_a_review_that_lost_its_capitals(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Legend", LOWER_CASE_FILM)
    husband = ask(service, "who plays the husband?")
    assert not husband.abstained and "kazmarek" in husband.points[0].text
    # The journalist is mentioned, but nothing names who plays her.
    assert ask(service, "who plays the journalist?").abstained


UNCASED_CAST = (
    "a retired sailor takes his grandson to see the lighthouse where he met his late wife . "
    "the sailor , played with gruff charm by walter brennick , carries the whole thing . "
    "his grandson spends the trip sulking at the back of the virtually neccessary kids club . "
    "the pair are hunted by a corrupt harbour master , and brennick gets one good speech about "
    "the sea . rose hart has a small but good role as marta , the keeper's widow ."
)


def test_a_lower_case_review_names_a_player_only_where_a_part_is_cast(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Lighthouse", UNCASED_CAST)
    sailor = ask(service, "who plays the sailor?")
    assert not sailor.abstained and "walter brennick" in sailor.points[0].text
    # A first name that is also a word ("rose hart") still casts the part named.
    assert "rose hart" in ask(service, "who plays marta?").points[0].text
    # "his grandson" belongs to the sailor; nothing names who plays the boy, and "neccessary"
    # is a slip of the keyboard, not a name.
    assert ask(service, "who plays the grandson?").abstained
    assert ask(service, "the kids in it, who are the child actors?").abstained
    # A sentence meeting only the name asked about says nothing of who framed him.
    assert ask(service, "the guy who frames brennick - which actor is that").abstained
    # A surname one letter from a common word is a name all the same.
    index_text(service, tmp_path, "Parish", "the priest ( walken ) steals every scene .")
    assert "walken" in ask(service, "who plays the priest?", film="Parish").points[0].text


def test_this_thing_is_the_film_not_a_word_to_look_up(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The only thing it had going for it was Julie Newmar. Everything else about this thing "
        "is a mess, and the jokes fall flat."
    )
    index_text(service, tmp_path, "Mess", text)
    assert ask(service, "who directed this thing?").abstained


def test_a_pronoun_further_in_a_sentence_naming_no_one_carries_the_person(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The cast tries hard. I don't think Marlowe really thought the film out. Many of the "
        "scenes seem cut short, as if he never knew how to finish them. The music is fine."
    )
    index_text(service, tmp_path, "Cut", text)
    answer = ask(service, "thoughts on marlowe's direction?")
    assert "Many of the scenes seem cut short" in cited(answer)
    assert "The music is fine" not in cited(answer)


def test_the_film_s_title_is_read_as_a_name_not_a_judgement(
    service: ReviewService, tmp_path: Path
) -> None:
    # Lower-cased, "don't say a word" would negate the loss that follows it.
    text = (
        "the cast is decent . don't say a word loses the audience inside of 15 minutes . "
        "the score is loud ."
    )
    index_text(service, tmp_path, "Don't Say a Word", text)
    liked = ask(service, "what did they like?")
    assert "loses the audience" not in cited(liked)
    disliked = ask(service, "what did they dislike?")
    assert "loses the audience" in cited(disliked)


def test_runtime_and_name_questions_want_a_duration_and_a_name(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "Every minute of the movie is rich and engrossing. The directors clearly love the old "
        "city. It is a joy from start to finish."
    )
    index_text(service, tmp_path, "Joy", text)
    # "minute" is no running time, and "the directors" names no one.
    assert ask(service, "whats the runtime").abstained
    assert ask(service, "whats the directors name").abstained
    index_text(service, tmp_path, "Long", "At 104 minutes it drags. The cast is fine.")
    runtime = ask(service, "what's the runtime?", film="Long")
    assert not runtime.abstained and "104 minutes" in runtime.points[0].text


def test_who_they_would_recommend_it_to_is_a_kind_of_viewer(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "The effects are cheap and the plot is thin. Still, I would definitely recommend this to "
        "anyone who grew up on old matinees."
    )
    index_text(service, tmp_path, "Matinee", text)
    answer = ask(service, "who would they reccomend it to")
    assert not answer.abstained and "recommend this to anyone" in answer.points[0].text


def test_remarks_that_name_nothing_in_a_rave_are_no_list_of_faults(
    service: ReviewService, tmp_path: Path
) -> None:
    text = (
        "This is a beautiful, moving film and the acting is superb. The photography is gorgeous. "
        "There is the depressing fact that in this place no one wants a little girl. I loved "
        "every minute and I recommend it to everyone."
    )
    index_text(service, tmp_path, "Masks", text)
    answer = ask(service, "did they have any complaints about it")
    assert answer.answer.startswith("The review is positive overall; its few critical remarks")


CREW_FILM = (
    "Veteran director Ines Korda keeps the story moving at a steady clip. The subtitles are "
    "clear and easy to follow. The cast is uniformly fine."
)


def test_a_cue_phrase_in_a_lookup_stands_for_its_aspect(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Korda", CREW_FILM)
    # "behind the camera" names the direction, and the review says "director".
    crew = ask(service, "who's behind the camera on this one?")
    assert not crew.abstained and "Ines Korda" in crew.answer
    # Chat shorthand: "subs" are subtitles.
    subs = ask(service, "are there subs?")
    assert not subs.abstained and "subtitles" in subs.points[0].text
    # An age rating is a fact the review doesn't give, not the critic's score.
    rated = ask(service, "is it rated R?")
    assert rated.intent == "lookup" and rated.abstained


PARTY_FILM = (
    "The party scenes go on forever. The only thing it had going for it was Nora Vance, who was "
    "as sultry as ever; other than her, this thing has absolutely nothing to recommend it. The "
    "ending is bleak."
)


def test_a_long_sentence_is_quoted_by_the_clause_that_judges(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Party", PARTY_FILM)
    answer = ask(service, "what did they dislike?")
    texts = [p.text for p in answer.points]
    assert any("nothing to recommend it" in t for t in texts)
    # The praise sharing that sentence (28 words) is not quoted among the dislikes.
    assert not any("sultry" in t for t in texts)


HARBOUR_FILM = (
    "A fisherman finds a locked chest in his nets. He takes it home to his daughter. Smugglers "
    "come looking for it that night. In the end the daughter sinks the chest in the harbour. "
    "The acting is wooden throughout. The final scene is beautifully shot and genuinely moving."
)


def test_an_ending_answer_leads_with_what_was_asked(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Harbour", HARBOUR_FILM)
    judged = ask(service, "how's the ending?")
    assert judged.intent == "ending" and "final scene" in judged.points[0].text
    assert "they liked it" in judged.answer and "wooden" not in cited(judged)
    told = ask(service, "how does it end?")
    texts = [p.text for p in told.points]
    sinks = next(i for i, t in enumerate(texts) if "sinks the chest" in t)
    assert sinks < next(i for i, t in enumerate(texts) if "final scene" in t)
    assert all(p.spoiler for p in judged.points + told.points)


SATIRE_SHOW = (
    'I first saw "The Dolly and Max Show" in 1988. Dolly was voiced with real venom. Max '
    "was a puppet with a big nose. The whole cast had been together several years by then. "
    "The long two-hour special used strong language."
)


def test_a_lookup_wants_an_answer_of_the_kind_asked_for(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Puppets", SATIRE_SHOW)
    # Only "Max" is named near "voiced", and Max is the one asked about; the quoted name is a
    # title, nobody who could do the voice.
    assert ask(service, "who does the voice of max?").abstained
    # "several years" is no year; "1988" is.
    assert "1988" in ask(service, "what year did they first see it?").points[0].text
    assert "several years" not in cited(ask(service, "what year is it from?"))
    # One word of the review ("language") does not stand in for three of the question.
    assert ask(service, "is it in spanish with subtitles or dubbed?").abstained


UNTITLED = (
    "One of many slashers of the early eighties, Pranks is notable only for an early "
    "performance by Daphne Zuniga. Director Jeffrey Obrow delivers a tedious and unexciting "
    'horror. The deaths are brief and not that gory. It reminded me of "Friday the 13th" '
    'and "Friday the 13th" is better.'
)


def test_a_title_the_review_goes_by_is_the_film_not_a_person(
    service: ReviewService, tmp_path: Path
) -> None:
    # The film is known only by its IMDb id; the review calls it "Pranks".
    path = tmp_path / "untitled.jsonl"
    path.write_text(json.dumps({"id": "u1", "film": "tt0082279", "text": UNTITLED}))
    service.ingest_paths_sync([path])
    gripes = ask(service, "what made pranks such a slog for them?", review_id="u1")
    assert gripes.intent == "dislikes" and "tedious and unexciting" in cited(gripes)
    director = ask(service, "who's the director behind pranks?", review_id="u1")
    assert not director.abstained and director.answer.startswith("Jeffrey Obrow")
    # A title that is another film's, named in a comparison, stays a title.
    assert "Friday" in ask(service, "is it better than friday the 13th?", review_id="u1").answer


SUNSHINE = (
    "The Sunshine Boys is one of the best films of the 70's. Matthau and Burns were terrific in "
    "it. The Sunshine Boys was shot in New York. The ending drags a little."
)


def test_a_title_said_to_be_a_film_is_the_film_not_people(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "sunshine.jsonl"
    path.write_text(json.dumps({"id": "s1", "film": "tt0073766", "text": SUNSHINE}))
    service.ingest_paths_sync([path])
    likes = ask(service, "what did they love about the sunshine boys", review_id="s1")
    assert "terrific" in cited(likes)


def test_a_question_may_name_the_film_by_its_subtitle_or_without_apostrophes(
    service: ReviewService, tmp_path: Path
) -> None:
    for film, text in (
        ("Star Trek: Insurrection", "A lively voyage with first rate acting. I recommend it."),
        ("Dante's Peak", "A dull, silly disaster film. Skip it."),
    ):
        index_text(service, tmp_path, film, text)
    trek = ask(service, "so is insurrection actually good or what")
    assert (trek.intent, trek.verdict) == ("verdict", "positive")
    peak = ask(service, "is dantes peak worth watching or nah")
    assert (peak.intent, peak.verdict) == ("verdict", "negative")
    # Without its punctuation or its leading article, the title is still the film, not words
    # to look up or people to judge (the article is only dropped from titles of four words or
    # more: "great escape" may be any great escape).
    for film, text in (
        ("Urban Myths: The Last Cut", "A dreary, joyless slasher. Avoid it."),
        ("The Duke of Kent", "A witty, warm and lovely comedy. See it."),
    ):
        index_text(service, tmp_path, film, text)
    myths = ask(service, "urban myths the last cut... watch it or skip it")
    assert (myths.film, myths.intent, myths.verdict) == (
        "Urban Myths: The Last Cut",
        "verdict",
        "negative",
    )
    duke = ask(service, "duke of kent - actually good or just hype", film="The Duke of Kent")
    path = tmp_path / "faceoff.jsonl"
    path.write_text(
        json.dumps({"id": "faceoff", "film": "Face/Off", "text": "A gleeful ride. See it."})
    )
    service.ingest_paths_sync([path])
    face = ask(service, "is face/off any good?", film="Face/Off")
    assert (face.intent, face.verdict) == ("verdict", "positive")
    assert (duke.film, duke.intent, duke.verdict) == ("The Duke of Kent", "verdict", "positive")


CORPSES = (
    "A director and his crew film at the Beal mansion, where seven deaths took place. Even though "
    "director Paul Harrison's clunky direction builds a few moody scenes, it bores. How can a "
    "movie with Amy, Posey and Raechel be this dull? My only guess for the DVD release is that "
    "Suzanne Summers is featured in the film. My favourite scenes are the ones in the cellar."
)


def test_who_holds_a_job_and_who_is_in_it(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Corpses", CORPSES)
    # The job put to a name answers, not a director in the story who shares the question's words.
    director = ask(service, "who directed seven corpses, anyone known?")
    assert director.answer.startswith("Paul Harrison")
    # The asker's guess after the comma names no part to look for.
    starring = ask(service, "whos starring, is it the snl girls")
    assert not starring.abstained and "Amy, Posey and Raechel" in cited(starring)
    faces = ask(service, "any famous faces in it?")
    assert faces.answer.startswith("Suzanne Summers")
    favourite = ask(service, "which scenes are their favs")
    assert favourite.intent == "lookup" and "cellar" in favourite.points[0].text
    assert "Amy, Posey and Raechel" in cited(ask(service, "cast list?"))


def test_a_part_any_story_names_is_cast_only_by_a_casting_sentence(
    service: ReviewService, tmp_path: Path
) -> None:
    story = "The whole Lolita business, with an older man involved, left me uneasy."
    index_text(service, tmp_path, "Marnie", story + " The photography is soft.")
    assert ask(service, "who plays the older guy").abstained
    cast = " Tom Reed plays the older man with quiet menace."
    index_text(service, tmp_path, "Marnie 2", story + cast)
    assert ask(service, "who plays the older guy", film="Marnie 2").answer.startswith("Tom Reed")
    # "as the woman next door", "the old man (Max Vondel)", "The kid, Danny Moss" cast too.
    neighbours = (
        "Julia Ross is superb as the woman next door, and the old man (Max Vondel) is "
        "heartbreaking. The kid, Danny Moss, is a natural."
    )
    index_text(service, tmp_path, "Next Door", neighbours)
    for part, name in (("woman", "Julia Ross"), ("old man", "Max Vondel"), ("kid", "Danny Moss")):
        found = ask(service, f"who plays the {part}?", film="Next Door")
        assert name in cited(found), part


def test_a_cast_list_is_names_not_a_verdict_on_the_casting(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service, tmp_path, "Nameless", "Everything is bad: the script, the casting, the music."
    )
    assert ask(service, "cast list?").abstained


HOLIDAY = (
    "I hoped for one Christmas movie where Santa needn't be saved. Vince Vaughn is funny as "
    "the brother, and Paul Giamatti gives a warm turn. Think of Bob Clark's \"Black Christmas "
    '(1974)" for a darker take. Then Nick disobeys direct orders from the elves. The jokes land.'
)


def test_what_the_review_never_says_is_not_answered_by_what_it_does(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Fred", HOLIDAY)
    # A holiday is nobody; another film's year is not this one's; "direct orders" direct nothing.
    assert ask(service, "who's playing santa").abstained
    assert ask(service, "what year did it come out").abstained
    assert ask(service, "who directed it?").abstained
    # Someone the review never names is no one it judges, however the question is put.
    nobody = ask(service, "is david tomlinson any good in it")
    assert nobody.abstained and "David Tomlinson" in nobody.answer
    # A name the review does write, in part ("giamatti"), is asked about as usual.
    assert not ask(service, "how is paul giamatti in it").abstained


SETUP = (
    "The stupid plot concerns a father who learns he has a son in the jungle. The story is crap, "
    "the jokes are hokey and the actors struggle. He takes the boy to New York."
)


def test_a_plot_answer_leaves_out_what_judges_the_story(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Jungle", SETUP)
    answer = ask(service, "whats the basic setup?")
    assert answer.intent == "plot" and "The story is crap" not in cited(answer)


BOARD = (
    "Edison meets Armand, the head of a multi-million dollar company. The stabs at comic books "
    "are too obvious to be funny. I know this isn't a true story, but it should feel like one. "
    "Edison inherits the company and saves it."
)


def test_where_the_story_comes_from_and_how_it_sold_are_facts_to_find(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Chairman of the Board", BOARD)
    for question in (
        "is it based on a real comic book?",
        "was it a box office flop when it came out",
        "what did it gross at the box office, got numbers?",
        "was it adapted from a novel or something",
    ):
        answer = ask(service, question)
        assert (answer.intent, answer.abstained) == ("lookup", True), question
    # The title named in the question is the film's, not another film's.
    plot = ask(service, "Could you summarise what Chairman of the Board is actually about?")
    assert plot.intent == "plot" and not plot.abstained


CORPSE_HOUSE = (
    "A crew shoots a horror film at the seven graves of an old house. I liked the eerie sets. "
    'However I found "Seven Corpses" to be inferior. The pacing is deadly dull.'
)


def test_a_title_written_only_in_quotation_marks_is_no_one_asked_about(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "corpses.jsonl"
    path.write_text(json.dumps({"id": "c7", "film": "tt0071627", "text": CORPSE_HOUSE}))
    service.ingest_paths_sync([path])
    gripes = ask(service, "what bugged them most about seven corpses", review_id="c7")
    assert "deadly dull" in cited(gripes)


MILLIONS = (
    "At the center is a friendly man, Marcus Pendleton, who leaves prison with a plan. The "
    "marvelous Robert Morley is seen as Caesar Smith. Detective Sandra Cassidy (Jennifer "
    "Esposito) is on his trail."
)


def test_who_plays_a_part_needs_the_part_itself_named(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Millions", MILLIONS)
    # "prison" is in the question and in a sentence with a name, but no warden is.
    assert ask(service, "who plays the prison warden").abstained
    # A sentence naming the warden and, far from it, someone else names no warden's actor.
    index_text(
        service,
        tmp_path,
        "Millions 2",
        "At the center is a friendly man, Marcus Pendleton, who, before being released, fixes "
        "the income tax forms for the warden. The jokes are fine.",
    )
    assert ask(service, "who plays the warden", film="Millions 2").abstained
    # A part named by name, a question before "who", a cast asked with a preamble.
    index_text(
        service,
        tmp_path,
        "Mother",
        "Anne Reid plays May, a widow who falls for Darren. Daniel Craig is Darren, and Oliver "
        "Ford Davies plays Bruce. It is a quiet, moving film.",
    )
    assert ask(service, "who plays May?", film="Mother").answer.startswith("Anne Reid")
    assert not ask(service, "quick question, who stars in this?", film="Mother").abstained
    # Another word for the same part still finds it.
    cop = ask(service, "who plays the cop", film="Millions")
    assert not cop.abstained and "Jennifer Esposito" in cop.answer


GALAXY = (
    "The film was imported from Japan in 1981. Its hit theme song is still sung by fans. The "
    "acting is lively and warm. January Jones plays the captain. I love how simple it is."
)


def test_second_review_of_stop_15_keeps_ordinary_questions_answered(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Galaxy", GALAXY)
    # Slang, a misspelling, a nationality: no one the review fails to name.
    for question in (
        "gotta ask, how was the acting?",
        "how was the acting hehe",
        "what did they think of the acting, truely?",
        "how was the japanese acting?",
        "based on the review, should i watch it?",
    ):
        assert not ask(service, question).abstained, question
    # A song that was a hit says nothing of the box office.
    assert ask(service, "was it a box office hit?").abstained
    # A first name that is a month is still someone's.
    assert ask(service, "who plays the captain?").answer.startswith("January Jones")


def test_a_series_title_is_not_its_sequel_s(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Star Trek", "A thrilling reboot. I recommend it.")
    index_text(service, tmp_path, "Star Trek: Insurrection", "A dull, silly outing. Skip it.")
    assert ask(service, "did they like star trek?").verdict == "positive"
    assert ask(service, "did they like insurrection?").verdict == "negative"


VIP = (
    "I waited for the next awful special effect or ridiculous cliche to show up. The special "
    "effects were quite obviously my biggest beef with this movie. The dumb hero walks into "
    "every trap. The saving grace is the score. The lead is likeable."
)


def test_the_one_thing_asked_is_the_one_the_critic_singles_out(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "VIP", VIP)
    complaint = ask(service, "whats their #1 complaint", film="VIP")
    assert "my biggest beef" in complaint.points[0].text
    best = ask(service, "what was the best thing for them?", film="VIP")
    assert "saving grace" in best.points[0].text
    # Advice to the reader singles out no fault.
    index_text(
        service,
        tmp_path,
        "Turkey",
        "Avoid this turkey. The random fights were my main complaint. The lead is dull.",
    )
    first = ask(service, "what was their biggest complaint?", film="Turkey").points[0].text
    assert "main complaint" in first


TRAVEL_FILM = (
    "As an American, I found the humour odd. It was a hit with critics at home. It was a hit "
    "in Sweden. The photography is flat."
)


def test_a_lookup_meets_a_kind_of_thing_by_an_instance_of_it(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Travel", TRAVEL_FILM)
    answer = ask(service, "in which country was it a hit?")
    assert not answer.abstained and "Sweden" in answer.points[0].text
    # A nationality with nothing else of the question answers nothing.
    assert ask(service, "which country was it filmed in?").abstained
    # A word that is a country only when capitalised: "what a turkey" names none.
    assert not places.names_a("country", "what a turkey this is")
    assert places.names_a("country", "Turkey looks lovely on film")


def test_an_ending_not_judged_is_not_judged_by_what_happens(
    service: ReviewService, tmp_path: Path
) -> None:
    text = HARBOUR_FILM.replace(" The final scene is beautifully shot and genuinely moving.", "")
    index_text(service, tmp_path, "Harbour", text)
    judged = ask(service, "was the ending any good?")
    assert judged.abstained and "made of the ending" in judged.answer
    assert "ask “how does it end?”" in judged.answer
    for question in ("how does it end?", "how does the whole thing wrap up?"):
        told = ask(service, question)
        assert not told.abstained and "sinks the chest" in cited(told)


def test_an_ending_asked_to_be_criticised_but_praised_says_so(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Harbour", HARBOUR_FILM)
    answer = ask(service, "what did they hate about the ending?")
    assert "doesn't criticise the ending" in answer.answer
    assert "final scene" in cited(answer) and "sinks the chest" not in cited(answer)


AWARDLESS = (
    "Farewell Friend, with Alain Delon, is a neat thriller. In Anne Reid the film has found an "
    "extraordinary actress. The music is forgettable. Fab to see the latest episode. Tune in "
    "and see."
)


def test_a_lookup_is_answered_only_by_what_it_asks_for(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Reid", AWARDLESS)
    # The title and the actress are named, but no director and no prize.
    assert ask(service, "who directed farewell friend?").abstained
    assert ask(service, "did anne reid get any bafta noms for it?").abstained
    assert ask(service, "how many seasons are there?").abstained
    assert "Tune in" not in cited(ask(service, "how is the music?"))


def test_which_actor_is_met_by_a_name_in_brackets(service: ReviewService, tmp_path: Path) -> None:
    text = (
        "peter hates his job at initech . his smarmy boss bill lumbergh ( gary cole ) makes it "
        "worse . the boss is the best thing in the film ."
    )
    index_text(service, tmp_path, "Office", text)
    assert "gary cole" in ask(service, "which actor is the evil boss?").points[0].text


def test_which_actor_wants_a_name_the_question_does_not_give(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Initech", "The story drags. The boss, Lumbergh, is the best.")
    assert ask(service, "which actor is Lumbergh?").abstained
    assert ask(service, "the boss Lumbergh - who is that actor?").abstained


def test_a_score_asked_out_of_ten_is_no_film_title(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Monster", "The effects are cheap. 4 out of 10, for fans only.")
    answer = ask(service, "what number out of 10 did they slap on it", review_id="monster")
    assert answer.intent == "verdict" and answer.rating == "4 out of 10"


def test_amounts_prizes_and_judged_wrap_ups(service: ReviewService, tmp_path: Path) -> None:
    text = (
        "Dozens of people die in the first reel. It won me over in the end, and the cast "
        "deserves honours. The score is lush."
    )
    index_text(service, tmp_path, "Reel", text)
    # A number need not be in digits; winning someone over is no prize.
    assert "Dozens" in ask(service, "how many people die?").points[0].text
    assert ask(service, "did it win any awards?").abstained
    # A title may hold small words after a number.
    assert film_lookup.unindexed_title(
        "what did they think of 10 Things I Hate about You?", [], set()
    )
    assert not film_lookup.unindexed_title("what number out of 10 did they slap on it", [], set())


BOLLYWOOD = (
    "The acting by Akshay is just outstanding and the second half made me cry. The only thing "
    "I didn't like is the music: the songs are not good enough, and I think the music would be "
    "better if a bigger name were the music director. Its theme song is catchy. Batman Beyond "
    "fans will find nothing here. I watched it in the Dark Ages of my youth."
)


def test_who_questions_want_someone_the_review_names_for_that_job(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Waqt", BOLLYWOOD)
    found = ask(service, "how was akshay?", film="Waqt")
    assert not found.abstained and "Akshay" in cited(found)
    for question in (
        "is amitabh bachchan in this one too?",  # a name the review never writes
        "and the guy who directed it is...?",  # the music director directs no film
        "who sings that theme song?",  # no one sings in the review
        "who voices batman in it?",  # "Batman Beyond" is no one
        "name of the actress who plays the mother?",  # "the Dark Ages" is no one either
    ):
        answer = ask(service, question, film="Waqt")
        assert answer.abstained, (question, answer.answer)


def test_a_who_plays_question_wants_the_part_named(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "Ranch",
        "The hero is called Hopalong Cassidy. Chris Lybbert (who?) as the hero and Louis Weber as "
        "the villain look lost. Later Andie MacDowell dumps the young man at a dance.",
    )
    villain = ask(service, "who plays the villain?", film="Ranch")
    assert not villain.abstained and villain.answer.startswith("Louis Weber")
    student = ask(service, "who plays her ex student?", film="Ranch")
    assert student.abstained, student.answer


def test_a_title_of_capitalised_words_is_not_taken_for_people(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "tt0427038",
        "I have to say this is one of the worst films I've ever seen. The cast is all wrong. "
        "Carlito's Way: Rise to Power - 1 out of 10.",
    )
    gripes = ask(service, "why so much hate for rise to power", film="tt0427038")
    assert gripes.intent == "dislikes" and "Rise" not in gripes.answer
    assert "one of the worst films" in cited(gripes) and "cast is all wrong" in cited(gripes)


def test_does_it_end_happily_asks_what_happens(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "Winter",
        "The sad ending with a glimpse of hope for the widow is sweet. A widow moves to the "
        "coast. She meets a painter. They argue about money. He leaves for the city. She opens "
        "a bakery. The acting is wonderful.",
    )
    answer = ask(service, "does it end happily or nah", film="Winter")
    assert answer.intent == "ending" and not answer.abstained
    assert "sad ending" in cited(answer) and all(p.spoiler for p in answer.points)


def test_a_first_name_asked_finds_the_surname_too(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "Siege",
        "The film stars Dolph Lundgren as a teacher. Lundgren never convinces as a man of "
        "learning. The school looks cheap. The kids are wonderful.",
    )
    answer = ask(service, "how bad is dolph lol", film="Siege")
    assert answer.intent == "aspect" and "never convinces" in cited(answer)
    assert "wonderful" not in cited(answer)


def test_a_yes_no_question_about_someone_can_ask_what_happened(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Pounds",
        "Will Smith is back again with director Gabriele Muccino after their first film "
        "together. Smith is superb. The score is lovely. At 123 minutes it never drags.",
    )
    teamed = ask(service, "have will smith and this director teamed up before?", film="Pounds")
    assert teamed.intent == "lookup" and "back again" in teamed.points[0].text
    opinion = ask(service, "was will smith any good?", film="Pounds")
    assert opinion.intent == "aspect" and "superb" in cited(opinion)
    length = ask(service, "is it a long one? how many mins", film="Pounds")
    assert length.intent == "lookup" and "123 minutes" in length.points[0].text


def test_what_a_show_is_about_leads_the_plot_though_its_story_is_dark(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Express",
        'I loved this animated program "Star Train," about a young boy who rides a train '
        "through space to avenge the senseless death of his mother at the hands of cruel "
        "hunters. The animation is lovely. This dull show is about nothing at all.",
    )
    plot = ask(service, "whats the story of it", film="Express")
    assert plot.intent == "plot" and "about a young boy" in plot.points[0].text
    assert "dull show" not in cited(plot)


def test_who_answers_find_people_with_plain_word_names(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Hustle",
        "Irving is a small-time con man who runs dry cleaners. Christian Bale plays Irving with "
        "a paunch. The film was directed by Brad Bird, and it shows. The songs are sung by Jack "
        "Black. The music by Colin Stetson is eerie. Credit to Will Smith for carrying the film.",
    )
    for question, name in (
        ("who plays the con man?", "Christian Bale"),
        ("who plays the main character?", "Christian Bale"),
        ("who directed it?", "Brad Bird"),
        ("who sings the songs?", "Jack Black"),
    ):
        answer = ask(service, question, film="Hustle")
        assert answer.answer.startswith(name), (question, answer.answer)
    soundtrack = ask(service, "who did the soundtrack?", film="Hustle")
    assert "Colin Stetson" in cited(soundtrack)
    smith = ask(service, "how was will smith?", film="Hustle")
    assert not smith.abstained and "Credit to Will Smith" in cited(smith)


def test_about_questions_that_ask_no_plot(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Lake", "A boy finds a boat. He rows out. The score is lovely.")
    assert ask(service, "what's the review about?", film="Lake").intent == "summary"
    assert ask(service, "what is so special about it?", film="Lake").intent != "plot"


def test_a_retelling_that_resolves_tells_the_ending(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "Drive",
        "Two brothers inherit a ranch. They plan one final cattle drive. A banker wants the "
        "land. The younger brother is shot. The town takes sides. The brothers reconcile and "
        "the ranch is saved.",
    )
    ending = ask(service, "how does it end?", film="Drive")
    assert not ending.abstained and "reconcile" in cited(ending)
    assert "final cattle drive" not in cited(ending)


def test_a_festival_screening_and_a_year_guess_are_no_facts_to_quote(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Rotterdam",
        "I saw this movie at the film festival of Rotterdam and followed the discussion. The "
        "script is very weak and the acting is poor.",
    )
    for question in (
        "did it win any prizes at rotterdam?",
        "what year's this from, feels very 70s",
        "did the show run long, like multiple seasons?",
    ):
        answer = ask(service, question, film="Rotterdam")
        assert answer.abstained and answer.intent == "lookup", (question, answer.answer)


def test_the_critics_own_questions_are_no_part_of_the_ending(seeded: ReviewService) -> None:
    ending = ask(seeded, "how does the whole thing wrap up?")
    assert ending.intent == "ending" and "longing final glance" in cited(ending)
    assert not any(p.text.endswith("?") for p in ending.points), cited(ending)


def test_second_review_who_and_prize_cases(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "Coen",
        "It was directed by the Coen brothers Joel and Ethan Coen. Ludwig Goransson's score "
        "thunders. The hero, a farm boy, is played by Mark Hamill. Harrison Ford and Carrie "
        "Fisher co-star as smugglers. Ed Harris gives a grizzled turn. It won the Palme d'Or at "
        "the Cannes Film Festival. She must escape before the man upstairs returns.",
    )
    assert "Coen" in ask(service, "who directed it?", film="Coen").answer.split(" — ")[0]
    assert ask(service, "who is the composer?", film="Coen").answer.startswith("Ludwig Goransson")
    assert ask(service, "who plays the hero?", film="Coen").answer.startswith("Mark Hamill")
    assert not ask(service, "who stars in it?", film="Coen").answer.startswith("Cannes")
    assert ask(service, "is nolan in it?", film="Coen").abstained
    assert not ask(service, "did it win any awards?", film="Coen").abstained
    assert ask(service, "how does it end?", film="Coen").abstained


def test_a_yes_no_opinion_of_an_aspect_is_not_looked_up(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(
        service,
        tmp_path,
        "Bridge",
        "A boy lives with his father in a lonely house. The old bridge does not hold up in the "
        "storm. The acting is fine.",
    )
    answer = ask(service, "does the acting hold up?", film="Bridge")
    assert answer.intent == "aspect" and "bridge" not in cited(answer)


STORM_FILM = (
    "Nora runs a ferry between two islands. Her brother Tom owes money to a smuggler. "
    "The smuggler takes the ferry one night. Tom hides on the boat and Nora follows in a "
    "rowing boat. After a long chase Tom swims to shore and Nora sinks the smuggler's boat. "
    "The photography is gorgeous and the score swells nicely."
)


def test_an_ending_question_about_someone_is_answered_by_what_the_retelling_says_of_them(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Ferry", STORM_FILM)
    # Asked of someone: the later retelling that speaks of them, behind spoilers.
    tom = ask(service, "how does it end for tom?")
    assert not tom.abstained and "Tom swims to shore" in cited(tom)
    assert all(p.spoiler for p in tom.points)
    # A yes/no question about an event the retelling tells…
    sinks = ask(service, "does nora sink the smugglers boat in the end?")
    assert not sinks.abstained and "sinks the smuggler's boat" in cited(sinks)
    # …and one it never tells: no ending is offered in its place.
    married = ask(service, "does nora marry the smuggler in the end?")
    assert married.abstained and not married.points
    assert married.answer.startswith("The review doesn't say whether that happens.")


SERIES = (
    "Explaining the plot would spoil things, since many characters have no names until quite a "
    "few episodes in. This 26 episode series first aired in 1999. You could call it a mystery, "
    "or a small thriller. The ending drags on for a brutal 40 minutes. The theme song is catchy."
)


def test_lookups_for_a_genre_a_count_and_a_length(service: ReviewService, tmp_path: Path) -> None:
    index_text(service, tmp_path, "Wing", SERIES)
    # A genre named answers "what genre?" with no other word in common.
    genre = ask(service, "what kinda show is it genre wise")
    assert not genre.abstained and "a mystery" in genre.points[0].text
    # The asking clause weighs more than an aside, and a figure beats "quite a few".
    count = ask(service, "how many episodes total, is it a big binge")
    assert not count.abstained and "26 episode" in count.points[0].text
    # Sitting through it asks the running time.
    length = ask(service, "how long do u have to sit thru this")
    assert not length.abstained and "40 minutes" in length.points[0].text


ROMCOM = (
    "Just like many French films over English made, we learn a lot about the characters. The "
    "villain, Carl Brandt, is a hoot. The film is funnier than Notting Hill and warmer too. "
    "Every year the town holds a fair (Rotterdam, 1998)."
)


def test_who_and_how_many_answers_name_people_and_counts(
    service: ReviewService, tmp_path: Path
) -> None:
    nobody = (
        "Just like many French films over English made, it took its time. I saw it in Rotterdam."
    )
    index_text(service, tmp_path, "Quiet", nobody)
    # "English" is a language and Rotterdam a city: no one in the main role is named.
    assert ask(service, "who's in the main role", film="Quiet").abstained
    index_text(service, tmp_path, "Fair", ROMCOM)
    villain = ask(service, "whos the bad guy played by", film="Fair")
    assert villain.answer.startswith("Carl Brandt")
    # A year is no count of years.
    assert ask(service, "how many years does the fair run", film="Fair").abstained
    # A film the review never names is no comparison it makes; one it names is.
    assert ask(service, "is it as good as hot fuzz", film="Fair").answer.startswith(
        "The review doesn't compare it with hot fuzz."
    )
    assert not ask(service, "is it funnier than notting hill?", film="Fair").abstained


COMEDY_CAST = (
    "I was looking forward to it because Chevy Nash and Dana Rhee were starring. The sketches "
    "are hilarious and the songs are a hoot. Nash is hilarious as the anchorman. Rhee is fine."
)


def test_a_person_asked_with_an_aspect_comes_before_the_aspect_alone(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Sketches", COMEDY_CAST)
    # "Nash", a dictionary word, is Chevy Nash where the review writes it capitalised, and the
    # sentence about him comes before the film's other jokes.
    answer = ask(service, "chevy any funny in this?")
    assert "Nash is hilarious as the anchorman" in answer.points[0].text
    # What the critic looked forward to is no judgement of him, nor a complaint.
    assert "looking forward" not in cited(answer)
    assert "looking forward" not in cited(ask(service, "what did they dislike?"))


def test_sex_scenes_are_an_aspect_of_their_own(service: ReviewService, tmp_path: Path) -> None:
    text = (
        "The plot is thin. There are plenty of sex scenes, which aren't very steamy. "
        "The music is fine."
    )
    index_text(service, tmp_path, "Nights", text)
    answer = ask(service, "r the sex scenes at least hot lol")
    assert answer.intent == "aspect" and "aren't very steamy" in answer.points[0].text
    assert ask(service, "any nudity?").points[0].text.startswith("There are plenty of sex scenes")


def test_second_review_cases_stay_fixed(service: ReviewService, tmp_path: Path) -> None:
    index_text(
        service,
        tmp_path,
        "The Dark Knight",
        "A gripping, superb thriller. The musical score is lovely, and it is a gritty crime "
        "drama at heart. I rate the songs 8/10. There are a dozen songs on the soundtrack. "
        "As a kid, Harrison Ford was my hero. It runs 152 minutes.",
    )
    # The title without its article is the film.
    assert ask(service, "did they like dark knight?").intent == "verdict"
    # "as good as they say" compares it with no other film.
    assert not ask(service, "is it as good as they say?").abstained
    # A genre, not "the musical score"; a count, not a rating.
    genre = ask(service, "what genre is it?")
    assert not genre.abstained and "musical score" not in genre.points[0].text
    assert "dozen songs" in ask(service, "how many songs are there?").points[0].text
    # "As a kid" casts no one.
    assert ask(service, "who plays the kid?").abstained


def test_short_typos_are_no_names_in_a_lower_case_review(
    service: ReviewService, tmp_path: Path
) -> None:
    index_text(service, tmp_path, "Flop", "the director realy tried hard but thier effort failed .")
    assert ask(service, "who directed it?").abstained
