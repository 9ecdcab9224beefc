"""The same build on the local process pool and on a real Dask cluster gives the same marts.

Samples plus 200 generated articles (bench/generate.py) are cut into several work units, so
both executors really run clean and extract in worker processes: the local pool with two
workers (VISITS_WORKERS=2), then a `distributed.LocalCluster` of two worker processes named
by VISITS_DASK_SCHEDULER. Every mart is compared row for row, every column but the two that
record when this build's scan saw each file (dim_article.first_seen_at and last_seen_at, wall
clock times of the run); batch ids and processing times stay in staging, outside the marts.
Both builds run the all-assets job in this process (tests/support/build.py): nothing is killed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import distributed
import duckdb
import pytest

from tests.support.build import run_build
from tests.support.paths import REPO, sample_articles
from visits import parallel

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
GENERATED = 200
RUN_SPECIFIC = {("dim_article", "first_seen_at"), ("dim_article", "last_seen_at")}


def _marts(db: Path) -> dict[str, list[tuple]]:
    """Every mart's rows, sorted, without the run-specific columns (which must be the known ones)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()]
        out = {}
        for name in names:
            typed = con.execute(
                "select column_name, data_type from information_schema.columns"
                " where table_schema = 'marts' and table_name = ? order by ordinal_position", [name]
            ).fetchall()
            clocks = {(name, c) for c, t in typed if t.startswith("TIMESTAMP")}
            assert clocks <= RUN_SPECIFIC, f"a new wall-clock column: {clocks - RUN_SPECIFIC}"
            cols = [c for c, _ in typed if (name, c) not in RUN_SPECIFIC]
            order = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f'select {order} from marts."{name}" order by {order}').fetchall()
            out[name] = [tuple(cols), *rows]
        return out
    finally:
        con.close()


def _build(raw: Path, out: Path, monkeypatch: pytest.MonkeyPatch, executor: dict[str, str]) -> dict[str, list[tuple]]:
    """The all-assets job in this process (no kill here), on the executor the variables name."""
    with monkeypatch.context() as env:
        for name in (parallel.WORKERS_ENV, parallel.DASK_SCHEDULER_ENV):
            env.delenv(name, raising=False)  # only the run that names a cluster uses one
        for name, value in executor.items():
            env.setenv(name, value)
        run_build(raw, out / "warehouse", out / "home")
    return _marts(out / "warehouse" / "visits.duckdb")


@pytest.fixture(scope="module")
def raw_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("executors")
    subprocess.run(
        [str(BIN / "python"), str(REPO / "bench" / "generate.py"), "--n", str(GENERATED), "--seed", "11",
         "--out", str(root / "corpus")],
        check=True, capture_output=True,
    )
    raw = root / "raw"
    raw.mkdir()
    for f in [*sample_articles(), *sorted((root / "corpus" / "raw").glob("*.txt"))]:
        shutil.copy(f, raw / f.name)
    return raw


def test_work_is_cut_into_units() -> None:
    total = len(sample_articles()) + GENERATED
    size = parallel.unit_size(total)
    assert 1 < size < total and len(parallel.units_of(list(range(total)), size)) >= 4
    assert parallel.unit_size(100_000) == parallel.UNIT_SIZE


def test_local_pool_and_dask_cluster_build_identical_marts(
    dbt_parsed: Path, raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = _build(raw_dir, tmp_path / "local", monkeypatch, {parallel.WORKERS_ENV: "2"})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            dask = _build(raw_dir, tmp_path / "dask", monkeypatch, {parallel.DASK_SCHEDULER_ENV: cluster.scheduler_address})
            ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
    assert {"clean_unit", "extract_unit"} <= {p.lstrip("_") for p in ran}, ran  # the cluster did the work
    assert local["fact_visit"][1:], "the corpus must yield visits for the comparison to mean anything"
    assert local.keys() == dask.keys()
    for name in local:
        assert local[name] == dask[name], name
