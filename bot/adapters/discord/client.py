"""The Discord adapter: a discord.py client and command tree composed around the shared router.

Slash commands, mentions and buttons are translated into `ChatRequest`s for the router; its
`ChatReply`s are rendered as embeds. Nothing here knows how answers are made.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.permissions import check_manage_guild
from bot.adapters.discord.render import APOLOGY, plain_content, render_answer
from bot.adapters.discord.views import (
    FeedbackItem,
    ReviewModal,
    ReviewsPager,
    feedback_button_class,
    feedback_view,
)
from bot.config import Settings
from bot.errors import UserError
from bot.reviews.types import ReviewInput
from bot.router import ChatReply, ChatRequest, Router

log = logging.getLogger(__name__)

PLATFORM = "discord"
NO_PINGS = discord.AllowedMentions.none()


class BoundedMap(OrderedDict[int, Any]):
    """The most recently used entries only; old answers fall back to what Discord sends us."""

    def __init__(self, capacity: int) -> None:
        super().__init__()
        self.capacity = capacity

    def remember(self, key: int, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.capacity:
            self.popitem(last=False)


def slash_thread(interaction: discord.Interaction[Any]) -> str:
    """Slash commands have no thread: each user's commands in a channel are one conversation."""
    return f"slash:{interaction.user.id}"


def intents() -> discord.Intents:
    """Guilds and messages, not the privileged message-content intent: mentions and DMs carry
    their content anyway, and that is all the bot reads."""
    chosen = discord.Intents.default()
    chosen.message_content = False
    chosen.members = False
    chosen.presences = False
    chosen.typing = False
    return chosen


