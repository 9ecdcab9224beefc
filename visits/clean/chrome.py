"""Publication date and source read from page chrome: breadcrumbs, e-paper mastheads and issue
lines, labelled page dates, site banners and navigation lines.

Also the atoms the header grammar in `metadata.py` shares (dates, stamps, outlet names), so
both modules spell an outlet the same way. Every rule reads a whole short line that is chrome
and nothing else: a date inside a body sentence is never a publication date.
The vocabulary is data in `visits/lexicon/` (outlet_suffixes, crumb_labels, date_labels, …).
"""

from __future__ import annotations

import re
from datetime import date

from visits.lexicon import alternation

HAN = "[\u4e00-\u9fff]"
NAME = f"{HAN}{{2,4}}"

# How sure a line is about the source: a page header that only names a site (`某某人民政府网`)
# < a masthead, a dateline or a WeChat account < a labelled `来源：` / `转自`, which names the
# paper a site reposts. The surest line wins; among equals, the first.
SOURCE_NAMED, SOURCE_MASTHEAD, SOURCE_LABELLED = 0, 1, 2

_DATE_RES = [
    re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"),
    # dated URL paths: /2019-05/10/, /201905/10/, /20190510/, t20190510_
    re.compile(r"/(\d{4})-?(\d{2})/(\d{2})/"),
    re.compile(r"[/t](\d{4})(\d{2})(\d{2})[_/]"),
]

TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
WEEKDAY = r"星期[一二三四五六日天]"
CN_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
ISO_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
# An e-paper may drop the 日 before the weekday: `2013年04月17星期三`.
_LOOSE_DATE = r"(?:\d{4}年\d{1,2}月\d{1,2}日?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"

# Outlet names. A strong suffix (日报, 网, 融媒 …) makes a bare name line a header; a weak one
# (报, 新闻 …) only counts beside a stamp or inside brackets.
OUTLET_STRONG = f"(?:{alternation('outlet_suffixes')})"
OUTLET_ANY = f"(?:{OUTLET_STRONG}|{alternation('outlet_suffixes_weak')})"
SOURCE_LABEL = f"(?:{alternation('source_labels')})"
DATE_LABEL = f"(?:{alternation('date_labels')})"
FORUM_NAME_RE = re.compile(alternation("forum_words"))
_SITE = rf"{HAN}{{2,12}}?{OUTLET_STRONG}"
# A line of chrome holds no sentence punctuation.
_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！？]")


def parse_date(text: str) -> date | None:
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


