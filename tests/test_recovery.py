"""Recovery: a run whose process died is marked failed and gives back its pool slot."""

import os
import subprocess
import sys

import dagster as dg
from dagster._core.events import EngineEventData
from dagster._core.storage.dagster_run import DagsterRunStatus

from orchestration.recovery import reap_dead_runs


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
