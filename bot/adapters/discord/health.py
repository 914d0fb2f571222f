"""Is the bot alive? A status line in the log every few minutes and an optional /healthz."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from typing import Any

import discord
from aiohttp import web

log = logging.getLogger(__name__)

STATUS_INTERVAL_SECONDS = 300.0


def client_status(client: discord.Client) -> dict[str, Any]:
    latency = client.latency
    return {
        "platform": "discord",
        "ready": client.is_ready(),
        "latency_ms": None if not math.isfinite(latency) else round(latency * 1000, 1),
        "guilds": len(client.guilds),
        "shards": client.shard_count or 1,
    }


async def log_status_forever(
    status: Callable[[], dict[str, Any]], *, interval: float = STATUS_INTERVAL_SECONDS
) -> None:
    while True:
        await asyncio.sleep(interval)
        s = status()
        log.info(
            "Discord status: ready=%s latency=%sms guilds=%d shards=%d",
            s["ready"],
            s["latency_ms"],
            s["guilds"],
            s["shards"],
        )


async def start_health_server(
    status: Callable[[], dict[str, Any]], *, port: int, host: str = "0.0.0.0"
) -> web.AppRunner:
    """GET /healthz: 200 with the status when ready, 503 while (re)connecting."""

    async def healthz(request: web.Request) -> web.Response:
        body = status()
        return web.json_response(body, status=200 if body["ready"] else 503)

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("Discord health endpoint on http://%s:%d/healthz", host, port)
    return runner
