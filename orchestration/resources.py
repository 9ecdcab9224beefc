"""The dbt project and CLI resource, pointed at the configured warehouse."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from visits.settings import DBT_PROJECT_DIR, warehouse_dir

# Only pools with this name are limited to one slot by dagster.yaml's default_limit.
WRITER_POOL = "warehouse_writer"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# Parses only under `dagster dev`; headless runs and tests run `dbt parse` first (Makefile).
dbt_project.prepare_if_dev()


def export_warehouse_env(duckdb_file: str) -> None:
    """dbt's profile and sources read these; give them the absolute warehouse path and
    the file dbt should write (the build copy, not the published warehouse)."""
    os.environ["VISITS_WAREHOUSE_DIR"] = str(warehouse_dir())
    os.environ["VISITS_DUCKDB_FILE"] = duckdb_file


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's .venv), even when not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(
        project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=dbt_executable()
    )
