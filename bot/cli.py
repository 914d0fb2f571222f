"""The `reviewbot` command line. Exit codes: 0 ok, 1 failure, 2 usage error."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from bot.errors import ConfigError, ReviewBotError, UserError

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """Settings and the service, built on first use so `--help` stays instant."""

    def __init__(self, db: str | None, config: Path | None, verbose: bool) -> None:
        self.db = db
        self.config = config
        self.verbose = verbose
        self.serving = False
        self._service: Any = None
        self._settings: Any = None

    def settings(self) -> Any:
        if self._settings is None:
            from bot.app import configure_logging
            from bot.config import load_settings

            self._settings = load_settings(local_file=self.config)
            configure_logging(self._settings, verbose=self.verbose, serving=self.serving)
        return self._settings

    def service(self) -> Any:
        if self._service is None:
            from bot.app import build_service

            self._service = build_service(self.settings(), db_url=self.db)
        return self._service


def fail_cleanly(func: F) -> F:
    """Turn our errors into a one-line message and exit code 1 (2 for bad configuration)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"Configuration error: {exc}", err=True)
            sys.exit(2)
        except UserError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except ReviewBotError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", envvar="REVIEWBOT_DATABASE_URL", help="Database URL (default: embedded SQLite)."
)
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="REVIEWBOT_CONFIG",
    help="A local TOML file overriding config/default.toml.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
@click.version_option(package_name="reviewbot")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: Path | None, verbose: bool) -> None:
    """ReviewBot: ask questions about film reviews and get the critic's own words back."""
    ctx.obj = State(db, config, verbose)


def _seed_if_empty(state: State) -> None:
    report = state.service().ensure_seeded_sync()
    if report is not None and report.added:
        click.echo(
            f"The database was empty: loaded {len(report.added)} bundled seed review(s).", err=True
        )


@cli.command()
@click.argument("question", required=False)
@click.option("--film", help="Film to ask about (default: named in the question or the only one).")
@click.option("--review", "review_id", help="Answer from this review id only.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSONL file of questions; prints one JSON answer per line.",
)
@click.pass_obj
@fail_cleanly
def ask(
    state: State,
    question: str | None,
    film: str | None,
    review_id: str | None,
    as_json: bool,
    questions: Path | None,
) -> None:
    """Answer QUESTION from the indexed reviews, quoting them with citations."""
    from bot.adapters.console import render_answer
    from bot.reviews.types import Question

    if (question is None) == (questions is None):
        raise click.UsageError("Give either a QUESTION or --questions FILE.")
    _seed_if_empty(state)
    service = state.service()
    if questions is not None:
        for line in _answer_lines(service, questions):
            click.echo(line)
        return
    assert question is not None
    answer = service.ask_sync(Question(question, film=film, review_id=review_id))
    if as_json:
        click.echo(json.dumps(answer.as_json(), ensure_ascii=False))
    else:
        click.echo(render_answer(answer))


def _answer_lines(service: Any, path: Path) -> Iterator[str]:
    from bot.reviews.types import Question

    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or not isinstance(row.get("question"), str):
                    raise UserError('each line needs a "question" string')
                question = Question(
                    row["question"], film=row.get("film"), review_id=row.get("review")
                )
                result: dict[str, Any] = service.ask_sync(question).as_json()
            except json.JSONDecodeError as exc:
                result = {"error": f"line {number}: not valid JSON ({exc.msg})"}
            except UserError as exc:
                result = {"error": f"line {number}: {exc}"}
            yield json.dumps(result, ensure_ascii=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--film", help="Film for inputs that do not name one.")
@click.option("--year", type=int, help="Year for inputs that do not give one.")
@click.option("--critic", help="Critic for inputs that do not name one.")
@click.option("--source", help="Source for inputs that do not give one.")
@click.option(
    "--text-column", default="text", show_default=True, help="CSV/JSONL column of the text."
)
@click.option("--film-column", default="film", show_default=True, help="Column naming the film.")
@click.option(
    "--id-column", default="id", show_default=True, help="Column with a stable review id."
)
@click.option("--critic-column", default="critic", show_default=True)
@click.option("--year-column", default="year", show_default=True)
@click.option("--rating-column", default="rating", show_default=True)
@click.option("--source-column", default="source", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
@fail_cleanly
def ingest(
    state: State, /, paths: tuple[Path, ...], quiet: bool, as_json: bool, **options: Any
) -> None:
    """Index reviews from .txt/.md files, directories, .jsonl or .csv (optionally .gz)."""
    from bot.reviews.ingest.readers import ColumnMapping, ReadDefaults

    mapping = ColumnMapping(
        text=options["text_column"],
        film=options["film_column"],
        review_id=options["id_column"],
        critic=options["critic_column"],
        year=options["year_column"],
        rating=options["rating_column"],
        source=options["source_column"],
    )
    defaults = ReadDefaults(
        film=options["film"],
        year=options["year"],
        critic=options["critic"],
        source=options["source"],
    )
    service = state.service()
    show = not quiet and sys.stderr.isatty()
    from tqdm import tqdm

    with tqdm(unit=" reviews", disable=not show, file=sys.stderr, dynamic_ncols=True) as bar:
        report = service.ingest_paths_sync(
            paths, mapping=mapping, defaults=defaults, on_progress=bar.update
        )
    if as_json:
        click.echo(
            json.dumps(
                {
                    "added": len(report.added),
                    "skipped": len(report.skipped),
                    "failed": [{"input": f.origin, "error": f.message} for f in report.failed],
                }
            )
        )
    else:
        for failure in report.failed:
            click.echo(f"skipped bad input: {failure.message}", err=True)
        click.echo(
            f"{len(report.added)} added, {len(report.skipped)} already indexed (skipped), "
            f"{len(report.failed)} failed."
        )
    if report.failed and not report.added and not report.skipped:
        sys.exit(1)


@cli.command()
@click.option("--film", help="Only reviews of this film.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@fail_cleanly
def reviews(state: State, film: str | None, as_json: bool) -> None:
    """List indexed reviews: id, film, critic, source, sentence count."""
    from bot.adapters.console import render_reviews

    items = state.service().reviews_sync(film)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "review_id": r.review_id,
                        "film": r.film,
                        "year": r.year,
                        "critic": r.critic,
                        "source": r.source,
                        "sentences": r.sentence_count,
                    }
                    for r in items
                ],
                ensure_ascii=False,
            )
        )
    else:
        click.echo(render_reviews(items))


