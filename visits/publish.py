"""Publish a finished build: swap the new DuckDB file in whole, then export the marts.

dbt builds into a copy of the warehouse, never into the file readers have open. Only a
build that finished (models and error-severity tests) replaces `visits.duckdb`, with one
atomic rename, so a build killed at any point leaves the previous warehouse readable
and complete, and readers never hold a lock the build must wait for.

The Parquet exports (`warehouse/marts/*.parquet`) are versioned directories behind one
pointer: each export writes a new hidden directory `.marts-<stamp>`, fsyncs it, then
renames a symlink over `marts` (rename(2) replaces a symlink atomically). A reader that
resolves `marts/` at any instant gets one complete version, the previous or the new,
whatever is killed when. Chosen over a `CURRENT` file (readers would need a helper to
find the files; a plain glob keeps working) and over per-file replacement (a reader
could mix tables of two builds). After a successful swap, versions older than the
previous one are deleted: the previous one stays for a reader that resolved it just
before the swap. The one non-atomic step is the first export over a pre-versioning
`marts/` directory, which cannot be renamed over: it is moved into a version first.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from visits.faults import fault_point
from visits.ledger.parquet import fsync_dir, fsync_file

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


def read_rows(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Read the warehouse the way users are told to: read-only and briefly."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


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


def _versions(out_dir: Path) -> list[Path]:
    """Export versions of out_dir, oldest first (the stamp sorts by time)."""
    return sorted(p for p in out_dir.parent.glob(f".{out_dir.name}-*") if p.is_dir() and not p.is_symlink())


def current_export(out_dir: Path) -> Path | None:
    """The version directory `out_dir` points at, or None before the first export."""
    if out_dir.is_symlink():
        return out_dir.parent / os.readlink(out_dir)
    return out_dir if out_dir.is_dir() else None


def resolve_export(out_dir: Path) -> Path:
    """The version folder `out_dir` points at now, resolved once.

    Read an export through this, not through `marts/<table>.parquet`: polars and DuckDB open
    a Parquet path more than once per read (footer, then pages), so a link swap between two
    opens pairs one version's footer with the other's pages ("wrong page size"). A version
    folder never changes, and stays until the export after next."""
    return Path(os.path.realpath(out_dir))


def export_counts(out_dir: Path) -> dict[str, int]:
    """Rows per mart in the export `out_dir` points at, every file read whole from one version."""
    version = resolve_export(out_dir)
    return {p.stem: pl.read_parquet(p).height for p in sorted(version.glob("*.parquet"))}


def _adopt_legacy_dir(out_dir: Path) -> None:
    """A `marts/` directory from before versioning: move it into a version, point at it."""
    if out_dir.is_symlink() or not out_dir.is_dir():
        return
    version = out_dir.with_name(f".{out_dir.name}-00000000T000000000000Z-legacy")
    os.replace(out_dir, version)  # from here to the symlink below, marts/ is briefly missing
    _point_at(out_dir, version)


def _point_at(out_dir: Path, version: Path) -> None:
    """Atomically make out_dir a (relative) symlink to version."""
    link = out_dir.with_name(f".{out_dir.name}.link.{os.getpid()}.tmp")
    link.unlink(missing_ok=True)
    os.symlink(version.name, link)
    fault_point("export_link_made")
    os.replace(link, out_dir)
    fsync_dir(out_dir.parent)


def _write_version(db_path: Path, version: Path, schema: str) -> None:
    version.mkdir(parents=True)
    con = _connect_read_only(db_path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1",
                [schema],
            ).fetchall()
        ]
        for n, table in enumerate(tables):
            con.execute(f"copy {schema}.{table} to '{version / table}.parquet' (format parquet)")
            if n == 0:
                fault_point("export_writing")
    finally:
        con.close()
    for f in version.glob("*.parquet"):
        fsync_file(f)
    fsync_dir(version)


def export_marts(db_path: Path, out_dir: Path, schema: str = "marts") -> list[Path]:
    """Parquet copies of every mart, for readers who should not touch the DuckDB file."""
    for debris in out_dir.parent.glob(f".{out_dir.name}.*.tmp"):  # left by a killed export
        if debris.is_symlink() or not debris.is_dir():
            debris.unlink(missing_ok=True)
        else:
            shutil.rmtree(debris, ignore_errors=True)
    shutil.rmtree(out_dir.with_name(f".{out_dir.name}.old"), ignore_errors=True)  # pre-versioning debris
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _adopt_legacy_dir(out_dir)
    version = out_dir.with_name(f".{out_dir.name}-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{os.getpid()}")
    _write_version(db_path, version, schema)
    fault_point("export_written")
    previous = current_export(out_dir)
    _point_at(out_dir, version)
    fault_point("export_swapped")
    # Keep the new version and the one just replaced (a reader may have resolved it a moment
    # ago); anything older, and versions a killed export left half-written, go.
    keep = {version.name} | ({previous.name} if previous is not None else set())
    for old in _versions(out_dir):
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    return sorted(out_dir.glob("*.parquet"))
