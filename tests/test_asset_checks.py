"""Our own asset checks, on small hand-made staging Parquet (no build, no DuckDB)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from visits.ledger import tables
from visits.ledger.parquet import write_parquet_atomic
from visits.ledger.pointer import write_pointer
from visits.ledger.versions import clean_version, extract_version

NOW = datetime(2026, 11, 21, tzinfo=UTC)


def frame(table: str, rows: list[dict]) -> pl.DataFrame:
    full = [{c: r.get(c) for c in tables.SCHEMAS[table]} for r in rows]
    return pl.DataFrame(full, schema=tables.SCHEMAS[table])


class Staging:
    """Writes the staging tables the checks read, the way the assets lay them out: each stage
    ends by writing the ledger's pointer."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self, present: dict[str, str], gone: dict[str, str] | None = None) -> None:
        rows = [
            {"file_name": n, "content_sha256": s, "size_bytes": 1, "mtime_ns": 1, "is_present": True}
            for n, s in present.items()
        ] + [
            {"file_name": n, "content_sha256": s, "size_bytes": 1, "mtime_ns": 1, "is_present": False}
            for n, s in (gone or {}).items()
        ]
        write_parquet_atomic(frame(tables.FILES, rows), self.root / tables.FILES / "manifest.parquet")

    def articles(self, rows: dict[str, str | None], status: str = "ok", version: str | None = None) -> None:
        out = [
            {"content_sha256": sha, "batch_id": "b1", "clean_version": version or clean_version(),
             "processed_at": NOW, "decode_status": status, "clean_text": text}
            for sha, text in rows.items()
        ]
        write_parquet_atomic(frame(tables.ARTICLES, out), self.root / tables.ARTICLES / f"{status}-b1.parquet")
        write_pointer(self.root)

    def extractions(self, visit_counts: dict[str, int], error: str | None = None) -> None:
        out = [
            {"content_sha256": sha, "clean_batch_id": "b1", "batch_id": "e1", "extract_version": extract_version(),
             "processed_at": NOW, "visit_count": n, "extract_error": error}
            for sha, n in visit_counts.items()
        ]
        write_parquet_atomic(frame(tables.EXTRACTIONS, out), self.root / tables.EXTRACTIONS / "e1.parquet")
        write_pointer(self.root)


@pytest.fixture
def staging(tmp_path, monkeypatch) -> Staging:
    monkeypatch.setenv("VISITS_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    return Staging(tmp_path / "warehouse" / "staging")


def cleaned_check() -> dg.AssetCheckResult:
    from orchestration.checks import every_loaded_article_cleaned
    from orchestration.resources import paths_from_env

    return every_loaded_article_cleaned(warehouse=paths_from_env())


def no_visit_check() -> dg.AssetCheckResult:
    from orchestration.checks import share_of_articles_without_visit
    from orchestration.resources import paths_from_env

    return share_of_articles_without_visit(warehouse=paths_from_env())


def test_every_present_article_cleaned_passes(staging):
    staging.files({"a.txt": "A", "b.txt": "B", "dup.txt": "A"}, gone={"old.txt": "OLD"})
    staging.articles({"A": "正文甲", "B": "正文乙"})
    result = cleaned_check()
    assert result.passed
    assert result.metadata["present_contents"].value == 2  # the removed file's content is not required


def test_quarantined_content_counts_as_handled(staging):
    staging.files({"a.txt": "A", "bad.png": "P"})
    staging.articles({"A": "正文甲"})
    staging.articles({"P": None}, status="quarantined")
    assert cleaned_check().passed


def test_present_content_without_a_cleaned_row_fails(staging):
    staging.files({"a.txt": "A", "b.txt": "B"})
    staging.articles({"A": "正文甲"})
    result = cleaned_check()
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR
    assert result.metadata["uncleaned"].value == 1
    assert result.metadata["uncleaned_sample"].value == ["B"]


def test_rows_from_older_cleaning_code_do_not_count(staging):
    staging.files({"a.txt": "A"})
    staging.articles({"A": "正文甲"}, version="old-version")
    assert not cleaned_check().passed


def test_empty_clean_text_fails(staging):
    staging.files({"a.txt": "A"})
    staging.articles({"A": "  "})
    result = cleaned_check()
    assert not result.passed
    assert result.metadata["empty_clean_text"].value == 1


def test_no_visit_share_is_reported_and_passes_below_threshold(staging):
    shas = {f"S{i}": "正文" for i in range(10)}
    staging.files({f"{s}.txt": s for s in shas})
    staging.articles(shas)
    staging.extractions({s: (0 if s in ("S0", "S1") else 1) for s in shas})
    result = no_visit_check()
    assert result.passed
    assert result.metadata["no_visit_share"].value == pytest.approx(0.2)
    assert result.metadata["loaded_articles"].value == 10
    assert result.metadata["no_visit_sample"].value == ["S0", "S1"]


def test_high_no_visit_share_warns(staging):
    shas = {f"S{i}": "正文" for i in range(4)}
    staging.files({f"{s}.txt": s for s in shas})
    staging.articles(shas)
    staging.extractions({s: (0 if s != "S3" else 2) for s in shas})
    result = no_visit_check()
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.WARN
    assert result.metadata["no_visit_share"].value == pytest.approx(0.75)


def test_quarantined_and_removed_articles_are_not_in_the_share(staging):
    staging.files({"a.txt": "A", "bad.png": "P"}, gone={"old.txt": "OLD"})
    staging.articles({"A": "正文", "OLD": "旧文"})
    staging.articles({"P": None}, status="quarantined")
    staging.extractions({"A": 1, "OLD": 0})
    result = no_visit_check()
    assert result.passed
    assert result.metadata["loaded_articles"].value == 1
    assert result.metadata["no_visit_share"].value == 0.0


def test_article_not_yet_extracted_fails_the_check(staging):
    staging.files({"a.txt": "A", "b.txt": "B"})
    staging.articles({"A": "正文", "B": "正文"})
    staging.extractions({"A": 1})
    result = no_visit_check()
    assert not result.passed
    assert result.metadata["not_extracted"].value == 1


def test_checks_run_on_an_empty_staging_dir(staging):
    assert cleaned_check().passed
    result = no_visit_check()
    assert result.passed and result.metadata["loaded_articles"].value == 0