# `当前位置:云岭晚报 第2013-04-17期 第A2版:要闻`, `您的位置: 云岭新闻网 >> 新闻 >> 正文`.
_CRUMB_RE = re.compile(
    rf"^(?:{alternation('crumb_labels')})\s*[:：]?\s*(?P<site>[^\s>»›/|｜→]{{2,20}})(?P<rest>.*)$"
)
_SITE_RE = re.compile(_SITE)
# a government's own site, named in its breadcrumb: `您当前的位置:某某市人民政府 > 要闻`
_GOVERNMENT_SITE_RE = re.compile(rf"{HAN}{{2,12}}?人民政府(?:门户网站|网)?")
# A breadcrumb without a label whose first step is the site: `云岭新闻网 > 新闻中心 > 要闻`.
_CRUMB_SEP_RE = re.compile(r"\s*(?:>>|[>»›→＞])\s*")
_TODAY_RE = re.compile(rf"^(?:{alternation('today_words')})\s*[:：]?\s*[>＞]?\s*\d{{4}}")
# E-paper issue stamps: `第2013-04-17期`, `>2013-04-17编印`, `>2013年04月17星期三`.
_ISSUE_RE = re.compile(rf"(?:^|(?<=[\s>＞:：]))第\s*(?P<d>{_LOOSE_DATE})\s*期")
_ISSUE_MARK_RE = re.compile(
    rf"(?:^|(?<=[\s>＞]))(?P<d>{_LOOSE_DATE})\s*(?:{alternation('issue_marks')})(?:$|\s)"
)
# An e-paper page line with the issue date: `第A2版：要闻 2013年04月17日 星期三`.
_PAGE_DATE_RE = re.compile(
    rf"^第?\s*[A-Z]?\d{{1,3}}\s*版(?:\s*[:：]?\s*{HAN}{{2,8}})?\s*(?P<d>{CN_DATE}|{ISO_DATE})(?:\s*{WEEKDAY})?$"
)
# A date alone in brackets: `[2013-04-17]`, `【2013年04月17日 10:42】`.
_BRACKET_DATE_RE = re.compile(rf"^[\[【(（]\s*(?P<d>{_LOOSE_DATE})(?:\s*{TIME})?\s*[\]】)）]$")
_DATE_ONLY_RE = re.compile(
    rf"^[>＞]\s*(?P<d>{_LOOSE_DATE})\s*(?:{WEEKDAY})?$|^(?P<w>{_LOOSE_DATE})\s*{WEEKDAY}$"
)
# An e-paper index line: `云岭晚报 要闻 00002 标题 2013-04-17 2 2013年4月17日 星期三`.
_INDEX_TAIL_RE = re.compile(rf"(?:^|\s)(?P<d>{CN_DATE})\s*{WEEKDAY}$")
# `云岭新闻网  发布时间:2013-04-17 10:42:01`: the site, then the labelled page date.
_SITE_DATE_RE = re.compile(rf"^(?P<site>{_SITE})\s*[|｜]?\s*{DATE_LABEL}\s*[:：]\s*(?P<d>{_LOOSE_DATE})")
# a section a story ran in: a section word, perhaps qualified (内地新闻, 本地要闻)
_SECTION_NAME = rf"{HAN}{{0,4}}(?:{alternation('section_words')})"
# `某县人民政府网 > 工作动态  2018年3月9日`, `某区人民政府网 工作动态 发布日期：2019-09-23`: the
# site, one section, then the page date
_SITE_SECTION_DATE_RE = re.compile(
    rf"^(?P<site>{_SITE})(?:\s*[>＞»›]\s*|\s+){_SECTION_NAME}\s+(?:{DATE_LABEL}\s*[:：]\s*)?"
    rf"(?P<d>{_LOOSE_DATE})(?:\s*{TIME})?$"
)
# `某某报 2021年7月18日  内地新闻`: a paper, its date, then the section the story ran in
_PAPER_DATE_SECTION_RE = re.compile(
    rf"^(?P<site>{HAN}{{2,10}}?(?:{OUTLET_STRONG}|报))\s+(?P<d>{CN_DATE}|{ISO_DATE})\s+{_SECTION_NAME}$"
)
# `某某日报 · 第1版 · 要闻`: a paper, its page and section, parted by dots or bars
_PAPER_PAGE_RE = re.compile(
    rf"^(?P<site>{HAN}{{2,10}}?(?:{OUTLET_STRONG}|报))(?:\s*[·•|｜]\s*|\s+)第?\s*[A-Z]?\d{{1,3}}\s*版"
    rf"(?:\s*[·•|｜：:]\s*{_SECTION_NAME})?$"
)
# `某某电视台　《某某新闻》　2019年5月17日`: a station, its programme, the day it aired
_PROGRAMME_DATE_RE = re.compile(
    rf"^(?P<site>{HAN}{{2,12}}?(?:{OUTLET_STRONG}|台))\s*《{HAN}{{2,12}}》\s*(?P<d>{CN_DATE}|{ISO_DATE})$"
)
# Labelled fields after a separator in a chrome line: `【字号：大 中 小】 发布时间：2013-04-17`,
# `… 来源：某某日报` (`转载请注明来源：` has no separator before the label).
_FIELD_DATE_RE = re.compile(rf"(?:^|(?<=[\s|｜】\]]))(?:{DATE_LABEL})\s*[:：]\s*(?P<d>{_LOOSE_DATE})")
_FIELD_SOURCE_RE = re.compile(rf"(?:^|(?<=[\s|｜】\]]))(?:{SOURCE_LABEL})\s*[:：]")
# `《云岭晚报》 2013年04月17日 [星期三] [第A2版]`, the trailer `《云岭晚报》（2013年04月17日 第03版）`
# and `（云岭晚报 2013年04月17日 03版）`.
_BOOK_STAMP = rf"(?:{CN_DATE}|{ISO_DATE})(?:\s*{TIME})?(?:\s*{WEEKDAY})?(?:\s*第?\s*[A-Z]?\d{{1,3}}\s*版)?"
_BOOK_MASTHEAD_RE = re.compile(
    rf"^《(?P<site>{HAN}{{2,12}}?{OUTLET_ANY})》\s*(?:{_BOOK_STAMP}|[（(]\s*{_BOOK_STAMP}\s*[)）])$"
    rf"|^[（(]\s*(?P<paper>{HAN}{{2,12}}?{OUTLET_ANY})\s+{_BOOK_STAMP}\s*[)）]$"
)
# Site banners: `欢迎访问某某市总工会`, `欢迎来到 云岭在线!`, `欢迎来到云岭新闻网`.
_BANNER_SITE = rf"(?P<site>(?![本我]){HAN}[^\s!！,，。:：]{{1,19}}?)"
_BANNER_RE = re.compile(
    rf"^(?:{alternation('banner_words')})\s*{_BANNER_SITE}\s*[!！.。]?$"
    rf"|^(?:{alternation('banner_words_weak')})\s*(?:{_BANNER_SITE.replace('site', 'weak')}\s*[!！]"
    rf"|(?P<named>{_SITE})\s*[.。]?)$"
)
# A paper's name with e-paper words: `云岭晚报 数字报纸`.
_EPAPER_RE = re.compile(rf"^(?P<site>{HAN}{{2,10}})\s+(?:{alternation('epaper_words')})$")
# A navigation line: section words around the site name: `时政要闻 云岭新闻网`, `云岭新闻网 首页 要闻`.
_SECTION = f"(?:{alternation('section_words')})"
_NAV_RE = re.compile(rf"^(?:{_SECTION}\s+)+(?P<site>{_SITE})$|^(?P<first>{_SITE})(?:\s+{_SECTION})+$")

