"""The outlet: which province and units a newspaper or site belongs to."""

from __future__ import annotations

import re
from collections import Counter

from visits.extract.gazetteer import ambiguous_prefecture, county_short_forms, find_places
from visits.extract.papers import CENTRAL, PAPER_PROVINCE
from visits.reference import Division, Province, province_by_name, province_partners

# What outlet names end with after their place: 右江日报, 青川县融媒体中心, 海东之声
_OUTLET_TAIL = re.compile(r"(?:日报|晚报|都市报|报|融媒体中心|新闻网|网|广播电视台|电视台|之声|发布|新闻)$")


def source_units(source: str | None) -> list[Division]:
    """The units below province an outlet is named after: 延边日报 -> 延边州; a county's
    suffixless name (右江日报 -> 右江区) when exactly one county goes by it."""
    if not source:
        return []
    units = [u for h in find_places(source) for u in h.units if u.level != "province"]
    if units or source.strip() in PAPER_PROVINCE or source.strip() in CENTRAL:
        return units  # a provincial or central outlet (天山网, 解放日报) is no county's
    place = _OUTLET_TAIL.sub("", source.strip())
    matches = county_short_forms().get(place, ())
    if len(matches) == 1:
        return list(matches)
    ambiguous = ambiguous_prefecture(place)  # 安康日报: before an outlet's tail only a place stands
    return [ambiguous] if ambiguous and place != source.strip() else []


def source_province(source: str | None, counts: Counter[str] | None = None) -> Province | None:
    """贵州日报 -> 贵州省; 达州日报 -> 四川省; 大众日报 -> 山东省 (papers.py); 新华社 -> None.

    An outlet named after a place several provinces have (东乡县融媒体中心: 江西's 东乡县 or
    甘肃's 东乡族自治县) belongs to the candidate paired with the provinces the article names
    most (`counts`)."""
    if not source:
        return None
    name = source.strip()
    if name in CENTRAL:
        return None
    if name in PAPER_PROVINCE:
        return province_by_name()[PAPER_PROVINCE[name]]
    candidates: list[str] = []
    for h in find_places(source):
        names = {u.province_name for u in h.units}
        if len(names) == 1:
            return province_by_name()[names.pop()]
        candidates += [u.province_name for u in h.units if u.province_name not in candidates]
    if not candidates:
        candidates = list(dict.fromkeys(u.province_name for u in source_units(source)))
    if not candidates:
        return None

    def paired_weight(cand: str) -> int:
        return max((counts or {}).get(p, 0) for p in (*province_partners().get(cand, ()), ""))

    return province_by_name()[max(candidates, key=paired_weight)]
