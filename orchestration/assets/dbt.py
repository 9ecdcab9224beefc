"""Model: every dbt model is an asset and every dbt test an asset check."""


from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.dbt_targets import mark_owner, prune_run_targets
from orchestration.resources import WRITER_POOL, dbt_project, export_warehouse_env
from orchestration.writer_lock import writer_lock
from visits.publish import export_marts, prepare_build, publish_build
from visits.settings import duckdb_path, marts_export_dir, warehouse_dir


class VisitsTranslator(DagsterDbtTranslator):
    """Group dbt models by their folder, so the graph reads staging -> marts."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props.get("resource_type") == "seed":
            return "reference"
        return f"dbt_{fqn[1]}" if len(fqn) > 2 else "dbt"


def dbt_build_args(full_refresh: bool = False) -> list[str]:
    """The dbt command the asset runs; a pure function so it can be tested on its own."""
    args = ["build"]
    if full_refresh:
        args.append("--full-refresh")
    return args


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False  # rebuild incremental models from all staging batches


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=VisitsTranslator(),
    pool=WRITER_POOL,
)
def warehouse_models(  # noqa: ANN201 - yields dbt events
    context: dg.AssetExecutionContext, dbt: DbtCliResource, config: DbtBuildConfig
):
    # One writer per warehouse even without a Dagster instance (DAGSTER_HOME unset).
    with writer_lock(warehouse_dir(), f"dbt build (run {context.run_id[:8]})", context.log.warning):
        # dbt writes a copy; only a build that finished replaces the file readers use.
        building = prepare_build(duckdb_path())
        export_warehouse_env(building.name)
        invocation = dbt.cli(dbt_build_args(config.full_refresh), context=context)
        target = invocation.project_dir / invocation.target_path  # relative: under the project
        mark_owner(target)
        try:
            yield from invocation.stream()
        finally:
            # dagster-dbt leaves a 4-5 MiB target folder per run; keep only this run's.
            prune_run_targets(target, prefix=f"{context.op_execution_context.op.name}-")
        publish_build(duckdb_path())
        exported = export_marts(duckdb_path(), marts_export_dir())
    context.log.info("published %s; exported %d marts to %s", duckdb_path(), len(exported), marts_export_dir())
