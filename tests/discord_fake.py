"""A local stand-in for Discord's REST API, plus real gateway payloads to feed a client.

discord.py builds every REST URL from `discord.http.Route.BASE`; pointing it at this aiohttp
server lets real discord.py objects (client, command tree, views, webhooks) run end to end with
no network. Tests assert on the requests the fake received, i.e. what Discord would have seen.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

APP_ID = 900000000000000001
BOT_ID = 900000000000000001
GUILD_ID = 910000000000000001
CHANNEL_ID = 920000000000000001
DM_CHANNEL_ID = 920000000000000009
USER_ID = 930000000000000001
OTHER_USER_ID = 930000000000000002
OTHER_BOT_ID = 930000000000000099
REJECTED_TOKEN = "rejected-token-sekrit"
TIMESTAMP = "2024-05-01T12:00:00.000000+00:00"

# Permission bits as Discord sends them (strings of integers).
VIEW_AND_SEND = (1 << 10) | (1 << 11) | (1 << 16)
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADMIN_PERMISSIONS = VIEW_AND_SEND | MANAGE_CHANNELS | MANAGE_GUILD

_ids = itertools.count(940000000000000001)


def snowflake() -> int:
    return next(_ids)


def user(user_id: int = USER_ID, name: str = "alice", *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name.capitalize(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


BOT_USER = user(BOT_ID, "ReviewBot", bot=True)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    # The message the fake created for this request, if it created one.
    created: dict[str, Any] | None = None

    @property
    def json(self) -> dict[str, Any]:
        assert isinstance(self.body, dict), self.body
        return self.body


@dataclass
class FakeDiscord:
    """Records every request; answers the handful of routes the bot uses like Discord does."""

    requests: list[Request] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    url: str = ""
    # Where GET /gateway/bot sends a sharded client (a FakeGateway); unset, it is a 404.
    gateway_url: str = ""
    # Path patterns whose next request fails with 400, once each (a Discord-side refusal).
    fail_once: list[str] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def attachment(self, name: str, data: bytes) -> dict[str, Any]:
        """Serve `data` as an uploaded file and return its attachment payload."""
        self.files[name] = data
        return {
            "id": str(snowflake()),
            "filename": name,
            "size": len(data),
            "url": f"{self.url}/attachments/{name}",
            "proxy_url": f"{self.url}/attachments/{name}",
            "content_type": "text/plain; charset=utf-8",
        }

    def matching(self, method: str, pattern: str) -> list[Request]:
        regex = re.compile(pattern)
        return [r for r in self.requests if r.method == method and regex.search(r.path)]

    async def wait_for(
        self, method: str, pattern: str, *, count: int = 1, timeout: float = 10.0
    ) -> Request:
        """The `count`-th request matching method and path pattern, waiting for it to arrive."""

        async def arrived() -> Request:
            while True:
                found = self.matching(method, pattern)
                if len(found) >= count:
                    return found[count - 1]
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(arrived(), timeout)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw
        path = request.path.removeprefix("/api/v10")
        record = Request(request.method, path, dict(request.query), body)
        self.requests.append(record)
        try:
            if request.headers.get("Authorization") == f"Bot {REJECTED_TOKEN}":
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            for pattern in self.fail_once:
                if re.search(pattern, path):
                    self.fail_once.remove(pattern)
                    return _json({"message": "fake: refused once", "code": 50035}, 400)
            return self._respond(record)
        finally:
            self._changed.set()

    def _respond(self, r: Request) -> web.StreamResponse:
        path, method = r.path, r.method
        if method == "GET" and path == "/users/@me":
            return _json(BOT_USER)
        if method == "GET" and path == "/oauth2/applications/@me":
            return _json(application())
        if method == "GET" and path == "/gateway/bot" and self.gateway_url:
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
        if method == "GET" and path.startswith("/attachments/"):
            name = path.removeprefix("/attachments/")
            if name not in self.files:
                return _json({"message": "Unknown", "code": 0}, status=404)
            return web.Response(body=self.files[name])
        if match := re.fullmatch(r"/interactions/(\d+)/[^/]+/callback", path):
            kind = r.json["type"]
            flags = (r.json.get("data") or {}).get("flags", 0)
            return _json(
                {
                    "interaction": {
                        "id": match[1],
                        "type": 2,
                        "response_message_loading": kind == 5,
                        "response_message_ephemeral": bool(flags & 64),
                    }
                }
            )
        if re.fullmatch(r"/webhooks/\d+/[^/]+", path) and method == "POST":
            r.created = message_from(r.json, channel_id=CHANNEL_ID, webhook=True)
            return _json(r.created)
        if re.fullmatch(r"/webhooks/\d+/[^/]+/messages/[^/]+", path):
            if method == "DELETE":
                return web.Response(status=204)
            return _json(message_from(r.json, channel_id=CHANNEL_ID, webhook=True))
        if match := re.fullmatch(r"/channels/(\d+)/messages", path):
            r.created = message_from(r.json, channel_id=int(match[1]))
            return _json(r.created)
        if re.fullmatch(r"/channels/\d+/typing", path):
            return web.Response(status=204)
        if re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path) and method == "PUT":
            commands = [
                {**c, "id": str(snowflake()), "application_id": str(APP_ID), "version": "1"}
                for c in r.body
            ]
            return _json(commands)
        return _json({"message": f"fake: no route {method} {path}", "code": 0}, 404)


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses JSON only when the content type is exactly application/json.
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def application() -> dict[str, Any]:
    return {
        "id": str(APP_ID),
        "name": "ReviewBot",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user(OTHER_USER_ID, "owner"),
        "verify_key": "0" * 64,
        "flags": 0,
    }


def message_from(body: dict[str, Any], *, channel_id: int, webhook: bool = False) -> dict[str, Any]:
    """The message Discord would create from a send body."""
    data = message(
        body.get("content") or "",
        channel_id=channel_id,
        author=BOT_USER,
        embeds=body.get("embeds") or [],
        components=body.get("components") or [],
        flags=body.get("flags", 0),
    )
    if webhook:
        data["webhook_id"] = str(APP_ID)
    if ref := body.get("message_reference"):
        data["type"] = 19
        data["message_reference"] = {"channel_id": str(channel_id), **ref}
    return data


def message(
    content: str,
    *,
    message_id: int | None = None,
    channel_id: int = CHANNEL_ID,
    guild_id: int | None = GUILD_ID,
    author: dict[str, Any] | None = None,
    mentions: list[dict[str, Any]] | None = None,
    mention_everyone: bool = False,
    referenced: dict[str, Any] | None = None,
    embeds: list[dict[str, Any]] | None = None,
    components: list[dict[str, Any]] | None = None,
    flags: int = 0,
) -> dict[str, Any]:
    """A MESSAGE_CREATE payload (also the REST shape of a message)."""
    data: dict[str, Any] = {
        "id": str(message_id or snowflake()),
        "channel_id": str(channel_id),
        "author": author or user(),
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": mention_everyone,
        "mentions": mentions or [],
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds or [],
        "components": components or [],
        "pinned": False,
        "type": 0,
        "flags": flags,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    if referenced is not None:
        data["type"] = 19
        data["message_reference"] = {
            "message_id": referenced["id"],
            "channel_id": referenced["channel_id"],
        }
        data["referenced_message"] = referenced
    return data


def ready() -> dict[str, Any]:
    return {
        "v": 10,
        "user": BOT_USER,
        "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
        "session_id": "fake-session",
        "resume_gateway_url": "wss://gateway.invalid",
        "application": {"id": str(APP_ID), "flags": 0},
    }


def guild() -> dict[str, Any]:
    return {
        "id": str(GUILD_ID),
        "name": "Film Club",
        "owner_id": str(OTHER_USER_ID),
        "unavailable": False,
        "member_count": 3,
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": str(VIEW_AND_SEND),
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
        ],
        "channels": [
            {
                "id": str(CHANNEL_ID),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": "films",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            }
        ],
        "members": [],
        "threads": [],
        "emojis": [],
        "stickers": [],
        "features": [],
        "voice_states": [],
        "presences": [],
    }


def member(user_id: int = USER_ID, *, permissions: int = VIEW_AND_SEND) -> dict[str, Any]:
    return {
        "user": user(user_id, "alice" if user_id == USER_ID else f"user{user_id % 1000}"),
        "roles": [],
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": str(permissions),
    }


def interaction(
    kind: int,
    data: dict[str, Any],
    *,
    user_id: int = USER_ID,
    permissions: int = VIEW_AND_SEND,
    message: dict[str, Any] | None = None,
    dm: bool = False,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload (2 command, 3 component, 4 autocomplete, 5 modal)."""
    payload: dict[str, Any] = {
        "id": str(snowflake()),
        "application_id": str(APP_ID),
        "type": kind,
        "data": data,
        "token": f"token-{snowflake()}",
        "version": 1,
        "locale": "en-US",
        "app_permissions": str(VIEW_AND_SEND),
        "attachment_size_limit": 10 * 1024 * 1024,
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(GUILD_ID)},
    }
    if dm:
        payload["channel"] = {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [user(user_id)]}
        payload["channel_id"] = str(DM_CHANNEL_ID)
        payload["user"] = user(user_id)
        payload["context"] = 1
    else:
        payload["guild_id"] = str(GUILD_ID)
        payload["channel"] = {"id": str(CHANNEL_ID), "type": 0, "guild_id": str(GUILD_ID)}
        payload["channel_id"] = str(CHANNEL_ID)
        payload["member"] = member(user_id, permissions=permissions)
        payload["context"] = 0
    if message is not None:
        payload["message"] = message
    return payload


def option(name: str, value: Any, kind: int = 3, *, focused: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "type": kind, "value": value}
    if focused:
        data["focused"] = True
    return data


def command(
    name: str,
    *options: dict[str, Any],
    sub: str | None = None,
    resolved: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The `data` of a slash command; `sub` wraps the options in a subcommand."""
    opts = list(options)
    if sub is not None:
        opts = [{"name": sub, "type": 1, "options": opts}]
    data: dict[str, Any] = {"id": str(snowflake()), "name": name, "type": 1, "options": opts}
    if resolved is not None:
        data["resolved"] = resolved
    return data


def modal_submit(custom_id: str, values: dict[str, str]) -> dict[str, Any]:
    """The `data` of a modal submission, one action row per text input."""
    return {
        "custom_id": custom_id,
        "components": [
            {"type": 1, "components": [{"type": 4, "custom_id": cid, "value": value}]}
            for cid, value in values.items()
        ],
    }


def button_ids(components: list[dict[str, Any]]) -> list[str]:
    return [c["custom_id"] for row in components for c in row.get("components", [])]
