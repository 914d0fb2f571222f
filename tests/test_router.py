"""The shared command table: commands, follow-ups per thread, channel films, rate limits."""

from __future__ import annotations

from pathlib import Path

from bot.reviews.service import ReviewService
from bot.reviews.types import ReviewInput
from bot.router import ChatRequest, Router

FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def request(command: str, text: str = "", **kw: str) -> ChatRequest:
    fields = {"platform": "test", "user_id": "U1", "channel_id": "C1", **kw}
    return ChatRequest(command=command, text=text, **fields)  # type: ignore[arg-type]


async def test_canned_commands_answer_about_the_film(seeded: ReviewService) -> None:
    router = Router(seeded)
    reply = await router.handle(request("dislikes"))
    assert reply.kind == "answer" and reply.answer is not None
    assert reply.answer.intent == "dislikes" and reply.answer.points
    verdict = await router.handle(request("verdict", "La La Land"))
    assert verdict.answer is not None and verdict.answer.verdict == "negative"


async def test_unknown_command_and_film_are_ephemeral_errors(seeded: ReviewService) -> None:
    router = Router(seeded)
    unknown = await router.handle(request("dance"))
    assert unknown.kind == "error" and unknown.ephemeral and "dance" in unknown.text
    missing = await router.handle(request("likes", "Casablanca"))
    assert missing.kind == "error" and missing.ephemeral and "Casablanca" in missing.text


async def test_follow_ups_share_context_within_a_thread_only(seeded: ReviewService) -> None:
    seeded.ingest_paths_sync([FIXTURES / "heat.txt"])
    router = Router(seeded)
    first = await router.handle(request("ask", "How was the acting in Heat?", thread_id="T1"))
    assert first.answer is not None and first.answer.film == "Heat"
    follow = await router.handle(request("ask", "and the subplot?", thread_id="T1"))
    assert follow.answer is not None and follow.answer.film == "Heat"
    elsewhere = await router.handle(request("ask", "and the subplot?", thread_id="T2"))
    assert elsewhere.kind == "error" and "Which film" in elsewhere.text


async def test_channel_default_film(seeded: ReviewService) -> None:
    seeded.ingest_paths_sync([FIXTURES / "heat.txt"])
    router = Router(seeded)
    set_reply = await router.handle(request("film", "heat"))
    assert set_reply.text == "This channel's default film is now Heat."
    # A fresh router (a restarted bot) still knows the channel's film from the database.
    reply = await Router(seeded).handle(request("ask", "How was the acting?", thread_id="T9"))
    assert reply.answer is not None and reply.answer.film == "Heat"
    other = await router.handle(request("ask", "How was the acting?", channel_id="C2"))
    assert other.kind == "error"


async def test_rate_limit_is_per_user_and_recovers(seeded: ReviewService) -> None:
    clock = FakeClock()
    router = Router(seeded, rate_limit_per_minute=2, clock=clock)
    assert (await router.handle(request("verdict"))).kind == "answer"
    assert (await router.handle(request("verdict"))).kind == "answer"
    limited = await router.handle(request("verdict"))
    assert limited.kind == "error" and limited.ephemeral and "wait" in limited.text
    assert (await router.handle(request("verdict", user_id="U2"))).kind == "answer"
    clock.now += 61
    assert (await router.handle(request("verdict"))).kind == "answer"


async def test_add_review_validates_and_ingests(seeded: ReviewService) -> None:
    router = Router(seeded)
    reply = await router.add_review(ReviewInput("A superb, moving film.", film="Heat"))
    assert reply.text.startswith("Added review")
    again = await router.add_review(ReviewInput("A superb, moving film.", film="Heat"))
    assert "already indexed" in again.text
    import pytest

    from bot.errors import UserError

    with pytest.raises(UserError, match="empty"):
        await router.add_review(ReviewInput("  ", film="Heat"))
