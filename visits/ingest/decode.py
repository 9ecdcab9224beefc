"""Turn a raw file's bytes into text, or say clearly why they are not an article.

Articles arrive as UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, GB18030 or Big5.
Byte-order marks are tried longest first: UTF-32LE's `FF FE 00 00` begins with UTF-16LE's
`FF FE`, so testing UTF-16 first would read UTF-32 as UTF-16 with a NUL between characters.
Decoded text holding NULs is never an article, whatever the codec said.
Legacy encodings are told apart by decoding with each and scoring how much of the
result looks like running Chinese text, because GB18030 accepts almost any bytes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Files that are plainly not text, by their first bytes.
_MAGIC = [
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
]

# A newspaper article is a few KB; anything this large is a dump or a mistake, and would
# hold up the cleaning of every other article in its batch.
MAX_ARTICLE_BYTES = 5 * 2**20

# Share of undecodable bytes tolerated in a legacy-encoded file before it is refused.
MAX_BAD_RATIO = 0.02
MIN_CJK_CHARS = 1


# Longest first: a BOM that is a prefix of another must be tested after it.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]


class DecodeError(ValueError):
    """Bytes that cannot be taken as an article; the message is the quarantine reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced_bytes: int = 0  # invalid sequences replaced by U+FFFD


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _plausibility(text: str) -> float:
    """How much a decoding looks like Chinese prose: common ideographs and CJK punctuation
    score, private-use and replacement characters (typical of a wrong codec) cost."""
    score = 0.0
    for ch in text:
        if _is_cjk(ch):
            score += 1.0 if _encodable(ch, "gb2312") or _encodable(ch, "big5") else 0.2
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
            score += 1.0
        elif "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd":
            score -= 3.0
    return score / max(len(text), 1)


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _legacy(data: bytes) -> Decoded:
    candidates: list[tuple[float, Decoded]] = []
    for encoding in ("gb18030", "big5hkscs"):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad > MAX_BAD_RATIO * max(len(text), 1):
            continue
        label = "big5" if encoding.startswith("big5") else encoding
        candidates.append((_plausibility(text), Decoded(text, label, bad)))
    if not candidates:
        raise DecodeError("not valid UTF-8, UTF-16, GB18030 or Big5 text")
    return max(candidates, key=lambda c: c[0])[1]


def decode_article(data: bytes) -> Decoded:
    """Decode an article's bytes; raise DecodeError with a readable reason otherwise."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise DecodeError(
            f"too large for one article: {len(data) / 2**20:.1f} MiB (limit {MAX_ARTICLE_BYTES / 2**20:.0f} MiB)"
        )
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: {kind}")
    bom = next(((b, codec, label) for b, codec, label in _BOMS if data.startswith(b)), None)
    if bom is not None:
        decoded = Decoded(data[len(bom[0]) :].decode(bom[1], errors="replace"), bom[2])
    elif b"\x00" in data[:4096]:
        raise DecodeError("binary file: NUL bytes and no UTF-16 or UTF-32 byte-order mark")
    else:
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            utf8 = data.decode("utf-8", errors="replace")
            bad = utf8.count("\ufffd")
            # Mostly valid UTF-8 with a few broken sequences: keep it, count the damage.
            if bad <= MAX_BAD_RATIO * len(utf8) and _plausibility(utf8) > 0:
                decoded = Decoded(utf8, "utf-8", bad)
            else:
                decoded = _legacy(data)
    nuls = decoded.text.count("\x00")
    if nuls:  # a wrong codec or a binary file: loading it would give garbage and no visits
        raise DecodeError(f"decoded text holds {nuls} NUL characters (as {decoded.encoding}); not text")
    replaced = decoded.text.count("\ufffd")
    if replaced > MAX_BAD_RATIO * len(decoded.text):
        raise DecodeError(f"undecodable: {replaced} invalid byte sequences in {decoded.encoding}")
    if sum(1 for ch in decoded.text if _is_cjk(ch)) < MIN_CJK_CHARS:
        raise DecodeError(f"no Chinese text found (decoded as {decoded.encoding})")
    return Decoded(decoded.text.replace("\ufffd", ""), decoded.encoding, replaced)
