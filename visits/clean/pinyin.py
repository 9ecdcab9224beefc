"""Pinyin annotations glued to characters by the damage: `協(xié)` -> `協`.

An annotation is a parenthesised *pinyin syllable* directly after a hanzi. Real parentheses
(`(记者 X)`, `(区)`, `(2019)`, `(常州)`) never match: their content is not a single syllable.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin.constants import PINYIN_DICT

from visits.clean.chars import CJK_RANGES, PLACEHOLDER

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿếề\u0300\u0301\u0304\u030c"


@lru_cache(maxsize=1)
def syllables() -> tuple[str, ...]:
    """Every reading pypinyin knows, longest first (so the regex alternation prefers `zhuang`).

    Toneless readings are kept only from two letters up (`de`, `ma`, `le`): a bare `(a)`
    or `(n)` after a hanzi is far more likely a list label than an annotation.
    """
    out: set[str] = set()
    for readings in PINYIN_DICT.values():
        for r in readings.split(","):
            toned = any(ch in TONE_MARKS for ch in r)
            if toned or (len(r) >= 2 and r not in {"hm", "hng", "ng"}):
                out.add(r)
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def syllable_group() -> str:
    return "(?:" + "|".join(re.escape(s) for s in syllables()) + ")"


@lru_cache(maxsize=1)
def annotation_pattern() -> str:
    """`X(pinyin)` with X a hanzi (or a placeholder that replaced one); group 1 keeps X.

    The pattern is plain enough for both Python `re` and polars (Rust regex).
    """
    return f"([{CJK_RANGES}{PLACEHOLDER}])\\({syllable_group()}\\)"


@lru_cache(maxsize=1)
def annotation_re() -> re.Pattern[str]:
    return re.compile(annotation_pattern())


@lru_cache(maxsize=1)
def annotation_tail_re() -> re.Pattern[str]:
    """The `(pinyin)` of an annotation alone: sub("", text) == annotation_re().sub(r"\1", text).

    A match ends with `)`, never a hanzi, so no annotation's character is another's end: the
    look-behind finds the same spans, and an empty replacement skips Python's template code.
    """
    return re.compile(f"(?<=[{CJK_RANGES}{PLACEHOLDER}])\\({syllable_group()}\\)")


@lru_cache(maxsize=1)
def table_re() -> re.Pattern[str]:
    return re.compile(f"([{CJK_RANGES}])\\(({syllable_group()})\\)")


def annotation_table(text: str) -> dict[str, set[str]]:
    """Characters annotated in this article with their readings: the site's damage table."""
    table: dict[str, set[str]] = {}
    for ch, syl in table_re().findall(text):
        table.setdefault(ch, set()).add(syl)
    return table


def strip_annotations(text: str) -> tuple[str, int]:
    """Python twin of the polars expression in `frame.py` (same pattern)."""
    return annotation_tail_re().subn("", text)


@lru_cache(maxsize=65536)
def readings(ch: str) -> frozenset[str]:
    value = PINYIN_DICT.get(ord(ch))
    return frozenset(value.split(",")) if value else frozenset()
