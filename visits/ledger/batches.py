"""Clean and extract the content not yet staged by the current code, one batch at a time.

A batch writes one Parquet file per table. Rows are tied to their batch by batch_id and
the file that marks a batch done is written last, so a batch cut short by a crash is
ignored downstream and redone by the next run. Each stage ends by writing the ledger's
pointer (pointer.py), which is what every reader takes as current.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from visits import parallel
from visits.clean import clean_frame
from visits.extract import extract_visits
from visits.ingest import DecodeError, decode_article, read_article
from visits.ledger import tables
from visits.ledger.parquet import write_parquet_atomic
from visits.ledger.pointer import load_articles, pointer_path, write_pointer
from visits.ledger.versions import clean_version, extract_version

log = logging.getLogger(__name__)

# Articles per staging batch (one Parquet file per table); the work units sent to the
# executor are smaller (parallel.UNIT_SIZE) and gathered in order into batches of this size.
BATCH_SIZE = 2000
EMPTY_TEXT_REASON = "no article text left after removing boilerplate"


@dataclass
class BatchStats:
    batches: int = 0
    processed: int = 0
    quarantined: int = 0
    visits: int = 0
    officials: int = 0
    errors: int = 0


def new_batch_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S%f}-{secrets.token_hex(3)}"


def _read_unit(raw_dir: Path, paths: dict[str, str]) -> list[tuple[str, bytes]]:
    """(content hash, bytes) of each file: read here, so executor workers need no raw/ access."""
    out = []
    for sha, file_name in paths.items():
        try:
            out.append((sha, read_article(raw_dir, file_name)))  # bounded, never blocks, never leaves raw/
        except OSError as exc:  # vanished or unreadable: not staged, retried next run
            log.warning("cannot read %s: %s", file_name, exc)
    return out


def _decode_rows(items: list[tuple[str, bytes]]) -> list[dict]:
    rows = []
    for sha, data in items:
        row: dict = {"content_sha256": sha, "raw_text": None, "encoding": None, "replaced_bytes": 0}
        try:
            decoded = decode_article(data)
        except DecodeError as exc:
            row.update(decode_status="quarantined", decode_reason=str(exc))
        else:
            row.update(
                decode_status="ok",
                decode_reason=None,
                raw_text=decoded.text,
                encoding=decoded.encoding,
                replaced_bytes=decoded.replaced_bytes,
            )
        rows.append(row)
    return rows


def _clean(frame: pl.DataFrame) -> pl.DataFrame:
    """clean_frame over the batch; an article that breaks it is quarantined alone."""
    ok = frame.filter(pl.col("decode_status") == "ok").rename({"content_sha256": "article_id"})
    failed = frame.filter(pl.col("decode_status") != "ok")
    try:
        cleaned = clean_frame(ok)
    except Exception:  # noqa: BLE001 - find the one bad article instead of losing the batch
        parts = []
        for one in ok.iter_slices(1):
            try:
                parts.append(clean_frame(one))
            except Exception as exc:  # noqa: BLE001
                reason = f"cleaning failed: {type(exc).__name__}: {exc}"[:500]
                failed = pl.concat(
                    [
                        failed,
                        one.rename({"article_id": "content_sha256"}).with_columns(
                            decode_status=pl.lit("quarantined"), decode_reason=pl.lit(reason)
                        ),
                    ],
                    how="diagonal_relaxed",
                )
        cleaned = pl.concat(parts, how="diagonal_relaxed") if parts else ok.clear()
    cleaned = cleaned.rename({"article_id": "content_sha256"})
    if "clean_text" in cleaned.columns:
        # All boilerplate: loading it would give a "loaded" article with nothing to read.
        empty = pl.col("clean_text").is_null() | (pl.col("clean_text").str.strip_chars() == "")
        cleaned = cleaned.with_columns(
            decode_status=pl.when(empty).then(pl.lit("quarantined")).otherwise(pl.col("decode_status")),
            decode_reason=pl.when(empty).then(pl.lit(EMPTY_TEXT_REASON)).otherwise(pl.col("decode_reason")),
        )
    return pl.concat([cleaned, failed], how="diagonal_relaxed")


def _clean_unit(items: list[tuple[str, bytes]]) -> pl.DataFrame:
    """One work unit (runs on an executor worker): decode and clean, in the articles' schema."""
    rows = _decode_rows(items)
    if not rows:
        return tables.empty(tables.ARTICLES)
    text_columns = {"raw_text": pl.Utf8, "encoding": pl.Utf8, "decode_reason": pl.Utf8}
    cleaned = _clean(pl.DataFrame(rows, infer_schema_length=None, schema_overrides=text_columns))
    return pl.concat([tables.empty(tables.ARTICLES), cleaned], how="diagonal_relaxed").select(
        list(tables.SCHEMAS[tables.ARTICLES])
    )


