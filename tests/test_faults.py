"""Faults: builds killed part-way, and readers holding the warehouse while a build runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from orchestration.headless import build_command, build_env
from tests.support.build import copy_build, run_build, run_folders_left
from tests.support.paths import BIN, REPO, query
from visits.publish import build_path, export_counts

pytestmark = pytest.mark.slow

NEW_ARTICLE = (
    "本报讯 10月9日至10日，浙江省党政代表团赴四川省考察东西部协作工作。四川省委书记赵明远主持座谈会，"
    "浙江省委书记钱海波讲话。浙江省领导孙立平、周晓东参加活动。\n"
)


def _snapshot(db: Path) -> dict[str, list]:
    out = {}
    for table in ("marts.dim_article", "marts.fact_visit", "marts.dim_official", "marts.bridge_visit_official"):
        out[table] = sorted(map(repr, query(db, f"select * exclude (last_seen_at, first_seen_at) from {table}")
                                if table == "marts.dim_article" else query(db, f"select * from {table}")))
    return out


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, two_sample_build) -> dict:
    """The session's build of the first two samples, copied: this module's to change."""
    paths = copy_build(two_sample_build, tmp_path_factory.mktemp("faults"))
    paths["db"] = paths["warehouse"] / "visits.duckdb"
    return paths


def _start_build(w: dict, **extra_env: str) -> subprocess.Popen:
    return subprocess.Popen(
        build_command(BIN),
        cwd=REPO,
        env={**build_env(w["raw"], w["warehouse"], w["home"]), **extra_env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the kill takes dbt and every step process with it
    )


def _new_staging_batches(w: dict) -> set[str]:
    """Finished article batch files (a write in progress is a hidden .tmp file)."""
    folder = w["warehouse"] / "staging" / "articles"
    return {p.name for p in folder.glob("*.parquet") if not p.name.startswith(".")} if folder.is_dir() else set()


def _db_identity(db: Path) -> tuple[int, int]:
    st = db.stat()
    return st.st_ino, st.st_mtime_ns


def _kill_point(w: dict, point: str) -> Callable[[], bool]:
    """Each kill point before publishing as a test of the filesystem, against its state before the build."""
    batches, building = _new_staging_batches(w), build_path(w["db"])
    if point == "dbt_running":
        assert not building.exists(), "a build copy left over: the kill point 'dbt_running' would fire at once"
    return {
        # cleaning wrote its batch; extraction or dbt still to come, nothing published
        "cleaned": lambda: bool(_new_staging_batches(w) - batches),
        # prepare_build made the copy dbt writes: dbt is running
        "dbt_running": building.exists,
    }[point]


def _kill_when(proc: subprocess.Popen, reached: Callable[[], bool], point: str, timeout: float = 600) -> None:
    """Poll every 50 ms; kill the build's whole process group the moment `reached()` holds."""
    deadline = time.monotonic() + timeout
    try:
        while not reached():
            if proc.poll() is not None:
                pytest.fail(f"the build ended (rc {proc.returncode}) before reaching kill point {point!r}")
            if time.monotonic() > deadline:
                pytest.fail(f"kill point {point!r} not reached within {timeout:.0f}s")
            time.sleep(0.05)
        alive = proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # dbt and every step go with it
        proc.wait()
    assert alive, f"the build had already ended when kill point {point!r} was seen"


def _db_counts(db: Path, tables: list[str]) -> dict[str, int]:
    return {t: query(db, f"select count(*) from marts.{t}")[0][0] for t in tables}


