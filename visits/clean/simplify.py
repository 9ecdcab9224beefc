"""Script detection and conversion to simplified Chinese (OpenCC t2s + a small variant map)."""

from __future__ import annotations

import re
from functools import lru_cache

from visits.clean.chars import CJK_CLASS, _t2s, traditional_only_chars

# Characters OpenCC t2s leaves alone although mainland text writes them otherwise.
# 陜 is a variant of 陝 (-> 陕) that none of t2s / hk2s convert (measured, notes/articles.md).
VARIANT_CHARS: dict[str, str] = {"陜": "陕"}

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
def _variant_table() -> dict[int, str]:
    return {ord(k): v for k, v in VARIANT_CHARS.items()}


def traditional_count(text: str) -> int:
    trad = traditional_only_chars()
    return sum(1 for c in text if c in trad)


def detect_script(text: str, annotations: int, spans: int) -> str:
    """'garbled' when damage marks are present, else 'traditional' or 'simplified' by share."""
    if annotations or spans:
        return "garbled"
    hanzi = len(_CJK_RE.findall(text))
    if hanzi and traditional_count(text) >= max(3, TRADITIONAL_SHARE * hanzi):
        return "traditional"
    return "simplified"


def to_simplified(text: str, script: str) -> str:
    """t2s for traditional/garbled text; simplified text passes through OpenCC only if it holds
    stray traditional characters (t2s is then near-identity), which keeps the invariant
    t2s(clean_text) == clean_text for every article while skipping OpenCC for most."""
    if script != "simplified" or traditional_count(text):
        text = _t2s().convert(text)
    text = text.translate(_variant_table())
    if "著" in text:
        for old, new in VARIANT_PHRASES.items():
            text = text.replace(old, new)
    return text
