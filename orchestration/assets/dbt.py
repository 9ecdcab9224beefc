"""Model: every dbt model is an asset and every dbt test an asset check."""


import os
from collections.abc import Iterator, Mapping
from graphlib import TopologicalSorter
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.dbt_parse import prepare_if_dev
from orchestration.dbt_targets import mark_owner, prune_run_targets
from orchestration.metadata import model_metadata
from orchestration.resources import WRITER_POOL, WarehousePaths, dbt_project, dbt_vars
from orchestration.summary import build_summary
from orchestration.writer_lock import writer_lock
from visits.build_inputs import forget_inputs, inputs_fingerprint, published_inputs, record_inputs
from visits.exports import export_files
from visits.publish import current_export, export_marts, prepare_build, publish_build

# Parses only under `dagster dev`; headless runs and tests run `dbt parse` first (Makefile).
prepare_if_dev()


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


def dbt_build_args(paths: WarehousePaths, full_refresh: bool = False, threads: int | None = None) -> list[str]:
    """The dbt command the asset runs; a pure function so it can be tested on its own.

    The vars are those `make dbt-parse` parses with (partial parsing then holds), and the
    threads the machine's cores, since the models of one layer are independent."""
    args = ["build", "--threads", str(threads or os.cpu_count() or 1), *dbt_vars(paths)]
    if full_refresh:
        args.append("--full-refresh")
    return args


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False  # rebuild incremental models from all staging batches


def is_published(paths: WarehousePaths, fingerprint: str) -> bool:
    """The published warehouse and both its exports are already the build of these inputs."""
    return (
        published_inputs(paths.duckdb_file) == fingerprint
        and current_export(paths.marts_dir) is not None
        and paths.exports_dir.is_dir()
    )


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=VisitsTranslator(),
    pool=WRITER_POOL,
)
def warehouse_models(  # noqa: ANN201 - yields dbt events
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehousePaths, config: DbtBuildConfig
):
    db = warehouse.duckdb_file
    # One writer per warehouse even without a Dagster instance (DAGSTER_HOME unset).
    with writer_lock(warehouse.warehouse, f"dbt build (run {context.run.run_id[:8]})", context.log.warning):
        fingerprint = inputs_fingerprint(warehouse.staging)
        if not config.full_refresh and is_published(warehouse, fingerprint):
            context.log.info("inputs unchanged since the published build (%s): nothing to rebuild", fingerprint[:12])
            yield from unchanged_outputs(context, model_metadata(db))
            return
        forget_inputs(db)  # from here until the exports are done, the published build is unnamed
        # dbt writes a copy; only a build that finished replaces the file readers use.
        prepare_build(db)
        invocation = dbt.cli(dbt_build_args(warehouse, config.full_refresh), context=context)
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
        publish_build(db)
        exported = export_marts(db, warehouse.marts_dir)
        context.log.info("published %s; exported %d marts to %s", db, len(exported), warehouse.marts_dir)
        files = export_files(db, warehouse.exports_dir)
        context.log.info("wrote %d CSV and Excel exports to %s", len(files), warehouse.exports_dir)
        if set(context.selected_asset_keys) == set(context.assets_def.keys):
            record_inputs(db, fingerprint)  # a subset leaves other models as they were: no record
    yield from with_table_metadata(context, events, model_metadata(db))
    context.log.info("\n".join(build_summary(db)))


def unchanged_outputs(
    context: dg.AssetExecutionContext, metadata: Mapping[dg.AssetKey, Mapping[str, Any]]
) -> Iterator[dg.Output]:
    """Each selected model as it stands in the published file, marked unchanged, so what
    reads the marts (the report) still runs; dbt's tests are not run again."""
    selected = context.selected_asset_keys
    deps = context.assets_def.asset_deps  # Dagster wants a multi-asset's outputs upstream first
    order = TopologicalSorter({k: deps.get(k, set()) & selected for k in sorted(selected)}).static_order()
    for key in order:
        name = context.assets_def.get_output_name_for_asset_key(key)
        yield dg.Output(None, output_name=name, metadata={**metadata.get(key, {}), "visits/inputs_unchanged": True})


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
