"""Watch the raw directory and build when the set of article contents in it changes.

The cursor maps each settled file (relative path) to [sha256, size, mtime_ns]. A file whose
size and mtime are unchanged keeps its hash, so a tick hashes only new or modified files.
A run is requested when a content hash appears (new or changed file) or disappears from
raw/ altogether (file removed). Pure name changes — a touch, a rename, a copy of a file
already there — change no content, so they only update the cursor; the next run records
them in the manifest.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from orchestration.jobs import build_warehouse
from orchestration.recovery import reap_dead_runs
from visits.ingest.scan import RawFile, display_name, scan_raw_dir
from visits.settings import raw_dir

# A file modified more recently than this may still be being written; it waits a tick.
SETTLE_SECONDS = 5.0
# Run tags stay readable in the UI; the counts are always complete.
MAX_TAGGED_FILES = 50
CURSOR_VERSION = 1


@dataclass
class RawDirCursor:
    """What the sensor has seen. `epoch` changes when the cursor is reset, `generation` per run."""

    files: dict[str, RawFile] = field(default_factory=dict)
    epoch: str = ""
    generation: int = 0

    @classmethod
    def parse(cls, text: str | None) -> RawDirCursor:
        if not text:
            # Random, so keys after a cursor reset never collide with (and vanish into) old ones.
            return cls(epoch=secrets.token_hex(4))
        data = json.loads(text)
        files = {name: RawFile(name, size, mtime, sha) for name, (sha, size, mtime) in data["files"].items()}
        return cls(files=files, epoch=data["epoch"], generation=data["generation"])

    def dump(self) -> str:
        files = {f.file_name: [f.content_sha256, f.size, f.mtime_ns] for f in self.files.values()}
        payload = {"v": CURSOR_VERSION, "epoch": self.epoch, "generation": self.generation, "files": files}
        return json.dumps(payload, separators=(",", ":"), sort_keys=True)


@dataclass
class RawDirChanges:
    """The difference between the cursor and the raw directory now."""

    new: list[str]          # settled files whose content was not in raw/ before
    changed: list[str]      # same name, new content
    removed: list[str]      # gone, and no other file holds their content
    waiting: list[str]      # still being written: looked at again next tick
    current: dict[str, RawFile]

    @property
    def needs_run(self) -> bool:
        return bool(self.new or self.changed or self.removed)


def diff_raw_dir(root: Path, before: dict[str, RawFile], settle_seconds: float = SETTLE_SECONDS) -> RawDirChanges:
    """Scan root (reusing hashes from `before`) and classify what changed by content."""
    settled = {f.file_name: f for f in scan_raw_dir(root, before, min_age_seconds=settle_seconds)}
    # Same naming as the scan, or a file with a non-UTF-8 name would wait forever.
    on_disk = {display_name(p, root) for p in root.rglob("*") if p.is_file()}
    waiting = sorted(on_disk - settled.keys())
    # A known file that is being rewritten keeps its old entry until it settles.
    current = {**{n: before[n] for n in waiting if n in before}, **settled}
    old_hashes = {f.content_sha256 for f in before.values()}
    now_hashes = {f.content_sha256 for f in current.values()}
    gained, lost = now_hashes - old_hashes, old_hashes - now_hashes
    # Touched, renamed or copied files neither gain nor lose a hash: no run for them.
    new = sorted(n for n, f in settled.items() if n not in before and f.content_sha256 in gained)
    changed = sorted(
        n for n, f in settled.items()
        if n in before and before[n].content_sha256 != f.content_sha256
        and (f.content_sha256 in gained or before[n].content_sha256 in lost)
    )
    removed = sorted(n for n, f in before.items() if n not in current and f.content_sha256 in lost)
    return RawDirChanges(new, changed, removed, waiting, current)


def run_key_for(cursor: RawDirCursor, changes: RawDirChanges) -> str:
    """Unique per change set: run_key dedupe is permanent, so include the cursor's epoch and
    generation (an A -> B -> A -> B edit must run every time), yet stay deterministic for a
    re-evaluated tick of the same cursor (so a retried tick does not launch twice)."""
    digest = hashlib.sha256()
    for label, names in (("new", changes.new), ("changed", changes.changed), ("removed", changes.removed)):
        for name in names:
            sha = (changes.current.get(name) or cursor.files[name]).content_sha256
            digest.update(f"{label}\0{name}\0{sha}\n".encode())
    return f"raw-{cursor.epoch}-{cursor.generation + 1}-{digest.hexdigest()[:16]}"


def _file_tag(names: list[str]) -> str:
    shown = names[:MAX_TAGGED_FILES]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" (+{more} more)" if more else "")


def run_tags(changes: RawDirChanges) -> dict[str, str]:
    tags = {
        "visits/trigger": "raw_dir_sensor",
        "visits/new_count": str(len(changes.new)),
        "visits/changed_count": str(len(changes.changed)),
        "visits/removed_count": str(len(changes.removed)),
    }
    for label, names in (("new", changes.new), ("changed", changes.changed), ("removed", changes.removed)):
        if names:
            tags[f"visits/{label}_files"] = _file_tag(names)
    return tags


@dg.sensor(
    name="raw_dir_sensor",
    job=build_warehouse,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Builds when article contents in the raw directory are added, changed or removed.",
)
def raw_dir_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    # A run killed earlier would hold the writer pool's slot and stall the run we request.
    for run_id in reap_dead_runs(context.instance):
        context.log.warning("run %s had died; marked failed and its pool slot freed", run_id)
    root = raw_dir()
    if not root.is_dir():
        # A missing (e.g. unmounted) directory must not read as "every file removed".
        return dg.SkipReason(f"raw directory {root} does not exist")
    cursor = RawDirCursor.parse(context.cursor)
    changes = diff_raw_dir(root, cursor.files)
    waiting = f"; {len(changes.waiting)} file(s) still being written" if changes.waiting else ""
    if not changes.needs_run:
        # Still advance the cursor so touched or renamed files are not hashed again.
        cursor.files = changes.current
        return dg.SensorResult(skip_reason=f"no new, changed or removed content{waiting}", cursor=cursor.dump())
    request = dg.RunRequest(run_key=run_key_for(cursor, changes), tags=run_tags(changes))
    cursor.files, cursor.generation = changes.current, cursor.generation + 1
    context.log.info(
        "%d new, %d changed, %d removed%s",
        len(changes.new), len(changes.changed), len(changes.removed), waiting,
    )
    return dg.SensorResult(run_requests=[request], cursor=cursor.dump())
