"""Score candidate characters for lost GBK bytes: a tiny unigram/bigram model per article.

Evidence is general, not tuned to any corpus: how often a character / character pair occurs in
the article itself (its undamaged text is the best model of its own vocabulary), whether a pair
occurs inside a word of pypinyin's phrase dictionary (after t2s), and character classes (GB2312
level 1 is the everyday repertoire; rare, symbol and simplified-only characters are unlikely in
traditional source text). `span_path.best_path` picks the best sequence over candidate slots.

Most pairs have no evidence at all: their bigram is `default_bigram`, which depends only on the
first character's class (`klass`), so the search need not score every pair one by one.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from pypinyin.constants import PHRASES_DICT

from visits.clean.chars import _t2s_map, common_chars, gb2312_chars, is_cjk, simplified_only_chars
from visits.clean.pinyin import annotation_tail_re

CN_PUNCT_OK = frozenset("，。、；：？！“”‘’（）《》—…·")
ASCII_OK = frozenset("\n ,.:;!?()-%/0123456789")
RARE = -5.0  # penalty of a hanzi outside the common repertoire, a symbol, or simplified-only in traditional text

# Class priors: the probability of a character before looking at the article.
P_LEVEL1 = 1 / 4000  # GB2312 level 1, the everyday repertoire
P_COMMON = 1 / 30000  # the rest of GB2312 and its traditional forms
P_WRONG_SCRIPT = 1 / 30000  # soft: s2t also rewrites some forms traditional text prints (群)
P_MARK = 1 / 300  # punctuation and ASCII that running text is made of
P_RARE = 1e-7  # anything else
RARE_BELOW = 1e-6  # a prior below this earns the RARE penalty

# Interpolation weights of P(b | a): article bigram, dictionary pair, article unigram (the rest).
ARTICLE_BIGRAM_WEIGHT = 0.5
LEXICON_WEIGHT = 0.3
LEXICON_PAIR_P = 0.02  # probability mass a dictionary pair contributes
PRIOR_PSEUDOCOUNT = 20  # how many article characters the class prior is worth
MARK_PAIR_FACTOR = 0.05  # two marks in a row (`。、`, `。。`) that the article never prints


@lru_cache(maxsize=1)
def lexicon_bigrams() -> frozenset[str]:
    """Adjacent character pairs inside dictionary words (simplified): ~100k pairs, built once."""
    out: set[str] = set()
    for word in PHRASES_DICT:
        for i in range(len(word) - 1):
            out.add(word[i : i + 2])
    return frozenset(out)


@lru_cache(maxsize=1)
def lexicon_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(second char -> first chars, first char -> second chars) of `lexicon_bigrams`."""
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for pair in lexicon_bigrams():
        before.setdefault(pair[1], set()).add(pair[0])
        after.setdefault(pair[0], set()).add(pair[1])
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return freeze(before), freeze(after)


def simp(ch: str) -> str:
    return _t2s_map().get(ch, ch)


# Sentence marks are followed by closing quotes/brackets and lead into opening ones; other pairs
# of marks are rare in running text (a general typographic rule, not a corpus statistic).
_CLOSERS = frozenset("”’》）")
_OPENERS = frozenset("“‘《（")


def _plain_mark(ch: str) -> bool:
    return not is_cjk(ch) and ch not in _CLOSERS and ch not in _OPENERS


@lru_cache(maxsize=65536)
def _prior(ch: str, traditional: bool) -> float:
    """Probability of a character before looking at the article (a class floor)."""
    if is_cjk(ch):
        if traditional and ch in simplified_only_chars():
            return P_WRONG_SCRIPT
        s = simp(ch)
        if s in gb2312_chars(level1_only=True):
            return P_LEVEL1
        if s in gb2312_chars() or ch in common_chars():
            return P_COMMON
        return P_RARE
    if ch in CN_PUNCT_OK or ch in ASCII_OK:
        return P_MARK
    return P_RARE


