"""The Discord adapter end to end: real discord.py objects against a local fake Discord.

Gateway events are fed into the client's connection state as Discord would send them; the
assertions are on the REST requests the fake receives.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from discord.http import Route

from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.discord.sync import sync_tree
from bot.errors import UserError
from bot.reviews.service import ReviewService
from bot.router import Router
from tests import discord_fake as fake_api
from tests.discord_fake import (
    ADMIN_PERMISSIONS,
    APP_ID,
    BOT_ID,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    OTHER_BOT_ID,
    USER_ID,
    FakeDiscord,
    Request,
    button_ids,
    command,
    option,
)
from tests.test_router import FakeClock

NO_PINGS = {"parse": []}


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    base = Route.BASE
    Route.BASE = f"{server.url}/api/v10"
    try:
        yield server
    finally:
        Route.BASE = base
        await server.stop()


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


@pytest.fixture
async def bot(seeded: ReviewService, fake: FakeDiscord) -> AsyncIterator[Harness]:
    adapter = make_harness(seeded, fake)
    harness = await connect(adapter, fake)
    yield harness
    await adapter.client.close()


# -- slash commands ------------------------------------------------------------------------------


async def test_ask_defers_with_thinking_then_follows_up_with_an_embed(bot: Harness) -> None:
    payload = bot.slash("ask", option("question", "What did the critic dislike?"))
    assert (await bot.callback(payload))["type"] == 5  # deferred, "ReviewBot is thinking…"
    body = await bot.followup(payload)
    assert body["allowed_mentions"] == NO_PINGS
    embed = body["embeds"][0]
    assert embed["title"] == "What did the critic dislike?"
    assert embed["description"] and embed["fields"]
    assert "La La Land" in embed["footer"]["text"] and "sentence" in embed["footer"]["text"]
    assert button_ids(body["components"]) == ["reviewbot:feedback:up", "reviewbot:feedback:down"]
    assert not body.get("flags")  # the answer is public


async def test_ask_with_film_option_and_unknown_film(bot: Harness) -> None:
    payload = bot.slash(
        "ask", option("question", "How was the music?"), option("film", "la la land")
    )
    body = await bot.followup(payload)
    assert "La La Land" in body["embeds"][0]["footer"]["text"]

    missing = bot.slash("ask", option("question", "How was it?"), option("film", "Casablanca"))
    assert (await bot.callback(missing))["type"] == 5
    # The public "thinking…" placeholder is removed and the error goes to the asker alone.
    await bot.fake.wait_for("DELETE", rf"/webhooks/{APP_ID}/{missing['token']}/messages/@original")
    error = await bot.followup(missing)
    assert error["flags"] & 64 and "Casablanca" in error["content"]


@pytest.mark.parametrize("question", ["   ", "x" * 5000])
async def test_empty_and_huge_questions_get_an_ephemeral_reply(bot: Harness, question: str) -> None:
    payload = bot.slash("ask", option("question", question))
    response = await bot.callback(payload)
    assert response["type"] == 4 and response["data"]["flags"] & 64
    assert "question" in response["data"]["content"].lower()
    assert response["data"]["allowed_mentions"] == NO_PINGS


@pytest.mark.parametrize(
    ("name", "intent"), [("likes", "likes"), ("dislikes", "dislikes"), ("verdict", "verdict")]
)
async def test_canned_commands(bot: Harness, name: str, intent: str) -> None:
    payload = bot.slash(name, option("film", "La La Land"))
    assert (await bot.callback(payload))["type"] == 5
    embed = (await bot.followup(payload))["embeds"][0]
    assert embed["description"]
    if intent != "verdict":
        assert embed["fields"]
    else:
        assert embed["color"] == discord.Colour.red().value  # the seed review is negative


async def test_help_is_ephemeral(bot: Harness) -> None:
    payload = bot.slash("help")
    response = await bot.callback(payload)
    assert response["type"] == 4 and response["data"]["flags"] & 64
    assert "/ask" in response["data"]["content"] and "/review add" in response["data"]["content"]


async def test_reviews_paginate_with_buttons_for_the_asker_only(
    seeded: ReviewService, fake: FakeDiscord
) -> None:
    from bot.reviews.types import ReviewInput

    await seeded.ingest_items(
        ReviewInput(f"Film number {i} is a superb, moving film.", film=f"Film {i}")
        for i in range(12)
    )
    adapter = make_harness(seeded, fake)
    bot = await connect(adapter, fake)
    try:
        payload = bot.slash("reviews")
        request = await bot.followup_request(payload)
        body, sent = request.json, request.created
        assert sent is not None
        assert body["embeds"][0]["footer"]["text"].startswith("Page 1 of 2 · 13 reviews")
        previous, following = body["components"][0]["components"]
        assert previous["disabled"] and not following["disabled"]
        following = following["custom_id"]

        stranger = bot.interact(
            3,
            {"custom_id": following, "component_type": 2},
            user_id=fake_api.OTHER_USER_ID,
            message=sent,
        )
        refused = await bot.callback(stranger)
        assert refused["type"] == 4 and refused["data"]["flags"] & 64

        click = bot.interact(3, {"custom_id": following, "component_type": 2}, message=sent)
        turned = await bot.callback(click)
        assert turned["type"] == 7  # update the message in place
        assert turned["data"]["embeds"][0]["footer"]["text"].startswith("Page 2 of 2")
        previous, last = turned["data"]["components"][0]["components"]
        assert not previous["disabled"] and last["disabled"]
    finally:
        await adapter.client.close()


async def test_reviews_of_an_unknown_film(bot: Harness) -> None:
    payload = bot.slash("reviews", option("film", "Casablanca"))
    error = await bot.followup(payload)
    assert error["flags"] & 64 and "Casablanca" in error["content"]


async def test_autocomplete_matches_fuzzily_and_returns_nothing_for_nonsense(
    bot: Harness,
) -> None:
    data = command("ask", option("question", "how?"), option("film", "lala lnd", focused=True))
    payload = bot.interact(4, data)
    response = await bot.callback(payload)
    assert response["type"] == 8
    assert response["data"]["choices"] == [
        {"name": "La La Land (2016)", "value": "La La Land (2016)"}
    ]

    data = command("likes", option("film", "qqqqzzzz", focused=True))
    response = await bot.callback(bot.interact(4, data))
    assert response["data"]["choices"] == []


async def test_film_set_needs_manage_channels_checked_server_side(bot: Harness) -> None:
    denied = bot.slash("film", option("title", "La La Land"), sub="set")
    response = await bot.callback(denied)
    assert response["data"]["flags"] & 64 and "Manage Channels" in response["data"]["content"]

    allowed = bot.slash(
        "film", option("title", "la la land"), sub="set", permissions=ADMIN_PERMISSIONS
    )
    body = await bot.followup(allowed)
    assert body["content"] == "This channel's default film is now La La Land."
    channel_film = await bot.adapter.router.service.channel_film("discord", str(CHANNEL_ID))
    assert channel_film is not None and channel_film.title == "La La Land"


# -- /review add ---------------------------------------------------------------------------------

GOOD_REVIEW = (
    "---\nfilm: Heat\nyear: 1995\ncritic: Ann Critic\n---\n"
    "Heat is a superb, gripping crime film. The acting is magnificent and the score is moody."
)


def attachment_command(bot: Harness, name: str, data: bytes, **kw: Any) -> dict[str, Any]:
    attached = bot.fake.attachment(name, data)
    return bot.slash(
        "review",
        option("file", attached["id"], kind=11),
        sub="add",
        resolved={"attachments": {attached["id"]: attached}},
        **kw,
    )


async def test_review_add_with_a_text_file(bot: Harness) -> None:
    payload = attachment_command(
        bot, "heat.md", GOOD_REVIEW.encode(), permissions=ADMIN_PERMISSIONS
    )
    response = await bot.callback(payload)
    assert response["type"] == 5 and response["data"]["flags"] & 64  # admin-only, ephemeral
    body = await bot.followup(payload)
    assert body["content"].startswith("Added review") and "Heat" in body["content"]
    films = [f.title for f in await bot.adapter.router.service.films()]
    assert "Heat" in films


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("poster.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "---\nfilm: Amélie\n---\nUne merveille.".encode("latin-1"), "UTF-8"),
        ("huge.txt", b"film " * 50_000, "at most"),
        ("review.pdf", b"%PDF-1.4", ".txt or .md"),
    ],
)
async def test_review_add_refuses_bad_files_whole(
    bot: Harness, name: str, data: bytes, problem: str
) -> None:
    before = await bot.adapter.router.service.reviews()
    payload = attachment_command(bot, name, data, permissions=ADMIN_PERMISSIONS)
    first = await bot.callback(payload)
    if first["type"] == 5:  # refused after the download: the follow-up says why
        reply = (await bot.followup(payload))["content"]
        assert (await bot.followup(payload))["flags"] & 64
    else:
        reply = first["data"]["content"]
        assert first["data"]["flags"] & 64
    assert problem in reply
    assert await bot.adapter.router.service.reviews() == before  # nothing half-ingested


async def test_review_add_without_permission_is_refused(bot: Harness) -> None:
    payload = attachment_command(bot, "heat.md", GOOD_REVIEW.encode())
    response = await bot.callback(payload)
    assert response["type"] == 4 and response["data"]["flags"] & 64
    assert "Manage Server" in response["data"]["content"]
    assert len(await bot.adapter.router.service.reviews()) == 1
    assert not bot.fake.matching("GET", "^/attachments/")  # not even downloaded


async def test_review_add_by_modal(bot: Harness) -> None:
    payload = bot.slash("review", option("film", "Heat"), sub="add", permissions=ADMIN_PERMISSIONS)
    response = await bot.callback(payload)
    assert response["type"] == 9  # the modal
    modal = response["data"]
    inputs = [c["components"][0] for c in modal["components"]]
    by_label = {i["label"]: i for i in inputs}
    assert by_label["Film title"]["value"] == "Heat"  # prefilled from the option
    values = {
        by_label["Film title"]["custom_id"]: "Heat",
        by_label["Year of release"]["custom_id"]: "1995",
        by_label["Critic"]["custom_id"]: "Ann Critic",
        by_label["Source (publication or site)"]["custom_id"]: "",
        by_label["Review text"]["custom_id"]: "A superb, gripping crime film with great acting.",
    }
    submit = bot.interact(
        5, fake_api.modal_submit(modal["custom_id"], values), permissions=ADMIN_PERMISSIONS
    )
    assert (await bot.callback(submit))["type"] == 5
    body = await bot.followup(submit)
    assert body["content"].startswith("Added review") and body["flags"] & 64


async def test_modal_with_a_bad_year_is_refused(bot: Harness) -> None:
    payload = bot.slash("review", sub="add", permissions=ADMIN_PERMISSIONS)
    modal = (await bot.callback(payload))["data"]
    ids = {
        c["components"][0]["label"]: c["components"][0]["custom_id"] for c in modal["components"]
    }
    values = {
        ids["Film title"]: "Heat",
        ids["Year of release"]: "nine",
        ids["Review text"]: "Good.",
    }
    submit = bot.interact(
        5, fake_api.modal_submit(modal["custom_id"], values), permissions=ADMIN_PERMISSIONS
    )
    response = await bot.callback(submit)
    assert response["data"]["flags"] & 64 and "year" in response["data"]["content"]
    assert len(await bot.adapter.router.service.reviews()) == 1


# -- feedback ------------------------------------------------------------------------------------


async def test_feedback_click_records_a_row(bot: Harness) -> None:
    payload = bot.slash("ask", option("question", "What did the critic dislike?"))
    request = await bot.followup_request(payload)
    body, sent = request.json, request.created
    assert sent is not None
    click = bot.interact(
        3, {"custom_id": "reviewbot:feedback:down", "component_type": 2}, message=sent
    )
    thanks = await bot.callback(click)
    assert thanks["type"] == 4 and thanks["data"]["flags"] & 64
    [entry] = await bot.adapter.router.service.recent_feedback()
    assert (entry.platform, entry.verdict, entry.user_id) == ("discord", "down", str(USER_ID))
    assert entry.question == "What did the critic dislike?"
    assert entry.answer and entry.answer.split()[0] in body["embeds"][0]["description"]
    # A second click by the same person changes their verdict rather than adding a row.
    again = bot.interact(
        3, {"custom_id": "reviewbot:feedback:up", "component_type": 2}, message=sent
    )
    await bot.callback(again)
    [entry] = await bot.adapter.router.service.recent_feedback()
    assert entry.verdict == "up"


async def test_feedback_buttons_work_after_a_restart(
    seeded: ReviewService, fake: FakeDiscord
) -> None:
    """A fresh adapter knows nothing of the answer; the stable custom id and the embed suffice."""
    adapter = make_harness(seeded, fake)
    bot = await connect(adapter, fake)
    try:
        embed = {"title": "Did the critic like it?", "description": "No — a negative review."}
        buttons = [
            {"type": 2, "style": 2, "custom_id": f"reviewbot:feedback:{v}", "emoji": {"name": e}}
            for v, e in (("up", "👍"), ("down", "👎"))
        ]
        sent = fake_api.message(
            "", author=BOT_USER, embeds=[embed], components=[{"type": 1, "components": buttons}]
        )
        click = bot.interact(
            3, {"custom_id": "reviewbot:feedback:up", "component_type": 2}, message=sent
        )
        assert (await bot.callback(click))["type"] == 4
        [entry] = await seeded.recent_feedback()
        assert entry.verdict == "up" and entry.question == "Did the critic like it?"
        assert entry.answer == "No — a negative review."
    finally:
        await adapter.client.close()


# -- mentions ------------------------------------------------------------------------------------


def mention(text: str, **kw: Any) -> dict[str, Any]:
    return fake_api.message(f"<@{BOT_ID}> {text}", mentions=[BOT_USER], **kw)


async def test_mention_is_answered_as_a_reply(bot: Harness) -> None:
    asked = mention("what did the critic dislike?")
    bot.post(asked)
    sent = await bot.reply()
    assert sent.path == f"/channels/{CHANNEL_ID}/messages"
    assert str(sent.json["message_reference"]["message_id"]) == asked["id"]
    assert sent.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert sent.json["embeds"][0]["fields"]
    assert button_ids(sent.json["components"]) == [
        "reviewbot:feedback:up",
        "reviewbot:feedback:down",
    ]


async def test_replying_to_an_answer_continues_the_conversation(
    seeded: ReviewService, fake: FakeDiscord
) -> None:
    from tests.test_router import FIXTURES

    seeded.ingest_paths_sync([FIXTURES / "heat.txt"])
    adapter = make_harness(seeded, fake)
    bot = await connect(adapter, fake)
    try:
        first = mention("How was the acting in Heat?")
        bot.post(first)
        request = await bot.reply()
        answer, bot_message = request.json, request.created
        assert bot_message is not None
        assert "Heat" in answer["embeds"][0]["footer"]["text"]

        # "and the subplot?" names no film: only the conversation says it is about Heat.
        follow = fake_api.message("and the subplot?", mentions=[BOT_USER], referenced=bot_message)
        bot.post(follow)
        second = (await bot.reply(count=2)).json
        assert str(second["message_reference"]["message_id"]) == follow["id"]
        assert "Heat" in second["embeds"][0]["footer"]["text"]

        # The same words in a fresh mention have no context to lean on.
        bot.post(mention("and the subplot?"))
        fresh = (await bot.reply(count=3)).json
        assert "Which film" in fresh["content"]
    finally:
        await adapter.client.close()


async def test_everyone_other_bots_and_itself_are_ignored(bot: Harness) -> None:
    bot.post(fake_api.message("@everyone what did the critic dislike?", mention_everyone=True))
    bot.post(mention("what did the critic like?", author=fake_api.user(OTHER_BOT_ID, bot=True)))
    bot.post(mention("what did the critic like?", author=BOT_USER))
    bot.post(fake_api.message("what did the critic like?"))  # not addressed to the bot
    # A marker message that is answered: everything before it was processed and ignored.
    marker = mention("help")
    bot.post(marker)
    sent = await bot.reply()
    assert str(sent.json["message_reference"]["message_id"]) == marker["id"]
    await asyncio.sleep(0.05)
    assert len(bot.fake.matching("POST", r"^/channels/\d+/messages$")) == 1


async def test_direct_messages_are_answered_without_a_mention(bot: Harness) -> None:
    dm = fake_api.message(
        "did the critic like La La Land?", channel_id=DM_CHANNEL_ID, guild_id=None
    )
    bot.post(dm)
    sent = await bot.reply()
    assert sent.path == f"/channels/{DM_CHANNEL_ID}/messages"
    assert sent.json["embeds"][0]["description"]


async def test_review_text_cannot_ping(bot: Harness, seeded: ReviewService) -> None:
    from bot.reviews.types import ReviewInput

    await seeded.ingest_items(
        [
            ReviewInput(
                "Tell @everyone and <@123456789012345678>: this is a superb, moving film.",
                film="Pingable",
            )
        ]
    )
    bot.post(mention("what did the critic like about Pingable?"))
    body = (await bot.reply()).json
    text = json.dumps(body["embeds"], ensure_ascii=False)
    assert "@everyone" not in text and "<@123456789012345678>" not in text
    assert "@\u200beveryone" in text  # shown, but inert
    assert body["allowed_mentions"]["parse"] == []


async def test_rate_limit_is_friendly_and_ephemeral(
    seeded: ReviewService, fake: FakeDiscord
) -> None:
    adapter = make_harness(seeded, fake, rate_limit_per_minute=1, clock=FakeClock())
    bot = await connect(adapter, fake)
    try:
        first = bot.slash("verdict")
        assert (await bot.followup(first))["embeds"]
        second = bot.slash("verdict")
        limited = await bot.followup(second)
        assert limited["flags"] & 64 and "wait a minute" in limited["content"]
    finally:
        await adapter.client.close()


# -- errors, sync, token -------------------------------------------------------------------------


async def test_unexpected_errors_are_logged_with_the_interaction_id_and_apologised_for(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database on fire")

    bot.adapter.router.handle = broken  # type: ignore[method-assign]
    payload = bot.slash("verdict")
    body = await bot.followup(payload)
    assert body["flags"] & 64 and body["content"].startswith("Sorry")
    assert "database on fire" not in body["content"]
    assert any(payload["id"] in r.getMessage() for r in caplog.records)


async def test_sync_registers_the_command_tree(seeded: ReviewService, fake: FakeDiscord) -> None:
    names = await sync_tree(make_harness(seeded, fake), "fake-token", GUILD_ID)
    assert sorted(names) == [
        "ask",
        "dislikes",
        "film",
        "help",
        "likes",
        "review",
        "reviews",
        "verdict",
    ]
    [put] = fake.matching("PUT", rf"^/applications/{APP_ID}/guilds/{GUILD_ID}/commands$")
    review = next(c for c in put.body if c["name"] == "review")
    assert str(review["default_member_permissions"]) == str(fake_api.MANAGE_GUILD)
    assert review["contexts"] == [0] or review.get("dm_permission") is False


def test_missing_token_is_a_clear_user_error() -> None:
    from bot.adapters.discord.runner import discord_token

    with pytest.raises(UserError, match="DISCORD_TOKEN"):
        discord_token({})
    assert discord_token({"DISCORD_TOKEN": " abc "}) == "abc"


async def test_sharded_setting_builds_an_auto_sharded_client(seeded: ReviewService) -> None:
    from dataclasses import replace

    settings = replace(seeded.settings, discord=replace(seeded.settings.discord, sharded=True))
    adapter = DiscordAdapter(Router(seeded), settings)
    assert isinstance(adapter.client, discord.AutoShardedClient)
    assert not adapter.client.intents.message_content


async def test_a_rejected_token_is_a_user_error_that_does_not_echo_it(
    seeded: ReviewService, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.adapters.discord.runner import login

    adapter = make_harness(seeded, fake)
    try:
        with pytest.raises(UserError, match="DISCORD_TOKEN") as raised:
            await login(adapter, fake_api.REJECTED_TOKEN)
    finally:
        await adapter.client.close()
    assert fake_api.REJECTED_TOKEN not in str(raised.value)
    assert all(fake_api.REJECTED_TOKEN not in r.getMessage() for r in caplog.records)


async def test_healthz_reports_readiness(bot: Harness) -> None:
    import aiohttp

    from bot.adapters.discord.health import client_status, start_health_server

    runner = await start_health_server(
        lambda: client_status(bot.adapter.client), port=0, host="127.0.0.1"
    )
    try:
        host, port = runner.addresses[0][:2]
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://{host}:{port}/healthz") as response,
        ):
            body = await response.json()
        assert response.status == 200 and body["ready"] is True and body["guilds"] == 1
    finally:
        await runner.cleanup()
