"""Pictures of the warehouse: charts drawn from the exported marts into one self-contained HTML page.

Reads only `warehouse/marts/*.parquet` (exported by the dbt asset after a finished build), so the
report never holds a lock on the DuckDB file and data flows one way. Entry point:
`visits.report.build.render_report`.
"""
