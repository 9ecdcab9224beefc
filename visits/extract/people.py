"""Who took part: officials with their province, side and leader flag, for one visit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from visits.extract.gazetteer import aliases, find_places
from visits.extract.officials import Mention, find_mentions
from visits.extract.sentences import sentences
from visits.extract.sides import Side
from visits.extract.titles import TitleReading, rank, read_titles
from visits.lexicon import alternation
from visits.reference import Division, Province, province_by_name

# An earlier visit told in passing: its people took no part in this one.
_PAST_VISIT = re.compile(r"(?:去年|前年|此前|上次|上一次|\d{4}年)[^。；]*?曾(?:经)?(?:率|带|随|来|赴|到)")


_LEAD_VERB = re.compile(alternation("leader_verbs"))


_ADJACENT = re.compile(r"^[，,、和及与以及\s]*$")
_LISTED = re.compile(r"^[，,、\s]*$")  # one list, not two parties joined by 与/和
# one short clause of what the previous person did, with no place in it (主持座谈会，)
_AFTER_CLAUSE = re.compile(rf"^(?:{alternation('clause_acts')})[^，,。；;、\d省市区州县]{{0,10}}[，,]$")


# A bare group title: 省领导, 市领导, 自治区领导 (no place before it).
_GROUP_WORD = re.compile(r"^(?:省|市|区|州|县|自治区|自治州)领导$")


@dataclass
class Person:
    name: str
    titles: list[str]
    province: Province | None
    side: str | None
    evidence: str
    rank: int
    how: str = "named"  # how the province was found: named | led | implicit


def find_people(
    text: str, visiting: Side, host: Side, home: str | None, outlet: tuple[Division, ...] = ()
) -> tuple[list[Person], list[str]]:
    """Officials with province and side, and the names marked as leading (率/带队); `outlet`
    are the outlet's own units (六盘水日报: 六盘水市)."""
    sides = {"visiting": visiting, "host": host}
    home_side = sides.get(home) if home else None
    other_side = sides.get({"visiting": "host", "host": "visiting"}.get(home or "", ""))
    people: dict[str, Person] = {}
    leaders: list[str] = []
    parties: list[str] = []
    for _, sent in sentences(text):
        if _PAST_VISIT.search(sent):
            continue  # 去年…曾率团来我市: people of an earlier visit are not this visit's
        mentions = find_mentions(sent)
        # the previous person: mention, province, the unit character their province was
        # named with (None when it was only implied), side, reading
        prev: tuple[Mention, Province | None, str | None, str | None, TitleReading] | None = None
        by_group: dict[int, tuple[Province | None, str | None, str | None, TitleReading, str]] = {}
        for m in mentions:
            if m.group in by_group:
                prov, named, side, reading, how = by_group[m.group]
            else:
                reading = read_titles(m.titles)
                how = "named"
                adjacent = prev is not None and _ADJACENT.match(sent[prev[0].end : m.start]) is not None
                named = reading.prefix_unit_char if reading.province is not None else None
                prov = _prefer_sides(reading, visiting, host)
                side = None
                if prov is None and reading.central:
                    side = prev[3] if adjacent and prev else None
                elif prov is None and (led := _led_delegation(sent, m.end)) is not None:
                    prov = led  # 省委书记甲率四川省党政代表团: the leader is of the delegation's province
                elif prov is None and _LEAD_VERB.match(sent, m.end):
                    prov = visiting.province  # 市委书记甲率队赴…: whoever leads is a visitor
                    how = "led"
                elif prov is None and reading.unit_char is None and prev and prev[1] and sent[prev[0].end : m.start] == "、":
                    # 某市人大常委会副主任甲、秘书长乙: a title naming no unit, listed right after
                    # a named one, is of the same body
                    prov, named, how = prev[1], prev[2], "implicit"
                elif prov is None:
                    # the same titles again are the other side's counterpart (市长甲，市长乙)
                    # 甲市委书记乙主持座谈会，市委副书记、市长丙介绍…: after one clause of what the
                    # named person did, a title of the same kind going down in rank is theirs too
                    after_clause = prev is not None and _AFTER_CLAUSE.match(sent[prev[0].end : m.start]) is not None
                    inherit = (
                        prev
                        if (adjacent or after_clause)
                        and prev
                        and prev[2]
                        and prev[2] == reading.unit_char
                        and prev[4].core != reading.core
                        and _continues_ranking(prev[4], reading, prev[1])
                        else None
                    )
                    how = "implicit"
                    if home_side is not None and _GROUP_WORD.match(reading.titles[-1]) and inherit:
                        # 市领导甲、乙 in a paper with a known side are the paper's own leaders,
                        # even right after the other side's 南宁市政协主席丙
                        inherit = None
                    if inherit:
                        prov, named = inherit[1], inherit[2]
                    elif home_side is None and adjacent and prev and prev[1] is not None:
                        # no paper side known: a list that keeps going down in rank stays on
                        # the previous person's side; one that starts again from the top
                        # (陕西省领导甲…，省委副书记乙) or repeats the title is the other side's
                        same = prev[4].core != reading.core and _continues_ranking(prev[4], reading, prev[1])
                        this = visiting if prev[1] == visiting.province else host
                        pick = this if same else (host if this is visiting else visiting)
                        # …unless only the other side's kind of unit fits (省领导甲，自治区领导乙)
                        order = (pick, host if pick is visiting else visiting)
                        fits = [s for s in order if reading.unit_char and reading.unit_char == s.unit_char]
                        prov = fits[0].province if fits else None
                    else:
                        prov = _implicit_province(reading, home_side, other_side, visiting, host, outlet)
                if prov is not None:
                    side = (
                        "visiting" if prov == visiting.province else "host" if prov == host.province else None
                    )
                by_group[m.group] = (prov, named, side, reading, how)
            prev = (m, prov, named, side, reading)
            person = people.get(m.name)
            if person is None:
                r = min((rank(t, prov) for t in reading.titles), default=100)
                people[m.name] = Person(m.name, list(reading.titles), prov, side, sent.strip(), r, how)
            else:
                person.titles += [t for t in reading.titles if t not in person.titles]
            if _LEAD_VERB.match(sent, m.end):
                leaders += _walk_back(sent, mentions, m)
                led = people[m.name]
                for name in _walk_back(sent, mentions, m, _LISTED)[:-1]:
                    # 省委书记甲，省长乙率…: 甲 leads with 乙, on 乙's side (not 甲与乙率领的…)
                    if led.side and people[name].how != "named":
                        people[name].province, people[name].side, people[name].how = led.province, led.side, "led"
            elif sent.startswith("一行", m.end):
                parties += _walk_back(sent, mentions, m)
    for person in people.values():
        # 甲代表安顺表示欢迎: whom a person speaks for beats a guess from an unprefixed title
        if person.how == "implicit" or person.province is None:
            spoken = _speaks_for(text, person.name, visiting, host)
            if spoken is not None:
                person.province = spoken.province
                person.side = "visiting" if spoken is visiting else "host"
    # 甲一行来…: whose party it is leads, when no one is said to lead (率, 带队)
    return list(people.values()), leaders or parties


