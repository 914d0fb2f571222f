"""The slash commands: each checks what it must, defers, and hands a `ChatRequest` to the router."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from rapidfuzz import fuzz, process, utils

from bot.adapters.discord.permissions import check_manage_channels, check_manage_guild
from bot.errors import UserError
from bot.reviews.ingest.readers import ReadDefaults, decode_text, parse_text_document
from bot.reviews.qa.checks import check_question
from bot.reviews.qa.films import label
from bot.reviews.types import ReviewInput

if TYPE_CHECKING:
    from bot.adapters.discord.client import DiscordAdapter

MAX_CHOICES = 25  # Discord shows at most 25 autocomplete choices
CHOICE_LIMIT = 100  # characters in a choice's name and value
ATTACHMENT_SUFFIXES = (".txt", ".md")

HELP_TEXT = (
    "**Ask me about the film reviews I have indexed — I answer with the critic's own words.**\n"
    "• `/ask question [film]` — e.g. “what did the critic dislike?”, “how was the acting?”\n"
    "• `/likes [film]` · `/dislikes [film]` — what the critic praised or criticised\n"
    "• `/verdict [film]` — did they like it, and the sentence that shows it\n"
    "• `/reviews [film]` — the reviews I know\n"
    "• `/film set title` — this channel's default film (Manage Channels)\n"
    "• `/review add` — add a review by form or .txt/.md file (Manage Server)\n"
    "Or mention me: “@ReviewBot what did the critic dislike?” — and reply to my answer to "
    "follow up (“and the acting?”). Rate my answers with 👍 / 👎."
)


async def film_choices(adapter: DiscordAdapter, current: str) -> list[app_commands.Choice[str]]:
    """Indexed films matching what is typed so far, best first; none when nothing matches."""
    films = await adapter.router.service.films()
    labels = sorted({label(f)[:CHOICE_LIMIT] for f in films}, key=str.casefold)
    typed = current.strip()
    if not typed:
        chosen = labels[:MAX_CHOICES]
    else:
        matches = process.extract(
            typed,
            labels,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=60,
            limit=MAX_CHOICES,
        )
        chosen = [name for name, _, _ in matches]
    return [app_commands.Choice(name=name, value=name) for name in chosen]


async def review_from_attachment(
    attachment: discord.Attachment, *, max_bytes: int, overrides: dict[str, Any]
) -> ReviewInput:
    """Read an uploaded .txt/.md review (front matter allowed); refuse anything else whole."""
    name = attachment.filename
    if not name.lower().endswith(ATTACHMENT_SUFFIXES):
        raise UserError(f"“{name}” isn't a .txt or .md file; attach the review as plain text.")
    if attachment.size > max_bytes:
        raise UserError(
            f"“{name}” is {attachment.size:,} bytes; reviews can be at most {max_bytes:,} bytes."
        )
    try:
        data = await attachment.read()
    except discord.HTTPException as exc:
        raise UserError(f"I couldn't download “{name}” from Discord; please try again.") from exc
    if len(data) > max_bytes:
        raise UserError(f"“{name}” is {len(data):,} bytes; reviews can be at most {max_bytes:,}.")
    if b"\x00" in data:
        raise UserError(f"“{name}” looks like a binary file, not text; attach UTF-8 text.")
    item = parse_text_document(decode_text(data, name), name, ReadDefaults())
    return replace(item, **{k: v for k, v in overrides.items() if v not in (None, "")})


def register_commands(tree: app_commands.CommandTree[Any], adapter: DiscordAdapter) -> None:
    settings = adapter.settings

    async def complete_film(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await film_choices(adapter, current)

    @tree.command(name="ask", description="Ask about a film review; I answer with quotes.")
    @app_commands.describe(question="e.g. What did the critic dislike?", film="Which film")
    @app_commands.autocomplete(film=complete_film)
    async def ask(
        interaction: discord.Interaction[Any], question: str, film: str | None = None
    ) -> None:
        # Checked before deferring so the asker alone sees what was wrong with it.
        text = check_question(question, settings.answer.max_question_chars)
        await adapter.ask(interaction, "ask", text, film=film)

    @tree.command(name="likes", description="What did the critic like?")
    @app_commands.describe(film="Which film (default: this channel's or the last one)")
    @app_commands.autocomplete(film=complete_film)
    async def likes(interaction: discord.Interaction[Any], film: str | None = None) -> None:
        await adapter.ask(interaction, "likes", film or "", question="What did the critic like?")

    @tree.command(name="dislikes", description="What did the critic dislike?")
    @app_commands.describe(film="Which film (default: this channel's or the last one)")
    @app_commands.autocomplete(film=complete_film)
    async def dislikes(interaction: discord.Interaction[Any], film: str | None = None) -> None:
        await adapter.ask(
            interaction, "dislikes", film or "", question="What did the critic dislike?"
        )

    @tree.command(name="verdict", description="Did the critic like it?")
    @app_commands.describe(film="Which film (default: this channel's or the last one)")
    @app_commands.autocomplete(film=complete_film)
    async def verdict(interaction: discord.Interaction[Any], film: str | None = None) -> None:
        await adapter.ask(interaction, "verdict", film or "", question="Did the critic like it?")

    @tree.command(name="reviews", description="The reviews I have indexed.")
    @app_commands.describe(film="Only the reviews of this film")
    @app_commands.autocomplete(film=complete_film)
    async def reviews(interaction: discord.Interaction[Any], film: str | None = None) -> None:
        await adapter.ask(interaction, "reviews", film or "")

    @tree.command(name="help", description="What I can do.")
    async def help_command(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message(
            HELP_TEXT, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    film_group = app_commands.Group(
        name="film",
        description="This channel's default film.",
        guild_only=True,
        default_permissions=discord.Permissions(manage_channels=True),
    )

    @film_group.command(name="set", description="Set the film questions here are about.")
    @app_commands.describe(title="The film")
    @app_commands.autocomplete(title=complete_film)
    async def film_set(interaction: discord.Interaction[Any], title: str) -> None:
        check_manage_channels(interaction)
        await adapter.ask(interaction, "film", title)

    review_group = app_commands.Group(
        name="review",
        description="Manage the indexed reviews.",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    @review_group.command(name="add", description="Add a review: a form, or attach a .txt/.md.")
    @app_commands.describe(
        file="A .txt or .md review (front matter such as 'film: Heat' allowed)",
        film="Film title",
        year="Year of release",
        critic="Critic",
        source="Publication or site",
    )
    @app_commands.autocomplete(film=complete_film)
    async def review_add(
        interaction: discord.Interaction[Any],
        file: discord.Attachment | None = None,
        film: str | None = None,
        year: app_commands.Range[int, 1870, 2100] | None = None,
        critic: str | None = None,
        source: str | None = None,
    ) -> None:
        # Never trust that Discord hid the command from non-admins: check again here.
        check_manage_guild(interaction)
        if file is None:
            modal = adapter.open_review_modal(film=film, year=year, critic=critic, source=source)
            await interaction.response.send_modal(modal)
            return
        await adapter.defer(interaction, ephemeral=True)
        item = await review_from_attachment(
            file,
            max_bytes=settings.ingest.max_review_bytes,
            overrides={"film": film, "year": year, "critic": critic, "source": source},
        )
        await adapter.add_review(interaction, item)

    tree.add_command(film_group)
    tree.add_command(review_group)
