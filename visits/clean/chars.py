"""Character classes shared by every cleaning step.

Classes are written as literal characters (not `\\p{Han}` or `\\uXXXX` escapes) so that the
same pattern string means the same thing to Python's `re` and to polars' Rust regex.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

PLACEHOLDER = "□"

# CJK unified ideographs (basic + extension A + compatibility) as a regex class body.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CLASS = f"[{CJK_RANGES}]"

# Chinese punctuation after which a spurious ASCII comma is dropped, and before which it is too.
CN_PUNCT = "、。，；：！？"


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _charwise(conv: opencc.OpenCC, chars: list[str]) -> list[str]:
    # One OpenCC call over newline-separated single chars is ~100x faster than one call per char.
    out = conv.convert("\n".join(chars)).split("\n")
    return out if len(out) == len(chars) else [conv.convert(c) for c in chars]


@lru_cache(maxsize=2)
def gb2312_chars(level1_only: bool = False) -> frozenset[str]:
    """The 6763 hanzi of GB2312 (levels 1 and 2): the everyday simplified repertoire.
    Level 1 alone (leads B0-D7) is the 3755 most frequent."""
    out = []
    for lead in range(0xB0, 0xD8 if level1_only else 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(out)


@lru_cache(maxsize=1)
def _t2s_map() -> dict[str, str]:
    """Single-character t2s over the basic CJK block (one OpenCC call, computed once)."""
    chars = [chr(o) for o in range(0x4E00, 0x9FB0)]
    return dict(zip(chars, _charwise(_t2s(), chars), strict=True))


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """GB2312 hanzi plus every character t2s maps onto one: what real news text is made of.

    Rebuilt garble spans are accepted only when every rebuilt hanzi is in here (or in the
    article's annotation table); random GBK pairs from a mis-aligned decode are mostly rare.
    """
    simp = gb2312_chars()
    return simp | frozenset(c for c, s in _t2s_map().items() if s in simp)


@lru_cache(maxsize=1)
def traditional_only_chars() -> frozenset[str]:
    """Hanzi that OpenCC t2s changes (plus the variants in VARIANT_CHARS it misses)."""
    from visits.clean.simplify import VARIANT_CHARS

    return frozenset(c for c, s in _t2s_map().items() if s != c) | frozenset(VARIANT_CHARS)


@lru_cache(maxsize=1)
def simplified_only_chars() -> frozenset[str]:
    """Hanzi that s2t changes: seeing them inside a traditional article means mis-decoded bytes."""
    simp = sorted(gb2312_chars())
    return frozenset(c for c, t in zip(simp, _charwise(_s2t(), simp), strict=True) if t != c)
