"""What is current, decided in one place and written down: the ledger's pointer table.

`staging/current/current.parquet` holds one row per content hash: the cleaning batch every
reader takes, and the extraction of that very row by the current extractor (null until one
exists). Each stage rewrites it when it ends; the stages themselves, the asset checks and
dbt (the source `staging_parquet.current`) read it instead of re-deriving "newest".

The choice, per content: the newest row made by the current cleaning code; only a content
the current code could not clean (its file left raw/, or cannot be read now) keeps its
newest row by older code, marked by its clean_version. Extraction: the newest extraction
by the current extractor of exactly that clean row. Reverting a code change therefore
points back at the batches that code made, with nothing reprocessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from visits.ledger import tables
from visits.ledger.parquet import scan_folder, write_parquet_atomic
from visits.ledger.versions import clean_version, extract_version

POINTER_FILE = "current.parquet"
# What deciding "is this content done?" needs; the text columns are loaded only when used.
KEY_COLUMNS = ("content_sha256", "batch_id", "decode_status")


def pointer_path(staging_dir: Path) -> Path:
    return staging_dir / tables.CURRENT / POINTER_FILE


def _latest(lazy: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    # batch_id starts with its timestamp, so it breaks ties between rows of one instant
    return lazy.sort("processed_at", "batch_id").unique(keys, keep="last")


def decide(staging_dir: Path) -> pl.DataFrame:
    """The pointer computed from the batch files (the one definition of "current")."""
    clean, extract = clean_version(), extract_version()
    articles = scan_folder(staging_dir / tables.ARTICLES)
    if articles is None:
        return tables.empty(tables.CURRENT)
    rows = articles.select(
        "content_sha256", "batch_id", "clean_version", "processed_at", "decode_status"
    ).with_columns(is_current=pl.col("clean_version") == clean)
    chosen = (
        rows.sort("is_current", "processed_at", "batch_id")
        .unique("content_sha256", keep="last")
        .select(
            "content_sha256",
            pl.col("batch_id").alias("clean_batch_id"),
            "clean_version",
            "decode_status",
        )
    )
    log = scan_folder(staging_dir / tables.EXTRACTIONS)
    if log is not None:
        done = _latest(
            log.filter(pl.col("extract_version") == extract).select(
                "content_sha256", "clean_batch_id", "batch_id", "extract_version", "processed_at"
            ),
            ["content_sha256", "clean_batch_id"],
        ).select(
            "content_sha256", "clean_batch_id", pl.col("batch_id").alias("extract_batch_id"), "extract_version"
        )
        chosen = chosen.join(done, on=["content_sha256", "clean_batch_id"], how="left")
    else:
        chosen = chosen.with_columns(extract_batch_id=pl.lit(None, pl.Utf8), extract_version=pl.lit(None, pl.Utf8))
    now = datetime.now(UTC)
    return (
        chosen.with_columns(updated_at=pl.lit(now).cast(tables.SCHEMAS[tables.CURRENT]["updated_at"]))
        .select(list(tables.SCHEMAS[tables.CURRENT]))
        .sort("content_sha256")
        .collect()
    )


def write_pointer(staging_dir: Path) -> pl.DataFrame:
    """Decide what is current and write it down (atomically); returns the pointer."""
    pointer = decide(staging_dir)
    write_parquet_atomic(pointer, pointer_path(staging_dir))
    return pointer


def read_pointer(staging_dir: Path) -> pl.DataFrame:
    """The pointer as the last stage wrote it (empty before any stage has run)."""
    path = pointer_path(staging_dir)
    if not path.exists():
        return tables.empty(tables.CURRENT)
    return pl.read_parquet(path)


def current_articles(
    staging_dir: Path, columns: Sequence[str] | None = None, where: pl.Expr | None = None
) -> pl.DataFrame:
    """The article rows the pointer names as current for the current cleaning code.

    `columns` limits what is read (content_sha256 is always included); None reads every
    column. Most callers need only KEY_COLUMNS, not every article's full text. A content
    whose current row is by older code (it could not be cleaned again) is left out: for
    the current code it is not cleaned. `where` keeps only the rows it holds for, as they are
    read (a check over every article's text then holds only the rows it reports).
    """
    pointer = read_pointer(staging_dir).filter(pl.col("clean_version") == clean_version())
    found = load_articles(staging_dir, pointer.rename({"clean_batch_id": "batch_id"}), columns, where)
    if columns is not None and "batch_id" not in columns:
        found = found.drop("batch_id")
    return found


def load_articles(
    staging_dir: Path, keys: pl.DataFrame, columns: Sequence[str] | None, where: pl.Expr | None = None
) -> pl.DataFrame:
    """The article rows named by keys' (content_sha256, batch_id) pairs, with `columns`
    (and, when given, for which `where` holds)."""
    schema = tables.SCHEMAS[tables.ARTICLES]
    wanted = list(schema) if columns is None else list(dict.fromkeys(["content_sha256", "batch_id", *columns]))
    lazy = scan_folder(staging_dir / tables.ARTICLES)
    pairs = keys.select("content_sha256", "batch_id").unique()
    if lazy is None or pairs.is_empty():
        return pl.DataFrame(schema={c: schema[c] for c in wanted})
    # batch_id is one value per file, so parquet statistics skip every other batch's file.
    wanted_rows = pl.col("batch_id").is_in(pairs["batch_id"].unique().to_list()) & pl.col(
        "content_sha256"
    ).is_in(pairs["content_sha256"].to_list())
    return (
        lazy.filter(wanted_rows if where is None else wanted_rows & where)
        .select(wanted)
        .join(pairs.lazy(), on=["content_sha256", "batch_id"], how="semi")
        .collect()
    )
