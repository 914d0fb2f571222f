"""`reviewbot serve discord` (alone and beside Slack) and `reviewbot discord sync`, for real.

The bot logs in against the fake REST API and connects to a fake gateway on 127.0.0.1, so the
whole serving path runs: login, IDENTIFY, READY, a MESSAGE_CREATE answered over REST.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from dataclasses import replace
from typing import Any

import pytest
import yarl
from click.testing import CliRunner
from discord.gateway import DiscordWebSocket
from discord.http import Route
from slack_fake import APP_TOKEN, BOT_TOKEN, BOT_USER_ID, TEAM_ID, FakeSlack

from bot.adapters.discord.runner import run as serve_discord
from bot.adapters.slack.runner import run as serve_slack
from bot.cli import cli
from bot.reviews.service import ReviewService
from bot.router import Router
from bot.serve import ServeOptions
from tests import discord_fake as fake_api
from tests.discord_fake import APP_ID, BOT_ID, BOT_USER, CHANNEL_ID, GUILD_ID, FakeDiscord
from tests.discord_gateway_fake import FakeGateway

DISCORD_TOKEN = "fake-discord-token-0123456789"
MESSAGE_CONTENT_INTENT = 1 << 15
CLIENT_OPTIONS = {"guild_ready_timeout": 0.01}


@contextlib.contextmanager
def pointed_at(rest: FakeDiscord, gateway: FakeGateway | None = None) -> Iterator[None]:
    """discord.py's two switches: every REST route and the gateway URL, both to 127.0.0.1."""
    base, default_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = f"{rest.url}/api/v10"
    if gateway is not None:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway.url)
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, default_gateway


@pytest.fixture
async def discord_api() -> AsyncIterator[tuple[FakeDiscord, FakeGateway]]:
    rest, gateway = FakeDiscord(), FakeGateway()
    await rest.start()
    await gateway.start()
    rest.gateway_url = gateway.url
    try:
        with pointed_at(rest, gateway):
            yield rest, gateway
    finally:
        await gateway.stop()
        await rest.stop()


@contextlib.asynccontextmanager
async def serving(*coros: Coroutine[Any, Any, None]) -> AsyncIterator[asyncio.Future[Any]]:
    """Run the adapters as `reviewbot serve` does (one gather, one loop); stop them after."""
    task = asyncio.gather(*coros)
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def mention(text: str) -> dict[str, Any]:
    return fake_api.message(f"<@{BOT_ID}> {text}", mentions=[BOT_USER])


def slack_envelope(text: str) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": "1700000950.000100",
        "channel": "C5",
    }
    payload = {
        "token": "legacy",
        "team_id": TEAM_ID,
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": "EvBOTH",
        "event_time": int(time.time()),
        "event": event,
    }
    return {"envelope_id": "env-both", "type": "events_api", "payload": payload}


@pytest.mark.parametrize("sharded", [False, True], ids=["client", "auto-sharded"])
async def test_serve_discord_connects_to_the_gateway_and_answers_a_mention(
    discord_api: tuple[FakeDiscord, FakeGateway],
    seeded: ReviewService,
    caplog: pytest.LogCaptureFixture,
    sharded: bool,
) -> None:
    rest, gateway = discord_api
    caplog.set_level(logging.DEBUG)
    env = {"DISCORD_TOKEN": DISCORD_TOKEN}
    settings = replace(seeded.settings, discord=replace(seeded.settings.discord, sharded=sharded))
    coro = serve_discord(
        Router(seeded), settings, ServeOptions(), env=env, client_options=CLIENT_OPTIONS
    )
    async with serving(coro):
        await asyncio.wait_for(gateway.ready.wait(), 10)
        [identify] = gateway.identified
        assert identify["token"] == DISCORD_TOKEN
        assert not identify["intents"] & MESSAGE_CONTENT_INTENT  # no privileged intent needed
        assert (identify.get("shard") == [0, 1]) is sharded

        asked = mention("what did the critic dislike?")
        gateway.dispatch("MESSAGE_CREATE", asked)
        sent = (await rest.wait_for("POST", rf"^/channels/{CHANNEL_ID}/messages$")).json
        assert str(sent["message_reference"]["message_id"]) == asked["id"]
        assert sent["embeds"][0]["fields"] and sent["allowed_mentions"]["parse"] == []
    assert any("logged in as ReviewBot" in r.getMessage() for r in caplog.records)
    assert DISCORD_TOKEN not in caplog.text