# WeChat public-account reposts:
#   [原创|转载] [DISPLAY_NAME] ACCOUNT DATE [TIME] [发表于PROVINCE]
# The trailing `发表于X` is the poster's IP location, not a date or a source. Without a
# 原创/转载 marker or that IP tail, a few tokens before a date are not enough to call it a header.
_WECHAT_TOKEN = r"[^\s|｜，。,；;：:“”\"]{2,20}"
_WECHAT_RE = re.compile(
    rf"^(?P<mark>(?:原创|转载)\s*)?(?P<tokens>(?:{_WECHAT_TOKEN}\s+){{1,3}})"
    rf"(?:{CN_DATE}|{ISO_DATE})(?:\s*{TIME})?\s*(?P<ip>发表于{HAN}{{2,8}})?$"
)
# Outlet-like account names, preferred over a personal display name.
_ACCOUNT_OUTLET_RE = re.compile(rf"(?:{OUTLET_STRONG}|{alternation('account_suffixes')})$")


def _fields(source: str | None, day: date | None, rank: int) -> dict[str, object]:
    if source and FORUM_NAME_RE.search(source):
        source = None
    return {"source": source, "date": day, "source_rank": rank, "editors": []}


def has_source_field(s: str) -> bool:
    """Whether a chrome line (no sentence punctuation) carries a labelled `来源：` field."""
    return len(s) <= 120 and not _SENTENCE_PUNCT_RE.search(s) and bool(_FIELD_SOURCE_RE.search(s))


def is_breadcrumb(s: str) -> bool:
    """A labelled breadcrumb (`当前位置：首页 > 要闻`, `您现在的位置: 某某网`)."""
    return _CRUMB_RE.match(s) is not None


