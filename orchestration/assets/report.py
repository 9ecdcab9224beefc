"""Report: pictures of the marts, rebuilt after every build of the warehouse."""

import dagster as dg

from orchestration.resources import WRITER_POOL, WarehousePaths
from visits.report.build import markdown_image, render_report
from visits.report.data import MARTS

# The dbt models the report reads (through their Parquet export); it runs after all of them.
MART_KEYS = [dg.AssetKey(["marts", name]) for name in MARTS]


@dg.asset(
    name="report",
    group_name="report",
    deps=MART_KEYS,
    kinds={"html", "python"},
    # In the writers' pool: another run's Parquet export swaps warehouse/marts, and a report read
    # in that moment would see no marts at all.
    pool=WRITER_POOL,
    description="warehouse/report/index.html and one PNG per chart: timeline, pair network, map, "
    "level mix, leaders, data quality. Reads the exported marts only.",
)
def report(context: dg.AssetExecutionContext, warehouse: WarehousePaths) -> dg.MaterializeResult:
    result = render_report(warehouse.marts_dir, warehouse.report_dir)
    if result.missing_glyphs:  # tofu in a chart is a bug, not a warning
        raise dg.Failure(f"glyphs missing from the CJK font: {result.missing_glyphs[:5]}")
    context.log.info("report written to %s in %.1fs", result.html_path, result.seconds)
    return dg.MaterializeResult(
        metadata={
            "timeline": dg.MetadataValue.md(
                markdown_image(result.chart("timeline"), "Timeline: visits per year by programme")
            ),
            "network": dg.MetadataValue.md(
                markdown_image(result.chart("network"), "Province-pair network: visits each way")
            ),
            "path": dg.MetadataValue.path(str(result.html_path)),
            "charts": dg.MetadataValue.json({c.slug: c.summary for c in result.charts}),
            "render_seconds": dg.MetadataValue.float(round(result.seconds, 2)),
            **{k: dg.MetadataValue.int(v) for k, v in result.counts.items()},
        }
    )
