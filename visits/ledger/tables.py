"""The staging tables' names and column types: the schema dbt's sources read.

The record columns come from visits/records.py (through visits/schema.py); this module adds
only the ledger's own columns: keys, batch ids, versions, timestamps, decode outcome.
"""

from __future__ import annotations

import polars as pl

from visits.records import CleanArticle, OfficialMention, VisitRecord
from visits.schema import record_schema

STR = pl.Utf8
INT = pl.Int64
UTC_TIME = pl.Datetime("us", "UTC")

FILES = "files"                    # the raw directory's listing, one file manifest.parquet
ARTICLES = "articles"              # decoded and cleaned articles, one row per content hash per batch
VISITS = "visits"                  # extracted visits, one row per visit per article
OFFICIALS = "officials"            # extracted official mentions, one row per person per visit
EXTRACTIONS = "extractions"        # which cleaned articles the extractor has read (zero visits too)
CURRENT = "current"                # the pointer: which batches are current (visits/ledger/pointer.py)

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    FILES: {
        "file_name": STR,
        "content_sha256": STR,
        "size_bytes": INT,
        "mtime_ns": INT,
        "is_present": pl.Boolean,
        "first_seen_at": UTC_TIME,
        "last_seen_at": UTC_TIME,
        "read_error": STR,         # why the file could not be staged (bad name, unreadable), else null
    },
    ARTICLES: {
        "content_sha256": STR,
        "batch_id": STR,
        "clean_version": STR,
        "processed_at": UTC_TIME,
        "encoding": STR,
        "decode_status": STR,      # 'ok' | 'quarantined'
        "decode_reason": STR,
        "replaced_bytes": INT,
        "raw_text": STR,
        **record_schema(CleanArticle, staged_only=True),
    },
    EXTRACTIONS: {
        "content_sha256": STR,
        "clean_batch_id": STR,
        "batch_id": STR,
        "extract_version": STR,
        "processed_at": UTC_TIME,
        "visit_count": INT,
        "extract_error": STR,
    },
    VISITS: {
        "content_sha256": STR,
        "batch_id": STR,
        "visit_seq": INT,
        **record_schema(VisitRecord, staged_only=True),
    },
    OFFICIALS: {
        "content_sha256": STR,
        "batch_id": STR,
        "visit_seq": INT,
        "mention_seq": INT,
        **record_schema(OfficialMention, staged_only=True),
    },
    CURRENT: {
        "content_sha256": STR,
        "clean_batch_id": STR,     # the article row every reader takes
        "clean_version": STR,      # the code that made it (the current code's, unless it could not run)
        "decode_status": STR,
        "extract_batch_id": STR,   # the extraction of that clean row by the current extractor, else null
        "extract_version": STR,
        "updated_at": UTC_TIME,    # when the pointer was last written
    },
}

# Tables of batch files, verified and moved aside when corrupt; the pointer is derived, not a batch.
BATCH_TABLES = (FILES, ARTICLES, EXTRACTIONS, VISITS, OFFICIALS)


def empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMAS[table])


def rows_of(record: object, table: str, **keys: object) -> dict:
    """One staging row of `table` from a record: its staged fields, plus the ledger's keys."""
    row = dict(keys)
    for name in SCHEMAS[table]:
        if name not in row:
            value = getattr(record, name)
            row[name] = list(value) if isinstance(value, list) else value
    return row
