"""The fingerprint of a build's inputs: what moves it, what does not, and the published one."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from visits import build_inputs
from visits.build_inputs import forget_inputs, inputs_fingerprint, published_inputs, record_inputs
from visits.ledger import tables
from visits.ledger.parquet import write_parquet_atomic

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _manifest(staging: Path, seen: datetime, sha: str = "a" * 64) -> None:
    row = {"file_name": "x.txt", "content_sha256": sha, "size_bytes": 10, "mtime_ns": 1, "is_present": True,
           "first_seen_at": T0, "last_seen_at": seen, "read_error": None}
    write_parquet_atomic(pl.DataFrame([row], schema=tables.SCHEMAS[tables.FILES]),
                         staging / tables.FILES / "manifest.parquet")


@pytest.fixture
def staging(tmp_path) -> Path:
    root = tmp_path / "staging"
    _manifest(root, T0)
    return root


def test_a_rescan_that_finds_the_same_files_leaves_the_fingerprint(staging):
    before = inputs_fingerprint(staging)
    _manifest(staging, T0 + timedelta(days=1))  # only last_seen_at moved
    assert inputs_fingerprint(staging) == before


def test_a_changed_file_or_a_new_batch_moves_it(staging):
    before = inputs_fingerprint(staging)
    _manifest(staging, T0, sha="b" * 64)
    changed = inputs_fingerprint(staging)
    assert changed != before
    write_parquet_atomic(pl.DataFrame({"i": [1]}), staging / "visits" / "20260301T000000-aaaaaa.parquet")
    assert inputs_fingerprint(staging) != changed


def test_a_corrections_seed_moves_it(staging, tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    (seeds / "corrections").mkdir(parents=True)
    seed = seeds / "corrections" / "drop_visit.csv"
    seed.write_text("visit_id,note\n")
    monkeypatch.setattr(build_inputs, "SEEDS_DIR", seeds)
    before = inputs_fingerprint(staging)
    seed.write_text("visit_id,note\nv1,a duplicate\n")
    assert inputs_fingerprint(staging) != before


def test_the_published_fingerprint_is_absent_while_a_build_may_be_replacing_the_file(tmp_path):
    db = tmp_path / "visits.duckdb"
    record_inputs(db, "f1")
    assert published_inputs(db) is None  # no warehouse file: nothing is published
    db.write_bytes(b"")
    assert published_inputs(db) == "f1"
    forget_inputs(db)
    assert published_inputs(db) is None
    assert not list(tmp_path.glob("*.tmp"))
