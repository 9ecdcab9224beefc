"""Script detection and conversion to simplified Chinese (OpenCC t2s + a small variant map)."""

from __future__ import annotations

import re
from functools import lru_cache

from visits.clean.chars import CJK_CLASS, _t2s, traditional_only_chars

# Characters OpenCC t2s leaves alone although mainland text writes them otherwise.
# 陜 is a variant of 陝 (-> 陕) that none of t2s / hk2s convert (measured, notes/articles.md).
# The others are variant and compatibility forms that Hong Kong and overseas pages carry
# (衞 for 衛, 靑 for 青), which t2s also leaves (measured on OpenCC's t2s, 2026-12-04).
VARIANT_CHARS: dict[str, str] = {
    "陜": "陕", "衞": "卫", "囘": "回", "僊": "仙", "峩": "峨", "緜": "绵", "寳": "宝", "荳": "豆",
    "罸": "罚", "姪": "侄", "槪": "概", "淸": "清", "緖": "绪", "靑": "青", "鄕": "乡", "郞": "郎",
    "廐": "厩", "塡": "填",
}

# 著 is a valid simplified character (显著, 著名, 著作), so t2s keeps it; only where it is the
# zhuó/zhe reading written 着 in the mainland is it replaced. Keys are post-t2s text.
VARIANT_PHRASES: dict[str, str] = {
    "著力": "着力",
    "著眼": "着眼",
    "著手": "着手",
    "著重": "着重",
    "著想": "着想",
    "著落": "着落",
    "有著": "有着",
    "随著": "随着",
    "本著": "本着",
    "沿著": "沿着",
    "朝著": "朝着",
    "向著": "向着",
    "意味著": "意味着",
    "围绕著": "围绕着",
}

# Share of hanzi that must be traditional-only before an unannotated article counts as traditional.
TRADITIONAL_SHARE = 0.04

_CJK_RE = re.compile(CJK_CLASS)


@lru_cache(maxsize=1)
def traditional_class() -> str:
    """A regex class of the traditional-only hanzi, the same to Python `re` and polars."""
    return "[" + "".join(sorted(traditional_only_chars())) + "]"


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    return re.compile(traditional_class())


def traditional_count(text: str) -> int:
    return len(_traditional_re().findall(text))


def is_traditional(hanzi: int, traditional: int) -> bool:
    """Enough traditional-only hanzi (a share of all hanzi, at least 3) to call the text traditional."""
    return traditional >= max(3, TRADITIONAL_SHARE * hanzi)


def detect_script(text: str, annotations: int, spans: int) -> str:
    """'garbled' when damage marks are present, else 'traditional' or 'simplified' by share."""
    if annotations or spans:
        return "garbled"
    hanzi = len(_CJK_RE.findall(text))
    return "traditional" if hanzi and is_traditional(hanzi, traditional_count(text)) else "simplified"


def to_simplified(text: str, script: str, traditional: int | None = None) -> str:
    """t2s for traditional/garbled text; simplified text passes through OpenCC only if it holds
    stray traditional characters (t2s is then near-identity), which keeps the invariant
    t2s(clean_text) == clean_text for every article while skipping OpenCC for most.
    `traditional`: traditional_count(text) when the caller has it (clean_frame counts in polars)."""
    if script != "simplified" or (traditional_count(text) if traditional is None else traditional):
        text = _t2s().convert(text)
    for old, new in VARIANT_CHARS.items():  # one char each, no value holds a key: same as translate
        if old in text:
            text = text.replace(old, new)
    if "著" in text:
        for old, new in VARIANT_PHRASES.items():
            text = text.replace(old, new)
    return text
