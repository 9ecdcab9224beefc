"""Publication date and source from page chrome: tests/data/cases/metadata_lines.tsv.

A new chrome rule is a new row (invented outlets and dates). `-` means no date / no source.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from tests.support.cases import case_rows
from visits.clean import clean_article
from visits.clean.metadata import dateline_outlet, meta_fields
from visits.lexicon import words

BODY = "两地代表团举行座谈，双方签署了合作协议，并就下一步合作进行了交流。"


def _rows() -> list[dict[str, str]]:
    return case_rows("metadata_lines.tsv", quoting=csv.QUOTE_NONE)


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


@pytest.mark.parametrize("suffix", words("outlet_suffixes"))
def test_every_outlet_suffix_names_an_outlet(suffix: str):
    """One class serves the bare name line, the masthead, the dateline and the breadcrumb."""
    name = "云岭" + suffix
    assert meta_fields(name)["source"] == name
    assert meta_fields(f"{name} 2013-04-17 10:20")["source"] == name
    assert dateline_outlet(f"{name}讯 4月16日，两地代表团举行座谈。") == name
    assert meta_fields(f"当前位置：{name} > 要闻")["source"] == name


@pytest.mark.parametrize("word", words("banner_words"))
def test_every_banner_word_names_the_site(word: str):
    assert meta_fields(f"{word}云岭新闻网")["source"] == "云岭新闻网"


@pytest.mark.parametrize("label", words("date_labels"))
def test_every_date_label_reads_the_page_date(label: str):
    assert meta_fields(f"{label}：2013-04-17 09:30")["date"] == date(2013, 4, 17)
    assert meta_fields(f"【字号：大 中 小】 {label}：2013-04-17")["date"] == date(2013, 4, 17)
