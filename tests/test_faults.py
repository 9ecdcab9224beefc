"""Faults: builds killed part-way, and readers holding the warehouse while a build runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import BIN, REPO, build_env, query, run_build, sample_articles

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
def warehouse(tmp_path_factory, dbt_parsed) -> dict:
    root = tmp_path_factory.mktemp("faults")
    raw = root / "raw"
    raw.mkdir()
    for path in sample_articles()[:2]:
        shutil.copy(path, raw / path.name)
    paths = {"raw": raw, "warehouse": root / "warehouse", "home": root / "home"}
    run_build(**{"raw_dir": raw, "warehouse_dir": paths["warehouse"], "dagster_home": paths["home"]})
    paths["db"] = paths["warehouse"] / "visits.duckdb"
    return paths


def _start_build(w: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "dagster"), "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"],
        cwd=REPO,
        env=build_env(w["raw"], w["warehouse"], w["home"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the kill takes dbt and every step process with it
    )


# Kill points spread over the build: scanning/cleaning, extraction, dbt, publishing.
# Each case adds an article about a visit in its own month, so no two are the same visit.
@pytest.mark.parametrize(("kill_after", "month"), [(3.0, 1), (9.0, 2), (16.0, 3), (24.0, 4)])
def test_a_build_killed_at_any_point_leaves_the_previous_warehouse_and_the_next_build_finishes(
    warehouse, kill_after, month
):
    before = _snapshot(warehouse["db"])
    name = f"new_{month}.txt"
    (warehouse["raw"] / name).write_text(NEW_ARTICLE.replace("10月9日至10日", f"{month}月9日至10日"), encoding="utf-8")
    proc = _start_build(warehouse)
    time.sleep(kill_after)
    finished_before_kill = proc.poll() is not None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    after_kill = _snapshot(warehouse["db"])  # readable, and complete: the old or the new build
    files = {r[0] for r in query(warehouse["db"], "select file_name from marts.dim_article")}
    if name in files:
        assert finished_before_kill or after_kill != before
    else:
        assert after_kill == before

    run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"])
    rows = dict(query(warehouse["db"], "select file_name, status from marts.dim_article"))
    assert rows[name] == "loaded"
    assert all(status == "loaded" for status in rows.values())
    assert set(before["marts.fact_visit"]) <= set(_snapshot(warehouse["db"])["marts.fact_visit"])


def test_a_reader_holding_the_file_does_not_stop_a_build_and_sees_a_whole_warehouse(warehouse):
    (warehouse["raw"] / "reader_case.txt").write_text(NEW_ARTICLE.replace("10月9日至10日", "11月9日至10日"), encoding="utf-8")
    con = duckdb.connect(str(warehouse["db"]), read_only=True)
    try:
        (before,) = con.execute("select count(*) from marts.dim_article").fetchone()
        run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"])
        # the open connection still reads the warehouse it opened, whole
        assert con.execute("select count(*) from marts.dim_article").fetchone()[0] == before
    finally:
        con.close()
    (after,) = query(warehouse["db"], "select count(*) from marts.dim_article")[0]
    assert after == before + 1


def test_a_writer_left_open_on_the_warehouse_does_not_fail_the_build(warehouse):
    (warehouse["raw"] / "writer_case.txt").write_text(NEW_ARTICLE.replace("10月9日至10日", "12月9日至10日"), encoding="utf-8")
    # another process holds a read-write connection (a careless notebook) for a few seconds;
    # the build writes a copy and swaps it in, so that lock is never in its way
    holder = subprocess.Popen(
        [str(BIN / "python"), "-c",
         f"import duckdb, time; c = duckdb.connect({str(warehouse['db'])!r}); print('held', flush=True); time.sleep(8)"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    done = threading.Event()
    try:
        run_build(warehouse["raw"], warehouse["warehouse"], warehouse["home"])
        done.set()
    finally:
        holder.kill()
        holder.wait()
    assert done.is_set()
    rows = dict(query(warehouse["db"], "select file_name, status from marts.dim_article"))
    assert rows["writer_case.txt"] == "loaded"