def chrome_fields(s: str) -> dict[str, object] | None:
    """Date / source of a chrome line that names the site or paper (see above), else None."""
    crumb = _CRUMB_RE.match(s)
    if crumb:
        site = crumb.group("site")
        issue = _ISSUE_RE.search(crumb.group("rest"))
        day = parse_date(issue.group("d")) if issue else None
        site = site.removesuffix("首页")
        source = site if _SITE_RE.fullmatch(site) or _GOVERNMENT_SITE_RE.fullmatch(site) else None
        return _fields(source, day, SOURCE_MASTHEAD if day and source else SOURCE_NAMED)
    steps = _CRUMB_SEP_RE.split(s)
    if len(steps) >= 2 and _SITE_RE.fullmatch(steps[0]) and all(0 < len(x) <= 11 for x in steps):
        if not _SENTENCE_PUNCT_RE.search(s) and not FORUM_NAME_RE.search(steps[0]):
            # an e-paper's crumb may hold the issue's day: `某某日报数字报 > 2019年09月08日 > 第A01版`
            day = next((parse_date(x) for x in steps[1:] if re.fullmatch(_LOOSE_DATE, x)), None)
            return _fields(steps[0], day, SOURCE_MASTHEAD if day else SOURCE_NAMED)
    mastheads = (_BOOK_MASTHEAD_RE, _PAPER_DATE_SECTION_RE, _PAPER_PAGE_RE, _PROGRAMME_DATE_RE)
    for pattern in (_SITE_DATE_RE, _SITE_SECTION_DATE_RE, *mastheads):
        m = pattern.match(s)
        if m:
            rank = SOURCE_MASTHEAD if pattern in mastheads else SOURCE_NAMED
            site = m.group("site") or m.groupdict().get("paper")
            return _fields(site, parse_date(s), rank)  # the stamp is the line's only date
    for pattern in (_BANNER_RE, _EPAPER_RE, _NAV_RE):
        m = pattern.match(s)
        if m:
            site = next(g for g in m.groups() if g)
            return _fields(site, None, SOURCE_NAMED)
    return None


def chrome_date(s: str) -> dict[str, object] | None:
    """The date of a chrome line that names no outlet: issue lines, labelled fields, page lines.

    Read after the masthead rules of metadata.py, so a masthead keeps its own stamp and outlet.
    """
    if len(s) > 120 or _SENTENCE_PUNCT_RE.search(s) or _TODAY_RE.search(s):
        return None
    for pattern in (
        _FIELD_DATE_RE,
        _PAGE_DATE_RE,
        _BRACKET_DATE_RE,
        _DATE_ONLY_RE,
        _ISSUE_RE,
        _ISSUE_MARK_RE,
        _INDEX_TAIL_RE,
    ):
        m = pattern.search(s)
        if m:
            day = parse_date(m.group(m.lastgroup or "d"))
            if day:
                return _fields(None, day, SOURCE_NAMED)
    return None


def wechat_fields(s: str) -> dict[str, object] | None:
    """Fields of a WeChat repost header (see _WECHAT_RE), else None.

    The source is the account right before the date; when more tokens precede it the nearest
    outlet-like one wins (the display name is often a column or a person).
    """
    m = _WECHAT_RE.match(s)
    if not m or not (m.group("mark") or m.group("ip")):
        return None
    tokens = m.group("tokens").split()
    outlets = [t for t in tokens if _ACCOUNT_OUTLET_RE.search(t)]
    source = outlets[-1] if outlets else tokens[-1]
    # parse_date on the stamp only: the IP tail never carries a date.
    stamp = s[m.end("tokens") : m.start("ip") if m.group("ip") else len(s)]
    return {
        "source": None if FORUM_NAME_RE.search(source) else source,
        "source_rank": SOURCE_MASTHEAD,
        "date": parse_date(stamp),
        "editors": [],
    }
