"""What a warehouse build reads, as one fingerprint, and the fingerprint of what is published.

A build whose inputs are those of the published warehouse would write the same tables, so
it need not copy, rebuild, swap and export the file at all. The inputs: the staging Parquet
dbt's sources read; the dbt project, its seeds (the researchers' corrections among them)
and the Python dbt runs (SQL functions, publish, exports); the versions of the packages
that compute or write the tables.

The published fingerprint is a file beside the DuckDB file. It is removed before a build
replaces anything and written only after the file and both exports are complete, so at
every instant it either names the inputs of what readers see, or is absent (rebuild).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import polars as pl

from visits.ledger.parquet import fsync_dir
from visits.settings import DBT_PROJECT_DIR, REPO_ROOT, SEEDS_DIR

SUFFIX = ".inputs"

# Staging folders rewritten by every raw-dir scan, and the columns that change with each
# scan without the warehouse needing a rebuild: when a build last saw a file that is still
# there. (dim_article.last_seen_at is therefore the last build that changed the warehouse.)
# The pointer is rewritten by every stage: it counts by its rows, less when it was written.
SCAN_STAMPED = {"files": ("last_seen_at",), "current": ("updated_at",)}

DBT_INPUTS = ("models", "macros", "tests", "dbt_project.yml", "profiles.yml")
PYTHON_INPUTS = ("visits/dbt_functions.py", "visits/publish.py", "visits/exports.py")
PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb", "polars", "pypinyin", "openpyxl")


def _files(roots: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
        elif root.is_dir():
            found += (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(found)


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _staging_digest(staging: Path, h: hashlib._Hash) -> None:
    """Each batch file by name, size and mtime (batches are written once, atomically);
    a scan-stamped listing by its rows, less the scan stamps."""
    for path in sorted(staging.rglob("*.parquet")):
        rel = path.relative_to(staging).as_posix()
        stamped = SCAN_STAMPED.get(rel.split("/", 1)[0])
        if stamped:
            frame = pl.read_parquet(path)
            frame = frame.drop([c for c in stamped if c in frame.columns])
            h.update(f"{rel}:{frame.height}:{frame.columns}\n".encode())
            h.update(frame.hash_rows(seed=0).to_numpy().tobytes())
        else:
            st = path.stat()
            h.update(f"{rel}:{st.st_size}:{st.st_mtime_ns}\n".encode())


def inputs_fingerprint(staging: Path) -> str:
    """The fingerprint of everything a build into this warehouse would read."""
    h = hashlib.sha256()
    _staging_digest(staging, h)
    code = _files([*(DBT_PROJECT_DIR / p for p in DBT_INPUTS), SEEDS_DIR, *(REPO_ROOT / p for p in PYTHON_INPUTS)])
    for path in code:
        name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
        h.update(f"{name.as_posix()}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for name in PACKAGES:
        h.update(f"{name}=={_package_version(name)}\n".encode())
    return h.hexdigest()


def fingerprint_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def published_inputs(db_path: Path) -> str | None:
    """The inputs of the published warehouse, or None when unknown (never built, or a
    build began replacing it and did not finish)."""
    if not db_path.exists():
        return None
    try:
        return fingerprint_path(db_path).read_text().strip() or None
    except OSError:
        return None


def forget_inputs(db_path: Path) -> None:
    """Before a build replaces the file or its exports: the fingerprint no longer holds."""
    path = fingerprint_path(db_path)
    if path.exists():
        path.unlink()
        fsync_dir(path.parent)


def record_inputs(db_path: Path, fingerprint: str) -> None:
    """After the file and its exports are complete: they are the build of these inputs."""
    path = fingerprint_path(db_path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w") as f:
        f.write(fingerprint + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
