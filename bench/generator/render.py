"""Render a simplified article as traditional or garbled text.

Garbled = what the notes on the sample articles describe: traditional text encoded as GBK, a
byte-level replacement X -> X(pinyin) for a per-site table of traditional characters (applied on
bytes, one table entry after the other, so it also fires where the trail byte of one character and
the lead byte of the next spell a table character), then decoded as GBK where an orphaned lead
byte swallows the next ASCII byte and becomes '?', and an unassigned pair (user-defined area)
is lost.  Optionally full-width punctuation is turned into ASCII on the bytes first (which can
straddle too), and spurious ASCII commas are put in front of Chinese punctuation.
"""

from __future__ import annotations

import codecs
import random
import re
from functools import lru_cache

import opencc
from pypinyin import Style, pinyin

_S2T = opencc.OpenCC("s2t")

FULLWIDTH_TO_ASCII = [
    ("，", ","),
    ("：", ":"),
    ("；", ";"),
    ("！", "!"),
    ("？", "?"),
    ("（", "("),
    ("）", ")"),
]


def _junk_handler(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    data, i = exc.object, exc.start
    if i + 1 >= len(data):
        return "?", i + 1
    b1 = data[i + 1]
    if 0x40 <= b1 <= 0xFE and b1 != 0x7F:
        return "", i + 2  # a well-formed but unassigned pair (user-defined area): lost
    return "?", i + 2  # orphaned lead byte swallows the following ASCII byte


codecs.register_error("bench_gbk_junk", _junk_handler)


def to_traditional(text: str) -> str:
    """s2t, repeated until stable (a second pass sometimes still changes a character, e.g. 制 -> 製)."""
    for _ in range(4):
        t = _S2T.convert(text)
        if t == text:
            break
        text = t
    return text


def ascii_punct(text: str) -> str:
    for fw, a in FULLWIDTH_TO_ASCII:
        text = text.replace(fw, a)
    return text


@lru_cache(maxsize=4096)
def reading(ch: str) -> str | None:
    """Tone-marked pinyin of a character, if it has one that GBK can encode."""
    py = pinyin(ch, style=Style.TONE, errors="ignore")
    if not py or not py[0] or not py[0][0]:
        return None
    r = py[0][0]
    try:
        r.encode("gbk")
    except UnicodeEncodeError:
        return None
    return r if r.isalpha() else None


def build_pool(texts: list[str]) -> list[str]:
    """Traditional characters that differ from their simplified source (candidates for tables)."""
    pool: dict[str, int] = {}
    for s in texts:
        t = to_traditional(s)
        if len(t) != len(s):
            continue
        for a, b in zip(s, t, strict=True):
            if a != b and reading(b) is not None:
                try:
                    b.encode("gbk")
                except UnicodeEncodeError:
                    continue
                pool[b] = pool.get(b, 0) + 1
    return sorted(pool, key=lambda c: (-pool[c], c))


def make_table(pool: list[str], rng: random.Random, size: int) -> list[tuple[str, str]]:
    """A site's table: mostly frequent characters, in an arbitrary (site-specific) order."""
    head = pool[: max(size * 2, 40)]
    chosen = rng.sample(head, k=min(size, len(head)))
    table = [(c, reading(c) or "") for c in chosen]
    return [(c, r) for c, r in table if r]


def garble(
    trad: str,
    table: list[tuple[str, str]],
    rng: random.Random,
    punct_bytes: bool = True,
    comma_rate: float = 0.0,
) -> str:
    data = trad.encode("gbk", errors="replace")
    if punct_bytes:
        for fw, a in FULLWIDTH_TO_ASCII:
            data = data.replace(fw.encode("gbk"), a.encode("ascii"))
    for ch, py in table:
        key = ch.encode("gbk")
        if key in data:
            data = data.replace(key, key + b"(" + py.encode("gbk") + b")")
    text = data.decode("gbk", errors="bench_gbk_junk")
    if comma_rate > 0:
        text = re.sub(r"(?=[，、。；：,])", lambda m: "," if rng.random() < comma_rate else "", text)
    return text
