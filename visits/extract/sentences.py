"""The one sentence splitter every extraction stage reads sentences through."""

from __future__ import annotations

import re

# □ marks a garbled span the cleaner could not rebuild; it most often swallowed a full
# stop, so it ends a sentence too.
_SENTENCE = re.compile(r"[^。！？!?\n□]+[。！？!?□]?")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`, in order."""
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]
