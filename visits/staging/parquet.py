"""Atomic Parquet writes: a reader (dbt, a notebook) never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl


def write_parquet_atomic(frame: pl.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp)
    with tmp.open("rb") as fh:  # the rename must not outrun the data on a crash
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    # And the rename must survive too: fsync the directory entry, not just the data.
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def read_folder(folder: Path, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Every batch file of one staging table, or an empty frame of the table's schema."""
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return pl.DataFrame(schema=schema)
    return pl.concat([pl.read_parquet(f) for f in files], how="diagonal_relaxed")
