"""How questions ask for the review's summary, the plot and the ending (regular expressions over
the normalised question)."""

from __future__ import annotations

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
    r"\b(their|the critic's|the reviewer's) (take|opinion|view|impressions?)\W*$",
    r"\b(their|the critic'?s|the reviewer'?s|the review'?s) conclusions?\b",
    r"\bconclusions? of the (review|critic|reviewer)\b",
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
    r"\bpremise\b",
    r"\bstoryline\b",
    r"\bplot summary\b",
    r"\bhow (does|did) (it|the (film|movie|story)) (open|begin|start)\b",
    r"\b(tell|describe)\b.*\b(plot|story)\b",
    r"\bstory[- ]?wise\b",
    r"\bwhat'?s the ((basic|main|general|overall|heist|whole) )?"
    r"(plot|story|setup|set-up|premise)\b",
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
)
