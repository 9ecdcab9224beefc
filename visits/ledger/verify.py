"""Staging that checks itself: every batch file is verified before a build reads it.

Each Parquet file written by `write_parquet_atomic` gets a hidden sidecar,
`.<name>.sha256`, holding the SHA-256 and row count of what was written. A file whose
bytes no longer hash to a recorded value (overwritten, truncated, bit rot) is corrupt; a
file with no sidecar (written before this check existed) must read whole with polars, and
is then given one (such a file is only as checked as decoding it makes it: overwritten
bytes in plain values can decode silently). Verification is remembered per (size, mtime, inode), so a process
hashes each file once.

A corrupt batch is moved aside to `<table>/.corrupt/` (kept for inspection, out of dbt's
`*.parquet` glob) with a logged reason naming the file, and its articles are reprocessed:
- `articles`: the contents it held are no longer cleaned, so cleaning redoes them from raw/;
- `visits`, `officials`, `extractions` share batch ids: the whole extraction batch goes
  aside together, so the extraction log no longer marks those articles done and they are
  extracted again (keeping the other two tables' files would double their rows);
- `files` (the manifest): rebuilt by the next scan of raw/; first-seen times restart and
  files that left raw/ before are forgotten, which the log says;
- `current` (the pointer): derived from the others, so it is simply decided again.

A batch file that is missing is caught too where it would lose rows silently: an extraction
batch whose log file is present but whose `visits` or `officials` file is gone (deleted by
hand) would keep its articles marked done with their rows lost, so its remaining files go
aside and those articles are extracted again. (A missing `articles`, `extractions`, `files`
or `current` file needs nothing: its contents are simply redone.)
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from visits.ingest.scan import sha256_file
from visits.ledger import tables

log = logging.getLogger(__name__)

CORRUPT_DIR = ".corrupt"
EXTRACTION_BATCH = (tables.VISITS, tables.OFFICIALS, tables.EXTRACTIONS)
_verified: set[tuple[str, int, int, int]] = set()

CONSEQUENCE = {
    tables.ARTICLES: "its articles will be cleaned again from raw/",
    tables.FILES: "the listing is rebuilt from raw/ (files that left raw/ earlier are forgotten)",
    tables.CURRENT: "the pointer is decided again from the batch files",
}


def sidecar(path: Path) -> Path:
    return path.with_name(f".{path.name}.sha256")


def read_sidecar(path: Path) -> dict[str, int] | None:
    """{sha256: rows} recorded for path; None when there is no (readable) sidecar."""
    try:
        data = json.loads(sidecar(path).read_text())
        return {str(k): int(v) for k, v in data["sha256_rows"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_sidecar(path: Path, accepted: dict[str, int]) -> None:
    """Atomically record the checksums `path` may have (the new one, and during a replace
    the old one too, so a kill between the two renames leaves a file that verifies)."""
    side = sidecar(path)
    tmp = side.with_name(f"{side.name}.{os.getpid()}.tmp")
    with tmp.open("w") as fh:
        json.dump({"sha256_rows": accepted}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, side)


def verify_file(path: Path) -> str | None:
    """Why `path` is not a sound batch file, or None when it is."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    key = (str(path), st.st_size, st.st_mtime_ns, st.st_ino)
    if key in _verified:
        return None
    accepted = read_sidecar(path)
    if accepted is None:
        try:
            rows = pl.read_parquet(path).height  # every page decoded, not just the footer
        except Exception as exc:  # noqa: BLE001 - any failure to read is the reason
            return f"unreadable Parquet ({type(exc).__name__}: {str(exc)[:200]})"
        write_sidecar(path, {sha256_file(path): rows})
    else:
        sha = sha256_file(path)
        if sha not in accepted:
            return f"checksum mismatch: its bytes hash to {sha[:16]}…, not to what was written"
    _verified.add(key)
    return None


def _move_aside(path: Path, stamp: str) -> Path:
    dest_dir = path.parent / CORRUPT_DIR
    dest_dir.mkdir(exist_ok=True)
    dest = dest_dir / f"{path.name}.{stamp}"
    os.replace(path, dest)
    side = sidecar(path)
    if side.exists():
        os.replace(side, dest_dir / f"{side.name}.{stamp}")
    return dest


def verify_staging(staging_dir: Path) -> list[str]:
    """Check every staging batch; move corrupt ones (and their siblings) aside. Returns one
    message per corrupt file, each naming it and saying what will be redone."""
    messages: list[str] = []
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}"
    for table in tables.SCHEMAS:
        folder = staging_dir / table
        for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
            reason = verify_file(path)
            if reason is None:
                continue
            group = EXTRACTION_BATCH if table in EXTRACTION_BATCH else (table,)
            moved = [
                _move_aside(p, stamp)
                for p in (staging_dir / t / path.name for t in group)
                if p.exists()
            ]
            consequence = CONSEQUENCE.get(
                table, f"its articles will be extracted again ({', '.join(m.parent.parent.name for m in moved)} batch moved together)"
            )
            message = f"corrupt staging batch {path}: {reason}; moved aside to {moved[0]}; {consequence}"
            log.warning(message)
            messages.append(message)
    messages += _incomplete_extraction_batches(staging_dir, stamp)
    return messages


def _incomplete_extraction_batches(staging_dir: Path, stamp: str) -> list[str]:
    """Move aside extraction batches that lost their visits or officials file."""
    log_dir = staging_dir / tables.EXTRACTIONS
    messages = []
    for done in sorted(log_dir.glob("*.parquet")) if log_dir.is_dir() else []:
        if done.name == "_empty.parquet":
            continue
        gone = [staging_dir / t / done.name for t in (tables.VISITS, tables.OFFICIALS)]
        gone = [p for p in gone if not p.exists()]
        if not gone:
            continue
        for path in gone:  # a checksum record left by the deleted file
            sidecar(path).unlink(missing_ok=True)
        moved = [_move_aside(staging_dir / t / done.name, stamp) for t in EXTRACTION_BATCH
                 if (staging_dir / t / done.name).exists()]
        message = (
            f"missing staging batch {', '.join(map(str, gone))} (the extraction log marks its articles done); "
            f"moved aside to {moved[0].parent}: {', '.join(m.parent.parent.name for m in moved)}; "
            "its articles will be extracted again"
        )
        log.warning(message)
        messages.append(message)
    return messages
