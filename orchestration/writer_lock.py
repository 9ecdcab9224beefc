"""One writer per warehouse, whatever the environment: an OS lock on the warehouse folder.

The Dagster pool `warehouse_writer` serialises writers only within one instance: without
DAGSTER_HOME (the contract's literal command) each build has an ephemeral instance and no
pool applies, so two builds could run dbt at once and one delete the other's build copy.
`flock` on the warehouse directory holds across instances and processes, and the kernel
drops it when its holder dies, so a killed build can never leave it held.

The lock is taken per writer step, like the pool's op-level slots: a run-level lock would
deadlock against the pool (a run holding the lock waits for a slot another run's step holds
while that step waits for the lock). A build that has to wait says so, and who holds the
lock, every WAIT_NOTICE_SECONDS; it waits in short sleeps, so SIGINT and SIGTERM stop it at
once; after VISITS_LOCK_TIMEOUT seconds (default one hour) it fails with a clear error.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER_FILE = ".writer"  # who holds the lock, for the waiting build's message; not the lock
WAIT_NOTICE_SECONDS = 30.0
DEFAULT_TIMEOUT_SECONDS = 3600.0

log = logging.getLogger(__name__)


class WarehouseLocked(RuntimeError):
    """Another build kept the warehouse's writer lock longer than this build would wait."""


def _holder(warehouse: Path) -> str:
    try:
        return (warehouse / HOLDER_FILE).read_text().strip() or "unknown"
    except OSError:
        return "unknown"


def _timeout() -> float:
    try:
        return float(os.environ.get("VISITS_LOCK_TIMEOUT", DEFAULT_TIMEOUT_SECONDS))
    except ValueError:
        return DEFAULT_TIMEOUT_SECONDS


@contextmanager
def writer_lock(
    warehouse: Path, what: str, say: Callable[[str], None] | None = None, timeout: float | None = None
) -> Iterator[None]:
    """Hold the exclusive writer lock on `warehouse` (created if missing) for the block."""
    say = say or log.warning
    timeout = _timeout() if timeout is None else timeout
    warehouse.mkdir(parents=True, exist_ok=True)
    fd = os.open(warehouse, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        started = time.monotonic()
        next_notice = started
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - started
                if waited >= timeout:
                    raise WarehouseLocked(
                        f"{warehouse} is locked by another build ({_holder(warehouse)}) for {waited:.0f}s; "
                        f"gave up on {what} (VISITS_LOCK_TIMEOUT={timeout:.0f}s)"
                    ) from None
                if time.monotonic() >= next_notice:
                    say(f"{what}: waiting for the warehouse writer lock on {warehouse}, "
                        f"held by {_holder(warehouse)} (waited {waited:.0f}s)")
                    next_notice += WAIT_NOTICE_SECONDS
                time.sleep(0.2)  # short sleeps: a signal stops the wait at once
        (warehouse / HOLDER_FILE).write_text(f"pid {os.getpid()}, {what}, since {time.strftime('%Y-%m-%dT%H:%M:%S')}\n")
        try:
            yield
        finally:
            (warehouse / HOLDER_FILE).unlink(missing_ok=True)
    finally:
        os.close(fd)  # releases the lock
