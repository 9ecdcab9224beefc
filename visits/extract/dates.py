"""Visit dates: ranges, single days and relative days, resolved against the published date.

The year comes from the expression, else the published date (a visit month later than the
published month means the previous year), else stays unknown with the month-day kept.
Weekdays (本周二, 上周五, 周一至周三, 周二（12日）) count in Monday-started weeks around the
published date; without one they give no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _num(s: str) -> int:
    """Arabic, full-width or Chinese numerals up to 31 (十八, 二十一, 三十)."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(s, 0)


def _year(s: str) -> int:
    """2023, ２０２３ or 二〇二三 (digit by digit, as years are written)."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(s) if s.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in s))


_N = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = r"(?:19|20|１９|２０)[0-9０-９]{2}|(?:一九|二[〇零])[〇零一二三四五六七八九]{2}"
_Y = rf"(?:(?P<y>{_YEAR})年)?"
# 6月18日至19日, 6月29日至7月1日, 2019年5月8日, 11月8日
ABSOLUTE = re.compile(
    # 7月25至27日: the first day's 日 may be left out before the range's second day
    _Y + rf"(?P<m>{_N})月(?P<d>{_N})(?:[日号]|(?=(?:至|到)(?:{_N})[日号]))"
    rf"(?:(?:至|到|—|－|-|~|～|、)(?:(?P<y2>{_YEAR})年)?(?:(?P<m2>{_N})月)?(?P<d2>{_N})[日号])?"
)
# 19日上午, 8日至9日, 本月8日至10日 (month from context)
DAY_ONLY = re.compile(
    rf"(?<![0-9])(?<!(?<![本当同])月)(?P<d>{_N})[日号](?:(?:至|到|—|-|~|～)(?P<d2>{_N})[日号])?(?=[上下中晚早凌，,、])"
)
RELATIVE = {
    "前昨两天": (-2, -1),
    "前昨两日": (-2, -1),
    "昨今两天": (-1, 0),
    "昨今两日": (-1, 0),
    "昨天": (-1, -1),
    "昨日": (-1, -1),
    "前天": (-2, -2),
    "前日": (-2, -2),
    "今天": (0, 0),
    "今日": (0, 0),
}
# Ranges of single relative days: 前天至昨天, 昨天到今天 (start of the first, end of the second).
_SINGLE_DAYS = {k: v for k, v in RELATIVE.items() if len(k) == 2}
RELATIVE.update(
    {
        f"{a}{sep}{b}": (_SINGLE_DAYS[a][0], _SINGLE_DAYS[b][1])
        for a in _SINGLE_DAYS
        for b in _SINGLE_DAYS
        for sep in ("至", "到", "—")
        if _SINGLE_DAYS[a][0] < _SINGLE_DAYS[b][1]
    }
)
_RELATIVE_RE = re.compile("|".join(sorted(RELATIVE, key=len, reverse=True)))


# Weekdays, Monday = 0. 周天 is left out: it is also a word of its own (周天运行).
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# Week offset from the publication week; no prefix (bare 周二) is handled apart.
_WEEK_PREFIX = {
    "本": 0,
    "这": 0,
    "这个": 0,
    "这一": 0,
    "上": -1,
    "上个": -1,
    "上一": -1,
    "上上": -2,
    "上上个": -2,
}
_PRE = r"上上个?|上[个一]?|这[个一]?|本"
_UNIT = r"周|星期|礼拜"
_SEP = r"至|到|—|－|-|~|～|、"
# A numeral, 每 or 下 before the week word makes a duration (一周, 两周一次), a frequency (每周一)
# or a future week (下周二), never a reported weekday.
WEEKDAY = re.compile(
    r"(?<![0-9０-９一二两三四五六七八九十几数每多个下])"
    rf"(?P<p>{_PRE})?(?P<u>{_UNIT})(?P<w>[一二三四五六日天])"
    # the end of a range: 至周三, 至本周五, or the bare weekday 至三
    rf"(?:(?:{_SEP})(?:(?P<p2>{_PRE})?(?P<u2>{_UNIT})(?P<w2>[一二三四五六日天])"
    r"|(?P<w3>[一二三四五六])(?![日号月天年十个]))"
    r")?"
    # the explicit day in brackets: 周二（12日）, 周一至周三(12日至14日)
    rf"(?:\s*[（(](?P<bd>{_N})[日号](?:(?:{_SEP})(?P<bd2>{_N})[日号])?[)）])?"
)
# 12日（周二）: the day told first, the weekday in brackets.
DAY_WEEKDAY = re.compile(
    rf"(?<![月0-9０-９])(?P<bd>{_N})[日号]\s*[（(](?:{_UNIT})(?P<w>[一二三四五六日天])[)）]"
)
# After a bare 周X: what a date is followed by. 周一鸣主持 is a person (surname 周), not Monday.
_BARE_FOLLOW = re.compile(r"$|[上下中午晚早凌傍夜，,、。；;：:\s（(）)至到在起及和与当前举召赴抵来]")


@dataclass
class VisitDates:
    start: date | None
    end: date | None
    start_md: str | None
    end_md: str | None
    year_stated: bool = False  # the expression itself gives the year (2019年5月8日)


def _year_for(month: int, published: date | None) -> int | None:
    if published is None:
        return None
    return published.year - 1 if month > published.month else published.year


def _make(y: int | None, m: int, d: int) -> tuple[date | None, str | None]:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None, None
    md = f"{m:02d}-{d:02d}"
    if y is None:
        return None, md
    try:
        return date(y, m, d), md
    except ValueError:
        return None, md


# 本报乌鲁木齐8月2日讯, 新华社拉萨8月21日电: the day the report was filed, not the visit's
_DATELINE = re.compile(r"(?:讯|专?电(?![视话子脑力网站商]))")  # 9月20日电 / 9月20日专电


_DURATION = re.compile(rf"为期(?P<n>{_N}|两)[天日]")


def with_duration(found: VisitDates, sentence: str) -> VisitDates:
    """A single day told with 为期两日/为期3天 in the same sentence: the range it gives."""
    m = _DURATION.search(sentence)
    if not m or not found.start_md or found.start_md != found.end_md:
        return found
    n = _num(m.group("n"))
    if not 1 < n <= 31:
        return found
    if found.start:
        end = found.start + timedelta(days=n - 1)
        return VisitDates(found.start, end, found.start_md, f"{end:%m-%d}", found.year_stated)
    try:  # no year: 2000 is a leap year, so 02-29 counts
        end = date(2000, *map(int, found.start_md.split("-"))) + timedelta(days=n - 1)
    except ValueError:
        return found
    return VisitDates(None, None, found.start_md, f"{end:%m-%d}")


def _dateline_day(sentence: str, published: date | None) -> date | None:
    """The day a dateline gives (本报9月19日讯): the 今天 of the report told under it."""
    m = next((a for a in ABSOLUTE.finditer(sentence) if _DATELINE.match(sentence, a.end())), None)
    if m is None or m.group("d2"):
        return None
    mo = _num(m.group("m"))
    y = _year(m.group("y")) if m.group("y") else _year_for(mo, published)
    return _make(y, mo, _num(m.group("d")))[0]


def parse_dates(sentence: str, published: date | None) -> VisitDates | None:
    """The first date expression in the sentence, as a visit date range (a single day with
    为期两日 in the sentence runs for those days)."""
    found = _parse_dates(sentence, published)
    return with_duration(found, sentence) if found else None


def _parse_dates(sentence: str, published: date | None) -> VisitDates | None:
    m = next((a for a in ABSOLUTE.finditer(sentence) if not _DATELINE.match(sentence, a.end())), None)
    if m:
        mo, d = _num(m.group("m")), _num(m.group("d"))
        mo2 = _num(m.group("m2")) if m.group("m2") else mo
        d2 = _num(m.group("d2")) if m.group("d2") else d
        y = _year(m.group("y")) if m.group("y") else _year_for(mo, published)
        y2 = y + 1 if y is not None and mo2 < mo else y  # 12月30日至1月2日
        if m.group("y2"):  # 2022年12月28日至2023年1月2日
            y2 = _year(m.group("y2"))
        s, smd = _make(y, mo, d)
        e, emd = _make(y2, mo2, d2)
        if smd:
            return VisitDates(s, e, smd, emd, m.group("y") is not None)
    r = _RELATIVE_RE.search(sentence)
    published = _dateline_day(sentence, published) or published  # 本报9月19日讯…今天上午
    if r and published is not None:
        a, b = RELATIVE[r.group()]
        s, e = published + timedelta(days=a), published + timedelta(days=b)
        return VisitDates(s, e, s.strftime("%m-%d"), e.strftime("%m-%d"))
    m = DAY_ONLY.search(sentence)
    if m and published is not None:
        d, d2 = _num(m.group("d")), _num(m.group("d2") or m.group("d"))
        # a day after the published day belongs to the previous month
        ref = published if d <= published.day else (published.replace(day=1) - timedelta(days=1))
        s, smd = _make(ref.year, ref.month, d)
        e, emd = _make(ref.year, ref.month, d2)
        if smd:
            return VisitDates(s, e, smd, emd)
    # weekdays last: the least specific expression, and meaningless without a published date
    if published is not None:
        return _weekday_dates(sentence, published)
    return None


def _day_near(day: int, anchor: date, weekday: int) -> date | None:
    """The date with this day of month nearest the anchor, preferring one on the weekday."""
    cands = []
    for k in (-1, 0, 1):
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + k, 12)
        try:
            cands.append(date(y, mo + 1, day))
        except ValueError:
            continue
    if not cands:
        return None
    # the explicit day wins; the weekday only picks its month
    return min(cands, key=lambda c: (c.weekday() != weekday, abs((c - anchor).days)))


def _span(s: date, e: date) -> VisitDates | None:
    if e < s:
        return None
    return VisitDates(s, e, s.strftime("%m-%d"), e.strftime("%m-%d"))


def _weekday_dates(sentence: str, published: date) -> VisitDates | None:
    """本周二, 上周五, 周一至周三, 周二（12日）: weekdays counted from the publication week."""
    m = DAY_WEEKDAY.search(sentence)
    if m:
        s = _day_near(_num(m.group("bd")), published, _WEEKDAY[m.group("w")])
        return _span(s, s) if s else None
    monday = published - timedelta(days=published.weekday())
    for m in WEEKDAY.finditer(sentence):
        p, u, w = m.group("p"), m.group("u"), m.group("w")
        bracket = m.group("bd") is not None
        if u == "周" and w == "天":
            continue
        if p is None and u == "周" and not bracket and not _BARE_FOLLOW.match(sentence, m.end("w")):
            continue  # surname 周 before a given name
        wd = _WEEKDAY[w]
        start = monday + timedelta(days=7 * _WEEK_PREFIX.get(p or "本", 0) + wd)
        if p is None and start > published:
            start -= timedelta(days=7)  # bare 周五 in a report: the last one, not the coming one
        if m.group("w2"):
            wd2 = _WEEKDAY[m.group("w2")]
            if m.group("p2"):
                end = monday + timedelta(days=7 * _WEEK_PREFIX[m.group("p2")] + wd2)
            else:
                end = start + timedelta(days=(wd2 - wd) % 7)
        elif m.group("w3"):
            end = start + timedelta(days=(_WEEKDAY[m.group("w3")] - wd) % 7)
        else:
            end = start
        if bracket:
            bs = _day_near(_num(m.group("bd")), start, wd)
            if bs is None:
                return None
            if m.group("bd2"):
                be = _day_near(_num(m.group("bd2")), end, -1)
                # the range runs forward from its start: 30日至2日 crosses the month
                end = be if be is not None and be >= bs else end + (bs - start)
            else:
                end = end + (bs - start)
            start = bs
        return _span(start, end)
    return None


_FULL_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def date_in_text(text: str) -> date | None:
    """A full date printed in the text (2021-3-7, 2022年09月14日): a publication date stand-in."""
    for m in _FULL_DATE.finditer(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None
