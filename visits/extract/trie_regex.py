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


def _node_regex(node: dict) -> str:
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
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
