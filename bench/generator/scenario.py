"""The facts of one visit before it is written: the pair, the programme, the dates, the places
visited, the meeting's name and how each side is named."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import phrases as ph
from .cast import Cast, SideInfo
from .refdata import (
    CAPITALS,
    Province,
    Unit,
    load_pairings,
    unit_abbr,
)


def iso_or_md(d: date, known: bool) -> str:
    return d.isoformat() if known else f"????-{d.month:02d}-{d.day:02d}"


def md(d: date) -> str:
    return f"{d.month}月{d.day}日"


class Scenario(Cast):
    """Chooses what happened: every choice here is one the gold records."""

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
