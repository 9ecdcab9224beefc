"""Compose one article (simplified Chinese) together with its gold record.

Everything the gold says is decided here first and then printed, so the gold is right by
construction: names, titles (gold = printed title minus a province prefix), sides, dates, places.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import phrases as ph
from .cast import Off, SideInfo
from .prose import Prose
from .refdata import (
    CAPITALS,
    NEUTRAL_SOURCES,
    Province,
    Unit,
    newspaper_for,
)
from .scenario import iso_or_md
from .titles import prov_title, unit_title


class Composer(Prose):
    """One article and its gold: a visit article, or a near-miss with no visit."""

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


def _visited(
    hp: Province, hu: Unit | None, vu: Unit | None, prefs: list[Unit], counties: list[Unit]
) -> list[Unit]:
    """The gold host_cities: the prefectures visited; in a municipality, which has none, the
    district hosting it, else the districts a city or county delegation went to (as the real
    articles' gold writes them), else none."""
    if not hp.is_muni:
        return prefs
    if hu is not None:
        return [hu]
    return counties if vu is not None else []
