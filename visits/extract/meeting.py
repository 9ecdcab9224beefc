"""The formal meeting of a visit (…座谈会, 第九次联席会议, 北京市·内蒙古自治区工作交流座谈会) and the
programme named in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from visits.extract.gazetteer import (
    abbreviation_alt,
    aliases,
    county_short_forms,
    find_places,
    lookup_province,
)
from visits.lexicon import alternation
from visits.reference import pairings

# Ceremonies (签约仪式) end a name too but rank below meetings (see _score).
MEETING_SUFFIX = "(?:" + alternation("meeting_suffixes") + ")"
# Marks that join the two sides of a name: 北京市·内蒙古自治区…, 甲区—乙县…
_DOTS = "·•・"
_DASHES = "—–~～－-"
# One unit of a name: a year (2019年, 2023年度) or an Arabic ordinal (第26次) stays whole, so a
# name is never cut to 年… / 次…; otherwise a CJK character (〇 of 二〇一九年 included) or a mark.
# A short bracketed place or qualifier (京蒙协作（兴安盟）招商引资恳谈会) belongs to the name; a
# byline or caption mark has a space or punctuation inside, or follows the name, so stays out.
_BRACKET = r"[（(][\u4e00-\u9fff〇0-9A-Za-z" + _DOTS + r"]{1,8}[）)]"
# A short quoted slogan inside a name (常熟·思南“携手奔小康”结对帮扶签约仪式, “甲货出山”推介会)
_QUOTE = r"[“\"][\u4e00-\u9fff〇0-9" + _DOTS + r"]{2,14}[”\"]"
_CHAR = r"[\u4e00-\u9fff〇" + _DOTS + re.escape(_DASHES) + "]"
_UNIT = r"(?:(?:19|20)\d{2}年度?|第\d{1,3}[次届]|" + _BRACKET + "|" + _QUOTE + "|" + _CHAR + ")"
# 甲座谈会暨乙签约仪式 is one event under one name
# …联席会议第三次会议: the session's number after the name belongs to it
_SESSION = r"(?:第(?:\d{1,3}|[一二三四五六七八九十]{1,3})次(?:全体)?会议)?"
# 会 opening a verb (甲峰会见了乙: a name ending in 峰 and 会见; 工作会谈) ends no meeting name
_NOT_VERB = r"(?![见晤谈])"
_CANDIDATE = re.compile(
    _UNIT + r"{2,40}?" + MEETING_SUFFIX + _NOT_VERB + _SESSION + r"(?:暨" + _UNIT + r"{0,30}?(?:" + MEETING_SUFFIX + r"|仪式))?"
)
# Side events rank below the meeting itself (联席会议 over the 招商推介会 held after it).
_HAS_SUFFIX = re.compile(MEETING_SUFFIX)
# 援藏干部人才座谈会, 派驻某州帮扶干部座谈会: the visitors meet the cadres they posted there
_CADRES_MEETING = re.compile(r"干部(?:人才)?(?:代表)?(?:座谈会|座谈|交流会)$")
_GENERIC = re.compile(r"(?:两地|双方|党政|领导|工作)+" + MEETING_SUFFIX)
_SIDE_EVENT = re.compile("(?:" + alternation("side_event_suffixes") + ")$")
_DASH_RUN = re.compile("[" + re.escape(_DASHES) + "]+")
# A bracket opening the name stands before it (（图）… / （2023）…), not inside it.
_LEADING_BRACKETS = re.compile("^(?:" + _BRACKET + ")+")
# Text between separators; a short bracket group does not separate (see _BRACKET).
_SEGMENT = re.compile(r"(?:" + _BRACKET + "|" + _QUOTE + r"|[^，,。；;！？\n“”\"（）()、《》])+")
# Where a meeting name starts: after these words the name begins (在西宁举行苏青…联席会议).
_LEAD = re.compile(r"^.*(?:召开|举行|举办|出席|参加|主持|落实|在[\u4e00-\u9fff]{1,8}?(?:召开|举行)|的|了|是|为)")
_COOPERATION = re.compile(r"协作|合作|扶贫|帮扶|支援|对口|交流")
# A meeting a speech refers to (习近平总书记在…座谈会上的重要讲话) is not the visit's meeting.
_QUOTED = re.compile(r"总书记|习近平|重要讲话|讲话精神|重要指示|贯彻")
# …座谈会精神 / …联席会议确定的任务: a meeting whose spirit or decisions are carried out is an earlier one
_AFTER_QUOTED = re.compile(r"^(?:精神|上的讲话|部署|确定的|议定的|明确的)")
# Unit suffixes that end a place name on either side of a joining dash (…区—…旗).
_UNIT_END = "省市区县州旗盟"
# Words that end in a unit suffix but name no particular place (两省, 全市, 我区 …).
_NOT_A_PLACE_START = "两全我该本各此每"


def _clause_of(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in "，,。；;！？\n") + 1
    right = min((i for i in (text.find(c, end) for c in "，,。；;！？\n") if i >= 0), default=len(text))
    return text[left:right]


def _is_place(word: str) -> bool:
    """A gazetteer name, or a county's name without its suffix (遂昌 in 遂昌—普格…联席会议)."""
    return word in aliases() or (len(word) >= 2 and word in county_short_forms())


