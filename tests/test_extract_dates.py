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
