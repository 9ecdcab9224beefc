"""Find titled officials in a sentence by the title-and-list grammar.

    TITLE(、TITLE)* NAME ((、|和|及) (TITLE(、TITLE)*)? NAME)*

A title chain is followed by a name; after the name a 、/和/及 either starts another titled
person or adds another name under the same title (省委常委甲、乙、丙). A name is 2–4
characters (a compound surname counts as one), or a minority name with ·, and must end
at punctuation or at a word that cannot continue a name (出席, 主持, 率 …): `name_ends`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from visits.extract.gazetteer import find_places, lies_within
from visits.extract.name_ends import PUNCT, has_title_word, name_at
from visits.extract.titles import MENTION_ONLY, PRIVATE_FIRM, TITLE_ITEM, VILLAGE
from visits.lexicon import alternation

_CONNECTOR = re.compile(r"、|和|及|与|以及")
# 副市长（挂职）甲, 副县长（甲市挂职）乙, 州委副书记（援青干部）丙: the bracket stays in the title
# item, the name follows it
_ANNOTATION = re.compile(rf"[（(][\u4e00-\u9fff]{{0,6}}?(?:{alternation('title_annotations')})(?:干部)?[）)]")


@dataclass
class Mention:
    name: str
    titles: list[str]  # raw title items as written
    start: int  # where the title (or the bare name in a list) starts
    name_start: int
    end: int  # end of the name
    group: int  # mentions sharing one title share a group id


def _title_chain_at(s: str, i: int) -> tuple[list[str], int] | None:
    """Title items of a chain starting at i, and where the name starts."""
    items = []
    pos = i
    while True:
        m = TITLE_ITEM.match(s, pos)
        if not m:
            return None
        end = m.end()
        if _title_ends_in_place(s, pos, end):  # 福州市长乐区委书记: the title runs on past 长
            m = TITLE_ITEM.match(s, end - 1)
            if not m:
                return None
            end = m.end()
        note = _ANNOTATION.match(s, end)
        end = note.end() if note else end
        items.append(s[pos:end])
        pos = end
        # 市委副书记、市长，市政府党组书记甲: a comma may part the posts of one person too
        if pos < len(s) and s[pos] in "、，" and TITLE_ITEM.match(s, pos + 1) and _chain_continues(s, pos + 1):
            pos += 1
            continue
        return items, pos


def _chain_continues(s: str, i: int) -> bool:
    """After 、 is there another title (not a name that happens to start like one)?"""
    m = TITLE_ITEM.match(s, i)
    if m and name_at(s, m.end()) is not None:
        return True
    end = name_at(s, i)
    return end is None or has_title_word(s[i:end])


# what stands before a title in the first item, and a 以 right before it (以某市市长甲为团长)
_TRIM = re.compile(
    r"^(?:.*(?:由|受|陪同|会见|看望|邀请|率领|带领|了|的|是|经(?![理开济委信贸营合])|请|向|被|随同|在|与|挂职任|担任|以及|还有|包括|委托))?"
    r"(?:以(?=[\u4e00-\u9fff]))?"
)
# A person who hands the visit to someone else (甲委托乙, 甲因公务在外，委托乙) is no participant.
_HANDS_OVER = re.compile(r"(?:因[^，,。；;]{0,10}[，,]?)?委托")


def find_mentions(s: str) -> list[Mention]:
    """Every titled person in sentence s, in order, with list members sharing a title."""
    return list(_find_mentions(s))


# Several stages read the people of the same sentence: each sentence is parsed once.
@lru_cache(maxsize=1 << 14)
def _find_mentions(s: str) -> tuple[Mention, ...]:
    if not has_title_word(s):
        return ()  # every mention starts with a title: most sentences hold none
    out: list[Mention] = []
    i = 0
    group = 0
    while i < len(s):
        if i > 0 and s[i - 1] not in PUNCT and not _after_connector_or_verb(s, i):
            i += 1
            continue
        chain = _title_chain_at(s, i)
        if chain is None:
            i += 1
            continue
        items, name_start = chain
        if s.startswith("的", name_start) and name_at(s, name_start + 1) is not None:
            name_start += 1  # 挂职任某县副县长的甲: the title is a clause describing the person
        name_end = name_at(s, name_start)
        if name_end is None:
            i += 1
            continue
        firm = PRIVATE_FIRM.search(items[0])  # before trimming: 一家…企业总经理 keeps its 一家
        trimmed = _TRIM.sub("", items[0])
        if not trimmed:
            i += 1
            continue
        items[0] = trimmed
        if items[-1].endswith("领导") and not re.search(r"[省市区州县盟旗]领导$", items[-1]):
            i += 1
            continue  # 政府的领导和管理: bare 领导 is not a group title
        start = name_start - sum(len(x) for x in items) - (len(items) - 1)
        group += 1
        # the first item names the organisation, so only it says whether the firm is private
        keep = not firm and not any(MENTION_ONLY.search(t) or VILLAGE.search(t) for t in items)
        if keep and not _HANDS_OVER.match(s, name_end):
            out.append(Mention(s[name_start:name_end], items, start, name_start, name_end, group))
        i = name_end
        # the list after the name: more names under the same title, or new titled people
        while True:
            m = _CONNECTOR.match(s, i)
            if not m or m.group() == "与":
                break  # 甲市副市长乙与丙分别代表两地签约: 与 joins two parties, not two holders of one title
            j = m.end()
            end = name_at(s, j)
            if end is None or has_title_word(s[j:end]):
                break  # not a bare name: a new titled person (the outer loop takes it) or the end
            if keep and not _HANDS_OVER.match(s, end):
                out.append(Mention(s[j:end], items, j, j, end, group))
            i = end
        # the outer loop resumes at i (a connector or punctuation)
        if i < len(s) and _CONNECTOR.match(s, i):
            i = _CONNECTOR.match(s, i).end()
    return tuple(out)


def _title_ends_in_place(s: str, start: int, name_start: int) -> bool:
    """福州市长乐区 / 黔南州长顺县: the title's last character starts a place inside the
    title's own place, so what looked like 市长 + name is a place name."""
    if s[name_start - 1 : name_start] != "长":
        return False
    hits = find_places(s[start : name_start + 6])
    inner = next((h for h in hits if h.start == name_start - 1 - start), None)
    outer = next((h for h in hits if h.end == name_start - 1 - start), None)
    return bool(
        inner and outer and any(lies_within(u, o) for u in inner.units for o in outer.units)
    )


# the connectors and verbs after which a title may start without punctuation before it
_BEFORE_TITLE_1 = frozenset("由受和及与同率在向请了的是对为")
_BEFORE_TITLE_2 = frozenset({"陪同", "会见", "看望", "邀请", "委托"})


def _after_connector_or_verb(s: str, i: int) -> bool:
    """May a title start at i although the previous character is not punctuation?"""
    return s[i - 1 : i] in _BEFORE_TITLE_1 or s[max(0, i - 2) : i] in _BEFORE_TITLE_2
