-- The current cleaning of each distinct content: the batch the ledger's pointer names.
-- Incremental: a build reads only the batches the pointer names that this table lacks, so
-- the heavy text columns are copied once; a content whose pointer moved (new code, or code
-- reverted to an earlier version) is replaced. `dbt build --full-refresh` gives the same rows.
{{
    config(
        materialized = 'incremental',
        unique_key = 'content_sha256',
        incremental_strategy = 'delete+insert',
        on_schema_change = 'fail',
        post_hook = "{{ keep_pointed_rows('clean_batch_id') }}",
    )
}}

select
    a.content_sha256::varchar as content_sha256,
    a.batch_id::varchar as batch_id,
    a.clean_version::varchar as clean_version,
    a.processed_at::timestamptz as processed_at,
    a.encoding::varchar as encoding,
    a.decode_status::varchar as decode_status,
    a.decode_reason::varchar as decode_reason,
    a.replaced_bytes::bigint as replaced_bytes,
    a.raw_text::varchar as raw_text,
    a.clean_text::varchar as clean_text,
    a.script::varchar as script,
    a.title::varchar as title,
    a.published_date::date as published_date,
    a.source::varchar as source,
    a.reporters::varchar[] as reporters,
    a.editors::varchar[] as editors,
    a.captions::varchar[] as captions,
    a.pinyin_removed::bigint as pinyin_removed,
    a.garbled_spans_found::bigint as garbled_spans_found,
    a.garbled_spans_rebuilt::bigint as garbled_spans_rebuilt,
    a.garbled_spans_placeholder::bigint as garbled_spans_placeholder
from {{ source('staging_parquet', 'cleaned_articles') }} as a
inner join {{ ref('stg_current_batches') }} as p
    on p.content_sha256 = a.content_sha256 and p.clean_batch_id = a.batch_id
{% if is_incremental() %}
where a.batch_id in ({{ pending_batches('clean_batch_id') }})
{% endif %}
