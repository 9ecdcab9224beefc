"""meeting_place / signing evidence: a meeting or signing both sides attended, held at one
side's place (甲·乙协作联席会议在乙市召开); which side travelled is read from the article."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from visits.extract.direction import DELEG, GROUP_WORD, ORGAN, Direction, not_gone
from visits.extract.gazetteer import county_short_forms, find_places, lies_within
from visits.extract.officials import find_mentions
from visits.extract.regex_cache import compile_cached
from visits.extract.sides import resolve_token
from visits.extract.title_units import chained_places, own_unit
from visits.extract.unit_tokens import resolve_side
from visits.lexicon import alternation
from visits.reference import Division

if TYPE_CHECKING:  # the article module builds on the movement rules
    from visits.extract.article import Article

_VILLAGE = set("村镇乡屯")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        # a group with its place (甲市党政代表团, 乙县考察团一行): the side told travelling
        "group_word": compile_cached(GROUP_WORD),
        "group": compile_cached(rf"(?P<unit>[\u4e00-\u9fff]{{2,10}}?)(?:{ORGAN})?(?:{DELEG}|一行)"),
        "meeting": compile_cached(rf"{alternation('meeting_words')}"),
        "signing": compile_cached(rf"{alternation('signing_words')}"),
        "held_at": compile_cached(rf"在(?P<place>[^，,。；;]{{2,12}}?)(?:{alternation('held_verbs')})"),
        "remote": compile_cached(alternation("remote_words")),
        "called_off": compile_cached(alternation("called_off")),
        "directive": compile_cached(alternation("directive_openers")),
        # a body of cadres posted in the host place: 某市对口帮扶某州工作组, 援疆前方指挥部
        "stationed": compile_cached(
            rf"(?:对口帮扶|对口支援|援[疆藏青])[\u4e00-\u9fff]{{0,10}}?(?:{alternation('posted_bodies')})"
            r"(?:在[\u4e00-\u9fff]{1,8})?(?:召开|举行)"
        ),
    }


def _own_side(clause: str, art: Article) -> tuple[str, Division] | None:
    """我市 in a meeting's clause (我市与甲区…座谈会): the paper's own unit, when the outlet
    places the paper (otherwise 我市 could be either side)."""
    m = _SELF_IN_CLAUSE.search(clause)
    if m is None or art.home is None:
        return None
    side = resolve_token(m.group(), art.context, None)
    return (m.group(), side.units[0]) if side is not None else None


# 我市与甲区东西部协作座谈会: the paper's own side named as a side of the meeting
_SELF_IN_CLAUSE = re.compile(r"我(?:省|市|区|州|县|旗)(?=[与和同、])")


def _sides_named(
    clause: str, sent: str, prefer: tuple[str, ...], own: tuple[str, Division] | None = None
) -> list[tuple[str, Division]]:
    """The units a meeting's clause names, one per province, in order; the officials' title
    prefixes in the sentence when the clause names fewer than two. `own` is the paper's own
    side when the clause says 我市."""
    found: dict[str, tuple[str, Division]] = {own[1].province_name: own} if own else {}
    # a place run under its parent is one token (北京市东城区), two places side by side of
    # which neither holds the other are two (湖州广元两地); a village named after a city
    # (某某村) is no side
    tokens: list[tuple[str, int, tuple[Division, ...]]] = []
    for h in find_places(clause):
        if clause[h.end : h.end + 1] in _VILLAGE or (tokens and h.start < tokens[-1][1]):
            continue
        text, end = h.text, h.end
        county = _county_after(clause, h.end, h.units[0])  # 淄博高青: the county under the place
        if county is not None:
            text, end = text + county.name, h.end + len(county.short_name)
        if tokens and tokens[-1][1] == h.start and _under(h.units, tokens[-1][2]):
            tokens[-1] = (tokens[-1][0] + text, end, h.units)
        else:
            tokens.append((text, end, h.units))
    names = [t for t, _, _ in tokens]
    if len({u.province_name for t in names for u in resolve_side(t, prefer)}) < 2:
        names += [t for m in find_mentions(sent) if (t := own_unit(m)) and not t.startswith("我")]
    for t in names:
        units = resolve_side(t, prefer, inner=True)
        if units and units[0].province_name not in found:
            found[units[0].province_name] = (t, units[0])
    return list(found.values())


def _under(inner: tuple[Division, ...], outer: tuple[Division, ...]) -> bool:
    """Can one reading of `inner` lie within one reading of `outer`?"""
    return any(lies_within(i, o) for i in inner for o in outer)


def _county_after(text: str, at: int, outer: Division) -> Division | None:
    """A county written by its short name right under its place (淄博高青, 重庆酉阳)."""
    for n in (3, 2):
        for c in county_short_forms().get(text[at : at + n], ()):
            if lies_within(c, outer):
                return c
    return None


def _group_units(art: Article) -> tuple[str, ...]:
    """What precedes each group word (甲市代表团, 甲区党政代表团, 甲一行), once per article. A
    match is all CJK, so it lies within one run of CJK characters: only runs holding a group
    word are searched."""
    if "group_units" not in art.derived:
        pats = _patterns()
        art.derived["group_units"] = tuple(
            g.group("unit")
            for _, s in art.sentences
            for run in _CJK_RUN.findall(s)
            if pats["group_word"].search(run)
            for g in pats["group"].finditer(run)
        )
    return art.derived["group_units"]


def _traveller(
    art: Article, a: tuple[str, Division], b: tuple[str, Division], home: str | None, guess: bool = True
) -> int | None:
    """Which of two sides travelled to the meeting: 0 for a, 1 for b, None when unknown.
    Who led or came as the group decides; the paper's side and unprefixed titles are guesses,
    made only when `guess` (not when the text says where the meeting was held)."""
    sides = (a, b)
    names = [{t, u.name, u.short_name} for t, u in sides]
    votes: Counter[int] = Counter()
    lead = re.compile(alternation("leader_verbs"))
    chair = re.compile(alternation("chair_verbs"))
    for (_, sent), mentions in zip(art.sentences, art.mentions, strict=True):
        # 甲县县长乙率队…: the side whose official leads travelled; 乙主持会议: the chair's hosted
        for m in mentions:
            led, chaired = lead.match(sent, m.end), chair.match(sent, m.end)
            token = own_unit(m) if led or chaired else None
            units = resolve_side(token) if token and not token.startswith("我") else []
            for i, (_, u) in enumerate(sides):
                if units and units[0].province_name == u.province_name:
                    votes[i if led else 1 - i] += 1
    for unit in _group_units(art):
        for i, ns in enumerate(names):
            if any(unit.endswith(n) for n in ns if len(n) >= 2):
                votes[i] += 1
    if len(votes) == 1:
        return next(iter(votes))
    if not guess:
        return None
    if home is not None:  # the paper's own side hosted it
        for i, (_, u) in enumerate(sides):
            if u.province_name == home:
                return 1 - i
    # the side whose titles go unprefixed (市委书记甲 beside 乙县委书记丙) is the paper's own,
    # and so the host
    prefixed: Counter[int] = Counter()
    for mentions in art.mentions:
        for m in mentions:
            token = own_unit(m)
            units = resolve_side(token) if token and not token.startswith("我") else []
            for i, (_, u) in enumerate(sides):
                if units and units[0].province_name == u.province_name:
                    prefixed[i] += 1
    if len(prefixed) == 1:
        return next(iter(prefixed))
    return None


def _held_side(
    place: str, sides: list[tuple[str, Division]], prefer: tuple[str, ...], home: str | None
) -> int | None:
    """Which side the meeting's place (在乙市召开, 在我市, 在罗甸举行) lies in, else None."""
    held = {x.province_name for x in resolve_side(chained_places(place) or "", prefer)}
    host = None
    for i, (_, u) in enumerate(sides):
        if (place.startswith("我") and home == u.province_name) or held == {u.province_name}:
            host = i
    if host is not None or held:
        return host
    # a county by its short name, the side itself or a county under it (在罗甸举行, 在都匀召开)
    under = [
        i
        for i, (_, u) in enumerate(sides)
        if place == u.short_name or any(lies_within(c, u) for c in county_short_forms().get(place, ()))
    ]
    return under[0] if len(under) == 1 else None


