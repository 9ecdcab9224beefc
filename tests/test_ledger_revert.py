"""What is current after a code change is reverted: the marts serve the batch the running code
made, with nothing reprocessed, and `make build-full` agrees with the incremental build.

Real builds (the all-assets job, in this process as tests/support/build.py runs it), from a
copy of the session's sample build (the contract's command, by the unedited code). The
stage versions hash a copy of the code they declare (`versions.REPO_ROOT` pointed at it, as
in test_ledger_versions), so the test can edit a cleaning module and revert it without
touching the repository the suite runs from; the edit is a comment, so the code that runs
is the same and only its version changes, as it would after a real edit and revert.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.support.build import copy_build, run_build
from visits.ledger import versions

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
CODE = ("visits", "seeds")  # what the stage versions hash (versions.CLEAN_INPUTS, EXTRACT_INPUTS)
# Columns that differ between two builds of the same rows.
BUILD_TIMES = {"first_seen_at", "last_seen_at", "updated_at"}


def _copy_code(dest: Path) -> Path:
    for part in CODE:
        shutil.copytree(REPO / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


class Builds:
    """Builds of the sample articles into one warehouse, versioned by the code in `code`. The
    first is the session's sample build (by the unedited code), copied: the test's to change."""

    def __init__(self, code: Path, first_build: dict, root: Path) -> None:
        self.code = code
        copied = copy_build(first_build, root)
        self.raw, self.warehouse, self.home = copied["raw"], copied["warehouse"], copied["home"]

    def build(self, full_refresh: bool = False) -> None:
        run_build(self.raw, self.warehouse, self.home, full_refresh=full_refresh)

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
        return versions.clean_version()

    def cleaning_batches(self) -> int:
        folder = self.warehouse / "staging" / "articles"
        return len([p for p in folder.glob("*.parquet") if not p.name.startswith("_")])

    def pointer(self) -> pl.DataFrame:
        return pl.read_parquet(self.warehouse / "staging" / "current" / "current.parquet")


def test_a_reverted_cleaning_change_serves_the_current_codes_batch(sample_warehouse, tmp_path, monkeypatch):
    code = _copy_code(tmp_path / "code")
    monkeypatch.setattr(versions, "REPO_ROOT", code)
    builds = Builds(code, sample_warehouse, tmp_path / "build")
    original_version = builds.clean_version()
    first, first_served = builds.tables(), builds.served_batches()
    files = len(list(builds.raw.iterdir()))  # the samples and the session build's empty file
    assert {v for _, _, v in first_served} == {original_version} and len(first_served) == files

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
