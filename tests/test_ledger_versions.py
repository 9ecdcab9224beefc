"""Stage versions hash a declared list of product inputs: every module a stage runs is in its
list, and evaluation-only code is in none, so editing it reprocesses nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from visits.ledger import versions
from visits.ledger.batches import clean_new_content, extract_new_content
from visits.ledger.manifest import update_manifest

REPO = Path(__file__).resolve().parents[1]
EVALUATION = ("evaluation/gold_compare.py", "evaluation/edit_distance.py")


@pytest.fixture
def code_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the code the versions hash, which the test may edit; versions read it."""
    root = tmp_path / "code"
    for part in ("visits", "evaluation", "seeds"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "REPO_ROOT", root)
    return root


def _both() -> tuple[str, str]:
    return versions.clean_version(), versions.extract_version()


def _append_comment(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit that changes no behaviour\n", encoding="utf-8")


def test_editing_evaluation_code_changes_no_stage_version(code_copy):
    before = _both()
    for name in EVALUATION:
        _append_comment(code_copy / name)
    assert _both() == before


def test_editing_a_cleaning_module_changes_the_clean_version_only(code_copy):
    clean, extract = _both()
    _append_comment(code_copy / "visits/clean/simplify.py")
    assert _both()[0] != clean and _both()[1] == extract


def test_editing_an_extraction_module_or_seed_changes_the_extract_version_only(code_copy):
    clean, extract = _both()
    _append_comment(code_copy / "visits/extract/visits.py")
    assert _both() == (clean, _both()[1]) and _both()[1] != extract
    after_module = _both()[1]
    seed = next(code_copy.glob("seeds/*.csv"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _both()[1] != after_module


def test_the_records_and_the_lexicon_are_inputs_of_both_stages():
    for declared in (versions.CLEAN_INPUTS, versions.EXTRACT_INPUTS):
        files = versions.input_files(declared)
        assert REPO / "visits" / "records.py" in files
        assert any(p.parent == REPO / "visits" / "lexicon" and p.suffix == ".txt" for p in files)


def _modules_imported(entry: str) -> list[Path]:
    """The product modules (under visits/) a fresh interpreter loads to run `entry`."""
    code = (
        f"import json, sys; import {entry}; "
        "print(json.dumps([m.__file__ for m in list(sys.modules.values()) if getattr(m, '__file__', None)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True)
    product = REPO / "visits"
    return [Path(f).resolve() for f in json.loads(out.stdout) if Path(f).resolve().is_relative_to(product)]


@pytest.mark.parametrize(
    ("entries", "declared"),
    [
        (("visits.clean", "visits.ingest.decode"), versions.CLEAN_INPUTS),
        (("visits.extract",), versions.EXTRACT_INPUTS),
    ],
)
def test_every_module_a_stage_runs_is_in_its_declared_inputs(entries, declared):
    hashed = set(versions.input_files(declared))
    # visits/__init__ holds no rules and visits/settings only paths (the seeds it names are
    # hashed); the ingest package's other modules (loaded by its
    # __init__) list raw/ and read the bytes the content hash names, which decoding starts from
    ingest = REPO / "visits" / "ingest"
    exempt = {REPO / "visits" / "__init__.py", REPO / "visits" / "settings.py", ingest / "__init__.py", ingest / "read.py", ingest / "scan.py"}
    for entry in entries:
        missing = [p for p in _modules_imported(entry) if p not in hashed and p not in exempt]
        assert not missing, f"{entry} runs modules its version does not hash: {missing}"


def test_no_product_code_imports_evaluation_code():
    for package in ("visits", "orchestration"):
        for path in (REPO / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "from evaluation" not in text and "import evaluation" not in text, path


def test_editing_evaluation_code_reprocesses_no_article(code_copy, tmp_path):
    raw, staging = tmp_path / "raw", tmp_path / "staging"
    raw.mkdir()
    for path in sorted((REPO / "raw").glob("*.txt"))[:2]:
        shutil.copy(path, raw / path.name)
    now = datetime.now(UTC)
    assert clean_new_content(staging, raw, update_manifest(staging, raw, now)).processed == 2
    assert extract_new_content(staging).processed == 2
    for name in EVALUATION:
        _append_comment(code_copy / name)
    assert clean_new_content(staging, raw, update_manifest(staging, raw, now)).processed == 0
    assert extract_new_content(staging).processed == 0
