-- Fails on any mart column without a description in models/marts/_marts.yml: persist_docs
-- writes each description into the DuckDB comment, so an empty comment is an undocumented
-- column (or a broken persist_docs). A new mart goes in the list below so this runs after it.
-- depends_on: {{ ref('dim_article') }}, {{ ref('fact_visit') }}, {{ ref('dim_official') }}
-- depends_on: {{ ref('bridge_visit_official') }}, {{ ref('bridge_visit_article') }}
-- depends_on: {{ ref('dim_province_pair') }}, {{ ref('dim_province') }}
-- depends_on: {{ ref('dim_admin_division') }}, {{ ref('dim_title') }}
{{ config(
    meta = {'dagster': {'ref': {'name': 'fact_visit'}}},
    description = 'Every column of every mart has a description (a DuckDB comment).',
) }}
select table_name, column_name
from duckdb_columns()
where database_name = current_database()
  and schema_name = 'marts'
  and coalesce(trim(comment), '') = ''
