"""Shared fixtures: dbt parsed once, and one sample-articles warehouse for the tests that only read it.

Helpers live in tests/support/; test modules import them from there.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.build import measured_build, run_build
from tests.support.paths import BIN, REPO, sample_articles

# The generated corpus the report and the robustness score share (bench/generate.py).
GENERATED = int(os.environ.get("VISITS_REPORT_CORPUS", "2000"))

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
    manifest.parent.mkdir(parents=True, exist_ok=True)
    # parallel workers share target/: one parses, the others wait for it and find it fresh
    with open(manifest.parent / ".parse.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
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


@pytest.fixture(scope="session")
def generated_warehouse(tmp_path_factory, dbt_parsed) -> dict:
    """One build of a generated corpus (mixed scripts and levels), shared by the tests that
    only read it: the report on many visits, and the score against the generator's gold."""
    root = tmp_path_factory.mktemp("generated")
    corpus = root / "corpus"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), "--n", str(GENERATED), "--seed", "13",
         "--out", str(corpus)],
        check=True, capture_output=True,
    )  # fmt: skip
    warehouse = root / "warehouse"
    run_build(corpus / "raw", warehouse, root / "home")
    return {"n": GENERATED, "corpus": corpus, "warehouse": warehouse, "db": warehouse / "visits.duckdb"}


@pytest.fixture(scope="session")
def two_sample_build(tmp_path_factory, dbt_parsed) -> dict:
    """The contract's command, measured, on the first two sample articles in a fresh warehouse.

    Modules that start from that state take a copy (tests.support.build.copy_build) and change
    only their copy: the bad-raw test (whose memory baseline this build is) and the faults.
    """
    root = tmp_path_factory.mktemp("two_samples")
    raw = root / "raw"
    raw.mkdir()
    for path in sample_articles()[:2]:
        shutil.copy(path, raw / path.name)
    rss = measured_build(raw, root / "warehouse", root / "home")
    return {"raw": raw, "warehouse": root / "warehouse", "home": root / "home", "rss": rss}
