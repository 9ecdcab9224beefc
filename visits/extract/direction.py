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
    find_places,
    nickname_alt,
)
from visits.extract.regex_cache import compile_cached
from visits.extract.short_forms import city_for_abbreviation, short_place, short_places
from visits.extract.title_units import (
    chained_places,
    group_unit,
    leader_unit,
    led_by_non_government,
    own_unit,
    zone_root,
)
from visits.extract.trie_regex import trie_alternation
from visits.lexicon import alternation

if TYPE_CHECKING:  # the article module builds on this one
    from visits.extract.article import Article
    from visits.extract.officials import Mention

DELEG = rf"(?:党政|政府|人大|政协|各界|友好)?(?:{alternation('delegation_words')})"
MOVE = rf"(?:{alternation('movement_verbs')})"
# a group word or a party (一行): what a sentence must hold for a group to be named in it
GROUP_WORD = rf"{alternation('delegation_words')}|一行"
# 一行 and the party's size (一行20人, 一行十余人)
PARTY = r"一行(?:[\d一二三四五六七八九十百余多]{1,5}人)?"
# 代表团一行20人，于5月14日抵达… / 代表团，先后前往… / 考察团，在甲县考察: a comma, the day or
# an adverb may part a party from its verb
THEN_MOVE = rf"(?:[，,](?:于[\d月日上下午晚]{{1,10}}|{alternation('movement_adverbs')})?(?={MOVE}|在))?"
# 代表团在西藏考察: where the delegation is, said of the delegation itself (not after 率队,
# where 在 more often introduces the leader's own whereabouts); 代表团先后考察了甲县: a place
# the group inspected is a place it went to
_MOVE_DELEG = rf"(?:{alternation('movement_verbs')}|在|(?:{alternation('inspect_verbs')})了?)"
# an organ between the place and the group: 广东省乡村振兴局调研组, 浙江省发展改革委考察团
# 某市人大常委会代表团: the standing committee of a people's congress
ORGAN = r"(?:委|(?:人民)?政府|人大常委会|[\u4e00-\u9fff]{1,10}?(?:局|厅|办公室|委员会|委|办))"
# a programme between the place and the group: 天津市对口支援工作调研组
PROGRAMME = rf"(?:(?:{alternation('programme_words')})(?:工作)?)"
_SELF = r"我(?:省|市|区|州|县|旗)"
_SELF_OUTER = r"我[省区市州盟]"
# 市党政代表团赴…: a bare level word opening the clause is the paper's own unit, as 我市
_BARE_SELF = r"(?<![\u4e00-\u9fff])[省市区州县旗](?=(?:党政|政府)?代表团)"
# between the group and its verb: the movement did not (or not yet) happen
_NOT_GONE = re.compile(alternation("not_gone"))
# after the movement, in its clause: it was put off, or is only being prepared
_CALLED_OFF = re.compile(rf"[^，,。；;]*?(?:{alternation('called_off')})")
# a group of companies or a university (带队的某市企业考察团): not the place's delegation
_NON_GOVERNMENT = re.compile(
    rf"(?:{alternation('non_government_bodies')})家?(?:代表)?(?:{alternation('delegation_words')})"
)
# a leader taking posted cadres (率…挂职干部到某县) tours the host province, no delegation
_POSTED = re.compile(alternation("posted_groups"))
# after a one-character abbreviation (来甘, 赴沪, 援黔) the next word must be a verb or punctuation
_ABBR_NEXT = rf"(?=(?:{alternation('activity_verbs')})|[，,。、；]|$)"
# 在区委书记甲（的）带领下: a leader told inside the group's clause; 在市长乙的陪同下: the hosts'
# escort told there
_UNDER_LEAD = rf"(?:[^，,。；;在]{{0,8}}在[^，,。；;]{{1,30}}?(?:{alternation('leader_verbs')}|陪同)下[，,]?)"
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
    # 赴我省文山州: a place after the paper's own province names where the group went
    return rf"{nested}|{_SELF_OUTER}{nested}|{_SELF}|(?:{abbreviation_alt()}|{nickname_alt()}){_ABBR_NEXT}"


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
    # 代表团一行在区委书记甲的带领下，赴…: the leader told between the group and its verb
    # 甲市对口帮扶乙州工作组: the programme with the place it serves, between the group's own
    # place and the group
    programme = rf"(?:{PROGRAMME}|(?:{alternation('programme_words')})(?P<served>{place})(?:工作)?)"
    moves = (
        rf"(?P<from>来自(?:{place}){{0,2}}?)?(?P<unit>{places}|{_SELF}|{_BARE_SELF})(?(from)的){ORGAN}?{programme}?(?P<group>{DELEG})(?:{PARTY})?{_UNDER_LEAD}?{THEN_MOVE}"
        rf"[^，,。；;]{{0,12}}?{_MOVE_DELEG}"
    )
    deleg = compile_cached(moves + dest)
    co_group = compile_cached(rf"(?P<unit>{place}){ORGAN}?{programme}?{DELEG}")
    # 率队在陕西省延安市考察: 在 a place counts after a leader only with what they did there
    # 带领考察组学习考察某区: after a leader, inspecting a place takes the group there
    # 率队，赴某地: the comma only right after the lead word, not after an earlier movement
    led_move = rf"{LEAD}(?:{THEN_MOVE}|[^，,。；;]{{0,12}}?)(?:{MOVE}|{alternation('inspect_verbs')}"
    led = compile_cached(rf"{led_move}|在(?=(?:{body})(?:{alternation('activity_verbs')}))){dest}")
    short = compile_cached(rf"{moves}(?P<short>[\u4e00-\u9fff]{{1,4}}?){_ABBR_NEXT}")
    # 甲一行来和考察: a leader's group to a short form of a place the article names
    led_short = compile_cached(rf"{LEAD}[^，,。；;]{{0,12}}?{MOVE}(?P<short>[\u4e00-\u9fff]{{1,4}}?){_ABBR_NEXT}")
    return deleg, led, short, led_short, co_group


