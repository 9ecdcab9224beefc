"""Visit evidence beyond a delegation's own movement: each rule proposes a Direction.

- leader_movement: a titled official moves (省长甲到我州考察; 市长甲一行来到乙县), the
  official's own title naming the visiting unit;
- arrivals: a named group arrives with no place named, or its movement is told before it.

Receptions are in receptions.py, meetings and signings in meeting_sides.py. The movements
of visits/extract/direction.py come first; these fill in what they miss.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from visits.extract.direction import (
    DELEG,
    GROUP_WORD,
    MOVE,
    ORGAN,
    PARTY,
    THEN_MOVE,
    Direction,
    destination,
    non_government_group,
    not_gone,
    posted_body_at,
)
from visits.extract.gazetteer import trailing_place
from visits.extract.officials import find_mentions
from visits.extract.regex_cache import compile_cached
from visits.extract.title_units import heads_other_body, own_unit, stationed
from visits.lexicon import alternation

if TYPE_CHECKING:  # the article module builds on the movement rules
    from visits.extract.article import Article


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    body = destination()
    activity = alternation("activity_verbs")
    return {
        # right after a titled name: (等)(一行) 到/来/赴 a place, or 在 a place doing something;
        # 甲一行走访了乙县: with a party, inspecting a place took the leader there
        "moved": compile_cached(
            rf"^(?:等(?:同志)?)?(?:(?:{PARTY}{THEN_MOVE})?(?:[^，,。；;]{{0,4}}?)(?:{MOVE}|在(?=(?:{body})(?:{activity})))"
            rf"|一行[^，,。；;]{{0,4}}?(?:{alternation('inspect_verbs')})了?)(?P<dest>{body})"
        ),
        # 由甲带队，…组成的考察团深入乙县: a group led by a named official, moving later on
        "led_by": compile_cached(rf"由(?P<who>[^，,。；;]{{2,40}}?)(?:{alternation('leader_verbs')})"),
        "group_moved": compile_cached(
            rf"{DELEG}(?:{PARTY})?{THEN_MOVE}[^，,。；;]{{0,6}}?(?:{MOVE}|在(?=(?:{body})(?:{activity})))(?P<dest>{body})"
        ),
        # 甲市代表团(一行)来访 with no place after it: the group came to the paper's side
        "arrived": compile_cached(
            rf"(?P<unit>[\u4e00-\u9fff]{{2,12}}?){ORGAN}?{DELEG}(?:一行)?(?:{alternation('arrival_words')})"
            rf"(?!(?:{body}))"
        ),
        # 来我市考察的甲市代表团 / 赴乙市学习的甲市代表团: the movement told before the group
        "came_as": compile_cached(
            rf"(?:{MOVE})(?P<dest>{body})[^，,。；;的]{{0,8}}?的(?P<unit>[\u4e00-\u9fff]{{2,12}}?){ORGAN}?{DELEG}"
        ),
        # what a sentence must hold for "arrived" / "came_as" to match in it
        "group_word": compile_cached(GROUP_WORD),
        "arrival_word": compile_cached(alternation("arrival_words")),
    }


def leader_movements(art: Article) -> list[Direction]:
    """A titled official's own movement: 广东省省长甲到我州考察, 市长甲率队在乙县考察."""
    out = []
    pat = _patterns()["moved"]
    for (off, sent), mentions in zip(art.sentences, art.mentions, strict=True):
        for m in mentions:
            found = pat.match(sent[m.end :])
            if found and not_gone(sent, m.end, m.end + found.end()):
                continue  # 甲将于近期赴乙市: not (yet) a visit
            # a company's or university's head (某省某集团董事长) travels for it, not for the place
            if found and posted_body_at(sent, m.end + found.end("dest")):
                continue  # 来到珠海市对口帮扶某州前方指挥部: the posted cadres, where they work
            unit = own_unit(m) if found and not heads_other_body(m) and not stationed(m) else None
            if unit:
                out.append(Direction(unit, found.group("dest"), off + m.start, sent, "leader_movement"))
        by = _patterns()["led_by"].search(sent)
        moved = _patterns()["group_moved"].search(sent, by.end()) if by else None
        if moved and not non_government_group(sent, moved.start("dest")):
            units = [
                u
                for m in find_mentions(by.group("who"))
                if (u := own_unit(m)) and not u.startswith("我") and not heads_other_body(m)
            ]
            if units:
                out.append(
                    Direction(units[-1], moved.group("dest"), off + by.start(), sent, "leader_movement")
                )
    return out


def arrivals(art: Article) -> list[Direction]:
    """A named group arrives with no place named (甲市代表团来访: the host is the paper's side),
    or its movement is told before it (来我市考察的甲市代表团)."""
    out = []
    pats = _patterns()
    for off, sent in art.sentences:
        if not pats["group_word"].search(sent):
            continue  # both patterns need a group word: most sentences have none
        for a in pats["came_as"].finditer(sent):
            if unit := trailing_place(a.group("unit")):
                kind = "host_view" if a.group("dest").startswith("我") else "movement"
                out.append(Direction(unit, a.group("dest"), off + a.start(), sent, kind))
        if not pats["arrival_word"].search(sent):
            continue
        for a in pats["arrived"].finditer(sent):
            if unit := trailing_place(a.group("unit")):
                out.append(Direction(unit, art.own_word, off + a.start(), sent, "host_view"))
    return out


