"""The five samples against the gold, by the scoring rules of ../shared/eval/score.py.

`dev_clean` is a stand-in for visits/clean used while it was being built: just enough to
develop the extractor on the samples (t2s, pinyin annotations stripped, 陜 -> 陕, spurious
ASCII commas dropped). It is not part of the product; the product cleaner is tested too.
"""

import json
import re
from datetime import date
from pathlib import Path

import opencc
import pytest

from evaluation.gold_compare import compare
from visits.extract import extract_visits

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
SAMPLES = SHARED / "seeds"
GOLD = SHARED / "gold"

_CC = opencc.OpenCC("t2s")
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def dev_clean(raw: str) -> str:
    text = _PINYIN.sub("", raw).replace("陜", "陕")
    text = re.sub(r",+(?=[，、。；：”,])", "", text)  # 003's spurious commas
    return _CC.convert(text)


def sample_inputs() -> list[tuple[str, str, date | None, str | None]]:
    """(file name, dev-cleaned text, published date, source) per sample, metadata from the gold."""
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        gold = json.loads((GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))
        pub = date.fromisoformat(gold["published_date"]) if gold["published_date"] else None
        out.append(
            (path.name, dev_clean(path.read_text(encoding="utf-8", errors="replace")), pub, gold["source"])
        )
    return out


pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not available")


def _assert_scores(scores, misses):
    assert scores["visit_prf"][2] == 1.0, misses
    assert scores["official_prf"][2] >= 0.97, misses
    for k in ("province", "side", "titles"):
        assert scores["official_fields"][k] >= 0.95, (k, misses)
    for k in ("units", "start_date", "end_date", "meeting_name", "host_cities"):
        assert scores["visit_fields"][k] >= 0.95, (k, misses)


def test_samples_with_dev_cleaner():
    recs = {
        name: extract_visits(text, published_date=pub, source=src) for name, text, pub, src in sample_inputs()
    }
    _assert_scores(*compare(recs, GOLD))


def test_samples_with_product_cleaner():
    clean = pytest.importorskip("visits.clean")
    recs = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        a = clean.clean_article(path.read_text(encoding="utf-8", errors="replace"))
        recs[path.name] = extract_visits(
            a.clean_text, title=a.title, published_date=a.published_date, source=a.source
        )
    _assert_scores(*compare(recs, GOLD))


def test_dev_cleaner_fixes_the_variant():
    assert dev_clean("陜西(shǎn)省") == "陕西省"
