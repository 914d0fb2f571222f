"""`reviewbot analyze`: every sentence of a review with the labels the answers are built from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from bot.errors import ReviewNotFound
from bot.reviews.ingest.pipeline import prepare_reviews, validate
from bot.reviews.ingest.readers import BadInput, ColumnMapping, ReadDefaults, read_path
from bot.reviews.types import Sentence


def analyze_target(state: Any, target: str, *, as_json: bool) -> None:
    service = state.service()
    path = Path(target)
    if path.exists():
        items = list(read_path(path, ColumnMapping(), ReadDefaults(film="(not indexed)")))
        sentences: list[Sentence] = []
        for item in items:
            if isinstance(item, BadInput):
                raise ReviewNotFound(item.message)
            validate(item, max_bytes=service.settings.ingest.max_review_bytes)
            sentences.extend(prepare_reviews([item], service.tagger())[0].sentences)
    else:
        found = service.store.sentences([target]).get(target)
        if not found:
            raise ReviewNotFound(f"'{target}' is neither a file nor an indexed review id.")
        sentences = found
    if as_json:
        click.echo(json.dumps([_as_dict(s) for s in sentences], ensure_ascii=False))
        return
    for s in sentences:
        kind = "opinion" if s.subjectivity >= 0.5 else "plot/fact"
        aspects = ",".join(s.aspects) or "-"
        click.echo(
            f"{s.position:>3}. [{kind} {s.subjectivity:.2f} | {s.polarity} {s.polarity_score:+.2f}"
            f" | {aspects}] {s.text}"
        )
        if len(s.clauses) > 1:
            for c in s.clauses:
                text = s.text[c.text_start : c.text_end]
                click.echo(
                    f"       · {c.polarity} {c.score:+.2f} {','.join(c.aspects) or '-'}: {text}"
                )


def _as_dict(s: Sentence) -> dict[str, object]:
    return {
        "sentence": s.position,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "subjectivity": round(s.subjectivity, 3),
        "polarity": s.polarity,
        "score": round(s.polarity_score, 3),
        "aspects": list(s.aspects),
        "clauses": [
            {
                "start": c.start,
                "end": c.end,
                "polarity": c.polarity,
                "score": round(c.score, 3),
                "aspects": list(c.aspects),
            }
            for c in s.clauses
        ],
    }
