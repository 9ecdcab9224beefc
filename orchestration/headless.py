"""The contract's headless build, as the Makefile, the tests and the benchmark run it.

    dagster asset materialize -m orchestration.definitions --select '*'

with VISITS_RAW_DIR, VISITS_WAREHOUSE_DIR and DAGSTER_HOME set (the instance configured by
orchestration/dagster.yaml: the writer pool of size 1).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_command(bin_dir: Path, full_refresh: bool = False) -> list[str]:
    """The materialise-everything command; `full_refresh` rebuilds incremental dbt models."""
    cmd = [str(bin_dir / "dagster"), "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"]
    if full_refresh:
        cmd += ["--config-json", json.dumps({"ops": {"warehouse_models": {"config": {"full_refresh": True}}}})]
    return cmd


def build_env(raw_dir: Path, warehouse_dir: Path, dagster_home: Path) -> dict[str, str]:
    """The environment for a build into `warehouse_dir`, with its own Dagster instance."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    return {
        **os.environ,
        "VISITS_RAW_DIR": str(raw_dir),
        "VISITS_WAREHOUSE_DIR": str(warehouse_dir),
        "DAGSTER_HOME": str(dagster_home),
    }