def _prefer_sides(reading: TitleReading, visiting: Side, host: Side) -> Province | None:
    """The prefix's province; for a homonym (东乡县 in 甘肃 and 江西) the one this visit joins."""
    prov = reading.province
    if prov is None or prov in (visiting.province, host.province) or not reading.place:
        return prov
    units = aliases().get(reading.place, ())
    stem = reading.place[:-1] if reading.place[-1] in "县市区州旗" else reading.place
    for side in (visiting, host):
        if any(u.province_name == side.province.name for u in units):
            return side.province
        # the side's own unit under its short name (东乡县 for 东乡族自治县)
        if len(stem) >= 2 and any(u.name.startswith(stem) for u in side.units):
            return side.province
    return prov


def _side_words(side: Side) -> tuple[str, ...]:
    """Names a side goes by: its units in full and short (中山, 东乡族自治县) and its province."""
    p = side.province
    words = {p.name, p.short_name, *p.abbreviations}
    for u in side.units:
        words |= {u.name, u.short_name}
    return tuple(sorted(words, key=len, reverse=True))


_SPEAKS = re.compile(r"(?:首先|也|还|则)?代表")


def _speaks_for(text: str, name: str, visiting: Side, host: Side) -> Side | None:
    """The side a person speaks for: 甲(首先)代表安顺/代表江苏省委省政府 -> that side."""
    found: set[int] = set()
    pos = 0
    # str.find, not a regex per name: a pattern per person evicts the rules' own compiled
    # patterns from re's cache
    while (at := text.find(name, pos)) >= 0:
        m = _SPEAKS.match(text, at + len(name))
        if not m:
            pos = at + 1
            continue
        pos = m.end()
        after = text[m.end() : m.end() + 12]
        hits = find_places(after)
        provs = {u.province_name for u in hits[0].units} if hits and hits[0].start == 0 else set()
        for i, side in enumerate((visiting, host)):
            if side.province.name in provs or after.startswith(_side_words(side)):
                found.add(i)
    if len(found) != 1:
        return None
    return (visiting, host)[found.pop()]


