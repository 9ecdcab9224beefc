"""The warehouse paths are a resource: assets and checks run in process, on paths given to
them, with no VISITS_* variable set and none written."""

from __future__ import annotations

import os
import shutil

import dagster as dg

from orchestration.assets.ingest import raw_files
from orchestration.assets.staging import cleaned_articles
from orchestration.checks import every_loaded_article_cleaned
from orchestration.resources import WarehousePaths, warehouse_paths
from tests.support.paths import sample_articles


def test_ingest_clean_and_their_check_run_on_the_paths_they_are_given(tmp_path, monkeypatch):
    for var in ("VISITS_RAW_DIR", "VISITS_WAREHOUSE_DIR", "VISITS_DUCKDB_FILE"):
        monkeypatch.delenv(var, raising=False)
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sample_articles():
        shutil.copy(path, raw / path.name)
    paths = WarehousePaths(raw_dir=str(raw), warehouse_dir=str(tmp_path / "warehouse"))
    result = dg.materialize(
        [raw_files, cleaned_articles, every_loaded_article_cleaned],
        resources={"warehouse": paths},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    cleaned = result.asset_materializations_for_node("staging__cleaned_articles")[0].metadata
    assert cleaned["contents_total"].value == len(sample_articles())
    (check,) = result.get_asset_check_evaluations()
    assert check.passed and check.metadata["present_contents"].value == len(sample_articles())
    assert (paths.staging / "files" / "manifest.parquet").exists()
    assert not [v for v in os.environ if v.startswith("VISITS_")]


def test_the_code_location_reads_the_contract_variables_at_run_time(monkeypatch, tmp_path):
    monkeypatch.setenv("VISITS_WAREHOUSE_DIR", str(tmp_path))
    monkeypatch.delenv("VISITS_RAW_DIR", raising=False)
    configured = warehouse_paths()
    assert isinstance(configured.warehouse_dir, dg.EnvVar)  # shown as an env var in the UI
    assert configured.raw_dir == ""  # unset at load: read when a run starts
    assert configured.raw == WarehousePaths(raw_dir="raw").raw  # the contract's default
    resolved = WarehousePaths(raw_dir="raw", warehouse_dir=configured.warehouse_dir.get_value())
    assert resolved.duckdb_file == tmp_path / "visits.duckdb" and resolved.staging == tmp_path / "staging"


def test_paths_loaded_before_the_variables_are_set_follow_them(monkeypatch, tmp_path):
    """A process that loads the definitions first and sets the variables later (a test
    worker, a notebook) still builds where the variables say, not in the repository."""
    for var in ("VISITS_RAW_DIR", "VISITS_WAREHOUSE_DIR"):
        monkeypatch.delenv(var, raising=False)
    configured = warehouse_paths()
    monkeypatch.setenv("VISITS_WAREHOUSE_DIR", str(tmp_path / "wh"))
    monkeypatch.setenv("VISITS_RAW_DIR", str(tmp_path / "in"))
    assert configured.warehouse == tmp_path / "wh" and configured.raw == tmp_path / "in"
