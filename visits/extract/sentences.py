"""The one sentence splitter every extraction stage reads sentences through."""

from __future__ import annotations

import re

# □ marks a garbled span the cleaner could not rebuild; it most often swallowed a full
# stop, so it ends a sentence too.
# A semicolon before a date starts another dated statement (4月26日，甲率团莅临我县；7月9日，乙
# 率团赴…): it ends a sentence too; any other semicolon stays inside one.
_DATED = r"\s*(?:(?:19|20)\d{2}年)?\d{1,2}月"
_SENTENCE = re.compile(rf"(?:[^。！？!?\n□；;]|[；;](?!{_DATED}))+(?:[。！？!?□]|[；;](?={_DATED}))?")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`, in order."""
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]
