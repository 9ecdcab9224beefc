#!/usr/bin/env python3
"""Dump what the cleaner + extractor make of every article in a folder, one JSON line each.

    .venv/bin/python bench/dump_extraction.py DIR [DIR ...] > before.jsonl
    (change the code)
    .venv/bin/python bench/dump_extraction.py DIR [DIR ...] > after.jsonl
    cmp before.jsonl after.jsonl     # a speed-only change must leave this byte-identical

DIR holds *.txt directly or under raw/.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from visits.clean import clean_article  # noqa: E402
from visits.extract import extract_visits  # noqa: E402


def main() -> int:
    for root in map(Path, sys.argv[1:]):
        files = sorted((root / "raw").glob("*.txt")) or sorted(root.glob("*.txt"))
        for path in files:
            art = clean_article(path.read_text(encoding="utf-8", errors="replace"))
            visits = extract_visits(art.clean_text, title=art.title, published_date=art.published_date, source=art.source)
            row = {"file": path.name, "published_date": art.published_date, "source": art.source,
                   "visits": [dataclasses.asdict(v) for v in visits]}
            print(json.dumps(row, ensure_ascii=False, default=str, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
