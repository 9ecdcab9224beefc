"""The fault groups bench/fault_table.py runs; each returns table rows (fault, what happened, rows lost).

Rows lost are counted against a reference: the warehouse before the fault for faults that
add nothing, and for added articles their row and visits (the whole chain is compared with a
from-scratch build of the same raw/ at the end, in fault_table.py).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import duckdb

from bench.fault_runs import (
    BIN,
    REPO,
    Warehouse,
    articles,
    build,
    corrupt,
    db_counts,
    db_identity,
    disk_point,
    kill_when,
    largest_batch,
    missing,
    query,
    snapshot,
    start_build,
    tail,
)
from orchestration.headless import build_command
from visits.publish import build_path, export_counts

Row = tuple[str, str, int | str]
ARTICLE = (
    "本报讯 {m}月{d}日至{e}日，浙江省党政代表团赴四川省考察东西部协作工作。四川省委书记赵明远主持座谈会，"
    "浙江省委书记钱海波讲话。浙江省领导孙立平、周晓东参加活动。\n"
)


def add_article(w: Warehouse, k: int) -> str:
    """A new article about a visit of its own (month and day from k); returns its file name."""
    m, d = k % 12 + 1, 1 + 3 * (k // 12)
    name = f"new_{k:02d}.txt"
    (w.raw / name).write_text(ARTICLE.format(m=m, d=d, e=d + 1), encoding="utf-8")
    return name


def visit_ids(db: Path) -> set[str]:
    return {r[0] for r in query(db, "select visit_id from marts.fact_visit")}


def _added_lost(w: Warehouse, name: str, before_visits: set[str]) -> tuple[str, int]:
    """After recovery: the added article's row and visits, and no earlier visit gone."""
    rows = articles(w.db)
    status = rows.get(name)
    gone = len(before_visits - visit_ids(w.db))
    ok = status is not None and status[0] == "loaded" and status[2] >= 1
    note = f"next build: {name} {status[0]} with {status[2]} visit(s)" if status else f"next build: {name} has NO row"
    return note, gone + (0 if ok else 1)


def _reader_view(w: Warehouse, before_snap: Counter, before_parquet: dict[str, int], identity: tuple) -> str:
    """What a reader sees right after the kill: the DuckDB file and the Parquet copies."""
    try:
        snap = snapshot(w.db)
        db = "DuckDB: previous build, whole" if db_identity(w.db) == identity and snap == before_snap else (
            "DuckDB: the new build" if db_identity(w.db) != identity else "DuckDB: CHANGED IN PLACE")
    except Exception as exc:  # noqa: BLE001 - what a reader would get is the finding
        db = f"DuckDB UNREADABLE: {exc}"
    try:
        now = export_counts(w.marts)
        if set(now) != set(before_parquet):
            pq = f"Parquet INCOMPLETE: {sorted(set(before_parquet) - set(now))} missing"
        elif now == before_parquet:
            pq = "Parquet: previous complete set"
        elif now == db_counts(w.db, list(now)):
            pq = "Parquet: new complete set"
        else:
            pq = "Parquet: MIXED set"
    except Exception as exc:  # noqa: BLE001
        pq = f"Parquet UNREADABLE: {tail(str(exc), 120)}"
    return f"{db}; {pq}"


