"""Model: every dbt model is an asset and every dbt test an asset check."""


from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.dbt_targets import mark_owner, prune_run_targets
from orchestration.metadata import model_metadata
from orchestration.resources import WRITER_POOL, dbt_project, export_warehouse_env
from orchestration.summary import build_summary
from orchestration.writer_lock import writer_lock
from visits.exports import export_files, exports_dir
from visits.publish import export_marts, prepare_build, publish_build
from visits.settings import duckdb_path, marts_export_dir, warehouse_dir


class VisitsTranslator(DagsterDbtTranslator):
    """Group dbt models by their folder, so the graph reads staging -> marts."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props.get("resource_type") == "seed":
            return "corrections" if "corrections" in fqn else "reference"
        return f"dbt_{fqn[1]}" if len(fqn) > 2 else "dbt"

    def get_asset_check_spec(
        self, asset_spec: dg.AssetSpec, manifest: Mapping[str, Any], unique_id: str, project: Any
    ) -> dg.AssetCheckSpec | None:
        """dagster-dbt reads a check's description from meta only; ours are in the yml."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or spec.description:
            return spec
        return spec._replace(description=test_description(manifest["nodes"].get(unique_id, {})))


# What a generic test promises, for checks whose yml gives no description of its own.
GENERIC_TEST_PHRASES = {
    "not_null": "{model}.{column} is never NULL",
    "unique": "{model}.{column} is unique",
    "accepted_values": "{model}.{column} takes only its listed values",
    "relationships": "every {model}.{column} is found in {to}.{field}",
}


def test_description(node: Mapping[str, Any]) -> str | None:
    """A dbt test's description: the yml's, a singular test's config, else its generic phrase."""
    if node.get("description") or node.get("config", {}).get("description"):
        return node.get("description") or node["config"]["description"]
    meta = node.get("test_metadata") or {}
    phrase = GENERIC_TEST_PHRASES.get(meta.get("name", ""))
    if not phrase:
        return None
    kwargs = meta.get("kwargs", {})
    to = str(kwargs.get("to", "")).removeprefix("ref('").removesuffix("')")
    model = str(node.get("attached_node") or "").rsplit(".", 1)[-1]
    return phrase.format(model=model, column=kwargs.get("column_name"), to=to, field=kwargs.get("field"))


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
        # Events wait until the build is published, so each model's materialisation can carry
        # its row count and column schema from the file readers will see.
        events = []
        try:
            for event in invocation.stream():
                events.append(event)
        except Exception:
            yield from events  # what did run still shows, with the dbt error after it
            raise
        finally:
            # dagster-dbt leaves a 4-5 MiB target folder per run; keep only this run's.
            prune_run_targets(target, prefix=f"{context.op_execution_context.op.name}-")
        publish_build(duckdb_path())
        exported = export_marts(duckdb_path(), marts_export_dir())
        context.log.info("published %s; exported %d marts to %s", duckdb_path(), len(exported), marts_export_dir())
        files = export_files(duckdb_path(), exports_dir())
        context.log.info("wrote %d CSV and Excel exports to %s", len(files), exports_dir())
    yield from with_table_metadata(context, events, model_metadata(duckdb_path()))
    context.log.info("\n".join(build_summary(duckdb_path())))


def with_table_metadata(
    context: dg.AssetExecutionContext, events: list[Any], metadata: Mapping[dg.AssetKey, Mapping[str, Any]]
) -> Iterator[Any]:
    """dbt's events, each model's Output given its table's row count, schema and preview."""
    for event in events:
        if isinstance(event, dg.Output):
            extra = metadata.get(context.asset_key_for_output(event.output_name))
            if extra:
                event = event.with_metadata({**event.metadata, **extra})
        yield event