def clean_new_content(staging_dir: Path, raw_dir: Path, manifest: pl.DataFrame) -> BatchStats:
    """Decode and clean every present content hash that the current code has not cleaned."""
    stats = BatchStats()
    version = clean_version()
    pointer = write_pointer(staging_dir)  # from the batches on disk, whatever ran before
    done = set(pointer.filter(pl.col("clean_version") == version)["content_sha256"].to_list())
    # Rows with a read_error (bad name, unreadable) have no content to decode.
    present = (
        manifest.filter(pl.col("is_present") & pl.col("read_error").is_null() & ~pl.col("content_sha256").is_in(sorted(done)))
        .sort("file_name")
        .unique("content_sha256", keep="first", maintain_order=True)
    )
    todo = dict(zip(present["content_sha256"], present["file_name"], strict=True))
    units = parallel.units_of(list(todo), parallel.unit_size(len(todo)))
    reads = (_read_unit(raw_dir, {sha: todo[sha] for sha in unit}) for unit in units)
    for group in parallel.map_in_batches(_clean_unit, reads, len(units), len(todo), BATCH_SIZE, len):
        now = datetime.now(UTC)
        out = pl.concat(group, how="vertical_relaxed").with_columns(
            batch_id=pl.lit(new_batch_id(now)),
            clean_version=pl.lit(version),
            processed_at=pl.lit(now).cast(pl.Datetime("us", "UTC")),
        )
        if out.is_empty():
            continue
        write_parquet_atomic(out, staging_dir / tables.ARTICLES / f"{out['batch_id'][0]}.parquet")
        stats.batches += 1
        stats.processed += out.height
        stats.quarantined += out.filter(pl.col("decode_status") != "ok").height
    write_pointer(staging_dir)
    return stats


def _visit_rows(sha: str, batch_id: str, visits: list) -> tuple[list[dict], list[dict]]:
    visit_rows, official_rows = [], []
    for seq, v in enumerate(visits):
        keys = {"content_sha256": sha, "batch_id": batch_id, "visit_seq": seq}
        visit_rows.append(tables.rows_of(v, tables.VISITS, **keys))
        official_rows += [
            tables.rows_of(o, tables.OFFICIALS, **keys, mention_seq=n) for n, o in enumerate(v.officials)
        ]
    return visit_rows, official_rows



def _extract_unit(articles: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, int]:
    """One work unit (runs on an executor worker): (visit rows, official rows, marks, errors),
    as frames of the tables' schemas: building them here, not in the process that gathers
    the units, spreads that work over the workers too.

    Batch ids, versions and times are left empty for the caller, which gathers units into batches.
    """
    visit_rows: list[dict] = []
    official_rows: list[dict] = []
    marks: list[dict] = []
    errors = 0
    for art in articles:
        error = None
        try:
            found = extract_visits(
                art["clean_text"] or "",
                title=art["title"],
                published_date=art["published_date"],
                source=art["source"],
            )
        except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
            log.exception("extraction failed for %s", art["content_sha256"])
            found, error = [], f"{type(exc).__name__}: {exc}"[:500]
            errors += 1
        v_rows, o_rows = _visit_rows(art["content_sha256"], "", found)
        visit_rows += v_rows
        official_rows += o_rows
        marks.append(
            {
                "content_sha256": art["content_sha256"],
                "clean_batch_id": art["batch_id"],
                "batch_id": "",
                "extract_version": "",
                "processed_at": None,
                "visit_count": len(found),
                "extract_error": error,
            }
        )
    return (
        _frame(visit_rows, tables.VISITS),
        _frame(official_rows, tables.OFFICIALS),
        _frame(marks, tables.EXTRACTIONS),
        errors,
    )


