"""A local stand-in for Discord's gateway: the WebSocket a serving bot connects to.

discord.py connects to `DiscordWebSocket.DEFAULT_GATEWAY`; pointing it at this server (with
`Route.BASE` pointed at `FakeDiscord`) lets `reviewbot serve discord` run for real, end to end,
on 127.0.0.1. It speaks just enough of the protocol: HELLO, IDENTIFY → READY and GUILD_CREATE,
heartbeats, and whatever dispatches a test queues.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import aiohttp
from aiohttp import web

from tests import discord_fake

HELLO, HEARTBEAT, IDENTIFY, DISPATCH, HEARTBEAT_ACK = 10, 1, 2, 0, 11


class FakeGateway:
    def __init__(self) -> None:
        self.url = ""
        self.identified: list[dict[str, Any]] = []
        self.outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._seq = itertools.count(1)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"ws://{host}:{port}/"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Queue a gateway event (e.g. MESSAGE_CREATE) for the connected bot."""
        self.outbox.put_nowait({"t": event, "d": data})

    async def _send(self, ws: web.WebSocketResponse, event: str, data: dict[str, Any]) -> None:
        await ws.send_str(json.dumps({"op": DISPATCH, "t": event, "s": next(self._seq), "d": data}))

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        # A long interval: no test lasts long enough to depend on heartbeats.
        await ws.send_str(json.dumps({"op": HELLO, "d": {"heartbeat_interval": 45_000}}))

        async def pump() -> None:
            await self.ready.wait()
            while True:
                item = await self.outbox.get()
                await self._send(ws, item["t"], item["d"])

        pumping = asyncio.ensure_future(pump())
        try:
            async for message in ws:
                if message.type != aiohttp.WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                if payload["op"] == IDENTIFY:
                    self.identified.append(payload["d"])
                    ready = discord_fake.ready()
                    ready["resume_gateway_url"] = self.url
                    if "shard" in payload["d"]:  # Discord echoes the shard a client identified as
                        ready["shard"] = payload["d"]["shard"]
                    await self._send(ws, "READY", ready)
                    await self._send(ws, "GUILD_CREATE", discord_fake.guild())
                    self.ready.set()
                elif payload["op"] == HEARTBEAT:
                    await ws.send_str(json.dumps({"op": HEARTBEAT_ACK}))
        finally:
            pumping.cancel()
        return ws
