"""Case tables: one row per sentence we wrote, in tests/data/cases/*.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "data" / "cases"


def case_rows(name: str, quoting: int = csv.QUOTE_MINIMAL) -> list[dict[str, str]]:
    """The rows of case table `name`: a TSV with a header row; lines starting with # are comments."""
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader([ln for ln in lines if not ln.startswith("#")], delimiter="\t", quoting=quoting))
