"""Dagster metadata for the dbt models, read from the published warehouse after a build.

dagster-dbt's fetch_row_counts() queries the file dbt is writing while the build runs; here dbt
writes a copy that is renamed into place only when the build succeeds, so the counts and
schemas are read once, from the published file, and attached to each model's materialisation.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

PREVIEW_TABLE = ("marts", "fact_visit")
PREVIEW_ROWS = 10
PREVIEW_COLUMNS = (
    "visit_id", "visiting_unit", "host_unit", "start_date", "start_md", "date_precision",
    "visiting_level", "host_level", "programme", "leader_names", "report_count",
)
SCHEMAS = ("staging", "intermediate", "marts", "reference", "corrections")


def _markdown_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_preview(con: duckdb.DuckDBPyConnection, schema: str, table: str, columns: tuple[str, ...]) -> str:
    """The first rows of a table (by its id, so the preview is stable) as a Markdown table."""
    cols = ", ".join(columns)
    rows = con.execute(f"select {cols} from {schema}.{table} order by 1 limit {PREVIEW_ROWS}").fetchall()
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(_markdown_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def model_metadata(db_path: Path) -> dict[dg.AssetKey, dict[str, object]]:
    """Row count and typed, described column schema of every dbt table, keyed as the assets are."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        columns = con.execute(
            "select schema_name, table_name, column_name, data_type, comment from duckdb_columns() "
            "where database_name = current_database() and schema_name in ? order by schema_name, table_name, column_index",
            [list(SCHEMAS)],
        ).fetchall()
        out: dict[dg.AssetKey, dict[str, object]] = {}
        by_table: dict[tuple[str, str], list[dg.TableColumn]] = {}
        for schema, table, name, data_type, comment in columns:
            by_table.setdefault((schema, table), []).append(
                dg.TableColumn(name=name, type=data_type, description=comment)
            )
        for (schema, table), cols in by_table.items():
            (count,) = con.execute(f"select count(*) from {schema}.{table}").fetchone()  # type: ignore[misc]
            out[dg.AssetKey([schema, table])] = {
                "dagster/row_count": dg.MetadataValue.int(int(count)),
                "dagster/column_schema": dg.TableSchema(columns=cols),
            }
        key = dg.AssetKey(list(PREVIEW_TABLE))
        if key in out:
            out[key]["preview"] = dg.MetadataValue.md(markdown_preview(con, *PREVIEW_TABLE, PREVIEW_COLUMNS))
        return out
    finally:
        con.close()