@cli.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@fail_cleanly
def analyze(state: State, target: str, as_json: bool) -> None:
    """Show each sentence of a review file or indexed review with its opinion labels."""
    from bot.adapters.analysis import analyze_target

    analyze_target(state, target, as_json=as_json)


@cli.command("eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--reviews",
    "reviews_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Reviews to index first (default: the reviews/ folder beside QUESTIONS).",
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@fail_cleanly
def evaluate(state: State, questions: Path, reviews_dir: Path | None, as_json: bool) -> None:
    """Score answers against an annotated question set (see benchmarks/devset/README.md)."""
    import tempfile

    from bot.app import build_service
    from bot.reviews.evaluation import evaluate as run_eval
    from bot.reviews.evaluation import load_questions, render_report, report_json

    rows = load_questions(questions)
    folder = reviews_dir or questions.parent / "reviews"
    with tempfile.TemporaryDirectory() as tmp:
        # A private database, so the score depends on the question set and nothing else.
        url = state.db if reviews_dir is None and state.db else f"sqlite:///{tmp}/eval.sqlite3"
        service = build_service(state.settings(), db_url=url)
        if folder.is_dir():
            service.ingest_paths_sync([folder])
        tallies, misses = run_eval(service, rows)
        service.store.close()
    if as_json:
        click.echo(json.dumps(report_json(tallies, misses), ensure_ascii=False))
    else:
        click.echo(render_report(tallies, misses))


@cli.command()
@click.pass_obj
@fail_cleanly
def relabel(state: State) -> None:
    """Label every indexed sentence again (after editing config/aspects.toml or retraining)."""
    counts = state.service().relabel_sync()
    click.echo(
        f"{counts.reviews:,} reviews relabelled: {counts.sentences_changed:,} sentences and "
        f"{counts.verdicts_changed:,} verdicts changed."
    )
    if counts.kept:
        click.echo(
            f"{counts.kept:,} reviews kept their labels: their text now splits into other "
            "sentences. Index them into a fresh database to relabel them."
        )


@cli.command()
@click.pass_obj
@fail_cleanly
def rescore(state: State) -> None:
    """Re-read every indexed review's verdict with the shipped stance model (after retraining)."""
    scored, changed = state.service().rescore_verdicts_sync()
    click.echo(f"{scored:,} reviews rescored; {changed:,} verdicts changed.")


@cli.command()
@click.option("--limit", default=20, show_default=True)
@click.pass_obj
@fail_cleanly
def feedback(state: State, limit: int) -> None:
    """List recent 👍/👎 feedback from chat users."""
    import asyncio

    entries = asyncio.run(state.service().recent_feedback(limit))
    if not entries:
        click.echo("No feedback yet.")
    for e in entries:
        mark = "👍" if e.verdict == "up" else "👎"
        click.echo(f"{e.created_at}  {e.platform:<7} {mark}  {e.question!r} → {e.answer[:80]!r}")


@cli.command()
@click.argument("adapters", nargs=-1)
@click.option(
    "--http", is_flag=True, help="Slack: serve the HTTP Events API instead of Socket Mode."
)
@click.option("--port", type=int, help="Port for --http (default: slack.http_port).")
@click.pass_obj
@fail_cleanly
def serve(state: State, adapters: tuple[str, ...], http: bool, port: int | None) -> None:
    """Run chat adapters (slack, discord) in one process: `reviewbot serve discord slack`."""
    from bot.serve import ServeOptions, run_adapters

    state.serving = True
    run_adapters(state, adapters, ServeOptions(http=http, port=port))


@cli.group()
def discord() -> None:
    """Discord administration."""


@discord.command("sync")
@click.option("--guild", type=int, help="Sync to one server (instant, for testing).")
@click.pass_obj
@fail_cleanly
def discord_sync(state: State, guild: int | None) -> None:
    """Register the slash commands with Discord (globally, or in one guild for testing)."""
    from bot.adapters.discord.sync import sync_commands

    sync_commands(state, guild)


def main() -> None:
    cli(prog_name="reviewbot")
