"""Code versions: staging rows made by older code are redone, not trusted.

Each stage's version hashes a declared list of the product modules and data it runs. A
folder stands for its `*.py` files (and, for the lexicon, its data files). Evaluation code
(evaluation/: gold comparisons, edit distances) is outside these lists, so editing it
reprocesses nothing; tests/test_ledger_versions.py holds both properties.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from visits.settings import REPO_ROOT

# What cleaning runs: decoding, the cleaning package, the vocabulary it reads (banner and
# editor words), and the record types it fills.
CLEAN_INPUTS = (
    "visits/clean",
    "visits/ingest/decode.py",
    "visits/lexicon",
    "visits/records.py",
    "visits/schema.py",
)
# What extraction runs: the extractor, the vocabulary and reference seeds it reads, the records.
EXTRACT_INPUTS = (
    "visits/extract",
    "visits/lexicon",
    "visits/reference.py",
    "visits/records.py",
    "visits/schema.py",
    "seeds/*.csv",
)


def input_files(declared: tuple[str, ...]) -> list[Path]:
    """The files a declared list names: a folder's modules and data, a glob's matches, a file."""
    found: list[Path] = []
    for entry in declared:
        path = REPO_ROOT / entry
        if "*" in entry:
            found += REPO_ROOT.glob(entry)
        elif path.is_dir():
            found += (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            found.append(path)
    return sorted(set(found))


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def clean_version() -> str:
    """Changes when decoding or cleaning code changes."""
    return _digest(input_files(CLEAN_INPUTS))


def extract_version() -> str:
    """Changes when extraction code, its lexicon or the reference seeds it reads change."""
    return _digest(input_files(EXTRACT_INPUTS))
