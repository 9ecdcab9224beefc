"""Bad entries in raw/, through real builds: each keeps a dim_article row, the build stays
green, nothing outside raw/ reaches the warehouse, and none costs memory or a hang."""

from __future__ import annotations

import codecs
import os
import shutil
import socket
from pathlib import Path

import polars as pl
import pytest

from tests.support.build import measured_build, run_build, run_folders_left
from tests.support.paths import query, sample_articles

pytestmark = pytest.mark.slow

SECRET = "绝密外部文件SECRET-7f3a9c-不应入库"
RSS_SLACK_KIB = 100 * 1024  # the bound: within 100 MB of a build without them


def _measured_build(w: dict) -> int:
    """A real build in a subprocess; its peak RSS (KiB): the largest resident set any process
    of the build reached (the step that scans raw/ included)."""
    return measured_build(w["raw"], w["warehouse"], w["home"])


def _bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.fsencode(folder) + b"/" + name, "wb") as fh:
        fh.write(data)


def _fill(raw: Path, outside: Path) -> str:
    """The sample articles and every bad entry but the special files; returns the original's name."""
    raw.mkdir(parents=True)
    outside.mkdir(parents=True, exist_ok=True)
    samples = sample_articles()[:2]
    for path in samples:
        shutil.copy(path, raw / path.name)
    text = samples[0].read_text(encoding="utf-8")
    (raw / "utf32le.txt").write_bytes(codecs.BOM_UTF32_LE + text.encode("utf-32-le"))
    (raw / "utf32be.txt").write_bytes(codecs.BOM_UTF32_BE + text.encode("utf-32-be"))
    (raw / "nul.txt").write_bytes(text.encode("utf-8") * 3 + b"\x00tail")
    (outside / "secret.txt").write_text(f"本报讯 {SECRET}\n" + text, encoding="utf-8")
    (raw / "out.txt").symlink_to(outside / "secret.txt")
    (raw / "dir_out").symlink_to(outside)
    (raw / "in.txt").symlink_to(samples[1].name)
    _bytes_name(raw, b"\xff.txt", text.encode("utf-8"))  # a raw 0xFF byte in the name
    (raw / "\\xff.txt").write_text(text[: len(text) // 2], encoding="utf-8")  # the literal text \xff
    return samples[0].name


def _add_special_files(raw: Path) -> socket.socket:
    """The issue's four: a FIFO, a socket, a broken symlink and a 2 GiB sparse file."""
    os.mkfifo(raw / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "sock.txt"))
    (raw / "broken.txt").symlink_to(raw / "gone.txt")
    with (raw / "sparse.txt").open("wb") as fh:
        fh.truncate(2 * 2**30)  # 2 GiB that occupy no disk
    return sock


@pytest.fixture(scope="module")
def built(tmp_path_factory, dbt_parsed) -> dict:
    """Two warehouses built from nothing on the same entries, the second with the special
    files added: the baseline build and the measured one, in the same test run."""
    root = tmp_path_factory.mktemp("badraw")
    base = {"raw": root / "base" / "raw", "warehouse": root / "base" / "warehouse", "home": root / "base" / "home"}
    _fill(base["raw"], root / "outside")
    w = {"raw": root / "raw", "warehouse": root / "warehouse", "home": root / "home", "root": root}
    w["original"] = _fill(w["raw"], root / "outside")
    w["baseline_rss"] = _measured_build(base)
    sock = _add_special_files(w["raw"])
    try:
        w["bad_rss"] = _measured_build(w)
        # as that build's dbt clean-up left them (a build with nothing new runs no dbt, so
        # prunes nothing): a folder left later is another build's, and a parallel test worker
        # may finish one at any moment
        w["run_folders"] = run_folders_left()
        run_build(w["raw"], w["warehouse"], w["home"])  # nothing new: a rebuild over them stays green
    finally:
        sock.close()
    w["db"] = w["warehouse"] / "visits.duckdb"
    w["rows"] = {r[0]: r[1:] for r in query(w["db"], "select file_name, status, status_reason from marts.dim_article")}
    w["base_rows"] = {r[0] for r in query(base["warehouse"] / "visits.duckdb", "select file_name from marts.dim_article")}
    return w


def test_every_bad_entry_keeps_a_row_with_a_reason_and_the_build_is_green(built):
    rows = built["rows"]
    expect = {
        "pipe.txt": "named pipe (FIFO)",
        "sock.txt": "socket",
        "broken.txt": "broken symbolic link",
        "out.txt": "outside raw/",
        "dir_out": "outside raw/",
        "sparse.txt": "too large for one article: 2048.0 MiB",
        "nul.txt": "NUL characters",
    }
    for name, reason in expect.items():
        status, why = rows[name]
        assert status == "quarantined" and reason in (why or ""), (name, rows[name])
    # \xff as a byte and as four characters: two rows, neither hides the other
    tagged = [n for n in rows if n.startswith("\\xff.txt (name not UTF-8")]
    assert len(tagged) == 1 and rows[tagged[0]][0] == "quarantined"
    assert rows["\\xff.txt"][0] == "loaded"
    # a link inside raw/ is read under its own name: the same content as its target
    assert rows["in.txt"][0] in ("loaded", "duplicate")
    assert len(rows) == 2 + len(expect) + 2 + 2 + 1  # samples, the above, utf-32 x2, \xff x2, in.txt


def test_utf32_articles_load_with_the_same_clean_text_as_their_utf8_original(built):
    rows = built["rows"]
    assert rows["utf32le.txt"][0] == rows["utf32be.txt"][0] == "loaded"
    hashes = dict(query(built["db"], "select file_name, content_sha256 from marts.dim_article"))
    articles = pl.read_parquet(built["warehouse"] / "staging" / "articles" / "*.parquet")
    text = {r["content_sha256"]: r["clean_text"] for r in articles.iter_rows(named=True)}
    original = text[hashes[built["original"]]]
    assert original and "\x00" not in original
    assert text[hashes["utf32le.txt"]] == text[hashes["utf32be.txt"]] == original
    visits = dict(query(built["db"], "select a.file_name, count(v.visit_id) from marts.dim_article a "
                        "left join marts.fact_visit v on list_contains(v.article_ids, a.article_id) group by 1"))
    assert visits["utf32le.txt"] == visits["utf32be.txt"] == visits[built["original"]]


def test_nothing_of_a_linked_file_outside_raw_reaches_the_warehouse(built):
    secret = SECRET.encode("utf-8")
    files = [built["db"], *(built["warehouse"] / "staging").rglob("*.parquet")]
    for path in files:  # the bytes, as stored
        assert secret not in path.read_bytes(), path
    for path in (built["warehouse"] / "staging").rglob("*.parquet"):  # and decompressed
        frame = pl.read_parquet(path)
        for col in frame.select(pl.col(pl.Utf8)).columns:
            assert not frame[col].str.contains(SECRET, literal=True).any(), (path, col)
    for (table,) in query(built["db"], "select table_schema || '.' || table_name from information_schema.tables"):
        cells = query(built["db"], f"select count(*) from {table} t where contains(t::varchar, ?)", [SECRET])
        assert cells[0][0] == 0, table


def test_special_files_each_get_a_row_and_cost_no_memory(built):
    # One row each, in the build with them and none in the baseline build without them.
    special = {"pipe.txt", "sock.txt", "broken.txt", "sparse.txt"}
    assert special <= set(built["rows"]) and not special & built["base_rows"]
    assert set(built["rows"]) - built["base_rows"] == special
    # A 2 GiB file is known to be too large from its stat, so it is never read; a FIFO is never opened.
    base, bad = built["baseline_rss"], built["bad_rss"]
    figures = f"peak RSS {bad / 1024:.0f} MiB with them, {base / 1024:.0f} MiB without: ratio {bad / base:.3f}"
    print(figures)
    assert bad - base < RSS_SLACK_KIB, figures
    assert bad / base < 1.5, figures


def test_dbt_keeps_only_the_last_run_target_folders(built):
    runs = built["run_folders"]
    assert len(runs) <= 2, sorted(p.name for p in runs)