def meetings(art: Article) -> list[Direction]:
    """A meeting or signing both sides attended: the side it was held at (在乙市召开, 在我市召开)
    hosts it; when the text does not say where, the side told as travelling (甲市代表团, 甲率队)
    came, else the paper's own side hosted."""
    pats = _patterns()
    prefer, home = art.prefer, art.home.name if art.home else None
    out = []
    for off, sent in art.sentences:
        kind = (
            "meeting_place"
            if pats["meeting"].search(sent)
            else "signing"
            if pats["signing"].search(sent)
            else None
        )
        if kind is None or pats["remote"].search(sent) or pats["directive"].match(sent.lstrip()):
            continue  # …视频会议 / 会议通报，…: no meeting of two sides held here
        if pats["stationed"].search(sent):
            continue  # 某市对口帮扶某地工作组召开推进会: the posted cadres' own meeting
        word = (pats["meeting"].search(sent) or pats["signing"].search(sent)).start()
        if not_gone(sent, 0, word):  # its called_off part reads the rest of the clause too
            continue  # 代表团拟于下旬来我市…并召开联席会议: planned, or only being prepared
        clause = re.split(r"[，,；;：:）)]", sent[:word])[-1]
        if re.match(r"(?:\d{4}年)?全(?:省|市|县|区|州|旗)", clause):
            continue  # 全省对口支援某地工作会议: one side's own meeting about the other
        if pats["called_off"].search(clause):
            continue  # 积极筹备第五次联席会议: a meeting being prepared, not held
        if re.search(r"干部(?:人才)?(?:代表)?$", clause):
            continue  # 与在百色挂职的广东干部座谈: meeting posted cadres, no delegation
        # who attended may be told in the next sentence (…联席会议召开。甲区政协主席乙…出席)
        following = art.sentence_after(off, sent)
        sides = _sides_named(clause, sent + following, prefer, _own_side(clause, art))
        if len(sides) != 2:
            continue
        at = pats["held_at"].search(sent)
        host = _held_side(at.group("place"), sides, prefer, home) if at else None
        traveller = _traveller(art, sides[0], sides[1], home, guess=host is None)
        if traveller is None and host is None:
            continue
        visitor = 1 - host if host is not None else traveller
        v, h = sides[visitor], sides[1 - visitor]
        out.append(Direction(v[0], h[0], off, sent, kind, guessed=host is None))
    return out
