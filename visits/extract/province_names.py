"""How a text names provinces: how often each is named, and pair names (苏陕, 沪滇协作)."""

from __future__ import annotations

import re
from collections import Counter

from visits.extract.gazetteer import PlaceHit, abbreviation_alt, lookup_province
from visits.reference import Province


def province_counts(hits: list[PlaceHit]) -> Counter[str]:
    """How often each province is named in a text (its place `hits`), directly or through its
    places and abbreviations."""
    c: Counter[str] = Counter()
    for h in hits:
        names = {u.province_name for u in h.units}
        if len(names) == 1:
            c[names.pop()] += 1
    return c


def pair_provinces(text: str) -> list[tuple[Province, Province]]:
    """Pair names such as 苏陕, 沪滇, 粤桂 followed by a cooperation word."""
    abbr = abbreviation_alt()
    out = []
    for m in re.finditer(rf"({abbr})({abbr})(?=扶贫|协作|合作|对口|两省|两地|两市|东西部|帮扶)", text):
        a, b = lookup_province(m.group(1)), lookup_province(m.group(2))
        if a and b and a != b and (a, b) not in out:
            out.append((a, b))
    return out


def pair_words(visiting: Province, host: Province) -> tuple[str, ...]:
    """Words that name the pair in a meeting name: 苏陕, 陕苏, 江苏, 陕西 …"""
    words = [visiting.short_name, host.short_name]
    for a in visiting.abbreviations:
        for b in host.abbreviations:
            words += [a + b, b + a]
    return tuple(words)
