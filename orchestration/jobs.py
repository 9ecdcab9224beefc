"""The one job: every asset and its checks. The raw-dir sensor and the daily schedule both target it."""

import dagster as dg

# The staging assets skip content hashes they have already staged, so a run of the whole
# job costs work proportional to what changed in raw/, plus one dbt build of the marts.
build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Scan raw/, stage new content, extract, and rebuild the dbt marts.",
)
