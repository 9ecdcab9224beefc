"""Title chains and names read from sentences we wrote: tests/data/cases/official_titles.tsv, official_names.tsv."""

from __future__ import annotations

import pytest

from tests.support.cases import case_rows
from visits.extract.officials import find_mentions
from visits.extract.titles import rank, read_titles


@pytest.mark.parametrize("row", case_rows("official_titles.tsv"), ids=lambda r: r["name"])
def test_titles_case(row: dict[str, str]) -> None:
    found = {m.name: m for m in find_mentions(row["text"])}
    assert row["name"] in found, sorted(found)
    assert read_titles(found[row["name"]].titles).titles == row["titles"].split("|")


@pytest.mark.parametrize("row", case_rows("official_names.tsv"), ids=lambda r: r["text"][:10])
def test_names_case(row: dict[str, str]) -> None:
    names = [m.name for m in find_mentions(row["text"])]
    expected = [] if row["names"] == "-" else row["names"].split("|")
    assert names == expected
    assert not set(row["not_names"].split("|")) & set(names)


def test_a_bracketed_annotation_keeps_the_titles_rank() -> None:
    assert rank("副市长（挂职）") == rank("副市长") < 100


def test_a_zone_secretary_does_not_rank_as_a_regions() -> None:
    # 开发区党委书记 is no 区党委书记 (an autonomous region's top post); a place still strips
    assert rank("南湖经济技术开发区党委书记") > rank("市长")
    assert rank("广元市委书记") == rank("市委书记") < 100
