"""`best_path`: max-sum Viterbi over candidate slots, sparse but exact.

A dense Viterbi scores every pair of neighbouring candidates (60 x 60 per slot). Almost all pairs
have no evidence (never seen in the article, no dictionary pair), and then the bigram depends
only on the first character's class (`ArticleModel.klass`, four values) and the second
character. So each step takes the best of four class maxima plus the few evidence pairs, and
every score is the very float the dense search computes (the evidence bigram is never below
the default one, and float addition keeps order): the output is identical.
"""

from __future__ import annotations

import math

from visits.clean.span_score import ArticleModel, lexicon_index, simp

KEEP = 60  # candidates per slot after pruning by unigram score: bounds work whatever the input


def _positions(chars: list[str]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """char -> its indexes in the slot, simplified char -> indexes."""
    by_char: dict[str, list[int]] = {}
    by_simp: dict[str, list[int]] = {}
    for i, c in enumerate(chars):
        by_char.setdefault(c, []).append(i)
        by_simp.setdefault(simp(c), []).append(i)
    return by_char, by_simp


def _evidence(
    ch: str,
    article: frozenset[str],
    lexicon: dict[str, frozenset[str]],
    by_char: dict[str, list[int]],
    by_simp: dict[str, list[int]],
) -> set[int]:
    """Indexes in the neighbouring slot that form an evidence pair with `ch`."""
    out: set[int] = set()
    for other in article & by_char.keys():
        out.update(by_char[other])
    for other in lexicon.get(simp(ch), frozenset()) & by_simp.keys():
        out.update(by_simp[other])
    return out


def best_path(
    model: ArticleModel, slots: list[list[str]], left: str, right: str, keep: int = KEEP
) -> tuple[list[str], list[float], float]:
    """(best char per slot, margin per slot, best score) for a chain of candidate slots."""
    cands = [sorted(s, key=model.unigram, reverse=True)[:keep] for s in slots]
    uni = [[model.unigram(c) for c in s] for s in cands]
    klasses = [[model.klass(c) for c in s] for s in cands]
    lex_before, lex_after = lexicon_index()
    n = len(cands)
    alpha: list[list[float]] = []
    for i in range(n):
        if i == 0:
            alpha.append([(model.bigram(left, c) if left else 0.0) + u for c, u in zip(cands[0], uni[0], strict=True)])
            continue
        prev, prev_alpha = cands[i - 1], alpha[i - 1]
        best: dict[tuple[bool, bool], float] = {}
        for k, a in zip(klasses[i - 1], prev_alpha, strict=True):
            if a > best.get(k, -math.inf):
                best[k] = a
        by_char, by_simp = _positions(prev)
        row = []
        for c, u in zip(cands[i], uni[i], strict=True):
            score = max(a + model.default_bigram(k, c) for k, a in best.items())
            for j in _evidence(c, model.neighbours(c, after=False), lex_before, by_char, by_simp):
                score = max(score, prev_alpha[j] + model.bigram(prev[j], c))
            row.append(score + u)
        alpha.append(row)
    beta: list[list[float]] = [[] for _ in range(n)]
    for i in range(n - 1, -1, -1):
        if i == n - 1:
            beta[i] = [model.bigram(c, right) if right else 0.0 for c in cands[i]]
            continue
        nxt, nxt_uni, nxt_beta = cands[i + 1], uni[i + 1], beta[i + 1]
        default = {
            k: max(model.default_bigram(k, w) + u + b for w, u, b in zip(nxt, nxt_uni, nxt_beta, strict=True))
            for k in set(klasses[i])
        }
        by_char, by_simp = _positions(nxt)
        row = []
        for c, k in zip(cands[i], klasses[i], strict=True):
            score = default[k]
            for j in _evidence(c, model.neighbours(c, after=True), lex_after, by_char, by_simp):
                score = max(score, model.bigram(c, nxt[j]) + nxt_uni[j] + nxt_beta[j])
            row.append(score)
        beta[i] = row
    chosen, margins = [], []
    best_score = -math.inf
    for i in range(n):
        marg = [a + b for a, b in zip(alpha[i], beta[i], strict=True)]
        k = max(range(len(marg)), key=marg.__getitem__)
        best_score = marg[k]
        others = [m for j, m in enumerate(marg) if j != k]
        chosen.append(cands[i][k])
        margins.append(marg[k] - max(others) if others else math.inf)
    return chosen, margins, best_score
