"""Staging that checks itself: a corrupt batch of any table is named, moved aside, and its
articles reprocessed from raw/, giving the same staged rows as before the damage."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from tests.support.paths import sample_articles
from visits.ledger import tables
from visits.ledger.batches import clean_new_content, ensure_tables, extract_new_content
from visits.ledger.manifest import read_manifest, update_manifest
from visits.ledger.parquet import write_parquet_atomic
from visits.ledger.pointer import current_articles
from visits.ledger.verify import CORRUPT_DIR, read_sidecar, verify_file, verify_staging, write_sidecar


def _stage(staging: Path, raw: Path) -> None:
    """What a build's staging steps do, in order."""
    verify_staging(staging)
    manifest = update_manifest(staging, raw, datetime.now(UTC))
    clean_new_content(staging, raw, manifest)
    ensure_tables(staging)
    extract_new_content(staging)


def _current(staging: Path) -> dict[str, list]:
    """The rows dbt would take: current clean batch, its latest extraction, that batch's visits."""
    arts = current_articles(staging, ["batch_id", "clean_text", "decode_status"])
    ext = (
        pl.read_parquet(staging / tables.EXTRACTIONS / "*.parquet")
        .join(arts.select("content_sha256", pl.col("batch_id").alias("clean_batch_id")), on=["content_sha256", "clean_batch_id"])
        .sort("processed_at", "batch_id")
        .unique("content_sha256", keep="last")
    )
    out: dict[str, list] = {
        "articles": sorted(arts.select("content_sha256", "clean_text", "decode_status").rows()),
        "files": sorted(read_manifest(staging).select("file_name", "content_sha256", "is_present").rows()),
        "extractions": sorted(ext.select("content_sha256", "visit_count").rows()),
    }
    keys = ext.select("content_sha256", "batch_id")
    for table in (tables.VISITS, tables.OFFICIALS):
        rows = pl.read_parquet(staging / table / "*.parquet").join(keys, on=["content_sha256", "batch_id"])
        out[table] = sorted(map(repr, rows.drop("batch_id").rows()))
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("verify")
    raw = root / "raw"
    raw.mkdir()
    for path in sample_articles()[:3]:
        shutil.copy(path, raw / path.name)
    _stage(root / "staging", raw)
    ref = _current(root / "staging")
    assert ref["visits"] and ref["officials"], "the samples should give visits and officials"
    return root, ref


def _corrupt(path: Path) -> None:
    """Overwrite 64 bytes in the middle, as the issue's reproduction did."""
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _copy_with_victim(root: Path, tmp_path: Path, table: str) -> tuple[Path, Path]:
    """A copy of the reference staging folder, and its largest batch of `table`."""
    staging = tmp_path / "staging"
    shutil.copytree(root / "staging", staging)
    victim = max((p for p in (staging / table).glob("*.parquet") if p.name != "_empty.parquet"),
                 key=lambda p: p.stat().st_size)
    return staging, victim


@pytest.mark.parametrize("table", [tables.VISITS, tables.OFFICIALS, tables.ARTICLES, tables.FILES, tables.EXTRACTIONS])
def test_a_corrupt_batch_is_named_moved_aside_and_its_articles_reprocessed(reference, tmp_path, table, caplog):
    root, ref = reference
    staging, victim = _copy_with_victim(root, tmp_path, table)
    _corrupt(victim)
    with caplog.at_level(logging.WARNING, logger="visits.ledger.verify"):
        _stage(staging, root / "raw")
    assert str(victim) in caplog.text and "corrupt staging batch" in caplog.text
    assert not victim.exists() or verify_file(victim) is None  # rewritten (the manifest) or gone
    assert list((staging / table / CORRUPT_DIR).iterdir()), "the corrupt file is kept aside"
    assert _current(staging) == ref


def test_a_kill_between_sidecar_and_rename_leaves_a_file_that_verifies(tmp_path):
    path, other = tmp_path / "m.parquet", tmp_path / "other.parquet"
    write_parquet_atomic(pl.DataFrame({"a": [1]}), path)
    write_parquet_atomic(pl.DataFrame({"a": [1, 2]}), other)
    # The state a kill mid-replace leaves: the sidecar lists both versions, the old file in place.
    write_sidecar(path, {**read_sidecar(path), **read_sidecar(other)})
    assert verify_file(path) is None
    shutil.copy(other, path)  # or the new file in place: that verifies too
    assert verify_file(path) is None


def test_a_file_written_before_checksums_is_read_whole_then_trusted(tmp_path):
    path = tmp_path / "legacy.parquet"
    pl.DataFrame({"a": list(range(100))}).write_parquet(path)
    assert verify_file(path) is None and read_sidecar(path) is not None
    # Without a recorded checksum only what polars notices is caught, e.g. a cut-off file
    # (64 overwritten bytes of plain integers can decode silently: hence the sidecars).
    bad = tmp_path / "legacy_bad.parquet"
    pl.DataFrame({"a": list(range(1000))}).write_parquet(bad)
    bad.write_bytes(bad.read_bytes()[:-100])
    assert "unreadable Parquet" in (verify_file(bad) or "")


@pytest.mark.parametrize("table", [tables.VISITS, tables.OFFICIALS])
def test_a_deleted_visits_or_officials_batch_is_named_and_its_articles_extracted_again(reference, tmp_path, table, caplog):
    """The issue's reproduction: deleting the file left its articles marked done, rows lost."""
    root, ref = reference
    staging, victim = _copy_with_victim(root, tmp_path, table)
    victim.unlink()
    with caplog.at_level(logging.WARNING, logger="visits.ledger.verify"):
        _stage(staging, root / "raw")
    assert f"missing staging batch {victim}" in caplog.text
    assert not (staging / tables.EXTRACTIONS / victim.name).exists()  # the log no longer marks it done
    assert _current(staging) == ref
