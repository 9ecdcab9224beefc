"""The bad entries of raw/ that bench/fault_table.py puts beside the sample articles.

Each case makes its entries and says what it expects of their dim_article rows: the same
visits as the UTF-8 original (a re-encoding), a quarantine row with a reason, or a row of
any status. Names and texts are invented; the article text is a sample's own.
"""

from __future__ import annotations

import codecs
import io
import os
import socket
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from visits.ingest.decode import MAX_ARTICLE_BYTES
from visits.ingest.scan import display_name

SECRET = "外部机密SECRET-5d1e77-不应入库"
SQL_TEXT = "'); drop table marts.fact_visit; select * from read_text('/etc/passwd'); --"
JINJA_TEXT = "{{ config(materialized='table') }}{% do run_query('drop schema marts cascade') %}{{ 7*7 }}"


@dataclass
class Case:
    label: str
    names: list[str]  # expected file_name values; a trailing '*' matches a prefix
    expect: str  # "same_visits" | "quarantined" | "row" | "loaded"


def _bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.fsencode(folder) + b"/" + name, "wb") as fh:
        fh.write(data)


def make_inputs(raw: Path, outside: Path, text: str, tiny: int) -> tuple[list[Case], list[Callable[[], None]]]:
    """Create every bad entry; return the cases and the clean-ups (a socket to close)."""
    cases: list[Case] = []
    closers: list[Callable[[], None]] = []

    def put(name: str, data: bytes, label: str, expect: str) -> None:
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(Case(label, [name], expect))

    utf8 = text.encode("utf-8")
    copies = iter(range(1, 100))

    def copy() -> bytes:  # the same article, other bytes: each copy is loaded, not a duplicate
        return utf8 + b"\n" * next(copies)

    # Encodings: each should give the original's visits.
    put("enc_utf8_bom.txt", codecs.BOM_UTF8 + utf8, "UTF-8 with BOM", "same_visits")
    put("enc_utf16le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "UTF-16LE with BOM", "same_visits")
    put("enc_utf16be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "UTF-16BE with BOM", "same_visits")
    put("enc_utf32le.txt", codecs.BOM_UTF32_LE + text.encode("utf-32-le"), "UTF-32LE with BOM", "same_visits")
    put("enc_utf32be.txt", codecs.BOM_UTF32_BE + text.encode("utf-32-be"), "UTF-32BE with BOM", "same_visits")
    put("enc_gb18030.txt", text.encode("gb18030"), "GB18030, no BOM", "same_visits")
    put("enc_utf16le_nobom.txt", text.encode("utf-16-le"), "UTF-16LE without BOM", "row")
    put("enc_latin1.txt", "Délégation régionale, visite à l'usine. ".encode("latin-1") * 20, "Latin-1 text", "row")
    # Binaries and degenerate files.
    put("bin_png.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(4096), "PNG bytes named .txt", "quarantined")
    put("bin_elf.txt", Path("/bin/true").read_bytes(), "ELF executable", "quarantined")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", text)
    put("bin_zip.txt", buf.getvalue(), "zip archive", "quarantined")
    put("bin_random.txt", os.urandom(65536), "64 KiB of random bytes", "quarantined")
    put("bin_zeros.txt", b"\x00" * 4096, "4 KiB of NUL bytes", "quarantined")
    put("bin_nul_in_text.txt", utf8 + b"\x00tail", "UTF-8 text holding a NUL", "quarantined")
    put("empty.txt", b"", "empty file", "quarantined")
    put("blank.txt", b" \n\t\n   \n", "whitespace only", "row")
    put("over_limit.txt", b"a" * (MAX_ARTICLE_BYTES + 1), "real file 1 byte over the 5 MiB limit", "quarantined")
    # SQL- and Jinja-like text, in content and in names.
    put("sql_text.txt", (text + "\n" + SQL_TEXT + "\n").encode(), "SQL-like text in an article", "same_visits")
    put("jinja_text.txt", (text + "\n" + JINJA_TEXT + "\n").encode(), "Jinja-like text in an article", "same_visits")
    put("x'); drop table marts.dim_article; --.txt", copy(), "SQL-like file name", "same_visits")
    put("{{ 7*7 }}{% raw %}.txt", copy(), "Jinja-like file name", "same_visits")
    # Odd names that are valid UTF-8.
    put("odd name 东西部 (1).txt", copy(), "spaces, CJK, brackets in a name", "same_visits")
    put("new\nline.txt", copy(), "newline in a name", "same_visits")
    put("-rf.txt", copy(), "name starting with a dash", "same_visits")
    put(".hidden.txt", copy(), "hidden file", "same_visits")
    put("协作" * 40 + ".txt", copy(), "240-byte CJK name", "same_visits")
    put("a/b/c/d/deep.txt", copy(), "four directories deep", "same_visits")
    put("NOEXT", copy(), "no extension", "same_visits")
    # Names that are not UTF-8, and the \xff collision.
    def shown(name: bytes) -> str:  # the escaped, hash-tagged file_name the scan gives
        return display_name(Path(os.fsdecode(os.fsencode(raw) + b"/" + name)), raw)

    _bytes_name(raw, b"\xff.txt", copy())
    (raw / "\\xff.txt").write_text(text[: len(text) // 2], encoding="utf-8")
    cases.append(Case("raw byte 0xFF in a name", [shown(b"\xff.txt")], "quarantined"))
    cases.append(Case("literal text \\xff in a name (collides once escaped)", ["\\xff.txt"], "loaded"))
    _bytes_name(raw, b"\xd6\xd0\xb9\xfa.txt", text.encode("gb18030"))
    cases.append(Case("GBK-encoded name", [shown(b"\xd6\xd0\xb9\xfa.txt")], "quarantined"))
    os.mkdir(os.fsencode(raw) + b"/latin\xe9")
    _bytes_name(raw, b"latin\xe9/inside.txt", copy())
    cases.append(Case("valid name inside a Latin-1 directory", [shown(b"latin\xe9/inside.txt")], "quarantined"))
    # Symlinks in and out of raw/.
    (outside / "secret.txt").write_text(f"本报讯 {SECRET}\n" + text, encoding="utf-8")
    (outside / "dir").mkdir()
    links = [
        ("link_in.txt", "enc_utf8_bom.txt", "symlink to a file in raw/", "same_visits"),
        ("link_in_deep.txt", "a/b/c/d/deep.txt", "symlink to a file deeper in raw/", "same_visits"),
        ("link_out.txt", str(outside / "secret.txt"), "symlink to a text file outside raw/", "quarantined"),
        ("link_out_rel.txt", "../outside/secret.txt", "relative symlink out of raw/", "quarantined"),
        ("link_passwd.txt", "/etc/passwd", "symlink to /etc/passwd", "quarantined"),
        ("link_dir_out", str(outside / "dir"), "symlink to a directory outside raw/", "quarantined"),
        ("link_dir_in", "a", "symlink to a directory in raw/", "quarantined"),
        ("link_broken.txt", "gone.txt", "broken symlink", "quarantined"),
        ("link_loop.txt", "link_loop.txt", "symlink to itself", "quarantined"),
    ]
    for name, target, label, expect in links:
        (raw / name).symlink_to(target)
        cases.append(Case(label, [name], expect))
    # Special files.
    os.mkfifo(raw / "fifo.txt")
    cases.append(Case("FIFO", ["fifo.txt"], "quarantined"))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "socket.txt"))
    closers.append(sock.close)
    cases.append(Case("Unix socket", ["socket.txt"], "quarantined"))
    try:
        os.mknod(raw / "chardev.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
        cases.append(Case("character device", ["chardev.txt"], "quarantined"))
    except OSError:
        pass  # not root here: no device node
    with (raw / "sparse.txt").open("wb") as fh:
        fh.truncate(2 * 2**30)
    cases.append(Case("2 GiB sparse file", ["sparse.txt"], "quarantined"))
    (raw / "inflight.txt.tmp").write_bytes(copy())
    cases.append(Case("file ending .tmp (in flight by convention)", [], "row"))
    # Many tiny files, each its own content.
    (raw / "tiny").mkdir()
    for i in range(tiny):
        (raw / "tiny" / f"{i:05d}.txt").write_text(f"本报讯 第{i}号简讯：今日某地召开例会。\n", encoding="utf-8")
    cases.append(Case(f"{tiny} tiny files", [f"tiny/{i:05d}.txt" for i in range(tiny)], "row"))
    return cases, closers