class ArticleModel:
    """Interpolated bigram model: article bigrams, dictionary pairs, article unigrams + class floor.

    unigram(b) + bigram(a, b) == log P(b | a), so a path score is the log probability of the chain.
    """

    def __init__(self, text: str, traditional: bool) -> None:
        text = annotation_tail_re().sub("", text)  # pinyin letters are damage, not the article's text
        self._text = text
        self.uni = Counter(text)
        self.n = max(1, len(text))
        self.traditional = traditional
        self._ucache: dict[str, float] = {}
        self._bcache: dict[tuple[str, str], float] = {}
        self._dcache: dict[tuple[tuple[bool, bool], str], float] = {}
        self._near: dict[tuple[str, bool], frozenset[str]] = {}

    def _p_uni(self, ch: str) -> float:
        return (self.uni.get(ch, 0) + PRIOR_PSEUDOCOUNT * _prior(ch, self.traditional)) / (
            self.n + PRIOR_PSEUDOCOUNT
        )

    def unigram(self, ch: str) -> float:
        v = self._ucache.get(ch)
        if v is None:
            v = self._ucache[ch] = math.log(self._p_uni(ch))
        return v

    def penalty(self, ch: str) -> float:
        """0 for characters running text is made of, RARE for rare hanzi, symbols, wrong script."""
        return RARE if _prior(ch, self.traditional) < RARE_BELOW else 0.0

    def bigram(self, a: str, b: str) -> float:
        key = (a, b)
        v = self._bcache.get(key)
        if v is None:
            ca = self.uni.get(a, 0)
            seen = self.pair_count(a, b) if ca else 0
            art = ARTICLE_BIGRAM_WEIGHT * seen / ca if ca else 0.0
            lex = LEXICON_WEIGHT * LEXICON_PAIR_P if (simp(a) + simp(b)) in lexicon_bigrams() else 0.0
            pu = self._p_uni(b)
            if not (is_cjk(a) or is_cjk(b) or seen):
                if not (b in _CLOSERS or a in _OPENERS or b in _OPENERS or a in _CLOSERS):
                    pu *= MARK_PAIR_FACTOR
            p = art + lex + (1 - (ARTICLE_BIGRAM_WEIGHT if ca else 0.0) - LEXICON_WEIGHT) * pu
            v = self._bcache[key] = math.log(p) - self.unigram(b)
        return v

    def pair_count(self, a: str, b: str) -> int:
        """How often `ab` occurs in the article, overlapping runs counted (`。。。` holds `。。` twice).

        Counted on demand: a garbled article asks for a few hundred pairs, not all of them.
        """
        if len(a) != 1 or len(b) != 1:
            return 0
        if a != b:
            return self._text.count(a + b)  # `ab` with a != b cannot overlap itself
        n, i = 0, self._text.find(a + b)
        while i >= 0:
            n += 1
            i = self._text.find(a + b, i + 1)
        return n

    def klass(self, a: str) -> tuple[bool, bool]:
        """What `default_bigram` needs of the first character: seen in the article, a plain mark."""
        return self.uni.get(a, 0) > 0, _plain_mark(a)

    def default_bigram(self, klass: tuple[bool, bool], b: str) -> float:
        """`bigram(a, b)` for a pair with no evidence, a of class `klass`; the same float.

        No evidence: (a, b) never occurs in the article and is no dictionary pair. Every pair
        with evidence scores at least this, so a max over all pairs may use it for every pair.
        """
        key = (klass, b)
        v = self._dcache.get(key)
        if v is None:
            seen, mark = klass
            pu = self._p_uni(b)
            if mark and _plain_mark(b):
                pu *= MARK_PAIR_FACTOR
            p = (1 - (ARTICLE_BIGRAM_WEIGHT if seen else 0.0) - LEXICON_WEIGHT) * pu  # art = lex = 0.0
            v = self._dcache[key] = math.log(p) - self.unigram(b)
        return v

    def neighbours(self, ch: str, after: bool) -> frozenset[str]:
        """Characters seen right after (or before) `ch` in the article: the pairs `pair_count` counts."""
        key = (ch, after)
        v = self._near.get(key)
        if v is None:
            out = set()
            if self.uni.get(ch, 0):
                text, step = self._text, 1 if after else -1
                i = text.find(ch)
                while i >= 0:
                    if 0 <= i + step < len(text):
                        out.add(text[i + step])
                    i = text.find(ch, i + 1)
            v = self._near[key] = frozenset(out)
        return v
