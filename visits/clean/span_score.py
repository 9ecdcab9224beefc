"""Score candidate characters for lost GBK bytes: a tiny unigram/bigram model per article.

Evidence is general, not tuned to any corpus: how often a character / character pair occurs in
the article itself (its undamaged text is the best model of its own vocabulary), whether a pair
occurs inside a word of pypinyin's phrase dictionary (after t2s), and character classes (GB2312
level 1 is the everyday repertoire; rare, symbol and simplified-only characters are unlikely in
traditional source text).  `best_path` picks the best sequence over slots by max-sum Viterbi
and reports per-slot margins, so a caller can placeholder what the evidence does not settle.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from pypinyin.constants import PHRASES_DICT

from visits.clean.chars import _t2s_map, common_chars, gb2312_chars, is_cjk, simplified_only_chars
from visits.clean.pinyin import annotation_re

CN_PUNCT_OK = frozenset("，。、；：？！“”‘’（）《》—…·")
ASCII_OK = frozenset("\n ,.:;!?()-%/0123456789")
RARE = -5.0
UNI_WEIGHT = 0.6  # frequency in the article; bigram evidence must be able to outweigh it  # a hanzi outside the common repertoire, a symbol, or simplified-only in traditional text


@lru_cache(maxsize=1)
def lexicon_bigrams() -> frozenset[str]:
    """Adjacent character pairs inside dictionary words (simplified): ~100k pairs, built once."""
    out: set[str] = set()
    for word in PHRASES_DICT:
        for i in range(len(word) - 1):
            out.add(word[i : i + 2])
    return frozenset(out)


def _simp(ch: str) -> str:
    return _t2s_map().get(ch, ch)


# Sentence marks are followed by closing quotes/brackets and lead into opening ones; other pairs
# of marks are rare in running text (a general typographic rule, not a corpus statistic).
_CLOSERS = frozenset("”’》）")
_OPENERS = frozenset("“‘《（")


def _prior(ch: str, traditional: bool) -> float:
    """Probability of a character before looking at the article (a class floor)."""
    if is_cjk(ch):
        if traditional and ch in simplified_only_chars():
            return 1 / 30000  # soft: s2t also rewrites some forms traditional text prints (群)
        s = _simp(ch)
        if s in gb2312_chars(level1_only=True):
            return 1 / 4000
        if s in gb2312_chars() or ch in common_chars():
            return 1 / 30000
        return 1e-7
    if ch in CN_PUNCT_OK or ch in ASCII_OK:
        return 1 / 300
    return 1e-7


class ArticleModel:
    """Interpolated bigram model: article bigrams, dictionary pairs, article unigrams + class floor.

    unigram(b) + bigram(a, b) == log P(b | a), so a path score is the log probability of the chain.
    """

    def __init__(self, text: str, traditional: bool) -> None:
        text = annotation_re().sub(r"\1", text)  # pinyin letters are damage, not the article's text
        self.uni = Counter(text)
        self.bi = Counter(zip(text, text[1:], strict=False))
        self.n = max(1, len(text))
        self.traditional = traditional
        self._ucache: dict[str, float] = {}
        self._bcache: dict[tuple[str, str], float] = {}

    def _p_uni(self, ch: str) -> float:
        return (self.uni.get(ch, 0) + 20 * _prior(ch, self.traditional)) / (self.n + 20)

    def unigram(self, ch: str) -> float:
        v = self._ucache.get(ch)
        if v is None:
            v = self._ucache[ch] = math.log(self._p_uni(ch))
        return v

    def penalty(self, ch: str) -> float:
        """0 for characters running text is made of, RARE for rare hanzi, symbols, wrong script."""
        return RARE if _prior(ch, self.traditional) < 1e-6 else 0.0

    def bigram(self, a: str, b: str) -> float:
        key = (a, b)
        v = self._bcache.get(key)
        if v is None:
            ca = self.uni.get(a, 0)
            art = 0.5 * self.bi.get(key, 0) / ca if ca else 0.0
            lex = 0.3 * 0.02 if (_simp(a) + _simp(b)) in lexicon_bigrams() else 0.0
            pu = self._p_uni(b)
            if not (is_cjk(a) or is_cjk(b) or key in self.bi):
                if not (b in _CLOSERS or a in _OPENERS or b in _OPENERS or a in _CLOSERS):
                    pu *= 0.05  # two marks in a row (`。、`, `。。`) that the article never prints
            p = art + lex + (1 - (0.5 if ca else 0.0) - 0.3) * pu
            v = self._bcache[key] = math.log(p) - self.unigram(b)
        return v


def best_path(
    model: ArticleModel, slots: list[list[str]], left: str, right: str, keep: int = 60
) -> tuple[list[str], list[float], float]:
    """(best char per slot, margin per slot, best score) for a chain of candidate slots.

    Candidates are pruned to the `keep` best by unigram score first, so the work per slot pair
    is bounded by keep**2 whatever the input.
    """
    cands = [sorted(s, key=model.unigram, reverse=True)[:keep] for s in slots]
    uni = [[model.unigram(c) for c in s] for s in cands]
    n = len(cands)
    alpha: list[list[float]] = []
    for i in range(n):
        row = []
        for j, c in enumerate(cands[i]):
            if i == 0:
                prev = model.bigram(left, c) if left else 0.0
            else:
                prev = max(a + model.bigram(p, c) for p, a in zip(cands[i - 1], alpha[i - 1], strict=True))
            row.append(prev + uni[i][j])
        alpha.append(row)
    beta: list[list[float]] = [[] for _ in range(n)]
    for i in range(n - 1, -1, -1):
        row = []
        for c in cands[i]:
            if i == n - 1:
                row.append(model.bigram(c, right) if right else 0.0)
            else:
                row.append(
                    max(
                        model.bigram(c, w) + u + b
                        for w, u, b in zip(cands[i + 1], uni[i + 1], beta[i + 1], strict=True)
                    )
                )
        beta[i] = row
    chosen, margins = [], []
    best = -math.inf
    for i in range(n):
        marg = [a + b for a, b in zip(alpha[i], beta[i], strict=True)]
        k = max(range(len(marg)), key=marg.__getitem__)
        best = marg[k]
        others = [m for j, m in enumerate(marg) if j != k]
        chosen.append(cands[i][k])
        margins.append(marg[k] - max(others) if others else math.inf)
    return chosen, margins, best
