"""Where things live. Every path comes from the environment, with the contract's defaults."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


def _dir_from_env(var: str, default: str) -> Path:
    value = os.environ.get(var) or default
    path = Path(value)
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


DEFAULT_DUCKDB_MEMORY = "1536MB"


def duckdb_memory_limit() -> str:
    """DuckDB's memory_limit for the export (dbt's profile reads the same variable).

    DuckDB takes 80 % of the machine by default; past the limit it spills to disk. 1536MB held
    100,000 articles with about a 2x margin, so larger corpora may need more."""
    return os.environ.get("VISITS_DUCKDB_MEMORY") or DEFAULT_DUCKDB_MEMORY


def raw_dir() -> Path:
    return _dir_from_env("VISITS_RAW_DIR", "raw")


def warehouse_dir() -> Path:
    return _dir_from_env("VISITS_WAREHOUSE_DIR", "warehouse")


def staging_dir() -> Path:
    return warehouse_dir() / "staging"


def duckdb_path() -> Path:
    return warehouse_dir() / "visits.duckdb"


def marts_export_dir() -> Path:
    return warehouse_dir() / "marts"
