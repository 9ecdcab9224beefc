"""Asset checks on the staging Parquet, where dbt's tests cannot see.

They read Parquet only: the DuckDB file belongs to dbt, and a reader there could block a build.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.assets.staging import CLEANED, EXTRACTION_LOG
from orchestration.resources import WarehousePaths
from visits.ledger import tables
from visits.ledger.manifest import read_manifest
from visits.ledger.parquet import read_folder
from visits.ledger.pointer import KEY_COLUMNS, current_articles, read_pointer
from visits.ledger.versions import extract_version

# The corpus is visit reports, so most loaded articles should yield a visit; above this share
# the extractor has probably regressed (or the feed changed) and someone should look.
NO_VISIT_WARN_SHARE = 0.3
SAMPLE = 20


def present_hashes(staging: Path) -> set[str]:
    """Contents present in raw/ that cleaning can read (read_error rows have nothing to clean)."""
    manifest = read_manifest(staging)
    return set(manifest.filter(pl.col("is_present") & pl.col("read_error").is_null())["content_sha256"].to_list())


def uncleaned_contents(staging: Path) -> list[str]:
    """Content hashes present in raw/ with no row (cleaned or quarantined) from the current code."""
    cleaned = set(current_articles(staging, KEY_COLUMNS)["content_sha256"].to_list())
    return sorted(present_hashes(staging) - cleaned)


def empty_clean_texts(staging: Path) -> list[str]:
    """Decoded articles whose cleaned text came out empty: cleaned in name only."""
    blank = pl.col("clean_text").is_null() | (pl.col("clean_text").str.strip_chars() == "")
    # filtered as read: only the blank rows' texts are ever held, not every article's
    bad = current_articles(staging, KEY_COLUMNS, where=(pl.col("decode_status") == "ok") & blank).filter(
        pl.col("content_sha256").is_in(sorted(present_hashes(staging)))
    )
    return sorted(bad["content_sha256"].to_list())


def visit_coverage(staging: Path) -> dict[str, object]:
    """For loaded articles (present, decoded), how many the extractor read and found no visit in."""
    loaded = current_articles(staging, KEY_COLUMNS).filter(
        (pl.col("decode_status") == "ok") & pl.col("content_sha256").is_in(sorted(present_hashes(staging)))
    )
    # The pointer names the extraction of each current clean row by the current extractor.
    pointer = read_pointer(staging).filter(pl.col("extract_version") == extract_version())
    log = read_folder(staging / tables.EXTRACTIONS, tables.SCHEMAS[tables.EXTRACTIONS])
    read = (
        loaded.select("content_sha256", pl.col("batch_id").alias("clean_batch_id"))
        .join(pointer.select("content_sha256", "clean_batch_id", "extract_batch_id"), on=["content_sha256", "clean_batch_id"])
        .join(
            log.select("content_sha256", pl.col("batch_id").alias("extract_batch_id"), "visit_count", "extract_error"),
            on=["content_sha256", "extract_batch_id"],
        )
    )
    no_visit = read.filter(pl.col("visit_count") == 0)
    return {
        "loaded_articles": loaded.height,
        "extracted_articles": read.height,
        "not_extracted": loaded.height - read.height,
        "no_visit_articles": no_visit.height,
        "extraction_errors": read.filter(pl.col("extract_error").is_not_null()).height,
        "no_visit_share": round(no_visit.height / read.height, 4) if read.height else 0.0,
        "no_visit_sample": sorted(no_visit["content_sha256"].to_list())[:SAMPLE],
    }


@dg.asset_check(
    asset=CLEANED,
    name="every_loaded_article_cleaned",
    description="Every content hash present in raw/ has a row from the current cleaning code, "
    "and no decoded article has empty clean text.",
)
def every_loaded_article_cleaned(warehouse: WarehousePaths) -> dg.AssetCheckResult:
    staging = warehouse.staging
    missing, empty = uncleaned_contents(staging), empty_clean_texts(staging)
    return dg.AssetCheckResult(
        passed=not missing and not empty,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "present_contents": len(present_hashes(staging)),
            "uncleaned": len(missing),
            "empty_clean_text": len(empty),
            "uncleaned_sample": dg.MetadataValue.json(missing[:SAMPLE]),
            "empty_sample": dg.MetadataValue.json(empty[:SAMPLE]),
        },
    )


@dg.asset_check(
    asset=EXTRACTION_LOG,
    name="share_of_articles_without_visit",
    description=f"Warns when more than {NO_VISIT_WARN_SHARE:.0%} of loaded articles yield no visit; "
    "always reports the share.",
)
def share_of_articles_without_visit(warehouse: WarehousePaths) -> dg.AssetCheckResult:
    stats = visit_coverage(warehouse.staging)
    share = float(stats["no_visit_share"])  # type: ignore[arg-type]
    metadata = {k: v for k, v in stats.items() if k != "no_visit_sample"}
    return dg.AssetCheckResult(
        passed=share <= NO_VISIT_WARN_SHARE and stats["not_extracted"] == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            **metadata,
            "no_visit_share": dg.MetadataValue.float(share),
            "warn_above": dg.MetadataValue.float(NO_VISIT_WARN_SHARE),
            "no_visit_sample": dg.MetadataValue.json(stats["no_visit_sample"]),
        },
    )


asset_checks = [every_loaded_article_cleaned, share_of_articles_without_visit]
