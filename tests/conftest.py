"""Shared fixtures: dbt parsed once, and one sample-articles warehouse for the tests that only read it.

Helpers live in tests/support/; test modules import them from there.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.build import run_build
from tests.support.paths import BIN, REPO, sample_articles

DBT_OUTPUT = {"target", "logs", "dbt_packages"}


def _manifest_is_fresh(manifest: Path) -> bool:
    """Newer than every file of the dbt project and the seeds: what `make dbt-parse` just wrote."""
    if not manifest.exists():
        return False
    parsed = manifest.stat().st_mtime
    for folder in (REPO / "dbt_project", REPO / "seeds"):
        for path in folder.rglob("*"):
            if not DBT_OUTPUT & set(path.relative_to(folder).parts) and path.is_file() and path.stat().st_mtime > parsed:
                return False
    return True


@pytest.fixture(scope="session")
def dbt_parsed() -> Path:
    """dagster-dbt reads dbt's manifest at import; parse once per session (unless `make test`
    has just parsed the same files), never at import."""
    manifest = REPO / "dbt_project" / "target" / "manifest.json"
    if not _manifest_is_fresh(manifest):
        subprocess.run(
            [str(BIN / "dbt"), "parse", "--quiet", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project"],
            cwd=REPO,
            check=True,
        )
    return manifest


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
