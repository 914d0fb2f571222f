"""`reviewbot serve slack`: Socket Mode by default, the HTTP Events API with `--http`.

Tokens come only from the environment and are checked before anything starts; they are never
logged (a logging filter masks them in case a library ever echoes one).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.redact import redacting
from bot.adapters.slack.app import SlackAdapter
from bot.config import Settings
from bot.errors import UserError
from bot.router import Router
from bot.serve import ServeOptions

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


@dataclass(frozen=True, repr=False)
class SlackTokens:
    bot_token: str
    app_token: str = ""
    signing_secret: str = ""

    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self.bot_token, self.app_token, self.signing_secret) if s)

    def __repr__(self) -> str:  # never print a secret by accident
        return "SlackTokens(<redacted>)"


def read_tokens(env: Mapping[str, str], *, http: bool) -> SlackTokens:
    """The tokens the chosen mode needs, or a UserError naming the first one missing."""
    needed = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN"]
    for name in needed:
        if not env.get(name, "").strip():
            mode = "HTTP mode (--http)" if http else "Socket Mode"
            raise UserError(
                f"{name} is not set. Slack {mode} needs {' and '.join(needed)} in the "
                "environment; see docs/slack.md."
            )
    bot_token = env["SLACK_BOT_TOKEN"].strip()
    if http:
        return SlackTokens(bot_token, signing_secret=env["SLACK_SIGNING_SECRET"].strip())
    app_token = env["SLACK_APP_TOKEN"].strip()
    if not app_token.startswith("xapp-"):
        raise UserError(
            "SLACK_APP_TOKEN must be an app-level token (it starts with xapp-), "
            "created under Basic Information → App-Level Tokens with connections:write."
        )
    return SlackTokens(bot_token, app_token=app_token)


async def check_tokens(client: AsyncWebClient, tokens: SlackTokens) -> str:
    """Ask Slack whether the tokens work before serving; returns the bot's name.

    Without this a bad app token makes the Socket Mode client retry forever, and a bad bot
    token shows up only as a failure on the first question.
    """
    try:
        identity = await client.auth_test()
    except SlackApiError as exc:
        raise UserError(
            f"Slack rejected SLACK_BOT_TOKEN ({exc.response.get('error')}). Copy the Bot User "
            "OAuth Token (xoxb-…) from OAuth & Permissions, and reinstall the app if needed."
        ) from exc
    except aiohttp.ClientError as exc:
        raise UserError(f"Could not reach Slack to check the tokens: {exc}") from exc
    if tokens.app_token:
        try:
            await client.apps_connections_open(app_token=tokens.app_token)
        except SlackApiError as exc:
            raise UserError(
                f"Slack rejected SLACK_APP_TOKEN ({exc.response.get('error')}). It must be an "
                "app-level token with the connections:write scope, and Socket Mode must be on."
            ) from exc
    return str(identity.get("user") or "the bot")


def build_web_app(app: AsyncApp) -> web.Application:
    """`/slack/events` into bolt (which verifies the signature) and `/healthz` for probes."""

    async def events(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        bolt_response = await app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    web_app = web.Application()
    web_app.router.add_post(EVENTS_PATH, events)
    web_app.router.add_get(HEALTH_PATH, health)
    return web_app


async def start_http(app: AsyncApp, *, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Start serving on host:port (0 picks a free port); returns the runner and the port."""
    runner = web.AppRunner(build_web_app(app), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise UserError(
            f"Cannot listen on {host}:{port} ({exc.strerror}); choose another with --port."
        ) from exc
    return runner, int(runner.addresses[0][1])


async def run(
    router: Router,
    settings: Settings,
    options: ServeOptions,
    *,
    env: Mapping[str, str] | None = None,
    host: str = "0.0.0.0",
    api_url: str | None = None,
) -> None:
    """Serve until cancelled. `env`, `host` and `api_url` (Slack's Web API) are for tests."""
    tokens = read_tokens(os.environ if env is None else env, http=options.http)
    with redacting(tokens.secrets()):
        client = (
            AsyncWebClient(token=tokens.bot_token, base_url=api_url)
            if api_url
            else AsyncWebClient(token=tokens.bot_token)
        )
        name = await check_tokens(client, tokens)
        adapter = SlackAdapter(
            router, settings, client=client, signing_secret=tokens.signing_secret
        )
        try:
            if options.http:
                port = options.port if options.port is not None else settings.slack.http_port
                await _serve_http(adapter, name, host=host, port=port)
            else:
                await _serve_socket_mode(adapter, name, tokens.app_token)
        finally:
            # Let answers already under way finish before the loop goes away.
            with contextlib.suppress(TimeoutError):
                await adapter.drain()


async def _serve_http(adapter: SlackAdapter, name: str, *, host: str, port: int) -> None:
    runner, bound = await start_http(adapter.app, host=host, port=port)
    log.info(
        "Slack HTTP mode as @%s: events at %s, health at %s (port %d)",
        name,
        EVENTS_PATH,
        HEALTH_PATH,
        bound,
    )
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


async def _serve_socket_mode(adapter: SlackAdapter, name: str, app_token: str) -> None:
    socket_mode = AsyncSocketModeHandler(adapter.app, app_token, web_client=adapter.app.client)
    await socket_mode.connect_async()  # type: ignore[no-untyped-call]
    log.info("Slack Socket Mode connected as @%s", name)
    try:
        await asyncio.Event().wait()
    finally:
        await socket_mode.close_async()  # type: ignore[no-untyped-call]
