"""`reviewbot serve discord`: log in with DISCORD_TOKEN and answer until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping
from typing import Any

import discord

from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.discord.health import client_status, log_status_forever, start_health_server
from bot.adapters.redact import redacting
from bot.config import Settings
from bot.errors import UserError
from bot.router import Router
from bot.serve import ServeOptions

log = logging.getLogger(__name__)

TOKEN_ENV = "DISCORD_TOKEN"


def discord_token(env: Mapping[str, str] | None = None) -> str:
    """The bot token, from the environment only; never logged or echoed."""
    token = (os.environ if env is None else env).get(TOKEN_ENV, "").strip()
    if not token:
        raise UserError(
            f"{TOKEN_ENV} is not set: copy the bot token from the Discord developer portal "
            f"(your application → Bot → Reset Token) and export {TOKEN_ENV}=… "
            "(see docs/discord.md)."
        )
    return token


async def login(adapter: DiscordAdapter, token: str) -> None:
    try:
        await adapter.client.login(token)
    except discord.LoginFailure:
        # discord.py's message is generic and never contains the token; ours says what to do.
        raise UserError(
            f"Discord rejected the token in {TOKEN_ENV}; reset it in the developer portal."
        ) from None


async def run(
    router: Router,
    settings: Settings,
    options: ServeOptions,
    *,
    env: Mapping[str, str] | None = None,
    client_options: dict[str, Any] | None = None,
) -> None:
    """Serve until cancelled. `env` and `client_options` (passed to discord.py) are for tests."""
    token = discord_token(env)
    # discord.py never logs the token itself; this also covers whatever else might.
    with redacting([token]):
        adapter = DiscordAdapter(router, settings, client_options=client_options)
        await _serve(adapter, settings, token)


async def _serve(adapter: DiscordAdapter, settings: Settings, token: str) -> None:
    client = adapter.client
    tasks: list[asyncio.Task[None]] = []
    health = None
    async with client:
        await login(adapter, token)
        status = lambda: client_status(client)  # noqa: E731
        tasks.append(asyncio.create_task(log_status_forever(status), name="discord-status"))
        if settings.discord.health_port:
            health = await start_health_server(status, port=settings.discord.health_port)
        try:
            await client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired as exc:
            raise UserError(
                "Discord refused an intent this bot asked for; see docs/discord.md › Intents."
            ) from exc
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if health is not None:
                await health.cleanup()
