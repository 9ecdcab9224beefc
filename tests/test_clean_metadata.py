"""Outlet header lines read by visits/clean/metadata.py (invented lines)."""

from datetime import date

from visits.clean.metadata import meta_fields


def _source(line):
    f = meta_fields(line)
    return None if f is None else f.get("source")


def test_date_then_outlet_with_ideographic_space():
    f = meta_fields("2017-07-25\u3000新华日报")
    assert f == {"source": "新华日报", "date": date(2017, 7, 25)}
    assert _source("2019-09-08　中国日报网") == "中国日报网"


def test_outlet_in_lenticular_brackets():
    assert _source("【宁夏日报】") == "宁夏日报"
    assert _source("【凉山新闻网】") == "凉山新闻网"


def test_bare_outlet_line_needs_a_strong_suffix():
    assert _source("浙江在线") == "浙江在线"
    assert meta_fields("援疆工作简报") is None  # a short headline ending in 报


def test_forum_sites_are_not_sources():
    assert _source("【天涯论坛】") is None
    assert _source("2019-05-11　凯迪社区网") is None


def test_body_sentence_is_not_a_header():
    assert meta_fields("省委书记出席并讲话，新华日报记者随行采访。") is None


def test_old_masthead_still_read():
    assert _source("四川日报 2018年06月04日") == "四川日报"