def _frame(rows: list[dict], table: str) -> pl.DataFrame:
    """Rows as a frame of the table's schema, built column by column (much cheaper than
    from dicts when list columns are many)."""
    schema = tables.SCHEMAS[table]
    return pl.DataFrame({name: [r[name] for r in rows] for name in schema}, schema=schema)


def _stamped(frames: list[pl.DataFrame], table: str, **values: object) -> pl.DataFrame:
    """The units' frames of one table as one batch, with the batch's own values set."""
    frame = pl.concat(frames, how="vertical") if frames else tables.empty(table)
    schema = tables.SCHEMAS[table]
    return frame.with_columns(pl.lit(v).cast(schema[k]).alias(k) for k, v in values.items()).rechunk()


def extract_new_content(staging_dir: Path) -> BatchStats:
    """Run the extractor over cleaned articles it has not read in their current version."""
    stats = BatchStats()
    version = extract_version()
    pointer = write_pointer(staging_dir)
    # The current code's clean rows that the current extractor has not read.
    todo = pointer.filter(
        (pl.col("clean_version") == clean_version())
        & (pl.col("decode_status") == "ok")
        & pl.col("extract_batch_id").is_null()
    ).select("content_sha256", pl.col("clean_batch_id").alias("batch_id"))
    size = parallel.unit_size(todo.height)

    def units() -> Iterable[list[dict]]:
        for start in range(0, todo.height, BATCH_SIZE):
            # Texts are read per chunk, for the rows this chunk extracts, never all at once.
            chunk = load_articles(
                staging_dir,
                todo.slice(start, BATCH_SIZE),
                ["clean_text", "title", "published_date", "source"],
            )
            yield from parallel.units_of(chunk.to_dicts(), size)

    n_units = sum(-(-min(BATCH_SIZE, todo.height - start) // size) for start in range(0, todo.height, BATCH_SIZE))
    for group in parallel.map_in_batches(
        _extract_unit, units(), n_units, todo.height, BATCH_SIZE, lambda u: u[2].height
    ):
        now = datetime.now(UTC)
        batch_id = new_batch_id(now)
        visits = _stamped([unit[0] for unit in group], tables.VISITS, batch_id=batch_id)
        officials = _stamped([unit[1] for unit in group], tables.OFFICIALS, batch_id=batch_id)
        marks = _stamped(
            [unit[2] for unit in group], tables.EXTRACTIONS,
            batch_id=batch_id, extract_version=version, processed_at=now,
        )  # fmt: skip
        for table, frame in ((tables.VISITS, visits), (tables.OFFICIALS, officials)):
            write_parquet_atomic(frame, staging_dir / table / f"{batch_id}.parquet")
        # Written last: its presence is what marks the batch as done.
        write_parquet_atomic(marks, staging_dir / tables.EXTRACTIONS / f"{batch_id}.parquet")
        stats.batches += 1
        stats.processed += marks.height
        stats.errors += sum(unit[3] for unit in group)
        stats.visits += visits.height
        stats.officials += officials.height
    write_pointer(staging_dir)
    return stats


def ensure_tables(staging_dir: Path) -> None:
    """Give every staging folder at least an empty, typed file so dbt can always read it."""
    for table, schema in tables.SCHEMAS.items():
        folder = staging_dir / table
        if table == tables.CURRENT:
            if not pointer_path(staging_dir).exists():
                write_pointer(staging_dir)
        elif not any(folder.glob("*.parquet")):
            write_parquet_atomic(pl.DataFrame(schema=schema), folder / "_empty.parquet")
