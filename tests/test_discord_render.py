"""Answers as Discord embeds: inside every limit, spoilers hidden, review text inert."""

from __future__ import annotations

import discord
import pytest

from bot.adapters.discord.render import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_VALUE_LIMIT,
    plain_content,
    render_answer,
    render_reviews_page,
)
from bot.reviews.service import ReviewService
from bot.reviews.types import Answer, Point, Question, ReviewSummary


def point(text: str, aspect: str, sentence: int = 1, *, spoiler: bool = False) -> Point:
    return Point(
        text=text,
        polarity="negative",
        aspects=(aspect,),
        review_id="r1",
        film="La La Land",
        critic="IMDb user",
        start=0,
        end=len(text),
        sentence=sentence,
        spoiler=spoiler,
    )


def answer(
    points: list[Point], text: str = "The critic disliked the music.", **kw: object
) -> Answer:
    return Answer(
        question="q",
        intent="dislikes",
        film="La La Land",
        abstained=False,
        answer=text,
        points=tuple(points),
        **kw,  # type: ignore[arg-type]
    )


def check_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("description", "")) <= DESCRIPTION_LIMIT
    assert len(data.get("fields", [])) <= FIELD_COUNT_LIMIT
    assert all(len(f["value"]) <= FIELD_VALUE_LIMIT for f in data.get("fields", []))
    assert all(len(f["name"]) <= 256 for f in data.get("fields", []))
    assert len(data.get("title", "")) <= 256
    assert len(embed) <= EMBED_TOTAL_LIMIT  # discord.py counts like Discord does


def test_a_very_long_answer_is_trimmed_and_says_how_much_is_left() -> None:
    sentence = "The score is relentless and the dancing is stiff in a way that grates. " * 20
    points = [point(sentence, f"aspect{i}", i) for i in range(40)]
    embed = render_answer(answer(points, text="x" * 10_000, more=3), question="y" * 400)
    check_limits(embed)
    assert embed.description is not None and embed.description.endswith("…")
    shown = sum(f.value.count("“") for f in embed.fields if f.value)
    assert 0 < shown < 40
    assert f"{40 - shown + 3} more points not shown" in (embed.footer.text or "")


def test_many_points_in_one_aspect_stay_inside_the_field_limit() -> None:
    points = [
        point("A long and winding complaint about the songs. " * 5, "music", i) for i in range(30)
    ]
    embed = render_answer(answer(points))
    check_limits(embed)
    assert "more points not shown" in (embed.footer.text or "")


def test_a_short_answer_shows_every_point_with_citations() -> None:
    points = [point("The songs are forgettable.", "music", 4), point("Stiff.", "dance", 9)]
    embed = render_answer(answer(points), question="What did the critic dislike?")
    assert [f.name for f in embed.fields] == ["Music", "Dance"]
    assert embed.fields[0].value == "👎 “The songs are forgettable.” — s.4"
    assert embed.footer.text == "La La Land · IMDb user · sentences 4, 9"


def test_spoilers_are_wrapped_in_spoiler_tags_even_when_clipped() -> None:
    embed = render_answer(
        answer([point("He plays the piano and she leaves.", "ending", 7, spoiler=True)])
    )
    assert embed.fields[0].value == "👎 “||He plays the piano and she leaves.||” — s.7"
    long = render_answer(answer([point("Ending " * 400, "ending", 7, spoiler=True)]))
    value = long.fields[0].value or ""
    assert len(value) <= FIELD_VALUE_LIMIT and value.count("||") == 2 and "…||" in value


def test_review_text_is_shown_as_text_not_markdown_or_mentions() -> None:
    text = "**Bold** claim @everyone @here <@123456789012345678> <@&987654321098765432>"
    embed = render_answer(answer([point(text, "overall")], text=text))
    rendered = (embed.description or "") + (embed.fields[0].value or "")
    for ping in ("@everyone", "@here", "<@123456789012345678>", "<@&987654321098765432>"):
        assert ping not in rendered
    assert "\\*\\*Bold\\*\\*" in rendered


def test_plain_content_is_capped() -> None:
    assert len(plain_content("a" * 5000)) == CONTENT_LIMIT
    assert "@everyone" not in plain_content("hi @everyone")


def test_reviews_pages() -> None:
    reviews = [ReviewSummary(f"id{i}", f"Film *{i}*", 2000 + i, "Ann", None, 10) for i in range(23)]
    first = render_reviews_page(reviews, 0)
    assert first.footer.text == "Page 1 of 3 · 23 reviews"
    assert "Film \\*0\\*" in (first.description or "") and "Film \\*10\\*" not in (
        first.description or ""
    )
    assert render_reviews_page(reviews, 99).footer.text == "Page 3 of 3 · 23 reviews"
    assert "No reviews" in (render_reviews_page([], 0).description or "")


@pytest.mark.parametrize("question", ["How does it end?"])
async def test_the_seed_reviews_ending_is_hidden_behind_spoiler_tags(
    seeded: ReviewService, question: str
) -> None:
    result = await seeded.ask(Question(question, film="La La Land"))
    assert any(p.spoiler for p in result.points)
    embed = render_answer(result, question=question)
    values = [f.value or "" for f in embed.fields]
    assert values and all("||" in v for v in values)
    check_limits(embed)
