"""`clean_frame` adds one typed column per CleanArticle field and agrees with `clean_article`."""

from __future__ import annotations

from dataclasses import asdict, fields

import polars as pl

from tests.support.clean_texts import HTML, NEWS_SITE, STRADDLE, damage
from visits.clean import clean_article, clean_frame
from visits.records import CleanArticle

TEXTS = [
    NEWS_SITE,
    HTML,
    damage(STRADDLE, ["綄", "醫", "領"]),
    "代表团来访,,双方座谈,、交流,。\n\n  ２０２１年　签约。",
    "",
    "陜南地區著力發展特色產業。",
    "星光环保科技(临江)有限公司(记者 欧阳明远)",
]


def test_schema_and_identity():
    df = pl.DataFrame({"article_id": [f"a{i}" for i in range(len(TEXTS))], "raw_text": TEXTS, "extra": 1})
    out = clean_frame(df)
    assert out.columns[:3] == ["article_id", "raw_text", "extra"]
    assert out.schema["reporters"] == pl.List(pl.Utf8)
    assert out.schema["published_date"] == pl.Date
    assert out.schema["garbled_spans_found"] == pl.Int64
    assert [f.name for f in fields(CleanArticle)] == out.columns[3:]
    for row, text in zip(out.iter_rows(named=True), TEXTS, strict=True):
        expected = asdict(clean_article(text))
        assert {k: row[k] for k in expected} == expected


def test_empty_frame():
    df = pl.DataFrame({"article_id": [], "raw_text": []}, schema={"article_id": pl.Utf8, "raw_text": pl.Utf8})
    out = clean_frame(df)
    assert out.height == 0 and "clean_text" in out.columns
