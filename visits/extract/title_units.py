"""The unit an official's title names, as a direction token: whose side a leader is on.

云南省普洱市市委书记        -> 云南省普洱市 (resolved to the innermost unit later)
浙江省委常委、宁波市委书记  -> 宁波市 (the most specific of the titles)
市委副书记、市长            -> 我市 (unprefixed: the paper's own kind of unit)
"""

from __future__ import annotations

import re

from visits.extract.gazetteer import county_short_forms, find_places, prefecture_short_forms
from visits.extract.officials import Mention, find_mentions
from visits.lexicon import alternation, words

_SELF_CHAR = {"省": "我省", "市": "我市", "区": "我区", "州": "我州", "县": "我县", "旗": "我旗"}
_DEPTH = {"province": 0, "prefecture": 1, "county": 2}


def chained_places(text: str) -> str | None:
    """The first place named in `text` with the places written right under it
    (山东省聊城市东昌府区), as one token; None when it names none."""
    hits = find_places(text)
    if not hits:
        return None
    token, end = hits[0].text, hits[0].end
    for h in hits[1:]:
        if h.start != end:
            break
        token, end = token + h.text, h.end
    return token


def own_unit(m: Mention) -> str | None:
    """The most specific unit the official's titles name, else 我市-style for an unprefixed
    title, else None."""
    best: tuple[int, str] | None = None
    for item in (t.removeprefix("中共") for t in m.titles):  # 中共常州市委书记: the unit is 常州市
        hits = find_places(item)
        if hits and hits[0].start == 0:
            token = chained_places(item)
            hits_in = find_places(token)
            depth = max(_DEPTH.get(u.level, 0) for h in hits_in for u in h.units[:1])
            if best is None or depth > best[0]:
                best = (depth, token)
    if best is not None:
        return best[1]
    if zone_root(m) is not None:
        return None  # 大亚湾开发区党工委书记: the 区 is the zone's, not the paper's own 区
    for item in m.titles:
        for ch in item:
            if ch in _SELF_CHAR:
                return _SELF_CHAR[ch]
    return None


# a title in a development zone: 大亚湾开发区党工委委员 -> 大亚湾
_ZONE_TITLE = re.compile(rf"^(?P<root>[\u4e00-\u9fff]{{2,6}}?)(?:{alternation('zone_suffixes')})")


def zone_root(m: Mention) -> str | None:
    """The zone's own name when the official's first title is in a development zone."""
    z = _ZONE_TITLE.match(m.titles[0].removeprefix("中共")) if m.titles else None
    return z.group("root") if z else None


def heads_other_body(m: Mention) -> bool:
    """A title in a company, university, hospital or association (某省某集团董事长, 某大学党委
    书记), not in the place's party or government."""
    return any(w in t for t in m.titles for w in words("non_government_bodies"))


def stationed(m: Mention) -> bool:
    """A cadre posted in the host place (某市援疆某地指挥部总指挥): touring there is their work."""
    return any(w in t for t in m.titles for w in words("stationed_posts"))


def _leader_before(sent: str, at: int) -> Mention | None:
    before = [m for m in find_mentions(sent[:at]) if m.end >= at - 2]
    return before[-1] if before else None


def leader_unit(sent: str, at: int) -> str | None:
    """The unit of the official named right before position `at` (…县委书记乙率队): the
    leader whose verb stands there."""
    leader = _leader_before(sent, at)
    return own_unit(leader) if leader else None


def led_by_non_government(sent: str, at: int) -> bool:
    """The leader right before `at` heads a company, university or association of a place
    (某省某集团董事长率队): the group travels for it, not as the place's delegation; or is
    stationed in the host place (援疆指挥部总指挥甲率队到某县), where touring is their work."""
    leader = _leader_before(sent, at)
    return leader is not None and (heads_other_body(leader) or stationed(leader))


def group_unit(text: str) -> str | None:
    """A group's own unit written by a short name (普洱党政代表团, 青川考察团): the place,
    or the one county going by that name."""
    token = chained_places(text)
    if token and text.startswith(token):
        return token
    counties = county_short_forms().get(text, ()) or prefecture_short_forms().get(text, ())
    return counties[0].name if len(counties) == 1 else None
