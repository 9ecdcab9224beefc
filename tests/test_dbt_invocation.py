"""The dbt command the warehouse asset runs, and the parse that prepares it (no dbt run here)."""

import inspect
import json
import os

import duckdb
import pytest

from orchestration.assets.dbt import dbt_build_args
from orchestration.dbt_parse import parse_command
from orchestration.resources import DBT_TARGET, WarehousePaths, dbt_project, dbt_resource
from visits.exports import export_files
from visits.settings import DEFAULT_DUCKDB_MEMORY, REPO_ROOT


def _vars(args: list[str]) -> dict:
    return json.loads(args[args.index("--vars") + 1])


def test_a_plain_build_uses_every_core_and_names_the_warehouse(tmp_path):
    args = dbt_build_args(WarehousePaths(warehouse_dir=str(tmp_path)))
    assert args[0] == "build" and "--full-refresh" not in args
    assert args[args.index("--threads") + 1] == str(os.cpu_count())
    assert _vars(args) == {"warehouse_dir": str(tmp_path)}


def test_full_refresh_and_an_explicit_thread_count():
    args = dbt_build_args(WarehousePaths(), full_refresh=True, threads=3)
    assert args[-1] == "--full-refresh"
    assert args[args.index("--threads") + 1] == "3"


def test_a_relative_warehouse_is_given_to_dbt_absolute_from_the_repository():
    """dbt runs in dbt_project/: a relative path would land beside the models."""
    args = dbt_build_args(WarehousePaths(warehouse_dir="some/where"))
    assert _vars(args) == {"warehouse_dir": str(REPO_ROOT / "some" / "where")}


def test_the_parse_and_the_build_agree_on_what_dbt_hashes(tmp_path):
    """dbt keeps its partial-parse state only when target and --vars are the same."""
    paths = WarehousePaths(warehouse_dir=str(tmp_path))
    parse, build = parse_command(paths), dbt_build_args(paths)
    assert parse[parse.index("--vars") + 1] == build[build.index("--vars") + 1]
    assert parse[parse.index("--target") + 1] == DBT_TARGET == dbt_project.target
    assert dbt_resource().target == DBT_TARGET  # dagster-dbt adds `--target` to every command


def test_the_dbt_executable_is_the_one_beside_this_python():
    import sys
    from pathlib import Path

    assert Path(dbt_resource().dbt_executable) == Path(sys.executable).parent / "dbt"
    assert parse_command(WarehousePaths())[0] == dbt_resource().dbt_executable


def test_duckdb_memory_limit_is_one_setting_for_dbt_and_the_export(tmp_path, monkeypatch):
    profile = (REPO_ROOT / "dbt_project" / "profiles.yml").read_text()
    assert f"env_var('VISITS_DUCKDB_MEMORY', '{DEFAULT_DUCKDB_MEMORY}')" in profile
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    monkeypatch.setenv("VISITS_DUCKDB_MEMORY", "not a size")
    with pytest.raises(duckdb.Error, match="Memory must have a number"):  # the export's connection got it
        export_files(db, tmp_path / "exports")


def test_the_dbt_version_is_the_one_dbt_itself_reports_without_a_subprocess_per_build():
    """VisitsDbtCli reads the installed dbt-core's version; dagster-dbt runs `dbt --version`."""
    from dagster_dbt import DbtCliResource

    ours = dbt_resource()
    theirs = DbtCliResource(project_dir=dbt_project, dbt_executable=ours.dbt_executable)
    assert ours._cli_version == theirs._cli_version  # theirs runs `dbt --version`


def test_the_build_loads_no_dbt_adapter_in_this_process():
    """The adapter serves only fetch_row_counts()/fetch_column_metadata(), which no asset calls."""
    from orchestration.assets import dbt as dbt_asset

    source = (REPO_ROOT / "orchestration" / "assets" / "dbt.py").read_text()
    assert "fetch_row_counts" not in source and "fetch_column_metadata" not in source
    assert dbt_asset.model_metadata  # row counts and schemas come from the published file
    assert dbt_resource()._initialize_dbt_core_adapter(["--vars", "{}"]) is None
    # and the overridden method is still the one dagster-dbt's cli() calls
    from dagster_dbt import DbtCliResource

    assert "self._initialize_dbt_core_adapter(" in inspect.getsource(DbtCliResource.cli)
