-- One row per loaded article: the repaired simplified text every extraction reads.
-- Published in schema staging because ../shared/CONTRACT.md pins `staging.stg_articles`;
-- it lives with the intermediate models because it joins two of them.
-- Incremental: rewriting every article's text on each build (and DuckDB's checkpoint of it)
-- was most of a small build's dbt time. A build inserts only the articles whose row differs
-- from the one held (new, renamed, cleaned again, reverted), comparing every column; the
-- post-hook deletes articles no longer loaded. `dbt build --full-refresh` gives the same rows.
{{
    config(
        schema = 'staging',
        materialized = 'incremental',
        unique_key = 'article_id',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'fail',
        post_hook = "{{ keep_loaded_articles() }}",
    )
}}
{% set columns = ['clean_text', 'raw_text', 'title', 'published_date', 'source', 'script',
                  'reporters', 'editors', 'captions'] %}
with current_articles as (
    select
        f.article_id,
        {%- for column in columns %}
        c.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('int_article_files') }} as f
    inner join {{ ref('stg_cleaned_articles') }} as c using (content_sha256)
    where f.status = 'loaded'
)

select * from current_articles as n
{% if is_incremental() %}
where not exists (
    select 1 from {{ this }} as t
    where t.article_id = n.article_id
    {%- for column in columns %}
      and t.{{ column }} is not distinct from n.{{ column }}
    {%- endfor %}
)
{% endif %}