class DiscordAdapter:
    def __init__(
        self,
        router: Router,
        settings: Settings,
        *,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self.router = router
        self.settings = settings
        client_class = discord.AutoShardedClient if settings.discord.sharded else discord.Client
        self.client: discord.Client = client_class(
            intents=intents(), allowed_mentions=NO_PINGS, **(client_options or {})
        )
        self.tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(self.client)
        self.tree.on_error = self.on_tree_error  # type: ignore[method-assign]
        self.feedback_button: type[FeedbackItem] = feedback_button_class(self.record_vote)
        self.client.add_dynamic_items(self.feedback_button)
        # bot answer message id -> thread id (the first message of the reply chain)
        self.threads = BoundedMap(10_000)
        # bot answer message id -> (question, answer text), for feedback rows
        self.answers = BoundedMap(10_000)

        from bot.adapters.discord.commands import register_commands
        from bot.adapters.discord.mentions import MentionHandler

        register_commands(self.tree, self)
        self.mentions = MentionHandler(self)
        self.client.event(self.on_message)
        self.client.event(self.on_ready)

    # -- events -------------------------------------------------------------------------------

    async def on_ready(self) -> None:
        user = self.client.user
        log.info(
            "Discord: logged in as %s (%s) in %d servers",
            user,
            user.id if user else "?",
            len(self.client.guilds),
        )

    async def on_message(self, message: discord.Message) -> None:
        await self.mentions.handle(message)

    # -- slash command plumbing ----------------------------------------------------------------

    async def defer(
        self, interaction: discord.Interaction[Any], *, ephemeral: bool = False
    ) -> None:
        """Acknowledge at once (Discord allows 3 seconds); the answer follows as a follow-up."""
        interaction.extras["ephemeral"] = ephemeral
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)

    async def ask(
        self,
        interaction: discord.Interaction[Any],
        command: str,
        text: str = "",
        *,
        film: str | None = None,
        question: str | None = None,
    ) -> None:
        """Defer, route one command, and show its reply."""
        await self.defer(interaction)
        request = ChatRequest(
            platform=PLATFORM,
            user_id=str(interaction.user.id),
            channel_id=str(interaction.channel_id or interaction.user.id),
            command=command,
            text=text,
            thread_id=slash_thread(interaction),
            film=film or None,
        )
        reply = await self.router.handle(request)
        await self.show(interaction, reply, question=question or text)

    async def show(
        self, interaction: discord.Interaction[Any], reply: ChatReply, *, question: str = ""
    ) -> None:
        """Send a router reply as the follow-up of a deferred interaction."""
        if reply.kind == "error" or reply.ephemeral:
            await self.say_privately(interaction, reply.text)
            return
        if reply.kind == "answer" and reply.answer is not None:
            shown_question = question or reply.answer.question
            message = await interaction.followup.send(
                embed=render_answer(reply.answer, question=shown_question),
                view=feedback_view(self.feedback_button),
                allowed_mentions=NO_PINGS,
                wait=True,
            )
            interaction.extras["answered"] = True
            self.answers.remember(message.id, (shown_question, reply.answer.answer))
            # Replying to this answer (a mention reply) continues the same conversation.
            self.threads.remember(message.id, slash_thread(interaction))
            return
        if reply.kind == "reviews":
            pager = ReviewsPager(
                reply.reviews, owner_id=interaction.user.id, on_failure=self.report_failure
            )
            if pager.pages > 1:
                pager.message = await interaction.followup.send(
                    embed=pager.embed(), view=pager, allowed_mentions=NO_PINGS, wait=True
                )
            else:
                await interaction.followup.send(embed=pager.embed(), allowed_mentions=NO_PINGS)
            interaction.extras["answered"] = True
            return
        await interaction.followup.send(plain_content(reply.text), allowed_mentions=NO_PINGS)
        interaction.extras["answered"] = True

    async def say_privately(self, interaction: discord.Interaction[Any], text: str) -> None:
        """An ephemeral message for the person who asked, whatever state the interaction is in."""
        content = plain_content(text)
        if not interaction.response.is_done():
            await interaction.response.send_message(
                content, ephemeral=True, allowed_mentions=NO_PINGS
            )
            return
        public_placeholder = not interaction.extras.get("ephemeral", True)
        if public_placeholder and not interaction.extras.get("answered"):
            # A follow-up would take over the public "thinking…" message; remove it so the
            # error reaches only the asker.
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                log.debug("interaction %s: no original response to delete", interaction.id)
        await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_PINGS)
        interaction.extras["answered"] = True

    async def on_tree_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """The one place unexpected errors of slash commands end up."""
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        await self.report_failure(interaction, original)

    async def report_failure(
        self, interaction: discord.Interaction[Any], error: BaseException
    ) -> None:
        if isinstance(error, UserError):
            message = str(error)
        elif isinstance(error, app_commands.CheckFailure):
            message = str(error) or "You can't use this command here."
        else:
            name = interaction.command.qualified_name if interaction.command else interaction.type
            log.error(
                "Discord interaction %s (%s) failed",
                interaction.id,
                name,
                exc_info=(type(error), error, error.__traceback__),
            )
            message = APOLOGY
        try:
            await self.say_privately(interaction, message)
        except discord.HTTPException:
            log.warning("interaction %s: could not send the error reply", interaction.id)

    # -- feedback and reviews ------------------------------------------------------------------

    async def record_vote(self, interaction: discord.Interaction[Any], verdict: str) -> None:
        try:
            message = interaction.message
            if message is None:
                raise UserError("That answer is gone; ask again to leave feedback.")
            question, answer = self.answers.get(message.id) or self._from_embed(message)
            await self.router.service.record_feedback(
                platform=PLATFORM,
                message_ref=str(message.id),
                user_id=str(interaction.user.id),
                verdict=verdict,
                question=question,
                answer=answer,
            )
            thanks = "Thanks — glad it helped!" if verdict == "up" else "Thanks — noted."
            await interaction.response.send_message(
                thanks, ephemeral=True, allowed_mentions=NO_PINGS
            )
        except Exception as exc:  # buttons have no command tree; this is their one catch
            await self.report_failure(interaction, exc)

    @staticmethod
    def _from_embed(message: discord.Message) -> tuple[str, str]:
        """After a restart the answer is no longer in memory; its embed still says it."""
        if not message.embeds:
            return "", message.content
        embed = message.embeds[0]
        return embed.title or "", embed.description or ""

    async def add_review(self, interaction: discord.Interaction[Any], item: ReviewInput) -> None:
        """Ingest a review typed into the modal or uploaded; the admin alone sees the outcome."""
        check_manage_guild(interaction)
        if not item.film:
            raise UserError(
                "Which film is this review of? Give the film option or a 'film:' front-matter line."
            )
        if not interaction.response.is_done():
            await self.defer(interaction, ephemeral=True)
        reply = await self.router.add_review(item)
        await self.say_privately(interaction, reply.text)

    def open_review_modal(self, **defaults: Any) -> ReviewModal:
        return ReviewModal(on_review=self.add_review, on_failure=self.report_failure, **defaults)
