"""Visits told from the host's side: host leaders receive a group or a visiting official.

- 甲会见了乙市党政代表团 / 某州迎来乙市代表团: the group received, the host from the
  receiving official's title or the place before the verb;
- 甲会见了乙省省长丙一行: a visiting official's own party;
- 甲与乙率领的党政代表团座谈: the group a named official leads;
- 甲县委书记丁陪同乙市委书记丙考察: a host official accompanies a visiting one;
- 乙市代表团拜会了甲省委书记丁: the visitors call on a host official.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from visits.extract.direction import DELEG, ORGAN, Direction, called_off
from visits.extract.gazetteer import find_places, trailing_place
from visits.extract.officials import Mention, find_mentions
from visits.extract.regex_cache import compile_cached
from visits.extract.title_units import heads_other_body, own_unit
from visits.extract.unit_tokens import resolve_side
from visits.lexicon import alternation

if TYPE_CHECKING:  # the article module builds on the movement rules
    from visits.extract.article import Article


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "received": compile_cached(
            rf"(?:{alternation('reception_verbs')})(?:了)?(?:来访的|前来[^，,。；;]{{0,16}}?的)?"
            rf"(?:[由以][^，,。；;]{{1,24}}?(?:{alternation('leader_verbs')})的)?"
            rf"(?P<unit>[\u4e00-\u9fff]{{2,12}}?){ORGAN}?{DELEG}"
        ),
        # 甲会见了乙省省长丙一行: a visiting official's own party, no group word
        "received_party": compile_cached(
            rf"(?:{alternation('reception_verbs')})(?:了)?(?P<who>[^。；;]{{2,40}}?)一行"
        ),
        # 甲与乙市市长丙一行座谈: the host meets a visiting official's party
        "met_party": compile_cached(
            r"与(?P<who>[^。；;，,]{2,40}?)一行(?:举行|进行)?(?:座谈|会谈|会晤|交流)"
        ),
        # 乙市代表团(一行)拜会了甲: a group calls on a host official
        "calls": compile_cached(rf"(?:{alternation('call_verbs')})了?"),
        "caller": compile_cached(rf"(?P<unit>[\u4e00-\u9fff]{{2,12}}?){ORGAN}?{DELEG}(?:一行)?[^，,。；;]{{0,6}}$"),
        # 甲与乙率领的党政代表团座谈: the group a named official leads
        "led_group": compile_cached(rf"(?:{alternation('leader_verbs')})的(?:[^，,。；;]{{0,12}}?){DELEG}"),
    }


def receptions(art: Article) -> list[Direction]:
    """Host leaders receive a named group: 甲会见了乙市党政代表团 (the host from the receiving
    official's title, else the paper's own side)."""
    out = []
    pat = _patterns()["received"]
    for off, sent in art.sentences:
        if _DIRECTIVE.match(sent.lstrip()):
            continue  # 会议强调，迎接乙省党政代表团考察…: what a meeting asked, not what happened
        for r in pat.finditer(sent):
            unit = trailing_place(r.group("unit"))
            if unit is None or called_off(sent, r.end()):
                continue  # 迎接乙省党政代表团考察工作筹备会: a reception only prepared
            hosts = find_mentions(sent[: r.start()])
            host = own_unit(hosts[-1]) if hosts else _place_before(sent, r.start())
            out.append(Direction(unit, host or art.own_word, off + r.start(), sent, "reception"))
        if not out or out[-1].start < off:  # no group received in this sentence
            out.extend(_received_parties(off, sent))
    return out


_DIRECTIVE = re.compile(alternation("directive_openers"))
# 在某市会见…: where a reception took place, right before its verb
_AT_BEFORE = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,8})$")
# 热情接待, 亲切会见: how the host received, between the host and the verb
_MANNER_BEFORE = re.compile(r"(?:热情|亲切|隆重|专程)$")


def _held_before(sent: str, at: int) -> str | None:
    """The place written as 在某市 right before the verb at `at`, when it is a whole place."""
    m = _AT_BEFORE.search(sent, 0, at)
    if m is None:
        return None
    hits = find_places(m.group("place"))
    return m.group("place") if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(m.group("place")) else None


_LEADERS_BEFORE = re.compile(r"(?:委|政府)?(?:主要)?领导(?:同志)?$")
# 我县 / a bare 市 or 县 of 市领导 opening the clause: the paper's own side, at the level written
_OWN_BEFORE = re.compile(r"(?:我|(?<![\u4e00-\u9fff]))(?P<level>[省市州县区旗盟])$")


def _place_before(sent: str, at: int) -> str | None:
    """The host written right before the verb when no official is: a place (某州迎来甲市党政
    代表团, 乙市领导会见…) or the paper's own side (我县迎来…, 市领导会见…)."""
    manner = _MANNER_BEFORE.search(sent, 0, at)
    at = manner.start() if manner else at
    leaders = _LEADERS_BEFORE.search(sent, 0, at)
    end = leaders.start() if leaders else at
    own = _OWN_BEFORE.search(sent, 0, end)
    if own:
        return "我" + own.group("level")
    hits = [h for h in find_places(sent[max(0, end - 16) : end]) if h.end == min(end, 16)]
    return hits[-1].text if hits else None



