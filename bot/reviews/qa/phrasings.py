"""How questions ask for each kind of answer: the summary, the plot, the ending, the verdict, a
fact, the cast (regular expressions over the normalised question)."""

from __future__ import annotations

import re

# Questions about who is in a film name no content word to match.
CAST_QUESTION = re.compile(
    r"\bwho('s| is| was| were| are) (in|starring|playing)\b"
    r"|\bwho (stars?|starred|acts?|acted|plays?|played)\b"
    r"|\bwho (is|was|were|are) (the )?(lead|leads|star|stars|cast)\b"
    r"|\bwho (is|was|were|are) the ((child|kid|young|lead|main|supporting) )?(actors?|actresses)\b"
    # "whos the bad guy played by"
    r"|\bwho('s| is| was| are| were)\b.*\bplayed by\W*$"
)
# "any famous faces in it?" asks who is in it; "were the big stars any good?" asks an opinion.
FAMOUS_FACES = re.compile(
    r"\b(famous|big|known|familiar|recogni[sz]able) (faces|names|stars|actors)\b"
    r"|\banyone (famous|i'd know|i would know|i know)\b"
    # "cast list?", "who's in the cast": the names, not what the critic thought of them.
    r"|\bcast list\b|\blist (of )?the cast\b|\bwho('s| is| was| are| were) in the cast\b"
    # "who's the kid actor that plays the son"; "was the guy who plays sean any good?" asks an
    # opinion.
    r"|\b(actor|actress|guy|girl|kid|woman|man) (that|who) (plays?|played|is playing)\b"
)
# "what's the director's name?", "name of the actor playing the boy?" ask who.
NAME_QUESTION = re.compile(r"^\W*(what('s| is| was| are| were)?\b.*\bnames?\b|(the )?names? of\b)")

