"""Bar-and-grid charts: the timeline, the level mix, the leaders, and data quality."""

from __future__ import annotations

import polars as pl
from matplotlib.ticker import MaxNLocator

from visits.report.data import Marts, visit_levels, visit_years
from visits.report.style import PALETTE, Rendered, new_figure, not_enough_data, thin_note, to_png

# The published pairing lists the timeline marks (seeds/reference_pairings.csv: since_year).
LIST_CHANGES = {2016: "2016 结对调整", 2021: "2021 东西部协作新结对"}
LEVELS = ["province", "prefecture", "county"]
LEVEL_ZH = {"province": "省级", "prefecture": "地市级", "county": "县级", None: "未知"}
UNKNOWN = "未记录"


def timeline(m: Marts) -> Rendered:
    title = "访问时间线：每年访问次数（按项目）"
    visits = m["fact_visit"]
    v = visits.with_columns(visit_years(visits), pl.col("programme").fill_null(UNKNOWN))
    known = v.filter(pl.col("year").is_not_null())
    fig = new_figure()
    if known.height == 0:
        not_enough_data(fig, title, f"{visits.height} 次访问，没有一次有年份")
        return to_png(fig, "timeline", title, f"{visits.height} visits, none with a year", enough=False)
    counts = known.group_by("year", "programme").len().sort("year")
    lo, hi = min(counts["year"].min(), 2015), max(counts["year"].max(), 2022)
    years = list(range(lo, hi + 1))
    programmes = sorted(counts["programme"].unique().to_list(), key=lambda p: (p == UNKNOWN, p))
    ax = fig.add_subplot()
    bottom = [0] * len(years)
    for i, prog in enumerate(programmes):
        per_year = dict(counts.filter(pl.col("programme") == prog).select("year", "len").iter_rows())
        heights = [per_year.get(y, 0) for y in years]
        ax.bar(years, heights, bottom=bottom, color=PALETTE[i % len(PALETTE)], label=prog, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    top = max(bottom)
    for year, label in LIST_CHANGES.items():
        ax.axvline(year - 0.5, color="#c00", linestyle="--", linewidth=1.2)
        ax.text(year - 0.4, top * 1.02 + 0.1, label, color="#c00", fontsize=10, va="bottom")
    ax.set_ylim(0, top * 1.15 + 0.5)
    ax.set_xticks(years, [str(y) for y in years], rotation=45)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("年份")
    ax.set_ylabel("访问次数")
    ax.legend(title="项目", loc="upper left", fontsize=9)
    undated = v.height - known.height
    fig.suptitle(title + thin_note(visits.height), fontsize=15)
    if undated:
        ax.set_title(f"另有 {undated} 次访问年份不明，未画出", fontsize=10, color="#666")
    return to_png(fig, "timeline", title, f"{known.height} visits with a year, {undated} without")


def level_mix(m: Marts) -> Rendered:
    title = "层级组合：访问方层级 × 接待方层级"
    levels = visit_levels(m)
    fig = new_figure(8, 5.5)
    if levels.height == 0:
        not_enough_data(fig, title, "没有访问")
        return to_png(fig, "levels", title, "no visits", enough=False)
    source = levels["level_source"][0]
    rows = [*LEVELS, None] if levels["visiting_level"].null_count() else LEVELS
    cols = [*LEVELS, None] if levels["host_level"].null_count() else LEVELS
    counts = {(a, b): n for a, b, n in levels.group_by("visiting_level", "host_level").len().iter_rows()}
    grid = [[counts.get((r, c), 0) for c in cols] for r in rows]
    ax = fig.add_subplot()
    ax.imshow(grid, cmap="Blues", vmin=0)
    peak = max(max(r) for r in grid) or 1
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            ax.text(
                j,
                i,
                str(n),
                ha="center",
                va="center",
                fontsize=14,
                color="white" if n > peak * 0.6 else "#222",
            )
    ax.set_xticks(range(len(cols)), [LEVEL_ZH[c] for c in cols])
    ax.set_yticks(range(len(rows)), [LEVEL_ZH[r] for r in rows])
    ax.set_xlabel("接待方层级")
    ax.set_ylabel("访问方层级")
    how = (
        "层级取自 fact_visit 的层级列"
        if source == "column"
        else "层级暂由单位名称后缀推断（省/自治区/市/州/县…）"
    )
    ax.set_title(how, fontsize=10, color="#666")
    fig.suptitle(title + thin_note(levels.height), fontsize=15)
    return to_png(fig, "levels", title, f"{levels.height} visits; levels from {source}")


def leaders(m: Marts, top: int = 15) -> Rendered:
    title = "带队领导：按带队访问次数"
    bridge = m["bridge_visit_official"].filter(pl.col("is_leader").fill_null(False))
    led = (
        bridge.group_by("official_id")
        .agg(pl.col("visit_id").n_unique().alias("visits"))
        .join(m["dim_official"].select("official_id", "name", "province"), on="official_id", how="left")
        .sort(["visits", "name"], descending=[True, False])
        .head(top)
    )
    fig = new_figure(9, 0.9 + 0.36 * max(led.height, 5))
    if led.height == 0:
        not_enough_data(fig, title, "没有记录到带队领导")
        return to_png(fig, "leaders", title, "no leaders", enough=False)
    labels = [f"{r['name'] or '?'}（{r['province'] or '中央/未知'}）" for r in led.iter_rows(named=True)]
    ax = fig.add_subplot()
    ax.barh(range(led.height), led["visits"].to_list(), color=PALETTE[0])
    ax.set_yticks(range(led.height), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("带队访问次数")
    fig.suptitle(title, fontsize=15)
    return to_png(fig, "leaders", title, f"top {led.height} of {bridge['official_id'].n_unique()} leaders")


def quality(m: Marts) -> Rendered:
    title = "数据质量：文章状态与字体、无访问文章、证据类型"
    articles, visits = m["dim_article"], m["fact_visit"]
    fig = new_figure(12, 4.8)
    if articles.height == 0:
        not_enough_data(fig, title, "没有文章")
        return to_png(fig, "quality", title, "no articles", enough=False)
    ax1, ax2, ax3 = fig.subplots(1, 3)
    by = articles.with_columns(pl.col("script").fill_null(UNKNOWN)).group_by("status", "script").len()
    statuses = sorted(by["status"].unique().to_list())
    scripts = sorted(by["script"].unique().to_list())
    bottom = [0] * len(statuses)
    for i, script in enumerate(scripts):
        per = dict(by.filter(pl.col("script") == script).select("status", "len").iter_rows())
        heights = [per.get(s, 0) for s in statuses]
        ax1.bar(statuses, heights, bottom=bottom, label=script, color=PALETTE[i % len(PALETTE)])
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax1.legend(title="字体", fontsize=8)
    ax1.set_title("文章：状态 × 字体", fontsize=11)
    ax1.yaxis.set_major_locator(MaxNLocator(integer=True))

    loaded = articles.filter(pl.col("status") == "loaded")["article_id"]
    with_visit = set(visits["article_ids"].explode().drop_nulls().to_list())
    n_with = sum(1 for a in loaded.to_list() if a in with_visit)
    n_without = loaded.len() - n_with
    share = n_without / loaded.len() if loaded.len() else 0.0
    ax2.bar(["有访问", "无访问"], [n_with, n_without], color=[PALETTE[2], PALETTE[3]])
    ax2.set_title(f"已载入文章中无访问者占 {share:.0%}", fontsize=11)
    ax2.yaxis.set_major_locator(MaxNLocator(integer=True))

    if "basis" not in visits.columns:
        ax3.set_axis_off()
        ax3.text(
            0.5,
            0.5,
            "证据类型（basis）尚未记录\nnot recorded yet",
            ha="center",
            va="center",
            fontsize=12,
            color="#888",
        )
        basis_note = "basis not recorded yet"
    else:
        basis = visits.select(pl.col("basis").explode().drop_nulls()).group_by("basis").len().sort("len")
        if basis.height == 0:
            ax3.set_axis_off()
            ax3.text(0.5, 0.5, "没有访问带有证据类型", ha="center", va="center", fontsize=12, color="#888")
        else:
            ax3.barh(basis["basis"].to_list(), basis["len"].to_list(), color=PALETTE[4])
            ax3.xaxis.set_major_locator(MaxNLocator(integer=True))
        basis_note = f"{basis.height} basis kinds"
    ax3.set_title("访问的证据类型", fontsize=11)
    fig.suptitle(title, fontsize=15)
    summary = f"{articles.height} articles, {share:.0%} of loaded ones with no visit; {basis_note}"
    return to_png(fig, "quality", title, summary)