def _continues_ranking(prev: TitleReading, cur: TitleReading, province: Province | None) -> bool:
    """An unprefixed title continues the previous person's side only when the list keeps going
    down in rank (上海市委书记甲，市委副书记、市长乙). A more senior title after a junior one
    (广东副省长甲，省委常委乙; X省领导…，省委副书记乙) starts the other side's list."""
    before = min((rank(t, province) for t in prev.titles), default=100)
    now = min((rank(t, province) for t in cur.titles), default=100)
    return now >= before


def _led_delegation(sent: str, end: int) -> Province | None:
    """The province of the delegation a person leads: 甲率四川省党政代表团 -> 四川省, 以甲为团长的
    四川省代表团 -> 四川省."""
    m = re.match(
        rf"(?:{alternation('leader_verbs')})的?([^，,。；;]{{2,14}}?)(?:党政)?(?:{alternation('delegation_words')})",
        sent[end:],
    )
    if not m:
        return None
    hits = find_places(m.group(1))
    if hits and hits[0].start == 0:
        return province_by_name().get(hits[0].units[0].province_name)
    return None


def _implicit_province(
    reading: TitleReading, home: Side | None, other: Side | None, visiting: Side, host: Side,
    outlet: tuple[Division, ...] = (),
) -> Province | None:
    """An unprefixed title (not continuing a named one, 广东省委书记甲，省长乙) belongs to the
    publishing side when its kind of unit fits (省委书记 in a provincial paper), else to the
    side it fits (市委书记 when only one side is a 市), else to the publishing side."""
    uc = reading.unit_char
    candidates = (home, other) if home is not None else (visiting, host)
    fits = [s for s in candidates if s is not None and uc is not None and uc == s.unit_char]
    if home is not None and uc is not None and uc in _outer_chars(home, outlet):
        return home.province  # 市长 in a city's paper on a visit to one of its counties: the city's
    if home is not None and fits:
        return fits[0].province
    if len(fits) == 1:
        return fits[0].province
    return home.province if home is not None else None


def _outer_chars(side: Side, outlet: tuple[Division, ...]) -> set[str]:
    """The title characters of the outlet's own prefecture when it is part of the side: the
    side's counties lie in it (盘县 in 六盘水日报 -> 市 of 六盘水市), or the side is its province
    (西藏自治区 in 日喀则日报 -> 市)."""
    return {
        Side(side.province, [o]).unit_char
        for o in outlet
        if o.level == "prefecture"
        and any(
            (u.level == "county" and u.prefecture_code == o.code)
            or (u.level == "province" and o.province_name == side.province.name)
            for u in side.units
        )
    }


def _walk_back(sent: str, mentions: list[Mention], last: Mention, joins: re.Pattern[str] = _ADJACENT) -> list[str]:
    """The leader and the people listed right before them (甲，省长乙率…)."""
    idx = mentions.index(last)
    names = [last.name]
    while idx > 0 and joins.match(sent[mentions[idx - 1].end : mentions[idx].start]):
        idx -= 1
        names.insert(0, mentions[idx].name)
    return names


def bare_leaders(text: str, names: list[str]) -> list[str]:
    """甲、乙率代表团… and 由甲带队 with names already known as officials."""
    if not names:
        return []
    # what re.finditer(r"((?:names)(?:[、和](?:names))*)(?:leader verbs)") finds, without a
    # regex compiled per article: names longest first, the list extended before it ends
    ordered = sorted(set(names), key=len, reverse=True)
    starts = sorted({at for n in ordered for at in _occurrences(text, n)})

    def chain(i: int) -> int | None:
        """Where the names listed from i end, right before a leader verb; None if they don't."""
        for n in ordered:
            if not text.startswith(n, i):
                continue
            j = i + len(n)
            if text[j : j + 1] in ("、", "和") and (end := chain(j + 1)) is not None:
                return end
            if _LEAD_VERB.match(text, j):
                return j
        return None

    out: list[str] = []
    pos = 0
    for at in starts:
        if at < pos or (end := chain(at)) is None:
            continue
        out += [n for n in re.split(r"[、和]", text[at:end]) if n not in out]
        pos = _LEAD_VERB.match(text, end).end()
    return out


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
