"""Buttons end to end: the /reviews pager and the persistent 👍 / 👎 feedback buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.reviews.service import ReviewService
from bot.reviews.types import ReviewInput
from tests import discord_fake as fake_api
from tests.discord_fake import (
    BOT_USER,
    USER_ID,
    FakeDiscord,
    option,
)
from tests.discord_harness import Harness, connect, make_harness


@pytest.fixture
async def paged(seeded: ReviewService, fake: FakeDiscord) -> AsyncIterator[Harness]:
    """A bot with 13 reviews indexed: two pages of /reviews."""
    await seeded.ingest_items(
        ReviewInput(f"Film number {i} is a superb, moving film.", film=f"Film {i}")
        for i in range(12)
    )
    adapter = make_harness(seeded, fake)
    harness = await connect(adapter, fake)
    try:
        yield harness
    finally:
        await adapter.client.close()


async def test_reviews_paginate_with_buttons_for_the_asker_only(paged: Harness) -> None:
    payload = paged.slash("reviews")
    request = await paged.followup_request(payload)
    body, sent = request.json, request.created
    assert sent is not None
    assert body["embeds"][0]["footer"]["text"].startswith("Page 1 of 2 · 13 reviews")
    previous, following = body["components"][0]["components"]
    assert previous["disabled"] and not following["disabled"]
    following = following["custom_id"]

    stranger = paged.interact(
        3,
        {"custom_id": following, "component_type": 2},
        user_id=fake_api.OTHER_USER_ID,
        message=sent,
    )
    refused = await paged.callback(stranger)
    assert refused["type"] == 4 and refused["data"]["flags"] & 64

    click = paged.interact(3, {"custom_id": following, "component_type": 2}, message=sent)
    turned = await paged.callback(click)
    assert turned["type"] == 7  # update the message in place
    assert turned["data"]["embeds"][0]["footer"]["text"].startswith("Page 2 of 2")
    previous, last = turned["data"]["components"][0]["components"]
    assert not previous["disabled"] and last["disabled"]


async def test_a_failing_page_turn_is_logged_and_apologised_for(
    paged: Harness, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    request = await paged.followup_request(paged.slash("reviews"))
    assert request.created is not None
    following = request.json["components"][0]["components"][1]["custom_id"]
    click = paged.interact(
        3, {"custom_id": following, "component_type": 2}, message=request.created
    )
    fake.fail_once.append(rf"^/interactions/{click['id']}/")  # the page update is refused
    apology = await fake.wait_for("POST", rf"^/interactions/{click['id']}/", count=2)
    assert apology.json["type"] == 4 and apology.json["data"]["flags"] & 64
    assert apology.json["data"]["content"].startswith("Sorry")
    assert any(click["id"] in r.getMessage() for r in caplog.records if r.levelname == "ERROR")


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
