"""Assemble VisitRecords from cleaned article text: direction, dates, places, meeting, officials."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from visits.extract.dates import VisitDates, date_in_text, parse_dates
from visits.extract.direction import (
    Direction,
    find_directions,
    pair_provinces,
    pair_words,
    province_counts,
    resolve_side,
    source_province,
    source_units,
)
from visits.extract.gazetteer import aliases, county_short_name, find_places, lies_within
from visits.extract.meeting import find_meeting, find_programme
from visits.extract.officials import Mention, find_mentions
from visits.extract.places import host_cities
from visits.extract.titles import TitleReading, rank, read_titles
from visits.records import OfficialMention, VisitRecord
from visits.reference import Division, Province, division_by_code, province_by_name, province_partners

# □ marks a garbled span the cleaner could not rebuild; it most often swallowed a full
# stop, so it ends a sentence too.
_SENTENCE = re.compile(r"[^。！？!?\n□]+[。！？!?□]?")
_SELF = re.compile(r"^我(省|市|区|州|县|旗)$")
# A movement told as past background (去年…代表团来我省) is not this article's visit.
_PAST = re.compile(r"去年|前年|此前|曾经|曾|以来|年前|上次|上一次|历年|多年")
# An earlier visit told in passing: its people took no part in this one.
_PAST_VISIT = re.compile(r"(?:去年|前年|此前|上次|上一次|\d{4}年)[^。；]*?曾(?:经)?(?:率|带|随|来|赴|到)")
_LEADS = re.compile(r"^(?:率领|率队|率团|带队|带领|领队|率)")
_ADJACENT = re.compile(r"^[，,、和及与以及\s]*$")
# A bare group title: 省领导, 市领导, 自治区领导 (no place before it).
_GROUP_WORD = re.compile(r"^(?:省|市|区|州|县|自治区|自治州)领导$")


@dataclass
class _Side:
    province: Province
    units: list[Division]

    @property
    def unit_name(self) -> str:
        return "、".join(u.name for u in self.units)

    @property
    def unit_char(self) -> str:
        """The character unprefixed titles of this side start with (省委书记, 市长, 州委书记)."""
        u = self.units[0]
        if u.level == "province":
            return self.province.unit_char
        if u.name.endswith("地区"):
            return "地"
        return u.name[-1]


@dataclass
class _Article:
    """What resolving a direction token needs to know about the article."""

    home: Province | None  # the outlet's province
    counts: Counter[str]  # province name -> how often the article names it
    source: str | None
    units: Counter[Division]  # units the article names unambiguously -> how often


def _resolve(token: str, art: _Article, other: Province | None, inner: bool = True) -> _Side | None:
    """A direction token as a side: places, one-character abbreviations, or 我省/我市."""
    home, counts, source = art.home, art.counts, art.source
    m = _SELF.match(token)
    if m:
        if home is None:
            # the paper's own province: the most named one that is not the other side
            ranked = [
                n for n, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if not other or n != other.name
            ]
            if not ranked:
                return None
            home = province_by_name()[ranked[0]]
        units = [_division(home)]
        if m.group(1) not in "省区" or home.kind == "直辖市":
            # 我市/我州/我县: the paper's own city, from the source name when it names one;
            # a county paper's 我市 is its prefecture
            src = [u for u in source_units(source) if u.province_name == home.name] or _most_named(
                art.units, home, m.group(1)
            )
            if src:
                unit = src[0]
                if unit.level == "county" and m.group(1) in "市州盟地" and unit.prefecture_code:
                    unit = division_by_code().get(unit.prefecture_code, unit)
                units = [unit]
        return _Side(home, units)
    prefer = [n for n, _ in sorted(counts.items(), key=lambda kv: -kv[1])]
    if other is not None:
        # a homonym (东乡县: 江西 or 甘肃) is read as the one paired with the other side
        partners = province_partners().get(other.name, frozenset())
        prefer = sorted([*prefer, *sorted(partners - set(prefer))], key=lambda n: n not in partners)
    units = resolve_side(token, tuple(prefer), inner)
    if not units:
        return None
    prov = province_by_name()[units[0].province_name]
    units = [u for u in units if u.province_name == prov.name]
    return _Side(prov, units)


def _most_named(units: Counter[Division], home: Province, suffix: str) -> list[Division]:
    """我州 in an outlet the source does not place (团结报): the 州 of the home province the
    article names most; 我市/我盟 a prefecture, 我县/我旗 a county."""
    level = "prefecture" if suffix in "市州盟" else "county"
    named = [
        (n, u) for u, n in units.items()
        if u.province_name == home.name and u.level == level and u.name.endswith(suffix)
    ]
    return [max(named, key=lambda nu: nu[0])[1]] if named else []


def _division(p: Province) -> Division:
    return division_by_code()[p.code]


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]


@dataclass
class _Person:
    name: str
    titles: list[str]
    province: Province | None
    side: str | None
    evidence: str
    rank: int
    how: str = "named"  # how the province was found: named | led | implicit


def _people(text: str, visiting: _Side, host: _Side, home: str | None) -> tuple[list[_Person], list[str]]:
    """Officials with province and side, and the names marked as leading (率/带队)."""
    sides = {"visiting": visiting, "host": host}
    home_side = sides.get(home) if home else None
    other_side = sides.get({"visiting": "host", "host": "visiting"}.get(home or "", ""))
    people: dict[str, _Person] = {}
    leaders: list[str] = []
    for _, sent in _sentences(text):
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
                elif prov is None and _LEADS.match(sent[m.end :]):
                    prov = visiting.province  # 市委书记甲率队赴…: whoever leads is a visitor
                    how = "led"
                elif prov is None:
                    # the same titles again are the other side's counterpart (市长甲，市长乙)
                    inherit = (
                        prev
                        if adjacent
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
                        fits = reading.unit_char is not None and reading.unit_char == pick.unit_char
                        prov = pick.province if fits else None
                    else:
                        prov = _implicit_province(reading, home_side, other_side, visiting, host)
                if prov is not None:
                    side = (
                        "visiting" if prov == visiting.province else "host" if prov == host.province else None
                    )
                by_group[m.group] = (prov, named, side, reading, how)
            prev = (m, prov, named, side, reading)
            person = people.get(m.name)
            if person is None:
                r = min((rank(t, prov) for t in reading.titles), default=100)
                people[m.name] = _Person(m.name, list(reading.titles), prov, side, sent.strip(), r, how)
            else:
                person.titles += [t for t in reading.titles if t not in person.titles]
            if _LEADS.match(sent[m.end :]):
                leaders += _walk_back(sent, mentions, m)
    for person in people.values():
        # 甲代表安顺表示欢迎: whom a person speaks for beats a guess from an unprefixed title
        if person.how == "implicit" or person.province is None:
            spoken = _speaks_for(text, person.name, visiting, host)
            if spoken is not None:
                person.province = spoken.province
                person.side = "visiting" if spoken is visiting else "host"
    return list(people.values()), leaders


def _prefer_sides(reading: TitleReading, visiting: _Side, host: _Side) -> Province | None:
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


def _side_words(side: _Side) -> tuple[str, ...]:
    """Names a side goes by: its units in full and short (中山, 东乡族自治县) and its province."""
    p = side.province
    words = {p.name, p.short_name, *p.abbreviations}
    for u in side.units:
        words |= {u.name, u.short_name}
    return tuple(sorted(words, key=len, reverse=True))


def _speaks_for(text: str, name: str, visiting: _Side, host: _Side) -> _Side | None:
    """The side a person speaks for: 甲(首先)代表安顺/代表江苏省委省政府 -> that side."""
    found: set[int] = set()
    for m in re.finditer(rf"{re.escape(name)}(?:首先|也|还|则)?代表", text):
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
    """The province of the delegation a person leads: 甲率四川省党政代表团 -> 四川省."""
    m = re.match(r"(?:率领|带领|率)([^，,。；;]{2,14}?)(?:党政)?(?:代表团|考察团)", sent[end:])
    if not m:
        return None
    hits = find_places(m.group(1))
    if hits and hits[0].start == 0:
        return province_by_name().get(hits[0].units[0].province_name)
    return None


def _implicit_province(
    reading: TitleReading, home: _Side | None, other: _Side | None, visiting: _Side, host: _Side
) -> Province | None:
    """An unprefixed title (not continuing a named one, 广东省委书记甲，省长乙) belongs to the
    publishing side when its kind of unit fits (省委书记 in a provincial paper), else to the
    side it fits (市委书记 when only one side is a 市), else to the publishing side."""
    uc = reading.unit_char
    candidates = (home, other) if home is not None else (visiting, host)
    fits = [s for s in candidates if s is not None and uc is not None and uc == s.unit_char]
    if home is not None and fits:
        return fits[0].province
    if len(fits) == 1:
        return fits[0].province
    return home.province if home is not None else None


def _walk_back(sent: str, mentions: list[Mention], last: Mention) -> list[str]:
    """The leader and the people listed right before them (甲，省长乙率…)."""
    idx = mentions.index(last)
    names = [last.name]
    while idx > 0 and _ADJACENT.match(sent[mentions[idx - 1].end : mentions[idx].start]):
        idx -= 1
        names.insert(0, mentions[idx].name)
    return names


def _bare_leaders(text: str, names: list[str]) -> list[str]:
    """甲、乙率代表团… and 由甲带队 with names already known as officials."""
    if not names:
        return []
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    out: list[str] = []
    for m in re.finditer(rf"((?:{alt})(?:[、和](?:{alt}))*)(?:率领|率队|率团|带队|带领|领队|率)", text):
        out += [n for n in re.split(r"[、和]", m.group(1)) if n not in out]
    return out


def _span_days(d: VisitDates) -> int:
    if d.start and d.end:
        return (d.end - d.start).days
    if d.start_md and d.end_md:  # no year: month-days, a range over the new year wraps
        (m1, d1), (m2, d2) = (map(int, d.start_md.split("-")), map(int, d.end_md.split("-")))
        return ((m2 - m1) * 31 + d2 - d1) % (12 * 31)
    return 0


def _visit_dates(text: str, same_visit: list[Direction], published: date | None) -> VisitDates | None:
    """The date told with the movement, else the first date in the text. Of several reports
    of the movement (在贵阳… on the 8th, 到贵州… on the 8th to 9th) the longest range: the
    visit spans its parts. A report told as past (去年…曾) is another visit's."""
    told = [
        found
        for d in same_visit
        if (d is same_visit[0] or not _PAST.search(d.sentence)) and (found := parse_dates(d.sentence, published))
    ]
    if told:
        return max(told, key=_span_days)  # max keeps the first of equal spans
    for _, sent in _sentences(text):
        found = parse_dates(sent, published)
        if found:
            return found
    return None


