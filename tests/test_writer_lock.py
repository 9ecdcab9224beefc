"""The warehouse writer lock across processes, and dbt's run-folder clean-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.dbt_targets import OWNER_FILE, mark_owner, prune_run_targets
from orchestration.writer_lock import WarehouseLocked, writer_lock

HOLD = (
    "import sys, time; from pathlib import Path; from orchestration.writer_lock import writer_lock\n"
    "with writer_lock(Path(sys.argv[1]), 'holder'):\n"
    "    print('held', flush=True); time.sleep(float(sys.argv[2]))\n"
)


def _holder(warehouse: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_waits_saying_who_holds_the_lock_then_gets_it(tmp_path):
    holder = _holder(tmp_path, 2)
    said: list[str] = []
    started = time.monotonic()
    with writer_lock(tmp_path, "second build", say=said.append):
        waited = time.monotonic() - started
    holder.wait()
    assert waited > 1 and said and "held by pid" in said[0] and "holder" in said[0]


def test_a_writer_gives_up_with_a_clear_error_after_the_timeout(tmp_path):
    holder = _holder(tmp_path, 30)
    try:
        with pytest.raises(WarehouseLocked, match="locked by another build .*pid"):
            with writer_lock(tmp_path, "second build", say=lambda _: None, timeout=1):
                pass
    finally:
        holder.kill()
        holder.wait()


WAIT = (
    "import sys; from pathlib import Path; from orchestration.writer_lock import writer_lock\n"
    "with writer_lock(Path(sys.argv[1]), 'waiter', say=lambda m: print(m, flush=True)):\n"
    "    print('got it', flush=True)\n"
)


def test_the_lock_dies_with_its_holder_and_a_waiting_writer_obeys_sigterm(tmp_path):
    holder = _holder(tmp_path, 120)
    # Started as a shell starts a build, with SIGTERM at its default: an ignored signal survives
    # exec, and this pytest process may have SIGTERM ignored by an earlier in-process run.
    waiter = subprocess.Popen(
        [sys.executable, "-c", WAIT, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL),
    )
    assert waiter.stdout is not None and "waiting for the warehouse writer lock" in waiter.stdout.readline()
    waiter.send_signal(signal.SIGTERM)
    # a generous bound, not a timing claim: a waiter that ignored the signal would wait 120 s
    assert waiter.wait(timeout=60) == -signal.SIGTERM
    holder.kill()  # SIGKILL: the kernel drops its lock
    holder.wait()
    with writer_lock(tmp_path, "after the kill", timeout=2):
        pass


def test_old_run_folders_go_and_live_or_fresh_ones_stay(tmp_path):
    keep = tmp_path / "warehouse_models-aaaa-1"
    mark_owner(keep)
    dead = tmp_path / "warehouse_models-bbbb-2"
    dead.mkdir()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (dead / OWNER_FILE).write_text(str(gone.pid))
    old_unmarked = tmp_path / "warehouse_models-cccc-3"
    old_unmarked.mkdir()
    os.utime(old_unmarked, (time.time() - 3600, time.time() - 3600))
    fresh_unmarked = tmp_path / "warehouse_models-dddd-4"
    fresh_unmarked.mkdir()
    live = tmp_path / "warehouse_models-eeee-5"
    live.mkdir()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (live / OWNER_FILE).write_text(str(other.pid))
        removed = prune_run_targets(keep, prefix="warehouse_models-")
    finally:
        other.kill()
        other.wait()
    assert sorted(p.name for p in removed) == [dead.name, old_unmarked.name]
    assert keep.exists() and fresh_unmarked.exists() and live.exists()
