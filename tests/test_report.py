"""The report asset: built with the warehouse, self-contained, no tofu, and it survives thin data."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from pathlib import Path

import dagster as dg
import numpy as np
import polars as pl
import pytest
from fontTools.ttLib import TTFont
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM
from tests.support.paths import REPO
from visits.report.build import CHARTS, render_report
from visits.report.data import level_of_unit, load_marts, visit_levels
from visits.report.style import cjk_font_name, cjk_font_path, rc, to_png

SLUGS = ["timeline", "network", "map", "levels", "leaders", "quality"]
# Labels the charts print: provinces with rare characters, programme names, the card's text.
LABEL = "陕西省江苏省新疆维吾尔自治区宁夏回族自治区内蒙古凉山彝族自治州东西部扶贫协作对口支援数据不足"


def _pngs(out: Path) -> dict[str, Image.Image]:
    return {s: Image.open(out / f"{s}.png") for s in SLUGS}


# ---- pure functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("陕西省", "province"),
        ("广西壮族自治区", "province"),
        ("上海市", "province"),  # a municipality ends in 市: the province list decides
        ("遵义市", "prefecture"),
        ("凉山彝族自治州", "prefecture"),
        ("和田地区", "prefecture"),
        ("锡林郭勒盟", "prefecture"),
        ("沿河土家族自治县", "county"),
        ("浦东新区", "county"),
        ("科尔沁右翼前旗", "county"),
        ("苏州市、无锡市", "prefecture"),  # several units: the first named
        ("", None),
        (None, None),
    ],
)
def test_level_from_unit_suffix(unit, level):
    assert level_of_unit(unit, frozenset({"上海市", "陕西省"})) == level


def test_levels_prefer_the_contract_columns_when_present(tmp_path):
    marts = tmp_path / "marts"
    marts.mkdir()
    pl.DataFrame(
        {
            "visit_id": ["a", "b"],
            "visiting_unit": ["苏州市", "苏州市"],
            "host_unit": ["铜仁市", "铜仁市"],
            "visiting_level": ["county", None],  # the column says county; where NULL the suffix fills in
            "host_level": ["prefecture", None],
        }
    ).write_parquet(marts / "fact_visit.parquet")
    levels = visit_levels(load_marts(marts))
    assert levels["visiting_level"].to_list() == ["county", "prefecture"]
    assert levels["level_source"].unique().to_list() == ["column"]


def test_report_asset_follows_every_mart_it_reads(dbt_parsed):
    from orchestration.assets.dbt import warehouse_models
    from orchestration.assets.report import MART_KEYS
    from orchestration.definitions import defs

    assert set(MART_KEYS) <= set(warehouse_models.keys)  # a renamed mart would break the dependency
    graph = defs.resolve_asset_graph()
    assert set(graph.get(dg.AssetKey("report")).parent_keys) == set(MART_KEYS)
    job = defs.resolve_job_def("build_warehouse")
    assert dg.AssetKey("report") in job.asset_layer.asset_graph.get_all_asset_keys()  # part of `--select '*'`


# ---- no tofu ----------------------------------------------------------------------------------


def _glyph_image(text: str, family: list[str]) -> np.ndarray:
    fig = Figure(figsize=(1, 1), dpi=64)
    fig.text(0.5, 0.5, text, fontsize=40, ha="center", va="center", family=family)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., 0].copy()


@pytest.mark.filterwarnings("ignore:Glyph 1114109")  # the absent code point, drawn on purpose
def test_cjk_glyphs_differ_from_the_missing_glyph_box():
    family = [cjk_font_name()]
    absent = "\U0010fffd"  # a private-use code point no font maps: the font draws its .notdef box
    with rc_context(rc()):
        box = _glyph_image(absent, family)
        assert (box < 128).any(), "the missing-glyph box should draw something"
        for ch in sorted(set(LABEL)):
            glyph = _glyph_image(ch, family)
            assert (glyph < 128).any(), f"{ch} drew nothing"
            assert not np.array_equal(glyph, box), f"{ch} renders as the missing-glyph box (tofu)"


def test_the_tofu_guard_catches_a_font_without_cjk():
    """The report fails on a missing glyph; prove the guard sees one with a Latin-only font."""
    fig = Figure(figsize=(3, 1))
    fig.text(0.1, 0.5, LABEL, family=["DejaVu Sans"])
    assert to_png(fig, "x", "x", "x").missing_glyphs
    with rc_context(rc()):
        fig = Figure(figsize=(3, 1))
        fig.text(0.1, 0.5, LABEL)
        assert to_png(fig, "x", "x", "x").missing_glyphs == []
    assert cjk_font_path().is_file() and "site-packages" in str(cjk_font_path())  # from a wheel, not the OS


# ---- empty and thin warehouses ------------------------------------------------------------------


def test_report_renders_on_an_empty_warehouse(tmp_path):
    result = render_report(tmp_path / "no-marts-yet", tmp_path / "report")
    assert [c.slug for c in result.charts] == SLUGS
    assert not any(c.enough for c in result.charts)  # every chart shows its 'not enough data' card
    assert all(img.size[0] > 300 for img in _pngs(tmp_path / "report").values())
    page = result.html_path.read_text()
    assert page.count('data-enough="false"') == len(SLUGS)
    assert result.missing_glyphs == []


@pytest.fixture(scope="module")
def sample_build(sample_warehouse) -> dict:
    """`make build`'s command on the sample articles (the session's shared build), only read here."""
    return sample_warehouse


def _thin_marts(src: Path, dst: Path, n: int) -> None:
    """The sample marts cut down to n visits, with the pair counts recomputed to match."""
    shutil.copytree(src, dst)
    visits = pl.read_parquet(src / "fact_visit.parquet").sort("visit_id").head(n)
    visits.write_parquet(dst / "fact_visit.parquet")
    bridge = pl.read_parquet(src / "bridge_visit_official.parquet")
    bridge.filter(pl.col("visit_id").is_in(visits["visit_id"].implode())).write_parquet(
        dst / "bridge_visit_official.parquet"
    )
    pairs = pl.read_parquet(src / "dim_province_pair.parquet")
    joined = visits.join(pairs.select("province_pair_id", "east_province"), on="province_pair_id")
    e2w = (
        joined.filter(pl.col("visiting_province") == pl.col("east_province"))
        .group_by("province_pair_id")
        .len()
    )
    w2e = (
        joined.filter(pl.col("visiting_province") != pl.col("east_province"))
        .group_by("province_pair_id")
        .len()
    )
    pairs = (
        pairs.drop("visits_east_to_west", "visits_west_to_east")
        .join(e2w.rename({"len": "visits_east_to_west"}), on="province_pair_id", how="left")
        .join(w2e.rename({"len": "visits_west_to_east"}), on="province_pair_id", how="left")
        .with_columns(pl.col("visits_east_to_west", "visits_west_to_east").fill_null(0))
    )
    pairs.write_parquet(dst / "dim_province_pair.parquet")


@pytest.mark.slow
def test_make_build_writes_the_report_and_its_pngs(sample_build):
    out = sample_build["report"]
    page = (out / "index.html").read_text(encoding="utf-8")
    for slug, img in _pngs(out).items():
        assert img.format == "PNG" and img.size[0] >= 600, slug
        assert f'id="chart-{slug}"' in page
    # Self-contained: images are data URIs, and nothing points off the machine.
    assert page.count('src="data:image/png;base64,') == len(SLUGS)
    assert not re.search(r'(src|href)="(https?:)?//', page) and "<script" not in page
    assert 'data-enough="false"' not in page  # five visits fill every chart
    assert "5 次访问" in page
    # The embedded font subset covers every character the page shows (headings are not tofu either).
    font_b64 = re.search(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)", page).group(1)
    cmap = TTFont(io.BytesIO(base64.b64decode(font_b64))).getBestCmap()
    shown = set(re.sub(r"<[^>]+>|data:[^\"')]+", "", page)) - set(" \n\t")
    assert not {ch for ch in shown if ord(ch) > 127 and ord(ch) not in cmap}

    instance = dg.DagsterInstance.from_config(str(sample_build["home"]))
    event = instance.get_latest_materialization_event(dg.AssetKey("report"))
    assert event is not None
    metadata = event.asset_materialization.metadata
    for key in ("timeline", "network"):
        text = metadata[key].value
        assert isinstance(metadata[key], dg.MarkdownMetadataValue) and "](data:image/png;base64," in text
        Image.open(io.BytesIO(base64.b64decode(text.split("base64,")[1].split(")")[0])))
    assert metadata["visits"].value == 5


@pytest.mark.slow
@pytest.mark.parametrize("n", [0, 1, 5])
def test_report_renders_with_0_1_or_5_visits(sample_build, tmp_path, n):
    marts = tmp_path / "marts"
    _thin_marts(sample_build["warehouse"] / "marts", marts, n)
    result = render_report(marts, tmp_path / "report")
    assert result.counts["visits"] == n
    enough = {c.slug: c.enough for c in result.charts}
    if n == 0:
        assert enough == {**dict.fromkeys(SLUGS, False), "quality": True}  # the articles are still there
    else:
        assert all(enough.values()), enough
    assert result.missing_glyphs == []
    assert len(list((tmp_path / "report").glob("*.png"))) == len(CHARTS)


# ---- a generated corpus -------------------------------------------------------------------------


@pytest.mark.slow
def test_report_on_a_generated_corpus(generated_warehouse, tmp_path):
    n, warehouse = generated_warehouse["n"], generated_warehouse["warehouse"]
    out = warehouse / "report"
    result = render_report(warehouse / "marts", tmp_path / "again")  # the asset's output, re-rendered here
    assert result.counts["articles"] == n
    assert result.counts["visits"] > n // 2
    assert all(c.enough for c in result.charts)
    assert result.missing_glyphs == []
    assert (out / "index.html").exists() and all((out / f"{s}.png").exists() for s in SLUGS)
    # The same marts give the same pictures: the asset's PNGs equal a second rendering.
    assert (out / "timeline.png").read_bytes() == (tmp_path / "again" / "timeline.png").read_bytes()
    print(f"\nreport on {n} generated articles: {result.counts}, rendered in {result.seconds:.1f}s")


# ---- in a real browser ---------------------------------------------------------------------------

# `make report-shot` sets this to docs/report.png; otherwise the shot stays in test-artifacts/.
SHOT = Path(os.environ.get("VISITS_REPORT_SHOT") or REPO / "test-artifacts" / "report.png")


@pytest.mark.slow
@pytest.mark.ui
@pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)
def test_report_in_headless_chromium(sample_build, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed in .venv")
    page_path = sample_build["report"] / "index.html"
    failed, errors, off_machine = [], [], []
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 900},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.on("requestfailed", lambda r: failed.append(f"{r.url[:80]} {r.failure}"))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on(
                "request",
                lambda r: None if r.url.startswith(("file:", "data:")) else off_machine.append(r.url),
            )
            page.goto(page_path.as_uri(), wait_until="load")
            # Chinese headings need the embedded font: this chromium has no CJK font of its own.
            fonts = page.evaluate(
                "async () => { await document.fonts.ready;"
                " return [...document.fonts].map(f => f.family.replaceAll('\"', '') + ':' + f.status); }"
            )
            assert "ReportCJK:loaded" in fonts, fonts
            assert page.evaluate("() => document.fonts.check('16px ReportCJK', document.body.innerText)")
            titles: dict[str, str] = {}
            for slug in SLUGS:
                figure = page.locator(f"#chart-{slug}")
                titles[slug] = figure.locator("h2").inner_text()
                # The image decoded: a broken or blocked image has naturalWidth 0.
                width = figure.locator("img").evaluate("img => img.complete ? img.naturalWidth : 0")
                assert width >= 600, (slug, width)
            SHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOT), full_page=True)
        finally:
            context.close()
    assert not failed, failed
    assert not errors, errors
    assert not off_machine, off_machine
    expected = {
        c.slug: c.title for c in render_report(sample_build["warehouse"] / "marts", tmp_path / "r").charts
    }
    assert titles == expected
    assert Image.open(SHOT).size[0] >= 1300
