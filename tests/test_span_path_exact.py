"""The sparse Viterbi (`span_path.best_path`) returns exactly what the dense one does.

The dense search below scores every pair of neighbouring candidates: it is the reference the
sparse one replaced. Same floats, same choices, same margins, on real candidate slots.
"""

from __future__ import annotations

import math
import random

import pytest

from visits.clean.gbk_bytes import FULLWIDTH_LEAD, SWALLOWED, chars_with_lead, chars_with_trail
from visits.clean.span_path import best_path
from visits.clean.span_score import ArticleModel

ARTICLE = (
    "松川縣代表團於十月赴青石市考察東西部協作項目，雙方舉行座談會。"
    "代表團一行參觀了產業園區，並就勞務協作、消費幫扶等工作深入交流。"
    "青石市領導表示，將進一步深化兩地合作！會議由縣委副書記主持。"
)


def dense_best_path(model: ArticleModel, slots: list[list[str]], left: str, right: str, keep: int = 60):
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
        if i == n - 1:
            beta[i] = [model.bigram(c, right) if right else 0.0 for c in cands[i]]
        else:
            beta[i] = [
                max(model.bigram(c, w) + u + b for w, u, b in zip(cands[i + 1], uni[i + 1], beta[i + 1], strict=True))
                for c in cands[i]
            ]
    chosen, margins, best = [], [], -math.inf
    for i in range(n):
        marg = [a + b for a, b in zip(alpha[i], beta[i], strict=True)]
        k = max(range(len(marg)), key=marg.__getitem__)
        best = marg[k]
        others = [m for j, m in enumerate(marg) if j != k]
        chosen.append(cands[i][k])
        margins.append(marg[k] - max(others) if others else math.inf)
    return chosen, margins, best


def _slot_pool() -> list[list[str]]:
    article_chars = sorted(set(ARTICLE))
    return [
        list(chars_with_trail(FULLWIDTH_LEAD)),
        list(chars_with_lead(0xB6)),
        list(chars_with_lead(0xCF)),
        list(SWALLOWED),
        article_chars,
        ["團", "協", "會"],
        ["，", "。", "！", "“", "”"],
    ]


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("traditional", [True, False])
def test_sparse_equals_dense(seed: int, traditional: bool) -> None:
    rng = random.Random(seed)
    model = ArticleModel(ARTICLE, traditional)
    pool = _slot_pool()
    slots = [list(rng.choice(pool)) for _ in range(rng.randint(1, 6))]
    for s in slots:
        rng.shuffle(s)
    left = rng.choice(["", "縣", "團", "，", "x"])
    right = rng.choice(["", "市", "，", "\n"])
    assert best_path(model, slots, left, right) == dense_best_path(ArticleModel(ARTICLE, traditional), slots, left, right)
