"""Article metadata read from header, credit and trailer lines (simplified text).

Only lines that *state* the metadata are read: a date inside a body sentence is never taken
as the publication date, and `来源` inside a copyright notice is not the source.
"""

from __future__ import annotations

import re
from datetime import date

HAN = "[\u4e00-\u9fff]"
NAME = f"{HAN}{{2,4}}"
BULLET_RE = re.compile(r"^[-•·*●▪◆■]\s*")

_DATE_RES = [
    re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"),
    # dated URL paths: /2019-05/10/, /201905/10/, /20190510/, t20190510_
    re.compile(r"/(\d{4})-?(\d{2})/(\d{2})/"),
    re.compile(r"[/t](\d{4})(\d{2})(\d{2})[_/]"),
]
_LABELLED_DATE_RE = re.compile(r"^(?:发布|发稿|更新)?(?:时间|日期)[:：]")
_DATE_LINE_RE = re.compile(
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:$|[\s|｜/])"
)
_FORUM_DATE_RE = re.compile(r"^#?(?:楼主|沙发|\d+楼)#?\s*(?:发表于)?\s*\d{4}-\d{1,2}-\d{1,2}")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+\.s?html?\b")
_PAPER = f"{HAN}{{2,10}}(?:日报|晚报|早报|时报|商报|都市报|青年报|法制报|报|网)"
_MASTHEAD_RE = re.compile(
    rf"^(?:({_PAPER})\s*(?:第?\S{{0,4}}版\s*)?\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:\s*星期.)?"
    rf"|\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:\s*星期.)?\s*({_PAPER}))$"
)
# A header line that only names the outlet, optionally with the date: `2017-07-25　新华日报`,
# `【宁夏日报】`, `中国日报网`. Bare names need a strong outlet suffix (a short headline may end
# in 报); forum and community sites are not sources.
_OUTLET_STRONG = (
    r"(?:日报|晚报|早报|时报|商报|都市报|青年报|法制报|法治报|新闻网|网|在线|客户端|电视台|广播电视台)"
)
_OUTLET_ANY = rf"(?:{_OUTLET_STRONG}|报|新闻|杂志|周刊)"
_HEADER_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_HEADER_SOURCE_RES = [
    re.compile(rf"^(?:{_HEADER_DATE}\s*)?【({HAN}{{2,12}}?{_OUTLET_ANY})】(?:\s*{_HEADER_DATE})?$"),
    re.compile(rf"^{_HEADER_DATE}\s*({HAN}{{2,12}}?{_OUTLET_ANY})$"),
    re.compile(rf"^({HAN}{{2,10}}?{_OUTLET_STRONG})$"),
]
_FORUM_NAME_RE = re.compile(r"论坛|社区|贴吧|博客|微博|百科")
_SOURCE_RE = re.compile(r"(?<![“\"‘'])来源[:：]\s*([^\s|｜,，;；:：“”\"]{2,20})")
_EDITOR_RE = re.compile(rf"(?:责任编辑|责编|编辑)[:：]\s*({NAME})(?!{HAN})")
_COUNTER_RE = re.compile(r"(?:点击|浏览|阅读|点击数|浏览次数|阅读次数|访问)(?:量|数|次数)?[:：]?\s*\d+")

# Credits. Role words are removed before names are split on spaces / 、.
_ROLE_RE = re.compile(r"本报|本网|本台|本刊|摄影记者|见习记者|实习记者|记者|摄影|报道|文/|图/|摄$")
_END_CREDIT_RE = re.compile(r"[（(]\s*((?:本报|本网)?(?:摄影|见习|实习)?记者[^()（）]{1,30})[)）]\s*$")
_START_CREDIT_RE = re.compile(r"^(?:本报讯|本网讯|本台讯|本刊讯)\s*(?:[（(]([^()（）]{1,30})[)）])?\s*")
_PHOTO_CREDIT_RE = re.compile(
    rf"(?:^|(?<=[。！？”!?.）)\s]))\s*((?:{HAN}{{0,6}}?记者\s*)?{NAME}(?:\s+{NAME})*)\s*摄\s*$"
)
_CREDIT_LINE_RE = re.compile(rf"^(?:{HAN}{{0,4}}(?:记者|通讯员))\s*({NAME}(?:\s+{NAME})*)(?:\s*报道)?$")


