"""Reference data from the seed CSVs under seeds/ — the one source shared with dbt.

Every loader is cached: the seeds are small and read-only at run time.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from visits.settings import SEEDS_DIR


@dataclass(frozen=True)
class Province:
    code: str
    name: str  # 广西壮族自治区
    short_name: str  # 广西
    abbreviations: tuple[str, ...]  # 桂 (+ alternates such as 黔/贵)
    kind: str  # 省 | 直辖市 | 自治区 | 特别行政区
    region: str

    @property
    def unit_char(self) -> str:
        """The character its own titles start with: 省委书记, 市委书记 (直辖市), 自治区主席."""
        return {"省": "省", "直辖市": "市", "自治区": "区", "特别行政区": "特"}.get(self.kind, "省")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short_name: str
    level: str  # province | prefecture | county
    parent_code: str
    prefecture_code: str  # the prefecture-level place it maps up to ('' for provinces)
    prefecture_name: str
    province_code: str
    province_name: str


def _rows(name: str, seeds_dir: Path | None = None) -> list[dict[str, str]]:
    with ((seeds_dir or SEEDS_DIR) / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# One-character forms in common use that the reference table does not list as abbreviations:
# 疆 in 援疆 / 来疆 / 入疆 (the table's abbreviation is 新).
COLLOQUIAL_ABBREVIATIONS = {"新疆维吾尔自治区": ("疆",)}


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    out = []
    for r in _rows("provinces.csv"):
        abbrs = tuple(a for a in (r["abbreviation"], r["alt_abbreviation"]) if a)
        abbrs += COLLOQUIAL_ABBREVIATIONS.get(r["name"], ())
        out.append(
            Province(r["province_code"], r["name"], r["short_name"], abbrs, r["province_type"], r["region"])
        )
    return tuple(out)


@lru_cache(maxsize=1)
def province_by_name() -> dict[str, Province]:
    """Full name, short name and 中共-less forms -> province."""
    out: dict[str, Province] = {}
    for p in provinces():
        out[p.name] = p
        out[p.short_name] = p
    return out


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    return tuple(Division(**r) for r in _rows("admin_divisions.csv"))


@lru_cache(maxsize=1)
def division_by_code() -> dict[str, Division]:
    return {d.code: d for d in divisions()}


@lru_cache(maxsize=1)
def title_ranks() -> dict[str, int]:
    """Title -> rank (lower is more senior); '(直辖市)' variants keyed by their bare string + '@直辖市'."""
    out: dict[str, int] = {}
    for r in _rows("titles.csv"):
        title, rank = r["title"], int(r["rank"])
        if title.endswith("(直辖市)"):
            out[title.removesuffix("(直辖市)") + "@直辖市"] = rank
        else:
            out.setdefault(title, rank)
    return out


@lru_cache(maxsize=1)
def pairings() -> tuple[dict[str, str], ...]:
    return tuple(_rows("reference_pairings.csv"))


@lru_cache(maxsize=1)
def province_partners() -> dict[str, frozenset[str]]:
    """Province name -> the provinces it is paired with in any programme (verified or not):
    a visit between paired provinces is the expected reading of an ambiguous place name."""
    out: dict[str, set[str]] = {}
    for r in pairings():
        a, b = r["east_province"], r["west_province"]
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}
