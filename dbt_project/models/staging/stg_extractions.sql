-- The newest extraction that read the current cleaning of each content.
-- Incremental like stg_cleaned_articles: a build reads only extractions written since the last
-- one; the post-hook drops an extraction whose cleaning was superseded (full refresh: same rows).
{{
    config(
        materialized = 'incremental',
        unique_key = 'content_sha256',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'fail',
        post_hook = "{{ keep_current_batches(ref('stg_cleaned_articles'), batch_column='clean_batch_id') }}",
    )
}}

select e.*
from {{ source('staging_parquet', 'extractions') }} as e
inner join {{ ref('stg_cleaned_articles') }} as c
    on c.content_sha256 = e.content_sha256 and c.batch_id = e.clean_batch_id
{% if is_incremental() %}
where e.processed_at > (select coalesce(max(processed_at), '1970-01-01'::timestamptz) from {{ this }})
{% endif %}
qualify row_number() over (partition by e.content_sha256 order by e.processed_at desc, e.batch_id desc) = 1
