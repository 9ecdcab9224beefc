"""Prefecture-level places the delegation went to in the host province.

A gazetteer hit counts only inside a clause where a movement or venue word comes before it
(到/赴/来到/深入/在…): places named in speeches (帮扶凉山州、甘孜州, 支持深圳建设…) are
not places visited. Counties and districts map up to their prefecture.
"""

from __future__ import annotations

import re
from functools import lru_cache

from visits.extract.gazetteer import AMBIGUOUS_SHORT, find_places
from visits.lexicon import alternation
from visits.reference import divisions

# 到/在 only as movement or venue: not 认识到, 做到, 存在, 正在, 在于
_VISIT_WORD = re.compile(
    r"(?<![识受做得达看想提遇见收听直感])到|赴|来到|深入|走进|前往|抵达|(?<![存正现实所])在(?!于)"
    r"|考察|调研|参观|走访|察看|视察|途经"
)
# What every _VISIT_WORD match contains (its literal words, without the look-arounds): a clause
# holding none of them can have no visit word before any place, so it is skipped unscanned.
_VISIT_ANY = re.compile(r"到|赴|深入|走进|前往|抵达|在|考察|调研|参观|走访|察看|视察|途经")
_CLAUSE = re.compile(r"[^，,。；;！？\n：:]+")
# 上海在甲州、乙州等四州市实施了…: work done in the places over the years, told right after
# them, is no visit to them
_DONE_THERE = re.compile(
    r"(?:等)?(?:[一二三四五六七八九十两\d]{1,2}个?(?:州市|市州|县市|县区|市|州|县|地))?(?:等地)?"
    rf"(?:累计|共|先后|已)?(?:{alternation('work_done_verbs')})"
)
# A short place form that starts a street or company name (张掖路, 定西薯业公司) is not a visit
# to that place; full names (常州市…) and forms in brackets ((常州)有限公司) still count.
_NAMED_THING = re.compile(
    r"^(?:路|街|大街|大道|巷|湾|[^\s，,。、的和市县区州（）()]{0,6}?(?:公司|集团|银行|控股|股份|商会|办事处))"
)


# An everyday-word short form (黄山, 长治, 大同, 丽水) names the place only right after a movement
# or venue word or a connector, and before a boundary: 来到丽水、在大同举行、太原、长治和朔州 —
# not 长治久安, 大同小异, 宁德时代, 三明治.
_AMBIG_BEFORE = re.compile(r"(?:到|赴|来到|深入|走进|前往|抵达|在|和|及|与|、)$")
_AMBIG_AFTER = re.compile(r"(?:$|[，,。、；;）)]|和|及|与|的|举行|召开|考察|调研|参观|期间|等地)")


@lru_cache(maxsize=64)
def _ambiguous_prefectures(host_province: str) -> dict[str, str]:
    """Short form -> full name for the host province's prefectures left out of the gazetteer."""
    return {
        d.short_name: d.name
        for d in divisions()
        if d.level == "prefecture" and d.province_name == host_province and d.short_name in AMBIGUOUS_SHORT
    }


def _ambiguous_hits(clause: str, host_province: str) -> list[tuple[int, str]]:
    out = []
    for short, full in _ambiguous_prefectures(host_province).items():
        at = clause.find(short)
        while at >= 0:
            if _AMBIG_BEFORE.search(clause[:at]) and _AMBIG_AFTER.match(clause, at + len(short)):
                out.append((at, full))
            at = clause.find(short, at + len(short))
    return out


def host_cities(text: str, host_province: str) -> list[str]:
    """Full names of the prefecture-level places visited, in order of first mention."""
    return list(_host_cities(text, host_province))


def host_districts(text: str, municipality: str) -> list[str]:
    """The districts of a municipality visited (走访了上海市闵行区、松江区), in order of mention."""
    return list(_host_cities(text, municipality, districts=True))


# asked once per visit: an article telling several asks the same text again
@lru_cache(maxsize=16)
def _host_cities(text: str, host_province: str, districts: bool = False) -> tuple[str, ...]:
    out: list[str] = []
    for clause_m in _CLAUSE.finditer(text):
        clause = clause_m.group()
        if _VISIT_ANY.search(clause) is None:
            continue  # both the ambiguous forms and the hits below need a visit word before them
        found: list[tuple[int, str]] = _ambiguous_hits(clause, host_province)
        hits = find_places(clause)
        ours = [h for h in hits if any(u.province_name == host_province for u in h.units)]
        if ours and _DONE_THERE.match(clause, ours[-1].end):
            continue
        for k, hit in enumerate(hits):
            if not _VISIT_WORD.search(clause[: hit.start]):
                continue
            is_full_name = any(u.name == hit.text for u in hit.units)
            if not is_full_name and _NAMED_THING.match(clause[hit.end :]):
                continue
            if k and hits[k - 1].end == hit.start and clause.startswith("港", hit.end):
                continue  # a port named after two cities (甲乙港) is in the first one's waters
            units = [u for u in hit.units if u.province_name == host_province and u.level != "province"]
            if not units:
                continue
            # among same-named units of the host province prefer the higher level
            unit = min(units, key=lambda u: u.level != "prefecture")
            if districts:
                found.append((hit.start, unit.name))
            elif unit.prefecture_name:
                found.append((hit.start, unit.prefecture_name))
        for start, name in sorted(found):
            if name not in out and _VISIT_WORD.search(clause[:start]):
                out.append(name)
    return tuple(out)
