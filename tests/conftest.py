"""Shared fixtures: dbt parsed once, and one sample-articles warehouse for the tests that only read it.

Helpers live in tests/support/; test modules import them from there.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

# Kept for test files written before tests/support existed; new code imports tests.support.
from orchestration.headless import build_env  # noqa: F401, E402, I001
from tests.support.build import run_build
from tests.support.paths import BIN, REPO, SHARED, query, sample_articles  # noqa: F401, E402


@pytest.fixture(scope="session")
def dbt_parsed() -> Path:
    """dagster-dbt reads dbt's manifest at import; parse once per session, never at import."""
    subprocess.run(
        [str(BIN / "dbt"), "parse", "--quiet", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project"],
        cwd=REPO,
        check=True,
    )
    return REPO / "dbt_project" / "target" / "manifest.json"


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, dbt_parsed) -> dict:
    """`make build`'s command, as a subprocess, on the sample articles and one empty file.

    Built once per session for every test that only reads it (codebook and exports,
    corrections, the report): those tests must never write into it.
    """
    root = tmp_path_factory.mktemp("samples")
    raw = root / "raw"
    raw.mkdir()
    for path in sample_articles():
        shutil.copy(path, raw / path.name)
    (raw / "empty.txt").write_bytes(b"")  # quarantined, to be named in the summary
    warehouse, home = root / "warehouse", root / "dagster_home"
    result = run_build(raw, warehouse, home, in_subprocess=True)
    return {"root": root, "raw": raw, "warehouse": warehouse, "home": home,
            "db": warehouse / "visits.duckdb", "output": result.output, "report": warehouse / "report"}
