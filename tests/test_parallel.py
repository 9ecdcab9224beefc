"""visits.parallel: the executor choice, the unit sizes, and results in submission order."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from visits import parallel


def test_ordered_map_keeps_submission_order_when_later_units_finish_first() -> None:
    release = threading.Event()

    def slow_first(item: int) -> int:
        if item == 0:
            release.wait(5)  # the first unit finishes last
        elif item == 3:
            release.set()
        return item * 10

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(parallel.ordered_map(pool, 4, slow_first, iter(range(8)))) == [i * 10 for i in range(8)]


def test_ordered_map_reads_items_lazily() -> None:
    pulled: list[int] = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield i

    results = parallel.ordered_map(parallel.InlineExecutor(), 2, lambda x: x, items())
    assert next(results) == 0
    assert len(pulled) <= parallel.IN_FLIGHT_PER_WORKER * 2  # a window, not the whole input


def test_grouped_gathers_units_into_batches() -> None:
    units = [[1] * 3, [1] * 3, [1] * 3, [1] * 1]
    groups = list(parallel.grouped(units, 5, len))
    assert [sum(len(u) for u in g) for g in groups] == [6, 4]
    assert [u for g in groups for u in g] == units


def test_unit_sizes_are_never_single_articles() -> None:
    assert parallel.unit_size(1) == parallel.MIN_UNIT_SIZE
    assert parallel.unit_size(400) == parallel.MIN_UNIT_SIZE
    assert parallel.unit_size(100_000) == parallel.UNIT_SIZE
    assert [len(u) for u in parallel.units_of(list(range(120)), 50)] == [50, 50, 20]


def test_small_jobs_and_one_worker_run_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.DASK_SCHEDULER_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with parallel.executor(1) as (pool, workers):
        assert isinstance(pool, parallel.InlineExecutor) and workers == 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    with parallel.executor(10) as (pool, workers):
        assert isinstance(pool, parallel.InlineExecutor) and workers == 1


def test_local_pool_runs_units_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.DASK_SCHEDULER_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    import os

    with parallel.executor(4) as (pool, workers):
        assert workers == 2
        pids = list(parallel.ordered_map(pool, workers, _pid, range(4)))
    assert os.getpid() not in pids


def _pid(_: int) -> int:
    import os

    return os.getpid()


@pytest.mark.parametrize("value", ["zero", "0", "-3"])
def test_bad_worker_count_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, value)
    with pytest.raises(ValueError, match=parallel.WORKERS_ENV):
        parallel.local_workers()


def test_a_small_job_stays_in_process_unless_workers_are_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.DASK_SCHEDULER_ENV, raising=False)
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    with parallel.executor(4, parallel.LOCAL_POOL_FROM - 1) as (pool, _):
        assert isinstance(pool, parallel.InlineExecutor)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with parallel.executor(4, parallel.LOCAL_POOL_FROM - 1) as (pool, workers):
        assert not isinstance(pool, parallel.InlineExecutor) and workers == 2
