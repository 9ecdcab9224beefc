"""Files a researcher opens without SQL, written after each published build.

`warehouse/exports/` holds a CSV per mart (UTF-8 with a BOM so Excel reads Chinese; list
columns joined with '; '), `visits.xlsx` (a sheet per mart and a codebook sheet taken from the
dbt descriptions, which persist_docs stored as DuckDB comments), `codebook.csv`, and
`articles.csv` (each loaded article's file name and clean text, for reading the sources).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl

from visits.settings import duckdb_memory_limit
from visits.xlsx import write_workbook

LIST_SEPARATOR = "; "
CODEBOOK_SHEET = "codebook"
WORKBOOK = "visits.xlsx"
ARTICLES_SQL = """
    select a.article_id, a.file_name, a.title, a.source, a.published_date, s.clean_text
    from marts.dim_article as a
    inner join staging.stg_articles as s using (article_id)
    order by a.file_name
"""
CODEBOOK_SQL = """
    select c.table_name as "table", t.comment as table_description, c.column_name as "column",
           c.data_type, c.comment as description
    from duckdb_columns() as c
    inner join duckdb_tables() as t
        on t.database_name = c.database_name and t.schema_name = c.schema_name and t.table_name = c.table_name
    where c.database_name = current_database() and c.schema_name = ?
    order by c.table_name, c.column_index
"""


def flatten_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns as one text cell each, items joined by '; ' (an empty list stays empty text)."""
    return frame.with_columns(
        pl.col(name).list.join(LIST_SEPARATOR) for name, dtype in frame.schema.items() if dtype == pl.List(pl.Utf8)
    )


def query_frame(con: duckdb.DuckDBPyConnection, sql: str, scratch: Path) -> pl.DataFrame:
    """A query's rows as polars, through Parquet (types kept exactly, and no pyarrow needed)."""
    path = scratch / ".query.parquet"
    con.execute(f"copy ({sql}) to '{path}' (format parquet)")
    try:
        return pl.read_parquet(path)
    finally:
        path.unlink()


def mart_names(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> list[str]:
    """Every table of the schema, in name order."""
    return [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where database_name = current_database() "
            "and schema_name = ? order by 1",
            [schema],
        ).fetchall()
    ]


def mart_frame(con: duckdb.DuckDBPyConnection, table: str, scratch: Path, schema: str = "marts") -> pl.DataFrame:
    """One table as a polars frame, ordered by every column so the files are the same from
    one build to the next."""
    return query_frame(con, f"select * from {schema}.{table} order by all", scratch)


def export_files(db_path: Path, out_dir: Path, schema: str = "marts") -> list[Path]:
    """Write the exports into a fresh folder and swap it in whole; returns the files written.

    One mart at a time (its CSV, then its sheet): at 100,000 articles holding every mart at
    once took the exporting process past 3 GiB."""
    staging = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    # DuckDB's sorts spill past this instead of taking 80 % of the machine (it shares the
    # build's memory with the frames below)
    con = duckdb.connect(str(db_path), read_only=True, config={"memory_limit": duckdb_memory_limit()})
    try:
        codebook = query_frame(con, CODEBOOK_SQL.replace("?", f"'{schema}'"), staging)

        def sheets() -> Iterator[tuple[str, pl.DataFrame]]:
            for table in mart_names(con, schema):
                flat = flatten_lists(mart_frame(con, table, staging, schema))
                flat.write_csv(staging / f"{table}.csv", include_bom=True)
                yield table, flat
            yield CODEBOOK_SHEET, codebook

        write_workbook(staging / WORKBOOK, sheets())
        # Every article's text: streamed from Parquet to CSV, never held whole (600 MB at 100,000).
        articles = staging / ".articles.parquet"
        con.execute(f"copy ({ARTICLES_SQL}) to '{articles}' (format parquet)")
    finally:
        con.close()
    codebook.write_csv(staging / "codebook.csv", include_bom=True)
    pl.scan_parquet(articles).sink_csv(staging / "articles.csv", include_bom=True)
    articles.unlink()

    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(out_dir.iterdir())


def exports_dir() -> Path:
    """`warehouse/exports/` (under $VISITS_WAREHOUSE_DIR)."""
    from visits.settings import warehouse_dir

    return warehouse_dir() / "exports"
