"""Reverse the byte-level damage of garbled articles (see shared/notes/articles.md).

Every span starts at an orphaned lead byte (`?`, or U+FFFD from Python's decoder) and is read
as bytes, not characters:

* pinyin straddle `接?xùn)|西部`: the `X -> X(pinyin)` replacement fired on the trail byte of
  one character plus the lead byte of the next. The previous character's trail byte and the
  pinyin name the straddled table character; its second byte is the lost lead byte.
* punctuation straddle `會?吞锟h委`: a byte-level full-width -> ASCII replacement ate `A3 xx`
  (the trail A3 of one character and the lead xx of the next); the orphaned lead swallowed the
  ASCII mark. The lost character has trail A3, the lost lead is one of the seven marks' bytes.
* after the lost byte, the junk re-encoded to GBK pairs up again into the original text up to
  the resync: an ASCII trail byte (`|` above), or an orphan `?` that swallowed an ASCII byte
  (the last character's trail and that byte are then lost; when the swallowed byte was the `(`
  of the next annotation, its reading names the character: chained spans).
* `!` spans `“六!币,` (the samples' decoder kept the ASCII mark): the lost lead leaves no trace.

Where bytes are lost, candidates are scored by a small per-article bigram model (span_score)
and a character is written only when its best reading wins by MIN_MARGIN nats; otherwise it
becomes a PLACEHOLDER (consecutive ones merge), never junk. Work is bounded per span
(MAX_JUNK_CHARS, pruned candidate slots) and per article (MAX_SPANS_PER_ARTICLE).
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
from visits.clean.span_path import best_path
from visits.clean.span_score import ArticleModel

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


# Byte-level full-width -> ASCII punctuation (the other damage, notes/articles.md): all these marks
# are A3 xx in GBK, so a straddle eats the trail A3 of one character and the lead xx of the next.
FULLWIDTH_LEAD = 0xA3
PUNCT_SECOND = {",": 0xAC, ":": 0xBA, ";": 0xBB, "!": 0xA1, "?": 0xBF, "(": 0xA8, ")": 0xA9}
# What an orphaned byte can have swallowed: ASCII below 0x40 (0x40-0x7E would have paired).
SWALLOWED = tuple("\n ,.:;!?()-%/0123456789")
MIN_MARGIN = 1.5  # a lost character is written only when its best reading beats the next by this
PLAUSIBLE = -2.0  # a rebuilt character whose class penalty is below this is not text


@lru_cache(maxsize=256)
def _chars_with_trail(trail: int) -> tuple[str, ...]:
    out = []
    for lead in range(0x81, 0xFF):
        try:
            out.append(bytes([lead, trail]).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return tuple(out)


@lru_cache(maxsize=256)
def _chars_with_lead(lead: int) -> tuple[str, ...]:
    """Characters `lead T` with T >= 0x80: T was an orphan, so it could not be ASCII."""
    out = []
    for trail in range(0x80, 0xFF):
        try:
            out.append(bytes([lead, trail]).decode("gbk"))
        except UnicodeDecodeError:
            continue
    return tuple(out)


def _pair(a: int, b: int) -> str | None:
    try:
        ch = bytes([a, b]).decode("gbk")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


@dataclass
class _Span:
    end: int
    slots: list[list[str]]
    fixed_from: int  # slots before this index may vary; from here on one candidate each (or cut)
    cut: bool  # the exact part ran into something implausible: the rest became one placeholder


def _straddle_leads(prev: str, syllable: str, table: dict[str, set[str]]) -> list[int]:
    """Lost lead bytes for `prev?syllable)`: second bytes of the straddled table character."""
    prev_bytes = _gbk(prev) if prev else None
    if prev_bytes is None:
        return []
    trad = traditional_only_chars()
    cands = [
        (ch, lost, syllable in table.get(ch, ()))
        for ch, lost in _straddle_candidates(prev_bytes[1], syllable)
        if syllable in table.get(ch, ()) or ch in trad  # the damage table holds traditional chars
    ]
    cands = [c for c in cands if c[2]] or cands  # characters annotated in this article come first
    return sorted({lost for _, lost, _ in cands})


def _parse(text: str, p: int, table: dict[str, set[str]], model: ArticleModel, prev: str) -> _Span | None:
    """Read the span whose first orphan is at `p`; None when `p` is a genuine question mark.

    Slots: [X] (punctuation straddle: the character whose trail A3 was eaten), Y (lost lead +
    first junk byte), the junk re-paired, [tail char + swallowed ASCII] when the run ended at an
    orphan. All byte arithmetic follows the damage model in the module docstring.
    """
    marker = text[p]
    slots: list[list[str]] = []
    m = _straddle_re().match(text, p)
    if m and prev:
        leads = _straddle_leads(prev, m.group(1), table)
        q = m.end()
    else:
        if marker == "\ufffd" and p + 1 < len(text) and text[p + 1] in PUNCT_SECOND:
            leads, q = [PUNCT_SECOND[text[p + 1]]], p + 2  # Python's decoder kept the ASCII mark
        else:
            leads, q = sorted(PUNCT_SECOND.values()), p + 1
        if q >= len(text) or (ord(text[q]) < 0x40 and text[q] not in REPLACEMENT_CHARS):
            return None if marker == "?" else _Span(q, [], 0, True)  # nothing re-paired after it
        slots.append(list(_chars_with_trail(FULLWIDTH_LEAD)))
    if not leads:
        return _Span(q, slots, len(slots), True)
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
            return _Span(k, slots, len(slots), True)  # ran into the bound: no search
    try:
        data = "".join(junk).encode("gbk")
    except UnicodeEncodeError:
        return _Span(k, slots, len(slots), True)
    if data:
        y = [c for lead in leads if (c := _pair(lead, data[0]))]
        rest = data[1:]
    else:
        if not tail:
            return _Span(k, slots, len(slots), True)
        y = [c for lead in leads for c in _chars_with_lead(lead)]
        rest = b""
    y = [c for c in y if model.penalty(c) >= PLAUSIBLE]  # a rare first char means lost pairs
    if not y:
        return _Span(k, slots, len(slots), True)
    slots.append(y)
    fixed_from = len(slots)
    i, cut = 0, False
    while i + 1 < len(rest):
        ch = _pair(rest[i], rest[i + 1])
        if ch is None or ch in REPLACEMENT_CHARS or model.penalty(ch) < PLAUSIBLE:
            cut = True  # a pair lost in the user-defined area, or a wrong reading: stop here
            break
        slots.append([ch])
        i += 2
    if cut:
        return _Span(k, slots, fixed_from, True)
    if i < len(rest):  # a lead whose trail became the tail orphan
        if not tail:
            return _Span(k, slots, fixed_from, True)
        slots.append(list(_chars_with_lead(rest[i])))
    if tail:
        am = _straddle_re().match(text, k - 1) if tail == "?" else None
        if am and (i < len(rest) or not data):
            # Chained: the orphan swallowed the '(' of the next annotation (`…?xùn)`), so the
            # tail character is that annotated character and the reading narrows it down.
            last = [c for c in slots[-1] if am.group(1) in readings(c)]
            slots[-1] = last or slots[-1]
            return _Span(am.end(), slots, fixed_from, not last)
        if tail == "\ufffd" and k < len(text) and ord(text[k]) < 0x80:
            slots.append([text[k]])  # Python's decoder keeps the swallowed ASCII byte
            k += 1
        elif tail == "?":
            slots.append(list(SWALLOWED))
    return _Span(k, slots, fixed_from, False)


def _solve(span: _Span, model: ArticleModel, left: str, right: str) -> tuple[str, bool]:
    """(text, exact): Viterbi over the slots; unsettled slots and a cut tail become placeholders."""
    if not span.slots:
        return PLACEHOLDER, False
    chosen, margins, _ = best_path(model, span.slots, left, "" if span.cut else right)
    out: list[str] = []
    for ch, margin, slot in zip(chosen, margins, span.slots, strict=True):
        ok = len(slot) == 1 or (margin >= MIN_MARGIN and model.penalty(ch) >= PLAUSIBLE)
        out.append(ch if ok else PLACEHOLDER)
    if span.cut:
        out.append(PLACEHOLDER)
    text = re.sub(f"{PLACEHOLDER}+", PLACEHOLDER, "".join(out))
    return text, PLACEHOLDER not in text


def repair_spans(text: str, traditional: bool = True) -> tuple[str, RepairStats]:
    """Rebuild straddle spans (pinyin and punctuation), placeholder what the bytes do not settle."""
    stats = RepairStats()
    if "?" not in text and "\ufffd" not in text and "!" not in text:
        return text, stats
    table = annotation_table(text)
    model: ArticleModel | None = None
    out: list[str] = []
    pos = 0
    for mk in re.finditer("[?\ufffd]", text):
        p = mk.start()
        if p < pos:
            continue
        if model is None:
            model = ArticleModel(text, traditional)
        prev = _prev_char(text, p)
        if stats.found >= MAX_SPANS_PER_ARTICLE:
            span: _Span | None = _Span(p + 1, [], 0, True)  # bounded work: no search past this
        else:
            span = _parse(text, p, table, model, prev)
        if span is None:
            continue  # a genuine '?'
        stats.found += 1
        right = text[span.end] if span.end < len(text) else ""
        rebuilt, exact = _solve(span, model, prev, right)
        out.append(text[pos:p])
        out.append(rebuilt)
        stats.rebuilt += exact
        stats.placeholder += not exact
        pos = span.end
    out.append(text[pos:])
    text = "".join(out)
    text = _repair_bangs(text, traditional, stats)
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