@lru_cache(maxsize=1)
def _onward() -> re.Pattern[str]:
    """A later clause of the movement's sentence taking the group on (…，随后转赴某省某市)."""
    return compile_cached(rf"[，,；;](?:随后|之后|然后|又|再|并)?(?:转赴|转往|前往)(?P<dest>{destination()})")


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


@dataclass
class Direction:
    visiting: str  # the unit as written: 上海市, 我省, 达州, 龙井市、敦化市
    host: str
    start: int  # position of the match in the searched text
    sentence: str
    basis: str = "movement"  # the evidence kind (visits/lexicon/basis.txt)
    guessed: bool = False  # the direction is a guess (a meeting told with no place it was held)


def find_directions(art: Article) -> list[Direction]:
    """Delegation movements in the article, in order; the outlet's own county or city is
    what a one-character form may stand for."""
    deleg, led, short_form, led_short, co_group = _patterns()
    out = []

    @lru_cache(maxsize=1)
    def named() -> tuple[list[PlaceHit], dict[str, str]]:
        """The article's places and the short forms they give, made only when a short form
        needs them."""
        hits = list(art.places)
        return hits, short_places(hits, list(art.outlet_units))

    groups, leads = _prefilters()
    # each pattern needs its group word or its leader word: most sentences have neither. The
    # words hold no sentence break, so one scan of the whole text finds the sentences that do.
    with_group, with_lead = _sentences_holding(groups, art), _sentences_holding(leads, art)
    for k in sorted(with_group | with_lead):
        sent_at, sent = art.sentences[k]
        told = set()  # where delegation movements end: a led one ending there is the same
        planned = set()  # groups whose movement here did not (yet) happen: 将来凉…，这是…首次来凉
        has_group, has_lead = k in with_group, k in with_lead
        for m in deleg.finditer(sent) if has_group else ():
            told.add(m.end())
            if _NOT_GONE.search(sent, _clause_start(sent, m.start("unit")), m.start("dest")) or called_off(sent, m.end()):
                planned.add(m.group("unit"))
                continue  # 代表团未能赴黔南, 诚挚欢迎甲市代表团来…: a visit that did not (yet) happen
            if m.group("unit") in planned:
                continue
            dest = m.group("dest")
            if posted_body_at(sent, m.end("dest")) or _posted_body_there(sent, m, m.start("dest")):
                continue
            if len(dest) == 1:
                dest = city_for_abbreviation(m.group("unit"), dest, named()[1], named()[0], sent[m.end():])
            kind = "host_view" if dest.startswith("我") else "movement"  # 莅临我县: the host's words
            dest = _past_own_unit(dest)
            for unit in _each_delegation(sent, m):
                out.append(Direction(_own_word(unit), dest, sent_at + m.start(), sent, kind))
            for unit, at in _co_delegations(sent, m, co_group):
                out.append(Direction(unit, dest, sent_at + at, sent, kind))
            for o in _onward().finditer(sent, m.end("dest")):  # …，随后转赴云南昆明: the next leg
                out.append(Direction(_own_word(m.group("unit")), o.group("dest"), sent_at + o.start(), sent, kind))
        for m in short_form.finditer(sent) if has_group else ():
            if deleg.search(sent, m.start()):
                continue  # a full place name was matched for this movement
            if _NOT_GONE.search(sent, _clause_start(sent, m.start("unit")), m.start("short")) or called_off(sent, m.end()):
                planned.add(m.group("unit"))
                continue
            if m.group("unit") in planned or _posted_body_there(sent, m, m.start("short")):
                continue
            hits, short = named()
            place = short_place(m.group("short"), short, hits, m.group("unit"))
            if place:
                out.append(Direction(_own_word(m.group("unit")), place, sent_at + m.start(), sent))
        for m in led.finditer(sent) if has_lead else ():
            if m.end() in told or not_gone(sent, m.start(), m.end()) or _POSTED.search(m.group()):
                continue  # 带领我县考察团赴济南市: the delegation names its own unit
            if led_by_non_government(sent, m.start()) or non_government_group(sent, m.start("dest")):
                continue
            unit = _led_unit(sent, m.start(), m.group(), art)
            if posted_body_at(sent, m.end("dest")):
                continue
            dest = _past_own_unit(m.group("dest"))
            out.append(Direction(unit, dest, sent_at + m.start(), sent, "leader_movement"))
        for m in led_short.finditer(sent) if has_lead else ():
            if m.end() in told or led.search(sent, m.start()) or not_gone(sent, m.start(), m.end()):
                continue
            if led_by_non_government(sent, m.start()) or non_government_group(sent, m.start("short")):
                continue
            unit = _led_unit(sent, m.start(), m.group(), art)
            place = short_place(m.group("short"), named()[1], named()[0], unit)
            if place:
                out.append(Direction(unit, place, sent_at + m.start(), sent, "leader_movement"))
    out.sort(key=lambda d: d.start)
    return out


