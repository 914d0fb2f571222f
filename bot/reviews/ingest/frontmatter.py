"""YAML front matter at the top of .txt/.md reviews."""

from __future__ import annotations

import re
from typing import Any

import yaml

from bot.errors import IngestError

FIELDS = ("film", "year", "critic", "source", "rating", "published", "url", "id")
ALIASES = {"title": "film", "author": "critic", "date": "published", "review_id": "id"}


def split_front_matter(content: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body). The body is the review text exactly as given after the header."""
    if not content.startswith("---"):
        return {}, content
    first_break = content.find("\n")
    if first_break == -1 or content[:first_break].strip() != "---":
        return {}, content
    end = _closing_line(content, first_break + 1)
    if end is None:
        raise IngestError("front matter starts with '---' but has no closing '---' line")
    header, body_start = end
    lines = content[first_break + 1 : header]
    try:
        data = yaml.safe_load(lines) or {}
    except yaml.YAMLError as exc:
        # "film: Star Trek: Insurrection" is no YAML, but plainly meant.
        data = _plain_fields(lines)
        if data is None:
            raise IngestError(f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise IngestError("front matter must be a mapping of fields such as 'film: La La Land'")
    return _normalise_keys(data), content[body_start:]


_FIELD_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def _plain_fields(lines: str) -> dict[str, Any] | None:
    """`key: value` lines read plainly, the value being everything after the first colon, less a
    trailing comment and its quotation marks; None unless every line that is not blank or a
    comment is such a line."""
    data: dict[str, Any] = {}
    for line in lines.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FIELD_LINE.match(line)
        if match is None:
            return None
        value = re.sub(r"\s+#.*$", "", match.group(2))  # "film: Heat # the 1995 one"
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        data[match.group(1)] = int(value) if value.isdigit() else value
    return data


def _closing_line(content: str, pos: int) -> tuple[int, int] | None:
    while pos < len(content):
        nxt = content.find("\n", pos)
        line_end = len(content) if nxt == -1 else nxt
        if content[pos:line_end].strip() == "---":
            return pos, (line_end + 1 if nxt != -1 else line_end)
        if nxt == -1:
            return None
        pos = nxt + 1
    return None


def _normalise_keys(data: dict[Any, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        name = ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if name in FIELDS:
            result[name] = value
    return result
