"""`reviewbot serve slack`: tokens first, then Socket Mode (local WebSocket) and HTTP mode."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from click.testing import CliRunner
from slack_fake import APP_TOKEN, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, TEAM_ID, FakeSlack, sign

from bot.adapters.redact import RedactSecrets
from bot.adapters.slack.runner import read_tokens, run
from bot.cli import cli
from bot.config import Settings
from bot.errors import UserError
from bot.reviews.service import ReviewService
from bot.router import Router
from bot.serve import ServeOptions


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack()
    await slack.start()
    yield slack
    await slack.stop()


@contextlib.asynccontextmanager
async def serving(coro: Any) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.ensure_future(coro)
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def envelope(envelope_id: str, retry_attempt: int) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER_ID}> what did the critic dislike?",
        "ts": "1700000900.000100",
        "channel": "C9",
    }
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry_attempt,
        "retry_reason": "timeout" if retry_attempt else "",
        "payload": {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": "EvSOCKET",
            "event_time": int(time.time()),
            "event": event,
        },
    }


@pytest.mark.parametrize(
    ("env", "http", "named"),
    [
        ({}, False, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, False, "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "  "}, False, "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, False, "xapp-"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": APP_TOKEN}, True, "SLACK_SIGNING_SECRET"),
    ],
)
def test_missing_tokens_are_named(env: dict[str, str], http: bool, named: str) -> None:
    with pytest.raises(UserError, match=named):
        read_tokens(env, http=http)


def test_tokens_never_show_in_their_repr() -> None:
    tokens = read_tokens({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN}, http=False)
    assert BOT_TOKEN not in repr(tokens) and APP_TOKEN not in repr(tokens)


def test_serve_slack_without_tokens_fails_cleanly(db_url: str) -> None:
    env = {"REVIEWBOT_CONFIG": "", "SLACK_BOT_TOKEN": None, "SLACK_APP_TOKEN": None}
    result = CliRunner().invoke(cli, ["--db", db_url, "serve", "slack"], env=env)
    assert result.exit_code == 1
    assert "SLACK_BOT_TOKEN is not set" in result.stderr


def test_secret_filter_masks_tokens_in_log_records() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token=%s", (BOT_TOKEN,), None)
    assert RedactSecrets((BOT_TOKEN,)).filter(record)
    assert record.getMessage() == "token=[redacted]"


def test_secret_filter_masks_tokens_in_tracebacks() -> None:
    try:
        raise RuntimeError(f"bad auth header Bearer {BOT_TOKEN}")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    assert RedactSecrets((BOT_TOKEN,)).filter(record)
    text = logging.Formatter().format(record)
    assert "Bearer [redacted]" in text and BOT_TOKEN not in text


async def test_socket_mode_connects_dispatches_acks_and_ignores_the_retry(
    fake: FakeSlack, seeded: ReviewService, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN}
    async with serving(
        run(Router(seeded), settings, ServeOptions(), env=env, api_url=fake.api_url)
    ):
        await fake.wait_for("apps.connections.open")
        [opened] = [c for c in fake.calls if c.method == "apps.connections.open"]
        assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"

        await fake.socket_outbox.put(envelope("env-1", retry_attempt=0))
        await fake.wait_for("chat.postMessage")
        await fake.wait_for("socket.ack")
        assert fake.socket_received[0]["envelope_id"] == "env-1"
        [post] = fake.to("chat.postMessage")
        assert post["channel"] == "C9" and post["thread_ts"] == "1700000900.000100"
        assert "disliked" in post["blocks"][0]["text"]["text"]

        # Slack redelivers the same event (retry_attempt 1): acknowledged, not answered again.
        await fake.socket_outbox.put(envelope("env-2", retry_attempt=1))
        await fake.wait_for("socket.ack", count=2)
        async with asyncio.timeout(5):
            while not any("already answered" in r.getMessage() for r in caplog.records):
                await asyncio.sleep(0.01)
        assert len(fake.to("chat.postMessage")) == 1
    for secret in (BOT_TOKEN, APP_TOKEN):
        assert secret not in caplog.text


@pytest.mark.parametrize(
    ("method", "named"),
    [("auth.test", "SLACK_BOT_TOKEN"), ("apps.connections.open", "SLACK_APP_TOKEN")],
)
async def test_rejected_tokens_stop_before_serving(
    fake: FakeSlack, seeded: ReviewService, settings: Settings, method: str, named: str
) -> None:
    fake.fail[method] = "invalid_auth"
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN}
    with pytest.raises(UserError, match=f"Slack rejected {named} \\(invalid_auth\\)") as info:
        await run(Router(seeded), settings, ServeOptions(), env=env, api_url=fake.api_url)
    assert BOT_TOKEN not in str(info.value) and APP_TOKEN not in str(info.value)
    assert not fake.socket_received


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_http_mode_serves_events_and_health(
    fake: FakeSlack, seeded: ReviewService, settings: Settings
) -> None:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    port = free_port()
    options = ServeOptions(http=True, port=port)
    coro = run(Router(seeded), settings, options, env=env, host="127.0.0.1", api_url=fake.api_url)
    async with serving(coro), aiohttp.ClientSession() as session:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            with contextlib.suppress(aiohttp.ClientConnectionError):
                async with session.get(f"{base}/healthz") as resp:
                    assert resp.status == 200
                    break
            await asyncio.sleep(0.02)
        # Slack's one-time URL check when the Request URL is saved.
        body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
        headers = {"Content-Type": "application/json", **sign(body)}
        async with session.post(f"{base}/slack/events", data=body, headers=headers) as resp:
            assert resp.status == 200 and "abc123" in await resp.text()


def test_manifest_matches_what_the_adapter_listens_for() -> None:
    import yaml

    manifest = yaml.safe_load(
        (Path(__file__).parent.parent / "config" / "slack-manifest.yml").read_text()
    )
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == "/review"
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {"app_mentions:read", "chat:write", "commands", "im:history", "reactions:write"}
    assert needed <= scopes
