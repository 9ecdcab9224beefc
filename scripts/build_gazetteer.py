"""Write seeds/admin_divisions.csv (the place gazetteer) from cpca's bundled GB/T 2260 table.

    .venv/bin/python scripts/build_gazetteer.py [--adcodes PATH]

Parents come from the code structure: PPCCXX -> prefecture PPCC00 -> province PP0000.
Placeholder rows (市辖区, 县, 省直辖县级行政区划) are dropped; units under them hang
directly from the province (直辖市 districts, 省直辖县级 cities such as 潜江市).
Short names are derived by rule (`visits.extract.gazetteer.short_form`), not listed.
The seed is committed; run this only when the source table changes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from visits.extract.names import short_form  # noqa: E402

SEEDS = REPO / "seeds"
HEADER = [
    "code",
    "name",
    "short_name",
    "level",
    "parent_code",
    "prefecture_code",
    "prefecture_name",
    "province_code",
    "province_name",
]
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def default_adcodes() -> Path:
    import cpca  # only needed here, to find its bundled table

    return Path(cpca.__file__).parent / "resources" / "adcodes.csv"


def build_rows(adcodes: Path) -> list[dict[str, str]]:
    with adcodes.open(encoding="utf-8", newline="") as fh:
        raw = {r["adcode"][:6]: r["name"].strip() for r in csv.DictReader(fh)}
    units = {c: n for c, n in raw.items() if n not in PLACEHOLDERS}
    rows = []
    for code in sorted(units):
        name = units[code]
        prov = code[:2] + "0000"
        pref = code[:4] + "00"
        if code == prov:
            level, parent, pref_code = "province", "", ""
        elif code == pref:
            level, parent, pref_code = "prefecture", prov, code
        else:
            level = "county"
            # no real prefecture above it: a 直辖市 district or a 省直辖县级 unit
            parent = pref if pref in units else prov
            if pref in units:
                pref_code = pref
            elif units[prov].endswith("市"):
                pref_code = prov  # 直辖市: the municipality is the prefecture-level place
            else:
                pref_code = code  # 省直辖县级: stands for itself
        rows.append(
            {
                "code": code,
                "name": name,
                "short_name": short_form(name, level),
                "level": level,
                "parent_code": parent,
                "prefecture_code": pref_code,
                "prefecture_name": units.get(pref_code, ""),
                "province_code": prov,
                "province_name": units[prov],
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--adcodes", type=Path, default=None)
    args = ap.parse_args()
    rows = build_rows(args.adcodes or default_adcodes())
    with (SEEDS / "admin_divisions.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to seeds/admin_divisions.csv")


if __name__ == "__main__":
    main()
