"""`dagster dev` for real, driven through its GraphQL API: launch the all-assets job, watch it finish."""

from __future__ import annotations

import time

import pytest

from tests.support.dagster_dev import (
    FINISHED,
    JOB,
    all_runs,
    check_evaluations,
    dagster_dev,
    graphql,
    launch_job,
    sensor_status,
    stop_sensor,
    terminate_run,
    wait_for_run,
    wait_for_sensor_tick,
    wait_until_idle,
)
from tests.support.paths import query, sample_articles

pytestmark = pytest.mark.slow

ROW_COUNT = """
query RowCount($key: AssetKeyInput!) {
  assetOrError(assetKey: $key) {
    ... on Asset {
      assetMaterializations(limit: 1) {
        metadataEntries { label ... on IntMetadataEntry { intValue } }
      }
    }
  }
}
"""


def latest_row_count(url: str, table: str) -> int | None:
    """`dagster/row_count` of a mart's latest materialisation, as the UI's GraphQL API gives it."""
    data = graphql(url, ROW_COUNT, {"key": {"path": ["marts", table]}})
    materializations = data["assetOrError"].get("assetMaterializations") or [{}]
    entries = {e["label"]: e.get("intValue") for e in materializations[0].get("metadataEntries", [])}
    return entries.get("dagster/row_count")


def test_graphql_launch_builds_the_warehouse(tmp_path, dbt_parsed):
    started = time.monotonic()
    with dagster_dev(tmp_path) as dev:
        assert sensor_status(dev.url, "raw_dir_sensor") == "RUNNING"  # on by default

        # The daemon's sensor sees the sample files as new and asks for its own run, tagged
        # with their count. That run would build what the launched run builds: once its
        # request and tags are checked, it is terminated (and the sensor stopped, so it asks
        # for no retry) rather than waited for.
        tick = wait_for_sensor_tick(dev, "raw_dir_sensor")
        assert tick["status"] == "SUCCESS" and len(tick["runIds"]) == 1, tick
        runs = {r["runId"]: r for r in all_runs(dev.url)}
        sensor_run = runs[tick["runIds"][0]]
        tags = {t["key"]: t["value"] for t in sensor_run["tags"]}
        assert sensor_run["jobName"] == JOB, sensor_run
        assert tags["visits/new_count"] == str(len(sample_articles()))
        assert stop_sensor(dev.url, "raw_dir_sensor") == "STOPPED"
        if sensor_run["status"] not in FINISHED:
            terminate_run(dev.url, sensor_run["runId"])
        assert wait_for_run(dev, sensor_run["runId"]) in FINISHED

        run_id = launch_job(dev.url)
        assert wait_for_run(dev, run_id) == "SUCCESS", dev.log_tail()
        checks = check_evaluations(dev.url, run_id)
        wait_until_idle(dev)  # nobody writes DuckDB once we read it
        marts = [r[0] for r in query(dev.db, "select table_name from duckdb_tables() where schema_name = 'marts'")]
        counts = {t: latest_row_count(dev.url, t) for t in marts}
    print(f"\ngraphql test: dagster dev up, a sensor run ended, a launched run, down in {time.monotonic() - started:.0f}s")

    assert checks.get("every_loaded_article_cleaned") is True
    assert "share_of_articles_without_visit" in checks
    (articles,) = query(dev.db, "select count(*) from marts.dim_article where status = 'loaded'")[0]
    (visits,) = query(dev.db, "select count(*) from marts.fact_visit")[0]
    assert articles == len(sample_articles())
    assert visits >= len(sample_articles())
    for table, count in counts.items():
        assert count == query(dev.db, f"select count(*) from marts.{table}")[0][0], table
