"""Publishing a build: readers keep a complete warehouse, whatever happens to the build."""

from pathlib import Path

import duckdb
import polars as pl

from visits.publish import build_path, export_marts, prepare_build, publish_build


def _make_db(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists marts")
    con.execute(f"create or replace table marts.t as select range as i from range({rows})")
    con.close()


def _count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select count(*) from marts.t").fetchone()[0]
    finally:
        con.close()


def test_build_writes_a_copy_and_publish_swaps_it_in(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    building = prepare_build(db)
    assert building == build_path(db) and _count(building) == 3
    _make_db(building, 5)
    assert _count(db) == 3  # readers see the old warehouse while the build runs
    publish_build(db)
    assert _count(db) == 5 and not building.exists()


def test_a_reader_holding_the_file_neither_blocks_nor_sees_a_half_build(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    reader = duckdb.connect(str(db), read_only=True)
    try:
        building = prepare_build(db)
        _make_db(building, 7)  # would fail with a lock error if it were the reader's file
        publish_build(db)
        assert reader.execute("select count(*) from marts.t").fetchone()[0] == 3
    finally:
        reader.close()
    assert _count(db) == 7


def test_a_killed_build_leaves_the_published_file_and_the_next_build_starts_clean(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 3)
    building = prepare_build(db)
    building.write_bytes(b"half a file from a build that was killed")
    assert _count(db) == 3
    again = prepare_build(db)  # the next build throws the debris away
    assert _count(again) == 3


def test_first_build_starts_from_nothing(tmp_path):
    db = tmp_path / "wh" / "visits.duckdb"
    building = prepare_build(db)
    assert not building.exists() and building.parent.is_dir()


def test_export_writes_every_mart_as_parquet(tmp_path):
    db = tmp_path / "visits.duckdb"
    _make_db(db, 4)
    out = tmp_path / "marts"
    files = export_marts(db, out)
    assert [f.name for f in files] == ["t.parquet"]
    assert pl.read_parquet(files[0]).height == 4
    _make_db(db, 6)
    export_marts(db, out)
    assert pl.read_parquet(out / "t.parquet").height == 6
