"""Free what a killed build leaves behind in the Dagster instance.

A run killed with SIGKILL never reports its end, so it stays STARTED and keeps its slot in
the `warehouse_writer` pool, and every later writer step waits for that slot forever.
Before a build (`make build`, the tests' builds) and on every tick of the raw-dir sensor,
runs whose process is gone are marked failed and their pool slots freed.

After a host restart the dead run's pid may belong to some unrelated process, so a live pid
counts as the run's only if that process started before it reported its pid to the event
log and looks like ours (python or dagster on its command line). The pid report is the
reference point, not the run's creation or start: a run queued for minutes is created long
before its process exists, and a launched run names its process before it is marked started.

    .venv/bin/python -m orchestration.recovery
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRunStatus, RunsFilter

ACTIVE = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]
# A run that never got as far as naming its process is presumed dead after this long.
STARTING_GRACE_SECONDS = 300
# The run's process starts before the run is marked started; allow for /proc's coarse clock
# (boot time is whole seconds) and small clock steps.
PID_START_SLACK_SECONDS = 5.0
PROC = Path("/proc")


def _run_pid(instance: dg.DagsterInstance, run_id: str) -> tuple[int, float] | None:
    """The process executing the run's steps and when it said so, from its engine events."""
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT).records
    for record in reversed(records):
        event = record.event_log_entry.dagster_event
        data = event.engine_event_data if event else None
        pid = data.metadata.get("pid") if data and data.metadata else None
        if pid is not None:
            return int(pid.value), record.event_log_entry.timestamp
    return None


def pid_alive(pid: int) -> bool:
    """Is the process running (not gone, not a zombie)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A killed run worker whose parent never waited for it lingers as a zombie: it answers
    # signal 0 but does no work.
    return _state(pid) != "Z"


def _stat_fields(pid: int) -> list[str] | None:
    """/proc/<pid>/stat from field 3 (state) on; None where /proc cannot tell.

    Split after the ")" that ends the command name, which may itself contain spaces or
    parentheses, so that field n is at index n - 3.
    """
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()


def _state(pid: int) -> str | None:
    """The process state letter (R, S, Z, …); None where /proc cannot tell."""
    fields = _stat_fields(pid)
    return fields[0] if fields else None


def _boot_time() -> float | None:
    try:
        for line in (PROC / "stat").read_text().splitlines():
            if line.startswith("btime "):
                return float(line.split()[1])
    except OSError:
        pass
    return None


def process_start_time(pid: int) -> float | None:
    """When `pid` started (epoch seconds), from /proc; None where /proc cannot tell."""
    boot = _boot_time()
    fields = _stat_fields(pid)
    if boot is None or fields is None:
        return None
    # Field 22 is starttime, in clock ticks since boot.
    return boot + int(fields[22 - 3]) / os.sysconf("SC_CLK_TCK")


def _command_line(pid: int) -> str | None:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return None
    return raw.replace(b"\0", b" ").decode("utf-8", "replace")


def _is_runs_process(pid: int, reported_at: float) -> bool:
    """Whether live `pid` can still be the run's: not a later process that reused the pid.

    The run's process existed when it reported its pid (`reported_at`); a process that
    started after that moment is a newcomer that was given the same number.
    """
    started = process_start_time(pid)
    if started is not None and started > reported_at + PID_START_SLACK_SECONDS:
        return False  # began after the report: the pid was reused (e.g. after a reboot)
    cmdline = _command_line(pid)
    if cmdline is not None and not any(word in cmdline.lower() for word in ("dagster", "python")):
        return False
    # Where /proc cannot tell (other OS, no access), a live pid keeps the run: never reap
    # a run that may still be working.
    return True


def reap_dead_runs(instance: dg.DagsterInstance, now: float | None = None) -> list[str]:
    """Mark failed every active run whose process has died; free its pool slots."""
    now = time.time() if now is None else now
    reaped = []
    for record in instance.get_run_records(RunsFilter(statuses=ACTIVE)):
        run = record.dagster_run
        reported = _run_pid(instance, run.run_id)
        if reported is None:
            # update_timestamp is the last status change (the launch for a STARTING run),
            # so time spent queued does not count against the grace.
            launched = record.start_time or record.update_timestamp.timestamp()
            if now - launched < STARTING_GRACE_SECONDS:
                continue
            reason = "never reported a process"
        elif not pid_alive(pid := reported[0]):
            reason = f"its process (pid {pid}) is gone"
        elif _is_runs_process(pid, reported_at=reported[1]):
            continue
        else:
            reason = f"its process (pid {pid}) is gone; that pid now belongs to another process"
        instance.report_run_failed(run, message=f"Marked failed by recovery: {reason}.")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped.append(run.run_id)
    return reaped


def reap_on_load() -> list[str]:
    """Reap dead runs of the persistent instance (DAGSTER_HOME), if there is one.

    Called when the code location loads, so even the bare `dagster asset materialize`
    frees a dead run's pool slot before it waits for one. Never fails the load.
    """
    if not os.environ.get("DAGSTER_HOME"):
        return []  # an ephemeral instance: no history, no slots to free
    try:
        with dg.DagsterInstance.get() as instance:
            reaped = reap_dead_runs(instance)
    except Exception as exc:  # noqa: BLE001 - recovery is best effort; the build must still load
        logging.getLogger(__name__).warning("could not check for dead runs: %s", exc)
        return []
    for run_id in reaped:
        print(f"recovered run {run_id}: its process died; marked failed, pool slot freed", file=sys.stderr)
    return reaped


def main() -> None:
    with dg.DagsterInstance.get() as instance:
        for run_id in reap_dead_runs(instance):
            print(f"recovered run {run_id}: its process died; marked failed, pool slot freed")


if __name__ == "__main__":
    main()
