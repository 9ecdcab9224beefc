"""Date rules as a case table: one row per sentence, with the fields each row pins."""

from datetime import date

import pytest

from visits.extract.dates import parse_dates


def _span(start: date, end: date | None = None) -> dict:
    return {"start": start, "end": end or start}


# Weekdays. Published on Thursday 2023-06-15: its week runs Mon 06-12 to Sun 06-18.
THU = date(2023, 6, 15)
TUE_13 = _span(date(2023, 6, 13))

# (sentence, published date, the fields of the result it must have; None: no date at all)
CASES = [
    ("6月18日至19日，代表团赴某地", date(2020, 6, 21),
     {**_span(date(2020, 6, 18), date(2020, 6, 19)), "start_md": "06-18", "end_md": "06-19"}),
    ("6月29日至7月1日", date(2021, 7, 3), _span(date(2021, 6, 29), date(2021, 7, 1))),
    ("9月3日，代表团", None, {"start": None, "end": None, "start_md": "09-03", "end_md": "09-03"}),
    # published early in the year: the previous year
    ("12月30日至31日", date(2020, 1, 3), _span(date(2019, 12, 30), date(2019, 12, 31))),
    # a year in the text wins
    ("2017年11月8日", date(2019, 1, 1), {"start": date(2017, 11, 8)}),
    # a range across a new year, each end with its own year; years in Chinese or full-width digits
    ("2016年12月28日至2017年1月2日，代表团", None, _span(date(2016, 12, 28), date(2017, 1, 2))),
    ("二〇一六年五月十八日，代表团", None, {"start": date(2016, 5, 18), "start_md": "05-18"}),
    ("二零一六年五月十八日", date(2019, 1, 1), {"start": date(2016, 5, 18)}),
    ("２０１６年5月18日", None, {"start": date(2016, 5, 18)}),
    # relative days
    ("前昨两天，代表团来我省", date(2021, 3, 10), _span(date(2021, 3, 8), date(2021, 3, 9))),
    ("昨日，代表团", date(2021, 3, 1), _span(date(2021, 2, 28))),
    ("前天至昨天，浙江党政考察团来我省调研。", date(2012, 11, 1), _span(date(2012, 10, 30), date(2012, 10, 31))),
    # a day alone, against the published date
    ("19日上午，代表团", date(2022, 8, 21), {"start": date(2022, 8, 19)}),
    ("30日下午，代表团", date(2022, 9, 2), {"start": date(2022, 8, 30)}),
    ("十一月二十一日", date(2018, 12, 1), {"start": date(2018, 11, 21)}),
    # a weekday of the publication week
    ("本周二上午，考察组抵达某县", THU, TUE_13),
    ("这周二，调研团一行到访", THU, TUE_13),
    ("这个星期二，代表团座谈", THU, TUE_13),
    ("周二下午，代表团考察园区", THU, TUE_13),
    ("星期二，访问团签约", THU, TUE_13),
    ("礼拜二，工作组走访", THU, TUE_13),
    # news reports past events: a bare 周五 read on Thursday is last Friday
    ("周五，代表团考察产业园", THU, _span(date(2023, 6, 9))),
    ("星期六上午，考察团返程", THU, _span(date(2023, 6, 10))),
    # the explicit 本周 keeps this week
    ("本周五，代表团将考察产业园", THU, _span(date(2023, 6, 16))),
    # the previous week
    ("上周五，考察团来访", THU, _span(date(2023, 6, 9))),
    ("上星期五，考察团来访", THU, _span(date(2023, 6, 9))),
    ("上个星期一，调研组来访", THU, _span(date(2023, 6, 5))),
    # across the year: published Tuesday 2024-01-02
    ("上周五，访问团抵达", date(2024, 1, 2), _span(date(2023, 12, 29))),
    # a range of weekdays
    ("本周一至周三，代表团在某市考察", THU, _span(date(2023, 6, 12), date(2023, 6, 14))),
    ("周一至周三，代表团考察", THU, _span(date(2023, 6, 12), date(2023, 6, 14))),
    ("周一至三，代表团考察", THU, _span(date(2023, 6, 12), date(2023, 6, 14))),
    # a weekday with its day
    ("本周二（13日）上午，代表团到访", THU, TUE_13),
    ("周二(13日)，代表团到访", THU, TUE_13),
    ("13日（星期二）上午，代表团到访", THU, TUE_13),
    # the explicit day wins over a weekday that does not fit it
    ("周二（14日），代表团到访", THU, _span(date(2023, 6, 14))),
    # the weekday picks the month: published Wednesday 2023-03-01, Monday the 27th is in February
    ("本周一（27日），考察团抵达", date(2023, 3, 1), _span(date(2023, 2, 27))),
    ("周一至周三（12日至14日），代表团考察", THU, _span(date(2023, 6, 12), date(2023, 6, 14))),
    # a weekday without a published date gives nothing
    ("本周二上午，代表团到访", None, None),
    ("上周五，代表团到访", None, None),
    ("周二（13日），代表团到访", None, None),
    # an explicit month and day beat a weekday
    ("6月8日，代表团到访，本周二又召开座谈会", THU, _span(date(2023, 6, 8))),
    ("本周二召开座谈会，回顾6月8日的考察", THU, _span(date(2023, 6, 8))),
    # not weekdays
    ("在合作十周年之际，双方签约", THU, None),
    ("为期一周的考察活动圆满结束", THU, None),
    ("两周一次召开调度会", THU, None),
    ("带动周边县市共同发展", THU, None),
    ("接待工作细致周到", THU, None),
    ("考察日程安排周密", THU, None),
    ("周晓明主持座谈会", THU, None),
    ("周一鸣主持座谈会", THU, None),
    ("每周一召开例会", THU, None),
    ("下周二将赴某省考察", THU, None),
    # a surname does not hide a later weekday
    ("周一鸣主持，本周二代表团到访", THU, TUE_13),
    # a single day with a stated duration runs for those days
    ("北京市委书记邱平前日率北京市党政代表团抵达呼和浩特，开始为期三天的考察。", date(2020, 5, 20),
     _span(date(2020, 5, 18), date(2020, 5, 20))),
    ("12月30日，代表团抵达，为期3天。", None, {"start_md": "12-30", "end_md": "01-01"}),
    # a range may leave out the first day mark
    ("7月25至27日，代表团赴黔考察。", None, {"start_md": "07-25", "end_md": "07-27", "year_stated": False}),
    # a stated year is marked as stated
    ("2021年3月4日，代表团抵达。", None, {"year_stated": True}),
    ("3月4日，代表团抵达。", date(2021, 3, 5), {"year_stated": False}),
    # 本月 / 当月 name the month: the range's first day is kept
    ("本月8日至10日，代表团赴某地", date(2021, 5, 12), _span(date(2021, 5, 8), date(2021, 5, 10))),
    ("当月8日至10日，代表团赴某地", date(2021, 5, 12), _span(date(2021, 5, 8), date(2021, 5, 10))),
    # 今天 under a dateline is the dateline's day, not the page's (printed the next morning)
    ("本报9月19日讯（记者 林某）今天上午，推进会在长春召开", date(2019, 9, 20), _span(date(2019, 9, 19))),
    ("本报9月19日讯（记者 林某）昨天，代表团抵达长春", date(2019, 9, 20), _span(date(2019, 9, 18))),
    # a 专电 dateline is no visit date either
    ("本报喀什9月20日专电（记者 林某）9月18日至20日，代表团在喀什考察", date(2011, 9, 21), _span(date(2011, 9, 18), date(2011, 9, 20))),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_date_case(text, published, expected):
    got = parse_dates(text, published)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert {field: getattr(got, field) for field in expected} == expected
