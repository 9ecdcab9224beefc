"""The records that flow from cleaning to extraction to staging Parquet.

These dataclasses are the interface between `visits.clean`, `visits.extract` and the
staging ledger; their fields are the staging Parquet columns, with types read from the
hints (visits/schema.py). A field added here is a new staging column everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class CleanArticle:
    """One article after repair, conversion to simplified Chinese and boilerplate removal."""

    clean_text: str                      # body only: simplified, repaired, no chrome, no captions
    script: str                          # 'simplified' | 'traditional' | 'garbled'
    title: str | None = None
    published_date: date | None = None
    source: str | None = None            # newspaper or site named in the text
    reporters: list[str] = field(default_factory=list)      # 记者 X, X 摄 (photographers too)
    editors: list[str] = field(default_factory=list)        # 编辑 / 责编, kept apart
    captions: list[str] = field(default_factory=list)       # photo captions, kept apart from the body
    # removed lines, for audit in memory; not a staging column
    boilerplate: list[str] = field(default_factory=list, metadata={"staged": False})
    pinyin_removed: int = 0              # glued pinyin annotations stripped
    garbled_spans_found: int = 0
    garbled_spans_rebuilt: int = 0
    garbled_spans_placeholder: int = 0   # replaced by PLACEHOLDER, not rebuilt exactly


@dataclass
class OfficialMention:
    """A named official taking part in a visit, as one article gives them."""

    name: str
    province: str | None                 # full province name; None for central units
    titles: list[str]                    # province name stripped: 江苏省委书记 -> 省委书记
    side: str | None                     # 'visiting' | 'host' | None
    is_leader: bool
    evidence: str                        # the sentence that names the person


@dataclass
class VisitRecord:
    """One inter-provincial delegation visit as one article reports it."""

    visiting_province: str
    host_province: str
    visiting_unit: str
    host_unit: str
    start_date: date | None = None
    end_date: date | None = None
    start_md: str | None = None          # 'MM-DD', kept when the year is unknown
    end_md: str | None = None
    host_cities: list[str] = field(default_factory=list)
    meeting_name: str | None = None
    programme: str | None = None         # 东西部扶贫协作 | 东西部协作 | 对口支援 | ...
    leader_names: list[str] = field(default_factory=list)
    officials: list[OfficialMention] = field(default_factory=list)
    year_source: str | None = None       # 'text' | 'published_date': where start_date's year comes from
    evidence: str | None = None          # the sentence that establishes the visit
    basis: list[str] = field(default_factory=list)  # evidence kinds that proposed it (visits/lexicon/basis.txt)
    year_hints: list[int] = field(default_factory=list)  # years the text frames as its present (year_hints.py)
