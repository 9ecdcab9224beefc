"""The rules' vocabulary (visits/lexicon): every class loads, is non-empty and has no repeats."""

from __future__ import annotations

from pathlib import Path

import pytest

from visits import lexicon
from visits.reference import divisions

CLASSES = sorted(p.stem for p in Path(lexicon.__file__).parent.glob("*.txt"))


@pytest.mark.parametrize("name", CLASSES)
def test_class_loads_without_repeats(name: str):
    words = lexicon.words(name)
    assert words and len(set(words)) == len(words)
    assert all(" " not in w for w in words)


def test_alternation_puts_longer_words_first():
    alt = lexicon.alternation("leader_verbs").split("|")
    assert alt.index("率队") < alt.index("率")


def test_unit_aliases_name_real_units():
    names = {d.name for d in divisions()}
    rows = lexicon.pairs("unit_aliases")
    assert rows and all(unit in names for _, unit in rows)


def test_an_unknown_class_is_a_clear_error():
    with pytest.raises(KeyError, match="no word class"):
        lexicon.words("no_such_class")
