-- Visits from the current extraction of each content; rows of superseded or unfinished
-- batches (a crash before the extraction log was written) are left out by the join.
-- Incremental: only batches not yet loaded are read; a content's rows are replaced when its
-- extraction is redone, and dropped by the post-hook when the redone extraction finds none.
{{
    config(
        materialized = 'incremental',
        unique_key = 'content_sha256',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'append_new_columns',
        post_hook = "{{ keep_current_batches(ref('stg_extractions')) }}",
    )
}}

select v.*
from {{ source('staging_parquet', 'visit_mentions') }} as v
inner join {{ ref('stg_extractions') }} as e
    on e.content_sha256 = v.content_sha256 and e.batch_id = v.batch_id
{% if is_incremental() %}
where not exists (
    select 1 from {{ this }} as t
    where t.content_sha256 = v.content_sha256 and t.batch_id = v.batch_id
)
{% endif %}
