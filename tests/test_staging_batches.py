"""Staging batches: what gets cleaned, what gets quarantined, and what is read to decide."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from orchestration import checks
from visits.ledger import batches, tables, versions
from visits.ledger.batches import EMPTY_TEXT_REASON, clean_new_content, extract_new_content
from visits.ledger.manifest import update_manifest
from visits.ledger.pointer import KEY_COLUMNS, current_articles, load_articles

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 21, tzinfo=UTC)
ALL_BOILERPLATE = "来源：人民日报\n责任编辑：李四\n扫一扫分享到微信\n返回顶部\n"


@pytest.fixture
def dirs(tmp_path) -> tuple[Path, Path]:
    raw, staging = tmp_path / "raw", tmp_path / "staging"
    raw.mkdir()
    return raw, staging


def _stage(raw: Path, staging: Path) -> pl.DataFrame:
    clean_new_content(staging, raw, update_manifest(staging, raw, NOW))
    return current_articles(staging)


def test_an_article_that_is_all_boilerplate_is_quarantined_not_loaded_empty(dirs):
    raw, staging = dirs
    shutil.copy(REPO / "raw" / "000_cfaa8c85b0839164.txt", raw / "real.txt")
    (raw / "chrome.txt").write_text(ALL_BOILERPLATE, encoding="utf-8")
    manifest = update_manifest(staging, raw, NOW)
    stats = clean_new_content(staging, raw, manifest)
    assert stats.processed == 2 and stats.quarantined == 1
    sha = dict(zip(manifest["file_name"], manifest["content_sha256"], strict=True))
    rows = {r["content_sha256"]: r for r in current_articles(staging).iter_rows(named=True)}
    assert rows[sha["chrome.txt"]]["decode_status"] == "quarantined"
    assert rows[sha["chrome.txt"]]["decode_reason"] == EMPTY_TEXT_REASON
    assert rows[sha["real.txt"]]["decode_status"] == "ok" and rows[sha["real.txt"]]["clean_text"]
    # The asset check that used to fail on it ("loaded but empty") now passes.
    assert checks.empty_clean_texts(staging) == [] and checks.uncleaned_contents(staging) == []


def test_files_with_a_read_error_are_not_decoded_and_do_not_fail_the_check(dirs):
    raw, staging = dirs
    (raw / "a.txt").write_text("天津市党政代表团赴甘肃省考察。", encoding="utf-8")
    fd = os.open(os.fsencode(raw) + b"/\xd6\xd0.txt", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, "中文".encode("gbk"))
    os.close(fd)
    manifest = update_manifest(staging, raw, NOW)
    assert manifest["read_error"].null_count() == 1
    stats = clean_new_content(staging, raw, manifest)
    assert stats.processed == 1  # only a.txt; the bad name has no content to decode
    readable = manifest.filter(pl.col("read_error").is_null())["content_sha256"].to_list()
    assert current_articles(staging)["content_sha256"].to_list() == readable
    assert checks.uncleaned_contents(staging) == []


def test_current_articles_reads_only_the_columns_asked_for(dirs):
    raw, staging = dirs
    for name in ("000_cfaa8c85b0839164.txt", "001_5719ddbdb174f5b9.txt"):
        shutil.copy(REPO / "raw" / name, raw / name)
    full = _stage(raw, staging)
    keys = current_articles(staging, KEY_COLUMNS)
    assert keys.columns == list(KEY_COLUMNS)
    assert keys.sort("content_sha256").equals(full.select(KEY_COLUMNS).sort("content_sha256"))
    assert current_articles(staging, ["script"]).columns == ["content_sha256", "script"]
    # Rows made by other cleaning code are still left out when only keys are read.
    stale = full.with_columns(clean_version=pl.lit("old"), batch_id=pl.lit("old-batch"))
    stale.write_parquet(staging / tables.ARTICLES / "old-batch.parquet")
    assert current_articles(staging, KEY_COLUMNS).height == full.height
    assert current_articles(staging / "nothing", KEY_COLUMNS).columns == list(KEY_COLUMNS)


def test_load_articles_reads_just_the_rows_named(dirs):
    raw, staging = dirs
    for name in ("000_cfaa8c85b0839164.txt", "001_5719ddbdb174f5b9.txt"):
        shutil.copy(REPO / "raw" / name, raw / name)
    full = _stage(raw, staging)
    one = full.slice(0, 1).select("content_sha256", "batch_id")
    got = load_articles(staging, one, ["clean_text"])
    assert got.columns == ["content_sha256", "batch_id", "clean_text"]
    assert got.height == 1 and got["clean_text"][0] == full["clean_text"][0]


def test_extraction_reads_text_only_for_articles_it_extracts(dirs, monkeypatch):
    raw, staging = dirs
    for name in ("000_cfaa8c85b0839164.txt", "001_5719ddbdb174f5b9.txt"):
        shutil.copy(REPO / "raw" / name, raw / name)
    _stage(raw, staging)
    loaded: list[int] = []
    real = batches.load_articles

    def counting(staging_dir: Path, keys: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
        loaded.append(keys.height)
        return real(staging_dir, keys, columns)

    monkeypatch.setattr(batches, "load_articles", counting)
    first = extract_new_content(staging)
    assert first.processed == 2 and first.visits >= 2 and loaded == [2]
    assert extract_new_content(staging).processed == 0 and loaded == [2]  # nothing left: no text read


def test_code_versions_cover_the_records_module(monkeypatch):
    seen: list[list[Path]] = []
    monkeypatch.setattr(versions, "_digest", lambda paths: seen.append(list(paths)) or "x")
    versions.clean_version()
    versions.extract_version()
    records = REPO / "visits" / "records.py"
    assert records in seen[0] and records in seen[1]
