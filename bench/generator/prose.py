"""The prose around the facts: headline, roles, places, speeches, closing, byline."""

from __future__ import annotations

from . import phrases as ph
from .cast import Off, SideInfo
from .refdata import (
    Unit,
    unit_abbr,
)
from .scenario import Scenario


class Prose(Scenario):
    """Prints the decided facts in the reporters' forms."""

    # ------------------------------------------------------------------- prose
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
