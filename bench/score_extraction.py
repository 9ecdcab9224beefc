#!/usr/bin/env python3
"""Score the cleaner + extractor alone (no warehouse build) against a gold directory.

    .venv/bin/python bench/score_extraction.py DIR            # DIR/raw/*.txt, DIR/gold/*.json
    .venv/bin/python bench/score_extraction.py DIR --misses 40 --grep leaders

Prints the figures score.py prints (visit P/R/F1 and fields, official P/R/F1 and fields,
article published_date / source) plus the most frequent miss categories. Matching rules are
those of evaluation/gold_compare.py (which mirrors ../shared/eval/score.py). Visits are
scored per article, so cross-article visit merging in the warehouse is not exercised here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.gold_compare import compare  # noqa: E402
from visits.clean import clean_article  # noqa: E402
from visits.extract import extract_visits  # noqa: E402
from visits.records import VisitRecord  # noqa: E402


def _text(s: str | None) -> str:
    return re.sub(r"[\s·•・.,，、\"“”]", "", s or "")


def _category(miss: str) -> str:
    """`doc: missed official X` -> `missed official`; `doc: X titles gold=…` -> `titles`."""
    body = miss.split(": ", 1)[1]
    for key in ("missed official", "extra official", "missed visit", "extra visit"):
        if body.startswith(key):
            return key
    m = re.match(r"(\S+) differs", body)
    if m:
        return f"visit {m.group(1)}"
    if " titles gold=" in body:
        return "official titles"
    if " gold=" in body:
        return "official province/side"
    return body


def run(root: Path) -> tuple[dict, list[str]]:
    records: dict[str, list[VisitRecord]] = {}
    meta: dict[str, list[bool]] = {"published_date": [], "source": []}
    misses: list[str] = []
    gold_dir = root / "gold"
    for raw in sorted((root / "raw").glob("*.txt")):
        art = clean_article(raw.read_text(encoding="utf-8", errors="replace"))
        records[raw.name] = extract_visits(
            art.clean_text, title=art.title, published_date=art.published_date, source=art.source
        )
        gpath = gold_dir / (raw.stem + ".json")
        if gpath.exists():
            g = json.loads(gpath.read_text(encoding="utf-8"))
            pd = art.published_date.isoformat() if art.published_date else None
            meta["published_date"].append(pd == g["published_date"])
            meta["source"].append(_text(art.source) == _text(g["source"]))
            if pd != g["published_date"]:
                misses.append(f"{raw.name}: published_date gold={g['published_date']} pred={pd}")
            if _text(art.source) != _text(g["source"]):
                misses.append(f"{raw.name}: source gold={g['source']} pred={art.source}")
    scores, vmisses = compare(records, gold_dir)
    scores["article_fields"] = {k: round(sum(v) / len(v), 3) if v else None for k, v in meta.items()}
    return scores, misses + vmisses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path, help="generated corpus directories (raw/ + gold/)")
    ap.add_argument("--misses", type=int, default=0, help="print this many individual misses")
    ap.add_argument("--grep", default="", help="only print misses containing this text")
    ap.add_argument("--top", type=int, default=12, help="how many miss categories to list")
    args = ap.parse_args()
    for root in args.dirs:
        scores, misses = run(root)
        print(f"== {root}")
        print(json.dumps(scores, ensure_ascii=False))
        print(f"visit F1 {scores['visit_prf'][2]}  official F1 {scores['official_prf'][2]}")
        cats = Counter(_category(m) for m in misses)
        print("top misses: " + ", ".join(f"{k} {n}" for k, n in cats.most_common(args.top)))
        shown = [m for m in misses if args.grep in m][: args.misses]
        for m in shown:
            print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
