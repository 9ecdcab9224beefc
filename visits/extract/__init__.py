"""Facts from cleaned article text: delegation visits, their dates, places, meeting and officials.

The one entry point is `extract_visits`; the modules are its parts (gazetteer, titles,
officials, dates, direction, meeting, places, visits).
"""

from visits.extract.visits import extract_visits

__all__ = ["extract_visits"]
