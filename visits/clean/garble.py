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

from visits.clean.chars import PLACEHOLDER, common_chars, is_cjk, simplified_only_chars
from visits.clean.garble_parse import MAX_JUNK_CHARS, PLAUSIBLE, Span, parse_span, prev_char
from visits.clean.gbk_bytes import BANG_TRAIL, REPLACEMENT_CHARS
from visits.clean.pinyin import annotation_table
from visits.clean.span_path import best_path
from visits.clean.span_score import ArticleModel

MAX_SPANS_PER_ARTICLE = 500  # beyond this, spans are placeholdered without any search
MIN_MARGIN = 1.5  # a lost character is written only when its best reading beats the next by this
_BANG_RE = re.compile("(?<=[^\x00-\x7f])!(?=[^\x00-\x7f])")


@dataclass
class RepairStats:
    found: int = 0
    rebuilt: int = 0
    placeholder: int = 0


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


def _looks_like_junk(run: str, traditional: bool) -> bool:
    cc = common_chars()
    simp = simplified_only_chars()
    return any(is_cjk(c) and (c not in cc or (traditional and c in simp)) for c in run) or any(
        c in REPLACEMENT_CHARS for c in run
    )


def _solve(span: Span, model: ArticleModel, left: str, right: str) -> tuple[str, bool]:
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
        prev = prev_char(text, p)
        if stats.found >= MAX_SPANS_PER_ARTICLE:
            span: Span | None = Span(p + 1, [], 0, True)  # bounded work: no search past this
        else:
            span = parse_span(text, p, table, model, prev)
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