def _ends_with_place(s: str) -> bool:
    """甲乙区 / 某某州 / a gazetteer name (珠海) right before a dash."""
    if not s or s[-1] not in _UNIT_END and not any(_is_place(s[-n:]) for n in range(2, 7)):
        return False
    return not (len(s) >= 2 and s[-2] in _NOT_A_PLACE_START)


def _starts_with_place(s: str) -> bool:
    """A place right after a dash: a gazetteer name, or a short word ending in a unit suffix
    (科右前旗-style short forms are in no gazetteer)."""
    if any(_is_place(s[:n]) for n in range(2, 7)):
        return True
    if not s or s[0] in _NOT_A_PLACE_START:
        return False
    return re.match(r"[\u4e00-\u9fff]{1,5}?[" + _UNIT_END + "]", s) is not None


def _listed_place(before: str) -> str:
    """The place that ends `before`, with its 、 (甲市、 in 甲市、乙市…联席会议), else ''; the
    whole clause when it names only places (北京市与河北省张家口市、保定市…座谈会)."""
    m = re.search(r"[\u4e00-\u9fff]{2,8}$", before)
    if not m:
        return ""
    tail = m.group()
    for n in range(min(len(tail), 8), 1, -1):
        if tail[-n:] in aliases() and tail[-1] in _UNIT_END:
            clause = re.split(r"[，,。；;！？\n“”\"（）()、《》]", before)[-1]
            rest = clause
            for h in reversed(find_places(clause)):
                rest = rest[: h.start] + rest[h.end :]
            return (clause if rest and not rest.strip("与和及" + _DOTS) else tail[-n:]) + "、"
    return ""


def _cut_at_loose_dash(name: str) -> str:
    """A dash between two places joins one name (甲区—乙旗…座谈会); any other dash separates
    clauses or a headline from its subtitle, so the name starts after it."""
    start = 0
    for m in _DASH_RUN.finditer(name):
        if not (_ends_with_place(name[start : m.start()]) and _starts_with_place(name[m.end() :])):
            start = m.end()
    return name[start:]


def _score(name: str, clause: str, pair_words: tuple[str, ...]) -> int:
    """Twice the evidence that this is the visit's meeting; 0 when it is no candidate at all."""
    if _CADRES_MEETING.search(name) or _GENERIC.fullmatch(name):
        return 0  # the visitors meeting their own posted cadres; 党政联席会议, which names no one
    score = 0
    if any(w in name for w in pair_words):
        score += 2
    if _COOPERATION.search(name):
        score += 1
    if name.endswith("仪式") or _SIDE_EVENT.search(name):
        # A ceremony counts only when it names a cooperation event (not a bare 开工仪式), and
        # 举行 is how every ceremony is reported, so it earns no bonus; minus one so that it
        # loses a tie with a meeting (the ceremony is usually held at the meeting).
        return 2 * score - 1 if score else 0
    if re.search(r"召开|举行|举办|召集", clause):
        score += 1
    return 2 * score


@lru_cache(maxsize=8)
def _named_meetings(text: str) -> tuple[tuple[str, str], ...]:
    """(name, clause) of every meeting-looking name in the text, in order: the part of
    find_meeting that depends on the text alone, made once for all of an article's visits."""
    out = []
    for seg_m in _SEGMENT.finditer(text):
        seg = seg_m.group()
        if not _HAS_SUFFIX.search(seg):
            continue  # a name ends with a meeting word: most segments have none
        for m in _CANDIDATE.finditer(seg):
            name = m.group()
            # keep the last meeting-looking tail: 两省在无锡市召开苏青…座谈会 -> 苏青…座谈会
            name = _LEAD.sub("", name) or name
            name = _cut_at_loose_dash(name).strip(_DOTS + _DASHES)
            name = _LEADING_BRACKETS.sub("", name).strip(_DOTS + _DASHES).removeprefix("在")
            if m.start() == 0 and seg_m.start() > 0 and text[seg_m.start() - 1] == "、":
                name = _listed_place(text[: seg_m.start() - 1]) + name  # 甲市、乙市…联席会议
            before = seg[: m.start() + max(0, m.group().rfind(name))]
            if name[0] in "和及与" and re.search(r"(?:会|会议|仪式)$", before):
                name = name[1:]  # 出席甲联席会议和乙联席会议: the connector is not the name's
            if len(name) < 5 or name.startswith("第"):
                continue
            clause = _clause_of(text, seg_m.start() + m.start(), seg_m.start() + m.end())
            if _QUOTED.search(clause) or _AFTER_QUOTED.match(seg[m.end() :]):
                continue
            out.append((name, clause))
    return tuple(out)


