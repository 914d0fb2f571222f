"""The Slack adapter end to end: signed requests into the real HTTP endpoint, a fake Slack API."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from slack_fake import BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, SlackHarness, sign

from bot.config import Settings, SlackSettings
from bot.reviews.service import ReviewService
from bot.reviews.types import ReviewInput
from bot.router import ChatReply, ChatRequest, Router

FIXTURES = Path(__file__).parent / "fixtures" / "reviews"
ADMIN = "UADMIN"


@pytest.fixture
def slack_settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, slack=SlackSettings(admin_user_ids=(ADMIN,)))


@pytest.fixture
async def slack(seeded: ReviewService, slack_settings: Settings) -> AsyncIterator[SlackHarness]:
    async with SlackHarness(Router(seeded, rate_limit_per_minute=0), slack_settings) as harness:
        yield harness


def all_text(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def visible_text(node: Any) -> str:
    """What Slack shows of some blocks: their text objects, not button values."""
    if isinstance(node, list):
        return "\n".join(visible_text(item) for item in node)
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text"):
            return str(node.get("text", ""))
        return "\n".join(visible_text(v) for k, v in node.items() if k != "value")
    return ""


def mention(text: str, *, ts: str = "1700000100.000100", **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": "C1",
        "event_ts": ts,
        **extra,
    }


# -- /review --------------------------------------------------------------------------------------


async def test_slash_question_is_acked_and_answered_in_channel(slack: SlackHarness) -> None:
    started = time.monotonic()
    assert await slack.command("what did the critic dislike?") == 200
    assert time.monotonic() - started < 3
    [reply] = slack.fake.to("respond")
    assert reply["response_type"] == "in_channel"
    blocks = reply["blocks"]
    assert "disliked" in blocks[0]["text"]["text"]
    # Quotes as blockquotes under an aspect heading, then film, critic and sentence numbers.
    assert any(b["type"] == "section" and "\n> " in b["text"]["text"] for b in blocks)
    citation = next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]
    assert "La La Land" in citation and "IMDb user" in citation and "sentence" in citation
    assert blocks[-1]["block_id"] == "feedback"
    assert reply["text"].startswith("The critic")


async def test_slash_likes_list_and_film(slack: SlackHarness, seeded: ReviewService) -> None:
    await slack.command("likes La La Land")
    likes = slack.fake.to("respond")[-1]
    assert likes["response_type"] == "in_channel" and "liked" in likes["blocks"][0]["text"]["text"]

    await slack.command("list")
    listing = slack.fake.to("respond")[-1]
    assert "La La Land" in all_text(listing["blocks"]) and "1 review indexed" in listing["text"]

    await slack.command("film la la land", channel="C7")
    film = slack.fake.to("respond")[-1]
    assert "default film is now La La Land" in film["text"]
    assert await seeded.channel_film("slack", "C7") is not None


async def test_slash_help_unknown_and_bad_input_are_ephemeral(slack: SlackHarness) -> None:
    await slack.command("help")
    await slack.command("")
    await slack.command("lieks")
    await slack.command("dislikes Casablanca")
    await slack.command("x" * 5000)
    await slack.command(":tada: :tada:")
    help_, empty, unknown, missing, huge, emoji = slack.fake.to("respond")
    assert all(r["response_type"] == "ephemeral" for r in (help_, empty, unknown, missing, huge))
    assert "/review likes" in help_["text"] and empty["text"] == help_["text"]
    assert "lieks" in unknown["text"] and "likes" in unknown["text"]
    assert "Casablanca" in missing["text"]
    assert "5,000 characters" in huge["text"]
    assert emoji["response_type"] == "ephemeral" and "ask a question" in emoji["text"]
    assert not slack.fake.to("chat.postMessage")


async def test_rate_limit_gets_a_friendly_ephemeral_reply(
    seeded: ReviewService, slack_settings: Settings
) -> None:
    async with SlackHarness(Router(seeded, rate_limit_per_minute=2), slack_settings) as slack:
        for _ in range(3):
            await slack.command("verdict")
        first, second, third = slack.fake.to("respond")
        assert first["response_type"] == second["response_type"] == "in_channel"
        assert third["response_type"] == "ephemeral" and "wait a minute" in third["text"]


# -- mentions, threads, DMs -----------------------------------------------------------------------


async def test_mention_is_answered_in_its_thread_with_a_progress_reaction(
    slack: SlackHarness,
) -> None:
    assert await slack.event(mention("how was the acting in La La Land?")) == 200
    [post] = slack.fake.to("chat.postMessage")
    assert post["channel"] == "C1" and post["thread_ts"] == "1700000100.000100"
    assert "acting" in post["blocks"][0]["text"]["text"]
    [added], [removed] = slack.fake.to("reactions.add"), slack.fake.to("reactions.remove")
    cue = {"channel": "C1", "timestamp": "1700000100.000100", "name": "eyes"}
    assert cue.items() <= added.items() and cue.items() <= removed.items()
    order = [c.method for c in slack.fake.calls]
    assert order.index("reactions.add") < order.index("chat.postMessage")
    assert order.index("chat.postMessage") < order.index("reactions.remove")


async def test_follow_up_in_the_thread_keeps_the_film(
    slack: SlackHarness, seeded: ReviewService
) -> None:
    seeded.ingest_paths_sync([FIXTURES / "heat.txt"])
    root = "1700000200.000100"
    await slack.event(mention("How was the acting in Heat?", ts=root))
    await slack.event(mention("and the subplot?", ts="1700000201.000100", thread_ts=root))
    first, follow = slack.fake.to("chat.postMessage")
    assert first["thread_ts"] == follow["thread_ts"] == root
    assert "Heat" in all_text(follow["blocks"])
    # The same follow-up outside the thread has no film to go on.
    await slack.event(mention("and the subplot?", ts="1700000300.000100"))
    [elsewhere] = slack.fake.to("chat.postEphemeral")
    assert "Which film" in elsewhere["text"] and elsewhere["user"] == "U1"


async def test_direct_message_is_answered(slack: SlackHarness) -> None:
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D1",
        "user": "U1",
        "text": "did the critic like La La Land?",
        "ts": "1700000400.000100",
    }
    assert await slack.event(dm) == 200
    [post] = slack.fake.to("chat.postMessage")
    assert post["channel"] == "D1" and "thread_ts" not in post
    assert post["blocks"][-1]["block_id"] == "feedback"


async def test_bots_and_the_bot_itself_are_never_answered(slack: SlackHarness) -> None:
    own = {
        "type": "message",
        "channel_type": "im",
        "channel": "D1",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "text": "The critic disliked the music.",
        "ts": "1700000500.000100",
    }
    other_bot = {**own, "user": "UOTHER", "bot_id": "BOTHER", "ts": "1700000501.000100"}
    bot_mention = mention("what did the critic dislike?", bot_id="BOTHER", ts="1700000502.000100")
    edited = {**own, "user": "U1", "subtype": "message_changed", "ts": "1700000503.000100"}
    channel_chatter = {**own, "user": "U1", "channel_type": "channel", "ts": "1700000504.000100"}
    del own["bot_id"]  # bolt's self-event check goes by user id too
    for event in (own, other_bot, bot_mention, edited, channel_chatter):
        assert await slack.event(event) == 200
    assert slack.fake.posted() == []
    assert not slack.fake.to("reactions.add")


async def test_retried_event_is_answered_once_even_after_a_restart(
    seeded: ReviewService, slack_settings: Settings
) -> None:
    event = mention("what did the critic like?")
    async with SlackHarness(Router(seeded), slack_settings) as slack:
        assert await slack.event(event, event_id="EvRETRY") == 200
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        assert await slack.event(event, event_id="EvRETRY", headers=retry) == 200
        assert len(slack.fake.to("chat.postMessage")) == 1
    # A restarted bot (new app, same database) still remembers the event.
    async with SlackHarness(Router(seeded), slack_settings) as restarted:
        retry = {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"}
        assert await restarted.event(event, event_id="EvRETRY", headers=retry) == 200
        assert restarted.fake.posted() == []


# -- escaping and limits --------------------------------------------------------------------------


async def test_review_text_never_pings(slack: SlackHarness, seeded: ReviewService) -> None:
    await Router(seeded).add_review(
        ReviewInput(
            "<!channel> A superb, moving film. The acting is great &lt; <@U123> loved it. "
            "<!here> The score is wonderful.",
            film="Heat",
            year=1995,
            critic="<@U999>",
        )
    )
    await slack.command("likes Heat")
    [reply] = slack.fake.to("respond")
    rendered = all_text(reply["blocks"]) + reply["text"]
    for raw in ("<!channel>", "<!here>", "<@U123>", "<@U999>"):
        assert raw not in rendered
    assert "&lt;!channel&gt;" in rendered and "&lt;@U123&gt;" in rendered
    assert "great &lt; &lt;@U123&gt;" in rendered  # ingest decodes "&lt;"; Slack shows "<"


async def test_very_long_answer_stays_within_block_kit_limits(
    seeded: ReviewService, slack_settings: Settings
) -> None:
    sentences = [
        f"The acting in scene {i} is great, {'and wonderfully moving ' * 30}truly superb."
        for i in range(200)
    ]
    await Router(seeded).add_review(ReviewInput(" ".join(sentences), film="Epic", critic="C"))
    settings = dataclasses.replace(
        slack_settings, answer=dataclasses.replace(slack_settings.answer, max_points=50)
    )
    service = ReviewService(seeded.store, settings=settings)
    async with SlackHarness(Router(service, rate_limit_per_minute=0), settings) as slack:
        await slack.command("how was the acting in Epic? give me 50 quotes")
        [reply] = slack.fake.to("respond")
    blocks = reply["blocks"]
    assert len(blocks) <= 50
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
    assert len(reply["text"]) <= 3000


# -- buttons and the modal ------------------------------------------------------------------------


async def test_feedback_click_is_recorded_and_thanked(
    slack: SlackHarness, seeded: ReviewService
) -> None:
    await slack.event(mention("what did the critic dislike?"))
    [post] = slack.fake.to("chat.postMessage")
    up = post["blocks"][-1]["elements"][0]
    payload = {
        "type": "block_actions",
        "user": {"id": "U2"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "t.1",
        "container": {"type": "message", "message_ts": "1700000000.000009", "channel_id": "C1"},
        "channel": {"id": "C1"},
        "message": {"ts": "1700000000.000009", "text": post["text"], "blocks": post["blocks"]},
        "response_url": slack.fake.response_url("fb"),
        "actions": [{**up, "block_id": "feedback", "action_ts": "1"}],
    }
    status, _ = await slack.interaction(payload)
    assert status == 200
    [entry] = await seeded.recent_feedback()
    assert (entry.platform, entry.user_id, entry.verdict) == ("slack", "U2", "up")
    assert entry.question == "what did the critic dislike?"
    assert entry.answer.startswith("The critic")
    [update] = slack.fake.to("respond")
    assert update["replace_original"] is True
    texts = all_text(update["blocks"])
    assert "Thanks — noted" in texts and "feedback_up" not in texts
    assert update["blocks"][0] == post["blocks"][0]


async def test_spoilers_are_hidden_and_revealed_only_to_the_clicker(slack: SlackHarness) -> None:
    await slack.command("how does La La Land end?")
    [reply] = slack.fake.to("respond")
    button = next(
        e
        for b in reply["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "reveal_spoilers"
    )
    shown = visible_text(reply["blocks"]) + reply["text"]
    payload = {
        "type": "block_actions",
        "user": {"id": "U3"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "container": {"type": "message", "message_ts": "1.2", "channel_id": "C1"},
        "channel": {"id": "C1"},
        "response_url": slack.fake.response_url("spoil"),
        "actions": [{**button, "block_id": "spoilers", "action_ts": "1"}],
    }
    await slack.interaction(payload)
    revealed = slack.fake.to("respond")[-1]
    assert revealed["response_type"] == "ephemeral" and revealed.get("replace_original") is False
    assert "Spoilers" in revealed["blocks"][0]["text"]["text"]
    quotes = re.findall(r"> “(.+?)”", revealed["blocks"][0]["text"]["text"])
    assert quotes, "the revealed message quotes the hidden sentences"
    for quote in quotes:
        assert quote not in shown


def add_review_payload(user: str, **fields: str) -> dict[str, Any]:
    values = {
        name: {"value": {"type": "plain_text_input", "value": v}} for name, v in fields.items()
    }
    return {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "trigger_id": "t.2",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": "review_add",
            "private_metadata": "C1",
            "state": {"values": values},
        },
    }


async def test_add_review_opens_a_modal_for_admins_only(slack: SlackHarness) -> None:
    await slack.command("add", user="U1")
    [refusal] = slack.fake.to("respond")
    assert refusal["response_type"] == "ephemeral" and "admins" in refusal["text"]
    assert not slack.fake.to("views.open")
    await slack.command("add", user=ADMIN)
    [opened] = slack.fake.to("views.open")
    assert opened["trigger_id"].startswith("trigger.")
    blocks = {b["block_id"] for b in opened["view"]["blocks"]}
    assert blocks == {"film", "year", "critic", "source", "text"}


async def test_add_review_submission_valid_and_invalid(
    slack: SlackHarness, seeded: ReviewService
) -> None:
    status, body = await slack.interaction(
        add_review_payload(ADMIN, film="", year="19x5", text="   ")
    )
    errors = json.loads(body)
    assert status == 200 and errors["response_action"] == "errors"
    assert set(errors["errors"]) == {"film", "year", "text"}

    status, body = await slack.interaction(
        add_review_payload("U1", film="Heat", text="A superb, moving film.")
    )
    assert json.loads(body)["response_action"] == "errors"

    status, body = await slack.interaction(
        add_review_payload(
            ADMIN, film="Heat", year="1995", critic="A. Critic", text="A superb, moving film."
        )
    )
    done = json.loads(body)
    assert done["response_action"] == "update" and "Added review" in all_text(done["view"])
    assert [r.film for r in await seeded.reviews("Heat")] == ["Heat"]

    _, body = await slack.interaction(
        add_review_payload(ADMIN, film="Heat", text="A superb, moving film.")
    )
    assert "already indexed" in all_text(json.loads(body)["view"])


async def test_slow_add_review_closes_the_modal_and_reports_by_dm(
    seeded: ReviewService, slack_settings: Settings
) -> None:
    class SlowRouter(Router):
        async def add_review(self, item: ReviewInput) -> ChatReply:
            await asyncio.sleep(0.2)
            return await super().add_review(item)

    async with SlackHarness(SlowRouter(seeded), slack_settings) as slack:
        slack.adapter.add_ack_seconds = 0.05
        status, body = await slack.interaction(
            add_review_payload(ADMIN, film="Heat", text="A superb, moving film.")
        )
        assert status == 200 and body == ""
        [dm] = slack.fake.to("chat.postMessage")
    assert dm["channel"] == ADMIN and "Added review" in dm["text"]


# -- security -------------------------------------------------------------------------------------


async def test_bad_signature_and_stale_timestamp_get_401_and_nothing_runs(
    slack: SlackHarness,
) -> None:
    body = slack.event_body(mention("what did the critic like?"))
    forged = sign(body, secret="not-the-secret")
    status, _ = await slack.post(body, "application/json", signed=forged)
    assert status == 401
    stale = sign(body, timestamp=int(time.time()) - 6 * 60)
    status, _ = await slack.post(body, "application/json", signed=stale)
    assert status == 401
    status, _ = await slack.post(body, "application/json", signed={})
    assert status == 401
    assert slack.fake.calls == []


async def test_unexpected_error_is_logged_with_the_event_id_and_apologised_for(
    seeded: ReviewService, slack_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    class BrokenRouter(Router):
        async def handle(self, request: ChatRequest) -> ChatReply:
            raise RuntimeError("database on fire")

    caplog.set_level(logging.DEBUG)
    async with SlackHarness(BrokenRouter(seeded), slack_settings) as slack:
        await slack.event(mention("what did the critic like?"), event_id="EvBOOM")
        await slack.command("verdict")
    [apology] = slack.fake.to("chat.postMessage")
    assert "Sorry" in apology["text"] and apology["thread_ts"] == "1700000100.000100"
    assert "Sorry" in slack.fake.to("respond")[0]["text"]
    assert slack.fake.to("reactions.remove"), "the 👀 cue is removed even on failure"
    failures = [r for r in caplog.records if "failed" in r.getMessage()]
    assert any("EvBOOM" in r.getMessage() for r in failures)
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in caplog.text


async def test_health_endpoint(slack: SlackHarness) -> None:
    async with slack.session.get(f"{slack.base}/healthz") as resp:
        assert resp.status == 200 and (await resp.json()) == {"status": "ok"}
