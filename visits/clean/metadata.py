"""Article metadata read from header, credit and trailer lines (simplified text).

Only lines that *state* the metadata are read: a date inside a body sentence is never taken
as the publication date, and `来源` inside a copyright notice is not the source.
Page chrome (breadcrumbs, e-paper issue lines, banners) and the shared atoms (dates, outlet
names) live in `chrome.py`; the vocabulary of both is data in `visits/lexicon/`.
"""

from __future__ import annotations

import re

from visits.clean.chrome import (
    CN_DATE,
    DATE_LABEL,
    FORUM_NAME_RE,
    HAN,
    ISO_DATE,
    NAME,
    OUTLET_ANY,
    OUTLET_STRONG,
    SOURCE_LABEL,
    SOURCE_LABELLED,
    SOURCE_MASTHEAD,
    SOURCE_NAMED,
    TIME,
    WEEKDAY,
    chrome_date,
    chrome_fields,
    has_source_field,
    parse_date,
    wechat_fields,
)
from visits.lexicon import alternation, words

__all__ = ["SOURCE_LABELLED", "SOURCE_MASTHEAD", "SOURCE_NAMED", "parse_date"]

BULLET_RE = re.compile(r"^[-•·*●▪◆■]\s*")

# `发布时间:…`, `【发稿时间 :…`, `刊发日期:…`.
# The colon may be missing when the date follows at once: `发布时间 2013-04-17`, `发布于2013-04-17`.
_LABELLED_DATE_RE = re.compile(
    rf"^[【\[]?\s*(?:{DATE_LABEL}\s*[:：]|(?:{DATE_LABEL}|发布于|更新于)\s*\d{{4}}[-/.年])"
)
_DATE_LINE_RE = re.compile(
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:$|[\s|｜/])"
)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+\.s?html?\b")