def staging_group(w: Warehouse, reference: Counter) -> list[Row]:
    """Each staging table's largest batch corrupted in turn, then a deleted batch and a full refresh."""
    out: list[Row] = []
    for table in ("visits", "officials", "articles", "files", "extractions", "current"):
        victim = largest_batch(w, table)
        corrupt(victim)
        done = build(w)
        named = f"corrupt staging batch {victim}" in done.stdout
        aside = any((victim.parent / ".corrupt").glob(f"{victim.name}.*"))
        snap = snapshot(w.db)
        what = (f"build rc {done.returncode}; file {'named' if named else 'NOT named'} in the build's log; "
                f"{'moved to' if aside else 'NOT moved to'} `{table}/.corrupt/`; marts "
                f"{'equal' if snap == reference else 'DIFFER from'} the reference")
        lost = missing(reference, snap)
        out.append((f"64 bytes overwritten in a `staging/{table}` batch", what, lost))
    victim = largest_batch(w, "visits")
    victim.unlink()
    done = build(w, full_refresh=True)
    snap = snapshot(w.db)
    named = f"missing staging batch {victim}" in done.stdout
    out.append(("a `staging/visits` batch deleted (the issue's reproduction), then `make build-full`'s command",
                f"build rc {done.returncode}; deletion {'named' if named else 'NOT named'} in the log and its "
                f"articles extracted again; marts {'equal' if snap == reference else 'DIFFER from'} the reference"
                + ("" if done.returncode == 0 else f" (failed build: {tail(done.stdout, 200)})"),
                missing(reference, snap) if done.returncode == 0 else f"{missing(reference, snap)} (build failed)"))
    return out


KILL_POINTS = ["cleaned", "dbt_running", "published", "export_writing", "export_written",
               "export_link_made", "export_swapped"]
EXPORT_POINTS = {p for p in KILL_POINTS if p.startswith("export_")}
POINT_TEXT = {
    "cleaned": "cleaning wrote its batch",
    "dbt_running": "dbt running on the build copy",
    "published": "visits.duckdb swapped, export not begun",
    "export_writing": "export: first mart written into the new version",
    "export_written": "export: new version complete, pointer not yet made",
    "export_link_made": "export: new symlink made, not yet renamed over `marts`",
    "export_swapped": "export: `marts` swapped, old versions not yet removed",
}


def kill_group(w: Warehouse, first_k: int, marker_dir: Path) -> tuple[list[Row], int]:
    """SIGKILL of the build's process group at each point, chained: each next build is the bare
    command started right after the previous kill; one bare command finishes at the end."""
    pending = []
    for n, point in enumerate(KILL_POINTS):
        before_snap, before_pq, identity = snapshot(w.db), export_counts(w.marts), db_identity(w.db)
        before_visits = visit_ids(w.db)
        name = add_article(w, first_k + n)
        if point in EXPORT_POINTS:
            marker = marker_dir / f"reached-{point}"
            proc = start_build(w, w.env(VISITS_FAULT_POINT=point, VISITS_FAULT_MARKER=str(marker)))
            how = kill_when(proc, marker.exists)
        else:
            if point == "dbt_running" and build_path(w.db).exists():
                build_path(w.db).unlink()  # a copy left by an earlier kill would fire the point at once
            proc = start_build(w)
            how = kill_when(proc, disk_point(w, point))
        pending.append((point, name, before_visits, f"{how}; {_reader_view(w, before_snap, before_pq, identity)}"))
    started = time.monotonic()
    done = build(w, timeout=600)
    rows: list[Row] = []
    for point, name, before_visits, seen in pending:
        note, lost = _added_lost(w, name, before_visits)
        rows.append((f"SIGKILL at '{point}' ({POINT_TEXT[point]})", f"{seen}; {note}", lost))
    versions = [p.name for p in w.warehouse.glob(".marts-*") if p.is_dir()]
    pq_ok = export_counts(w.marts) == db_counts(w.db, list(export_counts(w.marts)))
    rows.append(("the bare contract command after those kills (no `orchestration.recovery` first)",
                 f"rc {done.returncode} in {time.monotonic() - started:.0f}s (timeout 600s): dead runs reaped, "
                 f"writer slot freed; Parquet {'matches' if pq_ok else 'DOES NOT match'} the DuckDB file; "
                 f"{len(versions)} export versions kept", 0 if done.returncode == 0 else "see above"))
    return rows, first_k + len(KILL_POINTS)


