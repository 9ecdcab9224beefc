"""List every entry under the raw directory with its content hash, or why it has none.

Hashing is the expensive part, so a file whose size and mtime match the previous scan
keeps its previous hash: adding N files costs work proportional to N.

Every entry of raw/ is accounted for, and nothing is opened before `lstat` says what it
is. Regular files are hashed (reading at most the size limit + 1 bytes). Everything else
gets a row with `read_error` set and is never opened, so it shows up in the warehouse
instead of vanishing and can never hang or flood the build:
- FIFOs, sockets and devices (opening a FIFO would wait for a writer forever);
- files over the size limit (known from `stat`, so not read at all);
- symbolic links that are broken, that loop, that lead out of raw/ (their target is
  never read, so nothing outside raw/ reaches the warehouse), or that lead to a directory
  (not followed; files inside raw/ are listed where they really are). A link to a
  regular file inside raw/ is read under its own name;
- names that are not valid UTF-8 (see `display_name`), and directories we cannot list.
A file deleted while we look at it is skipped (the next scan sees it as removed).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from visits.ingest.decode import MAX_ARTICLE_BYTES
from visits.ingest.read import NotARegularFile, file_kind, is_inside, read_bounded

# Files still being written: a temporary suffix, or modified in the last few seconds.
IN_FLIGHT_SUFFIXES = (".tmp", ".part", ".crdownload")

BAD_NAME_ERROR = "file name is not valid UTF-8; rename the file"
NOT_UTF8_TAG = "name not UTF-8"


@dataclass(frozen=True)
class RawFile:
    file_name: str          # path relative to the raw directory, POSIX separators, valid UTF-8
    size: int
    mtime_ns: int
    content_sha256: str
    read_error: str | None = None   # set when the file could not be staged; why, for people


def sha256_file(path: Path) -> str:
    """The SHA-256 of a whole file, streamed (for callers that know it is a regular file)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def display_name(path: Path, root: Path) -> str:
    """The path relative to root as valid UTF-8, stable across scans and never another's.

    os.fsdecode turns undecodable bytes into lone surrogates, which polars, Parquet and
    DuckDB cannot store. Such bytes are shown as `\\xNN`, and the name is tagged with a
    hash of its raw bytes: a file really named `\\xff.txt` (those four characters) and one
    whose name is the byte 0xFF then `.txt` must not share a `file_name`.
    """
    rel = path.relative_to(root).as_posix()
    raw = rel.encode("utf-8", "surrogateescape")
    shown = raw.decode("utf-8", "backslashreplace")
    if shown == rel:
        return rel
    return f"{shown} ({NOT_UTF8_TAG} {hashlib.sha256(raw).hexdigest()[:12]})"


def unreadable_sha256(name: str) -> str:
    """A stand-in hash for a file we could not read: no real content hashes to it."""
    return hashlib.sha256(("unreadable:" + name).encode("utf-8")).hexdigest()


def is_in_flight(path: Path, st: os.stat_result, min_age_seconds: float, now: float | None = None) -> bool:
    if path.name.endswith(IN_FLIGHT_SUFFIXES):
        return True
    if min_age_seconds <= 0:
        return False
    now = time.time() if now is None else now
    return now - st.st_mtime < min_age_seconds


def _too_large(size: int) -> str:
    return f"too large for one article: {size / 2**20:.1f} MiB (limit {MAX_ARTICLE_BYTES / 2**20:.0f} MiB); not read"


def _link_problem(path: Path, raw_dir: Path) -> tuple[str | None, os.stat_result | None]:
    """Why a symlink is not read, or None and its target's stat when it may be."""
    try:
        target = os.stat(path)  # follows the link
    except FileNotFoundError:
        return "broken symbolic link: its target does not exist", None
    except OSError as exc:  # ELOOP, EACCES on the way
        return f"symbolic link cannot be followed: {exc.strerror or exc}", None
    if not is_inside(raw_dir, path):
        kind = "file" if stat.S_ISREG(target.st_mode) else file_kind(target.st_mode)
        return f"symbolic link to a {kind} outside raw/; not read", None
    if stat.S_ISDIR(target.st_mode):
        return "symbolic link to a directory; not followed (its files are listed where they are)", None
    if not stat.S_ISREG(target.st_mode):
        return f"symbolic link to a {file_kind(target.st_mode)}; not read", None
    return None, target


