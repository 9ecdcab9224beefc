"""Title chains and names read from sentences we wrote: tests/data/cases/official_titles.tsv, official_names.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from visits.extract.officials import find_mentions
from visits.extract.titles import read_titles

CASES = Path(__file__).parent / "data" / "cases" / "official_titles.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["name"])
def test_titles_case(row: dict[str, str]) -> None:
    found = {m.name: m for m in find_mentions(row["text"])}
    assert row["name"] in found, sorted(found)
    assert read_titles(found[row["name"]].titles).titles == row["titles"].split("|")


NAMES = Path(__file__).parent / "data" / "cases" / "official_names.tsv"


def _name_rows() -> list[dict[str, str]]:
    lines = [line for line in NAMES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.mark.parametrize("row", _name_rows(), ids=lambda r: r["text"][:10])
def test_names_case(row: dict[str, str]) -> None:
    names = [m.name for m in find_mentions(row["text"])]
    expected = [] if row["names"] == "-" else row["names"].split("|")
    assert names == expected
    assert not set(row["not_names"].split("|")) & set(names)
