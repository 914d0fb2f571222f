"""A logged-in DiscordAdapter fed real gateway payloads, and the fake REST server it talks to.

Shared by the Discord test modules; each declares two thin fixtures over `fake_discord` and
`logged_in`, so the harness lives in one place.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from discord.http import Route

from bot.adapters.discord.client import DiscordAdapter
from bot.reviews.service import ReviewService
from bot.router import Router
from tests import discord_fake as fake_api
from tests.discord_fake import APP_ID, FakeDiscord, Request, command

NO_PINGS = {"parse": []}


@contextlib.asynccontextmanager
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """The fake REST API on 127.0.0.1, with every discord.py route pointed at it."""
    server = FakeDiscord()
    await server.start()
    base = Route.BASE
    Route.BASE = f"{server.url}/api/v10"
    try:
        yield server
    finally:
        Route.BASE = base
        await server.stop()


@contextlib.asynccontextmanager
async def logged_in(service: ReviewService, fake: FakeDiscord) -> AsyncIterator[Harness]:
    adapter = make_harness(service, fake)
    harness = await connect(adapter, fake)
    try:
        yield harness
    finally:
        await adapter.client.close()


class Harness:
    """Feeds gateway events to a logged-in adapter and reads what it sent back."""

    def __init__(self, adapter: DiscordAdapter, fake: FakeDiscord) -> None:
        self.adapter = adapter
        self.fake = fake
        self.state = adapter.client._connection

    def interact(self, kind: int, data: dict[str, Any], **kw: Any) -> dict[str, Any]:
        payload = fake_api.interaction(kind, data, **kw)
        self.state.parse_interaction_create(payload)  # type: ignore[arg-type]
        return payload

    def slash(self, name: str, *options: dict[str, Any], **kw: Any) -> dict[str, Any]:
        sub = kw.pop("sub", None)
        resolved = kw.pop("resolved", None)
        return self.interact(2, command(name, *options, sub=sub, resolved=resolved), **kw)

    async def callback(self, payload: dict[str, Any]) -> dict[str, Any]:
        request = await self.fake.wait_for("POST", rf"^/interactions/{payload['id']}/")
        return request.json

    async def followup(self, payload: dict[str, Any], count: int = 1) -> dict[str, Any]:
        return (await self.followup_request(payload, count)).json

    async def followup_request(self, payload: dict[str, Any], count: int = 1) -> Request:
        path = rf"^/webhooks/{APP_ID}/{payload['token']}$"
        return await self.fake.wait_for("POST", path, count=count)

    def post(self, data: dict[str, Any]) -> None:
        self.state.parse_message_create(data)  # type: ignore[arg-type]

    async def reply(self, count: int = 1) -> Request:
        return await self.fake.wait_for("POST", r"^/channels/\d+/messages$", count=count)


def make_harness(service: ReviewService, fake: FakeDiscord, **router_kw: Any) -> DiscordAdapter:
    return DiscordAdapter(
        Router(service, **router_kw),
        service.settings,
        client_options={"guild_ready_timeout": 0.01},
    )


async def connect(adapter: DiscordAdapter, fake: FakeDiscord) -> Harness:
    await adapter.client.login("fake-token")
    harness = Harness(adapter, fake)
    harness.state.parse_ready(fake_api.ready())  # type: ignore[arg-type]
    harness.state.parse_guild_create(fake_api.guild())  # type: ignore[arg-type]
    await asyncio.wait_for(adapter.client.wait_until_ready(), 5)
    return harness
