"""The Discord adapter end to end: real discord.py objects against a local fake Discord.

Gateway events are fed into the client's connection state as Discord would send them; the
assertions are on the REST requests the fake receives. Admin commands are in
test_discord_admin.py, buttons in test_discord_buttons.py.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest

from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.discord.sync import sync_tree
from bot.errors import UserError
from bot.reviews.service import ReviewService
from bot.router import Router
from tests import discord_fake as fake_api
from tests.discord_fake import (
    APP_ID,
    BOT_ID,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    OTHER_BOT_ID,
    FakeDiscord,
    button_ids,
    command,
    option,
)
from tests.discord_harness import NO_PINGS, Harness, connect, make_harness
from tests.test_router import FakeClock

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


async def test_a_very_long_answer_is_sent_within_embed_limits(
    seeded: ReviewService, fake: FakeDiscord
) -> None:
    from dataclasses import replace

    from bot.reviews.types import ReviewInput

    sentences = [
        f"The acting in scene {i} is great, {'and wonderfully moving ' * 30}truly superb."
        for i in range(200)
    ]
    await seeded.ingest_items([ReviewInput(" ".join(sentences), film="Epic", critic="C")])
    settings = replace(seeded.settings, answer=replace(seeded.settings.answer, max_points=50))
    adapter = make_harness(ReviewService(seeded.store, settings=settings), fake)
    bot = await connect(adapter, fake)
    try:
        payload = bot.slash(
            "ask",
            option("question", "How was the acting? 50 quotes please"),
            option("film", "Epic"),
        )
        body = await bot.followup(payload)
    finally:
        await adapter.client.close()
    embed = discord.Embed.from_dict(body["embeds"][0])
    assert len(embed) <= 6000 and len(embed.fields) <= 25
    assert len(embed.description or "") <= 4096
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    assert "more points not shown" in (embed.footer.text or "")


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


@pytest.fixture
async def with_heat(seeded: ReviewService, fake: FakeDiscord) -> AsyncIterator[Harness]:
    """A bot that knows two films, so a follow-up must lean on its conversation for one."""
    from tests.test_router import FIXTURES

    seeded.ingest_paths_sync([FIXTURES / "heat.txt"])
    adapter = make_harness(seeded, fake)
    harness = await connect(adapter, fake)
    try:
        yield harness
    finally:
        await adapter.client.close()


async def test_replying_to_an_answer_continues_the_conversation(with_heat: Harness) -> None:
    first = mention("How was the acting in Heat?")
    with_heat.post(first)
    request = await with_heat.reply()
    answer, bot_message = request.json, request.created
    assert bot_message is not None
    assert "Heat" in answer["embeds"][0]["footer"]["text"]

    # "and the subplot?" names no film: only the conversation says it is about Heat.
    follow = fake_api.message("and the subplot?", mentions=[BOT_USER], referenced=bot_message)
    with_heat.post(follow)
    second = (await with_heat.reply(count=2)).json
    assert str(second["message_reference"]["message_id"]) == follow["id"]
    assert "Heat" in second["embeds"][0]["footer"]["text"]

    # The same words in a fresh mention have no context to lean on.
    with_heat.post(mention("and the subplot?"))
    fresh = (await with_heat.reply(count=3)).json
    assert "Which film" in fresh["content"]


async def test_replying_to_a_slash_answer_continues_that_conversation(with_heat: Harness) -> None:
    asked = with_heat.slash(
        "ask", option("question", "How was the acting?"), option("film", "Heat")
    )
    answer = await with_heat.followup_request(asked)
    assert answer.created is not None
    # A reply that pings the bot carries its content; it names no film.
    follow = fake_api.message("and the subplot?", mentions=[BOT_USER], referenced=answer.created)
    with_heat.post(follow)
    sent = (await with_heat.reply()).json
    assert str(sent["message_reference"]["message_id"]) == follow["id"]
    assert "Heat" in sent["embeds"][0]["footer"]["text"]


async def test_mention_help_lists_the_discord_commands(bot: Harness) -> None:
    bot.post(mention("help"))
    sent = (await bot.reply()).json
    assert "/ask" in sent["content"] and "/review add" in sent["content"]
    assert sent["allowed_mentions"] == {"parse": [], "replied_user": False}


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
