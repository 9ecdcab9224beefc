"""List the files under the raw directory with their content hashes.

Hashing is the expensive part, so a file whose size and mtime match the previous scan
keeps its previous hash: adding N files costs work proportional to N.

One bad file never stops the scan: a name that is not valid UTF-8 or a file that cannot be
read gets a row with `read_error` set (so it shows up in the warehouse instead of vanishing),
and a file deleted while we look at it is skipped (the next scan sees it as removed).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Files still being written: a temporary suffix, or modified in the last few seconds.
IN_FLIGHT_SUFFIXES = (".tmp", ".part", ".crdownload")

BAD_NAME_ERROR = "file name is not valid UTF-8; rename the file"


@dataclass(frozen=True)
class RawFile:
    file_name: str          # path relative to the raw directory, POSIX separators, valid UTF-8
    size: int
    mtime_ns: int
    content_sha256: str
    read_error: str | None = None   # set when the file could not be staged; why, for people


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def display_name(path: Path, root: Path) -> str:
    """The path relative to root as valid UTF-8: undecodable bytes become `\\xNN`.

    os.fsdecode turns such bytes into lone surrogates, which polars, Parquet and DuckDB
    cannot store; the escaped form is stable, so the file keeps one identity across scans.
    """
    name = path.relative_to(root).as_posix()
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def unreadable_sha256(name: str) -> str:
    """A stand-in hash for a file we could not read: no real content hashes to it."""
    return hashlib.sha256(("unreadable:" + name).encode("utf-8")).hexdigest()


def is_in_flight(path: Path, min_age_seconds: float, now: float | None = None) -> bool:
    if path.name.endswith(IN_FLIGHT_SUFFIXES):
        return True
    if min_age_seconds <= 0:
        return False
    now = time.time() if now is None else now
    return now - path.stat().st_mtime < min_age_seconds


def _scan_one(
    path: Path, raw_dir: Path, previous: Mapping[str, RawFile], min_age_seconds: float
) -> RawFile | None:
    """One file's row, or None if it is still being written or has vanished."""
    name = display_name(path, raw_dir)
    try:
        if is_in_flight(path, min_age_seconds):
            return None
        stat = path.stat()
    except FileNotFoundError:  # deleted since the listing: gone, not an error
        return None
    if name != path.relative_to(raw_dir).as_posix():
        # Content is never read: the name could not be stored or shown faithfully anyway.
        return RawFile(name, stat.st_size, stat.st_mtime_ns, unreadable_sha256(name), BAD_NAME_ERROR)
    before = previous.get(name)
    # A cached unreadable entry is retried: a chmod fixes a file without touching its mtime.
    if (
        before
        and before.size == stat.st_size
        and before.mtime_ns == stat.st_mtime_ns
        and before.read_error is None
        and before.content_sha256 != unreadable_sha256(name)
    ):
        return before
    try:
        sha = sha256_file(path)
    except FileNotFoundError:
        return None
    except OSError as exc:  # PermissionError, EIO, ...: keep a row saying why
        error = f"cannot read: {exc.strerror or exc}"
        return RawFile(name, stat.st_size, stat.st_mtime_ns, unreadable_sha256(name), error)
    return RawFile(name, stat.st_size, stat.st_mtime_ns, sha)


def scan_raw_dir(
    raw_dir: Path,
    previous: Mapping[str, RawFile] | None = None,
    min_age_seconds: float = 0.0,
) -> list[RawFile]:
    """Every settled file under raw_dir (recursively), sorted by name."""
    previous = previous or {}
    found: list[RawFile] = []
    if not raw_dir.is_dir():
        return found
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        row = _scan_one(path, raw_dir, previous, min_age_seconds)
        if row is not None:
            found.append(row)
    return sorted(found, key=lambda f: f.file_name)
