"""The marts the report reads, as polars frames, with missing tables and columns tolerated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from visits.publish import resolve_export

# The columns each chart reads; an absent table (empty warehouse) becomes an empty frame of these.
SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "fact_visit": {
        "visit_id": pl.String(),
        "visiting_province": pl.String(),
        "host_province": pl.String(),
        "visiting_unit": pl.String(),
        "host_unit": pl.String(),
        "start_date": pl.Date(),
        "programme": pl.String(),
        "host_cities": pl.List(pl.String()),
        "article_ids": pl.List(pl.String()),
    },
    "dim_article": {"article_id": pl.String(), "script": pl.String(), "status": pl.String()},
    "dim_province_pair": {
        "province_pair_id": pl.String(),
        "east_province": pl.String(),
        "west_province": pl.String(),
        "programme": pl.String(),
        "is_reference_pairing": pl.Boolean(),
        "visits_east_to_west": pl.Int32(),
        "visits_west_to_east": pl.Int32(),
    },
    "dim_province": {
        "province_code": pl.String(),
        "name": pl.String(),
        "short_name": pl.String(),
        "region": pl.String(),
    },
    "dim_official": {"official_id": pl.String(), "name": pl.String(), "province": pl.String()},
    "bridge_visit_official": {"visit_id": pl.String(), "official_id": pl.String(), "is_leader": pl.Boolean()},
    "dim_admin_division": {
        "code": pl.String(),
        "name": pl.String(),
        "level": pl.String(),
        "province_name": pl.String(),
    },
}
MARTS = tuple(SCHEMAS)


@dataclass(frozen=True)
class Marts:
    frames: dict[str, pl.DataFrame]

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.frames[name]

    def has_column(self, table: str, column: str) -> bool:
        return column in self.frames[table].columns


def _read(path: Path, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    if not path.exists():
        return pl.DataFrame(schema=schema)
    frame = pl.read_parquet(path)
    # Columns another change has not added yet read as typed NULLs, so charts need no special case.
    missing = [
        pl.lit(None, dtype=dtype).alias(col) for col, dtype in schema.items() if col not in frame.columns
    ]
    return frame.with_columns(missing) if missing else frame


def load_marts(marts_dir: Path) -> Marts:
    """Every mart the report reads; all columns kept, so optional ones (basis, levels) are visible.

    All from one export version: the link is resolved once, before the first file is opened."""
    version = resolve_export(marts_dir)
    return Marts({name: _read(version / f"{name}.parquet", schema) for name, schema in SCHEMAS.items()})


# Suffix rule for a unit's level until fact_visit carries visiting_level / host_level.
_PROVINCE_SUFFIXES = ("自治区", "省")
_PREFECTURE_SUFFIXES = ("地区", "市", "州", "盟")
_COUNTY_SUFFIXES = ("县", "区", "旗")


def level_of_unit(unit: str | None, province_names: frozenset[str] = frozenset()) -> str | None:
    """'province', 'prefecture' or 'county' from a unit name (the first one, when several are named)."""
    if not unit:
        return None
    first = unit.replace("，", "、").replace(",", "、").split("、")[0].strip()
    # 上海市 ends in 市 but is a province-level municipality: the province list decides first.
    if first in province_names or first.endswith(_PROVINCE_SUFFIXES):
        return "province"
    if first.endswith(_PREFECTURE_SUFFIXES):
        return "prefecture"
    if first.endswith(_COUNTY_SUFFIXES):
        return "county"
    return None


def visit_levels(marts: Marts) -> pl.DataFrame:
    """visit_id, visiting_level, host_level, and where the levels came from ('column' or 'suffix')."""
    visits = marts["fact_visit"]
    provinces = frozenset(marts["dim_province"]["name"].drop_nulls().to_list())
    out = []
    for side in ("visiting", "host"):
        derived = visits[f"{side}_unit"].map_elements(
            lambda u: level_of_unit(u, provinces), return_dtype=pl.String, skip_nulls=False
        )
        column = f"{side}_level"
        if marts.has_column("fact_visit", column) and visits[column].null_count() < visits.height:
            out.append(visits[column].fill_null(derived).alias(column))  # the column wins where set
        else:
            out.append(derived.alias(column))
    has_levels = (
        marts.has_column("fact_visit", "host_level") and visits["host_level"].null_count() < visits.height
    )
    source = "column" if has_levels else "suffix"
    return pl.DataFrame([visits["visit_id"], *out]).with_columns(pl.lit(source).alias("level_source"))


def visit_years(visits: pl.DataFrame) -> pl.Series:
    """The visit's year: from start_date, else the contract's inferred_year when the column exists."""
    year = visits["start_date"].dt.year()
    if "inferred_year" in visits.columns:
        year = pl.coalesce(year, visits["inferred_year"].cast(pl.Int32))
    return year.alias("year")
