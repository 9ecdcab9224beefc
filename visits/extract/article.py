"""The annotated article: what every extraction stage reads, built once per article.

The stages (find candidates → resolve sides → assign people → assemble records) read from
here instead of each splitting and scanning the text again: the sentences with offsets
(one splitter), the places (one gazetteer scan), the outlet and its units, the province
counts, the titled people of each sentence, and each sentence's date when first asked.
What a stage derives once and reads again (meeting-name candidates, group units) it keeps
in `derived`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from visits.extract.dates import VisitDates, date_in_text, parse_dates
from visits.extract.gazetteer import PlaceHit, find_places
from visits.extract.officials import Mention, _find_mentions
from visits.extract.outlet import source_province, source_units
from visits.extract.province_names import pair_provinces, province_counts
from visits.extract.sentences import sentences
from visits.extract.sides import ArticleContext
from visits.reference import Division, Province


@dataclass(frozen=True)
class Article:
    text: str  # the body
    title: str | None
    full: str  # the title, a line break, the body: what the rules read (offsets are into it)
    source: str | None  # the outlet as the page names it
    published: date | None  # the page's date, else the first full date in the text
    sentences: tuple[tuple[int, str], ...]  # (offset, sentence), from the one splitter
    places: tuple[PlaceHit, ...]  # gazetteer hits over `full`, scanned once
    outlet_units: tuple[Division, ...]  # the outlet's own units (静宁县融媒体中心)
    context: ArticleContext  # the outlet's province and the provinces/units named most
    # what the stages derive from the article once and read again (rule name -> value)
    derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def home(self) -> Province | None:
        return self.context.home

    @property
    def own_word(self) -> str:
        """How the paper names its own side where the text names no host (市领导会见…): 我市
        for a city's outlet, 我县 for a county's, else 我省."""
        levels = {u.level for u in self.outlet_units}
        return "我县" if "county" in levels else "我市" if "prefecture" in levels else "我省"

    @property
    def prefer(self) -> tuple[str, ...]:
        """Province names, most named first: how homonyms are read in this article."""
        return tuple(n for n, _ in self.context.counts.most_common())

    @cached_property
    def mentions(self) -> tuple[tuple[Mention, ...], ...]:
        """The titled people of each sentence (aligned with `sentences`), parsed once."""
        return tuple(_find_mentions(s) for _, s in self.sentences)  # the cached tuples themselves

    def date_of(self, i: int) -> VisitDates | None:
        """The date sentence i tells, read against `published`: parsed when first asked (most
        sentences never are) and kept."""
        memo = self.derived.setdefault("dates", {})
        if i not in memo:
            memo[i] = parse_dates(self.sentences[i][1], self.published)
        return memo[i]

    def sentence_after(self, offset: int, sentence: str) -> str:
        """The sentence that follows (offset, sentence), or "" at the end."""
        end = offset + len(sentence)
        return next((s for o, s in self.sentences if o >= end), "")


def annotate(
    text: str, *, title: str | None = None, published_date: date | None = None, source: str | None = None
) -> Article:
    """Annotate an article once: sentences, places, outlet and the province counts."""
    full = f"{title}\n{text}" if title else text
    hits = tuple(find_places(full))
    counts = province_counts(list(hits))
    for a, b in pair_provinces(full):  # 苏陕协作, 沪滇: the pair's provinces are the article's
        counts[a.name] += 2
        counts[b.name] += 2
    named = Counter(h.units[0] for h in hits if len(h.units) == 1)
    context = ArticleContext(source_province(source, counts), counts, source, named)
    return Article(
        text=text,
        title=title,
        full=full,
        source=source,
        published=published_date or date_in_text(full),
        sentences=tuple(sentences(full)),
        places=hits,
        outlet_units=tuple(source_units(source)),
        context=context,
    )