def extract_visits(
    text: str,
    *,
    title: str | None = None,
    published_date: date | None = None,
    source: str | None = None,
) -> list[VisitRecord]:
    """Every inter-provincial delegation visit the article reports, with its officials."""
    full = f"{title}\n{text}" if title else text
    directions = find_directions(full, source)
    if not directions:
        return []
    published = published_date or date_in_text(full)
    hits = find_places(full)  # one scan serves the province counts and the named units
    counts = province_counts(hits)
    for a, b in pair_provinces(full):  # 苏陕协作, 沪滇: the pair's provinces are the article's
        counts[a.name] += 2
        counts[b.name] += 2
    home = source_province(source, counts)
    named = Counter(h.units[0] for h in hits if len(h.units) == 1)
    art = _Article(home, counts, source, named)

    visits: dict[tuple[str, str], tuple[_Side, _Side, list[Direction]]] = {}
    seen: dict[tuple[str, str], list[tuple[_Side, _Side]]] = {}
    for d in directions:
        visiting, host = _sides(d, art)
        if visiting is None or host is None or visiting.province == host.province:
            continue
        first = not visits
        for leg in (host, *_further_hosts(d.host, visiting, host)):
            key = (visiting.province.name, leg.province.name)
            seen.setdefault(key, []).append((visiting, leg))
            if key in visits:
                visits[key][2].append(d)
            elif first or (not _PAST.search(d.sentence) and parse_dates(d.sentence, published)):
                # after the first movement, one counts only as a dated, present visit; the
                # first may name several host provinces (赴贵州省安顺市、甘肃省陇南市)
                visits[key] = (visiting, leg, [d])
    sides = []
    for key, (v, h, ds) in visits.items():
        v = _refine_self(v, ds[0].visiting, [s[0] for s in seen[key]])
        h = _refine_self(h, ds[0].host, [s[1] for s in seen[key]])
        if v.units[0].level != "province" and _loose_host(ds[0], h, [s[1] for s in seen[key]]):
            h = _refine_inside(h, [s[1] for s in seen[key]])
        sides.append((v, h, ds))
    # with several visits in one article, each keeps the dates and meeting that name its host
    hosts = [h for _, h, _ in sides] if len(sides) > 1 else []
    return [_record(text, full, ds, v, h, home, published, hosts) for v, h, ds in sides]


