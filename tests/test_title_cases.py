"""Title chains read from sentences we wrote: tests/data/cases/official_titles.tsv."""

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
