"""`reviewbot eval`: score answers against a hand-annotated question set."""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import UserError
from bot.reviews.service import ReviewService
from bot.reviews.types import Answer, Question

TOP_POINTS = 6


@dataclass
class Tally:
    questions: int = 0
    intent_right: int = 0
    must_total: int = 0
    must_found: int = 0
    forbid_total: int = 0
    forbid_cited: int = 0
    verdicts: int = 0
    verdicts_right: int = 0
    lookups: int = 0
    lookups_first: int = 0
    unanswerable: int = 0
    abstained_right: int = 0
    answerable: int = 0
    abstained_wrong: int = 0
    latencies: list[float] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Miss:
    line: int
    question: str
    problem: str


def load_questions(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise UserError(f'{path}:{number}: each line needs a "question" string')
        row["_line"] = number
        rows.append(row)
    return rows


def evaluate(
    service: ReviewService, rows: Iterable[dict[str, Any]]
) -> tuple[dict[str, Tally], list[Miss]]:
    tallies: dict[str, Tally] = {}
    misses: list[Miss] = []
    originals: dict[str, str] = {}

    def original(review_id: str) -> str:
        if review_id not in originals:
            review = service.store.review(review_id)
            originals[review_id] = review.text if review else ""
        return originals[review_id]

    for row in rows:
        answerable = row.get("answerable", True)
        group = row.get("intent", "unanswerable") if answerable else "unanswerable"
        tally = tallies.setdefault(group, Tally())
        tally.questions += 1
        question = Question(row["question"], film=row.get("film"), review_id=row.get("review"))
        started = time.perf_counter()
        answer: Answer | None
        try:
            answer = service.ask_sync(question)
        except UserError:
            answer = None
        tally.latencies.append((time.perf_counter() - started) * 1000)
        for problem in _score(row, answer, tally, original):
            misses.append(Miss(row["_line"], row["question"], problem))
    return tallies, misses


def _cited(answer: Answer, original: Any) -> list[tuple[str, int, int]]:
    return [(p.review_id, p.start, p.end) for p in answer.points[:TOP_POINTS]]


def _phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


def _contains(cited: list[tuple[str, int, int]], phrase: str, original: Any) -> bool:
    return any(phrase in original(review_id)[start:end] for review_id, start, end in cited)


def _overlaps(cited: list[tuple[str, int, int]], phrase: str, original: Any) -> bool:
    for review_id, start, end in cited:
        for a, b in _phrase_spans(original(review_id), phrase):
            if a < end and start < b:
                return True
    return False


def _score(row: dict[str, Any], answer: Answer | None, tally: Tally, original: Any) -> list[str]:
    problems = []
    abstained = answer is None or answer.abstained
    if not row.get("answerable", True):
        tally.unanswerable += 1
        if abstained:
            tally.abstained_right += 1
        else:
            problems.append("answered an unanswerable question")
        return problems
    tally.answerable += 1
    if abstained:
        tally.abstained_wrong += 1
        problems.append("abstained on an answerable question")
    if answer is not None and answer.intent == row.get("intent"):
        tally.intent_right += 1
    elif answer is not None:
        problems.append(f"intent {answer.intent}, expected {row.get('intent')}")
    cited = _cited(answer, original) if answer is not None else []
    for phrase in row.get("must", []):
        tally.must_total += 1
        if _contains(cited, phrase, original):
            tally.must_found += 1
        else:
            problems.append(f"missing must phrase {phrase!r}")
    for phrase in row.get("forbid", []):
        tally.forbid_total += 1
        if _overlaps(cited, phrase, original):
            tally.forbid_cited += 1
            problems.append(f"cited forbidden phrase {phrase!r}")
    if "verdict" in row:
        tally.verdicts += 1
        got = answer.verdict if answer is not None else None
        if got == row["verdict"]:
            tally.verdicts_right += 1
        else:
            problems.append(f"verdict {got}, expected {row['verdict']}")
    if "first" in row:
        tally.lookups += 1
        if cited and _overlaps(cited[:1], row["first"], original):
            tally.lookups_first += 1
        else:
            problems.append(f"first point is not the sentence with {row['first']!r}")
    return problems


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def render_report(tallies: dict[str, Tally], misses: list[Miss]) -> str:
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    header = (
        f"{'intent':<13}{'n':>4}{'intent ok':>11}{'must recall':>13}{'forbidden':>11}"
        f"{'verdict':>9}{'lookup 1st':>12}{'abstain ok':>12}{'p50 ms':>8}{'p95 ms':>8}"
    )
    lines = [header, "-" * len(header)]
    for name, tally in [*sorted(tallies.items()), ("ALL", total)]:
        lines.append(
            f"{name:<13}{tally.questions:>4}"
            f"{pct(tally.intent_right, tally.answerable):>11}"
            f"{pct(tally.must_found, tally.must_total):>13}"
            f"{pct(tally.forbid_cited, tally.forbid_total):>11}"
            f"{pct(tally.verdicts_right, tally.verdicts):>9}"
            f"{pct(tally.lookups_first, tally.lookups):>12}"
            f"{pct(tally.abstained_right, tally.unanswerable):>12}"
            f"{_percentile(tally.latencies, 50):>8.1f}{_percentile(tally.latencies, 95):>8.1f}"
        )
    lines.append("")
    lines.append(
        f"Abstention: {pct(total.abstained_right, total.unanswerable)} of unanswerable questions "
        f"abstained; {pct(total.abstained_wrong, total.answerable)} of answerable ones did."
    )
    if misses:
        lines.append("")
        lines.append("Misses:")
        lines.extend(f"  line {m.line}: {m.question!r}: {m.problem}" for m in misses)
    return "\n".join(lines)


def _percentile(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def report_json(tallies: dict[str, Tally], misses: list[Miss]) -> dict[str, Any]:
    return {
        "intents": {
            name: {k: v for k, v in vars(t).items() if k != "latencies"}
            for name, t in tallies.items()
        },
        "misses": [vars(m) for m in misses],
    }