def _further_hosts(token: str, visiting: _Side, host: _Side) -> list[_Side]:
    """The host sides in other provinces of a destination naming several (贵州省安顺市、甘肃省陇南市)."""
    by_province: dict[str, list[Division]] = {}
    for u in resolve_side(token, inner=visiting.units[0].level != "province"):
        if u.province_name not in (visiting.province.name, host.province.name):
            by_province.setdefault(u.province_name, []).append(u)
    return [_Side(province_by_name()[p], units) for p, units in by_province.items()]


def _loose_host(d: Direction, host: _Side, others: list[_Side]) -> bool:
    """Was the host read loosely (赴山东寿光 as 山东, 赴深圳罗湖 as 深圳), not named exactly
    (到大连市 … 来到甘井子区 keeps 大连市)?"""
    if host.units[0].level == "province" or d.host not in aliases():
        return True
    return any(d.host + county_short_name(u) in d.sentence for o in others for u in o.units)


def _refine_inside(side: _Side, others: list[_Side]) -> _Side:
    """A city or county delegation's host named loosely in one report (赴山东寿光 reads as 山东)
    and exactly in another (赴山东省寿光市): the unit inside the loose one."""
    if len(side.units) != 1:
        return side
    outer = side.units[0]
    for other in others:
        units = [u for u in other.units if lies_within(u, outer)]
        if not units or len(units) != len(other.units):
            continue
        if len(units) == 1:
            return _Side(side.province, units)
        # several places toured (来到历城区、章丘区): a named city stays the host; a province
        # gives way to the one prefecture they all lie in (来甘 … 来到武都区、康县 -> 陇南市)
        prefectures = {u.prefecture_code for u in units}
        if outer.level == "province" and len(prefectures) == 1 and None not in prefectures:
            return _Side(side.province, [division_by_code()[prefectures.pop()]])
    return side


