"""Which side the paper writes from: its outlet, 我省 / 来我市, 来遵, or whose titles go
unprefixed. The publishing side's unprefixed titles (市委书记甲) are its own people."""

from __future__ import annotations

import re

from visits.extract.officials import find_mentions
from visits.extract.sentences import sentences
from visits.extract.sides import Side, unit_names
from visits.extract.titles import read_titles
from visits.lexicon import alternation
from visits.reference import Province

# after 来 and a short form: the visitors' activity or a stop, so 来安排 is not 来安(顺)
_NEXT = rf"(?=(?:{alternation('activity_verbs')})|[，,。、；])"


def home_side(home: Province | None, visiting: Side, host: Side, full: str, people_text: str) -> str | None:
    """Which side the paper writes from: its source, 我省, 来X, or whose titles go unprefixed."""
    if home == visiting.province:
        return "visiting"
    if home == host.province:
        return "host"
    # 我省代表团 is the visitors' paper; 到我省 and 来甘/来川 are written from the host's side
    if re.search(r"我(?:省|市|区|州|县)(?:党政)?代表团", full):
        return "visiting"
    if re.search(r"(?:到|来|赴)我(?:省|市|区|州|县)", full):
        return "host"
    host_words = "|".join(host.province.abbreviations + (host.province.short_name,))
    if re.search(rf"来(?:{host_words})", full):
        return "host"
    # 来遵考察: a city's or county's short form after 来, then what the visitors did or a stop
    forms = {f for u in host.units if u.level != "province" for f in (u.short_name, u.name[0])}
    if forms and re.search(rf"来(?:{'|'.join(sorted(forms, key=len, reverse=True))}){_NEXT}", full):
        return "host"
    # the side whose name never prefixes a title is the paper's own (江苏省委书记甲 … 省委书记乙)
    prefixed = {"visiting": 0, "host": 0}
    for _, sent in sentences(people_text):
        for m in find_mentions(sent):
            r = read_titles(m.titles)
            if r.place_level != "province":
                # 西安市政协主席 in a provincial visit names a city, not the side's own prefix;
                # in a city-level visit the cities' own names are the prefixes that count
                for name, side in (("visiting", visiting), ("host", host)):
                    if side.units[0].level != "province" and r.place in unit_names(side):
                        prefixed[name] += 1
                continue
            if r.province == visiting.province:
                prefixed["visiting"] += 1
            elif r.province == host.province:
                prefixed["host"] += 1
    if prefixed["visiting"] and not prefixed["host"]:
        return "host"
    if prefixed["host"] and not prefixed["visiting"]:
        return "visiting"
    return None
