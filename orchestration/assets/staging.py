"""Clean and extract (polars): new content only, written as staging Parquet batches."""


import dagster as dg
import polars as pl

from orchestration.resources import WRITER_POOL, WarehousePaths
from orchestration.writer_lock import writer_lock
from visits.ledger import tables
from visits.ledger.batches import clean_new_content, ensure_tables, extract_new_content
from visits.ledger.manifest import read_manifest
from visits.ledger.parquet import read_folder
from visits.ledger.pointer import KEY_COLUMNS, current_articles, read_pointer
from visits.ledger.versions import clean_version

CLEANED = dg.AssetKey(["staging", "cleaned_articles"])
VISITS = dg.AssetKey(["staging", "visit_mentions"])
OFFICIALS = dg.AssetKey(["staging", "official_mentions"])
EXTRACTION_LOG = dg.AssetKey(["staging", "extraction_log"])
CURRENT_BATCHES = dg.AssetKey(["staging", "current_batches"])


@dg.asset(
    key=CLEANED,
    deps=[dg.AssetKey(["staging", "raw_files"])],
    group_name="clean",
    pool=WRITER_POOL,
    description="Decoded, repaired, simplified article text and metadata; undecodable files quarantined.",
)
def cleaned_articles(context: dg.AssetExecutionContext, warehouse: WarehousePaths) -> dg.MaterializeResult:
    with writer_lock(warehouse.warehouse, f"cleaning (run {context.run.run_id[:8]})", context.log.warning):
        stats = clean_new_content(warehouse.staging, warehouse.raw, read_manifest(warehouse.staging))
        ensure_tables(warehouse.staging)
    current = current_articles(warehouse.staging, [*KEY_COLUMNS, "script"])
    context.log.info("cleaned %d new contents in %d batches", stats.processed, stats.batches)
    return dg.MaterializeResult(
        metadata={
            "new_contents": stats.processed,
            "new_batches": stats.batches,
            "new_quarantined": stats.quarantined,
            "contents_total": current.height,
            "scripts": dg.MetadataValue.json(
                dict(current.group_by("script").len().drop_nulls().iter_rows())
            ),
        }
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(VISITS, deps=[CLEANED], group_name="extract",
                     description="Visits as each article reports them."),
        dg.AssetSpec(OFFICIALS, deps=[CLEANED], group_name="extract",
                     description="Officials named as taking part, with titles, side and evidence."),
        dg.AssetSpec(EXTRACTION_LOG, deps=[CLEANED], group_name="extract",
                     description="Which cleaned article each extraction batch read."),
        dg.AssetSpec(CURRENT_BATCHES, deps=[CLEANED], group_name="extract",
                     description="The ledger's pointer: each content's current cleaning and extraction "
                     "batch, which every reader (checks, dbt) takes as current."),
    ],
    pool=WRITER_POOL,
)
def extracted_visits(context: dg.AssetExecutionContext, warehouse: WarehousePaths):  # noqa: ANN201 - yields results
    with writer_lock(warehouse.warehouse, f"extraction (run {context.run.run_id[:8]})", context.log.warning):
        stats = extract_new_content(warehouse.staging)
        ensure_tables(warehouse.staging)
    context.log.info("extracted %d visits from %d articles", stats.visits, stats.processed)
    log = read_folder(warehouse.staging / tables.EXTRACTIONS, tables.SCHEMAS[tables.EXTRACTIONS])
    pointer = read_pointer(warehouse.staging)
    yield dg.MaterializeResult(asset_key=VISITS, metadata={"new_visits": stats.visits})
    yield dg.MaterializeResult(asset_key=OFFICIALS, metadata={"new_mentions": stats.officials})
    yield dg.MaterializeResult(
        asset_key=EXTRACTION_LOG,
        metadata={
            "new_articles_read": stats.processed,
            "extraction_errors": stats.errors,
            "log_rows": log.height,
        },
    )
    yield dg.MaterializeResult(
        asset_key=CURRENT_BATCHES,
        metadata={
            "contents": pointer.height,
            "by_current_cleaning": pointer.filter(pl.col("clean_version") == clean_version()).height,
            "extracted": pointer.filter(pl.col("extract_batch_id").is_not_null()).height,
        },
    )
