"""One look for every chart: the bundled CJK font, figure size, the 'not enough data' card, PNG bytes."""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import warnings
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from matplotlib import font_manager
from matplotlib.figure import Figure

DPI = 100
PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#9d755d"]
# Fewer visits than this and a drawn chart says it is thin.
THIN = 10


@cache
def cjk_font_path() -> Path:
    """WenQuanYi Micro Hei, shipped inside a PyPI wheel, so no system font and no download is needed."""
    path = Path(str(resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"))
    if not path.exists():
        raise FileNotFoundError(f"the CJK font is missing: {path} (pip install paperang-p2-fonts-cjk)")
    return path


@cache
def cjk_font_name() -> str:
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def rc() -> dict:
    return {
        "font.family": [cjk_font_name(), "DejaVu Sans"],
        "axes.unicode_minus": False,  # the CJK font has no U+2212
        "svg.hashsalt": "visits-report",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def new_figure(width: float = 10, height: float = 5.2) -> Figure:
    # Figure, not pyplot: no global state in the Dagster process.
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def not_enough_data(fig: Figure, title: str, why: str) -> None:
    """The card drawn instead of a chart when the marts cannot fill it."""
    fig.suptitle(title, fontsize=15)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.55, "数据不足 · not enough data", ha="center", va="center", fontsize=20, color="#888")
    ax.text(0.5, 0.38, why, ha="center", va="center", fontsize=12, color="#666", wrap=True)


def thin_note(n: int) -> str:
    return f"（仅 {n} 次访问，样本很小）" if n < THIN else ""


@dataclass
class Rendered:
    """One chart: its PNG bytes, and any glyph the font lacked (must stay empty: no tofu)."""

    slug: str
    title: str
    png: bytes
    summary: str
    enough: bool = True  # False: the 'not enough data' card was drawn instead of the chart
    missing_glyphs: list[str] = field(default_factory=list)


def to_png(fig: Figure, slug: str, title: str, summary: str, enough: bool = True) -> Rendered:
    buf = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # No Software/date chunk: the same marts give byte-identical PNGs.
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    return Rendered(slug, title, buf.getvalue(), summary, enough, missing)


def font_face_css(text: str, cache_dir: Path | None = None, family: str = "ReportCJK") -> str:
    """An @font-face rule embedding the CJK font cut down to `text`'s characters.

    The page's own headings are Chinese too, and a viewer may have no CJK font (Debian's chromium
    here has none): the subset travels inside the HTML, a few tens of kB instead of 5 MB. Loading
    the 35k-glyph font takes seconds, so a subset is kept in cache_dir by its character set.
    """
    chars = "".join(sorted(set(text) | set(" 0123456789")))
    key = hashlib.sha256(f"{cjk_font_path().stat().st_size}:{chars}".encode()).hexdigest()[:16]
    cached = cache_dir / f"font-{key}.ttf" if cache_dir else None
    if cached and cached.exists():
        data = cached.read_bytes()
    else:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # it warns of each dropped table
        font = TTFont(str(cjk_font_path()), fontNumber=0)
        subsetter = subset.Subsetter(subset.Options(layout_features=[], name_IDs=["*"], notdef_outline=True))
        subsetter.populate(text=chars)
        subsetter.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        data = buf.getvalue()
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
    encoded = base64.b64encode(data).decode("ascii")
    return f'@font-face {{ font-family: "{family}"; src: url(data:font/ttf;base64,{encoded}) format("truetype"); }}'
