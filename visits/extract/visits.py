"""Assemble VisitRecords from cleaned article text: direction, dates, places, meeting, officials."""

from __future__ import annotations

import re
from datetime import date

from visits.extract.article import Article, annotate
from visits.extract.candidates import arrivals, leader_movements
from visits.extract.dates import VisitDates
from visits.extract.direction import Direction, find_directions
from visits.extract.meeting import find_meeting, find_programme
from visits.extract.meeting_sides import meetings
from visits.extract.paper_side import home_side
from visits.extract.people import bare_leaders, find_people
from visits.extract.places import host_cities, host_districts
from visits.extract.province_names import pair_words
from visits.extract.receptions import accompaniments, calls, led_groups, receptions
from visits.extract.sides import Side, further_hosts, parallel_delegation, settle, sides_of, unit_names
from visits.extract.trips import PAST, another_trip, dated, dates_told, keep_own_trip, visit_dates
from visits.extract.year_hints import year_hints
from visits.lexicon import words
from visits.records import OfficialMention, VisitRecord

# Evidence that only counts for a pair no movement told.
_SECONDARY = frozenset({"reception", "meeting_place", "signing"})
# the first movement too, when its own words put it in an earlier year or trip (会议通报，去年
# 6月甲市代表团来乙市考察期间签约的项目…): background to this article, not its visit
_BACKGROUND = re.compile(r"去年|前年|上次|上一次|曾(?:经)?(?:率|带|随|来|赴|到|在|多次)")


def extract_visits(
    text: str,
    *,
    title: str | None = None,
    published_date: date | None = None,
    source: str | None = None,
) -> list[VisitRecord]:
    """Every inter-provincial delegation visit the article reports, with its officials."""
    art = annotate(text, title=title, published_date=published_date, source=source)
    directions = sorted(find_directions(art) + leader_movements(art), key=lambda d: d.start)
    # what the host received or a meeting shows only counts for a pair no movement told
    secondary = arrivals(art) + receptions(art) + calls(art) + led_groups(art) + accompaniments(art) + meetings(art)
    secondary.sort(key=lambda d: d.guessed)  # a meeting held at a named place before one guessed
    if not directions and not secondary:
        return []

    # keyed by (visiting, host province, trip): a pair's later trip gets the next number
    visits: dict[tuple[str, str, int], tuple[Side, Side, list[Direction]]] = {}
    latest: dict[tuple[str, str], tuple[str, str, int]] = {}  # the pair's trip being told
    seen: dict[tuple[str, str, int], list[tuple[Side, Side]]] = {}  # per pair and delegation
    parallel: set[tuple[str, str, int]] = set()  # another delegation of the visitors' province
    extra: dict[tuple[str, str], list[Direction]] = {}  # secondary evidence for a visit already found
    for d in directions + secondary:
        visiting, host = sides_of(d, art.context)
        if visiting is None or host is None or visiting.province == host.province:
            continue
        if {visiting.province.name, host.province.name} & set(words("outside_programmes")):
            continue
        if d.basis in _SECONDARY and any(
            {k[0], k[1]} == {visiting.province.name, host.province.name} for k in visits
        ):
            extra.setdefault((visiting.province.name, host.province.name), []).append(d)
            continue
        if title and d.start < len(title):
            d.basis = "headline"
        first = not visits and (d.basis == "headline" or not _BACKGROUND.search(d.sentence))
        for leg in (host, *further_hosts(d.host, visiting, host)):
            pair = (visiting.province.name, leg.province.name)
            key = latest.get(pair)
            if key is not None and parallel_delegation(visits[key][0], visiting):
                # 甲市、乙市党政代表团分别来我省: each city's delegation is a visit of its own
                key = next((k for k in visits if k[:2] == pair and not parallel_delegation(visits[k][0], visiting)), None)
                if key is None:
                    key = latest[pair] = (*pair, sum(k[:2] == pair for k in visits))
                    visits[key] = (visiting, leg, [d])
                    parallel.add(key)
                    seen[key] = [(visiting, leg)]
                    continue
                latest[pair] = key
            seen.setdefault(key if key in parallel else (*pair, 0), []).append((visiting, leg))
            if key is not None and another_trip(art, visits[key][2], d):
                key = latest[pair] = (*pair, key[2] + 1)
                visits[key] = (visiting, leg, [d])
            elif key is not None:
                visits[key][2].append(d)
            elif first or (not PAST.search(d.sentence) and dated(d.sentence, art.published)):
                # after the first movement, one counts only as a dated, present visit; the
                # first may name several host provinces (赴贵州省安顺市、甘肃省陇南市)
                key = latest[pair] = (*pair, 0)
                visits[key] = (visiting, leg, [d])
    sides = [
        settle(v, h, ds, seen[key if key in parallel else (*key[:2], 0)], extra.get(key[:2], []), art.context)
        for key, (v, h, ds) in visits.items()
    ]
    # with several visits in one article, each keeps the dates and meeting that name its host;
    # a visit back the other way (甲市来乙市, then 乙市回访甲市) names both places throughout
    # what the meetings held at one side's place tell (在杭州召开: the visit hosted there)
    held = {pair: [d for d in ds_ if not d.guessed] for pair, ds_ in extra.items()}
    records = []
    for (key, _), (v, h, ds) in zip(visits.items(), sides, strict=True):
        hosts = [
            x
            for (k, _), (w, x, _) in zip(visits.items(), sides, strict=True)
            if (w.province, x.province) != (h.province, v.province)
            and (k[:2] != key[:2] or k == key or bool({k, key} & parallel))
        ]
        # other delegations to the same host (上海、山东党政代表团先后到日喀则): their meetings
        visitors = [w for (k, _), (w, x, _) in zip(visits.items(), sides, strict=True) if k != key and x.province == h.province]
        record = _record(art, ds, v, h, hosts if len(hosts) > 1 else [], visitors)
        # trips between the same two places, either way (a visit and the visit back)
        trips = [k for k in visits if set(k[:2]) == set(key[:2])]
        if len(trips) > 1:
            mine = held.get(key[:2], []) if sum(k[:2] == key[:2] for k in trips) == 1 else []
            theirs = [d for pair in {k[:2] for k in trips} - {key[:2]} for d in held.get(pair, [])]
            elsewhere = "".join(d.sentence for k in trips if k != key for d in visits[k][2] + theirs)
            keep_own_trip(
                record, ds, trips.index(key) > 0, v, bool({key, trips[0]} & parallel), elsewhere,
                "".join(d.sentence for d in mine),
            )
            main = next((k for k in trips if any(d.basis == "headline" for d in visits[k][2])), None)
            main = main or min(trips, key=lambda k: visits[k][2][0].start)  # the headline's, else the first told
            if key != main and not parallel & set(trips):
                # a trip told in passing (今年6月，甲率团来长考察) has only the people it names
                own = "".join(d.sentence for d in ds)
                record.officials = [o for o in record.officials if o.name in own] or record.officials
        record.evidence = ds[0].sentence.strip()
        record.basis = sorted({d.basis for d in ds + extra.get(key[:2], [])})
        records.append(record)
    return records


