"""The vectorisable text steps, each one (pattern, replacement) pair.

`frame.py` runs them as polars `str.replace_all` / `str.replace_many`; `apply_python` runs the
same patterns with `re`, so `clean_article` and `clean_frame` agree. Patterns use only syntax
both engines read the same way (literal characters in classes, no look-around, no `\\s`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from visits.clean.chars import CN_PUNCT

# Full-width digits and Latin letters -> ASCII (Chinese punctuation is kept as it is).
FULLWIDTH_FROM: list[str] = [chr(c) for c in range(0xFF10, 0xFF1A)] + [
    chr(c) for r in ((0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)
]
FULLWIDTH_TO: list[str] = [chr(ord(c) - 0xFEE0) for c in FULLWIDTH_FROM]

_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

# Ordered (pattern, replacement) steps; replacement uses `${1}` (polars); Python gets `\g<1>`.
COMMA_STEPS: list[tuple[str, str]] = [
    # spurious ASCII commas in front of punctuation: `,,` `,、` `,。` (sample-measured damage)
    (f",+([,{CN_PUNCT}])", "${1}"),
    # and a comma glued after a Chinese stop or enumeration comma
    (f"([{CN_PUNCT}]),+", "${1}"),
    # a comma of either width before a colon in a garbled header field (`時間,:` `时间，：`);
    # a real comma is never followed by a colon, so `1,000` / `a,b` are untouched
    ("[,，]+([:：])", "${1}"),
]
WHITESPACE_STEPS: list[tuple[str, str]] = [
    ("\r\n?", "\n"),
    ("[\u200b\u200c\u200d\ufeff]", ""),
    (f"[{_SPACES}]+", " "),
    (" ?\n ?", "\n"),
    ("\n\n+", "\n"),
    ("^[ \n]+|[ \n]+$", ""),
]


def py_replacement(repl: str) -> str:
    return repl.replace("${1}", r"\g<1>")


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), py_replacement(r)) for p, r in COMMA_STEPS + WHITESPACE_STEPS]


_FW_TABLE = {ord(a): b for a, b in zip(FULLWIDTH_FROM, FULLWIDTH_TO, strict=True)}


def apply_python(text: str) -> str:
    """Comma fixes, full-width -> ASCII, whitespace: the Python twin of `frame._normalise_exprs`."""
    text = text.translate(_FW_TABLE)
    for pattern, repl in _compiled():
        text = pattern.sub(repl, text)
    return text
