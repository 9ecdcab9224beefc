"""Who went where: delegation patterns, the publishing side, pair names.

X(党政)代表团(一行)…赴/到/来/前往 Y        X, Y: gazetteer places, 我省/我市, or 来甘-style abbreviations
…率队/带队/率团 赴/到/来 Y                 the visiting side from the leader's title or the paper
在X期间 / 来X考察                          X is the host
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from visits.extract.gazetteer import (
    PlaceHit,
    abbreviation_alt,
    aliases,
    ambiguous_prefecture,
    county_short_forms,
    lookup_province,
    nickname_alt,
)
from visits.extract.regex_cache import compile_cached
from visits.extract.title_units import (
    chained_places,
    group_unit,
    leader_unit,
    led_by_non_government,
    own_unit,
)
from visits.extract.trie_regex import trie_alternation
from visits.extract.unit_tokens import resolve_side
from visits.lexicon import alternation
from visits.reference import Division, province_partners

if TYPE_CHECKING:  # the article module builds on this one
    from visits.extract.article import Article

DELEG = rf"(?:党政|政府|人大|政协|各界|友好)?(?:{alternation('delegation_words')})"
MOVE = rf"(?:{alternation('movement_verbs')})"
# 代表团在西藏考察: where the delegation is, said of the delegation itself (not after 率队,
# where 在 more often introduces the leader's own whereabouts); 代表团先后考察了甲县: a place
# the group inspected is a place it went to
_MOVE_DELEG = rf"(?:{alternation('movement_verbs')}|在|(?:{alternation('inspect_verbs')})了?)"
# an organ between the place and the group: 广东省乡村振兴局调研组, 浙江省发展改革委考察团
ORGAN = r"(?:委|(?:人民)?政府|[\u4e00-\u9fff]{1,10}?(?:局|厅|办公室|委员会|委|办))"
# a programme between the place and the group: 天津市对口支援工作调研组
PROGRAMME = rf"(?:(?:{alternation('programme_words')})(?:工作)?)"
_SELF = r"我(?:省|市|区|州|县|旗)"
# 市党政代表团赴…: a bare level word opening the clause is the paper's own unit, as 我市
_BARE_SELF = r"(?<![\u4e00-\u9fff])[省市区州县旗](?=(?:党政|政府)?代表团)"
# between the group and its verb: the movement did not (or not yet) happen
_NOT_GONE = re.compile(alternation("not_gone"))
# a leader taking posted cadres (率…挂职干部到某县) tours the host province, no delegation
_POSTED = re.compile(alternation("posted_groups"))
# after a one-character abbreviation (来甘, 赴沪, 援黔) the next word must be a verb or punctuation
_ABBR_NEXT = rf"(?=(?:{alternation('activity_verbs')})|[，,。、；]|$)"
# who leads the group: 率 alone too, but not 率先 or 效率/比率
LEAD = rf"(?:(?:{alternation('leader_verbs')})(?<![效概比频汇税速]率)(?!先)|一行)"


@lru_cache(maxsize=1)
def _place_alt() -> str:
    return trie_alternation(aliases())


@lru_cache(maxsize=1)
def destination() -> str:
    """Where a movement goes, as a regex (no groups): places, 我省/我市, or an abbreviation
    (a province's 黔, a city's nickname 蓉)."""
    place = f"(?:{_place_alt()})"
    # a destination may be written under its parent (兴安盟科尔沁右翼前旗, 遵义市湄潭县); the
    # delegation's own unit is the place right before 代表团, so it needs no such form
    nested = rf"{place}(?:{place}){{0,2}}(?:[、和与]{place}(?:{place}){{0,2}})*"
    return rf"{nested}|{_SELF}|(?:{abbreviation_alt()}|{nickname_alt()}){_ABBR_NEXT}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Delegation movements to a place, led movements, and movements to a short form the
    gazetteer cannot take alone: one character of a prefecture (来凉) or a county's name
    without its suffix (来青川: too many county short forms are ordinary words to match
    everywhere)."""
    place = f"(?:{_place_alt()})"
    places = rf"{place}(?:[、和与]{place})*"
    body = destination()
    dest = rf"(?P<dest>{body})"
    # 率领某市代表团，赴某地: a comma may part the group from its verb when the verb follows it;
    # 来自某市的考察团抵达…: the group's place after 来自, with 的
    moves = (
        rf"(?P<from>来自(?:{place}){{0,2}}?)?(?P<unit>{places}|{_SELF}|{_BARE_SELF})(?(from)的){ORGAN}?{PROGRAMME}?{DELEG}(?:一行)?(?:[，,](?={MOVE}))?"
        rf"[^，,。；;]{{0,12}}?{_MOVE_DELEG}"
    )
    deleg = compile_cached(moves + dest)
    # 率队在陕西省延安市考察: 在 a place counts after a leader only with what they did there
    # 带领考察组学习考察某区: after a leader, inspecting a place takes the group there
    led_move = rf"{LEAD}[^，,。；;]{{0,12}}?(?:{MOVE}|{alternation('inspect_verbs')}"
    led = compile_cached(rf"{led_move}|在(?=(?:{body})(?:{alternation('activity_verbs')}))){dest}")
    short = compile_cached(rf"{moves}(?P<short>[\u4e00-\u9fff]{{1,4}}?){_ABBR_NEXT}")
    # 甲一行来和考察: a leader's group to a short form of a place the article names
    led_short = compile_cached(rf"{LEAD}[^，,。；;]{{0,12}}?{MOVE}(?P<short>[\u4e00-\u9fff]{{1,4}}?){_ABBR_NEXT}")
    return deleg, led, short, led_short