def _received_parties(off: int, sent: str) -> list[Direction]:
    """甲会见了乙省省长丙一行, 甲与乙省省长丙一行座谈: the visitor from the last official before
    一行 holding a post of a named unit (not a company's or university's of that place), the
    host from the receiving official's title, else the place it happened (甲在某市会见…);
    only when the two lie in different provinces (a province's own leaders meeting is no visit
    between two sides)."""
    out = []
    pats = _patterns()
    for r in [*pats["received_party"].finditer(sent), *pats["met_party"].finditer(sent)]:
        receivers = find_mentions(sent[: r.start()])
        guests = [
            u
            for m in find_mentions(r.group("who"))
            if not heads_other_body(m) and (u := own_unit(m)) and not u.startswith("我")
        ]
        host = own_unit(receivers[-1]) if receivers else _held_before(sent, r.start())
        if not guests or host is None:
            continue
        g, h = resolve_side(guests[-1]), resolve_side(host) if not host.startswith("我") else []
        if g and (not h or h[0].province_name != g[0].province_name):
            out.append(Direction(guests[-1], host, off + r.start(), sent, "reception"))
    return out


def led_groups(art: Article) -> list[Direction]:
    """Host leaders meet the group a named official leads (浙江省委书记甲与某州州委书记乙率领的
    党政代表团座谈): the visitors' unit from the nearest leader's title naming a place, the
    host's from the first official of another province before them."""
    out = []
    for off, sent in art.sentences:
        for g in _patterns()["led_group"].finditer(sent):
            named = [
                (m, u)
                for m in find_mentions(sent[: g.start()])
                if (u := own_unit(m)) and not u.startswith("我")
            ]
            if not named:
                continue
            visiting = named[-1][1]
            v_units = resolve_side(visiting)
            hosts = [
                u
                for _, u in named
                if (h := resolve_side(u)) and v_units and h[0].province_name != v_units[0].province_name
            ]
            if v_units and hosts:
                out.append(Direction(visiting, hosts[0], off + g.start(), sent, "reception"))
    return out


# 甲等陪同乙 / 在甲的陪同下，乙 / 乙在甲的陪同下: who escorts whom, around 陪同
_ACCOMPANY = re.compile(r"(?:等(?:同志)?)?(?:的)?(?:一同|全程|一起)?陪同(?P<under>下[，,]?)?(?:了)?(?:来访的)?")
_TOUR_AFTER = re.compile(rf"[^。；;]{{0,30}}?(?:{alternation('inspect_verbs')}|参观|察看)")