def find_meeting(
    text: str,
    pair_words: tuple[str, ...] = (),
    avoid: tuple[str, ...] = (),
    own: tuple[str, ...] = (),
    by: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> str | None:
    """The most specific meeting name: one naming the pair or the cooperation wins; a longer
    candidate that ends with a shorter one (闽甘扶贫协作… vs 扶贫协作…) wins. A candidate naming
    a word of `avoid` (another visit's host, in an article telling several) and none of `own`
    (this visit's host) is another visit's meeting; so is one naming another delegation to the
    same host and not this one (`by`: their words, this delegation's)."""
    candidates: list[tuple[int, int, str]] = []
    for name, clause in _named_meetings(text):
        if any(w in name for w in avoid) and not any(w in name for w in own):
            continue
        if any(w in name for w in by[0]) and not any(w in name for w in by[1]):
            continue
        score = _score(name, clause, pair_words)
        if score > 0:
            candidates.append((score, len(name), name))
    if not candidates:
        return None
    best = max(candidates)
    # prefer a longer form of the same meeting (the headline often names it in full, the
    # body may spell out what a headline abbreviates: 粤黑…洽谈会 / 广东·黑龙江…洽谈会暨…)
    core = _without_pair(best[2], pair_words)
    longer = [
        c
        for c in candidates
        if (c[2].endswith(best[2]) or (len(core) >= 5 and core != best[2] and core in c[2]))
        and len(c[2]) > len(best[2])
    ]
    return max(longer, key=lambda c: c[1])[2] if longer else best[2]


def _without_pair(name: str, pair_words: tuple[str, ...]) -> str:
    """The name after the pair's names or abbreviations that open it (粤黑对口合作… -> 对口合作…)."""
    words = sorted((w for w in pair_words if w), key=len, reverse=True)
    while (w := next((w for w in words if name.startswith(w)), None)) is not None:
        name = name[len(w) :].lstrip(_DOTS + "与和、")
    return name


# Pair-abbreviation wordings (see _pair_mentions), in the text's own terms.
_PAIR_POVERTY = "pair+扶贫协作"
_PAIR_COOPERATION = "pair+协作"
# The wordings to look for, most specific first, and the canonical programme each names.
# 扶贫协作 and 协作 after a pair (苏青扶贫协作, 闽甘协作) name the East–West programme of their
# period; so does a bare 扶贫协作 (the only 扶贫协作 programme), but 对口支援 / 对口合作 named
# beside it is the more specific statement. A pair + bare 协作 is the vaguest East–West wording
# and yields to any programme named outright (苏藏协作 in an article on 对口支援).
PROGRAMMES: tuple[tuple[str, str], ...] = (
    ("东西部扶贫协作", "东西部扶贫协作"),
    ("东西部协作", "东西部协作"),
    (_PAIR_POVERTY, "东西部扶贫协作"),
    ("对口支援", "对口支援"),
    ("对口合作", "对口合作"),
    ("扶贫协作", "东西部扶贫协作"),
    (_PAIR_COOPERATION, "东西部协作"),
    ("对口帮扶", "对口帮扶"),
    ("对口协作", "对口协作"),
    # 援疆 / 援藏 / 援青 name the 对口支援 of Xinjiang, Tibet and Qinghai; last, so a programme
    # the text names outright wins
    ("援疆", "对口支援"),
    ("援藏", "对口支援"),
    ("援青", "对口支援"),
)


@lru_cache(maxsize=1)
def _east_west_pairs() -> frozenset[frozenset[str]]:
    """Province pairs of the East–West reference lists: 川渝 / 京津 are neighbours, and an aid
    pair (苏藏) works under 对口支援, so neither makes 协作 mean 东西部协作."""
    return frozenset(
        frozenset((r["east_province"], r["west_province"]))
        for r in pairings()
        if not r["programme"].startswith("aid_")
    )


@lru_cache(maxsize=1)
def _pair_programme_re() -> re.Pattern[str]:
    abbr = abbreviation_alt()
    return re.compile(rf"({abbr})({abbr})(扶贫)?协作")


def _pair_mentions(text: str) -> set[str]:
    """_PAIR_POVERTY for 苏青扶贫协作-style wording, _PAIR_COOPERATION for 闽甘协作-style: two
    province abbreviations of an East–West pair right before the word. A third abbreviation
    before them (京津冀协作) makes it a regional grouping, not a pair."""
    found: set[str] = set()
    for m in _pair_programme_re().finditer(text):
        a, b = lookup_province(m.group(1)), lookup_province(m.group(2))
        if not a or not b or frozenset((a.name, b.name)) not in _east_west_pairs():
            continue
        if m.start() > 0 and lookup_province(text[m.start() - 1]):
            continue
        found.add(_PAIR_POVERTY if m.group(3) else _PAIR_COOPERATION)
    return found


def find_programme(text: str) -> str | None:
    """The cooperation programme the text names, in its canonical full form."""
    pairs = _pair_mentions(text)
    for wording, programme in PROGRAMMES:
        if wording in pairs or wording in text:
            return programme
    return None
