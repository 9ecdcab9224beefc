"""Publication date and source from page chrome: tests/data/cases/metadata_lines.tsv.

A new chrome rule is a new row (invented outlets and dates). `-` means no date / no source.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from visits.clean import clean_article

CASES = Path(__file__).parent / "data" / "cases" / "metadata_lines.tsv"
BODY = "两地代表团举行座谈，双方签署了合作协议，并就下一步合作进行了交流。"


def _rows() -> list[dict[str, str]]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["rule"])
def test_chrome_case(row: dict[str, str]):
    page = row["text"].replace("\\n", "\n") + "\n" + BODY
    art = clean_article(page)
    expected_date = None if row["published_date"] == "-" else date.fromisoformat(row["published_date"])
    assert art.published_date == expected_date
    assert art.source == (None if row["source"] == "-" else row["source"])


def test_every_row_is_complete():
    for row in _rows():
        assert all(row[k] for k in ("rule", "text", "published_date", "source")), row
