"""Free what a killed build leaves behind in the Dagster instance.

A run killed with SIGKILL never reports its end, so it stays STARTED and keeps its slot in
the `warehouse_writer` pool, and every later writer step waits for that slot forever.
Before a build (`make build`, the tests' builds) and on every tick of the raw-dir sensor,
runs whose process is gone are marked failed and their pool slots freed.

    .venv/bin/python -m orchestration.recovery
"""

from __future__ import annotations

import os
import time

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRunStatus, RunsFilter

ACTIVE = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]
# A run that never got as far as naming its process is presumed dead after this long.
STARTING_GRACE_SECONDS = 300


def _run_pid(instance: dg.DagsterInstance, run_id: str) -> int | None:
    """The process executing the run's steps, from the executor's own engine event."""
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT).records
    for record in reversed(records):
        event = record.event_log_entry.dagster_event
        data = event.engine_event_data if event else None
        pid = data.metadata.get("pid") if data and data.metadata else None
        if pid is not None:
            return int(pid.value)
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_dead_runs(instance: dg.DagsterInstance, now: float | None = None) -> list[str]:
    """Mark failed every active run whose process has died; free its pool slots."""
    now = time.time() if now is None else now
    reaped = []
    for record in instance.get_run_records(RunsFilter(statuses=ACTIVE)):
        run = record.dagster_run
        pid = _run_pid(instance, run.run_id)
        if pid is None:
            started = record.start_time or record.create_timestamp.timestamp()
            if now - started < STARTING_GRACE_SECONDS:
                continue
            reason = "never reported a process"
        elif _alive(pid):
            continue
        else:
            reason = f"its process (pid {pid}) is gone"
        instance.report_run_failed(run, message=f"Marked failed by recovery: {reason}.")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped.append(run.run_id)
    return reaped


def main() -> None:
    with dg.DagsterInstance.get() as instance:
        for run_id in reap_dead_runs(instance):
            print(f"recovered run {run_id}: its process died; marked failed, pool slot freed")


if __name__ == "__main__":
    main()
