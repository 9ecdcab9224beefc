"""The whole pipeline on a generated corpus (mixed scripts and levels), scored by score.py.

The corpus and its build are the session's `generated_warehouse` (conftest), which the
report's test reads too: 2,000 articles unless VISITS_REPORT_CORPUS says otherwise.

The generator (bench/generate.py) was written apart from the cleaner and the extractor and
imports neither; its gold is right by construction. This is the robustness bar of issue 4.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import SHARED

pytestmark = pytest.mark.slow

SCORE = SHARED / "eval" / "score.py"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval/score.py is not beside the repository")
def test_generated_articles_score_at_least_095(generated_warehouse, tmp_path: Path):
    corpus, n = generated_warehouse["corpus"], generated_warehouse["n"]
    manifest = json.loads((corpus / "manifest.json").read_text())
    assert {a["script"] for a in manifest["articles"]} == {"simplified", "traditional", "garbled"}

    out = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SCORE), "--warehouse", str(generated_warehouse["db"]),
         "--gold", str(corpus / "gold"), "--json", str(out)],
        check=True, capture_output=True,
    )
    result = json.loads(out.read_text())["result"]
    assert result["articles"] == n
    assert result["visit_prf"][2] >= 0.95, result
    assert result["official_prf"][2] >= 0.95, result
