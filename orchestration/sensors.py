"""Watch the raw directory and build when the set of article contents in it changes.

The cursor maps each settled file (relative path) to [sha256, size, mtime_ns]. A file whose
size and mtime are unchanged keeps its hash, so a tick hashes only new or modified files.
A run is requested when a content hash appears (new or changed file) or disappears from
raw/ altogether (file removed). Pure name changes — a touch, a rename, a copy of a file
already there — change no content, so they only update the cursor; the next run records
them in the manifest.

What the warehouse already holds counts as seen: each tick reads the staging ledger (the
raw-dir manifest every build writes) and adds the files it lists as present under the
cursor's own entries. So a headless `make build` followed by `make ui` launches nothing,
a file a headless build already ingested is not requested again, and the run tags count
only what is new to the warehouse.

The cursor also remembers the run it last requested. If that run fails (a crash, a killed
worker reaped by recovery, a dbt error), the sensor requests it again after a back-off, a
few times, so new articles do not wait for the daily schedule; new content in the meantime
supersedes the retry, since every build processes all content not yet processed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from orchestration.jobs import build_warehouse
from orchestration.recovery import reap_dead_runs
from visits.ingest.scan import RawFile, display_name, scan_raw_dir
from visits.ledger.manifest import read_manifest
from visits.settings import raw_dir, staging_dir

# A file modified more recently than this may still be being written; it waits a tick.
SETTLE_SECONDS = 5.0
# Run tags stay readable in the UI; the counts are always complete.
MAX_TAGGED_FILES = 50
CURSOR_VERSION = 1
# Wait this long after the n-th failure of a requested run before requesting it again; after
# the last one the sensor gives up until new content arrives (the daily build still runs).
RETRY_DELAYS_SECONDS = (60.0, 300.0, 1800.0)
RUN_KEY_TAG = "dagster/run_key"
FAILED = (dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED)
IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING,
]


@dataclass
class RawDirCursor:
    """What the sensor has seen. `epoch` changes when the cursor is reset, `generation` per run."""

    files: dict[str, RawFile] = field(default_factory=dict)
    epoch: str = ""
    generation: int = 0
    # The run key last requested and how many retries it has had; None once it succeeded.
    pending: str | None = None
    attempts: int = 0

    @classmethod
    def parse(cls, text: str | None) -> RawDirCursor:
        if not text:
            # Random, so keys after a cursor reset never collide with (and vanish into) old ones.
            return cls(epoch=secrets.token_hex(4))
        data = json.loads(text)
        files = {name: RawFile(name, size, mtime, sha) for name, (sha, size, mtime) in data["files"].items()}
        return cls(
            files=files,
            epoch=data["epoch"],
            generation=data["generation"],
            pending=data.get("pending"),
            attempts=data.get("attempts", 0),
        )

    def dump(self) -> str:
        files = {f.file_name: [f.content_sha256, f.size, f.mtime_ns] for f in self.files.values()}
        payload = {
            "v": CURSOR_VERSION,
            "epoch": self.epoch,
            "generation": self.generation,
            "pending": self.pending,
            "attempts": self.attempts,
            "files": files,
        }
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


def diff_raw_dir(
    root: Path,
    before: dict[str, RawFile],
    settle_seconds: float = SETTLE_SECONDS,
    known: dict[str, RawFile] | None = None,
) -> RawDirChanges:
    """Scan root (reusing hashes from `before`) and classify what changed by content.

    `known` (the staging ledger) holds what the warehouse already has: content in it is not
    new. It never makes a removal: until the run the cursor requested for one has scanned,
    the ledger still lists the file, and every tick would request that run again.
    """
    known = known or {}
    settled = {f.file_name: f for f in scan_raw_dir(root, {**known, **before}, min_age_seconds=settle_seconds)}
    # Same naming as the scan, or a file with a non-UTF-8 name would wait forever.
    on_disk = {display_name(p, root) for p in root.rglob("*") if p.is_file()}
    waiting = sorted(on_disk - settled.keys())
    # A known file that is being rewritten keeps its old entry until it settles.
    current = {**{n: before[n] for n in waiting if n in before}, **settled}
    old_hashes = {f.content_sha256 for f in before.values()}
    now_hashes = {f.content_sha256 for f in current.values()}
    held = old_hashes | {f.content_sha256 for f in known.values()}
    gained, lost = now_hashes - held, old_hashes - now_hashes
    # Touched, renamed or copied files neither gain nor lose a hash: no run for them.
    new = sorted(n for n, f in settled.items() if n not in before and f.content_sha256 in gained)
    changed = sorted(
        n for n, f in settled.items()
        if n in before and before[n].content_sha256 != f.content_sha256
        and (f.content_sha256 in gained or before[n].content_sha256 in lost)
    )
    removed = sorted(n for n, f in before.items() if n not in current and f.content_sha256 in lost)
    return RawDirChanges(new, changed, removed, waiting, current)


def ledger_files(staging: Path) -> dict[str, RawFile]:
    """The files the warehouse's last scan saw present, as the cursor keeps them; {} when
    there is no ledger yet or it cannot be read (the cursor alone decides then)."""
    try:
        manifest = read_manifest(staging)
    except Exception:  # noqa: BLE001 - a corrupt ledger is the build's to repair, not the tick's
        return {}
    rows = manifest.filter(manifest["is_present"]).select("file_name", "size_bytes", "mtime_ns", "content_sha256")
    return {name: RawFile(name, size, mtime, sha) for name, size, mtime, sha in rows.iter_rows()}


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


def retry_request(instance: dg.DagsterInstance, cursor: RawDirCursor, now: float) -> dg.RunRequest | None:
    """A new request for the cursor's pending run if it failed and its back-off has passed.

    Updates `cursor.pending`/`attempts`: cleared when the run succeeded or retries ran out.
    """
    if cursor.pending is None:
        return None
    records = instance.get_run_records(dg.RunsFilter(tags={RUN_KEY_TAG: cursor.pending}), limit=1)
    if not records:
        return None  # requested but not launched yet
    record = records[0]
    status = record.dagster_run.status
    if status == dg.DagsterRunStatus.SUCCESS:
        cursor.pending, cursor.attempts = None, 0
        return None
    if status not in FAILED:
        return None  # queued or running
    if cursor.attempts >= len(RETRY_DELAYS_SECONDS):
        cursor.pending, cursor.attempts = None, 0
        return None
    ended = record.end_time or record.update_timestamp.timestamp()
    if now - ended < RETRY_DELAYS_SECONDS[cursor.attempts]:
        return None
    cursor.attempts += 1
    base = cursor.pending.split("~retry")[0]
    cursor.pending = f"{base}~retry{cursor.attempts}"
    tags = {k: v for k, v in record.dagster_run.tags.items() if k.startswith("visits/")}
    tags.update({"visits/retry_of": record.dagster_run.run_id, "visits/attempt": str(cursor.attempts + 1)})
    return dg.RunRequest(run_key=cursor.pending, tags=tags)


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
    # Runs never pile up: while a build runs, new files wait (the cursor stays as it was), and
    # the first tick after it requests what that build did not take up (the ledger says).
    busy = context.instance.get_run_records(
        dg.RunsFilter(job_name=build_warehouse.name, statuses=IN_PROGRESS), limit=1
    )
    if busy:
        reason = f"run {busy[0].dagster_run.run_id} is in progress; new files wait for the tick after it"
        return dg.SensorResult(skip_reason=reason, cursor=context.cursor)
    root = raw_dir()
    if not root.is_dir():
        # A missing (e.g. unmounted) directory must not read as "every file removed".
        return dg.SkipReason(f"raw directory {root} does not exist")
    cursor = RawDirCursor.parse(context.cursor)
    changes = diff_raw_dir(root, cursor.files, known=ledger_files(staging_dir()))
    waiting = f"; {len(changes.waiting)} file(s) still being written" if changes.waiting else ""
    if not changes.needs_run:
        # Still advance the cursor so touched or renamed files are not hashed again.
        cursor.files = changes.current
        retry = retry_request(context.instance, cursor, time.time())
        if retry is not None:
            failed, attempt = retry.tags["visits/retry_of"], retry.tags["visits/attempt"]
            context.log.warning("run %s failed; requesting it again (attempt %s)", failed, attempt)
            return dg.SensorResult(run_requests=[retry], cursor=cursor.dump())
        return dg.SensorResult(skip_reason=f"no new, changed or removed content{waiting}", cursor=cursor.dump())
    request = dg.RunRequest(run_key=run_key_for(cursor, changes), tags=run_tags(changes))
    cursor.files, cursor.generation = changes.current, cursor.generation + 1
    cursor.pending, cursor.attempts = request.run_key, 0
    context.log.info(
        "%d new, %d changed, %d removed%s",
        len(changes.new), len(changes.changed), len(changes.removed), waiting,
    )
    return dg.SensorResult(run_requests=[request], cursor=cursor.dump())
