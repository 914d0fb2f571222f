"""`/review …` and @mention text parsed into the router's commands."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Subcommand -> router command. `list` is what Slack users type; the router calls it `reviews`.
SUBCOMMANDS = {
    "ask": "ask",
    "likes": "likes",
    "dislikes": "dislikes",
    "verdict": "verdict",
    "list": "reviews",
    "reviews": "reviews",
    "film": "film",
    "help": "help",
    "add": "add",
}

HELP_TEXT = (
    "Ask me about the film reviews I have indexed; I answer with the critic's own words.\n"
    "• `/review what did the critic dislike?` — any question (or mention me: @ReviewBot …)\n"
    "• `/review likes [film]` / `/review dislikes [film]` — what the critic praised or criticised\n"
    "• `/review verdict [film]` — did they like it, and the sentence that shows it\n"
    "• `/review list [film]` — the reviews I know\n"
    "• `/review film <title>` — set this channel's default film\n"
    "• `/review add` — add a review (admins only)\n"
    "Follow-ups work in a thread: mention me there with “and the music?”."
)

_USER_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL_LINK = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!([a-z_]+)(?:\^[^|>]*)?(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_EMOJI = re.compile(r":[a-z0-9_+'\-]+(?:::skin-tone-\d)?:")


@dataclass(frozen=True, slots=True)
class Command:
    """What a piece of text asks for: a router command, `add`, or an unknown word."""

    name: str
    argument: str = ""
    suggestion: str | None = None


def clean_text(text: str) -> str:
    """Slack's wire format made plain: mentions dropped, links and entities unwrapped."""
    text = _USER_MENTION.sub(" ", text)
    text = _CHANNEL_LINK.sub(lambda m: "#" + (m.group(1) or "channel"), text)
    text = _SPECIAL.sub(lambda m: m.group(2) or "", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    # Emoji shortcodes are decoration, not words: a question of only emoji is empty.
    text = _EMOJI.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def parse(text: str) -> Command:
    """`likes La La Land` -> likes; `lieks` -> unknown (did you mean likes?); else a question."""
    cleaned = clean_text(text)
    if not cleaned:
        # Nothing at all asks for help; only emoji or a bare mention is an empty question.
        return Command("help") if not text.strip() else Command("ask", "")
    text = cleaned
    first, _, rest = text.partition(" ")
    word = first.lower().rstrip("?!.:,")
    if word in SUBCOMMANDS:
        return Command(SUBCOMMANDS[word], rest.strip())
    # One short word that is not a question but looks like a subcommand is most likely a typo.
    if not rest and "?" not in first:
        close = difflib.get_close_matches(word, list(SUBCOMMANDS), n=1, cutoff=0.75)
        if close:
            return Command("unknown", first, suggestion=close[0])
    return Command("ask", text)


def unknown_message(command: Command) -> str:
    hint = f" Did you mean `{command.suggestion}`?" if command.suggestion else ""
    return f"I don't know the subcommand “{command.argument}”.{hint}\n\n{HELP_TEXT}"
