"""Render every chart from the exported marts and write index.html plus one PNG per chart."""

from __future__ import annotations

import base64
import html
import io
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from PIL import Image

from visits.report import charts_basic, charts_map, charts_network
from visits.report.data import load_marts
from visits.report.style import Rendered, font_face_css, rc

# Order on the page; each function takes the marts and never raises on thin data.
CHARTS = (
    charts_basic.timeline,
    charts_network.network,
    charts_map.china_map,
    charts_basic.level_mix,
    charts_basic.leaders,
    charts_basic.quality,
)


@dataclass
class ReportResult:
    html_path: Path
    charts: list[Rendered]
    seconds: float
    counts: dict[str, int]

    @property
    def png_paths(self) -> list[Path]:
        return [self.html_path.parent / f"{c.slug}.png" for c in self.charts]

    @property
    def missing_glyphs(self) -> list[str]:
        return [g for c in self.charts for g in c.missing_glyphs]

    def chart(self, slug: str) -> Rendered:
        return next(c for c in self.charts if c.slug == slug)


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def markdown_image(chart: Rendered, caption: str) -> str:
    """For Dagster metadata: the asset page renders Markdown, images included, from a data URI.

    The caption is plain ASCII: the UI's own fonts may have no CJK glyphs (the chart has its own).
    """
    return f"**{caption}**\n\n![{chart.slug}]({data_uri(thumbnail(chart.png))})\n\n{chart.summary}"


def thumbnail(png: bytes, width: int = 800) -> bytes:
    """A smaller, 256-colour copy for the event log: a big network PNG is over 1 MB."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.thumbnail((width, width * 4))
    buf = io.BytesIO()
    image.quantize(256).save(buf, format="PNG", optimize=True)
    return buf.getvalue()


PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>访问数据报告 · Visits warehouse report</title>
<style>
{font_face}
body {{ font-family: "ReportCJK", sans-serif; margin: 0 auto; max-width: 1340px; padding: 16px 24px; color: #222; }}
header p {{ color: #555; margin: 4px 0; }}
figure.chart {{ margin: 28px 0; border-top: 1px solid #ddd; padding-top: 12px; }}
figure.chart h2 {{ font-size: 18px; margin: 4px 0 8px; }}
figure.chart img {{ max-width: 100%; height: auto; display: block; }}
figcaption {{ color: #666; font-size: 13px; margin-top: 4px; }}
</style>
</head>
<body>
<header>
<h1>东西部协作代表团访问 · 数据报告</h1>
<p>{counts}</p>
<p>Built {built} from the warehouse marts. Self-contained: every chart is embedded in this file;
the same pictures sit beside it as PNG files.</p>
</header>
{figures}
</body>
</html>
"""

FIGURE = """<figure class="chart" id="chart-{slug}" data-chart="{slug}" data-enough="{enough}">
<h2>{title}</h2>
<img src="{src}" alt="{title}" width="{width}" height="{height}">
<figcaption>{summary} · <a href="{slug}.png">{slug}.png</a></figcaption>
</figure>"""


def _png_size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # the IHDR chunk


def render_report(marts_dir: Path, out_dir: Path, cache_dir: Path | None = None) -> ReportResult:
    """Draw every chart, then replace out_dir's page and PNGs (written to temp names, renamed in).

    cache_dir (default out_dir/.cache) keeps the snapped map boundaries between builds.
    """
    started = time.monotonic()
    marts = load_marts(marts_dir)
    cache_dir = cache_dir or out_dir / ".cache"
    with matplotlib.rc_context(rc()):
        charts = [
            chart(marts, cache_dir) if chart is charts_map.china_map else chart(marts) for chart in CHARTS
        ]
    out_dir.mkdir(parents=True, exist_ok=True)
    for debris in out_dir.glob(".*.tmp"):  # left by a build killed mid-write
        debris.unlink(missing_ok=True)
    counts = {
        "articles": marts["dim_article"].height,
        "visits": marts["fact_visit"].height,
        "pairs": marts["dim_province_pair"].height,
        "officials": marts["dim_official"].height,
    }
    figures = []
    for chart in charts:
        _write_atomic(out_dir / f"{chart.slug}.png", chart.png)
        width, height = _png_size(chart.png)
        figures.append(
            FIGURE.format(
                slug=chart.slug,
                enough=str(chart.enough).lower(),
                title=html.escape(chart.title),
                src=data_uri(chart.png),
                width=width,
                height=height,
                summary=html.escape(chart.summary),
            )
        )
    heading = (
        f"{counts['articles']} 篇文章 · {counts['visits']} 次访问 · "
        f"{counts['pairs']} 个省份对 · {counts['officials']} 位官员"
    )
    figures_html = "\n".join(figures)
    page = PAGE.format(
        font_face="{font_face}",
        counts=html.escape(heading),
        built=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        figures=figures_html,
    )
    # Every character the page prints, in the embedded font subset (see font_face_css).
    page = page.replace("{font_face}", font_face_css(page, cache_dir))
    html_path = out_dir / "index.html"
    _write_atomic(html_path, page.encode("utf-8"))
    return ReportResult(html_path, charts, time.monotonic() - started, counts)


def _write_atomic(path: Path, data: bytes) -> None:
    # A reader (a browser, the UI test) never sees half a file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
