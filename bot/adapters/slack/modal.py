"""The "Add a review" modal: the view an admin fills in, and its submission checked field by field.

The same limits as ingest apply (the router re-checks them when it ingests); what can be checked
here is reported next to the field it concerns, inside the modal.
"""

from __future__ import annotations

import datetime
from typing import Any

from bot.reviews.types import ReviewInput

CALLBACK_ID = "review_add"
# Slack's plain-text input holds at most 3,000 characters; longer reviews go through the CLI.
MAX_TEXT_CHARS = 3000
MAX_FIELD_CHARS = 300
FIRST_FILM_YEAR = 1870


def _input(
    block_id: str, label: str, *, optional: bool, multiline: bool = False, max_length: int
) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": label},
        "element": {
            "type": "plain_text_input",
            "action_id": "value",
            "multiline": multiline,
            "max_length": max_length,
        },
    }


def add_review_view(channel_id: str) -> dict[str, Any]:
    """The modal; `private_metadata` remembers where it was opened, to report back there."""
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "private_metadata": channel_id,
        "title": {"type": "plain_text", "text": "Add a review"},
        "submit": {"type": "plain_text", "text": "Add"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            _input("film", "Film title", optional=False, max_length=MAX_FIELD_CHARS),
            _input("year", "Year", optional=True, max_length=4),
            _input("critic", "Critic", optional=True, max_length=MAX_FIELD_CHARS),
            _input("source", "Source (publication or site)", optional=True, max_length=300),
            _input(
                "text", "Review text", optional=False, multiline=True, max_length=MAX_TEXT_CHARS
            ),
        ],
    }


def done_view(message: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": f"{CALLBACK_ID}_done",
        "title": {"type": "plain_text", "text": "Add a review"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": [{"type": "section", "text": {"type": "plain_text", "text": message[:3000]}}],
    }


def read_submission(
    view: dict[str, Any], *, max_bytes: int, this_year: int | None = None
) -> ReviewInput | dict[str, str]:
    """A `ReviewInput`, or errors keyed by block id for `response_action: errors`."""
    values = view.get("state", {}).get("values", {})

    def field(block_id: str) -> str:
        value = str(values.get(block_id, {}).get("value", {}).get("value") or "")
        # Short fields are single lines; the review keeps its paragraphs.
        return value if block_id == "text" else " ".join(value.split())

    errors: dict[str, str] = {}
    film = field("film")
    if not film:
        errors["film"] = "Enter the film's title."
    elif len(film) > MAX_FIELD_CHARS:
        errors["film"] = f"Keep the title under {MAX_FIELD_CHARS} characters."
    year: int | None = None
    raw_year = field("year")
    last_year = (this_year or datetime.date.today().year) + 2
    if raw_year:
        if not raw_year.isdigit() or not FIRST_FILM_YEAR <= int(raw_year) <= last_year:
            errors["year"] = f"A year between {FIRST_FILM_YEAR} and {last_year}, e.g. 1995."
        else:
            year = int(raw_year)
    for name in ("critic", "source"):
        if len(field(name)) > MAX_FIELD_CHARS:
            errors[name] = f"Keep this under {MAX_FIELD_CHARS} characters."
    text = field("text")
    if not text.strip():
        errors["text"] = "Paste the review's text."
    elif len(text.encode("utf-8")) > max_bytes:
        errors["text"] = f"The review is over {max_bytes:,} bytes; use `reviewbot ingest`."
    if errors:
        return errors
    return ReviewInput(
        text=text,
        film=film,
        year=year,
        critic=field("critic") or None,
        source=field("source") or None,
        origin="Slack",
    )