# Header grammar. A masthead / outlet header line is
#   OUTLET [PAGE] STAMP [labelled fields]      `某某日报 2021年11月03日 第A2版`,
#                                              `某某网 2021-11-03 10:20:05 来源：某某日报`
#   CN_DATE [星期X] OUTLET                     `2021年11月03日 星期三 某某日报`
# where STAMP = date [time] [星期X] [PAGE]. Anything after the stamp must be a labelled field
# (`来源：` `责任编辑：` …), so a body line that merely starts with a paper name and a date
# (`某某日报2021年11月3日报道…`) is not a header.
_PAPER = f"{HAN}{{2,10}}(?:{OUTLET_STRONG}|报)"
# Page numbers: 第01版 第1版 第A3版 01版 A3版 第十二版. A page is never read as a date.
_PAGE = r"(?:第\s*[A-Z]?\d{1,3}\s*版|[A-Z]?\d{1,3}版|第[一二三四五六七八九十]{1,3}版)"
# A page may carry its section name (`第01版：要闻`, `第A3版 要闻`, `01版:综合新闻`) or sit in
# brackets (`【第2版】`). The section is a short hanzi run and must close the stamp.
_SECTION = rf"(?:\s*[:：·]?\s*{HAN}{{2,8}})"
_PAGE_SECTION = rf"(?:{_PAGE}{_SECTION}?|【\s*{_PAGE}{_SECTION}?\s*】)"
_STAMP = rf"(?:{CN_DATE}|{ISO_DATE})(?:\s*{TIME})?(?:\s*{WEEKDAY})?(?:\s*{_PAGE_SECTION})?"
# Labels that say where a text comes from: the first-named newspaper, not the hosting site.
_EDITOR_LABEL = f"(?:{alternation('editor_labels')})"
_OWN = f"(?:{alternation('own_outlet_words')})"  # 本报 本网 本台 本刊
_META_LABEL = (
    rf"(?:{SOURCE_LABEL}|{_EDITOR_LABEL}|作者|记者|通讯员|{DATE_LABEL}"
    r"|字号|字体|浏览次数|浏览|点击|阅读次数|阅读|访问)"
)
_FIELD_TAIL = rf"(?:[\s|｜]+{_META_LABEL}\s*[:：].*)?$"
# A forum may open the stamp too (`某某论坛 2021-04-08 10:12`): its date counts, its name is
# never a source (see FORUM_NAME_RE).
_OUTLET_STAMP_RE = re.compile(
    rf"^({_PAPER}|{HAN}{{2,10}}(?:论坛|社区|贴吧))\s*(?:[|｜]\s*)?(?:{_PAGE_SECTION}\s*)?{_STAMP}{_FIELD_TAIL}"
)
_STAMP_OUTLET_RE = re.compile(rf"^{CN_DATE}(?:\s*{WEEKDAY})?\s*({_PAPER})$")
# Forum post stamps: `#楼主# 2021-3-7`, `楼主 | 某网友 | 发表于 2021-3-7 16:05 | 只看该作者`.
# `发表于` must open a field (line start or after a separator) and the date must close one.
_FORUM_DATE_RE = re.compile(
    r"^#?(?:楼主|沙发|\d+楼)#?\s*(?:发表于)?\s*\d{4}-\d{1,2}-\d{1,2}"
    rf"|(?:^|[\s|｜])发表于\s*{ISO_DATE}(?:\s*{TIME})?(?:$|[\s|｜])"
)
# A header line that only names the outlet, optionally with the date: `2017-07-25　新华日报`,
# `【宁夏日报】`, `中国日报网`. Bare names need a strong outlet suffix (a short headline may end
# in 报); forum and community sites are not sources.
_HEADER_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_HEADER_SOURCE_RES = [
    re.compile(rf"^(?:{_HEADER_DATE}\s*)?【({HAN}{{2,12}}?{OUTLET_ANY})】(?:\s*{_HEADER_DATE})?$"),
    re.compile(rf"^{_HEADER_DATE}\s*(?:[|｜]\s*)?({HAN}{{2,12}}?{OUTLET_ANY})$"),
    re.compile(rf"^({HAN}{{2,10}}?{OUTLET_STRONG})$"),
]
_SOURCE_RE = re.compile(rf"(?<![“\"‘']){SOURCE_LABEL}\s*[:：]\s*([^\s|｜,，;；:：“”\"】\]）)（(]{{2,20}})")
_NOT_SOURCES = frozenset(words("not_sources"))
_DEPARTMENT_RE = re.compile(f"(?:{alternation('department_suffixes')})$")
# A repost note without a colon: `转自某某日报，…`, `转载自某某日报 ｜ 分享到`.
_REPOST_RE = re.compile(rf"^(?:转载自|转自|摘自)\s*({HAN}{{2,12}}?{OUTLET_ANY})(?=[\s|｜，,。]|$)")
_EDITOR_RE = re.compile(rf"{_EDITOR_LABEL}[:：]\s*({NAME})(?!{HAN})")
_COUNTER_RE = re.compile(r"(?:点击|浏览|阅读|点击数|浏览次数|阅读次数|访问)(?:量|数|次数)?[:：]?\s*\d+")

