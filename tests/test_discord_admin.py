"""Admin slash commands end to end: /film set and /review add, permissions checked server-side."""

from __future__ import annotations

from typing import Any

import pytest

from tests import discord_fake as fake_api
from tests.discord_fake import (
    ADMIN_PERMISSIONS,
    CHANNEL_ID,
    option,
)
from tests.discord_harness import Harness


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
