"""Machinery for bench/fault_table.py: real builds (the contract's command, in a subprocess),
kills at points seen on disk or at named fault points, and what a reader sees.

Kept beside the script, not imported from tests/: the tests and this bench share only the
shipped code (orchestration.headless builds the command and environment for both).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.headless import build_command, build_env
from visits.publish import build_path
from visits.publish import read_rows as query  # the one read-only reader

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# The marts compared between builds; the two timestamps of dim_article are when a file was
# seen, which differ between any two builds.
SNAPSHOT_TABLES = {
    "dim_article": "select * exclude (first_seen_at, last_seen_at) from marts.dim_article",
    "fact_visit": "select * from marts.fact_visit",
    "dim_official": "select * from marts.dim_official",
    "bridge_visit_official": "select * from marts.bridge_visit_official",
    "bridge_visit_article": "select * from marts.bridge_visit_article",
}


@dataclass
class Warehouse:
    root: Path
    raw: Path = field(init=False)
    warehouse: Path = field(init=False)
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.raw, self.warehouse, self.home = self.root / "raw", self.root / "warehouse", self.root / "home"
        self.raw.mkdir(parents=True, exist_ok=True)

    @property
    def db(self) -> Path:
        return self.warehouse / "visits.duckdb"

    @property
    def marts(self) -> Path:
        return self.warehouse / "marts"

    def env(self, **extra: str) -> dict[str, str]:
        return {**build_env(self.raw, self.warehouse, self.home), **extra}




def build(
    w: Warehouse,
    full_refresh: bool = False,
    env: dict[str, str] | None = None,
    timeout: float = 900,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess:
    """The bare contract command (no `orchestration.recovery` first), output captured."""
    proc = subprocess.Popen(
        build_command(BIN, full_refresh), cwd=REPO, env=env or w.env(), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True, preexec_fn=preexec,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return subprocess.CompletedProcess(proc.args, -9, f"TIMEOUT after {timeout:.0f}s\n{out}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out)


def start_build(w: Warehouse, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        build_command(BIN), cwd=REPO, env=env or w.env(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,  # the kill takes dbt and every step
    )


def snapshot(db: Path) -> Counter:
    """Every row of the compared marts, as a multiset of (table, row)."""
    rows: Counter = Counter()
    for table, sql in SNAPSHOT_TABLES.items():
        rows.update((table, repr(r)) for r in query(db, sql))
    return rows


def missing(reference: Counter, now: Counter) -> int:
    """Rows of `reference` absent from `now`: the rows lost."""
    return sum((reference - now).values())


def extra(reference: Counter, now: Counter) -> int:
    return sum((now - reference).values())


def articles(db: Path) -> dict[str, tuple]:
    """file_name -> (status, status_reason, visit_count)."""
    return {r[0]: r[1:] for r in query(db, "select file_name, status, status_reason, visit_count from marts.dim_article")}


def db_counts(db: Path, tables: list[str]) -> dict[str, int]:
    return {t: query(db, f"select count(*) from marts.{t}")[0][0] for t in tables}


def staging_batches(w: Warehouse, table: str = "articles") -> set[str]:
    folder = w.warehouse / "staging" / table
    return {p.name for p in folder.glob("*.parquet") if not p.name.startswith(".")} if folder.is_dir() else set()


def db_identity(db: Path) -> tuple[int, int]:
    st = db.stat()
    return st.st_ino, st.st_mtime_ns


def disk_point(w: Warehouse, point: str) -> Callable[[], bool]:
    """A kill point seen on the filesystem, against its state now (before the build)."""
    batches, identity, building = staging_batches(w), db_identity(w.db), build_path(w.db)
    return {
        "cleaned": lambda: bool(staging_batches(w) - batches),  # cleaning wrote its batch
        "dbt_running": building.exists,  # prepare_build made dbt's copy
        "published": lambda: db_identity(w.db) != identity,  # visits.duckdb swapped
    }[point]


def kill_when(proc: subprocess.Popen, reached: Callable[[], bool], timeout: float = 600) -> str:
    """Poll every 50 ms; SIGKILL the build's process group once `reached()`; say what happened."""
    deadline = time.monotonic() + timeout
    try:
        while not reached():
            if proc.poll() is not None:
                return f"build ended (rc {proc.returncode}) before the point"
            if time.monotonic() > deadline:
                return "point not reached in time"
            time.sleep(0.05)
        return "killed at the point" if proc.poll() is None else "build ended as the point was seen"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def corrupt(path: Path) -> None:
    """Overwrite 64 bytes in the middle, as the issue's reproduction did."""
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def largest_batch(w: Warehouse, table: str) -> Path:
    folder = w.warehouse / "staging" / table
    return max((p for p in folder.glob("*.parquet") if p.name != "_empty.parquet"), key=lambda p: p.stat().st_size)


def copy_samples(raw: Path, n: int | None = None) -> list[Path]:
    samples = sorted((REPO / "raw").glob("*.txt"))[:n]
    for path in samples:
        shutil.copy(path, raw / path.name)
    return samples


def dbt_run_folders() -> list[str]:
    return sorted(p.name for p in (REPO / "dbt_project" / "target").glob("warehouse_models-*") if p.is_dir())


def tail(text: str, n: int = 300) -> str:
    return " ".join(text.split())[-n:]
