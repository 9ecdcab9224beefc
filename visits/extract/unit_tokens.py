"""Direction tokens as units: 上海市, 龙井市、敦化市, 兴安盟科尔沁右翼前旗, 贵州遵义."""

from __future__ import annotations

import re

from visits.extract.gazetteer import (
    aliases,
    city_nicknames,
    find_places,
    lies_within,
    lookup_province,
    resolve_unit,
)
from visits.reference import Division


def resolve_side(token: str, prefer: tuple[str, ...] = (), inner: bool = False) -> list[Division]:
    """The units a direction token names (several for 龙井市、敦化市); [] when unknown.

    `inner`: of a unit written under its province (山东省寿光市), take the inner one: right for
    the delegation's own unit and for the host of a delegation below province level."""
    out = []
    read_as_province = []  # 四川省成都市 read as its province (not `inner`)
    for part in _split_units(token):
        part = city_nicknames().get(part, part)  # 来蓉: 成都市
        d = resolve_unit(part, prefer)
        if d is None and (d := _nested_unit(part, prefer, inner)) is not None and d.level == "province":
            read_as_province.append(d)
        if d is None:
            p = lookup_province(part)
            d = resolve_unit(p.name) if p else None
        if d is not None:
            out.append(d)
            if d.province_name not in prefer[:1]:  # a list tours one province: 积石山县、东乡县
                prefer = (d.province_name, *prefer)
    # 四川省成都市、广元市 read as a province's: the province once, not its places beside it
    return [d for d in out if not any(lies_within(d, o) for o in read_as_province)]


def _nested_unit(part: str, prefer: tuple[str, ...], inner: bool) -> Division | None:
    """Two places run together (兴安盟科尔沁右翼前旗, 贵州遵义): the unit inside the first;
    under a province only when `inner`, otherwise the province, as if written alone."""
    hits = find_places(part)
    if not hits or hits[0].start != 0:
        return None
    outer = resolve_unit(hits[0].text, prefer)
    if outer is None or len(hits) < 2 or hits[0].end != hits[1].start:
        return outer
    if outer.level == "province" and not inner:
        return outer
    # down the chain of places written under each other (内蒙古自治区兴安盟扎赉特旗)
    cur = outer
    for prev, h in zip(hits, hits[1:], strict=False):
        if prev.end != h.start:
            break
        inside = [u for u in h.units if lies_within(u, cur) and u != cur]
        if cur.level != "province":
            inside = [u for u in inside if u.level == "county"]
        if not inside:
            break
        cur = inside[0]
    return cur


def _split_units(s: str) -> list[str]:
    """龙井市、敦化市 -> two units; 和/与 split only where the whole is not a name (和龙市)."""
    out = []
    for part in s.split("、"):
        if part in aliases() or lookup_province(part) or _covered_by_places(part):
            out.append(part)
        else:
            out += [u for u in re.split(r"[和与]", part) if u]
    return out


def _covered_by_places(part: str) -> bool:
    """Is the token places run together with nothing between (延边州和龙市: 和 is in 和龙市)?"""
    hits = find_places(part)
    return (
        bool(hits)
        and hits[0].start == 0
        and hits[-1].end == len(part)
        and all(a.end == b.start for a, b in zip(hits, hits[1:], strict=False))
    )
