-- Official mentions from the current extraction of each content (incremental as
-- stg_visit_mentions).
{{
    config(
        materialized = 'incremental',
        unique_key = 'content_sha256',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'fail',
        post_hook = "{{ keep_current_batches(ref('stg_extractions')) }}",
    )
}}

select o.*
from {{ source('staging_parquet', 'official_mentions') }} as o
inner join {{ ref('stg_extractions') }} as e
    on e.content_sha256 = o.content_sha256 and e.batch_id = o.batch_id
{% if is_incremental() %}
where not exists (
    select 1 from {{ this }} as t
    where t.content_sha256 = o.content_sha256 and t.batch_id = o.batch_id
)
{% endif %}
