"""Write the dbt seeds for provinces, pairings, titles and provincial leaders from ../shared/reference.

    .venv/bin/python scripts/build_reference_seeds.py [--reference ../shared/reference]

The seeds are committed; run this only when the reference tables change. Rows whose
source reads UNVERIFIED stay in, flagged `is_verified = false`; provincial_leaders.csv
keeps its own `verified` column as `is_verified`.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(name: str, header: list[str], rows: list[dict[str, object]]) -> None:
    with (SEEDS / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(reference: Path) -> None:
    provinces = [
        {
            "province_code": r["gb2260_code"],
            "name": r["full_name"],
            "short_name": r["short_name"],
            "abbreviation": r["abbr"],
            "alt_abbreviation": r["alt_abbr"],
            "province_type": r["type"],
            "region": r["nbs_region"],
            "west_development": r["west_development"] == "1",
        }
        for r in _rows(reference / "provinces.csv")
    ]
    _write("provinces.csv", list(provinces[0]), provinces)

    pairings = [
        {
            "east_unit": r["east_unit"],
            "east_province": r["east_province"],
            "west_unit": r["west_unit"],
            "west_province": r["west_province"],
            "unit_level": r["unit_level"],
            "programme": r["programme"],
            "since_year": r["since_year"],
            "until_year": r["until_year"],
            "is_verified": "UNVERIFIED" not in r["source_url"],
            "source_url": r["source_url"],
        }
        for r in _rows(reference / "pairings.csv")
    ]
    _write("reference_pairings.csv", list(pairings[0]), pairings)

    titles = [
        {"title": r["title"], "level": r["level"], "rank": r["rank"], "note": r["note"]}
        for r in _rows(reference / "titles.csv")
    ]
    _write("titles.csv", list(titles[0]), titles)

    # months stay 'YYYY-MM' text as the reference gives them; an empty end is an open tenure
    leaders = [
        {
            "province": r["province"],
            "post": r["post"],
            "post_title": r["post_title"],
            "name": r["name"],
            "start_month": r["start"],
            "end_month": r["end"],
            "is_verified": r["verified"].strip().lower() == "true",
            "source_url": r["source"],
        }
        for r in _rows(reference / "provincial_leaders.csv")
    ]
    _write("provincial_leaders.csv", list(leaders[0]), leaders)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reference", type=Path, default=SEEDS.parent.parent / "shared" / "reference")
    build(ap.parse_args().reference)