def _refine_self(side: _Side, token: str, others: list[_Side]) -> _Side:
    """我旗/我县/我市 resolved no lower than the province or the paper's city: take the unit
    of that kind another report of the same movement names (到兴安盟某某旗)."""
    m = _SELF.match(token)
    if not m or m.group(1) in "省" or side.units[0].name.endswith(m.group(1)):
        return side
    for other in others:
        units = [u for u in other.units if u.name.endswith(m.group(1)) and u.province_name == side.province.name]
        if units and not units[0].name.endswith("自治区"):
            return _Side(side.province, units)
    return side


def _sides(d: Direction, art: _Article) -> tuple[_Side | None, _Side | None]:
    host_first = _SELF.match(d.visiting) is not None
    if host_first:
        host = _resolve(d.host, art, None)
        visiting = _resolve(d.visiting, art, host.province if host else None)
    else:
        visiting = _resolve(d.visiting, art, None)
        host = _host_of(d, art, visiting)
        if host is not None and visiting is not None:
            # once more with the host known: a homonym delegation (东乡县) read by the pairing
            again = _resolve(d.visiting, art, host.province)
            if again is not None and again.province != visiting.province:
                visiting, host = again, _host_of(d, art, again)
    return visiting, host


def _host_of(d: Direction, art: _Article, visiting: _Side | None) -> _Side | None:
    """The host of a delegation's movement: a provincial delegation goes to the province
    (贵州遵义 -> 贵州省); a city or county one to the unit named under it (山东省寿光市 -> 寿光市)."""
    below = visiting is not None and visiting.units[0].level != "province"
    return _resolve(d.host, art, visiting.province if visiting else None, below)


