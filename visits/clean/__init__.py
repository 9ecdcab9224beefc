"""Text cleaning stage (issue 3): every extraction reads what this package returns.

`clean_article(raw_text)` -> `visits.records.CleanArticle`; `clean_frame(df)` does the same for
a polars frame (vectorised where polars has the operation); `PLACEHOLDER` marks spans that
could not be rebuilt exactly.
"""

from visits.clean.article import clean_article
from visits.clean.chars import PLACEHOLDER
from visits.clean.frame import clean_frame

__all__ = ["PLACEHOLDER", "clean_article", "clean_frame"]
