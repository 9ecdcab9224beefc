from datetime import date

from visits.extract.dates import parse_dates


def _d(s, pub=None):
    r = parse_dates(s, pub)
    return r and (r.start, r.end, r.start_md, r.end_md)


def test_range_same_month():
    assert _d("6月18日至19日，代表团赴某地", date(2020, 6, 21)) == (
        date(2020, 6, 18),
        date(2020, 6, 19),
        "06-18",
        "06-19",
    )


def test_range_across_months():
    assert _d("6月29日至7月1日", date(2021, 7, 3))[:2] == (date(2021, 6, 29), date(2021, 7, 1))


def test_no_year_keeps_month_day():
    assert _d("9月3日，代表团") == (None, None, "09-03", "09-03")


def test_published_early_in_year_means_previous_year():
    assert _d("12月30日至31日", date(2020, 1, 3))[:2] == (date(2019, 12, 30), date(2019, 12, 31))


def test_year_in_text_wins():
    assert _d("2017年11月8日", date(2019, 1, 1))[0] == date(2017, 11, 8)


def test_relative_days():
    assert _d("前昨两天，代表团来我省", date(2021, 3, 10))[:2] == (date(2021, 3, 8), date(2021, 3, 9))
    assert _d("昨日，代表团", date(2021, 3, 1))[:2] == (date(2021, 2, 28), date(2021, 2, 28))


def test_day_only_against_published_date():
    assert _d("19日上午，代表团", date(2022, 8, 21))[0] == date(2022, 8, 19)
    assert _d("30日下午，代表团", date(2022, 9, 2))[0] == date(2022, 8, 30)


def test_chinese_numerals():
    assert _d("十一月二十一日", date(2018, 12, 1))[0] == date(2018, 11, 21)


def test_range_of_relative_days():
    from datetime import date as _d

    from visits.extract.dates import parse_dates

    got = parse_dates("前天至昨天，浙江党政考察团来我省调研。", _d(2012, 11, 1))
    assert (got.start, got.end) == (_d(2012, 10, 30), _d(2012, 10, 31))


# Weekdays. Published on Thursday 2023-06-15: its week runs Mon 06-12 to Sun 06-18.
_THU = date(2023, 6, 15)


def _days(s: str, pub: date | None = _THU) -> tuple[date, date] | None:
    r = parse_dates(s, pub)
    return r and (r.start, r.end)


def test_weekday_of_the_publication_week():
    tue = (date(2023, 6, 13), date(2023, 6, 13))
    for s in ("本周二上午，考察组抵达某县", "这周二，调研团一行到访", "这个星期二，代表团座谈"):
        assert _days(s) == tue, s
    for s in ("周二下午，代表团考察园区", "星期二，访问团签约", "礼拜二，工作组走访"):
        assert _days(s) == tue, s


def test_bare_weekday_after_publication_means_last_week():
    # news reports past events: a bare 周五 read on Thursday is last Friday
    assert _days("周五，代表团考察产业园") == (date(2023, 6, 9), date(2023, 6, 9))
    assert _days("星期六上午，考察团返程") == (date(2023, 6, 10), date(2023, 6, 10))
    # the explicit 本周 keeps this week
    assert _days("本周五，代表团将考察产业园") == (date(2023, 6, 16), date(2023, 6, 16))


def test_previous_week():
    assert _days("上周五，考察团来访") == (date(2023, 6, 9), date(2023, 6, 9))
    assert _days("上星期五，考察团来访") == (date(2023, 6, 9), date(2023, 6, 9))
    assert _days("上个星期一，调研组来访") == (date(2023, 6, 5), date(2023, 6, 5))
    # across the year: published Tuesday 2024-01-02
    assert _days("上周五，访问团抵达", date(2024, 1, 2)) == (date(2023, 12, 29), date(2023, 12, 29))


def test_weekday_range():
    span = (date(2023, 6, 12), date(2023, 6, 14))
    for s in ("本周一至周三，代表团在某市考察", "周一至周三，代表团考察", "周一至三，代表团考察"):
        assert _days(s) == span, s


def test_weekday_with_explicit_day():
    assert _days("本周二（13日）上午，代表团到访") == (date(2023, 6, 13), date(2023, 6, 13))
    assert _days("周二(13日)，代表团到访") == (date(2023, 6, 13), date(2023, 6, 13))
    assert _days("13日（星期二）上午，代表团到访") == (date(2023, 6, 13), date(2023, 6, 13))
    # the explicit day wins over a weekday that does not fit it
    assert _days("周二（14日），代表团到访") == (date(2023, 6, 14), date(2023, 6, 14))
    # the weekday picks the month: published Wednesday 2023-03-01, Monday the 27th is in February
    assert _days("本周一（27日），考察团抵达", date(2023, 3, 1)) == (date(2023, 2, 27), date(2023, 2, 27))
    assert _days("周一至周三（12日至14日），代表团考察") == (date(2023, 6, 12), date(2023, 6, 14))


def test_weekday_without_published_date_gives_nothing():
    assert _days("本周二上午，代表团到访", None) is None
    assert _days("上周五，代表团到访", None) is None
    assert _days("周二（13日），代表团到访", None) is None


def test_explicit_month_day_beats_weekday():
    assert _days("6月8日，代表团到访，本周二又召开座谈会") == (date(2023, 6, 8), date(2023, 6, 8))
    assert _days("本周二召开座谈会，回顾6月8日的考察") == (date(2023, 6, 8), date(2023, 6, 8))


def test_not_weekdays():
    for s in (
        "在合作十周年之际，双方签约",
        "为期一周的考察活动圆满结束",
        "两周一次召开调度会",
        "带动周边县市共同发展",
        "接待工作细致周到",
        "考察日程安排周密",
        "周晓明主持座谈会",
        "周一鸣主持座谈会",
        "每周一召开例会",
        "下周二将赴某省考察",
    ):
        assert _days(s) is None, s


def test_surname_does_not_hide_a_later_weekday():
    assert _days("周一鸣主持，本周二代表团到访") == (date(2023, 6, 13), date(2023, 6, 13))


def test_a_single_day_with_a_stated_duration_runs_for_those_days():
    got = parse_dates("北京市委书记邱平前日率北京市党政代表团抵达呼和浩特，开始为期三天的考察。", date(2020, 5, 20))
    assert (got.start, got.end) == (date(2020, 5, 18), date(2020, 5, 20))
    got = parse_dates("12月30日，代表团抵达，为期3天。", None)
    assert (got.start_md, got.end_md) == ("12-30", "01-01")


def test_a_range_may_leave_out_the_first_day_mark():
    found = parse_dates("7月25至27日，代表团赴黔考察。", None)
    assert (found.start_md, found.end_md, found.year_stated) == ("07-25", "07-27", False)


def test_a_stated_year_is_marked_as_stated():
    assert parse_dates("2021年3月4日，代表团抵达。", None).year_stated
    assert not parse_dates("3月4日，代表团抵达。", date(2021, 3, 5)).year_stated