def accompaniments(art: Article) -> list[Direction]:
    """A host official escorts a visiting one on a tour: 甲县委书记丁陪同乙市委书记丙考察, 在甲县
    领导丁的陪同下，乙市委书记丙一行调研, 乙市委书记丙一行在甲县委书记丁陪同下考察. The
    visitor's unit from the escorted official's title (it must name a place); the host's from
    the escorts' (我县 for an unprefixed title). Only with a tour verb after it."""
    out = []
    for (off, sent), mentions in zip(art.sentences, art.mentions, strict=True):
        if "陪同" not in sent:
            continue
        for a in _ACCOMPANY.finditer(sent):
            found = _escort(sent, mentions, a)
            if found is None:
                continue
            guest_m, escorts, tour_from = found
            # 甲县委书记丁、县长戊陪同: the escorts' named unit, else 我县 of an unprefixed title
            hosts = [u for m in escorts if (u := own_unit(m))]
            host = next((u for u in hosts if not u.startswith("我")), hosts[-1] if hosts else None)
            guest = own_unit(guest_m)
            if guest is None or host is None or guest.startswith("我") or heads_other_body(guest_m):
                continue
            if _TOUR_AFTER.match(sent, tour_from):
                out.append(Direction(guest, host, off + a.start(), sent, "reception"))
    return out


def _escort(
    sent: str, mentions: tuple[Mention, ...], a: re.Match[str]
) -> tuple[Mention, list[Mention], int] | None:
    """(the escorted official, the escorts in the clause, where the tour is told) around the
    陪同 match `a`, or None when officials do not stand right on both sides of it."""
    clause = sent.rfind("，", 0, a.start()) + 1
    before = [m for m in mentions if clause <= m.start and m.end <= a.start()]
    if not before or before[-1].end != a.start():
        return None
    if a.group("under"):  # 在…陪同下: the escorted stand before 在 or after 陪同下
        at = sent.rfind("在", clause, a.start())
        escorts = [m for m in before if m.start > at]
        if at < 0 or not escorts or sent[at + 1 : escorts[0].start]:
            return None
        guest = [m for m in before if m.end <= at]
        if guest and re.fullmatch(r"(?:等(?:同志)?)?(?:一行)?", sent[guest[-1].end : at]):
            return guest[-1], escorts, a.end()
        if sent[clause:at].strip():
            return None
        before = escorts
    after = [m for m in mentions if m.start >= a.end()]
    if not after or after[0].start != a.end():
        return None
    return after[0], before, after[0].end


# between a caller and the call: 乙市委书记丙一行还专程拜会了…
_CALLER_TAIL = re.compile(r"(?:等(?:同志)?)?(?:一行)?(?:还|也|专程|先后|分别|并)*")


def calls(art: Article) -> list[Direction]:
    """The visitors call on a host official: 乙市党政代表团拜会了甲省委书记丁, 乙市委书记丙一行
    拜访甲市委书记丁. The visitors from the group's place or the caller's title, the host from
    the title of the official called on (it must name a place)."""
    out = []
    pats = _patterns()
    for (off, sent), mentions in zip(art.sentences, art.mentions, strict=True):
        for c in pats["calls"].finditer(sent):
            called = [m for m in mentions if m.start >= c.end()]
            if not called or called[0].start != c.end() or heads_other_body(called[0]):
                continue
            host = own_unit(called[0])
            clause = sent.rfind("，", 0, c.start()) + 1
            group = pats["caller"].search(sent, clause, c.start())
            callers = [m for m in mentions if clause <= m.start and m.end <= c.start()]
            if group is not None:
                visitor = trailing_place(group.group("unit"))
            elif callers and _CALLER_TAIL.fullmatch(sent, callers[-1].end, c.start()):
                visitor = None if heads_other_body(callers[-1]) else own_unit(callers[-1])
            else:
                continue
            if visitor and host and not visitor.startswith("我") and not host.startswith("我"):
                out.append(Direction(visitor, host, off + c.start(), sent, "reception"))
    return out
