"""The staging tables' names and column types: the schema dbt's sources read."""

from __future__ import annotations

import polars as pl

STR = pl.Utf8
STRS = pl.List(pl.Utf8)
INT = pl.Int64

FILES = "files"                    # the raw directory's listing, one file manifest.parquet
ARTICLES = "articles"              # decoded and cleaned articles, one row per content hash
VISITS = "visits"                  # extracted visits, one row per visit per article
OFFICIALS = "officials"            # extracted official mentions, one row per person per visit
EXTRACTIONS = "extractions"        # which cleaned articles the extractor has read (zero visits too)

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    FILES: {
        "file_name": STR,
        "content_sha256": STR,
        "size_bytes": INT,
        "mtime_ns": INT,
        "is_present": pl.Boolean,
        "first_seen_at": pl.Datetime("us", "UTC"),
        "last_seen_at": pl.Datetime("us", "UTC"),
        "read_error": STR,         # why the file could not be staged (bad name, unreadable), else null
    },
    ARTICLES: {
        "content_sha256": STR,
        "batch_id": STR,
        "clean_version": STR,
        "processed_at": pl.Datetime("us", "UTC"),
        "encoding": STR,
        "decode_status": STR,      # 'ok' | 'quarantined'
        "decode_reason": STR,
        "replaced_bytes": INT,
        "raw_text": STR,
        "clean_text": STR,
        "script": STR,
        "title": STR,
        "published_date": pl.Date,
        "source": STR,
        "reporters": STRS,
        "editors": STRS,
        "captions": STRS,
        "pinyin_removed": INT,
        "garbled_spans_found": INT,
        "garbled_spans_rebuilt": INT,
        "garbled_spans_placeholder": INT,
    },
    EXTRACTIONS: {
        "content_sha256": STR,
        "clean_batch_id": STR,
        "batch_id": STR,
        "extract_version": STR,
        "processed_at": pl.Datetime("us", "UTC"),
        "visit_count": INT,
        "extract_error": STR,
    },
    VISITS: {
        "content_sha256": STR,
        "batch_id": STR,
        "visit_seq": INT,
        "visiting_province": STR,
        "host_province": STR,
        "visiting_unit": STR,
        "host_unit": STR,
        "start_date": pl.Date,
        "end_date": pl.Date,
        "start_md": STR,
        "end_md": STR,
        "host_cities": STRS,
        "meeting_name": STR,
        "programme": STR,
        "leader_names": STRS,
        "year_source": STR,
        "evidence": STR,
        "basis": STRS,
    },
    OFFICIALS: {
        "content_sha256": STR,
        "batch_id": STR,
        "visit_seq": INT,
        "mention_seq": INT,
        "name": STR,
        "province": STR,
        "titles": STRS,
        "side": STR,
        "is_leader": pl.Boolean,
        "evidence": STR,
    },
}


def empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMAS[table])