SUMMARY_PATTERNS = (
    r"\bsumm?ari[sz]e\b",
    r"\bsummary\b",
    r"\btl\W*dr\b",
    r"\bgist\b",
    r"\bsum up\b",
    r"\bpros\b.*\bcons\b",
    r"\bstrengths?\b.*\bweakness",
    r"\b(good|best) and (the )?(bad|worst)\b",
    r"\boverview\b",
    r"\bshort version\b|\bin a nutshell\b|\brecap\b|\bsum it up\b|\bbrief(ly)?\b",
    # "thoughts?", "what did they think?", "their take?": the review's opinion as a whole.
    r"^\W*(any )?(thoughts|opinions?|impressions?|take|views?)\W*$",
    r"\bwhat did (they|the critic|the reviewer) (think|say|make of it)\W*$",
    r"\bwhat did (they|the critic|the reviewer) think (of|about) (it|the film|the movie)\W*$",
    # "…yay or nay in their opinion" asks that opinion of what it names.
    r"(?<!\bin )\b(their|the critic's|the reviewer's) (take|opinion|view|impressions?)\W*$",
    r"\b(their|the critic'?s|the reviewer'?s|the review'?s) conclusions?\b",
    r"\bconclusions? of the (review|critic|reviewer)\b",
    r"^\W*(what's|whats|what is|what was|hows|how's|how is) "
    r"(it|this|this one|the (film|movie|show)|this (film|movie|show)) like\W*$",
)
PLOT_PATTERNS = (
    r"\bwhat('s| is| was)? (the |this |that )?(film|movie|flick|one|it|story|plot)\b.*\babout\b",
    r"\b(gist|setup|set-up|outline|rundown|run-down) of the (story|plot|film|movie)\b",
    r"\b(rundown|run-down|outline)\b.*\b(story|plot|characters)\b",
    r"\bwhat'?s (going on|happening) in (the|this) (story|plot|film|movie)\b",
    r"\b(give|tell|explain|outline|summari[sz]e)\b.*\bthe (plot|story|storyline)\b",
    r"\bwhat (is|was) it about\b",
    r"\bwhat (actually |really |exactly )?happens\b",
    r"\bsynopsis\b",
    # "gimme the plot", "remind me how the story goes"
    r"\b(gimme|give me|remind me( of)?) (the )?(plot|story|storyline|gist)\b",
    r"\bhow (does|did) the (story|plot) go\b|\bhow the (story|plot) goes\b",
    r"\bpremise\b",
    r"\bstoryline\b",
    r"\bplot summary\b",
    r"\bhow (does|did) (it|the (film|movie|story)) (open|begin|start)\b",
    r"\b(tell|describe)\b.*\b(plot|story)\b",
    r"\bstory[- ]?wise\b",
    # "what is the story supposed to be?"; not "what was the story like?" nor "what is the
    # plot's biggest weakness?", which ask an opinion.
    r"^\W*what( is| was) the (story|plot)( supposed to be| even| exactly)?\W*$",
    r"\bwhat'?s the ((basic|main|general|overall|heist|whole) )?"
    r"(plot|story|setup|set-up|premise)\b",
    # "plot? something about drawings?", "story pls": the word asked on its own.
    r"^\W*(the )?(plot|story|premise|synopsis)( pls| please| plz)?\b"
    r"(?! (is|was|were|are|of|and|or|holes?|twists?|wise|line|lines)\b)",
)
# "what's seven pounds actually about, the trailer was vague": a title, then "about" (read as
# the plot only where no liking or complaint is asked: "what's their complaint about?").
PLOT_ABOUT = (
    r"^\W*what('s| is| was)"
    r"(?!.*\b(review|critic|reviewer|hype|fuss|deal|special|so|point|on|all|up)\b.*\babout\b)"
    r"( [\w'-]+){1,4}( actually| really| even| exactly)? about\b(?! (the|its|his|her|their) )"
)
ENDING_PATTERNS = (
    r"\bhow (does|did) (it|the (film|movie|story))( all)? end\b",
    r"\bhow (it|the (film|movie|story)) ends\b",
    r"\bwhat happens (at|in) the (very )?end\b",
    r"\b(the )?ending\b",
    r"\bend of the (film|movie|story)\b",
    r"\b(wraps?|wrapped|wrapping) (it |things |everything )?up\b|\bwrap-up\b",
    r"\bspoil",
    r"\btwist\b",
    # "does it stick the landing?", "do marcus n patty end up together?"
    r"\bstick(s|ed|ing)? the landing\b",
    r"\bend(s|ed)? up (together|dead|married|alone|with each other)\b",
)
VERDICT_PATTERNS = (
    r"\brecommend",
    r"\brating\b",
    r"\brated?\b",
    r"\bverdict\b",
    r"\bworth\b",
    r"\bthumbs?\b",
    r"\bstars?\b",
    r"\bout of (10|ten|5|five|4|four)\b",
    r"\b(good|bad) or (good|bad)\b",
    # "actually good or just hype"
    r"\b(good|great|worth it) or (just |all |mostly )?(hype|hyped|overhyped|overrated|meh)\b",
    r"\b(positive|negative) or (positive|negative)\b",
    r"\bshould (i|we|you)\b.*\b(see|watch|bother|rent|buy|skip|avoid|catch|stream)\b",
    r"\bshould (i|we|you)\b.*\b(check (it|this|this one) out|check out"
    r"|give (it|this|this one) a)\b",
    # "good shout?", "is this a good pick y/n"
    r"\b(good|great|decent|solid|safe|bad|smart) (shout|pick|choice|bet|call|option)\b",
    r"\bseal of approval\b|\bapprove of (it|this)\b",
    # "watch it or skip it", "i dont usually do silent films, give it a shot y/n?"
    r"\b(watch|see|rent) (it|this)( or (skip|avoid|pass)| or not)\b",
    r"\bgive (it|this|this one) a (shot|go|try|chance|watch)\b",
    r"\b(will|would) (i|we) (enjoy|like|love|hate|dig)\b",
    # "would they tell me to go see it"
    r"\b(tell|want|advise|urge|suggest)s? (me|us|you|people|anyone|someone) to (go )?"
    r"(see|watch|skip|avoid|check|rent|catch)\b",
    r"\b(like|love|enjoy|hate|dislike)d? (it|this|that|this one|that one|the (film|movie|flick)"
    r"|this (film|movie|flick))\b",
    r"^\W*(so |and |but )?(is|was) (it|this|this one|the (film|movie)|this (film|movie))"
    r"( \w+)?( any)? (good|bad|great|decent|cool|fun|worth it|worth seeing|worth watching)"
    r"( or (what|not|nah|no|bad|meh))?( y/n)?\W*$",
    # "is it a decent zombie movie?"
    r"^\W*(so |and |but )?(is|was) (it|this|this one|the (film|movie)|this (film|movie))"
    r"( \w+)? an? ((really|very|pretty) )?(good|bad|great|decent|solid|terrible|awful|fun)"
    r"( \w+)? (film|movie|flick|watch|one)\W*$",
    r"^\W*any good\W*$",
    r"\b(like|love|enjoy|hate)d? (it|the film|the movie) or not\b",
    r"\boverall\b",
    r"\b(stance|conclusion|bottom line)\b",
    r"\b(a )?fans? of (it|this|this one|the (film|movie))\b",
    r"\bmust[- ]see\b",
    r"^\W*(so |then )?(skip|avoid) (it|this|this one)\b",
    r"\bregret (renting|watching|seeing|buying|streaming)\b",
    # "was it a dud for them?", "is it a flop or what": yes or no, not the reasons.
    r"^\W*(so |and |but )?(is|was) (it|this|this one|the (film|movie)) (a |an )?(total |complete )?"
    r"(dud|flop|bomb|letdown|disappointment|keeper|slog|win|success|triumph)\b",
)
# Verdict cues that name the film itself as their object ("would you recommend Bullfighter?"):
# a word of the review after them is the title, not a person to judge.
STRONG_VERDICT = re.compile(
    r"\brecommend|\bthumbs?\b|\bverdict\b|\bworth (a )?(watch|see)"
    r"|^\W*should (i|we) (see|watch|rent|stream|catch)\b|\bworth (my|your|our|the) (time|while)\b"
    r"|\bgood (one|ep|episode|film|movie|pick|choice|place|starting point|intro)( \w+)? (to|for)\b"
    r"|^\W*should (i|we) (check (it|this|this one) out|check out|give (it|this|this one) a)\b"
    # "good or just more cheap corman trash": the film, weighed against its kind.
    r"|^\W*(so )?(good|bad|great|decent|any good) or (bad|not|just|more|another|a|an|total)\b"
)
# The asker saying who they are, so the verdict fits them: "massive batman nerd here", "to
# someone who likes creepy films", "never seen a silent film": no aspect or person is asked.
ASKER = re.compile(
    r"\b(\w+ ){0,2}(fan|fans|nerd|nerds|buff|buffs|geek|geeks|newbie|newbies|noob|beginner)\b"
    r"( here)?|\b(someone|anyone|people|those|viewers?|folks?) (who|that) \w+ [^,?.!]*"
    r"|\b(fans?|lovers?) of [^,?.!]*|\bif (i|you) (like|love|enjoy|liked|loved) [^,?.!]*"
    r"|\bnever (seen|watched) an? [^,?.!]*"
)
# The words of a question about prizes; lookup.py wants a prize in the answer for them.
AWARD_WORD = re.compile(r"awards?|oscars?|baftas?|emmys?|nominat\w*|noms?|prizes?")
AWARD_QUESTION = re.compile(
    rf"\b({AWARD_WORD.pattern}|golden globes?)\b|\b(win|won|wins) (any|an|a|the)\b(?!.*\bover\b)"
)
# Where the story comes from and how it sold are facts, whatever else the question says ("was
# it a box office flop?" asks no complaint).
SOURCE_QUESTION = re.compile(
    r"\bbased (up)?on (a|an|any|some|real|true|actual|the (\w+ )?(book|novel|play|comic|story"
    r"|manga|game|series|show|musical|life|events))\b"
    r"|\badapted from\b|\b(true|real) story\b|\bbox[- ]office\b"
)
YEAR_QUESTION = re.compile(
    r"\b(what|which) (year|decade)\b|\bwhen (was|did) (it|this|the (film|movie)) "
    r"(come out|made|released|release|filmed|shot)\b|\brelease (year|date)\b"
    r"|\b(year|date) of (its )?release\b"
)
# Where, or in what year, it was made: facts to look up, whatever else the question says
# ("what year's this from, feels very 70s").
PLACE_QUESTION = re.compile(
    r"\b(shot|filmed|set|made) (in|on location in|on location)\b|" + YEAR_QUESTION.pattern
)
# Questions about how long a film runs name no content word to match.
LENGTH_QUESTION = re.compile(
    r"\bhow long\b|\brun ?time\b|\brunning time\b|\bhow many (mins?|minutes|hours|hrs)\b"
    r"|\bminutes[- ]wise\b"
)

