{#- The batch ids the pointer names that `this` does not hold yet, as a SQL list of literals
    ('NULL' when there are none). A literal list lets DuckDB skip every other batch's
    Parquet file from its statistics, so an incremental build reads only what is new. -#}
{% macro pending_batches(pointer_column) %}
    {%- if not execute -%}{{ return('NULL') }}{%- endif -%}
    {%- set sql -%}
        select distinct p.{{ pointer_column }}
        from {{ ref('stg_current_batches') }} as p
        where p.{{ pointer_column }} is not null
          and not exists (
              select 1 from {{ this }} as t
              where t.content_sha256 = p.content_sha256 and t.batch_id = p.{{ pointer_column }}
          )
        order by 1
    {%- endset -%}
    {%- set ids = run_query(sql).columns[0].values() -%}
    {{ return(("'" ~ ids | join("', '") ~ "'") if ids else 'NULL') }}
{% endmacro %}

{#- Post-hook of an incremental model keyed by content: delete the rows the pointer no longer
    names (a content whose every batch went aside as corrupt). delete+insert replaces only
    contents that have new rows, so without this a full refresh would differ. -#}
{% macro keep_pointed_rows(pointer_column) %}
    delete from {{ this }} as t
    where not exists (
        select 1 from {{ ref('stg_current_batches') }} as p
        where p.content_sha256 = t.content_sha256 and p.{{ pointer_column }} = t.batch_id
    )
{% endmacro %}
