"""Each evidence rule on sentences we wrote with invented names: tests/data/cases/visit_rules.tsv.

A new rule is a new row. `-` in the kind column means the sentence reports no visit.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from visits.extract import extract_visits
from visits.lexicon import words

CASES = Path(__file__).parent / "data" / "cases" / "visit_rules.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["text"][:16])
def test_rule_case(row: dict[str, str]):
    source = None if row["source"] == "-" else row["source"]
    visits = extract_visits(row["text"], source=source)
    if row["kind"] == "-":
        assert visits == []
        return
    assert [(v.visiting_unit, v.host_unit) for v in visits] == [(row["visiting_unit"], row["host_unit"])]
    (visit,) = visits
    assert row["kind"] in visit.basis or (row["kind"] == "leader_movement" and "headline" in visit.basis)
    assert visit.evidence and visit.evidence in row["text"]


def test_every_basis_kind_has_a_case():
    kinds = {r["kind"] for r in _rows()}
    assert set(words("basis")) - {"headline"} <= kinds


def test_a_movement_in_the_headline_is_headline_evidence():
    (visit,) = extract_visits("会议纪要。", title="无锡市党政代表团赴延安市考察")
    assert visit.basis == ["headline"]


def test_basis_kinds_are_the_lexicon_ones():
    text = "5月8日，上海市党政代表团赴贵州省遵义市考察，召开沪遵扶贫协作联席会议。"
    (visit,) = extract_visits(text)
    assert visit.basis and set(visit.basis) <= set(words("basis"))
