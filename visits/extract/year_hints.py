"""Years the article's text presents as its own present, for narrowing officeholder years.

Two phrasings name the year under way without dating the visit itself:
- a framing sentence, `2013年是…之年` / `今年是2013年`;
- a year's plan being carried out, `落实2024年东西部协作协议`.

A hint is weak alone (`1996年是…之年` is history), so it is never a visit's year by itself:
the dbt model int_visit_officeholder_years uses it only to pick one year among those the
officeholders' tenures allow.
"""

from __future__ import annotations

import re
from functools import cache

from visits import lexicon

_YEAR = r"(?P<y>(?:19|20)\d{2})\s*年"
_CLAUSE = r"[^。；！？!?;，,]"  # within one clause


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(_YEAR + rf"(?:是|为){_CLAUSE}{{0,40}}?(?:{lexicon.alternation('year_frame_ends')})"),
        re.compile(r"今年(?:是|为)?[（(]?" + _YEAR),
        re.compile(
            rf"(?:{lexicon.alternation('plan_verbs')}){_CLAUSE}{{0,6}}?{_YEAR}度?{_CLAUSE}{{0,10}}?"
            rf"(?:{lexicon.alternation('plan_nouns')})"
        ),
    )


def year_hints(text: str) -> list[int]:
    """The distinct years the text frames as the present, ascending."""
    if "年" not in text:
        return []
    return sorted({int(m.group("y")) for p in _patterns() for m in p.finditer(text)})
