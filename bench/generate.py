#!/usr/bin/env python3
"""Generate a synthetic robustness / benchmark corpus of delegation-visit articles with gold.

    .venv/bin/python bench/generate.py --n 500 --seed 7 --out bench/out/c500
    .venv/bin/python bench/generate.py --mb 50 --seed 1 --out bench/out/c50mb --mix 0.2,0.3,0.5

Writes OUT/raw/NNN_<hash>.txt and OUT/gold/NNN_<hash>.json (shared/gold/SCHEMA.md format) and
OUT/manifest.json (script and kind of each article, the settings).  See bench/README_generate.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.corpus import Generator, Settings  # noqa: E402


def parse_mix(s: str) -> tuple[float, float, float]:
    parts = [float(x) for x in s.split(",")]
    if len(parts) != 3 or min(parts) < 0 or sum(parts) <= 0:
        raise argparse.ArgumentTypeError(
            "--mix wants three non-negative weights: simplified,traditional,garbled"
        )
    total = sum(parts)
    return (parts[0] / total, parts[1] / total, parts[2] / total)


def generate(
    out: Path,
    n: int | None,
    seed: int,
    mix: tuple[float, float, float] = (0.4, 0.3, 0.3),
    nonvisit: float = 0.1,
    mb: float | None = None,
    quiet: bool = True,
    article_kb: float = 0.0,
) -> dict[str, object]:
    """Write the corpus; returns the manifest.  With mb, stops at that many MB of raw text (n is a cap).
    With article_kb, each body is padded with filler paragraphs to about that many KB."""
    gen = Generator(Settings(seed=seed, mix=mix, nonvisit_share=nonvisit, article_bytes=int(article_kb * 1000)))
    cap = n if n is not None else 10**7
    gen.width = max(3, len(str(cap - 1))) if n is not None else 6
    raw_dir, gold_dir = out / "raw", out / "gold"
    raw_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    scripts: Counter[str] = Counter()
    items = []
    total = 0
    t0 = time.perf_counter()
    i = 0
    while i < cap and (mb is None or total < mb * 1e6):
        a = gen.article(i)
        data = a.text.encode("utf-8")
        (raw_dir / a.name).write_bytes(data)
        (gold_dir / (a.name[:-4] + ".json")).write_text(
            json.dumps(a.gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        total += len(data)
        scripts[a.script] += 1
        items.append({"doc": a.name, "script": a.script, "visits": len(a.gold["visits"])})
        i += 1
    manifest = {
        "seed": seed,
        "n": i,
        "mix": list(mix),
        "nonvisit_share": nonvisit,
        "bytes": total,
        "scripts": dict(scripts),
        "seconds": round(time.perf_counter() - t0, 2),
        "articles": items,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        print(f"{i} articles, {total / 1e6:.1f} MB, {dict(scripts)}, {manifest['seconds']} s -> {out}")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=None, help="number of articles (default 500; a cap with --mb)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument(
        "--mix",
        type=parse_mix,
        default=(0.4, 0.3, 0.3),
        help="weights simplified,traditional,garbled (default 0.4,0.3,0.3)",
    )
    ap.add_argument(
        "--nonvisit", type=float, default=0.1, help="share of articles without a visit (default 0.1)"
    )
    ap.add_argument("--mb", type=float, default=None, help="stop once the raw files reach this many MB")
    ap.add_argument(
        "--article-kb", type=float, default=0.0, help="pad each article with filler paragraphs to about this many KB"
    )
    args = ap.parse_args(argv)
    n = args.n if args.n is not None else (None if args.mb else 500)
    if args.out.exists() and any(args.out.glob("raw/*.txt")):
        print(f"{args.out} already holds a corpus; choose an empty directory", file=sys.stderr)
        return 2
    generate(args.out, n, args.seed, args.mix, args.nonvisit, args.mb, quiet=False, article_kb=args.article_kb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
