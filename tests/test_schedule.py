"""The daily schedule: a full build of the all-assets job, once a day."""

from __future__ import annotations

from datetime import datetime

import dagster as dg

from orchestration.jobs import build_warehouse
from orchestration.schedules import daily_build


def test_schedule_requests_a_run_of_the_all_assets_job():
    with dg.instance_for_test() as instance:
        ctx = dg.build_schedule_context(instance=instance, scheduled_execution_time=datetime(2026, 11, 21, 3, 0))
        data = daily_build.evaluate_tick(ctx)
    (request,) = data.run_requests
    assert isinstance(request, dg.RunRequest)
    assert request.tags["dagster/schedule_name"] == "daily_build"
    assert daily_build.job_name == build_warehouse.name


def test_schedule_is_daily_and_starts_running():
    assert daily_build.cron_schedule == "0 3 * * *"
    assert daily_build.default_status == dg.DefaultScheduleStatus.RUNNING


def test_job_selects_every_asset_and_check(dbt_parsed):
    from orchestration.definitions import defs

    job = defs.resolve_job_def("build_warehouse")
    graph = defs.resolve_asset_graph()
    assert set(job.asset_layer.asset_graph.get_all_asset_keys()) == set(graph.get_all_asset_keys())
    check_names = {k.name for k in job.asset_layer.asset_graph.asset_check_keys}
    assert {"every_loaded_article_cleaned", "share_of_articles_without_visit"} <= check_names
    assert defs.resolve_schedule_def("daily_build").job_name == "build_warehouse"
    assert job.executor_def.name == "in_process"  # one code load per run, not one per step
