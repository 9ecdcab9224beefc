"""Scanning raw/: hashes, files in flight, and files that leave."""

import os
import time
from datetime import UTC, datetime, timedelta

import polars as pl

from visits.ingest import scan_raw_dir
from visits.staging.manifest import update_manifest


def test_scan_is_recursive_sorted_and_hashes_content(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("乙")
    (tmp_path / "sub" / "a.txt").write_text("甲")
    (tmp_path / "c.txt").write_text("乙")
    found = scan_raw_dir(tmp_path)
    assert [f.file_name for f in found] == ["b.txt", "c.txt", "sub/a.txt"]
    assert found[0].content_sha256 == found[1].content_sha256 != found[2].content_sha256


def test_files_in_flight_wait(tmp_path):
    (tmp_path / "done.txt").write_text("甲")
    (tmp_path / "coming.txt.tmp").write_text("乙")
    (tmp_path / "fresh.txt").write_text("丙")
    old = time.time() - 60
    os.utime(tmp_path / "done.txt", (old, old))
    names = [f.file_name for f in scan_raw_dir(tmp_path, min_age_seconds=5)]
    assert names == ["done.txt"]


def test_unchanged_size_and_mtime_reuse_the_previous_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("甲")
    first = {f.file_name: f for f in scan_raw_dir(tmp_path)}
    fake = {"a.txt": first["a.txt"].__class__("a.txt", first["a.txt"].size, first["a.txt"].mtime_ns, "cached")}
    assert scan_raw_dir(tmp_path, fake)[0].content_sha256 == "cached"  # not re-read
    path.write_text("乙")  # same size, new mtime: hashed again
    os.utime(path, ns=(first["a.txt"].mtime_ns + 10**9, first["a.txt"].mtime_ns + 10**9))
    assert scan_raw_dir(tmp_path, fake)[0].content_sha256 != "cached"


def test_manifest_keeps_departed_files_as_not_present(tmp_path):
    raw, staging = tmp_path / "raw", tmp_path / "staging"
    raw.mkdir()
    (raw / "a.txt").write_text("甲")
    (raw / "b.txt").write_text("乙")
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    update_manifest(staging, raw, t0)
    (raw / "b.txt").unlink()
    m = update_manifest(staging, raw, t0 + timedelta(hours=1))
    rows = {r["file_name"]: r for r in m.iter_rows(named=True)}
    assert rows["a.txt"]["is_present"] and rows["a.txt"]["first_seen_at"] == t0
    assert rows["a.txt"]["last_seen_at"] == t0 + timedelta(hours=1)
    assert not rows["b.txt"]["is_present"] and rows["b.txt"]["last_seen_at"] == t0
    # and it stays remembered on later scans
    m = update_manifest(staging, raw, t0 + timedelta(hours=2))
    assert m.filter(pl.col("file_name") == "b.txt").height == 1