async def test_discord_and_slack_serve_side_by_side_on_one_event_loop(
    discord_api: tuple[FakeDiscord, FakeGateway],
    seeded: ReviewService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """What `reviewbot serve discord slack` runs: both adapters, one router, one loop."""
    rest, gateway = discord_api
    caplog.set_level(logging.DEBUG)
    slack = FakeSlack()
    await slack.start()
    env = {
        "DISCORD_TOKEN": DISCORD_TOKEN,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
    }
    router, settings, options = Router(seeded), seeded.settings, ServeOptions()
    try:
        async with serving(
            serve_discord(router, settings, options, env=env, client_options=CLIENT_OPTIONS),
            serve_slack(router, settings, options, env=env, api_url=slack.api_url),
        ) as both:
            await asyncio.wait_for(gateway.ready.wait(), 10)
            await slack.wait_for("apps.connections.open")

            gateway.dispatch("MESSAGE_CREATE", mention("what did the critic like?"))
            await slack.socket_outbox.put(slack_envelope("what did the critic dislike?"))
            discord_reply = (await rest.wait_for("POST", r"^/channels/\d+/messages$")).json
            await slack.wait_for("chat.postMessage")
            assert not both.done()  # neither adapter stopped the other
        assert "liked" in discord_reply["embeds"][0]["description"]
        [slack_reply] = slack.to("chat.postMessage")
        assert slack_reply["thread_ts"] == "1700000950.000100"
        assert "disliked" in slack_reply["blocks"][0]["text"]["text"]
    finally:
        await slack.stop()
    for secret in (DISCORD_TOKEN, BOT_TOKEN, APP_TOKEN):
        assert secret not in caplog.text


# -- reviewbot discord sync ----------------------------------------------------------------------


@contextlib.contextmanager
def running_in_a_thread(server: FakeDiscord) -> Iterator[FakeDiscord]:
    """The CLI runs its own event loop, so the fake gets one of its own in another thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.mark.parametrize(
    ("args", "path", "where"),
    [
        (
            ["--guild", str(GUILD_ID)],
            f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands",
            "server",
        ),
        ([], f"/applications/{APP_ID}/commands", "all servers"),
    ],
)
def test_discord_sync_command_registers_the_tree(
    db_url: str, args: list[str], path: str, where: str
) -> None:
    with running_in_a_thread(FakeDiscord()) as rest, pointed_at(rest):
        env = {"DISCORD_TOKEN": DISCORD_TOKEN, "REVIEWBOT_CONFIG": ""}
        result = CliRunner().invoke(cli, ["--db", db_url, "discord", "sync", *args], env=env)
    assert result.exit_code == 0, result.output
    assert f"Synced 8 commands to {where}" in result.output
    [put] = rest.matching("PUT", f"^{path}$")
    assert {c["name"] for c in put.body} >= {"ask", "likes", "reviews", "review", "film", "help"}
    assert not rest.matching("GET", "^/gateway")  # REST only: sync never opens the gateway
    assert DISCORD_TOKEN not in result.output


def test_discord_sync_without_a_token_says_what_to_set(db_url: str) -> None:
    env = {"DISCORD_TOKEN": None, "REVIEWBOT_CONFIG": ""}
    result = CliRunner().invoke(cli, ["--db", db_url, "discord", "sync"], env=env)
    assert result.exit_code == 1 and "DISCORD_TOKEN is not set" in result.stderr
