"""Years a text frames as its present, read from sentences we wrote: tests/data/cases/year_hints.tsv."""

from __future__ import annotations

import pytest

from tests.support.cases import case_rows
from visits.extract.visits import extract_visits
from visits.extract.year_hints import year_hints


@pytest.mark.parametrize("row", case_rows("year_hints.tsv"), ids=lambda r: r["text"][:12])
def test_year_hints_case(row: dict[str, str]) -> None:
    expected = [] if row["years"] == "-" else [int(y) for y in row["years"].split("|")]
    assert year_hints(row["text"]) == expected


def test_every_visit_of_an_article_carries_its_hints() -> None:
    text = (
        "11月8日，甘肃省平凉市党政代表团赴天津市北辰区考察。市委书记郎明远率队。"
        "2029年是两地协作的关键一年。"
    )
    visits = extract_visits(text)
    assert visits, "the sentence should yield a visit"
    assert all(v.year_hints == [2029] for v in visits)
