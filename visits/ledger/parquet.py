"""Atomic Parquet writes: a reader (dbt, a notebook) never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from visits.ingest.scan import sha256_file
from visits.ledger.verify import read_sidecar, write_sidecar


def fsync_file(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename in this directory durable: fsync the directory entry, not just the data."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet_atomic(frame: pl.DataFrame, path: Path) -> Path:
    """Write, fsync, rename into place; with a checksum sidecar so readers can verify it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp)
    fsync_file(tmp)  # the rename must not outrun the data on a crash
    new = {sha256_file(tmp): frame.height}
    old = read_sidecar(path) if path.exists() else None
    write_sidecar(path, {**new, **(old or {})})  # either file verifies while the rename is pending
    os.replace(tmp, path)
    fsync_dir(path.parent)
    if old:
        write_sidecar(path, new)
    return path


def scan_folder(folder: Path) -> pl.LazyFrame | None:
    """Every batch file of one staging table, lazily (only the columns used are read);
    None when there are none. Files from an older schema still concatenate."""
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return None
    return pl.concat([pl.scan_parquet(f) for f in files], how="diagonal_relaxed")


def read_folder(folder: Path, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Every batch file of one staging table, or an empty frame of the table's schema."""
    lazy = scan_folder(folder)
    return pl.DataFrame(schema=schema) if lazy is None else lazy.collect()
