"""Where the repository, its venv and ../shared are; the sample articles; a read-only query."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SHARED = REPO.parent / "shared"


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Read the warehouse the way users are told to: read-only and briefly."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def sample_articles() -> list[Path]:
    return sorted((REPO / "raw").glob("*.txt"))