def _scan_one(
    path: Path, st: os.stat_result, raw_dir: Path, previous: Mapping[str, RawFile], min_age_seconds: float
) -> RawFile | None:
    """One entry's row (st is its lstat), or None if it is still being written or has vanished."""
    name = display_name(path, raw_dir)
    if is_in_flight(path, st, min_age_seconds):
        return None

    def refused(reason: str, size: int | None = None) -> RawFile:
        return RawFile(name, st.st_size if size is None else size, st.st_mtime_ns, unreadable_sha256(name), reason)

    if name != path.relative_to(raw_dir).as_posix():
        # Content is never read: the name could not be stored or shown faithfully anyway.
        return refused(BAD_NAME_ERROR)
    mtime_ns = st.st_mtime_ns
    if stat.S_ISLNK(st.st_mode):
        problem, target = _link_problem(path, raw_dir)
        if problem is not None or target is None:
            return refused(problem or "symbolic link cannot be followed")
        # The target's size; the later of the two mtimes, so retargeting the link re-reads it.
        st, mtime_ns = target, max(mtime_ns, target.st_mtime_ns)
    elif not stat.S_ISREG(st.st_mode):
        return refused(f"{file_kind(st.st_mode)}, not a regular file; not read")
    if st.st_size > MAX_ARTICLE_BYTES:
        return RawFile(name, st.st_size, mtime_ns, unreadable_sha256(name), _too_large(st.st_size))
    before = previous.get(name)
    # A cached unreadable entry is retried: a chmod fixes a file without touching its mtime.
    if (
        before
        and before.size == st.st_size
        and before.mtime_ns == mtime_ns
        and before.read_error is None
        and before.content_sha256 != unreadable_sha256(name)
    ):
        return before
    try:
        data = read_bounded(path)
    except FileNotFoundError:
        return None
    except NotARegularFile as exc:  # swapped for a FIFO or the like since the lstat
        return RawFile(name, st.st_size, mtime_ns, unreadable_sha256(name), f"{exc.strerror}; not read")
    except OSError as exc:  # PermissionError, EIO, ...: keep a row saying why
        error = f"cannot read: {exc.strerror or exc}"
        return RawFile(name, st.st_size, mtime_ns, unreadable_sha256(name), error)
    if len(data) > MAX_ARTICLE_BYTES:  # grew since the stat: what was read is all we know
        return RawFile(name, len(data), mtime_ns, unreadable_sha256(name), _too_large(len(data)))
    return RawFile(name, len(data), mtime_ns, hashlib.sha256(data).hexdigest())


def _walk(raw_dir: Path) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
    """(path, lstat, None) for every non-directory entry; (dir, None, why) for one we cannot list."""
    stack = [raw_dir]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        except OSError as exc:
            yield folder, None, f"cannot list directory: {exc.strerror or exc}"
            continue
        for entry in entries:
            try:
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            if stat.S_ISDIR(st.st_mode):
                stack.append(Path(entry.path))
            else:
                yield Path(entry.path), st, None


def _unique_names(rows: list[RawFile]) -> list[RawFile]:
    """Make file_name unique even against a real file named like a tagged one (deliberately)."""
    seen: set[str] = set()
    out = []
    for row in sorted(rows, key=lambda r: (NOT_UTF8_TAG in r.file_name, r.file_name)):
        name, n = row.file_name, 1
        while name in seen:
            n += 1
            name = f"{row.file_name} #{n}"
        seen.add(name)
        out.append(row if name == row.file_name else replace(row, file_name=name))
    return out


def scan_raw_dir(
    raw_dir: Path,
    previous: Mapping[str, RawFile] | None = None,
    min_age_seconds: float = 0.0,
) -> list[RawFile]:
    """Every settled entry under raw_dir (recursively), sorted by name."""
    previous = previous or {}
    found: list[RawFile] = []
    if not raw_dir.is_dir():
        return found
    for path, st, error in _walk(raw_dir):
        if st is None:
            name = display_name(path, raw_dir) + "/"
            found.append(RawFile(name, 0, 0, unreadable_sha256(name), error))
            continue
        row = _scan_one(path, st, raw_dir, previous, min_age_seconds)
        if row is not None:
            found.append(row)
    return sorted(_unique_names(found), key=lambda f: f.file_name)
