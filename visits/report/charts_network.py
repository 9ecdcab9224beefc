"""The province-pair network: east provinces on the left, west on the right, one arc per direction."""

from __future__ import annotations

import polars as pl
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from visits.report.data import Marts
from visits.report.style import PALETTE, Rendered, new_figure, not_enough_data, thin_note, to_png

EAST_COLOR, WEST_COLOR = PALETTE[0], PALETTE[1]
REFERENCE, ARTICLES_ONLY = "#2a7a2a", "#d62728"


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
    east = sorted(shown["east_province"].unique().to_list())
    west = sorted(shown["west_province"].unique().to_list())
    y_e = {p: 1 - (i + 0.5) / len(east) for i, p in enumerate(east)}
    y_w = {p: 1 - (i + 0.5) / len(west) for i, p in enumerate(west)}
    ax = fig.add_subplot()
    ax.set_xlim(-0.35, 1.35)
    ax.set_ylim(-0.03, 1.03)
    ax.set_axis_off()
    peak = max(shown["visits_east_to_west"].max(), shown["visits_west_to_east"].max()) or 1
    for r in shown.iter_rows(named=True):
        a, b = (0.0, y_e[r["east_province"]]), (1.0, y_w[r["west_province"]])
        color = REFERENCE if r["is_reference_pairing"] else ARTICLES_ONLY
        style = "-" if r["is_reference_pairing"] else (0, (4, 2))
        for n, (src, dst), rad in (
            (r["visits_east_to_west"], (a, b), 0.12),
            (r["visits_west_to_east"], (b, a), 0.12),
        ):
            if n == 0:
                continue
            ax.add_patch(
                FancyArrowPatch(
                    src,
                    dst,
                    connectionstyle=f"arc3,rad={rad}",
                    arrowstyle="-|>",
                    mutation_scale=10,
                    linewidth=0.8 + 5.0 * n / peak,
                    color=color,
                    linestyle=style,
                    alpha=0.75,
                    shrinkA=6,
                    shrinkB=6,
                )
            )
        if r["visits_east_to_west"] + r["visits_west_to_east"] == 0:  # a reference pairing never seen
            ax.plot([a[0], b[0]], [a[1], b[1]], color=REFERENCE, linewidth=0.6, linestyle=":", alpha=0.6)
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