_MEETING_YEAR = re.compile(r"((?:19|20)\d{2})年(?!度)")


def _with_meeting_year(dates: VisitDates | None, meeting: str | None) -> VisitDates | None:
    """Month-days with no year take the year the meeting's own name gives (2019年第二次联席会议)."""
    m = _MEETING_YEAR.search(meeting or "")
    if dates is None or dates.start is not None or not dates.start_md or not m:
        return dates
    y = int(m.group(1))
    (m1, d1), (m2, d2) = (map(int, md.split("-")) for md in (dates.start_md, dates.end_md or dates.start_md))
    try:
        start, end = date(y, m1, d1), date(y + (m2 < m1), m2, d2)
    except ValueError:
        return dates
    return VisitDates(start, end, dates.start_md, dates.end_md, True)


def _article_year_hints(art: Article) -> list[int]:
    if "year_hints" not in art.derived:
        art.derived["year_hints"] = year_hints(art.full)
    return list(art.derived["year_hints"])  # type: ignore[call-overload]


def _own_leg_dates(art: Article, own: set[str], others: list[str]) -> VisitDates | None:
    """The first dated sentence naming this leg's host and no other leg's (7月10日至11日，代表团
    来到陇南市): in an article telling several visits, the part that is this one's."""
    for i, (_, sent) in enumerate(art.sentences):
        if any(w in sent for w in own) and not any(w in sent for w in others) and (found := art.date_of(i)):
            return found
    return None


def _record(
    art: Article, same_visit: list[Direction], visiting: Side, host: Side, hosts: list[Side] = (),
    visitors: list[Side] = (),
) -> VisitRecord:
    """One visit's record; `hosts` are the hosts of every visit the article reports, when it
    reports several; `visitors` the other delegations to the same host province."""
    text, full, home = art.text, art.full, art.home
    paper_side = home_side(home, visiting, host, full, text)
    people, leaders = find_people(text, visiting, host, paper_side, art.outlet_units)
    names = [p.name for p in people]
    leaders += [n for n in bare_leaders(full, names) if n not in leaders]
    visiting_people = [p for p in people if p.side == "visiting"]
    visiting_names = {p.name for p in visiting_people}
    leaders = [n for n in dict.fromkeys(leaders) if n in visiting_names]
    if not leaders and visiting_people:
        best = min(p.rank for p in visiting_people)
        leaders = [next(p.name for p in visiting_people if p.rank == best)]
    leader_set = set(leaders)

    own_words = unit_names(host)  # how the text names this visit's host (安顺市, 安顺)
    others = [w for h in hosts if h is not host for w in unit_names(h)]
    # a trip to two provinces: each province's abbreviation too (沪滇…联席会议 is 云南's)
    others += [w for h in hosts if h.province != host.province for w in h.province.abbreviations]
    own_words = own_words | set(host.province.abbreviations) if others else own_words
    # a movement naming only this host dates it; one shared with other hosts (赴安顺市、陇南市)
    # gives way to the sentence naming this leg alone
    shared = any(w in same_visit[0].sentence for w in others)
    own_told = not shared and any(dates_told(art, d) for d in same_visit)
    dates = (_own_leg_dates(art, own_words, others) if others and not own_told else None) or visit_dates(
        art, same_visit
    )
    cities = host_cities(full, host.province.name)
    if host.province.kind == "直辖市":
        # a municipality has no prefecture-level places; a district hosting a district or city
        # delegation is the place it went to, else the districts it went to
        cities = [u.name for u in host.units if u.level != "province"]
        if not cities and visiting.units[0].level != "province":
            cities = host_districts(full, host.province.name)
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
    own_visitor = unit_names(visiting)
    other_visitors = tuple(w for x in visitors for w in unit_names(x) if w not in own_visitor)
    meeting = find_meeting(full, words, avoid=tuple(others), own=tuple(own_words), by=(other_visitors, tuple(own_visitor)))
    dates = _with_meeting_year(dates, meeting)
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
        meeting_name=meeting,
        year_source=("text" if dates.year_stated else "published_date") if dates and dates.start else None,
        year_hints=_article_year_hints(art),
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
