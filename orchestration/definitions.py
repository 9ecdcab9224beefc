"""The code location: `dagster dev -m orchestration.definitions`."""


import dagster as dg

from orchestration.assets.dbt import warehouse_models
from orchestration.assets.ingest import raw_files
from orchestration.assets.report import report
from orchestration.assets.staging import cleaned_articles, extracted_visits
from orchestration.checks import asset_checks
from orchestration.jobs import build_warehouse
from orchestration.resources import dbt_resource, warehouse_paths
from orchestration.schedules import daily_build
from orchestration.sensors import raw_dir_sensor

defs = dg.Definitions(
    assets=[raw_files, cleaned_articles, extracted_visits, warehouse_models, report],
    asset_checks=asset_checks,
    jobs=[build_warehouse],
    sensors=[raw_dir_sensor],
    schedules=[daily_build],
    resources={"dbt": dbt_resource(), "warehouse": warehouse_paths()},
    # Writers run one at a time anyway (pool warehouse_writer), so a subprocess per step buys
    # nothing, and each one reloads the code location (under `dagster dev` that re-parses dbt).
    executor=dg.in_process_executor,
)
