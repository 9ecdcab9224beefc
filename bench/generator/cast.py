"""Who takes part: the officials of each side, decided before anything is printed.

Each official carries the gold title (the printed title minus a province prefix), side and
rank, so the gold is right by construction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from .names import NameMaker
from .refdata import (
    CAPITALS,
    SUB_PROVINCIAL,
    Gazetteer,
    Province,
    Unit,
)
from .titles import prov_prefix, prov_rank, prov_title, rank_of, unit_rank, unit_title

POLIT_PROVINCES = {"北京市", "天津市", "上海市", "重庆市", "广东省", "新疆维吾尔自治区"}
SOES = [
    "南方电网公司",
    "中国华电集团公司",
    "国家能源投资集团",
    "中国建筑集团公司",
    "招商局集团",
    "中国旅游集团公司",
    "中国电信集团公司",
    "中粮集团公司",
    "东方航空集团公司",
    "中国铁建股份公司",
]
SOE_ROLES = ["党组书记、董事长", "党组书记", "董事长", "总经理", "党委书记、董事长", "党组副书记、总经理"]


@dataclass
class Off:
    name: str
    province: str | None
    titles: list[str]  # gold titles
    side: str | None
    rank: int
    printed: str  # title string printed at first mention ("" for bare names)


@dataclass
class SideInfo:
    prov: Province
    unit: Unit | None  # None: the province itself
    role: str  # visiting / host
    home: bool  # the newspaper's own side (titles printed without the place name)
    own_unit_paper: bool = False  # the paper belongs to the unit itself (city paper)
    top: list[Off] = field(default_factory=list)  # most senior first (1 or 2 people)
    second: list[Off] = field(default_factory=list)  # governors / mayors
    groups: list[tuple[str, list[Off]]] = field(default_factory=list)  # (printed title, names)
    extra: list[Off] = field(default_factory=list)  # singles: city officials, SOE heads

    @property
    def unit_name(self) -> str:
        return self.unit.full if self.unit else self.prov.full

    def everyone(self) -> list[Off]:
        out = list(self.top) + list(self.second)
        for _, g in self.groups:
            out += g
        return out + list(self.extra)


class Cast:
    """The random source, the gazetteer and everyone named so far; the officials of a side."""

    def __init__(self, rng: random.Random, gz: Gazetteer) -> None:
        self.rng = rng
        self.gz = gz
        self.names = NameMaker(rng)
        self.mentioned: dict[str, Off] = {}
        self.order: list[Off] = []
        self.reporters: list[str] = []

    # ----------------------------------------------------------------- helpers
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq: list[Any]) -> Any:
        return self.rng.choice(seq)

    def say(self, off: Off, with_title: bool = True) -> str:
        """Print a person: title + name at the first mention, bare name afterwards."""
        if off.name not in self.mentioned:
            self.mentioned[off.name] = off
            self.order.append(off)
            return (off.printed if with_title else "") + off.name
        return off.name

    def register(self, offs: list[Off]) -> None:
        for o in offs:
            if o.name not in self.mentioned:
                self.mentioned[o.name] = o
                self.order.append(o)

    def reporter(self) -> str:
        n = self.names.new()
        self.reporters.append(n)
        return n

    def join_names(self, names: list[str]) -> str:
        return "、".join(names)

    # --------------------------------------------------------------- officials
    def prov_off(self, s: SideInfo, chain: list[str], extra_unit: tuple[Unit, str] | None = None) -> Off:
        p = s.prov
        titles = [prov_title(p, k) for k in chain]
        rank = min(prov_rank(p, k) for k in chain)
        printed = list(titles)
        if extra_unit is not None:
            u, key = extra_unit
            t = unit_title(u, key, False, self.rng)
            titles.append(t)
            printed.append(t)
            rank = min(rank, rank_of("副省级城市市委书记") if u.full in SUB_PROVINCIAL else unit_rank(u, key))
        if not (s.home and self.chance(0.9)):
            i = 1 if chain[0] == "polit" else 0
            printed[i] = prov_prefix(p, titles[i], self.rng) + titles[i]
        return Off(self.names.new(), p.full, titles, s.role, rank, "、".join(printed))

    def prov_group(self, s: SideInfo, key: str, n: int) -> tuple[str, list[Off]]:
        p = s.prov
        t = prov_title(p, key)
        printed = t if (s.home and self.chance(0.9)) else prov_prefix(p, t, self.rng) + t
        rank = 99 if key == "group" else prov_rank(p, key)
        offs = [Off(self.names.new(), p.full, [t], s.role, rank, "") for _ in range(n)]
        return printed, offs

    def unit_off(self, s: SideInfo, u: Unit, chain: list[str]) -> Off:
        own = s.own_unit_paper and u is s.unit and self.chance(0.9)
        titles = []
        for i, k in enumerate(chain):
            t = unit_title(u, k, own or i > 0, self.rng)
            titles.append(t)
        rank = min(unit_rank(u, k) for k in chain)
        return Off(self.names.new(), u.province, titles, s.role, rank, "、".join(titles))

    def build_prov_side(self, s: SideInfo, visiting: bool, size: str) -> None:
        p, r = s.prov, self.rng
        if size == "big":
            top_kind = "sec"
        else:
            top_kind = r.choices(["sec", "gov", "vg"], weights=[30, 20, 50])[0]
        if top_kind == "sec":
            if p.full in POLIT_PROVINCES and self.chance(0.4):
                chain = ["polit", "sec"]
            elif self.chance(0.35):
                chain = ["sec", "npc"]
            else:
                chain = ["sec"]
            s.top.append(self.prov_off(s, chain))
            if self.chance(0.7 if size == "big" else 0.4):
                s.second.append(self.prov_off(s, ["dsec", "gov"] if self.chance(0.8) else ["gov"]))
        elif top_kind == "gov":
            s.top.append(self.prov_off(s, ["dsec", "gov"] if self.chance(0.7) else ["gov"]))
        else:
            s.top.append(self.prov_off(s, ["sc", "evg"] if self.chance(0.3) else ["vg"]))
        minor = top_kind == "vg"
        if size == "big" and not minor:
            if self.chance(0.3):
                s.groups.append(self.prov_group(s, "dsec", 1))
            if self.chance(0.55):
                s.groups.append(self.prov_group(s, "sc", r.randint(1, 5)))
            if self.chance(0.3):
                s.groups.append(self.prov_group(s, "vnpc", r.randint(1, 2)))
            if self.chance(0.45):
                s.groups.append(self.prov_group(s, "vg", r.randint(1, 3)))
            if self.chance(0.2):
                s.groups.append(self.prov_group(s, "vcppcc", 1))
            if self.chance(0.55) or not s.groups:
                s.groups.append(self.prov_group(s, "group", r.randint(2, 6)))
            if self.chance(0.25):
                s.groups.append(self.prov_group(s, "sg", 1))
        elif not minor and self.chance(0.6):
            s.groups.append(self.prov_group(s, self.pick(["vg", "sc", "group"]), r.randint(1, 3)))
        if not p.is_muni and self.chance(0.3):
            cap = self.gz.by_name.get(CAPITALS.get(p.full, ""))
            if cap is not None:
                if self.chance(0.5) and not minor:
                    s.extra.append(self.prov_off(s, ["sc"], (cap, "sec")))
                else:
                    key = self.pick(["sec", "gov", "cppcc", "npc"])
                    t = unit_title(cap, key, False, r)
                    s.extra.append(Off(self.names.new(), p.full, [t], s.role, unit_rank(cap, key), t))
        if visiting and self.chance(0.12):
            soe = self.pick(SOES) + self.pick(SOE_ROLES)
            s.extra.append(Off(self.names.new(), None, [soe], s.role, rank_of("党组书记、董事长"), soe))

    def build_unit_side(self, s: SideInfo) -> None:
        u = s.unit
        assert u is not None
        chain = ["sec"]
        prov_chain = None
        if u.full in SUB_PROVINCIAL and self.chance(0.5):
            prov_chain = ["sc"]
        if prov_chain:
            s.top.append(self.prov_off(s, prov_chain, (u, "sec")))
        else:
            s.top.append(self.unit_off(s, u, chain))
        if self.chance(0.5):
            s.second.append(self.unit_off(s, u, ["dsec", "gov"] if self.chance(0.6) else ["gov"]))
        for key in ("sc", "vg"):
            if self.chance(0.4):
                offs = [self.unit_off(s, u, [key]) for _ in range(self.rng.randint(1, 2))]
                printed = offs[0].titles[0]
                for o in offs:
                    o.titles = [printed]
                    o.printed = ""
                s.groups.append((printed, offs))
