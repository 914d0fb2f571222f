"""Server-side permission checks for admin commands.

`default_permissions` only hides a command in Discord's UI and server admins can override it, so
each admin command checks again with the permissions Discord computed for the member in this
channel (`interaction.permissions`), which the client cannot forge.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.errors import UserError


def check_manage_guild(interaction: discord.Interaction[Any]) -> None:
    """Server-side check: the permissions Discord computed for this member in this channel."""
    if interaction.guild_id is None or not interaction.permissions.manage_guild:
        raise UserError("Adding reviews needs the Manage Server permission.")


def check_manage_channels(interaction: discord.Interaction[Any]) -> None:
    if interaction.guild_id is None or not interaction.permissions.manage_channels:
        raise UserError("Setting the channel's film needs the Manage Channels permission.")
