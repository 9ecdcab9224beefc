"""Visit dates: ranges, single days and relative days, resolved against the published date.

The year comes from the expression, else the published date (a visit month later than the
published month means the previous year), else stays unknown with the month-day kept.
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


_N = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_Y = r"(?:(?P<y>(?:19|20)[0-9]{2})年)?"
# 6月18日至19日, 6月29日至7月1日, 2019年5月8日, 11月8日
ABSOLUTE = re.compile(
    _Y + rf"(?P<m>{_N})月(?P<d>{_N})[日号]"
    rf"(?:(?:至|到|—|－|-|~|～|、)(?:(?P<m2>{_N})月)?(?P<d2>{_N})[日号])?"
)
# 19日上午, 8日至9日 (month from context)
DAY_ONLY = re.compile(
    rf"(?<![月0-9])(?P<d>{_N})[日号](?:(?:至|到|—|-|~|～)(?P<d2>{_N})[日号])?(?=[上下中晚早凌，,、])"
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


@dataclass
class VisitDates:
    start: date | None
    end: date | None
    start_md: str | None
    end_md: str | None


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


def parse_dates(sentence: str, published: date | None) -> VisitDates | None:
    """The first date expression in the sentence, as a visit date range."""
    m = ABSOLUTE.search(sentence)
    if m:
        mo, d = _num(m.group("m")), _num(m.group("d"))
        mo2 = _num(m.group("m2")) if m.group("m2") else mo
        d2 = _num(m.group("d2")) if m.group("d2") else d
        y = int(m.group("y")) if m.group("y") else _year_for(mo, published)
        y2 = y + 1 if y is not None and mo2 < mo else y  # 12月30日至1月2日
        s, smd = _make(y, mo, d)
        e, emd = _make(y2, mo2, d2)
        if smd:
            return VisitDates(s, e, smd, emd)
    r = _RELATIVE_RE.search(sentence)
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
    return None


_FULL_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def date_in_text(text: str) -> date | None:
    """A full date printed in the text (2019-5-11, 2018年06月04日): a publication date stand-in."""
    for m in _FULL_DATE.finditer(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None
