"""dbt's manifest, parsed with exactly the settings the build runs with.

    python -m orchestration.dbt_parse     # `make dbt-parse`

dagster-dbt reads `dbt_project/target/manifest.json` when the code location loads, and
copies `target/partial_parse.msgpack` into each build's own target folder. dbt reuses that
state only when the target, the `--vars` and the profile's connection settings all match
the build's; otherwise it logs `UnableToPartialParse` and parses every file again.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys

from dagster_dbt.dbt_project import using_dagster_dev

from orchestration.resources import (
    DBT_TARGET,
    WarehousePaths,
    dbt_executable,
    dbt_project,
    dbt_vars,
    paths_from_env,
)


def parse_command(paths: WarehousePaths) -> list[str]:
    """`dbt parse` for the warehouse at `paths`, as the build will see the project."""
    project = str(dbt_project.project_dir)
    return [
        dbt_executable(), "--no-use-colors", "parse", "--quiet",
        "--project-dir", project, "--profiles-dir", str(dbt_project.profiles_dir),
        "--target", DBT_TARGET, *dbt_vars(paths),
    ]  # fmt: skip


def parse_manifest(paths: WarehousePaths) -> None:
    """Write target/manifest.json and partial_parse.msgpack; one parse at a time (a code
    server and a run worker of `dagster dev` may load the code location together)."""
    target = dbt_project.project_dir / dbt_project.target_path
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".parse.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(parse_command(paths), cwd=dbt_project.project_dir, check=True)


def prepare_if_dev() -> None:
    """Under `dagster dev` the manifest follows edits to the models: parse on load.
    (DbtProject.prepare_if_dev would run whatever `dbt` is on PATH, without our vars.)"""
    if using_dagster_dev():
        parse_manifest(paths_from_env())


def main() -> int:
    try:
        parse_manifest(paths_from_env())
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
