"""Trips: which reports of a movement tell one trip, its dates, and what each of several
trips between the same two places keeps as its own (leaders, meeting, host cities)."""

from __future__ import annotations

import re
from datetime import date

from visits.extract.article import Article
from visits.extract.dates import ABSOLUTE, DAY_ONLY, VisitDates, parse_dates
from visits.extract.direction import GROUP_WORD, Direction
from visits.extract.meeting import find_meeting
from visits.extract.officials import find_mentions
from visits.extract.sides import Side, unit_names
from visits.lexicon import alternation
from visits.records import VisitRecord

# A movement told as past background (去年…代表团来我省) is not this article's visit.
PAST = re.compile(r"去年|前年|此前|曾经|曾|以来|年前|上次|上一次|历年|多年")


def _span_days(d: VisitDates) -> int:
    if d.start and d.end:
        return (d.end - d.start).days
    if d.start_md and d.end_md:  # no year: month-days, a range over the new year wraps
        return (md_days(d.end_md) - md_days(d.start_md)) % (12 * 31)
    return 0


def md_days(md: str) -> int:
    """A month-day ('09-12') as a day count within a 31-day-month year, for differences."""
    month, day = map(int, md.split("-"))
    return month * 31 + day


# a roundup's entry dated by its month alone (8月，…; 2017年11月下旬，…; a 大事记's 5月　…)
_MONTH_ONLY = re.compile(r"^\s*(?:(?:19|20)\d{2}年|今年|本年)?(?P<m>\d{1,2})月(?:[上中下]旬|初|底|末|份)?(?:[，,]|[\s\u3000]+(?=[\u4e00-\u9fff]))")


# another time of the year opening a sentence (年内，…; lexicon other_trip_openers)
_OTHER_TIME = re.compile(alternation("other_trip_openers"))


def _month_of(d: Direction, dates: VisitDates | None) -> int | None:
    """The month a report dates its movement in: its date's, or the month it opens with."""
    if dates is not None:
        md = dates.end_md or dates.start_md
        return int(md[:2]) if md else None
    m = _MONTH_ONLY.match(d.sentence)
    return int(m.group("m")) if m else None


def dates_told(art: Article, d: Direction) -> VisitDates | None:
    """The date told with this movement: the last date written before it in its sentence
    (继4月10日乙省代表团来吉之后，6月26日至28日，甲省代表团赴浙江), else the sentence's first."""
    off = next((o for o, sent in art.sentences if sent == d.sentence and o <= d.start < o + len(sent)), None)
    if off is not None:
        at = d.start - off
        spans = [m.span() for m in ABSOLUTE.finditer(d.sentence, 0, at)]
        days = [m.start() for m in DAY_ONLY.finditer(d.sentence, 0, at) if not any(a <= m.start() < b for a, b in spans)]
        starts = [a for a, _ in spans] + days  # a day alone, not the end of a range (6月26日至28日)
        if len(starts) > 1 and (found := parse_dates(d.sentence[max(starts) :], art.published)):
            return found
    return parse_dates(d.sentence, art.published)


def visit_dates(art: Article, same_visit: list[Direction]) -> VisitDates | None:
    """The date told with the movement, else the first date in the text. Of several reports
    of the movement (在贵阳… on the 8th, 到贵州… on the 8th to 9th) the longest range: the
    visit spans its parts. A report told as past (去年…曾) is another visit's."""
    told = [
        found
        for d in same_visit
        if (d is same_visit[0] or not PAST.search(d.sentence)) and (found := dates_told(art, d))
    ]
    if told:
        return max(told, key=_span_days)  # max keeps the first of equal spans
    if _MONTH_ONLY.match(same_visit[0].sentence) or _OTHER_TIME.match(same_visit[0].sentence.lstrip()):
        return None  # 8月，… / 年内，…: that is all the text says, no other entry's day
    skip = len(art.full) - len(art.text)  # the body's sentences: those after the title line
    body = next((d for i, (o, _) in enumerate(art.sentences) if o >= skip and (d := art.date_of(i))), None)
    # a body that dates nothing: the headline's date (…考察东西部协作工作（11月8日）)
    return body or next((d for i, (o, _) in enumerate(art.sentences) if o < skip and (d := art.date_of(i))), None)


_TRIP_KINDS = frozenset({"movement", "leader_movement", "host_view"})


