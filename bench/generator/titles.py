"""Official titles: text forms per unit type, the gold form (province name stripped), and rank.

A title is described by a key.  Province-level keys render differently for 省 / 直辖市 / 自治区;
unit-level keys (prefecture, county) carry the unit's own name when printed outside that unit's
own newspaper (苏州市委书记, 凉山州州长, 昭觉县县长), and that name is kept in the gold.
"""

from __future__ import annotations

import random

from .refdata import Province, Unit, load_title_ranks

# key: (省 form, 直辖市 form, 自治区 form, titles.csv key)
PROV_TITLES: dict[str, tuple[str, str, str, str]] = {
    "sec": ("省委书记", "市委书记", "自治区党委书记", "省委书记"),
    "gov": ("省长", "市长", "自治区主席", "省长"),
    "npc": ("省人大常委会主任", "市人大常委会主任", "自治区人大常委会主任", "省人大常委会主任"),
    "cppcc": ("省政协主席", "市政协主席", "自治区政协主席", "省政协主席"),
    "dsec": ("省委副书记", "市委副书记", "自治区党委副书记", "省委副书记"),
    "sc": ("省委常委", "市委常委", "自治区党委常委", "省委常委"),
    "evg": ("常务副省长", "常务副市长", "自治区副主席", "常务副省长"),
    "vg": ("副省长", "副市长", "自治区副主席", "副省长"),
    "vnpc": ("省人大常委会副主任", "市人大常委会副主任", "自治区人大常委会副主任", "省人大常委会副主任"),
    "vcppcc": ("省政协副主席", "市政协副主席", "自治区政协副主席", "省政协副主席"),
    "sg": ("省政府秘书长", "市政府秘书长", "自治区政府秘书长", "省政府秘书长"),
    "dsg": ("省政府副秘书长", "市政府副秘书长", "自治区政府副秘书长", "省政府副秘书长"),
    "polit": ("中央政治局委员", "中央政治局委员", "中央政治局委员", "中央政治局委员"),
    "group": ("省领导", "市领导", "自治区领导", ""),
}

# Unit-level keys: rank key in titles.csv (prefecture / county variants).
UNIT_RANK_KEYS = {
    ("prefecture", "sec"): "市委书记",
    ("prefecture", "gov"): "市长",
    ("prefecture", "npc"): "市人大常委会主任",
    ("prefecture", "cppcc"): "市政协主席",
    ("prefecture", "dsec"): "市委副书记",
    ("prefecture", "sc"): "市委常委",
    ("prefecture", "vg"): "副市长",
    ("county", "sec"): "县委书记",
    ("county", "gov"): "县长",
    ("county", "vg"): "副县长",
    ("county", "dsec"): "县长",
    ("county", "sc"): "副县长",
}
EXTRA_RANKS = {"": 99}


def rank_of(key: str) -> int:
    ranks = load_title_ranks()
    return ranks.get(key, EXTRA_RANKS.get(key, 95))


def prov_title(p: Province, key: str) -> str:
    f = PROV_TITLES[key]
    return f[1] if p.is_muni else f[2] if p.is_ar else f[0]


def prov_rank(p: Province, key: str) -> int:
    if key in ("sec", "gov") and p.is_muni:
        return rank_of("市委书记(直辖市)" if key == "sec" else "市长(直辖市)")
    return rank_of(PROV_TITLES[key][3])


def prov_prefix(p: Province, first_title: str, rng: random.Random) -> str:
    """A province name to print before a title; stripping it gives the gold title back."""
    if p.is_ar:
        opts = [p.short, p.full[: -len("自治区")]] if p.full != p.short + "自治区" else [p.short]
        return rng.choice(opts)
    if first_title.startswith(("省", "市")):
        # 江苏省委书记 / 上海市委书记; 江苏省省长 / 天津市市长 only for the 长 titles
        if first_title in ("省长", "市长") and rng.random() < 0.5:
            return p.full
        return p.short
    return rng.choice([p.short, p.full])  # 江苏副省长 / 江苏省副省长, 中央政治局委员 handled by caller


def unit_title(u: Unit, key: str, own: bool, rng: random.Random) -> str:
    """Title of a prefecture/county official.  own=True: printed by the unit's own paper (no name)."""
    kind = u.kind
    if kind in ("州",):
        base = {
            "sec": "州委书记",
            "gov": "州长",
            "npc": "州人大常委会主任",
            "cppcc": "州政协主席",
            "dsec": "州委副书记",
            "sc": "州委常委",
            "vg": "副州长",
        }[key]
        name = u.short if u.short.endswith("州") else u.full
    elif kind == "地区":
        base = {
            "sec": "地委书记",
            "gov": "行署专员",
            "npc": "人大工委主任",
            "cppcc": "政协工委主任",
            "dsec": "地委副书记",
            "sc": "地委委员",
            "vg": "行署副专员",
        }[key]
        name = u.full[:-2]
        if not own:
            return name + ("地区" + base if base.startswith(("行署", "人大", "政协")) else base)
        return ("地区" + base) if base.startswith(("人大", "政协")) else base
    elif kind == "盟":
        base = {
            "sec": "盟委书记",
            "gov": "盟长",
            "npc": "盟人大工委主任",
            "cppcc": "盟政协主席",
            "dsec": "盟委副书记",
            "sc": "盟委委员",
            "vg": "副盟长",
        }[key]
        name = u.full
    else:
        s = kind if kind in ("市", "县", "区", "旗") else "市"
        head = {"市": "市长", "县": "县长", "区": "区长", "旗": "旗长"}[s]
        base = {
            "sec": f"{s}委书记",
            "gov": head,
            "npc": f"{s}人大常委会主任",
            "cppcc": f"{s}政协主席",
            "dsec": f"{s}委副书记",
            "sc": f"{s}委常委",
            "vg": "副" + head,
        }[key]
        name = u.short if u.level == "county" else u.full
    if own:
        return base
    if base[0] == name[-1] and base[1] in "委人政" and len(name) >= 3 and rng.random() < 0.9:
        return name + base[1:]  # 苏州市委书记, 凉山州委书记, 昭觉县委书记
    return name + base  # 苏州市市长, 凉山州副州长


def unit_rank(u: Unit, key: str) -> int:
    return rank_of(UNIT_RANK_KEYS.get((u.level, key), "副县长"))
