"""Publish a finished build: swap the new DuckDB file in whole, then export the marts.

dbt builds into a copy of the warehouse, never into the file readers have open. Only a
build that finished (models and error-severity tests) replaces `visits.duckdb`, with one
atomic rename, so a build killed at any point leaves the previous warehouse readable
and complete, and readers never hold a lock the build must wait for.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from visits.staging.parquet import fsync_dir, fsync_file

log = logging.getLogger(__name__)

BUILD_SUFFIX = ".building"


def build_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + BUILD_SUFFIX)


def wal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".wal")


def _move_stale_wal_aside(db_path: Path) -> Path | None:
    """Set aside a WAL left next to the published file by a killed read-write session.

    DuckDB replays `<db>.wal` into whatever file is at `<db>` when it opens it; after the
    swap that is the new build, which refuses it (IOException: WAL does not match) and
    nobody could open the warehouse. Kept, not deleted: it may hold someone's writes.
    """
    wal = wal_path(db_path)
    if not wal.exists():
        return None
    aside = wal.with_name(f"{wal.name}.stale-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}")
    os.replace(wal, aside)
    log.warning("moved a stale WAL left by a killed session aside: %s -> %s", wal, aside.name)
    return aside


def prepare_build(db_path: Path) -> Path:
    """A fresh copy of the published warehouse for dbt to write (incremental models need it)."""
    target = build_path(db_path)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)  # left by a killed build: start over from the published file
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if db_path.exists():
        shutil.copyfile(db_path, target)
    return target


def publish_build(db_path: Path) -> None:
    """Replace the published warehouse with the finished build, atomically."""
    source = build_path(db_path)
    con = duckdb.connect(str(source))
    try:
        con.execute("checkpoint")  # fold the WAL into the file before it moves
    finally:
        con.close()
    fsync_file(source)
    if _move_stale_wal_aside(db_path):
        fsync_dir(db_path.parent)  # the WAL must be gone before the new file can be seen
    os.replace(source, db_path)
    fsync_dir(db_path.parent)


def _connect_read_only(db_path: Path, attempts: int = 6) -> duckdb.DuckDBPyConnection:
    """Read-only readers share the file; a writer someone left open makes us wait a little."""
    for attempt in range(attempts):
        try:
            return duckdb.connect(str(db_path), read_only=True)
        except duckdb.IOException:
            if attempt == attempts - 1:
                raise
            log.warning("warehouse locked by another process; retrying")
            time.sleep(2**attempt)
    raise AssertionError("unreachable")


def export_marts(db_path: Path, out_dir: Path, schema: str = "marts") -> list[Path]:
    """Parquet copies of every mart, for readers who should not touch the DuckDB file."""
    for debris in out_dir.parent.glob(f".{out_dir.name}.*.tmp"):  # left by a killed export
        shutil.rmtree(debris, ignore_errors=True)
    staging = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.tmp")
    staging.mkdir(parents=True)
    con = _connect_read_only(db_path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1",
                [schema],
            ).fetchall()
        ]
        for table in tables:
            con.execute(f"copy {schema}.{table} to '{staging / table}.parquet' (format parquet)")
    finally:
        con.close()
    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(out_dir.glob("*.parquet"))
