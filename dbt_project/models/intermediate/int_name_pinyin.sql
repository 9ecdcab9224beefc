-- Each official's name in pinyin (the Python function name_pinyin), kept from build to build:
-- at 100,000 articles the function ran a million times per build. Incremental: a build
-- computes only the names this table lacks, or holds from another version of the function
-- (name_pinyin_version: visits/dbt_functions.py and pypinyin); the post-hook deletes names
-- no official has any more. `dbt build --full-refresh` gives the same rows.
{{
    config(
        materialized = 'incremental',
        unique_key = 'name',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'fail',
        post_hook = "delete from {{ this }} where name not in (select name from {{ ref('int_official_mentions') }} where name is not null)",
    )
}}
with names as (
    select distinct name from {{ ref('int_official_mentions') }} where name is not null
)

select n.name, name_pinyin(n.name) as name_pinyin, name_pinyin_version() as pinyin_version
from names as n
{% if is_incremental() %}
where not exists (
    select 1 from {{ this }} as t where t.name = n.name and t.pinyin_version = name_pinyin_version()
)
{% endif %}