# Credits. Role words are removed before names are split on spaces / 、 / ，.
# An outlet glued before 记者 (`（某某日报记者 张三）`) is a role word too, not a name.
# What an outlet named in a credit ends with (某某日报记者, （某某融媒体中心记者 X）).
_CREDIT_OUTLET = rf"(?:{OUTLET_STRONG}|报|台|社)"
_OUTLET_BEFORE_REPORTER = rf"{HAN}{{0,10}}?{_CREDIT_OUTLET}(?=(?:摄影|见习|实习)?记者)"
_ROLE_RE = re.compile(
    rf"{_OUTLET_BEFORE_REPORTER}|{_OWN}|摄影记者|见习记者|实习记者|记者|摄影|报道|文/|图/|摄$"
)
# Everything after these in a credit belongs to other roles (correspondents, editors).
_NOT_REPORTER_RE = re.compile(rf"通讯员|实习生|{_EDITOR_LABEL}")
_END_CREDIT_RE = re.compile(
    rf"[（(]\s*((?:本报|本网|{HAN}{{2,10}}?{_CREDIT_OUTLET})?"
    r"(?:摄影|见习|实习)?记者[^()（）]{1,30})[)）]\s*$"
)
# Datelines: `本报讯` or an outlet's own `某某日报讯` / `某某网讯` / `某某网·某某新闻4月17日讯`,
# optionally with `（记者 X Y）`. The outlet form must be followed by a break (space, bracket,
# digit, colon): `会议通报讯息` and `互联网讯号` are words, and `据某某网讯` quotes another outlet.
_DATELINE_DAY = r"(?P<{}>\d{{1,2}}月\d{{1,2}}日)?"
_DATELINE = (
    rf"(?:{_OWN}{_DATELINE_DAY.format('own_day')}讯"
    rf"|(?!据)(?P<outlet>{HAN}{{2,10}}?(?:{OUTLET_STRONG}|报|台)(?:·{HAN}{{2,8}}?)?)"
    rf"{_DATELINE_DAY.format('outlet_day')}讯"
    r"(?=[\s（(\d:：】]))"
)
# Wire datelines name the outlet, the filing place and the day: `某某社北京4月17日电`,
# `某某网兰州4月17日消息`. Only the outlet is read; the line keeps its dateline.
_WIRE_DATELINE_RE = re.compile(
    rf"^【?(?!据)(?P<outlet>{HAN}{{2,10}}?(?:{OUTLET_STRONG}|报|台|社))(?:{HAN}{{2,6}}?)?"
    r"\d{1,2}月\d{1,2}日(?:电|消息)(?=[\s（(:：】]|$)"
)
_START_CREDIT_RE = re.compile(
    rf"^【?(?P<dateline>{_DATELINE})】?\s*(?:[（(](?P<credit>[^()（）]{{1,30}})[)）])?\s*"
)
_PHOTO_CREDIT_RE = re.compile(
    rf"(?:^|(?<=[。！？”!?.）)\s]))\s*((?:{HAN}{{0,6}}?记者\s*)?{NAME}(?:\s+{NAME})*)\s*摄\s*$"
)
# A byline that names the outlet(s) first: `□某某日报/某某新闻记者 张三 李四`.
_OUTLET_CREDIT_RE = re.compile(
    rf"^[□■◆●]?\s*({HAN}{{2,10}}?(?:{OUTLET_STRONG}|报))(?:/{HAN}{{2,10}}?{OUTLET_ANY})*"
    rf"\s*(?:{alternation('reporter_roles')})*(?:记者|通讯员)\s*{NAME}(?:\s+{NAME})*(?:\s*报道)?$"
)
_CREDIT_LINE_RE = re.compile(rf"^(?:{HAN}{{0,4}}(?:记者|通讯员))\s*({NAME}(?:\s+{NAME})*)(?:\s*报道)?$")


def names_in(credit: str) -> list[str]:
    """Names in a credit: `记者 许某 李某某` -> [...]; only 2-4 hanzi tokens count as names."""
    credit = _NOT_REPORTER_RE.split(credit)[0]
    credit = _ROLE_RE.sub(" ", credit)
    tokens = re.split(r"[\s、,，/;；]+", credit)
    return [t for t in tokens if re.fullmatch(NAME, t)]


def meta_fields(line: str) -> dict[str, object] | None:
    """Fields of a header/metadata line, or None when the line is not one.

    Recognised: `时间:…`, `来源:…` / `转自:…`, `点击:0`, `2021-03-07 10:15:02|来源:…|编辑:…`,
    mastheads `某某日报 2021年11月03日 第A2版`, `某某网 2021-11-03 10:20 来源:…`, outlet headers
    `2017-07-25　新华日报` / `【宁夏日报】`, WeChat reposts `原创 某号 某某融媒体中心 2023-05-16
    20:31 发表于某省`, forum stamps `#楼主# 2021-3-7` / `发表于 2021-3-7`,
    dated URLs, editor lines; page chrome (chrome.py): breadcrumbs, e-paper issue lines,
    banners, navigation lines — site-naming chrome first, outlet-less date lines after the
    mastheads, so a masthead keeps its own stamp.
    """
    s = BULLET_RE.sub("", line).strip()
    if len(s) > 120 or s.endswith("。"):
        return None
    chrome = chrome_fields(s)
    if chrome is None:
        outlet = _header_source(s)
        if outlet:
            day = parse_date(s)
            return {"source": outlet, "date": day, "source_rank": SOURCE_MASTHEAD if day else SOURCE_NAMED}
        stamped = _outlet_stamp_fields(s) or wechat_fields(s)
        if stamped is not None:
            return stamped
        chrome = chrome_date(s) or _credit_outlet_fields(s)
    if chrome is not None:
        labelled = _labelled_source(s)
        if labelled:
            chrome.update(source=labelled, source_rank=SOURCE_LABELLED)
        return chrome
    repost = _REPOST_RE.match(s)
    if repost:
        return {"source": repost.group(1), "date": parse_date(s), "source_rank": SOURCE_LABELLED}
    is_meta = bool(
        _LABELLED_DATE_RE.match(s)
        or _DATE_LINE_RE.match(s)
        or _FORUM_DATE_RE.search(s)
        or (_URL_RE.search(s) and len(_URL_RE.sub("", s).strip()) < 10)
        or re.match(
            rf"^[【\[]?\s*(?:{SOURCE_LABEL}|{_EDITOR_LABEL}|作者)\s*[:：]|^[（(]\s*{SOURCE_LABEL}\s*[:：]", s
        )
        or _COUNTER_RE.fullmatch(s)
        or has_source_field(s)
    )
    if not is_meta:
        return None
    fields: dict[str, object] = {"date": parse_date(s)}
    src = _labelled_source(s)
    if src:
        fields["source"] = src
        fields["source_rank"] = SOURCE_LABELLED
    fields["editors"] = _EDITOR_RE.findall(s)
    return fields


