"""Build benchmark: a first build over a generated corpus, a rebuild, then small additions.

    .venv/bin/python bench/bench_build.py --n 2000 --add 10,100 [--article-kb 6] [--json FILE]

Runs the contract's headless build command for real (Dagster -> polars -> dbt) in a
subprocess. A sampler polls the build's whole process tree (the run, its step processes and
the executor's workers) every SAMPLE_S seconds for CPU time and resident memory; the clean and
extract steps' start and end come from the run's own Dagster event log. `--json` writes:

* articles, raw_mb: the first build's corpus;
* first_build_s, rebuild_s (nothing new), add_s (adding the last `--add` count): wall seconds;
* peak_rss_mib: the largest sum of RSS over the process tree seen during any build;
* clean_extract_s: wall of the clean and extract steps in the first build;
* clean_extract_mb_s: raw MB / clean_extract_s;
* opencc_mb_s: OpenCC t2s alone on the same raw text, one thread, in this run;
* cpu_over_wall: CPU seconds of the process tree during those two steps / their wall.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO))

from orchestration.headless import build_command, build_env  # noqa: E402

SAMPLE_S = 0.25
# The clean and extract steps' keys: an asset's op is named after its whole key
# (staging/cleaned_articles), a multi-asset's after its function. Before 2026-12-02 13:30 the
# first was "cleaned_articles", which matched nothing: the window held extraction alone.
STAGE_STEPS = ("staging__cleaned_articles", "extracted_visits")


class TreeSampler(threading.Thread):
    """Polls a process tree: (time, CPU seconds so far, RSS bytes) samples.

    CPU of a process that ends between two polls counts with its last value seen.
    """

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.samples: list[tuple[float, float, int]] = []
        self.stop = threading.Event()
        self._last_cpu: dict[int, float] = {}

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                root = psutil.Process(self.root)
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            rss = 0
            for p in procs:
                try:
                    with p.oneshot():
                        t = p.cpu_times()
                        self._last_cpu[p.pid] = t.user + t.system
                        rss += p.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
            self.samples.append((time.time(), sum(self._last_cpu.values()), rss))
            self.stop.wait(SAMPLE_S)


def _stage_window(home: Path) -> tuple[float, float] | None:
    """(start, end) epoch seconds of the clean and extract steps of the newest run."""
    os.environ["DAGSTER_HOME"] = str(home)
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs(limit=1)
        if not runs:
            return None
        starts, ends = [], []
        for rec in instance.all_logs(runs[0].run_id):
            ev = rec.dagster_event
            if ev is None or ev.step_key not in STAGE_STEPS:
                continue
            if ev.event_type_value == "STEP_START":
                starts.append(rec.timestamp)
            elif ev.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                ends.append(rec.timestamp)
        return (min(starts), max(ends)) if starts and ends else None


def _build(raw: Path, warehouse: Path, home: Path) -> dict:
    env = build_env(raw, warehouse, home)
    start = time.perf_counter()
    proc = subprocess.Popen(build_command(BIN), cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(out[-3000:] + err[-3000:])
    result = {"seconds": round(seconds, 1), "peak_rss_mib": round(max((s[2] for s in sampler.samples), default=0) / 2**20)}
    window = _stage_window(home)
    if window:
        inside = [s for s in sampler.samples if window[0] <= s[0] <= window[1] + SAMPLE_S]
        before = [s for s in sampler.samples if s[0] < window[0]]
        wall = window[1] - window[0]
        cpu0 = before[-1][1] if before else 0.0
        cpu1 = inside[-1][1] if inside else cpu0
        result.update(stage_s=round(wall, 1), stage_cpu_s=round(cpu1 - cpu0, 1))
    return result


def _opencc_mb_s(files: list[Path]) -> float:
    import opencc

    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t2s = opencc.OpenCC("t2s")
    start = time.perf_counter()
    for t in texts:
        t2s.convert(t)
    return mb / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--add", default="10,100")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--article-kb", type=float, default=0.0, help="pad generated articles to about this many KB")
    ap.add_argument("--json", type=Path, default=None, help="write the summary figures here")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "build")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="a corpus generate.py already wrote with the same --n + adds, --seed and "
                         "--article-kb (generating 100,000 articles takes minutes): used, not rewritten")
    args = ap.parse_args()
    adds = [int(x) for x in args.add.split(",") if x]
    args.out = args.out.resolve()  # DAGSTER_HOME must be absolute

    shutil.rmtree(args.out, ignore_errors=True)
    corpus = args.corpus.resolve() if args.corpus else args.out / "corpus"
    if args.corpus is None:
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "generate.py"), "--n", str(args.n + sum(adds)),
             "--seed", str(args.seed), "--article-kb", str(args.article_kb), "--out", str(corpus)],
            check=True, capture_output=True,
        )
    files = sorted((corpus / "raw").iterdir())
    if len(files) < args.n + sum(adds):
        sys.exit(f"{corpus} has {len(files)} articles, fewer than --n plus the adds")
    raw, warehouse, home = args.out / "raw", args.out / "warehouse", args.out / "dagster_home"
    raw.mkdir(parents=True)
    for f in files[: args.n]:
        shutil.copy(f, raw / f.name)
    raw_mb = sum(f.stat().st_size for f in raw.iterdir()) / 1e6

    first = _build(raw, warehouse, home)
    results = [{"step": f"first build, {args.n} articles", "mb": round(raw_mb, 2), **first}]
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
    if args.json:
        stage_s = first.get("stage_s") or float("nan")
        summary = {
            "articles": args.n,
            "raw_mb": round(raw_mb, 2),
            "first_build_s": first["seconds"],
            "rebuild_s": results[1]["seconds"],
            "add_s": results[1 + len(adds)]["seconds"] if adds else None,
            "peak_rss_mib": max(r.get("peak_rss_mib", 0) for r in results),
            "clean_extract_s": stage_s,
            "clean_extract_mb_s": round(raw_mb / stage_s, 3),
            "opencc_mb_s": round(_opencc_mb_s(sorted(raw.iterdir())), 2),
            "cpu_over_wall": round(first.get("stage_cpu_s", float("nan")) / stage_s, 2),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=1) + "\n")
        print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
