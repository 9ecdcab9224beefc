"""Build benchmark: a first build over a generated corpus, then small additions.

    .venv/bin/python bench/bench_build.py --n 2000 --add 10,100 [--out bench/out/build]

Runs the contract's headless build command for real (Dagster -> polars -> dbt) in a
subprocess and reports wall time and the peak memory of the build's processes. The
additions show that adding N files costs work proportional to N, not to the corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO))

from orchestration.headless import build_command, build_env  # noqa: E402


def _build(raw: Path, warehouse: Path, home: Path) -> dict:
    env = build_env(raw, warehouse, home)
    start = time.perf_counter()
    proc = subprocess.run(build_command(BIN), cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(proc.stdout[-3000:] + proc.stderr[-3000:])
    # ru_maxrss of children is the largest single descendant, in KiB on Linux
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(seconds, 1), "peak_rss_mib_so_far": round(peak_mib)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--add", default="10,100")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "build")
    args = ap.parse_args()
    adds = [int(x) for x in args.add.split(",") if x]
    args.out = args.out.resolve()  # DAGSTER_HOME must be absolute

    shutil.rmtree(args.out, ignore_errors=True)
    corpus = args.out / "corpus"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), "--n", str(args.n + sum(adds)),
         "--seed", str(args.seed), "--out", str(corpus)],
        check=True, capture_output=True,
    )
    files = sorted((corpus / "raw").iterdir())
    raw, warehouse, home = args.out / "raw", args.out / "warehouse", args.out / "dagster_home"
    raw.mkdir(parents=True)
    for f in files[: args.n]:
        shutil.copy(f, raw / f.name)

    results = [{"step": f"first build, {args.n} articles",
                "mb": round(sum(f.stat().st_size for f in raw.iterdir()) / 2**20, 2),
                **_build(raw, warehouse, home)}]
    results.append({"step": "rebuild, nothing new", **_build(raw, warehouse, home)})
    start = args.n
    for n in adds:
        for f in files[start : start + n]:
            shutil.copy(f, raw / f.name)
        start += n
        results.append({"step": f"add {n} articles", **_build(raw, warehouse, home)})
    results.append({"duckdb_mib": round((warehouse / "visits.duckdb").stat().st_size / 2**20, 1),
                    "staging_mib": round(sum(p.stat().st_size for p in (warehouse / "staging").rglob("*.parquet")) / 2**20, 1)})
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
