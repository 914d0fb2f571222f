"""Answer `@ReviewBot …` mentions and DMs as replies; a reply to an answer is a follow-up.

Only messages addressed to the bot carry content without the privileged message-content intent
(mentions, DMs, replies that ping the bot), which is exactly what is read here.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord

from bot.adapters.discord.commands import HELP_TEXT
from bot.adapters.discord.render import APOLOGY, plain_content, render_answer
from bot.adapters.discord.views import feedback_view
from bot.router import ChatReply, ChatRequest

if TYPE_CHECKING:
    from bot.adapters.discord.client import DiscordAdapter

log = logging.getLogger(__name__)

NUDGE = (
    "Ask me about a review, e.g. “@ReviewBot what did the critic dislike?”, "
    "or type /help to see everything I can do."
)
ANSWERABLE_TYPES = (discord.MessageType.default, discord.MessageType.reply)


class MentionHandler:
    def __init__(self, adapter: DiscordAdapter) -> None:
        self.adapter = adapter

    async def handle(self, message: discord.Message) -> None:
        me = self.adapter.client.user
        if me is None or message.author.bot or message.author.id == me.id:
            return
        if message.type not in ANSWERABLE_TYPES:
            return
        is_dm = message.guild is None
        # raw_mentions lists only explicit <@id> mentions; `mentioned_in` is also true for
        # @everyone and @here, which must not wake the bot.
        mentioned = me.id in message.raw_mentions
        replied_to = self.replied_bot_message(message, me.id)
        if not (is_dm or mentioned or replied_to is not None):
            return
        text = strip_mention(message.content, me.id)
        if not text:
            if mentioned or is_dm:
                await self.send(message, ChatReply("text", NUDGE))
            # A reply without a ping arrives without content; there is nothing to answer.
            return
        if text.lower().strip("/!?. ") == "help":
            # The router's help describes the commands generically; this one names Discord's.
            await self.send(message, ChatReply("text", HELP_TEXT))
            return
        thread = self.thread_for(message, replied_to)
        request = ChatRequest(
            platform="discord",
            user_id=str(message.author.id),
            channel_id=str(message.channel.id),
            command="ask",
            text=text,
            thread_id=thread,
        )
        try:
            async with message.channel.typing():
                reply = await self.adapter.router.handle(request)
            sent = await self.send(message, reply, question=text)
        except Exception:  # the one catch for mentions: log, apologise, carry on
            log.exception("Discord message %s failed", message.id)
            try:
                await self.send(message, ChatReply("text", APOLOGY))
            except discord.HTTPException:
                log.warning("message %s: could not send the apology", message.id)
            return
        self.adapter.threads.remember(sent.id, thread or "")

    def replied_bot_message(self, message: discord.Message, my_id: int) -> int | None:
        """The id of the bot's message this one replies to, if it is a reply to the bot."""
        reference = message.reference
        if reference is None or reference.message_id is None:
            return None
        if reference.message_id in self.adapter.threads:
            return reference.message_id
        resolved = reference.resolved or reference.cached_message
        if isinstance(resolved, discord.Message) and resolved.author.id == my_id:
            return reference.message_id
        return None

    def thread_for(self, message: discord.Message, replied_to: int | None) -> str | None:
        """Replies continue the conversation of the message that started the chain."""
        if replied_to is None:
            # A DM is one running conversation; each mention in a channel starts a new one.
            return None if message.guild is None else str(message.id)
        known = self.adapter.threads.get(replied_to)
        if known is not None:
            return str(known) or None
        # Not remembered (e.g. after a restart): the bot's answer replied to the chain's start.
        resolved = message.reference.resolved if message.reference else None
        if isinstance(resolved, discord.Message) and resolved.reference is not None:
            return str(resolved.reference.message_id)
        return str(replied_to)

    async def send(
        self, message: discord.Message, reply: ChatReply, *, question: str = ""
    ) -> discord.Message:
        if reply.kind == "answer" and reply.answer is not None:
            sent = await message.reply(
                embed=render_answer(reply.answer, question=question),
                view=feedback_view(self.adapter.feedback_button),
                allowed_mentions=discord.AllowedMentions.none(),
                mention_author=False,
            )
            self.adapter.answers.remember(sent.id, (question, reply.answer.answer))
            return sent
        return await message.reply(
            plain_content(reply.text),
            allowed_mentions=discord.AllowedMentions.none(),
            mention_author=False,
        )


def strip_mention(content: str, user_id: int) -> str:
    return " ".join(re.sub(rf"<@!?{user_id}>", " ", content).split())
