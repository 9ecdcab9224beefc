"""Where the repository, its venv and ../shared are; the sample articles; a read-only query."""

from __future__ import annotations

import sys
from pathlib import Path

from visits.publish import read_rows

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SHARED = REPO.parent / "shared"
query = read_rows  # tests read the warehouse as users are told to: read-only and briefly




def sample_articles() -> list[Path]:
    return sorted((REPO / "raw").glob("*.txt"))
