"""The two sides of a visit: direction tokens resolved to gazetteer units, and refined.

A direction token (上海市, 我省, 来甘's 甘, 龙井市、敦化市) becomes a Side: its province and
its units. Tokens are read against the article (the outlet's province, the provinces and
units it names most) and, for homonyms, against the reference pairings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from visits.extract.direction import Direction
from visits.extract.gazetteer import aliases, county_short_name, lies_within, lookup_province
from visits.extract.outlet import source_units
from visits.extract.unit_tokens import resolve_side
from visits.reference import Division, Province, division_by_code, province_by_name, province_partners

SELF_WORD = re.compile(r"^我(省|市|区|州|县|旗)$")


@dataclass
class Side:
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
class ArticleContext:
    """What resolving a direction token needs to know about the article."""

    home: Province | None  # the outlet's province
    counts: Counter[str]  # province name -> how often the article names it
    source: str | None
    units: Counter[Division]  # units the article names unambiguously -> how often


def resolve_token(token: str, art: ArticleContext, other: Province | None, inner: bool = True) -> Side | None:
    """A direction token as a side: places, one-character abbreviations, or 我省/我市."""
    home, counts, source = art.home, art.counts, art.source
    m = SELF_WORD.match(token)
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
        outlet = source_units(source)
        # 我区 is a district's too when the outlet is a district's (某区融媒体中心), not only an
        # autonomous region's
        district = m.group(1) == "区" and any(
            u.level == "county" and u.name.endswith("区") and u.province_name == home.name
            for u in outlet
        )
        if m.group(1) not in "省区" or home.kind == "直辖市" or district:
            # 我市/我州/我县: the paper's own city, from the source name when it names one;
            # a county paper's 我市 is its prefecture
            src = [u for u in outlet if u.province_name == home.name] or _most_named(
                art.units, home, m.group(1)
            )
            if src and m.group(1) in "区县旗":  # 毕节市七星关区融媒体中心's 我区 is the district
                src = [u for u in src if u.level == "county"] or src
            if src:
                unit = src[0]
                # a county paper's 我市 is its prefecture, unless the county is itself a 市
                own_word = unit.name.endswith(m.group(1))
                if (
                    unit.level == "county"
                    and m.group(1) in "市州盟地"
                    and unit.prefecture_code
                    and not own_word
                ):
                    unit = division_by_code().get(unit.prefecture_code, unit)
                units = [unit]
        return Side(home, units)
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
    return Side(prov, units)


def _most_named(units: Counter[Division], home: Province, suffix: str) -> list[Division]:
    """我州 in an outlet the source does not place (团结报): the 州 of the home province the
    article names most; 我州/我盟 a prefecture, 我市 a prefecture or a county-level city,
    我县/我旗 a county."""
    # a county-level city's paper calls itself 我市 too (太仓-style 县级市)
    levels = {"prefecture", "county"} if suffix == "市" else {"prefecture" if suffix in "州盟" else "county"}
    named = [
        (n, u)
        for u, n in units.items()
        if u.province_name == home.name and u.level in levels and u.name.endswith(suffix)
    ]
    return [max(named, key=lambda nu: nu[0])[1]] if named else []


def _division(p: Province) -> Division:
    return division_by_code()[p.code]


def further_hosts(token: str, visiting: Side, host: Side) -> list[Side]:
    """The host sides in other provinces of a destination naming several (贵州省安顺市、甘肃省陇南市)."""
    by_province: dict[str, list[Division]] = {}
    for u in resolve_side(token, inner=visiting.units[0].level != "province"):
        if u.province_name not in (visiting.province.name, host.province.name):
            by_province.setdefault(u.province_name, []).append(u)
    return [Side(province_by_name()[p], units) for p, units in by_province.items()]


def loose_host(d: Direction, host: Side, others: list[Side]) -> bool:
    """Was the host read loosely (赴山东寿光 as 山东, 赴深圳罗湖 as 深圳), not named exactly
    (到大连市 … 来到甘井子区 keeps 大连市)?"""
    if host.units[0].level == "province" or d.host not in aliases():
        return True
    return any(d.host + county_short_name(u) in d.sentence for o in others for u in o.units)


def refine_inside(side: Side, others: list[Side]) -> Side:
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
            return Side(side.province, units)
        # several places toured (来到历城区、章丘区): a named city stays the host; a province
        # gives way to the one prefecture they all lie in (来甘 … 来到武都区、康县 -> 陇南市)
        prefectures = {u.prefecture_code for u in units}
        if outer.level == "province" and len(prefectures) == 1 and None not in prefectures:
            return Side(side.province, [division_by_code()[prefectures.pop()]])
    return side


def refine_self(side: Side, token: str, others: list[Side]) -> Side:
    """我旗/我县/我市 resolved no lower than the province or the paper's city: take the unit
    of that kind another report of the same movement names (到兴安盟某某旗)."""
    m = SELF_WORD.match(token)
    if not m or m.group(1) in "省" or side.units[0].name.endswith(m.group(1)):
        return side
    for other in others:
        units = [
            u for u in other.units if u.name.endswith(m.group(1)) and u.province_name == side.province.name
        ]
        if units and not units[0].name.endswith("自治区"):
            return Side(side.province, units)
    return side


def sides_of(d: Direction, art: ArticleContext) -> tuple[Side | None, Side | None]:
    host_first = SELF_WORD.match(d.visiting) is not None
    if host_first and SELF_WORD.match(d.host):
        return None, None  # 我省…到我县: both are the paper's own side, no visit between two
    if host_first:
        host = resolve_token(d.host, art, None)
        visiting = resolve_token(d.visiting, art, host.province if host else None)
    else:
        visiting = resolve_token(d.visiting, art, None)
        host = _host_of(d, art, visiting)
        if host is not None and visiting is not None:
            # once more with the host known: a homonym delegation (东乡县) read by the pairing
            again = resolve_token(d.visiting, art, host.province)
            if again is not None and again.province != visiting.province:
                visiting, host = again, _host_of(d, art, again)
    return visiting, host


def _host_of(d: Direction, art: ArticleContext, visiting: Side | None) -> Side | None:
    """The host of a delegation's movement: a provincial delegation goes to the province
    (贵州遵义 -> 贵州省); a city or county one to the unit named under it (山东省寿光市 -> 寿光市)."""
    below = visiting is not None and visiting.units[0].level != "province"
    return resolve_token(d.host, art, visiting.province if visiting else None, below)


def unit_names(side: Side) -> set[str]:
    return {n for u in side.units for n in (u.name, u.short_name)}


def below_province(host: Side, visiting: Side, art: ArticleContext) -> Side:
    """A county delegation's host read only as a province (来我市 in a paper the source does
    not place): the host-province county the article names most. A city delegation's
    province host stays the province (annotators differ on the prefectures it toured)."""
    if host.province.kind == "直辖市" or visiting.units[0].level != "county":
        return host
    counties = [
        (n, u) for u, n in art.units.items() if u.province_name == host.province.name and u.level == "county"
    ]
    if not counties:
        return host
    return Side(host.province, [max(counties, key=lambda nu: nu[0])[1]])


def settle(
    v: Side, h: Side, ds: list[Direction], told: list[tuple[Side, Side]], extra: list[Direction], art: ArticleContext
) -> tuple[Side, Side, list[Direction]]:
    """A visit's two sides, made as specific as everything the article told of the pair allows;
    `told` are the sides each movement of the pair gave, `extra` the pair's secondary evidence."""
    v = refine_self(v, ds[0].visiting, [s[0] for s in told])
    h = refine_self(h, ds[0].host, [s[1] for s in told])
    # before a place toured inside one of the hosts is taken for the host, and after a
    # province is read down to its places
    h = _wider_list(h, told)
    if v.units[0].level != "province" and loose_host(ds[0], h, [s[1] for s in told]):
        h = refine_inside(h, [s[1] for s in told])
    if v.units[0].level != "province" and h.units[0].level == "province":
        h = below_province(h, v, art)
    h = _wider_list(h, told)
    if v.units[0].level == "prefecture" and all(u.level == "county" for u in h.units):
        # a city's delegation told as going to the paired prefecture (赴喀什, 在六盘水市考察)
        # and to a county of it (莅临我县): the prefecture, its own level, hosts it
        wider = [
            o for _, o in told
            if len(o.units) == 1 and o.units[0].level == "prefecture" and all(lies_within(u, o.units[0]) for u in h.units)
        ]
        h = wider[0] if wider else h
    if v.units[0].level == "province" and len(h.units) > 1 and all(u.level == "county" for u in h.units):
        # a provincial delegation touring counties of one prefecture (在甲县、乙县考察): that
        # prefecture hosts it
        prefectures = {u.prefecture_code for u in h.units}
        if len(prefectures) == 1 and None not in prefectures:
            h = Side(h.province, [division_by_code()[prefectures.pop()]])
    if v.units[0].level == "province" and h.units[0].level != "province":
        # a provincial delegation told once as going to the province by its name (来青考察),
        # or meeting it (与广东省政府在广州举行座谈会)
        named = [d for d in ds + extra if lookup_province(d.host)]
        if named:
            provincial = [s[1] for s in told if s[1].units[0].level == "province"]
            h = (provincial or [sides_of(named[0], art)[1] or h])[0]
    return v, h, ds


def _wider_list(h: Side, told: list[tuple[Side, Side]]) -> Side:
    """One report names more hosts of the trip than `h` (赴东莞中山 / 赴广东省东莞市、中山市):
    that fuller list, of the same level, none inside another."""
    levels = {u.level for u in h.units}
    wider = [
        o
        for _, o in told
        if set(h.units) < set(o.units) and {u.level for u in o.units} == levels
        and not any(lies_within(x, y) for x in o.units for y in h.units)
    ]
    return wider[0] if wider else h


def parallel_delegation(a: Side, b: Side) -> bool:
    """Two delegations of one province below its level, neither place inside the other
    (广州市 and 深圳市, 张家口市 and 保定市): two visits, not one told twice."""
    if a.units[0].level == "province" or b.units[0].level == "province":
        return False
    return not any(x == y or lies_within(x, y) or lies_within(y, x) for x in a.units for y in b.units)
