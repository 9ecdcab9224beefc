"""The whole pipeline on 500 generated articles (mixed scripts and levels), scored by score.py.

The generator (bench/generate.py) was written apart from the cleaner and the extractor and
imports neither; its gold is right by construction. This is the robustness bar of issue 4.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.build import run_build
from tests.support.paths import REPO, SHARED

pytestmark = pytest.mark.slow

SCORE = SHARED / "eval" / "score.py"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval/score.py is not beside the repository")
def test_generated_articles_score_at_least_095(tmp_path: Path, dbt_parsed):
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), "--n", "500", "--seed", "2026", "--out", str(corpus)],
        check=True, capture_output=True,
    )
    manifest = json.loads((corpus / "manifest.json").read_text())
    assert {a["script"] for a in manifest["articles"]} == {"simplified", "traditional", "garbled"}

    run_build(corpus / "raw", tmp_path / "warehouse", tmp_path / "home")
    out = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SCORE), "--warehouse", str(tmp_path / "warehouse" / "visits.duckdb"),
         "--gold", str(corpus / "gold"), "--json", str(out)],
        check=True, capture_output=True,
    )
    result = json.loads(out.read_text())["result"]
    assert result["articles"] == 500
    assert result["visit_prf"][2] >= 0.95, result
    assert result["official_prf"][2] >= 0.95, result