def _home_side(
    home: Province | None, visiting: _Side, host: _Side, full: str, people_text: str
) -> str | None:
    """Which side the paper writes from: its source, 我省, 来X, or whose titles go unprefixed."""
    if home == visiting.province:
        return "visiting"
    if home == host.province:
        return "host"
    # 我省代表团 is the visitors' paper; 到我省 and 来甘/来川 are written from the host's side
    if re.search(r"我(?:省|市|区|州|县)(?:党政)?代表团", full):
        return "visiting"
    if re.search(r"(?:到|来|赴)我(?:省|市|区|州|县)", full):
        return "host"
    host_words = "|".join(host.province.abbreviations + (host.province.short_name,))
    if re.search(rf"来(?:{host_words})", full):
        return "host"
    # the side whose name never prefixes a title is the paper's own (江苏省委书记甲 … 省委书记乙)
    prefixed = {"visiting": 0, "host": 0}
    for _, sent in _sentences(people_text):
        for m in find_mentions(sent):
            r = read_titles(m.titles)
            if r.place_level != "province":
                # 西安市政协主席 in a provincial visit names a city, not the side's own prefix;
                # in a city-level visit the cities' own names are the prefixes that count
                for name, side in (("visiting", visiting), ("host", host)):
                    if side.units[0].level != "province" and r.place in _unit_names(side):
                        prefixed[name] += 1
                continue
            if r.province == visiting.province:
                prefixed["visiting"] += 1
            elif r.province == host.province:
                prefixed["host"] += 1
    if prefixed["visiting"] and not prefixed["host"]:
        return "host"
    if prefixed["host"] and not prefixed["visiting"]:
        return "visiting"
    return None


def _unit_names(side: _Side) -> set[str]:
    return {n for u in side.units for n in (u.name, u.short_name)}


def _own_leg_dates(full: str, own: set[str], others: list[str], published: date | None) -> VisitDates | None:
    """The first dated sentence naming this leg's host and no other leg's (7月10日至11日，代表团
    来到陇南市): in an article telling several visits, the part that is this one's."""
    for _, sent in _sentences(full):
        if any(w in sent for w in own) and not any(w in sent for w in others):
            found = parse_dates(sent, published)
            if found:
                return found
    return None


def _record(
    text: str,
    full: str,
    same_visit: list[Direction],
    visiting: _Side,
    host: _Side,
    home: Province | None,
    published: date | None,
    hosts: list[_Side] = (),
) -> VisitRecord:
    """One visit's record; `hosts` are the hosts of every visit the article reports, when it
    reports several."""
    home_side = _home_side(home, visiting, host, full, text)
    people, leaders = _people(text, visiting, host, home_side)
    names = [p.name for p in people]
    leaders += [n for n in _bare_leaders(full, names) if n not in leaders]
    visiting_people = [p for p in people if p.side == "visiting"]
    visiting_names = {p.name for p in visiting_people}
    leaders = [n for n in dict.fromkeys(leaders) if n in visiting_names]
    if not leaders and visiting_people:
        best = min(p.rank for p in visiting_people)
        leaders = [next(p.name for p in visiting_people if p.rank == best)]
    leader_set = set(leaders)

    own_words = _unit_names(host)  # how the text names this visit's host (安顺市, 安顺)
    others = [w for h in hosts if h is not host for w in _unit_names(h)]
    dates = (_own_leg_dates(full, own_words, others, published) if others else None) or _visit_dates(
        text, same_visit, published
    )
    cities = host_cities(full, host.province.name)
    if host.province.kind == "直辖市":
        cities = []  # a municipality's districts are county-level: it has no prefecture-level places
    elif host.units[0].level != "province":
        own = [u.prefecture_name or u.name for u in host.units if u.level != "province"]
        if others:
            cities = []  # several visits in one article: the others' places are not this one's
        for name in reversed(own):
            if name not in cities:
                cities.insert(0, name)
    words = pair_words(visiting.province, host.province) + tuple(
        u.short_name for u in visiting.units + host.units
    )
    return VisitRecord(
        visiting_province=visiting.province.name,
        host_province=host.province.name,
        visiting_unit=visiting.unit_name,
        host_unit=host.unit_name,
        start_date=dates.start if dates else None,
        end_date=dates.end if dates else None,
        start_md=dates.start_md if dates else None,
        end_md=dates.end_md if dates else None,
        host_cities=cities,
        meeting_name=find_meeting(full, words, avoid=tuple(others), own=tuple(own_words)),
        programme=find_programme(full),
        leader_names=leaders,
        officials=[
            OfficialMention(
                name=p.name,
                province=p.province.name if p.province else None,
                titles=p.titles,
                side=p.side,
                is_leader=p.name in leader_set,
                evidence=p.evidence,
            )
            for p in people
        ],
    )


__all__ = ["extract_visits"]
