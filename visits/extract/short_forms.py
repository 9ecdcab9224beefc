"""Short forms where a movement's destination stands: 来苏 (the city or the province), 来凉
(a prefecture the article names), 到青川 (a county's suffixless name), 莅临安康."""

from __future__ import annotations

from visits.extract.gazetteer import (
    PlaceHit,
    aliases,
    ambiguous_prefecture,
    county_short_forms,
    find_places,
    lookup_province,
)
from visits.extract.unit_tokens import resolve_side
from visits.reference import Division, province_partners


def city_for_abbreviation(unit: str, abbr: str, short: dict[str, str], hits: list[PlaceHit], after: str = "") -> str:
    """来苏 from a city delegation, in an article naming 苏州: the city, not the province
    the character also abbreviates; a provincial delegation's 来苏 stays the province. A
    city the article names beats a province it never names (来青 in an article naming 青岛
    but not 青海). The rest of the sentence (`after`) naming another prefecture of that
    province keeps the province (来黔，分别在甲市、乙州考察)."""
    city = short.get(abbr)
    province = lookup_province(abbr)
    visiting = resolve_side(unit, inner=True)
    if city is None or province is None or not visiting or visiting[0].level == "province":
        return abbr
    units = aliases().get(city, ())
    if any(
        u.level == "prefecture" and u.province_name == province.name and u not in units
        for h in find_places(after) for u in h.units
    ):
        return abbr
    if any(u.province_name == province.name for u in units):
        return city
    named = {u.province_name for h in hits for u in h.units if len(h.units) == 1}
    return city if province.name not in named else abbr


def _county_in_named_province(short: str, hits: list[PlaceHit], visiting: str | None = None) -> str | None:
    """A county's suffixless name in the destination slot (代表团来到大关，) that the text never
    writes in full: the county, when only one county goes by that name and the text (its
    place `hits`) names its province or one of that province's places; else the one county of
    that name in a province paired with the visitors' (湖州市代表团到青川考察)."""
    counties = county_short_forms().get(short, ())
    named = {u.province_name for h in hits for u in h.units}
    if len(counties) == 1 and counties[0].province_name in named:
        return counties[0].name
    own = resolve_side(visiting) if visiting and not visiting.startswith("我") else []
    partners = province_partners().get(own[0].province_name, frozenset()) if own else frozenset()
    paired = [c for c in counties if c.province_name in partners]
    return paired[0].name if len(paired) == 1 else None


def short_place(
    form: str, short: dict[str, str], hits: list[PlaceHit], visiting: str | None = None
) -> str | None:
    """A short form in the destination slot: a place the text names in full, a county of a
    province it names or paired with the visitors' (`visiting`), or a prefecture whose short
    form is also a common word (莅临安康)."""
    if form in short:
        return short[form]
    ambiguous = ambiguous_prefecture(form)
    if ambiguous:  # 赴中山: the prefecture, not a county of that name in a paired province
        return _county_in_named_province(form, hits) or ambiguous.name
    return _county_in_named_province(form, hits, visiting)


def short_places(hits: list[PlaceHit], own: list[Division] = ()) -> dict[str, str]:
    """Short form -> the place the text (its place `hits`) names in full: the first character
    of a prefecture (凉 -> 凉山州; the second of a 大 name, 连 -> 大连) when only one named
    prefecture starts with it, and the
    suffixless name of a named county (青川 -> 青川县). The outlet's `own` units (静宁县融媒体中心)
    give their first character too (来静), and so does a named county when no named
    prefecture starts with that character and no other named county does (来景 for 景泰县)."""
    first: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    counties: dict[str, str] = {}
    county_first: dict[str, set[str]] = {}
    for u in own:
        first.setdefault(u.name[0], set()).add(u.code)
        names.setdefault(u.name[0], u.name)
    for h in hits:
        if all(u.level == "prefecture" for u in h.units):
            # 大连 goes by 连 (来连), 大庆 by 庆: 大 says too little to stand for the city
            for c in h.text[:2] if h.text[0] == "大" else h.text[0]:
                first.setdefault(c, set()).update(u.code for u in h.units)
                names.setdefault(c, h.text)
        for u in h.units:
            if u.level == "county" and h.text == u.name and len(u.short_name) >= 2 and u.short_name != u.name:
                counties.setdefault(u.short_name, u.name)
            if u.level == "county" and len(h.units) == 1:
                county_first.setdefault(h.text[0], set()).add(u.name)
    one_county = {c: next(iter(ns)) for c, ns in county_first.items() if len(ns) == 1 and c not in first}
    return {**one_county, **counties, **{c: names[c] for c, codes in first.items() if len(codes) == 1}}
