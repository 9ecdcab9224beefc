"""`dagster dev` started from a bare environment: no activated venv, the venv not on PATH.

    env -i PATH=/usr/bin:/bin HOME=$HOME .venv/bin/dagster dev -m orchestration.definitions

The code location must load (its dbt parse finds the dbt beside the interpreter) and the
GraphQL API list every mart. The paths go to temporary dirs, so no build touches the repo.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.contract import CONTRACT
from tests.support.dagster_dev import DagsterDev, _stop, _wait_until_ready, free_port, graphql
from tests.support.paths import BIN, REPO

ASSET_KEYS = "{ assetNodes { assetKey { path } } }"


def bare_env(root: Path) -> dict[str, str]:
    """`env -i PATH=/usr/bin:/bin HOME=$HOME`, plus where this test's warehouse lives."""
    home = root / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", str(root)),
        "VISITS_RAW_DIR": str(root / "raw"),
        "VISITS_WAREHOUSE_DIR": str(root / "warehouse"),
        "DAGSTER_HOME": str(home),
    }


def test_dagster_dev_loads_without_the_venv_on_path_and_lists_the_marts(tmp_path):
    env = bare_env(tmp_path)
    (tmp_path / "raw").mkdir()  # empty: a sensor tick finds nothing to build
    assert shutil.which("dbt", path=env["PATH"]) is None  # the case: no dbt on PATH
    port = free_port()
    log = tmp_path / "dagster_dev.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(BIN / "dagster"), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    dev = DagsterDev(f"http://127.0.0.1:{port}", tmp_path / "raw", tmp_path / "warehouse",
                     tmp_path / "dagster_home", log, proc)  # fmt: skip
    try:
        _wait_until_ready(dev, timeout=240)
        nodes = graphql(dev.url, ASSET_KEYS)["assetNodes"]
    finally:
        _stop(proc)
    keys = {"/".join(n["assetKey"]["path"]) for n in nodes}
    marts = {table.replace(".", "/") for table in CONTRACT if table.startswith("marts.")}
    assert marts <= keys, sorted(marts - keys)
    assert "not found on PATH" not in log.read_text(errors="replace")
