"""Ingest: every format, idempotency, and bad input that loses nothing already stored."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bot.errors import IngestError
from bot.reviews.ingest.pipeline import without_title
from bot.reviews.ingest.readers import ColumnMapping, ReadDefaults
from bot.reviews.service import ReviewService

# Made-up reviews written for these tests (not real critics' words).
FIXTURES = Path(__file__).parent / "fixtures" / "reviews"


def _ingest(service: ReviewService, *paths: Path, **mapping: str | None):  # type: ignore[no-untyped-def]
    return service.ingest_paths_sync(list(paths), mapping=ColumnMapping(**mapping))  # type: ignore[arg-type]


def test_markdown_front_matter_is_metadata_and_body_is_the_review(service: ReviewService) -> None:
    report = _ingest(service, FIXTURES / "dune.md")
    assert len(report.added) == 1
    review = service.store.review(report.added[0])
    assert review is not None
    assert (review.film, review.year, review.critic, review.rating) == (
        "Dune",
        2021,
        "Test Critic",
        "4/5",
    )
    assert review.text.startswith("# Dune, reviewed")
    assert "film: Dune" not in review.text


def test_a_title_with_a_colon_needs_no_yaml_quotes(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "trek.txt"
    path.write_text(
        '---\nfilm: Star Trek: Insurrection # the ninth\nyear: "1998"\ncritic: "Ann Lee"\n---\n'
        "A fine voyage."
    )
    review = service.store.review(_ingest(service, path).added[0])
    assert review is not None
    # Read as YAML would read it: no comment, no quotation marks.
    assert (review.film, review.year, review.critic, review.text) == (
        "Star Trek: Insurrection",
        1998,
        "Ann Lee",
        "A fine voyage.",
    )


def test_a_header_that_is_neither_yaml_nor_fields_is_refused(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("---\nfilm: [Heat\n  - oops\n---\nGreat.")
    report = _ingest(service, path)
    assert not report.added and "not valid YAML" in report.failed[0].message


def test_directory_ingests_every_review_file(service: ReviewService, tmp_path: Path) -> None:
    for name in ("dune.md", "heat.txt"):
        (tmp_path / name).write_text((FIXTURES / name).read_text())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    report = _ingest(service, tmp_path)
    assert len(report.added) == 2
    assert {f.title for f in service.store.films()} == {"Dune", "Heat"}


def test_reingesting_the_same_review_is_skipped(service: ReviewService) -> None:
    first = _ingest(service, FIXTURES / "heat.txt")
    second = _ingest(service, FIXTURES / "heat.txt")
    assert len(first.added) == 1
    assert second.added == [] and second.skipped == first.added
    assert len(service.store.reviews()) == 1


def test_same_id_with_other_text_is_skipped(service: ReviewService, tmp_path: Path) -> None:
    rows = [
        {"id": "r1", "film": "Heat", "text": "A superb crime film with great acting."},
        {"id": "r1", "film": "Heat", "text": "Different words, same review id."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    report = _ingest(service, path)
    assert report.added == ["r1"] and report.skipped == ["r1"]


def test_csv_gz_with_column_mapping(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "imdb.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        handle.write("review_id,imdb_id,text\n")
        handle.write('a1,tt0001,"A dull, lifeless film.<br /><br />The acting is wooden."\n')
        handle.write('a2,tt0002,"Wonderful music and a moving story."\n')
    report = _ingest(service, path, text="text", film="imdb_id", review_id="review_id", critic=None)
    assert sorted(report.added) == ["a1", "a2"]
    sentences = service.store.sentences(["a1"])["a1"]
    assert [s.text for s in sentences] == ["A dull, lifeless film.", "The acting is wooden."]


def test_bad_rows_are_reported_by_line_and_the_rest_go_in(
    service: ReviewService, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"film": "Heat", "text": "Great acting, a superb film."}),
                "{not json",
                json.dumps({"film": "Heat", "text": "   "}),
                json.dumps({"film": "Heat"}),
                json.dumps({"film": "Heat", "text": "The shootout is staggering."}),
            ]
        )
    )
    report = _ingest(service, path)
    assert len(report.added) == 2
    failed = {f.origin.rsplit(":", 1)[1]: f.message for f in report.failed}
    assert set(failed) == {"2", "3", "4"}
    assert "not valid JSON" in failed["2"]
    assert "empty" in failed["3"]
    assert "no text" in failed["4"]


def test_csv_line_numbers_count_multiline_fields(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text('film,text\nHeat,"Line one.\nLine two is superb."\nHeat,\nHeat,"Fine film."\n')
    report = _ingest(service, path)
    assert len(report.added) == 2
    assert [f.origin for f in report.failed] == [f"{path}:4"]


def test_oversized_review_is_refused_with_the_limit(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("---\nfilm: Heat\n---\n" + "Great film. " * 30_000)
    report = _ingest(service, path)
    assert report.added == []
    assert "over the limit of 200,000" in report.failed[0].message


def test_undecodable_bytes_are_reported_and_stored_reviews_survive(
    service: ReviewService, tmp_path: Path
) -> None:
    _ingest(service, FIXTURES / "heat.txt")
    path = tmp_path / "latin1.txt"
    path.write_bytes("---\nfilm: Amélie\n---\nUn film charmant.".encode("latin-1"))
    report = _ingest(service, path)
    assert report.added == []
    assert "not UTF-8" in report.failed[0].message
    assert [r.film for r in service.store.reviews()] == ["Heat"]


def test_unknown_format_is_a_clear_error(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "review.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(IngestError, match="unknown format"):
        _ingest(service, path)


def test_review_without_a_film_needs_one(service: ReviewService, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A fine film with a great score.")
    report = _ingest(service, path)
    assert "no film named" in report.failed[0].message
    report = service.ingest_paths_sync([path], defaults=ReadDefaults(film="Heat"))
    assert len(report.added) == 1


def test_a_failing_write_leaves_no_half_indexed_review(service: ReviewService) -> None:
    """A review whose sentences cannot be stored rolls back whole; its batch-mates still land."""
    from dataclasses import replace

    from bot.reviews.ingest.pipeline import prepare_reviews
    from bot.reviews.ingest.runner import IngestReport, _store_batch
    from bot.reviews.types import ReviewInput, Sentence

    good, bad = prepare_reviews(
        [
            ReviewInput("A superb film.", film="Heat", review_id="good"),
            ReviewInput("A dull film.", film="Heat", review_id="bad"),
        ],
        service.tagger(),
    )
    # Two sentences at the same position violate the schema halfway through the review.
    clash = Sentence(position=1, start=0, end=4, text="A du")
    broken = replace(bad, sentences=(*bad.sentences, clash))
    report = IngestReport()
    _store_batch([good, broken], service.store, report)
    assert report.added == ["good"]
    assert [f.origin for f in report.failed] == ["bad"]
    assert service.store.review("bad") is None
    assert service.store.sentences(["bad"]) == {"bad": []}


def test_labelling_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    """Reviews labelled in worker processes come back (compactly pickled) exactly as labelled
    in-process, and are stored in input order either way."""
    from bot.reviews.ingest.runner import IngestOptions, run_ingest
    from bot.reviews.opinions.aspects import AspectVocabulary
    from bot.reviews.opinions.tagger import OpinionTagger
    from bot.reviews.store.engine import make_engine
    from bot.reviews.store.sql import SqlReviewStore
    from bot.reviews.types import ReviewInput

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.iterdir()) if p.is_file()]
    items = [
        ReviewInput(f"{text}\n\nSeen in week {i}.", film="Heat", review_id=f"r{i:02d}")
        for i, text in enumerate(texts * 3)
    ]
    tagger = OpinionTagger.load(vocabulary=AspectVocabulary.load())
    stored = []
    for workers in (1, 2):
        store = SqlReviewStore(make_engine(f"sqlite:///{tmp_path / f'w{workers}.sqlite3'}"))
        options = IngestOptions(max_bytes=200_000, batch_size=3, workers=workers)
        report = run_ingest(items, store=store, tagger=lambda: tagger, options=options)
        assert report.added == [item.review_id for item in items]
        ids = [str(item.review_id) for item in items]
        stored.append((store.reviews_by_id(ids), store.sentences(ids)))
        store.close()
    assert stored[0] == stored[1]
    assert sum(len(s) for s in stored[1][1].values()) > len(items)


def test_a_title_with_its_year_is_blanked_as_the_review_writes_it() -> None:
    # "town & country" reads as a plot sentence's setting unless it is known for the title.
    blanked = without_title('the sets cannot save " town & country .', "Town & Country (2001)")
    assert "town" not in blanked and len(blanked) == len('the sets cannot save " town & country .')