# 甲市、乙市党政代表团先后来… / 分别赴…: the places listed before one group word each sent one
_EACH = re.compile(r"(?:一行)?[，,]?(?:先后|分别)")


def _each_delegation(sent: str, m: re.Match[str]) -> list[str]:
    """The groups a movement tells: one per listed place when the group word is followed by
    先后 or 分别 (甲市、乙市代表团先后来我省), else the one unit as written."""
    unit = m.group("unit")
    parts = re.split(r"[、和与]", unit)
    if len(parts) > 1 and all(parts) and _EACH.match(sent, m.end("group")):
        return parts
    return [unit]


def _co_delegations(sent: str, m: re.Match[str], co_group: re.Pattern[str]) -> list[tuple[str, int]]:
    """Other places' groups that share the movement, with where each is told: listed with it
    (甲市代表团、乙市代表团分别来我省), or in the clause before, which has no verb of its own
    (丙率甲市代表团，丁率乙市代表团来京)."""
    found = [(g.group("unit"), g.start()) for g in co_group.finditer(sent, m.end("group"), m.start("dest"))]
    cut = max(sent.rfind("，", 0, m.start("unit")), sent.rfind(",", 0, m.start("unit")))
    if cut > 0:
        before = re.split(r"[，,]", sent[:cut])[-1]
        g = co_group.search(before)
        if g and before.endswith(g.group()) and not re.search(MOVE, before):
            found.append((g.group("unit"), cut - len(before) + g.start()))
    return [(u, at) for u, at in found if u != m.group("unit")]


