"""A local stand-in for Slack: Web API, response URLs and a Socket Mode WebSocket, on 127.0.0.1.

The real bolt app talks to it through `AsyncWebClient(base_url=...)`; every call is recorded so
tests assert on what a Slack user would have seen. `SlackHarness` adds the other direction:
signed requests POSTed into the adapter's real HTTP endpoint.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.app import SlackAdapter
from bot.adapters.slack.runner import start_http
from bot.config import Settings
from bot.router import Router

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T1"
BOT_TOKEN = "xoxb-fake-bot-token-0123456789"
APP_TOKEN = "xapp-fake-app-token-0123456789"
SIGNING_SECRET = "fake-signing-secret-0123456789"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    """Records Web API calls (`/api/<method>`), response-URL posts and Socket Mode traffic."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_received: list[dict[str, Any]] = []
        self.socket_outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._changed = asyncio.Condition()
        # method -> Slack error code, to make a Web API method fail.
        self.fail: dict[str, str] = {}

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def to(self, method: str) -> list[dict[str, Any]]:
        """Arguments of every recorded call of `method` ("respond" for response URLs)."""
        return [c.args for c in self.calls if c.method == method]

    def posted(self) -> list[Call]:
        """Everything a user could see: messages, ephemerals, responses, updates."""
        visible = {"chat.postMessage", "chat.postEphemeral", "chat.update", "respond"}
        return [c for c in self.calls if c.method in visible]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: len(self.to(method)) >= count)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            args: dict[str, Any] = await request.json()
        else:
            args = dict(await request.post())
            args.update(request.query)
        await self._record(Call(method, args, dict(request.headers)))
        if method in self.fail:
            return web.json_response({"ok": False, "error": self.fail[method]})
        ts = f"1700000000.{next(self._ts):06d}"
        replies: dict[str, dict[str, Any]] = {
            "auth.test": {
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "team_id": TEAM_ID,
                "user": "reviewbot",
                "team": "Test",
                "url": "https://test.slack.com/",
            },
            "chat.postMessage": {"channel": args.get("channel"), "ts": ts, "message": args},
            "chat.postEphemeral": {"message_ts": ts},
            "views.open": {"view": {"id": "V1"}},
            "apps.connections.open": {"url": f"ws://127.0.0.1:{self.port}/socket"},
        }
        return web.json_response({"ok": True, **replies.get(method, {})})

    async def _respond(self, request: web.Request) -> web.Response:
        args = await request.json()
        await self._record(Call("respond", args, {"url": str(request.url)}))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})

        async def pump() -> None:
            while True:
                await ws.send_json(await self.socket_outbox.get())

        pumping = asyncio.ensure_future(pump())
        try:
            async for message in ws:
                if message.type == aiohttp.WSMsgType.TEXT:
                    data = json.loads(message.data)
                    self.socket_received.append(data)
                    await self._record(Call("socket.ack", data))
        finally:
            pumping.cancel()
        return ws


def sign(
    body: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


class SlackHarness:
    """The real adapter on a real HTTP port, talking to a FakeSlack; requests are signed."""

    def __init__(self, router: Router, settings: Settings) -> None:
        self.router = router
        self.settings = settings
        self.fake = FakeSlack()
        self._events = itertools.count(1)
        self._triggers = itertools.count(1)

    async def __aenter__(self) -> SlackHarness:
        await self.fake.start()
        client = AsyncWebClient(token=BOT_TOKEN, base_url=self.fake.api_url)
        self.adapter = SlackAdapter(
            self.router, self.settings, client=client, signing_secret=SIGNING_SECRET
        )
        self._runner, port = await start_http(self.adapter.app, host="127.0.0.1", port=0)
        self.base = f"http://127.0.0.1:{port}"
        self.events_url = f"{self.base}/slack/events"
        self.session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.adapter.drain()
        await self.session.close()
        await self._runner.cleanup()
        await self.fake.stop()

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        signed: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        """POST to /slack/events (signed unless `signed` says otherwise), then let it finish."""
        signature = sign(body) if signed is None else signed
        all_headers = {"Content-Type": content_type, **signature, **(headers or {})}
        async with self.session.post(self.events_url, data=body, headers=all_headers) as resp:
            status, text = resp.status, await resp.text()
        await self.adapter.drain()
        return status, text

    async def command(self, text: str, *, user: str = "U1", channel: str = "C1") -> int:
        body = urllib.parse.urlencode(
            {
                "token": "legacy",
                "team_id": TEAM_ID,
                "channel_id": channel,
                "user_id": user,
                "command": "/review",
                "text": text,
                "api_app_id": "A1",
                "response_url": self.fake.response_url(f"cmd{next(self._triggers)}"),
                "trigger_id": f"trigger.{next(self._triggers)}",
            }
        )
        status, _ = await self.post(body, "application/x-www-form-urlencoded")
        return status

    def event_body(self, event: dict[str, Any], *, event_id: str | None = None) -> str:
        envelope = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._events):04d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        return json.dumps(envelope)

    async def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> int:
        status, _ = await self.post(
            self.event_body(event, event_id=event_id), "application/json", headers=headers
        )
        return status

    async def interaction(self, payload: dict[str, Any]) -> tuple[int, str]:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded")
