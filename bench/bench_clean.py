"""Throughput of the cleaning stage (MB/s of raw UTF-8 text) beside OpenCC t2s on the same text.

    .venv/bin/python bench/bench_clean.py --mb 50

The corpus is built in memory from the sample articles (all three scripts), each copy varied
(digits shifted, a numbered line added) so no two articles are identical.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import opencc
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visits.clean import clean_article, clean_frame  # noqa: E402
from visits.settings import raw_dir  # noqa: E402


def build_corpus(samples: list[str], target_mb: float) -> list[str]:
    """Copies of the samples, varied, until the UTF-8 size reaches target_mb."""
    target = int(target_mb * 1_000_000)
    out: list[str] = []
    size = 0
    i = 0
    while size < target:
        base = samples[i % len(samples)]
        shift = i // len(samples)
        varied = re.sub(r"\d", lambda m, s=shift: str((int(m.group()) + s) % 10), base)
        varied = f"{varied}\n第{i}号稿件。\n"
        out.append(varied)
        size += len(varied.encode("utf-8"))
        i += 1
    return out


CPU: dict[str, float] = {}


def timed(fn: object, name: str = "") -> float:
    """Wall seconds of fn(); its CPU seconds (this process, one core) are kept in CPU[name]."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    CPU[name] = time.process_time() - cpu
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of UTF-8 text")
    parser.add_argument("--batch", type=int, default=2000, help="articles per clean_frame call")
    parser.add_argument("--article-mb", type=float, default=5.0, help="MB run through clean_article")
    parser.add_argument("--raw", type=Path, default=None, help="articles to vary (default: the raw samples)")
    args = parser.parse_args()

    paths = sorted((args.raw or raw_dir()).glob("*.txt")) or sorted(Path("../shared/seeds").glob("*.txt"))
    samples = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    corpus = build_corpus(samples, args.mb)
    mb = sum(len(t.encode("utf-8")) for t in corpus) / 1_000_000
    for sample in samples:  # build the lazy tables (GBK/OpenCC char maps, lexicon) outside the timings
        clean_article(sample)

    t2s = opencc.OpenCC("t2s")
    t_opencc = timed(lambda: [t2s.convert(t) for t in corpus], "OpenCC t2s only")

    def run_frame() -> None:
        for start in range(0, len(corpus), args.batch):
            chunk = corpus[start : start + args.batch]
            clean_frame(pl.DataFrame({"article_id": [str(k) for k in range(len(chunk))], "raw_text": chunk}))

    t_frame = timed(run_frame, "clean_frame (whole stage)")

    sub = build_corpus(samples, min(args.article_mb, args.mb))
    sub_mb = sum(len(t.encode("utf-8")) for t in sub) / 1_000_000
    t_article = timed(lambda: [clean_article(t) for t in sub], "clean_article loop")

    rows = [
        ("OpenCC t2s only", mb, t_opencc),
        ("clean_frame (whole stage)", mb, t_frame),
        ("clean_article loop", sub_mb, t_article),
    ]
    print(
        f"corpus: {len(corpus)} articles, {mb:.1f} MB from {len(samples)} samples; python {sys.version.split()[0]}"
    )
    print(f"{'step':<28}{'MB':>8}{'seconds':>10}{'MB/s':>8}{'articles/s':>12}{'CPU s':>8}{'MB/CPU-s':>10}")
    for name, size, secs in rows:
        n = len(corpus) if size == mb else len(sub)
        cpu = CPU[name]
        print(f"{name:<28}{size:>8.1f}{secs:>10.2f}{size / secs:>8.2f}{n / secs:>12.0f}{cpu:>8.2f}{size / cpu:>10.2f}")
    print(f"clean_frame / OpenCC t2s throughput: {t_opencc / t_frame:.2f}")


if __name__ == "__main__":
    main()
