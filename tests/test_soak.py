"""Soak: articles arrive in bursts while `dagster dev` runs with its sensor, readers read all along.

Bounded in time and count for this machine (issue 15): ARTICLES generated articles arrive in
BURSTS over about two minutes; READERS threads query the DuckDB file read-only and read the
Parquet exports in a loop the whole time. At the end every content is in the warehouse exactly
once, no run failed, no reader saw an error or an incomplete set of marts, row counts never
went down, and at most one run ever waited behind the running one.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.support.dagster_dev import DagsterDev, all_runs, dagster_dev, runs_in_progress
from tests.support.paths import REPO, query
from visits.publish import export_counts

pytestmark = [pytest.mark.slow, pytest.mark.soak]

ARTICLES = 300
BURSTS = 8
BURST_GAP_SECONDS = 15.0
READERS = 4
DRAIN_TIMEOUT_SECONDS = 150.0  # after the last burst: the sensor's next tick and its build


@dataclass
class Reader:
    """One reader: counts every mart in DuckDB (read-only) and in the Parquet copies, in a loop."""

    db: Path
    marts: Path
    stop: threading.Event
    queries: int = 0
    errors: list[str] = field(default_factory=list)
    longest_wait: float = 0.0
    tables: set[str] | None = None
    highest: dict[tuple[str, str], int] = field(default_factory=dict)

    def _check(self, source: str, counts: dict[str, int]) -> None:
        if self.tables is None:
            self.tables = set(counts)
        if set(counts) != self.tables:
            self.errors.append(f"{source}: marts {sorted(counts)} instead of {sorted(self.tables)}")
        for table, n in counts.items():
            last = self.highest.get((source, table), 0)
            if n < last:
                self.errors.append(f"{source}: {table} went down from {last} to {n}")
            self.highest[(source, table)] = max(last, n)

    def _duckdb(self) -> dict[str, int]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            names = [r[0] for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()]
            return {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in names}
        finally:
            con.close()

    def _parquet(self) -> dict[str, int]:
        return export_counts(self.marts)  # one version, resolved once, as the README tells readers

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.db.exists():  # before the first build: nothing to read yet
                time.sleep(0.5)
                continue
            started = time.monotonic()
            for source, read in (("duckdb", self._duckdb), ("parquet", self._parquet)):
                try:
                    self._check(source, read())
                except (Exception, pl.exceptions.PanicException) as exc:  # noqa: BLE001 - every failure is a finding (a polars panic is no Exception)
                    self.errors.append(f"{source}: {exc!r}")
                self.queries += 1
            self.longest_wait = max(self.longest_wait, time.monotonic() - started)
            time.sleep(0.1)


def _watch_runs(dev: DagsterDev, stop: threading.Event, waiting: list[int]) -> None:
    """How many runs wait behind the running one, every two seconds."""
    while not stop.is_set():
        try:
            runs = runs_in_progress(dev.url)
            waiting.append(max(0, len(runs) - 1))
        except (OSError, AssertionError):
            pass
        stop.wait(2)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bursts_of_articles_under_readers_lose_nothing_and_fail_nothing(tmp_path, dbt_parsed):
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), "--n", str(ARTICLES), "--seed", "15", "--out", str(corpus)],
        check=True, capture_output=True,
    )
    arriving = sorted((corpus / "raw").glob("*.txt"))
    assert len(arriving) == ARTICLES
    started = time.monotonic()
    with dagster_dev(tmp_path / "soak") as dev:
        stop = threading.Event()
        readers = [Reader(dev.db, dev.warehouse / "marts", stop) for _ in range(READERS)]
        waiting: list[int] = []
        threads = [threading.Thread(target=r.run, daemon=True) for r in readers]
        threads.append(threading.Thread(target=_watch_runs, args=(dev, stop, waiting), daemon=True))
        for thread in threads:
            thread.start()
        try:
            per_burst = -(-ARTICLES // BURSTS)
            for i in range(BURSTS):
                for path in arriving[i * per_burst : (i + 1) * per_burst]:
                    shutil.copy(path, dev.raw / path.name)
                time.sleep(BURST_GAP_SECONDS)
            expected = {p.name: _sha(p) for p in dev.raw.iterdir()}
            deadline = time.monotonic() + DRAIN_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                loaded = query(dev.db, "select count(*) from marts.dim_article")[0][0] if dev.db.exists() else 0
                if loaded >= len(expected) and not runs_in_progress(dev.url):
                    break
                time.sleep(3)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
        runs = all_runs(dev.url)
    elapsed = time.monotonic() - started

    rows = query(dev.db, "select file_name, content_sha256, status from marts.dim_article")
    assert sorted(r[0] for r in rows) == sorted(expected)  # one row per file, none twice
    assert {r[0]: r[1] for r in rows} == expected
    assert {r[2] for r in rows} == {"loaded"}
    (staged, distinct) = query(dev.db, "select count(*), count(distinct article_id) from staging.stg_articles")[0]
    assert staged == distinct == len(expected)
    assert runs and {r["status"] for r in runs} == {"SUCCESS"}, [(r["runId"], r["status"]) for r in runs]
    errors = [e for r in readers for e in r.errors]
    assert not errors, errors[:20]
    assert all(r.queries > 0 for r in readers)
    assert max(waiting, default=0) <= 1, waiting
    print(
        f"\nsoak: {len(expected)} files, {len(runs)} runs, {sum(r.queries for r in readers)} reader queries, "
        f"{len(errors)} errors, longest reader wait {max(r.longest_wait for r in readers):.2f}s, "
        f"most runs waiting {max(waiting, default=0)}, {elapsed:.0f}s"
    )
