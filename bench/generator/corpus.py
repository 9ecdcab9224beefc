"""Assemble articles (headline, header chrome, body, captions, footer) and render them."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import phrases as ph
from .compose import Composer, gold_record
from .refdata import Gazetteer, load_gazetteer
from .render import ascii_punct, build_pool, garble, make_table, to_traditional

SCRIPTS = ("simplified", "traditional", "garbled")
N_SITES = 8


@dataclass
class Settings:
    seed: int = 7
    mix: tuple[float, float, float] = (0.4, 0.3, 0.3)  # simplified, traditional, garbled
    nonvisit_share: float = 0.1
    chrome_share: float = 0.45  # articles with boilerplate / forum chrome / images
    article_bytes: int = 0  # pad each article's body with filler paragraphs to about this size (0: none)


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, Any]
    script: str
    simplified: str  # the simplified rendering (before script conversion)


class Generator:
    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.gz: Gazetteer = load_gazetteer()
        self.width = 3
        pool = build_pool(self._pool_texts())
        site_rng = random.Random(f"{settings.seed}:sites")
        self.tables = [make_table(pool, site_rng, site_rng.randint(25, 70)) for _ in range(N_SITES)]

    def _pool_texts(self) -> list[str]:
        texts: list[str] = []
        for name in (
            "PURPOSES",
            "SPEECH",
            "GOALS",
            "SITES",
            "XI_SENTENCES",
            "XI_QUOTES",
            "QUOTE_ONLY",
            "VILLAGER_LINES",
            "DELEG_NAMES",
            "MEETING_KINDS",
        ):
            texts += [t.replace("{", "").replace("}", "") for t in getattr(ph, name)]
        texts += [
            "党政代表团赴考察东西部扶贫协作对口支援联席会议座谈会举行召开出席讲话主持会议参加有关活动",
            "省委书记省长副省长省人大常委会主任省政协主席省委常委省领导市领导记者摄陪同考察",
            "经济社会发展产业园区乡村振兴劳务协作消费帮扶项目资金干部人才医疗教育",
        ]
        texts += [p.full for p in self.gz.provinces.values()]
        return texts

    # ------------------------------------------------------------------ layout
    def header(
        self, rng: random.Random, comp: Composer, pub: date | None, source: str | None, style: str
    ) -> tuple[list[str], str | None]:
        """Header lines and the source that actually got printed."""
        lines: list[str] = []
        printed_src = source
        if style == "forum":
            lines += ph.FORUM_HEAD[:1] + [""]
            if pub:
                lines.append(f"#楼主# {pub.year}-{pub.month}-{pub.day}")
            if source:
                lines.append(f"来源：{source}")
            return lines, printed_src
        if pub is None:
            if source:
                lines.append(rng.choice([f"来源：{source}", f"【{source}】", f"来源:{source}"]))
            return lines, printed_src
        y, m, d = pub.year, pub.month, pub.day
        hh, mm, ss = rng.randrange(6, 23), rng.randrange(60), rng.randrange(60)
        k = rng.randrange(5)
        if k == 0:
            lines += [f"- 时间:{pub.isoformat()}", f"- 点击:{rng.randrange(0, 900)}"]
            if source:
                lines.append(f"- 来源:{source}")
        elif k == 1:
            ed1, ed2 = comp.names.new(), comp.names.new()
            src = f"|来源:{source}" if source else ""
            lines.append(f"{pub.isoformat()} {hh:02d}:{mm:02d}:{ss:02d}{src}|编辑:{ed1}|责编:{ed2}")
        elif k == 2 and source:
            lines.append(f"{source} {y}年{m:02d}月{d:02d}日")
        elif k == 3:
            src = f"　来源：{source}" if source else ""
            lines.append(f"发布时间：{y}年{m}月{d}日 {hh:02d}:{mm:02d}{src}")
        else:
            src = f"　{source}" if source else ""
            lines.append(f"{y}-{m:02d}-{d:02d}{src}")
        return lines, printed_src

    def image_block(self, rng: random.Random, comp: Composer, meta: dict[str, Any]) -> list[str]:
        pub = meta["pub"] or date(2019, 5, 10)
        fn = f"W0{pub.year}{pub.month:02d}{pub.day:02d}{rng.randrange(10**11, 10**12)}.jpg"
        k = rng.randrange(3)
        if k == 0:
            cap = f"图为代表团在{comp.site()}考察。{comp.reporter()} 摄"
        elif k == 1:
            cap = f"{meta['city']}，双方举行工作座谈。本报记者 {comp.reporter()} 摄"
        else:
            cap = f"代表团一行在{comp.site()}了解项目建设情况。{comp.reporter()}摄"
        return [fn, "", cap, ""]

    def footer(self, rng: random.Random, comp: Composer, source: str | None, style: str) -> list[str]:
        if style == "forum":
            return [""] + rng.sample(ph.FORUM_TAIL, k=3)
        site = source or rng.choice(["本网", "国际在线", "新闻网"])
        t = rng.choice(ph.FOOTERS)
        return [
            "",
            t.format(
                site=site,
                tel=rng.randrange(1000000, 9999999),
                ed=comp.names.new(),
                prog="东西部协作",
                prog_short="协作",
            ),
        ]

    # ----------------------------------------------------------------- article
    def filler(self, rng: random.Random) -> str:
        """A paragraph of the generator's own stock phrases that reports no visit."""
        prog = rng.choice(["东西部协作", "对口支援", "乡村振兴"])
        goals = rng.sample(ph.GOALS, 3)
        speech = rng.choice(ph.SPEECH).format(
            other="当地", self="我们", pair="各地", prog=prog, g1=goals[0], g2=goals[1]
        )
        xi = rng.choice(ph.XI_SENTENCES).format(prog=prog)
        return f"会议强调，要{xi}，{goals[2]}。{speech}"

    def padded(self, body: list[str], head: list[str], idx: int) -> list[str]:
        """body with filler paragraphs inserted after its second paragraph, until the article
        reaches Settings.article_bytes. A separate random stream: the article itself is unchanged."""
        rng = random.Random(f"{self.s.seed}:{idx}:pad")
        size = len("\n".join(head + body).encode("utf-8"))
        filler: list[str] = []
        while size < self.s.article_bytes:
            para = self.filler(rng)
            filler.append(para)
            size += len(para.encode("utf-8")) + 1
        cut = min(2, len(body))
        return body[:cut] + filler + body[cut:]

    def article(self, idx: int) -> Article:
        rng = random.Random(f"{self.s.seed}:{idx}")
        comp = Composer(rng, self.gz)
        nonvisit = rng.random() < self.s.nonvisit_share
        paras, meta = comp.nonvisit_article() if nonvisit else comp.visit_article()
        chrome = rng.random() < self.s.chrome_share
        style = rng.choice(["forum", "portal", "portal"]) if chrome else "plain"
        head, printed_src = self.header(rng, comp, meta["pub"], meta["source"], style)
        lines: list[str] = []
        title = meta["title"]
        if style == "forum":
            lines += head[:2] + title + [""] + head[2:]
        elif rng.random() < 0.5:
            lines += title + [""] + head
        else:
            lines += head + title
        if chrome and rng.random() < 0.6:
            lines += [""] + self.image_block(rng, comp, meta)
        indent = rng.choice(["", "", "  ", "　　"])
        body = [indent + p for p in paras]
        if chrome and rng.random() < 0.3 and len(body) > 3:
            pos = rng.randrange(2, len(body))
            body[pos:pos] = self.image_block(rng, comp, meta)
        if self.s.article_bytes:
            body = self.padded(body, lines, idx)
        lines += body
        if chrome:
            lines += self.footer(rng, comp, printed_src, style)
        simplified = "\n".join(lines).strip() + "\n"
        script = rng.choices(SCRIPTS, weights=self.s.mix)[0]
        text = simplified
        ascii_site = rng.random() < 0.55
        if script == "simplified":
            text = ascii_punct(text) if ascii_site else text
        elif script == "traditional":
            text = to_traditional(text)
            if "陝" in text and rng.random() < 0.4:
                text = text.replace("陝", "陜")
            text = ascii_punct(text) if ascii_site else text
        else:
            trad = to_traditional(text)
            if "陝" in trad and rng.random() < 0.4:
                trad = trad.replace("陝", "陜")
            table = self.tables[rng.randrange(N_SITES)]
            comma = rng.uniform(0.3, 0.9) if rng.random() < 0.3 else 0.0
            text = garble(trad, table, rng, punct_bytes=ascii_site or rng.random() < 0.5, comma_rate=comma)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        name = f"{idx:0{self.width}d}_{digest}.txt"
        meta["source_named"] = printed_src
        gold = gold_record(name, comp, meta, meta["pub"])
        return Article(name, text, gold, script, simplified)
