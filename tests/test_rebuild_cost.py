"""A rebuild costs what changed: dbt reuses its parse, uses every core, and a build with
nothing new leaves the published warehouse and its exports untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from orchestration.dbt_parse import parse_manifest
from orchestration.resources import WarehousePaths, dbt_project
from tests.support.build import run_build
from tests.support.paths import query, sample_articles
from visits.build_inputs import fingerprint_path
from visits.publish import current_export

pytestmark = pytest.mark.slow


def _latest_dbt_log() -> str:
    target = dbt_project.project_dir / dbt_project.target_path
    runs = sorted(target.glob("warehouse_models-*/dbt.log"), key=lambda p: p.stat().st_mtime)
    return runs[-1].read_text(errors="replace")


def _state(warehouse: Path) -> dict:
    db = warehouse / "visits.duckdb"
    st = db.stat()
    exports = {p.name: p.stat().st_mtime_ns for p in (warehouse / "exports").iterdir()}
    return {"db": (st.st_ino, st.st_mtime_ns), "marts": current_export(warehouse / "marts"), "exports": exports}


def test_dbt_parses_nothing_again_and_a_build_with_nothing_new_publishes_nothing(tmp_path):
    raw, warehouse, home = tmp_path / "raw", tmp_path / "warehouse", tmp_path / "home"
    raw.mkdir()
    for path in sample_articles():
        shutil.copy(path, raw / path.name)
    # What `make dbt-parse` does, for this warehouse.
    parse_manifest(WarehousePaths(raw_dir=str(raw), warehouse_dir=str(warehouse)))

    run_build(raw, warehouse, home)
    log = _latest_dbt_log()
    assert "Unable to do partial parsing" not in log
    assert "Partial parsing enabled" in log
    assert f"Concurrency: {os.cpu_count()} threads (target='dagster')" in log
    assert fingerprint_path(warehouse / "visits.duckdb").exists()
    before, rows = _state(warehouse), query(warehouse / "visits.duckdb", "select count(*) from marts.fact_visit")

    proc = run_build(raw, warehouse, home)
    assert "inputs unchanged since the published build" in proc.stdout + proc.stderr
    assert _state(warehouse) == before  # the same file, the same export version, the same exports
    assert query(warehouse / "visits.duckdb", "select count(*) from marts.fact_visit") == rows
    assert not (warehouse / "visits.duckdb.building").exists()
