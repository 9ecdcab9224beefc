"""Ingest: the raw directory's listing with content hashes, as staging Parquet."""


from datetime import UTC, datetime

import dagster as dg
import polars as pl

from orchestration.recovery import reap_on_load
from orchestration.resources import WRITER_POOL, WarehousePaths
from orchestration.writer_lock import writer_lock
from visits.ledger.manifest import update_manifest
from visits.ledger.pointer import write_pointer
from visits.ledger.verify import verify_staging

# The bare contract command (`dagster asset materialize`, no `python -m orchestration.recovery`
# first) would wait forever on a pool slot a killed build still holds; loading the code
# location is the one moment before that wait, so dead runs are reaped here.
reap_on_load()


@dg.asset(
    key=["staging", "raw_files"],
    group_name="ingest",
    pool=WRITER_POOL,
    description="Every file under the raw directory with its SHA-256; departed files are kept as not present.",
)
def raw_files(context: dg.AssetExecutionContext, warehouse: WarehousePaths) -> dg.MaterializeResult:
    with writer_lock(warehouse.warehouse, f"raw-dir scan (run {context.run.run_id[:8]})", context.log.warning):
        # Before anything reads staging: corrupt batches go aside and their articles are redone.
        corrupt = verify_staging(warehouse.staging)
        for message in corrupt:
            context.log.warning(message)
        manifest = update_manifest(warehouse.staging, warehouse.raw, datetime.now(UTC))
        if corrupt:  # a batch the pointer named may have gone aside
            write_pointer(warehouse.staging)
    present = manifest.filter(pl.col("is_present"))
    context.log.info("raw dir %s: %d files present", warehouse.raw, present.height)
    return dg.MaterializeResult(
        metadata={
            "raw_dir": str(warehouse.raw),
            "files_present": present.height,
            "files_removed": manifest.height - present.height,
            "distinct_contents": present["content_sha256"].n_unique(),
            "bytes_present": int(present["size_bytes"].sum() or 0),
            "corrupt_batches_moved_aside": len(corrupt),
        }
    )
