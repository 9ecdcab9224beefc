-- Fails on any staging or intermediate model, or any of their columns, without a description
-- in the yml beside it (models/staging/_staging.yml, models/intermediate/_intermediate.yml):
-- persist_docs writes each description into the DuckDB comment, as for the marts
-- (assert_every_mart_column_documented). Every such model feeds a mart, so running after the
-- marts runs after them all.
-- depends_on: {{ ref('dim_article') }}, {{ ref('fact_visit') }}, {{ ref('dim_official') }}
-- depends_on: {{ ref('bridge_visit_official') }}, {{ ref('bridge_visit_article') }}
-- depends_on: {{ ref('dim_province_pair') }}
{{ config(
    meta = {'dagster': {'ref': {'name': 'fact_visit'}}},
    description = 'Every staging and intermediate model and column has a description (a DuckDB comment).',
) }}
select schema_name, table_name, null as column_name
from duckdb_tables()
where database_name = current_database()
  and schema_name in ('staging', 'intermediate')
  and coalesce(trim(comment), '') = ''
union all
select schema_name, table_name, column_name
from duckdb_columns()
where database_name = current_database()
  and schema_name in ('staging', 'intermediate')
  and coalesce(trim(comment), '') = ''
