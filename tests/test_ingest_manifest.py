"""Scanning raw/: hashes, files in flight, and files that leave."""

import hashlib
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from visits.ingest import scan, scan_raw_dir
from visits.ledger.manifest import update_manifest


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


# --- one bad file never stops the scan -------------------------------------------------------

BAD_NAME = b"\xd6\xd0.txt"  # 中 in GBK: not UTF-8, so os.fsdecode gives lone surrogates
BAD_SHOWN = f"\\xd6\\xd0.txt (name not UTF-8 {hashlib.sha256(BAD_NAME).hexdigest()[:12]})"


def _write_bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def test_a_non_utf8_file_name_gets_a_row_with_a_read_error(tmp_path):
    (tmp_path / "a.txt").write_text("甲")
    _write_bytes_name(tmp_path, BAD_NAME, "中文".encode("gbk"))
    found = {f.file_name: f for f in scan_raw_dir(tmp_path)}
    assert sorted(found) == [BAD_SHOWN, "a.txt"]
    bad = found[BAD_SHOWN]
    assert bad.read_error == scan.BAD_NAME_ERROR
    assert bad.content_sha256 == scan.unreadable_sha256(BAD_SHOWN) != found["a.txt"].content_sha256
    assert found["a.txt"].read_error is None


def test_manifest_stores_a_non_utf8_name_and_keeps_its_error_after_it_leaves(tmp_path):
    raw, staging = tmp_path / "raw", tmp_path / "staging"
    raw.mkdir()
    (raw / "a.txt").write_text("甲")
    _write_bytes_name(raw, BAD_NAME, b"x")
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    m = update_manifest(staging, raw, t0)  # polars cannot store surrogates: this used to raise
    rows = {r["file_name"]: r for r in m.iter_rows(named=True)}
    assert rows[BAD_SHOWN]["read_error"] == scan.BAD_NAME_ERROR and rows[BAD_SHOWN]["is_present"]
    assert rows["a.txt"]["read_error"] is None
    assert pl.read_parquet(staging / "files" / "manifest.parquet")["read_error"].null_count() == 1
    os.unlink(os.fsencode(raw) + b"/" + BAD_NAME)
    m = update_manifest(staging, raw, t0 + timedelta(hours=1))
    gone = m.filter(pl.col("file_name") == BAD_SHOWN).row(0, named=True)
    assert not gone["is_present"] and gone["read_error"] == scan.BAD_NAME_ERROR


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 file anyway")
def test_a_file_without_read_permission_gets_a_row_with_a_read_error(tmp_path):
    (tmp_path / "a.txt").write_text("甲")
    locked = tmp_path / "locked.txt"
    locked.write_text("乙")
    locked.chmod(0)
    try:
        found = {f.file_name: f for f in scan_raw_dir(tmp_path)}
    finally:
        locked.chmod(0o644)
    assert found["locked.txt"].read_error == "cannot read: Permission denied"
    assert found["locked.txt"].content_sha256 == scan.unreadable_sha256("locked.txt")
    # Fixed by a chmod, which leaves the mtime alone: the next scan reads it after all.
    again = {f.file_name: f for f in scan_raw_dir(tmp_path, found)}
    assert again["locked.txt"].read_error is None
    assert again["locked.txt"].content_sha256 == hashlib.sha256(locked.read_bytes()).hexdigest()


def test_a_symlink_out_of_raw_gets_a_row_and_is_never_read(tmp_path):
    # /proc/self/mem used to be read through such a link (EIO); a link out is not followed now.
    (tmp_path / "a.txt").write_text("甲")
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    found = {f.file_name: f for f in scan_raw_dir(tmp_path)}
    assert found["mem.txt"].read_error == "symbolic link to a file outside raw/; not read"
    assert found["mem.txt"].content_sha256 == scan.unreadable_sha256("mem.txt")
    assert found["a.txt"].read_error is None


def test_a_file_removed_between_listing_and_stat_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲")
    (tmp_path / "b.txt").write_text("乙")
    real = scan.is_in_flight

    def vanish_b(path: Path, *args: object) -> bool:
        if path.name == "b.txt":
            path.unlink()  # deleted right after the listing
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(scan, "is_in_flight", vanish_b)
    assert [f.file_name for f in scan_raw_dir(tmp_path, min_age_seconds=0)] == ["a.txt"]


def test_a_file_removed_between_stat_and_hash_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲")
    (tmp_path / "b.txt").write_text("乙")
    real = scan.read_bounded

    def vanish_b(path: Path) -> bytes:
        if path.name == "b.txt":
            path.unlink()
        return real(path)

    monkeypatch.setattr(scan, "read_bounded", vanish_b)
    assert [f.file_name for f in scan_raw_dir(tmp_path)] == ["a.txt"]


def test_a_manifest_written_before_read_error_existed_still_reads(tmp_path):
    raw, staging = tmp_path / "raw", tmp_path / "staging"
    raw.mkdir()
    (raw / "a.txt").write_text("甲")
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    old = update_manifest(staging, raw, t0).drop("read_error")
    old.write_parquet(staging / "files" / "manifest.parquet")
    m = update_manifest(staging, raw, t0 + timedelta(hours=1))
    assert m["read_error"].to_list() == [None] and m["first_seen_at"].to_list() == [t0]