def parse_date(text: str) -> date | None:
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def names_in(credit: str) -> list[str]:
    """Names in a credit: `记者 许某 李某某` -> [...]; only 2-4 hanzi tokens count as names."""
    credit = re.split(r"通讯员|实习生", credit)[0]
    credit = _ROLE_RE.sub(" ", credit)
    tokens = re.split(r"[\s、,，/;；]+", credit)
    return [t for t in tokens if re.fullmatch(NAME, t)]


def meta_fields(line: str) -> dict[str, object] | None:
    """Fields of a header/metadata line, or None when the line is not one.

    Recognised: `时间:…`, `来源:…`, `点击:0`, `2019-11-11 09:22:18|来源:…|编辑:…`,
    masthead `四川日报 2018年06月04日`, outlet headers `2017-07-25　新华日报` / `【宁夏日报】`, forum `#楼主# 2019-5-11`, dated URLs, editor lines.
    """
    s = BULLET_RE.sub("", line)
    if len(s) > 120 or s.endswith("。"):
        return None
    masthead = _MASTHEAD_RE.match(s)
    fields: dict[str, object] = {}
    outlet = _header_source(s.strip())
    if outlet:
        return {"source": outlet, "date": parse_date(s)}
    if masthead:
        fields["source"] = masthead.group(1) or masthead.group(2)
        fields["date"] = parse_date(s)
        return fields
    is_meta = bool(
        _LABELLED_DATE_RE.match(s)
        or _DATE_LINE_RE.match(s)
        or _FORUM_DATE_RE.match(s)
        or (_URL_RE.search(s) and len(_URL_RE.sub("", s).strip()) < 10)
        or re.match(r"^(?:来源|作者|编辑|责编|责任编辑)[:：]", s)
        or _COUNTER_RE.fullmatch(s)
    )
    if not is_meta:
        return None
    fields["date"] = parse_date(s)
    src = _SOURCE_RE.search(s)
    if src:
        fields["source"] = src.group(1)
    fields["editors"] = _EDITOR_RE.findall(s)
    return fields


def _header_source(s: str) -> str | None:
    """The outlet a short header line names (see _HEADER_SOURCE_RES), else None."""
    for pattern in _HEADER_SOURCE_RES:
        m = pattern.match(s)
        if m and not _FORUM_NAME_RE.search(m.group(1)):
            return m.group(1)
    return None


def end_credit(line: str) -> tuple[str, list[str]]:
    """Strip a closing `(记者 X Y)`; returns the remaining line and the names."""
    m = _END_CREDIT_RE.search(line)
    if not m:
        return line, []
    return line[: m.start()].rstrip(), names_in(m.group(1))


def start_credit(line: str) -> tuple[str, list[str]]:
    """Strip a leading `本网讯(X)` / `本报讯 `; returns the remaining line and the names."""
    m = _START_CREDIT_RE.match(line)
    if not m:
        return line, []
    return line[m.end() :], names_in(m.group(1) or "")


def photo_credit(line: str) -> tuple[str, list[str]]:
    """Strip a closing `X 摄` / `本报记者 X摄`; returns the remaining line and the names."""
    m = _PHOTO_CREDIT_RE.search(line)
    if not m:
        return line, []
    return line[: m.start()].rstrip(), names_in(m.group(1))


def credit_line(line: str) -> list[str] | None:
    """A line that is only a byline (`本报记者 张三 李四`), else None."""
    m = _CREDIT_LINE_RE.match(line)
    return names_in(m.group(1)) if m else None


def editors_in(line: str) -> list[str]:
    return _EDITOR_RE.findall(line)