@lru_cache(maxsize=1)
def _prefilters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a sentence must hold for the movement patterns to match in it: a group word
    (the delegation patterns) and a leader word (the led patterns)."""
    return re.compile(alternation("delegation_words")), re.compile(LEAD)


def _sentences_holding(pattern: re.Pattern[str], art: Article) -> set[int]:
    """Indices of the article's sentences in which `pattern` (words without a sentence break)
    matches: one scan of the whole text, each match placed in its sentence by its offset."""
    starts = [o for o, _ in art.sentences]
    out = set()
    for m in pattern.finditer(art.full):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= starts[k] + len(art.sentences[k][1]):
            out.add(k)
    return out


def _city_for_abbreviation(unit: str, abbr: str, short: dict[str, str], hits: list[PlaceHit]) -> str:
    """来苏 from a city delegation, in an article naming 苏州: the city, not the province
    the character also abbreviates; a provincial delegation's 来苏 stays the province. A
    city the article names beats a province it never names (来青 in an article naming 青岛
    but not 青海)."""
    city = short.get(abbr)
    province = lookup_province(abbr)
    visiting = resolve_side(unit, inner=True)
    if city is None or province is None or not visiting or visiting[0].level == "province":
        return abbr
    units = aliases().get(city, ())
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


def _short_place(
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


def _short_places(hits: list[PlaceHit], own: list[Division] = ()) -> dict[str, str]:
    """Short form -> the place the text (its place `hits`) names in full: the first character
    of a prefecture (凉 -> 凉山州) when only one named prefecture starts with it, and the
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
            first.setdefault(h.text[0], set()).update(u.code for u in h.units)
            names.setdefault(h.text[0], h.text)
        for u in h.units:
            if u.level == "county" and h.text == u.name and len(u.short_name) >= 2 and u.short_name != u.name:
                counties.setdefault(u.short_name, u.name)
            if u.level == "county" and len(h.units) == 1:
                county_first.setdefault(h.text[0], set()).add(u.name)
    one_county = {c: next(iter(ns)) for c, ns in county_first.items() if len(ns) == 1 and c not in first}
    return {**one_county, **counties, **{c: names[c] for c, codes in first.items() if len(codes) == 1}}


@dataclass
class Direction:
    visiting: str  # the unit as written: 上海市, 我省, 达州, 龙井市、敦化市
    host: str
    start: int  # position of the match in the searched text
    sentence: str
    basis: str = "movement"  # the evidence kind (visits/lexicon/basis.txt)


