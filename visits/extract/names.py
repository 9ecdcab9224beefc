"""Rules that turn official place names into their everyday short forms.

延边朝鲜族自治州 -> 延边, 甘南藏族自治州 -> 甘南, 积石山保安族东乡族撒拉族自治县 -> 积石山,
广西壮族自治区 -> 广西, 遵义市 -> 遵义. Used by scripts/build_gazetteer.py and the gazetteer.
"""

from __future__ import annotations

import re

# The 56 recognised ethnic groups. Multi-character names may appear without 族
# (博尔塔拉蒙古自治州, 伊犁哈萨克自治州); one-character ones only with 族 (大理白族).
_ETHNIC_MULTI = (
    "蒙古 维吾尔 布依 朝鲜 土家 哈尼 哈萨克 傈僳 高山 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 "
    "布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 "
    "独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_SINGLE = "汉 回 藏 苗 彝 壮 满 侗 瑶 白 傣 黎 佤 畲 水 土 羌 怒 京".split()
_multi = "|".join(sorted(_ETHNIC_MULTI, key=len, reverse=True))
_single = "|".join(_ETHNIC_SINGLE)
ETHNIC_TAIL = re.compile(rf"(?:(?:{_multi})族?|(?:{_single})族)$")

_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
_PLAIN_SUFFIXES = {
    "province": ("特别行政区", "省", "市"),
    "prefecture": ("地区", "市", "盟"),
    "county": ("特区", "县", "区", "市", "旗"),
}


def strip_ethnic(stem: str) -> str:
    """Drop trailing ethnic names: 黔南布依族苗族 -> 黔南 (keeps at least two characters)."""
    while True:
        m = ETHNIC_TAIL.search(stem)
        if not m or m.start() < 2:
            return stem
        stem = stem[: m.start()]


def short_form(name: str, level: str) -> str:
    """The everyday short form of a unit name, by rule; the name itself when nothing strips."""
    for suffix in _AUTONOMOUS:
        if name.endswith(suffix):
            return strip_ethnic(name[: -len(suffix)])
    for suffix in _PLAIN_SUFFIXES.get(level, ()):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name
