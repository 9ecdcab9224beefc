"""The one helper that runs a build: what `make build` runs, into temporary directories.

By default the build runs in this process: the real definitions (`orchestration.definitions`),
the job `dagster asset materialize --select '*'` runs, on a real instance in `dagster_home`,
with the paths set as the contract's environment variables for the length of the build.
That saves the seconds of CPU a fresh interpreter spends importing Dagster, dagster-dbt and
the manifest, on every build. `in_subprocess=True` runs the contract's command itself, for the
tests that kill a build or read what it prints. Dead runs are reaped in process either way,
as `python -m orchestration.recovery` would.

How the build is configured changes in one place: here.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from orchestration.dbt_targets import spared
from orchestration.headless import build_command, build_env
from orchestration.recovery import reap_dead_runs
from orchestration.resources import dbt_project
from tests.support.paths import BIN, REPO
from visits.publish import current_export

# What a build reads from the environment (and what dbt's profile is handed during one).
BUILD_VARS = ("VISITS_RAW_DIR", "VISITS_WAREHOUSE_DIR", "DAGSTER_HOME", "VISITS_DUCKDB_FILE")
FULL_REFRESH = {"ops": {"warehouse_models": {"config": {"full_refresh": True}}}}


@dataclass
class BuildResult:
    run_id: str | None
    output: str  # the console (a subprocess) or the run's log messages and Python logs (in process)

    # As on subprocess.CompletedProcess, for tests that read `proc.stdout + proc.stderr`.
    @property
    def stdout(self) -> str:
        return self.output

    @property
    def stderr(self) -> str:
        return ""


def reap(dagster_home: Path) -> list[str]:
    """`python -m orchestration.recovery` for this instance, without a new interpreter."""
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        return reap_dead_runs(instance)


@contextmanager
def build_environment(raw_dir: Path, warehouse_dir: Path, dagster_home: Path) -> Iterator[dict[str, str]]:
    """os.environ as the build sees it, restored afterwards (the dbt asset sets a variable too)."""
    env = build_env(raw_dir, warehouse_dir, dagster_home)
    saved = {k: os.environ.get(k) for k in BUILD_VARS}
    os.environ.update({k: env[k] for k in BUILD_VARS[:3]})
    try:
        yield env
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# The packages whose INFO logs the console shows (dagster.yaml's python_log_level: INFO).
OUR_LOGGERS = ("visits", "orchestration")


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} - {record.levelname} - {record.getMessage()}")


def _in_process(raw_dir: Path, warehouse_dir: Path, dagster_home: Path, full_refresh: bool) -> BuildResult:
    handler = _Lines()
    logging.getLogger().addHandler(handler)
    levels = {name: logging.getLogger(name).level for name in OUR_LOGGERS}
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    try:
        with build_environment(raw_dir, warehouse_dir, dagster_home):
            from orchestration.definitions import defs  # imported once, after dbt's parse

            with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
                reap_dead_runs(instance)
                job = defs.resolve_job_def("build_warehouse")
                result = job.execute_in_process(
                    instance=instance, run_config=FULL_REFRESH if full_refresh else {}, raise_on_error=False
                )
                messages = [entry.message for entry in instance.all_logs(result.run_id)]
    finally:
        logging.getLogger().removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    output = "\n".join(messages + handler.lines)
    assert result.success, output[-6000:]
    return BuildResult(result.run_id, output)


def _in_subprocess(raw_dir: Path, warehouse_dir: Path, dagster_home: Path, full_refresh: bool) -> BuildResult:
    env = build_env(raw_dir, warehouse_dir, dagster_home)
    reap(dagster_home)
    proc = subprocess.run(
        build_command(BIN, full_refresh), cwd=REPO, env=env, capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return BuildResult(None, proc.stdout + proc.stderr)


def dbt_log_of(run_id: str) -> str:
    """dbt's log of one build: each run has its own folder under target/, named after the
    run (`warehouse_models-<run id's first 7>-<id>`), whoever else builds from this checkout."""
    target = dbt_project.project_dir / dbt_project.target_path
    runs = sorted(target.glob(f"warehouse_models-{run_id[:7]}-*/dbt.log"), key=lambda p: p.stat().st_mtime)
    assert runs, f"no dbt log for run {run_id}"
    return runs[-1].read_text(errors="replace")


def published_state(warehouse: Path) -> dict:
    """What a build publishes: the DuckDB file (inode, mtime), the current mart export, the exports."""
    st = (warehouse / "visits.duckdb").stat()
    exports = {p.name: p.stat().st_mtime_ns for p in (warehouse / "exports").iterdir()}
    return {"db": (st.st_ino, st.st_mtime_ns), "marts": current_export(warehouse / "marts"), "exports": exports}


def run_folders_left() -> list[Path]:
    """dbt's per-run folders this process's builds are answerable for: all of them, but for
    those a build's clean-up spares on purpose (another live process's, a parallel test
    worker's or its build's, or one unmarked and young: a run just starting)."""
    target = dbt_project.project_dir / dbt_project.target_path
    return [p for p in target.glob("warehouse_models-*") if p.is_dir() and not spared(p)]


def run_build(
    raw_dir: Path, warehouse_dir: Path, dagster_home: Path, full_refresh: bool = False, in_subprocess: bool = False
) -> BuildResult:
    """Reap dead runs, then build everything; fails the test unless the build succeeded."""
    run = _in_subprocess if in_subprocess else _in_process
    return run(raw_dir, warehouse_dir, dagster_home, full_refresh)


def measured_build(raw_dir: Path, warehouse_dir: Path, dagster_home: Path) -> int:
    """The contract's command in a subprocess; returns the peak RSS (KiB) of its process tree."""
    env = build_env(raw_dir, warehouse_dir, dagster_home)
    reap(dagster_home)
    wrapper = (
        "import resource, subprocess, sys\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=sys.stderr).returncode\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *build_command(BIN)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-4000:]
    return int(proc.stdout.split()[-1])


BUILD_PARTS = ("raw", "warehouse", "home")


def copy_build(build: dict, dest: Path) -> dict[str, Path]:
    """A finished build (its `raw`, `warehouse` and `home` folders) copied under `dest`, for a
    module to change: the warehouse holds no absolute path (its marts link is relative)."""
    for part in BUILD_PARTS:
        shutil.copytree(build[part], dest / part, symlinks=True)
    return {part: dest / part for part in BUILD_PARTS}
