#!/usr/bin/env python3
"""Dump what the cleaner makes of every article in a folder: every CleanArticle field, one JSON
line per article from `clean_article`, then one per article from `clean_frame` over them all.

    .venv/bin/python bench/dump_clean.py DIR [DIR ...] > before.jsonl
    (change the code)
    .venv/bin/python bench/dump_clean.py DIR [DIR ...] > after.jsonl
    cmp before.jsonl after.jsonl     # a speed-only change must leave this byte-identical

DIR holds *.txt directly or under raw/. Files are decoded as the build decodes them.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from visits.clean import clean_article, clean_frame  # noqa: E402
from visits.ingest import DecodeError, decode_article  # noqa: E402


def main() -> int:
    names, texts = [], []
    for root in map(Path, sys.argv[1:]):
        for path in sorted((root / "raw").glob("*.txt")) or sorted(root.glob("*.txt")):
            try:
                text = decode_article(path.read_bytes()).text
            except DecodeError as exc:
                print(json.dumps({"file": path.name, "decode_error": str(exc)}, ensure_ascii=False))
                continue
            names.append(path.name)
            texts.append(text)
            row = {"file": path.name, **dataclasses.asdict(clean_article(text))}
            print(json.dumps(row, ensure_ascii=False, default=str, sort_keys=True))
    frame = clean_frame(pl.DataFrame({"article_id": names, "raw_text": texts}, schema={"article_id": pl.Utf8, "raw_text": pl.Utf8}))
    for row in frame.drop("raw_text").iter_rows(named=True):
        print(json.dumps(row, ensure_ascii=False, default=str, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
