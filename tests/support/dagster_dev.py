"""Start `dagster dev` on a free 127.0.0.1 port against temporary dirs, talk GraphQL to it, stop it.

Everything `dagster dev` spawns (webserver, daemon, code server, run workers) stays in the
process group started here, so stopping it ends exactly those processes and nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from orchestration.headless import build_env
from tests.support.paths import BIN, REPO, sample_articles

JOB = "build_warehouse"
IN_PROGRESS = ["QUEUED", "NOT_STARTED", "STARTING", "STARTED", "CANCELING"]
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


@dataclass
class DagsterDev:
    url: str
    raw: Path
    warehouse: Path
    home: Path
    log: Path
    proc: subprocess.Popen

    @property
    def db(self) -> Path:
        return self.warehouse / "visits.duckdb"

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(url: str, query: str, variables: dict | None = None, timeout: float = 30) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(f"{url}/graphql", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            payload = json.load(resp)
    except urllib.error.HTTPError as exc:  # a malformed query: show GraphQL's own message
        raise AssertionError(f"GraphQL {exc.code}: {exc.read().decode(errors='replace')[:2000]}") from exc
    assert "errors" not in payload, payload["errors"]
    return payload["data"]


def _wait_until_ready(dev: DagsterDev, timeout: float) -> None:
    """The webserver answers and the code location has loaded (it parses the dbt manifest)."""
    deadline = time.monotonic() + timeout
    query = "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus"
    query += " locationOrLoadError { __typename ... on PythonError { message } } } } } }"
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if dev.proc.poll() is not None:
            raise AssertionError(f"dagster dev exited with {dev.proc.returncode}:\n{dev.log_tail()}")
        try:
            entries = graphql(dev.url, query, timeout=5)["workspaceOrError"]["locationEntries"]
        except (OSError, AssertionError, KeyError) as exc:  # not up yet (URLError is an OSError)
            entries, last_error = [], exc
        if entries and all(e["loadStatus"] == "LOADED" for e in entries):
            errors = [e for e in entries if e["locationOrLoadError"]["__typename"] == "PythonError"]
            assert not errors, errors
            return
        time.sleep(1)
    raise AssertionError(f"dagster dev not ready after {timeout}s ({last_error}):\n{dev.log_tail()}")


def _stop(proc: subprocess.Popen, grace: float = 30) -> None:
    """SIGINT lets dagster dev shut its children down; then end whatever is left of our group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # our own group: started with start_new_session
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


@contextmanager
def dagster_dev(root: Path, timeout: float = 180) -> Iterator[DagsterDev]:
    """`dagster dev` with temp VISITS_RAW_DIR / VISITS_WAREHOUSE_DIR / DAGSTER_HOME under root."""
    raw, warehouse, home = root / "raw", root / "warehouse", root / "dagster_home"
    raw.mkdir(parents=True, exist_ok=True)
    for path in sample_articles():
        shutil.copy(path, raw / path.name)
    env = build_env(raw, warehouse, home)
    # As in an activated venv: DbtProject.prepare_if_dev() runs the `dbt` it finds on PATH.
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    port = free_port()
    log = root / "dagster_dev.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(BIN / "dagster"), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    dev = DagsterDev(f"http://127.0.0.1:{port}", raw, warehouse, home, log, proc)
    try:
        _wait_until_ready(dev, timeout)
        yield dev
    finally:
        _stop(proc)


