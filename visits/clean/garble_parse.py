"""Read one garble span: the candidate characters of each slot, from the damage's byte arithmetic.

`parse_span` follows the damage model in `garble`'s docstring: the lost lead byte, the junk
re-paired, and what an orphan at the end swallowed. It only lists candidates; `garble`
chooses among them with the article's own model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from visits.clean.chars import traditional_only_chars
from visits.clean.gbk_bytes import (
    FULLWIDTH_LEAD,
    PUNCT_SECOND,
    REPLACEMENT_CHARS,
    SWALLOWED,
    chars_with_lead,
    chars_with_trail,
    gbk_pair_bytes,
    pair,
    straddle_candidates,
)
from visits.clean.pinyin import readings, syllable_group
from visits.clean.span_score import ArticleModel

MAX_JUNK_CHARS = 40  # a mis-aligned decode resynchronises at the first ASCII byte; real spans are short
PLAUSIBLE = -2.0  # a rebuilt character whose class penalty is below this is not text


@lru_cache(maxsize=1)
def straddle_re() -> re.Pattern[str]:
    # `?xùn)` as in the samples, or `\ufffd(xùn)` as Python's decoder (errors='replace') leaves it.
    return re.compile(f"(?:\\?|\ufffd\\(?)({syllable_group()})\\)")


@lru_cache(maxsize=1)
def _trailing_annotation_re() -> re.Pattern[str]:
    return re.compile(f"(.)\\({syllable_group()}\\)$")


def prev_char(text: str, pos: int) -> str:
    """The character before a span, looking through an annotation (`當(dāng)?shù)` -> 當)."""
    m = _trailing_annotation_re().search(text, max(0, pos - 12), pos)
    if m:
        return m.group(1)
    return text[pos - 1] if pos > 0 else ""


@dataclass
class Span:
    end: int
    slots: list[list[str]]
    fixed_from: int  # slots before this index may vary; from here on one candidate each (or cut)
    cut: bool  # the exact part ran into something implausible: the rest became one placeholder


def _straddle_leads(prev: str, syllable: str, table: dict[str, set[str]]) -> list[int]:
    """Lost lead bytes for `prev?syllable)`: second bytes of the straddled table character."""
    prev_bytes = gbk_pair_bytes(prev) if prev else None
    if prev_bytes is None:
        return []
    trad = traditional_only_chars()
    cands = [
        (ch, lost, syllable in table.get(ch, ()))
        for ch, lost in straddle_candidates(prev_bytes[1], syllable)
        if syllable in table.get(ch, ()) or ch in trad  # the damage table holds traditional chars
    ]
    cands = [c for c in cands if c[2]] or cands  # characters annotated in this article come first
    return sorted({lost for _, lost, _ in cands})


def parse_span(text: str, p: int, table: dict[str, set[str]], model: ArticleModel, prev: str) -> Span | None:
    """Read the span whose first orphan is at `p`; None when `p` is a genuine question mark.

    Slots: [X] (punctuation straddle: the character whose trail A3 was eaten), Y (lost lead +
    first junk byte), the junk re-paired, [tail char + swallowed ASCII] when the run ended at an
    orphan. All byte arithmetic follows the damage model in the module docstring.
    """
    marker = text[p]
    slots: list[list[str]] = []
    m = straddle_re().match(text, p)
    if m and prev:
        leads = _straddle_leads(prev, m.group(1), table)
        q = m.end()
    else:
        if marker == "\ufffd" and p + 1 < len(text) and text[p + 1] in PUNCT_SECOND:
            leads, q = [PUNCT_SECOND[text[p + 1]]], p + 2  # Python's decoder kept the ASCII mark
        else:
            leads, q = sorted(PUNCT_SECOND.values()), p + 1
        if q >= len(text) or (ord(text[q]) < 0x40 and text[q] not in REPLACEMENT_CHARS):
            return None if marker == "?" else Span(q, [], 0, True)  # nothing re-paired after it
        slots.append(list(chars_with_trail(FULLWIDTH_LEAD)))
    if not leads:
        return Span(q, slots, len(slots), True)
    # The mis-paired run: non-ASCII chars, ended by an ASCII trail byte (realigned) or an orphan.
    junk: list[str] = []
    k, limit, tail = q, min(len(text), q + MAX_JUNK_CHARS), ""
    while k < limit:
        ch = text[k]
        if ch in REPLACEMENT_CHARS:
            tail, k = ch, k + 1
            break
        if ord(ch) >= 0x80:
            junk.append(ch)
            k += 1
            continue
        if 0x40 <= ord(ch) <= 0x7E:
            junk.append(ch)
            k += 1
        break
    else:
        if k >= limit and k < len(text):
            return Span(k, slots, len(slots), True)  # ran into the bound: no search
    try:
        data = "".join(junk).encode("gbk")
    except UnicodeEncodeError:
        return Span(k, slots, len(slots), True)
    if data:
        y = [c for lead in leads if (c := pair(lead, data[0]))]
        rest = data[1:]
    else:
        if not tail:
            return Span(k, slots, len(slots), True)
        y = [c for lead in leads for c in chars_with_lead(lead)]
        rest = b""
    y = [c for c in y if model.penalty(c) >= PLAUSIBLE]  # a rare first char means lost pairs
    if not y:
        return Span(k, slots, len(slots), True)
    slots.append(y)
    fixed_from = len(slots)
    i, cut = 0, False
    while i + 1 < len(rest):
        ch = pair(rest[i], rest[i + 1])
        if ch is None or ch in REPLACEMENT_CHARS or model.penalty(ch) < PLAUSIBLE:
            cut = True  # a pair lost in the user-defined area, or a wrong reading: stop here
            break
        slots.append([ch])
        i += 2
    if cut:
        return Span(k, slots, fixed_from, True)
    if i < len(rest):  # a lead whose trail became the tail orphan
        if not tail:
            return Span(k, slots, fixed_from, True)
        slots.append(list(chars_with_lead(rest[i])))
    if tail:
        am = straddle_re().match(text, k - 1) if tail == "?" else None
        if am and (i < len(rest) or not data):
            # Chained: the orphan swallowed the '(' of the next annotation (`…?xùn)`), so the
            # tail character is that annotated character and the reading narrows it down.
            last = [c for c in slots[-1] if am.group(1) in readings(c)]
            slots[-1] = last or slots[-1]
            return Span(am.end(), slots, fixed_from, not last)
        if tail == "\ufffd" and k < len(text) and ord(text[k]) < 0x80:
            slots.append([text[k]])  # Python's decoder keeps the swallowed ASCII byte
            k += 1
        elif tail == "?":
            slots.append(list(SWALLOWED))
    return Span(k, slots, fixed_from, False)