def dated(sentence: str, published: date | None) -> bool:
    """Does the sentence date its movement: a day (16日至18日 too, with no page date to
    place it), or a month a roundup's entry opens with?"""
    return (
        parse_dates(sentence, published) is not None
        or _MONTH_ONLY.match(sentence) is not None
        or DAY_ONLY.search(sentence) is not None
    )


def another_trip(art: Article, told: list[Direction], d: Direction) -> bool:
    """A later movement between the same two places, dated days after the trip told so far
    ended and with none of its people (9月12日甲率团来我区…; 9月19日至20日乙一行来我区): another
    visit, not a leg of the first."""
    if d.basis not in _TRIP_KINDS or PAST.search(d.sentence):
        return False
    new, old = dates_told(art, d), visit_dates(art, told)
    gap = _gap_days(old, new) if new and old else None
    if gap is None:  # a roundup's entries dated by month (5月4日…; 8月，…): a later month
        months = _month_of(told[0], old), _month_of(d, new)
        gap = 31 if None not in months and months[1] > months[0] else None
    if gap is None and new is None and d.basis == "leader_movement" and _OTHER_TIME.match(d.sentence.lstrip()):
        gap = 31  # 年内，副市长甲还带领工作组赴…: another time of the year, a leader of its own
    names_new = {m.name for m in find_mentions(d.sentence)}
    names_old = {m.name for t in told for m in find_mentions(t.sentence)}
    if not (names_new and names_old) or names_new & names_old:
        return False
    if gap is not None and 1 <= gap < 3:
        # the next day, another body's group (甲市人大常委会考察团 … 甲市政协考察团; 卫生健康系统
        # 工作组 … 教育帮扶工作组): a trip of its own, not the next leg
        new, old_bodies = _bodies(d), {b for t in told for b in _bodies(t)}
        return bool(new and old_bodies) and not new & old_bodies
    return gap is not None and gap >= 3


# what names the group between its place and the group word (人大常委会, 卫生健康系统, 教育帮扶)
_BODY = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,10}}?)(?:{GROUP_WORD})")


def _bodies(d: Direction) -> set[str]:
    """The bodies the movement's groups of its visiting place are named by."""
    out = set()
    for at in (m.end() for m in re.finditer(re.escape(d.visiting), d.sentence)):
        m = _BODY.match(d.sentence, at)
        if m and not m.group("body").startswith(("党政", "代表")):
            out.add(m.group("body"))
    return out


def _gap_days(old: VisitDates, new: VisitDates) -> int | None:
    """Days from the end of `old` to the start of `new` (month-days alone: within one year)."""
    if old.end and new.start:
        return (new.start - old.end).days
    if (old.end_md or old.start_md) and new.start_md:
        return md_days(new.start_md) - md_days(old.end_md or old.start_md)
    return None


def keep_own_trip(
    record: VisitRecord, ds: list[Direction], later: bool, visiting: Side, shared: bool, elsewhere: str,
    held_here: str = "",
) -> None:
    """One of several trips between the same two places: its leaders are those its own
    sentences name (of its own place, when their titles say: 甲市委书记乙率…，丙市委书记丁率…);
    a later trip's meeting is one its own sentences name, or for a delegation beside another
    (`shared`: 甲市、乙市代表团同来), one naming its own place; no trip keeps a meeting told
    only with another trip (`elsewhere`: the other trips' sentences); `held_here` are the
    sentences of meetings held at this trip's host, whose meeting is this trip's."""
    own = "".join(d.sentence for d in ds)
    leaders = [n for n in record.leader_names if n in own]
    names = unit_names(visiting)
    placed = {o.name for o in record.officials if any(t.startswith(w) for t in o.titles for w in names)}
    leaders = [n for n in leaders if n in placed] or leaders
    if not leaders:  # the trip's own visitors, in the order its sentences name them
        named = [o.name for o in record.officials if o.side == "visiting" and o.name in own]
        leaders = sorted(named, key=own.index)[:1]
    if leaders:
        record.leader_names = leaders
        for o in record.officials:
            o.is_leader = o.name in leaders
    meeting = record.meeting_name
    if not meeting or meeting not in own + held_here:
        not_ours = later and (not shared or not any(w in (meeting or "") for w in names))
        if not meeting or not_ours or meeting in elsewhere:
            record.meeting_name = find_meeting(own + held_here)  # the one its own sentences tell
    cities = [c for c in record.host_cities if c in own or c[:-1] in own]
    if cities:  # the places this trip's own sentences name
        record.host_cities = cities
