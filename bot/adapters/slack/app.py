"""The bolt AsyncApp: Slack payloads in, router requests out, Block Kit replies back.

Every listener acknowledges Slack first and does the work afterwards (bolt runs it as a task),
so answers never race Slack's 3-second deadline. Failures are handled in one place,
`SlackAdapter._report`, reached from the listener boundary and from bolt's error handler.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters.slack import modal
from bot.adapters.slack.commands import HELP_TEXT, Command, parse, unknown_message
from bot.adapters.slack.render import (
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    REVEAL_SPOILERS,
    THANKS_TEXT,
    SlackMessage,
    answer_message,
    decode_spoilers,
    reviews_message,
    text_message,
    thanked,
)
from bot.config import Settings
from bot.errors import UserError
from bot.router import ChatReply, ChatRequest, Router

log = logging.getLogger(__name__)

PLATFORM = "slack"
APOLOGY = "Sorry — something went wrong on my side while answering. Please try again in a moment."
NOT_ADMIN = (
    "Only ReviewBot's admins can add reviews from Slack. Ask one of them, "
    "or add reviews with `reviewbot ingest`."
)
# Ingesting one review normally takes well under a second; past this the modal is closed
# (Slack wants an answer within 3 s) and the outcome is sent as a direct message instead.
ADD_ACK_SECONDS = 2.0
PROGRESS_REACTION = "eyes"

Body = dict[str, Any]
Listener = Callable[..., Awaitable[None]]


def render_reply(reply: ChatReply) -> SlackMessage:
    if reply.kind == "answer" and reply.answer is not None:
        return answer_message(reply.answer)
    if reply.kind == "reviews":
        return reviews_message(reply.reviews)
    return text_message(reply.text)


def request_id(body: Body) -> str:
    """Something to find a request by in the logs: the event id, else the trigger id."""
    for key in ("event_id", "trigger_id"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
    return "-"


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class ThreadReply:
    """Where a mention or DM is answered: its thread (or the DM), ephemeral where possible."""

    def __init__(
        self, client: AsyncWebClient, *, channel: str, user: str, thread_ts: str | None, dm: bool
    ) -> None:
        self.client = client
        self.channel = channel
        self.user = user
        self.thread_ts = thread_ts
        self.dm = dm

    async def send(self, message: SlackMessage, *, ephemeral: bool = False) -> None:
        if ephemeral and not self.dm:
            await self.client.chat_postEphemeral(
                channel=self.channel,
                user=self.user,
                text=message.text,
                blocks=message.blocks,
                thread_ts=self.thread_ts,
            )
            return
        await self.client.chat_postMessage(
            channel=self.channel,
            text=message.text,
            blocks=message.blocks,
            unfurl_links=False,
            unfurl_media=False,
            thread_ts=self.thread_ts,
        )


class SlackAdapter:
    """Owns the bolt app; compose it around a Router, one per process."""

    def __init__(
        self,
        router: Router,
        settings: Settings,
        *,
        client: AsyncWebClient,
        signing_secret: str = "",
    ) -> None:
        self.router = router
        self.service = router.service
        self.settings = settings
        self.add_ack_seconds = ADD_ACK_SECONDS
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.app = AsyncApp(
            name="reviewbot",
            client=client,
            # Passed explicitly: bolt would otherwise read SLACK_SIGNING_SECRET itself.
            signing_secret=signing_secret,
            logger=logging.getLogger("bot.adapters.slack.bolt"),
        )
        self.app.command("/review")(self._guard(self.on_command))
        self.app.event("app_mention")(self._guard(self.on_mention))
        self.app.event("message")(self._guard(self.on_message))
        self.app.action(FEEDBACK_UP)(self._guard(self.on_feedback))
        self.app.action(FEEDBACK_DOWN)(self._guard(self.on_feedback))
        self.app.action(REVEAL_SPOILERS)(self._guard(self.on_reveal_spoilers))
        self.app.view(modal.CALLBACK_ID)(self._guard(self.on_add_submitted))
        self.app.error(self.on_error)

    # -- bookkeeping ---------------------------------------------------------------------------

    @contextmanager
    def _working(self) -> Iterator[None]:
        self._inflight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until no listener is still answering (shutdown, and tests)."""
        async with asyncio.timeout(timeout):
            await asyncio.sleep(0)
            while self._inflight:
                await self._idle.wait()
                await asyncio.sleep(0)

    def _guard(self, listener: Listener) -> Listener:
        """Every listener runs inside this: counted for `drain`, and failures reported here.

        Bolt's own error handler (`on_error`) would see them too, but when a listener fails
        within bolt's 10 ms ack poll after acknowledging, bolt loses the ack and answers Slack
        with a 404 three seconds later; catching at this boundary keeps the ack intact.
        Listeners declare `body` (bolt injects by name) so the report can name the request.
        """

        @functools.wraps(listener)
        async def guarded(**kwargs: Any) -> None:
            with self._working():
                try:
                    await listener(**kwargs)
                except Exception as exc:
                    ack: AsyncAck | None = kwargs.get("ack")
                    if ack is not None and ack.response is None:
                        await ack()
                    await self._report(exc, kwargs.get("body") or {})

        return guarded

    def _is_admin(self, user_id: str) -> bool:
        return user_id in self.settings.slack.admin_user_ids

    # -- /review ------------------------------------------------------------------------------

    async def on_command(
        self,
        ack: AsyncAck,
        body: Body,
        command: Body,
        respond: AsyncRespond,
        client: AsyncWebClient,
    ) -> None:
        await ack()
        parsed = parse(command.get("text", ""))
        user, channel = command["user_id"], command["channel_id"]
        if parsed.name in ("help", "unknown"):
            await self._respond(respond, text_message(_local_text(parsed)), ephemeral=True)
            return
        if parsed.name == "add":
            if not self._is_admin(user):
                await self._respond(respond, text_message(NOT_ADMIN), ephemeral=True)
                return
            await client.views_open(
                trigger_id=command["trigger_id"], view=modal.add_review_view(channel)
            )
            return
        reply = await self.router.handle(
            ChatRequest(PLATFORM, user, channel, parsed.name, parsed.argument)
        )
        await self._respond(respond, render_reply(reply), ephemeral=reply.ephemeral)

    @staticmethod
    async def _respond(respond: AsyncRespond, message: SlackMessage, *, ephemeral: bool) -> None:
        await respond(
            text=message.text,
            blocks=message.blocks,
            response_type="ephemeral" if ephemeral else "in_channel",
            replace_original=False,
            unfurl_links=False,
            unfurl_media=False,
        )

    # -- @mentions and DMs --------------------------------------------------------------------

    async def on_mention(self, event: Body, body: Body, client: AsyncWebClient) -> None:
        if _from_a_bot(event):
            return
        await self._answer_message(event, body, client, dm=False)

    async def on_message(self, event: Body, body: Body, client: AsyncWebClient) -> None:
        # Channel messages arrive as app_mention; edits, joins and bot posts have a subtype.
        if event.get("channel_type") != "im" or event.get("subtype") or _from_a_bot(event):
            return
        await self._answer_message(event, body, client, dm=True)

    async def _answer_message(
        self, event: Body, body: Body, client: AsyncWebClient, *, dm: bool
    ) -> None:
        channel, ts, user = event["channel"], event["ts"], event.get("user", "")
        # Slack retries a delivery it thinks failed; the database remembers what was answered,
        # across restarts and processes.
        event_key = body.get("event_id") or f"{channel}:{ts}"
        if not await self.service.claim_event(PLATFORM, event_key):
            log.info("Slack event %s was already answered; ignoring the retry", event_key)
            return
        thread_ts = event.get("thread_ts") or (None if dm else ts)
        where = ThreadReply(client, channel=channel, user=user, thread_ts=thread_ts, dm=dm)
        parsed = parse(event.get("text", ""))
        if parsed.name in ("help", "unknown"):
            await where.send(text_message(_local_text(parsed)), ephemeral=True)
            return
        if parsed.name == "add":
            await where.send(text_message("Use `/review add` to add a review."), ephemeral=True)
            return
        request = ChatRequest(
            PLATFORM, user, channel, parsed.name, parsed.argument, thread_id=thread_ts
        )
        await self._react(client, channel, ts, add=True)
        try:
            reply = await self.router.handle(request)
            await where.send(render_reply(reply), ephemeral=reply.ephemeral)
        finally:
            await self._react(client, channel, ts, add=False)

    async def _react(self, client: AsyncWebClient, channel: str, ts: str, *, add: bool) -> None:
        """The 👀 cue is a nicety: a missing scope or a deleted message must not stop the answer."""
        try:
            if add:
                await client.reactions_add(channel=channel, timestamp=ts, name=PROGRESS_REACTION)
            else:
                await client.reactions_remove(channel=channel, timestamp=ts, name=PROGRESS_REACTION)
        except SlackApiError as exc:
            log.debug("progress reaction not %s: %s", "added" if add else "removed", exc)

    # -- buttons ------------------------------------------------------------------------------

    async def on_feedback(
        self, ack: AsyncAck, body: Body, action: Body, respond: AsyncRespond
    ) -> None:
        await ack()
        verdict = "up" if action.get("action_id") == FEEDBACK_UP else "down"
        message: Body = body.get("message") or {}
        container: Body = body.get("container") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id", "")
        ts = container.get("message_ts") or message.get("ts", "")
        await self.service.record_feedback(
            platform=PLATFORM,
            message_ref=f"{channel}:{ts}",
            user_id=body["user"]["id"],
            verdict=verdict,
            question=action.get("value", ""),
            answer=_unescape(message.get("text", "")),
        )
        if message.get("blocks"):
            await respond(
                text=message.get("text") or THANKS_TEXT,
                blocks=thanked(message["blocks"], verdict),
                replace_original=True,
            )
        else:
            await respond(text=THANKS_TEXT, response_type="ephemeral", replace_original=False)

    async def on_reveal_spoilers(
        self, ack: AsyncAck, body: Body, action: Body, respond: AsyncRespond
    ) -> None:
        await ack()
        message = decode_spoilers(action.get("value", ""))
        # Ephemeral: only the person who clicked sees the ending.
        await respond(
            text=message.text,
            blocks=message.blocks,
            response_type="ephemeral",
            replace_original=False,
        )

    # -- /review add modal --------------------------------------------------------------------

    async def on_add_submitted(
        self, ack: AsyncAck, body: Body, view: Body, client: AsyncWebClient
    ) -> None:
        user = body["user"]["id"]
        if not self._is_admin(user):
            await ack(response_action="errors", errors={"film": NOT_ADMIN})
            return
        item = modal.read_submission(view, max_bytes=self.settings.ingest.max_review_bytes)
        if isinstance(item, dict):
            await ack(response_action="errors", errors=item)
            return
        task = asyncio.ensure_future(self.router.add_review(item))
        done, _ = await asyncio.wait({task}, timeout=self.add_ack_seconds)
        if task in done:
            try:
                reply = task.result()
            except UserError as exc:
                await ack(response_action="errors", errors={"text": str(exc)})
                return
            await ack(response_action="update", view=modal.done_view(reply.text))
            return
        await ack()
        try:
            outcome = (await task).text
        except UserError as exc:
            outcome = f"Your review of {item.film} was not added: {exc}"
        await client.chat_postMessage(channel=user, text=text_message(outcome).text)

    # -- the one place failures end up -------------------------------------------------------

    async def on_error(self, error: Exception, body: Body) -> None:
        """Bolt's global error handler: failures outside the listeners (middleware, auth)."""
        with self._working():
            await self._report(error, body)

    async def _report(self, error: Exception, body: Body) -> None:
        """Log with the request id; tell the person (their own error, or a short apology)."""
        rid = request_id(body)
        if isinstance(error, UserError):
            log.info("Slack request %s: %s", rid, error)
            message = str(error)
        else:
            log.error("Slack request %s failed", rid, exc_info=error)
            message = APOLOGY
        text = text_message(message).text
        event: Body = body.get("event") or {}
        user: str = (body.get("user") or {}).get("id", "")
        try:
            if body.get("response_url"):
                await AsyncWebhookClient(body["response_url"]).send(
                    text=text, response_type="ephemeral", replace_original=False
                )
            elif event.get("channel"):
                thread_ts = event.get("thread_ts") or (
                    event.get("ts") if event.get("type") == "app_mention" else None
                )
                await self.app.client.chat_postMessage(
                    channel=event["channel"], text=text, thread_ts=thread_ts
                )
            elif user:
                await self.app.client.chat_postMessage(channel=user, text=text)
        except Exception:  # the apology is best effort; the failure is already logged
            log.warning("Slack request %s: could not send the apology", rid, exc_info=True)


def _from_a_bot(event: Body) -> bool:
    return bool(
        event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message"
    )


def _local_text(parsed: Command) -> str:
    return unknown_message(parsed) if parsed.name == "unknown" else HELP_TEXT
