#!/usr/bin/env python3
"""Extraction cost per article, with the top functions of a profile.

    .venv/bin/python bench/generate.py --n 200 --seed 5 --article-kb 6 --out /tmp/gen6k
    .venv/bin/python bench/bench_extract.py /tmp/gen6k [--profile 15] [--repo OTHER_CHECKOUT]

Articles are cleaned first (not timed); then every article is extracted once, with the
per-string caches emptied, as a build meets them. `--repo` imports the code of another
checkout (a `git worktree` of an older commit), so before and after run on the same
machine in one session: compare their ratio, not the absolute figures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a folder of *.txt, or one with raw/*.txt")
    ap.add_argument("--profile", type=int, default=0, help="print this many top functions by own time")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))

    from visits.clean import clean_article
    from visits.extract import extract_visits
    from visits.extract.gazetteer import _find_places
    from visits.extract.officials import _find_mentions

    files = sorted((args.corpus / "raw").glob("*.txt")) or sorted(args.corpus.glob("*.txt"))
    arts = [clean_article(p.read_text(encoding="utf-8", errors="replace")) for p in files]
    if not arts:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    extract_visits(arts[0].clean_text, title=arts[0].title)  # patterns compiled, not timed

    def run() -> None:
        _find_places.cache_clear()
        _find_mentions.cache_clear()
        for a in arts:
            extract_visits(a.clean_text, title=a.title, published_date=a.published_date, source=a.source)

    started = time.process_time()
    run()
    cpu = time.process_time() - started
    kb = sum(len(a.clean_text.encode()) for a in arts) / len(arts) / 1024
    print(f"{args.repo}: {len(arts)} articles of {kb:.1f} KB: {1000 * cpu / len(arts):.2f} ms CPU per article")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run)
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
