"""Code versions: staging rows made by older code are redone, not trusted."""

from __future__ import annotations

import hashlib
from pathlib import Path

from visits.settings import REPO_ROOT, SEEDS_DIR

_PACKAGE = REPO_ROOT / "visits"


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def clean_version() -> str:
    """Changes when decoding or cleaning code changes."""
    # records.py defines CleanArticle, whose fields become the staging columns.
    return _digest(
        [*(_PACKAGE / "clean").rglob("*.py"), _PACKAGE / "ingest" / "decode.py", _PACKAGE / "records.py"]
    )


def extract_version() -> str:
    """Changes when extraction code, its lexicon or the reference seeds it reads change."""
    # records.py defines VisitRecord and OfficialMention, which the extractor returns.
    return _digest(
        [
            *(_PACKAGE / "extract").rglob("*.py"),
            *(p for p in (_PACKAGE / "lexicon").rglob("*") if p.is_file() and p.suffix != ".pyc"),
            _PACKAGE / "reference.py",
            _PACKAGE / "records.py",
            *SEEDS_DIR.glob("*.csv"),
        ]
    )
