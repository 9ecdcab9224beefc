"""How many visits have a year, and are the officeholder years right (issue 14)?

    .venv/bin/python -m evaluation.year_coverage WAREHOUSE.duckdb ROUND_DIR [ROUND_DIR ...]

ROUND_DIR is a folder like ../shared/real/round1 (texts/, gold/, sources.tsv). It prints:
- the share of visits with a usable year (start_date or inferred_year), with and without the
  officeholder step;
- the share of visits whose officials include a provincial top leader that get one year;
- every officeholder-inferred year beside what can check it: the gold's year when the gold
  states one, else the year in the page's URL (a publication year, so a visit late in
  December can legitimately sit a year before it).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

_URL_YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?=[-/_]?(?:0[1-9]|1[0-2])(?!\d\d\d)|/)")

_VISITS = """
with top as (
    select distinct b.visit_id
    from marts.bridge_visit_official as b
    inner join marts.dim_official as o using (official_id)
    inner join reference.provinces as p on p.name = o.province
    inner join reference.leader_post_titles as t
        on t.province_type = p.province_type and list_contains(b.titles, t.title)
)
select f.visit_id, a.file_name, f.start_date, f.start_md, f.inferred_year, f.year_source,
       f.year_min, f.year_max, f.visit_id in (select visit_id from top) as has_top
from marts.fact_visit as f
inner join marts.dim_article as a on a.article_id = f.article_ids[1]
order by a.file_name, f.start_md
"""


@dataclass
class Visit:
    visit_id: str
    file_name: str
    start_date: object
    start_md: str | None
    inferred_year: int | None
    year_source: str | None
    year_min: int | None
    year_max: int | None
    has_top: bool

    @property
    def text_or_page_year(self) -> bool:
        return self.start_date is not None or self.year_source in ("text", "published_date")

    @property
    def usable(self) -> bool:
        return self.start_date is not None or self.inferred_year is not None


def url_year(url: str) -> int | None:
    m = _URL_YEAR.search(url)
    return int(m.group(1)) if m else None


def _gold_years(rounds: list[Path]) -> tuple[dict[tuple[str, str], int | None], dict[str, int | None]]:
    """(doc stem, MM-DD) -> the gold's year or None; doc stem -> the URL's year."""
    by_md: dict[tuple[str, str], int | None] = {}
    urls: dict[str, int | None] = {}
    for r in rounds:
        with (r / "sources.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                urls[row["doc"]] = url_year(row["url"])
        for g in sorted((r / "gold").glob("*.json")):
            for v in json.loads(g.read_text(encoding="utf-8"))["visits"]:
                start = v.get("start_date") or ""
                if len(start) == 10:
                    year = start[:4]
                    by_md[(g.stem, start[5:])] = int(year) if year.isdigit() else None
    return by_md, urls


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.0%}" if whole else "0/0"


def report(warehouse: Path, rounds: list[Path]) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        visits = [Visit(*row) for row in con.execute(_VISITS).fetchall()]
    by_md, urls = _gold_years(rounds)
    top = [v for v in visits if v.has_top]
    lines = [
        f"visits: {len(visits)}",
        f"usable year, text or page only: {_share(sum(v.text_or_page_year for v in visits), len(visits))}",
        f"usable year, with officeholders: {_share(sum(v.usable for v in visits), len(visits))}",
        f"top-leader visits with one year: {_share(sum(v.usable for v in top), len(top))}",
        "",
        "| article | month-day | year | source | bounds | gold year | URL year | check |",
        "|---|---|---|---|---|---|---|---|",
    ]
    right = wrong = 0
    for v in top:
        stem = Path(v.file_name).stem
        gold = by_md.get((stem, v.start_md or ""))
        url = urls.get(stem)
        check = ""
        if v.year_source and v.year_source.startswith("officeholders"):
            truth = gold or url
            if truth is not None:
                ok = truth == v.inferred_year
                right, wrong = right + ok, wrong + (not ok)
                check = "right" if ok else "WRONG"
        bounds = f"{v.year_min}..{v.year_max or ''}" if v.year_min else ""
        year = v.inferred_year or (v.start_date.year if v.start_date else "")
        lines.append(
            f"| {stem} | {v.start_md or ''} | {year} | {v.year_source or ''} | {bounds} "
            f"| {gold or ''} | {url or ''} | {check} |"
        )
    lines += ["", f"officeholder years checked: {right} right, {wrong} wrong"]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("rounds", type=Path, nargs="+")
    args = ap.parse_args()
    print(report(args.warehouse, args.rounds))


if __name__ == "__main__":
    main()
