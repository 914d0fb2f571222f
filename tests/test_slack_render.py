"""Block Kit rendering, `/review` parsing and the add-review form, without any I/O."""

from __future__ import annotations

import json

import pytest

from bot.adapters.slack.commands import Command, clean_text, parse
from bot.adapters.slack.modal import add_review_view, read_submission
from bot.adapters.slack.render import (
    MAX_BLOCKS,
    MAX_BUTTON_VALUE_CHARS,
    MAX_SECTION_CHARS,
    answer_message,
    clip,
    decode_spoilers,
    encode_spoilers,
    escape,
    reviews_message,
    thanked,
)
from bot.reviews.types import Answer, Point, ReviewSummary


def point(i: int, *, text: str = "", aspect: str = "acting", spoiler: bool = False) -> Point:
    return Point(
        text=text or f"Quote number {i}.",
        polarity="positive",
        aspects=(aspect,),
        review_id="r1",
        film="Heat",
        critic="A. Critic",
        start=i * 10,
        end=i * 10 + 9,
        sentence=i + 1,
        spoiler=spoiler,
    )


def answer(points: list[Point], *, more: int = 0) -> Answer:
    return Answer(
        question="How was it?",
        intent="aspect",
        film="Heat",
        abstained=False,
        answer="The critic liked it.",
        points=tuple(points),
        more=more,
    )


def sections(blocks: list[dict[str, object]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]  # type: ignore[index]


def test_escape_defuses_every_mention_form() -> None:
    text = "<!channel> <!here> <@U123> <#C1|general> a & b"
    assert (
        escape(text) == "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1|general&gt; a &amp; b"
    )
    # Clipping never cuts an entity in half.
    clipped = clip("&" * 100, 20)
    assert len(clipped) <= 20 and clipped.endswith("…") and clipped.count("&amp;") == 3


def test_short_answer_first_then_quotes_by_aspect_then_citation() -> None:
    message = answer_message(
        answer([point(0), point(1, aspect="music"), point(2), point(3, aspect="music")])
    )
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["section", "section", "section", "context", "actions"]
    first, acting, music = sections(message.blocks)
    assert first == "The critic liked it."
    assert acting.startswith("*Acting*\n> + “Quote number 0.”") and "Quote number 2." in acting
    assert music.startswith("*Music*") and "Quote number 3." in music
    citation = message.blocks[3]["elements"][0]["text"]
    assert citation == "*Heat* · A. Critic · sentences 1, 2, 3, 4"
    assert message.text.startswith("The critic liked it. “Quote number 0.”")


@pytest.mark.parametrize("aspects", [1, 80])
def test_long_answers_are_trimmed_to_slack_limits_and_say_how_many_more(aspects: int) -> None:
    long_quote = "An endless & <!channel> sentence " * 200  # ~6,600 characters each
    points = [point(i, text=long_quote, aspect=f"aspect{i % aspects}") for i in range(200)]
    message = answer_message(answer(points, more=7))
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(text) <= MAX_SECTION_CHARS for text in sections(message.blocks))
    assert len(message.text) <= 3000
    assert "<!channel>" not in json.dumps(message.blocks) + message.text
    quoted = sum(text.count("\n> ") for text in sections(message.blocks))
    assert 0 < quoted < 200
    note = next(b["elements"][0]["text"] for b in message.blocks if "more points" in json.dumps(b))
    assert f"…and {200 - quoted + 7} more points not shown" in note
    assert message.blocks[-1]["block_id"] == "feedback"


def test_spoilers_are_hidden_behind_a_button() -> None:
    ending = point(5, text="In the end they part ways.", spoiler=True)
    message = answer_message(answer([point(0), ending]))
    assert "part ways" not in json.dumps(sections(message.blocks)) + message.text
    [button] = [e for b in message.blocks if b.get("block_id") == "spoilers" for e in b["elements"]]
    assert button["text"]["text"] == "Show spoilers"
    revealed = decode_spoilers(button["value"])
    assert "In the end they part ways." in sections(revealed.blocks)[0]
    assert "*Heat*" in sections(revealed.blocks)[0] or "Heat" in sections(revealed.blocks)[0]


