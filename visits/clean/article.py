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
from visits.clean.simplify import TRADITIONAL_SHARE, detect_script, to_simplified, traditional_count
from visits.records import CleanArticle

_CJK_RE = re.compile(CJK_CLASS)


@dataclass
class Repaired:
    text: str
    script: str
    stats: RepairStats


def repair(raw_text: str) -> Repaired:
    """Stage 1 (per row): HTML -> text, script label, garble spans rebuilt or placeholdered."""
    text = html_to_text(raw_text) if looks_like_html(raw_text) else raw_text
    annotated = annotation_re().search(text) is not None
    hanzi = len(_CJK_RE.findall(text))
    traditional = annotated or traditional_count(text) >= max(3, TRADITIONAL_SHARE * hanzi)
    text, stats = repair_spans(text, traditional=traditional)
    return Repaired(text, detect_script(text, int(annotated), stats.found), stats)


def finish(text: str, script: str, stats: RepairStats, pinyin_removed: int) -> CleanArticle:
    """Stage 3 (per row): OpenCC + variants, then title/body/captions/boilerplate/metadata."""
    lay = split_lines(to_simplified(text, script))
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
