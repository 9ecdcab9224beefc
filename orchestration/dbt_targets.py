"""dbt's per-run target folders (`dbt_project/target/warehouse_models-<run>-<id>/`).

dagster-dbt gives every invocation its own target folder (4-5 MiB each) and never removes
one. After a run, the others are deleted and the run's own folder is kept for debugging.
A folder another live process is still using (a build of another warehouse from the same
checkout) is marked with its owner's pid and left alone.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from orchestration.recovery import pid_alive

OWNER_FILE = ".visits-owner"
# A folder with no owner mark this young may be one whose run is just starting.
UNMARKED_GRACE_SECONDS = 120.0


def mark_owner(target: Path) -> None:
    """Say that this process uses `target`, so no other run's clean-up removes it."""
    target.mkdir(parents=True, exist_ok=True)
    (target / OWNER_FILE).write_text(str(os.getpid()))


def owner_alive(folder: Path) -> bool | None:
    """True/False for a marked folder's owner; None for a folder with no mark."""
    try:
        pid = int((folder / OWNER_FILE).read_text())
    except (OSError, ValueError):
        return None
    if pid == os.getpid():
        return False  # ours, from an earlier run in this process
    return pid_alive(pid)


def spared(folder: Path, now: float | None = None) -> bool:
    """Is `folder` another live process's, or unmarked and young enough to be a run that is
    just starting? Such a folder outlives every other run's clean-up."""
    alive = owner_alive(folder)
    now = time.time() if now is None else now
    return bool(alive) or (alive is None and now - folder.stat().st_mtime < UNMARKED_GRACE_SECONDS)


def prune_run_targets(keep: Path, prefix: str, now: float | None = None) -> list[Path]:
    """Delete `prefix`* siblings of `keep` no live process uses; return what was deleted."""
    now = time.time() if now is None else now
    removed = []
    for folder in keep.parent.glob(f"{prefix}*"):
        if folder == keep or not folder.is_dir() or folder.is_symlink():
            continue
        if spared(folder, now):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
