"""Compose one article (simplified Chinese) together with its gold record.

Everything the gold says is decided here first and then printed, so the gold is right by
construction: names, titles (gold = printed title minus a province prefix), sides, dates, places.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import phrases as ph
from .names import NameMaker
from .refdata import (
    CAPITALS,
    NEUTRAL_SOURCES,
    SUB_PROVINCIAL,
    Gazetteer,
    Province,
    Unit,
    load_pairings,
    newspaper_for,
    unit_abbr,
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


def iso_or_md(d: date, known: bool) -> str:
    return d.isoformat() if known else f"????-{d.month:02d}-{d.day:02d}"


def md(d: date) -> str:
    return f"{d.month}月{d.day}日"


class Composer:
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

    # -------------------------------------------------------------- the visit
    def choose_pair(self) -> tuple[Province, Unit | None, Province, Unit | None, str, int]:
        """visiting province/unit, host province/unit, programme, year."""
        gz, r = self.gz, self.rng
        if self.chance(0.7):
            row = self.pick(load_pairings())
            prog = row["programme"]
            lo = int(row["since_year"] or 2016)
            hi = int(row["until_year"] or 2024)
            lo, hi = max(lo, 2012), min(hi, 2024)
            year = r.randint(lo, max(lo, hi))
            e_prov, w_prov = gz.provinces[row["east_province"]], gz.provinces[row["west_province"]]
            e_unit = gz.by_name.get(row["east_unit"]) if row["east_unit"] != row["east_province"] else None
            w_unit = gz.by_name.get(row["west_unit"]) if row["west_unit"] != row["west_province"] else None
            if e_unit is None and w_unit is not None and self.chance(0.3):
                e_unit = self.pick(gz.prefectures.get(e_prov.full, [None]))
            if self.chance(0.2) and w_unit is not None and w_unit.level == "prefecture":
                w_unit = self.pick(gz.counties.get(w_unit.full, [w_unit]))
            if self.chance(0.1) and e_unit is not None and e_unit.level == "prefecture":
                e_unit = self.pick(gz.counties.get(e_unit.full, [e_unit]))
            if w_unit is not None and e_unit is None and self.chance(0.5):
                w_unit = None  # province delegation to the province of the paired prefecture
            prog_kind = "aid" if prog.startswith("aid") else "ew"
        else:
            provs = list(gz.provinces.values())
            e_prov, w_prov = r.sample(provs, 2)
            year = r.randint(2016, 2024)
            e_unit = w_unit = None
            if self.chance(0.35):
                e_unit = self.pick(gz.prefectures.get(e_prov.full) or gz.counties.get(e_prov.full, []))
                w_pool = gz.prefectures.get(w_prov.full) or gz.counties.get(w_prov.full, [])
                w_unit = self.pick(w_pool) if self.chance(0.8) else None
            prog_kind = "ew"
        if self.chance(0.65):
            return e_prov, e_unit, w_prov, w_unit, prog_kind, year
        return w_prov, w_unit, e_prov, e_unit, prog_kind, year

    def programme(self, kind: str, year: int) -> tuple[str, str]:
        if kind == "aid":
            return "对口支援", "对口支援"
        if year <= 2020:
            return (
                ("东西部扶贫协作", "扶贫协作")
                if self.chance(0.85)
                else ("东西部扶贫协作和对口支援", "扶贫协作和对口支援")
            )
        return "东西部协作", "协作"

    def choose_dates(self, year: int) -> dict[str, Any]:
        r = self.rng
        has_pub = self.chance(0.72)
        dur = r.choice([0, 0, 1, 1, 1, 2, 2, 3])
        if has_pub:
            if self.chance(0.06):
                pub = date(year, 1, r.randint(1, 5))
                end = date(year - 1, 12, r.randint(27, 31))
                if (pub - end).days < 1:
                    end = pub - timedelta(days=2)
            else:
                pub = date(year, 1, 1) + timedelta(days=r.randint(8, 360))
                end = pub - timedelta(days=r.choice([1, 1, 1, 2, 2, 3, 4, 5]))
            start = end - timedelta(days=dur)
        else:
            pub = None
            end = date(year, 1, 1) + timedelta(days=r.randint(5, 360))
            start = end - timedelta(days=dur)
        known = pub is not None
        text = None
        if pub is not None:
            lag = (pub - end).days
            if lag == 1 and dur == 0 and self.chance(0.5):
                text = self.pick(["昨日", "昨天"])
            elif lag == 1 and dur == 1 and self.chance(0.5):
                text = self.pick(["前昨两天", "前天至昨天"])
            elif start.month == end.month == pub.month and start.year == pub.year and self.chance(0.3):
                text = f"{start.day}日" if dur == 0 else f"{start.day}日至{end.day}日"
        if text is None:
            with_year = self.chance(0.12 if pub else 0.35)
            known = known or with_year
            sep = "至" if self.chance(0.85) else "—"
            y1 = f"{start.year}年" if with_year else ""
            if dur == 0:
                text = y1 + md(start)
            elif start.year != end.year:
                text = f"{y1}{md(start)}{sep}{(str(end.year) + '年') if with_year else ''}{md(end)}"
            elif start.month != end.month:
                text = f"{y1}{md(start)}{sep}{md(end)}"
            else:
                text = f"{y1}{md(start)}{sep}{end.day}日"
        return {"pub": pub, "start": start, "end": end, "known": known, "text": text, "dur": dur}

    def day_ref(self, d: dict[str, Any], which: date) -> str:
        part = self.pick(["上午", "下午", "晚", "", "上午", "下午"])
        if d["dur"] == 0:
            return self.pick(["当天", "当日"]) + part if part else self.pick(["当天", "当日"])
        return f"{which.day}日{part}"

    def host_places(self, hp: Province, hu: Unit | None) -> tuple[list[Unit], list[Unit], list[str]]:
        """(prefectures visited = gold host_cities, counties visited, place phrases for the meeting city)."""
        gz, r = self.gz, self.rng
        if hu is None:
            if hp.is_muni:
                ds = r.sample(gz.counties.get(hp.full, []), k=min(3, len(gz.counties.get(hp.full, []))))
                return [], ds, [ds[0].full if ds else hp.short]
            prefs = list(gz.prefectures.get(hp.full, []))
            cap = gz.by_name.get(CAPITALS.get(hp.full, ""))
            chosen: list[Unit] = []
            if cap is not None and self.chance(0.55):
                chosen.append(cap)
            others = [u for u in prefs if u not in chosen]
            chosen += r.sample(others, k=min(len(others), r.randint(0 if chosen else 1, 2)))
            counties = []
            for u in chosen:
                if self.chance(0.5) and gz.counties.get(u.full):
                    counties.append(self.pick(gz.counties[u.full]))
            return chosen, counties, []
        if hu.level == "prefecture":
            cs = gz.counties.get(hu.full, [])
            return [hu], r.sample(cs, k=min(len(cs), r.randint(0, 2))), []
        pref = gz.by_name.get(hu.prefecture or "")
        return ([pref] if pref else []), [hu], []

    def place_text(self, u: Unit) -> str:
        if u.level == "prefecture":
            return u.full if self.chance(0.5) else u.short
        return u.full if self.chance(0.6) else u.short

    def site(self) -> str:
        s = self.pick(ph.SITES)
        return s.format(co=self.pick(ph.CO_WORDS), v=self.pick(ph.VILLAGE_WORDS))

    def meeting_name(self, vs: SideInfo, hs: SideInfo, prog_short: str, east_first: tuple[str, str]) -> str:
        gz, r = self.gz, self.rng
        e_name, w_name = east_first
        pair = unit_abbr(e_name, gz) + unit_abbr(w_name, gz)
        kind = r.randrange(5)
        if any(s.unit is not None and s.unit.level == "county" for s in (vs, hs)):
            kind = r.choice([2, 3])
        if kind == 0:
            return f"{pair}{prog_short}第{self.pick(ph.CN_NUM)}次联席会议"
        if kind == 1:
            return f"{pair}{prog_short}{self.pick(ph.MEETING_KINDS)}"
        names = [self.short_of(hs), self.short_of(vs)]
        if kind == 2:
            return f"{names[0]}·{names[1]}{prog_short}工作座谈会"
        if kind == 3:
            return f"{hs.unit_name}·{vs.unit_name}工作交流座谈会"
        return f"{pair}{prog_short}{self.pick(['高层联席会议', '工作推进会'])}"

    def short_of(self, s: SideInfo) -> str:
        if s.unit is None:
            return s.prov.short
        return s.unit.short if s.unit.level == "prefecture" else s.unit.full

    @staticmethod
    def we(p: Province) -> str:
        return "我市" if p.is_muni else "我区" if p.is_ar else "我省"

    def deleg(self, s: SideInfo, self_ref: bool) -> str:
        """The delegation's printed name.  self_ref: the paper's own side (我省/我市)."""
        dn = self.pick(ph.DELEG_NAMES)
        if self_ref and self.chance(0.4):
            if s.unit is None:
                return self.we(s.prov) + dn
            if s.own_unit_paper:
                return "我" + s.unit.kind[-1] + dn
        if s.unit is None:
            return (s.prov.full if self.chance(0.7) else s.prov.short) + dn
        return s.unit.full + dn

    def host_ref(self, hs: SideInfo) -> str:
        """How the host is named after 赴/到/来."""
        if hs.home and self.chance(0.6):
            if hs.unit is None:
                return self.pick(["到", "来"]) + self.we(hs.prov)
            if hs.own_unit_paper:
                return self.pick(["到", "来"]) + "我" + hs.unit.kind[-1]
        if hs.unit is None:
            if self.chance(0.3):
                ab = {"新疆维吾尔自治区": "疆"}.get(hs.prov.full, hs.prov.abbr)
                return "来" + ab if hs.home or self.chance(0.5) else "赴" + ab
            return self.pick(["赴", "到"]) + (hs.prov.full if self.chance(0.6) else hs.prov.short)
        return self.pick(["赴", "到"]) + hs.unit.full

    # ----------------------------------------------------------- visit article
    def visit_article(self) -> tuple[list[str], dict[str, Any]]:
        r, gz = self.rng, self.gz
        vp, vu, hp, hu, prog_kind, year = self.choose_pair()
        prog, prog_short = self.programme(prog_kind, year)
        dates = self.choose_dates(year)
        home = r.choices(["host", "visiting", None], weights=[45, 30, 25])[0]
        vs = SideInfo(vp, vu, "visiting", home == "visiting")
        hs = SideInfo(hp, hu, "host", home == "host")
        source = None
        home_side = vs if home == "visiting" else hs if home == "host" else None
        if home_side is not None:
            if home_side.unit is not None and home_side.unit.level == "prefecture" and self.chance(0.4):
                home_side.own_unit_paper = True
                base = home_side.unit.full.removesuffix("地区").removesuffix("市")
                base = home_side.unit.short.removesuffix("州") if home_side.unit.kind == "州" else base
                source = base + "日报" if self.chance(0.85) else None
            elif self.chance(0.85):
                source = newspaper_for(home_side.prov.full)
        elif self.chance(0.65):
            source = self.pick(NEUTRAL_SOURCES)
        big = vu is None and hu is None
        for s in (vs, hs):
            if s.unit is None:
                self.build_prov_side(s, s is vs, "big" if big else "small")
            else:
                self.build_unit_side(s)
        if hu is not None and hu.level == "county" and hu.prefecture and self.chance(0.4):
            pref = gz.by_name[hu.prefecture]
            t = unit_title(pref, self.pick(["vg", "sec", "gov"]), False, r)
            hs.extra.append(Off(self.names.new(), hp.full, [t], "host", 40, t))
        prefs, counties, muni_spots = self.host_places(hp, hu)
        east_first = (
            (vs.unit_name, hs.unit_name)
            if vp.region == "east" or hp.region != "east"
            else (hs.unit_name, vs.unit_name)
        )
        if vp.region != "east" and hp.region == "east":
            east_first = (hs.unit_name, vs.unit_name)
        meeting = self.meeting_name(vs, hs, prog_short, east_first) if self.chance(0.7) else None
        # where the meeting takes place: first visited prefecture (or district of a municipality)
        mplace_unit = prefs[0] if prefs else (counties[0] if counties else None)
        mplace = self.place_text(mplace_unit) if mplace_unit else (muni_spots[0] if muni_spots else hp.short)
        # leaders: 率 (one or two), else the most senior visiting official
        lead_mode = r.choices(["lv", "ldui", "dai", "none"], weights=[45, 15, 10, 30])[0]
        leaders = list(vs.top)
        if lead_mode != "none" and vs.second and vs.top and self.chance(0.25) and vs.unit is None:
            leaders = vs.top + vs.second[:1]
        if lead_mode == "none":
            leaders = vs.top[:1]
        paras: list[str] = []
        title_lines = self.headline(vs, hs, meeting, mplace, prog_short)
        # ---- lede
        dtext = dates["text"]
        vd = self.deleg(vs, vs.home)
        href = self.host_ref(hs)
        purpose = self.pick(ph.PURPOSES).format(prog=prog, prog_short=prog_short)
        lead_str = "，".join(self.say(o) for o in leaders) if lead_mode != "none" else ""
        if lead_mode == "lv":
            lede = f"{dtext}，{lead_str}率{vd}{href}{purpose}"
        elif lead_mode == "ldui":
            lede = f"{dtext}，{lead_str}率队{href}{purpose}"
        elif lead_mode == "dai":
            lede = f"{dtext}，由{lead_str}带队的{vd}{href}{purpose}"
        else:
            lede = f"{dtext}，{vd}{href}{purpose}"
        if meeting and self.chance(0.5):
            lede += f"，并在{mplace}{self.pick(['出席', '召开', '举行'])}{meeting}"
        lede += "。"
        if self.chance(0.4):
            lede = self.pick(["本报讯 ", "本网讯 ", ""]) + lede
        if self.chance(0.35):
            lede += f"双方{self.pick(ph.XI_SENTENCES).format(prog=prog)}，共商{self.pick(ph.GOALS)}等事宜。"
        paras.append(lede)
        # ---- meeting and roles
        mday = dates["start"] + timedelta(days=r.randint(0, dates["dur"]))
        sents = []
        if meeting:
            sents.append(
                self.pick(
                    [
                        f"{self.day_ref(dates, mday)}，{meeting}在{mplace}举行。",
                        f"{self.day_ref(dates, mday)}，两地在{mplace}召开{meeting}。",
                        f"{self.day_ref(dates, mday)}，{meeting}在{mplace}召开。",
                    ]
                )
            )
        else:
            sents.append(f"{self.day_ref(dates, mday)}，双方在{mplace}举行工作座谈。")
        roles = self.role_sentences(vs, hs, leaders, prog, lead_mode)
        sents += roles
        paras.append("".join(sents))
        # ---- places visited
        paras.append(self.places_paragraph(vs, hs, prefs, counties, muni_spots, leaders))
        # ---- speeches
        for s, o in ((vs, hs), (hs, vs)):
            speaker = (s.top or s.second)[0]
            paras.append(self.speech(speaker, s, o, prog, prog_short, east_first))
        if self.chance(0.3):
            paras.append(self.pick(ph.QUOTE_ONLY))
        if self.chance(0.25):
            paras.append(self.pick(ph.XI_QUOTES))
        if hu is None and not hp.is_muni and self.chance(0.4):
            others = [u for u in gz.prefectures.get(hp.full, []) if u not in prefs]
            if len(others) >= 2:
                a, b = r.sample(others, 2)
                paras.append(
                    f"{self.say(vs.top[0])}表示，将继续支持{a.short}、{b.short}等地{self.pick(ph.GOALS)}，"
                    f"{self.pick(ph.GOALS)}。"
                )
        # ---- delegation to someone else (委托): the principal is not a participant
        heads = ("省长", "市长", "主席", "州长", "县长", "区长", "专员", "盟长", "旗长")
        if self.chance(0.15) and not any(t.endswith(heads) for o in hs.everyone() for t in o.titles):
            absent = Off(self.names.new(), hp.full, [], None, 0, "")
            title = prov_title(hp, "gov") if hu is None else unit_title(hu, "gov", hs.home, r)
            stand_in = hs.everyone()[-1]
            paras.append(
                f"{self.say(stand_in)}受{title}{absent.name}委托，向代表团介绍了{self.pick(ph.GOALS)}情况。"
            )
        # ---- closing list and byline
        paras.append(self.closing(vs, hs))
        if self.chance(0.8):
            paras[-1] += self.byline()
        # ---- distractors: villagers
        if self.chance(0.35):
            vill = self.names.new()
            paras.insert(3, self.pick(ph.VILLAGER_LINES).format(v=self.pick(ph.VILLAGE_WORDS), n=vill))
        # everyone on both sides is a participant, even if an unlikely path skipped them in print
        missing = [o for o in vs.everyone() + hs.everyone() if o.name not in self.mentioned]
        if missing:
            paras.append(
                "、".join(o.printed + o.name if o.printed else o.name for o in missing) + "参加有关活动。"
            )
            self.register(missing)
        start, end, known = dates["start"], dates["end"], dates["known"]
        visit = {
            "visiting_province": vp.full,
            "host_province": hp.full,
            "visiting_unit": vs.unit_name,
            "host_unit": hs.unit_name,
            "start_date": iso_or_md(start, known),
            "end_date": iso_or_md(end, known),
            "host_cities": [u.full for u in _visited(hp, hu, vu, prefs, counties)],
            "meeting_name": meeting,
            "leaders": [o.name for o in leaders],
        }
        meta = {
            "pub": dates["pub"],
            "source": source,
            "title": title_lines,
            "visits": [visit],
            "home": home,
            "city": mplace,
        }
        return paras, meta

    def headline(
        self, vs: SideInfo, hs: SideInfo, meeting: str | None, mplace: str, prog_short: str
    ) -> list[str]:
        r = self.rng
        vname = vs.unit_name if vs.unit else vs.prov.full
        opts = [
            [
                f"{vname}{self.pick(ph.DELEG_NAMES)}赴{self.short_of(hs)}{self.pick(['考察', '学习考察', '调研'])}"
            ]
        ]
        if meeting:
            opts.append([f"{meeting}在{mplace}举行"])
            opts.append(
                [
                    f"{vname}代表团{'到我省' if hs.home and hs.unit is None else '赴' + self.short_of(hs)}考察",
                    f"在{mplace}举行{meeting}",
                ]
            )
        lines = self.pick(opts)
        if self.chance(0.3) and vs.top and hs.top:
            a, b = vs.top[0].name, hs.top[0].name
            lines.append(f"{a}{b}出席" if r.random() < 0.5 else f"{a}率队 {b}参加活动")
        return lines

    def role_sentences(
        self, vs: SideInfo, hs: SideInfo, leaders: list[Off], prog: str, lead_mode: str
    ) -> list[str]:
        out = []
        vtop, htop = vs.top[0], hs.top[0]
        if self.chance(0.5):
            out.append(
                f"{self.say(htop)}主持会议并讲话，{self.say(vtop)}{self.pick(['出席会议并讲话', '讲话'])}。"
            )
        else:
            out.append(f"{self.say(vtop)}出席并讲话。{self.say(htop)}主持并讲话。")
        vg, hg = vs.second[:1], hs.second[:1]
        if vg and hg:
            sep = "，" if "、" in vg[0].printed + hg[0].printed else "、"
            out.append(f"{self.say(vg[0])}{sep}{self.say(hg[0])}分别介绍两地经济社会发展和{prog}工作情况。")
        elif vg or hg:
            who = (vg or hg)[0]
            out.append(f"{self.say(who)}{self.pick(['参加活动', '出席', '参加有关活动'])}。")
        return out

    def places_paragraph(
        self,
        vs: SideInfo,
        hs: SideInfo,
        prefs: list[Unit],
        counties: list[Unit],
        muni: list[str],
        leaders: list[Off],
    ) -> str:
        r = self.rng
        items = []
        for u in prefs:
            cs = [c for c in counties if c.prefecture == u.full]
            items.append(self.place_text(u) + ("".join(self.place_text(c) for c in cs[:1]) if cs else ""))
        loose = [c for c in counties if c.prefecture not in {u.full for u in prefs}]
        items += [self.place_text(c) for c in loose]
        items += [m for m in muni if m not in items]
        if not items:
            items = [self.short_of(hs)]
        who = self.pick(["代表团一行", "代表团", f"{self.say(leaders[0])}一行"])
        places = "、".join(items[:-1]) + ("和" if len(items) > 1 else "") + items[-1]
        sites = "、".join(self.site() for _ in range(r.randint(2, 4)))
        s = self.pick(
            [
                f"{who}先后来到{places}，深入{sites}等地考察。",
                f"在{self.short_of(hs)}期间，{who}先后深入{places}的{sites}，实地了解{self.pick(ph.GOALS)}情况。",
                f"{who}还到{places}考察了{sites}。",
            ]
        )
        if self.chance(0.5):
            s += f"在{self.site()}，{self.say(leaders[0])}详细询问项目建设和群众增收情况。"
        return s

    def speech(
        self, speaker: Off, s: SideInfo, o: SideInfo, prog: str, prog_short: str, east_first: tuple[str, str]
    ) -> str:
        r = self.rng
        self_name = "我们" if s.home else self.short_of(s)
        pair = unit_abbr(east_first[0], self.gz) + unit_abbr(east_first[1], self.gz)
        if s.role == "host":
            thanks = self.pick(
                [
                    "对代表团一行的到来表示热烈欢迎",
                    f"对{self.short_of(o)}长期以来给予的支持帮助表示感谢",
                    f"对{self.short_of(o)}代表团表示欢迎",
                ]
            )
        else:
            thanks = self.pick(
                [
                    f"对{self.short_of(o)}的热情接待表示感谢",
                    f"感谢{self.short_of(o)}对援派干部人才的关心",
                    f"对{self.short_of(o)}给予的支持配合表示感谢",
                ]
            )
        org = self.pick(["代表", "首先代表"]) + self.short_of(s)
        parts = [f"{self.say(speaker)}{org}{thanks}。"]
        parts.append(self.pick(["他说，", "他表示，", "他指出，", "她说，"]))
        for t in r.sample(ph.SPEECH, k=r.randint(2, 4)):
            g1, g2 = r.sample(ph.GOALS, 2)
            parts.append(t.format(self=self_name, other=self.short_of(o), g1=g1, g2=g2, pair=pair, prog=prog))
        if self.chance(0.4):
            parts.insert(2, f"要{self.pick(ph.XI_SENTENCES).format(prog=prog)}，")
        return "".join(parts)

    def list_chunks(self, s: SideInfo) -> list[str]:
        chunks = []
        for printed, offs in s.groups:
            chunks.append(printed + "、".join(self.say(o, with_title=False) for o in offs))
        for o in s.extra:
            chunks.append(self.say(o))
        return chunks

    def closing(self, vs: SideInfo, hs: SideInfo) -> str:
        chunks = []
        for s in (vs, hs) if self.chance(0.6) else (hs, vs):
            chunks += self.list_chunks(s)
        if not chunks:
            return f"两地有关部门负责同志{self.pick(['参加活动', '陪同考察'])}。"
        body = "，".join(chunks[:-1]) + (
            "和" if len(chunks) > 1 and self.chance(0.4) else "，" if len(chunks) > 1 else ""
        )
        body += chunks[-1]
        return body + self.pick(["出席会议。", "参加有关活动。", "参加活动。", "陪同考察或出席会议。"])

    def byline(self) -> str:
        k = self.rng.randrange(4)
        if k == 0:
            return f"（记者 {self.reporter()}）"
        if k == 1:
            return f"（记者 {self.reporter()} {self.reporter()}）"
        if k == 2:
            return f"（记者{self.reporter()}）"
        return f"（本报记者 {self.reporter()}）"

    # ------------------------------------------------------- non-visit article
    def nonvisit_article(self) -> tuple[list[str], dict[str, Any]]:
        r, gz = self.rng, self.gz
        p = self.pick([x for x in gz.provinces.values() if not x.is_muni])
        year = r.randint(2016, 2024)
        dates = self.choose_dates(year)
        prog, prog_short = self.programme("ew", year)
        s = SideInfo(p, None, "visiting", self.chance(0.6))
        kind = r.randrange(3)
        source = newspaper_for(p.full) if s.home and self.chance(0.8) else None
        paras: list[str] = []
        if kind == 0:
            a, b = r.sample(gz.prefectures.get(p.full, []), 2)
            sa, sb = SideInfo(p, a, "visiting", False), SideInfo(p, b, "host", False)
            self.build_unit_side(sa)
            self.build_unit_side(sb)
            title = [f"{a.full}党政代表团赴{b.short}考察对接"]
            paras.append(
                f"{dates['text']}，{self.say(sa.top[0])}率{a.full}党政代表团赴{b.full}考察省内结对帮扶工作，"
                f"{self.say(sb.top[0])}陪同考察。"
            )
            paras.append(f"代表团一行深入{self.site()}、{self.site()}，详细了解产业发展情况。")
            chunks = self.list_chunks(sa) + self.list_chunks(sb)
            offs = sa.everyone() + sb.everyone()
        elif kind == 1:
            self.build_prov_side(s, True, "small")
            country = r.sample(ph.COUNTRIES, 2)
            title = [f"{p.short}党政代表团访问{country[0]}{country[1]}"]
            paras.append(
                f"{dates['text']}，{self.say(s.top[0])}率{p.full}党政代表团赴{country[0]}、{country[1]}"
                f"访问，推动经贸合作和人文交流。"
            )
            paras.append(
                f"在{country[0]}期间，代表团会见了当地政府官员和企业代表，出席{p.short}{country[0]}经贸合作推介会。"
            )
            chunks = self.list_chunks(s)
            offs = s.everyone()
        else:
            self.build_prov_side(s, False, "big")
            title = [f"全省{prog}工作推进会召开"]
            paras.append(
                f"{dates['text']}，全省{prog}工作推进会在{CAPITALS.get(p.full, p.short)[:-1]}召开。"
                f"{self.say(s.top[0])}出席会议并讲话。"
            )
            paras.append(
                f"会议强调，要{self.pick(ph.XI_SENTENCES).format(prog=prog)}，{self.pick(ph.GOALS)}。"
            )
            chunks = self.list_chunks(s)
            offs = s.everyone()
        rest = [o for o in offs if o.name not in self.mentioned]
        chunks = [o.printed + o.name for o in rest] + chunks
        if chunks:
            paras.append("，".join(chunks) + "参加活动。")
        self.register(offs)
        for o in self.order:
            o.side = None
        paras[-1] += self.byline()
        meta = {
            "pub": dates["pub"],
            "source": source,
            "title": title,
            "visits": [],
            "home": None,
            "city": p.short,
        }
        return paras, meta


def gold_record(doc: str, comp: Composer, meta: dict[str, Any], published: date | None) -> dict[str, Any]:
    return {
        "doc": doc,
        "published_date": published.isoformat() if published else None,
        "source": meta["source_named"],
        "reporters": list(dict.fromkeys(comp.reporters)),
        "visits": meta["visits"],
        "officials": [
            {"name": o.name, "province": o.province, "titles": list(o.titles), "side": o.side}
            for o in comp.order
        ],
    }


def _visited(hp: Province, hu: Unit | None, vu: Unit | None, prefs: list[Unit], counties: list[Unit]) -> list[Unit]:
    """The gold host_cities: the prefectures visited; in a municipality, which has none, the
    district hosting it, else the districts a city or county delegation went to (as the real
    articles' gold writes them), else none."""
    if not hp.is_muni:
        return prefs
    if hu is not None:
        return [hu]
    return counties if vu is not None else []
