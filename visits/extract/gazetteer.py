"""Find administrative places in text and resolve them to GB/T 2260 units.

Aliases: every full name; province short names; prefecture short forms (甘南, 遵义) and
their 州 form (甘南州); 自治县/自治旗 in their short 县/旗 form (积石山县); the X市 and X区
forms of renamed 地区 and counties (那曲市, 即墨区). County short
forms without a suffix are not matched: too many are ordinary words (和平, 合作, 长安).
A hit still needs context (see `plausible`): 合作市场 is not 合作市.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from visits.extract.regex_cache import compile_cached
from visits.extract.trie_regex import trie_alternation
from visits.lexicon import pairs, words
from visits.reference import Division, Province, divisions, province_by_name, provinces

# Prefecture short forms that are, far more often, ordinary words or brands in news text.
AMBIGUOUS_SHORT = frozenset(words("ambiguous_short_forms"))
# Words that the renamed forms of a place would otherwise match (大城市 is no 大城县).
_NOT_PLACES = frozenset(words("not_places"))
# After X市 these characters make it a word (合作市场, 城市民生), not a city.
_NOT_CITY_AFTER = "场"
# After X区 these make it a word (平原区域, 山区间): not a district.
_NOT_DISTRICT_AFTER = "域间块"


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    units: tuple[Division, ...]  # every unit the alias can name


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[Division, ...]]:
    table: dict[str, list[Division]] = {}
    province_shorts = {p.short_name for p in provinces()}

    def add(alias: str, d: Division) -> None:
        if len(alias) >= 2 and d not in table.setdefault(alias, []):
            table[alias].append(d)

    names = {d.name for d in divisions()}
    for d in divisions():
        add(d.name, d)
        if d.level == "province":
            add(d.short_name, d)
        elif d.level == "prefecture":
            short = d.short_name
            if short != d.name and short not in AMBIGUOUS_SHORT and short not in province_shorts:
                add(short, d)
            if d.name.endswith("自治州"):
                add(short + "州", d)
            if d.name.endswith("地区") and short + "市" not in names:
                # 地区 keep becoming 市 (那曲地区 -> 那曲市) and the gazetteer may predate the
                # change; not where X市 is already another unit (喀什市 is 喀什地区's seat)
                add(short + "市", d)
        elif d.name.endswith(("自治县", "自治旗")):
            # 东乡县 and 酉阳自治县-style short forms of 东乡族自治县, 酉阳土家族苗族自治县
            add(county_short_name(d) + d.name[-1], d)
            add(county_short_name(d) + d.name[-3:], d)
        if d.level == "county" and d.name.endswith(("县", "市")) and 2 <= len(d.short_name) < len(d.name):
            # counties and county-level cities keep becoming districts (即墨市 -> 即墨区, 2017)
            # and the gazetteer may predate the change
            if d.short_name + "区" not in names:
                add(d.short_name + "区", d)
        if d.level == "county" and d.name.endswith("县") and 2 <= len(d.short_name) < len(d.name):
            # and counties keep becoming county-level cities (兴仁县 -> 兴仁市, 2018)
            renamed = d.short_name + "市"
            if renamed not in names and renamed not in table and renamed not in _NOT_PLACES:
                add(renamed, d)
    by_name = {d.name: d for d in divisions()}
    for alias, unit in pairs("unit_aliases"):  # units the GB/T 2260 table lacks (兵团第十三师)
        add(alias, by_name[unit])
    return {k: tuple(v) for k, v in table.items()}


def county_short_name(d: Division) -> str:
    """The name a county goes by without its suffix. The table's short name keeps what names
    the people of an autonomous county when it is the whole name (东乡族自治县 -> 东乡族,
    龙胜各族自治县 -> 龙胜各族); in use these are 东乡县, 龙胜县."""
    short = d.short_name.removesuffix("各族")
    if d.name.endswith(("自治县", "自治旗")) and short.endswith("族") and len(short) > 2:
        short = short[:-1]
    return short


@lru_cache(maxsize=1)
def county_short_forms() -> dict[str, tuple[Division, ...]]:
    """Suffixless county names (青川 -> 青川县). Not aliases: too many are ordinary words, so
    callers use them only where a place must stand and other evidence agrees."""
    table: dict[str, list[Division]] = {}
    for d in divisions():
        short = county_short_name(d)
        if d.level == "county" and len(short) >= 2 and short != d.name:
            table.setdefault(short, []).append(d)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def prefecture_short_forms() -> dict[str, tuple[Division, ...]]:
    """Prefectures by their short name, the ambiguous ones too (普洱): only slots where an
    everyday word is not expected read them."""
    out: dict[str, list[Division]] = {}
    for d in divisions():
        if d.level == "prefecture" and len(d.short_name) >= 2:
            out.setdefault(d.short_name, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


def ambiguous_prefecture(short: str) -> Division | None:
    """The one prefecture an ambiguous short form (安康, 普洱) names, for the slots where only a
    place can stand; None for any other word."""
    matches = prefecture_short_forms().get(short, ()) if short in AMBIGUOUS_SHORT else ()
    return matches[0] if len(matches) == 1 else None


def trailing_place(text: str) -> str | None:
    """`text` from its first place on, when it ends in a place (来访的甲市 -> 甲市), else None:
    what stands before a group word is its unit only when it ends in one."""
    hits = find_places(text)
    return text[hits[0].start :] if hits and hits[-1].end == len(text) else None


def lies_within(unit: Division, outer: Division) -> bool:
    """Is `unit` below `outer` (a county in its prefecture or province, a prefecture in its province)?"""
    return unit.code != outer.code and outer.code in (
        unit.parent_code,
        unit.prefecture_code,
        unit.province_code,
    )


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return compile_cached(trie_alternation(aliases()))


def plausible(text: str, start: int, end: int) -> bool:
    """Context check for a hit: reject 合作市场-style words."""
    alias = text[start:end]
    if alias.endswith("市") and end < len(text) and text[end] in _NOT_CITY_AFTER:
        return False
    if alias.endswith("区") and end < len(text) and text[end] in _NOT_DISTRICT_AFTER:
        return False
    return True


def find_places(text: str) -> list[PlaceHit]:
    """Longest-first, non-overlapping gazetteer hits that pass the context check."""
    return list(_find_places(text))


# The rules ask about the same sentences and titles many times per article: each string is
# scanned once.
@lru_cache(maxsize=1 << 16)
def _find_places(text: str) -> tuple[PlaceHit, ...]:
    table = aliases()
    hits = []
    pos = 0
    pat = _pattern()
    while True:
        m = pat.search(text, pos)
        if not m:
            return tuple(hits)
        start, end = m.span()
        if plausible(text, start, end):
            hits.append(PlaceHit(start, end, m.group(), table[m.group()]))
            pos = end
        else:
            # retry one character on: a shorter alias may still start inside (合作市场 -> nothing)
            pos = start + 1


@lru_cache(maxsize=1)
def abbreviation_alt() -> str:
    """A regex alternation of the provinces' one-character abbreviations (苏, 陕, 沪, 黔 …)."""
    # longest first; among equal lengths (which never match at the same place) in a fixed
    # order, so the pattern is the same string in every process (regex_cache keys on it)
    return "|".join(sorted({a for p in provinces() for a in p.abbreviations}, key=lambda a: (-len(a), a)))


@lru_cache(maxsize=1)
def city_nicknames() -> dict[str, str]:
    """Literary names of cities (蓉, 羊城, 甬) -> the city's name; a destination only."""
    return dict(pairs("city_nicknames"))


def nickname_alt() -> str:
    """A regex alternation of the city nicknames, longest first, in a fixed order."""
    return "|".join(sorted(city_nicknames(), key=lambda a: (-len(a), a)))


def lookup_province(token: str) -> Province | None:
    """A province from its full name, short name or one-character abbreviation."""
    token = token.removeprefix("中共")
    p = province_by_name().get(token)
    if p:
        return p
    for p in provinces():
        if token in p.abbreviations:
            return p
    return None


def resolve_unit(name: str, prefer: tuple[str, ...] = ()) -> Division | None:
    """The unit a place name stands for; among homonyms prefer units in the `prefer`
    province names, then the higher level, then the earlier preferred."""
    units = aliases().get(name)
    if not units:
        return None
    level_order = {"province": 0, "prefecture": 1, "county": 2}
    order = {name: i for i, name in enumerate(prefer)}
    return min(
        units,
        key=lambda d: (d.province_name not in order, level_order[d.level], order.get(d.province_name, 0)),
    )