# a body of cadres posted from the place, named after it (珠海市对口帮扶怒江州前方指挥部): a
# visit to those cadres where they work, not to the place it is named after
_POSTED_BODY = re.compile(rf"[\u4e00-\u9fff]{{0,14}}?(?:{alternation('posted_bodies')})")


def _posted_body_there(sent: str, m: re.Match[str], dest_at: int) -> bool:
    """甲市对口帮扶乙地工作组在乙地召开…: a body posted to the place it serves, there (在), not
    travelling there (莅临, 来到)."""
    return bool(m.groupdict().get("served")) and sent[:dest_at].endswith("在") and _POSTED_BODY.fullmatch(
        m.group("group")
    ) is not None


def posted_body_at(sent: str, at: int) -> bool:
    """Does a posted cadres' body's name run on from position `at` (a destination's end)?"""
    return _POSTED_BODY.match(sent, at) is not None


def _past_own_unit(dest: str) -> str:
    """我省文山州 -> 文山州, 我市湄潭县 -> 湄潭县: the place in the paper's own unit is where it went."""
    return dest[2:] if len(dest) > 2 and re.match(_SELF_OUTER, dest) else dest


def _own_word(unit: str) -> str:
    """A bare level word (市党政代表团) as the paper's own unit, written 我市."""
    return "我" + unit if len(unit) == 1 else unit


def _clause_start(sent: str, at: int) -> int:
    """Where the clause holding `at` starts (原计划于4月开展的甲市代表团赴…: the plan word is
    that clause's)."""
    return max(sent.rfind(c, 0, at) for c in "，,；;：:") + 1


def not_gone(sent: str, start: int, end: int) -> bool:
    """Does a leader's movement sent[start:end] not, or not yet, happen: a word of not_gone
    in it or just before it (甲将于近期率团赴…, 甲计划于下月赴…), or of called_off after it in
    its clause (…赴某市考察的行程推迟)?"""
    return _NOT_GONE.search(sent, min(max(0, start - 6), _clause_start(sent, start)), end) is not None or called_off(sent, end)


def non_government_group(sent: str, dest_at: int) -> bool:
    """Is the group moving to `dest_at` one of companies or a university, named in the
    clause before it (由某企业董事长带队的某市企业考察团一行来…)?"""
    return _NON_GOVERNMENT.search(sent, _clause_start(sent, dest_at), dest_at) is not None


def called_off(sent: str, end: int) -> bool:
    """Is the movement ending at `end` put off or only prepared, in the rest of its clause?"""
    return _CALLED_OFF.match(sent, end) is not None


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
    before = sent[:lead_at]
    # 魏玉林一行: a place inside the leader's own name (玉林) is not the group's
    named_before = next((m.name for ms in art.mentions for m in ms if before.endswith(m.name)), "")
    places = chained_places(before[: len(before) - len(named_before)])
    return places or leader or _titled_elsewhere(before, art) or "我省"


def _titled_elsewhere(before: str, art: Article) -> str | None:
    """The unit of the first titled mention, anywhere in the article, of the person whose
    name ends `before`."""
    for mentions in art.mentions:
        for m in mentions:
            if before.endswith(m.name) and (unit := own_unit(m) or _zone_city(m, art)):
                return unit
    return None


def _zone_city(m: Mention, art: Article) -> str | None:
    """The city a zone official's zone lies in, where the article writes the zone under it
    (大亚湾开发区党工委书记 in an article naming 惠州大亚湾经济技术开发区: 惠州)."""
    root = zone_root(m)
    for z in re.finditer(re.escape(root), art.full) if root else ():
        before = art.full[max(0, z.start() - 8) : z.start()]
        hits = find_places(before)
        if hits and hits[-1].end == len(before):
            return hits[-1].text
    return None
