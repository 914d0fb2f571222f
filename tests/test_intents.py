"""Question understanding: paraphrases, casual phrasing and typos land on the right intent."""

from __future__ import annotations

import pytest

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.qa.intents import parse_question


@pytest.fixture(scope="module")
def vocabulary() -> AspectVocabulary:
    return AspectVocabulary.load()


@pytest.mark.parametrize(
    ("question", "intent", "polarity"),
    [
        ("what did the critic dislike?", "dislikes", "negative"),
        ("What were the negatives?", "dislikes", "negative"),
        ("what bugged them?", "dislikes", "negative"),
        ("what didn't they like?", "dislikes", "negative"),
        ("what did the critic disike", "dislikes", "negative"),
        ("anything they praised?", "likes", "positive"),
        ("what did they enjoy?", "likes", "positive"),
        ("wat did they lik", "likes", "positive"),
    ],
)
def test_likes_and_dislikes(
    vocabulary: AspectVocabulary, question: str, intent: str, polarity: str
) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert (parsed.intent, parsed.polarity) == (intent, polarity)


@pytest.mark.parametrize(
    "question",
    [
        "did they like it?",
        "would they recommend it?",
        "would they recomend it",
        "what's the rating?",
        "is it worth watching?",
        "thumbs up or down?",
        "should I watch it?",
        "what score would they give it?",
        "how many stars did it get?",
    ],
)
def test_verdict(vocabulary: AspectVocabulary, question: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == "verdict"


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("how was the acting?", "acting"),
        ("thoughts on the soundtrack?", "music"),
        ("what about the dancing?", "dance"),
        ("how were the tunes", "music"),
        ("what did they think of the cinematography?", "visuals"),
        ("how were the performances?", "acting"),
        ("how was the score?", "music"),
    ],
)
def test_aspect_questions(vocabulary: AspectVocabulary, question: str, aspect: str) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert parsed.intent == "aspect"
    assert aspect in parsed.aspects