OPINION_QUESTION = re.compile(
    r"\b(how('s| was| were| is| are| did)|what about|thoughts? on|think of|opinion (of|on)|"
    r"feel about|say about|(any )?good|any good|impressed|verdict on)\b"
    # "how bad was Stone?", "how violent is it?": a degree asked for is an opinion asked for.
    r"|\bhow (?!much\b|many\b|long\b|old\b|often\b|come\b|far\b)\w+ (was|were|is|are)\b"
    # "how does courtney thorne smith come off in this"
    r"|\bhow (does|do|did) [\w' ]{1,40}\b(come off|come across|fare|hold up|measure up"
    r"|work together|gel|click|stack up|compare)\b"
)
# "Why did they hate it?" asks for the reasons, not the verdict.
REASON_QUESTION = re.compile(r"^\W*(why|how come)\b")
# "Who would they recommend it to?" asks for an audience the review names.
AUDIENCE_QUESTION = re.compile(r"\bwho\b.*\brecommend\w*\b.*\bto\b|\brecommend\w* .*\bto whom\b")
FOLLOW_UP_WHY = re.compile(r"^\s*(why|how come|what makes you say that|explain)\b[\s?.!]*$")
FOLLOW_UP_MORE = re.compile(r"^\s*(what else|anything else|more|and\??|go on)\b[\s?.!]*$")
FOLLOW_UP_START = re.compile(r"^\s*(and|what about|how about|also)\b")
# "What was their favourite number?" asks for one named thing, which the review states in those
# words; it is looked up first, and read as a likes/dislikes question if the review doesn't.
FAVOURITE_QUESTION = re.compile(
    r"\b(what|which)\b.*\b(favou?rite|faves?|favs?|best|worst|weakest|strongest)\s+(\w+)"
    # "which scenes are their favs"
    r"|\b(what|which) (\w+) (is|are|was|were) (their|his|her|the critic's|the reviewer's) "
    r"(favou?rites?|faves?|favs?)\b"
)
# A verdict question that asks for the number itself: the answer says when the review gives none.
RATING_QUESTION = re.compile(r"\b(rating|rated?|score|stars?|out of (10|ten|5|five|4|four))\b")
# "What score would they give it?" asks for the rating even though "score" also names the music.
SCORE_GIVEN = re.compile(
    r"\b(score|rating|grade|mark|stars?)\b.*\b(give|gave|given|award|awarded)\b"
    r"|\b(give|gave|given|award|awarded)\b.*\b(score|rating|grade|mark|stars?)\b"
    r"|\bhow many stars\b|\bwhat (would|did) (they|the critic|the reviewer) rate\b"
)
# "Which film has the best reviews?", "the worst-rated movie?", "which films did critics like?":
# films ranked by their reviews' verdicts.
RANKING_QUESTION = re.compile(
    r"\b(best|worst|highest|lowest|top|most|least|better|worse)[- ]?(reviewed|rated|liked|loved"
    r"|praised|received|panned|hated|disliked|recommended)\b"
    r"|\b(best|worst|better|worse|good|bad|highest|lowest|top|great|poor) "
    r"(reviews|ratings|scores)\b"
    # "which movie is it nothing like?" compares; it ranks nothing.
    r"|\b(which|what) (films?|movies?)\b.*(?<!nothing )(?<!something )(?<!it's )(?<!is it )"
    r"\b(like|liked|love|loved|enjoy|enjoyed|hate|hated"
    r"|dislike|disliked|recommend|recommended|praise|praised|pan|panned)\b"
    r"|\b(which|what) (films?|movies?) (is|are|was|were) (worth|good|bad|best|worst|the best"
    r"|the worst|recommended)\b"
    r"|\brank(ing|ed)?\b.*\b(films|movies)\b|\b(films|movies)\b.*\brank(ing|ed)?\b"
)
LOW_RANK = re.compile(r"\b(worst|lowest|least|worse|bad|poor|panned|pan)\b")
# "is it rated R?", "an R rated film": the age rating is a fact, not the critic's score.
AGE_RATING = re.compile(
    r"\b(rated|rating) (g|pg|pg-13|pg 13|r|nc-17|nc 17|x|u|12a?|15|18)\b|\bpg-?13\b"
    r"|\b(g|pg|r|nc-17|x)[- ]rated\b"
)
# "Was it really shot in the Himalayas?": where it was made, not how it looks.
# "hitchcock made this?": who made it. "what made it so bad?" asks what caused it.
MADE_IT = re.compile(
    r"(?<!what )(?<!that )\b(made|directed|wrote|produced) (this|it|the (film|movie))"
    r"( for real)?\W*$"
)
# "is this old comedy worth hunting down?", "did some other comedy do it better?": the genre
# names a film, no aspect of it.
FILM_AS_GENRE = re.compile(
    r"\b(this|that|some other|another|other|any other)( \w+)? (comedy|comedies|horror|thriller"
    r"|drama|western|musical|romcom|cartoon|documentary|animation)\b"
)
# Aspects a question names only to leave out: "what else bugged them apart from the effects?"
EXCEPTED = re.compile(
    r"\b(apart from|besides|other than|except( for)?|aside from|beyond|not counting)"
    r"( the| its| their)?( (?!and\b|or\b)\w+){1,2}((,| and| or| nor)( the| its| their)?"
    r"( (?!and\b|or\b)\w+){1,2})*"
)
# "does nora marry the smuggler in the end?", "did he get his life back by the end": what happens
# to someone at the end, asked yes or no.
EVENT_AT_END = re.compile(
    r"^\W*(so |but |and )?(does|did|do) (?!it |the (film|movie|story) ).+\b(in|by|at) the "
    r"(very )?(end|finale|climax)\b"
)
# Aspects an event at the end may name without asking a judgement: "does the villain die?"
STORY_PARTS = frozenset({"ending", "story", "characters", "violence"})

# "How's it end?" asks for the spoiler, though "how's" otherwise asks for an opinion.
# "what's the critic's conclusion?" asks for the verdict, not the film's ending.
THEIR_CONCLUSION = re.compile(
    r"\b(their|his|her|your|(the )?(critic|reviewer|review)'?s?) conclusions?\b"
    r"|\bconclusions? of the (review|critic|reviewer)\b"
)
NO_SPOILERS = re.compile(
    r"\b(no|without|free of|w/o) spoil\w*|\bspoiler[- ]?free\b|\bwithout spoiling\b"
    r"|\b(does|do|is|has) (the review|it|this review) (have |contain |got )?(any )?spoil\w*"
)
HOW_IT_ENDS = re.compile(r"\bhow('s|'d| does| did) (it|the (film|movie|story))( all)? end\b")
ACROSS_PATTERNS = (
    r"\bcritics\b",
    r"\breviewers\b",
    r"\b(which|what|all|other|several|many|both|the) reviews\b",
    r"\bcompare\b",
    r"\beveryone\b",
    r"\beach (critic|review|reviewer)\b",
)
