"""The raw directory's listing as a staging table, remembering files that left it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from visits.ingest import RawFile, scan_raw_dir
from visits.ledger import tables
from visits.ledger.parquet import read_folder, write_parquet_atomic

MANIFEST_FILE = "manifest.parquet"


def read_manifest(staging_dir: Path) -> pl.DataFrame:
    schema = tables.SCHEMAS[tables.FILES]
    found = read_folder(staging_dir / tables.FILES, schema)
    # A manifest written before a column existed (read_error) reads with that column null.
    return pl.concat([pl.DataFrame(schema=schema), found], how="diagonal_relaxed").select(list(schema))


def update_manifest(staging_dir: Path, raw_dir: Path, now: datetime) -> pl.DataFrame:
    """Scan raw_dir, merge with the previous listing, write it, and return it.

    A file no longer in raw_dir keeps its row with is_present = false: the warehouse
    reports it as removed instead of forgetting it.
    """
    before = read_manifest(staging_dir)
    previous = {
        r["file_name"]: RawFile(
            r["file_name"], r["size_bytes"], r["mtime_ns"], r["content_sha256"], r["read_error"]
        )
        for r in before.filter(pl.col("is_present")).iter_rows(named=True)
    }
    first_seen = {
        (r["file_name"], r["content_sha256"]): r["first_seen_at"] for r in before.iter_rows(named=True)
    }
    found = scan_raw_dir(raw_dir, previous)
    present = {f.file_name for f in found}
    rows = [
        {
            "file_name": f.file_name,
            "content_sha256": f.content_sha256,
            "size_bytes": f.size,
            "mtime_ns": f.mtime_ns,
            "is_present": True,
            "first_seen_at": first_seen.get((f.file_name, f.content_sha256), now),
            "last_seen_at": now,
            "read_error": f.read_error,
        }
        for f in found
    ]
    gone = before.filter(~pl.col("file_name").is_in(sorted(present))).with_columns(
        pl.lit(False).alias("is_present")
    )
    manifest = pl.concat(
        [pl.DataFrame(rows, schema=tables.SCHEMAS[tables.FILES]), gone], how="vertical"
    ).sort("file_name")
    write_parquet_atomic(manifest, staging_dir / tables.FILES / MANIFEST_FILE)
    return manifest