def location_name(url: str) -> str:
    data = graphql(url, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    (entry,) = data["workspaceOrError"]["locationEntries"]
    return entry["name"]


LAUNCH = """
mutation Launch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
    ... on UnauthorizedError { message }
  }
}
"""


def launch_job(url: str, job: str = JOB) -> str:
    selector = {"repositoryLocationName": location_name(url), "repositoryName": "__repository__", "jobName": job}
    result = graphql(url, LAUNCH, {"executionParams": {"selector": selector, "runConfigData": {}}})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def run_status(url: str, run_id: str) -> str:
    query = "query R($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"
    return graphql(url, query, {"id": run_id})["runOrError"]["status"]


def wait_for_run(dev: DagsterDev, run_id: str, timeout: float = 600) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = run_status(dev.url, run_id)
        if status in FINISHED:
            return status
        time.sleep(2)
    raise AssertionError(f"run {run_id} not finished after {timeout}s:\n{dev.log_tail()}")


def runs_in_progress(url: str) -> list[dict]:
    query = """query Q($statuses: [RunStatus!]) {
      runsOrError(filter: {statuses: $statuses}) { ... on Runs { results { runId status tags { key value } } } }
    }"""
    return graphql(url, query, {"statuses": IN_PROGRESS})["runsOrError"]["results"]


def wait_until_idle(dev: DagsterDev, timeout: float = 600) -> None:
    """The raw-dir sensor may have launched its own run; wait for it before reading DuckDB."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not runs_in_progress(dev.url):
            return
        time.sleep(2)
    raise AssertionError(f"runs still in progress after {timeout}s:\n{dev.log_tail()}")


def all_runs(url: str) -> list[dict]:
    query = "{ runsOrError { ... on Runs { results { runId status jobName tags { key value } } } } }"
    return graphql(url, query)["runsOrError"]["results"]


def sensor_status(url: str, sensor: str) -> str:
    query = """query S($selector: SensorSelector!) {
      sensorOrError(sensorSelector: $selector) { __typename ... on Sensor { sensorState { status } } }
    }"""
    selector = {"repositoryLocationName": location_name(url), "repositoryName": "__repository__", "sensorName": sensor}
    return graphql(url, query, {"selector": selector})["sensorOrError"]["sensorState"]["status"]


def wait_for_sensor_tick(dev: DagsterDev, sensor: str, timeout: float = 180) -> dict:
    """The first finished tick of a sensor (the daemon evaluates it soon after start)."""
    query = """query S($selector: SensorSelector!) {
      sensorOrError(sensorSelector: $selector) {
        ... on Sensor { sensorState { ticks(limit: 10) { status runIds skipReason error { message } } } }
      }
    }"""
    selector = {"repositoryLocationName": location_name(dev.url), "repositoryName": "__repository__",
                "sensorName": sensor}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ticks = graphql(dev.url, query, {"selector": selector})["sensorOrError"]["sensorState"]["ticks"]
        done = [t for t in ticks if t["status"] in ("SUCCESS", "SKIPPED", "FAILURE")]
        if done:
            return done[-1]  # ticks come newest first: the earliest finished one
        time.sleep(2)
    raise AssertionError(f"sensor {sensor} did not tick in {timeout}s:\n{dev.log_tail()}")


def check_evaluations(url: str, run_id: str) -> dict[str, bool]:
    """Asset check name -> passed, from the run's event log."""
    query = """query L($id: ID!, $after: String) {
      logsForRun(runId: $id, afterCursor: $after, limit: 1000) {
        ... on EventConnection { cursor hasMore events { __typename
          ... on AssetCheckEvaluationEvent { evaluation { checkName success } } } }
      }
    }"""
    found: dict[str, bool] = {}
    after = None
    while True:
        conn = graphql(url, query, {"id": run_id, "after": after})["logsForRun"]
        for event in conn["events"]:
            if event["__typename"] == "AssetCheckEvaluationEvent":
                found[event["evaluation"]["checkName"]] = event["evaluation"]["success"]
        if not conn["hasMore"]:
            return found
        after = conn["cursor"]


def stop_sensor(url: str, sensor: str) -> str:
    """Turn a sensor off (so it requests no retry of a run we end); its new status."""
    query = """query S($selector: SensorSelector!) { sensorOrError(sensorSelector: $selector) { ... on Sensor { id } } }"""
    selector = {"repositoryLocationName": location_name(url), "repositoryName": "__repository__", "sensorName": sensor}
    sensor_id = graphql(url, query, {"selector": selector})["sensorOrError"]["id"]
    stop = """mutation Stop($id: String) { stopSensor(id: $id) { __typename
      ... on StopSensorMutationResult { instigationState { status } } ... on PythonError { message } } }"""
    result = graphql(url, stop, {"id": sensor_id})["stopSensor"]
    assert result["__typename"] == "StopSensorMutationResult", result
    return result["instigationState"]["status"]


def terminate_run(url: str, run_id: str, timeout: float = 120) -> None:
    """End a run the way the UI's Terminate button does (a run still STARTING cannot be: wait)."""
    mutation = """mutation T($id: String!) { terminateRun(runId: $id) { __typename
      ... on TerminateRunFailure { message } ... on PythonError { message } } }"""
    deadline = time.monotonic() + timeout
    while True:
        if run_status(url, run_id) in FINISHED:
            return
        result = graphql(url, mutation, {"id": run_id})["terminateRun"]
        if result["__typename"] == "TerminateRunSuccess":
            return
        if "STARTING" not in result.get("message", "") or time.monotonic() > deadline:
            raise AssertionError(result)
        time.sleep(1)
