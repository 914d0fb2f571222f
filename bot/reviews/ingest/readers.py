"""Readers for every input format: text/markdown files, directories, JSONL and CSV (maybe .gz)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from bot.errors import IngestError, UserError
from bot.reviews.ingest.frontmatter import split_front_matter
from bot.reviews.types import ReviewInput

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
TABLE_SUFFIXES = (".jsonl", ".csv")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which column of a CSV/JSONL row holds each field; None means 'not in this file'."""

    text: str = "text"
    film: str | None = "film"
    review_id: str | None = "id"
    critic: str | None = "critic"
    year: str | None = "year"
    source: str | None = "source"
    rating: str | None = "rating"
    published: str | None = "published"
    url: str | None = "url"


@dataclass(frozen=True, slots=True)
class BadInput:
    """An input that could not be read; the rest of the file still goes in."""

    origin: str
    message: str


@dataclass(frozen=True, slots=True)
class ReadDefaults:
    film: str | None = None
    year: int | None = None
    critic: str | None = None
    source: str | None = None


def input_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in TEXT_SUFFIXES:
        if name.endswith(suffix):
            return "text"
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    raise IngestError(
        f"{path}: unknown format; ReviewBot reads .txt, .md, .jsonl and .csv files "
        "(optionally .gz) and directories of them"
    )


def read_path(
    path: Path, mapping: ColumnMapping, defaults: ReadDefaults
) -> Iterator[ReviewInput | BadInput]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _is_supported(p))
        if not files:
            raise IngestError(f"{path}: no .txt, .md, .jsonl or .csv files in this directory")
        for file in files:
            yield from read_path(file, mapping, defaults)
        return
    if not path.exists():
        raise UserError(f"{path}: no such file or directory")
    kind = input_kind(path)
    if kind == "text":
        yield _read_text_file(path, defaults)
    elif kind == "jsonl":
        with _open_text(path) as handle:
            yield from _read_jsonl(handle, str(path), mapping, defaults)
    else:
        with _open_text(path) as handle:
            yield from _read_csv(handle, str(path), mapping, defaults)


def _is_supported(path: Path) -> bool:
    try:
        input_kind(path)
    except IngestError:
        return False
    return True


def _open_text(path: Path) -> IO[str]:
    gz = path.name.lower().endswith(".gz")
    raw = cast(IO[bytes], gzip.open(path, "rb") if gz else path.open("rb"))  # noqa: SIM115
    # Strict decoding: undecodable bytes are reported with their line, never replaced silently.
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def decode_text(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{origin}: not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8 first"
        ) from None


def _read_text_file(path: Path, defaults: ReadDefaults) -> ReviewInput | BadInput:
    origin = str(path)
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        return parse_text_document(decode_text(data, origin), origin, defaults)
    except (IngestError, OSError) as exc:
        return BadInput(origin, str(exc) if isinstance(exc, IngestError) else f"{origin}: {exc}")


def parse_text_document(content: str, origin: str, defaults: ReadDefaults) -> ReviewInput:
    try:
        meta, body = split_front_matter(content)
    except IngestError as exc:
        raise IngestError(f"{origin}: {exc}") from None
    return _review_input(body, meta, origin, defaults)


def _review_input(
    text: str, meta: Mapping[str, Any], origin: str, defaults: ReadDefaults
) -> ReviewInput:
    return ReviewInput(
        text=text,
        film=_str(meta.get("film")) or defaults.film,
        year=_year(meta.get("year"), origin) or defaults.year,
        critic=_str(meta.get("critic")) or defaults.critic,
        source=_str(meta.get("source")) or defaults.source,
        rating=_str(meta.get("rating")),
        published=_str(meta.get("published")),
        url=_str(meta.get("url")),
        review_id=_str(meta.get("id")),
        origin=origin,
    )


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _year(value: Any, origin: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise IngestError(f"{origin}: year must be a number such as 2016, not {value!r}") from None
    if not 1870 <= year <= 2200:
        raise IngestError(f"{origin}: year {year} is not a plausible film year")
    return year


def _row_meta(row: Mapping[str, Any], mapping: ColumnMapping) -> dict[str, Any]:
    fields = {
        "film": mapping.film,
        "id": mapping.review_id,
        "critic": mapping.critic,
        "year": mapping.year,
        "source": mapping.source,
        "rating": mapping.rating,
        "published": mapping.published,
        "url": mapping.url,
    }
    return {name: row.get(column) for name, column in fields.items() if column}


def _read_jsonl(
    handle: IO[str], name: str, mapping: ColumnMapping, defaults: ReadDefaults
) -> Iterator[ReviewInput | BadInput]:
    line_number = 0
    while True:
        origin = f"{name}:{line_number + 1}"
        try:
            line = handle.readline()
        except UnicodeDecodeError:
            yield BadInput(origin, f"{origin}: not UTF-8 text; convert the file to UTF-8")
            return
        if not line:
            return
        line_number += 1
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(origin, f"{origin}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield BadInput(origin, f"{origin}: each line must be a JSON object")
            continue
        yield _row_input(row, origin, mapping, defaults)


def _row_input(
    row: Mapping[str, Any], origin: str, mapping: ColumnMapping, defaults: ReadDefaults
) -> ReviewInput | BadInput:
    text = row.get(mapping.text)
    if not isinstance(text, str):
        return BadInput(origin, f"{origin}: no text in column '{mapping.text}'")
    try:
        return _review_input(text, _row_meta(row, mapping), origin, defaults)
    except IngestError as exc:
        return BadInput(origin, str(exc))


def _read_csv(
    handle: IO[str], name: str, mapping: ColumnMapping, defaults: ReadDefaults
) -> Iterator[ReviewInput | BadInput]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(handle)
    try:
        header = reader.fieldnames or []
    except UnicodeDecodeError:
        yield BadInput(f"{name}:1", f"{name}:1: not UTF-8 text; convert the file to UTF-8")
        return
    if mapping.text not in header:
        raise IngestError(
            f"{name}: no '{mapping.text}' column (columns: {', '.join(header)}); "
            "choose one with --text-column"
        )
    named = (mapping.film, mapping.review_id)
    for column in named:
        if column and column not in header and column not in ("film", "id"):
            raise IngestError(f"{name}: no '{column}' column (columns: {', '.join(header)})")
    row_start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            origin = f"{name}:{reader.line_num + 1}"
            yield BadInput(origin, f"{origin}: not UTF-8 text; convert the file to UTF-8")
            return
        except csv.Error as exc:
            origin = f"{name}:{reader.line_num}"
            yield BadInput(origin, f"{origin}: malformed CSV ({exc})")
            return
        origin = f"{name}:{row_start}"
        row_start = reader.line_num + 1
        yield _row_input(row, origin, mapping, defaults)