def test_a_person_named_in_the_review_is_an_aspect(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("was Gosling any good?", vocabulary, people={"gosling", "ryan"})
    assert parsed.intent == "aspect" and parsed.people == ("gosling",)


def test_dislikes_about_an_aspect_filter_by_it(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("what bugged them about the songs?", vocabulary, people=set())
    assert parsed.intent == "dislikes" and parsed.aspects == ("music",)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who was poorly cast?", "lookup"),
        ("where does the story start?", "lookup"),
        ("what does she write?", "lookup"),
        ("who directed it?", "lookup"),
        ("who was in it?", "lookup"),
        ("how long is it?", "lookup"),
        ("what is the film about?", "plot"),
        ("what happens?", "plot"),
        ("how does it end?", "ending"),
        ("summarise the review", "summary"),
        ("tl;dr?", "summary"),
        ("pros and cons?", "summary"),
        ("strengths and weaknesses?", "summary"),
        ("thoughts?", "summary"),
        ("what did the critic think?", "summary"),
        ("what did they think of it?", "summary"),
        ("what did they think of the music?", "aspect"),
        ("what did they think of the ending?", "ending"),
    ],
)
def test_lookup_plot_and_summary(vocabulary: AspectVocabulary, question: str, intent: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


def test_questions_across_reviews_are_marked(vocabulary: AspectVocabulary) -> None:
    assert parse_question("what did critics dislike?", vocabulary, people=set()).across
    assert parse_question("compare the critics on the acting", vocabulary, people=set()).across
    assert not parse_question("what did the critic dislike?", vocabulary, people=set()).across


@pytest.mark.parametrize("question", ["asdkjh qwe", "zzkx vrrp?", "???"])
def test_gibberish_is_not_looked_up(vocabulary: AspectVocabulary, question: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == "unknown"


def test_a_name_from_the_review_is_worth_looking_up(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("vegas?", vocabulary, people=set(), words_in_scope={"vegas"})
    assert parsed.intent == "lookup"


@pytest.mark.parametrize(
    "question",
    ["what was their favourite scene?", "which was the best song?", "what's the worst scene"],
)
def test_favourite_questions_look_something_up(vocabulary: AspectVocabulary, question: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == "lookup"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("so did they actually like this one?", "verdict"),
        ("should i bother seeing it", "verdict"),
        ("so is it any good", "verdict"),
        ("whats the movie about", "plot"),
        ("how does it all end?", "ending"),
        ("which actors came back from the first film?", "lookup"),
        ("any redeeming qualities?", "likes"),
        ("any drawbacks?", "dislikes"),
        # Met in stop 13's blind sets: examples given with "like", casual verdicts and reasons,
        # endings asked for or not, and slang.
        ("is there source material, like a novel?", "lookup"),
        ("runtime? i got like an hour and a half tops", "lookup"),
        ("what did the critic like about it?", "likes"),
        ("anything to like?", "likes"),
        ("so was it a dud for them or what", "verdict"),
        ("why does it flop for this critic", "dislikes"),
        ("what made it such a slog", "dislikes"),
        ("thoughts on how it wraps up?", "ending"),
        ("which movie do they say it's nothing like", "lookup"),
        ("who's in it", "lookup"),
        ("did they like it? no spoilers", "verdict"),
        ("what did roger like a lot?", "likes"),
        ("what is the conclusion of the review?", "summary"),
        ("was it a hit in japan?", "lookup"),
        ("ok but was ANY of it cool", "likes"),
        ("is it cool?", "verdict"),
        ("has any of it aged badly or not landed", "dislikes"),
        ("was it a win for them", "verdict"),
        ("hitchcock made this?? for real", "lookup"),
        ("what do they think made it fail?", "dislikes"),
        ("did it win the critic over?", "likes"),
        ("what else bugged them apart from the acting and the plot?", "dislikes"),
        ("how were the plot and the ending?", "aspect"),
        ("did the twist ruin the ending?", "aspect"),
        ("what was the film like?", "summary"),
        ("did it age badly?", "dislikes"),
        ("ugh what made it so bad for them", "dislikes"),
    ],
)
def test_casual_phrasings(vocabulary: AspectVocabulary, question: str, intent: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


def test_a_name_that_is_also_a_cue_word_is_a_name_only_when_capitalised(
    vocabulary: AspectVocabulary,
) -> None:
    # The review names an actor "Worth".
    people = {"worth", "kazan"}
    assert parse_question("worth a watch?", vocabulary, people=people).intent == "verdict"
    named = parse_question("was Worth any good?", vocabulary, people=people)
    assert (named.intent, named.people) == ("aspect", ("worth",))


def test_a_name_asked_about_in_the_possessive(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("did they like bigelow's directing", vocabulary, people={"bigelow"})
    assert parsed.people == ("bigelow",) and parsed.aspects == ("direction",)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("give me the short version of this review", "summary"),
        ("was the reviewer a fan of it", "verdict"),
        ("which bits worked for them", "likes"),
        ("what didnt work", "dislikes"),
        ("how does the film open", "plot"),
    ],
)
def test_more_casual_phrasings(vocabulary: AspectVocabulary, question: str, intent: str) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


@pytest.mark.parametrize(
    "question",
    [
        # Met in stop 15's blind sets: picks, approval, the asker's own enjoyment, advice.
        "thinking of putting it on tonite, good shout?",
        "girls night tomorrow, is this a good pick y/n",
        "does it get their seal of approval",
        "so is it actually good or what",
        "will i enjoy the film?",
        "would they tell me to go see it",
        "is this old comedy worth hunting down?",
        "should i check it out",
    ],
)
def test_recommendation_phrasings_ask_the_verdict(
    vocabulary: AspectVocabulary, question: str
) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == "verdict"


@pytest.mark.parametrize(
    ("question", "intent", "polarity"),
    [
        ("why are they so hyped on it", "likes", "positive"),
        ("which parts did they think paid off", "likes", "positive"),
        # The first side asked, where the question weighs one against the other.
        ("any complaints at all or is it all praise?", "dislikes", "negative"),
        ("the soundtrack - yay or nay in their opinion", "aspect", None),
        ("what is the story supposed to be?", "plot", None),
        ("does it at least stick the landing", "ending", None),
        ("do marcus n patty end up together?", "ending", None),
        ("could you sum up what the reviewer thinks went wrong?", "dislikes", "negative"),
        ("what hit home for them", "likes", "positive"),
        ("which parts of it did they rate", "likes", "positive"),
        ("was there anything about it they actually rated", "likes", "positive"),
        ("why do they rate it so highly", "likes", "positive"),
        ("tl;dr did they like it", "summary", None),
        ("what parts did they rate lowest", "verdict", None),
        ("why do they think its such a fun watch", "likes", "positive"),
        ("do they say some other comedy did it better?", "lookup", None),
        ("the kids in it, who are the child actors?", "lookup", None),
        ("who's the kid actor that plays the son", "lookup", None),
        ("any quibbles at all?", "dislikes", "negative"),
        ("does it have any saving graces", "likes", "positive"),
        ("what cracked the critic up the most", "likes", "positive"),
        ("what made them fall for it", "likes", "positive"),
        ("surely something in it was good?", "likes", "positive"),
        ("was there a single thing they rated", "likes", "positive"),
        ("watch it or skip it", "verdict", None),
        ("never seen a western, give it a shot y/n?", "verdict", None),
        ("is it actually good or just hype", "verdict", None),
        ("gimme the plot", "plot", None),
        ("remind me how the story goes", "plot", None),
        ("does the sister forgive him in the end?", "ending", None),
        # Judgements asked "in the end" are no event.
        ("does the critic like it in the end?", "verdict", None),
        ("did the acting hold up by the end?", "aspect", None),
    ],
)
def test_stop_15_and_16_phrasings(
    vocabulary: AspectVocabulary, question: str, intent: str, polarity: str | None
) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert (parsed.intent, parsed.polarity) == (intent, polarity)


def test_fun_asked_yes_or_no_asks_no_likes(vocabulary: AspectVocabulary) -> None:
    for question in ("would it be a fun watch with friends?", "was it fun at least"):
        assert parse_question(question, vocabulary, people=set()).polarity is None, question


def test_the_asker_and_a_name_in_a_comparison_leave_the_verdict_asked(
    vocabulary: AspectVocabulary,
) -> None:
    people = {"broadway", "corman", "maggie", "smith"}
    for question in (
        "big broadway nerd here, will i enjoy the film?",
        "good or just more cheap corman trash",
        "maggie smith fan, should i check it out",
    ):
        parsed = parse_question(question, vocabulary, people=people)
        assert (parsed.intent, parsed.people) == ("verdict", ()), question


def test_a_title_after_recommend_is_the_film_not_a_person(vocabulary: AspectVocabulary) -> None:
    # The review's lower-case words include the title, so it reads like a name.
    parsed = parse_question("would u recommend bullfighter", vocabulary, people={"bullfighter"})
    assert (parsed.intent, parsed.people) == ("verdict", ())


def test_a_judgement_of_the_ending_asked_for_is_the_spoiler_hidden_ending(
    vocabulary: AspectVocabulary,
) -> None:
    def read(text: str) -> tuple[str, str | None, tuple[str, ...]]:
        parsed = parse_question(text, vocabulary, people=set())
        return parsed.intent, parsed.polarity, parsed.aspects

    assert read("does the ending catch you off guard?") == ("ending", None, ("ending",))
    assert read("does the climax deliver") == ("ending", None, ("ending",))
    assert read("what did they hate about the ending") == ("ending", "negative", ("ending",))
    assert read("how does it end?")[0] == "ending"
    # The ending with another aspect is an aspect question; "in the end" is no ending.
    assert read("how were the acting and the ending?")[0] == "aspect"
    assert read("in the end did they like it?") == ("verdict", None, ())
    # The critic's conclusion is their verdict, not the film's.
    assert read("what's the critic's conclusion?")[0] == "summary"


@pytest.mark.parametrize(
    ("question", "intent", "aspect"),
    [
        ("why'd they hate it so much", "dislikes", None),
        ("how come they liked it?", "likes", None),
        ("was there ANYTHING decent in it lol", "likes", None),
        ("what was lacking", "dislikes", None),
        ("is it a decent zombie movie?", "verdict", None),
        ("who would they recommend it to", "lookup", None),
        ("whose stories is it based on", "lookup", None),
        ("how violent is it", "aspect", "violence"),
        ("is it actually scary or nah", "aspect", "suspense"),
    ],
)
def test_reasons_degrees_and_audiences(
    vocabulary: AspectVocabulary, question: str, intent: str, aspect: str | None
) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert parsed.intent == intent
    assert aspect is None or aspect in parsed.aspects


def test_a_person_in_a_lower_cased_review_asked_by_degree_or_follow_up(
    vocabulary: AspectVocabulary,
) -> None:
    scope = {"sharon", "stone", "kathy", "bates", "bad", "the", "was"}
    how_bad = parse_question(
        "how bad was sharon stone in this", vocabulary, people=set(), words_in_scope=scope
    )
    assert (how_bad.intent, how_bad.people) == ("aspect", ("sharon", "stone"))
    and_her = parse_question("and kathy bates?", vocabulary, people=set(), words_in_scope=scope)
    assert (and_her.intent, and_her.people) == ("aspect", ("kathy", "bates"))


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what's this one even about, story-wise", "plot"),
        ("can u give me the gist of the story", "plot"),
        ("so whats going on in the story", "plot"),
        ("give me the plot in a couple lines", "plot"),
        ("so is it a must see", "verdict"),
        ("so skip it?", "verdict"),
        ("would i regret renting this", "verdict"),
        ("so which bits did they get a kick out of", "likes"),
        ("what won them over so much", "likes"),
        ("did it get anything right", "likes"),
        ("where does it fall down for them", "dislikes"),
        ("was anything not up to scratch", "dislikes"),
    ],
)
def test_idioms_for_plot_verdict_likes_and_dislikes(
    vocabulary: AspectVocabulary, question: str, intent: str
) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


