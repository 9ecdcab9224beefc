"""The code location: `dagster dev -m orchestration.definitions`."""


import dagster as dg

from orchestration.assets.dbt import warehouse_models
from orchestration.assets.ingest import raw_files
from orchestration.assets.staging import cleaned_articles, extracted_visits
from orchestration.resources import dbt_resource

defs = dg.Definitions(
    assets=[raw_files, cleaned_articles, extracted_visits, warehouse_models],
    resources={"dbt": dbt_resource()},
)