def readers_group(w: Warehouse, k: int) -> list[Row]:
    """A read-only connection held across a build; then a read-write one someone left open.
    (Two builds: DuckDB lets no other process open the file while a read-write one holds it.)"""
    name, before_visits = add_article(w, k), visit_ids(w.db)
    con = duckdb.connect(str(w.db), read_only=True)
    try:
        (before,) = con.execute("select count(*) from marts.dim_article").fetchone()
        done = build(w)
        (during,) = con.execute("select count(*) from marts.dim_article").fetchone()
    finally:
        con.close()
    note, lost = _added_lost(w, name, before_visits)
    rows: list[Row] = [("a read-only reader holding visits.duckdb open across a build",
                        f"build rc {done.returncode}; the open reader still saw its warehouse whole "
                        f"({during} = {before} articles); {note}", lost)]
    name, before_visits = add_article(w, k + 1), visit_ids(w.db)
    holder = subprocess.Popen(
        [str(BIN / "python"), "-c",
         f"import duckdb, time; c = duckdb.connect({str(w.db)!r}); print('held', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True)
    held = holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        done = build(w)
        still = holder.poll() is None
    finally:
        holder.kill()
        holder.wait()
    note, lost = _added_lost(w, name, before_visits)
    rows.append(("a read-write connection left open on visits.duckdb for the whole of a build",
                 f"connection held: {held}, still open at the build's end: {still}; build rc {done.returncode}; {note}",
                 lost))
    return rows


def _pair(w: Warehouse, env: dict[str, str]) -> tuple[list[int], list[str]]:
    procs = [subprocess.Popen(build_command(BIN), cwd=REPO, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True) for _ in range(2)]
    outs = [p.communicate(timeout=900)[0] for p in procs]
    return [p.returncode for p in procs], outs


def overlap_group(w: Warehouse, k: int) -> list[Row]:
    rows: list[Row] = []
    for label, unset in (("two builds at once, `DAGSTER_HOME` unset (the contract's literal command)", True),
                         ("two builds at once on one `DAGSTER_HOME` (the writer pool)", False)):
        name, before_visits = add_article(w, k), visit_ids(w.db)
        k += 1
        env = w.env()
        if unset:
            env.pop("DAGSTER_HOME")
        rcs, outs = _pair(w, env)
        waited = sum("waiting for the warehouse writer lock" in o for o in outs)
        left = build_path(w.db).exists()
        note, lost = _added_lost(w, name, before_visits)
        pq_ok = export_counts(w.marts) == db_counts(w.db, list(export_counts(w.marts)))
        rows.append((label, f"rc {rcs}; {waited} build(s) printed that they waited for the writer lock; "
                     f"build copy left: {left}; Parquet {'matches' if pq_ok else 'DOES NOT match'} DuckDB; {note}", lost))
    return rows


def instance_group(w: Warehouse, k: int) -> list[Row]:
    """A deleted Dagster home; a build whose writes fail (a file-size limit standing in for a full disk)."""
    rows: list[Row] = []
    name, before_visits = add_article(w, k), visit_ids(w.db)
    shutil.rmtree(w.home)
    env = {**os.environ, "VISITS_RAW_DIR": str(w.raw), "VISITS_WAREHOUSE_DIR": str(w.warehouse),
           "DAGSTER_HOME": str(w.home)}
    done = build(w, env=env)
    what = f"bare command with the folder gone: rc {done.returncode}"
    if done.returncode != 0:
        what += f" ({tail(done.stdout, 160)}); after `make build`'s step that recreates it"
        done = build(w)  # w.env() recreates the folder and dagster.yaml, as the Makefile does
        what += f": rc {done.returncode}"
    note, lost = _added_lost(w, name, before_visits)
    rows.append(("the Dagster home deleted between builds", f"{what}; {note}", lost))

    name, before_visits = add_article(w, k + 1), visit_ids(w.db)
    before_snap, before_pq, identity = snapshot(w.db), export_counts(w.marts), db_identity(w.db)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG, as with ENOSPC

    failed = build(w, preexec=limit, timeout=300)
    seen = _reader_view(w, before_snap, before_pq, identity)
    done = build(w)
    note, lost = _added_lost(w, name, before_visits)
    rows.append(("writes fail part-way (RLIMIT_FSIZE 256 KiB on the build; stands in for a full disk)",
                 f"failing build rc {failed.returncode}; {seen}; next build rc {done.returncode}; {note}", lost))
    return rows