def _writer_holding(db: Path, seconds: float) -> subprocess.Popen:
    """Another process with a read-write connection open on the warehouse for `seconds`."""
    holder = subprocess.Popen(
        [str(BIN / "python"), "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep({seconds})"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    return holder


# Kill points, chained: each killed build is followed by the next one (the bare contract
# command, which must free the dead run's writer slot itself to get that far), and one
# finishing build comes at the end. Each case adds an article about a visit in its own month,
# so no two are the same visit. Before publishing, the points are observed on disk, so each
# case provably kills where it says. After it, the windows (a rename apart) are too short for
# any poll of the disk, so the build stops at a named fault point (visits/faults.py) and is
# killed there: "published" (visits.duckdb swapped for the new build, the Parquet export under
# way) at the export's first, then the moment its new link exists but is not yet renamed in.
KILL_POINTS = [("cleaned", 1, None), ("dbt_running", 2, None), ("published", 3, "export_writing"),
               ("export_link_made", 5, "export_link_made")]  # fmt: skip


def test_builds_killed_at_each_point_leave_readers_a_whole_warehouse_and_the_bare_command_finishes_beside_a_reader(
    warehouse, tmp_path
):
    marts = warehouse["warehouse"] / "marts"
    first, first_parquet = _snapshot(warehouse["db"]), export_counts(marts)
    assert first_parquet and first_parquet == _db_counts(warehouse["db"], list(first_parquet))
    names = []
    for point, month, fault in KILL_POINTS:
        before, parquet_before = _snapshot(warehouse["db"]), export_counts(marts)
        identity = _db_identity(warehouse["db"])
        name = f"new_{month}.txt"
        names.append(name)
        (warehouse["raw"] / name).write_text(NEW_ARTICLE.replace("10月9日至10日", f"{month}月9日至10日"), encoding="utf-8")
        if fault:
            marker = tmp_path / f"reached-{fault}"
            proc = _start_build(warehouse, VISITS_FAULT_POINT=fault, VISITS_FAULT_MARKER=str(marker))
            reached = marker.exists
        else:
            reached = _kill_point(warehouse, point)
            proc = _start_build(warehouse)
        _kill_when(proc, reached, point)

        after_kill = _snapshot(warehouse["db"])  # readable, and complete: the old or the new build
        files = {r[0] for r in query(warehouse["db"], "select file_name from marts.dim_article")}
        if fault:
            assert _db_identity(warehouse["db"]) != identity, point
            assert set(names) <= files and after_kill != before, point  # the whole new build
            # killed inside the export: the Parquet copies are still the previous complete set
            assert export_counts(marts) == parquet_before, point
        else:
            assert _db_identity(warehouse["db"]) == identity, point
            assert name not in files and after_kill == before, point  # the old build, untouched
        # The Parquet copies are a whole export (old or new), never a half-written folder.
        for mart in marts.glob("*.parquet"):
            pl.read_parquet(mart)

    # The contract's bare command, without `python -m orchestration.recovery` first: the killed
    # run still holds the writer slot, and the build must neither wait forever nor fail. It runs
    # while a reader holds the file (and adds one more article): the reader does not stop it,
    # and sees a whole warehouse throughout.
    (warehouse["raw"] / "reader_case.txt").write_text(NEW_ARTICLE.replace("10月9日至10日", "11月9日至10日"), encoding="utf-8")
    env = build_env(warehouse["raw"], warehouse["warehouse"], warehouse["home"])
    con = duckdb.connect(str(warehouse["db"]), read_only=True)  # in this process: the build is a subprocess
    try:
        (before,) = con.execute("select count(*) from marts.dim_article").fetchone()
        done = subprocess.run(build_command(BIN), cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        # the open connection still reads the warehouse it opened, whole
        assert con.execute("select count(*) from marts.dim_article").fetchone()[0] == before
    finally:
        con.close()
    (after,) = query(warehouse["db"], "select count(*) from marts.dim_article")[0]
    assert after == before + 1
    rows = dict(query(warehouse["db"], "select file_name, status from marts.dim_article"))
    assert all(rows[name] == "loaded" for name in [*names, "reader_case.txt"]), rows
    assert all(status == "loaded" for status in rows.values())
    assert set(first["marts.fact_visit"]) <= set(_snapshot(warehouse["db"])["marts.fact_visit"])
    parquet = export_counts(marts)
    assert parquet == _db_counts(warehouse["db"], list(parquet))
    assert parquet["dim_article"] == first_parquet["dim_article"] + len(KILL_POINTS) + 1  # and reader_case.txt
    versions = [p for p in warehouse["warehouse"].glob(".marts-*") if p.is_dir()]
    assert len(versions) == 2  # the current export and the one before it; debris gone
    # The same rows as an uninterrupted build: one from nothing on the same raw/.
    fresh = tmp_path / "uninterrupted"
    shutil.copytree(warehouse["raw"], fresh / "raw")
    run_build(fresh / "raw", fresh / "warehouse", fresh / "home")
    assert _snapshot(warehouse["db"]) == _snapshot(fresh / "warehouse" / "visits.duckdb")


def test_two_builds_without_dagster_home_never_overlap_their_writes_and_a_writer_left_open_fails_neither(warehouse):
    (warehouse["raw"] / "overlap.txt").write_text(NEW_ARTICLE.replace("10月9日至10日", "6月9日至10日"), encoding="utf-8")
    env = build_env(warehouse["raw"], warehouse["warehouse"], warehouse["home"])
    env.pop("DAGSTER_HOME")  # the contract's literal command: an ephemeral instance, no pool
    # Another process holds a read-write connection (a careless notebook) as they start; each
    # build writes a copy and swaps it in, so that lock is never in its way.
    holder = _writer_holding(warehouse["db"], seconds=12)
    try:
        procs = [
            subprocess.Popen(build_command(BIN), cwd=REPO, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=900)[0] for p in procs]
    finally:
        holder.kill()
        holder.wait()
    assert [p.returncode for p in procs] == [0, 0], "\n".join(o[-3000:] for o in outputs)
    # Each writer step held the warehouse lock; the second build's dbt step waited for it
    # (or ran after the first had finished) and so never removed the first's build copy.
    rows = dict(query(warehouse["db"], "select file_name, status from marts.dim_article"))
    assert rows["overlap.txt"] == "loaded" and all(s == "loaded" for s in rows.values())
    assert not build_path(warehouse["db"]).exists()
    assert export_counts(warehouse["warehouse"] / "marts") == _db_counts(
        warehouse["db"], list(export_counts(warehouse["warehouse"] / "marts")))


CORRUPTED_TABLES = ("visits", "articles")


def test_a_corrupt_staging_batch_is_named_and_redone_and_a_full_refresh_loses_nothing(warehouse):
    """One batch of each table corrupted at once (the issue's reproduction), one build to heal them.

    Every earlier case ends with a finished build of the same raw/, so the warehouse now is
    the reference an uninterrupted build gives."""
    reference = _snapshot(warehouse["db"])
    victims = []
    for table in CORRUPTED_TABLES:
        folder = warehouse["warehouse"] / "staging" / table
        victim = max((p for p in folder.glob("*.parquet") if p.name != "_empty.parquet"),
                     key=lambda p: p.stat().st_size)
        data = bytearray(victim.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = b"\xa5" * 64
        victim.write_bytes(bytes(data))
        victims.append(victim)
    output = run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"]).output
    for victim in victims:
        assert f"corrupt staging batch {victim}" in output, victim
    assert _snapshot(warehouse["db"]) == reference
    run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"], full_refresh=True)
    assert _snapshot(warehouse["db"]) == reference  # every fact back, none from the lost batch missing


def test_after_this_modules_builds_dbt_keeps_at_most_two_run_folders(warehouse):
    """Last in the module: after its builds (15 when the module runs whole: 8 finished, 7 killed
    part-way, each killed one leaving its folder behind), dbt's per-run target folders are pruned
    by every finished build to its own and at most one a live build still uses. Listed right
    after one more build that runs dbt (a full refresh), as its clean-up left them: a parallel
    test worker may finish a build of its own at any moment."""
    run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"], full_refresh=True)
    runs = run_folders_left()
    assert len(runs) <= 2, sorted(p.name for p in runs)
