"""bare_leaders finds what the one-regex form finds: names listed with 、/和 before a leader verb."""

from __future__ import annotations

import random
import re

import pytest

from visits.extract.people import bare_leaders
from visits.lexicon import alternation


def _by_regex(text: str, names: list[str]) -> list[str]:
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    out: list[str] = []
    for m in re.finditer(rf"((?:{alt})(?:[、和](?:{alt}))*)(?:{alternation('leader_verbs')})", text):
        out += [n for n in re.split(r"[、和]", m.group(1)) if n not in out]
    return out


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("甲乙丙、丁戊率代表团赴某地。", ["甲乙丙", "丁戊"], ["甲乙丙", "丁戊"]),
        ("由甲乙丙带队，丁戊随行。", ["甲乙丙", "丁戊"], ["甲乙丙"]),
        ("甲乙和丁戊己率团。", ["甲乙", "甲乙和丁", "丁戊己"], ["甲乙", "丁戊己"]),
        ("甲乙丙会见了丁戊。", ["甲乙丙", "丁戊"], []),
    ],
)
def test_listed_names_before_a_leader_verb(text: str, names: list[str], expected: list[str]) -> None:
    assert bare_leaders(text, names) == expected == _by_regex(text, names)


def test_same_as_the_regex_on_random_lists() -> None:
    rng = random.Random(11)
    alphabet = "甲乙丙丁、和率队带领"
    for _ in range(400):
        names = ["".join(rng.choices("甲乙丙丁和", k=rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
        text = "".join(rng.choices(alphabet, k=rng.randint(5, 25)))
        assert bare_leaders(text, names) == _by_regex(text, names), (text, names)
