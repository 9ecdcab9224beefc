"""Publishing a build: readers keep a complete warehouse, whatever happens to the build."""

import logging
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from visits.ledger.parquet import write_parquet_atomic
from visits.publish import build_path, export_counts, export_marts, prepare_build, publish_build


def _make_db(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists marts")
    con.execute(f"create or replace table marts.t as select range as i from range({rows})")
    con.close()


def _count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select count(*) from marts.t").fetchone()[0]
    finally:
        con.close()


def test_build_writes_a_copy_and_publish_swaps_it_in(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    building = prepare_build(db)
    assert building == build_path(db) and _count(building) == 3
    _make_db(building, 5)
    assert _count(db) == 3  # readers see the old warehouse while the build runs
    publish_build(db)
    assert _count(db) == 5 and not building.exists()


def test_a_reader_holding_the_file_neither_blocks_nor_sees_a_half_build(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    reader = duckdb.connect(str(db), read_only=True)
    try:
        building = prepare_build(db)
        _make_db(building, 7)  # would fail with a lock error if it were the reader's file
        publish_build(db)
        assert reader.execute("select count(*) from marts.t").fetchone()[0] == 3
    finally:
        reader.close()
    assert _count(db) == 7


def test_a_killed_build_leaves_the_published_file_and_the_next_build_starts_clean(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    building = prepare_build(db)
    building.write_bytes(b"half a file from a build that was killed")
    assert _count(db) == 3
    again = prepare_build(db)  # the next build throws the debris away
    assert _count(again) == 3


def test_first_build_starts_from_nothing(tmp_path):
    db = tmp_path / "wh" / "visits.duckdb"
    building = prepare_build(db)
    assert not building.exists() and building.parent.is_dir()


def test_export_writes_every_mart_as_parquet(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 4)
    out = tmp_path / "marts"
    files = export_marts(db, out)
    assert [f.name for f in files] == ["t.parquet"]
    assert pl.read_parquet(files[0]).height == 4
    _make_db(db, 6)
    export_marts(db, out)
    assert pl.read_parquet(out / "t.parquet").height == 6


def _leave_a_real_stale_wal(db: Path) -> None:
    """A read-write session on the published file, killed before it checkpoints: a real WAL stays."""
    code = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(db)!r})\n"
        "con.execute(\"set checkpoint_threshold = '1GB'\")\n"  # nothing folds the WAL in
        "con.execute('insert into marts.t select range from range(100, 110)')\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "written"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert (db.with_name(db.name + ".wal")).stat().st_size > 0


def test_a_stale_wal_next_to_the_published_file_is_moved_aside(tmp_path, caplog):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    _leave_a_real_stale_wal(db)
    building = prepare_build(db)
    _make_db(building, 5)
    with caplog.at_level(logging.WARNING, logger="visits.publish"):
        publish_build(db)
    # Without moving it aside: duckdb.IOException, the WAL does not match the database file.
    assert _count(db) == 5
    assert not (tmp_path / "visits.duckdb.wal").exists()
    (aside,) = tmp_path.glob("visits.duckdb.wal.stale-*")
    assert re.fullmatch(r"visits\.duckdb\.wal\.stale-\d{8}T\d{6}\d{6}Z", aside.name)
    assert aside.stat().st_size > 0  # kept, not deleted
    assert "stale WAL" in caplog.text


def _fsynced_dirs(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    real = os.fsync

    def spy(fd: int) -> None:
        seen.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return seen


def test_publish_fsyncs_the_directory_after_the_rename(tmp_path, monkeypatch):
    db = tmp_path / "visits.duckdb"
    _make_db(prepare_build(db), 2)
    seen = _fsynced_dirs(monkeypatch)
    publish_build(db)
    assert seen and seen[-1], "the directory holding the renamed file was not fsynced last"


def test_atomic_parquet_write_fsyncs_the_directory(tmp_path, monkeypatch):
    seen = _fsynced_dirs(monkeypatch)
    write_parquet_atomic(pl.DataFrame({"a": [1]}), tmp_path / "t" / "x.parquet")
    # the file's data (and its checksum sidecar's), then the directory entry
    assert seen[0] is False and seen[-1] is True and seen.count(True) == 1


def test_export_clears_the_debris_of_a_killed_export(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 2)
    debris = tmp_path / ".marts.99999.tmp"
    debris.mkdir()
    (debris / "t.parquet").write_bytes(b"half")
    export_marts(db, tmp_path / "marts")
    assert not debris.exists()
    assert pl.read_parquet(tmp_path / "marts" / "t.parquet").height == 2


def _reader_sees_a_whole_set(out: Path, rows: set[int]) -> int:
    """What a reader of out/*.parquet gets: every table, one version's rows."""
    files = sorted(out.glob("*.parquet"))
    assert [f.name for f in files] == ["t.parquet", "u.parquet"]
    t, u = (pl.read_parquet(f).height for f in files)
    assert t == u and t in rows
    return t


def _make_two(path: Path, rows: int) -> None:
    _make_db(path, rows)
    con = duckdb.connect(str(path))
    con.execute(f"create or replace table marts.u as select range as i from range({rows})")
    con.close()


def test_export_is_a_versioned_directory_behind_a_symlink_and_old_versions_go(tmp_path):
    db, out = tmp_path / "visits.duckdb", tmp_path / "marts"
    for rows in (1, 2, 3, 4):
        _make_two(db, rows)
        export_marts(db, out)
        assert out.is_symlink() and _reader_sees_a_whole_set(out, {rows}) == rows
    versions = sorted(p.name for p in tmp_path.glob(".marts-*"))
    assert len(versions) == 2 and os.readlink(out) == versions[-1]  # current and previous


def test_a_pre_versioning_marts_directory_is_adopted(tmp_path):
    db, out = tmp_path / "visits.duckdb", tmp_path / "marts"
    _make_two(db, 2)
    out.mkdir()
    (out / "t.parquet").write_bytes(b"old layout")
    export_marts(db, out)
    assert out.is_symlink() and _reader_sees_a_whole_set(out, {2}) == 2


@pytest.mark.parametrize("point", ["export_writing", "export_written", "export_link_made", "export_swapped"])
def test_an_export_killed_at_any_point_leaves_readers_a_complete_set(tmp_path, point):
    db, out = tmp_path / "visits.duckdb", tmp_path / "marts"
    _make_two(db, 3)
    export_marts(db, out)
    _make_two(db, 5)
    marker = tmp_path / "reached"
    code = f"from pathlib import Path; from visits.publish import export_marts; export_marts(Path({str(db)!r}), Path({str(out)!r}))"
    env = {**os.environ, "VISITS_FAULT_POINT": point, "VISITS_FAULT_MARKER": str(marker)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        for _ in range(600):
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), f"fault point {point} not reached (rc {proc.poll()})"
        _reader_sees_a_whole_set(out, {3, 5})  # while the export is stopped there
    finally:
        proc.kill()
        proc.wait()
    seen = _reader_sees_a_whole_set(out, {3, 5})  # and after the kill
    assert seen == (5 if point == "export_swapped" else 3)
    export_marts(db, out)  # the next export cleans up and completes
    assert _reader_sees_a_whole_set(out, {5}) == 5
    assert not list(tmp_path.glob(".marts.*.tmp")) and len(list(tmp_path.glob(".marts-*"))) == 2


def test_a_reader_that_resolves_the_link_once_reads_one_version_while_links_swap(tmp_path):
    """polars and DuckDB open a Parquet path more than once per read, so reading through
    `marts/` while the link swaps can pair one version's footer with the other's pages;
    export_counts resolves the link first and reads only from that version."""
    db, out = tmp_path / "visits.duckdb", tmp_path / "marts"
    for rows in (20_000, 70_000):  # two versions kept side by side, files of different sizes
        _make_two(db, rows)
        export_marts(db, out)
    first, second = sorted(p.name for p in tmp_path.glob(".marts-*"))
    stop = threading.Event()

    def swap() -> None:
        k = 0
        while not stop.is_set():
            k ^= 1
            link = tmp_path / ".marts.swap"
            os.symlink((first, second)[k], link)
            os.replace(link, out)

    swapper = threading.Thread(target=swap, daemon=True)
    swapper.start()
    try:
        seen = [export_counts(out) for _ in range(200)]
    finally:
        stop.set()
        swapper.join()
    assert {tuple(sorted(s.items())) for s in seen} <= {(("t", n), ("u", n)) for n in (20_000, 70_000)}
