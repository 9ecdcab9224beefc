"""`clean_article`: one raw article -> `CleanArticle`. The stages are shared with `frame.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from visits.clean.chars import CJK_CLASS
from visits.clean.garble import RepairStats, repair_spans
from visits.clean.html_text import html_to_text, looks_like_html
from visits.clean.layout import split_lines
from visits.clean.normalize import apply_python
from visits.clean.pinyin import annotation_re, strip_annotations
from visits.clean.simplify import detect_script, is_traditional, to_simplified, traditional_count
from visits.records import CleanArticle

_CJK_RE = re.compile(CJK_CLASS)
# What starts a garble span (garble.REPLACEMENT_CHARS) or a bang span: an article without any
# of these is not searched at all (the fast path most articles take).
MARKERS = "?\ufffd!"
MARKER_CLASS = "[?\ufffd!]"


@dataclass(frozen=True)
class Hints:
    """What `repair` needs to know of a text before it repairs it; `frame.py` counts it in polars."""

    annotated: bool
    hanzi: int
    traditional: int
    marked: bool


def hints(text: str) -> Hints:
    return Hints(
        annotated=annotation_re().search(text) is not None,
        hanzi=len(_CJK_RE.findall(text)),
        traditional=traditional_count(text),
        marked=any(m in text for m in MARKERS),
    )


@dataclass
class Repaired:
    text: str
    script: str
    stats: RepairStats


def repair(raw_text: str, hint: Hints | None = None) -> Repaired:
    """Stage 1 (per row): HTML -> text, script label, garble spans rebuilt or placeholdered.

    `hint`: hints(raw_text) when the caller has counted them already.
    """
    if looks_like_html(raw_text):
        text = html_to_text(raw_text)
        hint = hints(text)
    else:
        text = raw_text
        hint = hint or hints(text)
    if not hint.marked:  # no span can start here: the text is its own repair
        if hint.annotated:
            script = "garbled"
        else:
            script = "traditional" if hint.hanzi and is_traditional(hint.hanzi, hint.traditional) else "simplified"
        return Repaired(text, script, RepairStats())
    traditional = hint.annotated or is_traditional(hint.hanzi, hint.traditional)
    text, stats = repair_spans(text, traditional=traditional)
    return Repaired(text, detect_script(text, int(hint.annotated), stats.found), stats)


def finish(
    text: str, script: str, stats: RepairStats, pinyin_removed: int, traditional: int | None = None
) -> CleanArticle:
    """Stage 3 (per row): OpenCC + variants, then title/body/captions/boilerplate/metadata.

    `traditional`: traditional_count(text) when the caller has counted it already.
    """
    lay = split_lines(to_simplified(text, script, traditional))
    reporters = list(lay.reporters)
    reporters += [n for n in lay.photographers if n not in reporters]
    return CleanArticle(
        clean_text="\n".join(lay.body),
        script=script,
        title=lay.title,
        published_date=lay.published_date,
        source=lay.source,
        reporters=reporters,
        editors=lay.editors,
        captions=lay.captions,
        boilerplate=lay.boilerplate,
        pinyin_removed=pinyin_removed,
        garbled_spans_found=stats.found,
        garbled_spans_rebuilt=stats.rebuilt,
        garbled_spans_placeholder=stats.placeholder,
    )


def clean_article(raw_text: str) -> CleanArticle:
    """Repair, normalise, simplify and split one article (plain text or an HTML page)."""
    rep = repair(raw_text)
    # Stage 2: the steps `clean_frame` runs as vectorised polars expressions.
    text, removed = strip_annotations(rep.text)
    text = apply_python(text)
    return finish(text, rep.script, rep.stats, removed)
