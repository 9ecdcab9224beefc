"""A regex alternation of many literals, written as a trie.

Python's `re` tries the branches of `a|b|c…` one after another at every position, so an
alternation of the gazetteer's 5,500 aliases costs thousands of steps per character. The
same words as a trie (`上(?:海(?:市)?|饶市)`) cost one step per character of the match.

The two match the same strings in the same order: a longest-first alternation tries the
words that match at a position from the longest down, and so does the trie, because at
each node the one branch that fits the next character is tried before stopping there.
Either way `re` backtracks through the same sequence of lengths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks "a word ends here" in a trie node


# Above this many children a node's branches are split in two halves, each guarded by a
# one-character class: re tries branches one by one, so a flat node of 1,000 first characters
# costs 1,000 steps at every position, and the halved one about 2 × log2(1,000).
_FLAT = 8


def _branches(items: list[tuple[str, dict]]) -> str:
    if len(items) <= _FLAT:
        return "|".join(re.escape(ch) + _node_regex(child) for ch, child in items)
    half = len(items) // 2
    first, rest = items[:half], items[half:]
    # the halves start with different characters, so at most one can match: trying the
    # first half only where its class fits changes nothing but the cost
    guard = "[" + "".join(re.escape(ch) for ch, _ in first) + "]"
    return "(?=" + guard + f")(?:{_branches(first)})|(?:{_branches(rest)})"


def _node_regex(node: dict) -> str:
    items = [(ch, child) for ch, child in sorted(node.items()) if ch != _END]
    if not items:
        return ""
    branches = _branches(items)
    # a lone character needs no group for the "?" after it
    body = branches if len(items) == 1 and branches == re.escape(items[0][0]) else f"(?:{branches})"
    # greedy: the longer words through this node are tried before the word ending here
    return body + "?" if _END in node else body


def trie_alternation(words: Iterable[str]) -> str:
    """A regex (no capturing groups) matching exactly `words`, longest first."""
    root: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node_regex(root)
