"""The trie alternation matches what a longest-first alternation of the same words matches."""

from __future__ import annotations

import random
import re

import pytest

from visits.extract.trie_regex import trie_alternation

WORDS = ["甲山", "甲山市", "甲山市乙", "乙水县", "乙水", "丙", "丙丁", "a.b", "a"]


def _plain(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("去甲山市乙水县", ["甲山市乙"]),
        ("甲山市，乙水县", ["甲山市", "乙水县"]),
        ("丙丁丙", ["丙丁", "丙"]),
        ("a.b a+b", ["a.b", "a"]),
    ],
)
def test_longest_word_wins(text: str, expected: list[str]) -> None:
    assert re.findall(trie_alternation(WORDS), text) == expected


def test_backtracks_to_a_shorter_word_like_the_plain_alternation() -> None:
    # 甲山市 must give way to 甲山 for the 市 after it to match
    for suffix in ("市", "市乙", "县"):
        trie = re.compile(f"(?:{trie_alternation(WORDS)}){suffix}")
        plain = re.compile(f"(?:{_plain(WORDS)}){suffix}")
        for text in ("甲山市乙水县", "甲山市市乙", "乙水县县"):
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_same_matches_as_plain_alternation_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = "甲乙丙丁市县山水"
    words = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(60)})
    trie, plain = re.compile(trie_alternation(words)), re.compile(_plain(words))
    for _ in range(200):
        text = "".join(rng.choices(alphabet, k=30))
        assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]


def test_an_empty_word_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        trie_alternation(["甲", ""])
