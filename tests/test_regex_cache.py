"""The on-disk regex programs build the same pattern `re.compile` does."""

from __future__ import annotations

import re

from visits.extract import regex_cache
from visits.extract.gazetteer import abbreviation_alt, aliases
from visits.extract.trie_regex import trie_alternation


def _big(words: list[str]) -> str:
    return rf"(?P<lead>率|带领)(?:{trie_alternation(words)})(?P<tail>[\u4e00-\u9fff]{{0,3}}?)(?=考察|调研)"


def test_cached_program_equals_re_compile(tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(tmp_path))
    pattern = _big(sorted(aliases()))
    assert len(pattern) >= regex_cache.MIN_LENGTH
    fresh = regex_cache.compile_cached(pattern)  # compiled, then stored
    assert len(list(tmp_path.glob("*.marshal"))) == 1
    loaded = regex_cache.compile_cached(pattern)  # built from the stored program
    reference = re.compile(pattern)
    assert fresh == reference and loaded == reference  # same pattern, flags and code
    assert loaded.groupindex == reference.groupindex and loaded.groups == reference.groups
    text = "市委书记甲率上海市浦东新区考察，乙带领遵义市考察团调研"
    assert [m.groupdict() for m in loaded.finditer(text)] == [m.groupdict() for m in reference.finditer(text)]


def test_damaged_or_missing_cache_falls_back(tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(tmp_path))
    pattern = _big(sorted(aliases()))
    regex_cache.compile_cached(pattern)
    for stored in tmp_path.glob("*.marshal"):
        stored.write_bytes(b"\x00garbage")
    assert regex_cache.compile_cached(pattern) == re.compile(pattern)
    monkeypatch.setenv(regex_cache.CACHE_ENV, "off")
    assert regex_cache.cache_dir() is None
    assert regex_cache.compile_cached(pattern) == re.compile(pattern)


def test_abbreviations_in_a_fixed_order():
    # the cache keys on the pattern string: it must not depend on set order in a process
    alt = abbreviation_alt().split("|")
    assert alt == sorted(alt, key=lambda a: (-len(a), a))


def test_the_folder_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regex_cache, "KEEP", 2)
    words = sorted(aliases())
    for n in range(4):
        regex_cache.compile_cached(_big(words[n:]))
    assert len(list(tmp_path.glob("*.marshal"))) == 2
    assert not list(tmp_path.glob("*.tmp"))
