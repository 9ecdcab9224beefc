"""Shared fixtures: dbt parsed once, and real headless builds into temporary warehouses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.headless import build_command, build_env

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def dbt_parsed() -> Path:
    """dagster-dbt reads dbt's manifest at import; parse once per session, never at import."""
    subprocess.run(
        [str(BIN / "dbt"), "parse", "--quiet", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project"],
        cwd=REPO,
        check=True,
    )
    return REPO / "dbt_project" / "target" / "manifest.json"


def run_build(
    raw_dir: Path, warehouse_dir: Path, dagster_home: Path, full_refresh: bool = False
) -> subprocess.CompletedProcess:
    """What `make build` runs, for real, in a subprocess: recovery, then the contract's command."""
    env = build_env(raw_dir, warehouse_dir, dagster_home)
    subprocess.run([str(BIN / "python"), "-m", "orchestration.recovery"], cwd=REPO, env=env, check=True)
    proc = subprocess.run(
        build_command(BIN, full_refresh), cwd=REPO, env=env, capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return proc


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Read the warehouse the way users are told to: read-only and briefly."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def sample_articles() -> list[Path]:
    return sorted((REPO / "raw").glob("*.txt"))
