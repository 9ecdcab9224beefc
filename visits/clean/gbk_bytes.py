"""GBK byte arithmetic for garble repair: which characters a byte pair, a lead or a trail can be.

The damage (see `garble`) cuts characters at the byte level, so rebuilding them means asking
GBK which characters have a given lead or trail byte. Every table is built once, on demand.
"""

from __future__ import annotations

from functools import lru_cache

from visits.clean.pinyin import readings

REPLACEMENT_CHARS = "?\ufffd"  # what decoders emit for bytes they could not pair

# Byte-level full-width -> ASCII punctuation (the other damage, notes/articles.md): all these marks
# are A3 xx in GBK, so a straddle eats the trail A3 of one character and the lead xx of the next.
FULLWIDTH_LEAD = 0xA3
PUNCT_SECOND = {",": 0xAC, ":": 0xBA, ";": 0xBB, "!": 0xA1, "?": 0xBF, "(": 0xA8, ")": 0xA9}
# What an orphaned byte can have swallowed: ASCII below 0x40 (0x40-0x7E would have paired).
SWALLOWED = tuple("\n ,.:;!?()-%/0123456789")
# '！' is A3 A1 in GBK; the replacement turned those two bytes into '!', straddling L A3 | A1 X.
BANG_TRAIL = b"\xa1"


@lru_cache(maxsize=4096)
def straddle_candidates(lead: int, syllable: str) -> tuple[tuple[str, int], ...]:
    """GBK characters whose lead byte is `lead`, read `syllable`, with a trail that can be a lead."""
    out = []
    for trail in range(0x81, 0xFF):
        try:
            ch = bytes([lead, trail]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if syllable in readings(ch):
            out.append((ch, trail))
    return tuple(out)


def gbk_pair_bytes(ch: str) -> bytes | None:
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


@lru_cache(maxsize=256)
def chars_with_trail(trail: int) -> tuple[str, ...]:
    out = []
    for lead in range(0x81, 0xFF):
        try:
            out.append(bytes([lead, trail]).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return tuple(out)


@lru_cache(maxsize=256)
def chars_with_lead(lead: int) -> tuple[str, ...]:
    """Characters `lead T` with T >= 0x80: T was an orphan, so it could not be ASCII."""
    out = []
    for trail in range(0x80, 0xFF):
        try:
            out.append(bytes([lead, trail]).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return tuple(out)


def pair(a: int, b: int) -> str | None:
    try:
        ch = bytes([a, b]).decode("gbk")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None
