"""The province-pair network: east provinces on the left, west on the right, one arc per direction."""

from __future__ import annotations

import numpy as np
import polars as pl
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from visits.report.data import Marts
from visits.report.style import PALETTE, Rendered, new_figure, not_enough_data, thin_note, to_png

EAST_COLOR, WEST_COLOR = PALETTE[0], PALETTE[1]
REFERENCE, ARTICLES_ONLY = "#2a7a2a", "#d62728"


def _arc(a: np.ndarray, b: np.ndarray, bow: float, steps: int = 24) -> np.ndarray:
    """A quadratic Bezier from a to b, its middle pushed `bow` up (negative: down)."""
    control = (a + b) / 2 + np.array([0.0, bow])
    t = np.linspace(0, 1, steps)[:, None]
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * control + t**2 * b


def _short(name: str, short: dict[str, str]) -> str:
    return short.get(name, name)


def network(m: Marts) -> Rendered:
    title = "省份结对网络：东部 ↔ 西部，边宽为各方向访问次数"
    pairs = m["dim_province_pair"].with_columns(
        pl.col("visits_east_to_west").fill_null(0),
        pl.col("visits_west_to_east").fill_null(0),
        pl.col("is_reference_pairing").fill_null(False),
    )
    n_visits = int(pairs["visits_east_to_west"].sum() + pairs["visits_west_to_east"].sum())
    fig = new_figure(
        10, 0.6 + 0.42 * max(pairs["east_province"].n_unique(), pairs["west_province"].n_unique(), 8)
    )
    if n_visits == 0:
        not_enough_data(fig, title, f"{pairs.height} 个省份对，没有一次访问")
        return to_png(fig, "network", title, f"{pairs.height} pairs, no visits", enough=False)
    short = dict(m["dim_province"].select("name", "short_name").iter_rows())
    # Reference pairings with no visit clutter a big graph; they are drawn only when few.
    shown = pairs.filter(
        (pl.col("visits_east_to_west") + pl.col("visits_west_to_east") > 0)
        | (pl.col("is_reference_pairing") & (pairs.height <= 60))
    )
    total = pl.col("visits_east_to_west") + pl.col("visits_west_to_east")
    east, west = (
        shown.group_by(side)
        .agg(total.sum().alias("n"))
        .sort(["n", side], descending=[True, False])[side]
        .to_list()
        for side in ("east_province", "west_province")
    )
    y_e = {p: 1 - (i + 0.5) / len(east) for i, p in enumerate(east)}
    y_w = {p: 1 - (i + 0.5) / len(west) for i, p in enumerate(west)}
    ax = fig.add_subplot()
    ax.set_xlim(-0.35, 1.35)
    ax.set_ylim(-0.03, 1.03)
    ax.set_axis_off()
    peak = max(shown["visits_east_to_west"].max(), shown["visits_west_to_east"].max()) or 1
    # One LineCollection per edge kind, not a patch per arc: 700 arrow patches take ~15 s to draw.
    edges: dict[tuple[bool, int], list] = {}
    for r in shown.iter_rows(named=True):
        a, b = np.array([0.0, y_e[r["east_province"]]]), np.array([1.0, y_w[r["west_province"]]])
        ref = bool(r["is_reference_pairing"])
        for n, bow in ((r["visits_east_to_west"], 1), (r["visits_west_to_east"], -1)):
            if n:  # east->west bows up, west->east down; the marker at the middle points the way
                edges.setdefault((ref, bow), []).append((_arc(a, b, 0.06 * bow), n))
        if r["visits_east_to_west"] + r["visits_west_to_east"] == 0:  # a reference pairing never seen
            edges.setdefault((True, 0), []).append((np.stack([a, b]), 0))
    for (ref, bow), arcs in sorted(edges.items()):
        colour = REFERENCE if ref else ARTICLES_ONLY
        widths = [0.6 if bow == 0 else 0.5 + 5.0 * n / peak for _, n in arcs]
        style = ":" if bow == 0 else ("-" if ref else (0, (4, 2)))
        alpha = 0.8 if ref else 0.45  # pairs seen only in articles stay behind the reference ones
        ax.add_collection(LineCollection([c for c, _ in arcs], colors=colour, linewidths=widths,
                                         linestyles=style, alpha=alpha, zorder=2 if ref else 1))  # fmt: skip
        if bow:
            mids = np.array([c[len(c) // 2] for c, _ in arcs])
            ax.scatter(mids[:, 0], mids[:, 1], marker=">" if bow > 0 else "<", s=14, color=colour,
                       alpha=alpha, zorder=3, linewidths=0)  # fmt: skip
    e2w = {
        k: dict(shown.group_by(k).agg(pl.col("visits_east_to_west").sum()).iter_rows())
        for k in ("east_province", "west_province")
    }
    w2e = {
        k: dict(shown.group_by(k).agg(pl.col("visits_west_to_east").sum()).iter_rows())
        for k in ("east_province", "west_province")
    }
    for p, y in y_e.items():  # 出 = delegations sent, 入 = delegations received
        ax.scatter([0], [y], s=60, color=EAST_COLOR, zorder=3)
        label = f"{_short(p, short)}  出{e2w['east_province'].get(p, 0)} 入{w2e['east_province'].get(p, 0)}"
        ax.text(-0.03, y, label, ha="right", va="center", fontsize=10)
    for p, y in y_w.items():
        ax.scatter([1], [y], s=60, color=WEST_COLOR, zorder=3)
        label = f"出{w2e['west_province'].get(p, 0)} 入{e2w['west_province'].get(p, 0)}  {_short(p, short)}"
        ax.text(1.03, y, label, ha="left", va="center", fontsize=10)
    ax.text(0, 1.03, "东部", ha="center", fontsize=12, color=EAST_COLOR)
    ax.text(1, 1.03, "西部", ha="center", fontsize=12, color=WEST_COLOR)
    ax.legend(
        handles=[
            Line2D([], [], color=REFERENCE, linewidth=2, label="参考结对（有访问）"),
            Line2D([], [], color=REFERENCE, linewidth=1, linestyle=":", label="参考结对（未见访问）"),
            Line2D(
                [], [], color=ARTICLES_ONLY, linewidth=2, linestyle=(0, (4, 2)), label="仅见于文章的省份对"
            ),
        ],
        loc="lower center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=3,
        fontsize=9,
        frameon=False,
    )
    fig.suptitle(title + thin_note(n_visits), fontsize=15)
    n_ref = int(shown["is_reference_pairing"].sum())
    return to_png(fig, "network", title, f"{shown.height} pairs drawn ({n_ref} reference), {n_visits} visits")
