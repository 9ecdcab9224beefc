"""Tests of the synthetic corpus generator (bench/generate.py): determinism, gold shape, gold
grounded in the simplified text, and the three renderings."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import opencc
import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import generate as cli  # noqa: E402
from generator.corpus import Generator, Settings  # noqa: E402
from generator.refdata import load_gazetteer  # noqa: E402
from generator.render import garble  # noqa: E402

N = 400
PROVINCES = set(load_gazetteer().provinces)
VISIT_KEYS = [
    "visiting_province",
    "host_province",
    "visiting_unit",
    "host_unit",
    "start_date",
    "end_date",
    "host_cities",
    "meeting_name",
    "leaders",
]
DATE_RE = re.compile(r"^(\d{4}|\?{4})-\d{2}-\d{2}$")
TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
ANNOT_RE = re.compile(rf"[\u4e00-\u9fff]\([a-z{TONE}]+\)")
STRADDLE_RE = re.compile(rf"\?[a-z{TONE}]+\)")


@pytest.fixture(scope="module")
def articles():
    gen = Generator(Settings(seed=11))
    return [gen.article(i) for i in range(N)]


def test_deterministic_for_a_seed(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    cli.generate(a, 25, seed=3)
    cli.generate(b, 25, seed=3)
    cli.generate(c, 25, seed=4)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.*") if p.name != "manifest.json")
    files_b = sorted(p.relative_to(b) for p in b.rglob("*.*") if p.name != "manifest.json")
    assert files_a == files_b and len(files_a) == 50
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes()
    assert sorted(p.name for p in (c / "raw").iterdir()) != sorted(p.name for p in (a / "raw").iterdir())


def test_cli_writes_raw_and_gold_pairs(tmp_path):
    assert cli.main(["--n", "12", "--seed", "5", "--out", str(tmp_path / "o")]) == 0
    raws = sorted((tmp_path / "o" / "raw").glob("*.txt"))
    golds = sorted((tmp_path / "o" / "gold").glob("*.json"))
    assert len(raws) == len(golds) == 12
    for r, g in zip(raws, golds, strict=True):
        assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", r.name)
        assert json.loads(g.read_text(encoding="utf-8"))["doc"] == r.name
    man = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert man["n"] == 12 and sum(man["scripts"].values()) == 12


def test_mb_target(tmp_path):
    man = cli.generate(tmp_path / "m", None, seed=1, mb=0.05)
    assert man["bytes"] >= 50_000 and man["n"] < 200


def test_gold_has_the_schema_shape(articles):
    for a in articles:
        g = a.gold
        assert list(g) == ["doc", "published_date", "source", "reporters", "visits", "officials"]
        assert g["doc"] == a.name
        assert g["published_date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published_date"])
        assert g["source"] is None or isinstance(g["source"], str)
        assert all(isinstance(x, str) and x for x in g["reporters"])
        for v in g["visits"]:
            assert list(v) == VISIT_KEYS
            assert v["visiting_province"] in PROVINCES and v["host_province"] in PROVINCES
            assert v["visiting_province"] != v["host_province"]
            assert DATE_RE.match(v["start_date"]) and DATE_RE.match(v["end_date"])
            assert v["start_date"] <= v["end_date"] or v["start_date"][:4] == "????"
            assert isinstance(v["host_cities"], list) and v["leaders"]
            assert v["meeting_name"] is None or isinstance(v["meeting_name"], str)
        names = [o["name"] for o in g["officials"]]
        assert len(names) == len(set(names))
        for o in g["officials"]:
            assert list(o) == ["name", "province", "titles", "side"]
            assert o["province"] is None or o["province"] in PROVINCES
            assert o["titles"] and all(isinstance(t, str) and t for t in o["titles"])
            assert o["side"] in ("visiting", "host", None)
            assert o["side"] is None or not g["visits"] or o["side"] in ("visiting", "host")


def test_gold_is_simplified_and_grounded_in_the_simplified_rendering(articles):
    t2s = opencc.OpenCC("t2s")
    gz = load_gazetteer()
    units = {u.full for u in gz.by_name.values()} | {u.short for u in gz.by_name.values()}
    prov_names = tuple(PROVINCES) + tuple(p.short for p in gz.provinces.values())
    for a in articles:
        g, text = a.gold, a.simplified
        js = json.dumps(g, ensure_ascii=False)
        changed = {x for x, y in zip(js, t2s.convert(js), strict=True) if x != y}
        assert changed <= {"沈"}, (a.name, changed)  # t2s also maps the surname 沈 to 沉
        for o in g["officials"]:
            assert o["name"] in text, (a.name, o["name"])
            assert 2 <= len(o["name"]) <= 4, (a.name, o["name"])
            for t in o["titles"]:
                assert t in text, (a.name, o["name"], t)
            for t in o["titles"]:  # the province name is stripped (a city's own name stays: 吉林市委书记)
                if any(t[:k] in units for k in range(2, 9)):
                    continue
                assert not t.startswith(prov_names), (a.name, o)
        for r in g["reporters"]:
            assert r in text and r not in {o["name"] for o in g["officials"]}
        if g["source"]:
            assert g["source"] in text
        if g["published_date"]:
            y, m, d = (int(x) for x in g["published_date"].split("-"))
            assert any(
                f in text
                for f in (g["published_date"], f"{y}-{m}-{d}", f"{y}年{m:02d}月{d:02d}日", f"{y}年{m}月{d}日")
            )
        for v in g["visits"]:
            if v["meeting_name"]:
                assert v["meeting_name"] in text
            for c in v["host_cities"]:
                u = gz.by_name[c]
                assert c in text or u.short in text, (a.name, c)
                assert u.province == v["host_province"]
            visiting = {o["name"] for o in g["officials"] if o["side"] == "visiting"}
            assert set(v["leaders"]) <= visiting, (a.name, v["leaders"])
            if not g["published_date"] and not re.search(
                r"\d{4}年\d{1,2}月\d{1,2}日", text.split("\n\n")[-1] + text
            ):
                assert v["start_date"].startswith("????"), a.name


def test_dates_precede_publication_and_cross_years(articles):
    crossed = 0
    for a in articles:
        g = a.gold
        for v in g["visits"]:
            if g["published_date"] and not v["end_date"].startswith("?"):
                assert date.fromisoformat(v["end_date"]) < date.fromisoformat(g["published_date"])
                crossed += v["start_date"][:4] != g["published_date"][:4]
    assert crossed >= 1


def test_leaders_are_the_most_senior_when_nobody_leads():
    import random

    from generator.compose import Composer

    gz = load_gazetteer()
    for i in range(300):
        comp = Composer(random.Random(i), gz)
        paras, meta = comp.visit_article()
        text = "".join(paras)
        leaders = meta["visits"][0]["leaders"]
        if not any(f"{n}率" in text or f"{n}带队" in text for n in leaders):
            visiting = [o for o in comp.order if o.side == "visiting"]
            best = min(o.rank for o in visiting)
            assert [o.name for o in visiting if o.rank == best] == leaders, (i, leaders)


def test_traditional_rendering_is_fully_traditional(articles):
    s2t = opencc.OpenCC("s2t")
    trad = [a for a in articles if a.script == "traditional"]
    assert len(trad) > N * 0.15
    for a in trad:
        assert s2t.convert(a.text) == a.text, a.name


def test_garbled_rendering_has_annotations_and_straddles(articles):
    garbled = [a for a in articles if a.script == "garbled"]
    assert len(garbled) > N * 0.15
    assert all(ANNOT_RE.search(a.text) for a in garbled)
    straddles = sum(len(STRADDLE_RE.findall(a.text)) for a in garbled)
    assert straddles >= 3
    assert any(re.search(r",[，、。,]", a.text) for a in garbled)


def test_garble_reproduces_the_notes_example():
    import random

    out = garble("來甘考察對接東西部協作工作。", [("訓", "xùn"), ("協", "xié")], random.Random(0))
    assert out == "來甘考察對接?xùn)|西部協(xié)作工作。"


def test_mix_and_nonvisit_share_follow_the_parameters():
    gen = Generator(Settings(seed=2, mix=(0.0, 0.0, 1.0), nonvisit_share=0.3))
    arts = [gen.article(i) for i in range(300)]
    assert Counter(a.script for a in arts) == {"garbled": 300}
    share = sum(not a.gold["visits"] for a in arts) / len(arts)
    assert 0.22 < share < 0.38
    gen = Generator(Settings(seed=2))
    arts = [gen.article(i) for i in range(600)]
    share = sum(not a.gold["visits"] for a in arts) / len(arts)
    assert 0.06 < share < 0.14
    mix = Counter(a.script for a in arts)
    assert 0.32 < mix["simplified"] / 600 < 0.48 and 0.22 < mix["garbled"] / 600 < 0.38