def test_a_title_after_should_i_watch_is_the_film(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("should i watch king of masks", vocabulary, people={"king", "masks"})
    assert (parsed.intent, parsed.people) == ("verdict", ())


def test_violence_words_of_a_horror_review(vocabulary: AspectVocabulary) -> None:
    assert "violence" in vocabulary.aspects_in("it has some great kills and plenty of blood")


@pytest.mark.parametrize(
    "question", ["was it really shot in the himalayas", "how old was burns during filming"]
)
def test_where_it_was_made_and_how_old_someone_was_are_facts(
    vocabulary: AspectVocabulary, question: str
) -> None:
    assert parse_question(question, vocabulary, people={"burns"}).intent == "lookup"


@pytest.mark.parametrize(
    ("question", "intent"),
    [("hows the ending", "ending"), ("how's it end?", "ending"), ("how'd the movie end", "ending")],
)
def test_how_s_asks_an_opinion_and_how_s_it_end_the_spoiler(
    vocabulary: AspectVocabulary, question: str, intent: str
) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


def test_chat_shorthand_is_spelt_out(vocabulary: AspectVocabulary) -> None:
    def parsed(text: str) -> tuple[str, tuple[str, ...]]:
        question = parse_question(text, vocabulary, people=set())
        return question.intent, question.aspects

    assert parsed("would u rec it?") == ("verdict", ())
    assert parsed("wat is it abt") == ("plot", ())
    assert parsed("so wat did they think abt it") == ("summary", ())
    # An age rating is no shorthand, and neither is a name of the review's.
    assert parsed("is it R rated?") == ("lookup", ())
    named = parse_question("did Em Stone impress?", vocabulary, people={"em", "stone"})
    assert "em" in named.normalised.split()


def test_more_ways_to_ask_for_the_plot_and_the_ending(vocabulary: AspectVocabulary) -> None:
    def intent(text: str) -> str:
        return parse_question(text, vocabulary, people=set()).intent

    assert intent("what's the deal with the heist story wise") == "plot"
    assert intent("quick rundown of the characters and story?") == "plot"
    assert intent("wats the story with the sisters") == "plot"
    final = parse_question("how's the final stretch?", vocabulary, people=set())
    assert (final.intent, final.aspects) == ("ending", ("ending",))
    assert intent("is it rated pg-13") == "lookup"


def test_a_known_word_with_its_clitic_is_no_typo(vocabulary: AspectVocabulary) -> None:
    # "there's" once became "theme's", and "it's" "wit's" (a humour cue).
    parsed = parse_question("there's nothing they liked?", vocabulary, people=set())
    assert parsed.normalised.startswith("there's") and parsed.aspects == ()
    parsed = parse_question("it's a comedy, right?", vocabulary, people=set())
    assert parsed.normalised.startswith("it's")


def test_an_award_asked_about_a_named_person_is_a_fact(vocabulary: AspectVocabulary) -> None:
    question = "anne reid get any bafta noms or anything for it?"
    assert parse_question(question, vocabulary, people={"anne", "reid"}).intent == "lookup"
    # So is who made it.
    made = parse_question("hitchcock made this?? for real", vocabulary, people={"hitchcock"})
    assert made.intent == "lookup"
    # An opinion of the person is still an aspect question.
    assert parse_question("how was anne reid?", vocabulary, people={"anne", "reid"}).intent == (
        "aspect"
    )


@pytest.mark.parametrize(
    ("question", "intent", "aspects"),
    [
        ("what else did they have beef with apart from the effects", "dislikes", ()),
        ("so what sank it for them?", "dislikes", ()),
        ("whats the basic plot of this", "plot", ("story",)),
        ("what's the heist setup?", "plot", ()),
        ("what happens at the very end?", "ending", ()),
        ("is the ending predictable", "ending", ("ending", "story")),
        ("final scene, good or bad??", "ending", ("ending",)),
        ("what's the music like in the show", "aspect", ("music",)),
        ("why is it one of their faves", "likes", ()),
    ],
)
def test_more_casual_readings(
    vocabulary: AspectVocabulary, question: str, intent: str, aspects: tuple[str, ...]
) -> None:
    parsed = parse_question(question, vocabulary, people=set())
    assert (parsed.intent, parsed.aspects) == (intent, aspects)


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("massive batman nerd here, is this show worth my time", {"batman"}),
        ("would you say the reviewer recommends it to someone who likes creepy films?", set()),
        ("good ep to show a twilight zone newbie?", set()),
        ("never seen a silent film, is this a good one to start with", set()),
    ],
)
def test_the_asker_saying_who_they_are_still_asks_the_verdict(
    vocabulary: AspectVocabulary, question: str, people: set[str]
) -> None:
    parsed = parse_question(question, vocabulary, people=people)
    assert parsed.intent == "verdict" and not parsed.aspects and not parsed.people


def test_an_aspect_asked_for_the_asker_is_still_the_aspect(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("is the acting worth my time?", vocabulary, people=set())
    assert parsed.intent == "aspect" and parsed.aspects == ("acting",)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what's seven pounds actually about?", "plot"),
        ("plot? something about drawings coming to life?", "plot"),
        ("story pls", "plot"),
        ("what's their complaint about?", "dislikes"),
        ("plot holes?", "aspect"),
    ],
)
def test_the_plot_asked_by_title_or_on_its_own(
    vocabulary: AspectVocabulary, question: str, intent: str
) -> None:
    assert parse_question(question, vocabulary, people=set()).intent == intent


def test_chat_shorthand_for_why(vocabulary: AspectVocabulary) -> None:
    parsed = parse_question("y they so salty about this one lol", vocabulary, people=set())
    assert (parsed.intent, parsed.polarity) == ("dislikes", "negative")
