"""Reverse the byte-level damage of garbled articles (see shared/notes/articles.md).

Two kinds of span:

* straddle spans `接?xùn)|西部`: the `X -> X(pinyin)` byte replacement fired on the trail byte
  of one character plus the lead byte of the next. The previous character's trail byte and the
  pinyin name the straddled table character; its second byte is the lost lead byte, and
  re-encoding the junk after `)` to GBK with that byte in front decodes to the original text.
* `!` spans `“六!币,`: a full-width -> ASCII punctuation replacement straddled two characters;
  the lost lead byte leaves no trace, so that character always becomes one PLACEHOLDER (the
  bytes after it still decode exactly up to the next loss).

A span is rebuilt only when exactly one reading of the evidence survives; otherwise its exact
part is kept and the lost part becomes ONE PLACEHOLDER (never left as junk). Work is bounded per span and per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from visits.clean.chars import (
    PLACEHOLDER,
    common_chars,
    is_cjk,
    simplified_only_chars,
    traditional_only_chars,
)
from visits.clean.pinyin import annotation_table, readings, syllable_group

MAX_JUNK_CHARS = 40  # a mis-aligned decode resynchronises at the first ASCII byte; real spans are short
MAX_SPANS_PER_ARTICLE = 500  # beyond this, spans are placeholdered without any search
REPLACEMENT_CHARS = "?\ufffd"  # what decoders emit for bytes they could not pair


@dataclass
class RepairStats:
    found: int = 0
    rebuilt: int = 0
    placeholder: int = 0


@lru_cache(maxsize=1)
def _straddle_re() -> re.Pattern[str]:
    # `?xùn)` as in the samples, or `\ufffd(xùn)` as Python's decoder (errors='replace') leaves it.
    return re.compile(f"(?:\\?|\ufffd\\(?)({syllable_group()})\\)")


@lru_cache(maxsize=1)
def _trailing_annotation_re() -> re.Pattern[str]:
    return re.compile(f"(.)\\({syllable_group()}\\)$")


@lru_cache(maxsize=1)
def _leading_annotation_re() -> re.Pattern[str]:
    return re.compile(f"\\(({syllable_group()})\\)")


# '！' is A3 A1 in GBK; the replacement turned those two bytes into '!', straddling L A3 | A1 X.
BANG_TRAIL = b"\xa1"
_BANG_RE = re.compile("(?<=[^\x00-\x7f])!(?=[^\x00-\x7f])")


def _junk_end(text: str, start: int) -> tuple[int, bool]:
    """End of the mis-decoded run starting at `start`; True if it ran into the length bound.

    The run is non-ASCII characters and decoder replacement marks, up to the first ASCII
    character. That character belongs to the run only if it can be a GBK trail byte
    (0x40-0x7E, e.g. `|` in `?xùn)|`); digits, commas, newlines are real text and stay.
    """
    i = start
    limit = min(len(text), start + MAX_JUNK_CHARS)
    while i < limit:
        ch = text[i]
        if ord(ch) >= 0x80 or ch in REPLACEMENT_CHARS:
            i += 1
            continue
        return (i + 1 if 0x40 <= ord(ch) <= 0x7E else i), False
    return i, i >= limit and i < len(text)


@lru_cache(maxsize=4096)
def _straddle_candidates(lead: int, syllable: str) -> tuple[tuple[str, int], ...]:
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


def _gbk(ch: str) -> bytes | None:
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


def _plausible(rebuilt: str, known: frozenset[str] | set[str]) -> bool:
    if any(c in REPLACEMENT_CHARS for c in rebuilt):
        return False
    cc = common_chars()
    return all(c in cc or c in known for c in rebuilt if is_cjk(c))


def _exact_prefix(data: bytes, known: frozenset[str] | set[str]) -> str:
    """Decode GBK pair by pair while the bytes pair up and every hanzi is plausible.

    Used where a span lost bytes further on: what precedes the loss is still exact.
    A lone lead byte at the end (its trail was lost) is dropped.
    """
    out: list[str] = []
    cc = common_chars()
    i = 0
    while i < len(data):
        if data[i] < 0x80:
            ch, step = chr(data[i]), 1
        else:
            try:
                ch, step = data[i : i + 2].decode("gbk"), 2
            except UnicodeDecodeError:
                break
        if ch in REPLACEMENT_CHARS or (is_cjk(ch) and ch not in cc and ch not in known):
            break
        out.append(ch)
        i += step
    return "".join(out)


def _rebuild_straddle(
    prev: str, syllable: str, junk: str, next_reading: str | None, table: dict[str, set[str]]
) -> tuple[str, bool]:
    """(text, exact) for one straddle span.

    exact=True: a single reading of the evidence rebuilds the whole span. Otherwise the text is
    the exact prefix before the lost bytes (empty when the straddled character is ambiguous),
    and the caller appends ONE placeholder.
    """
    prev_bytes = _gbk(prev)
    if prev_bytes is None:
        return "", False
    try:
        junk_bytes = junk.encode("gbk", errors="replace")  # '?' for unencodable: never decodes
    except UnicodeEncodeError:  # pragma: no cover - 'replace' does not raise
        return "", False
    trad = traditional_only_chars()
    cands = [
        (ch, lost, syllable in table.get(ch, ()))
        for ch, lost in _straddle_candidates(prev_bytes[1], syllable)
        if syllable in table.get(ch, ()) or ch in trad  # the damage table holds traditional chars
    ]
    cands = [c for c in cands if c[2]] or cands  # characters annotated in this article come first
    results: set[str] = set()
    for _ch, lost, _in_table in cands:
        if any(c in REPLACEMENT_CHARS for c in junk):
            break
        try:
            rebuilt = (bytes([lost]) + junk_bytes).decode("gbk")
        except UnicodeDecodeError:
            continue
        if not _plausible(rebuilt, table.keys()):
            continue
        if next_reading is not None and (not rebuilt or next_reading not in readings(rebuilt[-1])):
            continue
        results.add(rebuilt)
    if len(results) == 1:
        return results.pop(), True
    if len({lost for _, lost, _ in cands}) == 1:
        return _exact_prefix(bytes([cands[0][1]]) + junk_bytes, table.keys()), False
    return "", False


def _prev_char(text: str, pos: int) -> str:
    """The character before a span, looking through an annotation (`當(dāng)?shù)` -> 當)."""
    m = _trailing_annotation_re().search(text, max(0, pos - 12), pos)
    if m:
        return m.group(1)
    return text[pos - 1] if pos > 0 else ""


def _looks_like_junk(run: str, traditional: bool) -> bool:
    cc = common_chars()
    simp = simplified_only_chars()
    return any(is_cjk(c) and (c not in cc or (traditional and c in simp)) for c in run) or any(
        c in REPLACEMENT_CHARS for c in run
    )


def repair_spans(text: str, traditional: bool = True) -> tuple[str, RepairStats]:
    """Rebuild straddle spans, placeholder `!` spans and stray replacement characters."""
    stats = RepairStats()
    if "?" not in text and "\ufffd" not in text and "!" not in text:
        return text, stats
    table = annotation_table(text)
    out: list[str] = []
    pos = 0
    for m in _straddle_re().finditer(text):
        if m.start() < pos:
            continue
        stats.found += 1
        end, _ = _junk_end(text, m.end())
        junk = text[m.end() : end]
        nxt = _leading_annotation_re().match(text, end)
        rebuilt, exact = "", False
        if stats.found <= MAX_SPANS_PER_ARTICLE:
            rebuilt, exact = _rebuild_straddle(
                _prev_char(text, m.start()), m.group(1), junk, nxt.group(1) if nxt else None, table
            )
        out.append(text[pos : m.start()])
        out.append(rebuilt)
        if exact:
            stats.rebuilt += 1
        else:
            stats.placeholder += 1
            out.append(PLACEHOLDER)
        pos = end
    out.append(text[pos:])
    text = "".join(out)
    text = _repair_bangs(text, traditional, stats)
    if "\ufffd" in text:
        runs = re.findall("\ufffd+", text)
        stats.found += len(runs)
        stats.placeholder += len(runs)
        text = re.sub("\ufffd+", PLACEHOLDER, text)
    return text, stats


def _repair_bangs(text: str, traditional: bool, stats: RepairStats) -> str:
    out: list[str] = []
    pos = 0
    for m in _BANG_RE.finditer(text):
        if m.start() < pos:
            continue
        end, _ = _junk_end(text, m.end())
        run = text[m.end() : end]
        if not run or not _looks_like_junk(run, traditional):
            continue  # a genuine exclamation mark
        stats.found += 1
        stats.placeholder += 1
        out.append(text[pos : m.start()])
        # The character whose lead byte was lost -> PLACEHOLDER; the bytes after it (the rest of
        # the full-width mark, then the junk) still pair up exactly until the next loss.
        out.append(PLACEHOLDER)
        if stats.found <= MAX_SPANS_PER_ARTICLE:
            out.append(_exact_prefix(BANG_TRAIL + run.encode("gbk", errors="replace"), frozenset()))
        pos = end
    out.append(text[pos:])
    return "".join(out)
