"""What is current after a code change is reverted: the marts serve the batch the running code
made, with nothing reprocessed, and `make build-full` agrees with the incremental build.

Real headless builds (the contract's command) of a copy of the code, so the test can edit a
cleaning module and revert it without touching the repository the suite runs from.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from orchestration.headless import build_command, build_env

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CODE = ("visits", "orchestration", "evaluation", "dbt_project", "seeds")
# Columns that differ between two builds of the same rows.
BUILD_TIMES = {"first_seen_at", "last_seen_at", "updated_at"}


def _copy_code(dest: Path) -> Path:
    for part in CODE:
        shutil.copytree(
            REPO / part, dest / part, ignore=shutil.ignore_patterns("__pycache__", "target", "logs", ".user.yml")
        )
    return dest


class Builds:
    """Headless builds of the code in `code` (first on PYTHONPATH) into one warehouse."""

    def __init__(self, code: Path, root: Path) -> None:
        self.code, self.raw, self.warehouse = code, root / "raw", root / "warehouse"
        self.raw.mkdir()
        for path in sorted((REPO / "raw").glob("*.txt")):
            shutil.copy(path, self.raw / path.name)
        self.env = {**build_env(self.raw, self.warehouse, root / "home"), "PYTHONPATH": str(code)}
        dbt = [str(BIN / "dbt"), "parse", "--quiet", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project"]
        subprocess.run(dbt, cwd=code, env=self.env, check=True)

    def build(self, full_refresh: bool = False) -> None:
        subprocess.run([str(BIN / "python"), "-m", "orchestration.recovery"], cwd=self.code, env=self.env, check=True)
        proc = subprocess.run(
            build_command(BIN, full_refresh), cwd=self.code, env=self.env, capture_output=True, text=True, timeout=900
        )
        assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]

    def tables(self) -> dict[str, list]:
        """Every staging, intermediate and mart table's rows, build times left out."""
        con = duckdb.connect(str(self.warehouse / "visits.duckdb"), read_only=True)
        try:
            names = con.execute(
                "select schema_name, table_name from duckdb_tables()"
                " where schema_name in ('staging', 'intermediate', 'marts') order by 1, 2"
            ).fetchall()
            out = {}
            for schema, table in names:
                cols = [c for (c,) in con.execute(
                    "select column_name from duckdb_columns() where schema_name = ? and table_name = ?"
                    " order by column_index", [schema, table]).fetchall() if c not in BUILD_TIMES]
                rows = con.execute(f'select {", ".join(cols)} from {schema}.{table}').fetchall()
                out[f"{schema}.{table}"] = sorted(map(repr, rows))
            return out
        finally:
            con.close()

    def served_batches(self) -> set[tuple[str, str, str]]:
        """(content, cleaning batch, cleaning version) of every article the warehouse serves."""
        con = duckdb.connect(str(self.warehouse / "visits.duckdb"), read_only=True)
        try:
            return set(con.execute(
                "select content_sha256, batch_id, clean_version from staging.stg_cleaned_articles"
            ).fetchall())
        finally:
            con.close()

    def clean_version(self) -> str:
        code = "from visits.ledger.versions import clean_version; print(clean_version())"
        out = subprocess.run([str(BIN / "python"), "-c", code], cwd=self.code, env=self.env,
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def cleaning_batches(self) -> int:
        folder = self.warehouse / "staging" / "articles"
        return len([p for p in folder.glob("*.parquet") if not p.name.startswith("_")])

    def pointer(self) -> pl.DataFrame:
        return pl.read_parquet(self.warehouse / "staging" / "current" / "current.parquet")


def test_a_reverted_cleaning_change_serves_the_current_codes_batch(tmp_path):
    builds = Builds(_copy_code(tmp_path / "code"), tmp_path)
    builds.build()
    original_version = builds.clean_version()
    first, first_served = builds.tables(), builds.served_batches()
    assert {v for _, _, v in first_served} == {original_version} and len(first_served) == 5

    module = builds.code / "visits" / "clean" / "simplify.py"
    original = module.read_bytes()
    module.write_bytes(original + b"\n# a comment: new code version, same behaviour\n")
    edited_version = builds.clean_version()
    assert edited_version != original_version
    builds.build()
    assert {v for _, _, v in builds.served_batches()} == {edited_version}
    assert builds.cleaning_batches() == 2

    module.write_bytes(original)  # the revert
    assert builds.clean_version() == original_version
    builds.build()
    # The warehouse serves the running code's batches again: the very rows of the first build,
    # read from the batches that code wrote then (nothing was cleaned a third time).
    assert builds.served_batches() == first_served
    assert builds.cleaning_batches() == 2
    assert set(builds.pointer()["clean_version"]) == {original_version}
    incremental = builds.tables()
    assert incremental == first

    builds.build(full_refresh=True)
    assert builds.tables() == incremental
