"""A real build of the samples, then what a researcher opens: the codebook, the exports, the
Dagster metadata and the build summary (issue 11)."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import polars as pl
import pytest
from openpyxl import load_workbook

from orchestration.headless import build_env
from tests.support.contract import CONTRACT, CONTRACT_VALUES
from tests.support.paths import BIN, REPO, query

pytestmark = pytest.mark.slow

MARTS = (
    "bridge_visit_article", "bridge_visit_official", "dim_admin_division", "dim_article", "dim_official",
    "dim_province", "dim_province_pair", "dim_title", "fact_visit",
)


@pytest.fixture(scope="module")
def built(sample_warehouse) -> dict:
    """The session's sample build (the samples and one empty file); only read here."""
    return sample_warehouse


def _marts(db: Path, table: str) -> tuple[list[str], list[tuple]]:
    columns = [r[0] for r in query(db, f"select column_name from duckdb_columns() where schema_name = 'marts' "
                                       f"and table_name = '{table}' order by column_index")]
    return columns, query(db, f"select * from marts.{table} order by all")


def _as_text(value: object) -> str | None:
    """A mart value as the exports write it: lists '; '-joined, booleans lower case."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime):
        return value  # compared as a time: polars writes +0000 where isoformat writes +00:00
    return str(value)


def test_every_mart_column_has_a_comment(built):
    missing = query(built["db"], "select table_name, column_name from duckdb_columns() "
                                 "where schema_name = 'marts' and comment is null")
    assert missing == []
    tables = query(built["db"], "select table_name from duckdb_tables() where schema_name = 'marts' and comment is null")
    assert tables == []


def test_every_contract_table_is_contract_enforced():
    manifest = json.loads((REPO / "dbt_project" / "target" / "manifest.json").read_text())
    models = {n["schema"] + "." + n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for table in CONTRACT:
        node = models[table]
        assert node["config"]["contract"]["enforced"], table
        assert all(c.get("data_type") for c in node["columns"].values()), table


def test_coded_columns_hold_contract_values_and_every_sample_visit_is_placed(built):
    for (table, column), allowed in CONTRACT_VALUES.items():
        found = {r[0] for r in query(built["db"], f"select distinct {column} from {table}")}
        assert found <= allowed, (column, found)
    rows = query(built["db"], "select visiting_unit_code, host_unit_code, visiting_level, host_level from marts.fact_visit")
    assert rows and all(all(v is not None for v in r) for r in rows)
    assert query(built["db"], "select host_level, count(*) from marts.fact_visit group by 1")
    (pinyin,) = query(built["db"], "select name_pinyin from marts.dim_official where name = '胡和平'")[0]
    assert pinyin == "Hu Heping"
    (name_en,) = query(built["db"], "select name_en from marts.dim_province where name = '陕西省'")[0]
    assert name_en == "Shaanxi"
    reports = query(built["db"], "select count(*) from marts.fact_visit, unnest(article_ids)")[0][0]
    assert query(built["db"], "select count(*) from marts.bridge_visit_article")[0][0] == reports


def test_csv_exports_round_trip_row_for_row(built):
    exports = built["warehouse"] / "exports"
    for table in MARTS:
        path = exports / f"{table}.csv"
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), f"{table}.csv has no BOM"
        columns, rows = _marts(built["db"], table)
        frame = pl.read_csv(path, infer_schema=False)
        assert frame.columns == columns
        expected = [tuple(_as_text(v) for v in row) for row in rows]
        # polars reads an empty field as NULL, whatever it was written from
        found = [
            tuple(datetime.fromisoformat(v) if isinstance(e, datetime) and v else (v if v != "" else None)
                  for v, e in zip(row, exp, strict=True))
            for row, exp in zip(frame.iter_rows(), expected, strict=True)
        ]
        expected = [tuple(v if v != "" else None for v in row) for row in expected]
        assert found == expected, table


def test_workbook_has_a_sheet_per_mart_and_a_codebook(built):
    book = load_workbook(built["warehouse"] / "exports" / "visits.xlsx", read_only=True)
    assert sorted(book.sheetnames) == sorted([*MARTS, "codebook"])
    for table in MARTS:
        columns, rows = _marts(built["db"], table)
        # a row read back ends at its last non-empty cell: pad it to the header's width
        sheet = [tuple(r) + (None,) * (len(columns) - len(r)) for r in book[table].iter_rows(values_only=True)]
        assert list(sheet[0]) == columns
        def cell(v: object) -> object:
            if isinstance(v, list):
                return "; ".join(v)
            if isinstance(v, datetime) and v.tzinfo is not None:
                return v.isoformat()
            return v
        expected = [tuple(cell(v) for v in row) for row in rows]
        # Excel keeps a DATE as a datetime at midnight
        found = [tuple(v.date() if isinstance(v, datetime) and isinstance(e, date) and not isinstance(e, datetime)
                       else v for v, e in zip(row, exp, strict=True))
                 for row, exp in zip(sheet[1:], expected, strict=True)]
        assert found == [tuple(None if e == "" else e for e in row) for row in expected], table
    codebook = list(book["codebook"].iter_rows(values_only=True))
    header, entries = codebook[0], codebook[1:]
    assert header == ("table", "table_description", "column", "data_type", "description")
    described = {(r[0], r[2]) for r in entries if r[4]}
    for table in MARTS:
        assert {(table, c) for c in _marts(built["db"], table)[0]} <= described


def test_articles_csv_holds_each_loaded_articles_text_and_file(built):
    frame = pl.read_csv(built["warehouse"] / "exports" / "articles.csv", infer_schema=False)
    expected = query(built["db"], "select a.file_name, s.clean_text from marts.dim_article as a "
                                  "join staging.stg_articles as s using (article_id) order by 1")
    assert [(r["file_name"], r["clean_text"]) for r in frame.sort("file_name").iter_rows(named=True)] == expected
    assert "empty.txt" not in frame["file_name"].to_list()


def test_every_mart_materialisation_carries_row_count_and_column_schema(built):
    instance = dg.DagsterInstance.from_config(str(built["home"]))
    try:
        for table in MARTS:
            event = instance.get_latest_materialization_event(dg.AssetKey(["marts", table]))
            assert event is not None, table
            metadata = event.asset_materialization.metadata
            (count,) = query(built["db"], f"select count(*) from marts.{table}")[0]
            assert metadata["dagster/row_count"].value == count, table
            schema = metadata["dagster/column_schema"].value
            assert [c.name for c in schema.columns] == _marts(built["db"], table)[0]
            assert all(c.type and c.description for c in schema.columns), table
        fact = instance.get_latest_materialization_event(dg.AssetKey(["marts", "fact_visit"]))
        preview = fact.asset_materialization.metadata["preview"].value
        assert preview.startswith("| visit_id |") and preview.count("\n") >= 2
    finally:
        instance.dispose()


def test_build_prints_info_and_a_summary_naming_each_quarantined_file(built):
    console = built["output"]
    assert " - DEBUG - " not in console
    env = build_env(built["raw"], built["warehouse"], built["home"])
    out = subprocess.run([str(BIN / "python"), "-m", "orchestration.summary"], cwd=REPO, env=env,
                         capture_output=True, text=True, check=True).stdout
    (visits,) = query(built["db"], "select count(*) from marts.fact_visit")[0]
    assert "files seen:             6" in out
    assert "loaded:                 5" in out
    assert "quarantined:            1" in out and "empty.txt: empty file" in out
    assert f"visits:                 {visits}" in out
    assert "articles with no visit: 0" in out
