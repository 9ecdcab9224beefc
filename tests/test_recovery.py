"""Recovery: a run whose process died is marked failed and gives back its pool slot."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.events import EngineEventData
from dagster._core.storage.dagster_run import DagsterRunStatus

from orchestration import recovery
from orchestration.recovery import process_start_time, reap_dead_runs


def _started_run(instance: dg.DagsterInstance, pid: int) -> str:
    run = instance.create_run_for_job(job_def=dg.GraphDefinition("g").to_job(), run_id=None)
    instance.handle_run_event(
        run.run_id,
        dg.DagsterEvent(
            event_type_value=dg.DagsterEventType.RUN_START.value, job_name=run.job_name, message="start"
        ),
    )
    instance.report_engine_event(
        "Executing steps in process",
        run,
        engine_event_data=EngineEventData.in_process(pid),
    )
    return run.run_id


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_run_whose_process_died_is_failed_and_frees_its_slot(tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        storage = instance.event_log_storage
        storage.set_concurrency_slots("warehouse_writer", 1)
        dead = _started_run(instance, _dead_pid())
        alive = _started_run(instance, os.getpid())
        storage.claim_concurrency_slot("warehouse_writer", dead, "step")
        assert storage.get_concurrency_info("warehouse_writer").active_slot_count == 1

        assert reap_dead_runs(instance) == [dead]

        assert instance.get_run_by_id(dead).status == DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(alive).status == DagsterRunStatus.STARTED
        assert storage.get_concurrency_info("warehouse_writer").active_slot_count == 0
        assert reap_dead_runs(instance) == []  # idempotent


def _report_pid(instance: dg.DagsterInstance, run: dg.DagsterRun, pid: int, at: float | None = None) -> None:
    """The run worker's own "Started process for run (pid: …)" engine event, dated `at`."""
    instance.report_dagster_event(
        dg.DagsterEvent(
            event_type_value=dg.DagsterEventType.ENGINE_EVENT.value,
            job_name=run.job_name,
            message=f"Started process for run (pid: {pid}).",
            event_specific_data=EngineEventData.in_process(pid),
        ),
        run.run_id,
        timestamp=time.time() if at is None else at,
    )


def _run_started_at(instance: dg.DagsterInstance, pid: int, started: float) -> str:
    """A STARTED run whose RUN_START and pid report are dated `started`, in process `pid`."""
    run = instance.create_run_for_job(job_def=dg.GraphDefinition("g").to_job(), run_id=None)
    _report_pid(instance, run, pid, at=started)
    instance.report_dagster_event(
        dg.DagsterEvent(
            event_type_value=dg.DagsterEventType.RUN_START.value, job_name=run.job_name, message="start"
        ),
        run.run_id,
        timestamp=started,
    )
    return run.run_id


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen]:
    """A live python process that started just now."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


@needs_proc
def test_a_live_pid_that_started_after_the_run_is_not_the_runs_and_the_run_is_reaped(tmp_path, sleeper):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        # The run started an hour ago (before a reboot, say); its pid now belongs to a new process.
        reused = _run_started_at(instance, sleeper.pid, time.time() - 3600)
        assert instance.get_run_record_by_id(reused).start_time < time.time() - 3000
        assert reap_dead_runs(instance) == [reused]
        assert instance.get_run_by_id(reused).status == DagsterRunStatus.FAILURE
        assert sleeper.poll() is None  # the unrelated process is left alone


@needs_proc
def test_a_live_pid_running_something_other_than_python_or_dagster_is_not_the_runs(tmp_path):
    proc = subprocess.Popen(["sleep", "60"])  # started before the run, but not a run worker
    try:
        with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
            other = _run_started_at(instance, proc.pid, time.time())
            assert reap_dead_runs(instance) == [other]
    finally:
        proc.kill()
        proc.wait()


@needs_proc
def test_a_live_python_process_that_started_before_the_run_keeps_it(tmp_path, sleeper):
    time.sleep(0.05)
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        live = _run_started_at(instance, sleeper.pid, time.time())
        assert reap_dead_runs(instance) == []
        assert instance.get_run_by_id(live).status == DagsterRunStatus.STARTED


@needs_proc
def test_process_start_time_matches_the_clock():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        started = process_start_time(proc.pid)
        assert started is not None and abs(started - time.time()) < 3
    finally:
        proc.kill()
        proc.wait()
    assert process_start_time(os.getpid()) < time.time() - 0.01


@needs_proc
def test_a_run_queued_before_its_process_existed_is_kept_while_starting(tmp_path, monkeypatch):
    """A run created (queued) well before launch names its process before RUN_START.

    Regression: recovery compared the new process's start with the run's creation time,
    judged the pid "reused" and failed a run that had just been launched from the UI.
    """
    monkeypatch.setattr(recovery, "PID_START_SLACK_SECONDS", 1.0)
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        run = instance.create_run_for_job(job_def=dg.GraphDefinition("g").to_job(), run_id=None)
        time.sleep(2.5)  # queued: the run exists, its process does not yet
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        try:
            instance.handle_run_event(
                run.run_id,
                dg.DagsterEvent(
                    event_type_value=dg.DagsterEventType.RUN_STARTING.value,
                    job_name=run.job_name,
                    message="launched",
                ),
            )
            _report_pid(instance, run, proc.pid)
            record = instance.get_run_record_by_id(run.run_id)
            assert record.start_time is None  # launched, not yet marked started
            assert process_start_time(proc.pid) > record.create_timestamp.timestamp() + 1.0

            assert reap_dead_runs(instance) == []
            assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.STARTING
        finally:
            proc.kill()
            proc.wait()
        # Once that process is gone the same run is reaped.
        assert reap_dead_runs(instance) == [run.run_id]


def test_a_starting_run_without_a_pid_gets_its_grace_from_the_launch_not_the_queue(tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        run = instance.create_run_for_job(job_def=dg.GraphDefinition("g").to_job(), run_id=None)
        instance.handle_run_event(
            run.run_id,
            dg.DagsterEvent(
                event_type_value=dg.DagsterEventType.RUN_STARTING.value, job_name=run.job_name, message="launched"
            ),
        )
        launched = instance.get_run_record_by_id(run.run_id).update_timestamp.timestamp()
        grace = recovery.STARTING_GRACE_SECONDS
        assert reap_dead_runs(instance, now=launched + grace - 1) == []
        assert reap_dead_runs(instance, now=launched + grace + 1) == [run.run_id]


@needs_proc
def test_a_run_whose_process_is_a_zombie_is_reaped(tmp_path):
    """Killed but never waited for by its parent, the worker answers kill(pid, 0) yet is dead."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
            zombie = _run_started_at(instance, proc.pid, time.time())
            assert reap_dead_runs(instance) == []  # alive and working: kept
            proc.kill()
            deadline = time.monotonic() + 5
            while recovery._state(proc.pid) != "Z" and time.monotonic() < deadline:
                time.sleep(0.02)
            assert recovery._state(proc.pid) == "Z"
            assert reap_dead_runs(instance) == [zombie]
    finally:
        proc.kill()
        proc.wait()
