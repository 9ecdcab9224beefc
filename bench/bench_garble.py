#!/usr/bin/env python3
"""Garble repair against the truth: (original traditional, garbled) pairs from the generator.

    .venv/bin/python bench/bench_garble.py --n 300 --seed 777
    .venv/bin/python bench/bench_garble.py --n 300 --seed 777 --show 20   # print differing spans

The generator (bench/generator) is the independent yardstick and is not changed: this script
wraps `bench.generator.corpus.garble` to capture the traditional text, the site table and the
punctuation setting of every garbled article, so each article comes with its clean original.

Reported:
* true straddles: byte-level matches of a table entry that started on a trail byte (counted by
  replaying the replacement with a char-boundary mask; `!`-style punctuation straddles likewise);
* the cleaner's own counts (spans found / rebuilt / placeholder);
* differing blocks between clean_article(garbled) and clean_article(original): every span that
  was not rebuilt exactly shows up as one block (adjacent spans can share one), split into blocks
  holding a placeholder and blocks with wrong text but no placeholder (wrong rebuilds or junk);
* character error rate (Levenshtein / reference length) of clean(garbled) vs clean(original).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.generator.corpus as corpus  # noqa: E402
from bench.generator.render import FULLWIDTH_TO_ASCII, ascii_punct  # noqa: E402
from evaluation.edit_distance import levenshtein  # noqa: E402
from visits.clean import PLACEHOLDER, clean_article  # noqa: E402


def true_straddles(trad: str, table: list[tuple[str, str]], punct_bytes: bool) -> tuple[int, int]:
    """(pinyin straddles, punctuation straddles): replay the byte replacements with a boundary mask."""
    data = bytearray()
    start: list[bool] = []  # True where a character starts
    for ch in trad:
        b = ch.encode("gbk", errors="replace")
        data += b
        start += [True] + [False] * (len(b) - 1)

    def replace(key: bytes, new: bytes) -> int:
        nonlocal data, start
        out, mask, i, hits = bytearray(), [], 0, 0
        while True:
            j = bytes(data).find(key, i)
            if j < 0:
                break
            hits += not start[j]
            out += data[i:j] + new
            mask += start[i:j] + [True] * len(new)
            i = j + len(key)
        out += data[i:]
        mask += start[i:]
        data, start = out, mask
        return hits

    punct = 0
    if punct_bytes:
        for fw, a in FULLWIDTH_TO_ASCII:
            punct += replace(fw.encode("gbk"), a.encode("ascii"))
    pinyin = 0
    for ch, py in table:
        key = ch.encode("gbk")
        pinyin += replace(key, key + b"(" + py.encode("gbk") + b")")
    return pinyin, punct


def diff_blocks(hyp: str, ref: str) -> list[tuple[str, str]]:
    """Non-equal regions (hyp part, ref part); regions closer than 2 chars are merged."""
    ops = difflib.SequenceMatcher(None, hyp, ref, autojunk=False).get_opcodes()
    blocks: list[list[int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if blocks and i1 - blocks[-1][1] < 2 and j1 - blocks[-1][3] < 2:
            blocks[-1][1], blocks[-1][3] = i2, j2
        else:
            blocks.append([i1, i2, j1, j2])
    return [(hyp[i1:i2], ref[j1:j2]) for i1, i2, j1, j2 in blocks]


def capture_pairs(n: int, seed: int) -> list[dict[str, Any]]:
    captured: list[dict[str, Any]] = []
    real = corpus.garble

    def spy(
        trad: str, table: list[tuple[str, str]], rng: Any, punct_bytes: bool = True, comma_rate: float = 0.0
    ) -> str:
        out = real(trad, table, rng, punct_bytes=punct_bytes, comma_rate=comma_rate)
        captured.append({"trad": trad, "table": table, "punct": punct_bytes, "garbled": out})
        return out

    corpus.garble = spy  # the generator itself is untouched; only this process sees the spy
    try:
        gen = corpus.Generator(corpus.Settings(seed=seed, mix=(0.0, 0.0, 1.0)))
        for i in range(n):
            gen.article(i)
    finally:
        corpus.garble = real
    return captured


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--show", type=int, default=0, help="print this many differing blocks")
    args = ap.parse_args()

    pairs = capture_pairs(args.n, args.seed)
    clean_article(pairs[0]["garbled"])  # build lazy tables outside the timing
    tot: Counter[str] = Counter()
    shown: list[str] = []
    secs = 0.0
    for k, p in enumerate(pairs):
        pin, pun = true_straddles(p["trad"], p["table"], p["punct"])
        tot["true_pinyin"] += pin
        tot["true_punct"] += pun
        ref_raw = ascii_punct(p["trad"]) if p["punct"] else p["trad"]
        t0 = time.perf_counter()
        hyp = clean_article(p["garbled"])
        secs += time.perf_counter() - t0
        ref = clean_article(ref_raw)
        tot["found"] += hyp.garbled_spans_found
        tot["rebuilt"] += hyp.garbled_spans_rebuilt
        tot["placeholder"] += hyp.garbled_spans_placeholder
        h, r = hyp.clean_text, ref.clean_text
        tot["ref_chars"] += len(r)
        tot["edits"] += levenshtein(h, r)
        blocks = diff_blocks(h, r)
        tot["diff_blocks"] += len(blocks)
        tot["placeholder_chars"] += h.count(PLACEHOLDER)
        for hb, rb in blocks:
            tot["blocks_with_placeholder" if PLACEHOLDER in hb else "blocks_wrong_text"] += 1
            if len(shown) < args.show:
                shown.append(f"  [{k}] got {hb!r} want {rb!r}")
        tot["articles_exact"] += h == r
    true = tot["true_pinyin"] + tot["true_punct"]
    n = len(pairs)
    print(f"{n} garbled articles (seed {args.seed}), {tot['ref_chars']} reference chars")
    print(f"true straddles: {true} ({tot['true_pinyin']} pinyin, {tot['true_punct']} punctuation)")
    print(
        f"cleaner spans: found {tot['found']}, rebuilt {tot['rebuilt']}, placeholder {tot['placeholder']}"
        f" ({tot['placeholder_chars']} placeholder chars in clean text)"
    )
    print(
        f"differing blocks vs clean(original): {tot['diff_blocks']}"
        f" (with placeholder {tot['blocks_with_placeholder']}, wrong text without placeholder {tot['blocks_wrong_text']})"
    )
    print(f"straddles rebuilt exactly (true - differing blocks): {true - tot['diff_blocks']} of {true}")
    print(f"articles identical: {tot['articles_exact']} of {n}")
    print(f"CER clean(garbled) vs clean(original): {100 * tot['edits'] / max(1, tot['ref_chars']):.4f} %")
    print(f"clean_article on garbled: {secs:.2f} s ({n / secs:.0f} articles/s)")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
