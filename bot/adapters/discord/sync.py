"""`reviewbot discord sync [--guild ID]`: register the slash commands with Discord on request.

Syncing on every start would hit Discord's rate limits on restarts and change commands under
users' feet; it is an explicit admin step instead. A guild sync shows up at once (for testing);
a global sync can take up to an hour to reach every server.
"""

from __future__ import annotations

import asyncio
from typing import Any

import click
import discord

from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.discord.runner import discord_token, login
from bot.config import Settings
from bot.router import Router


async def sync_tree(adapter: DiscordAdapter, token: str, guild_id: int | None) -> list[str]:
    """Log in (REST only, no gateway), sync, and return the synced command names."""
    async with adapter.client:
        await login(adapter, token)
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            adapter.tree.copy_global_to(guild=guild)
        commands = await adapter.tree.sync(guild=guild)
    return [command.name for command in commands]


def sync_commands(state: Any, guild: int | None) -> None:
    settings: Settings = state.settings()
    token = discord_token()
    adapter = DiscordAdapter(Router(state.service()), settings)
    names = asyncio.run(sync_tree(adapter, token, guild))
    where = f"server {guild} (available now)" if guild else "all servers (may take up to an hour)"
    click.echo(f"Synced {len(names)} commands to {where}: {', '.join(sorted(names))}")
