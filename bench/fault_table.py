"""Every fault and bad input of issue 15, run against real builds; prints a markdown table.

    .venv/bin/python bench/fault_table.py [--tiny 2000] [--out DIR] [--only bad,staging,...]

Each build is the contract's bare command (`dagster asset materialize -m
orchestration.definitions --select '*'`) in a subprocess, on a temporary warehouse of the
sample articles. Rows lost: rows a reference gives that the warehouse lacks after the fault
and the build that follows it (see bench/fault_cases.py); the chain of faults on one
warehouse is compared at the end with a from-scratch build of the same raw/.
Exits 1 if any row was lost. See bench/README_faults.md for a run's table.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fault_cases import (  # noqa: E402
    Row,
    instance_group,
    kill_group,
    overlap_group,
    readers_group,
    staging_group,
)
from bench.fault_inputs import SECRET, Case, make_inputs  # noqa: E402
from bench.fault_runs import (  # noqa: E402
    Warehouse,
    articles,
    build,
    copy_samples,
    dbt_run_folders,
    extra,
    missing,
    snapshot,
    tail,
)

GROUPS = ("staging", "readers", "kills", "overlap", "instance", "bad")


def _match(rows: dict[str, tuple], pattern: str) -> list[str]:
    if pattern.endswith("*"):
        return [n for n in rows if n.startswith(pattern[:-1])]
    return [pattern] if pattern in rows else []


def _judge(case: Case, rows: dict[str, tuple], original_visits: int) -> Row:
    if not case.names:  # the .tmp file: in flight by convention, never listed
        listed = [n for n in rows if n.endswith(".tmp")]
        return (case.label, f"no row (the scan waits for in-flight suffixes); rows: {listed}", 0)
    found = [m for p in case.names for m in _match(rows, p)]
    lost = len(case.names) - len(found)
    statuses = sorted({rows[n][0] for n in found})
    wrong = 0
    for n in found:
        status, _, visits = rows[n]
        if case.expect == "same_visits" and (status not in ("loaded", "duplicate") or visits != original_visits):
            lost += max(original_visits - visits, 0)
            wrong += 1
        elif case.expect == "quarantined" and status != "quarantined":
            wrong += 1
        elif case.expect == "loaded" and status != "loaded":
            wrong += 1
    if len(found) == 1:
        status, reason, visits = rows[found[0]]
        what = f"{status}" + (f": {reason}" if reason else "") + (f"; {visits} visit(s)" if status != "quarantined" else "")
    else:
        what = f"{len(found)} of {len(case.names)} rows; statuses {statuses}"
    if wrong:
        what += f"; UNEXPECTED ({wrong} not {case.expect})"
    return (case.label, what, lost)


def _grep_secret(w: Warehouse) -> int:
    """Occurrences of the outside file's text and of /etc/passwd's in the DuckDB file and staging."""
    needles = [SECRET.encode(), b"root:x:0:0"]
    files = [w.db, *(w.warehouse / "staging").rglob("*.parquet")]
    hits = sum(n in p.read_bytes() for p in files for n in needles)
    for p in (w.warehouse / "staging").rglob("*.parquet"):  # decompressed too
        frame = pl.read_parquet(p)
        for col in frame.select(pl.col(pl.Utf8)).columns:
            hits += int(frame[col].str.contains(SECRET, literal=True).any())
            hits += int(frame[col].str.contains("root:x:0:0", literal=True).any())
    return hits


def bad_inputs(root: Path, tiny: int, sample_rows: dict[str, tuple]) -> list[Row]:
    w = Warehouse(root / "bad")
    samples = copy_samples(w.raw)
    outside = w.root / "outside"
    outside.mkdir()
    text = samples[0].read_text(encoding="utf-8")
    cases, closers = make_inputs(w.raw, outside, text, tiny)
    started = time.monotonic()
    try:
        done = build(w)
    finally:
        for close in closers:
            close()
    seconds = time.monotonic() - started
    if done.returncode != 0:
        return [(f"{len(cases)} bad inputs beside the samples", f"BUILD FAILED rc {done.returncode}: {tail(done.stdout)}",
                 "all")]
    rows = articles(w.db)
    original = rows[samples[0].name][2]
    out = [_judge(case, rows, original) for case in cases]
    differ = {n: (sample_rows[n], rows.get(n)) for n in sample_rows if rows.get(n) != sample_rows[n]}
    lost = sum(max(was[2] - (now[2] if now else 0), 0) for was, now in differ.values())
    out.append(("the sample articles beside all of the above",
                f"one build, rc 0, {seconds:.0f}s, {len(rows)} dim_article rows; "
                f"{len(sample_rows) - len(differ)} of {len(sample_rows)} samples with the same status and visits "
                f"as without them" + (f"; differ: {differ}" if differ else ""), lost))
    hits = _grep_secret(w)
    out.append(("bytes of link targets outside raw/ (a secret file, /etc/passwd) in visits.duckdb and staging Parquet",
                f"{hits} occurrences (raw bytes and decompressed string columns)", 0 if hits == 0 else hits))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", type=int, default=2000, help="tiny files among the bad inputs")
    ap.add_argument("--out", type=Path, help="work folder (default: a temporary one, removed)")
    ap.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated subset of {','.join(GROUPS)}")
    args = ap.parse_args()
    only = set(args.only.split(","))
    root = args.out or Path(tempfile.mkdtemp(prefix="fault_table_"))
    root.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    table: list[Row] = []
    timing: list[str] = []

    def timed(name: str, rows: list[Row]) -> None:
        table.extend(rows)
        timing.append(f"{name} {time.monotonic() - t0:.0f}s")
        print(f"[{time.monotonic() - t0:6.0f}s] {name}: {len(rows)} rows", file=sys.stderr, flush=True)

    w = Warehouse(root / "faults")
    copy_samples(w.raw)
    first = build(w)
    assert first.returncode == 0, tail(first.stdout, 3000)
    reference = snapshot(w.db)
    sample_rows = articles(w.db)
    timed("first build", [])
    k = 0
    if "staging" in only:
        timed("staging", staging_group(w, reference))
    if "readers" in only:
        timed("readers", readers_group(w, k))
        k += 2
    if "kills" in only:
        rows, k = kill_group(w, k, root)
        timed("kills", rows)
    if "overlap" in only:
        timed("overlap", overlap_group(w, k))
        k += 2
    if "instance" in only:
        timed("instance", instance_group(w, k))
        k += 2
    if k:
        ref = Warehouse(root / "reference")
        shutil.rmtree(ref.raw)
        shutil.copytree(w.raw, ref.raw, symlinks=True)
        done = build(ref)
        a, b = snapshot(ref.db), snapshot(w.db)
        timed("reference", [(
            f"all of the faults above on one warehouse ({k} articles added), against a from-scratch build of the same raw/",
            f"reference build rc {done.returncode}; {missing(a, b)} reference rows missing, {extra(a, b)} extra",
            missing(a, b))])
    if "bad" in only:
        timed("bad inputs", bad_inputs(root, args.tiny, sample_rows))
    folders = dbt_run_folders()
    table.append(("dbt's per-run target folders after all these builds",
                  f"{len(folders)} left in dbt_project/target (at most 2 expected)", 0))

    print(f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `{' '.join(sys.argv)}`, {time.monotonic() - t0:.0f}s "
          f"({'; '.join(timing)})\n")
    print("| fault | what happened | rows lost |\n|---|---|---:|")
    for fault, what, lost in table:
        cell = what.replace("|", "\\|").replace("\n", " ")
        print(f"| {fault.replace('|', '/')} | {cell} | {lost} |")
    total = sum(x for *_, x in table if isinstance(x, int))
    print(f"\nRows lost in total: {total}")
    if args.out is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if total == 0 and all(isinstance(x, int) for *_, x in table) else 1


if __name__ == "__main__":
    sys.exit(main())
