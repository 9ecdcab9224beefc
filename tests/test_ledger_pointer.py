"""The ledger's pointer: the one decision of which cleaning and extraction batch is current."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from visits.ledger import tables
from visits.ledger.batches import ensure_tables
from visits.ledger.parquet import write_parquet_atomic
from visits.ledger.pointer import current_articles, pointer_path, read_pointer, write_pointer
from visits.ledger.versions import clean_version, extract_version

T0 = datetime(2026, 11, 21, tzinfo=UTC)


def _write(staging: Path, table: str, name: str, rows: list[dict]) -> None:
    full = [{c: r.get(c) for c in tables.SCHEMAS[table]} for r in rows]
    write_parquet_atomic(pl.DataFrame(full, schema=tables.SCHEMAS[table]), staging / table / f"{name}.parquet")


def _clean(staging: Path, batch: str, version: str, at: datetime, shas: list[str]) -> None:
    _write(staging, tables.ARTICLES, batch, [
        {"content_sha256": s, "batch_id": batch, "clean_version": version, "processed_at": at,
         "decode_status": "ok", "clean_text": f"{s} by {batch}"} for s in shas
    ])


def _extract(staging: Path, batch: str, version: str, at: datetime, reads: dict[str, str]) -> None:
    _write(staging, tables.EXTRACTIONS, batch, [
        {"content_sha256": s, "clean_batch_id": b, "batch_id": batch, "extract_version": version,
         "processed_at": at, "visit_count": 1} for s, b in reads.items()
    ])


def _pointed(staging: Path) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in read_pointer(staging).select(
        "content_sha256", "clean_batch_id", "clean_version", "extract_batch_id").rows()}


def test_the_current_codes_batch_wins_over_a_newer_one_by_other_code(tmp_path):
    """The revert case: code B cleaned after code A, and A runs again."""
    staging, now = tmp_path / "staging", clean_version()
    _clean(staging, "c1", now, T0, ["A", "B"])
    _clean(staging, "c2", "edited-code", T0 + timedelta(hours=1), ["A", "B"])
    write_pointer(staging)
    assert _pointed(staging) == {"A": ("c1", now, None), "B": ("c1", now, None)}
    assert sorted(current_articles(staging, ["batch_id", "clean_text"]).rows()) == [
        ("A", "c1", "A by c1"), ("B", "c1", "B by c1")]


def test_a_content_the_current_code_has_not_cleaned_keeps_its_newest_row_marked_by_its_version(tmp_path):
    staging = tmp_path / "staging"
    _clean(staging, "c1", "old-1", T0, ["GONE"])
    _clean(staging, "c2", "old-2", T0 + timedelta(hours=1), ["GONE"])
    write_pointer(staging)
    assert _pointed(staging) == {"GONE": ("c2", "old-2", None)}
    assert current_articles(staging).is_empty()  # for the running code it is not cleaned


def test_the_extraction_is_the_current_extractors_reading_of_the_current_cleaning(tmp_path):
    staging = tmp_path / "staging"
    _clean(staging, "c1", clean_version(), T0, ["A"])
    _clean(staging, "c2", "edited-code", T0 + timedelta(hours=1), ["A"])
    _extract(staging, "e1", extract_version(), T0, {"A": "c1"})
    _extract(staging, "e2", extract_version(), T0 + timedelta(hours=2), {"A": "c2"})  # of the other cleaning
    _extract(staging, "e3", "old-extractor", T0 + timedelta(hours=3), {"A": "c1"})  # by other code
    write_pointer(staging)
    assert _pointed(staging) == {"A": ("c1", clean_version(), "e1")}
    _extract(staging, "e4", extract_version(), T0 + timedelta(hours=4), {"A": "c1"})  # a redo
    write_pointer(staging)
    assert _pointed(staging)["A"][2] == "e4"


def test_an_empty_ledger_gets_an_empty_typed_pointer(tmp_path):
    staging = tmp_path / "staging"
    ensure_tables(staging)
    assert pointer_path(staging).exists()
    pointer = read_pointer(staging)
    assert pointer.is_empty() and pointer.schema == pl.Schema(tables.SCHEMAS[tables.CURRENT])
