"""A daily full build: the safety net behind the raw-dir sensor.

It starts RUNNING because it catches what the sensor skips or misses (renames and copies,
a failed sensor-launched run, new cleaning or extraction code) at the cost of about a minute
a day when nothing changed.
"""

import dagster as dg

from orchestration.jobs import build_warehouse

daily_build = dg.ScheduleDefinition(
    name="daily_build",
    job=build_warehouse,
    cron_schedule="0 3 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Full build at 03:00 Beijing time; catches renames, failed runs and code changes.",
)