def find_directions(art: Article) -> list[Direction]:
    """Delegation movements in the article, in order; the outlet's own county or city is
    what a one-character form may stand for."""
    deleg, led, short_form, led_short = _patterns()
    out = []

    @lru_cache(maxsize=1)
    def named() -> tuple[list[PlaceHit], dict[str, str]]:
        """The article's places and the short forms they give, made only when a short form
        needs them."""
        hits = list(art.places)
        return hits, _short_places(hits, list(art.outlet_units))

    groups, leads = _prefilters()
    # each pattern needs its group word or its leader word: most sentences have neither. The
    # words hold no sentence break, so one scan of the whole text finds the sentences that do.
    with_group, with_lead = _sentences_holding(groups, art), _sentences_holding(leads, art)
    for k in sorted(with_group | with_lead):
        sent_at, sent = art.sentences[k]
        told = set()  # where delegation movements end: a led one ending there is the same
        has_group, has_lead = k in with_group, k in with_lead
        for m in deleg.finditer(sent) if has_group else ():
            told.add(m.end())
            if _NOT_GONE.search(sent, m.end("unit"), m.start("dest")):
                continue  # 代表团未能赴黔南: a visit that did not happen
            dest = m.group("dest")
            if len(dest) == 1:
                dest = _city_for_abbreviation(m.group("unit"), dest, named()[1], named()[0])
            kind = "host_view" if dest.startswith("我") else "movement"  # 莅临我县: the host's words
            out.append(Direction(_own_word(m.group("unit")), dest, sent_at + m.start(), sent, kind))
        for m in short_form.finditer(sent) if has_group else ():
            if deleg.search(sent, m.start()) or _NOT_GONE.search(sent, m.end("unit"), m.start("short")):
                continue  # a full place name was matched for this movement
            hits, short = named()
            place = _short_place(m.group("short"), short, hits, m.group("unit"))
            if place:
                out.append(Direction(_own_word(m.group("unit")), place, sent_at + m.start(), sent))
        for m in led.finditer(sent) if has_lead else ():
            if m.end() in told or not_gone(sent, m.start(), m.end()) or _POSTED.search(m.group()):
                continue  # 带领我县考察团赴济南市: the delegation names its own unit
            if led_by_non_government(sent, m.start()):
                continue
            unit = _led_unit(sent, m.start(), m.group(), art)
            out.append(Direction(unit, m.group("dest"), sent_at + m.start(), sent, "leader_movement"))
        for m in led_short.finditer(sent) if has_lead else ():
            if m.end() in told or led.search(sent, m.start()) or not_gone(sent, m.start(), m.end()):
                continue
            if led_by_non_government(sent, m.start()):
                continue
            unit = _led_unit(sent, m.start(), m.group(), art)
            place = _short_place(m.group("short"), named()[1], named()[0], unit)
            if place:
                out.append(Direction(unit, place, sent_at + m.start(), sent, "leader_movement"))
    out.sort(key=lambda d: d.start)
    return out


def _own_word(unit: str) -> str:
    """A bare level word (市党政代表团) as the paper's own unit, written 我市."""
    return "我" + unit if len(unit) == 1 else unit


def not_gone(sent: str, start: int, end: int) -> bool:
    """Does a leader's movement sent[start:end] not, or not yet, happen: a word of not_gone
    in it or just before it (甲将于近期率团赴…, 甲计划于下月赴…)?"""
    return _NOT_GONE.search(sent, max(0, start - 6), end) is not None


def _led_unit(sent: str, lead_at: int, led: str, art: Article) -> str:
    """Whose group a leader leads: the group named after the verb (率普洱党政代表团赴), else
    the place the leader's own titles name (海南州委常委、共和县委书记乙带领), else the first
    place named before (宁波市委书记…率队, with the unit written under it: 上海市宝山区), else
    the leader's own kind of unit (市长乙率队: 我市), else the unit of the leader's titles
    where the article gives them (a headline names the leader bare), else the paper's province."""
    g = re.match(rf"{LEAD}([\u4e00-\u9fff]{{2,8}}?){ORGAN}?{DELEG}", led)
    named = group_unit(g.group(1)) if g else None
    leader = leader_unit(sent, lead_at)
    if named:
        return named
    if leader and not leader.startswith("我"):
        return leader
    return chained_places(sent[:lead_at]) or leader or _titled_elsewhere(sent[:lead_at], art) or "我省"


def _titled_elsewhere(before: str, art: Article) -> str | None:
    """The unit of the first titled mention, anywhere in the article, of the person whose
    name ends `before`."""
    for mentions in art.mentions:
        for m in mentions:
            if before.endswith(m.name) and (unit := own_unit(m)):
                return unit
    return None
