"""Special entries in raw/: each gets a row with a reason, none is opened, none can hang a scan."""

from __future__ import annotations

import os
import signal
import socket
import stat
from pathlib import Path

import pytest

from visits.ingest import read_article, scan, scan_raw_dir
from visits.ingest.decode import MAX_ARTICLE_BYTES
from visits.ingest.read import OutsideRawDir, read_bounded

ARTICLE = "本报讯 5月3日，某某省党政代表团赴某某市考察东西部协作工作。\n"


@pytest.fixture(autouse=True)
def _no_hang():
    """A FIFO opened for reading waits for a writer forever: fail instead of hanging."""
    def timeout(*_: object) -> None:
        raise TimeoutError("the scan blocked")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _rows(raw: Path) -> dict[str, scan.RawFile]:
    return {f.file_name: f for f in scan_raw_dir(raw)}


def test_fifo_socket_and_device_each_get_a_row_and_are_never_opened(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    if os.geteuid() == 0:
        os.mknod(tmp_path / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    try:
        rows = _rows(tmp_path)
    finally:
        sock.close()
    assert rows["a.txt"].read_error is None
    assert rows["pipe.txt"].read_error == "named pipe (FIFO), not a regular file; not read"
    assert rows["sock.txt"].read_error == "socket, not a regular file; not read"
    if os.geteuid() == 0:
        assert rows["null.txt"].read_error == "character device, not a regular file; not read"
    for name, row in rows.items():
        if name != "a.txt":
            assert row.content_sha256 == scan.unreadable_sha256(name)


def test_symlinks_broken_looping_out_of_raw_and_to_directories_are_rows_not_reads(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    raw.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET " + ARTICLE)
    (raw / "sub").mkdir()
    (raw / "sub" / "real.txt").write_text(ARTICLE)
    (raw / "broken.txt").symlink_to(raw / "nowhere.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "out.txt").symlink_to(outside / "secret.txt")
    (raw / "out_rel.txt").symlink_to("../outside/secret.txt")
    (raw / "dir_in").symlink_to(raw / "sub")
    (raw / "dir_out").symlink_to(outside)
    (raw / "in.txt").symlink_to("sub/real.txt")
    rows = _rows(raw)
    assert sorted(rows) == ["broken.txt", "dir_in", "dir_out", "in.txt", "loop.txt", "out.txt", "out_rel.txt", "sub/real.txt"]
    assert rows["broken.txt"].read_error == "broken symbolic link: its target does not exist"
    assert rows["loop.txt"].read_error.startswith("symbolic link cannot be followed")
    for name in ("out.txt", "out_rel.txt"):
        assert rows[name].read_error == "symbolic link to a file outside raw/; not read"
    assert rows["dir_out"].read_error == "symbolic link to a directory outside raw/; not read"
    assert rows["dir_in"].read_error.startswith("symbolic link to a directory; not followed")
    # A link inside raw/ is read under its own name: the same content as its target.
    assert rows["in.txt"].read_error is None
    assert rows["in.txt"].content_sha256 == rows["sub/real.txt"].content_sha256
    with pytest.raises(OutsideRawDir):
        read_article(raw, "out.txt")  # and cleaning refuses it too, should it ever ask
    assert read_article(raw, "in.txt") == ARTICLE.encode()


def test_a_file_over_the_limit_is_refused_from_its_stat_and_reads_are_bounded(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 2 GiB on paper, nothing on disk
        fh.truncate(2 * 2**30)
    (tmp_path / "a.txt").write_text(ARTICLE)
    rows = _rows(tmp_path)
    assert rows["big.txt"].read_error == "too large for one article: 2048.0 MiB (limit 5 MiB); not read"
    assert rows["big.txt"].size == 2 * 2**30
    assert len(read_bounded(big)) == MAX_ARTICLE_BYTES + 1
    assert len(read_bounded(big, limit=10)) == 11


def test_a_fifo_swapped_in_after_the_stat_is_not_read_and_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(OSError, match="named pipe"):
        read_bounded(tmp_path / "pipe")


def _bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.fsencode(folder) + b"/" + name, "wb") as fh:
        fh.write(data)


def test_every_non_utf8_name_is_quarantined_alike_and_never_collides_with_a_real_name(tmp_path):
    _bytes_name(tmp_path, b"\xff.txt", ARTICLE.encode())
    (tmp_path / "\\xff.txt").write_text(ARTICLE)  # the literal text \xff: a valid name
    _bytes_name(tmp_path, b"\xd6\xd0.txt", ARTICLE.encode("gbk"))  # GBK
    _bytes_name(tmp_path, b"\xed\xa0\x80.txt", ARTICLE.encode())  # an encoded surrogate
    _bytes_name(tmp_path, b"\xc0\xaf.txt", ARTICLE.encode())  # an overlong '/'
    os.mkdir(os.fsencode(tmp_path) + b"/\xe9t\xe9")  # Latin-1 directory, valid file inside
    _bytes_name(tmp_path, b"\xe9t\xe9/a.txt", ARTICLE.encode())
    first = _rows(tmp_path)
    assert len(first) == 6
    assert first["\\xff.txt"].read_error is None  # the real name loads
    bad = {n: r for n, r in first.items() if n != "\\xff.txt"}
    assert all(r.read_error == scan.BAD_NAME_ERROR for r in bad.values())
    assert all(scan.NOT_UTF8_TAG in n for n in bad)
    assert any(n.startswith("\\xff.txt (") for n in bad)
    assert sorted(_rows(tmp_path)) == sorted(first)  # stable: the same names on every scan


def test_a_real_file_named_like_a_tagged_name_still_keeps_both_rows(tmp_path):
    _bytes_name(tmp_path, b"\xff.txt", ARTICLE.encode())
    tagged = next(iter(_rows(tmp_path)))
    (tmp_path / tagged).write_text(ARTICLE)  # someone names a real file exactly so
    rows = _rows(tmp_path)
    assert len(rows) == 2 and rows[tagged].read_error is None