def _outlet_stamp_fields(s: str) -> dict[str, object] | None:
    """Fields of a masthead / outlet-stamp line (see _OUTLET_STAMP_RE), else None.

    A labelled `来源:` wins over the outlet that opens the line: `某某网 … 来源:某某日报` is a
    website reposting the newspaper, and the newspaper is the source. A forum is never one.
    """
    m = _OUTLET_STAMP_RE.match(s) or _STAMP_OUTLET_RE.match(s)
    if not m:
        return None
    labelled = _labelled_source(s)
    outlet = None if FORUM_NAME_RE.search(m.group(1)) else m.group(1)
    return {
        "source": labelled or outlet,
        "source_rank": SOURCE_LABELLED if labelled else SOURCE_MASTHEAD,
        "date": parse_date(s),
        "editors": _EDITOR_RE.findall(s),
    }


def _labelled_source(s: str) -> str | None:
    """The outlet a `来源：` label names; `来源：本站` and `来源：县扶贫办` name none (lexicon
    not_sources, department_suffixes)."""
    m = _SOURCE_RE.search(s)
    if not m or m.group(1) in _NOT_SOURCES or _DEPARTMENT_RE.search(m.group(1)):
        return None
    return m.group(1)


def _credit_outlet_fields(s: str) -> dict[str, object] | None:
    """The outlet of a byline `□某某日报/某某新闻记者 张三` that `credit_line` does not read."""
    m = _OUTLET_CREDIT_RE.match(s)
    if not m or _CREDIT_LINE_RE.match(s):
        return None
    return {"source": m.group(1), "date": None, "source_rank": SOURCE_MASTHEAD, "editors": []}


def _header_source(s: str) -> str | None:
    """The outlet a short header line names (see _HEADER_SOURCE_RES), else None."""
    for pattern in _HEADER_SOURCE_RES:
        m = pattern.match(s)
        if m and not FORUM_NAME_RE.search(m.group(1)):
            return m.group(1)
    return None


def end_credit(line: str) -> tuple[str, list[str]]:
    """Strip a closing `(记者 X Y)`; returns the remaining line and the names."""
    m = _END_CREDIT_RE.search(line)
    if not m:
        return line, []
    return line[: m.start()].rstrip(), names_in(m.group(1))


def opens_with_dateline(line: str) -> bool:
    """Whether the line opens with a news dateline (`本报讯`, `某某日报讯`): a paragraph, not a title."""
    return _START_CREDIT_RE.match(line) is not None


def start_credit(line: str) -> tuple[str, list[str]]:
    """Strip a leading `本网讯(X)` / `某某日报讯（记者 X Y）`; returns the remaining line and the names.

    A dateline's day stays (`本报9月19日讯（记者 X）今天…` -> `9月19日讯 今天…`): the report's
    今天 and 昨天 count from it, not from the page's date, which is often the next morning's.
    """
    m = _START_CREDIT_RE.match(line)
    if not m:
        return line, []
    day = m.group("own_day") or m.group("outlet_day")
    rest = line[m.end() :]
    return (f"{day}讯 {rest}" if day else rest), names_in(m.group("credit") or "")


def dateline_outlet(line: str) -> str | None:
    """The outlet of a leading `某某日报讯` / `【某某报讯】` (not `本报讯`), else None."""
    m = _START_CREDIT_RE.match(line) or _WIRE_DATELINE_RE.match(line)
    return m.group("outlet") if m else None


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
