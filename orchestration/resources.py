"""The resources assets and checks are given: the warehouse's paths and the dbt CLI.

Paths come from VISITS_RAW_DIR / VISITS_WAREHOUSE_DIR as `dg.EnvVar`s, read when a run
starts, never written back into the process environment: dbt is told the warehouse
directory on its command line (`--vars`), in the same words its manifest was parsed with.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from functools import cached_property
from importlib.metadata import version as installed_version
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject
from packaging.version import Version

from visits.settings import DBT_PROJECT_DIR, REPO_ROOT

# Only pools with this name are limited to one slot by dagster.yaml's default_limit.
WRITER_POOL = "warehouse_writer"

# profiles.yml's target for orchestrated builds: dbt writes the build copy beside the
# published file; `dev`, the default, is for dbt run by hand (it writes visits.duckdb).
DBT_TARGET = "dagster"


def _absolute(value: str) -> Path:
    """A configured path; relative ones are relative to the repository, as in the contract."""
    path = Path(value)
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


class WarehousePaths(dg.ConfigurableResource):
    """Where a build reads raw articles and writes the warehouse (`../shared/CONTRACT.md`)."""

    # "" (not configured): the variable as the run finds it, else the contract's default. A
    # process that imports the definitions before it sets the variables still builds there.
    raw_dir: str = ""
    warehouse_dir: str = ""

    @property
    def raw(self) -> Path:
        return _absolute(self.raw_dir or os.environ.get("VISITS_RAW_DIR") or "raw")

    @property
    def warehouse(self) -> Path:
        return _absolute(self.warehouse_dir or os.environ.get("VISITS_WAREHOUSE_DIR") or "warehouse")

    @property
    def staging(self) -> Path:
        return self.warehouse / "staging"

    @property
    def duckdb_file(self) -> Path:
        return self.warehouse / "visits.duckdb"

    @property
    def marts_dir(self) -> Path:
        """The Parquet export of the marts (a symlink to its current version)."""
        return self.warehouse / "marts"

    @property
    def exports_dir(self) -> Path:
        """CSV and Excel exports."""
        return self.warehouse / "exports"

    @property
    def report_dir(self) -> Path:
        return self.warehouse / "report"


def _env_or_unset(var: str) -> str | dg.EnvVar:
    """The variable as a `dg.EnvVar` (shown in the UI, read at run time) when it is set at
    load; else "" (a `dg.EnvVar` of an unset variable is an error), read at run time too."""
    return dg.EnvVar(var) if os.environ.get(var) else ""


def warehouse_paths() -> WarehousePaths:
    """The resource as the code location configures it."""
    return WarehousePaths(raw_dir=_env_or_unset("VISITS_RAW_DIR"), warehouse_dir=_env_or_unset("VISITS_WAREHOUSE_DIR"))


def paths_from_env() -> WarehousePaths:
    """The same paths, resolved now (for code that runs outside a Dagster run)."""
    return WarehousePaths(
        raw_dir=os.environ.get("VISITS_RAW_DIR") or "raw",
        warehouse_dir=os.environ.get("VISITS_WAREHOUSE_DIR") or "warehouse",
    )


def dbt_vars(paths: WarehousePaths) -> list[str]:
    """dbt's `--vars` for a warehouse. Parse and build must pass exactly these: dbt hashes
    them, and any difference throws the partial-parse state away."""
    return ["--vars", json.dumps({"warehouse_dir": str(paths.warehouse)}, sort_keys=True)]


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's .venv), even when not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target=DBT_TARGET)


class VisitsDbtCli(DbtCliResource):
    """dagster-dbt's dbt CLI without two costs per build that buy this project nothing.

    Before each `dbt build`, DbtCliResource runs `dbt --version` in a subprocess (3 s of CPU)
    and loads the profile, project and adapter in this process (about 1.6 s of CPU more),
    the adapter only for `fetch_row_counts()` / `fetch_column_metadata()`, which we never
    call: row counts and schemas come from the published file (orchestration/metadata.py).
    """

    @cached_property
    def _cli_version(self) -> Version:
        # The dbt beside this Python is the dbt-core installed with it: same version.
        if Path(self.dbt_executable) == Path(sys.executable).parent / "dbt":
            return Version(installed_version("dbt-core"))
        return super()._cli_version

    def _initialize_dbt_core_adapter(self, args: object) -> None:  # type: ignore[override]
        return None  # DbtCliInvocation then has no adapter, which only the fetch_* methods use


def dbt_resource() -> DbtCliResource:
    return VisitsDbtCli(project_dir=dbt_project, dbt_executable=dbt_executable())
