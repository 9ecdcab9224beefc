"""SQL functions the dbt models call, registered on dbt-duckdb's connection (profiles.yml plugin).

The marts are materialised tables, so readers of the warehouse never need these functions.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from pypinyin import Style, lazy_pinyin

# Surnames read differently from the character's common reading (单 shàn, not dān).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
    "盖": "ge", "乐": "yue", "种": "chong", "冼": "xian", "尉": "yu", "覃": "qin", "缪": "miao",
    "翟": "zhai", "繁": "po", "员": "yun", "召": "shao", "秘": "bi", "宓": "mi", "隗": "wei",
}
# Two-character surnames: the given name starts after them.
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "夏侯")


# What name_pinyin's answers depend on: this module and pypinyin. The warehouse keeps each
# name's pinyin from build to build (int_name_pinyin) and redoes the names made by another version.
PINYIN_VERSION = hashlib.sha256(
    Path(__file__).read_bytes() + metadata.version("pypinyin").encode()
).hexdigest()[:12]


def name_pinyin_version() -> str:
    return PINYIN_VERSION


def name_pinyin(name: str | None) -> str | None:
    """'胡和平' -> 'Hu Heping': surname, then the given name as one word, each capitalised."""
    if not name:
        return None
    split = 2 if name.startswith(COMPOUND_SURNAMES) and len(name) > 2 else 1
    surname, given = name[:split], name[split:]
    sur = [SURNAME_READINGS.get(surname, "")] if split == 1 and surname in SURNAME_READINGS else []
    sur = sur or lazy_pinyin(surname, style=Style.NORMAL, v_to_u=True)
    parts = ["".join(sur).capitalize()]
    if given:
        parts.append("".join(lazy_pinyin(given, style=Style.NORMAL, v_to_u=True)).capitalize())
    return " ".join(parts)


class Plugin(BasePlugin):
    """dbt-duckdb loads this class by module name (profiles.yml `plugins:`)."""

    def configure_connection(self, conn: Any) -> None:
        conn.create_function("name_pinyin", name_pinyin, ["VARCHAR"], "VARCHAR", null_handling="special")
        conn.create_function("name_pinyin_version", name_pinyin_version, [], "VARCHAR")