def test_an_all_spoiler_answer_still_cites_film_critic_and_sentences() -> None:
    ending = point(5, text="In the end they part ways.", spoiler=True)
    message = answer_message(answer([ending]))
    [citation] = [b for b in message.blocks if b["type"] == "context"]
    line = citation["elements"][0]["text"]  # type: ignore[index]
    assert "*Heat*" in line and "A. Critic" in line and "sentence 6" in line
    assert "part ways" not in json.dumps(message.blocks[:-2]) + message.text


def test_spoiler_value_fits_a_button_and_bad_values_do_not_crash() -> None:
    many = [point(i, text="x" * 900, spoiler=True) for i in range(6)]
    value = encode_spoilers(many)
    assert len(value) <= MAX_BUTTON_VALUE_CHARS
    assert len(sections(decode_spoilers(value).blocks)[0]) > 100
    assert "can't show" in decode_spoilers("not json").text
    assert "can't show" in decode_spoilers('{"q": 5}').text


def test_thanked_replaces_only_the_feedback_buttons() -> None:
    blocks = answer_message(answer([point(0)])).blocks
    after = thanked(blocks, "down")
    assert after[:-1] == blocks[:-1]
    assert after[-1] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "Thanks — noted 👎"}],
    }


def test_review_listing_escapes_and_stays_within_limits() -> None:
    reviews = [
        ReviewSummary(f"id{i}", f"<!here> Film {i}", 2000, "Critic & Co", "Site", 40)
        for i in range(2000)
    ]
    message = reviews_message(reviews)
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(text) <= MAX_SECTION_CHARS for text in sections(message.blocks))
    assert "<!here>" not in json.dumps(message.blocks)
    assert "more reviews" in json.dumps(message.blocks[-1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Command("help")),
        ("help", Command("help")),
        ("likes", Command("likes")),
        ("Likes La La Land", Command("likes", "La La Land")),
        ("list", Command("reviews")),
        ("film   Heat ", Command("film", "Heat")),
        ("verdict?", Command("verdict")),
        ("add", Command("add")),
        ("lieks", Command("unknown", "lieks", suggestion="likes")),
        ("acting", Command("ask", "acting")),
        ("what did the critic dislike?", Command("ask", "what did the critic dislike?")),
        (":tada: :thumbsup::skin-tone-2:", Command("ask", "")),
        ("<@UBOT> how was &lt;it&gt;?", Command("ask", "how was <it>?")),
    ],
)
def test_parse(text: str, expected: Command) -> None:
    assert parse(text) == expected


def test_clean_text_unwraps_slack_markup() -> None:
    raw = "<@UBOT|bot> see <https://example.com|this> in <#C1|films> <!here> &amp; more"
    assert clean_text(raw) == "see this in #films & more"


def submission(**fields: str) -> dict[str, object]:
    values = {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in fields.items()}
    return {"state": {"values": values}}


def test_add_review_form_checks_each_field() -> None:
    view = add_review_view("C1")
    assert view["private_metadata"] == "C1" and view["callback_id"] == "review_add"
    errors = read_submission(
        submission(film=" ", year="1600", critic="c" * 301, text="x" * 600), max_bytes=500
    )
    assert isinstance(errors, dict)
    assert set(errors) == {"film", "year", "critic", "text"}
    assert "500 bytes" in errors["text"]
    item = read_submission(
        submission(film="  Heat ", year="1995", text="Para one.\n\nPara two."), max_bytes=500
    )
    assert not isinstance(item, dict)
    assert (item.film, item.year, item.critic, item.text) == (
        "Heat",
        1995,
        None,
        "Para one.\n\nPara two.",
    )
