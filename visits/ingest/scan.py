"""List the files under the raw directory with their content hashes.

Hashing is the expensive part, so a file whose size and mtime match the previous scan
keeps its previous hash: adding N files costs work proportional to N.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Files still being written: a temporary suffix, or modified in the last few seconds.
IN_FLIGHT_SUFFIXES = (".tmp", ".part", ".crdownload")


@dataclass(frozen=True)
class RawFile:
    file_name: str          # path relative to the raw directory, POSIX separators
    size: int
    mtime_ns: int
    content_sha256: str


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_in_flight(path: Path, min_age_seconds: float, now: float | None = None) -> bool:
    if path.name.endswith(IN_FLIGHT_SUFFIXES):
        return True
    if min_age_seconds <= 0:
        return False
    now = time.time() if now is None else now
    return now - path.stat().st_mtime < min_age_seconds


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
        if is_in_flight(path, min_age_seconds):
            continue
        name = path.relative_to(raw_dir).as_posix()
        stat = path.stat()
        before = previous.get(name)
        if before and before.size == stat.st_size and before.mtime_ns == stat.st_mtime_ns:
            found.append(before)
            continue
        found.append(RawFile(name, stat.st_size, stat.st_mtime_ns, sha256_file(path)))
    return found
