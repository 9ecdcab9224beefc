"""Read a raw file's bytes without ever blocking, following a link out of raw/, or reading
more than the article size limit allows.

`stat` decides before anything is opened; the open itself is non-blocking (a FIFO swapped
in after the check opens at once instead of waiting for a writer) and `fstat` on the open
descriptor confirms a regular file before a byte is read. Reads stop at limit + 1 bytes:
enough to know a file is too large, never enough to take the build's memory with it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from visits.ingest.decode import MAX_ARTICLE_BYTES

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


class NotARegularFile(OSError):
    """The path is (or became) a FIFO, socket, device or directory: it is not read."""


class OutsideRawDir(OSError):
    """The path resolves outside raw/ (a symlink out): it is not read."""


def file_kind(mode: int) -> str:
    """A person's name for what a stat mode describes."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    return "special file"


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path`, every link resolved, lies under `root` (itself resolved)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def read_bounded(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """At most limit + 1 bytes of a regular file; NotARegularFile for anything else."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, f"not a regular file: {file_kind(mode)}")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            block = os.read(fd, min(remaining, 1 << 20))
            if not block:
                break
            chunks.append(block)
            remaining -= len(block)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_article(raw_dir: Path, file_name: str, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """A staged file's bytes, read again for cleaning, under the same rules as the scan."""
    path = raw_dir / file_name
    if not is_inside(raw_dir, path):
        raise OutsideRawDir(errno.EACCES, "resolves outside raw/ (a symbolic link out); not read")
    return read_bounded(path, limit)
