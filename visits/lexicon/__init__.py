"""The extraction rules' vocabulary, as data: one word class per file, one word per line.

Each class is read by one pattern builder (`alternation`), so a word is added in one place
and every rule that uses the class sees it. Lines starting with # are comments.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DIR = Path(__file__).parent


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of class `name` (the file `<name>.txt` beside this module), in file order."""
    path = _DIR / f"{name}.txt"
    if not path.exists():
        raise KeyError(f"no word class {name!r} in {_DIR}")
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(w for w in lines if w)


@cache
def alternation(name: str) -> str:
    """A regex alternation of the class, longest words first so the longest form wins."""
    return "|".join(map(re.escape, sorted(words(name), key=len, reverse=True)))


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The rows of a two-column class (`<name>.tsv`: key<TAB>value), in file order."""
    path = _DIR / f"{name}.tsv"
    rows = (line.split("#", 1)[0].rstrip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(tuple(r.split("\t", 1)) for r in rows if r.strip())  # type: ignore[misc]
