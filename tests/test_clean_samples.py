"""The five sample articles (copies in raw/): invariants, metadata against the gold files,
and the character error rate against hand-corrected bodies in tests/data/clean/."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date
from pathlib import Path

import opencc
import polars as pl
import pytest

from evaluation.edit_distance import levenshtein
from visits.clean import clean_article, clean_frame
from visits.clean.pinyin import annotation_re

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
GOLD = REPO.parent / "shared" / "gold"
REF = Path(__file__).resolve().parent / "data" / "clean"
SAMPLES = sorted(RAW.glob("00[0-4]_*.txt"))
SCRIPTS = {"000": "garbled", "001": "simplified", "002": "garbled", "003": "garbled", "004": "traditional"}
T2S = opencc.OpenCC("t2s")
DOUBLED = re.compile(r"[,，、。；;：:！？]{2,}")

pytestmark = pytest.mark.skipif(len(SAMPLES) != 5, reason="sample copies not in raw/")


def cer(hyp: str, ref: str) -> float:
    return levenshtein(hyp, ref) / max(1, len(ref))


@pytest.fixture(scope="module")
def cleaned() -> dict[str, object]:
    return {p.name[:3]: clean_article(p.read_text(encoding="utf-8")) for p in SAMPLES}


def test_levenshtein():
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("", "abc") == 3 and levenshtein("协作", "协作") == 0


@pytest.mark.parametrize("key", sorted(SCRIPTS))
def test_invariants(cleaned, key):
    text = cleaned[key].clean_text
    assert text
    assert not annotation_re().search(text), "pinyin annotation left"
    assert T2S.convert(text) == text, "traditional character left"
    assert not DOUBLED.search(text), DOUBLED.search(text)
    assert "\ufffd" not in text and not re.search(r"\?[a-zü]", text)


@pytest.mark.parametrize("key", sorted(SCRIPTS))
def test_metadata_matches_gold(cleaned, key):
    gold = json.loads(next(GOLD.glob(f"{key}_*.json")).read_text(encoding="utf-8")) if GOLD.exists() else None
    art = cleaned[key]
    assert art.script == SCRIPTS[key]
    if gold is None:
        pytest.skip("gold files not available")
    expected = date.fromisoformat(gold["published_date"]) if gold["published_date"] else None
    assert art.published_date == expected
    assert art.source == gold["source"]
    assert set(art.reporters) == set(gold["reporters"])


def test_cer_against_hand_corrected(cleaned):
    edits = length = 0
    for key, art in cleaned.items():
        ref = (REF / f"{key}.ref.txt").read_text(encoding="utf-8").rstrip("\n")
        edits += levenshtein(art.clean_text, ref)
        length += len(ref)
        assert cer(art.clean_text, ref) <= 0.006, key  # per sample: only the lost bytes differ
    assert edits / length <= 0.002, f"CER {edits / length:.4%}"


def test_frame_equals_article_on_samples(cleaned):
    df = pl.DataFrame(
        {"article_id": list(cleaned), "raw_text": [p.read_text(encoding="utf-8") for p in SAMPLES]}
    )
    out = clean_frame(df)
    for row in out.iter_rows(named=True):
        assert {k: row[k] for k in asdict(cleaned[row["article_id"]])} == asdict(cleaned[row["article_id"]])
