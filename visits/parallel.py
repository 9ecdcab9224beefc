"""Where clean and extract run: a `concurrent.futures.Executor`, fed batches of articles.

* default: a local process pool with one worker per core this process may use
  (`VISITS_WORKERS` sets the number; 1 runs everything in this process);
* `VISITS_DASK_SCHEDULER=tcp://host:8786`: Dask's own executor
  (`distributed.Client(address).get_executor()`), on every machine the cluster has. Workers
  need the `visits` package installed; they are sent the data, never paths to read.

A work unit is a list of a few hundred articles, never one, so the per-task overhead stays
small. `ordered_map` hands results back in submission order with a bounded number in flight,
so the output is the same whatever the executor and memory stays bounded by the window.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

DASK_SCHEDULER_ENV = "VISITS_DASK_SCHEDULER"
WORKERS_ENV = "VISITS_WORKERS"
UNIT_SIZE = 250  # articles per work unit at scale: large enough that sending one costs little
MIN_UNIT_SIZE = 50  # a small job is still cut into a few units, never into single articles
UNITS_WANTED = 8  # a small job is cut into about this many units, so every worker gets some
# Below this many articles the default runs in this process: starting worker processes (each
# imports the package and builds its tables, seconds of CPU) would cost more than it saves.
LOCAL_POOL_FROM = 600
IN_FLIGHT_PER_WORKER = 2  # units queued per worker: keeps workers busy, bounds memory

T = TypeVar("T")
R = TypeVar("R")


def local_workers() -> int:
    """Worker processes for the local pool: VISITS_WORKERS, else the cores this process may use."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        try:
            value = int(configured)
        except ValueError:
            raise ValueError(f"{WORKERS_ENV} must be a whole number of workers, not {configured!r}") from None
        if value < 1:
            raise ValueError(f"{WORKERS_ENV} must be at least 1, not {value}")
        return value
    return max(1, len(os.sched_getaffinity(0)))


class InlineExecutor(Executor):
    """Runs each call at submit time in this process: for one worker, or work too small to ship."""

    def submit(self, fn: Callable[..., R], /, *args: object, **kwargs: object) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future


@contextmanager
def executor(units: int | None = None, articles: int | None = None) -> Iterator[tuple[Executor, int]]:
    """(executor, worker count) for `units` work units of `articles` in all (None: many).

    Dask when VISITS_DASK_SCHEDULER is set; otherwise a process pool, or this process when
    there is one worker, at most one unit, or (unless VISITS_WORKERS asks for a pool) fewer
    than LOCAL_POOL_FROM articles.
    """
    address = os.environ.get(DASK_SCHEDULER_ENV, "").strip()
    if address:
        import distributed  # optional at import time: only a Dask run needs it

        with distributed.Client(address) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            yield client.get_executor(), workers
        return
    workers = local_workers()
    small = articles is not None and articles < LOCAL_POOL_FROM and not os.environ.get(WORKERS_ENV, "").strip()
    if workers == 1 or small or (units is not None and units <= 1):
        yield InlineExecutor(), 1
        return
    workers = min(workers, units) if units is not None else workers
    # spawn, not fork: a forked copy of a process running polars' thread pool can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool, workers


def ordered_map(pool: Executor, workers: int, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """fn(item) for each item, run on `pool`, yielded in the order of `items`.

    At most IN_FLIGHT_PER_WORKER * workers items are submitted and not yet yielded: `items`
    is read lazily, so a generator of batches is never held in memory whole.
    """
    window = max(1, IN_FLIGHT_PER_WORKER * workers)
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def unit_size(total: int) -> int:
    """Articles per work unit for a job of `total`: UNIT_SIZE, smaller for a small job."""
    return min(UNIT_SIZE, max(MIN_UNIT_SIZE, -(-total // UNITS_WANTED)))


def units_of(items: list[T], size: int) -> list[list[T]]:
    """Consecutive slices of `items`, `size` long (the last one shorter)."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def grouped(results: Iterable[R], size: int, weight: Callable[[R], int]) -> Iterator[list[R]]:
    """Consecutive results gathered until their weights (rows) reach `size`: one output batch."""
    group: list[R] = []
    total = 0
    for result in results:
        group.append(result)
        total += weight(result)
        if total >= size:
            yield group
            group, total = [], 0
    if group:
        yield group


def map_in_batches(
    fn: Callable[[T], R], items: Iterable[T], units: int, articles: int, size: int, weight: Callable[[R], int]
) -> Iterator[list[R]]:
    """fn over `units` work units (`articles` in all) on the configured executor, results
    gathered in order into groups of at least `size` rows (one output batch each)."""
    with executor(units, articles) as (pool, workers):
        yield from grouped(ordered_map(pool, workers, fn, items), size, weight)
